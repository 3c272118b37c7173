"""Merge: the candidates of one real-world event, across articles, become one event.

Candidates are indexed by date, so that only candidates whose dates can be one event's are ever
compared (`pairs.reach`: the same date, a coarser date and a day inside it, days a lead or a plan
apart): a story of many days costs what its days cost; within one day each candidate is compared
with that day's events only (a single day of many distinct events is quadratic in them).

Each candidate, days first, then coarser dates, own dates before leads, what happened before plans,
the most probable first (`_merge_order`, so the output is the same for any input order and any
number of workers), joins the event within its reach that the merge model (`pairs.py`, learned from
the dev stories' gold) most likely makes it one with, when that reaches the model's threshold; else
it starts an event. A plan of a day joins the most similar thing that happened near it, a lead
dated by its article what happened a day or two before, when similar enough; a plan for a
vague near future the event it announces. `similarity` (the TF-IDF cosine of the content stems,
`describe.content_words`, to an event's sum, with bonuses for shared participants and compatible
kinds) serves these plans and the dating of undated articles (`matches`, windows.py).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from ..nlp.entities import places_compatible, same_actor
from ..values import span_end, span_start
from . import pairs
from .candidates import Candidate

JOIN = 0.30  # similarity at which a vague-future plan joins the event it announces
JOIN_COARSER = 0.45  # … a plan or a lead what happened near it, an undated article's time a dated event
SHARED_ACTOR = 0.12  # added per shared participant, at most two
SAME_KIND = 0.12  # added when the lexicon gives both the same or compatible kinds (`visit` and `meeting`)


def _kin(a: str, b: str, compatible: dict[str, set[str]]) -> bool:
    """The same kind, or kinds the lexicon calls compatible (`compatible`: kind → kinds)."""
    if not pairs.known_kind(a) or not pairs.known_kind(b):
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

    # the first distinct members (a clause copied by several articles counts once), and of them those
    # that tell it happening: what a candidate is linked through (`_link`)
    distinct: list[tuple[Candidate, dict[str, float]]] = field(default_factory=list, repr=False)
    told: list[tuple[Candidate, dict[str, float]]] = field(default_factory=list, repr=False)
    _keys: set = field(default_factory=set, repr=False)
    _norm: float | None = field(default=None, repr=False)  # of `vector`, until the next member

    def add(self, c: Candidate, vec: dict[str, float]) -> None:
        self._norm = None
        self.members.append(c)
        self.vectors.append(vec)
        k = (c.title, c.date, c.status, c.anchor)
        if k not in self._keys:
            self._keys.add(k)
            if len(self.distinct) < LINK_MEMBERS:
                self.distinct.append((c, vec))
            if c.status in HAPPENED and len(self.told) < LINK_MEMBERS:
                self.told.append((c, vec))
        if c.kind not in self.kinds:
            self.kinds.append(c.kind)
        for w, x in vec.items():
            self.vector[w] = self.vector.get(w, 0.0) + x
        self.actors += [a for a in c.participants + c.places if a not in self.actors]

    def norm(self) -> float:
        """The length of `vector` (1 for none), computed once for each state of the event."""
        if self._norm is None:
            self._norm = math.sqrt(sum(x * x for x in self.vector.values())) or 1.0
        return self._norm


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
    return sum(x * g.vector.get(w, 0.0) for w, x in v.items()) / g.norm()


def similarity(c: Candidate, v: dict[str, float], g: Group) -> float:
    shared = sum(1 for a in c.participants + c.places if any(same_actor(a, b) for b in g.actors))
    kin = any(_kin(c.kind, k, g.compatible) for k in g.kinds)
    # two kinds the lexicon knows and does not call compatible (`meeting`, `fall`) tell two events
    apart = not kin and pairs.known_kind(c.kind) and any(pairs.known_kind(k) for k in g.kinds)
    return _cosine(v, g) + SHARED_ACTOR * min(shared, 2) + SAME_KIND * kin - SAME_KIND * apart


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


def _merge_order(c: Candidate):
    """Days before coarser dates (a month joins the day inside it, not the reverse), own dates before
    leads dated by their article, what happened before plans; then the most probable first."""
    return (-len(c.date), c.anchor == "lead", c.status not in HAPPENED, *_order(c))


HAPPENED = ("occurred", "reported")
LINK_MEMBERS = 8
NEAR_FUTURE_DAYS = 14  # how long before an event a vague near future ("dalam beberapa hari mendatang") may be said


def pair_features(a: Candidate, va: dict[str, float], b: Candidate, vb: dict[str, float],
                  compatible: dict[str, set[str]]) -> dict[str, float] | None:
    """The merge model's features of two candidates, None when their dates cannot be one event's or
    they share no content word and no participant (`pairs.features`)."""
    relation = pairs.reach(a, b)
    if relation is None:
        return None
    kin = _kin(a.kind, b.kind, compatible)
    apart = not kin and pairs.known_kind(a.kind) and pairs.known_kind(b.kind)
    return pairs.features(a, va, b, vb, kin, apart, relation)


def vectors_of(cands: list[Candidate]) -> dict[int, dict[str, float]]:
    idf = _idf(cands)
    return {id(c): _vector(c, idf) for c in cands}


def _link(c: Candidate, v: dict[str, float], g: Group, compatible, model) -> float:
    """How likely `c` tells the event `g`: the mean over the members it may be one with (the mean,
    not the best pair, so that one loose member does not chain two events; measured in README), of
    its first `LINK_MEMBERS` distinct members that tell it happening (a plan that joined it does not
    speak for it; a clause copied by several articles counts once; the most probable first: an event
    told by a thousand articles costs what one told by eight does)."""
    ps = []
    for m, vm in _link_members(g):
        f = pair_features(c, v, m, vm, compatible)
        if f is not None:
            ps.append(pairs.probability(f, model))
    if not ps:
        return 0.0
    return sum(ps) / len(ps)


def _link_members(g: Group) -> list[tuple[Candidate, dict[str, float]]]:
    return (g.told or g.distinct)[:LINK_MEMBERS]


def _wording(c: Candidate) -> tuple:
    """What the merge model reads of a candidate, but for its article and place in it (`pairs.features`;
    the vector comes from the words): two copies of a clause (a syndicated article) are one wording."""
    return (c.date, c.anchor, c.status, c.kind, tuple(c.participants), tuple(c.places), c.speaker_name,
            tuple(c.words))


class _Links:
    """`_link` once per wording and event: a copy of a clause from another article links to an event
    as the first copy did while the event's link members are the same and none of them is from the
    copy's article (only there do the article and the place in it count: `same_doc`, `anaphor`). News
    copies articles (and the bench corpus repeats each one): most of the merging time went to them."""

    def __init__(self, compatible, model):
        self.compatible, self.model = compatible, model
        self.wordings: dict[tuple, int] = {}
        self.known: dict[tuple[int, int, int, int], float] = {}
        self.docs: dict[tuple[int, int, int], set[str]] = {}  # the articles of an event's link members

    def of(self, c: Candidate, wording: int, v: dict[str, float], g: Group) -> float:
        state = (id(g), len(g.told), len(g.distinct))  # told and distinct only grow
        docs = self.docs.get(state)
        if docs is None:
            docs = self.docs[state] = {m.doc for m, _ in _link_members(g)}
        if c.doc in docs:
            return _link(c, v, g, self.compatible, self.model)
        key = (wording, *state)
        if key not in self.known:
            self.known[key] = _link(c, v, g, self.compatible, self.model)
        return self.known[key]

    def wording(self, c: Candidate) -> int:
        return self.wordings.setdefault(_wording(c), len(self.wordings))


def _reachable(c: Candidate, by_date: dict[str, list[Group]]) -> list[Group]:
    """The events whose date may be the candidate's (the date index: never all events)."""
    if len(c.date) == 10:
        day = span_start(c.date)
        keys = [(day + timedelta(days=k)).isoformat() for k in range(-pairs.NEAR_DAYS, pairs.NEAR_DAYS + 1)]
        return [g for k in keys for g in by_date.get(k, ())]
    lo, hi = span_start(c.date), span_end(c.date)
    return [g for k, gs in by_date.items() if k == c.date or lo <= span_start(k) and span_end(k) <= hi for g in gs]


