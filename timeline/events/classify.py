"""Which candidates are chronology events: a logistic regression over `describe.features`.

The weights are trained by `make model` (scripts/train_events.py, scikit-learn, fixed seed) from
labelled candidates and shipped as plain JSON (timeline/lang/id/models/events.json), so that
running the tool needs no scikit-learn: the probability is one dot product.
"""
from __future__ import annotations

import json
import math
import os
from functools import cache
from importlib import resources
from pathlib import Path

MODEL = Path(os.environ.get("TIMELINE_EVENT_MODEL") or
             str(resources.files("timeline.lang.id").joinpath("models", "events.json")))


Model = tuple[dict[str, float], float, float]  # (weights by feature name, intercept, threshold)


def read_model(path: Path, what: str) -> Model:
    """A logistic regression shipped as JSON (`weights`, `intercept`, `threshold`)."""
    if not path.exists():
        raise FileNotFoundError(f"the {what} is missing in {path}: run `make model`")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return raw["weights"], raw["intercept"], raw["threshold"]


def logistic(model: Model, features: dict[str, float]) -> float:
    w, b, _ = model
    z = b + sum(w.get(k, 0.0) * x for k, x in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def weights() -> Model:
    return read_model(MODEL, "event classifier")


def probability(features: dict[str, float]) -> float:
    return logistic(weights(), features)


def threshold() -> float:
    return weights()[2]
