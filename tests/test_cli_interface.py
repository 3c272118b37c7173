"""The interface as a user meets it: version, help, mistyped commands, options checked before any
work, pipes, exit codes, formats chosen by -o, the table at 80 columns."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
STORY = ROOT / "tests" / "data" / "stories" / "aceh_sumut_four_islands_2025" / "articles.jsonl"
KOMPAS = ROOT / "tests" / "data" / "kompas-dev"


def run(*args: str, env: dict | None = None, input: bytes | None = None, shell: str | None = None):
    cmd = shell if shell else [sys.executable, "-m", "cli.main", *args]
    return subprocess.run(cmd, capture_output=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300,
                          input=input, shell=bool(shell))


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("timeline 0.")


def test_help_command_shows_the_usage_of_timeline_and_of_a_command():
    r = run("help", env={"COLUMNS": "100"})
    assert r.returncode == 0 and "build" in r.stdout.decode() and "tag" in r.stdout.decode()
    r = run("help", "tag", env={"COLUMNS": "100"})
    assert r.returncode == 0 and "Usage: timeline tag" in r.stdout.decode() and "--dct" in r.stdout.decode()
    r = run("help", "tga")
    assert r.returncode == 2 and "did you mean `tag`?" in r.stderr.decode()


@pytest.mark.parametrize("word, suggestion", [("tga", "tag"), ("evl", "eval"), ("biuld", "build")])
def test_a_mistyped_command_is_not_read_as_a_missing_file(word, suggestion):
    r = run(word, "seeds/")
    assert r.returncode == 2 and r.stdout == b""
    err = r.stderr.decode()
    assert f"did you mean `{suggestion}`?" in err and "no such file" not in err and len(err.splitlines()) == 1


def test_an_unknown_word_is_a_usage_error_but_a_path_is_an_input(tmp_path):
    r = run("zzz")
    assert r.returncode == 2 and "no such command 'zzz'" in r.stderr.decode()
    r = run("missing.txt", "-q")  # looks like a file: an input that failed
    assert r.returncode == 1 and "missing.txt: no such file" in r.stderr.decode()
    (tmp_path / "berita").write_text("JAKARTA, KOMPAS.com - Presiden tiba di Bandung pada Senin (3/2/2025).", encoding="utf-8")
    r = run(str(tmp_path / "berita"), "-q", "-f", "json")  # an existing file without extension
    assert r.returncode == 0 and json.loads(r.stdout)["documents"][0]["id"] == "berita"


def test_kind_is_checked_and_listed_before_any_work():
    r = run("--kind", "meting")
    assert r.returncode == 2 and "did you mean 'meeting'?" in r.stderr.decode() and r.stdout == b""
    r = run("--kind", "list")
    kinds = r.stdout.decode().split()
    assert r.returncode == 0 and {"meeting", "visit", "event", "statement"} <= set(kinds) and kinds == sorted(kinds)


def test_output_in_a_missing_or_unwritable_folder_fails_before_any_work(tmp_path):
    r = run("-o", str(tmp_path / "no" / "such" / "k.csv"))
    assert r.returncode == 2 and "no such folder" in r.stderr.decode()
    assert "articles read" not in r.stderr.decode()  # nothing was built
    r = run("-o", str(tmp_path))
    assert r.returncode == 2 and "is a folder" in r.stderr.decode()
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):
        pytest.skip("running as root: a read-only folder is still writable")
    r = run("-o", str(locked / "k.csv"))
    assert r.returncode == 2 and "cannot write" in r.stderr.decode()


def test_a_lexicon_that_does_not_load_is_a_usage_error_before_any_work(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('kinds = "not a table"\n', encoding="utf-8")
    r = run(str(STORY), "--lexicon", str(bad))
    err = r.stderr.decode().strip()
    assert r.returncode == 2 and err.startswith(f"timeline: --lexicon {bad}: not a lexicon") and "articles read" not in err


def test_since_after_until_is_a_usage_error():
    r = run("--since", "2024-06", "--until", "2023")
    assert r.returncode == 2 and "--since 2024-06 is after --until 2023" in r.stderr.decode()
    assert run("--since", "2023-09", "--until", "2023-09", "-q", "-f", "jsonl").returncode == 0


def test_a_reader_that_goes_away_ends_the_run_quietly_with_0():
    for args in ("tag tests/data/kompas-dev -f jsonl", "tag tests/data/kompas-dev", "tag tests/data/kompas-dev -f json"):
        script = f"{sys.executable} -m cli.main {args} | head -c 200 > /dev/null; exit ${{PIPESTATUS[0]}}"
        r = subprocess.run(["bash", "-c", script], capture_output=True, cwd=ROOT, timeout=300)
        assert r.returncode == 0, (args, r.stderr.decode())
        assert r.stderr == b""


def test_an_internal_error_has_its_own_exit_code():
    # a bug inside the library (here: extract made to fail) is neither an input's fault nor a usage error
    code = ("import sys, timeline, cli.main as m\n"
            "def broken(*a, **k):\n    raise ZeroDivisionError('division by zero')\n"
            "timeline.extract = broken\nsys.argv = ['timeline', 'seeds/', '-q']\nm.main()\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=300)
    err = r.stderr.decode()
    assert r.returncode == 70, err
    assert err == "timeline: internal error: ZeroDivisionError: division by zero (TIMELINE_DEBUG=1 shows where)\n"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=300,
                       env={**os.environ, "TIMELINE_DEBUG": "1"})
    assert "Traceback" in r.stderr.decode()


def test_the_format_follows_the_output_extension(tmp_path):
    out = tmp_path / "kronologi.ics"
    r = run(str(STORY), "-q", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    out = tmp_path / "kronologi.md"
    assert run(str(STORY), "-q", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("| date | what happened |")
    r = run(str(STORY), "-q", "-f", "nosuch")
    assert r.returncode == 2 and "timelinejs" in r.stderr.decode()


def test_build_timeml_of_several_articles_needs_a_folder(tmp_path):
    r = run(str(STORY), "-q", "-f", "timeml")
    assert r.returncode == 2 and "--output FOLDER/" in r.stderr.decode()
    r = run(str(STORY), "-q", "-f", "timeml", "-o", str(tmp_path / "tml") + "/")
    assert r.returncode == 0, r.stderr.decode()
    assert len(list((tmp_path / "tml").glob("*.tml"))) == 5
    r = run("eval", str(tmp_path / "tml"), "--system", str(tmp_path / "tml"), "-f", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["strict"]["f1"] == 1.0


def test_table_fits_80_columns_and_sources_are_a_count_and_the_first_ids():
    r = run(str(KOMPAS), "-q", "--since", "2014-12", "--until", "2014-12", env={"COLUMNS": "80"})
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert len(lines) > 10 and max(len(l) for l in lines) <= 80
    import re

    # an event told by several articles: how many, then the first ids
    assert any(re.search(r" \d+: [\w-]+, [\w-]+…?$", l.rstrip()) for l in lines[1:])
    assert all(len(l.rstrip().split(" ")[-1]) <= 16 for l in lines[1:] if l.strip())


def _on_a_terminal(args: list[str], stdin=subprocess.DEVNULL) -> tuple[int, str, bytes]:
    """Run timeline with standard error on a pseudo-terminal: (exit code, what the terminal showed, stdout)."""
    import pty
    import re
    import threading

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", *args], stdin=stdin, stdout=subprocess.PIPE,
                            stderr=slave, cwd=ROOT, env={**os.environ, "COLUMNS": "100"})
    os.close(slave)
    shown = bytearray()

    def drain():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    out = proc.stdout.read()
    proc.wait(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", errors="replace"))
    return proc.returncode, text, out


def test_progress_on_a_terminal_counts_against_the_total_then_shows_the_merging_phase():
    code, shown, out = _on_a_terminal([str(STORY), "-j", "1", "-f", "jsonl"])
    assert code == 0 and out
    assert "/5" in shown and "eta" in shown  # five articles known before the first is read
    assert "merging events" in shown
    assert "5 articles read" in shown
    code, shown, out = _on_a_terminal([str(STORY), "-j", "1", "-f", "jsonl", "-q"])
    assert code == 0 and "eta" not in shown and "articles read" not in shown
