"""Property-based tests (hypothesis) of `timeline.tag` and `timeline.extract` on hostile text:
Unicode case-fold look-alikes, control characters, lone surrogates, long lines, mutated real
sentences. Whatever the text: no exception, offsets that point into it, valid TIMEX3 values.

A few examples each in `make test` (profile "ci"); `make fuzz` runs the profile "fuzz"
(HYPOTHESIS_PROFILE=fuzz: at least 20,000 examples each).
"""
from __future__ import annotations

import os
import re
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.model import Document
from timeline.timex.normalize import VALUE_RE
from timeline.values import FIRST_YEAR, LAST_YEAR

settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")), deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).parent.parent

LOOKALIKES = ["\u017f", "\u212a", "\u0131", "\u0130", "\u212b", "\u00df", "\u1e9e", "\ufb00", "\u0307", "\u2126"]
CONTROLS = [chr(c) for c in range(0, 32)] + ["\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\u200e", "\u202e",
                                             "\ufeff", "\u00a0", "\u3000", "\ufffd"]
SURROGATES = [chr(c) for c in (0xD800, 0xDBFF, 0xDC00, 0xDFFF)]
ODD_DIGITS = ["\u0663", "\uff12", "\u00b2", "\u2460", "\u0e53", "\U0001d7ce"]  # Arabic-Indic, full-width, superscript…
TIME_WORDS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "(13/9/2023)", "13/9", "(13/9)", "2014",
              "tahun", "lalu", "depan", "pukul", "24.30", "19.30", "24.00", "12", "malam", "WIB", "bulan", "Januari",
              "September", "Desember", "sekitar", "lebih dari", "awal", "akhir", "setiap", "hari", "ini", "kemarin",
              "besok", "lusa", "dua", "puluh", "abad", "ke-20", "1990-an", "kuartal", "III", "pagi", "sore",
              "beberapa", "kemudian", "sebelumnya", "pekan", "minggu", "jam", "menit", "setengah", "tanggal",
              "hingga", "2-3", "Lebaran", "Idul Fitri", "HUT RI ke-80", "Natal", "musim hujan", "99", "00",
              "(29/2)", "(28/2/23)", "31 Desember 9899", "2019 tahun lalu", "8000 tahun lagi", "99 abad lalu"]
PIECES = TIME_WORDS + LOOKALIKES + CONTROLS + SURROGATES + ODD_DIGITS + [" ", " ", "\n", ",", ".", "(", ")", "/", "-"]

DCTS = st.one_of(st.none(), st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31)),
                 st.sampled_from([date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31), date(2024, 2, 29), date(2023, 9, 13)]))


@cache
def _sentences() -> list[str]:
    docs = timeline.read([ROOT / "tests" / "data" / "kompas-dev", ROOT / "seeds"])
    out = []
    for d in docs:
        out += [s for s in re.split(r"(?<=[.!?])\s+", d.text) if len(s) > 20]
    return out


def _swap_letters(draw, text: str) -> str:
    """Letters replaced by their case-fold look-alikes (`s` → `ſ`, `k` → `K`, `i` → `ı`/`İ`)."""
    swaps = {"s": "\u017f", "k": "\u212a", "K": "\u212a", "i": "\u0131", "I": "\u0130"}
    chars = list(text)
    for i in draw(st.lists(st.integers(0, max(0, len(chars) - 1)), max_size=6)):
        if chars and chars[i] in swaps:
            chars[i] = swaps[chars[i]]
    return "".join(chars)


@st.composite
def hostile_text(draw) -> str:
    kind = draw(st.sampled_from(["soup", "mutated", "long", "random"]))
    if kind == "soup":
        text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=60)))
    elif kind == "mutated":
        sents = _sentences()
        text = " ".join(sents[i % len(sents)] for i in draw(st.lists(st.integers(0, 10_000), min_size=1, max_size=3)))
        for _ in range(draw(st.integers(0, 4))):
            pos = draw(st.integers(0, len(text)))
            cut = draw(st.integers(0, 12))
            text = text[:pos] + draw(st.sampled_from(PIECES + ["", "x"])) + text[pos + cut:]
    elif kind == "long":
        unit = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4)))
        text = unit * draw(st.integers(100, 5_000 // max(1, len(unit)) + 100))
    else:
        text = draw(st.text(max_size=200))
    return _swap_letters(draw, text)


_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
_DATE_PARTS = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T(\d{2}):(\d{2}))?")
_WEEK = re.compile(r"^(?:\d{4}|XXXX)-W(\d{2})")


def check_value(value: str) -> None:
    assert VALUE_RE.match(value), value
    m = _DATE_PARTS.match(value)
    if m and not value.startswith("P"):
        y, mo, d, hh, mm = m.groups()
        if y and y != "XXXX":
            assert FIRST_YEAR <= int(y) <= LAST_YEAR, value
        if mo and mo != "XX":
            assert 1 <= int(mo) <= 12, value
            if d and d != "XX":
                assert 1 <= int(d) <= _DAYS[int(mo)], value
                if y and y != "XXXX":
                    date(int(y), int(mo), int(d))
        if hh is not None:
            assert int(hh) < 24 and int(mm) < 60, value  # never T24:30
    w = _WEEK.match(value)
    if w and w.group(1) != "XX":
        assert 1 <= int(w.group(1)) <= 53, value


def check_timexes(text: str, timexes) -> None:
    last = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= last, "spans overlap"
        last = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        check_value(t.value)


@given(hostile_text(), DCTS)
def test_tag_on_hostile_text(text, dct):
    check_timexes(text, timeline.tag(text, dct))


@given(hostile_text(), DCTS)
def test_extract_on_hostile_text(text, dct):
    texts = {"x": text, "ok": "Presiden bertemu menteri di Jakarta pada Rabu (13/9/2023)."}
    docs = [Document(id=k, text=v, dct=dct if k == "x" else None, dct_source="input" if dct and k == "x" else "none")
            for k, v in texts.items()]
    chronology = timeline.extract(docs)
    assert [d.id for d in chronology.documents] == ["x", "ok"]
    # a document that failed would be a fault the isolation net caught: none may
    assert [(d.status, d.error) for d in chronology.documents] == [("ok", None), ("ok", None)]
    for d in chronology.documents:
        check_timexes(texts[d.id], chronology.timexes[d.id])
    for e in chronology.events:
        check_value(e.date)
        for m in e.mentions:
            assert 0 <= m.start <= m.end
