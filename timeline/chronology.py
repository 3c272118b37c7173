"""The whole pipeline: `extract(documents) -> Chronology`, which `timeline build` calls.

    read → date (DCT) → tag (TIMEX3) → candidates → describe → classify
         → [undated articles: DCT window (events/windows.py) → re-tag → candidates] → merge → rank

Articles that state no date get a `dct_window` from the events they share with dated articles
(a plan announced "in the coming days" for an event of 19 June was written shortly before it)
and from the days they name by weekday (`Selasa (4/2)` in a corpus of 2025: 4 February 2025);
their relative dates are then resolved wherever the whole window agrees on the value.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import islice
from pathlib import Path

from .events import Candidate, candidates_of, events_of
from .events.describe import common_acronyms
from .events.classify import threshold
from .events.cluster import group
from .events.lexicon import Lexicon, load_lexicon
from .events.windows import retag_within, window
from .io.read import no_surrogates
from .model import Chronology, Document, Event, Timex, failed
from .nlp.entities import gazetteer, key, person_key
from .timex.dct import date_document
from .timex.tagger import tag
from .values import span_end, span_start


@dataclass
class _Processed:
    doc: Document
    timexes: list[Timex]
    candidates: list[Candidate] = field(default_factory=list)
    sentences: dict[tuple[str, int], str] = field(default_factory=dict)  # of the candidates
    things: frozenset[str] = frozenset()  # acronyms the article spells out in lower case


def _process(doc: Document, cli_dct: date | None, lex: Lexicon) -> _Processed:
    if doc.status != "ok":
        return _Processed(doc, [])
    doc.text = no_surrogates(doc.text)  # a lone surrogate (from Python, not read: the reader does this) cannot be encoded
    try:
        date_document(doc, cli_dct)
        timexes = tag(doc.text, doc.dct)
    except Exception as exc:  # a fault in one document costs that document only
        return _Processed(failed(doc, "tagging", exc), [])
    p = _Processed(doc, timexes)
    try:
        _find_candidates(p, lex)
    except Exception as exc:
        return _Processed(failed(doc, "finding events", exc), [])
    if doc.dct is not None:
        doc.text = ""  # only undated articles are read again (for their DCT window): keep memory flat
    return p


def _find_candidates(p: _Processed, lex: Lexicon) -> None:
    p.candidates = candidates_of(p.doc, p.timexes, lex)
    p.things = common_acronyms(p.doc.text) if p.candidates else frozenset()
    p.sentences = {(c.doc, c.sentence_start): p.doc.text[c.sentence_start:c.sentence_end] for c in p.candidates}


def _keep_what_merging_reads(p: _Processed, cut: float) -> int:
    """Memory stays flat on large corpora: a dated article keeps only the candidates that can make a
    row (and of them what merging and ranking read); returns how many it let go."""
    if p.doc.dct is None:
        return 0
    kept = [c for c in p.candidates if c.probability >= cut or c.anchor == "future"]
    for c in kept:
        c.features = {k: c.features[k] for k in ("lead", "first_paragraphs") if k in c.features}
    dropped = len(p.candidates) - len(kept)
    p.candidates = kept
    wanted = {(c.doc, c.sentence_start) for c in kept}
    p.sentences = {k: v for k, v in p.sentences.items() if k in wanted}
    return dropped


def things_everywhere(processed: list[_Processed]) -> None:
    """An acronym one article spells out in lower-case words names a thing in every article of the
    run (`radio frequency identification (RFID)` in one, `pemasangan RFID` in the next): it is no
    participant of any candidate, as it is none in the article that spells it (events/describe.py)."""
    things = set().union(*(p.things for p in processed))
    if things:
        for p in processed:
            for c in p.candidates:
                c.participants = [x for x in c.participants if x not in things]


_WORKER_STATE: dict = {}


def _init_worker(cli_dct: date | None, lex: Lexicon) -> None:
    _WORKER_STATE.update(cli_dct=cli_dct, lex=lex)  # in each worker: spawned ones start empty


# documents processed together: their sentences go through each model in one batch (nlp/batch.py)
TOGETHER = 16


def _process_many(docs: list[Document], cli_dct: date | None, lex: Lexicon) -> list[_Processed]:
    from .nlp.batch import run_together

    return run_together([partial(_process, doc, cli_dct, lex) for doc in docs])


def _work(docs: list[Document]) -> list[_Processed]:
    return _process_many(docs, _WORKER_STATE["cli_dct"], _WORKER_STATE["lex"])


def _groups(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while group := list(islice(it, size)):
        yield group


def process_all(documents: Iterable[Document], cli_dct: date | None, lex: Lexicon,
                workers: int, on_document=None) -> Iterator[_Processed]:
    """Date, tag and find mentions, in input order, on `workers` processes; TOGETHER documents at a
    time, so that the models see all their sentences in one batch (nlp/batch.py).

    The model is loaded here, before the workers fork, so that a missing model fails once, in
    this process, and the workers share what was loaded. A worker that dies raises
    `timeline.parallel.WorkerDied` (timeline.parallel: nothing hangs, no orphan workers).
    """
    if workers <= 1:
        for docs in _groups(documents, TOGETHER):
            for p in _process_many(docs, cli_dct, lex):
                if on_document:
                    on_document(p.doc)
                yield p
        return
    from .nlp import tag_many
    from .parallel import ordered_map
    from .nlp.entities import ner_model
    from .workers import context

    ner_model()
    tag_many(["-"])  # the part-of-speech model too: loaded once, shared by forked workers
    _WORKER_STATE.update(cli_dct=cli_dct, lex=lex)
    for ps in ordered_map(_work, _groups(documents, TOGETHER), workers, chunksize=1, context=context(),
                          initializer=_init_worker, initargs=(cli_dct, lex)):
        for p in ps:
            if on_document:
                on_document(p.doc)
            yield p


def extract(documents: Iterable[Document], *, cli_dct: date | None = None, lexicon: str | None = None,
            workers: int = 1, on_document=None, min_confidence: float | None = None) -> Chronology:
    """Many articles in, one chronology out (see the module docstring).

    To keep memory flat on large corpora, a dated document comes back without its text
    (`doc.text == ""`): its time expressions and its events' sentences are all that is kept.
    """
    lex = load_lexicon(Path(lexicon) if lexicon else None)
    cut = threshold() if min_confidence is None else min_confidence
    processed, dropped = [], 0
    for p in process_all(documents, cli_dct, lex, workers, on_document):
        dropped += _keep_what_merging_reads(p, cut)
        processed.append(p)
    compatible = {k: set(v.get("compatible", [])) for k, v in lex.kinds.items()}
    undated = [p for p in processed if p.doc.status == "ok" and p.doc.dct is None]
    if undated:
        dated = [c for p in processed if p.doc.dct is not None for c in p.candidates if c.probability >= cut]
        groups = group(dated, {p.doc.id: p.doc.dct for p in processed}, compatible)
        years = {p.doc.dct.year for p in processed if p.doc.dct is not None}
        for p in undated:
            found = window(p.doc, p.candidates, groups, years)
            if found is None:
                continue
            p.doc.dct_window, p.doc.dct_source = found, "inferred"
            try:
                p.timexes = retag_within(p.doc, found)
                _find_candidates(p, lex)
            except Exception as exc:
                failed(p.doc, "finding events", exc)
                p.timexes, p.candidates, p.sentences = [], [], {}

    things_everywhere(processed)
    cands = [c for p in processed for c in p.candidates]
    sentences = {k: v for p in processed for k, v in p.sentences.items()}
    dcts = {p.doc.id: p.doc.dct or (p.doc.dct_window[0] if p.doc.dct_window else None) for p in processed}
    events, below = events_of(cands, sentences, cut, dcts, compatible)
    return Chronology(
        documents=[p.doc for p in processed],
        timexes={p.doc.id: p.timexes for p in processed},
        events=events,
        undated=below + dropped,
    )


# ---------------------------------------------------------------- filters


def _name_matches(query: str, names: Iterable[str]) -> bool:
    """`Santoso` matches `Arif Santoso`; `RI` matches the country it abbreviates, through the gazetteer."""
    g = gazetteer()
    wanted = {key(query), key(g.actor(query) or query)}
    for name in names:
        k = key(name)
        if k in wanted or person_key(name) == person_key(query):
            return True
        tokens = k.split()
        if any(w in tokens or (" " in w and w in k) for w in wanted):
            return True
    return False


def filter_events(events: list[Event], *, actors: Iterable[str] = (), place: str | None = None,
                  kind: str | None = None, status: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[Event]:
    """Events where every actor takes part, at the place, of the kind and status, overlapping the range."""

    out = []
    for e in events:
        if any(not _name_matches(a, e.participants) for a in actors):
            continue
        if place and not _name_matches(place, e.places + [m.places[0] for m in e.mentions if m.places]):
            continue
        if kind and e.kind != kind:
            continue
        if status and e.status != status:
            continue
        if since and span_end(e.date) < span_start(since):
            continue
        if until and span_start(e.date) > span_end(until):
            continue
        out.append(e)
    return out
