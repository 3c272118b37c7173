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

from functools import cache, lru_cache
from pathlib import Path


class ModelMissing(RuntimeError):
    pass


def model_dir() -> Path:
    """Where the model is read from: $TIMELINE_POS_MODEL, else the shipped one."""
    from . import model_path

    return model_path("pos", "TIMELINE_POS_MODEL")


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
    # faster than loading its saved exceptions (tests/test_pos_model.py checks they agree), and
    # taking the named-entity model's, built the same way, is faster still.
    nlp = _on_the_named_entity_tokenizer(path) or spacy.load(path, exclude=["tokenizer"])
    use_numpy_blas(nlp)  # numpy's OpenBLAS: faster than thinc's BLIS here, the same tags (nlp/blas.py)
    return nlp


def _bare_tokenizer():
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)  # no rules: replaced as soon as the pipeline is loaded


def _on_the_named_entity_tokenizer(path: Path):
    """The tagger on the vocabulary and the tokenizer of the named-entity model (nlp/entities.py):
    both models were trained on spaCy's default Indonesian tokenizer, and building it takes two
    seconds. None when that model is missing or this one is not a plain Indonesian pipeline (word
    vectors, lookup tables): then it is loaded on a tokenizer of its own."""
    import spacy
    from spacy.util import load_config

    try:
        from .entities import ner_model

        ner = ner_model()
    except Exception:  # no named-entity model: the tagger still works alone
        return None
    config = load_config(path / "config.cfg", interpolate=True)
    if config["nlp"].get("lang") != ner.lang or any(config["initialize"].get(k) for k in ("vectors", "lookups",
                                                                                          "vocab_data")):
        return None
    spacy.registry.tokenizers.register("timeline.bare_tokenizer.v1", func=_bare_tokenizer)
    nlp = spacy.load(path, vocab=ner.vocab, exclude=["tokenizer", "vocab"],
                     config={"nlp": {"tokenizer": {"@tokenizers": "timeline.bare_tokenizer.v1"}}})
    nlp.vocab.strings.from_disk(path / "vocab" / "strings.json")  # its tags' names, beside the other model's strings
    nlp.tokenizer = ner.tokenizer
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
