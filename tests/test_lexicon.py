"""Walks every example of the event lexicon (timeline/data/events.toml): triggers, kinds, statuses."""
import pytest

from timeline.mentions import default_lexicon, find_triggers, status_of

LEX = default_lexicon()
TRIGGER_EXAMPLES = [pytest.param(e, id=f"{e['entry']}:{e['text'][:40]}") for e in LEX.examples
                    if e["entry"] not in ("status", "modifiers", "time_modifiers")]
TIME_MODIFIER_EXAMPLES = [pytest.param(e, id=e["text"][:40]) for e in LEX.examples if e["entry"] == "time_modifiers"]
MODIFIER_EXAMPLES = [pytest.param(e, id=e["text"][:40]) for e in LEX.examples if e["entry"] == "modifiers"]
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
    assert status_of(text, at, LEX) == example["status"]


def test_reporting_verbs_make_no_trigger():
    assert find_triggers("Menteri itu mengatakan kepada wartawan, kata juru bicara.", LEX) == []


@pytest.mark.parametrize("example", TIME_MODIFIER_EXAMPLES)
def test_time_modifier_example(example):
    """The time after a noun or a comparison word does not date the sentence's event."""
    from datetime import date

    from timeline.mentions import _names_a_thing
    from timeline.tagger import tag

    timexes = {t.text: t for t in tag(example["text"], date(2014, 12, 11))}
    assert _names_a_thing(example["text"], timexes[example["time"]], LEX)


@pytest.mark.parametrize("example", MODIFIER_EXAMPLES)
def test_modifier_example(example):
    """A country after `dollar`, `minyak mentah`… is not a participant."""
    from datetime import date

    from timeline.mentions import find_mentions
    from timeline.model import Document
    from timeline.tagger import tag

    text = example["text"]
    doc = Document(id="x", text=text, dct=date(2014, 12, 17), dct_source="cli")
    mentions = find_mentions(doc, tag(text, doc.dct))
    assert mentions and all(example["country"] not in m.participants for m in mentions)
