"""`timeline eval` on gold chronologies: it agrees with the reference scorer on every dev story, and
the chronology of each story finds what it found when last measured (README "Scores")."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import extract, read
from timeline.eval.chronology import is_chronology_gold, score
from timeline.schema import chronology_dict

STORIES = sorted(p for p in (Path(__file__).parent / "data" / "stories").iterdir() if p.is_dir())
SCORER = Path(__file__).parent / "data" / "score-chronology"  # a copy of the reference scorer


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    out = {}
    for story in STORIES:
        path = tmp_path_factory.mktemp(story.name) / "build.json"
        path.write_text(json.dumps(chronology_dict(extract(read([story / "articles.jsonl"]))), ensure_ascii=False),
                        encoding="utf-8")
        out[story.name] = path
    return out


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_agrees_with_the_reference_scorer(story, builds):
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    mine = score(gold, json.loads(builds[story.name].read_text(encoding="utf-8")))
    ref = subprocess.run([sys.executable, str(SCORER), str(story / "gold.json"), str(builds[story.name])],
                         capture_output=True, text=True).stdout
    assert f"core {mine.core_found}/{mine.core_total} found" in ref
    assert f"all {mine.found}/{mine.total};" in ref
    assert f"{mine.rows} rows, {mine.rows - mine.rows_matched} match no gold event" in ref
    dup = "n/a" if mine.duplication is None else f"{mine.duplication:.2f}"
    assert f"duplication {dup} over {mine.found} found" in ref


def test_the_cli_scores_story_folders():
    r = subprocess.run([sys.executable, "-m", "cli.main", "eval", str(STORIES[0]), "-f", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    [row] = json.loads(r.stdout)
    assert row["story"] == STORIES[0].name and 0 < row["core_total"] and row["rows"] > 0


def test_gold_chronologies_are_told_from_timeml():
    assert all(is_chronology_gold(s) for s in STORIES)
    assert not is_chronology_gold(Path(__file__).parent / "data" / "seeds-gold")


def test_the_stories_keep_their_core_events(builds):
    """Measured when last changed: 25 of 33 core events over the five stories (README "Scores")."""
    found = 0
    for story in STORIES:
        gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
        found += score(gold, json.loads(builds[story.name].read_text(encoding="utf-8"))).core_found
    assert found >= 24
