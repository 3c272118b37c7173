"""Event mentions: which sentences tell of an event, of what kind, who, where, when, how sure.

For each sentence (spaCy sentencizer) of a dated, tagged document:
1. triggers: tokens whose Sastrawi stem (or exact form) is in the event lexicon
   (timeline/data/events.toml, extendable with `--lexicon FILE`);
2. status: cue words before the trigger in its clause (`akan` → planned, `membantah` → denied…);
   a happening dated after its article's publication day can only have been planned;
3. time: each DATE/TIME expression of the sentence governs the nearest trigger, never across a
   subordinate clause (`setelah kunjungan sang menteri ke Jepang pada Juni lalu`);
4. who and where: the named-entity model, run only on sentences that hold a trigger; short
   names become the article's full names; countries become one actor under all their names;
   the venue is the place introduced by `di`/`ke` near the trigger, not a reference point
   (`utara Kuala Lumpur`), and `di kota itu`-style venues point back to the city named before.
"""
from __future__ import annotations

import re
import tomllib
from datetime import date
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .entities import (alias_people, gazetteer, institution_pattern, key, ner_model, organization_pattern,
                       place_pattern, split_sentences)
from .merge import span_start
from .model import Document, Mention, Timex
from . import theme

STATUSES = ("occurred", "planned", "expected", "reported", "denied", "hypothetical")

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# the two people named last: `kedua pemimpin tersebut`, `keduanya`
_BOTH = re.compile(r"\bkedua(?:nya|\s+(?:pemimpin|kepala negara|presiden|menteri|tokoh|pihak))\b", re.I)
# `ke Posko Utama Simpang Empat`, `di halaman Kantor Bupati`: a name where something happens is no participant
_AT_PLACE = re.compile(r"\b(?i:di|ke)\s+(?:(?:halaman|depan|sekitar|lokasi|kawasan|wilayah|gedung|kantor|posko|markas|"
                       r"rumah|kota|desa|kecamatan|kabupaten|provinsi|bursa|pasar|pelabuhan|bandara|istana)\s+)?(?:[A-Z][\w-]*\s+){0,3}$")
