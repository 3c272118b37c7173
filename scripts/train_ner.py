#!/usr/bin/env python
"""Train the Indonesian named-entity model shipped in ``timeline/lang/id/models/ner``.

Usage (from the repository root, as ``make model`` does)::

    python scripts/train_ner.py --data ../shared/data/ner --out timeline/lang/id/models/ner

Data: ``<data>/nerugm/{train,dev,test}.tsv`` and ``<data>/nerui/{train,dev,test}.tsv``
(CoNLL: ``token<TAB>BIO-tag``, blank line between sentences).  Labels are normalised to
PERSON / LOCATION / ORGANIZATION; every other label (TIME, QUANTITY, ...) becomes O.

One model is trained from scratch (blank ``id`` pipeline, no vectors) on the union of both
train splits with spaCy's training API and the config ``scripts/ner.cfg``.  The epoch with
the best dev score (mean of the two dev-set entity F1s) is kept; training stops after
``patience`` epochs without improvement, after ``max_epochs``, or at the ``--max-minutes``
safety limit.  Test sets are scored only at the end, on the saved model.

The model is written with ``nlp.to_disk`` to ``--out`` together with ``SOURCES.md`` (data
sources, settings, scores) and ``scores.json``; load it with ``spacy.load(out)``.

``--no-test`` (for choosing settings) skips the test sets entirely.  ``--augment`` and
``--unannotated-mentions`` are experiments that did not help on dev (off by default; see SOURCES.md).
Deterministic: the same seed and thread count give bit-identical weights.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from training import pin_threads, timed_log

CORPORA = ("nerui", "nerugm")
LABELS = ("PERSON", "LOCATION", "ORGANIZATION")
# Label spellings seen in the two corpora (and common variants) -> our three labels.
LABEL_MAP = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "PERS": "PERSON",
    "LOC": "LOCATION",
    "LOCATION": "LOCATION",
    "ORG": "ORGANIZATION",
    "ORGANIZATION": "ORGANIZATION",
    "ORGANISATION": "ORGANIZATION",
}
DEFAULT_CONFIG = Path(__file__).resolve().with_name("ner.cfg")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, required=True, help="directory holding nerugm/ and nerui/")
    p.add_argument("--out", type=Path, required=True, help="where the model is written")
    p.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    p.add_argument("--seed", type=int, default=2, help="chosen on dev among 0, 1, 2")
    p.add_argument("--threads", type=int, default=2, help="BLAS/OpenMP threads (at most 2 here)")
    p.add_argument("--max-epochs", type=int, default=None, help="override training.max_epochs")
    p.add_argument("--patience", type=int, default=None, help="override training.patience (epochs)")
    p.add_argument(
        "--max-minutes",
        type=float,
        default=17.0,
        help="safety limit on training time; normally training ends by patience/max_epochs first",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. components.tok2vec.model.encode.width=128 (VALUE is JSON)",
    )
    p.add_argument(
        "--augment",
        type=float,
        default=0.0,
        help="mention replacement: share of training sentences with entities that get an extra copy "
        "each epoch with their entities swapped for other training mentions of the same label",
    )
    p.add_argument(
        "--unannotated-mentions",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="treat O-tagged copies of training entity mentions as missing annotation (see unannotated_mentions)",
    )
    p.add_argument("--no-test", action="store_true", help="do not score the test sets (tuning runs)")
    p.add_argument("--no-sources", action="store_true", help="do not write SOURCES.md")
    return p.parse_args(argv)


# --------------------------------------------------------------------------- data


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as lists of (token, raw tag)."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                parts = line.split()
            if len(parts) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token<TAB>tag', got {line!r}")
            token, tag = parts[0], parts[-1].strip()
            if not token.strip():
                continue
            cur.append((token, tag))
    if cur:
        sents.append(cur)
    return sents


def norm_tag(tag: str) -> tuple[str, str | None]:
    """('B'|'I'|'O', label or None) with the label normalised; unknown labels become O."""
    if tag in ("O", "", "-"):
        return "O", None
    prefix, _, label = tag.partition("-")
    if not label:  # bare label without prefix
        prefix, label = "I", tag
    prefix = prefix.upper()
    label = LABEL_MAP.get(label.upper())
    if label is None:
        return "O", None
    if prefix in ("B", "S", "U"):
        return "B", label
    return "I", label  # I, E, L


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end, label) from BIO tags, conlleval-style: an I- tag that does
    not continue an entity of the same label starts a new one."""
    spans = []
    start = label = None
    for i, raw in enumerate(list(tags) + ["O"]):
        prefix, lab = norm_tag(raw)
        continues = prefix == "I" and lab == label and start is not None
        if start is not None and not continues:
            spans.append((start, i, label))
            start = label = None
        if prefix in ("B", "I") and not continues:
            start, label = i, lab
    return spans


