"""`timeline tag` and `timeline eval` through the real console script, as a user runs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).parent.parent
INPUTS = ROOT / "tests" / "data" / "inputs"
SEEDS = ROOT / "seeds"
TIMELINE = [sys.executable, "-m", "cli.main"]


def run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*TIMELINE, *args], input=stdin, capture_output=True, cwd=ROOT, env=full_env, timeout=120)


def test_help_shows_examples_and_exit_codes():
    r = run("--help")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "Examples" in out and "timeline tag" in out and "Exit codes" in out
    r = run("tag", "--help")
    assert r.returncode == 0 and "Examples" in r.stdout.decode()


def test_help_does_not_import_spacy_or_dateparser():
    code = "import sys, cli.main as m\ntry:\n    m.app(['--help'])\nexcept SystemExit: pass\nprint('spacy' in sys.modules, 'dateparser' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert r.stdout.decode().strip().splitlines()[-1] == "False False"


def test_tag_json_follows_the_documents_schema():
    r = run("tag", str(SEEDS / "004_393e8c43df52946a.txt"), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert "events" not in data
    (doc,) = data["documents"]
    assert doc["id"] == "004_393e8c43df52946a"
    assert doc["dct"] == "2023-09-12" and doc["dct_source"] == "text"
    assert doc["status"] == "ok" and doc["error"] is None
    first = doc["timexes"][0]
    assert first == {"tid": "t1", "start": 76, "end": 93, "text": "12 Sep 2023 10:58", "type": "TIME",
                     "value": "2023-09-12T10:58", "mod": None}
    text = (SEEDS / "004_393e8c43df52946a.txt").read_text(encoding="utf-8")
    assert all(text[t["start"]:t["end"]] == t["text"] for t in doc["timexes"])


def test_bad_inputs_one_line_each_and_the_rest_still_written(tmp_path):
    missing = tmp_path / "nope.txt"
    r = run("tag", str(INPUTS / "empty.txt"), str(INPUTS / "binary.dat"), str(missing),
            str(INPUTS / "articles.jsonl"), str(SEEDS / "003_bf19e96e36e36fba.txt"), "--format", "json")
    assert r.returncode == 1
    err_lines = r.stderr.decode().strip().splitlines()
    assert "Traceback" not in r.stderr.decode()
    assert any("empty.txt" in l and "empty" in l for l in err_lines)
    assert any("binary.dat" in l and "binary" in l for l in err_lines)
    assert any("nope.txt" in l and "no such file" in l for l in err_lines)
    assert any("articles.jsonl:3" in l and "invalid JSON" in l for l in err_lines)
    assert len(err_lines) == 4
    docs = json.loads(r.stdout)["documents"]
    by_status = {}
    for d in docs:
        by_status.setdefault(d["status"], []).append(d["id"])
    assert len(by_status["error"]) == 4
    assert "003_bf19e96e36e36fba" in by_status["ok"] and "a1" in by_status["ok"]
    seed = next(d for d in docs if d["id"] == "003_bf19e96e36e36fba")
    assert seed["dct"] == "2024-06-19" and len(seed["timexes"]) > 5


def test_bad_dct_is_a_usage_error_on_one_line():
    r = run("tag", str(SEEDS / "002_a3909cf4fdce27c8.txt"), "--dct", "2023-13-45")
    assert r.returncode == 2
    assert r.stderr.decode().strip().count("\n") == 0 and "--dct" in r.stderr.decode()
    assert r.stdout == b""


def test_stdin_and_dct_option():
    text = "Putin berencana berkunjung pada September lalu dan bertemu hari ini.".encode()
    r = run("tag", "-", "--dct", "2024-06-14", "--format", "jsonl", stdin=text)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout.decode().splitlines()[0])
    assert doc["source"] == "<stdin>" and doc["dct"] == "2024-06-14" and doc["dct_source"] == "cli"
    assert [(t["text"], t["value"]) for t in doc["timexes"]] == [("September lalu", "2023-09"), ("hari ini", "2024-06-14")]


def test_undated_article_keeps_placeholders():
    r = run("tag", str(SEEDS / "002_a3909cf4fdce27c8.txt"), "--format", "json")
    doc = json.loads(r.stdout)["documents"][0]
    assert doc["dct"] is None and doc["dct_source"] == "none"
    values = {t["text"]: t["value"] for t in doc["timexes"]}
    assert values["September lalu"] == "XXXX-09" and values["pekan ini"] == "XXXX-WXX"


def test_table_has_no_colour_when_piped_or_with_no_color():
    for env in ({}, {"NO_COLOR": "1", "FORCE_COLOR": ""}):
        r = run("tag", str(SEEDS / "001_88221f3e0d7eafc3.txt"), env=env)
        assert r.returncode == 0
        assert b"\x1b[" not in r.stdout and b"\x1b[" not in r.stderr
        assert "Rabu (13/9)" in r.stdout.decode()


def test_timeml_output_folder_round_trips(tmp_path):
    out = tmp_path / "out"
    r = run("tag", str(SEEDS), "--format", "timeml", "--output", str(out) + "/")
    assert r.returncode == 0, r.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(p.stem + ".tml" for p in SEEDS.glob("*.txt"))
    # the written TimeML scores perfectly against itself as system output
    r = run("eval", str(out), "--system", str(out), "--format", "json")
    assert json.loads(r.stdout)["relaxed"]["f1"] == 1.0


def test_eval_on_the_seed_gold_meets_the_bar():
    r = run("eval", "tests/data/seeds-gold", "--format", "json")
    assert r.returncode == 0, r.stderr
    scores = json.loads(r.stdout)
    assert scores["value"]["f1"] == 1.0 and scores["strict"]["f1"] >= 0.95


def test_eval_on_our_kompas_gold():
    r = run("eval", "tests/data/kompas-gold", "--format", "json")
    scores = json.loads(r.stdout)
    assert scores["relaxed"]["f1"] >= 0.95 and scores["value"]["f1"] >= 0.90


def test_eval_on_held_out_kompas_gold():
    """Annotated after the grammar was written, by an annotator who never saw the tagger."""
    r = run("eval", "tests/data/kompas-heldout", "--format", "json")
    scores = json.loads(r.stdout)
    assert scores["relaxed"]["f1"] >= 0.95 and scores["value"]["f1"] >= 0.90


def test_tag_imports_neither_spacy_nor_dateparser():
    """Start-up of `tag` stays light: the named-entity model and dateparser are for other commands."""
    code = ("import sys, cli.main as m\ntry:\n    m.app(['tag', 'seeds/004_393e8c43df52946a.txt', '-q', '-o', '/dev/null'])\n"
            "except SystemExit: pass\nprint('spacy' in sys.modules, 'dateparser' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert r.stdout.decode().strip().splitlines()[-1] == "False False", r.stderr


def test_tag_on_several_processes_gives_the_same_documents(monkeypatch):
    """Workers start after POOL_AFTER_CHARS of text; with a small threshold 50 articles use them."""
    import io

    import timeline
    from timeline.io.read import read
    from timeline.write import JsonLinesWriter

    def tagged(workers: int) -> str:
        out = io.StringIO()
        writer = JsonLinesWriter(out)
        for doc, timexes in timeline.tag_documents(read([ROOT / "tests" / "data" / "kompas-dev"]), None,
                                                  workers=workers):
            writer.write(doc, timexes)
        writer.close()
        return out.getvalue()

    serial = tagged(1)
    monkeypatch.setattr(timeline, "POOL_AFTER_CHARS", 5000)
    assert tagged(2) == serial and serial.count("\n") == 50
    cli = run("tag", str(ROOT / "tests" / "data" / "kompas-dev"), "-f", "jsonl", "-q", "-j", "2")
    assert cli.returncode == 0 and cli.stdout.decode() == serial


def test_workers_must_not_be_negative():
    r = run("tag", str(SEEDS), "-j", "-1")
    assert r.returncode == 2 and len(r.stderr.decode().strip().splitlines()) == 1
