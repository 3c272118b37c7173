"""Part-of-speech tags and lemmas for Indonesian news.

- `load()` returns the part-of-speech tagger trained by `make model` (scripts/train_pos.py) and
  shipped in timeline/lang/id/models/pos: a spaCy pipeline (spaCy's Indonesian tokenizer, tok2vec,
  tagger) that sets `token.tag_` to an nlp-id tag (NN, NNP, VB, JJ, ADV, IN, PR, SC, CC, DT, NUM,
  NEG, FW, RP, UH, SYM). Loaded once per process, never downloaded. `TIMELINE_POS_MODEL` points
  at another trained pipeline.
- `lemma(word)` is the PySastrawi stemmer (`menetapkan` → `tetap`): on the UD Indonesian gold
  lemmas it beat a trained spaCy lemmatizer (see timeline/lang/id/models/pos/SOURCES.md).
"""
from __future__ import annotations

import os
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path


class ModelMissing(RuntimeError):
    pass


def model_dir() -> Path:
    """Where the tagger is read from: $TIMELINE_POS_MODEL, else the shipped model."""
    env = os.environ.get("TIMELINE_POS_MODEL")
    if env:
        return Path(env)
    return Path(str(resources.files("timeline").joinpath("lang", "id", "models", "pos")))


@cache
def load():
    """The part-of-speech pipeline (loaded once)."""
    import spacy

    from .blas import use_numpy_blas

    path = model_dir()
    if not (path / "config.cfg").exists():
        raise ModelMissing(
            f"the part-of-speech model is missing in {path}: run `make model` "
            "(scripts/train_pos.py), or set TIMELINE_POS_MODEL to a trained spaCy pipeline"
        )
    # The saved tokenizer is spaCy's Indonesian default: building it from the language data is
    # faster than loading its saved exceptions (tests/test_pos_model.py checks they agree).
    nlp = spacy.load(path, exclude=["tokenizer"])
    use_numpy_blas(nlp)  # numpy's OpenBLAS: faster than thinc's BLIS here, the same tags (nlp/blas.py)
    return nlp


@cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The root form of a word (lower-cased), by PySastrawi; the lower-cased word itself where
    the stemmer returns nothing (punctuation, symbols)."""
    return _stemmer().stem(word) or word.lower()
