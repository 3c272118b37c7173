"""Real inputs: a saved HTML page, URLs (a local server on 127.0.0.1), several articles on stdin,
the terminal, files of one name in two folders, JSON with other field names."""
from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from timeline import read
from timeline.io import read as reader

ROOT = Path(__file__).parent.parent
HTML = ROOT / "tests" / "data" / "html" / "kompas-rg01.html"
SEEDS = ROOT / "seeds"
STORY = ROOT / "tests" / "data" / "stories" / "riau_governor_kpk_2025" / "articles.jsonl"


def run(*args: str, input: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, cwd=ROOT, timeout=300,
                          input=input)


def _story_article(n: int = 0) -> dict:
    return json.loads(STORY.read_text(encoding="utf-8").splitlines()[n])


# ---------------------------------------------------------------- HTML pages


def test_html_page_gives_the_articles_text_title_and_date_without_the_page_around_it():
    (doc,) = list(read([HTML]))
    article = _story_article(0)
    assert doc.status == "ok" and doc.title == article["title"]
    assert doc.dct == date(2025, 11, 4) and doc.dct_source == "input"
    assert doc.text.startswith("JAKARTA, KOMPAS.com - Komisi Pemberantasan Korupsi (KPK) mengatakan")
    paragraphs = [p for p in article["text"].split("\n") if p.strip()]
    assert all(p in doc.text for p in paragraphs)  # every paragraph of the article
    for noise in ("Baca juga", "Beranda", "Megapolitan", "Terpopuler", "Copyright", "adsbygoogle", "dataLayer",
                  "console.log", "Harga Emas", "Tentang Kami"):
        assert noise not in doc.text, noise


def test_html_on_stdin_is_recognised_by_its_content():
    r = run("tag", "-", "-f", "json", input=HTML.read_bytes())
    (doc,) = json.loads(r.stdout)["documents"]
    assert r.returncode == 0 and doc["dct"] == "2025-11-04" and doc["timexes"]


