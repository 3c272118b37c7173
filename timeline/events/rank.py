"""Salience: how central an event is to the story the articles tell.

An event told by more articles, in their leads, and whose date they name more often, is more of
the story's spine. `--top N` keeps the N most salient events (still printed in date order).
"""
from __future__ import annotations

from .candidates import Candidate


def salience(members: list[Candidate]) -> float:
    docs = {c.doc for c in members}
    leads = {c.doc for c in members if c.features.get("lead")}
    early = {c.doc for c in members if c.features.get("first_paragraphs")}
    own_dates = sum(1 for c in members if c.anchor == "own")
    best = max((c.probability for c in members), default=0.0)
    return round(len(docs) + 0.5 * len(leads) + 0.25 * len(early) + 0.1 * min(own_dates, 5) + best, 3)


def top(events: list, n: int) -> list:
    """The `n` most salient events, in their original (date) order."""
    keep = {id(e) for e in sorted(events, key=lambda e: (-e.salience, e.id))[:n]}
    return [e for e in events if id(e) in keep]
