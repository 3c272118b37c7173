"""`timelinejs`: the JSON that TimelineJS (Knight Lab) reads: `{"title", "events": [...]}`.

Each event: `start_date` {year, month, day} as precise as its date (a year alone, a month without a
day), `end_date` for spans (an ISO week runs Monday to Sunday and is labelled `2023-W36` in
`display_date`, which TimelineJS cannot show otherwise), `text` {headline, text} (who, where,
status and sources, HTML-escaped: TimelineJS renders it as HTML), `group` the kind, `unique_id`
the event id.
"""
from __future__ import annotations

import html
import json
from typing import IO

from ..values import span_end, span_start
from . import Format
from ._common import precision


def _date(value: str, end: bool = False) -> dict[str, int]:
    p = precision(value)
    if p == "week":
        d = span_end(value) if end else span_start(value)
        return {"year": d.year, "month": d.month, "day": d.day}
    parts = [int(x) for x in value.split("-")]
    return dict(zip(("year", "month", "day"), parts))


def slide(e) -> dict:
    """One TimelineJS slide of an event."""
    lines = []
    if e.participants:
        lines.append(f"<b>Who:</b> {html.escape(', '.join(e.participants))}")
    if e.places:
        lines.append(f"<b>Where:</b> {html.escape(', '.join(e.places))}")
    lines.append(f"<b>Status:</b> {html.escape(e.status)}")
    lines.append(f"<b>Sources:</b> {html.escape(', '.join(e.sources))}")
    out = {"start_date": _date(e.date), "text": {"headline": html.escape(e.title), "text": "<br>".join(lines)},
           "group": e.kind, "unique_id": e.id}
    if e.date_end:
        out["end_date"] = _date(e.date_end, end=True)
    elif precision(e.date) == "week":
        out["end_date"] = _date(e.date, end=True)
    if precision(e.date) == "week" or (e.date_end and precision(e.date_end) == "week"):
        out["display_date"] = f"{e.date} – {e.date_end}" if e.date_end else e.date
    return out


def document(chronology, events, title: str = "Kronologi") -> dict:
    return {"title": {"text": {"headline": html.escape(title),
                               "text": f"{len(events)} events from {len(chronology.documents)} articles"}},
            "events": [slide(e) for e in events]}


def write_events(out: IO[str], chronology, events, **_) -> None:
    json.dump(document(chronology, events), out, ensure_ascii=False, indent=1)
    out.write("\n")


FORMAT = Format(
    name="timelinejs",
    summary="TimelineJS JSON (Knight Lab's timeline viewer)",
    events=write_events,
)
