"""Hostile inputs (issue 12): one test each. Every run ends with its documented exit code
(0 all processed, 1 some input failed, 2 usage, 3 output not written), every other input is in the
output, and the output parses. Nothing is asserted about time: speed is `make bench`'s."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "004_393e8c43df52946a.txt"
TIMELINE = [sys.executable, "-m", "cli.main"]


def run(*args: str, stdin: bytes | None = None, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*TIMELINE, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=timeout, **kw)


def one_line(r: subprocess.CompletedProcess) -> str:
    err = r.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def tag_json(*args: str, stdin: bytes | None = None) -> tuple[int, dict[str, dict], str]:
    """Exit code, the documents of `tag -f json` by id (the output must parse), stderr."""
    r = run("tag", *args, "-f", "json", "-q", stdin=stdin)
    data = json.loads(r.stdout.decode("utf-8"))
    return r.returncode, {d["id"]: d for d in data["documents"]}, r.stderr.decode()


def good(tmp_path: Path, name: str = "good.txt") -> Path:
    p = tmp_path / name
    p.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return p


# ---------------------------------------------------------------- 1. isolation per document


@pytest.mark.parametrize("letter", ["\u017f", "\u212a", "\u0131", "\u0130"])
def test_case_fold_lookalikes_next_to_time_words(tmp_path, letter):
    bad = tmp_path / "bad.txt"
    word = {"\u017f": "\u017fekitar", "\u212a": "\u212aamis", "\u0131": "sek\u0131tar", "\u0130": "abad ke\u0130-20"}[letter]
    bad.write_text(f"Jakarta - Ia tiba {word} Selasa pagi (12/9/2023) dan pergi {word} Rabu.\n", encoding="utf-8")
    rc, docs, err = tag_json(str(bad), str(good(tmp_path)))
    assert rc == 0, err
    assert docs["bad"]["status"] == "ok" and docs["good"]["status"] == "ok"
    text = bad.read_text(encoding="utf-8")
    for t in docs["bad"]["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]


def test_lookalike_values_as_their_ascii_letters():
    import datetime

    import timeline

    dct = datetime.date(2023, 9, 12)
    assert [(t.text, t.value, t.mod) for t in timeline.tag("\u017fekitar Selasa pagi", dct)] == \
        [("\u017fekitar Selasa pagi", "2023-09-12TMO", "APPROX")]


def test_a_line_over_spacys_length_limit_is_built(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("Jakarta, Rabu (13/9/2023) - Presiden bertemu menteri. " + "kata " * 220_000 + "\n", encoding="utf-8")
    r = run("build", str(long), str(good(tmp_path)), "-f", "json", "-q", "-j", "1")
    assert r.returncode == 0, r.stderr.decode()[-500:]
    data = json.loads(r.stdout)
    assert [(d["id"], d["status"]) for d in data["documents"]] == [("long", "ok"), ("good", "ok")]


def test_lone_surrogates_in_json_text_are_written(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "a\\ud800", "text": "Rabu (13/9) ia datang \\udc00 kemarin.", "title": "x\\udfff"}\n'
                   '{"id": "b", "text": "Kamis ia pergi."}\n', encoding="utf-8")
    rc, docs, err = tag_json(str(src))
    assert rc == 0, err
    assert set(docs) == {"a\ufffd", "b"}
    assert docs["a\ufffd"]["title"] == "x\ufffd"
    assert [t["text"] for t in docs["a\ufffd"]["timexes"]] == ["Rabu (13/9)", "kemarin"]


def test_lone_surrogates_in_json_text_are_built(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "a", "text": "Presiden bertemu menteri \\ud800 pada Rabu (13/9/2023).", "dct": "2023-09-13"}\n'
                   '{"id": "b", "text": "Menteri tiba di Jakarta pada Kamis (14/9/2023).", "dct": "2023-09-14"}\n',
                   encoding="utf-8")
    r = run("build", str(src), "-f", "json", "-q", "-j", "1")
    assert r.returncode == 0, r.stderr.decode()
    assert [d["id"] for d in json.loads(r.stdout)["documents"]] == ["a", "b"]


@pytest.mark.parametrize("dct", ["0001-01-01", "9999-12-31"])
def test_dct_at_the_ends_of_the_calendar_is_a_usage_error(tmp_path, dct):
    r = run("tag", str(good(tmp_path)), "--dct", dct)
    assert r.returncode == 2 and r.stdout == b""
    assert "--dct" in one_line(r) and "outside" in one_line(r)


@pytest.mark.parametrize("dct", ["0001-01-01", "9999-12-31"])
def test_input_dct_at_the_ends_of_the_calendar_fails_that_document(dct):
    lines = (json.dumps({"id": "edge", "text": "Besok, tahun depan dan pekan lalu ia datang.", "dct": dct}) + "\n"
             + json.dumps({"id": "fine", "text": "Besok ia datang.", "dct": "2023-09-12"}) + "\n")
    rc, docs, err = tag_json("-", stdin=lines.encode())
    assert rc == 1 and docs["edge"]["status"] == "error" and docs["fine"]["status"] == "ok"
    assert "edge" not in err and "<stdin>:1" in one_line(subprocess.CompletedProcess([], 1, b"", err.encode()))


def test_values_outside_the_calendar_are_dropped():
    import datetime

    import timeline

    for dct in (datetime.date(100, 1, 1), datetime.date(9899, 12, 31)):
        for t in timeline.tag("Ia datang 2019 tahun lalu, 99 abad lalu, tahun depan, 8000 tahun lagi.", dct):
            assert not t.value[:4].isdigit() or 100 <= int(t.value[:4]) <= 9899, t


def test_timeml_folder_output_with_ids_no_file_system_takes(tmp_path):
    src = tmp_path / "ids.jsonl"
    rows = [{"id": "nul\u0000id", "text": "Rabu ia datang."}, {"id": "x" * 300, "text": "Kamis ia pergi."},
            {"id": "é" * 200, "text": "Jumat ia pulang."}, {"id": "../up", "text": "Sabtu ia tidur."},
            {"id": "fine", "text": "Minggu ia bangun."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    r = run("tag", str(src), "-f", "timeml", "-o", f"{out}/", "-q")
    assert r.returncode == 0, r.stderr.decode()
    files = sorted(out.iterdir())
    assert len(files) == 5 and all(len(f.name.encode()) <= 255 for f in files)
    assert (out / "fine.tml").is_file() and not (tmp_path / "up.tml").exists()
    texts = {f.read_text(encoding="utf-8").split("<TEXT>")[1].split("</TEXT>")[0] for f in files}
    assert "Minggu ia bangun." in {t.replace('<TIMEX3 tid="t1" type="DATE" value="XXXX-WXX-7">Minggu</TIMEX3>', "Minggu") for t in texts}


def _patched(patch: str, args: list[str]) -> subprocess.CompletedProcess:
    """Run the CLI with `args` after the Python code `patch` (a fault put into the library)."""
    code = f"{patch}\nimport sys\nsys.argv = ['timeline'] + {args!r}\nfrom cli.main import main\nmain()\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=300)


def _fault(target: str, error: str = "KeyError('boom')") -> str:
    """Code that makes `target` (`module.function`, first argument a text or a document) raise for BOOM."""
    module, name = target.rsplit(".", 1)
    return (f"import {module} as m\n"
            f"orig = m.{name}\n"
            "def broken(first, *a, **k):\n"
            "    if 'BOOM' in getattr(first, 'text', first):\n"
            f"        raise {error}\n"
            "    return orig(first, *a, **k)\n"
            f"m.{name} = broken\n")


def _boom_corpus(tmp_path: Path) -> Path:
    src = tmp_path / "c.jsonl"
    rows = [{"id": "a", "text": "Presiden bertemu menteri pada Rabu (13/9/2023).", "dct": "2023-09-13"},
            {"id": "b", "text": "BOOM: menteri tiba pada Kamis (14/9/2023).", "dct": "2023-09-14"},
            {"id": "c", "text": "Menteri pulang pada Jumat (15/9/2023).", "dct": "2023-09-15"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return src


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_fault_while_tagging_one_document_costs_only_that_one(tmp_path, workers):
    patch = _fault("timeline.tag") + "import timeline\ntimeline.POOL_AFTER_CHARS = 0\n"
    r = _patched(patch, ["tag", str(_boom_corpus(tmp_path)), "-f", "json", "-q", "-j", workers])
    assert r.returncode == 1
    assert "c.jsonl:2: tagging failed: KeyError" in one_line(r)
    docs = json.loads(r.stdout)["documents"]
    assert [(d["id"], d["status"]) for d in docs] == [("a", "ok"), ("b", "error"), ("c", "ok")]
    assert docs[1]["error"].startswith("tagging failed: KeyError")


@pytest.mark.parametrize("target,workers", [("timeline.chronology.tag", "1"), ("timeline.chronology.candidates_of", "2")])
def test_a_fault_while_building_one_document_costs_only_that_one(tmp_path, target, workers):
    r = _patched(_fault(target, "IndexError('boom')"), ["build", str(_boom_corpus(tmp_path)), "-f", "json", "-q", "-j", workers])
    assert r.returncode == 1, r.stderr.decode()
    assert "c.jsonl:2:" in one_line(r) and "IndexError" in one_line(r)
    data = json.loads(r.stdout)
    assert [(d["id"], d["status"]) for d in data["documents"]] == [("a", "ok"), ("b", "error"), ("c", "ok")]
    assert data["events"] and all(s in ("a", "c") for e in data["events"] for s in e["sources"])


# ---------------------------------------------------------------- 2. nothing destroys data


@pytest.mark.parametrize("command", ["tag", "build"])
def test_output_that_is_an_input_is_refused(tmp_path, command):
    src = good(tmp_path)
    before = src.read_bytes()
    r = run(command, str(src), "-o", str(src), "-f", "json")
    assert r.returncode == 2 and "destroy" in one_line(r)
    assert src.read_bytes() == before


def test_output_through_a_symlink_to_an_input_is_refused(tmp_path):
    src = good(tmp_path)
    (tmp_path / "link.json").symlink_to(src)
    r = run("tag", str(src), "-o", str(tmp_path / "link.json"))
    assert r.returncode == 2 and src.read_bytes() == SEED.read_bytes()


def test_timeml_output_folder_inside_an_input_folder_is_refused(tmp_path):
    good(tmp_path)
    r = run("tag", str(tmp_path), "-f", "timeml", "-o", f"{tmp_path}/out/")
    assert r.returncode == 2 and "input folder" in one_line(r)
    assert not (tmp_path / "out").exists()


def test_full_disk_is_exit_3_with_one_line(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    r = run("tag", str(good(tmp_path)), "-f", "json", "-o", "/dev/full")
    assert r.returncode == 3 and "No space left" in one_line(r)
    with open("/dev/full", "wb") as full:
        r = subprocess.run([*TIMELINE, "tag", str(good(tmp_path)), "-f", "json"], stdout=full, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    assert r.returncode == 3 and "standard output" in one_line(r)


def test_closed_stdout_is_exit_3_with_one_line(tmp_path):
    r = subprocess.run([*TIMELINE, "tag", str(good(tmp_path))], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       cwd=ROOT, timeout=120, preexec_fn=lambda: os.close(1))
    assert r.returncode == 3 and "standard output" in one_line(r)


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_a_reader_that_goes_away_ends_quietly_with_0(fmt):
    proc = subprocess.Popen([*TIMELINE, "tag", str(ROOT / "tests" / "data" / "kompas-dev"), "-f", fmt, "-q", "-j", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and err == ""


def _dies_while_writing(tmp_path, how: str) -> tuple[subprocess.CompletedProcess, Path]:
    """`build -o out.json` over a previous out.json, its writer ended by `how` (code run right after it
    has written the start of the document)."""
    out = tmp_path / "out.json"
    out.write_text('{"previous": true}\n', encoding="utf-8")
    patch = ("import os, signal, time, timeline.write as w\n"
             "def dies(fmt, out, *args, **kwargs):\n"
             "    out.write('{\"documents\": [')\n"
             f"    {how}\n"
             "w.write_events = dies\n")
    r = _patched(patch, ["build", str(ROOT / "seeds" / "000_b42bc007d7a7e483.txt"), "-f", "json", "-q", "-j", "1",
                         "-o", str(out)])
    return r, out


def test_kill_while_writing_leaves_the_previous_output_intact(tmp_path):
    # the process is killed (as by `kill -9` or the OOM killer) half-way through writing its output
    r, out = _dies_while_writing(tmp_path, "out.flush(); os.kill(os.getpid(), signal.SIGKILL)")
    assert r.returncode == -signal.SIGKILL
    assert json.loads(out.read_text(encoding="utf-8")) == {"previous": True}
    r = run("build", str(ROOT / "seeds" / "000_b42bc007d7a7e483.txt"), "-f", "json", "-q", "-j", "1", "-o", str(out))
    assert r.returncode == 0 and "events" in json.loads(out.read_text(encoding="utf-8"))


def test_kill_during_build_leaves_the_previous_output_intact(tmp_path):
    out = tmp_path / "out.json"
    out.write_text('{"previous": true}\n', encoding="utf-8")
    proc = subprocess.Popen([*TIMELINE, "build", str(ROOT / "tests" / "data" / "kompas-dev"), "-f", "json", "-q",
                             "-j", "2", "-o", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(3)  # inside the build, most likely (no timing is asserted: either way the old file must be whole)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    text = out.read_text(encoding="utf-8")
    assert json.loads(text) == {"previous": True} or "events" in json.loads(text)


# ---------------------------------------------------------------- 3. nothing hangs


def _children(pid: int) -> list[int]:
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                fields = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                kids.append(int(d))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _build_with_workers(out: Path) -> tuple[subprocess.Popen, list[int]]:
    proc = subprocess.Popen([*TIMELINE, "build", str(ROOT / "tests" / "data" / "kompas-dev"), "-f", "json", "-q",
                             "-j", "2", "-o", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(_children(proc.pid)) < 2 and proc.poll() is None:
        time.sleep(0.05)
    kids = _children(proc.pid)
    assert kids, "the build started no workers"
    return proc, kids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_worker_ends_the_run_with_a_message(tmp_path):
    out = tmp_path / "out.json"
    out.write_text('{"previous": true}\n', encoding="utf-8")
    proc, kids = _build_with_workers(out)
    os.kill(kids[0], signal.SIGKILL)  # as the OOM killer does
    try:
        rc = proc.wait(timeout=120)  # a hang fails here
    finally:
        proc.kill()
    err = proc.stderr.read().decode()
    assert rc == 4 and "worker process died" in err and len(err.strip().splitlines()) == 1, err
    assert json.loads(out.read_text(encoding="utf-8")) == {"previous": True}
    time.sleep(0.5)
    assert not [k for k in kids if _alive(k)]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_do_not_outlive_a_killed_parent(tmp_path):
    proc, kids = _build_with_workers(tmp_path / "out.json")
    proc.kill()
    proc.wait(timeout=60)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.1)
    left = [k for k in kids if _alive(k)]
    for k in left:
        os.kill(k, signal.SIGKILL)
    assert not left


def test_fifos_sockets_and_devices_in_a_folder_are_skipped_with_a_message(tmp_path):
    import socket

    good(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "b.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "c.jsonl"))
    (tmp_path / "d.txt").symlink_to("/dev/zero")
    try:
        rc, docs, err = tag_json(str(tmp_path))
    finally:
        sock.close()
    assert rc == 1
    assert {k: v["status"] for k, v in docs.items()} == {"a": "ok", "b": "error", "c": "error", "d": "error"}
    assert [line.split(": ", 2)[2] for line in err.strip().splitlines()] == [
        "skipped: a FIFO (named pipe)", "skipped: a socket", "skipped: a device"]


def test_an_endless_input_stops_at_the_size_limit(tmp_path):
    r = run("tag", "/dev/zero", str(good(tmp_path)), "-f", "jsonl", "-q", "--max-input", "2")
    assert r.returncode == 1 and "size limit" in one_line(r)
    docs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(d["id"], d["status"]) for d in docs] == [("zero", "error"), ("good", "ok")]


def test_a_json_lines_line_over_the_size_limit_fails_alone():
    big = json.dumps({"id": "big", "text": "a " * 700_000}) + "\n"
    stdin = (big + json.dumps({"id": "next", "text": "Rabu ia datang."}) + "\n").encode()
    rc, docs, err = tag_json("-", "--max-input", "1", stdin=stdin)
    assert rc == 1 and "size limit" in err
    assert docs["stdin:1"]["status"] == "error" and docs["next"]["status"] == "ok"


# ---------------------------------------------------------------- values and the DCT


def test_free_form_dct_through_the_grammar_and_dateparser(tmp_path):
    src = good(tmp_path)
    src.write_text("Ia datang kemarin.\n", encoding="utf-8")
    for written in ("13 September 2023", "September 13, 2023", "Wed, 13 Sep 2023 10:58:00 +0700"):
        r = run("tag", str(src), "--dct", written, "-f", "jsonl", "-q")
        assert r.returncode == 0, (written, r.stderr)
        doc = json.loads(r.stdout)
        assert doc["dct"] == "2023-09-13" and doc["timexes"][0]["value"] == "2023-09-12", written


def test_a_dct_that_depends_on_today_or_is_huge_is_refused_in_one_bounded_line(tmp_path):
    for written in ("kemarin", "13 September", "x" * 65536):
        r = run("tag", str(good(tmp_path)), "--dct", written)
        assert r.returncode == 2 and r.stdout == b""
        assert len(one_line(r)) < 300


def test_hour_24_is_the_next_day_never_t24():
    import datetime

    dct = datetime.date(2023, 9, 12)
    assert [t.value for t in timeline_tag("pukul 24.30", dct)] == ["2023-09-13T00:30"]
    assert [t.value for t in timeline_tag("Rabu pukul 24.30", None)] == ["XXXX-WXX-4T00:30"]
    assert [t.value for t in timeline_tag("Kamis (14/9) pukul 24.30", None)] == ["XXXX-09-15T00:30"]
    assert [t.value for t in timeline_tag("(31/12) pukul 24.10", None)][-1].endswith("T00:10")


def test_two_digit_years_without_a_dct_do_not_depend_on_today(monkeypatch):
    import datetime

    import timeline.timex.normalize as normalize

    class Frozen(datetime.date):
        @classmethod
        def today(cls):
            return cls(2090, 1, 1)

    before = [t.value for t in timeline_tag("(13/9/23) dan (13/9/75)", None)]
    monkeypatch.setattr(normalize, "date", Frozen)
    assert [t.value for t in timeline_tag("(13/9/23) dan (13/9/75)", None)] == before == ["2023-09-13", "1975-09-13"]


def timeline_tag(text, dct):
    import timeline

    return timeline.tag(text, dct)


# ---------------------------------------------------------------- 4. TimeML: no super-linear path, no entities


@pytest.mark.parametrize("unit", ["<!-- a ", "<TEXT> a ", "<![CDATA[ a ", "<? a ", '<a " ', "<TIMEX3 value='2020' ",
                                  "<!DOCTYPE x [ "])
def test_unterminated_timeml_constructs_are_read_in_one_pass(tmp_path, unit):
    bad = tmp_path / "bad.tml"
    bad.write_text("<?xml version='1.0'?><TimeML><TEXT>" + unit * (300_000 // len(unit)) + "</TEXT></TimeML>",
                   encoding="utf-8")
    rc, docs, err = tag_json(str(bad), str(good(tmp_path)))  # quadratic would be hours: the run's timeout fails it
    assert rc in (0, 1) and docs["good"]["status"] == "ok"
    assert set(docs) == {"bad", "good"}


def test_timeml_entity_declarations_are_not_expanded(tmp_path):
    bomb = tmp_path / "bomb.tml"
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    bomb.write_text(f'<?xml version="1.0"?><!DOCTYPE TimeML [<!ENTITY l0 "lol">{lol}]>'
                    "<TimeML><TEXT>Rabu &l9; kemarin</TEXT></TimeML>", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    xxe = tmp_path / "xxe.tml"
    xxe.write_text(f'<?xml version="1.0"?><!DOCTYPE TimeML [<!ENTITY x SYSTEM "file://{secret}">]>'
                   "<TimeML><TEXT>Rabu &x; kemarin</TEXT></TimeML>", encoding="utf-8")
    rc, docs, err = tag_json(str(bomb), str(xxe))
    assert rc == 0, err
    assert len(docs["bomb"]["timexes"]) == 2 and "lol" not in json.dumps(docs)
    assert "SECRET" not in json.dumps(docs)


def test_well_formed_and_sloppy_timeml_read_the_same_text():
    from timeline.timeml import _parse_lenient, _parse_xml

    markup = ("<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid='t0' value='2013-12-04'>Rabu</TIMEX3></DCT>"
              "<TEXT>A &amp; B <!-- c --> pada <TIMEX3 tid='t1' type='DATE' value='2013-12-04'>Rabu "
              "<EVENT eid='e1'>pagi</EVENT></TIMEX3><![CDATA[<x> & ]]>.</TEXT></TimeML>")
    strict, lenient = _parse_xml(markup), _parse_lenient(markup)
    assert strict is not None
    assert (strict.text, strict.spans, strict.meta, strict.dct_value) == \
        (lenient.text, lenient.spans, lenient.meta, lenient.dct_value)
    assert strict.text == "A & B  pada Rabu pagi<x> & ."


def test_sigterm_while_writing_leaves_the_previous_output_and_no_temporary_file(tmp_path):
    r, out = _dies_while_writing(tmp_path, "os.kill(os.getpid(), signal.SIGTERM); time.sleep(30)")
    assert r.returncode == 143 and one_line(r) == "timeline: terminated"
    assert json.loads(out.read_text(encoding="utf-8")) == {"previous": True}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
