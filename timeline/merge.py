"""Merging: the mentions of one real-world event, across articles, become one `Event`.

1. Dated happenings (occurred, reported) cluster when their kinds are compatible, their dates
   agree at the coarser granularity (2014-12 contains 2014-12-10), they share a participant and
   their venues are not known to differ.
2. A dated plan or expectation joins the happening it announced (shared participants, date
   within a month); where it disagrees on date or place, the event keeps what happened and lists
   the disagreement in `conflicts`. A plan that joins nothing is a row of its own.
3. An undated mention joins the dated event it clearly matches: same participants and kind,
   compatible place, a happening not after its article's date, a plan not before it; from an
   article that has not dated the event itself, only through a shared person.
Everything is sorted before it is compared, so the same mentions in any order give the same events.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from .entities import gazetteer, key, person_key, places_compatible
from .model import Document, Event, Mention

HAPPENED = ("occurred", "reported")
PLAN_WINDOW = timedelta(days=31)  # a dated plan joins a happening at most this far from its date
# an undated mention tells of the article's own news: a happening at most a month before it
# appeared, a plan at most two months after
RECENT, UPCOMING = timedelta(days=31), timedelta(days=62)


def span_start(value: str) -> date:
    """The first day of a date's span: `2019` → 2019-01-01, `2024-W19` → the Monday of that ISO week."""
    if "-W" in value:
        year, week = value.split("-W")
        return date.fromisocalendar(int(year), int(week[:2]), 1)
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def span_end(value: str) -> date:
    """The last day of a date's span."""
    s = span_start(value)
    if "-W" in value:
        return s + timedelta(days=6)
    if len(value) == 4:
        return date(s.year, 12, 31)
    if len(value) == 7:
        return date(s.year + (s.month == 12), s.month % 12 + 1, 1) - timedelta(days=1)
    return s


def dates_compatible(a: str, b: str) -> bool:
    """One date's span contains the other's (2014-12 and 2014-12-10; 2024-W19 and 2024-05-08; a week
    and a month or year it falls in)."""
    if "-W" not in a and "-W" not in b:
        return a.startswith(b) or b.startswith(a)
    (sa, ea), (sb, eb) = (span_start(a), span_end(a)), (span_start(b), span_end(b))
    return sa <= sb and eb <= ea or sb <= sa and ea <= eb or (sa <= sb <= ea or sb <= sa <= eb) and len(a) != len(b)


class _Cluster:
    """Mentions of one event so far, with what the merging asks of them kept up to date as they
    join (recomputing them at every comparison made merging quadratic in the corpus)."""

    def __init__(self, mentions: list[Mention]):
        self.mentions: list[Mention] = []
        self.happened: list[Mention] = []  # dated happenings
        self.kinds: set[str] = set()
        self.participants: set[str] = set()
        self.measures: set[str] = set()  # what rose or fell (themed kinds)
        self._cache: dict[str, object] = {}
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.kinds.add(m.kind)
        self.participants.update(m.participants)
        if m.measure:
            self.measures.add(m.measure)
        if m.status in HAPPENED and m.date:
            self.happened.append(m)
        self._cache.clear()

    def _cached(self, name: str, compute):
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    @property
    def date(self) -> str:
        def compute() -> str:
            dated = self.happened or [m for m in self.mentions if m.date]
            finest = max(len(m.date) for m in dated)
            counts = Counter(m.date for m in dated if len(m.date) == finest)
            return sorted(counts, key=lambda d: (-counts[d], d))[0]
        return self._cached("date", compute)

    @property
    def core_kinds(self) -> set[str]:
        """The kinds of the dated happenings: what the event is, not what joined it later."""
        return self._cached("core_kinds", lambda: {m.kind for m in self.happened} or self.kinds)

    def has_participants(self) -> bool:
        return bool(self.participants)

    def venues(self) -> list[str]:
        """The event's venue as its happenings give it (the most named one), or none."""
        def compute() -> list[str]:
            counts = Counter(m.places[0] for m in (self.happened or self.mentions) if m.places)
            return sorted(counts, key=lambda v: (-counts[v], v))[:1]
        return self._cached("venues", compute)


