"""`timeml`: the articles as TimeML documents, readable by TimeML tools and `timeline eval --system`.

`tag` writes each document with its TIMEX3 tags. `build` adds, for every mention of an event of the
chronology, an `EVENT` tag on its trigger word, its `MAKEINSTANCE`, and a `TLINK` (IS_INCLUDED)
from the instance to the TIMEX3 that dates it. One document goes to `out`; several need a folder,
which gets one `.tml` per article.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO

from ..model import Document, Timex
from . import Format
from ._common import xml_safe


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(s: str) -> str:
    return _esc(s).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _tag(name: str, attrs: list[tuple[str, str | None]], empty: bool = False) -> str:
    body = " ".join(f'{k}="{_attr(str(v))}"' for k, v in attrs if v is not None)
    return f"<{name} {body}{'/' if empty else ''}>"


def file_name(doc_id: str) -> str:
    """A file name for a document id that any file system takes (timeline.io.atomic.file_name: no
    folder separators, colons, NUL or control characters, at most 255 bytes)."""
    from ..io.atomic import file_name as safe_name

    return safe_name(doc_id, ".tml")


def timeml(doc: Document, timexes: list[Timex], events: list[tuple[int, int, str, str, str | None]] = ()) -> str:
    """The TimeML document of `doc` with inline TIMEX3 tags and, for `events` as (start, end, class,
    polarity, tid), EVENT tags with their MAKEINSTANCE and TLINK to the TIMEX3 `tid`.

    `parse_timeml` of the result gives back the same text and TIMEX3 spans. A span that is empty,
    out of range, or crosses one already placed (XML cannot nest them) is left out; nested ones stay.
    """
    text = doc.text
    tids = {t.tid for t in timexes}
    dct_tid = "t0" if "t0" not in tids else "tdct"
    head = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{_esc(doc.id)}</DOCID>"]
    if doc.dct is not None:
        v = doc.dct.isoformat()
        head.append(f'<DCT><TIMEX3 tid="{dct_tid}" type="DATE" value="{v}" temporalFunction="false" '
                    f'functionInDocument="CREATION_TIME">{v}</TIMEX3></DCT>')
    if doc.title:
        head.append(f"<TITLE>{_esc(doc.title)}</TITLE>")

    spans = []  # (start, end, open tag, close tag, key); TIMEX3 first at the same offsets
    for t in timexes:
        attrs = [("tid", t.tid), ("type", t.type), ("value", t.value), ("mod", t.mod)]
        spans.append((t.start, t.end, 0, _tag("TIMEX3", attrs), "</TIMEX3>", ("t", t.tid)))
    for i, (start, end, cls, polarity, tid) in enumerate(events, 1):
        spans.append((start, end, 1, _tag("EVENT", [("eid", f"e{i}"), ("class", cls)]), "</EVENT>", ("e", i)))

    body: list[str] = []
    pos = 0
    open_ends: list[tuple[int, str]] = []
    placed: set = set()

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1][0] <= limit:
            end, close = open_ends.pop()
            body.append(_esc(text[pos:end]))
            body.append(close)
            pos = end

    for start, end, _, open_tag, close_tag, key in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if not (0 <= start < end <= len(text)):
            continue
        close_until(start)
        if open_ends and end > open_ends[-1][0]:
            continue  # crosses the open span
        body.append(_esc(text[pos:start]))
        body.append(open_tag)
        pos = start
        open_ends.append((end, close_tag))
        placed.add(key)
    close_until(len(text))
    body.append(_esc(text[pos:]))

    tail = []
    links = 0
    for i, (start, end, cls, polarity, tid) in enumerate(events, 1):
        if ("e", i) not in placed:
            continue
        tail.append(_tag("MAKEINSTANCE", [("eventID", f"e{i}"), ("eiid", f"ei{i}"), ("tense", "NONE"),
                                          ("aspect", "NONE"), ("polarity", polarity), ("pos", "VERB")], empty=True))
        if tid is not None and ("t", tid) in placed:
            links += 1
            tail.append(_tag("TLINK", [("lid", f"l{links}"), ("relType", "IS_INCLUDED"),
                                       ("eventInstanceID", f"ei{i}"), ("relatedToTime", tid)], empty=True))
    out = head + ["<TEXT>" + "".join(body) + "</TEXT>"] + tail + ["</TimeML>"]
    return xml_safe("\n".join(out) + "\n")


def _event_spans(doc: Document, events) -> list[tuple[int, int, str, str, str | None]]:
    """The trigger spans of the mentions in `doc` of `events` (each once), with class, polarity, tid."""
    found: dict[int, tuple[int, int, str, str, str | None]] = {}
    for e in events:
        for m in e.mentions:
            if m.doc != doc.id or not m.trigger:
                continue
            start, end = m.trigger_start, m.trigger_start + len(m.trigger)
            if doc.text[start:end] != m.trigger or start in found:
                continue
            cls = "REPORTING" if m.kind == "statement" else "OCCURRENCE"
            found[start] = (start, end, cls, "NEG" if m.status == "denied" else "POS", m.timex.tid if m.timex else None)
    return [found[s] for s in sorted(found)]


class TimeMLWriter:
    """One TimeML document per input: to `out`, or one file per document in `folder`."""

    def __init__(self, out: IO[str] | None, folder: Path | None = None):
        self.out, self.folder = out, folder

    def write(self, doc: Document, timexes: list[Timex], events=()) -> None:
        if doc.status != "ok":
            return  # its error is on stderr; TimeML has no place for a failed input
        markup = timeml(doc, timexes, _event_spans(doc, events) if events else [])
        if self.folder is not None:
            from ..io.atomic import atomic_write

            with atomic_write(self.folder / file_name(doc.id)) as fh:  # whole or not at all
                fh.write(markup)
        else:
            self.out.write(markup)

    def close(self) -> None:
        pass


def write_events(out: IO[str] | None, chronology, events, texts=None, folder: Path | None = None, **_) -> None:
    """Each article of `chronology` with its TIMEX3s and the EVENTs of `events` it tells; `texts`
    gives the articles' texts by id (`build` lets go of a dated article's text)."""
    writer = TimeMLWriter(out, folder)
    for doc in chronology.documents:
        if doc.status != "ok":
            continue
        text = doc.text or (texts or {}).get(doc.id, "")
        if not text:
            continue
        full = Document(id=doc.id, text=text, dct=doc.dct, dct_source=doc.dct_source, title=doc.title,
                        source=doc.source)
        writer.write(full, chronology.timexes.get(doc.id, []), events)


FORMAT = Format(
    name="timeml",
    summary="TimeML: TIMEX3 tags (tag), and EVENT, MAKEINSTANCE, TLINK (build); several articles need -o FOLDER/",
    extensions=(".tml",),
    events=write_events,
    documents=lambda out, folder=None: TimeMLWriter(out, folder),
    needs_texts=True,
    per_document=True,
)
