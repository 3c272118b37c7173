"""Several documents' model calls in one `nlp.pipe`: `run_together(fns)` and `pipe(nlp, texts)`.

A spaCy model is much faster on one batch of a hundred sentences than on twenty batches of five,
but the event layer asks the models for the few sentences of one document at a time, in the
middle of its work on that document (part of speech for the sentences that hold a time, then
named entities for the sentences that gave a candidate). `run_together` runs the work of several
documents as coroutines: each function runs on a thread of its own, but never two at once; one
runs until it asks a model for something (`pipe`) or returns, then the next one runs. When every
one has asked or returned, each model runs once over all the texts asked of it, and the ones that
asked go on, in order. The work of each document is what it was alone, and so are the tags and
entities (a spaCy model's result for a text does not depend on the other texts of its batch:
tests/test_batch.py).

Outside `run_together`, `pipe` is `nlp.pipe`. A model that fails on the batch runs again on each
document's texts alone, so that the failure is that document's only.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

_local = threading.local()


def pipe(nlp, texts: list[str], **options) -> list:
    """The docs of `nlp.pipe(texts, **options)`: with the texts of the other documents of a
    `run_together`, when there is one."""
    if not texts:
        return []
    together = getattr(_local, "together", None)
    if together is None:
        return list(nlp.pipe(texts, **options))
    return together.ask(_local.index, nlp, list(texts), options)


class _Together:
    def __init__(self, n: int):
        self.go = [threading.Semaphore(0) for _ in range(n)]  # thread i may run
        self.back = threading.Semaphore(0)  # the running thread has asked or returned
        self.asked: dict[int, tuple[Any, list[str], dict]] = {}
        self.answers: dict[int, tuple[list | None, BaseException | None]] = {}

    def ask(self, i: int, nlp, texts: list[str], options: dict) -> list:
        self.asked[i] = (nlp, texts, options)
        self.back.release()
        self.go[i].acquire()
        docs, error = self.answers.pop(i)
        if error is not None:
            raise error
        return docs

    def answer(self) -> None:
        """Run each model once over the texts asked of it, in the order of the documents."""
        batches: dict[tuple, list[int]] = {}
        for i in sorted(self.asked):
            nlp, _, options = self.asked[i]
            batches.setdefault((id(nlp), repr(sorted(options.items()))), []).append(i)
        for members in batches.values():
            nlp, _, options = self.asked[members[0]]
            texts = [t for i in members for t in self.asked[i][1]]
            try:
                docs = list(nlp.pipe(texts, **options))
            except Exception:  # one document's text broke the batch: each on its own, the error its own
                for i in members:
                    try:
                        self.answers[i] = (list(nlp.pipe(self.asked[i][1], **options)), None)
                    except Exception as exc:
                        self.answers[i] = (None, exc)
                continue
            at = 0
            for i in members:
                n = len(self.asked[i][1])
                self.answers[i] = (docs[at:at + n], None)
                at += n
        self.asked.clear()


def run_together(fns: list[Callable[[], Any]]) -> list[Any]:
    """`[fn() for fn in fns]`, with the model calls of all of them batched (see the module docstring).
    An exception of one function is raised here after all have run (the first, in order)."""
    if len(fns) <= 1 or getattr(_local, "together", None) is not None:
        return [fn() for fn in fns]
    together = _Together(len(fns))
    results: list[Any] = [None] * len(fns)
    errors: list[BaseException | None] = [None] * len(fns)

    def body(i: int) -> None:
        _local.together, _local.index = together, i
        together.go[i].acquire()
        try:
            results[i] = fns[i]()
        except BaseException as exc:  # noqa: BLE001 -- handed to the caller's thread
            errors[i] = exc
        finally:
            together.back.release()

    threads = [threading.Thread(target=body, args=(i,), daemon=True, name=f"together-{i}") for i in range(len(fns))]
    for t in threads:
        t.start()
    running = list(range(len(fns)))
    while running:
        for i in running:  # one at a time: each runs until it asks a model or returns
            together.go[i].release()
            together.back.acquire()
        running = [i for i in running if i in together.asked]
        if running:
            together.answer()
    for t in threads:
        t.join()
    for error in errors:
        if error is not None:
            raise error
    return results