def gold_docs(vocab, sents, unannotated=None):
    """spaCy Docs (gold tokens) with the gold entities; every other token is O, except the
    (start, end) token ranges in ``unannotated[i]`` for sentence i, which are left as
    missing annotation (no loss either way)."""
    from spacy.tokens import Doc, Span

    docs = []
    for i, sent in enumerate(sents):
        words = [w for w, _ in sent]
        doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
        ents = [Span(doc, s, e, label=lab) for s, e, lab in bio_spans([t for _, t in sent])]
        missing = [Span(doc, s, e) for s, e in (unannotated or {}).get(i, ())]
        doc.set_ents(ents, missing=missing, default="outside")
        docs.append(doc)
    return docs


def unannotated_mentions(sents_by_corpus: dict, log=None) -> dict:
    """Find O-tagged copies of training entity mentions, to be treated as unannotated.

    Some entities are not annotated everywhere (in nerugm e.g. KPK, Indonesia, Golkar, DPR
    are O in a few dozen sentences and entities in others). Training on those O tags teaches
    the model to skip real entities. A capitalised word sequence that is exactly an entity
    mention somewhere in the training data, is tagged O here, and is an entity at least as
    often as it is O, is marked as missing annotation. Returns {corpus: {sentence index:
    [(start, end), ...]}}."""
    from collections import Counter

    as_entity: Counter = Counter()
    for sents in sents_by_corpus.values():
        for sent in sents:
            for s, e, _ in bio_spans([t for _, t in sent]):
                as_entity[tuple(w for w, _ in sent[s:e])] += 1
    maxlen = max(map(len, as_entity), default=1)

    def o_runs(sent):
        """Non-overlapping longest O-tagged mention matches, left to right."""
        words = [w for w, _ in sent]
        outside = [norm_tag(t)[0] == "O" for _, t in sent]
        i = 0
        while i < len(words):
            for n in range(min(maxlen, len(words) - i), 0, -1):
                seq = tuple(words[i:i + n])
                if seq in as_entity and seq[0][:1].isupper() and all(outside[i:i + n]):
                    yield i, i + n, seq
                    i += n
                    break
            else:
                i += 1

    as_o: Counter = Counter()
    for sents in sents_by_corpus.values():
        for sent in sents:
            for _, _, seq in o_runs(sent):
                as_o[seq] += 1
    keep = {seq for seq, n in as_o.items() if as_entity[seq] >= n}
    result = {}
    for corpus, sents in sents_by_corpus.items():
        marked = {}
        for i, sent in enumerate(sents):
            spans = [(s, e) for s, e, seq in o_runs(sent) if seq in keep]
            if spans:
                marked[i] = spans
        result[corpus] = marked
        if log:
            log(f"{corpus}: {sum(map(len, marked.values()))} O-tagged copies of training mentions "
                f"in {len(marked)} sentences left unannotated")
    return result


def load_data(data_dir: Path, splits=("train", "dev", "test")):
    data = {}
    for corpus in CORPORA:
        for split in splits:
            path = data_dir / corpus / f"{split}.tsv"
            if not path.exists():
                raise SystemExit(f"missing {path}")
            data[corpus, split] = read_conll(path)
    return data


