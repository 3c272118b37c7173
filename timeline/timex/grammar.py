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
from functools import cache
from importlib import resources
from typing import Any

_MACRO = re.compile(r"\{(\w+)\}")


LANGUAGE = "id"  # the data package timeline/lang/<LANGUAGE>/ holds time_words.toml and timex_rules.toml


def _load_toml(name: str, language: str = LANGUAGE) -> dict[str, Any]:
    with resources.files(f"timeline.lang.{language}").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class Words:
    """The word lists of time_words.toml, normalised for lookup (lower-case keys)."""

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
    raw: dict[str, Any] = field(repr=False, compare=False)

    def month_number(self, word: str) -> int:
        key = word.lower().rstrip(".")
        return self.months.get(key) or self.month_abbrevs[key]


@cache
def words() -> Words:
    raw = _load_toml("time_words.toml")

    def table(name: str) -> dict:
        return {k.lower(): v for k, v in raw[name]["words"].items()}

    mods = {k.lower(): (v[0], frozenset(v[1].split())) for k, v in raw["mods"]["words"].items()}
    return Words(
        months=table("months"),
        month_abbrevs=table("month_abbrevs"),
        weekdays=table("weekdays"),
        numbers=table("numbers"),
        units=table("units"),
        se_units=table("se_units"),
        parts_of_day=table("parts_of_day"),
        time_zones=table("time_zones"),
        vague_refs=table("vague_refs"),
        mods=mods,
        future_cues=frozenset(raw["tense_cues"]["future"]),
        past_cues=frozenset(raw["tense_cues"]["past"]),
        raw=raw,
    )


def _alternation(keys, case: str | None = None) -> str:
    """A regex alternation of words, longest first; `case` limits the letter case accepted."""
    keys = sorted(set(keys), key=lambda k: (-len(k), k))
    if case == "title":
        forms = {f for k in keys for f in (k, k.upper())}
        body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(forms, key=lambda k: (-len(k), k)))
        return f"(?-i:{body})"
    if case == "upper":
        return "(?-i:" + "|".join(re.escape(k.upper()) for k in keys) + ")"
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + ")"


def _number_pattern(numbers: dict[str, int]) -> str:
    """Digits (`18`, `2,5`) or Indonesian number words, compounds included (`dua puluh lima`)."""
    digits = [w for w, v in numbers.items() if 1 <= v <= 9]
    base = _alternation(digits)
    teen_or_ten = rf"(?:{base}\s+belas|sepuluh|sebelas)"
    compound = rf"{base}\s+(?:puluh|ratus|ribu)(?:\s+(?:{teen_or_ten}|{base}))?"
    single = _alternation(numbers.keys())
    words_ = rf"(?:{compound}|{teen_or_ten}|{single})(?:\s+setengah)?"
    return rf"(?P<num>\d{{1,4}}(?:,\d+)?|{words_})"


def _word_macros(raw: dict[str, Any], w: Words) -> dict[str, str]:
    def listed(name: str, group: str, extra: tuple[str, ...] = ()) -> str:
        keys = list(raw[name]["words"]) + list(extra)
        return f"(?P<{group}>{_alternation(keys, raw[name].get('case'))})"

    months_any = list(raw["months"]["words"]) + list(raw["month_abbrevs"]["words"])
    return {
        "weekday": listed("weekdays", "weekday"),
        "month": listed("months", "month"),
        "month_any": f"(?P<month>{_alternation(months_any, 'title')})",
        "month_from": f"(?P<month_from>{_alternation(raw['months']['words'], 'title')})",  # `Juni-Juli 2014`
        "num": _number_pattern(w.numbers),
        "unit": listed("units", "unit"),
        "se_unit": listed("se_units", "se_unit"),
        "pod": listed("parts_of_day", "pod"),
        "tz": listed("time_zones", "tz"),
        "vague": listed("vague_amounts", "vague"),
        "plural": listed("vague_plurals", "plural"),
        "vague_ref": listed("vague_refs", "vague_ref"),
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
    examples: tuple[Example, ...] = ()
    non_examples: tuple[str, ...] = ()


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
                examples=tuple(Example(**e) for e in r.get("examples", ())),
                non_examples=tuple(r.get("not", ())),
            )
        )
    return rules


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(compile_rules(_load_toml("timex_rules.toml"), words()))


# Words that occur in patterns but never make a time expression on their own: they do not
# set a rule off (see `triggers`). The rule examples, all tagged through this path, prove the lists.
_NOT_TRIGGERS = frozenset({"ini", "itu", "yang", "lalu", "dan", "ke", "di", "an", "se", "ber",
                           # words of negative look-arounds (`not_quantity`, `lebih dulu`) and companions
                           "orang", "persen", "juta", "miliar", "triliun", "barel", "ton", "km", "kilometer",
                           "meter", "mil", "kg", "dolar", "dollar", "rupiah", "buah", "kali", "jiwa", "rumah",
                           "kasus", "hektare", "ha", "rp", "lebih", "terlebih", "paling", "akan", "dalam",
                           "datang", "at"})


@dataclass(frozen=True)
class Triggers:
    """Which rules a word sets off: a rule runs only near the words its pattern contains."""

    by_word: dict[str, tuple[int, ...]]  # lower-case word → indices of rules in `rules()`
    by_digit: tuple[int, ...]  # rules marked `digits = true`


@cache
def triggers() -> Triggers:
    by_word: dict[str, list[int]] = {}
    for i, rule in enumerate(rules()):
        source = re.sub(r"\\[a-zA-Z]|\?P<\w+>|\(\?P=\w+\)", " ", rule.regex.pattern)  # \d, \s, group names
        for word in {w.lower() for w in re.findall(r"[A-Za-z]{2,}", source)} - _NOT_TRIGGERS:
            by_word.setdefault(word, []).append(i)
    by_digit = tuple(i for i, rule in enumerate(rules()) if rule.digits)
    return Triggers({w: tuple(v) for w, v in by_word.items()}, by_digit)
