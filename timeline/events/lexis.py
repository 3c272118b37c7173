"""The Indonesian clause words of timeline/lang/id/clauses.toml, compiled once."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from ..nlp import NOMINAL_FORM


@cache
def data() -> dict:
    return tomllib.loads(resources.files("timeline.lang.id").joinpath("clauses.toml").read_text(encoding="utf-8"))


def _words(name: str, key: str = "words") -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data()[name][key], key=len, reverse=True))


@cache
def patterns() -> dict[str, re.Pattern]:
    d = data()
    return {
        "dateline": re.compile(d["dateline"]["pattern"]),
        "lead_dateline": re.compile(d["lead_dateline"]["pattern"]),
        "quote": re.compile(d["quote"]["pattern"]),
        "occasion": re.compile(rf"^\W*(?:{_words('occasion', 'prepositions')})\s+(?!(?:{_words('anaphora', 'time_nouns')}|{_words('occasion', 'not_occasions')})\s)"
                               rf"[\w-]+(?:\s+[\w-]+)?\s+(?:{_words('anaphora', 'pointers')})\b", re.I),
        "clause_break": re.compile(rf"(?:,\s+(?=(?:{_words('clause_break')})\b)|;\s*|\s+(?=(?:{_words('complement')})\b))", re.I),
        "venue": re.compile(rf"\b(?:{_words('venue', 'prepositions')})\s+(?:(?:{_words('venue', 'nouns')})\s+)?$", re.I),
        "subordinate_first": re.compile(rf"^\W*(?:{_words('subordinate')})\b", re.I),
        "complement": re.compile(rf"\s+(?=(?:{_words('complement')})\b)", re.I),
        "saying": re.compile(rf"\b(?:{_words('saying')})\b", re.I),
        "statement": re.compile(rf"\b(?:{_words('statement')})\b", re.I),
        "frame": re.compile(rf"^(.{{0,80}}?)\b(?:{_words('saying')})\b(?:\s+(?:dia|ia|beliau|mereka))?\s*,?\s*"
                            rf"(?:bahwa\s+)?(.{{15,}})$", re.I),
        "quote_end": re.compile(rf"^([^\"“”]{{10,}}?[\"”])\s*,?\s*(?=(?:{_words('saying')})\b)", re.I),
        "saying_first": re.compile(rf"^\W*(?:{_words('saying')})\b", re.I),
        "said_at": re.compile(rf"^\W*(?:{_words('saying')})\s+(?P<speaker>(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,5}}))"
                              rf"\s+(?:{_words('said_at')})\s+(?!(?:itu|ini|tersebut)\b)", re.I),
        "comparison": re.compile(rf"\b(?:{_words('comparison')})\s+(?:[\w-]+\s+){{0,3}}?(?:sejak|dalam|pada|selama)\s*$", re.I),
        "according": re.compile(rf"^(?:{_words('according')})\s+((?:[^\s,]+\s+){{0,5}}[^\s,]+),\s+(?=\S.{{14,}})", re.I),
        "section": re.compile(rf"^\s*(?:{_words('section')})[ \t]+(?=[A-Z][a-z])"),
        "reference_point": re.compile(rf"(?<![\w-])(?:sebelah\s+)?(?:{_words('reference_point')})(?:\s+(?:laut|daya))?\s+$"),
        "against": re.compile(rf"\b(?:{_words('comparison', 'against')})\s+(?:dengan\s+)?"
                              rf"(?:(?:{_words('comparison', 'periods')})\b(?:\s+[\w-]+){{0,3}}\s+)?$", re.I),
        "like": re.compile(rf"(?<![\w-])(?:{_words('comparison', 'like')})\s+(?:[^\s,.;:]+\s+){{1,6}}$", re.I),
        "thing_before_time": re.compile(rf"\b(?:{_words('thing_before_time')})\s+(?:(?:hingga|sampai|pada|tahun|bulan)\s+)?$", re.I),
        "thing_name": re.compile(rf"(?<![\w-])(?:{_words('thing_name')})\s+$", re.I),
        "quoted_title": re.compile(rf"(?<![\w-])(?:{_words('quoted_title')})\s*:?\s+$", re.I),
        "cited": re.compile(rf"\b(?:{_words('cited')})\s+(?:(?:kantor\s+berita|media|situs|laman|harian|surat\s+kabar|stasiun\s+televisi)\s+(?:[\w-]+\s+)?)?$", re.I),
        "source_opening": re.compile(rf"^\W*(?:{_words('cited', 'source_opening')})\b", re.I),
        "anaphora": re.compile(rf"^\W*(?:{_words('anaphora', 'nouns')})(?:\s+[\w-]+)?\s+(?:{_words('anaphora', 'pointers')})\b", re.I),
        # a pointing clause that only retells (`Hal itu disampaikan …`), or a saying of `hal` and a pointer
        "retell": re.compile(rf"^\W*(?:{_words('anaphora', 'nouns')}|{NOMINAL_FORM})(?:\s+[\w-]+)?\s+(?:{_words('anaphora', 'pointers')})"
                             rf"\s+(?:juga\s+|pun\s+|sudah\s+|telah\s+)?(?P<verb>{_words('anaphora', 'retell')}|"
                             rf"{_words('anaphora', 'retell_happened')})\b"
                             rf"|\b(?:{_words('saying')})\s+hal\s+(?:{_words('anaphora', 'pointers')})\b"
                             rf"|^\W*(?:{_words('anaphora', 'so_said')})\s+(?:{_words('anaphora', 'so_said_nouns')}|"
                             rf"{_words('anaphora', 'retell')})\b", re.I),
        "points": re.compile(rf"(?<![\w-])(?!(?:{_words('anaphora', 'time_nouns')})\s)[\w-]+\s+(?:{_words('anaphora', 'pointers')})\b", re.I),
        # the opening word of a subordinate clause, not in a fixed phrase (`sejak awal`)
        "opening": re.compile(rf"^\W*(?!(?:{_words('subordinate', 'idioms')})\b)(?:{_words('subordinate')})\b\s*,?\s*", re.I),
        "fronted": re.compile(rf"^(?:{_words('headline', 'fronted')}|{_words('headline', 'responding')})\s+(?:[^\s,]+\s+){{0,6}}[^\s,]+,\s+", re.I),
        "vague_future": re.compile(rf"^(?:{_words('vague_future')})$", re.I),
        "year_range_dated": re.compile(rf"(?<![\w-])(?:{_words('year_range', 'dated_after')})\s+$", re.I),
        "name_before_year": re.compile(rf"(?<![\w-])(?!(?:{_words('name_before_year', 'not_names')})\b)[A-Z0-9][\w-]*\s+$"),
    }


# the sections of clauses.toml whose examples tests/test_rules.py walks, with the pattern that checks them
EXAMPLE_PATTERNS = {"venue": "venue", "subordinate": "subordinate_first", "complement": "complement", "dateline": "dateline", "lead_dateline": "lead_dateline", "occasion": "occasion", "quote": "quote", "clause_break": "clause_break", "saying": "saying",
                    "comparison": "comparison", "thing_before_time": "thing_before_time", "name_before_year": "name_before_year",
                    "cited": "cited", "anaphora": "anaphora", "vague_future": "vague_future",
                    "reference_point": "reference_point", "section": "section",
                    "according": "according", "thing_name": "thing_name", "quoted_title": "quoted_title", "statement": "statement", "said_at": "said_at",
                    "year_range": "year_range_dated"}


@cache
def stopwords() -> frozenset[str]:
    return frozenset(data()["stop"]["words"])


@cache
def headline_breaks() -> frozenset[str]:
    return frozenset(data()["headline"]["breaks"])


@cache
def edit_patterns() -> dict[str, re.Pattern]:
    return {
        "connective": re.compile(rf"^\W*(?:{_words('connective')})\b\s*,?\s*", re.I),
        "time_qualifier": re.compile(rf"\s*\(?(?:{_words('time_qualifier')})\b\)?", re.I),
        "time_preposition": re.compile(rf"(?:\b(?:{_words('time_preposition')})\s+)+$", re.I),
        # (only after a word: a legal form opening a sentence is a word of it)
        "legal_form": re.compile(rf"(?<=\w)\s*\((?:{_words('headline', 'legal_forms')})\)|(?<=\w)\s+(?:{_words('headline', 'legal_forms')})\b\.?(?=\s|$)"),
    }


EXAMPLE_PATTERNS.update(connective="connective", time_preposition="time_preposition", time_qualifier="time_qualifier")


CUE_FAMILIES = ("first_person", "modal", "statistic", "forecast", "copula", "colloquial")


@cache
def cue_words() -> dict[str, str]:
    """Each cue word of clauses.toml [cues] and its family."""
    return {w: family for family in CUE_FAMILIES for w in data()["cues"][family]}


def cues(words: list[str]) -> set[str]:
    """The cue families that the lower-cased words of a clause show."""
    table = cue_words()
    return {table[w] for w in words if w in table}


def conditional(clause: str) -> bool:
    """Whether a conditional word (clauses.toml [conditional]) opens a condition in `clause`: not
    right after a verb of saying or denying, where it opens what is said (`membantah jika …`)."""
    return any((m.group(1) or "").lower() not in complement_verbs() for m in _conditional_pattern().finditer(clause))


@cache
def _conditional_pattern() -> re.Pattern:
    words = "|".join(data()["conditional"]["words"])
    return re.compile(rf"(?:(?<![\w-])([\w-]+)\s+)?(?<![\w-])(?:{words})(?![\w-])", re.I)


@cache
def complement_verbs() -> frozenset[str]:
    return frozenset(data()["conditional"]["opens_complement_after"]) | frozenset(data()["saying"]["words"])


@cache
def conditional_words() -> frozenset[str]:
    return frozenset(data()["conditional"]["words"])
