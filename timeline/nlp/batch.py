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

import ctypes
import os
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

_local = threading.local()
_LOCK = threading.Lock()  # one run_together at a time in a process: the runners are shared


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
    def __init__(self, runners: list[_Runner]):
        self.go = [r.go for r in runners]  # thread i may run
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


class _Runner(threading.Thread):
    """A thread that runs one function after another for `run_together` (kept for the process:
    starting sixteen threads for every sixteen documents cost more system time than it saved)."""

    def __init__(self):
        super().__init__(daemon=True, name="run-together")
        self.go = threading.Semaphore(0)
        self.job: tuple[_Together, int, Callable[[], Any], list, list] | None = None
        self.start()

    def run(self) -> None:
        while True:
            self.go.acquire()
            together, i, fn, results, errors = self.job
            _local.together, _local.index = together, i
            try:
                results[i] = fn()
            except BaseException as exc:  # noqa: BLE001 -- handed to the caller's thread
                errors[i] = exc
            finally:
                _local.together = None
                self.job = None
                together.back.release()


_RUNNERS: list[_Runner] = []
_RUNNERS_PID = [0]


def _runners(n: int) -> list[_Runner]:
    if _RUNNERS_PID[0] != os.getpid():  # a forked worker has none of its parent's threads
        _RUNNERS.clear()
        _RUNNERS_PID[0] = os.getpid()
    while len(_RUNNERS) < n:
        _RUNNERS.append(_Runner())
    return _RUNNERS[:n]


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters


@cache
def _keep_freed_memory(pid: int) -> None:
    """Let glibc's malloc keep the memory of the models' arrays for the next batch: a batch's
    arrays are some megabytes each, and by default each is mapped anew from the system and
    given back when freed (page faults: a fifth of the batched passes' time went to the kernel).
    At most 32 MB stays mapped unused. Nothing on other C libraries."""
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt(_M_MMAP_THRESHOLD, 16 << 20)
    mallopt(_M_TRIM_THRESHOLD, 32 << 20)


def run_together(fns: list[Callable[[], Any]]) -> list[Any]:
    """`[fn() for fn in fns]`, with the model calls of all of them batched (see the module docstring).
    An exception of one function is raised here after all have run (the first, in order)."""
    if len(fns) <= 1 or getattr(_local, "together", None) is not None:
        return [fn() for fn in fns]
    _keep_freed_memory(os.getpid())
    with _LOCK:  # one run_together at a time in a process: the runners are shared
        runners = _runners(len(fns))
        together = _Together(runners)
        results: list[Any] = [None] * len(fns)
        errors: list[BaseException | None] = [None] * len(fns)
        for i, (runner, fn) in enumerate(zip(runners, fns)):
            runner.job = (together, i, fn, results, errors)
        running = list(range(len(fns)))
        try:
            while running:
                for i in running:  # one at a time: each runs until it asks a model or returns
                    together.go[i].release()
                    together.back.acquire()
                running = [i for i in running if i in together.asked]
                if running:
                    together.answer()
        except BaseException:  # interrupted (Ctrl-C): runners left waiting are not reused
            _RUNNERS.clear()
            raise
    for error in errors:
        if error is not None:
            raise error
    return results