def label_inventory(data) -> dict:
    from collections import Counter

    inv = {}
    for (corpus, split), sents in data.items():
        c = Counter()
        for sent in sents:
            for _, tag in sent:
                if tag != "O":
                    c[tag.partition("-")[2] or tag] += 1
        inv.setdefault(corpus, Counter()).update(c)
    return inv


# --------------------------------------------------------------------------- evaluation


def evaluate(nlp, docs, gold_tokens: bool = False) -> dict:
    """spaCy's entity scorer (exact span + label match, micro-averaged).

    By default the text is re-tokenized with the pipeline's own tokenizer (what happens at
    run time, and what ``spacy evaluate`` does); with ``gold_tokens`` the gold tokens are
    used as they are.
    """
    from spacy.scorer import get_ner_prf
    from spacy.tokens import Doc
    from spacy.training import Example

    if gold_tokens:
        inputs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
                  for d in docs]
    else:
        inputs = [nlp.make_doc(d.text) for d in docs]
    preds = list(nlp.pipe(inputs, batch_size=256))
    scores = get_ner_prf([Example(p, g) for p, g in zip(preds, docs)])
    per = scores.get("ents_per_type") or {}
    # counts, for the notes
    from collections import Counter

    gold_counts = Counter(e.label_ for d in docs for e in d.ents)
    return {
        "p": float(scores["ents_p"] or 0.0),
        "r": float(scores["ents_r"] or 0.0),
        "f": float(scores["ents_f"] or 0.0),
        "per_type": {lab: {"p": float(per.get(lab, {}).get("p", 0.0)), "r": float(per.get(lab, {}).get("r", 0.0)),
                           "f": float(per.get(lab, {}).get("f", 0.0)), "n": gold_counts.get(lab, 0)}
                     for lab in LABELS},
        "n": sum(gold_counts.values()),
        "sentences": len(docs),
    }


# --------------------------------------------------------------------------- training


def build_config(args, train_path: Path, dev_path: Path):
    import json

    from spacy.util import load_config

    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), "system.seed": args.seed}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    if args.max_epochs is not None:
        overrides["training.max_epochs"] = args.max_epochs
    if args.patience is not None:
        overrides["training.patience"] = args.patience
    return load_config(args.config, overrides=overrides, interpolate=False)


def mention_inventory(examples) -> dict[str, list[tuple[str, ...]]]:
    """Distinct entity mentions (as gold token tuples) per label in the training data."""
    inv: dict[str, set] = {}
    for eg in examples:
        for ent in eg.reference.ents:
            inv.setdefault(ent.label_, set()).add(tuple(t.text for t in ent))
    return {lab: sorted(v) for lab, v in inv.items()}


def swap_mentions(nlp, eg, inventory, rng):
    """A copy of a training example with every entity replaced by a random training mention
    of the same label (mention-replacement augmentation), re-tokenized like the originals."""
    from spacy.tokens import Doc, Span
    from spacy.training import Example

    ref = eg.reference
    words: list[str] = []
    spaces: list[bool] = []
    ents = []
    i = 0
    for ent in ref.ents:
        words += [t.text for t in ref[i:ent.start]]
        spaces += [bool(t.whitespace_) for t in ref[i:ent.start]]
        choices = inventory[ent.label_]
        new = choices[rng.randrange(len(choices))]
        ents.append((len(words), len(words) + len(new), ent.label_))
        words += list(new)
        spaces += [True] * (len(new) - 1) + [bool(ref[ent.end - 1].whitespace_)]
        i = ent.end
    words += [t.text for t in ref[i:]]
    spaces += [bool(t.whitespace_) for t in ref[i:]]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in ents], default="outside")
    return Example(nlp.make_doc(doc.text), doc)


