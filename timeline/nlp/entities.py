"""Who and where: named entities, in-document aliasing, and the gazetteer of countries.

- The named-entity model is a spaCy pipeline trained by `make model` (scripts/train_ner.py) and
  shipped in timeline/lang/id/models/ner; it is loaded once per process, never downloaded.
- `Gazetteer` (timeline/lang/id/gazetteer.toml) makes one actor of a country under its names, short
  forms and capitals used as metonyms, and knows which city lies in which country.
- `alias_people` maps a short name to the full name the article uses (`Santoso` → `Arif Santoso`);
  `person_key` makes spelling variants one person across articles (`Xi Jin-ping` = `Xi Jinping`).
"""
from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

# TIMELINE_NER_MODEL points at another trained spaCy pipeline (e.g. one you trained with make model).
NER_DIR = Path(os.environ.get("TIMELINE_NER_MODEL") or str(resources.files("timeline.lang.id").joinpath("models", "ner")))


class ModelMissing(RuntimeError):
    pass


@cache
def ner_model():
    """The shipped spaCy NER pipeline, with a sentencizer for splitting (one tokenizer, loaded once)."""
    import spacy

    from .blas import use_numpy_blas

    if not (NER_DIR / "config.cfg").exists():
        raise ModelMissing(f"the named-entity model is missing in {NER_DIR}: run `make model`")
    # the saved tokenizer is spaCy's Indonesian default: building it from the language data is
    # twice as fast as loading its 32,000 saved exceptions (tests/test_ner_model.py checks they agree),
    # and faster still with its prefix search a match (nlp/affixes.py: the same tokens)
    from spacy.util import load_config

    from .affixes import register

    default = load_config(NER_DIR / "config.cfg")["nlp"].get("tokenizer") == {"@tokenizers": "spacy.Tokenizer.v1"}
    nlp = spacy.load(NER_DIR, exclude=["tokenizer"], config=register() if default else {})
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    use_numpy_blas(nlp)  # numpy's OpenBLAS: faster than thinc's BLIS here, the same entities (nlp/blas.py)
    return nlp


PIECE_CHARS = 100_000  # a paragraph longer than this is split at white space before spaCy sees it


@dataclass(frozen=True)
class _Piece:
    start_char: int
    end_char: int


def _pieces(paragraph: str, limit: int = PIECE_CHARS):
    """(start, end) of pieces of at most `limit` characters, cut at the last white space before it."""
    start = 0
    while len(paragraph) - start > limit:
        cut = max(paragraph.rfind(" ", start, start + limit), paragraph.rfind("\t", start, start + limit))
        end = cut + 1 if cut > start else start + limit
        yield start, end
        start = end
    yield start, len(paragraph)


def split_sentences(paragraph: str):
    """Sentences of a paragraph: the model's tokenizer and spaCy's sentencizer, no statistical layer.

    Each has `start_char` and `end_char`; a paragraph of more than PIECE_CHARS characters (a
    one-line file, no sentence ends) is split into pieces first, so that no sentence is longer
    and spaCy's length limit (1,000,000 characters) is never reached."""
    nlp = ner_model()
    sentencizer = nlp.get_pipe("sentencizer")
    if len(paragraph) <= PIECE_CHARS:
        return sentencizer(nlp.make_doc(paragraph)).sents
    return [_Piece(lo + s.start_char, lo + s.end_char)
            for lo, hi in _pieces(paragraph) for s in sentencizer(nlp.make_doc(paragraph[lo:hi])).sents]


def key(name: str) -> str:
    """Lookup key of a name: case, hyphens and spacing do not matter."""
    return re.sub(r"[\s\-‐‑]+", " ", name).strip().lower()


def person_key(name: str) -> str:
    """One person across articles: `Xi Jin-ping`, `Xi Jinping` and `Xi Jinpin` are one key."""
    return re.sub(r"[\s\-‐‑.]+", "", name).lower()


@dataclass(frozen=True)
class Gazetteer:
    actor_of: dict[str, str]  # key of a country name, alias or metonym → the country's name
    country_of_place: dict[str, str]  # key of a country, capital or city → the country's name
    org_of: dict[str, str]  # key of an organisation name or alias → its name
    names_of: dict[str, frozenset[str]]  # country → keys of its own names (not capitals, not cities)
    seat_of: dict[str, frozenset[str]]  # country → keys of its capital and metonyms (`Wina`, `Vienna`)
    region_of: dict[str, str] = field(default_factory=dict)  # key of a region (province, island, …) → its country

    def actor(self, name: str) -> str | None:
        """The country or organisation a name stands for as an actor (`Moskow` → `Rusia`), or None."""
        k = key(name)
        return self.actor_of.get(k) or self.org_of.get(k)

    def country(self, place: str) -> str | None:
        """The country a place lies in (or is), or None when the gazetteer does not know it."""
        return self.country_of_place.get(key(place))

    def region(self, name: str) -> str | None:
        """The country a region of the gazetteer (a province, an island, a sea) lies in, or None."""
        return self.region_of.get(key(name))

    def is_country_name(self, name: str) -> bool:
        c = self.country(name)
        return c is not None and key(name) in self.names_of[c]


