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
from datetime import date, timedelta
from typing import Callable

from dateutil.relativedelta import relativedelta

from .grammar import words

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
    ref_sentence_day: date | None = field(default=None)

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


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units (a TIMEX3 unit letter from time_words.toml)."""
    step = {
        "Y": relativedelta(years=n), "M": relativedelta(months=n), "W": relativedelta(weeks=n),
        "D": relativedelta(days=n), "Q": relativedelta(months=3 * n), "SEMESTER": relativedelta(months=6 * n),
        "DE": relativedelta(years=10 * n), "CE": relativedelta(years=100 * n), "WINDU": relativedelta(years=8 * n),
    }.get(unit, relativedelta())
    return d + step


# ------------------------------------------------------------------ numbers


def parse_number(text: str) -> float:
    """`18` → 18, `2,5` → 2.5, `dua puluh lima` → 25, `satu setengah` → 1.5, `sebelas` → 11."""
    text = text.strip().lower()
    if text[0].isdigit():
        return float(text.replace(",", "."))
    nums = words().numbers
    total, current = 0.0, 0.0
    for tok in text.split():
        if tok in nums:
            value = nums[tok]
            if value >= 100 and current == 0:
                total += value
            else:
                current += value
        elif tok == "belas":
            current += 10
        elif tok == "puluh":
            current *= 10
        elif tok == "ratus":
            current *= 100
        elif tok == "ribu":
            total = (total + current) * 1000
            current = 0
        elif tok == "setengah":
            current += 0.5
    return total + current


def _count(m: re.Match) -> float | str:
    """The number of units a match counts: a number, `se-` (one), `setengah` (half) or X."""
    g = m.groupdict()
    if g.get("num"):
        return parse_number(g["num"])
    if g.get("se_unit"):
        return 1
    if g.get("half_unit"):
        return 0.5
    return "X"


def _unit(m: re.Match) -> str:
    g = m.groupdict()
    w = words()
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


def tense_of(direction: str | None, clause: str) -> int:
    """+1 future, -1 past, 0 none: the match's own deictic word first, then the clause's words."""
    w = words()
    if direction:
        d = direction.lower()
        if d in ("lalu", "kemarin", "yang lalu", "silam"):
            return -1
        if d in ("depan", "mendatang", "yang akan datang", "nanti"):
            return 1
        if d == "ini":
            return 0
    tokens = set(re.findall(r"\w+", clause.lower()))
    future, past = bool(tokens & w.future_cues), bool(tokens & w.past_cues)
    if future and not past:
        return 1
    if past and not future:
        return -1
    return 0


# ------------------------------------------------------------------ normalisers


def _year_from(text: str, dct: date | None) -> int:
    y = int(text)
    if len(text) == 2:
        limit = (dct.year if dct else date.today().year) % 100 + 1
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


def resolve_day_month(month: int, day: int, dct: date, tense: int, weekday: int | None = None,
                      explicit: bool = False) -> date | None:
    """A day and month without a year: the closest such date, or the last/next one with its own
    lalu/depan, or with a cue of its clause when that lies within half a year (`dijadwalkan pada
    10 Juni`, written on 20 June: this June's); with a weekday (`Kamis (31/10)`), the closest date
    that falls on it."""
    reach = timedelta(days=366) if explicit else HALF_YEAR
    options = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue
    if weekday is not None and any(d.isoweekday() == weekday for d in options):
        options = [d for d in options if d.isoweekday() == weekday]
    if not options:
        return None
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


def _time_suffix(g: dict, pod_only_ok: bool = True) -> str:
    w = words()
    if g.get("hour"):
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        pod = (g.get("pod") or "").lower()
        if pod in ("sore", "petang", "malam") and hour < 12:
            hour += 12
        return f"T{hour:02d}:{minute:02d}"
    if g.get("pod") and pod_only_ok:
        return "T" + w.parts_of_day[re.sub(r"\s+", " ", g["pod"].lower())]
    return ""


def calendar(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    w = words()
    dct = ctx.dct
    # a month range (`Juni-Juli 2014`) is valued by its start, like a year range
    month_word = g.get("month_from") or g.get("month")
    month = w.month_number(month_word) if month_word else (int(g["mnum"]) if g.get("mnum") else None)
    day = int(g["day"]) if g.get("day") else None
    year = _year_from(g["year"], dct) if g.get("year") else None
    if g.get("ahead") is not None:
        tense = 1
    else:
        tense = tense_of(g.get("dir"), clause_before(ctx.text, m.start()))
    if g.get("dir") and g["dir"].lower() == "ini" and month and dct and not day and not year:
        year = dct.year

    if month and day:
        if year:
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            value = d.isoformat()
        elif dct:
            d = resolve_day_month(month, day, dct, tense, w.weekdays[g["weekday"].lower()] if g.get("weekday") else None,
                                  bool(g.get("dir")) or g.get("ahead") is not None)
            if d is None:
                return None
            value = d.isoformat()
        else:
            value = f"XXXX-{month:02d}-{day:02d}"
    elif month:
        if year:
            value = f"{year:04d}-{month:02d}"
        elif dct:
            value = fmt(resolve_month(month, dct, tense), MONTH)
        else:
            value = f"XXXX-{month:02d}"
    elif g.get("weekday") and g.get("wdir") and dct:  # `Senin pekan lalu`: that weekday of the week named
        wd = w.weekdays[g["weekday"].lower()]
        shift = {"lalu": -1, "depan": 1, "mendatang": 1}.get(g["wdir"].lower(), 0)
        value = (dct + timedelta(days=wd - dct.isoweekday() + 7 * shift)).isoformat()
    elif g.get("weekday"):
        wd = w.weekdays[g["weekday"].lower()]
        value = resolve_weekday(wd, dct, tense, bool(g.get("dir"))).isoformat() if dct else f"XXXX-WXX-{wd}"
    elif year:
        value = f"{year:04d}"
    else:
        return None
    suffix = _time_suffix(g)
    return value + suffix, ("TIME" if suffix else "DATE"), None


def clock(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    if g.get("hour") and int(g["hour"]) > 24:
        return None
    # a clock time belongs to the day the sentence just named, else to the DCT
    day = ctx.ref_sentence_day or ctx.dct
    return fmt(day, DAY) + _time_suffix(g), "TIME", None


_DAY_OFFSETS = {"hari ini": 0, "tadi": 0, "ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1,
                "esok": 1, "esok hari": 1, "lusa": 2}


def day_deictic(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    rel = re.sub(r"\s+", " ", (g.get("rel") or g.get("rel2") or "").lower())
    offset = _DAY_OFFSETS[rel]
    value = fmt(ctx.dct + timedelta(days=offset) if ctx.dct else None, DAY)
    suffix = _time_suffix(g)
    return value + suffix, ("TIME" if suffix else "DATE"), None


def part_of_day(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    code = {"tengah malam": "NI", "tengah hari": "AF"}.get(re.sub(r"\s+", " ", (g.get("mid") or "").lower()))
    suffix = f"T{code}" if code else _time_suffix(g)
    day = ctx.ref_sentence_day or ctx.dct
    return fmt(day, DAY) + suffix, "TIME", None


_ANCHORED_DAY = {"keesokan harinya": 1, "keesokan hari": 1, "hari berikutnya": 1, "sehari kemudian": 1,
                 "sehari setelahnya": 1, "sehari sebelumnya": -1}


def anchored_day(m: re.Match, ctx: Context) -> Result | None:
    offset = _ANCHORED_DAY[re.sub(r"\s+", " ", m.group("rel").lower())]
    base = ctx.anchor(DAY)
    return fmt(base + timedelta(days=offset) if base else None, DAY), "DATE", None


_DIR_OFFSET = {"ini": (0, "dct"), "itu": (0, "ref"), "lalu": (-1, "dct"), "kemarin": (-1, "dct"),
               "silam": (-1, "dct"), "yang lalu": (-1, "dct"), "depan": (1, "dct"), "mendatang": (1, "dct"),
               "yang akan datang": (1, "dct"), "berikutnya": (1, "ref"), "selanjutnya": (1, "ref"),
               "kemudian": (1, "ref"), "setelahnya": (1, "ref"), "sesudahnya": (1, "ref"),
               "sebelumnya": (-1, "ref"), None: (0, "dct")}


def _unit_of_word(word: str) -> str:
    return words().units[re.sub(r"\s+", " ", word.lower())]


def deictic(m: re.Match, ctx: Context) -> Result | None:
    """`tahun lalu`, `pekan ini`, `bulan depan`, `tahun itu`, `akhir tahun` (the unit counted from the DCT or the last date)."""
    g = m.groupdict()
    unit = _unit_of_word(g["unit"])
    if unit not in ("Y", "M", "W", "D", "Q", "SEMESTER", "DE", "CE"):
        return None
    gran = _UNIT_GRAN[unit]
    direction = re.sub(r"\s+", " ", g["dir"].lower()) if g.get("dir") else None
    offset, base_name = _DIR_OFFSET[direction]
    base = ctx.anchor(gran) if base_name == "ref" else ctx.dct
    if unit == "D" and offset == 0 and base_name == "ref" and not ctx.ref:
        return None  # `hari itu` with nothing to point back to
    value = fmt(shift(base, unit, offset) if base else None, gran)
    mod = words().mods[g["modw"].lower()][0] if g.get("modw") else None
    return value, "DATE", mod


def weekend(m: re.Match, ctx: Context) -> Result | None:
    direction = m.group("dir").lower() if m.group("dir") else None
    offset, _ = _DIR_OFFSET[direction]
    base = shift(ctx.dct, "W", offset) if ctx.dct else None
    return fmt(base, WEEK) + "-WE", "DATE", None


_AGO_SIGN = {"lalu": (-1, "dct"), "yang lalu": (-1, "dct"), "silam": (-1, "dct"), "lagi": (1, "dct"),
             "mendatang": (1, "dct"), "kemudian": (1, "ref"), "setelahnya": (1, "ref"), "sesudahnya": (1, "ref"),
             "berikutnya": (1, "ref"), "sebelumnya": (-1, "ref")}


def ago(m: re.Match, ctx: Context) -> Result | None:
    """`dua tahun lalu`, `tiga hari lagi`, `dua hari kemudian`: n units from the DCT or the last date."""
    n = _count(m)
    unit = _unit(m)
    if n == "X" or not float(n).is_integer():
        return None
    sign, base_name = _AGO_SIGN[re.sub(r"\s+", " ", m.group("ago").lower())]
    gran = _UNIT_GRAN.get(unit, DAY)
    base = ctx.anchor(gran) if base_name == "ref" else ctx.dct
    if unit in ("H", "MIN", "S"):
        return None
    value = fmt(shift(base, unit, sign * int(n)) if base else None, gran)
    return value, "DATE", None


def vague_ago(m: re.Match, ctx: Context) -> Result | None:
    word = m.group("ago").lower()
    return ("PAST_REF" if word in ("lalu", "yang lalu", "silam") else "FUTURE_REF"), "DATE", None


def vague_ref(m: re.Match, ctx: Context) -> Result | None:
    return words().vague_refs[re.sub(r"\s+", " ", m.group("vague_ref").lower())], "DATE", None


def duration(m: re.Match, ctx: Context) -> Result | None:
    n, unit = _count(m), _unit(m)
    if unit == "X":
        return "PXX", "DURATION", None
    if n != "X" and n <= 0:
        return None
    return duration_value(n, unit, "setengah" in m.group(0).lower()), "DURATION", None


def set_(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    w = words()
    if g.get("weekday"):
        return f"XXXX-WXX-{w.weekdays[g['weekday'].lower()]}" + _time_suffix(g), "SET", None
    if g.get("month"):
        return f"XXXX-{w.month_number(g['month']):02d}", "SET", None
    if g.get("unit"):
        n = parse_number(g["num"]) if g.get("num") else 1
        return duration_value(n, _unit(m)), "SET", None
    return "XXXX-XX-XX" + _time_suffix(g), "SET", None


def _named_or_deictic_year(g: dict, ctx: Context) -> str:
    """The year a quarter or season names (`kuartal III 2014`), or counts from the DCT (`tahun depan`)."""
    if g.get("year"):
        return str(_year_from(g["year"], ctx.dct))
    if ctx.dct:
        offset, _ = _DIR_OFFSET[g["dir"].lower() if g.get("dir") else None]
        return str(ctx.dct.year + offset)
    return "XXXX"


_ORDINALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "pertama": 1,
             "kedua": 2, "ketiga": 3, "keempat": 4}


def quarter(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    n = _ORDINALS[g["ordinal"].lower()]
    letter = "H" if g["qunit"].lower() in ("semester", "paruh") else "Q"
    if letter == "H" and n > 2 or g["qunit"].lower() == "caturwulan":
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


_SEASONS = {"musim dingin": "WI", "musim panas": "SU", "musim semi": "SP", "musim gugur": "FA"}


def season(m: re.Match, ctx: Context) -> Result | None:
    g = m.groupdict()
    code = _SEASONS[re.sub(r"\s+", " ", g["season"].lower())]
    return f"{_named_or_deictic_year(g, ctx)}-{code}", "DATE", None


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
}

# The TIMEX3 value grammar this module produces (checked by the property tests).
VALUE_RE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:T?(?:X|\d+(?:\.\d+)?)(?:Y|M|W|D|H|S|DE|CE))+|PT?X[XYMWDHS]|PTX[HMS]"
    r"|(?:\d{2}|XX|\d{3}|XXX|\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-[QH][1-4X]|-(?:WI|SU|SP|FA))?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)$"
)
