"""spaCy's default Indonesian tokenizer, with its prefix search made a match where that is the same.

spaCy finds a token's prefix with `re.search` over an alternation of some 300 pieces, each
anchored with `^`. `search` tries the whole alternation at every position of the string, though an
anchored piece can only match at the first: building the tokenizer's 16,000 special cases calls it
32,000 times, at 35 µs a call, a fifth of the model's load. `AnchoredSearch` is the same function:
it matches at the start first (where `search` also tries first, in the same order), and looks
further only when the string holds the first letters of a piece that is not anchored (spaCy's
Indonesian prefixes have one: `<a([^>]+)>`, anywhere in the string): then with `search` itself.
The tokens are the same (tests/test_affixes.py).
"""
from __future__ import annotations

import re


def _unanchored_needles(pattern: re.Pattern) -> tuple[str, ...] | None:
    """The literal opening of each top-level alternative of `pattern` that is not anchored at the
    start (`()`: all are); None when that cannot be told (an alternative that opens with no
    literal, flags that change what `^` or a literal means, a pattern of another shape)."""
    try:
        from re import _constants as C, _parser as P
    except ImportError:  # another Python's internals
        return None
    if pattern.flags & (re.MULTILINE | re.IGNORECASE) or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = P.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 -- an internal parser of another version: keep `search`
        return None
    ops = list(tree.data)
    if ops and ops[0] == (C.AT, C.AT_BEGINNING):
        return ()
    if len(ops) != 1 or ops[0][0] is not C.BRANCH:
        return None
    needles = []
    for alt in ops[0][1][1]:
        data = list(alt.data)
        if data and data[0] == (C.AT, C.AT_BEGINNING):
            continue
        literal = []
        for op, arg in data:
            if op is not C.LITERAL:
                break
            literal.append(chr(arg))
        if not literal:
            return None
        needles.append("".join(literal))
    return tuple(needles)


class AnchoredSearch:
    """`pattern.search` for a pattern whose alternatives are (nearly all) anchored at the start."""

    __slots__ = ("__self__", "_match", "_search", "_needles")

    def __init__(self, pattern: re.Pattern, needles: tuple[str, ...]):
        self.__self__ = pattern  # what spaCy serialises: `prefix_search.__self__.pattern`
        self._match, self._search, self._needles = pattern.match, pattern.search, needles

    def __call__(self, string: str):
        m = self._match(string)
        if m is not None:
            return m
        for needle in self._needles:
            if needle in string:
                return self._search(string)
        return None


def prefix_search(pattern: re.Pattern):
    """`pattern.search`, or the same function made faster when the pattern's alternatives are anchored."""
    needles = _unanchored_needles(pattern)
    return pattern.search if needles is None else AnchoredSearch(pattern, needles)


def _tokenizer():
    """spacy.Tokenizer.v1 (spacy/language.py, `create_tokenizer`), but for the prefix search."""
    from spacy import util
    from spacy.tokenizer import Tokenizer

    def tokenizer_factory(nlp):
        d = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=prefix_search(util.compile_prefix_regex(d.prefixes)) if d.prefixes else None,
            suffix_search=util.compile_suffix_regex(d.suffixes).search if d.suffixes else None,
            infix_finditer=util.compile_infix_regex(d.infixes).finditer if d.infixes else None,
            token_match=d.token_match,
            url_match=d.url_match,
        )

    return tokenizer_factory


NAME = "timeline.default_tokenizer.v1"


def register() -> dict:
    """Register the tokenizer with spaCy; returns the config override that loads a pipeline on it."""
    import spacy

    spacy.registry.tokenizers.register(NAME, func=_tokenizer)
    return {"nlp": {"tokenizer": {"@tokenizers": NAME}}}
