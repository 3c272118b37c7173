"""Work on several processes without hanging: `ordered_map(fn, items, workers)`.

Results come in input order, as the items are read (at most a few chunks per worker are in
flight, so memory stays flat). Forked processes share what the parent loaded before the first
item (models, the grammar); spawned ones (timeline.workers) get their state from `initializer`.

Nothing hangs: a worker that dies (killed by a signal, by the OOM killer) ends the map with
`WorkerDied` instead of waiting forever for its chunk (concurrent.futures notices a dead worker;
multiprocessing.Pool does not); and a worker whose parent died exits (Linux: the parent-death
signal; elsewhere a thread that watches the parent), so no orphan outlives the run.
"""
from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["WorkerDied", "ordered_map"]


class WorkerDied(RuntimeError):
    """A worker process ended without finishing its work."""


def _die_with_parent(parent: int) -> None:
    """In a worker: end when the parent process does; SIGTERM ends it as by default (whatever
    handler the parent had set)."""
    import signal as _signal

    _signal.signal(_signal.SIGTERM, _signal.SIG_DFL)
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the signal was set
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple) -> None:
    _die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def _run_chunk(fn: Callable[[Any], Any], chunk: list) -> list:
    return [fn(item) for item in chunk]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered_map(fn: Callable[[Any], Any], items: Iterable, workers: int, chunksize: int = 4,
                ahead: int = 2, context=None, initializer: Callable[..., None] | None = None,
                initargs: tuple = ()) -> Iterator[Any]:
    """`fn(item)` for each item, in order, on `workers` processes of the multiprocessing `context`
    (default: timeline.workers.context(), fork where the system has it), each started with
    `initializer(*initargs)`; at most `ahead` chunks per worker are queued. Raises WorkerDied when
    a worker dies."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if context is None:
        from .workers import context as default_context

        context = default_context()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(os.getpid(), initializer, initargs))
    pending: deque = deque()
    done = False
    try:
        for chunk in _chunks(items, chunksize):
            pending.append(pool.submit(_run_chunk, fn, chunk))
            while len(pending) >= workers * ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        done = True
    except BrokenProcessPool:
        raise WorkerDied("a worker process died (killed, or out of memory?); the run is incomplete") from None
    finally:
        if done:
            pool.shutdown(wait=True)
        else:  # an error, or the consumer stopped early: end the workers now, not at exit
            processes = list((getattr(pool, "_processes", None) or {}).values())
            for f in pending:
                f.cancel()
            for proc in processes:
                if proc.is_alive():
                    proc.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in processes:
                proc.join(timeout=5)
