#!/usr/bin/env python
"""Derive the Indonesian common words shipped in ``timeline/lang/id/common_words.txt``.

Usage (from the repository root, as ``make model`` does)::

    python scripts/common_words.py --data ../shared/data/pos --out timeline/lang/id/common_words.txt

A capitalised word at the start of a sentence or a quote says nothing of its being a name: there
every word is capitalised (`"Mimpi ini kita harapkan …`, `Masalah politik Rusia …`), and the entity
model guesses. This list is the evidence the article may lack: the words the news corpus
(``<data>/nlp-id-postag.tsv``, 560k tokens) writes in lower case at least ``MIN_LOWER`` times and at
least ``RATIO`` times as often as capitalised inside a sentence (where capitals mean a name). A
one-word name that is one of them is a common word (events/describe.py); `harga`, `masalah` are,
`garuda` (4 lower, 96 capitalised), `presiden`, `bank`, `indonesia` are not.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

MIN_LOWER = 3
RATIO = 4


def counts(path: Path) -> tuple[Counter, Counter]:
    """Lower-case and capitalised occurrences of each word inside sentences (not a sentence's first
    word, nor the first after an opening quote or bracket)."""
    low, cap = Counter(), Counter()
    first = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            first = True
            continue
        w = line.split("\t")[0]
        if not w[:1].isalpha():
            continue  # punctuation keeps `first` as it was: `" Mimpi …` opens the quote's sentence
        if first:
            first = False
            continue
        if w.islower():
            low[w] += 1
        elif w[:1].isupper() and not w.isupper():
            cap[w.lower()] += 1
    return low, cap


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="folder holding nlp-id-postag.tsv")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    low, cap = counts(args.data / "nlp-id-postag.tsv")
    words = sorted(w for w, k in low.items() if k >= MIN_LOWER and k >= RATIO * cap[w])
    args.out.write_text("# derived by scripts/common_words.py from the nlp-id POS corpus (MIT, kumparan);"
                        " one word per line\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words → {args.out}")


if __name__ == "__main__":
    main()
