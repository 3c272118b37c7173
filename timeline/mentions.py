"""Event mentions: which sentences tell of an event, of what kind, who, where, when, how sure.

For each sentence (spaCy sentencizer) of a dated, tagged document:
1. triggers: tokens whose Sastrawi stem (or exact form) is in the event lexicon
   (timeline/data/events.toml, extendable with `--lexicon FILE`);
2. status: cue words before the trigger in its clause (`akan` → planned, `membantah` → denied…);
   a happening dated after its article's publication day can only have been planned;
3. time: each DATE/TIME expression of the sentence governs the nearest trigger, never across a
   subordinate clause (`setelah kunjungan Kim ke Rusia pada September lalu`);
4. who and where: the named-entity model, run only on sentences that hold a trigger; short
   names become the article's full names; countries become one actor under all their names;
   the venue is the place introduced by `di`/`ke` near the trigger, not a reference point
   (`utara Pyongyang`), and `di kota itu`-style venues point back to the city named before.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .entities import alias_people, gazetteer, key, ner_model, sentence_splitter
from .model import Document, Mention, Timex

STATUSES = ("occurred", "planned", "expected", "reported", "denied", "hypothetical")

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:setelah|sebelum|sejak|ketika|saat|sementara|sedangkan|namun|tetapi|yang)\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:setelah|sesudah|sebelum|sejak|ketika|usai|menyusul)\b", re.I)
_VENUE_PREP = re.compile(r"(?:\bdi|\bke|\bdari|\bmenuju)\s+(?:(?:kota|negara|provinsi|wilayah|kawasan|ibu kota|pelabuhan|bandara|markas)\s+)?$", re.I)
_REFERENCE = re.compile(r"(?:\butara|\bselatan|\btimur|\bbarat|\btenggara|\bbarat daya|\btimur laut|\bbarat laut|\bdekat|\bberjarak|\bdari)\s+$", re.I)
_ANAPHORIC_VENUE = re.compile(r"\bdi\s+(?:kota|negara|tempat|lokasi)\s+(?:itu|tersebut|yang)\b|\bdi\s+sana\b", re.I)


@dataclass(frozen=True)
class Trigger:
    kind: str
    match: str  # stem or form


@dataclass
class Lexicon:
    stems: dict[str, str] = field(default_factory=dict)  # stem → kind
    forms: dict[str, str] = field(default_factory=dict)  # lower-case form → kind
    phrases: dict[str, str] = field(default_factory=dict)  # lower-case phrase → kind
    excluded: set[str] = field(default_factory=set)
    kinds: dict[str, dict] = field(default_factory=dict)
    status_order: list[str] = field(default_factory=list)
    status_cues: dict[str, list[str]] = field(default_factory=dict)
    reporting: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    examples: list[dict] = field(default_factory=list)

    def add(self, raw: dict) -> None:
        """Merge a parsed events.toml (the bundled one, then any --lexicon file over it)."""
        for kind, spec in raw.get("kinds", {}).items():
            self.kinds[kind] = spec
        for entry in raw.get("trigger", []):
            kind = entry["kind"]
            for word in entry["words"]:
                w = word.lower()
                if " " in w:
                    self.phrases[w] = kind
                elif entry.get("match", "stem") == "form":
                    self.forms[w] = kind
                else:
                    self.stems[stem(w)] = kind
                    self.forms.setdefault(w, kind)
            self.excluded.update(x.lower() for x in entry.get("not", []))
            self.examples.extend(dict(e, entry=entry["words"][0]) for e in entry.get("examples", []))
        status = raw.get("status", {})
        if status:
            self.status_order = list(status.get("order", self.status_order))
            for name in STATUSES:
                if name in status:
                    self.status_cues[name] = [c.lower() for c in status[name]]
            self.examples.extend(dict(e, entry="status") for e in status.get("examples", []))
        self.reporting.update(w.lower() for w in raw.get("reporting", {}).get("words", []))
        self.titles.update(w.lower() for w in raw.get("titles", {}).get("words", []))
        self._phrase_re = None

    def kind_of(self, token: str) -> str | None:
        low = token.lower()
        if low in self.excluded or low in self.reporting or len(low) < 3:
            return None
        if low in self.forms:
            return self.forms[low]
        return self.stems.get(stem(low))

    def phrase_matches(self, text: str):
        if not self.phrases:
            return
        if getattr(self, "_phrase_re", None) is None:
            alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(self.phrases, key=len, reverse=True))
            self._phrase_re = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)
        for m in self._phrase_re.finditer(text):
            yield m.start(), m.group(), self.phrases[re.sub(r"\s+", " ", m.group().lower())]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word)


@cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def load_lexicon(extra: Path | None = None) -> Lexicon:
    lex = Lexicon()
    with resources.files("timeline.data").joinpath("events.toml").open("rb") as fh:
        lex.add(tomllib.load(fh))
    if extra is not None:
        with open(extra, "rb") as fh:
            lex.add(tomllib.load(fh))
    return lex


@cache
def default_lexicon() -> Lexicon:
    return load_lexicon()


# ---------------------------------------------------------------- sentences and triggers


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences by spaCy's sentencizer; a line break also ends a sentence (headlines, captions)."""
    spans = []
    nlp = sentence_splitter()
    offset = 0
    for para in text.split("\n"):
        if para.strip():
            for sent in nlp(para).sents:
                s, e = offset + sent.start_char, offset + sent.end_char
                if text[s:e].strip():
                    spans.append((s, e))
        offset += len(para) + 1
    return spans


