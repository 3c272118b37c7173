"""Merge: the candidates of one real-world event, across articles, become one event.

Candidates are indexed by date, so that only candidates of one date (or of a coarser date whose
span holds it) are ever compared: a story of many days costs what its days cost, and within one
date each candidate is compared with that date's events only (a single day of many distinct events
is quadratic in them). Within a date, a candidate joins the most similar event when the cosine of
their TF-IDF vectors (over the stems of the clause's content words, `describe.content_words`), plus
a bonus for each shared participant and for kinds the lexicon calls compatible (a penalty for
incompatible ones), reaches `JOIN`; otherwise it starts an event. Then a coarser date joins a finer
event inside its span, a lead-only event the event of a day or two before, a plan what happened
within `PLAN_DAYS`, and a vague-future plan the event it announces. Candidates are taken in a fixed
order (most probable first, then by article id and offset), so the output is the same for any
input order and any number of workers.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..nlp.entities import places_compatible, same_actor
from ..values import span_end, span_start
from .candidates import Candidate

JOIN = 0.30  # similarity at which a candidate joins an event of its date (tuned leave-one-story-out)
JOIN_COARSER = 0.45  # … an event of a finer date inside its span (`Oktober` into `2025-10-29`)
SHARED_ACTOR = 0.12  # added per shared participant, at most two
SAME_KIND = 0.12  # added when the lexicon gives both the same or compatible kinds (`visit` and `meeting`)
PLAN_DAYS = 2  # a plan joins what happened at most this many days from the day it named (fixtures a few days apart stay apart)

def _kin(a: str, b: str, compatible: dict[str, set[str]]) -> bool:
    """The same kind, or kinds the lexicon calls compatible (`compatible`: kind → kinds)."""
    if not _known(a) or not _known(b):
        return False
    return a == b or b in compatible.get(a, ()) or a in compatible.get(b, ())


@dataclass
class Group:
    date: str
    members: list[Candidate] = field(default_factory=list)
    vector: dict[str, float] = field(default_factory=dict)
    actors: list[str] = field(default_factory=list)
    vectors: list[dict[str, float]] = field(default_factory=list)  # of the members, in their order
    kinds: list[str] = field(default_factory=list)
    compatible: dict[str, set[str]] = field(default_factory=dict, repr=False)  # the lexicon's, shared

    def add(self, c: Candidate, vec: dict[str, float]) -> None:
        self.members.append(c)
        self.vectors.append(vec)
        if c.kind not in self.kinds:
            self.kinds.append(c.kind)
        for w, x in vec.items():
            self.vector[w] = self.vector.get(w, 0.0) + x
        self.actors += [a for a in c.participants + c.places if a not in self.actors]


def centrality(g: Group) -> list[float]:
    """How close each member is to what the event's members say together (cosine to the sum)."""
    return [_cosine(v, g) for v in g.vectors]


def _idf(cands: list[Candidate]) -> dict[str, float]:
    df = Counter(w for c in cands for w in set(c.words))
    n = len(cands)
    return {w: math.log((n + 1) / (k + 1)) + 1.0 for w, k in df.items()}


def _vector(c: Candidate, idf: dict[str, float]) -> dict[str, float]:
    tf = Counter(c.words)
    v = {w: (1 + math.log(k)) * idf.get(w, 1.0) for w, k in tf.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}


def _cosine(v: dict[str, float], g: Group) -> float:
    norm = math.sqrt(sum(x * x for x in g.vector.values())) or 1.0
    return sum(x * g.vector.get(w, 0.0) for w, x in v.items()) / norm


def similarity(c: Candidate, v: dict[str, float], g: Group) -> float:
    shared = sum(1 for a in c.participants + c.places if any(same_actor(a, b) for b in g.actors))
    kin = any(_kin(c.kind, k, g.compatible) for k in g.kinds)
    # two kinds the lexicon knows and does not call compatible (`meeting`, `fall`) tell two events
    apart = not kin and _known(c.kind) and any(_known(k) for k in g.kinds)
    return _cosine(v, g) + SHARED_ACTOR * min(shared, 2) + SAME_KIND * kin - SAME_KIND * apart


def _known(kind: str) -> bool:
    return kind not in ("event", "statement")


def venues_differ(c: Candidate, g: Group) -> bool:
    """The candidate's venue and every venue of the event's members are known to be apart
    (a country is not another country)."""
    venues = {m.places[0] for m in g.members if m.places}
    if not c.places or not venues:
        return False
    verdicts = [places_compatible(c.places[0], v) for v in venues]
    return False in verdicts and True not in verdicts


def _order(c: Candidate):
    return (-round(c.probability, 6), c.doc, c.start)


LEAD_DAYS = 2  # a lead dated only by its article's day may tell what happened up to two days before


