"""TimeML in and out: parse a TimeML document (gold or system) and write one.

Parsing is regex-based rather than a strict XML parser, so that the real files seen in the wild
(no encoding declared, stray `&` or `<` in the text, unknown tags) still read. The text is the
content of `<TEXT>` with every tag removed and entities unescaped; TIMEX3 offsets count characters
(code points) in that text, so `doc.text[t.start:t.end] == t.text`.
"""
from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass
from datetime import date, datetime

from timeline.model import Document, InputError, Timex

__all__ = ["GoldTimex", "parse_date_value", "parse_timeml", "to_timeml"]


@dataclass
class GoldTimex:
    """A TIMEX3 of a TimeML file; `alt_values` also count as right, `optional` ones are not required."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    alt_values: tuple[str, ...] = ()
    optional: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        """The gold value and its alternatives: every value that counts as right."""
        return (self.value, *self.alt_values)

    def to_timex(self) -> Timex:
        """The same expression as a plain `Timex` (for TimeML read as system output)."""
        return Timex(self.tid, self.start, self.end, self.text, self.type, self.value, self.mod)


# ---------------------------------------------------------------- parsing

_FLAGS = re.S | re.I
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TEXT = re.compile(r"<TEXT(?:\s[^>]*)?>(.*?)</TEXT\s*>", _FLAGS)
_DOCID = re.compile(r"<DOCID(?:\s[^>]*)?>(.*?)</DOCID\s*>", _FLAGS)
_DCT = re.compile(r"<DCT(?:\s[^>]*)?>(.*?)</DCT\s*>", _FLAGS)
_TITLE = re.compile(r"<TITLE(?:\s[^>]*)?>(.*?)</TITLE\s*>", _FLAGS)
_TIMEX_OPEN = re.compile(r"<TIMEX3\b((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", _FLAGS)
# Inside <TEXT>: comments, CDATA, processing instructions, and tags. A `<` that starts none of
# these (`a < b` in a sloppy file) stays text.
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<(?P<close>/)?(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
_ATTR = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TAGS = re.compile(r"<[^>]*>")


def _unescape(s: str) -> str:
    """Replace character references and named entities (`&amp;`, `&#8220;`, `&nbsp;`); unknown ones stay."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name[0] == "#":
            try:
                return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
            except (ValueError, OverflowError):
                return m.group(0)
        return html.entities.html5.get(name + ";", m.group(0))

    return _ENTITY.sub(sub, s) if "&" in s else s


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): _unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(s)}


def _plain(fragment: str) -> str:
    """An element's content as one clean line: tags removed, entities unescaped, spaces collapsed."""
    return " ".join(_unescape(_TAGS.sub("", fragment)).split())


