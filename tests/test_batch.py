"""timeline.nlp.batch: several documents' model calls in one `nlp.pipe`, with the same results as
alone, and a failure that stays with its document."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import timeline
from timeline import chronology
from timeline.events.lexicon import load_lexicon
from timeline.nlp import batch, tag_many
from timeline.nlp.batch import run_together
from timeline.nlp.entities import split_sentences
from timeline.nlp.names import entities_of

ROOT = Path(__file__).resolve().parents[1]


class Recorder:
    """A stand-in model: `pipe` gives each text upper-cased, and remembers every batch it got."""

    def __init__(self, fail_on: str | None = None):
        self.batches: list[list[str]] = []
        self.fail_on = fail_on

    def pipe(self, texts, **options):
        texts = list(texts)
        self.batches.append(texts)
        if self.fail_on in texts:
            raise ValueError(f"cannot read {self.fail_on!r}")
        return [t.upper() for t in texts]


def test_outside_run_together_pipe_is_the_models_pipe():
    m = Recorder()
    assert batch.pipe(m, ["a", "b"]) == ["A", "B"] and m.batches == [["a", "b"]]
    assert batch.pipe(m, []) == [] and m.batches == [["a", "b"]]  # nothing to ask: no call


def test_the_texts_of_all_the_functions_go_in_one_batch_per_model_and_round():
    pos, ner = Recorder(), Recorder()
    log = []

    def work(name: str, sentences: list[str]):
        def run():
            tags = batch.pipe(pos, sentences)
            log.append(("pos", name))
            ents = batch.pipe(ner, [s for s in sentences if s != "skip"], disable=["sentencizer"])
            log.append(("ner", name))
            return name, tags, ents
        return run

    out = run_together([work("a", ["a1", "a2"]), work("b", ["b1"]), work("c", ["skip"]), work("d", ["d1", "skip"])])
    assert out == [("a", ["A1", "A2"], ["A1", "A2"]), ("b", ["B1"], ["B1"]), ("c", ["SKIP"], []),
                   ("d", ["D1", "SKIP"], ["D1"])]
    assert pos.batches == [["a1", "a2", "b1", "skip", "d1", "skip"]]
    assert ner.batches == [["a1", "a2", "b1", "d1"]]  # `c` asked nothing of it
    # never two at once, and in order: each runs until it asks (`c` has nothing to ask of ner), then the next
    assert log == [("pos", "a"), ("pos", "b"), ("pos", "c"), ("ner", "c"), ("pos", "d"),
                   ("ner", "a"), ("ner", "b"), ("ner", "d")]


def test_a_text_that_breaks_the_batch_fails_only_its_own_document():
    m = Recorder(fail_on="bad")

    def ask(texts):
        def run():
            try:
                return batch.pipe(m, texts)
            except ValueError as exc:
                return f"failed: {exc}"
        return run

    assert run_together([ask(["x"]), ask(["bad", "y"]), ask(["z"])]) == [["X"], "failed: cannot read 'bad'", ["Z"]]
    assert m.batches == [["x", "bad", "y", "z"], ["x"], ["bad", "y"], ["z"]]  # together, then each alone


def test_an_exception_of_one_function_is_raised_after_all_have_run():
    done = []

    def ok(name):
        return lambda: done.append(name) or name

    def boom():
        raise KeyError("boom")

    with pytest.raises(KeyError):
        run_together([ok("a"), boom, ok("c")])
    assert done == ["a", "c"]


@pytest.fixture(scope="module")
def sentences():
    texts = [d.text for d in timeline.read([ROOT / "tests" / "data" / "kompas-dev"]) if d.status == "ok"][:12]
    out = []
    for text in texts:
        out.append([s.text for p in text.split("\n") if p.strip() for s in split_sentences(p)][:8])
    return out


def test_tags_and_entities_in_one_batch_are_those_of_each_document_alone(sentences):
    lex = load_lexicon(None)

    def alone(ss):
        return tag_many(ss), [vars(e) for e in entities_of(ss, [0] * len(ss), lex, [True] * len(ss))]

    together = run_together([lambda ss=ss: alone(ss) for ss in sentences])
    assert together == [alone(ss) for ss in sentences]
    assert sum(len(ss) for ss in sentences) >= 80


def test_the_chronology_is_the_same_whatever_number_of_documents_go_together(monkeypatch):
    docs = lambda: timeline.read([ROOT / "tests" / "data" / "stories" / "riau_governor_kpk_2025" / "articles.jsonl"])
    dump = lambda c: json.dumps([e.as_dict() for e in c.events], ensure_ascii=False, sort_keys=True)
    monkeypatch.setattr(chronology, "TOGETHER", 1)
    one = dump(timeline.extract(docs()))
    monkeypatch.setattr(chronology, "TOGETHER", 7)
    assert dump(timeline.extract(docs())) == one and len(one) > 1000
