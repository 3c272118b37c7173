"""Walks every example and non-example of the clause words (timeline/lang/id/clauses.toml)."""
import pytest

from timeline.events.lexis import EXAMPLE_PATTERNS, data, edit_patterns, patterns


def _pattern(section: str):
    name = EXAMPLE_PATTERNS.get(section, section)
    return patterns().get(name) or edit_patterns()[name]


EXAMPLES = [pytest.param(s, text, found, id=f"{s}:{text[:30]}") for s in EXAMPLE_PATTERNS
            for text, found in data()[s].get("examples", [])]
NON_EXAMPLES = [pytest.param(s, text, id=f"{s}:not:{text[:30]}") for s in EXAMPLE_PATTERNS
                for text in data()[s].get("non_examples", [])]
# a section may hold a second rule with its own examples: `retell` beside `anaphora`
# (`retell_examples`, `retell_non_examples`, checked by the pattern `retell`)
SUB_RULES = [(s, key[:-len("_examples")]) for s in data() for key in data()[s]
             if key.endswith("_examples") and not key.endswith("non_examples") and s != "cues"]
EXAMPLES += [pytest.param(rule, text, found, id=f"{s}.{rule}:{text[:30]}") for s, rule in SUB_RULES
             for text, found in data()[s][f"{rule}_examples"]]
NON_EXAMPLES += [pytest.param(rule, text, id=f"{s}.{rule}:not:{text[:30]}") for s, rule in SUB_RULES
                 for text in data()[s].get(f"{rule}_non_examples", [])]


def test_every_section_has_examples():
    assert all(data()[s].get("examples") for s in EXAMPLE_PATTERNS)
    assert SUB_RULES and all(data()[s].get(f"{rule}_non_examples") for s, rule in SUB_RULES)


@pytest.mark.parametrize("section, text, found", EXAMPLES)
def test_example(section, text, found):
    assert [m.group() for m in _pattern(section).finditer(text)][:1] == [found]


@pytest.mark.parametrize("section, text", NON_EXAMPLES)
def test_non_example(section, text):
    assert _pattern(section).search(text) is None


@pytest.mark.parametrize("text, family", data()["cues"]["cue_examples"])
def test_cue_example(text, family):
    from timeline.events.lexis import cues

    assert family in cues(text.lower().split())


def test_cue_non_examples_and_every_family_has_an_example():
    from timeline.events.lexis import CUE_FAMILIES, cues

    assert {family for _, family in data()["cues"]["cue_examples"]} == set(CUE_FAMILIES)
    assert all(not cues(text.lower().split()) for text in data()["cues"]["cue_non_examples"])


@pytest.mark.parametrize("text", data()["conditional"]["examples"])
def test_conditional_example(text):
    from timeline.events.lexis import conditional
    assert conditional(text)


@pytest.mark.parametrize("text", data()["conditional"]["non_examples"])
def test_conditional_non_example(text):
    from timeline.events.lexis import conditional
    assert not conditional(text)