_NAMED_AFTER_PREP = re.compile(r"(?<=\s)(?:di|ke)\s+((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,3})")
_PURPOSE = re.compile(r"\b(?:untuk|guna|agar|supaya)\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:setelah|sesudah|sebelum|sejak|ketika|usai|menyusul|karena|akibat|di tengah)\b", re.I)
# a time never governs across these: a contrast, or the reported content after `bahwa`
# (`merilis informasi pekan lalu bahwa … mengatur pertemuan`: last week is the release's)
_CONTRAST = re.compile(r"\b(?:tetapi|tapi|namun|sedangkan|padahal|bahwa)\b", re.I)
_VENUE_PREP = re.compile(r"(?:\bdi|\bke|\bdari|\bmenuju)\s+(?:(?:kota|negara|provinsi|wilayah|kawasan|ibu kota|pelabuhan|bandara|markas)\s+)?$", re.I)
_REFERENCE = re.compile(r"(?:\butara|\bselatan|\btimur|\bbarat|\btenggara|\bbarat daya|\btimur laut|\bbarat laut|\bdekat|\bberjarak|\bdari)\s+$", re.I)
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Za-z .'-]{1,40}?(?:,[ \t]*[A-Za-z.]+)?[ \t]*(?:\([A-Za-z .]+\))?[ \t]*[-–—][ \t]")
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
    ignored: set[str] = field(default_factory=set)  # phrases in which no word is a trigger
    counts: set[str] = field(default_factory=set)  # words that make a following noun trigger an aggregate
    kinds: dict[str, dict] = field(default_factory=dict)
    status_order: list[str] = field(default_factory=list)
    status_cues: dict[str, list[str]] = field(default_factory=dict)
    near: set[str] = field(default_factory=set)  # cues that count only just before the trigger
    after: set[str] = field(default_factory=set)  # cues that also count just after it
    clause_breaks: set[str] = field(default_factory=set)
    object_of_denial: set[str] = field(default_factory=set)
    called_off: set[str] = field(default_factory=set)
    reporting: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    title_inner: set[str] = field(default_factory=set)  # words that continue a title, never start one
    modifiers: set[str] = field(default_factory=set)
    time_modifiers: set[str] = field(default_factory=set)
    reaching_modifiers: set[str] = field(default_factory=set)  # those that count up to three words before
    measures: dict[str, str] = field(default_factory=dict)  # lower-cased word or phrase → measure
    money: set[str] = field(default_factory=set)
    headline_drop: set[str] = field(default_factory=set)
    headline_stop: set[str] = field(default_factory=set)
    headline_breaks: set[str] = field(default_factory=set)
    examples: list[dict] = field(default_factory=list)
    _phrase_re: re.Pattern | None = field(default=None, repr=False)  # built on first use
    _ignore_re: re.Pattern | None = field(default=None, repr=False)
    _saying_re: re.Pattern | None = field(default=None, repr=False)

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
        self.ignored.update(p.lower() for p in raw.get("ignore", {}).get("phrases", []))
        self.counts.update(p.lower() for p in raw.get("ignore", {}).get("counts", []))
        self.examples.extend(dict(e, entry="ignore") for e in raw.get("ignore", {}).get("examples", []))
        status = raw.get("status", {})
        if status:
            self.status_order = list(status.get("order", self.status_order))
            for name in STATUSES:
                if name in status:
                    self.status_cues[name] = [c.lower() for c in status[name]]
            self.near.update(c.lower() for c in status.get("near", []))
            self.after.update(c.lower() for c in status.get("after", []))
            self.clause_breaks.update(c.lower() for c in status.get("clause_breaks", []))
            self.object_of_denial.update(c.lower() for c in status.get("object_of_denial", []))
            self.called_off.update(c.lower() for c in status.get("called_off", []))
            self.examples.extend(dict(e, entry="status") for e in status.get("examples", []))
        self.reporting.update(w.lower() for w in raw.get("reporting", {}).get("words", []))
        self.titles.update(w.lower() for w in raw.get("titles", {}).get("words", []))
        self.title_inner.update(w.lower() for w in raw.get("titles", {}).get("inner", []))
        self.modifiers.update(w.lower() for w in raw.get("modifiers", {}).get("words", []))
        self.time_modifiers.update(w.lower() for w in raw.get("time_modifiers", {}).get("words", []))
        self.reaching_modifiers.update(w.lower() for w in raw.get("time_modifiers", {}).get("reach", []))
        for name, words in raw.get("themes", {}).items():
            if name == "money":
                self.money.update(w.lower() for w in words)
            elif name != "examples":
                self.measures.update((w.lower(), name) for w in words)
        self.headline_drop.update(w.lower() for w in raw.get("headline", {}).get("drop", []))
        self.headline_stop.update(w.lower() for w in raw.get("headline", {}).get("stop", []))
        self.headline_breaks.update(w.lower() for w in raw.get("headline", {}).get("breaks", []))
        for section in ("modifiers", "time_modifiers", "themes", "headline"):
            self.examples.extend(dict(e, entry=section) for e in raw.get(section, {}).get("examples", []))
        self._phrase_re = self._ignore_re = self._saying_re = None

    def dates_the_saying(self, before: str) -> bool:
        """`kata Bambang, Selasa (25/11/2014)`, `mengatakan pada Rabu`: the time that follows is when
        the words were said, not when what they tell happened."""
        if self._saying_re is None:
            alt = _alternation(self.reporting)
            self._saying_re = re.compile(rf"(?<!\w)(?i:{alt})(?:\s+[A-Z][\w'’.-]*){{0,6}}\s*,?\s*(?i:pada\s+)?$")
        return bool(self._saying_re.search(before))

    def ignored_spans(self, text: str) -> list[tuple[int, int]]:
        if not self.ignored:
            return []
        if self._ignore_re is None:
            alt = _alternation(self.ignored)
            self._ignore_re = re.compile(rf"(?<!\w)(?=((?:{alt})(?!\w)))", re.I)  # overlapping: `jumlah korban meninggal`
        return [m.span(1) for m in self._ignore_re.finditer(text)]

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
        if self._phrase_re is None:
            alt = _alternation(self.phrases)
            self._phrase_re = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)
        for m in self._phrase_re.finditer(text):
            yield m.start(), m.group(), self.phrases[re.sub(r"\s+", " ", m.group().lower())]


