"""Merging: the mentions of one real-world event, across articles, become one `Event`.

1. Dated happenings (occurred, reported) cluster when their kinds are compatible, their dates
   agree at the coarser granularity (2023-09 contains 2023-09-13), they share a participant and
   their venues are not known to differ.
2. A dated plan or expectation joins the happening it announced (shared participants, date
   within a month); where it disagrees on date or place, the event keeps what happened and lists
   the disagreement in `conflicts`. A plan that joins nothing is a row of its own.
3. An undated mention joins the dated event it clearly matches: same participants and kind,
   compatible place, a happening not after its article's date, a plan not before it.
Everything is sorted before it is compared, so the same mentions in any order give the same events.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from .entities import key, person_key, places_compatible
from .model import Document, Event, Mention

HAPPENED = ("occurred", "reported")
PLAN_WINDOW = timedelta(days=31)


def span_start(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def dates_compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def happened(self) -> list[Mention]:
        return [m for m in self.mentions if m.status in HAPPENED and m.date]

    @property
    def date(self) -> str:
        dated = self.happened or [m for m in self.mentions if m.date]
        finest = max(len(m.date) for m in dated)
        counts = Counter(m.date for m in dated if len(m.date) == finest)
        return sorted(counts, key=lambda d: (-counts[d], d))[0]

    @property
    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions}

    def participant_keys(self) -> set[str]:
        return {person_key(p) for m in self.mentions for p in m.participants}

    def venues(self) -> list[str]:
        source = self.happened or self.mentions
        return [m.places[0] for m in source if m.places]


def _kinds_compatible(a: str, kinds: set[str], compat: dict[str, set[str]]) -> bool:
    return any(a == k or k in compat.get(a, ()) or a in compat.get(k, ()) for k in kinds)


def _venue_agrees(m: Mention, c: _Cluster) -> bool | None:
    if not m.places or not c.venues():
        return None
    verdicts = [places_compatible(m.places[0], v) for v in c.venues()]
    if any(v is True for v in verdicts):
        return True
    return False if any(v is False for v in verdicts) else None


def _overlap(m: Mention, c: _Cluster) -> int:
    return len({person_key(p) for p in m.participants} & c.participant_keys())


class Merger:
    def __init__(self, docs: dict[str, Document], compat: dict[str, set[str]]):
        self.docs, self.compat = docs, compat
        self.clusters: list[_Cluster] = []
        self.unplaced: list[Mention] = []

    def _doc_dct(self, m: Mention) -> date | None:
        return self.docs[m.doc].dct if m.doc in self.docs else None

    def add_happening(self, m: Mention) -> None:
        best = None
        for c in self.clusters:
            if not c.happened or not _kinds_compatible(m.kind, c.kinds, self.compat):
                continue
            if not dates_compatible(m.date, c.date):
                continue
            venue = _venue_agrees(m, c)
            if venue is False:
                continue
            overlap = _overlap(m, c)
            if overlap == 0 and (m.participants and c.participant_keys() or m.date != c.date or m.kind not in c.kinds):
                continue
            score = (overlap, venue is True, m.date == c.date)
            if best is None or score > best[0]:
                best = (score, c)
        if best:
            best[1].mentions.append(m)
        else:
            self.clusters.append(_Cluster([m]))

    def add_plan(self, m: Mention) -> None:
        planned_on = span_start(m.date)
        published = self._doc_dct(m)
        best = None
        for c in self.clusters:
            if not _kinds_compatible(m.kind, c.kinds, self.compat) or _overlap(m, c) == 0:
                continue
            happened_on = span_start(c.date)
            if c.happened:
                if published and happened_on < published:
                    continue  # a plan is not announced after the fact
                if abs(happened_on - planned_on) > PLAN_WINDOW:
                    continue
            elif not dates_compatible(m.date, c.date):
                continue
            score = (_overlap(m, c), bool(c.happened), -abs((happened_on - planned_on).days))
            if best is None or score > best[0]:
                best = (score, c)
        if best:
            best[1].mentions.append(m)
        else:
            self.clusters.append(_Cluster([m]))

    def add_undated(self, m: Mention) -> bool:
        published = self._doc_dct(m)
        future = m.status not in HAPPENED
        options = []
        for c in self.clusters:
            if not c.happened or not _kinds_compatible(m.kind, c.kinds, self.compat):
                continue
            overlap = _overlap(m, c)
            if overlap == 0:
                continue
            venue = _venue_agrees(m, c)
            if venue is False:
                continue
            when = span_start(c.date)
            if published is not None:
                if future and when < published:
                    continue
                if not future and when > published:
                    continue
                nearness = -abs((when - published).days)
            else:
                nearness = 0
            options.append(((venue is True, overlap, nearness), c))
        if not options:
            self.unplaced.append(m)
            return False
        options.sort(key=lambda o: o[0], reverse=True)
        if len(options) > 1 and options[0][0] == options[1][0]:
            self.unplaced.append(m)  # two events fit equally: do not guess
            return False
        options[0][1].mentions.append(m)
        return True


def cluster(mentions: list[Mention], docs: dict[str, Document], compat: dict[str, set[str]]) -> tuple[list[_Cluster], list[Mention]]:
    """Group mentions into clusters (one per real-world event); returns the clusters and the unplaced mentions."""
    order = lambda m: (m.date or "", m.doc, m.trigger_start, m.kind)
    merger = Merger(docs, compat)
    for m in sorted((m for m in mentions if m.date and m.status in HAPPENED), key=order):
        merger.add_happening(m)
    for m in sorted((m for m in mentions if m.date and m.status not in HAPPENED), key=order):
        merger.add_plan(m)
    for m in sorted((m for m in mentions if not m.date), key=order):
        merger.add_undated(m)
    return merger.clusters, merger.unplaced


# ---------------------------------------------------------------- events


def _display_names(mentions: list[Mention]) -> dict[str, str]:
    """person_key → the name shown: the longest full form, then the most used, then alphabetical."""
    forms: dict[str, Counter] = {}
    for m in mentions:
        for p in m.participants:
            forms.setdefault(person_key(p), Counter())[p] += 1
    return {k: sorted(c, key=lambda f: (-len(f), -c[f], f))[0] for k, c in forms.items()}


def to_event(c: _Cluster, names: dict[str, str], kind_titles: dict[str, str]) -> Event:
    happened = c.happened
    core = happened or c.mentions
    kinds = Counter(m.kind for m in core if m.date)
    kind = sorted(kinds or Counter(m.kind for m in core), key=lambda k: (-(kinds or Counter({k: 1}))[k], k))[0]
    status_rank = ["occurred", "reported", "planned", "expected", "hypothetical", "denied"]
    status = min((m.status for m in core), key=status_rank.index)
    participants: list[str] = []
    for m in sorted(core, key=lambda m: (-len(m.participants), m.doc, m.trigger_start)):
        for p in m.participants:
            shown = names.get(person_key(p), p)
            if shown not in participants:
                participants.append(shown)
    venues = Counter(v for m in core for v in m.places[:1])
    places = sorted(venues, key=lambda v: (-venues[v], v))[:1] if venues else []
    when = c.date
    conflicts = []
    for m in sorted(c.mentions, key=lambda m: (m.doc, m.trigger_start)):
        if m.status in HAPPENED:
            continue
        if m.date and not dates_compatible(m.date, when):
            conflicts.append({"field": "date", "value": m.date, "doc": m.doc, "status": m.status})
        if m.places and places and places_compatible(m.places[0], places[0]) is not True:
            conflicts.append({"field": "place", "value": m.places[0], "doc": m.doc, "status": m.status})
    sources = sorted({m.doc for m in c.mentions})
    who = [p for p in participants][:3]
    verb = kind_titles.get(kind) or core[0].trigger
    if who:
        title = (who[0] if len(who) == 1 else ", ".join(who[:-1]) + " dan " + who[-1]) + f" {verb}"
        if places:
            title += f" di {places[0]}"
    else:
        title = min(core, key=lambda m: (m.doc, m.trigger_start)).title
    confidence = 0.5 + min(0.3, 0.1 * (len(sources) - 1)) + (0.1 if len(when) == 10 else 0) + (0.05 if happened else -0.2)
    return Event(
        id="",
        date=when,
        kind=kind,
        status=status,
        title=title,
        participants=participants,
        places=places,
        confidence=round(max(0.1, min(confidence, 0.95)), 2),
        sources=sources,
        mentions=sorted(c.mentions, key=lambda m: (m.doc, m.trigger_start)),
        conflicts=conflicts,
    )


def chronological(events: list[Event]) -> list[Event]:
    """By the start of each date's span, the coarser first on a tie, then by title; ids e1, e2, …"""
    events = sorted(events, key=lambda e: (span_start(e.date), len(e.date), e.title, e.kind))
    for i, e in enumerate(events, 1):
        e.id = f"e{i}"
    return events


def merge(mentions: list[Mention], docs: dict[str, Document], compat: dict[str, set[str]],
          kind_titles: dict[str, str]) -> tuple[list[Event], list[Mention]]:
    clusters, unplaced = cluster(mentions, docs, compat)
    names = _display_names(mentions)
    events = [to_event(c, names, kind_titles) for c in clusters if any(m.date for m in c.mentions)]
    return chronological(events), unplaced
