"""timeline.io.read: decoding, formats, folders, stdin, streaming, and error documents."""
from __future__ import annotations

import codecs
import io
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from timeline.model import InputError
from timeline.io.read import EXTENSIONS, decode, read

DATA = Path(__file__).parent / "data"
INPUTS = DATA / "inputs"
GOLD = DATA / "seeds-gold"
SEEDS = Path(__file__).parent.parent / "seeds"
KOMPAS = INPUTS / "20141216-2007005.tml"


def one(path: str | Path, **kw) -> object:
    docs = list(read([path], **kw))
    assert len(docs) == 1, docs
    return docs[0]


# ---------------------------------------------------------------- decode


def test_decode_cp1252_curly_quotes_and_crlf():
    raw = (INPUTS / "cp1252_crlf.txt").read_bytes()
    assert b"\x93" in raw and b"\r\n" in raw
    assert decode(raw) == (
        "Harga minyak dunia \u201canjlok\u201d \u2013 kata Bambang, Selasa (16/12/2014).\n"
        "Suku bunga naik 650 bps\u00a0hari ini.\n"
        "Caf\u00e9\nselesai\n"
    )


def test_decode_boms():
    assert decode((INPUTS / "utf16_bom.txt").read_bytes()) == (
        "Putin tiba di Pyongyang pada \u201cRabu (19/6/2024)\u201d \u2013 malam hari.\nBaris kedua.\n"
    )
    assert decode((INPUTS / "utf8_bom.txt").read_bytes()) == (
        "Kim Jong Un tiba Selasa pagi.\n\u201cHalo\u201d\u00a0kata dia.\n"
    )
    text = "Rabu (13/9) \u201cya\u201d\r\nx"
    for enc in ("utf-16-be", "utf-32-le", "utf-32-be"):
        bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[enc]
        assert decode(bom + text.encode(enc)) == "Rabu (13/9) \u201cya\u201d\nx"


def test_decode_keeps_everything_else():
    s = "a\u00a0b \u201cc\u201d \u2013 d\te  \n\n"
    assert decode(s.encode("utf-8")) == s
    assert decode(b"") == ""
    assert decode(b"a\rb\r\nc\n\rd") == "a\nb\nc\n\nd"


def test_decode_utf16_without_bom():
    assert decode("Senin (1/12/2014)\r\n".encode("utf-16-le")) == "Senin (1/12/2014)\n"


def test_decode_short_cp1252_snippets():
    # charset-normalizer alone guesses EBCDIC or UTF-16 for these
    assert decode(b"\x93Ini\x94") == "\u201cIni\u201d"
    assert decode(b"caf\xe9 \x93x\x94") == "caf\u00e9 \u201cx\u201d"


def test_decode_non_latin_legacy_text_is_left_to_charset_normalizer():
    s = "Привет мир, как дела? Всё хорошо, спасибо. Это обычный текст на русском языке."
    assert decode(s.encode("cp1251")) == s


def test_decode_kompas_file_matches_cp1252():
    raw = KOMPAS.read_bytes()
    assert b"\x93" in raw and b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert decode(raw) == raw.decode("cp1252").replace("\r\n", "\n")


@pytest.mark.parametrize("data", [(INPUTS / "binary.dat").read_bytes(), b"abc\x00def", bytes(range(256)) * 4])
def test_decode_binary(data):
    with pytest.raises(InputError, match="binary file, not text"):
        decode(data)


# ---------------------------------------------------------------- text files


def test_text_files(tmp_path):
    d = one(INPUTS / "cp1252_crlf.txt")
    assert d.status == "ok" and d.error is None
    assert d.id == "cp1252_crlf"
    assert d.title is None and d.dct is None and d.dct_source == "none"
    assert d.source == str(INPUTS / "cp1252_crlf.txt")
    assert d.text.startswith("Harga minyak dunia \u201canjlok\u201d \u2013 kata")
    assert "\r" not in d.text

    d = one(INPUTS / "utf16_bom.txt")
    assert d.text == "Putin tiba di Pyongyang pada \u201cRabu (19/6/2024)\u201d \u2013 malam hari.\nBaris kedua.\n"
    d = one(INPUTS / "utf8_bom.txt")
    assert d.text == "Kim Jong Un tiba Selasa pagi.\n\u201cHalo\u201d\u00a0kata dia.\n"

    md = tmp_path / "catatan.v2.md"
    md.write_text("# Judul\n\nIsi.", encoding="utf-8")
    d = one(md)
    assert (d.id, d.text, d.title) == ("catatan.v2", "# Judul\n\nIsi.", None)


