"""timeline.timex.evaluate: TempEval-3 scores on small cases counted by hand, reports, and loading."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.timex.evaluate import (
    FALSE_POSITIVE, MISSED, PARTIAL_SPAN, WRONG_TYPE, WRONG_VALUE,
    Counts, format_report, load_gold, load_system, match, pair, score,
)
from timeline.model import Document, InputError, Timex
from timeline.timeml import GoldTimex, to_timeml

GOLD = Path(__file__).parent / "data" / "seeds-gold"


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def gold(text: str, phrase: str, type_: str, value: str, **kw) -> GoldTimex:
    s, e = span(text, phrase)
    return GoldTimex(kw.pop("tid", f"g{s}"), s, e, phrase, type_, value, **kw)


def sys(text: str, phrase: str, type_: str, value: str, mod: str | None = None) -> Timex:
    s, e = span(text, phrase)
    return Timex(f"s{s}", s, e, phrase, type_, value, mod)


def approx(x: float) -> object:
    return pytest.approx(x, abs=1e-9)


# ---------------------------------------------------------------- overlap vs exact, value, type, per type

TEXT = "Mereka bertemu pada Rabu (13/9) dan Kamis pagi selama empat jam, setiap tahun."


def case_one():
    g = [
        gold(TEXT, "Rabu (13/9)", "DATE", "2023-09-13"),
        gold(TEXT, "Kamis pagi", "TIME", "2023-09-14TMO"),
        gold(TEXT, "empat jam", "DURATION", "PT4H"),
    ]
    s = [
        sys(TEXT, "Rabu (13/9)", "DATE", "2023-09-13"),  # exact, right value
        sys(TEXT, "Kamis", "DATE", "2023-09-14"),  # overlaps "Kamis pagi": relaxed only, wrong value and type
        sys(TEXT, "setiap tahun", "SET", "P1Y"),  # no gold: false positive
    ]  # "empat jam" is missed
    return g, s


def test_overlap_vs_exact():
    g, s = case_one()
    sc = score([("doc", g, s)])
    t = sc.total
    assert (t.gold, t.system, t.strict, t.relaxed, t.value, t.type, t.ignored) == (3, 3, 1, 2, 1, 1, 0)
    # strict: 1 of 3 system, 1 of 3 gold
    assert sc.strict == (approx(1 / 3), approx(1 / 3), approx(1 / 3))
    # relaxed: 2 of 3 both ways
    assert sc.relaxed == (approx(2 / 3), approx(2 / 3), approx(2 / 3))
    # value accuracy: 1 right of 2 relaxed matches; value F1 (TempEval-3): 1/3 and 1/3
    assert sc.value_accuracy == approx(0.5)
    assert sc.value == (approx(1 / 3), approx(1 / 3), approx(1 / 3))
    assert sc.type_accuracy == approx(0.5)


def test_per_gold_type():
    g, s = case_one()
    per = score([("doc", g, s)]).per_type
    fields = ("gold", "system", "strict", "relaxed", "value", "type")
    assert {k: tuple(getattr(c, f) for f in fields) for k, c in per.items()} == {
        "DATE": (1, 1, 1, 1, 1, 1),
        "TIME": (1, 1, 0, 1, 0, 0),  # the "Kamis" match counts under its gold type
        "DURATION": (1, 0, 0, 0, 0, 0),
        "SET": (0, 1, 0, 0, 0, 0),  # a false positive counts under its own type
    }
    assert per["TIME"].relaxed_prf == (1.0, 1.0, 1.0)
    assert per["TIME"].strict_prf == (0.0, 0.0, 0.0)
    assert per["DURATION"].relaxed_prf.recall == 0.0


def test_errors_list():
    g, s = case_one()
    sc = score([("doc", g, s)])
    assert [(e.doc, e.kind, e.gold and e.gold.text, e.system and e.system.text) for e in sc.errors] == [
        ("doc", PARTIAL_SPAN, "Kamis pagi", "Kamis"),
        ("doc", WRONG_TYPE, "Kamis pagi", "Kamis"),
        ("doc", WRONG_VALUE, "Kamis pagi", "Kamis"),
        ("doc", MISSED, "empat jam", None),
        ("doc", FALSE_POSITIVE, None, "setiap tahun"),
    ]
    wrong = [e for e in sc.errors if e.kind == WRONG_VALUE][0]
    assert (wrong.system.value, wrong.gold.value) == ("2023-09-14", "2023-09-14TMO")
    assert wrong.describe() == 'wrong value "Kamis": 2023-09-14, gold 2023-09-14TMO'


# ---------------------------------------------------------------- one-to-one matching


def test_two_system_on_one_gold():
    text = "pada 13 September 2023 lalu"
    g = [gold(text, "13 September 2023", "DATE", "2023-09-13")]
    s = [sys(text, "2023", "DATE", "2023"), sys(text, "13 September", "DATE", "2023-09-13")]
    sc = score([(g, s)])
    # the larger overlap ("13 September") matches; "2023" is a false positive
    assert match(g, s) == [(1, 0)]
    assert (sc.total.system, sc.total.relaxed, sc.total.strict, sc.total.value) == (2, 1, 0, 1)
    assert sc.relaxed == (approx(0.5), approx(1.0), approx(2 / 3))
    assert sc.documents[0].id == "1"


def test_one_system_on_two_gold():
    text = "Senin dan Selasa"
    g = [gold(text, "Senin", "DATE", "2023-09-11"), gold(text, "Selasa", "DATE", "2023-09-12")]
    s = [sys(text, "Senin dan Selasa", "DATE", "2023-09-12")]
    sc = score([(g, s)])
    # "Selasa" overlaps by 6 characters, "Senin" by 5: the system one goes to "Selasa", "Senin" is missed
    assert match(g, s) == [(0, 1)]
    assert sc.relaxed == (approx(1.0), approx(0.5), approx(2 / 3))
    assert sc.value == (approx(1.0), approx(0.5), approx(2 / 3))
    assert [e.kind for e in sc.errors] == [MISSED, PARTIAL_SPAN]


def test_exact_match_wins_over_larger_overlap():
    text = "Rabu (13/9) malam"
    g = [gold(text, "Rabu (13/9)", "DATE", "2023-09-13")]
    s = [sys(text, "Rabu (13/9) malam", "TIME", "2023-09-13TNI"), sys(text, "Rabu (13/9)", "DATE", "2023-09-13")]
    assert match(g, s) == [(1, 0)]
    sc = score([(g, s)])
    assert (sc.total.strict, sc.total.relaxed, sc.total.system) == (1, 1, 2)


def test_no_system_no_gold():
    sc = score([("empty", [], [])])
    assert sc.strict == (0.0, 0.0, 0.0) and sc.value_accuracy == 0.0
    sc = score([])
    assert sc.total == Counts() and sc.documents == []


# ---------------------------------------------------------------- optional and alt_values

OPT_TEXT = "peringatan 70 tahun gencatan senjata Perang Korea 1950-53, di Pyongyang pada Juli"


def test_optional_gold_neither_required_nor_counted_against():
    g = [
        gold(OPT_TEXT, "Juli", "DATE", "2023-07"),
        gold(OPT_TEXT, "70 tahun", "DURATION", "P70Y", optional=True),
        gold(OPT_TEXT, "1950-53", "DATE", "1950", alt_values=("1953",), optional=True),
    ]
    s = [
        sys(OPT_TEXT, "Juli", "DATE", "2023-07"),
        sys(OPT_TEXT, "70 tahun", "DURATION", "P7Y"),  # on an optional one, wrong value: ignored
        sys(OPT_TEXT, "Korea 1950", "DATE", "1950"),  # overlaps an optional one: ignored
        sys(OPT_TEXT, "1950-53", "DATE", "XXXX"),  # that one is taken, still overlaps it: ignored
    ]
    sc = score([("d", g, s)])
    t = sc.total
    assert (t.gold, t.system, t.strict, t.relaxed, t.value, t.ignored) == (1, 1, 1, 1, 1, 3)
    assert sc.strict == (1.0, 1.0, 1.0) and sc.value == (1.0, 1.0, 1.0)
    assert sc.errors == []
    # unmatched optional gold is no miss
    sc = score([("d", g, s[:1])])
    assert (sc.total.gold, sc.total.system, sc.total.ignored) == (1, 1, 0)
    assert sc.relaxed == (1.0, 1.0, 1.0) and sc.errors == []
    assert sc.per_type["DURATION"].gold == 0


def test_required_match_beats_optional_overlap():
    text = "hari ini, Rabu (19/6/2024)"
    g = [
        gold(text, "hari ini", "DATE", "2024-06-19", optional=True),
        gold(text, "Rabu (19/6/2024)", "DATE", "2024-06-19"),
    ]
    s = [sys(text, "ini, Rabu (19/6/2024)", "DATE", "2024-06-19")]
    # overlaps the optional by 3 characters and the required one by 16: a relaxed match, not ignored
    sc = score([(g, s)])
    assert (sc.total.relaxed, sc.total.strict, sc.total.ignored, sc.total.system) == (1, 0, 0, 1)


def test_alt_values_count_and_mod_does_not():
    text = "Perang Korea 1950-53 berlangsung lebih dari tiga tahun."
    g = [
        gold(text, "1950-53", "DATE", "1950", alt_values=("1953",)),
        gold(text, "lebih dari tiga tahun", "DURATION", "P3Y", mod="MORE_THAN"),
    ]
    right = [sys(text, "1950-53", "DATE", "1953"), sys(text, "lebih dari tiga tahun", "DURATION", "P3Y")]  # no mod
    sc = score([(g, right)])
    assert (sc.total.value, sc.value_accuracy) == (2, 1.0)
    wrong = [sys(text, "1950-53", "DATE", "1951"), sys(text, "tiga tahun", "DURATION", "P3Y", "MORE_THAN")]
    sc = score([(g, wrong)])
    # 1 value right of 2 relaxed matches; 1 strict match
    assert (sc.total.strict, sc.total.relaxed, sc.total.value) == (1, 2, 1)
    assert sc.value == (approx(0.5), approx(0.5), approx(0.5))


def test_several_documents_add_up():
    g1, s1 = case_one()
    text = "Senin dan Selasa"
    g2 = [gold(text, "Senin", "DATE", "2023-09-11"), gold(text, "Selasa", "DATE", "2023-09-12")]
    s2 = [sys(text, "Senin", "DATE", "2023-09-11"), sys(text, "Selasa", "DATE", "2023-09-13")]
    sc = score([("a", g1, s1), ("b", g2, s2)])
    t = sc.total
    # a: 3 gold, 3 system, 1 strict, 2 relaxed, 1 value; b: 2, 2, 2, 2, 1
    assert (t.gold, t.system, t.strict, t.relaxed, t.value) == (5, 5, 3, 4, 2)
    assert sc.strict == (approx(0.6), approx(0.6), approx(0.6))
    assert sc.relaxed == (approx(0.8), approx(0.8), approx(0.8))
    assert sc.value == (approx(0.4), approx(0.4), approx(0.4))
    assert sc.value_accuracy == approx(0.5)
    assert sc.per_type["DATE"].gold == 3 and sc.per_type["DATE"].value == 2
    assert [d.id for d in sc.documents] == ["a", "b"]
    assert [d.counts.relaxed for d in sc.documents] == [2, 2]

    data = sc.as_dict()
    json.dumps(data)
    assert data["counts"]["gold"] == 5
    assert data["strict"]["f1"] == approx(0.6)
    assert data["value"]["accuracy"] == approx(0.5) and data["value"]["f1"] == approx(0.4)
    assert data["per_type"]["TIME"]["relaxed"]["recall"] == 1.0
    assert data["documents"][1]["errors"][0]["kind"] == WRONG_VALUE
    assert data["documents"][1]["errors"][0]["gold"]["value"] == "2023-09-12"

    report = format_report(sc)
    assert "2 documents, 5 gold, 5 system" in report
    assert "strict span        60.00   60.00   60.00" in report
    assert "value              40.00   40.00   40.00   50.00" in report
    assert 'wrong value "Selasa": 2023-09-13, gold 2023-09-12' in report
    assert 'missed "empat jam"' in report and 'false positive "setiap tahun"' in report
    assert "errors:" not in format_report(sc, errors=False)


# ---------------------------------------------------------------- gold and system files


def test_gold_against_itself_is_perfect():
    gold_docs = list(load_gold([GOLD]))
    assert [d.id[:3] for d, _ in gold_docs] == ["000", "001", "002", "003", "004"]
    assert all(d.status == "ok" and d.source.endswith(".tml") for d, _ in gold_docs)
    system = {d.id: [g.to_timex() for g in gs] for d, gs in gold_docs}
    sc = score(pair(gold_docs, system))
    assert sc.strict == (1.0, 1.0, 1.0) and sc.value == (1.0, 1.0, 1.0)
    assert (sc.total.gold, sc.total.ignored) == (36, 12)  # 48 expressions, 12 optional


def test_no_system_output_for_a_document():
    gold_docs = list(load_gold([GOLD / "001_88221f3e0d7eafc3.tml"]))
    sc = score(pair(gold_docs, {}))
    assert (sc.total.gold, sc.total.system, sc.total.relaxed) == (3, 0, 0)
    assert [e.kind for e in sc.errors] == [MISSED] * 3


def test_load_gold_errors(tmp_path):
    (tmp_path / "bad.tml").write_text("<TimeML></TimeML>")
    (tmp_path / "empty.tml").write_bytes(b"")
    got = [(d.id, d.status, d.error, g) for d, g in load_gold([tmp_path, tmp_path / "nope.tml"])]
    assert got == [
        ("bad", "error", "malformed TimeML: no <TEXT> element", []),
        ("empty", "error", "empty input", []),
        ("nope", "error", "no such file or directory", []),
    ]


def system_timexes():
    return [Timex("t1", 0, 4, "Rabu", "DATE", "2023-09-13"), Timex("t2", 9, 14, "Kamis", "DATE", "2023-09-14", "APPROX")]


def test_load_system_tag_json(tmp_path):
    ts = system_timexes()
    out = {"documents": [
        {"id": "d1", "source": "x", "status": "ok", "timexes": [t.as_dict() for t in ts]},
        {"id": "d2", "status": "error", "error": "empty input", "timexes": []},
    ]}
    p = tmp_path / "tag.json"
    p.write_text(json.dumps(out))
    assert load_system(p) == {"d1": ts, "d2": []}
    lines = tmp_path / "tag.jsonl"
    lines.write_text("\n".join(json.dumps(d) for d in out["documents"]) + "\n")
    assert load_system(lines) == {"d1": ts, "d2": []}
    one = tmp_path / "one.json"
    one.write_text(json.dumps(out["documents"][0]))
    assert load_system(one) == {"d1": ts}


def test_load_system_timeml(tmp_path):
    ts = system_timexes()
    folder = tmp_path / "sys"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.tml").write_text(to_timeml(Document(id="doc-a", text="Rabu dan Kamis"), ts), encoding="utf-8")
    (folder / "b.tml").write_text(to_timeml(Document(id="", text="Rabu dan Kamis"), ts[:1]), encoding="utf-8")
    (folder / "readme.txt").write_text("not read")
    assert load_system(folder) == {"b": ts[:1], "doc-a": ts}
    assert load_system(folder / "sub" / "a.tml") == {"doc-a": ts}


def test_load_system_errors(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        load_system(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"documents": [{"id": "d", "timexes": [{"tid": "t1", "end": 3}]}]}')
    with pytest.raises(InputError, match=r"^timex 1: no integer 'start' and 'end'$"):
        load_system(bad)
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"id": "d", "timexes": []}\n{"id": "d", "timexes": []}\n')
    with pytest.raises(InputError, match="document 'd' appears twice"):
        load_system(dup)
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "x.json").write_text("{nope")
    with pytest.raises(InputError, match=r"x\.json: invalid JSON"):
        load_system(folder)
