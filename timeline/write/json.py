"""`json`: the schema of docs/design.md (`schema/timeline.schema.json`): `{"documents", "events"}`."""
from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # json's own (its C function where there is one)
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
    dump(data, out)
    out.write("\n")


# `json.dump(data, out, ensure_ascii=False, indent=1)`, the same bytes (tests/test_json_writer.py),
# by the functions below. With an indent, json encodes in Python, through generators nested as deep
# as the data, and hands each of its pieces to `out.write` (2.7 million for the 17 MB output of the
# 12 MB bench corpus: 1.7 s, on one core, after the workers are done). These build each document's
# and each event's text in one list and write it once: about twice as fast.
INDENT = 1


class _Other(Exception):
    """A value this encoder leaves to the json module (a number that is not finite, a key that is
    not a string, an object of another type)."""


def _members(o, items, brackets: str, level: int, parts: list[str]) -> None:
    """A list's values (`items` of (None, value)) or a dict's members ((key, value)), one a line."""
    if not o:
        parts.append(brackets)
        return
    keyed = isinstance(o, dict)
    inner = "\n" + " " * (INDENT * (level + 1))
    parts.append(brackets[0])
    first = True
    for k, v in items:
        if keyed and not isinstance(k, str):
            raise _Other
        parts.append((inner if first else "," + inner) + (encode_basestring(k) + ": " if keyed else ""))
        first = False
        _encode(v, level + 1, parts)
    parts.append("\n" + " " * (INDENT * level) + brackets[1])


def _encode(o, level: int, parts: list) -> None:
    # the order of json.encoder._make_iterencode's tests
    if isinstance(o, str):
        parts.append(encode_basestring(o))
    elif o is None:
        parts.append("null")
    elif o is True:
        parts.append("true")
    elif o is False:
        parts.append("false")
    elif isinstance(o, int):
        parts.append(int.__repr__(o))
    elif isinstance(o, float):
        if not math.isfinite(o):  # json writes NaN, Infinity
            raise _Other
        parts.append(float.__repr__(o))
    elif isinstance(o, (list, tuple)):
        _members(o, ((None, v) for v in o), "[]", level, parts)
    elif isinstance(o, dict):
        _members(o, o.items(), "{}", level, parts)
    else:
        raise _Other


def dumps_item(o, level: int) -> str:
    """`o` as json.dumps(…, ensure_ascii=False, indent=1) writes it `level` containers deep."""
    parts: list[str] = []
    try:
        _encode(o, level, parts)
    except _Other:  # the json module's own answer (or its error), indented as deep
        return json.dumps(o, ensure_ascii=False, indent=INDENT).replace("\n", "\n" + " " * (INDENT * level))
    return "".join(parts)


def dump(data, out) -> None:
    """`json.dump(data, out, ensure_ascii=False, indent=1)`: a dict of lists one item at a time."""
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) and isinstance(v, list)
                                                         for k, v in data.items()):
        out.write(dumps_item(data, 0))
        return
    out.write("{")
    for n, (k, v) in enumerate(data.items()):
        out.write(("," if n else "") + "\n" + " " * INDENT + encode_basestring(k) + ": ")
        if not v:
            out.write("[]")
            continue
        out.write("[")
        for i, item in enumerate(v):
            out.write(("," if i else "") + "\n" + " " * (2 * INDENT) + dumps_item(item, 2))
        out.write("\n" + " " * INDENT + "]")
    out.write("\n}")


FORMAT = Format(
    name="json",
    summary="the documents and events (the schema of docs/design.md)",
    extensions=(".json",),
    events=write_events,
    documents=lambda out, folder=None: JsonWriter(out),
)