def _alternation(phrases) -> str:
    """A regex alternation of lower-cased phrases, longest first, any run of spaces between words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


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
    offset = 0
    for para in text.split("\n"):
        if para.strip():
            for sent in split_sentences(para):
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
        for k in [k for k in found if start < k < start + len(phrase)]:
            del found[k]  # `gugatan praperadilan`: the longer match wins
        found[start] = (start, phrase, kind)
    ignored = lex.ignored_spans(sentence)
    return [found[k] for k in sorted(found) if not any(a <= k < b for a, b in ignored) and not _counted(sentence, found[k][1], k, lex)]


_COUNT_BEFORE = re.compile(r"((?<![\d.,:])\d{1,3}|[^\W\d_]+)\s+$")  # not a year (`Pada 2014 kenaikan`) or a clock


def _counted(sentence: str, word: str, at: int, lex: Lexicon) -> bool:
    """`12 gempa susulan`, `tiga serangan udara`: a noun trigger after a count is an aggregate."""
    if re.match(r"(?i)(?:me|di|ber|ter)", word):
        return False  # a verb: `dua kali bertemu`
    m = _COUNT_BEFORE.search(sentence[max(0, at - 20):at])
    return bool(m) and (m.group(1)[0].isdigit() or m.group(1).lower() in lex.counts)


def status_of(sentence: str, trigger_at: int, lex: Lexicon, trigger: str = "") -> str:
    """Cue words in the clause before the trigger decide (the `near` ones only within three words,
    the `after` ones also within three words after it); none → occurred."""
    left = sentence[max(0, trigger_at - 100):trigger_at]
    breaks = [m.end() for m in re.finditer(r"[,;:\"“”()]", left)]
    clause = _WORD.findall((left[breaks[-1]:] if breaks else left).lower())
    for i in range(len(clause) - 1, -1, -1):
        if clause[i] in lex.clause_breaks:
            clause = clause[i + 1:]
            break
    after_at = trigger_at + len(trigger)
    right = re.split(r"[,;:\"“”()]", sentence[after_at:after_at + 60])[0]
    after_words = _WORD.findall(right.lower())[:3]
    just_after = " " + " ".join(after_words) + " "
    if clause and clause[-1] in lex.object_of_denial and re.fullmatch(r"(?i)(?!me|di)\w+an(?:nya)?", trigger):
        clause = clause[:-1]  # `membantah dakwaan`: the indictment itself is no denial
    status = _status_by_cues(clause, just_after, lex)
    later = re.split(r"[.;]", sentence[after_at:])[0]
    m = re.search(r"\b(?:tetapi|tapi|namun)\b(.*)", later, re.I)
    if status in ("planned", "expected") and m and set(_WORD.findall(m.group(1).lower())) & lex.called_off:
        return "denied"  # `dijadwalkan …, tetapi ditunda`: the plan was called off
    return status


def _status_by_cues(clause: list[str], just_after: str, lex: Lexicon) -> str:
    for status in lex.status_order:
        for cue in lex.status_cues.get(status, ()):
            words = cue.split()
            n = len(words)
            ends = [i + n for i in range(len(clause) - n + 1) if clause[i:i + n] == words]
            if ends and (len(clause) - ends[-1] <= 3 - n if cue in lex.near else _cue_reaches(clause[ends[-1]:], lex)):
                return status
            if cue in lex.after and f" {cue} " in just_after:
                return status
    return "occurred"


_ACTIVE_VERB = re.compile(r"^(?:mem|men|meng|meny)[a-z]{3,}$")


def _cue_reaches(between: list[str], lex: Lexicon) -> bool:
    """A cue speaks of the first verb after it: `akan mengurangi produksinya dalam menanggapi
    kemerosotan harga` plans the cutting, not the fall. A verb right before the trigger (`diharapkan
    mencapai kesepakatan`), or one that is itself a trigger, does not stop it."""
    return not any(_ACTIVE_VERB.match(w) and stem(w) != w and lex.kind_of(w) is None and w not in lex.reporting
                   for w in between[:-1])  # (`mentah`, `menteri` are no verbs: Sastrawi leaves them whole)


# ---------------------------------------------------------------- time


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value when it names a date or a week (`2014-12-07TAF` →
    `2014-12-07`, `2024-W19-WE` → `2024-W19`)."""
    m = re.match(r"^(\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?)(?:T|-WE|$)", value)
    return m.group(1) if m else None


_FROM_NOW = {"sejak", "semenjak", "mulai", "terhitung"}
# words before a bare month that are not nouns naming a thing: `awal Januari`, `bulan Januari`, `naik Januari`
_NOT_A_NOUN = {"awal", "akhir", "pertengahan", "medio", "bulan", "tanggal", "sejak", "mulai", "selama", "hingga",
               "sampai", "lalu", "ini", "itu", "depan", "naik", "turun", "tiba", "hadir", "berlaku", "digelar", "dimulai"}


def _names_a_thing(text: str, t: Timex, lex: Lexicon, dct: date | None = None) -> bool:
    """Times that do not date the event of their clause: the time of a noun (`pengiriman Januari`,
    `APBN-P 2015`), a point of comparison (`terendah sejak Mei 2009`, `dari penutupan pada Jumat`),
    a year in a name (`Pertamina Outlook 2015`), a conversion (`Selasa waktu setempat (Rabu pagi WIB)`).
    `sejak hari ini` (from today on) still dates what starts today."""
    window = text[max(0, t.start - 40):t.start]
    before = re.findall(r"[\w-]+", window)
    skip = {"pada", "tanggal", "tgl", "bulan", "tahun", "hari"}
    # the modifier right before the time, or a reaching one a word or two before it
    # (`tertinggi dalam setahun pada Juni`), within the clause
    clause = re.split(r"[,;:()\"“”]", window)[-1]
    near = [w.lower() for w in re.findall(r"[\w-]+", clause) if w.lower() not in skip][-3:]
    modifiers = [w for w in near[-1:] if w in lex.time_modifiers] + [w for w in near[:-1] if w in lex.reaching_modifiers]
    if modifiers:
        starts_today = dct is not None and t.value[:10] == dct.isoformat() and set(modifiers) <= _FROM_NOW
        return not starts_today
    if lex.dates_the_saying(text[max(0, t.start - 90):t.start]):
        return True
    # a bare month right after a common noun that is no event (`harga minyak mentah Januari`:
    # the January contract) names the thing; after an event noun (`kunjungan September`) or an
    # affixed verb (`digelar Juni`: Sastrawi strips its affixes) it dates the event
    if t.rule == "month" and re.fullmatch(r"[A-Za-z]+", t.text) and before:
        prev = before[-1]
        if prev.islower() and prev not in lex.headline_stop and prev not in _NOT_A_NOUN \
                and stem(prev) == prev and lex.kind_of(prev) is None \
                and re.search(r"\w\s+$", window):
            return True
    if before and before[-1].lower() not in skip and re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{2,4})?", t.text) \
            and before[-1][0].isupper() and not re.search(r"[.!?:]\s*$", window):
        return True  # a year right after a capitalised word is part of a name
    return bool(re.search(r"waktu\s+setem\w*\s*\(\s*$", window, re.I))  # `setempt` too


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
            if _CONTRAST.search(between) or len(re.findall(r"[\"“”]", between)) % 2:
                continue  # `Sekarang turun, tetapi dua bulan lagi …`; a quote's time stays in the quote
            distance = abs(hi - lo) + (1000 if _SUBORDINATE.search(between) else 0)
            if te <= at and _PURPOSE.search(between):
                distance += 1000  # `bertemu … pada Rabu untuk membahas`: the time is the meeting's
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


