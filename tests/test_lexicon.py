"""Walks every example of the event lexicon (timeline/data/events.toml): triggers, kinds, statuses."""
import pytest

from timeline.mentions import default_lexicon, find_triggers, status_of

LEX = default_lexicon()
TRIGGER_EXAMPLES = [pytest.param(e, id=f"{e['entry']}:{e['text'][:40]}") for e in LEX.examples
                    if e["entry"] not in ("status", "modifiers", "time_modifiers", "themes", "headline")]
TIME_MODIFIER_EXAMPLES = [pytest.param(e, id=e["text"][:40]) for e in LEX.examples if e["entry"] == "time_modifiers"]
MODIFIER_EXAMPLES = [pytest.param(e, id=e["text"][:40]) for e in LEX.examples if e["entry"] == "modifiers"]
THEME_EXAMPLES = [pytest.param(e, id=e["text"][:40]) for e in LEX.examples if e["entry"] == "themes"]
HEADLINE_EXAMPLES = [pytest.param(e, id=e["text"][:40]) for e in LEX.examples if e["entry"] == "headline"]
STATUS_EXAMPLES = [pytest.param(e, id=f"{e['status']}:{e['text'][:40]}") for e in LEX.examples if e["entry"] == "status"]


def test_every_trigger_kind_is_declared():
    kinds = set(LEX.forms.values()) | set(LEX.stems.values()) | set(LEX.phrases.values())
    assert kinds <= set(LEX.kinds), kinds - set(LEX.kinds)


def test_compatibility_is_symmetric():
    for kind, spec in LEX.kinds.items():
        for other in spec.get("compatible", []):
            assert kind in LEX.kinds[other].get("compatible", []), (kind, other)


@pytest.mark.parametrize("example", TRIGGER_EXAMPLES)
def test_trigger_example(example):
    found = [(word, kind) for _, word, kind in find_triggers(example["text"], LEX)]
    if example["trigger"]:
        assert found == [(example["trigger"], example["kind"])]
    else:
        assert found == []


@pytest.mark.parametrize("example", STATUS_EXAMPLES)
def test_status_example(example):
    text = example["text"]
    at = text.index(example["trigger"])
    assert status_of(text, at, LEX, example["trigger"]) == example["status"]


def test_reporting_verbs_make_no_trigger():
    assert find_triggers("Menteri itu mengatakan kepada wartawan, kata juru bicara.", LEX) == []


@pytest.mark.parametrize("example", TIME_MODIFIER_EXAMPLES)
def test_time_modifier_example(example):
    """The time after a noun or a comparison word does not date the sentence's event."""
    from datetime import date

    from timeline.mentions import _names_a_thing
    from timeline.timex.tagger import tag

    timexes = {t.text: t for t in tag(example["text"], date(2014, 12, 11))}
    assert _names_a_thing(example["text"], timexes[example["time"]], LEX)


@pytest.mark.parametrize("example", MODIFIER_EXAMPLES)
def test_modifier_example(example):
    """A country after `dollar`, `minyak mentah`… is not a participant."""
    from datetime import date

    from timeline.mentions import find_mentions
    from timeline.model import Document
    from timeline.timex.tagger import tag

    text = example["text"]
    doc = Document(id="x", text=text, dct=date(2014, 12, 17), dct_source="cli")
    mentions = find_mentions(doc, tag(text, doc.dct))
    assert mentions and all(example["country"] not in m.participants for m in mentions)


def _mention(text: str, trigger: str):
    from datetime import date

    from timeline.mentions import find_mentions
    from timeline.model import Document
    from timeline.timex.tagger import tag

    doc = Document(id="x", text=text, dct=date(2014, 12, 11), dct_source="cli")
    found = [m for m in find_mentions(doc, tag(text, doc.dct), LEX) if m.trigger == trigger]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("example", THEME_EXAMPLES)
def test_theme_example(example):
    """What rose or fell (the measure) and the kind it gives the mention."""
    m = _mention(example["text"], example["trigger"])
    assert (m.measure or "", m.kind) == (example["measure"], example["kind"])


@pytest.mark.parametrize("example", HEADLINE_EXAMPLES)
def test_headline_example(example):
    """A row title in the sentence's own words."""
    from datetime import date

    from timeline import theme
    from timeline.timex.tagger import tag

    text = example["text"]
    spans = [(t.start, t.end) for t in tag(text, date(2014, 12, 11))]
    at = text.index(example["trigger"])
    p = theme.phrase(text, at, example["trigger"], spans, LEX)
    assert theme.title(p, example["trigger"], []) == example["title"]


def test_unplanned_rise_is_expected_and_a_decided_one_planned():
    assert _mention("Harga beras akan naik pekan depan.", "naik").status == "expected"
    assert _mention("Pemerintah akan menaikkan harga BBM pekan depan.", "menaikkan").status == "planned"
