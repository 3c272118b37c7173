"""Walks every example and non-example of the TIMEX3 grammar (timeline/lang/id/timex_rules.toml)."""
from datetime import date

import pytest

from timeline.timex.grammar import rules
from timeline.timex.normalize import VALUE_RE
from timeline.timex.tagger import tag

EXAMPLES = [pytest.param(r.name, e, id=f"{r.name}:{e.span}") for r in rules() for e in r.examples]
NON_EXAMPLES = [pytest.param(r.name, t, id=f"{r.name}:not:{t}") for r in rules() for t in r.non_examples]


def test_every_rule_has_examples():
    assert all(r.examples for r in rules()), [r.name for r in rules() if not r.examples]


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
