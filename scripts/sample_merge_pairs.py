"""Draws pairs of candidates for a blind same-event label (the pairs of tests/data/merge-labels.jsonl).

The candidates are those of the inputs (the seeds and kompas-dev) that the shipped classifier keeps,
without vague-future and partial ones; a pair is two of them within reach of each other (a date
relation `pairs.reach` allows and a shared content word or participant: what the merge model is asked
about). Identical sentence pairs count once. Half the sample is drawn from the 400 most similar
pairs (TF-IDF cosine), half from the rest, so that pairs telling one event are not too rare to learn
from. Each line gives the labeller the two clauses, their sentences, the 300 characters before
each and the articles' dates: nothing the tool decided about them.

    python scripts/sample_merge_pairs.py seeds tests/data/kompas-dev --n 260 --seed 20261202 > pairs.jsonl

(tests/data/merge-labels.jsonl was labelled on the pairs this drew at commit 2b5acd8.)
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_events import processed  # noqa: E402
from timeline.events.classify import threshold  # noqa: E402
from timeline.events.cluster import pair_features, vectors_of  # noqa: E402
from timeline.events.lexicon import load_lexicon  # noqa: E402
from timeline.events.pairs import cosine  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", type=Path, nargs="+")
    ap.add_argument("--n", type=int, default=260)
    ap.add_argument("--top", type=int, default=400, help="how many of the most similar pairs half the sample comes from")
    ap.add_argument("--seed", type=int, default=20261202)
    args = ap.parse_args()
    procs, texts = processed(args.inputs)
    lex = load_lexicon()
    compatible = {k: set(v.get("compatible", [])) for k, v in lex.kinds.items()}
    cut = threshold()
    cands = [c for p in procs for c in p.candidates if c.probability >= cut and c.anchor not in ("future", "partial")]
    sentences = {k: v for p in procs for k, v in p.sentences.items()}
    dcts = {p.doc.id: p.doc.dct for p in procs}
    vectors = vectors_of(cands)
    seen, pairs = set(), []
    for i, a in enumerate(cands):
        for b in cands[i + 1:]:
            if pair_features(a, vectors[id(a)], b, vectors[id(b)], compatible) is None:
                continue
            texts_ab = tuple(sorted([sentences[(a.doc, a.sentence_start)], sentences[(b.doc, b.sentence_start)]]))
            if texts_ab in seen:
                continue
            seen.add(texts_ab)
            pairs.append((a, b))
    pairs.sort(key=lambda ab: -cosine(vectors[id(ab[0])], vectors[id(ab[1])]))
    rng = random.Random(args.seed)
    half = args.n // 2
    top, rest = pairs[:args.top], pairs[args.top:]
    sample = rng.sample(top, min(half, len(top))) + rng.sample(rest, min(args.n - half, len(rest)))
    rng.shuffle(sample)

    def side(c):
        return {"cid": f"{c.doc}:{c.start}", "doc": c.doc, "article_date": str(dcts[c.doc]),
                "clause": texts[c.doc][c.start:c.end], "before": texts[c.doc][max(0, c.sentence_start - 300):c.sentence_start],
                "sentence": sentences[(c.doc, c.sentence_start)]}

    for n, (a, b) in enumerate(sample):
        print(json.dumps({"pair": n, "a": side(a), "b": side(b)}, ensure_ascii=False))
    print(f"{len(cands)} candidates, {len(pairs)} distinct pairs within reach, {len(sample)} drawn", file=sys.stderr)


if __name__ == "__main__":
    main()
