"""Candidates: every dated clause of an article, and its lead, found from the sentence's structure.

A candidate is one clause that a calendar time governs (`KPK menetapkan … pada Rabu (5/11/2025)`),
or the lead of the article, which news dates on its publication day unless it says otherwise. No
word list decides what is a candidate: the lexicon only labels a kind later (`describe.py`).

How a time is attached (the clause rules, measured in README "Events"):
- a sentence is cut into clauses at `;`, at quote marks and at a comma before a conjunction;
- the time dates the clause it stands in; a clause without a predicate of its own (`Sebelumnya,
  pada Rabu (5/11/2025),`) hands its time to the next clause of the sentence;
- a time in an attribution (`"…," kata Budi, Kamis.`, `Budi mengatakan, Kamis (6/11/2025), …`)
  dates the statement, whose content is the quoted clause;
- `sejak`/`hingga`/`sampai` + time date the start or the end of the predicate, unless they bound a
  comparison (`terendah sejak Mei 2009`); a year right after a capitalised word belongs to a name
  (`Piala Dunia U17 2025`, `UU Nomor 31 Tahun 1999`) and dates nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .lexis import patterns
from ..model import Document, Timex

_WORD = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*", re.UNICODE)


@dataclass
class Candidate:
    doc: str
    sentence_start: int
    sentence_end: int
    start: int  # the clause (for a statement: the quoted content) in the document text
    end: int
    date: str  # calendar value: `2025-11-05`, `2025-11`, `2025-W45`, `2025`
    timex: Timex | None
    anchor: str  # "own" (a time in the clause), "lead" (the DCT), "attribution" (the time of saying),
    #              "future" (a vague near future: `dalam beberapa hari mendatang`; date "" until placed)
    sentence_index: int
    paragraph_index: int
    n_sentences: int
    speaker: str = ""  # the attribution's words (`kata Juru Bicara KPK Budi Prasetyo`)
    quoted: bool = False
    features: dict = field(default_factory=dict)
    probability: float = 0.0
    # filled in by describe.py
    title: str = ""
    kind: str = "event"
    status: str = "occurred"
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # content lemmas, for merging


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value (`2014-12-07TAF` → `2014-12-07`, `2024-W19-WE` → `2024-W19`)."""
    m = re.match(r"^(\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q\d)?)(?:T|-WE|-[A-Z]{2}$|$)", value)
    if not m:
        return None
    v = m.group(1)
    return v[:4] if "-Q" in v else v


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, offset = [], 0
    for para in text.split("\n"):
        if para.strip():
            out.append((offset, offset + len(para)))
        offset += len(para) + 1
    return out


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every sentence: spaCy's sentencizer within each line."""
    from ..entities import split_sentences

    out = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        for sent in split_sentences(text[ps:pe]):
            s, e = ps + sent.start_char, ps + sent.end_char
            if text[s:e].strip():
                out.append((s, e, p))
    return out


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a dateline (`JAKARTA, KOMPAS.com -`, `MOSKOW -`, `Semarang, KOMPAS.com` with no dash)
    at the start of a sentence ends; `start` when there is none."""
    m = patterns()['dateline'].match(text, start, end)
    return m.end() if m else start


def clauses(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, role) pieces of a sentence: role `quote` for quoted words, `attribution` for the
    words that say who said them, `clause` otherwise."""
    pieces: list[tuple[int, int, str]] = []
    # quotes first: "…," kata X, Kamis.  /  X mengatakan, "…"
    pos = 0
    for m in patterns()['quote'].finditer(sentence):
        if m.start() > pos:
            pieces.append((pos, m.start(), "clause"))
        pieces.append((m.start(), m.end(), "quote"))
        pos = m.end()
    if pos < len(sentence):
        pieces.append((pos, len(sentence), "clause"))
    out: list[tuple[int, int, str]] = []
    for s, e, role in pieces:
        if role == "quote":
            out.append((s, e, role))
            continue
        cuts = [s] + [s + m.start() for m in patterns()['clause_break'].finditer(sentence[s:e])] + [e]
        for a, b in zip(cuts, cuts[1:]):
            if sentence[a:b].strip(" ,.;:\"“”"):
                out.append((a, b, role))
    # attributions: a clause that starts with a saying verb (`kata X`, `ujar dia`) right after a
    # quote, or `X mengatakan,` before one
    has_quote = any(r == "quote" for _, _, r in out)
    marked = []
    for i, (s, e, role) in enumerate(out):
        text = sentence[s:e].strip(" ,")
        if role == "clause" and (patterns()['saying_first'].match(text) or (has_quote and patterns()['saying'].search(text)
                                                                       and len(_WORD.findall(text)) <= 12)):
            role = "attribution"
        marked.append((s, e, role))
    return marked