def _kinds_compatible(m: Mention, kinds: set[str], compat: dict[str, list[str]], c: _Cluster) -> bool:
    """Compatible kinds, and the same measure where both say what rose or fell (a price is not a stock)."""
    if m.measure and c.measures and m.measure not in c.measures:
        return False
    a = m.kind
    return any(a == k or k in compat.get(a, ()) or a in compat.get(k, ()) for k in kinds)


def _rank(x: str, y: str, compat: dict[str, list[str]]) -> int:
    return 0 if x == y else (compat.get(x, []).index(y) + 1 if y in compat.get(x, []) else 99)


def _affinity(a: str, kinds: set[str], compat: dict[str, list[str]]) -> int:
    """0 for the same kind, else how far down `a`'s list of compatible kinds they come (lower is closer)."""
    return min((_rank(a, k, compat) for k in kinds), default=99)


def _kin(a: str, kinds: set[str], compat: dict[str, list[str]]) -> bool:
    """The same kind or its closest kin (first on either one's list), whichever joins the other."""
    return any(min(_rank(a, k, compat), _rank(k, a, compat)) <= 1 for k in kinds)


def _venue_agrees(m: Mention, c: _Cluster) -> bool | None:
    if not m.places or not c.venues():
        return None
    verdicts = [places_compatible(m.places[0], v) for v in c.venues()]
    if any(v is True for v in verdicts):
        return True
    return False if any(v is False for v in verdicts) else None


def same_actor(a: str, b: str) -> bool:
    """One actor under two names: spelling variants, or a short name inside a full one (`Widodo`)."""
    if person_key(a) == person_key(b):
        return True
    ta, tb = key(a).replace("-", " ").split(), key(b).replace("-", " ").split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    n = len(short)
    return n > 0 and all(len(t) >= 3 for t in short) and any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def _venue_strength(m: Mention, c: _Cluster) -> int:
    """2 the same city or venue, 1 the same country or a place inside it, 0 unknown, -1 different."""
    verdict = _venue_agrees(m, c)
    if verdict is None:
        return 0
    if verdict is False:
        return -1
    g = gazetteer()
    exact = any(key(m.places[0]) == key(v) and not g.is_country_name(v) for v in c.venues())
    return 2 if exact else 1


def _overlap(m: Mention, c: _Cluster) -> int:
    return sum(1 for p in set(m.participants) if any(same_actor(p, q) for q in c.participants))


def _fits_partial(m: Mention, event_date: str) -> bool:
    """`September lalu` in an undated article (XXXX-09) fits 2014-09-10, not 2012."""
    value = m.timex.value if m.timex else ""
    if not value.startswith("XXXX-") or value.startswith("XXXX-W"):
        return True
    parts = value[5:15].split("-")
    event_parts = event_date.split("-")[1:]
    return len(event_parts) >= len(parts) and all(p in ("XX", e) for p, e in zip(parts, event_parts))


