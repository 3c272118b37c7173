"""Stage 1, read: files, folders and standard input become clean `Document`s.

`read` streams: one file at a time, JSON Lines one line at a time. It never raises for a bad
input; it yields a `Document` with `status="error"` and a one-line `error` instead, so that every
input shows up in the output. Every format goes through `decode`, so offsets count characters of
the same clean text (no BOM, LF line ends) whatever the encoding of the file.
"""
from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import charset_normalizer

from timeline.model import Document, InputError
from timeline.timeml import parse_date_value, parse_timeml

__all__ = ["EXTENSIONS", "STDIN_SOURCE", "clean_text", "decode", "read"]

# File name extensions read inside folders, and the format each one means.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".tml": "timeml",
    ".xml": "timeml",
    ".html": "html",
    ".htm": "html",
}
STDIN_SOURCE = "<stdin>"
_STDIN_STEM = "stdin"

BINARY = "binary file, not text"
EMPTY = "empty input"
BLANK = "no text (only whitespace)"

MAX_INPUT_BYTES = 64 * 1024 * 1024  # default limit of one input file (of one line of JSON Lines)
_HEAD = 8192  # bytes read first, to sniff the format
_CHUNK = 1 << 16

# ---------------------------------------------------------------- decoding

# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte Western code pages that charset-normalizer may name for text that is really
# Windows-1252 (the usual legacy encoding of Indonesian web text): they all decode plain Latin
# letters the same way and differ on the curly quotes and dashes that cp1252 puts at 0x91-0x97.
_LATIN_LOOKALIKES = {
    "latin_1", "iso8859_15", "iso8859_2", "iso8859_9", "cp1250", "cp1252", "cp1254", "cp1257",
    "cp1258", "cp437", "cp850", "cp852", "cp858", "cp775", "mac_roman", "mac_latin2", "mac_iceland",
}
_ASCII = bytes(range(128))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _bom(data: bytes) -> tuple[str | None, int]:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None, 0


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    if len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) * 2 >= len(zeros) and other.count(0) == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes) -> str:
    """Decode bytes that are not UTF-8: Windows-1252 for Latin text, else charset-normalizer's guess."""
    try:
        cp1252: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None:
        high = len(data.translate(None, _ASCII))
        visible = len(data.translate(None, b" \t\n\r\f\v"))
        if high * 2 <= visible:
            # Mostly ASCII (Latin-script text with some non-ASCII bytes): charset-normalizer's guesses on such
            # text (cp1250, cp850, cp775, even EBCDIC on short input) are cp1252 look-alikes.
            return cp1252
    results = charset_normalizer.from_bytes(data)
    if cp1252 is not None and any(
        m.encoding in _LATIN_LOOKALIKES or "cp1252" in m.could_be_from_charset for m in results
    ):
        return cp1252
    best = results.best()
    if best is None:
        if cp1252 is not None:
            return cp1252  # the control-character check in `decode` decides
        raise InputError(BINARY)
    return str(best)


