"""Dependency trees for Indonesian, and a headline compressed along them.

- `load()` returns the dependency parser trained by `make model` (scripts/train_parser.py, on the
  UD Indonesian treebanks) and shipped in timeline/lang/id/models/parser; `TIMELINE_PARSER_MODEL`
  points at another trained pipeline. Loaded once per process and only when a headline has to be
  shortened: most clauses never reach it.
- `compress(text, limit)` shortens a clause to at most `limit` words by deleting whole subtrees,
  never the predicate, its subject or its object: the deletion that loses least (`_least_loss`, a
  knapsack over the tree), where a clause hung on a word (a relative clause `yang …`, an adverbial
  clause, an apposition, a parenthesis) costs least and a name or a figure most (`… per barel` goes,
  not the whole `di bawah level 75 dollar AS per barel`), so that what is left is still a sentence:
  who did what (`Pemasangan alat kendali BBM bersubsidi di wilayah Kupang telah tuntas`, not
  `Pemasangan alat kendali … frekuensi radio`). The relations kept, the words never deleted and the
  weights are data: timeline/lang/id/clauses.toml [compress].
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path


def model_dir() -> Path:
    """Where the model is read from: $TIMELINE_PARSER_MODEL, else the shipped one."""
    from . import model_path

    return model_path("parser", "TIMELINE_PARSER_MODEL")


@cache
def load():
    """The parser pipeline, or None when it is not there (headlines are then cut, not compressed)."""
    path = model_dir()
    if not (path / "config.cfg").exists():
        return None
    import spacy

    from .blas import use_numpy_blas

    from .pos import _bare_tokenizer

    # the parser reads the tagger's tokens (compress), never its own tokenizer: loading that one
    # would cost seconds
    spacy.registry.tokenizers.register("timeline.bare_tokenizer.v1", func=_bare_tokenizer)
    nlp = spacy.load(path, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": "timeline.bare_tokenizer.v1"}}})
    use_numpy_blas(nlp)
    return nlp


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, float]]:
    from ..events.lexis import data

    d = data()["compress"]
    return frozenset(d["keep"]), frozenset(d["clauses"]), frozenset(w.lower() for w in d["keep_words"]), d["weights"]


@cache
def _amounts() -> frozenset[str]:
    """Words of amount whose counted noun phrase follows them (clauses.toml [compress] `amounts`)."""
    from ..events.lexis import data

    return frozenset(data()["compress"]["amounts"])


def _words(tokens) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def _is_core(t) -> bool:
    """The predicate, its subject or its object."""
    return t.dep_ == "ROOT" or (t.head.dep_ == "ROOT" and t.dep_.split(":")[0] in ("nsubj", "obj"))


def _least_loss(doc, excess: int, keep, clauses, keep_words, weights) -> set[int] | None:
    """The token indices of the subtrees whose deletion removes at least `excess` words and loses
    the least: a word weighs 1, a name's or a figure's more, a word of a clause hung on a word less,
    a word of a phrase that says more of the subject, the object or the predicate themselves more,
    and each cut costs as much again (a few whole phrases read better than many words picked out;
    clauses.toml [compress] `weights`). A knapsack over the tree: for each token, the least loss of
    deleting n words below it, keeping it or deleting it whole. None when no deletion is enough."""
    name_weight, clause_weight, cut = weights["name_or_figure"], weights["clause"], weights["cut"]
    amounts = _amounts()
    core_weight = weights["of_core"]

    def weight(t) -> float:
        return 0.0 if t.is_punct else name_weight if t.tag_ in ("NNP", "NUM") else 1.0

    def deletable(t) -> bool:
        # … nor the rest of a name (`Grup C`, `Stasiun Kupang Baru`, `Kupang–Ende`)
        before = doc[t.i - 2:t.i] if t.i >= 2 and doc[t.i - 1].text in "-–" else doc[t.i - 1:t.i]
        name_rest = t.tag_ == "NNP" and len(before) > 0 and before[0].tag_ == "NNP"
        # … nor one of two who did it (`Gubernur Budi Santoso dan Bupati Ani Lestari bertemu`)
        # (also when the parser hangs the second on the first's name: `Budi Santoso dan Bupati …`)
        joined = t.head
        while joined.dep_ in ("flat", "compound") and joined.head.i != joined.i:
            joined = joined.head
        joint = t.dep_ == "conj" and _is_core(joined)
        # … nor all that a common noun of the subject is told by (`fenomena | melemahnya
        # harga minyak`: a bare `Fenomena menjadi …` points at what is gone)
        only = t.head.dep_ == "nsubj" and t.head.head.dep_ == "ROOT" and t.head.tag_ != "NNP" and \
            [c for c in t.head.children if not c.is_punct and c.dep_ not in ("det", "case", "cc")] == [t]
        # … nor what a word of amount counts (`Sebanyak | 10 jenazah korban …`: `Sebanyak,` alone says nothing)
        counted = t.head.lower_ in amounts and t.head.i < t.i
        return t.dep_ != "ROOT" and t.dep_.split(":")[0] not in keep and t.lower_ not in keep_words \
            and not name_rest and not joint and not only and not counted

    def best(t) -> dict[int, tuple[float, frozenset[int]]]:
        """deleted words → (loss, deleted token indices), below `t` and `t` itself."""
        table = {0: (0.0, frozenset())}
        for child in t.children:
            sub = best(child)
            merged: dict[int, tuple[float, frozenset[int]]] = {}
            for n, (loss, ids) in table.items():
                for m, (loss2, ids2) in sub.items():
                    k = min(n + m, excess)  # more than enough counts as enough
                    if k not in merged or loss + loss2 < merged[k][0]:
                        merged[k] = (loss + loss2, ids | ids2)
            table = merged
        if deletable(t):
            words = list(t.subtree)
            n = min(_words(words), excess)
            factor = clause_weight if t.dep_.split(":")[0] in clauses else core_weight if _is_core(t.head) else 1.0
            loss = cut + sum(weight(x) for x in words) * factor
            if n not in table or loss < table[n][0]:
                table[n] = (loss, frozenset(x.i for x in words))
        return table

    roots = [t for t in doc if t.head.i == t.i]
    total = {0: (0.0, frozenset())}
    for r in roots:
        sub = best(r)
        total = {min(n + m, excess): min((total[n][0] + sub[m][0], total[n][1] | sub[m][1]),
                                         total.get(min(n + m, excess), (float("inf"), frozenset())), key=lambda x: x[0])
                 for n in total for m in sub}
    return set(total[excess][1]) if excess in total else None


def parse(text: str, known: dict[str, str] | None = None):
    """The dependency tree of `text` (a spaCy Doc on the tagger's tokens and tags), or None when
    there is no parser. `known`: the tags of words already tagged (lower-cased word → tag), which
    spare tagging the text again when they cover all its words."""
    nlp = load()
    if nlp is None:
        return None
    from spacy.tokens import Doc

    from . import tag_many

    tokens = _tagged(text, known) if known else None
    if tokens is None:
        tokens = tag_many([text])[0]  # the parser reads the tagger's tags beside the words
    if not tokens:
        return None
    spaces = [b < len(text) and text[b:b + 1].isspace() for _, b, _, _ in tokens]
    from . import verb_tag

    doc = Doc(nlp.vocab, words=[w for _, _, w, _ in tokens], spaces=spaces, tags=[verb_tag(w, t) for _, _, w, t in tokens])
    from .batch import pipe

    return pipe(nlp, [doc])[0]  # with the other documents' clauses, under `run_together`


def _tagged(text: str, known: dict[str, str]) -> list | None:
    """`text` in the tagger's tokens (its tokenizer is the named-entity model's), each with the tag
    `known` gives its word; None when a word is not there."""
    from .entities import ner_model

    out = []
    for t in ner_model().tokenizer(text):
        tag = known.get(t.lower_) or ("SYM" if t.is_punct else None)
        if tag is None:
            return None
        out.append((t.idx, t.idx + len(t.text), t.text, tag))
    return out


def core_end(doc) -> int:
    """Where the predicate of the sentence, its subject and its object end (a character offset in
    the text parsed): a headline cut before it has lost who did what."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return 0
    core = [root] + [c for c in root.children if c.dep_.split(":")[0] in ("nsubj", "obj")]
    return max(t.idx + len(t.text) for t in core)