class Merger:
    def __init__(self, docs: dict[str, Document], compat: dict[str, list[str]], same_day: frozenset[str] = frozenset()):
        self.docs, self.compat, self.same_day = docs, compat, same_day
        self.clusters: list[_Cluster] = []
        self.unplaced: list[Mention] = []

    def _doc_dct(self, m: Mention) -> date | None:
        return self.docs[m.doc].dct if m.doc in self.docs else None

    def add_happening(self, m: Mention) -> None:
        best = None
        for c in self.clusters:
            if not c.happened or not _kinds_compatible(m, c.kinds, self.compat, c):
                continue
            if not dates_compatible(m.date, c.date):
                continue
            strength = _venue_strength(m, c)
            if strength < 0:
                continue
            overlap = _overlap(m, c)
            if overlap == 0:
                # without a shared participant only the same day and kind (or its closest kin:
                # `rise`/`price_rise`), or the same day and venue, will do
                if m.date != c.date or m.participants and c.has_participants() and strength < 2:
                    continue
                # another kind only where one is the toll of the other on the same named day
                # (`Gempa … menewaskan 11 orang`: earthquake, death)
                if not _kin(m.kind, c.kinds, self.compat) and strength == 0 and not (
                        len(m.date) == 10 and (m.kind in self.same_day or c.core_kinds & self.same_day)):
                    continue
            score = (-_affinity(m.kind, c.core_kinds, self.compat), strength, overlap, m.date == c.date)
            if best is None or score > best[0]:
                best = (score, c)
        self._join_or_start(m, best)

    def _join_or_start(self, m: Mention, best: tuple | None) -> None:
        """Add the mention to the best cluster found, or start a cluster of its own."""
        if best:
            best[1].add(m)
        else:
            self.clusters.append(_Cluster([m]))

    def add_plan(self, m: Mention) -> None:
        planned_on = span_start(m.date)
        published = self._doc_dct(m)
        best = None
        for c in self.clusters:
            if not _kinds_compatible(m, c.kinds, self.compat, c):
                continue
            strength = _venue_strength(m, c)
            if _overlap(m, c) == 0 and not (c.date == m.date and m.kind in c.core_kinds and strength >= 0
                                            and (strength == 2 or not (m.participants and c.has_participants()))):
                continue  # without a shared participant, only the same day and kind, at a compatible place
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
        self._join_or_start(m, best)

    def _published(self, m: Mention) -> tuple[date, date] | None:
        """When the mention's article appeared: its DCT, else its inferred window."""
        doc = self.docs.get(m.doc)
        if doc is None:
            return None
        if doc.dct is not None:
            return doc.dct, doc.dct
        return doc.dct_window

    def add_undated(self, m: Mention) -> bool:
        """Join the one dated event this mention clearly tells of; ambiguity leaves it out."""
        if m.status in ("hypothetical", "denied"):
            self.unplaced.append(m)  # what may or did not happen does not vouch for an event
            return False
        published = self._published(m)
        future = m.status not in HAPPENED
        people = m.persons
        options = []
        for c in self.clusters:
            if not c.happened or not _kinds_compatible(m, c.core_kinds, self.compat, c):
                continue
            shared = [p for p in set(m.participants) if any(same_actor(p, q) for q in c.participants)]
            # a shared person is evidence; countries and organisations alone are not enough, and
            # from another article not at all (`minyak Brent turun` is news every day)
            if not any(p in people for p in shared):
                if len(shared) < 2 or not any(x.doc == m.doc for x in c.mentions):
                    continue
            if not _fits_partial(m, c.date):
                continue
            strength = _venue_strength(m, c)
            if strength < 0:
                continue
            when = span_start(c.date)
            nearness = 0
            if published is not None:
                lo, hi = published
                if future and not lo <= when <= hi + UPCOMING:
                    continue
                if not future and not lo - RECENT <= when <= hi:
                    continue
                nearness = -min(abs((when - lo).days), abs((when - hi).days))
            score = (strength == 2, -_affinity(m.kind, c.core_kinds, self.compat), strength, nearness)
            options.append((score, c))
        if not options:
            self.unplaced.append(m)
            return False
        options.sort(key=lambda o: o[0], reverse=True)
        if len(options) > 1 and options[0][0] == options[1][0]:
            self.unplaced.append(m)  # two events fit equally: do not guess
            return False
        options[0][1].add(m)
        return True


