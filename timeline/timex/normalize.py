"""TIMEX3 values: each normaliser turns one rule's match into (value, type, mod).

A normaliser reads the named groups of the match (`day`, `month`, `year`, `weekday`, `unit`,
`num`, `dir`, `pod`, `hour`, …) and the `Context`: the DCT, the last date the text mentioned
(for `dua hari kemudian`, `tahun itu`) and the clause around the match (for tense cues).
Without a DCT, anything relative to it keeps X placeholders (`XXXX-09`), never a guessed year.
Calendar arithmetic is python-dateutil's relativedelta.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from dateutil.relativedelta import relativedelta

from .grammar import Words, words

# granularity of a date value
YEAR, HALF, QUARTER, MONTH, WEEK, DAY = "Y", "H", "Q", "M", "W", "D"
_UNIT_GRAN = {"Y": YEAR, "M": MONTH, "W": WEEK, "D": DAY, "Q": QUARTER, "SEMESTER": HALF,
              "DE": "DE", "CE": "CE", "WINDU": YEAR, "H": DAY, "MIN": DAY, "S": DAY}
_PLACEHOLDER = {YEAR: "XXXX", HALF: "XXXX-HX", QUARTER: "XXXX-QX", MONTH: "XXXX-XX",
                WEEK: "XXXX-WXX", DAY: "XXXX-XX-XX", "DE": "XXX", "CE": "XX"}
_GRAN_RANK = {"CE": 0, "DE": 1, YEAR: 2, HALF: 3, QUARTER: 4, MONTH: 5, WEEK: 6, DAY: 7}


@dataclass
class Context:
    text: str
    dct: date | None
    ref: date | None = None  # the last date the text mentioned
    ref_gran: str | None = None
    ref_end: int = -1  # where that mention ended
    ref_sentence_day: date | None = field(default=None)  # the narrative day: see tagger.tag
    ref_anaphor_day: date | None = field(default=None)  # the same, reaching back one paragraph
    ref_clock: datetime | None = None  # the clock time of the last date, when it had one
    w: Words = field(default_factory=words)  # the language's words and what they mean

    def anchor(self, need: str) -> date | None:
        """The last mentioned date if it is fine enough for `need`, else the DCT."""
        if self.ref is not None and _GRAN_RANK.get(self.ref_gran, 0) >= _GRAN_RANK.get(need, 7):
            return self.ref
        return self.dct


Result = tuple[str, str, str | None]  # value, type, mod


def fmt(d: date | None, gran: str) -> str:
    if d is None:
        return _PLACEHOLDER[gran]
    if gran == YEAR:
        return f"{d.year:04d}"
    if gran == HALF:
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == QUARTER:
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    if gran == WEEK:
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if gran == "DE":
        return f"{d.year // 10:03d}"
    if gran == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


_SHIFT_UNITS = {"Y": ("years", 1), "M": ("months", 1), "W": ("weeks", 1), "D": ("days", 1), "Q": ("months", 3),
                "SEMESTER": ("months", 6), "DE": ("years", 10), "CE": ("years", 100), "WINDU": ("years", 8)}


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units (a TIMEX3 unit letter from time_words.toml)."""
    if unit not in _SHIFT_UNITS:
        return d
    name, size = _SHIFT_UNITS[unit]
    return d + relativedelta(**{name: n * size})


# ------------------------------------------------------------------ numbers


def parse_number(text: str, w: Words | None = None) -> float:
    """`18` → 18, `2,5` → 2.5, `dua puluh lima` → 25, `satu setengah` → 1.5, `sebelas` → 11
    (the words and how they combine: [numbers] and [number_grammar] of time_words.toml)."""
    w = w or words()
    text = text.strip().lower()
    if text[0].isdigit():
        return float(text.replace(",", "."))
    nums = w.numbers
    total, current = 0.0, 0.0
    for tok in text.split():
        if tok in nums:
            value = nums[tok]
            if value >= 100 and current == 0:
                total += value
            else:
                current += value
        elif tok == w.teen:
            current += 10
        elif tok in w.multipliers:
            factor = w.multipliers[tok]
            if factor >= 1000:
                total, current = (total + current) * factor, 0
            else:
                current *= factor
        elif tok == w.half:
            current += 0.5
    return total + current


