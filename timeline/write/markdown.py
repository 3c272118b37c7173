"""`markdown`: a pipe table for reports: date, what happened, who, where, status, sources."""
from __future__ import annotations

from typing import IO

from . import Format
from ._common import one_line

COLUMNS = ("date", "what happened", "who", "where", "status", "sources")


def cell(text: str) -> str:
    """A table cell: one line, its pipes and backslashes escaped, `<` as an entity (no raw HTML)."""
    return (one_line(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
            .replace("`", "\\`").strip())


def when(e) -> str:
    return f"{e.date} – {e.date_end}" if e.date_end else e.date


def write_events(out: IO[str], chronology, events, **_) -> None:
    out.write("| " + " | ".join(COLUMNS) + " |\n")
    out.write("|" + "|".join("---" for _ in COLUMNS) + "|\n")
    for e in events:
        row = (when(e), e.title, ", ".join(e.participants), ", ".join(e.places), e.status, ", ".join(e.sources))
        out.write("| " + " | ".join(cell(c) for c in row) + " |\n")


FORMAT = Format(
    name="markdown",
    summary="a Markdown table for reports",
    extensions=(".md", ".markdown"),
    events=write_events,
)
