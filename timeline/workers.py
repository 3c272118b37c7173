"""Worker processes: `fork` where the system has it (the parent's loaded grammar and models are
shared), else `spawn` (each worker loads them itself). TIMELINE_START_METHOD=spawn forces spawn
(tests use it to check that --workers works where only spawn exists)."""
from __future__ import annotations

import multiprocessing as mp
import os


def context():
    methods = mp.get_all_start_methods()
    wanted = os.environ.get("TIMELINE_START_METHOD")
    if wanted in methods:
        return mp.get_context(wanted)
    return mp.get_context("fork" if "fork" in methods else "spawn")