def cluster(mentions: list[Mention], docs: dict[str, Document], compat: dict[str, list[str]],
            same_day: frozenset[str] = frozenset()) -> tuple[list[_Cluster], list[Mention]]:
    """Group mentions into clusters (one per real-world event); returns the clusters and the unplaced
    mentions. `same_day`: kinds that join a compatible event of the same day without a shared participant."""
    order = lambda m: (-len(m.date or ""), m.date or "", m.doc, m.trigger_start, m.kind)  # finer dates first
    merger = Merger(docs, compat, same_day)
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
    # the kind most articles name for the happenings that give the event its date (each article
    # once), then the one told first in its article (the lead tells the news), then the one whose
    # mentions say more of who took part
    telling = [m for m in core if m.date == c.date] or core
    docs_of, people_of = {}, Counter()
    for m in telling:
        docs_of.setdefault(m.kind, set()).add(m.doc)
        people_of[m.kind] += len(m.participants) * (2 if m.date else 1)
    # positions compare only within one article: the first that tells more than one kind
    kinds_in = {}
    for m in telling:
        kinds_in.setdefault(m.doc, set()).add(m.kind)
    lead = min((d for d, ks in kinds_in.items() if len(ks) > 1), default=None)
    first_at = {k: min((m.trigger_start for m in telling if m.doc == lead and m.kind == k), default=10**9) for k in docs_of}
    kind = sorted(docs_of, key=lambda k: (-len(docs_of[k]), first_at[k], -people_of[k], k))[0]
    status_rank = ["occurred", "reported", "planned", "expected", "hypothetical", "denied"]
    status = min((m.status for m in core), key=status_rank.index)
    participants: list[str] = []
    for m in sorted(core, key=lambda m: (-len(m.participants), m.doc, m.trigger_start)):
        for p in m.participants:
            shown = names.get(person_key(p), p)
            same = [i for i, q in enumerate(participants) if same_actor(shown, q)]
            if not same:
                participants.append(shown)
            elif len(shown) > len(participants[same[0]]):
                participants[same[0]] = shown  # `Widodo` in one article is `Joko Widodo` in another
    # the venue its own kind's mentions give (a visit's, not the airport its arrival names)
    venues = Counter(v for m in core if m.kind == kind for v in m.places[:1]) or Counter(v for m in core for v in m.places[:1])
    places = sorted(venues, key=lambda v: (-venues[v], v))[:1] if venues else []
    when = c.date
    conflicts: list[dict] = []
    for m in sorted(c.mentions, key=lambda m: (m.doc, m.trigger_start)):
        if m.status in HAPPENED:
            continue
        found = []
        if m.date and not dates_compatible(m.date, when):
            found.append({"field": "date", "value": m.date, "doc": m.doc, "status": m.status})
        if m.places and places and places_compatible(m.places[0], places[0]) is not True \
                and not gazetteer().is_country_name(m.places[0]):
            found.append({"field": "place", "value": m.places[0], "doc": m.doc, "status": m.status})
        conflicts.extend(x for x in found if x not in conflicts)  # an article repeating its plan disagrees once
    sources = sorted({m.doc for m in c.mentions})
    who = [p for p in participants][:3]
    verb = kind_titles.get(kind, "")
    told_with_people = [m for m in core if m.title.startswith(tuple(m.participants)) and m.participants]
    if who and told_with_people and kind in kind_titles:
        title = (who[0] if len(who) == 1 else ", ".join(who[:-1]) + " dan " + who[-1]) + f" {verb}"
        if places:
            title += f" di {places[0]}"
    else:  # the fullest title among the mentions of the event's kind
        fullest = lambda ms: min(ms, key=lambda m: (-len(m.title.split()), m.doc, m.trigger_start)).title
        title = fullest([m for m in core if m.kind == kind] or core)
        if len(title.split()) < 2:  # `Menguat`: a kindred mention says what
            title = fullest(core)
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


def merge(mentions: list[Mention], docs: dict[str, Document], compat: dict[str, list[str]],
          kind_titles: dict[str, str], same_day: frozenset[str] = frozenset()) -> tuple[list[Event], list[Mention]]:
    clusters, unplaced = cluster(mentions, docs, compat, same_day)
    names = _display_names(mentions)
    events = [to_event(c, names, kind_titles) for c in clusters if any(m.date for m in c.mentions)]
    return chronological(events), unplaced
