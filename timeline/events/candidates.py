"""Candidates: every dated clause of an article, and its lead, found from the sentence's structure.

A candidate is one clause that a calendar time governs (`Kejaksaan menetapkan … pada Rabu (5/11/2025)`),
or the lead of the article, which news dates on its publication day unless it says otherwise (or its
first statement was made a day or two before: `_news_day`). No
word list decides what is a candidate: the lexicon only labels a kind later (`describe.py`).

How a time is attached (the clause rules, measured in README "Events"):
- a sentence is cut into clauses at `;`, at quote marks and at a comma before a conjunction;
- the time dates the clause it stands in; a clause without a predicate of its own (`Sebelumnya,
  pada Rabu (5/11/2025),`) hands its time to the next clause of the sentence;
- a time in an attribution (`"…," kata Budi, Kamis.`, `Budi mengatakan, Kamis (6/11/2025), …`)
  dates the statement, whose content is the quoted clause; a quote's own `kemarin`, `besok`, `pekan
  lalu` count from that day, not from the publication day;
- `sejak`/`hingga`/`sampai` + time date the start or the end of the predicate, unless they bound a
  comparison (`terendah sejak Mei 2009`, `pertama kalinya sejak Juli 2009`); what an event is measured
  against (`dibandingkan periode yang sama tahun 2024`) dates nothing; a time after a noun is that thing's (`anggaran 2015`,
  `pengiriman Desember`, `proyeksi untuk 2015`); a year right after a capitalised word belongs to a name
  (`Olimpiade Paris 2024`, `UU Nomor 31 Tahun 1999`) and dates nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .lexis import data, edit_patterns, patterns
from ..model import Document, Timex
from ..values import span_start

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
    #              "partial" (a time an undated article cannot resolve: `September lalu`; date "")
    sentence_index: int
    paragraph_index: int
    n_sentences: int
    speaker: str = ""  # the attribution's words (`kata Juru Bicara Kejaksaan Hendra Gunawan`)
    speaker_name: str = ""  # who says it, as a name (`Hendra Gunawan`), filled in by describe.py
    anaphoric: bool = False  # the clause opens by pointing back (`Hal itu disampaikan …`)
    retold: tuple[int, int] | None = None  # the sentence a clause that retells what happened took its headline from (describe.py)
    quoted: bool = False
    features: dict = field(default_factory=dict)
    probability: float = 0.0
    # filled in by describe.py
    title: str = ""
    kind: str = "event"
    is_lead: bool = False  # in the article's lead (its first sentence of five words or more)
    predicate: str = ""  # the word whose status the clause gives (the lexicon's trigger, else the first predicate)
    status: str = "occurred"
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    venue: str = ""  # the place the clause says it happened at (`bertemu di X`), else ""
    words: list[str] = field(default_factory=list)  # content lemmas, for merging
    numbers: list[str] = field(default_factory=list)  # the clause's figures (`1,6`, `7-0`), times left out, for merging
    tokens: list = field(default_factory=list, repr=False)  # (start, end, word, tag) of the sentence, doc offsets

    @property
    def future_ref(self) -> bool:
        return self.anchor == "future"


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
    from ..nlp.entities import split_sentences

    out = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        for sent in split_sentences(text[ps:pe]):
            s, e = ps + sent.start_char, ps + sent.end_char
            if text[s:e].strip():
                out.append((s, e, p))
    return out


_LEADING_SPACE = re.compile(r"\s*")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a dateline (`PALEMBANG, KOMPAS.com -`, `MOSKOW -`, `Kupang, KOMPAS.com` with no dash)
    at the start of a sentence ends; `start` when there is none. At the opening of the text, any
    outlet's line of capitalised words before a dash (`VIVA Nasional – `: `lead_dateline`) too."""
    m = patterns()['dateline'].match(text, start, end)
    if m is None and _LEADING_SPACE.match(text).end() >= start:  # (only white space before: no copy of it)
        m = patterns()['lead_dateline'].match(text, start, end)
    return m.end() if m else start


QUOTE_WORDS = 4  # fewer words in quotes are a term, not a quotation


def quoted_title(text: str, at: int) -> bool:
    """The quote mark at `at` opens a title (`konferensi pers bertajuk "…"`: clauses.toml [quoted_title])."""
    return bool(patterns()["quoted_title"].search(text, max(0, at - 30), at))


