"""timeline: Indonesian news in, one chronology out.

The stages, top to bottom (each a module with plain functions and the dataclasses of `model`):

    read      timeline.io.read    files, folders, JSON Lines, TimeML, stdin → Document
    date      timeline.timex.dct  the article's publication date (DCT)
    tag       timeline.timex      TIMEX3 time expressions (words and rules in timeline/lang/id/*.toml)
    events    timeline.events     candidates from the grammar, classified, described, merged, ranked
    nlp       timeline.nlp        part of speech and named entities (models in timeline/lang/id/models)
    (all)     timeline.chronology extract(documents) -> Chronology, the whole pipeline
    write     timeline.write      table, json, jsonl, csv, timeml
    evaluate  timeline.timex.evaluate TempEval-3 scores against TimeML gold;
              timeline.eval.chronology  scores of a chronology against a gold chronology

Python use:

    >>> import timeline
    >>> [t.value for t in timeline.tag("pada Rabu (10/12)", dct=datetime.date(2014, 12, 11))]
    ['2014-12-10']
    >>> chronology = timeline.build(["artikel/"])            # read + extract
    >>> rows = [e.as_dict() for e in chronology.events]       # the JSON schema's dicts
    >>> timeline.span("2024-W19")                             # a TIMEX3 date → (first day, last day)
    (datetime.date(2024, 5, 6), datetime.date(2024, 5, 12))
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .model import Document, Timex

__all__ = ["Document", "Timex", "read", "tag", "tag_documents", "date_document", "extract", "build", "span",
           "evaluate_gold", "seed_paths"]


def read(paths: Iterable[str | Path], *, stdin=None, fields=None, max_bytes: int | None = None) -> Iterator[Document]:
    """Documents from files, folders, URLs, HTML pages and `-` (stdin), one at a time; bad inputs come
    as status "error" (as does an input of more than `max_bytes`, default
    `timeline.io.read.MAX_INPUT_BYTES`). `fields`: a `timeline.io.read.Fields` naming other JSON fields."""
    from .io.read import DEFAULT_FIELDS, MAX_INPUT_BYTES, read as _read

    return _read(paths, stdin=stdin, fields=fields or DEFAULT_FIELDS, max_bytes=max_bytes or MAX_INPUT_BYTES)


def tag(text: str, dct: date | None = None) -> list[Timex]:
    """Every TIMEX3 in `text`, valued against the publication date `dct` (X placeholders without it)."""
    from .timex.tagger import tag as _tag

    return _tag(text, dct)


def date_document(doc: Document, cli_dct: date | None = None) -> Document:
    from .timex.dct import date_document as _date

    return _date(doc, cli_dct)


def _tag_one(doc: Document, cli_dct: date | None) -> tuple[Document, list[Timex]]:
    if doc.status != "ok":
        return doc, []
    from .timex.tagger import forget

    try:
        date_document(doc, cli_dct)  # dating from the lead matches the text once for both (timex.tagger.find)
        return doc, tag(doc.text, doc.dct)
    except Exception as exc:  # a fault in one document: that document fails, the others go on
        from .model import failed

        return failed(doc, "tagging", exc), []
    finally:
        forget()  # its matches: memory stays flat while it is written


_POOL_STATE: dict = {}
POOL_AFTER_CHARS = 1_500_000  # text tagged in this process before workers start (a big input is more)


def _pool_init(cli_dct: date | None) -> None:
    _POOL_STATE["cli_dct"] = cli_dct  # in each worker: under spawn nothing of the parent's is there


def _pool_work(doc: Document):
    doc, timexes = _tag_one(doc, _POOL_STATE.get("cli_dct"))
    # the text stays in the parent: it is not sent back
    return doc.dct, doc.dct_source, doc.status, doc.error, timexes


def tag_documents(docs: Iterable[Document], cli_dct: date | None = None,
                  workers: int = 1) -> Iterator[tuple[Document, list[Timex]]]:
    """Date and tag each document as it comes (streaming, in input order); failed inputs pass
    through with no timexes. With `workers` > 1, a big input (more than POOL_AFTER_CHARS of text)
    is tagged on that many processes from there on (forked after the grammar is compiled); the
    results are the same. Small inputs never pay for starting processes. A worker that dies
    raises `timeline.parallel.WorkerDied`."""
    docs = iter(docs)
    seen = 0
    for doc in docs:
        yield _tag_one(doc, cli_dct)
        seen += len(doc.text or "")
        if workers > 1 and seen >= POOL_AFTER_CHARS:
            break
    else:
        return
    from collections import deque

    from .parallel import ordered_map
    from .timex.grammar import default
    from .workers import context

    default()  # compiled once, shared by forked workers (spawned ones compile their own)
    _POOL_STATE["cli_dct"] = cli_dct
    pending: deque[Document] = deque()

    def feed() -> Iterator[Document]:
        for doc in docs:
            pending.append(doc)
            yield doc

    for dct, dct_source, status, error, timexes in ordered_map(_pool_work, feed(), workers, chunksize=16,
                                                               context=context(), initializer=_pool_init,
                                                               initargs=(cli_dct,)):
        doc = pending.popleft()
        doc.dct, doc.dct_source, doc.status, doc.error = dct, dct_source, status, error
        if status != "ok":
            doc.text = ""
        yield doc, timexes


def extract(documents: Iterable[Document], **options):
    """Many articles in, one `Chronology` out: events merged across articles (see timeline.chronology)."""
    from .chronology import extract as _extract

    return _extract(documents, **options)


def build(paths: Iterable[str | Path], **options):
    """The chronology of files, folders or `-`: `extract(read(paths), **options)` in one call."""
    return extract(read(paths), **options)


def span(value: str) -> tuple[date, date]:
    """The days a TIMEX3 date value covers, as Python dates: `2014-12-10` → (that day, that day),
    `2024-03` → (2024-03-01, 2024-03-31), `2024-W19` → its Monday and Sunday, `2019` → the year.
    Raises ValueError for a value that is no calendar date (`PAST_REF`, `XXXX-09`)."""
    from .values import span_end, span_start

    day = value.split("T")[0]  # a TIME value (`2014-12-10T10:58`) covers its day
    try:
        return span_start(day), span_end(day)
    except (ValueError, IndexError) as exc:
        raise ValueError(f"not a calendar date: {value!r}") from exc


def evaluate_gold(gold_paths: list[str], system: str | None = None):
    """Score against TimeML gold: (Scores, [(source, problem)]).

    Without `system` the gold texts are tagged now, each with its own gold DCT.
    """
    from .timex.evaluate import load_gold, load_system, score

    gold = list(load_gold(gold_paths))
    problems = [(d.source, d.error) for d, _ in gold if d.status != "ok"]
    predicted = load_system(system) if system else {d.id: tag(d.text, d.dct) for d, _ in gold if d.status == "ok"}
    return score((d.id, g, predicted.get(d.id, [])) for d, g in gold if d.status == "ok"), problems


def seed_paths() -> list[Path]:
    """The bundled seed articles (installed with the package)."""
    from importlib import resources

    folder = resources.files("timeline").joinpath("seeds")  # seeds/, through the link timeline/seeds
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))
