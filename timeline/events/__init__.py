"""The event layer: candidates → description → classification → merge → ranking.

    candidates.py  every dated clause and every lead (the grammar, no word list)
    describe.py    title, participants, places, kind (the lexicon as a labeller), status, features
    classify.py    is it a chronology event (a trained logistic regression)
    cluster.py     one event per real-world happening across articles (TF-IDF, shared actors, dates)
    rank.py        salience, and the events to show
"""
from __future__ import annotations

import re
from collections import Counter

from .lexicon import Lexicon
from ..values import span_start
from ..model import Document, Event, Mention, Timex
from ..nlp.entities import same_actor
from .candidates import Candidate, find_candidates
from .classify import probability
from .cluster import Group, centrality, group
from .describe import describe
from .lexis import patterns
from .pairs import known_kind
from .rank import salience

__all__ = ["Candidate", "candidates_of", "events_of"]


def candidates_of(doc: Document, timexes: list[Timex], lex: Lexicon) -> list[Candidate]:
    """The described, scored candidates of one tagged document."""
    if doc.status != "ok" or (doc.dct is None and doc.dct_window is None):
        cands = [c for c in find_candidates(doc, timexes, lex) if c.anchor != "lead"]
    else:
        cands = find_candidates(doc, timexes, lex)
    describe(doc, timexes, cands, lex)
    cands = _without_retold_leads(cands)
    for c in cands:
        c.probability = probability(c.features)
    return cands


def _without_retold_leads(cands: list[Candidate]) -> list[Candidate]:
    """A lead dated only by its article's day goes when a later clause retells it with a time of its
    own (`MA membatalkan vonis bebas … .` ⏎ `Pembatalan itu dilakukan dalam putusan yang dibacakan pada
    23 Agustus`): that clause is the lead's event, on its day, and kept the lead's headline (describe.py)."""
    spans = [c.retold for c in cands if c.retold is not None and c.anchor != "lead"]
    if not spans:
        return cands
    return [c for c in cands if not (c.anchor == "lead" and any(c.start < b and a < c.end for a, b in spans))]


def _trigger(c: Candidate, sentence: str) -> tuple[str, int]:
    """The predicate word as written in the clause, and its offset in the document (for TimeML's EVENT)."""
    if c.predicate:
        i = sentence.lower().find(c.predicate.lower(), max(0, c.start - c.sentence_start))
        if i >= 0:
            return sentence[i:i + len(c.predicate)], c.sentence_start + i
    return "", c.start


def _mention(c: Candidate, sentence: str) -> Mention:
    trigger, trigger_start = _trigger(c, sentence)
    return Mention(doc=c.doc, start=c.sentence_start, end=c.sentence_end, sentence=sentence, trigger=trigger,
                   trigger_start=trigger_start, kind=c.kind, status=c.status, participants=list(c.participants),
                   places=list(c.places), timex=c.timex, date=c.date, title=c.title)


POINTER = 0.2  # what a title that names something by a pointer loses as the event's headline
ASIDE = 0.2  # … and one of a member dated otherwise than the event


def _event(g: Group, sentences: dict[tuple[str, int], str]) -> Event:
    members = sorted(g.members, key=lambda c: (c.doc, c.start))
    # the title is the member that says best what all of them say (the most central), a lead and a
    # clause of its own (not a quotation) breaking ties; one that names something by a pointer
    # (`harga minyak jenis ini`) needs the sentence before it: it heads only a clearly more central one
    central = {id(c): x for c, x in zip(g.members, centrality(g))}
    # (nor does one that only names its source: `Dilansir dari laman resmi X`)
    points, cited = patterns()["points"], patterns()["source_opening"]
    # (nor one that tells it on another day, a lead of the next day's news that joined it: `… bicara
    # ancaman sanksi` of Friday does not head Wednesday's decision)
    best = max(members, key=lambda c: (round(central[id(c)] + 0.1 * c.features.get("lead", 0)
                                             + 0.1 * (c.anchor != "attribution") + 0.1 * c.probability
                                             - POINTER * bool(points.search(c.title) or cited.match(c.title))
                                             - ASIDE * (c.date != g.date), 6),
                                       c.doc, -c.start))
    # the kind is what happened, as most of the members that tell it happening name it
    # (a plan's kind does not name a happening it joined: `akan bertemu` said of a sighting)
    happened = [c for c in members if c.status in ("occurred", "reported")] or members
    kinds = Counter(c.kind for c in happened if known_kind(c.kind))
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
        date_end=_date_end(members, g.date),
        salience=salience(members),
    )


_DAY_RANGE = re.compile(r"\s*(\d{1,2})\s*(?:-|–|—|s/d|s\.d\.?|sampai|hingga)\s*(\d{1,2})\b", re.I)


def _date_end(members, day: str) -> str | None:
    """The last day of a span of days the event's own time expression gives (`4-6 Desember 2014`
    dates the event 2014-12-04 and ends it 2014-12-06), None for a single day or coarser dates."""
    if len(day) != 10:
        return None
    for c in members:
        t = c.timex
        if t is None or c.date != day or not t.value.startswith(day):
            continue
        m = _DAY_RANGE.match(t.text)
        if m and int(m.group(1)) == int(day[8:]) and int(m.group(1)) < int(m.group(2)) <= 31:
            end = f"{day[:8]}{int(m.group(2)):02d}"
            try:
                span_start(end)
            except ValueError:
                continue
            return end
    return None


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
    assign_ids(events)
    return events, len(cands) - placed


def assign_ids(events: list[Event]) -> None:
    """Ids from each event's content (its date, kind and the first word that tells it: article and
    offset), not its position in the list: the same event gets the same id in every run, and an
    article added that does not tell it leaves it alone."""
    import hashlib

    seen: set[str] = set()
    for e in events:
        doc, start = min((m.doc, m.trigger_start) for m in e.mentions) if e.mentions else ("", 0)
        key = f"{e.date}|{e.kind}|{doc}:{start}"
        base = "e" + hashlib.blake2s(key.encode("utf-8"), digest_size=5).hexdigest()
        eid, n = base, 1
        while eid in seen:
            n += 1
            eid = f"{base}-{n}"
        seen.add(eid)
        e.id = eid
