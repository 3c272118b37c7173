"""`table`: for people at a terminal (coloured only there), readable at 80 columns."""
from __future__ import annotations

import sys
from typing import IO

from ..model import Document, Timex
from . import Format
from ._common import printable, sources_cell


def _console(out: IO[str]):
    from rich.console import Console

    return Console(file=out, highlight=False) if out is not sys.stdout else Console(highlight=False)


class TableWriter:
    """For people: per document, a heading line and a table of its time expressions."""

    def __init__(self, console):
        self.console = console

    def write(self, doc: Document, timexes: list[Timex]) -> None:
        from rich.table import Table
        from rich.text import Text

        if doc.status != "ok":
            self.console.print(Text.assemble((printable(doc.id), "bold"), "  ", (f"error: {printable(doc.error or '')}", "red")))
            return
        dct = doc.dct.isoformat() if doc.dct else "unknown"
        self.console.print(Text.assemble((printable(doc.id), "bold"), f"  DCT {dct} ({doc.dct_source})  ",
                                         (f"{len(timexes)} expressions", "dim")))
        if not timexes:
            return
        table = Table(show_edge=False, pad_edge=False, header_style="bold", expand=False)
        for col, style in (("tid", "dim"), ("text", ""), ("type", "cyan"), ("value", "green"), ("mod", "magenta")):
            table.add_column(col, style=style, overflow="fold")
        for t in timexes:
            table.add_row(t.tid, Text(printable(t.text)), t.type, Text(printable(t.value)), t.mod or "")
        self.console.print(table)
        self.console.print()

    def close(self) -> None:
        pass


def write_events_console(console, events) -> None:
    """The chronology as a table: date, what happened, who, where, status, sources (count + first ids)."""
    from rich.table import Table
    from rich.text import Text

    narrow = console.width < 100
    table = Table(show_lines=False, header_style="bold", pad_edge=False, expand=True,
                  box=None if narrow else Table().box, collapse_padding=narrow)
    # a date column as wide as its longest value (13-15 Sep spans included): never cut
    date_width = max([len(_when(e)) for e in events] + [4])
    table.add_column("date", style="cyan", no_wrap=True, min_width=date_width)
    table.add_column("what happened", ratio=5, min_width=20, overflow="fold")
    table.add_column("who", ratio=2, min_width=10, overflow="fold")
    table.add_column("where", ratio=2, min_width=9, overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("sources", no_wrap=True)
    styles = {"occurred": "green", "planned": "yellow", "expected": "yellow", "denied": "red"}
    for e in events:
        table.add_row(Text(_when(e)), Text(printable(e.title)), Text(printable(", ".join(e.participants))),
                      Text(printable(", ".join(e.places))), Text(e.status, style=styles.get(e.status, "")),
                      Text(sources_cell(e.sources)))
    console.print(table)


def _when(e) -> str:
    return f"{e.date}…{e.date_end}" if e.date_end else e.date


def write_events(out: IO[str], chronology, events, **_) -> None:
    write_events_console(_console(out), events)


FORMAT = Format(
    name="table",
    summary="a table for people (default; coloured on a terminal only)",
    events=write_events,
    documents=lambda out, folder=None: TableWriter(_console(out)),
)
