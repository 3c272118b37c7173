"""Trains the event classifier (timeline/lang/id/models/events.json) and reports leave-one-story-out scores.

Labels:
- the dev stories (`--stories`, each `articles.jsonl` + `gold.json`): a candidate is an event when its
  clause overlaps an evidence quote of a gold event in its article and its date is compatible with
  that event's (the gold was made by hand, blind to this tool);
- `--labels` (JSON Lines of {"cid": "doc:offset", "label": 0|1}): candidates of the seeds and of
  kompas-dev labelled by a helper who never saw the model's output (`--label-inputs`);
- `--merge-labels` (JSON Lines of {"a": cid, "b": cid, "same": 0|1}): pairs of those candidates
  within reach of each other, labelled one event or two by a helper who saw only the two sentences,
  their context and their articles' dates; they train the merge model in every fold.

For each story, a model trained on the other stories (and the labelled seeds and kompas-dev) decides
that story's candidates; its chronology is scored by docs/chronology-scoring.md. The shipped model is
then trained on everything. scikit-learn's LogisticRegression, fixed seed; weights written as JSON so
that the tool itself needs no scikit-learn.

    python scripts/train_events.py --stories tests/data/stories --labels tests/data/event-labels.jsonl \
        --label-inputs seeds tests/data/kompas-dev --out timeline/lang/id/models/events.json
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline import read  # noqa: E402
from timeline.chronology import process_all, things_everywhere  # noqa: E402
from timeline.eval.chronology import score  # noqa: E402
from timeline.events import events_of  # noqa: E402
from timeline.events.cluster import pair_features, vectors_of  # noqa: E402
from timeline.events.lexicon import load_lexicon  # noqa: E402
from timeline.schema import chronology_dict  # noqa: E402
from timeline.model import Chronology  # noqa: E402

C = 1.0
SEED = 0


def processed(paths: list[Path]):
    lex = load_lexicon()
    docs = list(read(paths))
    texts = {d.id: d.text for d in docs}
    procs = list(process_all(docs, None, lex, 1))
    things_everywhere(procs)
    return procs, texts


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def story_labels(story: Path):
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    procs, texts = processed([story / "articles.jsonl"])
    quotes = []  # (doc, start, end, date)
    for g in gold["events"]:
        for ev in g.get("evidence", []):
            at = texts.get(ev["doc"], "").find(ev["quote"])
            if at >= 0:
                quotes.append((ev["doc"], at, at + len(ev["quote"]), g["date"], g["id"]))
    labelled, told = [], {}
    for p in procs:
        for c in p.candidates:
            ids = {gid for d, s, e, gd, gid in quotes if d == c.doc and s < c.end and c.start < e and _compatible(c.date, gd)}
            labelled.append((c, int(bool(ids))))
            told[id(c)] = ids
    told_by_key: dict[tuple, set] = {}
    for p in procs:
        for c in p.candidates:
            told_by_key.setdefault(_key(c), set()).update(told[id(c)])
    return gold, procs, labelled, pair_rows(procs, told), told_by_key


def _key(c) -> tuple:
    return (c.doc, c.sentence_start, c.date)


def mixed_rows(built: dict, told_by_key: dict) -> int:
    """Rows that join mentions telling different gold events (two mentions whose gold events are
    disjoint): over-merging, which the chronology score does not see."""
    n = 0
    for e in built["events"]:
        sets = [told_by_key.get((m["doc"], m["start"], m["date"]), set()) for m in e["mentions"]]
        sets = [x for x in sets if x]
        n += any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:])
    return n


def pair_rows(procs, told):
    """(features, 1 when both tell one gold event, 0 when they tell different ones) of every pair of
    candidates within reach of each other that tell some gold event."""
    lex = load_lexicon()
    compatible = {k: set(v.get("compatible", [])) for k, v in lex.kinds.items()}
    cands = [c for p in procs for c in p.candidates if told[id(c)] and c.anchor not in ("future", "partial")]
    vectors = vectors_of(cands)
    rows = []
    for i, a in enumerate(cands):
        for b in cands[i + 1:]:
            f = pair_features(a, vectors[id(a)], b, vectors[id(b)], compatible)
            if f is not None:
                rows.append((f, int(bool(told[id(a)] & told[id(b)]))))
    return rows


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labelled_pairs(labels: list[dict], by_cid: dict) -> list:
    """(features, same) of each labelled pair whose two candidates are still found and within reach;
    the words' weights (TF-IDF) are those of all the candidates of the labelled inputs."""
    lex = load_lexicon()
    compatible = {k: set(v.get("compatible", [])) for k, v in lex.kinds.items()}
    vectors = vectors_of(list(by_cid.values()))
    rows = []
    for r in labels:
        a, b = by_cid.get(r["a"]), by_cid.get(r["b"])
        if a is None or b is None:
            continue
        f = pair_features(a, vectors[id(a)], b, vectors[id(b)], compatible)
        if f is not None:
            rows.append((f, int(r["same"])))
    return rows