def clauses(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, role) pieces of a sentence: role `quote` for quoted words, `attribution` for the
    words that say who said them, `clause` otherwise."""
    pieces: list[tuple[int, int, str]] = []
    # quotes first: "…," kata X, Kamis.  /  X mengatakan, "…"
    pos = 0
    for m in patterns()['quote'].finditer(sentence):
        if len(_WORD.findall(m.group())) < QUOTE_WORDS or quoted_title(sentence, m.start()):
            continue  # a term in quotes (`"rebound"`) or a title (`bertajuk "…"`), not a quotation
        if m.start() > pos:
            pieces.append((pos, m.start(), "clause"))
        pieces.append((m.start(), m.end(), "quote"))
        pos = m.end()
    if pos < len(sentence):
        pieces.append((pos, len(sentence), "clause"))
    if not any(role == "quote" for _, _, role in pieces):
        # a quotation that began in an earlier sentence ends in this one: `…10 orang," kata Budi.`
        m = patterns()["quote_end"].match(sentence)
        if m:
            pieces = [(0, m.end(1), "quote"), (m.end(1), len(sentence), "clause")]
        elif sentence.lstrip()[:1] in "\"“" and len(_WORD.findall(sentence)) >= QUOTE_WORDS:
            pieces = [(0, len(sentence), "quote")]  # … and one that goes on in the next
    out: list[tuple[int, int, str]] = []
    for s, e, role in pieces:
        cuts = [s] + [s + m.start() for m in patterns()['clause_break'].finditer(sentence[s:e])
                      if not _ends_list_item(sentence, s, s + m.start())] + [e]
        if s == 0 and patterns()["subordinate_first"].match(sentence) and "," in sentence[s:e]:
            cuts.append(sentence.index(",", s))  # `Jelang laga itu pada 3 November, panitia merilis …`: two clauses
            cuts = sorted(set(cuts))
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


_LIST_TAIL = re.compile(r",\s*(?:[^\s,]+\s+){0,2}[^\s,]+\s*$")


def _ends_list_item(sentence: str, start: int, at: int) -> bool:
    """The comma at `at` comes before a list's last item (`pasien, karyawan, dan nakes`), not a clause."""
    after = sentence[at:at + 12].lstrip(" ,").split(" ", 1)[0].lower()
    return after in data()["clause_break"]["list"] and bool(_LIST_TAIL.search(sentence, max(start, at - 80), at))


def governs(text: str, t: Timex) -> bool:
    """Whether a time dates the predicate of its clause (see the module docstring)."""
    before = text[max(0, t.start - 40):t.start]
    if patterns()['comparison'].search(before) or patterns()['against'].search(before) or \
            patterns()['thing_before_time'].search(before) or patterns()['like'].search(text, max(0, t.start - 80), t.start):
        return False
    if re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{2,4})?", t.text) and patterns()['name_before_year'].search(before):
        return False  # `Olimpiade Paris 2024`, `UU Nomor 31 Tahun 1999`
    if re.fullmatch(r"(?:[Tt]ahun|TA)\s+\d{4}", t.text) and patterns()['name_before_year'].search(before):
        return False  # `Tahun Anggaran 2025`, `Perpres Nomor 12 Tahun 2025`
    if _YEAR_RANGE.fullmatch(t.text) and not patterns()['year_range_dated'].search(before):
        return False  # `proyek … tahun 2020-2022`: a thing's period (clauses.toml [year_range])
    return True


_YEAR_RANGE = re.compile(r"(?:[Tt]ahun\s+)?\d{4}\s*[-–]\s*\d{2,4}")


def _governing(text: str, times: list[Timex]) -> Timex | None:
    """The time that dates a clause: the first one, unless it is a bare month right after a word
    (`menurunkan harga minyak mentah Januari … pada Rabu`: the month names the thing, a contract's)
    and a later one is introduced as a time (`pada Rabu`)."""
    if len(times) < 2:
        return times[0] if times else None
    first = times[0]
    after_noun = re.search(r"(?<![\w-])[a-z][\w-]*\s+$", text[max(0, first.start - 30):first.start])
    if not (len(calendar_date(first.value) or "") == 7 and after_noun and re.fullmatch(r"[A-Z][a-z]+(?:\s+\d{4})?", first.text)):
        return first
    introduced = [t for t in times[1:] if edit_patterns()["time_preposition"].search(text[max(0, t.start - 20):t.start])]
    return introduced[0] if introduced else first


