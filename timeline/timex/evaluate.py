"""TempEval-3 scoring of TIMEX3 tags against TimeML gold (`timeline eval`).

Matching is one-to-one per document. Candidate (system, gold) pairs are taken greedily: identical
spans first, then the larger overlap, then a required gold before an optional one, then text order.
A pair counts for relaxed scores when the spans overlap and for strict scores when they coincide.
Optional gold expressions are neither required nor counted against: a system expression matched
to one, or left over while overlapping one, is ignored (no true, no false positive), and an
optional gold expression left unmatched is no miss. Values count when they equal the gold value or
one of its alt_values (mod is not part of the value). TempEval-3 value F1: value-correct relaxed
matches are the true positives, P = correct / system, R = correct / gold.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from timeline.model import Document, InputError, Timex
from timeline.io.read import _walk, decode
from timeline.timeml import GoldTimex, parse_timeml

__all__ = [
    "TYPES", "Counts", "DocScore", "PRF", "ScoreError", "Scores",
    "format_report", "load_gold", "load_system", "match", "pair", "score",
]

TYPES = ("DATE", "TIME", "DURATION", "SET")

FALSE_POSITIVE = "false_positive"
MISSED = "missed"
PARTIAL_SPAN = "partial_span"
WRONG_TYPE = "wrong_type"
WRONG_VALUE = "wrong_value"


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, true: int, system: int, gold: int) -> PRF:
        p = true / system if system else 0.0
        r = true / gold if gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Counts:
    """Raw counts; every score is computed from these, so they add up over documents and types."""

    gold: int = 0  # required gold expressions
    system: int = 0  # system expressions scored (the ignored ones left out)
    strict: int = 0  # matches with identical spans
    relaxed: int = 0  # matches with overlapping spans
    value: int = 0  # relaxed matches with a right value
    type: int = 0  # relaxed matches with the right type
    ignored: int = 0  # system expressions on optional gold ones

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def strict_prf(self) -> PRF:
        return PRF.of(self.strict, self.system, self.gold)

    @property
    def relaxed_prf(self) -> PRF:
        return PRF.of(self.relaxed, self.system, self.gold)

    @property
    def value_prf(self) -> PRF:
        return PRF.of(self.value, self.system, self.gold)

    @property
    def type_prf(self) -> PRF:
        return PRF.of(self.type, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value / self.relaxed if self.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type / self.relaxed if self.relaxed else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Counts and scores (fractions from 0 to 1)."""
        return {
            "counts": dict(vars(self)),
            "strict": self.strict_prf._asdict(),
            "relaxed": self.relaxed_prf._asdict(),
            "value": {"accuracy": self.value_accuracy, **self.value_prf._asdict()},
            "type": {"accuracy": self.type_accuracy, **self.type_prf._asdict()},
        }


@dataclass
class ScoreError:
    """One disagreement with the gold: a false positive, a miss, or a match that is partly wrong."""

    doc: str
    kind: str  # false_positive, missed, partial_span, wrong_type, wrong_value
    gold: GoldTimex | None = None
    system: Timex | None = None

    def describe(self) -> str:
        """One line for a report."""
        g, s = self.gold, self.system
        if self.kind == FALSE_POSITIVE and s:
            return f'false positive "{s.text}" [{s.start}:{s.end}] {s.type} {s.value}'
        if self.kind == MISSED and g:
            return f'missed "{g.text}" [{g.start}:{g.end}] {g.type} {g.value}'
        if g is None or s is None:
            return self.kind
        if self.kind == PARTIAL_SPAN:
            return f'partial span "{s.text}" [{s.start}:{s.end}], gold "{g.text}" [{g.start}:{g.end}]'
        if self.kind == WRONG_TYPE:
            return f'wrong type "{s.text}": {s.type}, gold {g.type}'
        gold_values = " | ".join(g.values)
        return f'wrong value "{s.text}": {s.value}, gold {gold_values}'

    def as_dict(self) -> dict[str, Any]:
        def gold(g: GoldTimex | None) -> dict[str, Any] | None:
            if g is None:
                return None
            return {"tid": g.tid, "start": g.start, "end": g.end, "text": g.text, "type": g.type,
                    "value": g.value, "mod": g.mod, "alt_values": list(g.alt_values), "optional": g.optional}

        return {"doc": self.doc, "kind": self.kind, "gold": gold(self.gold),
                "system": self.system.as_dict() if self.system else None}


