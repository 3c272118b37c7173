"""Plain data passed between the stages: Document → Timex → Mention → Event → Chronology.

Every stage takes and returns these dataclasses; no stage reaches into another's internals.
`timeline.schema` is the one place that turns them into the JSON schema of docs/design.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# How a document's creation time (DCT) was found: the input's own field, the --dct option,
# the article text, other documents (build only), or not at all.
DCT_SOURCES = ("input", "cli", "text", "inferred", "none")


@dataclass
class Document:
    """One article, its text clean (decoded, no BOM, LF line ends) so that offsets are stable."""

    id: str
    text: str
    dct: date | None = None
    dct_source: str = "none"
    title: str | None = None
    source: str = ""  # where it was read from: a path, "<stdin>", or "path:line" for JSON Lines
    url: str | None = None
    dct_window: tuple[date, date] | None = None
    status: str = "ok"  # "ok" or "error"
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # read, but suspicious (several datelines in one text)


@dataclass(slots=True)
class Timex:
    """A TIMEX3: character offsets into the document text, `text[start:end] == self.text`."""

    tid: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None
    rule: str | None = field(default=None, compare=False)  # the grammar rule that found it

    def as_dict(self) -> dict:
        return {
            "tid": self.tid,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
        }


class InputError(Exception):
    """An input that cannot be read; the message names the problem, the caller names the input."""


def failed(doc: Document, stage: str, exc: BaseException) -> Document:
    """Mark `doc` as failed in `stage` ("tagging", "finding events") with a one-line reason: one
    document's fault never costs the others (the run goes on, the exit code says 1)."""
    detail = " ".join(str(exc).split())
    if len(detail) > 160:
        detail = detail[:160] + "…"
    doc.status, doc.error = "error", f"{stage} failed: {type(exc).__name__}" + (f": {detail}" if detail else "")
    doc.text = ""
    return doc


@dataclass
class Mention:
    """One sentence of one article telling of an event: what, who, where, when, and how sure."""

    doc: str
    start: int  # the sentence's span in the document text
    end: int
    sentence: str
    trigger: str  # the word that names the event, as written
    trigger_start: int
    kind: str
    status: str  # occurred, planned, expected, reported, denied, hypothetical
    participants: list[str] = field(default_factory=list)  # full names as this article writes them
    persons: list[str] = field(default_factory=list)  # those of them the article names as people
    places: list[str] = field(default_factory=list)  # the venue first
    timex: Timex | None = None  # the time expression governing the trigger
    date: str | None = None  # its calendar value (`2014-12-10`, `2014-12`, `2014`), None if unresolved
    title: str = ""
    future_ref: bool = False  # its clause says "in the coming days" (FUTURE_REF) rather than a date
    measure: str | None = None  # what rose or fell, for themed kinds (`price`, `stock`…; see theme.py)


@dataclass
class Event:
    """One real-world event, merged from the mentions of every article that tells it."""

    id: str
    date: str
    kind: str
    status: str
    title: str
    participants: list[str]
    places: list[str]
    confidence: float
    sources: list[str]
    mentions: list[Mention]
    conflicts: list[dict]
    date_end: str | None = None
    salience: float = 0.0  # how central to the story: articles telling it, lead position, dates named (events/rank.py)

    def as_dict(self) -> dict:
        """The event as in the JSON output (docs/design.md): plain dicts, lists and strings."""
        from .schema import event_dict

        return event_dict(self)

    def span(self) -> tuple[date, date]:
        """The first and last day the event covers: `2019` → (2019-01-01, 2019-12-31), `2024-W19` →
        its Monday and Sunday, a day → that day twice, to the end of `date_end` where it has one."""
        from .values import span_end, span_start

        return span_start(self.date), span_end(self.date_end or self.date)


@dataclass
class Chronology:
    documents: list[Document]
    timexes: dict[str, list[Timex]]  # by document id
    events: list[Event]
    undated: int = 0  # mentions that neither made a row nor joined one

    def as_dict(self) -> dict:
        """The whole JSON output of `timeline build` (`{"documents": [...], "events": [...]}`)."""
        from .schema import chronology_dict

        return chronology_dict(self)