def test_seed_text_equals_gold_text():
    for gold in sorted(GOLD.glob("*.tml")):
        seed = one(SEEDS / (gold.stem + ".txt"))
        tml = one(gold)
        assert seed.text == tml.text


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty.txt", "empty input"),
        ("whitespace.txt", "no text (only whitespace)"),
        ("binary.dat", "binary file, not text"),
        ("no-such-file.txt", "no such file or directory"),
    ],
)
def test_error_documents(name, message):
    path = INPUTS / name
    d = one(path)
    assert d.status == "error"
    assert d.error == message
    assert d.text == ""
    assert d.source == str(path)
    assert d.id == Path(name).stem
    assert str(path) not in d.error and name not in d.error


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    d = one(p)
    assert (d.status, d.error) == ("error", "permission denied")


def test_permission_denied_message(tmp_path, monkeypatch):
    import timeline.io.read as read_module

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    p = tmp_path / "locked.txt"
    p.write_text("x")
    monkeypatch.setattr(read_module, "open", denied, raising=False)
    d = one(p)
    assert (d.id, d.status, d.error, d.source) == ("locked", "error", "permission denied", str(p))


def test_errors_never_stop_the_others(tmp_path):
    paths = [INPUTS / "empty.txt", tmp_path / "missing.txt", INPUTS / "utf8_bom.txt", INPUTS / "binary.dat"]
    docs = list(read(paths))
    assert [d.status for d in docs] == ["error", "error", "ok", "error"]


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b")
    d = one(tmp_path)
    assert d.status == "error" and d.error.startswith("no input files in this folder")


# ---------------------------------------------------------------- JSON Lines and JSON


def test_jsonl_with_one_invalid_line():
    path = INPUTS / "articles.jsonl"
    docs = list(read([path]))
    assert [d.status for d in docs] == ["ok", "ok", "error", "ok"]
    a1, a2, bad, a5 = docs

    assert a1.id == "a1" and a1.text == "Harga minyak turun pada Senin (1/12/2014)."
    assert (a1.dct, a1.dct_source) == (date(2014, 12, 1), "input")
    assert (a1.title, a1.url) == ("Minyak turun", "https://example.com/a1")
    assert a1.source == f"{path}:1"

    assert a2.id == "articles:2"  # no id: <stem>:<line>
    assert a2.text == "Tanpa id.\nBaris dua \u201cya\u201d"  # a CRLF inside the JSON string too
    assert (a2.dct, a2.dct_source) == (date(2014, 12, 2), "input")
    assert a2.source == f"{path}:2"

    assert bad.id == "articles:3" and bad.source == f"{path}:3"
    assert bad.error.startswith("invalid JSON: ")
    assert str(path) not in bad.error

    assert a5.id == "a5" and a5.source == f"{path}:5"  # line 4 is blank
    assert (a5.dct, a5.dct_source, a5.title, a5.url) == (None, "none", None, None)


