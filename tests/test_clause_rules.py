"""Walks every example and non-example of the clause words (timeline/lang/id/clauses.toml)."""
import pytest

from timeline.events.lexis import EXAMPLE_PATTERNS, data, edit_patterns, patterns


def _pattern(section: str):
    name = EXAMPLE_PATTERNS[section]
    return patterns().get(name) or edit_patterns()[name]


EXAMPLES = [pytest.param(s, text, found, id=f"{s}:{text[:30]}") for s in EXAMPLE_PATTERNS
            for text, found in data()[s].get("examples", [])]
NON_EXAMPLES = [pytest.param(s, text, id=f"{s}:not:{text[:30]}") for s in EXAMPLE_PATTERNS
                for text in data()[s].get("non_examples", [])]


def test_every_section_has_examples():
    assert all(data()[s].get("examples") for s in EXAMPLE_PATTERNS)


@pytest.mark.parametrize("section, text, found", EXAMPLES)
def test_example(section, text, found):
    assert [m.group() for m in _pattern(section).finditer(text)][:1] == [found]


@pytest.mark.parametrize("section, text", NON_EXAMPLES)
def test_non_example(section, text):
    assert _pattern(section).search(text) is None