def _join_weak(groups: list[Group], vectors: dict[int, dict[str, float]], weak, within, score) -> list[Group]:
    """Each day event that is `weak` joins the strong day event `within` reach of its day (a
    predicate of the two days) that scores best against its members, when that reaches
    `JOIN_COARSER`; the weak event's day stays in the members (a conflict of the event)."""
    strong = [g for g in groups if len(g.date) == 10 and not weak(g)]
    out = []
    for g in groups:
        if len(g.date) != 10 or not weak(g):
            out.append(g)
            continue
        day = span_start(g.date)
        if not _absorbed(g, [h for h in strong if within(day, span_start(h.date))], vectors, score):
            out.append(g)
    return out


def _absorbed(g: Group, targets: list[Group], vectors: dict[int, dict[str, float]], score) -> bool:
    """Move all of `g` into the target its members score best against, when that reaches
    `JOIN_COARSER`; False (and nothing moved) when no target does."""
    best, top = None, 0.0
    for h in targets:
        s = max(score(c, vectors[id(c)], h) for c in g.members)
        if s > top:
            best, top = h, s
    if best is None or top < JOIN_COARSER:
        return False
    for c in g.members:
        best.add(c, vectors[id(c)])
    return True


def _soft_leads(groups: list[Group], vectors: dict[int, dict[str, float]]) -> list[Group]:
    """An event known only from leads, dated by their publication day, joins the most similar event
    that articles date in their own words within `LEAD_DAYS` before it (news of today reports
    yesterday's arrest)."""
    return _join_weak(groups, vectors, weak=lambda g: all(c.anchor == "lead" for c in g.members),
                      within=lambda day, other: 0 < (day - other).days <= LEAD_DAYS,
                      score=lambda c, v, h: _cosine(v, h))


def _plans_join_happenings(groups: list[Group], vectors: dict[int, dict[str, float]]) -> list[Group]:
    """An event only planned or expected (`akan bertemu Kamis`) joins the most similar event that
    happened within `PLAN_DAYS` of the day it named."""
    return _join_weak(groups, vectors, weak=lambda g: not any(c.status in HAPPENED for c in g.members),
                      within=lambda day, other: abs((other - day).days) <= PLAN_DAYS, score=similarity)


HAPPENED = ("occurred", "reported")
NEAR_FUTURE_DAYS = 14  # how long before an event a vague near future ("dalam beberapa hari mendatang") may be said


def group(cands: list[Candidate], dcts: dict | None = None, compatible: dict[str, set[str]] | None = None) -> list[Group]:
    """Events of a list of candidates (see the module docstring). A plan for a vague near future
    joins the most similar event dated within `NEAR_FUTURE_DAYS` after its article (`dcts`: article
    id → publication date), or none."""
    compatible = compatible or {}
    future = [c for c in cands if c.anchor == "future"]
    cands = [c for c in cands if c.anchor not in ("future", "partial")]
    idf = _idf(cands + future)
    vectors = {id(c): _vector(c, idf) for c in cands}
    by_date: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_date[c.date].append(c)
    groups: dict[str, list[Group]] = {}
    for d in sorted(by_date):
        gs: list[Group] = []
        for c in sorted(by_date[d], key=_order):
            v = vectors[id(c)]
            best = max(gs, key=lambda g: similarity(c, v, g), default=None)
            if best is not None and similarity(c, v, best) >= JOIN:
                best.add(c, v)
            else:
                g = Group(d, compatible=compatible)
                g.add(c, v)
                gs.append(g)
        groups[d] = gs
    # a coarser date (`Oktober`, `2025`) joins a finer event inside its span when it tells the same
    fine = sorted((d for d in groups if len(d) == 10), key=str)
    out: list[Group] = []
    for d in sorted(groups, key=lambda d: (-len(d), d)):
        if len(d) == 10:
            out.extend(groups[d])
            continue
        lo, hi = span_start(d), span_end(d)
        inside = [g for fd in fine if lo <= span_start(fd) <= hi for g in groups[fd]]
        for g in groups[d]:
            if not _absorbed(g, inside, vectors, similarity):
                out.append(g)
    out = _soft_leads(out, vectors)
    out = _plans_join_happenings(out, vectors)
    for c in sorted(future, key=_order):
        dct = (dcts or {}).get(c.doc)
        if dct is None:
            continue
        v = _vector(c, idf)
        near = [g for g in out if 0 < (span_start(g.date) - dct).days <= NEAR_FUTURE_DAYS and len(g.date) == 10]
        best = max(near, key=lambda g: similarity(c, v, g), default=None)
        if best is not None and similarity(c, v, best) >= JOIN:
            c.date = best.date
            best.add(c, v)
    return out


def matches(cands: list[Candidate], groups: list[Group], fits, at_least: float = JOIN) -> list[tuple[Candidate, Group]]:
    """Each candidate paired with the most similar event it `fits` (a predicate of the candidate and
    the event), when they are similar enough to be one (`at_least`)."""
    members = [c for g in groups for c in g.members]
    idf = _idf(members + cands)
    out = []
    for c in sorted(cands, key=_order):
        v = _vector(c, idf)
        best = max((g for g in groups if fits(c, g)), key=lambda g: similarity(c, v, g), default=None)
        if best is not None and similarity(c, v, best) >= at_least:
            out.append((c, best))
    return out
