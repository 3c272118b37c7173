"""`csv`: one row per event (`schema.CSV_COLUMNS`), lists joined with `; `, safe for spreadsheets."""
from __future__ import annotations

from typing import IO

from ..schema import CSV_COLUMNS, event_row
from . import Format
from ._common import neutral


def _cell(value: str) -> str:
    """RFC 4180 quoting, a lone CR included (the csv module leaves it bare with "\\n" line ends);
    formula starts neutralised."""
    value = neutral(value)
    if any(ch in value for ch in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_rows(out: IO[str], events) -> None:
    out.write(",".join(CSV_COLUMNS) + "\n")
    for e in events:
        out.write(",".join(_cell(c) for c in event_row(e)) + "\n")


def write_events(out: IO[str], chronology, events, **_) -> None:
    write_rows(out, events)


FORMAT = Format(
    name="csv",
    summary="one row per event, for spreadsheets (columns: schema.CSV_COLUMNS)",
    extensions=(".csv",),
    events=write_events,
)