def _count(m: re.Match, w: Words | None = None) -> float | str:
    """The number of units a match counts: a number, `se-` (one), `setengah` (half) or X."""
    g = m.groupdict()
    if g.get("num"):
        return parse_number(g["num"], w)
    if g.get("se_unit"):
        return 1
    if g.get("half_unit"):
        return 0.5
    return "X"


def _unit(m: re.Match, w: Words | None = None) -> str:
    g = m.groupdict()
    w = w or words()
    if g.get("se_unit"):
        return w.se_units[g["se_unit"].lower()]
    for key in ("unit", "half_unit", "unit_rep"):
        if g.get(key):
            return w.units[re.sub(r"\s+", " ", g[key].lower())]
    return "X"  # beberapa saat / beberapa waktu


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}


def duration_value(n: float | str, unit: str, halves_to_smaller: bool = False) -> str:
    """`P4Y`, `PT4H`, `PXY`; a `setengah` half goes to the next smaller unit (`setengah hari` → PT12H)."""
    if unit == "WINDU" and n != "X":
        n, unit = n * 8, "Y"
    if unit == "SEMESTER" and n != "X":
        n, unit = n * 6, "M"
    if unit == "Q" and n != "X":
        n, unit = n * 3, "M"
    if halves_to_smaller and isinstance(n, float) and not n.is_integer() and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        n, unit = n * factor, smaller
    if isinstance(n, float):
        n = int(n) if n.is_integer() else round(n, 2)
    letter = {"MIN": "M", "SEMESTER": "M", "Q": "M", "WINDU": "Y"}.get(unit, unit)
    prefix = "PT" if unit in ("H", "MIN", "S") else "P"
    return f"{prefix}{n}{letter}"


# ------------------------------------------------------------------ tense cues


_CLAUSE_STOP = re.compile(r"[.;!?\n,]")
_WINDOW = 120  # characters: clauses are looked at within a bounded window (linear time)


def clause_before(text: str, start: int) -> str:
    """The words of the clause before `start`: where tense cues of an expression stand."""
    left = text[max(0, start - _WINDOW):start]
    cut = [m.end() for m in _CLAUSE_STOP.finditer(left)]
    return left[cut[-1]:] if cut else left


def tense_of(direction: str | None, clause: str, w: Words | None = None) -> int:
    """+1 future, -1 past, 0 none: the match's own deictic word first (its sign in [directions]),
    then the clause's words."""
    w = w or words()
    if direction:
        meaning = w.lookup("directions", direction)
        if meaning is not None and meaning[1] == "dct":
            return (meaning[0] > 0) - (meaning[0] < 0)
    tokens = set(re.findall(r"\w+", clause.lower()))
    future, past = bool(tokens & w.future_cues), bool(tokens & w.past_cues)
    if future and not past:
        return 1
    if past and not future:
        return -1
    return 0


# ------------------------------------------------------------------ normalisers


TWO_DIGIT_PIVOT = 50  # without a DCT, `23` is 2023 and `75` is 1975: never the day the tool runs


def _year_from(text: str, dct: date | None) -> int:
    """A year as written; two digits are the century that puts it at most a year after the DCT
    (`(10/12/14)` written in 2014 is 2014), or without a DCT 2000–2049 for 00–49, else 19xx."""
    y = int(text)
    if len(text) == 2:
        limit = dct.year % 100 + 1 if dct else TWO_DIGIT_PIVOT - 1
        y += 2000 if y <= limit else 1900
    return y


def resolve_weekday(weekday: int, dct: date, tense: int, explicit: bool = False) -> date:
    """A bare weekday: around the DCT (4 days before to 2 after), or in the direction a cue gives;
    the DCT's own weekday is the DCT unless its own word says `depan`/`lalu` (`Kamis depan` on a
    Thursday is a week later)."""
    if weekday == dct.isoweekday():
        if explicit and tense:
            return dct + timedelta(days=7 * tense)
        return dct
    if tense > 0:
        return dct + timedelta(days=(weekday - dct.isoweekday()) % 7)
    if tense < 0:
        return dct - timedelta(days=(dct.isoweekday() - weekday) % 7)
    ahead = (weekday - dct.isoweekday()) % 7
    return dct + timedelta(days=ahead) if ahead <= 2 else dct - timedelta(days=7 - ahead)


HALF_YEAR = timedelta(days=183)


# days from the DCT within which a day-month's weekday does not move it to another year
WEEKDAY_PICKS_YEAR_BEYOND = 91


