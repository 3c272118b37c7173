"""The TIMEX3 grammar: word lists and rules loaded from data files, compiled once.

`time_words.toml` holds the word lists, `timex_rules.toml` the rules with their examples. A rule's
pattern refers to word lists and shared sub-patterns as `{macro}`; this module expands them into
one compiled regular expression per rule. Nothing here knows what a value means: that is
`timeline.timex.normalize`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_MACRO = re.compile(r"\{(\w+)\}")


LANGUAGE = "id"  # the data package timeline/lang/<LANGUAGE>/ holds time_words.toml and timex_rules.toml


def _load_toml(name: str, language: str = LANGUAGE) -> dict[str, Any]:
    with resources.files(f"timeline.lang.{language}").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=4096)
def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


@dataclass(frozen=True)
class Words:
    """The word lists of time_words.toml, normalised for lookup (lower-case keys, single spaces)."""

    months: dict[str, int]
    month_abbrevs: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    se_units: dict[str, str]
    parts_of_day: dict[str, str]
    time_zones: dict[str, str]
    vague_refs: dict[str, str]
    mods: dict[str, tuple[str, frozenset[str]]]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    directions: dict[str, tuple[int, str]]  # `lalu` → (-1, "dct")
    offsets: dict[str, tuple[int, str]]  # `kemudian` → (1, "ref")
    vague_offsets: dict[str, str]
    day_offsets: dict[str, int]
    anchored_days: dict[str, int]
    week_directions: dict[str, int]
    ordinals: dict[str, int]
    period_units: dict[str, str]
    seasons: dict[str, str]
    pod_alone: dict[str, str]
    clock_parts: dict[str, tuple[int, int]]
    midnight: frozenset[str]
    range_joiners: tuple[str, ...]
    teen: str
    multipliers: dict[str, int]
    half: str
    dct_bounds: tuple[str, ...]
    not_triggers: frozenset[str]
    holidays: dict[str, dict] = field(default_factory=dict)  # name → its entry of [holidays]
    weekday_forms: dict[str, int] = field(default_factory=dict)  # weekdays with their lower-case and short forms
    prayer_times: dict[str, str] = field(default_factory=dict)
    pod_phrases: dict[str, str] = field(default_factory=dict)
    attribution: tuple[str, ...] = ()
    vague_short: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def month_number(self, word: str) -> int:
        key = word.lower().rstrip(".")
        return self.months.get(key) or self.month_abbrevs[key]

    def lookup(self, table: str, word: str | None, default: Any = None) -> Any:
        """The meaning of `word` in one of the tables, `default` when the table does not list it."""
        if word is None:
            return default
        return getattr(self, table).get(_key(word), default)


def words_from(raw: dict[str, Any]) -> Words:
    """Words from the parsed time_words.toml (a test may pass an amended copy)."""

    def table(name: str) -> dict:
        section = raw.get(name, {})
        return {_key(k): v for k, v in section.get("words", {}).items()}

    def pairs(name: str) -> dict:
        return {k: (int(v[0]), str(v[1])) for k, v in table(name).items()}

    def listed(name: str) -> list[str]:
        return [_key(w) for w in raw.get(name, {}).get("words", [])]

    numbers = raw.get("number_grammar", {})
    mods = {_key(k): (v[0], frozenset(v[1].split())) for k, v in raw["mods"]["words"].items()}
    return Words(
        months=table("months"),
        month_abbrevs=table("month_abbrevs"),
        weekdays=table("weekdays"),
        weekday_forms={**table("weekday_abbrevs"), **table("weekdays_lower"), **table("weekdays")},
        numbers=table("numbers"),
        units=table("units"),
        se_units=table("se_units"),
        parts_of_day=table("parts_of_day"),
        time_zones=table("time_zones"),
        vague_refs=table("vague_refs"),
        mods=mods,
        future_cues=frozenset(raw["tense_cues"]["future"]),
        past_cues=frozenset(raw["tense_cues"]["past"]),
        directions=pairs("directions"),
        offsets=pairs("offsets"),
        vague_offsets=table("vague_offsets"),
        day_offsets=table("day_offsets"),
        anchored_days=table("anchored_days"),
        week_directions=table("week_directions"),
        ordinals=table("ordinals"),
        period_units=table("period_units"),
        seasons=table("seasons"),
        pod_alone=table("pod_alone"),
        clock_parts={k: (int(v[0]), int(v[1])) for k, v in table("clock_parts").items()},
        midnight=frozenset(listed("midnight")),
        range_joiners=tuple(listed("range_joiners")),
        teen=numbers.get("teen", ""),
        multipliers={_key(k): int(v) for k, v in numbers.get("multipliers", {}).items()},
        half=numbers.get("half", ""),
        dct_bounds=tuple(listed("dct_bounds")),
        not_triggers=frozenset(listed("not_triggers")),
        holidays={_key(k): v for k, v in raw.get("holidays", {}).items()},
        prayer_times=table("prayer_times"),
        pod_phrases=table("pod_phrases"),
        attribution=tuple(listed("attribution")),
        vague_short=table("vague_short"),
        raw=raw,
    )


@cache
def words() -> Words:
    return default().words


def trie_pattern(words, fold: bool, space: str = r"\s+") -> str:
    """A regex matching exactly `words`, as a trie: alternatives that share a beginning share its
    test, and a longer word is tried before a word it starts with (as longest-first alternation
    does, so the two match alike, and the trie much faster for many words). A space matches
    `space` (any run of white space unless told); with `fold`, letters are compared case-folded."""
    root: dict = {}
    for word in words:
        node = root
        for ch in (word.lower() if fold else word):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            head = space if ch == " " else re.escape(ch)
            branches.append(head + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(root)


def _alternation(keys, case: str | None = None, trie: bool = True) -> str:
    """A regex alternation of words (a trie; the longer of two words that start alike is tried
    first); `case` limits the letter case accepted. With `trie` false, the plain alternation,
    longest first, whose words `triggers_of` can read."""
    keys = sorted(set(keys))
    if case == "title":
        keys = sorted({f for k in keys for f in (k, k.upper())})
    elif case == "upper":
        keys = sorted({k.upper() for k in keys})
    elif case == "upper_or_lower":  # `WIB` or `wib`, not `Wib`
        keys = sorted({f for k in keys for f in (k.upper(), k.lower())})
    if trie:
        body = trie_pattern(keys, case is None)
    else:
        body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=lambda k: (-len(k), k)))
    return f"(?-i:{body})" if case in ("title", "upper", "upper_or_lower") else f"(?:{body})"


def _number_pattern(w: Words, trie: bool = True) -> str:
    """Digits (`18`, `2,5`) or number words, compounds included (`dua puluh lima`), as [number_grammar] builds them."""
    numbers = w.numbers
    digits = [k for k, v in numbers.items() if 1 <= v <= 9]
    base = _alternation(digits, trie=trie)
    tens = [k for k, v in numbers.items() if 10 <= v <= 19]
    teen_or_ten = rf"(?:{base}\s+{re.escape(w.teen)}|{_alternation(tens, trie=trie)})" if w.teen else _alternation(tens, trie=trie)
    compound = rf"{base}\s+{_alternation(w.multipliers, trie=trie)}(?:\s+(?:{teen_or_ten}|{base}))?"
    single = _alternation(numbers.keys(), trie=trie)
    half = rf"(?:\s+{re.escape(w.half)})?" if w.half else ""
    words_ = rf"(?:{compound}|{teen_or_ten}|{single}){half}"
    return rf"(?P<num>\d{{1,4}}(?:,\d+)?|{words_})"


def _word_macros(raw: dict[str, Any], w: Words, trie: bool = True) -> dict[str, str]:
    def listed(name: str, group: str, extra: tuple[str, ...] = ()) -> str:
        keys = list(raw.get(name, {}).get("words", ())) + list(extra)
        return f"(?P<{group}>{_alternation(keys, raw[name].get('case'), trie=trie)})"

    months_any = list(raw["months"]["words"]) + list(raw["month_abbrevs"]["words"])
    return {
        "weekday": listed("weekdays", "weekday"),
        "month": listed("months", "month"),
        "month_any": f"(?P<month>{_alternation(months_any, 'title', trie=trie)})",
        "month_from": f"(?P<month_from>{_alternation(raw['months']['words'], 'title', trie=trie)})",  # `Juni-Juli 2014`
        "num": _number_pattern(w, trie),
        "unit": listed("units", "unit"),
        "se_unit": listed("se_units", "se_unit"),
        "pod": listed("parts_of_day", "pod"),
        "tz": listed("time_zones", "tz"),
        "vague": listed("vague_amounts", "vague"),
        "plural": listed("vague_plurals", "plural"),
        "vague_ref": listed("vague_refs", "vague_ref"),
        # the meaning tables name their own words: a word added there is matched and valued
        "dir": listed("directions", "dir"),
        "ago": listed("offsets", "ago"),
        "vague_ago": listed("vague_offsets", "ago"),
        "day_word": listed("day_offsets", "rel"),
        "anchored_day": listed("anchored_days", "rel"),
        "week_dir": listed("week_directions", "wdir"),
        "ordinal": listed("ordinals", "ordinal"),
        "qunit": listed("period_units", "qunit"),
        "season": listed("seasons", "season"),
        "pod_alone": listed("pod_alone", "mid"),
        "cpod": listed("parts_of_day", "cpod"),  # the part of day after a clock time of a day (`Kamis pukul 8 malam`)
        "ctz": listed("time_zones", "ctz"),
        "prayer": listed("prayer_times", "prayer"),
        "pod_lead": listed("pod_leads", "lead"),
        "holiday": f"(?P<holiday>{_alternation(raw['holidays'].keys(), trie=trie) if raw.get('holidays') else '(?!)'})",
        "vague_short": listed("vague_short", "short"),
        "counted": listed("counted_vague", "counted"),
        "num_plain": _number_pattern(w, trie).replace("(?P<num>", "(?:", 1),
        # user-written text: month names in any case (only beside a day), weekdays in lower case, short weekdays
        # (a short month only before a year: `3 okt 2015`)
        "month_ci": (f"(?P<month>{_alternation(raw['months']['words'], trie=trie)}|{_alternation(raw['month_abbrevs']['words'], trie=trie)}"
                     r"(?=\.?\s*,?\s*(?:tahun\s+|thn\.?\s+)?(?:1[5-9]|20)\d\d))"),
        "weekday_lower": "(?P<weekday>(?-i:" + ("|".join(re.escape(k) for k in sorted(raw.get("weekdays_lower", {}).get("words", {}), key=len, reverse=True)) or "(?!)") + "))",
        "weekday_abbrev": listed("weekday_abbrevs", "weekday"),
    }


@dataclass(frozen=True)
class Example:
    text: str
    span: str
    value: str
    dct: str | None = None
    type: str | None = None
    mod: str | None = None
    skip: str | None = None


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    value: str  # name of the normaliser
    regex: re.Pattern
    order: int
    digits: bool = False  # a match can be all digits, so digits set the rule off
    digit_shape: str | None = None  # only digit tokens of this shape do (`(?:1[5-9]|20)\d\d` for a year)
    needs: str = ""  # characters of which every match holds one: not run where none is
    examples: tuple[Example, ...] = ()
    non_examples: tuple[str, ...] = ()
    trigger_words: frozenset[str] | None = None  # the words that set it off, when the rule names them


def expand(pattern: str, macros: dict[str, str], _depth: int = 0) -> str:
    if _depth > 5:
        raise ValueError(f"macro nesting too deep in {pattern!r}")

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in macros:
            return m.group(0)  # a regex repetition such as \d{1,2}
        return expand(macros[name], macros, _depth + 1)

    return _MACRO.sub(sub, pattern)


def compile_rules(data: dict[str, Any], w: Words) -> list[Rule]:
    macros = dict(data.get("macros", {}))
    macros.update(_word_macros(w.raw, w))
    plain = dict(data.get("macros", {}))  # the same with word lists spelt out: what sets a rule off
    plain.update(_word_macros(w.raw, w, trie=False))
    rules = []
    for order, r in enumerate(data["rule"]):
        body = expand(r["pattern"], macros)
        try:
            regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"rule {r['name']}: bad pattern: {exc}") from exc
        rules.append(
            Rule(
                name=r["name"],
                type=r["type"],
                value=r["value"],
                regex=regex,
                order=order,
                digits=r.get("digits", False),
                digit_shape=r.get("digit_shape"),
                needs=r.get("needs", ""),
                examples=tuple(Example(**e) for e in r.get("examples", ())),
                non_examples=tuple(r.get("not", ())),
                trigger_words=(_trigger_words(r["triggers"], plain, w) if "triggers" in r
                               else _words_of(expand(r["pattern"], plain))),
            )
        )
    return rules


# Words that occur in patterns but never make a time expression on their own: [not_triggers] of
# time_words.toml.


@dataclass(frozen=True)
class Triggers:
    """Which rules a word sets off: a rule runs only near the words its pattern contains."""

    by_word: dict[str, tuple[int, ...]]  # lower-case word → indices of rules in `rules()`
    by_digit: tuple[int, ...]  # rules marked `digits = true`
    digit_shapes: tuple[re.Pattern | None, ...] = ()  # the distinct `digit_shape`s (None: any digits)
    shape_of: dict[int, int] = field(default_factory=dict)  # rule index → index in digit_shapes


_TABLE_MACROS = {"holiday": "holidays", "unit": "units", "se_unit": "se_units", "month": "months",
                 "month_any": "months", "weekday": "weekdays", "pod": "parts_of_day", "prayer": "prayer_times",
                 "weekday_lower": "weekdays_lower", "weekday_abbrev": "weekday_abbrevs", "qunit": "period_units",
                 "ordinal": "ordinals"}


def _trigger_words(items: list[str], macros: dict[str, str], w: Words) -> frozenset[str]:
    """The words of a rule's `triggers`: a word, or a {macro} of a word table, which stands for the
    longest word of each of its entries (`hari kemerdekaan` → kemerdekaan, `tahun baru imlek` → imlek)."""
    found: set[str] = set()
    for item in items:
        m = re.fullmatch(r"\{(\w+)\}", item)
        table = _TABLE_MACROS.get(m.group(1)) if m else None
        if table:
            section = w.raw.get(table, {})
            keys = list(section.get("words", section) if table != "holidays" else section)
            if m.group(1) == "month_any":
                keys += list(w.raw.get("month_abbrevs", {}).get("words", {}))
            found |= {max(_words_of(k) or {k.lower()}, key=len) for k in keys}
        else:
            found |= _words_of(expand(item, macros))
    return frozenset(found)


def _words_of(pattern: str) -> frozenset[str]:
    """The words a pattern contains (escapes such as \\d and group names left out)."""
    source = re.sub(r"\\[a-zA-Z]|\?P<\w+>|\(\?P=\w+\)|\(\?-?[a-zA-Z]+:", " ", pattern)
    return frozenset(x.lower() for x in re.findall(r"[A-Za-z]{2,}", source))


def triggers_of(grammar_rules: tuple[Rule, ...], w: Words) -> Triggers:
    """A rule is set off by the words it names in `triggers` (a word or {macro} it cannot match
    without), else by every word of its pattern; [not_triggers] words never set one off."""
    by_word: dict[str, list[int]] = {}
    for i, rule in enumerate(grammar_rules):
        found = rule.trigger_words if rule.trigger_words is not None else _words_of(rule.regex.pattern)
        for word in found - w.not_triggers:
            by_word.setdefault(word, []).append(i)
    by_digit = tuple(i for i, rule in enumerate(grammar_rules) if rule.digits)
    shapes = sorted({grammar_rules[i].digit_shape or "" for i in by_digit})
    shape_of = {i: shapes.index(grammar_rules[i].digit_shape or "") for i in by_digit}
    compiled = tuple(re.compile(sh) if sh else None for sh in shapes)
    return Triggers({k: tuple(v) for k, v in by_word.items()}, by_digit, compiled, shape_of)


@dataclass(frozen=True)
class Grammar:
    """One language's grammar: its words, its compiled rules and which words set each rule off."""

    words: Words
    rules: tuple[Rule, ...]
    triggers: Triggers
    mod_re: re.Pattern
    mod_ends: frozenset[str]  # the last letters of the modifiers, lower case: a cheap test before mod_re


def build(words_raw: dict[str, Any], rules_raw: dict[str, Any]) -> Grammar:
    """A grammar from parsed time_words.toml and timex_rules.toml (a test may pass amended copies)."""
    w = words_from(words_raw)
    compiled = tuple(compile_rules(rules_raw, w))
    keys = sorted(w.mods, key=len, reverse=True)
    alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    mod_re = re.compile(rf"(?<!\w)({alt})\s+$", re.IGNORECASE)
    ends = frozenset(k[-1].lower() for k in keys) | frozenset(k[-1].upper() for k in keys)
    return Grammar(w, compiled, triggers_of(compiled, w), mod_re, ends)


@cache
def default(language: str = LANGUAGE) -> Grammar:
    return build(_load_toml("time_words.toml", language), _load_toml("timex_rules.toml", language))


def rules() -> tuple[Rule, ...]:
    return default().rules


def triggers() -> Triggers:
    return default().triggers