_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


def _clean_name(text: str, start: int, lex: Lexicon, person: bool, place: bool = False) -> tuple[int, str] | None:
    """Trim what the model took in with a name: section labels (`INTERNASIONAL`), titles
    (`Presiden`, `juru bicara`), countries before a person (`AS Anthony Retno`), headline words
    after it (`Xi Jinping Tiba`). Returns (start, name) or None when nothing is left."""
    g = gazetteer()
    # a dateline before a dash (`KOMPAS.com - Harga`) and an unclosed bracket (`Intermediate (WTI`)
    # are not part of a name
    cut = [m.end() for m in re.finditer(r"\s[-–—]\s", text)]
    if cut:
        start, text = start + cut[-1], text[cut[-1]:]
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")].rstrip()
    # `Organisasi Negara-negara Pengekspor Minyak (OPEC)`: the long name is the name
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    tokens = [(m.start(), m.group()) for m in re.finditer(r"[\w'’.-]+", text)]

    def junk(tok: str, edge: str) -> bool:
        low = tok.lower().strip(".")
        # a person's title goes; a place or an organisation keeps the office it names
        # (`Kantor Kementerian Keuangan`, `Kementerian Sosial`)
        if (low in lex.titles and person) or low in lex.reporting or (len(tok) > 5 and tok.isupper()):
            return True
        if person and edge == "left" and low in lex.title_inner:
            return True
        if lex.kind_of(tok) is not None:
            return True
        return person and edge == "left" and g.actor(tok) is not None

    while tokens and junk(tokens[0][1], "left"):
        tokens.pop(0)
    while tokens and junk(tokens[-1][1], "right"):
        tokens.pop()
    if person:  # a person's name is the run of capitalised words at its end
        while len(tokens) > 1 and not _CAPITALISED.match(tokens[0][1]):
            tokens.pop(0)
        # … after the region of the office (`Bupati Pasaman Barat Syahrial Anwar`, `Wakil Bupati Demak Sri Lestari`)
        tokens = tokens[_region_end([tok for _, tok in tokens], g):]
        if len(tokens) > 2 and institution_pattern().match(text[tokens[0][0]:]):
            tokens = tokens[-2:]  # `[Kepala] Dinas PUPR Karangsari Agus Setiadi`
    elif not place and len(tokens) > 1 and tokens[0][1].lower() in lex.titles:
        rest = text[tokens[1][0]:tokens[-1][0] + len(tokens[-1][1])]
        if g.actor(rest) is not None:  # `Menlu Rusia` as an organisation: the country
            tokens = tokens[1:]
    if not tokens or not any(c.isalpha() for _, tok in tokens for c in tok):
        return None
    name = text[tokens[0][0]:tokens[-1][0] + len(tokens[-1][1])].strip(" .,;:")
    return (start + tokens[0][0], name) if len(name) > 1 else None


_COMPASS = {"barat", "timur", "utara", "selatan", "tengah", "tenggara", "laut", "daya"}


def _region_end(words: list[str], g=None) -> int:
    """How many leading words name a region (`Pasaman Barat`, `Jawa Tengah`, or a place the gazetteer
    knows: `Bupati Demak Sri Lestari`) before a person's name of at least two words; 0 when none does.
    (`Gubernur Khofifah Indar Parawansa` keeps her three names.)"""
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() in _COMPASS and len(words) - i - 1 >= 2:
            return i + 1
    if len(words) >= 3 and g is not None and g.country(words[0]) is not None:
        return 1
    return 0