@dataclass
class DocScore:
    """The counts and the errors of one document."""

    id: str
    counts: Counts = field(default_factory=Counts)
    errors: list[ScoreError] = field(default_factory=list)


@dataclass
class Scores:
    """TempEval-3 scores over all documents, per gold TIMEX3 type, and per document."""

    total: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    documents: list[DocScore] = field(default_factory=list)

    @property
    def strict(self) -> PRF:
        return self.total.strict_prf

    @property
    def relaxed(self) -> PRF:
        return self.total.relaxed_prf

    @property
    def value(self) -> PRF:
        """TempEval-3 value F1: value-correct relaxed matches over system and over gold."""
        return self.total.value_prf

    @property
    def value_accuracy(self) -> float:
        return self.total.value_accuracy

    @property
    def type_accuracy(self) -> float:
        return self.total.type_accuracy

    @property
    def errors(self) -> list[ScoreError]:
        return [e for d in self.documents for e in d.errors]

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the totals, each type, each document with its errors."""
        return {
            **self.total.as_dict(),
            "per_type": {t: c.as_dict() for t, c in self.per_type.items()},
            "documents": [
                {"id": d.id, **d.counts.as_dict(), "errors": [e.as_dict() for e in d.errors]}
                for d in self.documents
            ],
        }


# ---------------------------------------------------------------- matching


def _overlap(a: Timex | GoldTimex, b: Timex | GoldTimex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[GoldTimex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (system index, gold index) pairs of overlapping spans, best pairs first (see module doc)."""
    candidates = []
    for si, s in enumerate(system):
        for gi, g in enumerate(gold):
            ov = _overlap(s, g)
            if ov > 0:
                exact = s.start == g.start and s.end == g.end
                candidates.append((not exact, -ov, g.optional, g.start, s.start, gi, si))
    candidates.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for *_, gi, si in candidates:
        if si not in used_s and gi not in used_g:
            used_s.add(si)
            used_g.add(gi)
            pairs.append((si, gi))
    return sorted(pairs)


def _value_ok(s: Timex, g: GoldTimex) -> bool:
    return s.value.strip() in g.values


def _score_doc(doc_id: str, gold: Sequence[GoldTimex], system: Sequence[Timex], scores: Scores) -> DocScore:
    result = DocScore(doc_id)
    c = result.counts

    def tally(kind_type: str, **inc: int) -> None:
        for counts in (c, scores.per_type.setdefault(kind_type, Counts())):
            for k, v in inc.items():
                setattr(counts, k, getattr(counts, k) + v)

    pairs = match(gold, system)
    matched_s = {si: gi for si, gi in pairs}
    matched_g = set(matched_s.values())
    for g in gold:
        if not g.optional:
            tally(g.type, gold=1)
    for si, s in enumerate(system):
        gi = matched_s.get(si)
        if gi is None:
            if any(g.optional and _overlap(s, g) > 0 for g in gold):
                tally(s.type.upper(), ignored=1)
            else:
                tally(s.type.upper(), system=1)
                result.errors.append(ScoreError(doc_id, FALSE_POSITIVE, None, s))
            continue
        g = gold[gi]
        if g.optional:
            tally(g.type, ignored=1)
            continue
        strict = s.start == g.start and s.end == g.end
        value_ok = _value_ok(s, g)
        type_ok = s.type.strip().upper() == g.type
        tally(g.type, system=1, relaxed=1, strict=int(strict), value=int(value_ok), type=int(type_ok))
        if not strict:
            result.errors.append(ScoreError(doc_id, PARTIAL_SPAN, g, s))
        if not type_ok:
            result.errors.append(ScoreError(doc_id, WRONG_TYPE, g, s))
        if not value_ok:
            result.errors.append(ScoreError(doc_id, WRONG_VALUE, g, s))
    for gi, g in enumerate(gold):
        if gi not in matched_g and not g.optional:
            result.errors.append(ScoreError(doc_id, MISSED, g, None))
    result.errors.sort(key=lambda e: ((e.gold or e.system).start, e.kind))  # type: ignore[union-attr]
    return result