def test_jsonl_field_errors(tmp_path):
    p = tmp_path / "x.ndjson"
    lines = [
        {"id": "d1", "text": "ok", "dct": "2023-13-45"},
        {"id": "d2", "title": "no text"},
        {"id": "d3", "text": "   \n"},
        {"id": "d4", "text": 42},
        [1, 2],
        {"id": 7, "text": "id as a number", "dct": "2013-12-4"},
        {"id": "d7", "text": "bad time", "dct": "2023-09-12T25:00"},
    ]
    p.write_text("\r\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    docs = list(read([p]))
    assert [(d.id, d.error) for d in docs] == [
        ("d1", "invalid dct '2023-13-45'"),
        ("d2", "no 'text' field (its fields: id, title; --text-field names another)"),
        ("d3", "no text (only whitespace)"),
        ("d4", "'text' is not a string"),
        ("x:5", "not a JSON object"),
        ("7", None),
        ("d7", "invalid dct '2023-09-12T25:00'"),
    ]
    assert docs[5].dct == date(2013, 12, 4)
    assert all(d.source == f"{p}:{i}" for i, d in enumerate(docs, 1))


def test_jsonl_utf16_and_blank(tmp_path):
    p = tmp_path / "u.jsonl"
    p.write_bytes('{"id": "u1", "text": "\u201cya\u201d"}\r\n\r\n{"id": "u2", "text": "b"}\r\n'.encode("utf-16"))
    assert [(d.id, d.text, d.source) for d in read([p])] == [("u1", "\u201cya\u201d", f"{p}:1"), ("u2", "b", f"{p}:3")]
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n")
    assert [(d.id, d.error) for d in read([blank])] == [("blank", "empty input")]


def test_jsonl_cp1252_line(tmp_path):
    p = tmp_path / "legacy.jsonl"
    p.write_bytes(b'{"id": "c", "text": "kata \x93dia\x94 \x96 ya"}\n')
    assert one(p).text == "kata \u201cdia\u201d \u2013 ya"


def test_jsonl_streams_one_line_at_a_time():
    class Stream(io.RawIOBase):
        """A stdin that counts what has been read."""

        def __init__(self, data: bytes):
            self.buf, self.pos = data, 0

        def readable(self):
            return True

        def read(self, n=-1):
            n = len(self.buf) - self.pos if n is None or n < 0 else n
            out = self.buf[self.pos : self.pos + n]
            self.pos += len(out)
            return out

    line = json.dumps({"text": "Harga minyak " * 50}) + "\n"
    stream = Stream(line.encode() * 5000)  # about 3 MB
    docs = read(["-"], stdin=stream)
    first = next(docs)
    assert first.id == "stdin:1" and first.source == "<stdin>:1"
    assert stream.pos < 200_000  # not the whole input
    assert sum(1 for _ in docs) == 4999


def test_json_array_and_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"id": "j1", "text": "satu", "dct": "2024-06-19"}, {"text": "dua"}, {"id": "j3"}]))
    docs = list(read([arr]))
    assert [(d.id, d.status, d.error) for d in docs] == [
        ("j1", "ok", None),
        ("arr:2", "ok", None),
        ("j3", "error", "item 3: no 'text' field (its fields: id; --text-field names another)"),
    ]
    assert docs[0].dct == date(2024, 6, 19) and all(d.source == str(arr) for d in docs)

    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"text": "satu", "title": "T"}, indent=2))
    d = one(obj)
    assert (d.id, d.text, d.title) == ("obj", "satu", "T")

    bad = tmp_path / "bad.json"
    bad.write_text("[{")
    assert one(bad).error.startswith("invalid JSON: ")
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    assert one(empty).error == "empty JSON array"


# ---------------------------------------------------------------- TimeML


def test_kompas_timeml_cp1252_crlf():
    d = one(KOMPAS)
    assert d.status == "ok"
    assert d.id == "20141216-2007005"
    assert (d.dct, d.dct_source) == (date(2014, 12, 16), "input")
    assert d.title == "Pemerintah Waspadai Imbas Longsornya Harga Minyak terhadap Rupiah"
    assert d.source == str(KOMPAS)
    expected = re.search(r"<TEXT>(.*)</TEXT>", KOMPAS.read_bytes().decode("cp1252"), re.S).group(1)
    assert d.text == expected.replace("\r\n", "\n")
    assert d.text.startswith("\nJAKARTA, KOMPAS.com \u2013 Menteri Keuangan")
    assert "\u201cIni sudah keenam kalinya Rusia" in d.text
    assert "\r" not in d.text and "\u0093" not in d.text


def test_timeml_reader_offsets_agree_with_gold():
    from timeline.timeml import parse_timeml

    for gold in sorted(GOLD.glob("*.tml")):
        d = one(gold)
        parsed, timexes = parse_timeml(gold.read_text(encoding="utf-8"))
        assert d.id == gold.stem == parsed.id
        assert d.text == parsed.text
        assert timexes and all(d.text[t.start : t.end] == t.text for t in timexes)
    d = one(GOLD / "004_393e8c43df52946a.tml")
    assert d.text[76:93] == "12 Sep 2023 10:58"  # the offsets of docs/design.md's example


def test_timeml_reader_errors_and_fallbacks(tmp_path):
    no_text = tmp_path / "a.tml"
    no_text.write_text('<?xml version="1.0"?><TimeML><DOCID>a</DOCID></TimeML>')
    assert (one(no_text).id, one(no_text).error) == ("a", "malformed TimeML: no <TEXT> element")
    no_docid = tmp_path / "b.xml"
    no_docid.write_text("<TimeML><TEXT>Isi &amp; <EVENT eid='e1'>lain</EVENT></TEXT></TimeML>")
    d = one(no_docid)
    assert (d.id, d.text, d.dct, d.dct_source) == ("b", "Isi & lain", None, "none")
    bad_dct = tmp_path / "c.tml"
    bad_dct.write_text('<TimeML><DCT><TIMEX3 tid="t0" value="kemarin">x</TIMEX3></DCT><TEXT>Isi</TEXT></TimeML>')
    assert one(bad_dct).error == "invalid DCT 'kemarin'"