def _entities(texts: list[str], bases: list[int], lex: Lexicon, use_model: list[bool]) -> list[_Entities]:
    """Entities of each sentence: by the model where `use_model` says so, else by the gazetteer alone
    (the article's people are added to every sentence afterwards, see `_find_known_people`)."""
    out: list[_Entities | None] = [None] * len(texts)
    for i, (text, base, model) in enumerate(zip(texts, bases, use_model)):
        if not model:
            ents = _Entities([], [], [])
            for m in organization_pattern().finditer(text):
                ents.orgs.append((base + m.start(), base + m.end(), m.group()))
            _add_institutions(text, base, ents)
            _add_gazetteer_places(text, base, ents)
            out[i] = ents
    wanted = [i for i, model in enumerate(use_model) if model]
    nlp = ner_model()
    for i, doc in zip(wanted, nlp.pipe([texts[i] for i in wanted], batch_size=64, disable=["sentencizer"])):
        base = bases[i]
        ents = _Entities([], [], [])
        for e in doc.ents:
            label = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION", "GPE": "LOCATION"}.get(e.label_, e.label_)
            # a country or a known region the model calls a person or an organisation is still a place
            if label != "LOCATION" and gazetteer().country(e.text.strip()) and key(e.text.strip()) not in gazetteer().org_of:
                label = "LOCATION"
            end_char = e.end_char
            while end_char < len(doc.text) and (doc.text[end_char].isalnum() or
                                                doc.text[end_char] == "-" and doc.text[end_char - 1].isalnum()):
                end_char += 1  # the tokenizer may cut `Xi Jin-ping` after the hyphen
            cleaned = _clean_name(doc.text[e.start_char:end_char], base + e.start_char, lex, label == "PERSON",
                                  label == "LOCATION")
            if cleaned is None:
                continue
            at, name = cleaned
            item = (at, at + len(name), name)
            {"PERSON": ents.people, "ORGANIZATION": ents.orgs, "LOCATION": ents.places}.get(label, []).append(item)
        _add_institutions(doc.text, base, ents)
        _add_gazetteer_places(doc.text, base, ents)
        out[i] = ents
    return out


def _add_institutions(text: str, base: int, ents: _Entities) -> None:
    """Institutions the model missed (`Kementerian Sosial menyalurkan …`), by their head word."""
    taken = [(s, e) for group in (ents.people, ents.orgs, ents.places) for s, e, _ in group]
    for m in institution_pattern().finditer(text):
        s, e = base + m.start(), base + m.end()
        inside = [x for x in ents.people if s < x[0] < e]
        if inside:  # `Kepala Dinas PUPR Karangsari [Agus Setiadi]`: the person is not the institution
            e = min(x[0] for x in inside)
            e = s + len(text[s - base:e - base].rstrip())
            if " " not in text[s - base:e - base]:
                continue
        if any(a < e and s < b and not (s <= a and b <= e) for a, b in taken):
            continue  # the model's entity reaches outside it: the model's reading stands
        for group in (ents.orgs, ents.places):  # `Dinas Pendidikan [Pasaman Barat]`
            group[:] = [x for x in group if not (s <= x[0] and x[1] <= e)]
        ents.orgs.append((s, e, text[s - base:e - base]))
        taken.append((s, e))
    ents.orgs.sort()


def _add_gazetteer_places(text: str, base: int, ents: _Entities) -> None:
    """Places of the gazetteer the model missed (`mengunjungi Kuala Lumpur`)."""
    taken = [(s, e) for group in (ents.people, ents.orgs, ents.places) for s, e, _ in group]
    for m in place_pattern().finditer(text):
        s, e = base + m.start(), base + m.end()
        if not any(a < e and s < b for a, b in taken):
            ents.places.append((s, e, m.group()))
    ents.places.sort()


