"""When an article that states no date was written: a `dct_window` from what it shares with dated ones.

Only telling evidence counts:
- a happening it dates by a bare month or day (`September lalu`: written after it) that is one of
  the events dated articles tell;
- a plan it calls near (`dalam beberapa hari mendatang`: written shortly before the event);
- a day it names by weekday (`Senin (3/2)`): the one date, in a year of the corpus's dated articles
  (or the next), on which 3 February is a Monday; news names the weekday of days within a fortnight
  of it, a happening before it, a plan after;
- a shared event of a known day that it dates by days from its own (`akan tiba besok`: the day
  before the visit) places it exactly.
The pieces are weighed by `_agreeing`: a single piece that contradicts the rest is outvoted.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Document, Timex
from ..timex.dct import weekday_date
from ..timex.tagger import tag
from ..values import span_start
from .candidates import Candidate
from .cluster import JOIN_COARSER, Group, matches, venues_differ

NEAR_FUTURE = timedelta(days=14)  # how long before an event a vague near future may have been written
HAPPENED = ("occurred", "reported")
# three days of different weekdays: an expression that lies the same number of days from each is
# counted from the DCT in days (`besok`, `kemarin`, `dua hari lalu`), not a weekday or a month
_PROBES = (date(2001, 1, 10), date(2001, 1, 13), date(2001, 2, 26))


def day_offsets(text: str) -> dict[tuple[int, int], int]:
    """Span → days from the DCT, for the time expressions of `text` counted from it in days."""
    found: dict[tuple[int, int], list[int]] = {}
    for probe in _PROBES:
        for t in tag(text, probe):
            if t.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
                found.setdefault((t.start, t.end), []).append((date.fromisoformat(t.value) - probe).days)
    return {span: days[0] for span, days in found.items() if len(days) == len(_PROBES) and len(set(days)) == 1}


def _fits_partial(c: Candidate, g: Group) -> bool:
    """`September lalu` (XXXX-09) fits 2014-09-10, not 2012; a near-future plan fits any day."""
    if c.anchor == "future":  # a visit announced to one country is no event in another
        return len(g.date) == 10 and not venues_differ(c, g)
    value = c.timex.value if c.timex else ""
    if not value.startswith("XXXX-") or value.startswith("XXXX-W"):
        return False
    parts = value[5:10].split("-")  # month and day; a clock or part of day after them does not count
    event_parts = g.date.split("-")[1:]
    return len(event_parts) >= len(parts) and all(p in ("XX", e) for p, e in zip(parts, event_parts))


def window(doc: Document, cands: list[Candidate], groups: list[Group], years: set[int]) -> tuple[date, date] | None:
    """The window of one undated document (see the module docstring), or None."""
    spans: list[tuple[date, date]] = []
    years = years | {y + 1 for y in years}
    for c in cands:
        if c.timex is None:
            continue
        d = weekday_date(c.timex, years)
        if d is None:
            continue
        if c.status in HAPPENED:
            spans.append((d, d + NEAR_FUTURE))
        elif c.status in ("planned", "expected"):
            spans.append((d - NEAR_FUTURE, d))
    offsets = day_offsets(doc.text)
    evidence = [c for c in cands if c.anchor in ("partial", "future")]
    # evidence must be telling: as similar as a coarse date must be to join a finer event
    others = [g for g in groups if any(m.doc != doc.id for m in g.members)]
    for c, g in matches(evidence, others, _fits_partial, JOIN_COARSER):
        when = span_start(g.date)
        shift = offsets.get((c.timex.start, c.timex.end)) if c.timex else None
        if shift is not None and len(g.date) == 10:
            spans.append((when - timedelta(days=shift), when - timedelta(days=shift)))
        elif c.status in HAPPENED and c.anchor == "partial":
            spans.append((when, when + timedelta(days=366)))
        elif c.anchor == "future":
            spans.append((when - NEAR_FUTURE, when))
    return _agreeing(spans)


def _agreeing(spans: list[tuple[date, date]]) -> tuple[date, date] | None:
    """The window most of the evidence agrees on: the pieces that cover the date covered by the
    most of them, intersected. A single piece that contradicts the rest is outvoted; two that
    contradict each other with nothing else leave the article undated; between equally supported
    windows the earlier wins."""
    if not spans:
        return None
    best: tuple[int, list[tuple[date, date]]] | None = None
    for point in sorted({lo for lo, _ in spans}):
        covering = [(lo, hi) for lo, hi in spans if lo <= point <= hi]
        if best is None or len(covering) > best[0]:
            best = (len(covering), covering)
    count, covering = best
    if len(spans) > 1 and count == 1:
        return None
    lo, hi = max(lo for lo, _ in covering), min(hi for _, hi in covering)
    return (lo, hi) if lo <= hi else None


def retag_within(doc: Document, window: tuple[date, date]) -> list[Timex]:
    """Values that every DCT in the window agrees on; the others keep their X placeholders."""
    late = {(t.start, t.end): t for t in tag(doc.text, window[1])}
    unknown = {(t.start, t.end): t for t in tag(doc.text, None)}
    out = []
    for a in tag(doc.text, window[0]):
        b = late.get((a.start, a.end))
        x = unknown.get((a.start, a.end))
        if b is not None and b.value == a.value:
            out.append(a)
        elif x is not None:
            out.append(x)
    for i, t in enumerate(out, 1):
        t.tid = f"t{i}"
    return out
