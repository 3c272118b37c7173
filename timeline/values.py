"""The calendar algebra of TIMEX3 values: the span of days a value covers, and whether two overlap.

`2019` covers 2019-01-01 … 2019-12-31, `2024-W19` the Monday to Sunday of that ISO week.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

# The years the tool reasons in: a DCT outside them is refused, a time expression valued outside
# them (`2019 tahun lalu` from 2020) is dropped, so that the date arithmetic of every stage (a week
# after, a year before) stays inside Python's calendar (years 1 to 9999).
FIRST_YEAR, LAST_YEAR = 100, 9899


def in_calendar(d: date) -> bool:
    return FIRST_YEAR <= d.year <= LAST_YEAR


def check_dct(d: date) -> date:
    """`d`, or ValueError when it is outside the years the tool reasons in."""
    if not in_calendar(d):
        raise ValueError(f"outside the supported years {FIRST_YEAR:04d}-{LAST_YEAR}")
    return d


@lru_cache(maxsize=65536)
def span_start(value: str) -> date:
    """The first day of a date's span: `2019` → 2019-01-01, `2024-W19` → the Monday of that ISO week."""
    if "-W" in value:
        year, week = value.split("-W")
        return date.fromisocalendar(int(year), int(week[:2]), 1)
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@lru_cache(maxsize=65536)
def span_end(value: str) -> date:
    """The last day of a date's span."""
    s = span_start(value)
    if "-W" in value:
        return s + timedelta(days=6)
    if len(value) == 4:
        return date(s.year, 12, 31)
    if len(value) == 7:
        return date(s.year + (s.month == 12), s.month % 12 + 1, 1) - timedelta(days=1)
    return s


def dates_compatible(a: str, b: str) -> bool:
    """One date's span contains the other's (2014-12 and 2014-12-10; 2024-W19 and 2024-05-08; a week
    and a month or year it falls in)."""
    if "-W" not in a and "-W" not in b:
        return a.startswith(b) or b.startswith(a)
    (sa, ea), (sb, eb) = (span_start(a), span_end(a)), (span_start(b), span_end(b))
    return sa <= sb and eb <= ea or sb <= sa and ea <= eb or (sa <= sb <= ea or sb <= sa <= eb) and len(a) != len(b)