def title_holders(text: str, lex: Lexicon) -> dict[str, set[str]]:
    """Each title word of the article (lower-cased) → the full names that follow it
    (`Presiden Prancis Emmanuel Macron`): found by rule, so that the model's misses elsewhere in the
    article are filled in, and a bare `Presiden` can stand for its holder."""
    g = gazetteer()
    title_words = lex.titles | lex.title_inner
    holders: dict[str, set[str]] = {}
    for m in re.finditer(r"(?=\b([A-Za-z]+)((?:\s+[A-Z][\w'’-]*){2,6}))", text):
        if m.group(1).lower() not in lex.titles:
            continue
        if re.search(r"\b(?:wakil|mantan|eks|calon|wa)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
            continue  # `Wakil Presiden Jusuf Kalla` is no `Presiden`
        words = m.group(2).split()
        # skip the rest of the title and the country: `Menteri Luar Negeri Jepang Taro Kono`
        while words and (words[0].lower() in title_words or g.actor(words[0]) is not None):
            words.pop(0)
        for n in (2, 1):  # `Malaysia` is two words of a country
            if len(words) > n and g.actor(" ".join(words[:n])) is not None:
                words = words[n:]
        words = words[_region_end(words, g):]  # `Gubernur Sumatera Barat Ramlan Effendi`
        if len(words) > 2 and institution_pattern().match(" ".join(words)):
            words = words[-2:]  # `Kepala Dinas PUPR Agus Setiadi`
        if g.country(" ".join(words)) is not None or words and words[-1].lower() in _COMPASS:
            continue  # `Gubernur Jawa Tengah`: a region, nobody's name
        words = [w for w in words]
        while words and (lex.kind_of(words[-1]) or words[-1].lower() in lex.reporting):
            words.pop()
        if 2 <= len(words) <= 4 and not any(g.is_country_name(w) for w in words):
            holders.setdefault(m.group(1).lower(), set()).add(" ".join(words))
    return holders


_BARE_TITLE = re.compile(r"\b([A-Z][a-z]+)\b(?![ \t]+[A-Z])")


def _title_holder(text: str, start: int, end: int, holders: dict[str, set[str]]) -> list[str]:
    """`Presiden tiba di bandara`: a bare title stands for the one person the article gives it."""
    found = []
    for m in _BARE_TITLE.finditer(text, start, end):
        names = holders.get(m.group(1).lower(), set())
        if len(names) == 1:
            found.append(next(iter(names)))
    return found


def known_people_pattern(names: list[str]) -> re.Pattern | None:
    """The article's people as one pattern: full names and their first or last word (`Widodo`)."""
    forms: set[str] = set()
    for name in names:
        forms.add(name)
        parts = name.replace("-", " ").split()
        if len(parts) > 1:
            forms.update(p for p in (parts[0], parts[-1]) if len(p) >= 3 and p[0].isupper())
    if not forms:
        return None
    def form_pattern(form: str) -> str:  # `Xi Jin-ping` also finds `Xi Jin Ping`
        words = [w for w in re.split(r"[\s-]+", form) if w]
        return r"[\s-]+".join(re.escape(w[0]) + (f"(?i:{re.escape(w[1:])})" if len(w) > 1 else "") for w in words)

    alternatives = "|".join(form_pattern(f) for f in sorted(forms, key=len, reverse=True) if f.strip(" -"))
    return re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])(?!\s+[A-Z][a-z])")


def _find_known_people(text: str, span: tuple[int, int], pattern: re.Pattern | None, ents: _Entities) -> None:
    """Add the article's people where the model missed them."""
    if pattern is None:
        return
    taken = [(s, e) for s, e, _ in ents.people]
    for m in pattern.finditer(text, span[0], span[1]):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        # a known person's name the model took for a place or an organisation is the person
        ents.places[:] = [x for x in ents.places if not (x[0] < m.end() and m.start() < x[1])]
        ents.orgs[:] = [x for x in ents.orgs if not (x[0] < m.end() and m.start() < x[1])]
        ents.people.append((m.start(), m.end(), m.group()))
        taken.append((m.start(), m.end()))
    ents.people.sort()


_SPEECH_BEFORE = re.compile(r"(?:\bkata|\bujar|\bungkap|\bujarnya|\bmenurut|\bdilansir|\bmengutip|\bjuru bicara|\bjubir)\s+(?:\w+\s+){0,6}$", re.I)


