"""Walks every example and non-example of the TIMEX3 grammar (timeline/lang/id/timex_rules.toml),
and checks that every rule family of issue 10 has both."""
from datetime import date

import pytest

from timeline.timex.grammar import rules
from timeline.timex.normalize import VALUE_RE
from timeline.timex.tagger import tag

EXAMPLES = [pytest.param(r.name, e, id=f"{r.name}:{e.span}") for r in rules() for e in r.examples]
NON_EXAMPLES = [pytest.param(r.name, t, id=f"{r.name}:not:{t}") for r in rules() for t in r.non_examples]

# The rule families of issue 10 (docs/timex-conventions.md fixes their values) and the rules that carry
# their examples and non-examples.
FAMILIES = {
    "1 a day followed by a clock time is one TIME": ["weekday", "day_month", "date_day_month_year", "clock_pukul"],
    "2 clocks and parts of day on the narrative day": ["pod_that", "clock_pukul", "part_of_day", "prayer_time"],
    "3 hour, minute and second offsets": ["ago", "duration"],
    "4 offsets from a full date keep the day; hampir/lebih dari on DATEs": ["ago", "day_after"],
    "5 false alarms: angles, dulu as 'first'": ["angle", "dulu_first", "vague_ref"],
    "6 a day of the month without a month; (21/4)": ["day_of_month", "bracket_day_month"],
    "7 holidays": ["holiday"],
    "8 12-hour clocks": ["clock_pukul", "weekday"],
    "9 ranges naming the month once; count ranges": ["range_start", "count_range"],
    "10 seasons, prayer times, part of day + itu, vague short durations, reduplicated units":
        ["season", "prayer_time", "pod_lead", "pod_that", "vague_short", "counted_units", "vague_rep_offset"],
    "11 forms of user-written text": ["user_day_month", "user_weekday", "user_weekday_abbrev", "user_day_slash_month",
                                      "clock_pukul"],
}


def test_every_rule_has_examples():
    assert all(r.examples for r in rules()), [r.name for r in rules() if not r.examples]


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_has_examples_and_non_examples(family):
    by_name = {r.name: r for r in rules()}
    members = [by_name[name] for name in FAMILIES[family]]  # a KeyError here: a family's rule is gone
    assert all(r.examples for r in members)
    assert any(r.non_examples for r in members), f"{family}: no non-example"


@pytest.mark.parametrize("rule_name, example", EXAMPLES)
def test_example(rule_name, example):
    if example.skip:
        pytest.skip(example.skip)
    dct = date.fromisoformat(example.dct) if example.dct else None
    found = tag(example.text, dct)
    spans = {t.text: t for t in found}
    assert example.span in spans, f"{example.span!r} not found in {[t.text for t in found]}"
    timex = spans[example.span]
    assert timex.value == example.value
    assert VALUE_RE.match(timex.value)
    if example.type:
        assert timex.type == example.type
    if example.mod:
        assert timex.mod == example.mod


@pytest.mark.parametrize("rule_name, text", NON_EXAMPLES)
def test_non_example(rule_name, text):
    assert tag(text, date(2014, 12, 10)) == []