def governs(text: str, t: Timex) -> bool:
    """Whether a time dates the predicate of its clause (see the module docstring)."""
    before = text[max(0, t.start - 40):t.start]
    if patterns()['comparison'].search(before):
        return False
    if re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{2,4})?", t.text) and patterns()['name_before_year'].search(before):
        return False  # `Piala Dunia U17 2025`, `UU Nomor 31 Tahun 1999`
    if re.fullmatch(r"(?:[Tt]ahun|TA)\s+\d{4}", t.text) and patterns()['name_before_year'].search(before):
        return False  # `Tahun Anggaran 2025`, `Perpres Nomor 12 Tahun 2025`
    return True


def has_predicate(piece: str) -> bool:
    """A verb, or a noun formed from one: by the part-of-speech model when it is there, else by form."""
    from ..nlp import predicates

    return bool(predicates(piece))


def find_candidates(doc: Document, timexes: list[Timex]) -> list[Candidate]:
    """Every candidate of one tagged, dated document, in text order."""
    text = doc.text
    sents = sentences(text)
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and calendar_date(t.value) and governs(text, t)]
    vague_future = [t for t in timexes if t.value == "FUTURE_REF"]
    out: list[Candidate] = []
    n = len(sents)
    lead_index = next((i for i, (s, e, _) in enumerate(sents) if len(_WORD.findall(text[s:e])) >= 5), 0)
    for i, (s, e, p) in enumerate(sents):
        body = dateline_end(text, s, e)
        sentence = text[body:e]
        pieces = clauses(sentence)
        times = [t for t in dated if body <= t.start and t.end <= e]
        used: set[int] = set()
        # the time of each piece; a predicate-less piece hands its time on to the next piece
        pending: Timex | None = None
        for k, (a, b, role) in enumerate(pieces):
            piece_times = [t for t in times if body + a <= t.start < body + b]
            piece = sentence[a:b]
            timex = piece_times[0] if piece_times else None
            if timex is None and pending is not None:
                timex, pending = pending, None
            if timex is None:
                future = [t for t in vague_future if body + a <= t.start < body + b]
                if future and role != "attribution" and has_predicate(piece):
                    # `dalam beberapa hari mendatang`: a plan, placed on the event it announces (cluster.py)
                    out.append(_candidate(doc, text, (s, e), (body + a, body + b), future[0], "future", i, p, n,
                                          quoted=role == "quote"))
                continue
            if role == "attribution":
                # the time of saying dates what was said: the quote before it, or the clause after it
                content = next((pieces[j] for j in (k - 1, k + 1) if 0 <= j < len(pieces) and pieces[j][2] != "attribution"),
                               None)
                if content is None:
                    continue
                ca, cb, crole = content
                if id(timex) in used or any(body + ca <= t.start < body + cb for t in times):
                    continue  # the content has a time of its own
                out.append(_candidate(doc, text, (s, e), (body + ca, body + cb), timex, "attribution", i, p, n,
                                      speaker=piece.strip(" ,."), quoted=crole == "quote"))
                used.add(id(timex))
                continue
            if not has_predicate(piece):
                pending = timex
                continue
            out.append(_candidate(doc, text, (s, e), (body + a, body + b), timex, "own", i, p, n,
                                  quoted=role == "quote"))
            used.add(id(timex))
        if i == lead_index and doc.dct is not None and not any(c.sentence_index == i for c in out):
            lead = [(a, b) for a, b, role in pieces if role != "attribution" and has_predicate(sentence[a:b])]
            if lead:
                a, b = lead[0][0], lead[-1][1]
                out.append(_candidate(doc, text, (s, e), (body + a, body + b), None, "lead", i, p, n,
                                      dct=doc.dct))
    return out


def _candidate(doc: Document, text: str, sent: tuple[int, int], span: tuple[int, int], timex: Timex | None,
               anchor: str, i: int, p: int, n: int, speaker: str = "", quoted: bool = False,
               dct: date | None = None) -> Candidate:
    a, b = span
    while a < b and text[a] in " ,;:\"“”'‘’(":
        a += 1
    while b > a and text[b - 1] in " ,;:.\"“”'‘’":
        b -= 1
    value = (calendar_date(timex.value) or "") if timex else dct.isoformat()
    return Candidate(doc=doc.id, sentence_start=sent[0], sentence_end=sent[1], start=a, end=b, date=value,
                     timex=timex, anchor=anchor, sentence_index=i, paragraph_index=p, n_sentences=n,
                     speaker=speaker, quoted=quoted)
