"""The spaCy side of the pipeline: part of speech (nlp/pos.py, trained by `make model`) and the
predicates it finds. `predicates(text)` is what the event layer asks: the verbs of a clause and the
nouns formed from verbs (`penggeledahan`, `kecelakaan`)."""
from __future__ import annotations

import re
from functools import lru_cache

# nouns formed from a verb: pe(N)-…-an, per-…-an, ke-…-an (`penangkapan`, `pertemuan`, `kecelakaan`)
_NOMINAL = re.compile(r"^(?:pe[mnr]?|peng|peny|per|ke)[a-z]{3,}an(?:nya)?$")
# affixed verb forms, used only when the part-of-speech model is not there
_VERB_FORM = re.compile(r"^(?:me[mn]?|meng|meny|di|ber|ter|mem)[a-z]{3,}$")


@lru_cache(maxsize=4096)
def predicates(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of each predicate in `text`, left to right."""
    tagged = tag(text)
    if tagged is not None:
        return tuple((s, e, w) for s, e, w, tag in tagged
                     if tag == "VB" or (tag == "NN" and _NOMINAL.match(w.lower())))
    out = []
    for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", text):
        w = m.group().lower()
        if _VERB_FORM.match(w) or _NOMINAL.match(w):
            out.append((m.start(), m.end(), m.group()))
    return tuple(out)


def _model():
    try:
        from .pos import load
        return load()
    except Exception:  # no trained model: predicates fall back on word forms
        return None


_MODEL: list = []


def tag(text: str) -> list[tuple[int, int, str, str]] | None:
    """(start, end, word, tag) of every token, by the part-of-speech model; None without one."""
    if not _MODEL:
        _MODEL.append(_model())
    nlp = _MODEL[0]
    if nlp is None:
        return None
    doc = nlp(text)
    return [(t.idx, t.idx + len(t.text), t.text, t.tag_) for t in doc]
