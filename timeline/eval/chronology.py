"""Scoring a chronology against a gold chronology, by the rule of docs/chronology-scoring.md.

A row matches a gold event when its date starts with the gold date and one of the event's keywords
occurs (case-insensitive) in the first 15 words of its title, its participants or its places; the
event is found when a matching row's sources include an article that tells it. Core recall, all
recall, duplication (matching rows per found event) and row precision (rows matching any gold
event) follow. `tests/test_eval_chronology.py` checks that this agrees with the reference scorer.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

TITLE_WORDS = 15
BARS = {"core_recall": 0.90, "duplication": 1.10, "row_precision": 0.60}


@dataclass
class StoryScore:
    story: str
    core_found: int
    core_total: int
    found: int
    total: int
    matching_rows: int  # over the found events
    rows: int
    rows_matched: int
    missed_core: list[str] = field(default_factory=list)

    @property
    def core_recall(self) -> float:
        return self.core_found / self.core_total if self.core_total else 0.0

    @property
    def all_recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def duplication(self) -> float | None:
        return self.matching_rows / self.found if self.found else None

    @property
    def row_precision(self) -> float:
        return self.rows_matched / self.rows if self.rows else 0.0

    def passes(self) -> bool:
        return (self.found > 0 and self.core_found >= BARS["core_recall"] * self.core_total - 1e-9
                and self.matching_rows <= BARS["duplication"] * self.found + 1e-9
                and self.row_precision >= BARS["row_precision"] - 1e-9)

    def as_dict(self) -> dict:
        return {"story": self.story, "core_recall": round(self.core_recall, 4), "core_found": self.core_found,
                "core_total": self.core_total, "all_recall": round(self.all_recall, 4), "found": self.found,
                "total": self.total, "duplication": None if self.duplication is None else round(self.duplication, 4),
                "rows": self.rows, "row_precision": round(self.row_precision, 4), "passes": self.passes(),
                "missed_core": self.missed_core}


def _flat(x) -> str:
    return str(x.get("name") or x.get("id") or x.get("doc") or "") if isinstance(x, dict) else str(x)


def score(gold: dict, build: dict, story: str = "") -> StoryScore:
    """Score `build` (the JSON document of `timeline build -f json`) against `gold` (gold.json)."""
    events = gold["events"]
    rows = [e if isinstance(e, dict) else {} for e in build.get("events") or []]
    alias: dict[str, set[str]] = {}
    for d in build.get("documents") or []:
        if isinstance(d, dict):
            names = {str(d[k]) for k in ("id", "source", "file", "path") if d.get(k) not in (None, "")}
            for n in names:
                alias.setdefault(n, set()).update(names)

    def hay(e: dict) -> str:
        title = " ".join(str(e.get("title") or "").split()[:TITLE_WORDS])
        parts = [title] + list(e.get("participants") or []) + list(e.get("places") or [])
        return " | ".join(" ".join(_flat(x).split()) for x in parts).lower()

    def sources(e: dict) -> str:
        ss = e.get("sources") or []
        return " ".join(n for s in ([ss] if isinstance(ss, str) else ss) for n in alias.get(_flat(s), {_flat(s)}))

    hays = [hay(e) for e in rows]
    srcs = [sources(e) for e in rows]
    hit: set[int] = set()
    found, matching, core_found, missed = 0, 0, 0, []
    for g in events:
        m = [i for i, e in enumerate(rows) if str(e.get("date") or "").startswith(g["date"])
             and any(k.lower() in hays[i] for k in g["keywords"])]
        hit.update(m)
        ok = any(any(s in srcs[i] for s in g["sources"]) for i in m)
        if ok:
            found += 1
            matching += len(m)
            core_found += bool(g.get("core"))
        elif g.get("core"):
            missed.append(f"{g['date']} {g.get('name') or g.get('title_id') or g.get('id')}")
    return StoryScore(story=story or gold.get("story", ""), core_found=core_found,
                      core_total=sum(1 for g in events if g.get("core")), found=found, total=len(events),
                      matching_rows=matching, rows=len(rows), rows_matched=len(hit), missed_core=missed)


def is_chronology_gold(path: Path) -> bool:
    """A story folder (`gold.json` beside `articles.jsonl`) or a gold chronology file."""
    if path.is_dir():
        return (path / "gold.json").is_file()
    if path.suffix == ".json" and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and isinstance(data.get("events"), list) and \
            all(isinstance(e, dict) and "keywords" in e for e in data["events"])
    return False


def story_files(path: Path) -> tuple[Path, Path]:
    """(gold.json, the articles it scores) of a story folder or gold file."""
    gold = path / "gold.json" if path.is_dir() else path
    articles = gold.parent / "articles.jsonl"
    return gold, articles


def format_scores(scores: list[StoryScore]) -> str:
    lines = [f"{'story':32} {'core':>10} {'all':>10} {'dup':>5} {'rows':>5} {'prec':>5}  bars"]
    for s in scores:
        dup = "n/a" if s.duplication is None else f"{s.duplication:.2f}"
        core = f"{s.core_found}/{s.core_total} {s.core_recall:.2f}"
        found = f"{s.found}/{s.total} {s.all_recall:.2f}"
        verdict = "pass" if s.passes() else "below"
        lines.append(f"{s.story[:32]:32} {core:>10} {found:>10} {dup:>5} {s.rows:>5} {s.row_precision:>5.2f}  {verdict}")
        lines.extend(f"    core missed: {m}" for m in s.missed_core)
    lines.append(f"bars: core recall >= {BARS['core_recall']:.2f}, duplication <= {BARS['duplication']:.2f}, "
                 f"row precision >= {BARS['row_precision']:.2f}")
    return "\n".join(lines)
