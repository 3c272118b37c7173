"""`jsonl`: one JSON object a line: an event (`build`) or a document (`tag`)."""
from __future__ import annotations

import json
from typing import IO

from ..model import Document, Timex
from ..schema import document_dict, event_dict
from . import Format


class JsonLinesWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, doc: Document, timexes: list[Timex]) -> None:
        self.out.write(json.dumps(document_dict(doc, timexes), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


def write_events(out: IO[str], chronology, events, **_) -> None:
    write_lines(out, events)


def write_lines(out: IO[str], events) -> None:
    for e in events:
        out.write(json.dumps(event_dict(e), ensure_ascii=False) + "\n")


FORMAT = Format(
    name="jsonl",
    summary="one JSON object a line (an event; for tag a document)",
    extensions=(".jsonl", ".ndjson"),
    events=write_events,
    documents=lambda out, folder=None: JsonLinesWriter(out),
)