def score(
    pairs: Iterable[tuple[Sequence[GoldTimex], Sequence[Timex]] | tuple[str, Sequence[GoldTimex], Sequence[Timex]]],
) -> Scores:
    """Score system TIMEX3s against gold ones, one (gold, system) pair per document.

    A pair may carry the document id first, (doc_id, gold, system), to name the document in the
    errors; otherwise documents are named "1", "2", ... in order.
    Per-type counts go by the gold type for matches, by the system's own type for false positives.
    """
    scores = Scores()
    for n, item in enumerate(pairs, 1):
        if len(item) == 3:
            doc_id, gold, system = item  # type: ignore[misc]
        else:
            doc_id, (gold, system) = str(n), item  # type: ignore[assignment]
        result = _score_doc(str(doc_id), gold, system, scores)
        scores.total.add(result.counts)
        scores.documents.append(result)
    return scores


# ---------------------------------------------------------------- report


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


def format_report(scores: Scores, *, errors: bool = True) -> str:
    """A plain-text table of the scores (percentages), per gold type, then the errors per document."""
    t = scores.total
    lines = [
        f"TempEval-3 TIMEX3 scores: {len(scores.documents)} documents, {t.gold} gold, "
        f"{t.system} system ({t.ignored} on optional gold ignored)",
        "",
        f"{'':16}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}",
    ]
    for name, prf, acc in (
        ("strict span", t.strict_prf, None),
        ("relaxed span", t.relaxed_prf, None),
        ("value", t.value_prf, t.value_accuracy),
        ("type", t.type_prf, t.type_accuracy),
    ):
        cells = "".join(f"  {_pct(x)}" for x in prf)
        lines.append(f"{name:16}{cells}  {_pct(acc) if acc is not None else '':>6}")
    lines += ["", f"{'per gold type':16}{'gold':>6}{'system':>8}{'strict':>8}{'relaxed':>9}{'value':>8}{'val.acc':>9}"]
    for name, c in scores.per_type.items():
        if not (c.gold or c.system or c.ignored):
            continue
        lines.append(
            f"{name:16}{c.gold:>6}{c.system:>8}  {_pct(c.strict_prf.f1)}   {_pct(c.relaxed_prf.f1)}"
            f"  {_pct(c.value_prf.f1)}   {_pct(c.value_accuracy)}"
        )
    lines.append("(strict, relaxed and value are F1)")
    if errors:
        errs = [d for d in scores.documents if d.errors]
        lines += ["", "errors:" if errs else "errors: none"]
        for d in errs:
            lines.append(f"  {d.id}")
            lines += [f"    {e.describe()}" for e in d.errors]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- loading


_TIMEML_EXTENSIONS = (".tml", ".xml")
_SYSTEM_EXTENSIONS = (".tml", ".xml", ".json", ".jsonl", ".ndjson")