def resolve_day_month(month: int, day: int, dct: date, tense: int, weekday: int | None = None,
                      explicit: bool = False) -> date | None:
    """A day and month without a year: the closest such date, or the last/next one with its own
    lalu/depan, or with a cue of its clause when that lies within half a year (`dijadwalkan pada
    10 Juni`, written on 20 June: this June's); with a weekday (`Kamis (31/10)`), the closest date
    that falls on it, when the date lies more than three months from the DCT: nearer, a weekday
    that disagrees is the writer's slip (`Sabtu (8/1)` on a Friday, read on 12 January), not a date
    a year away."""
    reach = timedelta(days=366) if explicit else HALF_YEAR
    options = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue
    if not options:
        return None
    closest = min(options, key=lambda d: (abs((d - dct).days), d))
    if (weekday is not None and abs((closest - dct).days) > WEEKDAY_PICKS_YEAR_BEYOND
            and any(d.isoweekday() == weekday for d in options)):
        options = [d for d in options if d.isoweekday() == weekday]
    if tense < 0:
        past = [d for d in options if d < dct and dct - d <= reach]
        if past:
            return past[-1]
    if tense > 0:
        future = [d for d in options if d > dct and d - dct <= reach]
        if future:
            return future[0]
    return min(options, key=lambda d: (abs((d - dct).days), d))


def resolve_month(month: int, dct: date, tense: int) -> date:
    """A month alone: its last occurrence not after the DCT, or the next one with a future cue."""
    if tense > 0:
        year = dct.year if month >= dct.month else dct.year + 1
    else:
        year = dct.year if month <= dct.month else dct.year - 1
    return date(year, month, 1)


def clock_of(g: dict, w: Words) -> tuple[int, int, int]:
    """(hour, minute, days ahead) of a clock time: `pukul 8 malam` → 20:00, `pukul 2 siang` → 14:00,
    `pukul 12 malam` → 00:00 of the next day ([clock_parts] and [midnight] of time_words.toml)."""
    hour, minute = int(g["hour"]), int(g.get("minute") or 0)
    pod = g.get("cpod") or g.get("pod")
    if pod:
        if hour == 12 and re.sub(r"\s+", " ", pod.lower()) in w.midnight:
            return 0, minute, 1
        first_last = w.lookup("clock_parts", pod)
        if first_last and first_last[0] <= hour <= first_last[1]:
            hour += 12
    if hour == 24:
        return 0, minute, 1
    return hour, minute, 0


def _rolls_over(g: dict, w: Words) -> bool:
    """Whether the clock time of the match is on the next day (`pukul 24.30`, `pukul 12 malam`)."""
    return bool(g.get("hour")) and clock_of(g, w)[2] > 0


def _time_suffix(g: dict, w: Words | None = None, pod_only_ok: bool = True) -> str:
    w = w or words()
    if g.get("hour"):
        hour, minute, _ = clock_of(g, w)
        return f"T{hour:02d}:{minute:02d}"
    if g.get("pod") and pod_only_ok:
        code = w.lookup("parts_of_day", g["pod"])
        return "T" + code if code else ""
    return ""


def _with_clock(day: date | None, g: dict, w: Words) -> tuple[str, bool]:
    """A day's value with the clock time or part of day of the match (`…T14:20`, `…TNI`); whether it has one."""
    if g.get("hour"):
        hour, minute, ahead = clock_of(g, w)
        if day is not None and ahead:
            day += timedelta(days=ahead)
        return f"{fmt(day, DAY)}T{hour:02d}:{minute:02d}", True
    suffix = _time_suffix(g, w)
    return fmt(day, DAY) + suffix, bool(suffix)


_YEAR_ONLY = frozenset(("year", "year2", "dir"))  # the groups of the year rules (`2020`, `2019-2020`)


@lru_cache(maxsize=256)
def _names_only_a_year(pattern: re.Pattern) -> bool:
    """Whether a rule's pattern can name nothing but a year (no month, day, weekday or clock group)."""
    return pattern.groupindex.keys() <= _YEAR_ONLY


