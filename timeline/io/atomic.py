"""Outputs that never destroy data: a file is written whole or not at all.

`atomic_write(path)` writes to a temporary file in the same folder and renames it over `path`
only when everything was written (and synced), so `kill -9`, a full disk or a crash leaves the
previous file as it was. A path that exists and is not a regular file (`/dev/null`, a FIFO,
`/dev/stdout`) is written in place: renaming over it would replace the device.

`file_name(doc_id, suffix)` is a file name for a document id that any file system takes: no
`/`, NUL or control characters, at most 255 bytes, with a short hash of the id when it had to be
changed (so two ids never end in one file).
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_write", "file_name", "same_file_as_input"]

NAME_BYTES = 255
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def file_name(doc_id: str, suffix: str = "") -> str:
    """A safe file name for `doc_id` (see the module docstring)."""
    name = _UNSAFE.sub("_", doc_id).strip() or "_"
    if name.startswith("."):
        name = "_" + name[1:]  # not hidden, never `.` or `..`
    budget = NAME_BYTES - len(suffix.encode("utf-8"))
    plain = doc_id.replace("/", "_").replace("\\", "_").replace(":", "_")  # ids with only these keep their old names
    if name != plain or len(name.encode("utf-8")) > budget:
        tag = "~" + hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        name = name.encode("utf-8")[: budget - len(tag)].decode("utf-8", "ignore") + tag
    return name + suffix


@contextmanager
def atomic_write(path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str = "") -> Iterator[TextIO]:
    """A text file to write `path` through; it replaces `path` only when the block ends normally."""
    target = Path(os.path.realpath(path))  # a symlink's target is replaced, not the link
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(target, "w", encoding=encoding, newline=newline) as fh:
            yield fh
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            mode = stat.S_IMODE(st.st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def same_file_as_input(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]],
                       folder: bool = False) -> str | None:
    """The input that writing `output` would overwrite or be read with, or None: the same file; for
    an output `folder`, an input folder it is, or lies in."""
    out = os.path.realpath(output)
    for i in inputs:
        if os.fspath(i) == "-":
            continue
        real = os.path.realpath(i)
        if not os.path.exists(real):
            continue
        if os.path.isdir(real):
            if folder and (out == real or out.startswith(real.rstrip(os.sep) + os.sep)):
                return os.fspath(i)
        elif not folder and (out == real or (os.path.exists(out) and os.path.samefile(out, real))):
            return os.fspath(i)
    return None
