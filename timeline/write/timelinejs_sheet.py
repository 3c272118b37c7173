"""`timelinejs-sheet`: the columns of TimelineJS's Google Sheets template, as CSV to import there.

Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text,
Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background. Dates as precise as
the event's (a week gives its Monday to Sunday with the week as Display Date).
"""
from __future__ import annotations

from typing import IO

from . import Format
from .csv import _cell
from .timelinejs import slide

COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
           "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
           "Background")


def row(e) -> list[str]:
    s = slide(e)
    start, end = s["start_date"], s.get("end_date", {})
    cells = {"Year": start.get("year"), "Month": start.get("month"), "Day": start.get("day"),
             "End Year": end.get("year"), "End Month": end.get("month"), "End Day": end.get("day"),
             "Display Date": s.get("display_date"), "Headline": s["text"]["headline"],
             "Text": s["text"]["text"], "Group": s["group"]}
    return ["" if cells.get(c) is None else str(cells[c]) for c in COLUMNS]


def write_events(out: IO[str], chronology, events, **_) -> None:
    out.write(",".join(COLUMNS) + "\n")
    for e in events:
        out.write(",".join(_cell(c) for c in row(e)) + "\n")


FORMAT = Format(
    name="timelinejs-sheet",
    summary="the TimelineJS Google Sheets template's columns, as CSV",
    events=write_events,
)