_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(s: str) -> str:
    """A lone surrogate (`"\\ud800"` in JSON) becomes U+FFFD: one code point for one, so offsets
    stay, and the text can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def clean_text(text: str) -> str:
    """Remove a leading byte-order mark, turn CRLF and lone CR into LF and lone surrogates into
    U+FFFD; nothing else changes."""
    text = no_surrogates(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode(data: bytes) -> str:
    """Bytes of any encoding seen in the wild to clean text (see `clean_text`).

    Order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); strict UTF-8; Windows-1252 for
    Latin text and whenever charset-normalizer's guess is a cp1252 look-alike (so 0x93 0x94 are
    curly quotes and 0x96 an en dash, never latin-1 control characters); else charset-normalizer's
    best guess. Raises InputError("binary file, not text") for NUL bytes outside UTF-16/32,
    undecodable data, or text full of control characters.
    """
    encoding, skip = _bom(data)
    text: str | None = None
    if encoding is not None:
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError:
            if encoding != "utf-8":
                raise InputError(f"invalid {encoding.upper()} text") from None
            data = data[skip:]  # a UTF-8 mark on text that is not UTF-8: guess
    elif b"\0" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(BINARY)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess(data)
    if "\0" in text or len(_CONTROL.findall(text)) * 100 > len(text):
        raise InputError(BINARY)
    return clean_text(text)


# ---------------------------------------------------------------- paths


def _cut(s: str, limit: int = 80) -> str:
    """A piece of input quoted in a message, at most `limit` characters."""
    return s if len(s) <= limit else s[:limit] + "…"


def _error(doc_id: str, source: str, message: str) -> Document:
    return Document(id=doc_id, text="", source=source, status="error", error=message)


def _os_message(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    return (e.strerror or str(e) or type(e).__name__).lower()


def _kind(mode: int) -> str | None:
    """What a file that is not a regular one is: a FIFO, a socket, a device; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _walk(folder: str, extensions: Iterable[str] = EXTENSIONS) -> Iterator[tuple[str, OSError | str | None]]:
    """Files under `folder` with one of `extensions`, recursively, sorted by name, hidden ones skipped.

    Yields (path, None), or (path, error) for a sub-folder that cannot be listed (an OSError) and
    for a FIFO, socket or device with such a name (a message: skipped, never opened, as reading
    one would wait forever or never end).
    """
    exts = {e.lower() for e in extensions}
    seen: set[str] = set()

    def walk(d: str) -> Iterator[tuple[str, OSError | str | None]]:
        real = os.path.realpath(d)
        if real in seen:  # a symlink loop
            return
        seen.add(real)
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield d, e
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(d, entry.name)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            elif os.path.splitext(entry.name)[1].lower() in exts:
                try:
                    kind = _kind(entry.stat().st_mode)
                except OSError:
                    kind = None  # a broken link: opening it names the problem
                yield path, (f"skipped: {kind}" if kind else None)

    yield from walk(folder)


# ---------------------------------------------------------------- formats


@dataclass(frozen=True)
class Fields:
    """Which JSON field holds what (`--text-field body --date-field meta.published`); a dotted name
    reaches into nested objects."""

    text: str = "text"
    id: str = "id"
    dct: str = "dct"
    title: str = "title"
    url: str = "url"


DEFAULT_FIELDS = Fields()


def _field(obj: dict, name: str) -> Any:
    if name in obj or "." not in name:
        return obj.get(name)
    for part in name.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _article(obj: Any, *, default_id: str, source: str, where: str, fields: Fields = DEFAULT_FIELDS) -> Document:
    """One JSON article object to a Document; `where` prefixes error messages ("line 3: ")."""
    if not isinstance(obj, dict):
        return _error(default_id, source, f"{where}not a JSON object")
    raw_id = _field(obj, fields.id)
    doc_id = no_surrogates(str(raw_id).strip()) if raw_id is not None and str(raw_id).strip() else default_id
    text = _field(obj, fields.text)
    if text is None:
        hint = "" if fields.text != "text" else f" (its fields: {', '.join(list(obj)[:8])}; --text-field names another)"
        return _error(doc_id, source, f"{where}no '{fields.text}' field{hint}")
    if not isinstance(text, str):
        return _error(doc_id, source, f"{where}'{fields.text}' is not a string")
    text = clean_text(text)
    if not text.strip():
        return _error(doc_id, source, f"{where}{BLANK}")
    dct = None
    raw_dct = _field(obj, fields.dct)
    if raw_dct not in (None, ""):
        try:
            if not isinstance(raw_dct, str):
                raise ValueError(raw_dct)
            dct = parse_date_value(raw_dct)
        except ValueError:
            return _error(doc_id, source, f"{where}invalid dct {_cut(no_surrogates(str(raw_dct)))!r}")
    title, url = _field(obj, fields.title), _field(obj, fields.url)
    title, url = (no_surrogates(v) if isinstance(v, str) else v for v in (title, url))
    return Document(
        id=doc_id,
        text=text,
        dct=dct,
        dct_source="input" if dct else "none",
        title=title if isinstance(title, str) and title.strip() else None,
        source=source,
        url=url if isinstance(url, str) and url.strip() else None,
    )