# ---------------------------------------------------------------- folders, sniffing, stdin


def test_folder_walk_sorted_recursive_known_extensions(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c").mkdir()
    (tmp_path / ".hidden").mkdir()
    files = {
        "z.txt": "zet",
        "a.md": "a",
        "b/c/d.txt": "d",
        "b/a.jsonl": '{"id": "j", "text": "j"}\n',
        "notes.csv": "x,y",
        ".secret.txt": "s",
        ".hidden/e.txt": "e",
        "UPPER.TXT": "upper",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    docs = list(read([tmp_path]))
    assert [d.id for d in docs] == ["UPPER", "a", "j", "d", "z"]
    assert docs[2].source == os.path.join(str(tmp_path), "b", "a.jsonl") + ":1"
    assert docs[3].source == os.path.join(str(tmp_path), "b", "c", "d.txt")


def test_explicit_path_with_unknown_extension_is_sniffed(tmp_path):
    cases = {
        "lines.data": ('{"id": "l1", "text": "satu"}\n{"id": "l2", "text": "dua"}\n', ["l1", "l2"]),
        "pretty.data": (json.dumps({"id": "p", "text": "isi"}, indent=2), ["p"]),
        "arr.data": (json.dumps([{"id": "x", "text": "isi"}]), ["x"]),
        "doc.data": ("<?xml version='1.0'?>\n<TimeML><DOCID>t</DOCID><TEXT>isi</TEXT></TimeML>", ["t"]),
        "plain": ("[Foto] Isi berita.", ["plain"]),
        "notes.csv": ("a,b\n", ["notes"]),
    }
    for name, (content, ids) in cases.items():
        (tmp_path / name).write_text(content)
        docs = list(read([tmp_path / name]))
        assert [d.id for d in docs] == ids, name
        assert all(d.status == "ok" for d in docs)
    assert one(tmp_path / "plain").text == "[Foto] Isi berita."


def test_stdin_formats():
    d = one("-", stdin=io.BytesIO((INPUTS / "cp1252_crlf.txt").read_bytes()))
    assert (d.id, d.source) == ("stdin", "<stdin>")
    assert d.text.startswith("Harga minyak dunia \u201canjlok\u201d")

    docs = list(read(["-"], stdin=io.BytesIO((INPUTS / "articles.jsonl").read_bytes())))
    assert [d.id for d in docs] == ["a1", "stdin:2", "stdin:3", "a5"]
    assert docs[2].source == "<stdin>:3" and docs[2].error.startswith("invalid JSON")

    d = one("-", stdin=io.BytesIO(KOMPAS.read_bytes()))
    assert (d.id, d.dct, d.source) == ("20141216-2007005", date(2014, 12, 16), "<stdin>")

    d = one("-", stdin=io.BytesIO(b""))
    assert (d.id, d.status, d.error, d.source) == ("stdin", "error", "empty input", "<stdin>")

    d = one(Path("-"), stdin=io.BytesIO((INPUTS / "utf16_bom.txt").read_bytes()))
    assert d.text.startswith("Putin tiba")


def test_single_path_argument_and_laziness(tmp_path):
    assert [d.id for d in read(str(INPUTS / "utf8_bom.txt"))] == ["utf8_bom"]
    gen = read([tmp_path / "missing"])  # nothing happens until iterated
    assert next(gen).error == "no such file or directory"


def test_every_input_fixture_gives_a_document():
    docs = list(read([INPUTS]))
    by_stem = {Path(d.source.split(".jsonl:")[0]).stem for d in docs}
    expected = {p.stem for p in INPUTS.iterdir() if p.suffix in EXTENSIONS}
    assert by_stem == expected
    assert "binary" not in by_stem  # .dat is not read inside folders


def test_the_facade_read_stays_a_function_after_use(tmp_path):
    """`timeline.read` once named a submodule too: after the first call it became that module."""
    import timeline

    (tmp_path / "a.txt").write_text("Senin (3/11/2025) KPK menangkap gubernur.", encoding="utf-8")
    assert [d.id for d in timeline.read([tmp_path])] == ["a"]
    assert callable(timeline.read) and [d.id for d in timeline.read([tmp_path])] == ["a"]