def _weak_joined(c: Candidate, v: dict[str, float], reachable: list[Group]) -> bool:
    """A plan of a day (`akan bertemu Kamis`) joins the most similar event that happened within
    `pairs.NEAR_DAYS` of it, and a lead dated only by its article's day the most similar one of a day
    or two before that is of its kind (today's news of yesterday's arrest), when their similarity reaches `JOIN_COARSER`
    (the dev stories hold too few such pairs for the merge model to learn them)."""
    if len(c.date) != 10:
        return False
    if c.status not in HAPPENED:
        near = [g for g in reachable if len(g.date) == 10 and g.told]  # (some member tells it happening)
    elif c.anchor == "lead":
        # (of a kind the event has, by the lexicon: a lead of a new step, `Tim DVI berhasil mengidentifikasi
        # korban kebakaran …`, names the earlier event in its words but is not it)
        day = span_start(c.date)
        near = [g for g in reachable if len(g.date) == 10 and 0 < (day - span_start(g.date)).days
                and any(_kin(c.kind, k, g.compatible) for k in g.kinds)]
    else:
        return False
    best, score = _most_similar(c, v, near)
    if best is None or score < JOIN_COARSER:
        return False
    best.add(c, v)
    return True


def _most_similar(c: Candidate, v: dict[str, float], groups: Iterable[Group]) -> tuple[Group | None, float]:
    """The event most similar to the candidate (the first of equals) and its similarity; (None, 0) for none."""
    best, top = None, 0.0
    for g in groups:
        score = similarity(c, v, g)
        if best is None or score > top:
            best, top = g, score
    return best, top


