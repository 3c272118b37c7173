"""TIMEX3 time expressions: the grammar, the tagger, the normalisers, the DCT and their scoring.

    grammar    word lists and rules loaded from the language's data files (timeline/lang/id/)
    tagger     tag(text, dct) -> [Timex]
    normalize  each rule's normaliser: match -> (value, type, mod)
    holidays   the days of named holidays (the `holidays` package's official calendar)
    dct        the publication date of an article
    evaluate   TempEval-3 scores against TimeML gold

Nothing here is Indonesian: every word and what it means is data of `timeline/lang/<lang>/`.
"""
from __future__ import annotations

__all__ = ["tag", "date_document", "dct_from_text", "weekday_date"]


def __getattr__(name: str):
    # lazy: importing the package does not load the grammar
    if name == "tag":
        from .tagger import tag
        return tag
    if name in ("date_document", "dct_from_text", "weekday_date"):
        from . import dct
        return getattr(dct, name)
    raise AttributeError(name)