def test_an_html_page_without_an_article_is_one_clear_error(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<!DOCTYPE html><html><body><nav><a href='/'>Beranda</a></nav></body></html>", encoding="utf-8")
    r = run("tag", str(page))
    assert r.returncode == 1 and r.stderr.decode().strip() == f"timeline: {page}: no article text found in this HTML page"


# ---------------------------------------------------------------- URLs


@pytest.fixture(scope="module")
def server():
    """A web server on 127.0.0.1 serving tests/data/html (stops with the module)."""
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(HTML.parent), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.RequestHandlerClass.log_message = lambda *a: None
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_url_is_fetched_and_read_as_its_page(server):
    r = run("tag", f"{server}/kompas-rg01.html", "-f", "json")
    assert r.returncode == 0, r.stderr.decode()
    (doc,) = json.loads(r.stdout)["documents"]
    assert doc["id"] == "kompas-rg01" and doc["source"] == f"{server}/kompas-rg01.html"
    assert doc["dct"] == "2025-11-04" and doc["title"].startswith("Bertambah 1 Tenaga Ahli")


def test_url_failures_are_one_line_each(server):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there
    r = run("tag", f"{server}/hilang.html", f"http://127.0.0.1:{port}/berita", str(SEEDS / "004_393e8c43df52946a.txt"))
    assert r.returncode == 1
    lines = r.stderr.decode().strip().splitlines()
    assert lines == [f"timeline: {server}/hilang.html: HTTP 404 File not found",
                     f"timeline: http://127.0.0.1:{port}/berita: connection refused"]
    assert b"004_393e8c43df52946a" in r.stdout  # the other input is still written


def test_a_url_that_does_not_answer_times_out(monkeypatch):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    monkeypatch.setattr(reader, "URL_TIMEOUT", 0.5)
    started = time.monotonic()
    (doc,) = list(read([f"http://127.0.0.1:{silent.getsockname()[1]}/lambat"]))
    silent.close()
    assert doc.status == "error" and doc.error == "no answer within 0.5 s" and doc.id == "lambat"
    assert time.monotonic() - started < 10


# ---------------------------------------------------------------- several articles on stdin


def _seed(name: str) -> bytes:
    return next(SEEDS.glob(f"{name}_*.txt")).read_bytes()


def test_three_articles_on_stdin_separated_by_a_line_or_a_form_feed():
    stdin = _seed("000") + b"\n---\n" + _seed("003") + b"\n\f\n" + _seed("004")
    r = run("tag", "-", "-f", "jsonl", input=stdin)
    assert r.returncode == 0, r.stderr.decode()
    docs = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [d["id"] for d in docs] == ["stdin:1", "stdin:2", "stdin:3"]
    # each its own date, as when read one by one: the 2024 meeting stays in 2024
    assert [d["dct"] for d in docs] == ["2023-09-14", "2024-06-19", "2023-09-12"]
    assert [d["source"] for d in docs] == ["<stdin>, article 1", "<stdin>, article 2", "<stdin>, article 3"]
    assert r.stderr == b""


def test_one_text_with_several_datelines_is_warned_about():
    r = run("tag", "-", "-f", "jsonl", input=_seed("000") + b"\n" + _seed("003"))
    (doc,) = [json.loads(l) for l in r.stdout.decode().splitlines()]
    err = r.stderr.decode().strip()
    assert r.returncode == 0 and doc["id"] == "stdin"
    assert err.startswith("timeline: <stdin>: warning: 2 datelines") and "---" in err and len(err.splitlines()) == 1


def test_on_a_terminal_stdin_says_how_to_end_and_one_ctrl_d_ends_it():
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "tag", "-", "-f", "jsonl"], stdin=slave,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    os.close(slave)
    try:
        os.write(master, b"JAKARTA, KOMPAS.com - Presiden tiba di Bandung pada Senin (3/2/2025).\n")
        time.sleep(0.5)
        os.write(master, b"\x04")  # one Ctrl-D at the start of a line
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert json.loads(out)["dct"] == "2025-02-03"
    assert "Ctrl-D" in err.decode() and "---" in err.decode()


# ---------------------------------------------------------------- ids, JSON fields


def test_two_files_of_one_name_in_two_folders_get_two_ids(tmp_path):
    for folder, seed in (("kompas", "000"), ("tribun", "003")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "berita.txt").write_bytes(_seed(seed))
    docs = list(read([tmp_path / "in"]))
    assert [d.id for d in docs] == ["berita", "tribun/berita"]
    r = run("tag", str(tmp_path / "in"), "-f", "timeml", "-o", str(tmp_path / "out") + "/")
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["berita.tml", "tribun_berita.tml"]
    assert "2024-06-19" in (tmp_path / "out" / "tribun_berita.tml").read_text(encoding="utf-8")


def test_json_input_with_other_field_names(tmp_path):
    lines = []
    for n in range(3):
        a = _story_article(n)
        lines.append(json.dumps({"uuid": a["id"], "judul": a["title"], "isi": a["text"],
                                 "meta": {"published": a["dct"] + "T09:15:00+07:00"}}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("tag", str(feed), "-f", "jsonl", "--text-field", "isi", "--id-field", "uuid", "--date-field", "meta.published")
    assert r.returncode == 0, r.stderr.decode()
    docs = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [(d["id"], d["dct"], d["dct_source"]) for d in docs] == \
        [(_story_article(n)["id"], _story_article(n)["dct"], "input") for n in range(3)]
    r = run("tag", str(feed), "-f", "jsonl")  # the default names: each line says what it lacks, once
    err = r.stderr.decode().strip().splitlines()
    assert r.returncode == 1 and len(err) == 3
    assert err[0] == f"timeline: {feed}:1: no 'text' field (its fields: uuid, judul, isi, meta; --text-field names another)"