def _files(path: str, extensions: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(file, error) for a file or each matching file of a folder; error is a message or None."""
    if os.path.isdir(path):
        for file, err in _walk(path, extensions):
            yield file, (err if isinstance(err, str) else str(err.strerror or err).lower() if err else None)
    elif os.path.exists(path):
        yield path, None
    else:
        yield path, "no such file or directory"


def load_gold(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Document, list[GoldTimex]]]:
    """Gold TimeML files and folders (.tml, .xml inside folders) to (Document, gold TIMEX3s).

    The Document's id is the DOCID, else the file stem; `source` the file. A file that cannot be
    read gives a Document with status "error" and an empty list, as `timeline.io.read.read` does.
    """
    for p in paths:
        for file, err in _files(os.fspath(p), _TIMEML_EXTENSIONS):
            stem = Path(file).stem
            try:
                if err:
                    raise InputError(err)
                try:
                    data = Path(file).read_bytes()
                except OSError as e:
                    raise InputError((e.strerror or str(e)).lower()) from None
                if not data:
                    raise InputError("empty input")
                doc, gold = parse_timeml(decode(data))
            except InputError as e:
                yield Document(id=stem, text="", source=file, status="error", error=str(e)), []
                continue
            doc.id = doc.id or stem
            doc.source = file
            yield doc, gold


def _timex(obj: Any, n: int) -> Timex:
    if not isinstance(obj, dict):
        raise InputError(f"timex {n}: not a JSON object")
    try:
        start, end = int(obj["start"]), int(obj["end"])
    except (KeyError, TypeError, ValueError):
        raise InputError(f"timex {n}: no integer 'start' and 'end'") from None
    mod = obj.get("mod")
    return Timex(
        tid=str(obj.get("tid") or f"t{n}"),
        start=start,
        end=end,
        text=str(obj.get("text") or ""),
        type=str(obj.get("type") or "").upper(),
        value=str(obj.get("value") or ""),
        mod=str(mod) if mod else None,
    )


def _json_documents(obj: Any) -> list[Any]:
    if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
        return obj["documents"]
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict) and "timexes" in obj:
        return [obj]
    raise InputError("not system output: expected {\"documents\": [...]} with timexes")


def _add(out: dict[str, list[Timex]], doc_id: str, timexes: list[Timex]) -> None:
    if doc_id in out:
        raise InputError(f"document '{doc_id}' appears twice")
    out[doc_id] = timexes


def _load_system_file(file: str, out: dict[str, list[Timex]]) -> None:
    try:
        data = Path(file).read_bytes()
    except OSError as e:
        raise InputError((e.strerror or str(e)).lower()) from None
    if not data:
        raise InputError("empty input")
    text = decode(data)
    stripped = text.lstrip()
    if stripped.startswith("<"):
        doc, gold = parse_timeml(text)
        _add(out, doc.id or Path(file).stem, [g.to_timex() for g in gold])
        return
    try:
        docs = _json_documents(json.loads(text))
    except json.JSONDecodeError as e:
        if e.msg != "Extra data" and Path(file).suffix.lower() not in (".jsonl", ".ndjson"):
            raise InputError(f"invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
        docs = []
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as e2:
                    raise InputError(f"line {n}: invalid JSON: {e2.msg} (column {e2.colno})") from None
    for i, d in enumerate(docs, 1):
        if not isinstance(d, dict) or "id" not in d:
            raise InputError(f"document {i}: no 'id'")
        raw = d.get("timexes") or []
        if not isinstance(raw, list):
            raise InputError(f"document '{d['id']}': 'timexes' is not a list")
        _add(out, str(d["id"]), [_timex(t, n) for n, t in enumerate(raw, 1)])


def load_system(path: str | os.PathLike[str]) -> dict[str, list[Timex]]:
    """System TIMEX3s by document id, from `--system`: a TimeML file or folder (id = DOCID, else
    the file stem), the JSON of `timeline tag --format json`, or JSON Lines of its document objects.

    Raises InputError (message without the path, except for a file inside a folder, which it names).
    """
    root = os.fspath(path)
    out: dict[str, list[Timex]] = {}
    in_folder = os.path.isdir(root)
    for file, err in _files(root, _SYSTEM_EXTENSIONS):
        try:
            if err:
                raise InputError(err)
            _load_system_file(file, out)
        except InputError as e:
            raise InputError(f"{file}: {e}" if in_folder else str(e)) from None
    return out


def pair(
    gold: Iterable[tuple[Document, list[GoldTimex]]], system: Mapping[str, list[Timex]]
) -> list[tuple[str, list[GoldTimex], list[Timex]]]:
    """(doc_id, gold, system) triples for `score`: each ok gold document with the system's
    TIMEX3s of the same id (none when the system has no such document)."""
    return [(d.id, g, list(system.get(d.id, []))) for d, g in gold if d.status == "ok"]
