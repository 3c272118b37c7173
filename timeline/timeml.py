"""TimeML in and out: parse a TimeML document (gold or system) and write one.

Parsing uses a real XML parser (expat, entities off) for well-formed files, and a lenient linear
scanner for the real files seen in the wild that are not (stray `&` or `<` in the text, HTML
entities, unknown tags). The text is the content of `<TEXT>` with every tag removed and entities
unescaped; TIMEX3 offsets count characters (code points) in that text, so
`doc.text[t.start:t.end] == t.text`.
"""
from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from timeline.model import Document, InputError, Timex
from timeline.values import check_dct

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

_ATTR = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# A tag: its name, then attributes; a quoted value holds no `<` or `>`, so that matching one tag
# never reads past the next `<` (linear time on any input, `<a "` repeated included).
_TAG = re.compile(r"<(/)?([A-Za-z_][\w.:-]*)((?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*)>")
_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.I)


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


def _newlines(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n") if "\r" in s else s


_DATE_VALUE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?")


def parse_date_value(value: str) -> date:
    """The date of a DCT value: "YYYY-MM-DD" or an ISO datetime (its date as written).

    Month and day may lack their leading zero ("2013-12-4", as in real TimeML files).
    Raises ValueError for anything else, an impossible date or time, or a year outside
    `values.FIRST_YEAR`…`LAST_YEAR`.
    """
    m = _DATE_VALUE.fullmatch(value.strip())
    if m is None:
        raise ValueError(value)
    day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    check_dct(day)
    if m.group(4):
        datetime.fromisoformat(day.isoformat() + m.group(4))  # the time part must be valid too
    return day


@dataclass
class _Parsed:
    """What both readers find: the raw text of DOCID, TITLE and DCT (and the DCT's first TIMEX3
    value), the text of `<TEXT>` and the TIMEX3 spans in it."""

    text: str | None = None
    spans: list[tuple[dict[str, str], int, int]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # DOCID, TITLE, DCT: their text
    dct_value: str | None = None


_META = ("DOCID", "TITLE", "DCT")


def _parse_xml(markup: str) -> _Parsed | None:
    """With a real XML parser (expat through defusedxml: no entity declarations, no external
    references), or None when the markup is not well-formed XML."""
    import xml.etree.ElementTree as std

    import defusedxml
    import defusedxml.ElementTree as safe

    try:
        root = safe.fromstring(markup, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (std.ParseError, defusedxml.DefusedXmlException, ValueError):
        return None
    out = _Parsed()
    parts: list[str] = []

    def name(el) -> str:
        return el.tag.rsplit("}", 1)[-1].upper() if isinstance(el.tag, str) else ""

    def text_of(el) -> str:
        return "".join(el.itertext())

    def body(el, length: int) -> int:
        """Append the text of `el`'s content to parts; returns the length after it."""
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            start = length
            length = body(child, length)
            if name(child) == "TIMEX3" and length > start:
                out.spans.append((dict(child.attrib), start, length))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        return length

    def visit(el) -> None:
        n = name(el)
        if n == "TEXT":
            if out.text is None:
                body(el, 0)
                out.text = "".join(parts)
            return
        if n in _META and n not in out.meta:
            out.meta[n] = text_of(el)
            if n == "DCT":
                timex = next((t for t in el.iter() if name(t) == "TIMEX3"), None)
                out.dct_value = timex.attrib.get("value", "") if timex is not None else None
            return
        for child in el:
            visit(child)

    visit(root)
    return out


class _Finder:
    """`str.find` of a few fixed strings, remembering each last answer: scanning forward for the
    end of many unterminated `<!--` is linear, not quadratic."""

    def __init__(self, s: str):
        self.s = s
        self.last: dict[str, tuple[int, int]] = {}  # what: (searched from, found at or -1)

    def find(self, what: str, start: int) -> int:
        known = self.last.get(what)
        if known is not None and known[0] <= start and (known[1] == -1 or known[1] >= start):
            return known[1]
        at = self.s.find(what, start)
        self.last[what] = (start, at)
        return at


def _parse_lenient(markup: str) -> _Parsed:
    """For TimeML seen in the wild that is not well-formed XML (stray `&` or `<`, HTML entities,
    unknown or unclosed tags): one left-to-right scan, linear in the length of the markup.

    Comments, processing instructions and the DOCTYPE hold no text; an unterminated one is text.
    The text is the content of the first `<TEXT>` that is closed, its tags removed; a `<` that
    starts no tag stays text."""
    s, find = markup, _Finder(markup).find
    out = _Parsed()
    parts: list[str] = []
    length = 0
    in_text = False
    open_timexes: list[tuple[dict[str, str], int]] = []
    meta_open: dict[str, list[str]] = {}  # DOCID, TITLE, DCT being read: their text so far
    dct_value: str | None = None
    done_text = False

    def add_text(piece: str, raw: bool = False) -> None:
        nonlocal length
        if not piece:
            return
        if not raw:
            piece = _unescape(piece)
        if in_text:
            parts.append(piece)
            length += len(piece)
        else:
            for collected in meta_open.values():
                collected.append(piece)

    pos = cursor = 0  # text since `pos` is not yet added; look for the next `<` from `cursor`
    n = len(s)
    while cursor < n:
        lt = s.find("<", cursor)
        if lt == -1:
            break
        end = -1
        kind = ""
        if s.startswith("<!--", lt):
            at = find("-->", lt + 4)
            end, kind = (at + 3, "skip") if at != -1 else (-1, "")
        elif s.startswith("<![CDATA[", lt):
            at = find("]]>", lt + 9)
            end, kind = (at + 3, "cdata") if at != -1 else (-1, "")
        elif s.startswith("<?", lt):
            at = find("?>", lt + 2)
            end, kind = (at + 2, "skip") if at != -1 else (-1, "")
        elif not in_text and _DOCTYPE.match(s, lt):
            close = find(">", lt)
            bracket = find("[", lt)
            if bracket != -1 and (close == -1 or bracket < close):
                close = find("]", bracket)
                close = find(">", close) if close != -1 else -1
            end, kind = (close + 1, "skip") if close != -1 else (-1, "")
        else:
            m = _TAG.match(s, lt)
            if m:
                end, kind = m.end(), "tag"
        if end == -1:
            cursor = lt + 1  # a `<` that starts nothing: text
            continue
        add_text(s[pos:lt])
        pos = cursor = end
        if kind == "cdata":
            add_text(s[lt + 9 : end - 3], raw=True)
        if kind != "tag":
            continue
        closing, name, attrs = m.group(1), m.group(2).upper(), m.group(3)
        self_closing = attrs.rstrip().endswith("/")
        if in_text:
            if name == "TEXT" and closing:
                in_text, done_text = False, True
                out.text = "".join(parts)
            elif name == "TIMEX3":
                if closing:
                    if open_timexes:
                        a, start = open_timexes.pop()
                        if length > start:
                            out.spans.append((a, start, length))
                elif not self_closing:
                    open_timexes.append((_attrs(attrs), length))
            continue
        if name == "TEXT" and not closing and not self_closing and not done_text:
            in_text = True
        elif name in _META and name not in out.meta:
            if closing and name in meta_open:
                out.meta[name] = "".join(meta_open.pop(name))
            elif not closing and not self_closing and name not in meta_open:
                meta_open[name] = []
        elif name == "TIMEX3" and "DCT" in meta_open and dct_value is None and not closing:
            dct_value = _attrs(attrs).get("value", "")
    if in_text:
        out.text = None  # a `<TEXT>` never closed: no text element (as a stricter reader says)
    out.dct_value = dct_value if "DCT" in out.meta else None
    return out


def parse_timeml(markup: str) -> tuple[Document, list[GoldTimex]]:
    """Parse a TimeML document: the Document (id from DOCID, "" if none) and its TIMEX3 tags.

    Well-formed XML is read by a real XML parser (expat, entity declarations and external
    references refused); other markup by a lenient scanner (`_parse_lenient`) that reads the
    same text from the files seen in the wild. Both are linear in the length of the markup.
    The text is `<TEXT>` with all tags stripped and entities unescaped (CRLF and CR become LF);
    a DCT in `<DCT>` gives `dct` (the date of its TIMEX3 value, see `parse_date_value`) and `dct_source="input"`.
    Non-consuming (empty) TIMEX3 tags are skipped. Raises InputError when there is no `<TEXT>`
    or the DCT is not a date.
    """
    markup = _newlines(markup)
    parsed = _parse_xml(markup)
    if parsed is None or parsed.text is None:
        parsed = _parse_lenient(markup)
    if parsed.text is None:
        raise InputError("malformed TimeML: no <TEXT> element")
    text = parsed.text
    plain = {k: " ".join(v.split()) for k, v in parsed.meta.items()}
    doc_id = plain.get("DOCID", "")
    title = plain.get("TITLE") or None
    dct = None
    if "DCT" in parsed.meta:
        raw = parsed.dct_value or plain["DCT"]
        try:
            dct = parse_date_value(raw)
        except ValueError:
            shown = raw if len(raw) <= 80 else raw[:80] + "…"
            raise InputError(f"invalid DCT '{shown}'") from None

    timexes = []
    for i, (a, start, end) in enumerate(sorted(parsed.spans, key=lambda s: (s[1], s[2])), 1):
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
