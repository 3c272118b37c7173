"""The whole pipeline: `extract(documents) -> Chronology`, which `timeline build` calls.

    read → date (DCT) → tag (TIMEX3) → mentions → merge → [DCT window → re-tag → merge] → events

Articles that state no date get a `dct_window` from the events they share with dated articles
(a plan announced "in the coming days" for an event of 19 June was written shortly before it)
and from the days they name by weekday (`Selasa (4/2)` in a corpus of 2025: 4 February 2025);
their relative dates are then resolved wherever the whole window agrees on the value.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .timex.dct import date_document, weekday_date
from .events import Candidate, candidates_of, events_of
from .events.classify import threshold
from .entities import gazetteer, key, person_key
from .merge import HAPPENED, cluster, merge, span_end, span_start
from .mentions import Lexicon, find_mentions, load_lexicon
from .model import Chronology, Document, Event, Mention, Timex
from .timex.tagger import tag

# how long before an event a vague near future ("dalam beberapa hari mendatang") may have been written
NEAR_FUTURE = timedelta(days=14)


@dataclass
class _Processed:
    doc: Document
    timexes: list[Timex]
    mentions: list[Mention]  # the lexicon's mentions: only for placing undated articles
    candidates: list[Candidate] = field(default_factory=list)
    sentences: dict[tuple[str, int], str] = field(default_factory=dict)  # of the candidates


def _process(doc: Document, cli_dct: date | None, lex: Lexicon) -> _Processed:
    if doc.status != "ok":
        return _Processed(doc, [], [])
    date_document(doc, cli_dct)
    timexes = tag(doc.text, doc.dct)
    p = _Processed(doc, timexes, find_mentions(doc, timexes, lex))
    _find_candidates(p, lex)
    if doc.dct is not None:
        doc.text = ""  # only undated articles are read again (for their DCT window): keep memory flat
    return p


def _find_candidates(p: _Processed, lex: Lexicon) -> None:
    p.candidates = candidates_of(p.doc, p.timexes, lex)
    p.sentences = {(c.doc, c.sentence_start): p.doc.text[c.sentence_start:c.sentence_end] for c in p.candidates}


_WORKER_STATE: dict = {}


def _work(doc: Document) -> _Processed:
    return _process(doc, _WORKER_STATE["cli_dct"], _WORKER_STATE["lex"])


def process_all(documents: Iterable[Document], cli_dct: date | None, lex: Lexicon,
                workers: int, on_document=None) -> Iterator[_Processed]:
    """Date, tag and find mentions, one document at a time, in input order, on `workers` processes.

    The model is loaded here, before the workers fork, so that a missing model fails once, in
    this process, and the workers share what was loaded.
    """
    if workers <= 1:
        for doc in documents:
            p = _process(doc, cli_dct, lex)
            if on_document:
                on_document(p.doc)
            yield p
        return
    import multiprocessing as mp

    from .entities import ner_model

    ner_model()
    _WORKER_STATE.update(cli_dct=cli_dct, lex=lex)
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        for p in pool.imap(_work, documents, chunksize=4):
            if on_document:
                on_document(p.doc)
            yield p


def _weekday_dates(p: _Processed, years: set[int]) -> list[tuple[Mention, str]]:
    """`Senin (3/2)` in an undated article: the one date, in a year of the corpus's dated articles
    (or the next), on which 3 February is a Monday; paired with the mentions it dates."""
    candidates = years | {y + 1 for y in years}
    found = [(m, weekday_date(m.timex, candidates)) for m in p.mentions if m.timex is not None]
    return [(m, d.isoformat()) for m, d in found if d is not None]


# three days of different weekdays: an expression that lies the same number of days from each is
# counted from the DCT in days (`besok`, `kemarin`, `dua hari lalu`), not a weekday or a month
_PROBES = (date(2001, 1, 10), date(2001, 1, 13), date(2001, 2, 26))


def _day_offsets(text: str) -> dict[tuple[int, int], int]:
    """Span → days from the DCT, for the time expressions of `text` counted from it in days."""
    found: dict[tuple[int, int], list[int]] = {}
    for probe in _PROBES:
        for t in tag(text, probe):
            if t.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
                found.setdefault((t.start, t.end), []).append((date.fromisoformat(t.value) - probe).days)
    # found under every probe, the same number of days away each time
    return {span: days[0] for span, days in found.items() if len(days) == len(_PROBES) and len(set(days)) == 1}


def _window_constraints(joined: list[tuple[Mention, str]], named_days: list[tuple[Mention, str]] = (),
                        offsets: dict[tuple[int, int], int] | None = None) -> tuple[date, date] | None:
    """What the events an undated article shares with dated ones say of its own date.

    Only telling evidence counts: a happening it dates by a bare month or day (`September lalu`:
    written after it), and a plan it calls near (`dalam beberapa hari mendatang`: written shortly
    before it); and a day it names by weekday (`Senin (3/2)`, see `_weekday_dates`): news names the
    weekday of days within a fortnight of it, a happening before it, a plan after.
    A shared event of a known day that the article dates by days from its own (`akan tiba besok`:
    the day before the visit) places it exactly. The pieces are weighed by `_agreeing`.
    """
    spans: list[tuple[date, date]] = []  # each piece of evidence: the dates the article may bear
    for m, day in named_days:
        when = date.fromisoformat(day)
        if m.status in HAPPENED:
            spans.append((when, when + NEAR_FUTURE))
        elif m.status in ("planned", "expected"):
            spans.append((when - NEAR_FUTURE, when))
    for m, event_date in joined:
        when = span_start(event_date)
        value = m.timex.value if m.timex else ""
        shift = (offsets or {}).get((m.timex.start, m.timex.end)) if m.timex else None
        if shift is not None and len(event_date) == 10:
            spans.append((when - timedelta(days=shift), when - timedelta(days=shift)))
            continue
        if m.status in HAPPENED and value.startswith("XXXX-"):
            spans.append((when, when + timedelta(days=366)))
        elif m.status in ("planned", "expected") and m.future_ref:
            spans.append((when - NEAR_FUTURE, when))
    return _agreeing(spans)


def _agreeing(spans: list[tuple[date, date]]) -> tuple[date, date] | None:
    """The window most of the evidence agrees on: the pieces that cover the date covered by the
    most of them, intersected. A single piece that contradicts the rest is outvoted; two that
    contradict each other with nothing else leave the article undated; between equally supported
    windows the earlier wins."""
    if not spans:
        return None
    best: tuple[int, list[tuple[date, date]]] | None = None
    for point in sorted({lo for lo, _ in spans}):
        covering = [(lo, hi) for lo, hi in spans if lo <= point <= hi]
        if best is None or len(covering) > best[0]:
            best = (len(covering), covering)
    count, covering = best
    if len(spans) > 1 and count == 1:
        return None
    return max(lo for lo, _ in covering), min(hi for _, hi in covering)


def _retag_within(doc: Document, window: tuple[date, date]) -> list[Timex]:
    """Values that every DCT in the window agrees on; the others keep their X placeholders."""
    late = {(t.start, t.end): t for t in tag(doc.text, window[1])}
    unknown = {(t.start, t.end): t for t in tag(doc.text, None)}
    out = []
    for a in tag(doc.text, window[0]):
        b = late.get((a.start, a.end))
        x = unknown.get((a.start, a.end))
        if b is not None and b.value == a.value:
            out.append(a)
        elif x is not None:
            out.append(x)
    for i, t in enumerate(out, 1):
        t.tid = f"t{i}"
    return out


def extract(documents: Iterable[Document], *, cli_dct: date | None = None, lexicon: str | None = None,
            workers: int = 1, on_document=None, min_confidence: float | None = None) -> Chronology:
    """Many articles in, one chronology out (see the module docstring).

    To keep memory flat on large corpora, a dated document comes back without its text
    (`doc.text == ""`): its time expressions and its events' sentences are all that is kept.
    """
    lex = load_lexicon(Path(lexicon) if lexicon else None)
    processed = list(process_all(documents, cli_dct, lex, workers, on_document))
    compat = {k: list(v.get("compatible", [])) for k, v in lex.kinds.items()}
    same_day = frozenset(k for k, v in lex.kinds.items() if v.get("same_day"))
    # themed and sentence_title kinds keep the sentence's own words as their title (see theme.py)
    titles = {k: v.get("title", "") for k, v in lex.kinds.items() if not v.get("themed") and not v.get("sentence_title")}
    docs = {p.doc.id: p.doc for p in processed}
    mentions = [m for p in processed for m in p.mentions]

    undated = [p for p in processed if p.doc.status == "ok" and p.doc.dct is None]
    if undated:
        clusters, _ = cluster(mentions, docs, compat, same_day)
        joined: dict[str, list[tuple[Mention, str]]] = {}
        for c in clusters:
            if not c.happened:
                continue
            for m in c.mentions:
                if docs[m.doc].dct is None:
                    joined.setdefault(m.doc, []).append((m, c.date))
        years = {p.doc.dct.year for p in processed if p.doc.dct is not None}
        for p in undated:
            window = _window_constraints(joined.get(p.doc.id, []), _weekday_dates(p, years), _day_offsets(p.doc.text))
            if window is None:
                continue
            p.doc.dct_window, p.doc.dct_source = window, "inferred"
            p.timexes = _retag_within(p.doc, window)
            _find_candidates(p, lex)

    cands = [c for p in processed for c in p.candidates]
    sentences = {k: v for p in processed for k, v in p.sentences.items()}
    dcts = {p.doc.id: p.doc.dct or (p.doc.dct_window[0] if p.doc.dct_window else None) for p in processed}
    events, below = events_of(cands, sentences, threshold() if min_confidence is None else min_confidence, dcts)
    return Chronology(
        documents=[p.doc for p in processed],
        timexes={p.doc.id: p.timexes for p in processed},
        events=events,
        undated=below,
    )


# ---------------------------------------------------------------- filters


def _name_matches(query: str, names: Iterable[str]) -> bool:
    """`Widodo` matches `Joko Widodo`; `RI` matches `Indonesia` through the gazetteer."""
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
