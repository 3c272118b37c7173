"""nlp/affixes.py: the tokenizer the models run on is spaCy's default Indonesian one, token for token."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, strategies as st
from spacy.lang.id import Indonesian
from spacy.util import compile_prefix_regex

from timeline.nlp.affixes import AnchoredSearch, _unanchored_needles, prefix_search
from timeline.nlp.entities import NER_DIR, ner_model

ROOT = Path(__file__).resolve().parents[1]


def _corpus() -> list[str]:
    from timeline.io.read import read

    return [d.text for d in read([ROOT / "tests" / "data" / "kompas-dev"]) if d.status == "ok"]


PREFIX = compile_prefix_regex(Indonesian.Defaults.prefixes)


def _span(m):
    return None if m is None else (m.start(), m.end())


def test_indonesian_prefixes_are_anchored_but_one():
    # spaCy's Indonesian HTML prefix `<a([^>]+)>` has no `^`: it is found anywhere, and still is
    assert _unanchored_needles(PREFIX) == ("<a",)
    assert isinstance(prefix_search(PREFIX), AnchoredSearch)


def test_shapes_that_cannot_be_told_keep_search():
    for pattern in (re.compile(r"^a|b+"), re.compile(r"^a|[bc]d"), re.compile(r"(?m)^a|^b"), re.compile(r"(?i)^a|xb")):
        assert prefix_search(pattern) == pattern.search
    assert _unanchored_needles(re.compile(r"^a|^bc")) == ()


PIECES = ["(", ")", "\"", "'", "<a href='x'>", "<b/>", "<a>", "$", "US$", "Rp", "Rp.", "-", "—", "…", ".", "..",
          "a", "anak", "Jakarta", "12", "3,5", "<", ">", "a<a x>", "«", "“", "¡", "§", " ", "x<a", "S$"]


@given(st.lists(st.sampled_from(PIECES), max_size=6).map("".join))
def test_same_match_as_search(string):
    fast = prefix_search(PREFIX)
    assert _span(fast(string)) == _span(PREFIX.search(string))


def test_same_match_on_every_exception_and_corpus_word():
    fast = prefix_search(PREFIX)
    words = set(Indonesian.Defaults.tokenizer_exceptions)
    for text in _corpus():
        words.update(text.split())
    for w in words:
        assert _span(fast(w)) == _span(PREFIX.search(w)), w
        assert _span(fast(w[1:])) == _span(PREFIX.search(w[1:])), w


@pytest.fixture(scope="module")
def default_tokenizer():
    return spacy.blank("id").tokenizer


def test_the_same_tokens_as_spacys_default(default_tokenizer):
    ours = ner_model().tokenizer
    assert isinstance(ours.prefix_search, AnchoredSearch)
    texts = _corpus()
    texts += ["<p>Baca juga: <a href=\"https://x.id\">Banjir</a> (Rp 5.000) — «kata» dia.</p> x<a b>c",
              "US$12, S$3, ¡Hola! ‘Anak-anak’ (KPK)… 10/12/2014."]
    for text in texts:
        a, b = ours(text), default_tokenizer(text)
        assert [(t.text, t.whitespace_, t.norm_) for t in a] == [(t.text, t.whitespace_, t.norm_) for t in b]


def test_serialised_as_the_shipped_tokenizer():
    assert (NER_DIR / "tokenizer").read_bytes() == ner_model().tokenizer.to_bytes(exclude=["vocab"])
