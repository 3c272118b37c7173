"""The one place that knows the output schema of docs/design.md (documents and events)."""
from __future__ import annotations

from typing import Any

from .model import Document, Timex


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