def find_triggers(sentence: str, lex: Lexicon) -> list[tuple[int, str, str]]:
    """(offset in sentence, word as written, kind) for every trigger, left to right."""
    found = {}
    for m in _WORD.finditer(sentence):
        kind = lex.kind_of(m.group())
        if kind:
            found[m.start()] = (m.start(), m.group(), kind)
    for start, phrase, kind in lex.phrase_matches(sentence):
        found[start] = (start, phrase, kind)
    return [found[k] for k in sorted(found)]


def status_of(sentence: str, trigger_at: int, lex: Lexicon) -> str:
    """The status cue words in the clause before the trigger decide; none → occurred."""
    left = sentence[max(0, trigger_at - 80):trigger_at]
    breaks = [m.end() for m in re.finditer(r"[,;:\"“”]", left)]
    clause = left[breaks[-1]:] if breaks else left
    words = " " + " ".join(_WORD.findall(clause.lower())) + " "
    for status in lex.status_order:
        for cue in lex.status_cues.get(status, ()):
            if f" {cue} " in words:
                return status
    return "occurred"


# ---------------------------------------------------------------- time


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value when it names a date (`2023-09-10TAF` → `2023-09-10`)."""
    m = re.match(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T|$)", value)
    return m.group(1) if m else None


def _assign_times(triggers: list[tuple[int, str, str]], timexes: list[Timex], sentence: str, base: int) -> dict[int, Timex]:
    """Each time expression governs its nearest trigger; a trigger keeps the nearest it governs."""
    governed: dict[int, list[tuple[int, Timex]]] = {}
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not re.match(r"^(\d{4}|XXXX)", t.value):
            continue
        ts, te = t.start - base, t.end - base
        best = None
        for i, (at, word, _) in enumerate(triggers):
            lo, hi = (te, at) if te <= at else (at + len(word), ts)
            between = sentence[lo:hi] if lo < hi else ""
            distance = abs(hi - lo) + (1000 if _SUBORDINATE.search(between) else 0)
            if best is None or distance < best[0]:
                best = (distance, i)
        if best is not None:
            governed.setdefault(best[1], []).append((best[0], t))
    return {i: min(options, key=lambda o: o[0])[1] for i, options in governed.items()}


# ---------------------------------------------------------------- who and where


@dataclass
class _Entities:
    people: list[tuple[int, int, str]]  # (start, end, name) offsets in the document
    orgs: list[tuple[int, int, str]]
    places: list[tuple[int, int, str]]


def _entities(texts: list[str], bases: list[int]) -> list[_Entities]:
    out = []
    nlp = ner_model()
    for base, doc in zip(bases, nlp.pipe(texts, batch_size=64)):
        ents = _Entities([], [], [])
        for e in doc.ents:
            item = (base + e.start_char, base + e.end_char, e.text.strip(" .,;:"))
            if not item[2]:
                continue
            if e.label_ in ("PERSON", "PER"):
                ents.people.append(item)
            elif e.label_ in ("ORGANIZATION", "ORG"):
                ents.orgs.append(item)
            elif e.label_ in ("LOCATION", "LOC", "GPE"):
                ents.places.append(item)
        out.append(ents)
    return out


def _is_title_modifier(text: str, start: int, titles: set[str]) -> bool:
    """`Presiden Rusia Vladimir Putin`: the country is part of a person's title, not an actor."""
    before = _WORD.findall(text[max(0, start - 40):start].lower())
    return bool(before) and (before[-1] in titles or (len(before) > 1 and before[-2] in titles and before[-1] in titles))


