"""The spaCy side of the pipeline: part of speech (nlp/pos.py, trained by `make model`), named
entities (entities.py, names.py). `predicates(...)` is what the event layer asks of the tagger:
the verbs of a clause and the nouns formed from verbs (`penggeledahan`, `kecelakaan`)."""
from __future__ import annotations

import re
from functools import cache

# nouns formed from a verb: pe(N)-…-an, per-…-an, ke-…-an (`penangkapan`, `pertemuan`, `kecelakaan`);
# the form is also what a retelling clause may name again (events/lexis.py `retell`)
NOMINAL_FORM = r"(?:pe[mnr]?|peng|peny|per|ke)[a-z]{3,}an"
_NOMINAL = re.compile(rf"^{NOMINAL_FORM}(?:nya)?$")
# affixed verb forms, used only when the part-of-speech model is not there
_VERB_FORM = re.compile(r"^(?:me[mn]?|meng|meny|di|ber|ter|mem)[a-z]{3,}$")
_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\S")

Token = tuple[int, int, str, str]  # (start, end, word, tag)


def model_path(name: str, env: str):
    """Where a shipped model is read from: the folder `$env` names, else
    timeline/lang/id/models/`name` (trained by `make model`)."""
    import os
    from importlib import resources
    from pathlib import Path

    return Path(os.environ.get(env) or str(resources.files("timeline").joinpath("lang", "id", "models", name)))


@cache
def _model():
    """The part-of-speech pipeline, or None when it is not there (predicates then go by word form)."""
    try:
        from .pos import load
        return load()
    except Exception:  # no trained model: predicates fall back on word forms
        return None


def _by_form(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group().lower()
        tag = "VB" if _VERB_FORM.match(w) else "NN" if w.isalpha() else "SYM"
        out.append((m.start(), m.end(), m.group(), tag))
    return out


def tag_many(texts: list[str]) -> list[list[Token]]:
    """(start, end, word, tag) of every token of each text, by the part-of-speech model in one batch
    (by word form when the model is missing)."""
    nlp = _model()
    if nlp is None:
        return [_by_form(t) for t in texts]
    from .batch import pipe  # with the other documents' sentences, under `run_together` (nlp/batch.py)

    return [[(t.idx, t.idx + len(t.text), t.text, t.tag_) for t in doc] for doc in pipe(nlp, texts, batch_size=64)]


def tag(text: str) -> list[Token]:
    return tag_many([text])[0]


def is_predicate(word: str, tag: str) -> bool:
    """The tagger's verbs, the nouns formed from verbs, and affixed verb forms the tagger took for a
    noun or an adjective (`tergenang`: Sastrawi strips its affix, so it is no bare root)."""
    if tag == "VB":
        return True
    low = word.lower()
    if tag == "NN" and _NOMINAL.match(low):
        return True
    if tag in ("NN", "JJ") and _VERB_FORM.match(low):
        from .pos import lemma

        return lemma(low) != low
    return False


_ACTIVE_FORM = re.compile(r"^(?:me[mn]?|meng|meny)[a-z]{3,}$")


def verb_tag(word: str, tag: str) -> str:
    """The tag, but `VB` for an active verb form (meN- on a root Sastrawi knows) that the tagger took
    for a noun or an adjective (`Sejumlah menteri … merapat di Kantor …`), as the parser and the
    headline's checks read it (the tagger's own tags stay what the event features were trained on)."""
    low = word.lower()
    if tag in ("NN", "JJ") and _ACTIVE_FORM.match(low):
        from .pos import lemma

        if lemma(low) != low:
            return "VB"
    return tag


def predicates(tokens: list[Token], start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, word) of each predicate among `tokens` between `start` and `end`, left to right."""
    return [(s, e, w) for s, e, w, t in tokens if start <= s and (end is None or e <= end) and is_predicate(w, t)]
