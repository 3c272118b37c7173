"""timeline.nlp.blas: the models on numpy's OpenBLAS give the tags and entities of a plain spaCy load
(which runs them on thinc's BLIS)."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import timeline
from timeline.nlp import blas
from timeline.nlp.entities import NER_DIR, ner_model, split_sentences
from timeline.nlp.pos import load, model_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def texts():
    docs = [d.text for d in timeline.read([ROOT / "tests" / "data" / "kompas-dev"]) if d.status == "ok"][:12]
    return [s.text for text in docs for p in text.split("\n") if p.strip() for s in split_sentences(p)][:200]


def test_the_models_on_numpys_blas_give_the_results_of_a_plain_spacy_load(texts):
    if blas._one_openblas_thread():  # numpy's OpenBLAS is there: the models run on it
        assert not ner_model().get_pipe("tok2vec").model.ops.use_blis
    plain_ner = spacy.load(NER_DIR, exclude=["tokenizer"])  # thinc's own BLIS
    plain_pos = spacy.load(model_dir(), exclude=["tokenizer"])
    ours = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in ner_model().pipe(texts)]
    assert ours == [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in plain_ner.pipe(texts)]
    assert sum(map(len, ours)) > 100 and len(texts) == 200
    assert [[t.tag_ for t in d] for d in load().pipe(texts)] == [[t.tag_ for t in d] for d in plain_pos.pipe(texts)]