def _is_speaker(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """`X mengatakan`, `kata X`, `juru bicara X`: the source of the words, not a participant."""
    if _SPEECH_BEFORE.search(text[max(0, start - 40):start]):
        return True
    following = _WORD.findall(text[end:end + 40].lower())[:2]
    return bool(following) and following[0] in lex.reporting


PARTICIPANT_BEFORE, PARTICIPANT_AFTER = 90, 70  # characters around the trigger
VENUE_DISTANCE = 80


def _actors(text: str, ents: _Entities, aliases: dict[str, str], trigger_at: int, trigger_end: int, lex: Lexicon,
            reach: int | None = None) -> list[str]:
    """Who takes part: people, organisations and countries-as-actors near the trigger, in its
    clause (not across `setelah`, `sejak`…), who are not just the source of the words; after the
    trigger, only up to `reach` when given (a price that fell has no participants after its amount)."""
    g = gazetteer()
    limit = trigger_end + PARTICIPANT_AFTER if reach is None else min(reach, trigger_end + PARTICIPANT_AFTER)

    def near(s: int, e: int) -> bool:
        if not (trigger_at - PARTICIPANT_BEFORE <= s and e <= limit):
            return False
        between = text[e:trigger_at] if e <= trigger_at else text[trigger_end:s]
        return not _SUBORDINATE.search(between) and not re.search(r"[.;]|\bbahwa\b", between)

    found: list[tuple[int, str]] = []
    for s, e, name in ents.people:
        if near(s, e) and not _is_speaker(text, s, e, lex) and not _AT_PLACE.search(text[max(0, s - 40):s]):
            found.append((s, aliases.get(name, name)))
    for s, e, name in ents.orgs:
        if text[max(0, s - 4):s].lower() == "non-":
            continue  # `pasokan minyak non-OPEC`: not OPEC
        if near(s, e) and not _is_speaker(text, s, e, lex) and not _AT_PLACE.search(text[max(0, s - 40):s]):
            found.append((s, g.actor(name) or name))
    for s, e, name in ents.places:
        actor = g.actor(name)
        if not actor or not near(s, e) or _VENUE_PREP.search(text[max(0, s - 30):s]):
            continue
        if _is_title_modifier(text, s, lex.titles | lex.modifiers) or _is_speaker(text, s, e, lex):
            continue
        found.append((s, actor))
    seen, actors = set(), []
    for _, name in sorted(found):
        if key(name) not in seen:
            seen.add(key(name))
            actors.append(name)
    return actors


def _is_title_modifier(text: str, start: int, titles: set[str]) -> bool:
    """`Presiden Prancis Emmanuel Macron`: the country is part of a person's title, not an actor."""
    before = _WORD.findall(text[max(0, start - 40):start].lower())
    return bool(before) and before[-1] in titles


def _is_city(name: str, text: str, start: int) -> bool:
    """A city: the gazetteer knows it as one, or the text calls it `kota X`."""
    g = gazetteer()
    if g.country(name):
        return not g.is_country_name(name)
    return bool(re.search(r"\bkota\s+(?:\w+\s+)?$", text[max(0, start - 30):start], re.I))


def _venue(text: str, sent: tuple[int, int], trigger_at: int, ents: _Entities, last_city: str | None) -> list[str]:
    """The place the event happened at: introduced by `di`/`ke` near the trigger (or standing in
    apposition to such a place), a city before a country, not a reference point (`utara Kuala Lumpur`)."""
    g = gazetteer()
    candidates = []
    previous_end = None
    # what stands right after `di` is a place, whatever the model called it (`di Kosmodrom X`)
    facilities = [(s, e, n) for s, e, n in ents.orgs + ents.people if re.search(r"\bdi\s+$", text[max(0, s - 5):s], re.I)]
    known = ents.places + facilities + ents.people
    # a capitalised name after `di`/`ke` is a place even when the model missed it (`di Kosmodrom X`)
    named = [(m.start(1), m.end(1), m.group(1)) for m in _NAMED_AFTER_PREP.finditer(text, sent[0], sent[1])
             if not any(a < m.end(1) and m.start(1) < b for a, b, _ in known)]
    for s, e, name in sorted(ents.places + facilities + named):
        before = text[max(sent[0], s - 30):s]
        apposition = previous_end is not None and text[previous_end:s].strip() == ","
        previous_end = e
        named_city = re.search(r"\bkota\s+$", before, re.I)
        object_of_trigger = re.match(r"^me\w+\s+$", text[trigger_at:s], re.I)  # `mengunjungi Kuala Lumpur`
        place_of = re.match(r"^(?:\s+\w+){0,2},\s*tempat\b", text[e:e + 30])  # `Surabaya, tempat …`
        if _REFERENCE.search(before) or not (_VENUE_PREP.search(before) or apposition or named_city
                                               or object_of_trigger or place_of):
            continue
        between = text[e:trigger_at] if e <= trigger_at else text[trigger_at:s]
        if abs(s - trigger_at) > VENUE_DISTANCE or _SUBORDINATE.search(between) or re.search(r"[.;]", between):
            continue
        rank = 0 if _is_city(name, text, s) else (2 if g.is_country_name(name) else 1)
        candidates.append((rank, 0 if s > trigger_at else 1, abs(s - trigger_at), name))
    if candidates:
        return [min(candidates)[3]]
    m = _ANAPHORIC_VENUE.search(text, trigger_at, sent[1])
    if m and last_city:
        return [last_city]
    return []


def _title(participants: list[str], kind: str, trigger: str, places: list[str], phrase: theme.Phrase,
           lex: Lexicon) -> str:
    """`<who> <verb> di <place>` when someone takes part in a kind whose lexicon title reads with any
    subject (`bertemu`, `tiba`); else the sentence's own words (`Harga minyak mentah dunia turun`,
    `KPK menangkap Bupati …`), where a subject in front of a passive or economic verb would mislead."""
    spec = lex.kinds.get(kind, {})
    if not spec.get("themed") and not spec.get("sentence_title") and participants:
        who = participants[0] if len(participants) == 1 else ", ".join(participants[:-1][:3]) + " dan " + participants[-1]
        title = f"{who} {spec.get('title', trigger)}"
    else:
        title = theme.title(phrase, trigger, participants)
    if places and places[0] not in title:
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
    # the model runs where a trigger meets a time (the sentences that can make rows); the others
    # still find the article's people, its places and organisations, by rule
    dated = [any(s <= t.start and t.end <= e and t.type in ("DATE", "TIME") for t in timexes) for (s, e), _ in chosen]
    ents = _entities([text[s:e] for (s, e), _ in chosen], [s for (s, e), _ in chosen], lex, dated)
    holders = title_holders(text, lex)
    known = sorted({name for en in ents for _, _, name in en.people if " " in name or "-" in name}
                   | {name for names in holders.values() for name in names})
    pattern = known_people_pattern(known)
    for ((s, e), _), en in zip(chosen, ents):
        _find_known_people(text, (s, e), pattern, en)
    aliases = alias_people([name for en in ents for _, _, name in en.people] + known)
    mentions: list[Mention] = []
    last_city: str | None = None
    recent_people: list[str] = []  # for `kedua pemimpin`, `keduanya`
    # a one-word "person" the article also writes in lower case is a common word at a sentence start
    lower_words = {w for w in _WORD.findall(text) if w.islower()}
    for en in ents:
        en.people[:] = [x for x in en.people if " " in x[2] or x[2].lower() not in lower_words]
        en.orgs[:] = [x for x in en.orgs if " " in x[2] or x[2].lower() not in lower_words]
    # `Juni`, `Senin`: a time expression is nobody; `PADANG, KOMPAS.com -`: a dateline neither
    spans = [(t.start, t.end) for t in timexes] + [m.span() for m in _DATELINE.finditer(text)]
    for en in ents:
        for group in (en.people, en.orgs, en.places):
            group[:] = [x for x in group if not any(a < x[1] and x[0] < b for a, b in spans)]
    for ((s, e), triggers), en in zip(chosen, ents):
        sentence = text[s:e]
        in_sentence = [t for t in timexes if s <= t.start and t.end <= e]
        governing = [t for t in in_sentence if not _names_a_thing(text, t, lex, doc.dct)]
        times = _assign_times(triggers, governing, sentence, s)
        by_kind: dict[tuple[str, str | None], Mention] = {}  # (kind, measure): a stock's fall is not a price's
        people_here = {aliases.get(n, n) for _, _, n in en.people}
        for i, (at, word, kind) in enumerate(triggers):
            timex = times.get(i)
            spec = lex.kinds.get(kind, {})
            phrase = theme.phrase(sentence, at, word, [(t.start - s, t.end - s) for t in in_sentence], lex)
            measure = theme.measure(phrase, word, lex) if spec.get("themed") else None
            kind = spec.get("refine", {}).get(measure, kind)
            status = status_of(sentence, at, lex, word)
            date = calendar_date(timex.value) if timex else None
            latest = doc.dct or (doc.dct_window[1] if doc.dct_window else None)
            if status == "occurred" and date and latest and span_start(date) > latest:
                status = "planned"  # told before it happened
            future_ref = any(t.value == "FUTURE_REF" and abs(t.start - (s + at)) < 80 for t in in_sentence)
            if status == "occurred" and future_ref:
                status = "planned"
            if status == "planned" and spec.get("unplanned") and not theme.agentive(word):
                status = "expected"  # `harga akan naik`: nobody's plan
            actors = _actors(text, en, aliases, s + at, s + at + len(word), lex,
                             s + phrase.end + 1 if spec.get("themed") else None)
            persons = [a for a in actors if a in people_here]
            if not persons:  # `Presiden tiba di bandara`: the article's president
                clause_start = max(s, s + at - 60, *(s + m.end() for m in re.finditer(r"[.;,]", sentence[:at])))
                for name in _title_holder(text, clause_start, s + at, holders):
                    full = aliases.get(name, name)
                    if full not in actors:
                        actors.insert(0, full)
                        persons.append(full)
            if _BOTH.search(text, max(s, s + at - PARTICIPANT_BEFORE), min(e, s + at + PARTICIPANT_AFTER)):
                for p in reversed(recent_people[-2:]):
                    if len(persons) < 2 and p not in actors:
                        actors.insert(0, p)
                        persons.append(p)
            places = _venue(text, (s, e), s + at, en, last_city)
            if places:  # the venue is where it happened, not who took part (`mengunjungi Malaysia`)
                venue_actor = gazetteer().actor(places[0])
                actors = [a for a in actors if a != venue_actor]
            m = Mention(doc=doc.id, start=s, end=e, sentence=sentence, trigger=word, trigger_start=s + at,
                        kind=kind, status=status, participants=actors, places=places, timex=timex, date=date,
                        future_ref=future_ref, measure=measure, persons=[a for a in actors if a in persons])
            m.title = _title(actors, kind, word, places, phrase, lex)
            # one mention per kind and sentence: `bertemu dalam pertemuan` is one meeting, told by its
            # first trigger, dated by whichever has a time, with everyone either names
            previous = by_kind.get((kind, measure))
            if previous is None:
                by_kind[(kind, measure)] = m
                continue
            if previous.timex is None and m.timex is not None:
                previous.timex, previous.date = m.timex, m.date
                previous.status, previous.future_ref = m.status, m.future_ref
            previous.participants += [p for p in m.participants if p not in previous.participants]
            previous.persons += [p for p in m.persons if p not in previous.persons]
            previous.places = previous.places or m.places
        mentions.extend(sorted(by_kind.values(), key=lambda m: m.trigger_start))
        for _, _, name in en.people:
            full = aliases.get(name, name)
            if full in recent_people:
                recent_people.remove(full)
            recent_people.append(full)
        for ps, pe, name in en.places:
            if _is_city(name, text, ps) and not _REFERENCE.search(text[max(s, ps - 30):ps]):
                last_city = name
    return mentions
