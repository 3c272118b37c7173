"""Dating an article: its document creation time (DCT).

Precedence: the input's own DCT (`input`), then `--dct` (`cli`), then the text (`text`), else none.
From the text, in this order (the first that applies wins):
1. a dateline near the top: a full date with a clock time (`29 Des 2014 13:18`);
2. the article's own news day in the lead: a weekday with a full bracketed date
   (`hari ini, Senin (29/12/2014)`, `pada Kamis, (11/12/2014)`), the Indonesian news convention;
   ... or a weekday with a bracketed day and month (`Kamis (13/2)`) in the one year, among those
   of the lead's full dates and the next, on which that day is that weekday;
3. a full date (day, month and year) in the first lines, unless it bounds a span (`hingga 2 Maret`).
A date whose weekday disagrees with it (a typo) is passed over. A date the text does not state
is never guessed: relative expressions then keep X placeholders.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ..model import Document, Timex
from .grammar import words
from .tagger import tag

DATELINE_CHARS = 500  # how far from the top a dateline may stand
LEAD_CHARS = 1500  # the lead, where the news day is named
TOP_CHARS = 400  # where a plain full date still dates the article

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2})?(?:T[A-Z]{2})?$")  # `…T13:18`, `…TNI` (dini hari)
_DAY_MONTH = re.compile(r"^XXXX-(\d{2})-(\d{2})(?:T.*)?$")  # `Kamis (16/5) malam`
_BOUND: re.Pattern | None = None


def _bound() -> re.Pattern:
    """A word before a date that makes it bound a span ([dct_bounds] of time_words.toml)."""
    global _BOUND
    if _BOUND is None:
        alt = "|".join(re.escape(b) for b in words().dct_bounds) or "(?!)"
        _BOUND = re.compile(rf"\b(?:{alt})\s+(?:tanggal\s+)?$", re.I)
    return _BOUND


def _named_weekday(text: str) -> int | None:
    weekdays = words().weekdays
    named = [weekdays[w.lower()] for w in re.findall(r"[\w'’]+", text) if w.lower() in weekdays]
    return named[0] if named else None


def _weekday_agrees(text: str, d: date) -> bool:
    """`Kamis (11/12/2013)` where 11/12/2013 was a Wednesday is a typo: no ground for a DCT."""
    named = _named_weekday(text)
    return named is None or named == d.isoweekday()


def weekday_date(t: Timex, years: Iterable[int]) -> date | None:
    """`Kamis (13/2)` without a year: the one date among `years` on which 13 February is the
    Thursday it names; None when no year or several fit, or the expression names no weekday."""
    m = _DAY_MONTH.match(t.value)
    named = _named_weekday(t.text)
    if not m or named is None:
        return None
    fits = [d for d in (_date_or_none(y, int(m[1]), int(m[2])) for y in sorted(set(years))) if d and d.isoweekday() == named]
    return fits[0] if len(fits) == 1 else None


def dct_from_text(text: str) -> date | None:
    """The publication date the text itself states, or None."""
    head = text[:LEAD_CHARS]
    timexes = tag(text, upto=LEAD_CHARS)  # the text's matches are kept for tagging it next
    dated = []
    for t in timexes:
        m = _FULL_DATE.match(t.value)
        if m and _weekday_agrees(t.text, date(int(m[1]), int(m[2]), int(m[3]))):
            dated.append((t, date(int(m[1]), int(m[2]), int(m[3])), bool(m[4])))
    for t, d, has_clock in dated:
        if has_clock and t.start < DATELINE_CHARS:
            return d
    for t, d, _ in dated:
        if t.rule == "weekday":
            return d
    years = {d.year for _, d, _ in dated} | {d.year + 1 for _, d, _ in dated}
    for t in timexes:
        found = weekday_date(t, years) if t.rule == "weekday" else None
        if found is not None:
            return found
    for t, d, _ in dated:
        if t.start < TOP_CHARS and not _bound().search(head[max(0, t.start - 25):t.start]):
            return d
    return None


def _date_or_none(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def date_document(doc: Document, cli_dct: date | None = None) -> Document:
    """Fill in `doc.dct` and `doc.dct_source` following the precedence above."""
    if doc.status != "ok" or doc.dct is not None:
        return doc
    if cli_dct is not None:
        doc.dct, doc.dct_source = cli_dct, "cli"
        return doc
    found = dct_from_text(doc.text)
    if found is not None:
        doc.dct, doc.dct_source = found, "text"
    else:
        doc.dct_source = "none"
    return doc