def fit(rows, C=C, balanced=True):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=False)
    X = vec.fit_transform([c if isinstance(c, dict) else c.features for c, _ in rows])
    y = [label for _, label in rows]
    model = LogisticRegression(C=C, class_weight="balanced" if balanced else None, max_iter=2000, random_state=SEED).fit(X, y)
    weights = {name: round(float(w), 6) for name, w in zip(vec.feature_names_, model.coef_[0]) if abs(w) > 1e-9}
    return weights, round(float(model.intercept_[0]), 6)


def apply(weights, intercept, cands):
    import math

    for c in cands:
        z = intercept + sum(weights.get(k, 0.0) * x for k, x in c.features.items())
        c.probability = 1 / (1 + math.exp(-max(-30, min(30, z))))


def build_score(gold, procs, weights, intercept, threshold, merge, dump: Path | None = None, told=None):
    cands = [c for p in procs for c in p.candidates]
    apply(weights, intercept, cands)
    sentences = {k: v for p in procs for k, v in p.sentences.items()}
    dcts = {p.doc.id: p.doc.dct for p in procs}
    lex = load_lexicon()
    compatible = {k: set(v.get("compatible", [])) for k, v in lex.kinds.items()}
    events, _ = events_of(cands, sentences, threshold, dcts, compatible, merge)
    chron = Chronology(documents=[p.doc for p in procs], timexes={p.doc.id: p.timexes for p in procs}, events=events)
    built = chronology_dict(chron)
    if dump is not None:
        dump.write_text(json.dumps(built, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    s = score(gold, built)
    s.mixed = mixed_rows(built, told or {})
    return s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", type=Path, required=True)
    ap.add_argument("--labels", type=Path)
    ap.add_argument("--label-inputs", type=Path, nargs="*", default=[])
    ap.add_argument("--merge-labels", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--merge-out", type=Path, required=True)
    ap.add_argument("--merge-threshold", type=float, default=0.5)
    ap.add_argument("--dump", type=Path, help="write each held-out story's chronology (JSON) into this folder")
    args = ap.parse_args()
    t0 = time.time()
    stories = {s.name: story_labels(s) for s in sorted(p for p in args.stories.iterdir() if (p / "gold.json").exists())}
    extra, extra_pairs = [], []
    if args.labels or args.merge_labels:
        procs, _ = processed(args.label_inputs)
        by_cid = {f"{c.doc}:{c.start}": c for p in procs for c in p.candidates}
    if args.labels:
        for r in _jsonl(args.labels):
            if r["cid"] in by_cid:
                extra.append((by_cid[r["cid"]], int(r["label"])))
    if args.merge_labels:
        extra_pairs = labelled_pairs(_jsonl(args.merge_labels), by_cid)
        print(f"{len(extra_pairs)} labelled pairs ({sum(y for _, y in extra_pairs)} one event)")
    report = {}
    print(f"{'held-out story':32} core      all       dup   rows prec mixed")
    for name, (gold, procs, _, _, told) in stories.items():
        train = extra + [r for other, (_, _, rows, _, _) in stories.items() if other != name for r in rows]
        w, b = fit(train)
        mw, mb = fit(balanced=False, rows=extra_pairs + [r for other, (_, _, _, pr, _) in stories.items() if other != name
                                                          for r in pr])
        dump = None
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            dump = args.dump / f"{name}.json"
        s = build_score(gold, procs, w, b, args.threshold, (mw, mb, args.merge_threshold), dump, told)
        report[name] = s.as_dict()
        dup = "n/a" if s.duplication is None else f"{s.duplication:.2f}"
        print(f"{name:32} {s.core_found}/{s.core_total} {s.core_recall:.2f}  {s.found}/{s.total} {s.all_recall:.2f}  "
              f"{dup:5} {s.rows:4} {s.row_precision:.2f} {s.mixed:5}")
    everything = extra + [r for _, (_, _, rows, _, _) in stories.items() for r in rows]
    w, b = fit(everything)
    all_pairs = extra_pairs + [r for _, (_, _, _, pr, _) in stories.items() for r in pr]
    mw, mb = fit(all_pairs, balanced=False)
    args.merge_out.write_text(json.dumps({
        "note": "logistic regression over timeline/events/pairs.features; trained by scripts/train_events.py",
        "trained_on": {"pairs": len(all_pairs), "same_event": sum(y for _, y in all_pairs), "stories": sorted(stories),
                       "labelled_pairs": len(extra_pairs)},
        "intercept": mb, "threshold": args.merge_threshold, "weights": dict(sorted(mw.items()))},
        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    positives = sum(y for _, y in everything)
    args.out.write_text(json.dumps({
        "note": "logistic regression over timeline/events/describe.features; trained by scripts/train_events.py",
        "trained_on": {"candidates": len(everything), "events": positives, "stories": sorted(stories),
                       "labelled_extra": len(extra)},
        "leave_one_story_out": report, "intercept": b, "threshold": args.threshold,
        "weights": dict(sorted(w.items()))}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(everything)} candidates ({positives} events) → {args.out} in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
