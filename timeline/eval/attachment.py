"""Which clause a time dates: the clause rules (events/candidates.py) and the dependency parser
(nlp/parse.py) against gold a helper annotated blind (tests/data/time-attachment/).

The gold gives, for every time expression of 140 sampled sentences, the word of the predicate it
places in time (`"governs": "mengatakan"`) or NONE when it dates nothing (a noun's attribute,
`pengiriman Januari`; a comparison's bound, `terendah sejak 2009`; a name). Both systems are scored
at the level that makes a row, the clause (`candidates.clauses`): a time is right when it dates the
clause holding the gold word, or nothing when the gold says NONE.
- rules: the clause of the candidate the time dates (for the time of saying, its attribution),
  nothing when no candidate takes it;
- parser: the clause of the time's syntactic head, nothing when it hangs on a noun not formed from a
  verb as an attribute (nmod, compound, …);
- hybrid: nothing when the rules say it dates nothing (`candidates.governs`), else the parser's clause.
Only the times the tagger gives a calendar value are scored (the others date no candidate either).
Run: `python -m timeline.eval.attachment` (add `--parser` to score the parser and the hybrid too).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "time-attachment"
_ATTRIBUTE = ("nmod", "compound", "flat", "appos", "amod", "det", "nummod")


def _nth(s: str, word: str, k: int) -> int | None:
    i = -1
    for _ in range(k):
        i = s.find(word, i + 1)
        if i < 0:
            return None
    return i


def _parser_clause(tree, body: int, t, piece_of):
    """The clause of the time's head by the tree, None when it dates nothing."""
    from ..nlp import is_predicate

    def inside(tok) -> bool:
        return body + tok.idx < t.end and t.start < body + tok.idx + len(tok.text)

    tops = [tok for tok in tree if inside(tok) and (tok.head.i == tok.i or not inside(tok.head))]
    if not tops or tops[0].head.i == tops[0].i:
        return None
    top, head = tops[0], tops[0].head
    if top.dep_.split(":")[0] in _ATTRIBUTE and head.tag_ in ("NN", "NNP") and not is_predicate(head.text, head.tag_):
        return None
    return piece_of(body + head.idx)


def score(folder: Path = GOLD, parser: bool = False) -> Counter:
    """Counts: `n` times scored, `rules` right (and `parser`, `hybrid` with `parser`), the same
    over the sentences of more than one clause (`multi`, `rules_multi`, …)."""
    from ..events.candidates import calendar_date, clauses, dateline_end, find_candidates, governs
    from ..events.lexicon import default_lexicon
    from ..io.read import read
    from ..timex.dct import date_document
    from ..timex.tagger import tag

    lex = default_lexicon()
    sample = {}
    for line in (folder / "sample.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        sample[row["id"]] = row
    wanted = {row["doc"] for row in sample.values()}
    inputs = sorted({row["input"] for row in sample.values()})
    root = folder.parents[2]
    docs = {d.id: d for d in read([str(root / p) for p in inputs]) if d.id in wanted}
    prepared: dict = {}
    counts: Counter = Counter()
    for line in (folder / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        if not g.get("time"):
            continue
        row = sample[g["id"]]
        doc = docs[row["doc"]]
        if doc.id not in prepared:
            date_document(doc, None)
            timexes = tag(doc.text, doc.dct)
            prepared[doc.id] = (timexes, find_candidates(doc, timexes, lex))
        timexes, cands = prepared[doc.id]
        text, sentence = doc.text, row["text"]
        s0 = text.find(sentence, row["start"])
        a = s0 + sentence.find(g["time"])
        b = a + len(g["time"])
        ours = [t for t in timexes if t.start < b and a < t.end and t.type in ("DATE", "TIME") and calendar_date(t.value)]
        if not ours:
            counts["not_calendar"] += 1
            continue
        t = ours[0]
        body = dateline_end(text, s0, s0 + len(sentence))
        pieces = [(body + x, body + y) for x, y, _ in clauses(text[body:s0 + len(sentence)])]

        def piece_of(offset: int) -> int | None:
            return next((k for k, (x, y) in enumerate(pieces) if x <= offset < y), None)

        none = g["governs"] == "NONE"
        gold_piece = None if none else piece_of(s0 + _nth(sentence, g["governs"], g.get("occurrence") or 1))
        c = next((c for c in cands if c.timex is not None and c.timex.start == t.start), None)
        answers = {"rules": None if c is None else piece_of(t.start if c.anchor == "attribution" else c.start)}
        if parser:
            from ..nlp.parse import parse

            tree = parse(text[body:s0 + len(sentence)])
            answers["parser"] = None if tree is None else _parser_clause(tree, body, t, piece_of)
            answers["hybrid"] = None if not governs(text, t) else \
                answers["parser"] if answers["parser"] is not None else answers["rules"]
        counts["n"] += 1
        counts["multi"] += len(pieces) > 1
        for name, piece in answers.items():
            right = (piece is None) if none else (piece == gold_piece)
            counts[name] += right
            counts[name + "_multi"] += right and len(pieces) > 1
            if name != "rules":
                counts[name + "_gains"] += right and not counts_right(answers["rules"], none, gold_piece)
                counts[name + "_losses"] += not right and counts_right(answers["rules"], none, gold_piece)
    return counts


def counts_right(piece, none: bool, gold_piece) -> bool:
    return (piece is None) if none else (piece == gold_piece)


def main(argv: list[str]) -> None:
    c = score(parser="--parser" in argv)
    n, m = c["n"], c["multi"]
    print(f"{n} gold times with a calendar value ({c['not_calendar']} others left out); {m} in sentences of several clauses")
    for name in ("rules", "parser", "hybrid"):
        if name in c or name == "rules":
            extra = f"  (vs rules: +{c[name + '_gains']} −{c[name + '_losses']})" if name != "rules" else ""
            print(f"{name:7} {c[name]}/{n} = {c[name] / n:.2f}   several clauses {c[name + '_multi']}/{m} = {c[name + '_multi'] / m:.2f}{extra}")


if __name__ == "__main__":
    main(sys.argv[1:])
