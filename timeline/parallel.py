"""Work on several processes without hanging: `ordered_map(fn, items, workers)`.

Results come in input order, as the items are read (at most a few chunks per worker are in
flight, so memory stays flat). The processes are forked, so they share what the parent loaded
before the first item (models, the grammar) and `fn` may read module state set before.

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
                ahead: int = 2) -> Iterator[Any]:
    """`fn(item)` for each item, in order, on `workers` forked processes (see the module docstring);
    at most `ahead` chunks per worker are queued. Raises WorkerDied when a worker dies."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=_die_with_parent,
                               initargs=(os.getpid(),))
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
