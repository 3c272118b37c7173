"""Find and normalise every TIMEX3 in a text: `tag(text, dct) -> list[Timex]`.

1. every rule of the grammar proposes matches;
2. overlapping matches are settled: the longer wins, then the rule earlier in the file;
3. left to right, each match is normalised (its value may depend on the date mentioned before it:
   `dua hari kemudian`; on the clock time before it: `tiga jam kemudian`; or on the narrative day,
   the last day its paragraph named that does not date an attribution: `Pukul 07.55`), and a
   modifier just before it (`sekitar`, `lebih dari`, `akhir`) joins its span and sets `mod`.
Steps 1 and 2 do not depend on the DCT: `find` keeps the matches of the last texts, so an article
dated from its lead and then tagged is matched once. Every step looks at a bounded window of text,
so tagging is linear in the length of the text.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from operator import itemgetter

from .grammar import Grammar, Rule, Triggers, default
from ..model import Timex
from ..values import FIRST_YEAR, LAST_YEAR
from .normalize import DAY, NORMALISERS, Context

_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_YEAR_VALUE = re.compile(r"^(\d{4})(?!\d)")
_CLOCK_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")  # a line break and the blank lines after it: one paragraph boundary
_ON_NARRATIVE_DAY = frozenset({"clock", "part_of_day", "pod_phrase"})  # normalisers that take a day, not name one
_ATTRIBUTIONS: dict[int, re.Pattern] = {}


def _attribution(g: Grammar) -> re.Pattern:
    """The end of an attribution clause right before a day (`kata dia, Senin (2/3)`): [attribution] words."""
    key = id(g)
    if key not in _ATTRIBUTIONS:
        alt = "|".join(re.escape(a) for a in sorted(g.words.attribution, key=len, reverse=True)) or "(?!)"
        _ATTRIBUTIONS[key] = re.compile(rf"(?<!\w)(?:{alt})(?!\w)[^.;!?\n]{{0,50}}?[,\s]\s*(?:pada\s+)?$", re.I)
    return _ATTRIBUTIONS[key]


_TOKEN = re.compile(r"\w+")
_MARGIN = 64  # longer than any match (the longest in the test corpora: 33): a window holds every match that contains its trigger
_DIGIT_MARGIN = 40  # longer than any match of a `digits` rule (`tahun 2014-2019 yang lalu`, `(6/3/2015)`)


def _add_window(spans: list[list[int]], lo: int, hi: int) -> None:
    if spans and lo <= spans[-1][1]:
        spans[-1][1] = max(spans[-1][1], hi)
    else:
        spans.append([max(0, lo), hi])


def _merge(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for lo, hi in sorted(a + b):
        _add_window(merged, lo, hi)
    return merged


def _candidates(text: str, grammar: tuple[Rule, ...], trig: Triggers | None = None) -> list[tuple[int, int, Rule, re.Match]]:
    """Every rule's matches, looked for only in windows around the words that can set it off.

    Most words of a news text are not temporal, so this is several times faster than running
    every rule over the whole text, and still linear in its length.
    """
    trig = trig or default().triggers
    shapes = list(enumerate(trig.digit_shapes))
    digit_windows: list[list[list[int]]] = [[] for _ in shapes]  # per digit shape
    word_windows: dict[int, list[list[int]]] = {}
    shapes_of: dict[str, tuple[int, ...]] = {}
    by_word = trig.by_word
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        if word[0].isdigit():
            fits = shapes_of.get(word)
            if fits is None:  # numbers repeat: each is checked against the shapes once per text
                fits = shapes_of[word] = tuple(k for k, shape in shapes if shape is None or shape.fullmatch(word))
            if fits:
                lo, hi = tok.start() - _DIGIT_MARGIN, tok.end() + _DIGIT_MARGIN
                for k in fits:  # _add_window, inlined: a line of dense dates has a number every few characters
                    spans = digit_windows[k]
                    if spans and lo <= spans[-1][1]:
                        spans[-1][1] = hi  # tokens come in order and the margin is one: `hi` only grows
                    else:
                        spans.append([lo if lo > 0 else 0, hi])
            continue
        rules_of = by_word.get(word.lower())
        if not rules_of:
            continue
        lo, hi = tok.span()
        lo, hi = max(0, lo - _MARGIN), hi + _MARGIN
        for i in rules_of:  # _add_window, inlined
            spans = word_windows.get(i)
            if spans is None:
                word_windows[i] = [[lo, hi]]
            elif lo <= spans[-1][1]:
                if hi > spans[-1][1]:
                    spans[-1][1] = hi
            else:
                spans.append([lo, hi])
    found = []
    for i, rule in enumerate(grammar):
        spans = word_windows.get(i, [])
        if rule.digits:
            digits = digit_windows[trig.shape_of[i]]
            if digits:
                spans = _merge(spans, digits) if spans else digits
        for lo, hi in spans:
            if rule.needs and all(text.find(c, lo, hi) == -1 for c in rule.needs):
                continue  # every match holds one of these characters
            for m in rule.regex.finditer(text, lo, min(hi, len(text))):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), rule, m))
    return found


_START = itemgetter(0)


def _select(cands: list[tuple[int, int, Rule, re.Match]]) -> list[tuple[int, int, Rule, re.Match]]:
    """Non-overlapping matches: longest first, then earliest rule, then leftmost.

    The characters already taken are marked in a bytearray: each match costs its own length
    (matches are short), so this is linear however densely the matches lie."""
    if not cands:
        return []
    cands.sort(key=_START)
    if all(a[1] <= b[0] for a, b in zip(cands, islice(cands, 1, None))):
        return cands  # nothing overlaps (most texts, and a line of dense dates): nothing to settle
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2].order, c[0]))
    taken = bytearray(max(c[1] for c in cands))
    chosen = []
    for c in cands:
        start, end = c[0], c[1]
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


def _modifier(text: str, start: int, floor: int, ttype: str, g: Grammar) -> tuple[int, str | None]:
    """A modifier right before `start` (not before `floor`) that may modify this type."""
    lo = max(floor, start - 25)
    if text[lo:start].rstrip()[-1:] not in g.mod_ends:
        return start, None  # no modifier ends in this letter (a line of numbers: no search at all)
    m = g.mod_re.search(text, lo, start)
    if not m or m.end() != start:
        return start, None
    mod, types = g.words.mods[re.sub(r"\s+", " ", m.group(1).lower())]
    if ttype not in types:
        return start, None
    return m.start(), mod


@lru_cache(maxsize=4096)
def _in_years(value: str) -> bool:
    year = _YEAR_VALUE.match(value)
    return not year or FIRST_YEAR <= int(year.group(1)) <= LAST_YEAR


@lru_cache(maxsize=4096)
def _clock_of(value: str) -> datetime | None:
    clock = _CLOCK_VALUE.match(value)
    return datetime(*map(int, clock.groups())) if clock else None


@lru_cache(maxsize=4096)  # values repeat: a line of dense dates, the same day named again
def _as_date(value: str) -> tuple[date, str] | None:
    m = _DATE_VALUE.match(value)
    if not m or value.startswith("P"):
        return None
    y, mo, d = m.groups()
    gran = "D" if d else ("M" if mo else "Y")
    try:
        return date(int(y), int(mo or 1), int(d or 1)), gran
    except ValueError:
        return None


Match = tuple[int, int, Rule, re.Match]
_FOUND: list[tuple[str, int, list[Match]]] = []  # the last texts' matches: (text, grammar id, matches)
_FOUND_KEEP = 2


def find(text: str, grammar: Grammar | None = None) -> list[Match]:
    """The rules' matches in `text`, overlaps settled; none of this depends on the DCT, so the
    matches of the last texts are kept: dating an article from its lead and then tagging it
    (or tagging it again against another DCT) matches its text once."""
    g = grammar or default()
    for cached, gid, found in _FOUND:
        if cached is text and gid == id(g):
            return found
    found = _select(_candidates(text, g.rules, g.triggers))
    _FOUND.insert(0, (text, id(g), found))
    del _FOUND[_FOUND_KEEP:]
    return found


# Letters that the rules' case-insensitive matching takes for ASCII ones (Python's re: `ſ` for `s`,
# Kelvin `K` for `k`, dotless `ı` and dotted `İ` for `i`) but that `str.lower()` does not turn into
# them: the normalisers would look up `ſekitar` and find nothing. They are matched and valued as
# the letter they stand for; each is one code point for one, so offsets do not move.
_LOOKALIKES = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0131": "i", "\u0130": "I"})
_HAS_LOOKALIKE = re.compile("[\u017f\u212a\u0131\u0130]")
_FOLDED: list[tuple[str, str]] = []  # (text, its folded copy) of the last text that had look-alikes


def _folded(text: str) -> str:
    """`text` with the look-alike letters replaced (the same object when it has none)."""
    if not _HAS_LOOKALIKE.search(text):
        return text
    for original, folded in _FOLDED:
        if original is text:
            return folded
    folded = text.translate(_LOOKALIKES)
    _FOLDED[:] = [(text, folded)]
    return folded


def forget() -> None:
    """Let go of the matches kept for the last texts (`find`): a text tagged for good needs them no more."""
    _FOUND.clear()
    _FOLDED.clear()


def tag(text: str, dct: date | None = None, grammar: Grammar | None = None, *, upto: int | None = None) -> list[Timex]:
    """Every time expression in `text`, with TIMEX3 type, value and mod, resolved against `dct`
    (with the grammar of timeline/lang/id/ unless another is given); with `upto`, only those that
    end by then (the lead of an article)."""
    g = grammar or default()
    original, text = text, _folded(text)
    matches = find(text, g)
    if upto is not None:
        matches = [c for c in matches if c[1] <= upto]
    ctx = Context(text=text, dct=dct, w=g.words)
    out: list[Timex] = []
    prev_end = 0
    narrative_day: date | None = None  # the last day the paragraph named, not one dating an attribution
    narrative_end = -1
    attribution = _attribution(g)
    on_narrative_day: list[int] = []  # the indices in `out` of clocks and parts of day valued on a day not their own
    for start, end, rule, m in matches:
        # a clock time or part of day with no day of its own is on the narrative day, else the DCT
        breaks = _paragraph_breaks(text, narrative_end, start) if narrative_end >= 0 else 2
        ctx.ref_sentence_day = narrative_day if breaks == 0 else None
        # `malam itu`, `sore harinya` point back: to that day even from the next paragraph
        ctx.ref_anaphor_day = narrative_day if breaks <= 1 else None
        normaliser = NORMALISERS.get(rule.value)
        if normaliser is None:
            continue  # a rule naming a normaliser this version lacks finds nothing
        try:
            result = normaliser(m, ctx)
        except (ValueError, OverflowError):
            continue  # a date outside the calendar (`99 abad lalu` from year 1): no value, no timex
        if result is None:
            continue
        value, ttype, mod = result
        if not _in_years(value):
            continue  # `2019 tahun lalu` from 2020: outside the years the tool reasons in (values.py)
        if start > prev_end and text[start - 1].isspace():  # a modifier ends in white space right before
            new_start, extra_mod = _modifier(text, start, prev_end, ttype, g)
            if extra_mod and not mod:
                start, mod = new_start, extra_mod
        if rule.value in _ON_NARRATIVE_DAY and "T" in value:
            on_narrative_day.append(len(out))
        out.append(Timex(f"t{len(out) + 1}", start, end, original[start:end], ttype, value, mod, rule.name))
        prev_end = end
        anchor = _as_date(value)
        if anchor and ttype in ("DATE", "TIME"):
            ctx.ref, ctx.ref_gran = anchor
            ctx.ref_end = end
            ctx.ref_clock = _clock_of(value)
            own_day = rule.value not in _ON_NARRATIVE_DAY and not (rule.value == "ago" and ttype == "TIME")
            if anchor[1] == DAY and own_day and not attribution.search(text, max(0, start - 70), start):
                narrative_day, narrative_end = anchor[0], end
            elif not own_day and anchor[0] == narrative_day:
                narrative_end = end  # `Kemudian malam harinya …`: this paragraph is on that day too
    _day_after_clock(text, out, on_narrative_day)
    _share_range_years(text, out, _range_join(g))
    return out


_DAY_AFTER_CLOCK = re.compile(r"\s*,?\s*")


def _day_after_clock(text: str, out: list[Timex], clocks: list[int]) -> None:
    """A clock time right before the day it is on (`pukul 01.45 WIB Rabu (8/9) dini hari`, `pukul
    14.00 WIB, Senin (6/9)`) is on that day, not on the narrative day or the DCT: the two stay two
    expressions, as a day and a clock parted by a comma do (docs/timex-conventions.md)."""
    on_day = set(clocks)  # (a set: a document of many clocks costs what its clocks cost)
    for i in clocks:
        if i + 1 >= len(out) or (i + 1) in on_day:
            continue
        clock, day = out[i], out[i + 1]
        if day.type not in ("DATE", "TIME") or not _DAY_AFTER_CLOCK.fullmatch(text, clock.end, day.start):
            continue
        anchor = _as_date(day.value)
        if anchor is None or anchor[1] != DAY:
            continue
        clock.value = anchor[0].isoformat() + clock.value[clock.value.index("T"):]


def _paragraph_breaks(text: str, a: int, b: int) -> int:
    """How many paragraph boundaries lie between `a` and `b`: 0, 1, or 2 for two or more (it stops
    there, so a day named far back costs no more than one named a paragraph ago)."""
    first = _PARAGRAPH_BREAK.search(text, a, b)
    if first is None:
        return 0
    return 1 if text.find("\n", first.end(), b) == -1 else 2


_RANGE_JOINS: dict[int, re.Pattern] = {}


def _range_join(g: Grammar) -> re.Pattern:
    """What may stand between the two ends of a range: [range_joiners] of time_words.toml."""
    key = id(g)
    if key not in _RANGE_JOINS:
        alt = "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in sorted(g.words.range_joiners, key=len, reverse=True))
        _RANGE_JOINS[key] = re.compile(rf"\s*(?:{alt or '(?!)'})\s*", re.I)
    return _RANGE_JOINS[key]


_FULL_DAY = re.compile(r"^(\d{4})(-\d{2}-\d{2})$")


def _share_range_years(text: str, out: list[Timex], join: re.Pattern) -> None:
    """`16 Mei hingga 4 Juni 2024`: the start takes the year the end states (the year before when
    that would put it after the end)."""
    for a, b in zip(out, out[1:]):
        ma, mb = _FULL_DAY.match(a.value), _FULL_DAY.match(b.value)
        if not (ma and mb) or re.search(r"\d{4}", a.text) or not re.search(r"\d{4}", b.text):
            continue
        if not join.fullmatch(text[a.end:b.start]):
            continue
        year = int(mb.group(1))
        if f"{year}{ma.group(2)}" > b.value:
            year -= 1
        try:
            a.value = date(year, int(ma.group(2)[1:3]), int(ma.group(2)[4:6])).isoformat()
        except ValueError:
            continue  # `29 Februari hingga 4 Maret 2023`: no such start in that year