@cache
def gazetteer() -> Gazetteer:
    with resources.files("timeline.lang.id").joinpath("gazetteer.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    actor_of, place_of, org_of, names_of, seat_of = {}, {}, {}, {}, {}
    for c in raw.get("country", []):
        name = c["name"]
        aliases = [name, *c.get("aliases", [])]
        names_of[name] = frozenset(key(a) for a in aliases)
        seat_of[name] = frozenset(key(a) for a in [c.get("capital") or "", *c.get("metonyms", [])] if a)
        for a in aliases + c.get("metonyms", []):
            actor_of.setdefault(key(a), name)
        for p in aliases + [c.get("capital") or ""] + c.get("cities", []) + c.get("metonyms", []):
            if p:
                place_of.setdefault(key(p), name)
    region_of = {key(r): c["name"] for c in raw.get("country", []) for r in c.get("regions", [])}
    for o in raw.get("organization", []):
        for a in [o["name"], *o.get("aliases", [])]:
            org_of.setdefault(key(a), o["name"])
    return Gazetteer(actor_of, place_of, org_of, names_of, seat_of, region_of)


@cache
def name_words() -> dict[str, frozenset[str]]:
    """gazetteer.toml [names]: `compass` (lower case), `legal` (as written)."""
    with resources.files("timeline.lang.id").joinpath("gazetteer.toml").open("rb") as fh:
        raw = tomllib.load(fh).get("names", {})
    return {"compass": frozenset(w.lower() for w in raw.get("compass", [])), "legal": frozenset(raw.get("legal", []))}


@cache
def place_pattern() -> re.Pattern:
    """Every place name of the gazetteer (countries, capitals, cities, metonyms), as whole words."""
    with resources.files("timeline.lang.id").joinpath("gazetteer.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    names = set()
    for c in raw.get("country", []):
        names.update([c["name"], *c.get("aliases", []), c.get("capital") or "", *c.get("cities", [])])
    return _whole_words(n for n in names if len(n) >= 3 and n[0].isupper())


def _whole_words(names) -> re.Pattern:
    """Any of `names` as written (case and spaces), as whole words: the longest that is one where
    several start alike. A trie, not an alternation of 1,600 names tried one by one at every
    character (the same matches, the gazetteer's places found 30 times faster)."""
    from ..timex.grammar import trie_pattern

    return re.compile(r"(?<![\w-])(?:" + trie_pattern(set(names), fold=False, space=r"\ ") + r")(?![\w-])")


@cache
def institution_pattern() -> re.Pattern:
    """A head word of an institution and the capitalised words after it (`Kementerian Sosial`)."""
    with resources.files("timeline.lang.id").joinpath("gazetteer.toml").open("rb") as fh:
        heads = tomllib.load(fh).get("institutions", {}).get("heads", [])
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    from ..timex.grammar import words  # the names of days and months end a name (`Kementerian Sosial Rabu (10/12)`)

    w = words()
    times = "|".join(re.escape(n.capitalize()) for n in sorted(set(w.weekdays) | set(w.months), key=len, reverse=True))
    word = rf"(?!(?:{times})\b)[A-Z][\w'’-]*"
    return re.compile(rf"(?<![\w-])(?P<head>{alt})(?:\s+{word}|\s+untuk(?=\s+[A-Z])){{1,6}}")


@cache
def organization_pattern() -> re.Pattern:
    """Every organisation name and alias of the gazetteer (`PBB`, `OPEC`), as whole words."""
    with resources.files("timeline.lang.id").joinpath("gazetteer.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return _whole_words(n for o in raw.get("organization", []) for n in [o["name"], *o.get("aliases", [])] if len(n) >= 2)


def places_compatible(a: str, b: str) -> bool | None:
    """True: the same place or one inside the other; False: known to differ; None: cannot tell."""
    if key(a) == key(b):
        return True
    g = gazetteer()
    ca, cb = g.country(a), g.country(b)
    if ca and cb:
        if ca != cb:
            return False
        # same country: a country and a place in it are compatible, and so are two names of its
        # seat (`Wina`, `Vienna`); two different cities are not
        if g.is_country_name(a) or g.is_country_name(b):
            return True
        return key(a) in g.seat_of[ca] and key(b) in g.seat_of[cb]
    return None


def alias_people(names: list[str]) -> dict[str, str]:
    """Short person names → the full name the document uses for them.

    A name whose tokens are a part of a longer name in the same document stands for it; when
    several longer names fit (an article naming three Lees), the one named most often wins.
    """
    full: dict[str, str] = {}
    tokens = {n: key(n).split() for n in sorted(set(names))}
    counts = Counter(key(n) for n in names)
    by_token: dict[str, list[str]] = {}  # token → the names holding it: only those are compared
    for n, toks in tokens.items():
        for t in set(toks):
            by_token.setdefault(t, []).append(n)
    for name, toks in tokens.items():
        if not toks:
            continue
        longer = [o for o in by_token.get(toks[0], []) if len(tokens[o]) > len(toks) and _contains(tokens[o], toks)]
        if not longer:
            continue
        within = {k: c for k, c in counts.items() if k.split() and any(o in by_token.get(k.split()[0], ()) for o in longer)}
        score = {o: sum(c for k, c in within.items() if _contains(tokens[o], k.split())) for o in longer}
        best = max(sorted(longer), key=lambda o: (score[o], len(tokens[o])))
        full[name] = best
    return full


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Is `shorter` a contiguous run of `longer` (names: `Santoso` in `Arif Santoso`)?"""
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


@lru_cache(maxsize=262144)
def same_actor(a: str, b: str) -> bool:
    """One actor under two names: spelling variants, or a short name inside a full one (`Widodo`)."""
    if person_key(a) == person_key(b):
        return True
    ta, tb = key(a).replace("-", " ").split(), key(b).replace("-", " ").split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    n = len(short)
    return n > 0 and all(len(t) >= 3 for t in short) and any(long_[i:i + n] == short for i in range(len(long_) - n + 1))