def _has_predicate(tokens, a: int, b: int, piece: str, lex) -> bool:
    """A verb or a noun formed from one between `a` and `b` (by the part-of-speech model), or a word
    the event lexicon knows (`kunjungan`)."""
    from ..nlp import predicates

    if predicates(tokens, a, b):
        return True
    from .lexicon import find_triggers

    return lex is not None and bool(find_triggers(piece, lex))


def find_candidates(doc: Document, timexes: list[Timex], lex=None) -> list[Candidate]:
    """Every candidate of one tagged, dated document, in text order."""
    import bisect

    text = doc.text
    sents = sentences(text)
    # an article without a date of its own also gives the times it cannot resolve (`September lalu`:
    # XXXX-09), as evidence of when it was written (windows.py); they make no rows
    undated = doc.dct is None and doc.dct_window is None
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and governs(text, t)
             and (calendar_date(t.value) or (undated and t.value.startswith("XXXX")))]
    # a near future (`dalam beberapa hari mendatang`) announces a coming event; `nanti` does not
    near_future = [t for t in timexes if t.value == "FUTURE_REF" and not patterns()["vague_future"].match(t.text.strip())]
    dated.sort(key=lambda t: t.start)
    starts = [t.start for t in dated]
    future_starts = [t.start for t in near_future]
    out: list[Candidate] = []
    said_days: list[tuple[int, str]] = []  # (where, date) of every attribution's time, whatever it dates
    n = len(sents)
    lead_index = next((i for i, (s, e, _) in enumerate(sents) if len(_WORD.findall(text[s:e])) >= 5), 0)
    # the part-of-speech model runs only on the sentences that can give a candidate, in one batch
    timed = {i for i, (s, e, _) in enumerate(sents)
             if bisect.bisect_left(starts, s) < bisect.bisect_left(starts, e)
             or bisect.bisect_left(future_starts, s) < bisect.bisect_left(future_starts, e)}
    if doc.dct is not None and sents:
        timed.add(lead_index)
    # a sentence that opens at the occasion the one before told (`Dalam sidang itu, hakim …`): on its day
    occasion = {i for i in range(1, n) if i not in timed and i - 1 in timed and sents[i][2] == sents[i - 1][2]
                and patterns()["occasion"].match(text[sents[i][0]:sents[i][1]])}
    timed |= occasion
    wanted = sorted(timed)
    bodies = {i: dateline_end(text, sents[i][0], sents[i][1]) for i in wanted}
    from ..nlp import tag_many

    tagged = dict(zip(wanted, tag_many([text[bodies[i]:sents[i][1]] for i in wanted])))
    for i in wanted:
        s, e, p = sents[i]
        body = bodies[i]
        sentence = text[body:e]
        tokens = tagged[i]  # offsets in `sentence`

        def has_predicate(piece_start: int, piece_end: int, _lex=lex) -> bool:
            return _has_predicate(tokens, piece_start, piece_end, sentence[piece_start:piece_end], _lex)

        pieces = clauses(sentence)
        times = [t for t in dated[bisect.bisect_left(starts, body):bisect.bisect_left(starts, e)] if t.end <= e]
        futures = near_future[bisect.bisect_left(future_starts, body):bisect.bisect_left(future_starts, e)]
        used: set[int] = set()
        occasions: list[Candidate] = []
        first = len(out)  # this sentence's candidates start here
        # the time of each piece; a predicate-less piece hands its time on to the next piece
        pending: Timex | None = None
        if i in occasion:
            # the last clause of the sentence before dated by a time of its own (`out` is in sentence order:
            # only that sentence's candidates are looked at, so a long document costs no more)
            before = None
            for c in reversed(out):
                if c.sentence_index < i - 1:
                    break
                if c.anchor == "own" and c.timex is not None:
                    before = c
                    break
            if before is None:
                continue
            pending = before.timex  # (`Dalam sidang itu,` has no predicate: it hands it on)
        for k, (a, b, role) in enumerate(pieces):
            piece_times = [t for t in times if body + a <= t.start < body + b]
            piece = sentence[a:b]
            timex = _governing(text, piece_times)
            if timex is not None:
                pending = None  # a time handed on goes to the next clause only, and this one has its own
            if timex is None and pending is not None:
                timex, pending = pending, None
            if timex is None:
                future = [t for t in futures if body + a <= t.start < body + b]
                if future and role != "attribution" and has_predicate(a, b):
                    # `dalam beberapa hari mendatang`: a plan, placed on the event it announces (cluster.py)
                    out.append(_candidate(doc, text, (s, e), (body + a, body + b), future[0], "future", i, p, n,
                                          quoted=role == "quote"))
                continue
            if role == "attribution":
                # the occasion it was said at is an event of that time, told by the speaker (`ujar Budi
                # usai bertemu Presiden di Istana, Jumat (31/3)`: clauses.toml [said_at])
                said_at = patterns()["said_at"].match(piece)
                if said_at and has_predicate(a + said_at.end(), b):
                    lo = a + said_at.start("speaker")
                    occasions.append(_candidate(doc, text, (s, e), (body + lo, body + b), timex, "own", i, p, n))
                # the time of saying dates what was said: the quote before it, or the clause after it
                # (the whole quotation, however many clauses it has)
                if k > 0 and pieces[k - 1][2] == "quote":
                    j = k - 1
                    while j > 0 and pieces[j - 1][2] == "quote":
                        j -= 1
                    ca, cb, crole = pieces[j][0], pieces[k - 1][1], "quote"
                elif k + 1 < len(pieces) and pieces[k + 1][2] != "attribution":
                    rest = [x for x in pieces[k + 1:] if x[2] != "attribution"]
                    ca, cb, crole = rest[0][0], rest[-1][1], rest[0][2]
                elif k > 0 and pieces[k - 1][2] != "attribution":
                    ca, cb, crole = pieces[k - 1]
                else:
                    continue
                said_days.append((body + a, calendar_date(timex.value) or ""))  # (for `_news_day`)
                if id(timex) in used or any(body + ca <= t.start < body + cb for t in times):
                    continue  # the content has a time of its own
                out.append(_candidate(doc, text, (s, e), (body + ca, body + cb), timex, "attribution", i, p, n,
                                      speaker=piece.strip(" ,."), quoted=crole == "quote"))
                used.add(id(timex))
                continue
            if not has_predicate(a, b):
                pending = timex
                continue
            out.append(_candidate(doc, text, (s, e), (body + a, body + b), timex, "own", i, p, n,
                                  quoted=role == "quote"))
            used.add(id(timex))
        if occasions:
            out[first:] = sorted(out[first:] + occasions, key=lambda c: c.start)
        if pending is not None and id(pending) not in used:
            # a time left over at the end (`…naik tiga persen pada Selasa`) dates the last clause before
            # it that has none, unless it opens a clause of its own (`setelah … pada Juni lalu`)
            last = pieces[-1]
            own = [(c.start, c.end) for c in out if c.sentence_start == s]
            before = [(a, b) for a, b, role in pieces[:-1] if role == "clause" and has_predicate(a, b)
                      and not any(x < body + b and body + a < y for x, y in own)
                      and not any(body + a <= t.start < body + b for t in times)]
            if before and not patterns()["subordinate_first"].match(sentence[last[0]:last[1]]):
                a, b = before[-1]
                out.append(_candidate(doc, text, (s, e), (body + a, body + b), pending, "own", i, p, n))
        # a quote's `kemarin`, `besok`, `pekan lalu` count from the day it was said, when its attribution
        # says it (`"Kemarin di dalam ratas …," kata Budi, Kamis (30/10/2025)`: the meeting was on Wednesday)
        spoken = [t for t in times if t.rule not in SPEECH_RELATIVE and len(calendar_date(t.value) or "") == 10
                  and any(body + pa <= t.start < body + pb for pa, pb, r in pieces if r == "attribution")]
        if spoken and doc.dct is not None:
            for c in out:
                if c.sentence_start == s and c.quoted and c.anchor == "own" and c.timex is not None \
                        and c.timex.rule in SPEECH_RELATIVE:
                    c.date = _from_speech_day(c.date, doc.dct, date.fromisoformat(calendar_date(spoken[0].value)))
        # the lead's main clause, when no time of its own dates it, is the publication day's news
        # (looked for in the lead only: over all candidates so far, once a sentence, it was quadratic
        # in a long document)
        if i == lead_index and doc.dct is not None:
            main = [(a, b) for a, b, role in pieces if role != "attribution" and has_predicate(a, b)
                    and not patterns()["subordinate_first"].match(sentence[a:b])]
            dated_main = any(c.sentence_index == i and any(c.start <= body + a < c.end or body + a <= c.start < body + b
                                                           for a, b in main) for c in out)
            if main and not dated_main:
                a, b = main[0][0], main[-1][1]
                out.append(_candidate(doc, text, (s, e), (body + a, body + b), None, "lead", i, p, n,
                                      dct=doc.dct))
    _news_day(out, doc, said_days)
    for c in out:
        i = c.sentence_index
        c.is_lead = i == lead_index
        c.tokens = [(bodies[i] + a, bodies[i] + b, w, t) for a, b, w, t in tagged[i]]
    return out


