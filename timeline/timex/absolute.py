"""One absolute date written any way (`--dct 10 Desember 2014`, `Rabu, 10/12/2014`,
`Wed, 10 Dec 2014 10:58:00 +0700` from HTML metadata): `parse_date(text) -> date`.

In order: ISO `YYYY-MM-DD`; the grammar of timeline/lang/id (one expression that names a day,
month and year and is most of the text); then dateparser, the fallback for the forms the grammar
does not know (other languages, RFC 2822, month first), with only its absolute-date parsers and
day, month and year all required, so that nothing is guessed from the day the tool runs
(`kemarin`, `13 September` are refused). dateparser is imported only when it is needed.
"""
from __future__ import annotations

import re
from datetime import date

from ..values import check_dct

__all__ = ["parse_date"]

MAX_CHARS = 100  # longer is not a date: refused before any parser sees it
_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")


def parse_date(text: str) -> date:
    """The date `text` names, or ValueError (also for a year outside values.FIRST_YEAR…LAST_YEAR)."""
    text = text.strip()
    if not text or len(text) > MAX_CHARS:
        raise ValueError("not a date")
    try:
        return check_dct(date.fromisoformat(text))
    except ValueError as exc:
        if "outside" in str(exc):
            raise
    found = _by_grammar(text) or _by_dateparser(text)
    if found is None:
        raise ValueError("not a date")
    return check_dct(found)


def _by_grammar(text: str) -> date | None:
    from .tagger import tag

    timexes = tag(text)
    full = [t for t in timexes if _FULL_DAY.match(t.value)]
    if len(full) != 1 or len(full[0].text) * 2 < len(text):
        return None
    m = _FULL_DAY.match(full[0].value)
    return date(int(m[1]), int(m[2]), int(m[3]))


def _by_dateparser(text: str) -> date | None:
    try:
        import dateparser
    except ImportError:  # an install without it: the grammar's forms only
        return None
    found = dateparser.parse(text, languages=["id", "en"], settings={
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
    })
    return found.date() if found is not None else None