def _byte_lines(head: bytes, f: BinaryIO, limit: int = MAX_INPUT_BYTES) -> Iterator[bytes | None]:
    """The lines of `head` + the rest of `f`, without their "\\n", read a chunk at a time; None
    for a line longer than `limit` bytes (it is read past, never held)."""
    lines = head.split(b"\n")
    yield from lines[:-1]
    parts = [lines[-1]]
    size = len(parts[0])
    while chunk := f.read(_CHUNK):
        if b"\n" not in chunk:
            size += len(chunk)
            if size <= limit:
                parts.append(chunk)
            else:
                parts = []
            continue
        lines = chunk.split(b"\n")
        parts.append(lines[0])
        yield b"".join(parts) if size + len(lines[0]) <= limit else None
        yield from lines[1:-1]
        parts = [lines[-1]]
        size = len(parts[0])
    tail = b"".join(parts)
    if size > limit:
        yield None
    elif tail:
        yield tail


def _text_lines(head: bytes, f: BinaryIO, limit: int = MAX_INPUT_BYTES) -> Iterator[tuple[int, str | InputError]]:
    """Numbered decoded lines of a stream; a line that cannot be decoded, or longer than `limit`
    bytes, comes as an InputError."""
    encoding, skip = _bom(head)
    if encoding in (None, "utf-8"):
        for n, raw in enumerate(_byte_lines(head[skip:], f, limit), 1):
            if raw is None:
                yield n, InputError(too_big(limit))
                continue
            try:
                yield n, decode(raw)
            except InputError as e:
                yield n, e
        return
    # UTF-16/32: decode incrementally, then split.
    decoder = codecs.getincrementaldecoder(encoding)()
    n, pending, data = 0, "", head[skip:]
    while True:
        final = not data
        try:
            pending += decoder.decode(data, final=final)
        except UnicodeDecodeError:
            yield n + 1, InputError(f"invalid {encoding.upper()} text")
            return
        *lines, pending = pending.split("\n")
        for line in lines:
            n += 1
            yield n, clean_text(line)
        if len(pending) * 2 > limit:  # a UTF-16/32 line over the limit: the rest is not read
            yield n + 1, InputError(too_big(limit))
            return
        if final:
            break
        data = f.read(_CHUNK)
    if pending:
        yield n + 1, clean_text(pending)


def _read_jsonl(head: bytes, f: BinaryIO, source: str, stem: str, fields: Fields = DEFAULT_FIELDS,
                limit: int = MAX_INPUT_BYTES) -> Iterator[Document]:
    any_line = False
    for n, line in _text_lines(head, f, limit):
        where, line_source, default_id = "", f"{source}:{n}", f"{stem}:{n}"  # the source names the line
        if isinstance(line, InputError):
            any_line = True
            yield _error(default_id, line_source, f"{where}{line}")
            continue
        if not line.strip():
            continue
        any_line = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield _error(default_id, line_source, f"{where}invalid JSON: {e.msg} (column {e.colno})")
            continue
        yield _article(obj, default_id=default_id, source=line_source, where=where, fields=fields)
    if not any_line:
        yield _error(stem, source, EMPTY)


def _read_json(text: str, source: str, stem: str, fields: Fields = DEFAULT_FIELDS) -> Iterator[Document]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        yield _error(stem, source, f"invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})")
        return
    if isinstance(obj, dict):
        yield _article(obj, default_id=stem, source=source, where="", fields=fields)
    elif isinstance(obj, list):
        if not obj:
            yield _error(stem, source, "empty JSON array")
        for i, item in enumerate(obj, 1):
            yield _article(item, default_id=f"{stem}:{i}", source=source, where=f"item {i}: ", fields=fields)
    else:
        yield _error(stem, source, "not a JSON array or object")


def _read_timeml(text: str, source: str, stem: str) -> Document:
    try:
        doc, _ = parse_timeml(text)
    except InputError as e:
        return _error(stem, source, str(e))
    doc.id = doc.id or stem
    doc.source = source
    if not doc.text.strip():
        return _error(doc.id, source, BLANK)
    return doc