def _actors(text: str, ents: _Entities, aliases: dict[str, str], titles: set[str]) -> list[str]:
    g = gazetteer()
    found: list[tuple[int, str]] = []
    for s, _, name in ents.people:
        found.append((s, aliases.get(name, name)))
    for s, _, name in ents.orgs:
        found.append((s, g.actor(name) or name))
    for s, _, name in ents.places:
        actor = g.actor(name)
        if not actor or _VENUE_PREP.search(text[max(0, s - 30):s]) or _is_title_modifier(text, s, titles):
            continue
        found.append((s, actor))
    seen, actors = set(), []
    for _, name in sorted(found):
        if key(name) not in seen:
            seen.add(key(name))
            actors.append(name)
    return actors


def _venue(text: str, sent: tuple[int, int], trigger_at: int, ents: _Entities, last_city: str | None) -> list[str]:
    """The place the event happened at: after `di`/`ke` near the trigger, not a reference point."""
    candidates = []
    for s, e, name in ents.places:
        before = text[max(sent[0], s - 30):s]
        if _REFERENCE.search(before) or not _VENUE_PREP.search(before):
            continue
        candidates.append((0 if s > trigger_at else 1, abs(s - trigger_at), name))
    if candidates:
        return [min(candidates)[2]]
    m = _ANAPHORIC_VENUE.search(text, trigger_at, sent[1])
    if m and last_city:
        return [last_city]
    return []


def _title(participants: list[str], kind: str, trigger: str, places: list[str], sentence: str, at: int, lex: Lexicon) -> str:
    verb = lex.kinds.get(kind, {}).get("title", trigger)
    if participants:
        who = participants[0] if len(participants) == 1 else ", ".join(participants[:-1][:3]) + " dan " + participants[-1]
    else:
        clause = re.split(r"[,;:\"“”]", sentence[:at])[-1]
        words = _WORD.findall(clause)[-5:]
        who = " ".join(words)
        verb = trigger
    title = f"{who} {verb}".strip()
    if places:
        title += f" di {places[0]}"
    return title[0].upper() + title[1:] if title else title


def find_mentions(doc: Document, timexes: list[Timex], lex: Lexicon | None = None) -> list[Mention]:
    """Every event mention of one tagged document."""
    lex = lex or default_lexicon()
    text = doc.text
    chosen: list[tuple[tuple[int, int], list[tuple[int, str, str]]]] = []
    for s, e in sentence_spans(text):
        triggers = find_triggers(text[s:e], lex)
        if triggers:
            chosen.append(((s, e), triggers))
    if not chosen:
        return []
    ents = _entities([text[s:e] for (s, e), _ in chosen], [s for (s, e), _ in chosen])
    aliases = alias_people([name for en in ents for _, _, name in en.people])
    g = gazetteer()
    mentions: list[Mention] = []
    last_city: str | None = None
    for ((s, e), triggers), en in zip(chosen, ents):
        sentence = text[s:e]
        in_sentence = [t for t in timexes if s <= t.start and t.end <= e]
        times = _assign_times(triggers, in_sentence, sentence, s)
        actors = _actors(text, en, aliases, lex.titles)
        by_kind: dict[str, Mention] = {}
        for i, (at, word, kind) in enumerate(triggers):
            timex = times.get(i)
            status = status_of(sentence, at, lex)
            date = calendar_date(timex.value) if timex else None
            if status == "occurred" and date and doc.dct and date[:10] > doc.dct.isoformat():
                status = "planned"  # told before it happened
            if status == "occurred" and timex and timex.value == "FUTURE_REF":
                status = "planned"
            places = _venue(text, (s, e), s + at, en, last_city)
            m = Mention(doc=doc.id, start=s, end=e, sentence=sentence, trigger=word, trigger_start=s + at,
                        kind=kind, status=status, participants=actors, places=places, timex=timex, date=date)
            m.title = _title(actors, kind, word, places, sentence, at, lex)
            # one mention per kind and sentence: `bertemu dalam pertemuan` is one meeting
            previous = by_kind.get(kind)
            if previous is None or (previous.date is None and m.date is not None):
                by_kind[kind] = m
        mentions.extend(sorted(by_kind.values(), key=lambda m: m.trigger_start))
        for ps, pe, name in en.places:
            if g.country(name) is None or not g.is_country_name(name):
                if not _REFERENCE.search(text[max(s, ps - 30):ps]):
                    last_city = name
    return mentions