SPEECH_RELATIVE = ("day_deictic", "week_deictic")  # the grammar's rules that count from "now" (`kemarin`, `pekan lalu`)


def _from_speech_day(value: str, dct: date, spoken: date) -> str:
    """`value`, counted from the publication day, counted instead from the day it was said."""
    if "-W" in value:
        weeks = (span_start(value) - (dct - timedelta(days=dct.weekday()))).days // 7
        y, w, _ = (spoken + timedelta(weeks=weeks)).isocalendar()
        return f"{y}-W{w:02d}"
    if len(value) == 10:
        return (spoken + (date.fromisoformat(value) - dct)).isoformat()
    return value


NEWS_DAY_LAG = 2  # how many days a report may come out after what it reports (a morning paper, a late upload)


def _retells_saying(text: str, c: Candidate) -> bool:
    """A clause whose time dates a saying told again (`Ali menyampaikan hal itu, Kamis (17/10/2013)`,
    `Hal itu disampaikan Budi, Senin`): clauses.toml [anaphora]."""
    m = patterns()["retell"].search(text[c.start:c.end])  # (its `^` is the clause's start, not a line's)
    return bool(m) and (m.group("verb") is None or m.group("verb").lower() not in data()["anaphora"]["retell_happened"])


def _news_day(out: list[Candidate], doc: Document, said_days: list[tuple[int, str]] = ()) -> None:
    """An undated lead is the news of the day its article's first dated statement (an attribution's
    time, also when what it says has a time of its own: `"… dua tahun lalu sudah kami rapatkan," kata
    Budi, Senin (6/3)`; a retold saying's: `Ali menyampaikan hal itu, Kamis (17/10/2013)`; or a cited
    source's: `Dilansir dari laman resmi X, pada 10 November 2022`) was made, when that
    is a day or two before the publication day (`PT X menggandeng …` published on Friday, `kata
    Budi, Kamis (5/12/2013)` below it); otherwise of the publication day (`said_days`: where and on
    which day each attribution's time is)."""
    lead = next((c for c in out if c.anchor == "lead"), None)
    said = [(c.start, c.date) for c in out if len(c.date) == 10 and (
        c.anchor == "attribution" or _retells_saying(doc.text, c) or patterns()["source_opening"].match(doc.text[c.start:c.end]))]
    said += [(at, day) for at, day in said_days if len(day) == 10]
    if lead is None or not said or doc.dct is None:
        return
    _, first = min(said)
    lag = (doc.dct - date.fromisoformat(first)).days
    if 1 <= lag <= NEWS_DAY_LAG:
        lead.date = first


def _candidate(doc: Document, text: str, sent: tuple[int, int], span: tuple[int, int], timex: Timex | None,
               anchor: str, i: int, p: int, n: int, speaker: str = "", quoted: bool = False,
               dct: date | None = None) -> Candidate:
    a, b = span
    while a < b and text[a] in " ,;:\"“”'‘’(":
        a += 1
    while b > a and text[b - 1] in " ,;:.\"“”'‘’":
        b -= 1
    value = (calendar_date(timex.value) or "") if timex else dct.isoformat()
    if timex is not None and not value and anchor != "future":
        anchor = "partial"
    return Candidate(doc=doc.id, sentence_start=sent[0], sentence_end=sent[1], start=a, end=b, date=value,
                     timex=timex, anchor=anchor, sentence_index=i, paragraph_index=p, n_sentences=n,
                     speaker=speaker, quoted=quoted)