def group(cands: list[Candidate], dcts: dict | None = None, compatible: dict[str, set[str]] | None = None,
          model=None) -> list[Group]:
    """Events of a list of candidates: each candidate, in `_merge_order`, joins the event within its
    reach (`pairs.reach`) with which the merge model most likely makes it one, when that reaches the
    model's threshold; otherwise it starts an event of its own date. A plan for a vague near future
    then joins the most similar event dated within `NEAR_FUTURE_DAYS` after its article (`dcts`:
    article id → publication date), or none."""
    compatible = compatible or {}
    model = model or pairs.weights()
    future = [c for c in cands if c.anchor == "future"]
    cands = [c for c in cands if c.anchor not in ("future", "partial")]
    idf = _idf(cands + future)
    by_date: dict[str, list[Group]] = defaultdict(list)
    out: list[Group] = []
    links = _Links(compatible, model)
    for c in sorted(cands, key=_merge_order):
        v = _vector(c, idf)
        reachable = _reachable(c, by_date)
        if _weak_joined(c, v, reachable):
            continue
        best, top = None, 0.0
        wording = links.wording(c)
        for g in reachable:
            p = links.of(c, wording, v, g)
            if p > top:
                best, top = g, p
        if best is not None and top >= model[2]:
            best.add(c, v)
        else:
            g = Group(c.date, compatible=compatible)
            g.add(c, v)
            by_date[c.date].append(g)
            out.append(g)
    for c in sorted(future, key=_order):
        dct = (dcts or {}).get(c.doc)
        if dct is None:
            continue
        v = _vector(c, idf)
        near = [g for g in out if 0 < (span_start(g.date) - dct).days <= NEAR_FUTURE_DAYS and len(g.date) == 10]
        best, score = _most_similar(c, v, near)
        if best is not None and score >= JOIN:
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
        best, score = _most_similar(c, v, (g for g in groups if fits(c, g)))
        if best is not None and score >= at_least:
            out.append((c, best))
    return out