def _sniff(head: bytes) -> str:
    """The format of content without a known extension: jsonl, json, timeml or text."""
    encoding, skip = _bom(head)
    if encoding not in (None, "utf-8"):
        s = head[skip:].decode(encoding, errors="ignore")
    elif b"\0" in head:
        s = _utf16_without_bom(head[: len(head) - len(head) % 2]) or ""
    else:
        s = head[skip:].decode("latin-1")
    s = s.lstrip()
    if s.startswith("{"):
        first, newline, _ = s.partition("\n")
        if newline or len(head) < _HEAD:  # the first line is complete: is it a whole object?
            try:
                json.loads(first)
            except ValueError:
                return "json"  # one pretty-printed object
        return "jsonl"
    if s.startswith("["):
        return "json"
    if s.startswith(("<?xml", "<TimeML", "<!DOCTYPE TimeML")):
        return "timeml"
    if s[:15].lower().startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def too_big(limit: int) -> str:
    return f"more than {limit / 1024 / 1024:g} MB: over the input size limit (--max-input)"


def _read_stream(f: BinaryIO, source: str, stem: str, fmt: str | None, fields: Fields = DEFAULT_FIELDS,
                 split: bool = False, limit: int = MAX_INPUT_BYTES) -> Iterator[Document]:
    """Documents from one open binary stream; `fmt` None means sniff it from the content. At
    most `limit` bytes are read for one document (the whole stream, or one JSON Lines line)."""
    head = f.read(_HEAD)
    if not head:
        yield _error(stem, source, EMPTY)
        return
    sniffed = fmt is None
    if fmt is None:
        fmt = _sniff(head)
    if fmt == "jsonl":
        encoding, _ = _bom(head)
        if b"\0" in head and encoding not in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            yield _error(stem, source, BINARY)
            return
        yield from _read_jsonl(head, f, source, stem, fields, limit)
        return
    data = head + f.read(max(0, limit - len(head)) + 1)
    if len(data) > limit:
        yield _error(stem, source, too_big(limit))
        return
    try:
        text = decode(data)
    except InputError as e:
        yield _error(stem, source, str(e))
        return
    if fmt == "json":
        docs = list(_read_json(text, source, stem, fields))
        if sniffed and len(docs) == 1 and docs[0].status == "error" and docs[0].error.startswith("invalid JSON"):
            fmt = "text"  # only looked like JSON: "[Foto] ..." is an article
        else:
            yield from docs
            return
    if fmt == "timeml":
        yield _read_timeml(text, source, stem)
    elif fmt == "html":
        yield _read_html(text, source, stem)
    elif not text.strip():
        yield _error(stem, source, BLANK)
    elif split:
        yield from _split_articles(text, source, stem)
    else:
        yield _with_dateline_check(Document(id=stem, text=text, source=source))


def _read_file(path: str, fmt: str | None, fields: Fields = DEFAULT_FIELDS, limit: int = MAX_INPUT_BYTES) -> Iterator[Document]:
    stem = Path(path).stem
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below, kept open while JSON Lines stream
    except OSError as e:
        yield _error(stem, path, _os_message(e))
        return
    try:
        with f:
            yield from _read_stream(f, path, stem, fmt, fields, limit=limit)
    except OSError as e:
        yield _error(stem, path, _os_message(e))


def _read_path(path: str, fields: Fields = DEFAULT_FIELDS, limit: int = MAX_INPUT_BYTES) -> Iterator[Document]:
    try:
        st = os.stat(path)
    except OSError as e:
        yield _error(Path(path).stem or path, path, _os_message(e))
        return
    if not stat.S_ISDIR(st.st_mode):
        yield from _read_file(path, EXTENSIONS.get(os.path.splitext(path)[1].lower()), fields, limit)
        return
    found = False
    for file, err in _walk(path):
        found = True
        if isinstance(err, str):
            yield _error(Path(file).stem, file, err)
        elif err is not None:
            yield _error(Path(file).name, file, _os_message(err))
        else:
            yield from _read_file(file, EXTENSIONS[os.path.splitext(file)[1].lower()], fields, limit)
    if not found:
        exts = " ".join(EXTENSIONS)
        yield _error(Path(path).name or path, path, f"no input files in this folder (looked for {exts})")


