"""`tsv`: the CSV's columns separated by tabs, one event a line, for `cut` and `awk`.

No quoting: a tab, CR or LF inside a cell becomes a space, so every line has the same fields.
"""
from __future__ import annotations

from typing import IO

from ..schema import CSV_COLUMNS, event_row
from . import Format
from ._common import neutral, one_line


def write_events(out: IO[str], chronology, events, **_) -> None:
    out.write("\t".join(CSV_COLUMNS) + "\n")
    for e in events:
        out.write("\t".join(neutral(one_line(c)) for c in event_row(e)) + "\n")


FORMAT = Format(
    name="tsv",
    summary="the CSV's columns, tab-separated (for cut and awk)",
    extensions=(".tsv", ".tab"),
    events=write_events,
)
