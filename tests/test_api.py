"""The Python API, the spaCy component, the JSON Schema, workers under spawn, the package's names."""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import timeline
from timeline.model import Document

ROOT = Path(__file__).parent.parent
STORY = ROOT / "tests" / "data" / "stories" / "riau_governor_kpk_2025" / "articles.jsonl"
SCHEMA = ROOT / "docs" / "timeline.schema.json"


@pytest.fixture(scope="module")
def seeds():
    return timeline.build(timeline.seed_paths())


def test_read_and_tag_work_on_every_call():
    for _ in range(3):
        docs = list(timeline.read([ROOT / "seeds"]))
        assert len(docs) == 5 and callable(timeline.read)
        assert [t.value for t in timeline.tag("pada Rabu (10/12)", datetime.date(2014, 12, 11))] == ["2014-12-10"]


def test_events_to_dicts_and_dates_to_python_spans_one_call_each(seeds):
    e = seeds.events[0]
    d = e.as_dict()
    assert d["id"] == e.id and d["date"] == e.date and isinstance(d["mentions"][0], dict)
    json.dumps(d)  # plain data
    first, last = e.span()
    assert isinstance(first, datetime.date) and first <= last
    assert timeline.span("2024-W19") == (datetime.date(2024, 5, 6), datetime.date(2024, 5, 12))
    assert timeline.span("2024-02") == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    assert timeline.span("2019") == (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    assert timeline.span("2023-09-12T10:58") == (datetime.date(2023, 9, 12),) * 2
    with pytest.raises(ValueError):
        timeline.span("PAST_REF")
    assert set(seeds.as_dict()) == {"documents", "events"}


def test_a_span_of_days_fills_date_end():
    text = ("JAKARTA, KOMPAS.com - Pameran Buku Indonesia digelar di Jakarta Convention Center pada "
            "13-15 September 2023. Menteri membuka pameran itu pada Rabu (13/9/2023).")
    c = timeline.extract([Document(id="x", text=text, dct=datetime.date(2023, 9, 12), dct_source="input")])
    spans = [(e.date, e.date_end) for e in c.events if e.date_end]
    assert spans == [("2023-09-13", "2023-09-15")]
    assert [e for e in c.events if e.date_end][0].span() == (datetime.date(2023, 9, 13), datetime.date(2023, 9, 15))


def test_no_mention_is_listed_twice(seeds):
    for chronology in (seeds, timeline.build([STORY])):
        for e in chronology.events:
            where = [(m.doc, m.start, m.end) for m in e.mentions]
            assert len(where) == len(set(where)), e.title
            assert len(e.sources) == len(set(e.sources))


def test_spacy_component_puts_timex_spans_on_the_doc():
    import spacy

    nlp = spacy.blank("id")
    nlp.add_pipe("timeline_timex", config={"dct": "2014-12-11"})  # found through its entry point
    doc = nlp("Rapat digelar pada Rabu (10/12) dan dilanjutkan besok pagi.")
    spans = doc.spans["timex"]
    assert [(s.text, s.label_, s._.timex_value) for s in spans][0] == ("Rabu (10/12)", "DATE", "2014-12-10")
    assert len(spans) == 2 and spans[1].text.startswith("besok")
    doc = nlp.make_doc("Sidang digelar kemarin.")
    doc._.dct = datetime.date(2024, 6, 19)  # a document's own publication date wins
    assert [s._.timex_value for s in nlp.get_pipe("timeline_timex")(doc).spans["timex"]] == ["2024-06-18"]


def _validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_build_json_of_the_seeds_and_a_story_validates_against_the_schema(seeds):
    v = _validator()
    for data in (seeds.as_dict(), timeline.build([STORY]).as_dict()):
        errors = [f"{list(e.path)}: {e.message}" for e in v.iter_errors(data)]
        assert errors == []
    broken = seeds.as_dict()
    broken["events"][0]["date"] = "13 September"
    del broken["events"][1]["sources"]
    assert len(list(v.iter_errors(broken))) == 2  # the schema does check


def test_tag_json_validates_against_the_schema():
    r = subprocess.run([sys.executable, "-m", "cli.main", "tag", str(ROOT / "seeds"), str(ROOT / "tests/data/inputs"),
                        "-f", "json"], capture_output=True, cwd=ROOT, timeout=300)
    data = json.loads(r.stdout)
    assert any(d["status"] == "error" for d in data["documents"]) and "events" not in data
    assert [f"{list(e.path)}: {e.message}" for e in _validator().iter_errors(data)] == []


def test_workers_work_under_spawn():
    env = {**os.environ, "TIMELINE_START_METHOD": "spawn"}
    one = subprocess.run([sys.executable, "-m", "cli.main", str(STORY), "-q", "-j", "1", "-f", "jsonl"],
                         capture_output=True, cwd=ROOT, timeout=600)
    two = subprocess.run([sys.executable, "-m", "cli.main", str(STORY), "-q", "-j", "2", "-f", "jsonl"],
                         capture_output=True, cwd=ROOT, timeout=600, env=env)
    assert two.returncode == 0, two.stderr.decode()
    assert two.stdout == one.stdout and one.stdout


def test_tagging_workers_work_under_spawn(monkeypatch):
    monkeypatch.setenv("TIMELINE_START_METHOD", "spawn")
    monkeypatch.setattr(timeline, "POOL_AFTER_CHARS", 0)
    docs = list(timeline.read([ROOT / "tests" / "data" / "kompas-dev"]))[:12]
    pooled = [(d.id, d.dct, [t.as_dict() for t in ts]) for d, ts in timeline.tag_documents(iter(docs), workers=2)]
    alone = [(d.id, d.dct, [t.as_dict() for t in ts])
             for d, ts in timeline.tag_documents(iter(list(timeline.read([ROOT / "tests" / "data" / "kompas-dev"]))[:12]))]
    assert pooled == alone and len(pooled) == 12


def test_the_wheel_has_the_projects_names_and_builds_without_warnings(tmp_path):
    import shutil

    had_build = (ROOT / "build").exists()
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                       capture_output=True, cwd=tmp_path, timeout=600)
    if not had_build:
        shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools builds in the source tree
    if r.returncode != 0 and b"No matching distribution" in r.stderr + r.stdout:
        pytest.skip("no setuptools to build with (offline)")
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    log = (r.stdout + r.stderr).decode()
    assert "BuildBackendWarning" not in log and "would be ignored" not in log
    (wheel,) = tmp_path.glob("timeline-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if not n.startswith("timeline-")} == {"timeline", "timeline_cli"}
    assert sum(n.startswith("timeline/seeds/") and n.endswith(".txt") for n in names) == 5
    assert any(n.startswith("timeline/lang/id/models/ner/ner/") for n in names)
    assert "timeline_cli/main.py" in names