def train(args, data, workdir: Path, log):
    import random

    import spacy
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp
    from spacy.util import fix_random_seed, registry, resolve_dot_names
    from spacy.schemas import ConfigSchemaTraining

    fix_random_seed(args.seed)
    vocab = spacy.blank("id").vocab
    train_path, dev_path = workdir / "train.spacy", workdir / "dev.spacy"
    unannotated = (unannotated_mentions({c: data[c, "train"] for c in CORPORA}, log)
                   if args.unannotated_mentions else {})
    DocBin(docs=[d for c in CORPORA for d in gold_docs(vocab, data[c, "train"], unannotated.get(c))]
           ).to_disk(train_path)
    DocBin(docs=[d for c in CORPORA for d in gold_docs(vocab, data[c, "dev"])]).to_disk(dev_path)

    config = build_config(args, train_path, dev_path)
    fix_random_seed(args.seed)
    nlp = init_nlp(config)
    T = registry.resolve(nlp.config.interpolate()["training"], schema=ConfigSchemaTraining)
    (train_corpus,) = resolve_dot_names(nlp.config.interpolate(), [T["train_corpus"]])
    optimizer, batcher, dropout = T["optimizer"], T["batcher"], T["dropout"]
    max_epochs, patience = int(T["max_epochs"]) or 40, int(T["patience"])
    dev = {c: gold_docs(nlp.vocab, data[c, "dev"]) for c in CORPORA}
    examples = list(train_corpus(nlp))
    log(f"train examples: {len(examples)}; dev: "
        + ", ".join(f"{c} {len(d)}" for c, d in dev.items()))
    log(f"pipeline {nlp.pipe_names}, labels {nlp.get_pipe('ner').labels}")
    log(f"max_epochs={max_epochs} patience={patience} dropout={dropout} seed={args.seed}")

    inventory = mention_inventory(examples)
    if args.augment:
        log(f"mention replacement: {args.augment:.0%} of sentences with entities get an extra copy per epoch; "
            + ", ".join(f"{lab} {len(v)} mentions" for lab, v in sorted(inventory.items())))

    fix_random_seed(args.seed)
    start = time.monotonic()
    best = (-1.0, -1)
    best_bytes = None
    history = []
    stop_reason = "max_epochs"
    for epoch in range(max_epochs):
        epoch_examples = examples
        if args.augment:
            rng = random.Random(args.seed * 1000 + epoch)
            extra = [swap_mentions(nlp, eg, inventory, rng) for eg in examples
                     if eg.reference.ents and rng.random() < args.augment]
            epoch_examples = examples + extra
        random.shuffle(epoch_examples)
        losses: dict = {}
        for batch in batcher(epoch_examples):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        if optimizer.averages:
            with nlp.use_params(optimizer.averages):
                scores = {c: evaluate(nlp, d) for c, d in dev.items()}
        else:
            scores = {c: evaluate(nlp, d) for c, d in dev.items()}
        score = sum(s["f"] for s in scores.values()) / len(scores)
        elapsed = time.monotonic() - start
        history.append({"epoch": epoch + 1, "loss": round(float(losses.get("ner", 0.0)), 1), "seconds": round(elapsed, 1),
                        **{f"dev_{c}_f": round(s["f"], 4) for c, s in scores.items()}, "dev_mean_f": round(score, 4)})
        is_best = score > best[0]
        if is_best:
            best = (score, epoch + 1)
            if optimizer.averages:
                with nlp.use_params(optimizer.averages):
                    best_bytes = nlp.to_bytes()
            else:
                best_bytes = nlp.to_bytes()
        log(f"epoch {epoch + 1:3d}  {elapsed:6.0f}s  loss {losses.get('ner', 0.0):9.1f}  "
            + "  ".join(f"{c} {s['p']:.3f}/{s['r']:.3f}/{s['f']:.3f}" for c, s in scores.items())
            + f"  mean {score:.4f}{'  *' if is_best else ''}")
        if patience and epoch + 1 - best[1] >= patience:
            stop_reason = f"no dev improvement for {patience} epochs"
            break
        # Stop if another epoch would likely overrun the time limit.
        per_epoch = elapsed / (epoch + 1)
        if elapsed + per_epoch > args.max_minutes * 60:
            stop_reason = f"time limit ({args.max_minutes} min)"
            log(f"WARNING: stopping at the time limit after {epoch + 1} epochs; result depends on machine load")
            break
    train_seconds = time.monotonic() - start
    nlp.from_bytes(best_bytes)
    log(f"best epoch {best[1]} (dev mean F1 {best[0]:.4f}); stopped: {stop_reason}; "
        f"training {train_seconds / 60:.1f} min")
    return nlp, {"best_epoch": best[1], "best_dev_mean_f": float(best[0]), "epochs_run": len(history),
                 "stop_reason": stop_reason, "train_seconds": train_seconds, "history": history}


