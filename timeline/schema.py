"""The one place that knows the output schema of docs/design.md (documents and events)."""
from __future__ import annotations

from typing import Any

from .model import Document, Event, Mention, Timex


def _iso(d) -> str | None:
    return d.isoformat() if d is not None else None


def document_dict(doc: Document, timexes: list[Timex]) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "dct": _iso(doc.dct),
        "dct_source": doc.dct_source,
        "dct_window": [_iso(doc.dct_window[0]), _iso(doc.dct_window[1])] if doc.dct_window else None,
        "status": doc.status,
        "error": doc.error,
        "timexes": [t.as_dict() for t in timexes],
    }


def mention_dict(m: Mention) -> dict[str, Any]:
    return {"doc": m.doc, "start": m.start, "end": m.end, "sentence": m.sentence, "date": m.date,
            "status": m.status, "tid": m.timex.tid if m.timex else None}


def event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": e.date,
        "date_end": e.date_end,
        "kind": e.kind,
        "status": e.status,
        "title": e.title,
        "participants": e.participants,
        "places": e.places,
        "confidence": e.confidence,
        "salience": e.salience,
        "sources": e.sources,
        "mentions": [mention_dict(m) for m in e.mentions],
        "conflicts": e.conflicts,
    }


CSV_COLUMNS = ("id", "date", "date_end", "start", "end", "precision", "kind", "status", "title", "participants",
               "places", "sources", "confidence")


def event_row(e: Event) -> list[str]:
    """One CSV row: lists joined with `; `; `start`/`end` the first and last day the event covers
    (`2019` → 2019-01-01, 2019-12-31), `precision` year, month, week or day."""
    from .values import span_end, span_start

    d = event_dict(e)
    d["start"] = span_start(e.date).isoformat()
    d["end"] = span_end(e.date_end or e.date).isoformat()
    d["precision"] = "week" if "-W" in e.date else {4: "year", 7: "month"}.get(len(e.date), "day")
    return ["; ".join(d[c]) if isinstance(d[c], list) else ("" if d[c] is None else str(d[c])) for c in CSV_COLUMNS]


def chronology_dict(chronology) -> dict[str, Any]:
    """The whole `--format json` document of `timeline build`."""
    return {"documents": [document_dict(d, chronology.timexes.get(d.id, [])) for d in chronology.documents],
            "events": [event_dict(e) for e in chronology.events]}
