"""Walks every example of the event lexicon (timeline/lang/id/events.toml): triggers, kinds, statuses."""
import pytest

from timeline.events.lexicon import default_lexicon, find_triggers, status_of

LEX = default_lexicon()
TRIGGER_EXAMPLES = [pytest.param(e, id=f"{e['entry']}:{e['text'][:40]}") for e in LEX.examples
                    if e["entry"] != "status"]
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


def test_phrase_patterns_match_as_the_longest_first_alternation():
    """The lexicon's phrases and ignored phrases are matched by a trie: the same matches as the plain
    alternation, longest first, any run of white space between words, in any letter case."""
    import random
    import re
    from pathlib import Path

    from timeline import read

    texts = [d.text for d in read([Path(__file__).parent / "data" / "kompas-dev"])]
    texts += [e["text"] for e in LEX.examples]
    rng = random.Random(5)
    for phrases in (LEX.phrases, LEX.ignored):
        pool = sorted(phrases) + ["  ", "\n", "-", "nya", "a", ","]
        texts += [" ".join(rng.choice(pool) for _ in range(6)) for _ in range(1000)]
        texts += [t.upper() for t in texts[-200:]]
    plain = lambda phrases: "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    phrase_re = re.compile(rf"(?<!\w)(?:{plain(LEX.phrases)})(?!\w)", re.I)
    ignore_re = re.compile(rf"(?<!\w)(?=((?:{plain(LEX.ignored)})(?!\w)))", re.I)
    for text in texts:
        assert [(s, p) for s, p, _ in LEX.phrase_matches(text)] == [(m.start(), m.group()) for m in phrase_re.finditer(text)]
        assert LEX.ignored_spans(text) == [m.span(1) for m in ignore_re.finditer(text)]