# --------------------------------------------------------------------------- output


def install_model(nlp, out: Path, log):
    """Write the pipeline to ``out`` (replacing an older model there, keeping other files)."""
    import shutil
    import tempfile

    out.mkdir(parents=True, exist_ok=True)
    for key in ("train", "dev"):  # temporary training files; meaningless after training
        nlp.config["paths"][key] = None
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        staged = Path(tmp) / "model"
        nlp.to_disk(staged)
        old = {"config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner", "entity_ruler",
               "span_ruler"} | {p.name for p in staged.iterdir()}
        for name in sorted(old):
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
        for item in staged.iterdir():
            shutil.move(str(item), str(out / item.name))
    log(f"model written to {out}")


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def describe_embed(embed) -> str:
    arch = embed["@architectures"]
    if "CharacterEmbed" in arch:
        return (f"{arch} ({embed['feature']} hash embedding, {embed['rows']} rows, plus {embed['nM']}-dim "
                f"embeddings of the first and last {embed['nC'] // 2} characters)")
    if "MultiHashEmbed" in arch:
        return f"{arch} over {', '.join(embed['attrs'])} (rows {embed['rows']})"
    return arch


def fmt_table(results: dict) -> str:
    lines = ["| set | label | gold | P | R | F1 |", "|---|---|---:|---:|---:|---:|"]
    for name, s in results.items():
        for lab in LABELS:
            t = s["per_type"][lab]
            lines.append(f"| {name} | {lab} | {t['n']} | {t['p']:.3f} | {t['r']:.3f} | {t['f']:.3f} |")
        lines.append(f"| {name} | **all (micro)** | {s['n']} | **{s['p']:.3f}** | **{s['r']:.3f}** | **{s['f']:.3f}** |")
    return "\n".join(lines)


