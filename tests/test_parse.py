"""The shipped dependency parser (timeline/lang/id/models/parser, trained by scripts/train_parser.py)
and the headline compression along its trees (timeline/nlp/parse.py, clauses.toml [compress]).

tests/data/ud-heldout.conllu is the first 60 sentences of UD Indonesian-CSUI test, the parser's
held-out split (never trained on or chosen by)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from timeline.events.lexis import data
from timeline.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def test_the_parser_is_shipped_and_parses_held_out_news_as_measured():
    from train_parser import score

    nlp = parse.load()
    assert nlp is not None and "parser" in nlp.pipe_names
    from train_parser import read_trees

    s = score(nlp, read_trees(ROOT / "tests" / "data" / "ud-heldout.conllu"))
    assert s["uas"] >= 0.72 and s["las"] >= 0.60  # scores.json: the whole test split, a little lower


@pytest.mark.parametrize("text, limit, kept, gone", data()["compress"]["examples"], ids=lambda x: str(x)[:30])
def test_compress_example(text, limit, kept, gone):
    short = parse.compress(text, limit)
    assert short is not None
    words = short.split()
    assert len(words) <= limit
    assert all(w in words for w in kept), short
    assert not any(w in words for w in gone), short
    # deletion only: the words left are the clause's, in its order (a comma kept after a word whose
    # phrase went stands against the word before: `kebakaran ⟨gudang … Kupang⟩, Mataram`)
    it = iter(x.strip(",") for x in text.split())
    assert all(any(w.strip(",") == x for x in it) for w in words)


def test_a_short_clause_is_left_as_it_is_and_negation_stays():
    text = "Kejaksaan belum menetapkan tersangka dalam kasus korupsi dana hibah yang merugikan negara miliaran rupiah"
    assert parse.compress("KPK menggeledah rumah dinas gubernur", 12) == "KPK menggeledah rumah dinas gubernur"
    short = parse.compress(text, 8)
    assert short is not None and "belum" in short.split() and "menetapkan" in short.split()


def test_no_parser_no_compression(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_PARSER_MODEL", str(tmp_path))
    parse.load.cache_clear()
    try:
        assert parse.compress("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh", 3) is None
    finally:
        monkeypatch.delenv("TIMELINE_PARSER_MODEL")
        parse.load.cache_clear()


def test_a_clause_too_long_for_a_sentence_is_cut_not_parsed(monkeypatch):
    """A clause of hundreds of words (a page without full stops) is no sentence a headline can be
    made of by deletion; parsing it would cost what the rest of the article costs."""
    import sys

    import timeline.events.describe  # noqa: F401 (the module, not the function of the same name)

    describe = sys.modules["timeline.events.describe"]
    calls = []
    monkeypatch.setattr(describe, "parse", lambda *a, **k: calls.append(a) or None)
    text = "Harga " + "minyak dunia " * 200 + "naik"
    title = describe._title(text, 0, len(text), [], [], {})
    assert not calls and len(title.split()) <= describe.TITLE_WORDS
    short = "Bergabung dengan para pejabat tinggi militernya yang menangani pabrik senjata, Budi tiba di Kupang"
    describe._title(short, 0, len(short), [], [], {})
    assert calls  # a clause of a sentence's length is parsed when its cut is suspect
