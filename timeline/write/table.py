"""`table`: for people at a terminal (coloured only there), readable at 80 columns."""
from __future__ import annotations

import sys
from typing import IO

from ..model import Document, Timex
from . import Format
from ._common import printable, sources_cell


def _broken_pipe() -> None:
    raise BrokenPipeError  # the caller decides (the CLI ends quietly with 0); rich would exit with 1


def _console(out: IO[str]):
    from rich.console import Console

    console = Console(file=out, highlight=False) if out is not sys.stdout else Console(highlight=False)
    console.on_broken_pipe = _broken_pipe
    return console


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
    # the date, status and sources columns as wide as their longest cell (never cut); the rest of
    # the width shared 4:2:2 by what happened, who and where, each at least 10 wide
    date_w = max([len(_when(e)) for e in events] + [4])
    status_w = max([len(e.status) for e in events] + [6])
    sources_w = max([len(sources_cell(e.sources)) for e in events] + [7])
    gaps = 5 * (1 if narrow else 3) + (0 if narrow else 2)
    free = max(30, console.width - date_w - status_w - sources_w - gaps)
    who_w = where_w = max(10, free // 4)
    what_w = max(10, free - who_w - where_w)
    table.add_column("date", style="cyan", no_wrap=True, width=date_w)
    table.add_column("what happened", width=what_w, overflow="fold")
    table.add_column("who", width=who_w, overflow="fold")
    table.add_column("where", width=where_w, overflow="fold")
    table.add_column("status", no_wrap=True, width=status_w)
    table.add_column("sources", no_wrap=True, width=sources_w)
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
