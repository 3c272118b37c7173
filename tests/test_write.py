"""Every export, written from the seeds and from a dev story, read back by its own consumer."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from timeline import extract, read, seed_paths
from timeline import write as writers
from timeline.model import Chronology, Document, Event, Mention
from timeline.schema import CSV_COLUMNS, event_row
from timeline.values import span_end, span_start
from timeline.write._common import neutral, one_line

ROOT = Path(__file__).parent.parent
STORY = ROOT / "tests" / "data" / "stories" / "aceh_sumut_four_islands_2025" / "articles.jsonl"
ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots kept by the browser test (not committed)


def _built(paths):
    docs = list(read(paths))
    texts = {d.id: d.text for d in docs}
    return extract(docs), texts


@pytest.fixture(scope="module", params=["seeds", "story"])
def built(request):
    """(name, chronology, texts) of the seeds and of one dev story."""
    paths = seed_paths() if request.param == "seeds" else [STORY]
    chronology, texts = _built(paths)
    assert len(chronology.events) >= 5
    return request.param, chronology, texts


def _render(fmt: str, chronology, texts=None, **context) -> str:
    out = io.StringIO(newline="")
    writers.write_events(fmt, out, chronology, chronology.events, texts=texts or {}, **context)
    return out.getvalue()


# ---------------------------------------------------------------- the registry


def test_every_writer_module_registers_one_format_and_the_extensions_choose_it():
    import pkgutil

    modules = [m.name for m in pkgutil.iter_modules(writers.__path__) if not m.name.startswith("_")]
    assert len(modules) == len(writers.formats())
    assert set(writers.names("build")) >= {"table", "json", "jsonl", "csv", "tsv", "markdown", "html", "ics",
                                           "timelinejs", "timelinejs-sheet", "timeml"}
    assert writers.names("tag") == ["table", "json", "jsonl", "timeml"]
    assert [writers.infer(p, "build") for p in ("k.ics", "K.HTML", "k.md", "k.tsv", "k.csv", "k.json", "-", "k.txt", None)] == \
        ["ics", "html", "markdown", "tsv", "csv", "json", None, None, None]
    assert writers.infer("out.tml", "tag") == "timeml" and writers.infer("out.csv", "tag") is None


# ---------------------------------------------------------------- TimelineJS


def _tl_date(d: dict) -> date:
    assert set(d) <= {"year", "month", "day"} and isinstance(d["year"], int)
    return date(d["year"], d.get("month", 1), d.get("day", 1))


def test_timelinejs_json_has_the_fields_timelinejs_requires(built):
    _, chronology, _ = built
    data = json.loads(_render("timelinejs", chronology))
    assert data["title"]["text"]["headline"]
    slides = data["events"]
    assert len(slides) == len(chronology.events)
    assert len({s["unique_id"] for s in slides}) == len(slides)
    for s, e in zip(slides, chronology.events):
        start = _tl_date(s["start_date"])  # a real calendar day: TimelineJS rejects month 13 or day 0
        assert start == span_start(e.date)
        assert s["text"]["headline"] and s["group"] == e.kind and s["unique_id"] == e.id
        if "-W" in e.date:  # an ISO week: its Monday to Sunday, labelled as the week
            assert _tl_date(s["end_date"]) == start + timedelta(days=6) and e.date in s["display_date"]
        if "end_date" in s:
            assert _tl_date(s["end_date"]) >= start
        assert "<script" not in s["text"]["text"]


def test_timelinejs_sheet_has_the_template_columns(built):
    _, chronology, _ = built
    rows = list(csv.DictReader(io.StringIO(_render("timelinejs-sheet", chronology))))
    assert len(rows) == len(chronology.events)
    assert list(rows[0]) == ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                             "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                             "Media Thumbnail", "Type", "Group", "Background"]
    for r, e in zip(rows, chronology.events):
        assert int(r["Year"]) == span_start(e.date).year and r["Headline"]
        assert (r["Day"] == "") == (len(e.date) < 10 and "-W" not in e.date)


# ---------------------------------------------------------------- iCalendar


def test_ics_reads_back_with_icalendar_all_day_spans_and_stable_uids(built):
    from icalendar import Calendar

    name, chronology, _ = built
    text = _render("ics", chronology)
    assert "\r\n" in text
    cal = Calendar.from_ical(text)
    vevents = cal.walk("VEVENT")
    assert len(vevents) == len(chronology.events)
    uids = [str(v["UID"]) for v in vevents]
    assert len(set(uids)) == len(uids)
    for v, e in zip(vevents, chronology.events):
        start, end = v.decoded("DTSTART"), v.decoded("DTEND")
        assert type(start) is date and type(end) is date  # all-day, no clock time
        assert start == span_start(e.date) and end == span_end(e.date_end or e.date) + timedelta(days=1)
        assert str(v["SUMMARY"]) == e.title
    if name == "seeds":  # a month is its whole month, a week its seven days
        months = [v for v, e in zip(vevents, chronology.events) if len(e.date) == 7 and "-W" not in e.date]
        weeks = [v for v, e in zip(vevents, chronology.events) if "-W" in e.date]
        assert months and weeks
        assert all((v.decoded("DTEND") - v.decoded("DTSTART")).days in (28, 29, 30, 31) for v in months)
        assert all((v.decoded("DTEND") - v.decoded("DTSTART")).days == 7 for v in weeks)
        again, _ = _built(seed_paths())  # another run: the same UIDs, the same file
        assert _render("ics", again) == text


# ---------------------------------------------------------------- Markdown, TSV, CSV


def _md_cells(line: str) -> list[str]:
    assert line.startswith("| ") and line.endswith(" |")
    return [c.replace("\\|", "|").replace("\\\\", "\\") for c in re.split(r"(?<!\\) \| ", line[2:-2])]


def test_markdown_table_round_trips(built):
    _, chronology, _ = built
    lines = _render("markdown", chronology).splitlines()
    assert _md_cells(lines[0]) == ["date", "what happened", "who", "where", "status", "sources"]
    assert set(lines[1]) <= set("|-")
    rows = [_md_cells(l) for l in lines[2:]]
    assert len(rows) == len(chronology.events)
    for cells, e in zip(rows, chronology.events):
        assert len(cells) == 6
        assert cells[1] == e.title.strip() and cells[4] == e.status and cells[5] == ", ".join(e.sources)


def test_tsv_round_trips_one_event_a_line(built):
    _, chronology, _ = built
    text = _render("tsv", chronology)
    lines = text.splitlines()
    assert lines[0].split("\t") == list(CSV_COLUMNS)
    assert len(lines) == len(chronology.events) + 1
    for line, e in zip(lines[1:], chronology.events):
        assert line.split("\t") == [neutral(one_line(c)) for c in event_row(e)]


def test_csv_round_trips_with_id_start_end_precision(built):
    _, chronology, _ = built
    rows = list(csv.DictReader(io.StringIO(_render("csv", chronology), newline="")))
    assert len(rows) == len(chronology.events)
    for r, e in zip(rows, chronology.events):
        assert list(r.values()) == [neutral(c) for c in event_row(e)]
        assert r["id"] == e.id and r["date"] == e.date
        assert r["start"] == span_start(e.date).isoformat() and r["end"] == span_end(e.date_end or e.date).isoformat()
        assert r["precision"] == ("week" if "-W" in e.date else {4: "year", 7: "month", 10: "day"}[len(e.date)])


def _hostile_event(title: str) -> Chronology:
    m = Mention(doc="d", start=0, end=10, sentence=title, trigger="", trigger_start=0, kind="event",
                status="occurred", date="2024-05-01")
    e = Event(id="e1", date="2024-05-01", kind="event", status="occurred", title=title, participants=["A\tB"],
              places=["-1+1"], confidence=0.5, sources=["d"], mentions=[m], conflicts=[])
    return Chronology(documents=[Document(id="d", text="x")], timexes={}, events=[e])


def test_csv_and_tsv_cells_are_safe():
    chronology = _hostile_event("\r=cmd|' /C calc'!A0\rsecond line, \"quoted\"")
    out = _render("csv", chronology)
    (row,) = list(csv.DictReader(io.StringIO(out, newline="")))
    assert row["title"].startswith("'\r=cmd") and row["places"] == "'-1+1"  # a formula never starts a cell
    assert out.count("\n") == 2  # the lone CRs are quoted, not line ends
    tsv = _render("tsv", chronology).splitlines()
    assert len(tsv) == 2 and len(tsv[1].split("\t")) == len(CSV_COLUMNS)
    md = _render("markdown", _hostile_event("a | b <img src=x onerror=alert(1)>")).splitlines()
    assert len(_md_cells(md[2])) == 6 and "<img" not in md[2]


def test_table_shows_no_terminal_control_sequence():
    from rich.console import Console

    buf = io.StringIO()
    writers.write_events_table(Console(file=buf, width=80, force_terminal=False, color_system=None),
                               _hostile_event("Judul \x1b]0;owned\x07 \x1b[2J bersih").events)
    out = buf.getvalue()
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;owned" in out


# ---------------------------------------------------------------- TimeML


def test_timeml_build_is_wellformed_and_scored_by_eval(built, tmp_path):
    name, chronology, texts = built
    folder = tmp_path / "tml"
    folder.mkdir()
    writers.write_events("timeml", None, chronology, chronology.events, texts=texts, folder=folder)
    files = sorted(folder.glob("*.tml"))
    assert len(files) == len([d for d in chronology.documents if d.status == "ok"])
    events = 0
    for f in files:
        root = ET.parse(f).getroot()  # well-formed XML
        tids = {t.get("tid") for t in root.iter("TIMEX3")}
        eids = {e.get("eid") for e in root.iter("EVENT")}
        instances = {i.get("eiid"): i.get("eventID") for i in root.iter("MAKEINSTANCE")}
        assert set(instances.values()) == eids
        for link in root.iter("TLINK"):
            assert link.get("relatedToTime") in tids and link.get("eventInstanceID") in instances
        events += len(eids)
    assert events >= len(chronology.events) // 2
    r = subprocess.run([sys.executable, "-m", "cli.main", "eval", str(files[0]), "--system", str(folder),
                        "--format", "json"], capture_output=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    scores = json.loads(r.stdout)
    assert scores["strict"]["f1"] == 1.0  # the file scored against itself: every TIMEX3 read back


def test_timeml_keeps_offsets_with_xml_illegal_characters():
    from timeline.timeml import parse_timeml

    text = "Rapat\x0b pada 3 Mei 2024 \x01 dibuka."
    chronology = Chronology(documents=[Document(id="d", text=text)], timexes={}, events=[])
    from timeline.write.timeml import timeml
    from timeline.timex.tagger import tag

    timexes = tag(text, date(2024, 5, 4))
    markup = timeml(Document(id="d", text=text), timexes)
    ET.fromstring(markup.split("\n", 1)[1])  # parses as XML 1.0
    doc, gold = parse_timeml(markup)
    assert len(doc.text) == len(text) and [(g.start, g.end, g.value) for g in gold] == \
        [(t.start, t.end, t.value) for t in timexes]


# ---------------------------------------------------------------- HTML, in a real browser


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def _browse(page: Path, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr",
                               "--v=0", *extra, page.as_uri()], capture_output=True, timeout=120)


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_html_page_in_headless_chromium(built, tmp_path):
    name, chronology, _ = built
    page = tmp_path / "kronologi.html"
    page.write_text(_render("html", chronology), encoding="utf-8")
    r = _browse(page, "--dump-dom")
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    dom, log = r.stdout.decode(), r.stderr.decode()
    console = [l for l in log.splitlines() if ":CONSOLE" in l]
    assert console == []  # no script error, no message at all
    assert f'data-rows-shown="{len(chronology.events)}"' in dom  # the script ran over every row
    rows = re.findall(r'<tr id="([^"]+)">', dom)
    assert rows == [e.id for e in chronology.events]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"html-page-{name}.png"
    r = _browse(page, "--window-size=1280,1400", f"--screenshot={shot}")
    assert r.returncode == 0 and shot.stat().st_size > 10_000


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_html_page_escapes_every_text(tmp_path):
    hostile = '<script>document.title="owned"</script><img src=x onerror="document.title=1">'
    page = tmp_path / "x.html"
    page.write_text(_render("html", _hostile_event(hostile)), encoding="utf-8")
    r = _browse(page, "--dump-dom")
    dom = r.stdout.decode()
    assert dom.count("<script") == 1 and "<img" not in dom and "<title>Kronologi</title>" in dom
    assert 'data-rows-shown="1"' in dom