SOURCES_TEMPLATE = """\
# Named-entity model (`timeline/lang/id/models/ner`)

A spaCy {spacy_version} pipeline for Indonesian news text that finds **PERSON**, **LOCATION** and
**ORGANIZATION** entities (`doc.ents`). Generated by `scripts/train_ner.py`; do not edit the model
files by hand — re-run the training command below. This file and `scores.json` are rewritten by it.

## Loading

```python
import spacy
nlp = spacy.load("timeline/lang/id/models/ner")   # or importlib.resources path of timeline.lang.id / "models" / "ner"
doc = nlp("Menteri Keuangan Sri Mulyani Indrawati bertemu Gubernur Bank Indonesia di Jakarta.")
[(e.text, e.label_) for e in doc.ents]
```

Pipeline: blank `id` (spaCy's Indonesian tokenizer) + components {pipe_names}; entity labels
PERSON, LOCATION, ORGANIZATION in `doc.ents`. No word vectors, no pretrained weights, no custom
code, nothing downloaded: only spaCy is needed. Trained with spaCy {spacy_version}; `meta.json`
declares `spacy_version` {spacy_req}, and other spaCy versions print a compatibility warning
(retrain with `make model` after a spaCy upgrade). Model size on disk: {size_mb:.1f} MB.

Loading takes about 3–4 s on an idle core, almost all of it spaCy building the Indonesian
tokenizer's ~32,000 exception entries (twice: defaults, then the saved copy); load once per
process. The saved tokenizer is spaCy's default `id` tokenizer, unchanged, so
`spacy.load(path, exclude=["tokenizer"])` gives the same results in about half the time with the
same spaCy version. Throughput is a few thousand words per second on one core.

## Data

Both corpora as distributed with the **IndoLEM** benchmark (Koto, Rahimi, Lau & Baldwin, 2020,
"IndoLEM and IndoBERT: A Benchmark Dataset and Pre-trained Language Model for Indonesian NLP",
COLING 2020), taken from `../shared/data/ner` (CoNLL form, token<TAB>BIO tag):

| corpus | origin | train / dev / test sentences | labels in the files |
|---|---|---|---|
| `nerugm` | NER-UGM (Indonesian news, Universitas Gadjah Mada; Fachri 2014, as cited by IndoLEM) | {nerugm_sizes} | {nerugm_labels} |
| `nerui` | NER-UI (Indonesian news, Universitas Indonesia; Gultom & Wibowo 2017, IWBIS) | {nerui_sizes} | {nerui_labels} |

Label normalisation: PER/PERSON → PERSON, LOC/LOCATION → LOCATION, ORG/ORGANIZATION →
ORGANIZATION; every other label (nerugm's TIME, QUANTITY, ...) → O. BIO is read conlleval-style
(an `I-` tag that does not continue an entity of the same label starts a new one; nerugm has a
handful of these). Sentences are re-tokenized with spaCy's Indonesian tokenizer for training and
evaluation (spaCy aligns gold and predicted tokens), so the model sees what it sees at run time.

## Training

```
{command}
```

- One model on the union of the two train splits ({n_train} sentences); settings chosen on the dev
  splits only; the script scores the test splits only at the end, on the saved model (see the
  history note below).
- Config: `scripts/ner.cfg`{overrides}. tok2vec: {embed},
  MaxoutWindowEncoder width {width}, depth {depth}, window {window}; transition-based NER with
  hidden width {hidden}; dropout {dropout}; Adam lr {lr}{averages}; batches by words
  (compounding {bstart}→{bstop}).
- Epoch loop over `nlp.update`, dev scored after every epoch (mean of the two dev-set entity F1s);
  the best epoch is kept. Max {max_epochs} epochs, patience {patience} epochs. This run: {epochs_run}
  epochs, best epoch {best_epoch}, stopped because: {stop_reason}.
- Seed {seed} (`spacy.util.fix_random_seed`), CPU only, {threads} BLAS threads.
- Training time: {train_min:.1f} min ({total_min:.1f} min for the whole script) on {machine},
  {date}.

## How the settings were chosen (dev only)

Score: mean of the nerui and nerugm dev entity F1 at the best epoch (patience 8). Single runs differ
by about ±0.005 between seeds, so the finalists were run with three seeds (0, 1, 2).

| setting (changes relative to the row above it, unless noted) | dev mean F1 |
|---|---|
| spaCy "efficiency" NER config: MultiHashEmbed NORM/PREFIX/SUFFIX/SHAPE, width 96, depth 4, dropout 0.1 | 0.793 |
| dropout 0.2 | 0.795 |
| dropout 0.1 + parameter averaging | 0.792 |
| dropout 0.2 + parameter averaging | 0.803, 0.809 (seeds 0, 1) |
| dropout 0.3 + parameter averaging | 0.800 |
| (dropout 0.2 + averaging) + width 128 / depth 6 / window 2 / NER hidden 128 / extra ORTH feature | 0.805 / 0.803 / 0.802 / 0.795 / 0.800 |
| (dropout 0.2 + averaging) + `beam_ner` (beam 32) | 0.805, 0.805 |
| **CharacterEmbed (NORM hash + first/last 4 characters), dropout 0.2 + averaging — shipped** | **0.814, 0.809, 0.817** (mean 0.813) |
| CharacterEmbed, dropout 0.3 | 0.798 |
| CharacterEmbed, width 128 / depth 6 / 12 characters | 0.811 / 0.813 / 0.803 |
| CharacterEmbed + `beam_ner` | 0.823, 0.810, 0.809 (mean 0.814: no gain, slower) |
| † CharacterEmbed + mention replacement (`--augment 0.5`) | 0.796, 0.814, 0.811 |
| † CharacterEmbed concatenated with MultiHashEmbed PREFIX/SUFFIX/SHAPE (thinc `concatenate`) | 0.808, 0.816, 0.805 |
| † CharacterEmbed + O-tagged copies of training mentions left unannotated (`--unannotated-mentions`) | 0.806, 0.800, 0.810 |
| † CharacterEmbed, learn rate 0.0005 / fixed batches of 200 / 1000 words | 0.812, 0.812 / 0.798, 0.811 / 0.807, 0.799 |

The seed is a setting like the others: among seeds 0, 1, 2 of the shipped config, seed 2 has the
best dev score and is the default. History, for transparency: the first build (seed 0) was scored
on test once (nerui F1 0.849, nerugm 0.760: nerui just under the 0.85 target); the rows marked †
were tried after that, on dev only, and none beat the shipped config there; the seed was then
switched to the dev-best one. Test scores below are those of the shipped model.

No rule component (entity_ruler / title list) is used. Titles in both corpora are outside the
entity ("Presiden [Jokowi]"), and spaCy's Matcher has no look-behind, so a built-in ruler cannot
label "the capitalised words after *Presiden*" without also labelling *Presiden*; a custom
component would need code imported before `spacy.load`. On dev the model already tags names after
plain titles; the remaining title-related misses are "title + region/organisation + name"
("Gubernur Jawa Tengah [Rustriningsih]", "CEO Lion Air [Rusdi Kirana]"), where a title list
does not tell where the region ends and the name begins.

## Scores

Entity-level exact match (span and label), micro-averaged, computed with spaCy's scorer
(`spacy.scorer.get_ner_prf`, as `nlp.evaluate` / `spacy evaluate` do), text re-tokenized by the
pipeline's tokenizer. "gold" is the number of gold entities.

### Test

{test_table}

### Dev

{dev_table}

With the gold tokens as input instead of spaCy's tokenization the overall F1 is: {goldtok}.
"""


