"""`timeline build` (the default command) through the console script."""
from __future__ import annotations

import pytest

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
INPUTS = ROOT / "tests" / "data" / "inputs"


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=300)


@pytest.mark.xfail(strict=True, reason='issue 9 step: the 2019 meeting is placed at Pyongyang, a reference point of its clause')
def test_the_three_meetings_from_the_bundled_seeds():
    r = run("--kind", "meeting", "--actor", "Putin", "--actor", "Kim", "--format", "json", "--workers", "1")
    assert r.returncode == 0, r.stderr.decode()
    events = json.loads(r.stdout)["events"]
    assert [(e["date"], e["places"]) for e in events] == [
        ("2019", ["Vladivostok"]), ("2023-09-13", ["Kosmodrom Vostochny"]), ("2024-06-19", ["Pyongyang"])]
    assert all({"Vladimir Putin", "Kim Jong Un"} <= set(e["participants"]) for e in events)
    summary = r.stderr.decode()
    assert "5 articles read" in summary and "3 of" in summary


def test_table_is_the_default_and_fits_100_columns():
    r = run("--workers", "1", env={"COLUMNS": "100"})
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert lines and max(len(l) for l in lines) <= 100
    assert "Kosmodrom" in r.stdout.decode() and b"\x1b[" not in r.stdout


def test_csv_output_to_a_file(tmp_path):
    out = tmp_path / "kronologi.csv"
    r = run(str(SEEDS), "--format", "csv", "--output", str(out), "--quiet", "--workers", "1")
    assert r.returncode == 0 and r.stdout == b"" and r.stderr == b""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert any(row["date"] == "2024-06-19" and row["kind"] == "meeting" for row in rows)


def test_bad_input_is_named_and_the_rest_still_built():
    r = run(str(SEEDS / "003_bf19e96e36e36fba.txt"), str(INPUTS / "binary.dat"), str(ROOT / "nope.txt"),
            "--format", "json", "--workers", "1")
    assert r.returncode == 1
    err = r.stderr.decode().splitlines()
    assert any("binary.dat" in l for l in err) and any("nope.txt" in l for l in err)
    assert "Traceback" not in r.stderr.decode()
    data = json.loads(r.stdout)
    assert [d["status"] for d in data["documents"]] == ["ok", "error", "error"]
    assert any(e["date"] == "2024-06-19" for e in data["events"])


def test_usage_errors_exit_2_with_one_line():
    for args in (["--since", "2024-13"], ["--status", "rumour"], ["--format", "xml"], ["--lexicon", "nope.toml"]):
        r = run(*args)
        assert r.returncode == 2, args
        assert len(r.stderr.decode().strip().splitlines()) == 1, (args, r.stderr)


def test_user_lexicon_adds_triggers(tmp_path):
    lexicon = tmp_path / "extra.toml"
    lexicon.write_text('[kinds]\nfeast = { title = "berpesta", compatible = [] }\n\n'
                       '[[trigger]]\nwords = ["bersulang"]\nmatch = "form"\nkind = "feast"\n', encoding="utf-8")
    text = "Presiden Joko Widodo bersulang bersama para menteri di Jakarta pada Senin (1/12/2014).\n"
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    r = run(str(article), "--lexicon", str(lexicon), "--format", "jsonl", "--workers", "1")
    assert r.returncode == 0, r.stderr
    events = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [(e["kind"], e["date"]) for e in events] == [("feast", "2014-12-01")]
