"""The event lexicon (timeline/lang/id/events.toml, extendable with `--lexicon FILE`): a labeller.

It gives a candidate its `kind` where it knows the predicate (`menggeledah` → `search`), and its
status cues (`akan` → planned, `membantah` → denied, …). No candidate depends on a word being here:
candidates come from the grammar (candidates.py).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .lexis import complement_verbs, conditional_words


STATUSES = ("occurred", "planned", "expected", "reported", "denied", "hypothetical")


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


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
    forecast_kinds: set[str] = field(default_factory=set)  # what nobody plans: said of the future, it is expected
    bare_future: set[str] = field(default_factory=set)  # cues of a future without a planner (`akan`)
    reporting: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    title_inner: set[str] = field(default_factory=set)  # words that continue a title, never start one
    office_en: set[str] = field(default_factory=set)  # English words of corporate office (`Vice President`)
    examples: list[dict] = field(default_factory=list)
    _phrase_re: re.Pattern | None = field(default=None, repr=False)  # built on first use
    _ignore_re: re.Pattern | None = field(default=None, repr=False)
    _cue_words: set[str] | None = field(default=None, repr=False)

    @property
    def cue_words(self) -> set[str]:
        """Every one-word status cue, of any status."""
        if self._cue_words is None:
            self._cue_words = {c for cues in self.status_cues.values() for c in cues if " " not in c}
        return self._cue_words

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
            self.forecast_kinds.update(status.get("forecast_kinds", []))
            self.bare_future.update(c.lower() for c in status.get("bare_future", []))
            self.examples.extend(dict(e, entry="status") for e in status.get("examples", []))
        self.reporting.update(w.lower() for w in raw.get("reporting", {}).get("words", []))
        self.titles.update(w.lower() for w in raw.get("titles", {}).get("words", []))
        self.title_inner.update(w.lower() for w in raw.get("titles", {}).get("inner", []))
        self.office_en.update(w.lower() for w in raw.get("titles", {}).get("english", []))
        self._phrase_re = self._ignore_re = None
        self._cue_words = None

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
    """A regex of lower-cased phrases, any run of spaces between words, the longest first where
    several start alike: a trie (timex.grammar.trie_pattern), which matches as the alternation of
    the phrases longest first does, but tests a beginning they share once."""
    from ..timex.grammar import trie_pattern

    return trie_pattern(phrases, fold=True)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word)


@cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def load_lexicon(extra: Path | None = None) -> Lexicon:
    lex = Lexicon()
    with resources.files("timeline.lang.id").joinpath("events.toml").open("rb") as fh:
        lex.add(tomllib.load(fh))
    if extra is not None:
        with open(extra, "rb") as fh:
            lex.add(tomllib.load(fh))
    return lex


@cache
def default_lexicon() -> Lexicon:
    return load_lexicon()


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


def status_of(sentence: str, trigger_at: int, lex: Lexicon, trigger: str = "", after: bool = True) -> str:
    """Cue words in the clause before the trigger decide (the `near` ones only within three words,
    the `after` ones also within three words after it, unless `after` is false: what follows a verb
    of saying is what is said); none → occurred."""
    left = sentence[max(0, trigger_at - 100):trigger_at]
    breaks = [m.end() for m in re.finditer(r"[,;:\"“”()]", left)]
    clause = [_cue_form(w, lex) for w in _WORD.findall((left[breaks[-1]:] if breaks else left).lower())]
    for i in range(len(clause) - 1, -1, -1):
        if clause[i] in lex.clause_breaks:
            clause = clause[i + 1:]
            break
    after_at = trigger_at + len(trigger)
    right = re.split(r"[,;:\"“”()]", sentence[after_at:after_at + 60])[0]
    after_words = _WORD.findall(right.lower())[:3] if after else []
    just_after = " " + " ".join(after_words) + " "
    if clause and clause[-1] in lex.object_of_denial and re.fullmatch(r"(?i)(?!me|di)\w+an(?:nya)?", trigger):
        clause = clause[:-1]  # `membantah dakwaan`: the indictment itself is no denial
    status, cue = _status_by_cues(clause, just_after, lex)
    later = re.split(r"[.;]", sentence[after_at:])[0]
    m = re.search(r"\b(?:tetapi|tapi|namun)\b(.*)", later, re.I)
    if status in ("planned", "expected") and m and set(_WORD.findall(m.group(1).lower())) & lex.called_off:
        return "denied"  # `dijadwalkan …, tetapi ditunda`: the plan was called off
    if status == "planned" and cue in lex.bare_future:
        return future_status(lex, lex.kind_of(trigger) or "", trigger)
    return status


def _cue_form(word: str, lex: Lexicon) -> str:
    """A cue with the enclitic `-nya` is that cue (`targetnya`, `rencananya` → `target`, `rencana`)
    unless the form with it is a cue of its own."""
    if word.endswith("nya") and word not in lex.cue_words and word[:-3] in lex.cue_words:
        return word[:-3]
    return word


_CAUSATIVE = re.compile(r"(?i)^me(?:m|n|ng|ny)?\w{3,}(?:kan|i)$")  # `menaikkan`, `menurunkan`: somebody does it


def future_status(lex: Lexicon, kind: str, trigger: str = "") -> str:
    """What is only said to come (`akan`) is planned, unless nobody plans it (prices falling, a flood,
    `lex.forecast_kinds`, not made to happen: `menaikkan`): then it is expected."""
    return "expected" if kind in lex.forecast_kinds and not _CAUSATIVE.match(trigger) else "planned"


def _status_by_cues(clause: list[str], just_after: str, lex: Lexicon) -> tuple[str, str]:
    """The status the first cue found gives, and that cue ("" for occurred)."""
    present = set(clause)  # a cue whose first word is not in the clause is not looked for in it
    for status in lex.status_order:
        for cue in lex.status_cues.get(status, ()):
            words = cue.split()
            n = len(words)
            ends = [] if n and words[0] not in present else \
                [i + n for i in range(len(clause) - n + 1) if clause[i:i + n] == words
                 and not (i and cue in conditional_words() and clause[i - 1] in complement_verbs())]
            #        (`mengatakan kalau rapat sudah digelar`: after a saying verb, `kalau` opens what is said)
            if ends and (len(clause) - ends[-1] <= 3 - n if cue in lex.near else _cue_reaches(clause[ends[-1]:], lex)):
                return status, cue
            if cue in lex.after and f" {cue} " in just_after:
                return status, cue
    return "occurred", ""


_ACTIVE_VERB = re.compile(r"^(?:mem|men|meng|meny)[a-z]{3,}$")


def _cue_reaches(between: list[str], lex: Lexicon) -> bool:
    """A cue speaks of the first verb after it: `akan mengurangi produksinya dalam menanggapi
    kemerosotan harga` plans the cutting, not the fall. A verb right before the trigger (`diharapkan
    mencapai kesepakatan`), or one that is itself a trigger, does not stop it."""
    return not any(_ACTIVE_VERB.match(w) and stem(w) != w and lex.kind_of(w) is None and w not in lex.reporting
                   for w in between[:-1])  # (`mentah`, `menteri` are no verbs: Sastrawi leaves them whole)