def write_sources(out: Path, ctx: dict):
    (out / "SOURCES.md").write_text(SOURCES_TEMPLATE.format(**ctx), encoding="utf-8")


def main(argv=None):
    args = parse_args(argv)
    args.threads = pin_threads(args.threads)

    import datetime
    import json
    import platform
    import tempfile

    import spacy

    t0 = time.monotonic()
    log = timed_log()

    data = load_data(args.data)
    inventory = label_inventory(data)
    for corpus in CORPORA:
        log(f"{corpus}: " + ", ".join(f"{s} {len(data[corpus, s])}" for s in ("train", "dev", "test"))
            + " sentences; labels " + ", ".join(f"{k}:{v}" for k, v in sorted(inventory[corpus].items())))

    with tempfile.TemporaryDirectory(prefix="train_ner_") as tmp:
        nlp, info = train(args, data, Path(tmp), log)

    nlp.meta.update({
        "name": "timeline_ner_id",
        "version": "1.0.0",
        "description": "Indonesian news named entities (PERSON, LOCATION, ORGANIZATION), trained from "
                       "scratch on nerugm + nerui (IndoLEM) by scripts/train_ner.py; see SOURCES.md",
        "sources": [
            {"name": "IndoLEM NER (nerugm, nerui)", "url": "https://indolem.github.io/",
             "author": "Koto, Rahimi, Lau & Baldwin (COLING 2020)"},
        ],
    })
    install_model(nlp, args.out, log)
    # Score what was shipped: reload it from disk.
    nlp = spacy.load(args.out)
    results = {"dev": {c: evaluate(nlp, gold_docs(nlp.vocab, data[c, "dev"])) for c in CORPORA}}
    if not args.no_test:
        results["test"] = {c: evaluate(nlp, gold_docs(nlp.vocab, data[c, "test"])) for c in CORPORA}
    gold_tok = {split: {c: evaluate(nlp, gold_docs(nlp.vocab, data[c, split]), gold_tokens=True)["f"]
                        for c in CORPORA} for split in results}
    for split, res in results.items():
        for corpus, s in res.items():
            log(f"{split:4s} {corpus:6s} P {s['p']:.4f} R {s['r']:.4f} F1 {s['f']:.4f}  "
                + "  ".join(f"{lab[:3]} {t['f']:.3f}" for lab, t in s["per_type"].items())
                + f"   (gold tokens: F1 {gold_tok[split][corpus]:.4f})")
    size = dir_size(args.out)
    total_seconds = time.monotonic() - t0
    log(f"model size {size / 1e6:.2f} MB; training {info['train_seconds'] / 60:.1f} min; "
        f"total {total_seconds / 60:.1f} min")

    cfg = nlp.config
    command = "python scripts/train_ner.py --data ../shared/data/ner --out timeline/lang/id/models/ner"
    extra = " ".join(sys.argv[1:]) if argv is None else " ".join(argv)
    if any(a not in ("--data", "--out", str(args.data), str(args.out)) for a in extra.split()):
        command = "python scripts/train_ner.py " + extra
    report = {
        "command": command,
        "seed": args.seed,
        "spacy": spacy.__version__,
        "size_bytes": size,
        "train_seconds": round(info["train_seconds"], 1),
        "total_seconds": round(total_seconds, 1),
        **{k: v for k, v in info.items() if k != "train_seconds"},
        "scores": results,
        "gold_token_f": gold_tok,
    }
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = {f"{split}_{c}_ents_{k}": round(r[k], 4)
                           for split, res in results.items() for c, r in res.items() for k in ("p", "r", "f")}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    (args.out / "scores.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.no_test or args.no_sources:
        return 0

    def sizes(c):
        return " / ".join(str(len(data[c, s])) for s in ("train", "dev", "test"))

    def labels(c):
        return ", ".join(sorted(inventory[c]))

    t2v = cfg["components"]["tok2vec"]["model"]
    ner = cfg["components"]["ner"]["model"]
    tr = cfg["training"]
    ctx = {
        "spacy_version": spacy.__version__,
        "spacy_req": f"`{nlp.meta.get('spacy_version', '')}`",
        "pipe_names": ", ".join(f"`{n}`" for n in nlp.pipe_names),
        "size_mb": size / 1e6,
        "nerugm_sizes": sizes("nerugm"),
        "nerui_sizes": sizes("nerui"),
        "nerugm_labels": labels("nerugm"),
        "nerui_labels": labels("nerui"),
        "command": command,
        "n_train": sum(len(data[c, "train"]) for c in CORPORA),
        "overrides": (" with " + ", ".join(f"`{s}`" for s in args.set)) if args.set else "",
        "embed": describe_embed(t2v["embed"]),
        "width": t2v["encode"]["width"],
        "depth": t2v["encode"]["depth"],
        "window": t2v["encode"]["window_size"],
        "hidden": ner["hidden_width"],
        "dropout": tr["dropout"],
        "lr": tr["optimizer"]["learn_rate"],
        "averages": ", parameter averaging" if tr["optimizer"]["use_averages"] else "",
        "bstart": tr["batcher"]["size"]["start"],
        "bstop": tr["batcher"]["size"]["stop"],
        "max_epochs": tr["max_epochs"],
        "patience": tr["patience"],
        "epochs_run": info["epochs_run"],
        "best_epoch": info["best_epoch"],
        "stop_reason": info["stop_reason"],
        "seed": args.seed,
        "threads": args.threads,
        "train_min": info["train_seconds"] / 60,
        "total_min": total_seconds / 60,
        "machine": f"{os.cpu_count()}-core {platform.machine()} Linux, Python {platform.python_version()}",
        "date": datetime.date.today().isoformat(),
        "test_table": fmt_table({f"test {c}": s for c, s in results["test"].items()}),
        "dev_table": fmt_table({f"dev {c}": s for c, s in results["dev"].items()}),
        "goldtok": "; ".join(f"{split} {c} {f:.3f}" for split, r in gold_tok.items() for c, f in r.items()),
    }
    write_sources(args.out, ctx)
    log(f"wrote {args.out / 'SOURCES.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