def _newlines(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n") if "\r" in s else s


_DATE_VALUE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?")


def parse_date_value(value: str) -> date:
    """The date of a DCT value: "YYYY-MM-DD" or an ISO datetime (its date as written).

    Month and day may lack their leading zero ("2013-12-4", as in real TimeML files).
    Raises ValueError for anything else, or an impossible date or time.
    """
    m = _DATE_VALUE.fullmatch(value.strip())
    if m is None:
        raise ValueError(value)
    day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m.group(4):
        datetime.fromisoformat(day.isoformat() + m.group(4))  # the time part must be valid too
    return day


def _dct(fragment: str) -> date:
    m = _TIMEX_OPEN.search(fragment)
    raw = _attrs(m.group(1)).get("value", "") if m else ""
    if not raw:
        raw = _plain(fragment)
    try:
        return parse_date_value(raw)
    except ValueError:
        raise InputError(f"invalid DCT '{raw}'") from None


def parse_timeml(markup: str) -> tuple[Document, list[GoldTimex]]:
    """Parse a TimeML document: the Document (id from DOCID, "" if none) and its TIMEX3 tags.

    The text is `<TEXT>` with all tags stripped and entities unescaped (CRLF and CR become LF);
    a DCT in `<DCT>` gives `dct` (the date of its TIMEX3 value, see `parse_date_value`) and `dct_source="input"`.
    Non-consuming (empty) TIMEX3 tags are skipped. Raises InputError when there is no `<TEXT>`
    or the DCT is not a date.
    """
    markup = _COMMENT.sub("", _newlines(markup))  # comments hold no text, nor elements
    m_text = _TEXT.search(markup)
    if m_text is None:
        raise InputError("malformed TimeML: no <TEXT> element")
    outside = markup[: m_text.start()] + markup[m_text.end() :]

    m = _DOCID.search(outside)
    doc_id = _plain(m.group(1)) if m else ""
    m = _TITLE.search(outside)
    title = (_plain(m.group(1)) or None) if m else None
    m = _DCT.search(outside)
    dct = _dct(m.group(1)) if m else None

    parts: list[str] = []
    length = 0
    open_tags: list[tuple[dict[str, str], int]] = []
    spans: list[tuple[dict[str, str], int, int]] = []
    content = m_text.group(1)
    pos = 0
    for tok in _TOKEN.finditer(content):
        if tok.start() > pos:
            piece = _unescape(content[pos : tok.start()])
            parts.append(piece)
            length += len(piece)
        pos = tok.end()
        if tok.group("cdata") is not None:
            parts.append(tok.group("cdata"))
            length += len(tok.group("cdata"))
            continue
        name = tok.group("name")
        if name is None or name.upper() != "TIMEX3":
            continue  # comments, processing instructions, EVENT, SIGNAL, ... : their text stays, the tags go
        if tok.group("close"):
            if open_tags:
                attrs, start = open_tags.pop()
                if length > start:
                    spans.append((attrs, start, length))
        elif not tok.group("attrs").rstrip().endswith("/"):
            open_tags.append((_attrs(tok.group("attrs")), length))
    if pos < len(content):
        parts.append(_unescape(content[pos:]))
    text = "".join(parts)

    timexes = []
    for i, (a, start, end) in enumerate(sorted(spans, key=lambda s: (s[1], s[2])), 1):
        timexes.append(
            GoldTimex(
                tid=a.get("tid") or f"t{i}",
                start=start,
                end=end,
                text=text[start:end],
                type=a.get("type", "").strip().upper(),
                value=a.get("value", "").strip(),
                mod=a.get("mod", "").strip() or None,
                alt_values=tuple(a.get("alt_values", "").split()),
                optional=a.get("optional", "").strip().lower() in ("true", "yes", "1"),
            )
        )
    doc = Document(id=doc_id, text=text, dct=dct, dct_source="input" if dct else "none", title=title)
    return doc, timexes


# ---------------------------------------------------------------- writing


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _esc_attr(s: str) -> str:
    return _esc(s).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _open_tag(t: Timex) -> str:
    attrs = [("tid", t.tid), ("type", t.type), ("value", t.value)]
    if t.mod:
        attrs.append(("mod", t.mod))
    return "<TIMEX3 " + " ".join(f'{k}="{_esc_attr(str(v))}"' for k, v in attrs) + ">"


def to_timeml(doc: Document, timexes: list[Timex]) -> str:
    """Write `doc` as a TimeML document with `timexes` as inline TIMEX3 tags.

    `parse_timeml` of the result gives back the same text and spans. Spans that are empty, out of
    range, or that cross another span (XML cannot nest them) are left out; nested spans are kept.
    """
    tids = {t.tid for t in timexes}
    dct_tid = "t0" if "t0" not in tids else "tdct"
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{_esc(doc.id)}</DOCID>"]
    if doc.dct is not None:
        v = doc.dct.isoformat()
        out.append(
            f'<DCT><TIMEX3 tid="{dct_tid}" type="DATE" value="{v}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{v}</TIMEX3></DCT>'
        )
    if doc.title:
        out.append(f"<TITLE>{_esc(doc.title)}</TITLE>")

    text = doc.text
    body: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            body.append(_esc(text[pos:end]))
            body.append("</TIMEX3>")
            pos = end

    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if not (0 <= t.start < t.end <= len(text)):
            continue
        close_until(t.start)
        if open_ends and t.end > open_ends[-1]:
            continue  # crosses the open span
        body.append(_esc(text[pos : t.start]))
        body.append(_open_tag(t))
        pos = t.start
        open_ends.append(t.end)
    close_until(len(text))
    body.append(_esc(text[pos:]))
    out.append("<TEXT>" + "".join(body) + "</TEXT>")
    out.append("</TimeML>")
    return "\n".join(out) + "\n"
