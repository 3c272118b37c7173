"""What the training scripts (train_ner.py, train_pos.py) share: thread limits and a timed log."""
from __future__ import annotations

import os
import sys
import time

MAX_THREADS = 2  # the machine's cores


def pin_threads(threads: int) -> int:
    """Cap the BLAS/OpenMP threads at `MAX_THREADS` (saying so), keep training on the CPU, and
    return the number used. Call before importing spaCy."""
    if threads > MAX_THREADS:
        print(f"note: capping threads at {MAX_THREADS}", file=sys.stderr)
        threads = MAX_THREADS
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
        os.environ[var] = str(threads)
    os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    return threads


def timed_log():
    """A `log(msg)` that prefixes the seconds since it was made."""
    t0 = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - t0:7.1f}s] {msg}", flush=True)

    return log