def calendar(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    if g.get("year") and _names_only_a_year(m.re):  # a year alone: a dense line of them costs little
        return f"{_year_from(g['year'], ctx.dct):04d}", "DATE", None
    w = ctx.w
    dct = ctx.dct
    # a month range (`Juni-Juli 2014`) is valued by its start, like a year range
    month_word = g.get("month_from") or g.get("month")
    month = w.month_number(month_word) if month_word else (int(g["mnum"]) if g.get("mnum") else None)
    day = int(g["day"]) if g.get("day") else None
    year = _year_from(g["year"], dct) if g.get("year") else None

    def tense() -> int:  # read only where the value depends on it (not for a full date, nor a year)
        if g.get("ahead") is not None:
            return 1
        return tense_of(g.get("dir"), clause_before(ctx.text, m.start()), w)
    if month and dct and not day and not year and w.lookup("directions", g.get("dir")) == (0, "dct"):
        year = dct.year  # `Desember ini`

    if month and day:
        if year:
            try:
                d = date(year, month, day)
            except ValueError:
                return None
        elif dct:
            d = resolve_day_month(month, day, dct, tense(), w.lookup("weekday_forms", g.get("weekday")),
                                  bool(g.get("dir")) or g.get("ahead") is not None)
            if d is None:
                return None
        else:
            suffix = _time_suffix(g, w)
            if suffix and _rolls_over(g, w):  # `10/12 pukul 24.30` is 11 December, 00:30
                if (month, day) == (2, 28):
                    return "XXXX-XX-XX" + suffix, "TIME", None  # 29 February or 1 March: the year decides
                after = date(2000, month, day) + timedelta(days=1)  # a leap year: 29/2 is a day
                month, day = after.month, after.day
            return f"XXXX-{month:02d}-{day:02d}" + suffix, ("TIME" if suffix else "DATE"), None
        value, timed = _with_clock(d, g, w)  # with its clock time or part of day: `Kamis pukul 21.00`
        return value, ("TIME" if timed else "DATE"), None
    elif month:
        if year:
            value = f"{year:04d}-{month:02d}"
        elif dct:
            value = fmt(resolve_month(month, dct, tense()), MONTH)
        else:
            value = f"XXXX-{month:02d}"
    elif g.get("weekday") and g.get("wdir") and dct:  # `Senin pekan lalu`: that weekday of the week named
        wd = w.lookup("weekday_forms", g["weekday"])
        weeks = w.lookup("week_directions", g["wdir"], 0)
        d = dct + timedelta(days=wd - dct.isoweekday() + 7 * weeks)
        value, timed = _with_clock(d, g, w)
        return value, ("TIME" if timed else "DATE"), None
    elif g.get("weekday"):
        wd = w.lookup("weekday_forms", g["weekday"])
        if dct:
            value, timed = _with_clock(resolve_weekday(wd, dct, tense(), bool(g.get("dir"))), g, w)
            return value, ("TIME" if timed else "DATE"), None
        value = f"XXXX-WXX-{wd % 7 + 1 if _rolls_over(g, w) else wd}"  # `Rabu pukul 24.30`: Thursday
    elif year:
        value = f"{year:04d}"
    else:
        return None
    suffix = _time_suffix(g, w)
    return value + suffix, ("TIME" if suffix else "DATE"), None


def clock(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    if g.get("hour") and int(g["hour"]) > 24:
        return None
    # a clock time belongs to the day the sentence just named, else to the DCT
    day = ctx.ref_sentence_day or ctx.dct
    return _with_clock(day, g, ctx.w)[0], "TIME", None


def day_deictic(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    offset = ctx.w.lookup("day_offsets", g.get("rel") or g.get("rel2"))
    if offset is None:
        return None
    value, timed = _with_clock(ctx.dct + timedelta(days=offset) if ctx.dct else None, g, ctx.w)
    return value, ("TIME" if timed else "DATE"), None


def part_of_day(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    code = ctx.w.lookup("pod_alone", g.get("mid"))
    suffix = f"T{code}" if code else _time_suffix(g, ctx.w)
    if not suffix:
        return None
    day = (ctx.ref_anaphor_day if g.get("that") else ctx.ref_sentence_day) or ctx.dct
    return fmt(day, DAY) + suffix, "TIME", None


def anchored_day(m: re.Match, ctx: Context) -> Result | None:
    offset = ctx.w.lookup("anchored_days", m.group("rel"))
    if offset is None:
        return None
    base = ctx.anchor(DAY)
    return fmt(base + timedelta(days=offset) if base else None, DAY), "DATE", None


def _unit_of_word(word: str, w: Words) -> str | None:
    return w.lookup("units", word)


def deictic(m: re.Match, ctx: Context) -> Result | None:
    """`tahun lalu`, `pekan ini`, `bulan depan`, `tahun itu`, `akhir tahun` (the unit counted from the DCT or the last date)."""
    g = m.groupdict()
    w = ctx.w
    unit = _unit_of_word(g["unit"], w)
    if unit not in ("Y", "M", "W", "D", "Q", "SEMESTER", "DE", "CE"):
        return None
    gran = _UNIT_GRAN[unit]
    meaning = w.lookup("directions", g.get("dir")) if g.get("dir") else (0, "dct")
    if meaning is None:
        return None
    offset, base_name = meaning
    base = ctx.anchor(gran) if base_name == "ref" else ctx.dct
    if unit == "D" and offset == 0 and base_name == "ref" and not ctx.ref:
        return None  # `hari itu` with nothing to point back to
    value = fmt(shift(base, unit, offset) if base else None, gran)
    mod = w.lookup("mods", g.get("modw"), (None,))[0] if g.get("modw") else None
    return value, "DATE", mod


def weekend(m: re.Match, ctx: Context) -> Result | None:
    offset, _ = ctx.w.lookup("directions", m.group("dir"), (0, "dct")) if m.group("dir") else (0, "dct")
    base = shift(ctx.dct, "W", offset) if ctx.dct else None
    return fmt(base, WEEK) + "-WE", "DATE", None


def ago(m: re.Match, ctx: Context) -> Result | None:
    """`dua tahun lalu`, `tiga hari lagi`, `dua hari kemudian`: n units from the DCT or the last date."""
    w = ctx.w
    n = _count(m, w)
    unit = _unit(m, w)
    if n == "X" or not float(n).is_integer() and unit not in ("H", "MIN", "S"):
        return None
    meaning = w.lookup("offsets", m.group("ago"))
    if meaning is None:
        return None
    sign, base_name = meaning
    if unit in ("H", "MIN", "S"):
        # a TIME from the clock time the text just gave, else a DURATION (docs/timex-conventions.md)
        if base_name == "ref" and ctx.ref_clock is not None:
            seconds = {"H": 3600, "MIN": 60, "S": 1}[unit] * float(n)
            t = ctx.ref_clock + timedelta(seconds=sign * seconds)
            return f"{fmt(t.date(), DAY)}T{t.hour:02d}:{t.minute:02d}", "TIME", None
        return duration_value(n, unit, True), "DURATION", None
    gran = _UNIT_GRAN.get(unit, DAY)
    if base_name == "ref" and ctx.ref is not None and ctx.ref_gran == DAY and gran in (YEAR, MONTH, WEEK, DAY):
        gran = DAY  # `dua bulan kemudian` after `3 Maret 2010` is 2010-05-03
    base = ctx.anchor(gran) if base_name == "ref" else ctx.dct
    value = fmt(shift(base, unit, sign * int(n)) if base else None, gran)
    return value, "DATE", None


def vague_ago(m: re.Match, ctx: Context) -> Result | None:
    value = ctx.w.lookup("vague_offsets", m.group("ago"))
    return (value, "DATE", None) if value else None


def vague_ref(m: re.Match, ctx: Context) -> Result | None:
    value = ctx.w.lookup("vague_refs", m.group("vague_ref"))
    return (value, "DATE", None) if value else None


def duration(m: re.Match, ctx: Context) -> Result | None:
    w = ctx.w
    n, unit = _count(m, w), _unit(m, w)
    if unit == "X":
        return "PXX", "DURATION", None
    if n != "X" and n <= 0:
        return None
    half = bool(m.groupdict().get("half_unit")) or (w.half and w.half in m.group(0).lower())
    return duration_value(n, unit, bool(half)), "DURATION", None


def set_(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    w = ctx.w
    if g.get("weekday"):
        wd = w.lookup("weekdays", g["weekday"])
        return f"XXXX-WXX-{wd % 7 + 1 if _rolls_over(g, w) else wd}" + _time_suffix(g, w), "SET", None
    if g.get("month"):
        return f"XXXX-{w.month_number(g['month']):02d}", "SET", None
    if g.get("unit"):
        n = parse_number(g["num"], w) if g.get("num") else 1
        return duration_value(n, _unit(m, w)), "SET", None
    return "XXXX-XX-XX" + _time_suffix(g, w), "SET", None


def _named_or_deictic_year(g: dict, ctx: Context) -> str:
    """The year a quarter or season names (`kuartal III 2014`), or counts from the DCT (`tahun depan`)."""
    if g.get("year"):
        return f"{_year_from(g['year'], ctx.dct):04d}"
    if ctx.dct:
        offset, _ = ctx.w.lookup("directions", g.get("dir"), (0, "dct")) if g.get("dir") else (0, "dct")
        return f"{max(0, ctx.dct.year + offset):04d}"
    return "XXXX"


def _unit_before(text: str, start: int, w: Words) -> str | None:
    """`kuartal pertama dan kedua …`: the unit of a quarter named before its pair (a word of [period_units])."""
    words_before = re.findall(r"\w+", text[max(0, start - 40):start].lower())
    # `<unit> <ordinal> dan`: the unit stands just before the first ordinal
    if len(words_before) >= 3 and words_before[-3] in w.period_units and words_before[-2] in w.ordinals:
        return words_before[-3]
    return None


def quarter(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    n = ctx.w.lookup("ordinals", g["ordinal"])
    qunit = g.get("qunit") or _unit_before(ctx.text, m.start(), ctx.w)
    letter = ctx.w.lookup("period_units", qunit)
    if not n or not letter or letter == "H" and n > 2 or letter == "Q" and n > 4:
        return None
    return f"{_named_or_deictic_year(g, ctx)}-{letter}{n}", "DATE", None


def decade(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    return (g["decade"] if g.get("decade") else "19" + g["decade2"]), "DATE", None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def century(m: re.Match, ctx: Context) -> Result | None:
    c = m.group("century")
    n = int(c) if c.isdigit() else _roman(c.upper())
    if not 1 <= n <= 30:
        return None
    return f"{n - 1:02d}", "DATE", None


def season(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    code = ctx.w.lookup("seasons", g["season"])
    if not code:
        return None
    return f"{_named_or_deictic_year(g, ctx)}-{code}", "DATE", None


def day_of_month(m: re.Match, ctx: Context) -> Result | None:
    """`tanggal 9 lalu`, `tanggal 15 nanti`, `tepatnya tanggal 12`: a day of the month the text or the DCT gives."""
    g = m.groupdict()
    day = int(g["day"])
    tense = tense_of(g.get("dir"), "", ctx.w) if g.get("dir") else 0
    dct = ctx.dct
    if tense == 0 and ctx.ref is not None and ctx.ref_gran in (MONTH, DAY):
        base = ctx.ref
    elif dct is not None:
        base = dct
    else:
        return f"XXXX-XX-{day:02d}", "DATE", None
    candidates = []
    for k in (-1, 0, 1):
        first = date(base.year, base.month, 1) + relativedelta(months=k)
        try:
            candidates.append(date(first.year, first.month, day))
        except ValueError:
            continue
    if tense < 0 and dct:
        past = [d for d in candidates if d < dct]
        chosen = past[-1] if past else None
    elif tense > 0 and dct:
        future = [d for d in candidates if d > dct]
        chosen = future[0] if future else None
    else:
        chosen = next((d for d in candidates if d.month == base.month), None)
    return (chosen.isoformat(), "DATE", None) if chosen else None


_HOLIDAY_CACHE: dict[tuple[int, str], date | None] = {}


def official_day(year: int, name: str) -> date | None:
    """The first day in `year` of Indonesia's official holiday called `name`, from the `holidays`
    package (its Indonesian names); None when the package or the year does not know it."""
    key = (year, name)
    if key not in _HOLIDAY_CACHE:
        try:
            import holidays as _holidays

            days = _holidays.country_holidays("ID", years=year, language="id")
            found = sorted(d for d, n in days.items() if any(name.lower() == part.strip().lower()
                                                              for part in n.split(";")))
        except Exception:  # the package missing, or a year outside its calendar
            found = []
        _HOLIDAY_CACHE[key] = found[0] if found else None
    return _HOLIDAY_CACHE[key]


def holiday(m: re.Match, ctx: Context) -> Result | None:
    """`HUT RI ke-80`, `Hari Bhayangkara`, `Idul Fitri 2024`, `Lebaran tahun ini`, `menjelang Imlek`."""
    g = m.groupdict()
    w = ctx.w
    name = g.get("holiday") or f"{g['anniversary']} {g['of']}"  # `HUT ke-80 RI` is `HUT RI` the 80th
    entry = w.holidays.get(re.sub(r"\s+", " ", name.lower()))
    if entry is None:
        return None
    if entry.get("title") and not name[:1].isupper():
        return None
    if g.get("nth_first"):
        g = {**g, "nth": g["nth_first"]}
    dct = ctx.dct
    year = None
    if g.get("nth") and entry.get("founded"):
        year = int(entry["founded"]) + int(g["nth"])
    elif g.get("year"):
        year = int(g["year"])
    elif g.get("dir") and dct:
        meaning = w.lookup("directions", g["dir"])
        year = dct.year + meaning[0] if meaning else None

    def day_in(y: int) -> date | None:
        if "official" in entry:
            return official_day(y, entry["official"])
        try:
            return date(y, int(entry["month"]), int(entry["day"]))
        except (KeyError, ValueError):
            return None

    if year is not None:
        d = day_in(year)
        return (d.isoformat(), "DATE", None) if d else None
    if dct is None:
        if "official" in entry:
            return "XXXX-XX-XX", "DATE", None
        return f"XXXX-{int(entry['month']):02d}-{int(entry['day']):02d}", "DATE", None
    tense = tense_of(None, clause_before(ctx.text, m.start()), w)
    options = [d for d in (day_in(y) for y in (dct.year - 1, dct.year, dct.year + 1)) if d]
    if not options:
        return None
    if tense < 0 and any(d <= dct for d in options):
        d = max(d for d in options if d <= dct)
    elif tense > 0 and any(d >= dct for d in options):
        d = min(d for d in options if d >= dct)
    else:
        d = min(options, key=lambda d: (abs((d - dct).days), d))
    return d.isoformat(), "DATE", None


def pod_phrase(m: re.Match, ctx: Context) -> Result | None:
    """`usai salat magrib`, `menjelang subuh`, `menjelang malam`: a part of day on the narrative day."""
    g = m.groupdict()
    w = ctx.w
    code = None
    if g.get("lead") and g.get("pod"):
        code = w.lookup("pod_phrases", f"{g['lead']} {g['pod']}")
    code = code or w.lookup("prayer_times", g.get("prayer")) or w.lookup("parts_of_day", g.get("pod"))
    if not code:
        return None
    return fmt(ctx.ref_sentence_day or ctx.dct, DAY) + "T" + code, "TIME", None


def count_range(m: re.Match, ctx: Context) -> Result | None:
    """`2-3 hari` → PXD, `tiga hingga empat jam` → PTXH: one vague duration, mod APPROX."""
    unit = _unit(m, ctx.w)
    if unit == "X":
        return None
    return duration_value("X", unit), "DURATION", "APPROX"


def vague_short(m: re.Match, ctx: Context) -> Result | None:
    if m.groupdict().get("soon"):
        return "FUTURE_REF", "DATE", None
    value = ctx.w.lookup("vague_short", m.group("short"))
    return (value, "DURATION", None) if value else None


def nothing(m: re.Match, ctx: Context) -> Result | None:
    """For rules that take words which only look temporal (`7 derajat 12 menit`, `tunggu dulu`)."""
    return None


NORMALISERS: dict[str, Callable[[re.Match, Context], Result | None]] = {
    "calendar": calendar,
    "clock": clock,
    "day_deictic": day_deictic,
    "part_of_day": part_of_day,
    "anchored_day": anchored_day,
    "deictic": deictic,
    "weekend": weekend,
    "ago": ago,
    "vague_ago": vague_ago,
    "vague_ref": vague_ref,
    "duration": duration,
    "set": set_,
    "quarter": quarter,
    "decade": decade,
    "century": century,
    "season": season,
    "day_of_month": day_of_month,
    "holiday": holiday,
    "pod_phrase": pod_phrase,
    "count_range": count_range,
    "vague_short": vague_short,
    "nothing": nothing,
}

# The TIMEX3 value grammar this module produces (checked by the property tests).
VALUE_RE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:T?(?:X|\d+(?:\.\d+)?)(?:Y|M|W|D|H|S|DE|CE))+|PT?X[XYMWDHS]|PTX[HMS]"
    r"|(?:\d{2}|XX|\d{3}|XXX|\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-[QH][1-4X]|-(?:WI|SU|SP|FA))?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)$"
)
