"""timeline.timeml: parsing the seed gold, odd markup, and the to_timeml round trip."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import Document, InputError, Timex
from timeline.timeml import GoldTimex, parse_date_value, parse_timeml, to_timeml
from timeline.values import FIRST_YEAR, LAST_YEAR

DATA = Path(__file__).parent / "data"
GOLD = DATA / "seeds-gold"
SEEDS = Path(__file__).parent.parent / "seeds"

GOLD_FILES = sorted(GOLD.glob("*.tml"))


def load(stem: str) -> tuple[Document, list[GoldTimex]]:
    return parse_timeml((GOLD / f"{stem}.tml").read_text(encoding="utf-8"))


def test_there_are_five_gold_files():
    assert [p.stem[:3] for p in GOLD_FILES] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_gold_text_and_offsets(path):
    doc, timexes = parse_timeml(path.read_text(encoding="utf-8"))
    assert doc.id == path.stem
    assert doc.dct_source == "input" and doc.dct is not None
    assert doc.text == (SEEDS / f"{path.stem}.txt").read_text(encoding="utf-8")
    assert "<" not in doc.text
    assert timexes == sorted(timexes, key=lambda t: t.start)
    for t in timexes:
        assert doc.text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value and t.tid != "t0"  # the DCT's TIMEX3 is not a text span


def test_gold_counts_and_dcts():
    summary = {p.stem[:3]: (load(p.stem)[0].dct, len(load(p.stem)[1]), sum(t.optional for t in load(p.stem)[1])) for p in GOLD_FILES}
    assert summary == {
        "000": (date(2023, 9, 14), 8, 2),
        "001": (date(2023, 9, 13), 4, 1),
        "002": (date(2024, 6, 14), 8, 3),
        "003": (date(2024, 6, 19), 10, 4),
        "004": (date(2023, 9, 12), 18, 2),
    }


def test_gold_attributes():
    doc, ts = load("000_b42bc007d7a7e483")
    by_tid = {t.tid: t for t in ts}
    assert by_tid["t2"] == GoldTimex("t2", by_tid["t2"].start, by_tid["t2"].end, "lebih dari empat jam", "DURATION", "PT4H", "MORE_THAN")
    t5 = by_tid["t5"]
    assert (t5.text, t5.value, t5.alt_values, t5.optional, t5.mod) == ("1950-53", "1950", ("1953",), True, None)
    assert t5.values == ("1950", "1953")
    assert by_tid["t3"].text == "Kamis, (14/9/2023)"
    assert doc.title is None

    doc, ts = load("004_393e8c43df52946a")
    first = ts[0]
    assert (first.start, first.end, first.text, first.type, first.value) == (76, 93, "12 Sep 2023 10:58", "TIME", "2023-09-12T10:58")
    assert first.alt_values == ("2023-09-12",) and not first.optional
    assert first.to_timex() == Timex("t1", 76, 93, "12 Sep 2023 10:58", "TIME", "2023-09-12T10:58", None)

    _, ts = load("002_a3909cf4fdce27c8")  # a comment sits before its DCT
    assert [t.text for t in ts if t.optional] == ["beberapa hari mendatang"] * 3


def test_markup_details():
    markup = (
        "<?xml version='1.0' encoding='ISO-8859-1'?>\r\n<!-- <TEXT>not this</TEXT> -->\r\n"
        "<TimeML>\r\n<DOCID> d&amp;1 </DOCID>\r\n"
        "<DCT><TIMEX3 tid='t0' type='TIME' value='2013-12-4' functionInDocument='CREATION_TIME'>Rabu</TIMEX3></DCT>\r\n"
        "<TITLE>Harga &lt;minyak&gt;\r\n  turun</TITLE>\r\n"
        "<TEXT>\r\nA &amp; B &#8220;kata&#x201D;&nbsp;dia <!-- c --> pada "
        '<TIMEX3 tid="t1" type="date" value="2013-12-04" mod="APPROX">sekitar <EVENT eid="e1">Rabu</EVENT></TIMEX3>'
        '<TIMEX3 tid="t9" type="DATE" value="2013" anchorTimeID="t1"/>'
        " &unknown; a < b <![CDATA[<raw> & ]]>\r"
        '<TIMEX3 tid="t2" type="DURATION" value="P1D" alt_values=" PXD  P2D ">se<SIGNAL sid="s1">hari</SIGNAL></TIMEX3>'
        "</TEXT>\r\n<MAKEINSTANCE eventID='e1'/>\r\n</TimeML>\r\n"
    )
    doc, ts = parse_timeml(markup)
    assert doc.id == "d&1"
    assert doc.dct == date(2013, 12, 4) and doc.dct_source == "input"
    assert doc.title == "Harga <minyak> turun"
    assert doc.text == "\nA & B \u201ckata\u201d\u00a0dia  pada sekitar Rabu &unknown; a < b <raw> & \nsehari"
    assert [(t.tid, t.text, t.type, t.value, t.mod, t.alt_values) for t in ts] == [
        ("t1", "sekitar Rabu", "DATE", "2013-12-04", "APPROX", ()),
        ("t2", "sehari", "DURATION", "P1D", None, ("PXD", "P2D")),
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in ts)


def test_parse_errors():
    with pytest.raises(InputError, match=r"no <TEXT> element"):
        parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>")
    with pytest.raises(InputError, match=r"invalid DCT '2023-02-30'"):
        parse_timeml('<TimeML><DCT><TIMEX3 value="2023-02-30"/></DCT><TEXT>x</TEXT></TimeML>')
    doc, ts = parse_timeml("<TEXT></TEXT>")
    assert (doc.id, doc.text, ts, doc.dct, doc.dct_source) == ("", "", [], None, "none")


def test_parse_date_value():
    assert parse_date_value("2014-12-16") == date(2014, 12, 16)
    assert parse_date_value("2013-12-4") == date(2013, 12, 4)
    assert parse_date_value("2023-09-12T10:58:00+07:00") == date(2023, 9, 12)
    for bad in ("2023-13-45", "20230912", "2023-09", "2023-09-12T25:00", "kemarin"):
        with pytest.raises(ValueError):
            parse_date_value(bad)


# ---------------------------------------------------------------- writing


def spans(ts):
    return [(t.start, t.end, t.text, t.type, t.value, t.mod) for t in ts]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_round_trip_gold(path):
    doc, gold = parse_timeml(path.read_text(encoding="utf-8"))
    doc.title = "Judul & <sub>"
    out = to_timeml(doc, [g.to_timex() for g in gold])
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n')
    assert 'functionInDocument="CREATION_TIME"' in out
    back, again = parse_timeml(out)
    assert (back.id, back.text, back.dct, back.title) == (doc.id, doc.text, doc.dct, doc.title)
    assert spans(again) == spans(gold)


def test_to_timeml_details():
    text = 'Pada "Rabu" & <Kamis>\r\nmalam'
    doc = Document(id="x<1>", text=text)
    ts = [
        Timex("t1", 6, 10, "Rabu", "DATE", "2023-09-13"),
        Timex("t2", 14, 26, "<Kamis>\r\nmal", "TIME", 'a"b', "APPROX"),
        Timex("t3", 15, 20, "Kamis", "DATE", "2023-09-14"),  # nested in t2: kept
        Timex("t4", 19, 28, "s>\r\nmalam", "TIME", "X"),  # crosses t2: left out
        Timex("t5", 3, 3, "", "DATE", "X"),  # empty: left out
    ]
    assert all(text[t.start : t.end] == t.text for t in ts)
    out = to_timeml(doc, ts)
    assert "<DCT>" not in out and "<TITLE>" not in out
    assert "<DOCID>x&lt;1&gt;</DOCID>" in out
    assert '<TIMEX3 tid="t2" type="TIME" value="a&quot;b" mod="APPROX">' in out
    back, again = parse_timeml(out)
    assert back.text == text
    assert spans(again) == spans([ts[0], ts[1], ts[2]])


def test_to_timeml_dct_tid_does_not_clash():
    doc = Document(id="d", text="Rabu", dct=date(2023, 9, 13))
    out = to_timeml(doc, [Timex("t0", 0, 4, "Rabu", "DATE", "2023-09-13")])
    assert '<DCT><TIMEX3 tid="tdct" type="DATE" value="2023-09-13"' in out
    back, ts = parse_timeml(out)
    assert back.dct == date(2023, 9, 13) and [t.tid for t in ts] == ["t0"]


@st.composite
def documents(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"';\n\r\t\u00a0\u201c\u201d#x0123")), max_size=60))
    # non-crossing spans: cut the text at sorted points, tag some pieces, nest one level
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    ts = []
    for i, (a, b) in enumerate(zip(cuts, cuts[1:])):
        if a < b and draw(st.booleans()):
            ts.append(Timex(f"t{i}", a, b, text[a:b], "DATE", draw(st.sampled_from(["2024", "a&b", "<x>", '"q"']))))
            if b - a > 2 and draw(st.booleans()):
                ts.append(Timex(f"n{i}", a + 1, b - 1, text[a + 1 : b - 1], "TIME", "X"))
    # a DCT within the years the tool reasons in (timeline.values): others are refused on reading
    dcts = st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))
    return Document(id="doc", text=text, dct=draw(st.none() | dcts)), ts


@settings(max_examples=200, deadline=None)
@given(documents())
def test_round_trip_property(case):
    doc, ts = case
    back, again = parse_timeml(to_timeml(doc, ts))
    assert back.text == doc.text
    assert back.dct == doc.dct
    assert sorted(spans(again)) == sorted(spans(ts))
