"""The event layer: candidates → description → classification → merge → ranking.

    candidates.py  every dated clause and every lead (the grammar, no word list)
    describe.py    title, participants, places, kind (the lexicon as a labeller), status, features
    classify.py    is it a chronology event (a trained logistic regression)
    cluster.py     one event per real-world happening across articles (TF-IDF, shared actors, dates)
    rank.py        salience, and the events to show
"""
from __future__ import annotations

from collections import Counter

from .lexicon import Lexicon
from ..values import span_start
from ..model import Document, Event, Mention, Timex
from ..nlp.entities import same_actor
from .candidates import Candidate, find_candidates
from .classify import probability
from .cluster import Group, centrality, group
from .describe import describe
from .rank import salience

__all__ = ["Candidate", "candidates_of", "events_of"]


def candidates_of(doc: Document, timexes: list[Timex], lex: Lexicon) -> list[Candidate]:
    """The described, scored candidates of one tagged document."""
    if doc.status != "ok" or (doc.dct is None and doc.dct_window is None):
        cands = [c for c in find_candidates(doc, timexes, lex) if c.anchor != "lead"]
    else:
        cands = find_candidates(doc, timexes, lex)
    describe(doc, timexes, cands, lex)
    for c in cands:
        c.probability = probability(c.features)
    return cands


def _mention(c: Candidate, sentence: str) -> Mention:
    return Mention(doc=c.doc, start=c.sentence_start, end=c.sentence_end, sentence=sentence, trigger="",
                   trigger_start=c.start, kind=c.kind, status=c.status, participants=list(c.participants),
                   places=list(c.places), timex=c.timex, date=c.date, title=c.title)


def _event(g: Group, sentences: dict[tuple[str, int], str]) -> Event:
    members = sorted(g.members, key=lambda c: (c.doc, c.start))
    # the title is the member that says best what all of them say (the most central), a lead and a
    # clause of its own (not a quotation) breaking ties
    central = {id(c): x for c, x in zip(g.members, centrality(g))}
    best = max(members, key=lambda c: (round(central[id(c)] + 0.1 * c.features.get("lead", 0)
                                             + 0.1 * (c.anchor != "attribution") + 0.1 * c.probability, 6),
                                       c.doc, -c.start))
    # the kind is what happened, as most of the members that tell it happening name it
    # (a plan's kind does not name a happening it joined: `akan bertemu` said of a sighting)
    happened = [c for c in members if c.status in ("occurred", "reported")] or members
    kinds = Counter(c.kind for c in happened if c.kind not in ("event", "statement"))
    fallback = best.kind if best in happened else Counter(c.kind for c in happened).most_common(1)[0][0]
    kind = sorted(kinds, key=lambda k: (-kinds[k], k != best.kind, k))[0] if kinds else fallback
    statuses = [c.status for c in members]
    status = "occurred" if "occurred" in statuses else Counter(statuses).most_common(1)[0][0]
    people = Counter(p for c in members for p in c.participants)
    places = Counter(p for c in members for p in c.places)
    # where it happened: the venues its members that tell it happening name (`bertemu di X`), else
    # their places
    venues = Counter(c.venue for c in happened if c.venue)
    if venues:
        places = Counter({p: k for p, k in places.items() if p in venues})
    order = {p: i for i, p in enumerate(best.participants + best.places)}
    conflicts = [{"field": "status", "value": c.status, "doc": c.doc} for c in members if c.status != status]
    conflicts += [{"field": "date", "value": c.date, "doc": c.doc} for c in members if c.date != g.date]
    return Event(
        id="", date=g.date, kind=kind, status=status, title=best.title,
        participants=_one_name_each(sorted(people, key=lambda p: (p not in order, order.get(p, 0), -people[p], p)), people)[:6],
        places=sorted(places, key=lambda p: (-venues[p], p not in order, order.get(p, 0), -places[p], p))[:3],
        confidence=round(max(c.probability for c in members), 2),
        sources=sorted({c.doc for c in members}),
        mentions=[_mention(c, sentences.get((c.doc, c.sentence_start), "")) for c in members],
        conflicts=_unique_dicts(conflicts),
        date_end=None,  # a span of days (`4-23 November`) is dated by its start; its end is not read yet
        salience=salience(members),
    )


def _one_name_each(names: list[str], counts: Counter) -> list[str]:
    """One name per actor (`Li Wei-ming`, `Li Wei Ming`, `Li` are one): the form most members use,
    of at least two words where there is one, in the order of `names`."""
    groups: list[list[str]] = []
    for n in names:
        for g in groups:
            if any(same_actor(n, m) for m in g):
                g.append(n)
                break
        else:
            groups.append([n])
    return [max(g, key=lambda n: (len(n.split()) >= 2, counts[n], len(n))) for g in groups]


def _unique_dicts(items: list[dict]) -> list[dict]:
    seen, out = set(), []
    for d in items:
        k = tuple(sorted(d.items()))
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


def events_of(cands: list[Candidate], sentences: dict[tuple[str, int], str], threshold: float,
              dcts: dict | None = None, compatible: dict[str, set[str]] | None = None,
              merge_model=None) -> tuple[list[Event], int]:
    """Merge the candidates at or above `threshold` into events, in chronological order with stable
    ids; also returns how many candidates made no row (below it, a plan for no event found, or a time
    an undated article could not resolve, which only served to date the article)."""
    # a vague-future plan makes no row of its own, it only joins the event it announces: no threshold
    kept = [c for c in cands if c.probability >= threshold or c.anchor == "future"]
    groups = group(kept, dcts, compatible, merge_model)
    events = [_event(g, sentences) for g in groups]
    placed = sum(len(g.members) for g in groups)
    events.sort(key=lambda e: (span_start(e.date), len(e.date), e.title, e.sources))
    for i, e in enumerate(events, 1):
        e.id = f"e{i}"
    return events, len(cands) - placed