# ---------------------------------------------------------------- HTML pages, URLs, several articles on stdin

# paragraphs that point to other articles ("Baca juga: …"), pruned before extraction
_PRUNE = [
    "//p[starts-with(translate(normalize-space(.), 'BACJUGSIMKLHT', 'bacjugsimklht'), 'baca juga')]",
    "//p[starts-with(translate(normalize-space(.), 'BACJUGSIMKLHT', 'bacjugsimklht'), 'simak juga')]",
    "//p[starts-with(translate(normalize-space(.), 'BACJUGSIMKLHT', 'bacjugsimklht'), 'lihat juga')]",
]


def _read_html(markup: str, source: str, stem: str, url: str | None = None) -> Document:
    """An article's web page (saved from a browser, or fetched): its main text, title and
    publication date, by trafilatura (menus, scripts, asides and "Baca juga" links left out)."""
    import warnings

    import trafilatura

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False, include_images=False, prune_xpath=_PRUNE)
    except Exception as exc:  # noqa: BLE001 - a page the extractor cannot parse is this input's failure
        return _error(stem, source, f"cannot read this HTML page ({type(exc).__name__})")
    if found is None or len((found.text or "").split()) < 8:  # a menu or a caption is no article
        return _error(stem, source, "no article text found in this HTML page")
    text = clean_text(found.text).strip("\n")
    title = (found.title or "").strip() or None
    if title and text.split("\n", 1)[0].strip() == title:  # the headline, already the title
        text = text.split("\n", 1)[1].lstrip("\n") if "\n" in text else text
    dct = None
    if found.date:
        try:
            dct = parse_date_value(found.date)
        except ValueError:
            dct = None
    return _with_dateline_check(Document(id=stem, text=text, dct=dct, dct_source="input" if dct else "none",
                                         title=title, source=source, url=url or found.url))


URL_TIMEOUT = 20.0  # seconds for connecting and for each read


