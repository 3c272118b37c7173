"""`json`: the schema of docs/design.md (`schema/timeline.schema.json`): `{"documents", "events"}`."""
from __future__ import annotations

import json
from typing import IO

from ..model import Document, Timex
from ..schema import document_dict, event_dict
from . import Format


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


def write_events(out: IO[str], chronology, events, **_) -> None:
    data = {
        "documents": [document_dict(d, chronology.timexes.get(d.id, [])) for d in chronology.documents],
        "events": [event_dict(e) for e in events],
    }
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


FORMAT = Format(
    name="json",
    summary="the documents and events (the schema of docs/design.md)",
    extensions=(".json",),
    events=write_events,
    documents=lambda out, folder=None: JsonWriter(out),
)