def compress(text: str, limit: int, doc=None) -> str | None:
    """`text` in at most `limit` words by deleting subtrees (see the module docstring); None when
    there is no parser or no deletion brings it within the limit. `doc`: its tree, when parsed."""
    doc = doc if doc is not None else parse(text)
    if doc is None:
        return None
    keep, clauses, keep_words, weights = _rules()
    excess = _words(doc) - limit
    if excess <= 0:
        kept = list(range(len(doc)))
    else:
        gone = _least_loss(doc, excess, keep, clauses, keep_words, weights)
        if gone is None:
            return None
        kept = [i for i in range(len(doc)) if i not in gone]
    # nor does it end on a word that leads on to what was deleted (`… berpendapat tidak`, `… dalam`)
    while kept and ((doc[kept[-1]].is_punct and doc[kept[-1]].text not in ")]\"”'") or doc[kept[-1]].lower_ in keep_words
                    or doc[kept[-1]].dep_ in ("aux", "case", "mark", "cc")):
        kept.pop()
    if _words(doc[i] for i in kept) < 3:
        return None
    out = "".join(doc[i].text + (" " if doc[i].whitespace_ or (k + 1 < len(kept) and kept[k + 1] != i + 1) else "")
                  for k, i in enumerate(kept))
    out = re.sub(r"\s+([,.;:)])", r"\1", out)
    out = re.sub(r"\(\s*\)|\s\([^)]*$", "", out)  # a bracket left empty or left open
    return " ".join(out.split()).strip(" ,.;:-(")
