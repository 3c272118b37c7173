"""What several writers share: the event's days and precision, safe cells, safe terminal text."""
from __future__ import annotations

import re
from datetime import date

from ..values import span_end, span_start

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 and C1 control characters but tab and newline; in a terminal ESC starts a control sequence
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# what XML 1.0 does not allow in a document, even as a character reference
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def precision(value: str) -> str:
    """`2019` year, `2024-03` month, `2024-W19` week, `2014-12-10` day."""
    if "-W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


def days(event) -> tuple[date, date]:
    """The first and last day an event covers: its date's span, to the end of `date_end`'s if it has one."""
    return span_start(event.date), span_end(event.date_end or event.date)


def neutral(cell: str) -> str:
    """Spreadsheets run cells that start with = + - @ (or a tab or CR before them) as formulas:
    prefix those with a quote."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def one_line(cell: str) -> str:
    """A cell on one line: tabs, CR and LF become spaces (for TSV and Markdown)."""
    return cell.replace("\t", " ").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def printable(text: str) -> str:
    """Text for a terminal: control characters (ESC of a colour or cursor sequence, BEL, CR) shown
    as `\\x1b`, never sent."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text) if _CONTROL.search(text) else text


def xml_safe(text: str) -> str:
    """Characters XML 1.0 forbids become U+FFFD (one character for one: offsets stay right)."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def short_id(doc_id: str) -> str:
    """`000_b42bc007d7a7e483` → `000` (a number before `_`); other ids cut to 12 characters."""
    head = doc_id.split("_")[0]
    return head if "_" in doc_id and head.isdigit() else doc_id[:12]


def sources_cell(sources: list[str], first: int = 2) -> str:
    """How many articles tell an event and the first of them: `3: 000, 001…`."""
    shown = ", ".join(short_id(s) for s in sources[:first])
    more = "…" if len(sources) > first else ""
    return f"{len(sources)}: {shown}{more}" if len(sources) > 1 else shown
