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
            name = doc.id.replace("/", "_").replace(":", "_") + ".tml"
            (self.folder / name).write_text(markup, encoding="utf-8")
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
