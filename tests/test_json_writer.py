"""`--format json` writes what json.dump(…, ensure_ascii=False, indent=1) wrote, byte for byte."""
from __future__ import annotations

import io
import json

from hypothesis import given, strategies as st

from timeline.write.json import dump

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=20)
keys = st.dictionaries(st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none(), scalars, max_size=3)


def _json(data) -> str:
    out = io.StringIO()
    json.dump(data, out, ensure_ascii=False, indent=1)
    return out.getvalue()


def _ours(data) -> str:
    out = io.StringIO()
    dump(data, out)
    return out.getvalue()


@given(st.dictionaries(st.text(max_size=8), st.lists(values, max_size=4), max_size=3))
def test_a_dict_of_lists(data):
    assert _ours(data) == _json(data)


@given(values | keys | st.dictionaries(st.text(max_size=3), values | keys, max_size=3))
def test_anything_else(data):
    assert _ours(data) == _json(data)


def test_the_output_of_build():
    data = {"documents": [{"id": "a\u2028\"b", "dct": None, "timexes": [{"tid": "t1", "start": 0, "v": 0.25}],
                           "window": [], "x": {}}], "events": [],
            "extra": [{"nan": float("nan"), "inf": [float("inf"), -0.0, 1e300]}, [[]], True]}
    assert _ours(data) == _json(data)
