"""Writers: one per output format. Each takes documents one at a time (streaming) and is closed at the end.

`tag` writes documents with their TIMEX3s: table, json, jsonl, timeml.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Protocol

from .model import Document, Timex
from .schema import document_dict

TAG_FORMATS = ("table", "json", "jsonl", "timeml")


class DocumentWriter(Protocol):
    def write(self, doc: Document, timexes: list[Timex]) -> None: ...
    def close(self) -> None: ...


class JsonWriter:
    """`{"documents": [...]}`, written as the documents come so that memory stays flat."""

    def __init__(self, out: IO[str]):
        self.out, self.count = out, 0
        out.write('{"documents": [')

    def write(self, doc: Document, timexes: list[Timex]) -> None:
        self.out.write(("," if self.count else "") + "\n  " + json.dumps(document_dict(doc, timexes), ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]}\n" if self.count else "]}\n")


class JsonLinesWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, doc: Document, timexes: list[Timex]) -> None:
        self.out.write(json.dumps(document_dict(doc, timexes), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class TimeMLWriter:
    """One TimeML document per input: to `out`, or one file per document in `folder`."""

    def __init__(self, out: IO[str] | None, folder: Path | None = None):
        self.out, self.folder = out, folder

    def write(self, doc: Document, timexes: list[Timex]) -> None:
        from .timeml import to_timeml

        if doc.status != "ok":
            return  # its error is on stderr; TimeML has no place for a failed input
        markup = to_timeml(doc, timexes)
        if self.folder is not None:
            from .io.atomic import atomic_write, file_name

            with atomic_write(self.folder / file_name(doc.id, ".tml")) as fh:
                fh.write(markup)
        else:
            self.out.write(markup if markup.endswith("\n") else markup + "\n")

    def close(self) -> None:
        pass


class TableWriter:
    """For people: per document, a heading line and a table of its time expressions."""

    def __init__(self, console):
        self.console = console

    def write(self, doc: Document, timexes: list[Timex]) -> None:
        from rich.table import Table
        from rich.text import Text

        dct = doc.dct.isoformat() if doc.dct else "unknown"
        head = Text.assemble((doc.id, "bold"), f"  DCT {dct} ({doc.dct_source})  ", (f"{len(timexes)} expressions", "dim"))
        if doc.status != "ok":
            head = Text.assemble((doc.id, "bold"), "  ", (f"error: {doc.error}", "red"))
            self.console.print(head)
            return
        self.console.print(head)
        if not timexes:
            return
        table = Table(show_edge=False, pad_edge=False, header_style="bold", expand=False)
        for col, style in (("tid", "dim"), ("text", ""), ("type", "cyan"), ("value", "green"), ("mod", "magenta")):
            table.add_column(col, style=style, overflow="fold")
        for t in timexes:
            table.add_row(t.tid, t.text, t.type, t.value, t.mod or "")
        self.console.print(table)
        self.console.print()

    def close(self) -> None:
        pass


# ---------------------------------------------------------------- chronology (build)

EVENT_FORMATS = ("table", "json", "jsonl", "csv")
_FORMULA_START = ("=", "+", "-", "@")


def write_events_json(out: IO[str], chronology, events) -> None:
    from .schema import event_dict

    data = {
        "documents": [document_dict(d, chronology.timexes.get(d.id, [])) for d in chronology.documents],
        "events": [event_dict(e) for e in events],
    }
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_events_jsonl(out: IO[str], events) -> None:
    from .schema import event_dict

    for e in events:
        out.write(json.dumps(event_dict(e), ensure_ascii=False) + "\n")


def _neutral(cell: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: prefix those with a quote."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def write_events_csv(out: IO[str], events) -> None:
    import csv

    from .schema import CSV_COLUMNS, event_row

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        writer.writerow([_neutral(c) for c in event_row(e)])


def _short_id(doc_id: str) -> str:
    return doc_id.split("_")[0] if "_" in doc_id else doc_id[:14]


def write_events_table(console, events) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold", pad_edge=False, expand=True)
    table.add_column("date", style="cyan", no_wrap=True, min_width=10)
    table.add_column("what happened", ratio=5, min_width=24)
    table.add_column("who", ratio=2)
    table.add_column("where", ratio=2)
    table.add_column("status", no_wrap=True)
    table.add_column("sources", width=9)
    styles = {"occurred": "green", "planned": "yellow", "expected": "yellow", "denied": "red"}
    for e in events:
        table.add_row(Text(e.date), Text(e.title), Text(", ".join(e.participants)), Text(", ".join(e.places)),
                      Text(e.status, style=styles.get(e.status, "")), Text(", ".join(_short_id(s) for s in e.sources)))
    console.print(table)
