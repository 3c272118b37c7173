"""The models' matrix products on numpy's BLAS, one thread a process.

thinc (spaCy's network library) multiplies its matrices with the BLIS it bundles. On this project's
machines numpy's OpenBLAS does the products of the tok2vec layers (some 1,600 × 608 by 608 × 288
per batch) 3–4 times faster on one core (26 against 90 GFLOP/s), which makes the named-entity and
part-of-speech passes about half as long; the tags and entities are the same (`make bench`, README
"Benchmark"). `timeline` forks its own workers (`--workers`), so OpenBLAS gets one thread: two
threads in each of two workers would fight over two cores.

When numpy's OpenBLAS cannot be found or told to use one thread (another BLAS, another build),
the models keep BLIS: nothing changes then but the speed.
"""
from __future__ import annotations

import ctypes
from functools import cache
from pathlib import Path

_SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
                "openblas_set_num_threads")


@cache
def _one_openblas_thread() -> bool:
    """Tell numpy's bundled OpenBLAS to use one thread; False when there is none to tell."""
    try:
        import numpy
    except ImportError:
        return False
    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("*openblas*.so*")) if libs.is_dir() else []:
        try:
            lib = ctypes.CDLL(str(path))  # already loaded by numpy: the same library, not a second copy
        except OSError:
            continue
        for name in _SET_THREADS:
            fn = getattr(lib, name, None)
            if fn is not None:
                fn.argtypes = [ctypes.c_int]
                fn(1)
                return True
    return False


def use_numpy_blas(nlp) -> bool:
    """Run the layers of a loaded spaCy pipeline on numpy's OpenBLAS (one thread) instead of BLIS;
    returns whether it did."""
    if not _one_openblas_thread():
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True
