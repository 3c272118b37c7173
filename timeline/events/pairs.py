"""Are two candidates one real-world event? A logistic regression over what the two share.

The pairs it learns from are the dev stories' candidates that tell a gold event (their clause
overlaps its evidence, scripts/train_events.py): two candidates telling the same gold event are one,
two telling different ones are not. Shipped as JSON weights (timeline/lang/id/models/merge.json), so
running the tool needs no scikit-learn.

Only candidates whose dates can be one are ever compared (`reach`): the same date, a coarser date
and a day inside it, or days at most `NEAR_DAYS` apart when one of them is a lead dated by its
article's day (news of today tells yesterday's arrest) or a plan (what is said to happen on Thursday
may happen on Friday).
"""
from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

from ..nlp.entities import same_actor
from ..values import span_end, span_start
from .candidates import Candidate
from .classify import Model, logistic, read_model
from .lexis import patterns

MODEL = Path(os.environ.get("TIMELINE_MERGE_MODEL") or
             str(resources.files("timeline.lang.id").joinpath("models", "merge.json")))
NEAR_DAYS = 2
HAPPENED = ("occurred", "reported")


def _day(value: str) -> bool:
    return len(value) == 10


def reach(a: Candidate, b: Candidate) -> str | None:
    """How the two dates relate when they may be one event's: `same`, `inside` (one is coarser and
    holds the other), `near` (days apart, one a lead or a plan); None when they cannot be."""
    if a.date == b.date:
        return "same"
    if _day(a.date) and _day(b.date):
        gap = abs((span_start(a.date) - span_start(b.date)).days)
        loose = a.anchor == "lead" or b.anchor == "lead" or a.status not in HAPPENED or b.status not in HAPPENED
        return "near" if loose and gap <= NEAR_DAYS else None
    if len(a.date) == len(b.date) and "-W" not in a.date + b.date:
        return None  # two different months, two different years
    (sa, ea), (sb, eb) = (span_start(a.date), span_end(a.date)), (span_start(b.date), span_end(b.date))
    return "inside" if (sa <= sb and eb <= ea) or (sb <= sa and ea <= eb) else None


def known_kind(kind: str) -> bool:
    """A kind the lexicon gave (`meeting`), not the general ones of a predicate it does not know."""
    return kind not in ("event", "statement")


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(x * v.get(w, 0.0) for w, x in u.items())


def anaphoric(title: str) -> bool:
    """The clause opens by pointing back (`Hal itu disampaikan …`, `Peristiwa nahas itu terjadi …`)."""
    return bool(patterns()["anaphora"].match(title))


def features(a: Candidate, va: dict[str, float], b: Candidate, vb: dict[str, float], kin: bool, apart: bool,
             relation: str) -> dict[str, float] | None:
    """What the merge model weighs (None when the two share no content word and no participant).
    Names are stable: the trained weights refer to them."""
    cos = cosine(va, vb)
    actors_a, actors_b = a.participants + a.places, b.participants + b.places
    shared = sum(1 for x in actors_a if any(same_actor(x, y) for y in actors_b))
    if not cos and not shared and not (a.kind == b.kind and known_kind(a.kind)):
        return None  # nothing in common (no word, no one, no kind): not one event, whatever the dates
    same_doc = a.doc == b.doc
    first, second = (a, b) if (a.doc, a.start) <= (b.doc, b.start) else (b, a)
    speakers = bool(a.speaker_name and b.speaker_name)
    f = {
        "cosine": cos,
        "cosine_same_doc": cos * same_doc,
        "shared_actors": min(shared, 3) / 3,
        "no_shared_actor": float(shared == 0 and bool(actors_a) and bool(actors_b)),
        "same_speaker": float(speakers and same_actor(a.speaker_name, b.speaker_name)),
        "other_speaker": float(speakers and not same_actor(a.speaker_name, b.speaker_name)),
        "both_statements": float(a.anchor == "attribution" and b.anchor == "attribution"),
        "shared_figure": float(bool(set(a.numbers) & set(b.numbers))),
        "same_doc": float(same_doc),
        "same_sentence": float(same_doc and a.sentence_start == b.sentence_start),
        "adjacent": float(same_doc and abs(a.sentence_index - b.sentence_index) == 1),
        "anaphor": float(same_doc and second.anaphoric and 0 < second.sentence_index - first.sentence_index <= 2),
        "kin": float(kin),
        "apart": float(apart),
        f"relation={relation}": 1.0,
        "lead": float(a.anchor == "lead" or b.anchor == "lead"),
        "both_leads": float(a.anchor == "lead" and b.anchor == "lead"),
        "plan_and_happening": float((a.status in HAPPENED) != (b.status in HAPPENED)),
    }
    return f


@cache
def weights() -> Model:
    """(weights by feature name, intercept, the probability at which two are one)."""
    return read_model(MODEL, "merge model")


def probability(f: dict[str, float], model: Model | None = None) -> float:
    return logistic(model or weights(), f)
