"""Writers: one module per output format, all in one registry.

A format is a module of this package that defines `FORMAT = Format(...)`: a new format is a new
file, nothing else changes (the CLI's `--format` choices, the help and the `-o` extension
inference read the registry). A format serves `build` (`events`: write the chronology's events)
and/or `tag` (`documents`: a streaming writer of documents with their TIMEX3s).

    build   table json jsonl csv tsv markdown html ics timelinejs timelinejs-sheet timeml
    tag     table json jsonl timeml
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any, Callable, Protocol

from ..model import Document, Timex


class DocumentWriter(Protocol):
    def write(self, doc: Document, timexes: list[Timex]) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class Format:
    """One output format.

    `events(out, chronology, events, texts=...)` writes a chronology (`build`); `texts` maps a
    document id to its text, given only to formats with `needs_texts`. `documents(out, folder)`
    makes a `DocumentWriter` (`tag`). `extensions` are the `-o` file endings that choose it.
    """

    name: str
    summary: str
    extensions: tuple[str, ...] = ()
    events: Callable[..., None] | None = None
    documents: Callable[..., DocumentWriter] | None = None
    needs_texts: bool = False
    per_document: bool = False  # one file per article: several articles need `-o FOLDER/`


@cache
def formats() -> dict[str, Format]:
    """Every registered format by name, in the order of the module names (table, json first)."""
    found: dict[str, Format] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        fmt = getattr(importlib.import_module(f"{__name__}.{info.name}"), "FORMAT", None)
        if isinstance(fmt, Format):
            found[fmt.name] = fmt
    first = [n for n in ("table", "json", "jsonl", "csv") if n in found]
    return {n: found[n] for n in first + sorted(set(found) - set(first))}


def names(command: str) -> list[str]:
    """The format names `build` (command "build") or `tag` can write."""
    attr = "events" if command == "build" else "documents"
    return [n for n, f in formats().items() if getattr(f, attr) is not None]


def infer(path: str | None, command: str) -> str | None:
    """The format an `-o` file name asks for by its extension (`.ics` → ics), None if it names none."""
    if not path or path == "-":
        return None
    suffix = "".join(Path(path).suffixes[-1:]).lower()
    for name in names(command):
        if suffix and suffix in formats()[name].extensions:
            return name
    return None


def get(name: str) -> Format:
    return formats()[name]


# ---------------------------------------------------------------- the names older code imports

def __getattr__(name: str) -> Any:
    compat = {
        "TAG_FORMATS": lambda: tuple(names("tag")),
        "EVENT_FORMATS": lambda: tuple(names("build")),
        "JsonWriter": lambda: importlib.import_module(f"{__name__}.json").JsonWriter,
        "JsonLinesWriter": lambda: importlib.import_module(f"{__name__}.jsonl").JsonLinesWriter,
        "TimeMLWriter": lambda: importlib.import_module(f"{__name__}.timeml").TimeMLWriter,
        "TableWriter": lambda: importlib.import_module(f"{__name__}.table").TableWriter,
        "write_events_json": lambda: importlib.import_module(f"{__name__}.json").write_events,
        "write_events_jsonl": lambda: importlib.import_module(f"{__name__}.jsonl").write_lines,
        "write_events_csv": lambda: importlib.import_module(f"{__name__}.csv").write_rows,
        "write_events_table": lambda: importlib.import_module(f"{__name__}.table").write_events_console,
    }
    if name in compat:
        return compat[name]()
    raise AttributeError(name)


def write_events(fmt: str, out: IO, chronology, events, **context) -> None:
    """Write `events` of `chronology` in format `fmt` to `out`."""
    get(fmt).events(out, chronology, events, **context)