def _url_stem(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    last = [p for p in parts.path.split("/") if p]
    return Path(last[-1]).stem if last else parts.hostname or "url"


def _url_problem(exc: BaseException) -> str:
    import socket
    import urllib.error

    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {URL_TIMEOUT:g} s"
    if isinstance(reason, socket.gaierror):
        return "cannot find the host (offline?)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot fetch: {reason.strerror.lower()}"
    return f"cannot fetch: {reason}"


def _read_url(url: str, fields: Fields, limit: int = MAX_INPUT_BYTES) -> Iterator[Document]:
    """A page fetched over HTTP(S) with a timeout: HTML through trafilatura, other content as a file."""
    import io
    import urllib.request

    stem = _url_stem(url)
    request = urllib.request.Request(url, headers={"User-Agent": "timeline (Indonesian news chronology)"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT) as response:
            data = response.read(limit + 1)
            if len(data) > limit:
                yield _error(stem, url, too_big(limit))
                return
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except Exception as exc:  # noqa: BLE001 - every network failure becomes one line
        yield _error(stem, url, _url_problem(exc))
        return
    if ctype in ("text/html", "application/xhtml+xml"):
        try:
            markup = data.decode(charset) if charset else decode(data)
        except (LookupError, UnicodeDecodeError, InputError):
            markup = data.decode("utf-8", errors="replace")
        yield _read_html(markup, url, stem, url=url)
        return
    fmt = {"application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl"}.get(ctype)
    yield from _read_stream(io.BytesIO(data), url, stem, fmt, fields, limit=limit)


_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$|\f", re.M)
# a dateline opening a line: `PALEMBANG, KOMPAS.com -`, `MOSKOW -`, `TRIBUNNEWS.COM –`
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.]{2,}(?:[ ,]+[A-Z][\w.]*){0,3}[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*[-–—]{1,2}[ \t]", re.M)


def _with_dateline_check(doc: Document) -> Document:
    """Warn when one text opens several articles (two datelines): they would share one date."""
    starts = [m.start() for m in _DATELINE.finditer(doc.text)]
    if len(starts) > 1:
        lines, line, counted = [], 1, 0  # the line numbers of the first four, counted on from one to the next
        for start in starts[:4]:
            line += doc.text.count("\n", counted, start)
            counted = start
            lines.append(line)
        where = ", ".join(str(n) for n in lines)
        doc.warnings.append(f"{len(starts)} datelines (lines {where}): several articles in one text? "
                            "they get one date; separate them with a line --- (or a form feed)")
    return doc


def _split_articles(text: str, source: str, stem: str) -> Iterator[Document]:
    """Standard input holding several plain-text articles, separated by a line `---` or a form feed."""
    parts = [p.strip("\n") for p in _SEPARATOR.split(text)]
    parts = [p for p in parts if p.strip()]
    if len(parts) <= 1:
        yield _with_dateline_check(Document(id=stem, text=parts[0] if parts else text, source=source))
        return
    for n, part in enumerate(parts, 1):
        yield _with_dateline_check(Document(id=f"{stem}:{n}", text=part, source=f"{source}, article {n}"))


def _read_tty(stream: BinaryIO) -> bytes:
    """What the user types until the first Ctrl-D (a buffered read would wait for a second one)."""
    chunks = []
    fd = stream.fileno()
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _unique(docs: Iterable[Document]) -> Iterator[Document]:
    """Ids unique across the inputs: a second `berita` (another folder's berita.txt) becomes
    `folder/berita`, and `berita~2` if that is taken too."""
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            base = doc.id
            parent = Path(doc.source).parent.name if doc.source and os.path.exists(doc.source) else ""
            candidate = f"{parent}/{base}" if parent else base
            n = 1
            while candidate in seen:
                n += 1
                candidate = f"{base}~{n}"
            doc.id = candidate
        seen.add(doc.id)
        yield doc


def read(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *, stdin: BinaryIO | None = None,
         fields: Fields = DEFAULT_FIELDS, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Document]:
    """Documents from files, folders (recursive, sorted, known extensions, no hidden files), URLs and "-".

    "-" reads `stdin` (a binary file object, default `sys.stdin.buffer`); plain text there may hold
    several articles separated by a line `---` or a form feed. A file's format comes from its
    extension (`EXTENSIONS`) or, for other names and stdin, from its content; an `http(s)://`
    address is fetched (`URL_TIMEOUT`). `fields` names the JSON fields (`Fields`). Streams: one
    file at a time, JSON Lines one line at a time. Ids are unique across inputs. Never raises for
    a bad input: yields a Document with status "error" and a one-line `error` (without the path;
    `source` has it); a suspicious input gets `warnings`. An input (a file; a line of JSON Lines)
    of more than `max_bytes` is such an error (so that `/dev/zero` ends); FIFOs, sockets and devices
    inside folders are skipped as such errors.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    yield from _unique(_read_all(paths, stdin, fields, max_bytes))


def _read_all(paths, stdin: BinaryIO | None, fields: Fields, limit: int = MAX_INPUT_BYTES) -> Iterator[Document]:
    import io

    for p in paths:
        path = os.fspath(p)
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                if stream.isatty():
                    stream = io.BytesIO(_read_tty(stream))
                yield from _read_stream(stream, STDIN_SOURCE, _STDIN_STEM, None, fields, split=True, limit=limit)
            except OSError as e:
                yield _error(_STDIN_STEM, STDIN_SOURCE, _os_message(e))
        elif path.startswith(("http://", "https://")):
            yield from _read_url(path, fields, limit)
        else:
            yield from _read_path(path, fields, limit)


def count_documents(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many documents `read(paths)` will yield, when that is cheap to know (for a progress bar):
    one per text or TimeML file, one per non-blank line of JSON Lines; None for standard input,
    URLs and JSON files (which would have to be parsed twice)."""
    total = 0
    for p in paths:
        path = os.fspath(p)
        if path == "-" or "://" in path:
            return None
        files = [f for f, err in _walk(path) if err is None] if os.path.isdir(path) else [path]
        for file in files:
            fmt = EXTENSIONS.get(os.path.splitext(file)[1].lower())
            if fmt == "json":
                return None
            if fmt == "jsonl" and os.path.isfile(file):  # never a FIFO: counting would read it
                try:
                    with open(file, "rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total
