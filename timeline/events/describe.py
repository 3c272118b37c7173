"""What a candidate says, in its own clause's words: a headline, who, where, its kind and status.

- Title: the clause without its dateline, its opening connective (`Sebelumnya,`), its reporting
  frame (`Budi mengatakan,`) and the time that dates it (`pada Rabu (5/11/2025)`; a time that dates
  nothing stays: `tertinggi sejak 1983`, `pengiriman Januari`), in at most 12 words: cut where a
  phrase ends, or, when the cut would lose who did what, what to (`… menambah | petugas`) or a
  comparison's bound, shortened along its dependency tree (nlp/parse.py); a statement is headed by
  its speaker (`Rudi Hartono: Kejaksaan menetapkan 3 orang …`; after `bahwa`, the frame's), a quote
  said by nobody named (`ujarnya`, `kata dia`) by the one the article named last; the speaker's own
  side is named (`pihaknya` → the organisation the sentence named: clauses.toml [own_side]).
- Participants and places: the named entities of the clause (and of the attribution, for the
  speaker), by the named-entity model; short names become the article's full names.
- Kind: the event lexicon labels the words it knows (`menggeledah` → `search`); otherwise the
  general kind `statement` (a dated attribution) or `event`.
- Status: the lexicon's status cues before the predicate (`akan` → planned, `membantah` → denied),
  a conditional (`jika …`) before the predicate, or anywhere in a clause of what will happen, →
  hypothetical; a happening dated after its article → planned.
"""
from __future__ import annotations

import bisect
from functools import cache, lru_cache
import re

from ..nlp.entities import alias_people, gazetteer, key
from ..nlp.names import (add_known_people, bare_title_holders, entities_of, known_people_pattern, title_case,
                         title_holders)
from ..values import span_start
from .lexicon import Lexicon, find_triggers, future_status, status_of, stem
from ..model import Document, Timex
from ..nlp.parse import compress, core_end, parse
from ..nlp import is_predicate, predicates, verb_tag
from .candidates import QUOTE_WORDS, Candidate, dateline_end, governs, quoted_title
from .lexis import conditional, cues, data, edit_patterns, headline_breaks, patterns, stopwords
from .pairs import anaphoric

TITLE_WORDS = 12
STANDS_ALONE = 4  # the fewest words of a quote's last sentence that can be its headline
COMPRESS_WORDS = 60  # the longest clause a headline is made of by deleting along its tree
_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]*-\d+[A-Z]?$")
_NAME_TAGS = frozenset({"NNP", "FW"})  # the part-of-speech tags a one-word name may have
_OPEN_TAGS = frozenset({"NN", "JJ"})  # … and those the tagger gives some names it misreads
_WORD = re.compile(r"[^\W_]+(?:[-.,/][^\W_]+)*", re.UNICODE)


def _next_month(c: Candidate, dct) -> str:
    """A month named alone is its last occurrence (timex-conventions.md), but in a clause that says
    what will be (`Setelah Desember, pemasangan akan diperluas` in an article of November 2013) it is
    the next: the date moves on a year when the last one is before the publication month."""
    t = c.timex
    if t is None or t.rule != "month" or len(t.text.split()) != 1 or c.date != t.value or len(c.date) != 7:
        return c.date
    year, month = map(int, c.date.split("-"))
    return f"{year + 1}-{month:02d}" if (year, month) < (dct.year, dct.month) else c.date


# a headline that opens by pointing back (`Ini karena …`, `Sistem ini …`, `Keduanya …`): clauses.toml
# [anaphora] `pointers`, first or second word, and the pronouns that stand for what was said
_POINTS_BACK = re.compile(rf"^(?:(?:{'|'.join(data()['anaphora']['pointers'])}|keduanya|semua itu|hal)\b"
                          rf"|[\w-]+\s+(?:{'|'.join(data()['anaphora']['pointers'])})\b)", re.I)


# a clause that opens with a complementiser (clauses.toml [complement]: `bahwa`)
_OPENS_COMPLEMENT = re.compile(rf"\W*(?:{'|'.join(data()['complement']['words'])})\b", re.I)


def _own_side(title: str, text: str, start: int, end: int, en) -> str:
    """A headline whose subject is the speaker's own side (`Budi: Pihaknya akan …`) names it as the
    sentence named it before: the last organisation, or for `negaranya` the last country (clauses.toml
    [own_side]). Unchanged when the sentence names none before it."""
    rules = data()["own_side"]
    m = re.match(rf"^((?:[^:]+: )?)({'|'.join(rules['org'] + rules['country'])})\b", title, re.I)
    if not m:
        return title
    word = m.group(2).lower()
    at = text.lower().find(word, start, end)
    if at < 0:
        return title
    if word in rules["country"]:
        sides = [w for w in _WORD.findall(text[start:at]) if w[:1].isupper() and gazetteer().is_country_name(w)]
    else:  # (an organisation the model found, else one the gazetteer knows: `… Distribution Pertamina Budi`)
        sides = [n for s, e, n in sorted(en.orgs) if start <= s and e <= at] or \
                [w for w in _WORD.findall(text[start:at]) if w[:1].isupper() and key(w) in gazetteer().org_of]
    if not sides:
        return title
    return f"{m.group(1)}{sides[-1]}{title[m.end():]}"


def _quote_opening(text: str, at: int) -> tuple[int, int] | None:
    """The first sentence of the quotation that `at` stands in, when it opened in an earlier sentence
    of the same paragraph: (start, end) in `text`, else None."""
    para = text.rfind("\n", 0, at) + 1
    marks = [m.start() for m in re.finditer(r"[\"“”]", text[para:at])]
    if len(marks) % 2 == 0 or text[para + marks[-1]] == "”":
        return None  # not inside a quotation, or the last mark closes one
    start = para + marks[-1] + 1
    end = re.search(r"[.!?](?=\s)", text[start:at])
    if end is None:
        return None  # the quotation opened in this sentence: nothing earlier to head it
    return start, start + end.start()


# an attribution that names nobody: `ujarnya`, `kata dia`, `ia menambahkan`
_PRONOUN_SPEAKER = re.compile(r"^\W*(?:\w+nya|(?:\w+\s+)?(?:dia|ia|beliau)(?:\s+\w+)?)\b(?![\w-])", re.I)
_REDUP = re.compile(r"^([a-z]+)-\1$")
# a headline whose subject is a third person's pronoun (`Ia mengaku menunggu …`, `Beliau tiba …`)
_PRONOUN_SUBJECT = re.compile(r"^(?:ia|dia|beliau)(?=\s+\w)", re.I)


def describe(doc: Document, timexes: list[Timex], cands: list[Candidate], lex: Lexicon) -> None:
    """Fill in title, participants, places, kind, status and content words of each candidate."""
    if not cands:
        return
    text = doc.text
    ordered = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in ordered]

    def times_in(lo: int, hi: int) -> list[Timex]:
        """The time expressions that start in [lo, hi) (one lookup, not a scan: linear in the article)."""
        return ordered[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    spans = sorted({(c.sentence_start, c.sentence_end) for c in cands})
    ents = entities_of([text[s:e] for s, e in spans], [s for s, _ in spans], lex, [True] * len(spans))
    for (s, e), en in zip(spans, ents):
        if title_case(text[s:e]):
            # a headline capitalises every word: the model's names there are only those the article
            # also writes elsewhere (`Menteri dan Dubes Bahas Kerja Sama` names no `Dubes Bahas`)
            rest = text[:s] + " " + text[e:]
            for grp in (en.people, en.orgs):
                grp[:] = [x for x in grp if re.search(rf"(?<!\w){re.escape(x[2])}(?!\w)", rest)]
    by_sentence = dict(zip(spans, ents))
    lower_words = {w for w in _WORD.findall(text) if w[:1].islower()}
    # an acronym the article spells out in lower case names a thing, not an organisation
    # (`radio frequency identification (RFID)`)
    things = common_acronyms(text)
    for en in ents:
        en.orgs[:] = [x for x in en.orgs if x[2] not in things]
    # a person's name that opens with a word of one of the article's organisations is the office's
    # holder after the organisation (`… Public Affairs Chevron Yanto Sianipar` beside `PT Chevron
    # Indonesia Company`): the person is the rest
    org_words = {w for en in ents for _, _, n in en.orgs for w in n.split()[1:] + n.split()[:1]
                 if len(w) >= 4 and w[:1].isupper() and not w.isupper()}
    for en in ents:
        en.people[:] = [_after_org_word(x, org_words) for x in en.people]
        _first_name_from_org(text, en)
    holders = title_holders(text, lex)
    known = sorted({n for en in ents for _, _, n in en.people if " " in n or "-" in n}
                   | {n for ns in holders.values() for n in ns})
    pattern = known_people_pattern(known)
    for span, en in zip(spans, ents):
        add_known_people(text, span, pattern, en)
    names = [n for en in ents for _, _, n in en.people] + known
    aliases = alias_people(names)
    # a time expression is nobody, and neither is a dateline
    for en in ents:
        for grp in (en.people, en.orgs, en.places):
            grp[:] = [x for x in grp if not any(t.start < x[1] and x[0] < t.end for t in times_in(x[0] - 200, x[1]))]

    last_speaker = ""  # the article's last speaker named, for `ujarnya`, `kata dia`
    # the people the article names as a subject (only capitalised words, a title, between the name
    # and the sentence's start or the comma before it: `Ketua MK Budi Santoso berkelakar`, `Ayah korban,
    # Budi Santoso, mengatakan`) or as a speaker (`kata Budi`), by where the name ends: `ia` stands for
    # the last one before it, not for one named as an object (`… ia berencana menjemput Andi.`)
    def subject_like(ss: int, s: int) -> bool:
        lead = text[max(ss, text.rfind(",", ss, s) + 1):s]
        return all(w[:1].isupper() or w[:1].isdigit() for w in _WORD.findall(lead)) or \
            bool(patterns()["saying"].search(text, max(ss, s - 30), s))

    persons = sorted((e, aliases.get(n, n)) for (ss, _), en in zip(spans, ents) for s, e, n in en.people
                     if subject_like(ss, s))
    person_ends = [e for e, _ in persons]
    for c in sorted(cands, key=lambda c: c.start):
        en = by_sentence[(c.sentence_start, c.sentence_end)]
        # a one-word "name" is a capitalised common word when the tagger reads it as a verb or a
        # word of a closed class (`Bergabung dengan …`, `Sejumlah menteri …`), or as a noun or an
        # adjective that the article also writes in lower case (`Harga minyak …`: `harga`); the
        # tagger alone is not enough, it calls a name at a sentence's start a noun (`Pertamina menaikkan`)
        common = {(s, e) for s, e, w, t in c.tokens
                  if t not in _NAME_TAGS and (t not in _OPEN_TAGS or w.lower() in lower_words)}
        # … and one a demonstrative points at (`"Mimpi ini kita harapkan …`): a name needs no pointer
        common |= {(a[0], a[1]) for a, b in zip(c.tokens, c.tokens[1:])
                   if b[2].lower() in _pointers() and b[0] == a[1] + 1 and not a[2].isupper()}
        for grp in (en.people, en.orgs, en.places):
            # … and a model's designation (`Hwasong-11`, `F-16`, `Su-57`) names a thing, not who took part
            grp[:] = [x for x in grp if (" " in x[2] or (x[0], x[1]) not in common) and not _DESIGNATION.match(x[2])
                      and not _common_word(x[2])]
        lo, hi = c.start, c.end
        speaker_span = None
        if c.anchor == "attribution":
            m = re.search(re.escape(c.speaker), text[c.sentence_start:c.sentence_end]) if c.speaker else None
            if m:
                speaker_span = (c.sentence_start + m.start(), c.sentence_start + m.end())
        elif c.quoted:
            # a quote dated by a time of its own is still somebody's: the attribution after it
            # (`"Kami sedang minta …, Sabtu-Minggu …," pungkasnya.`)
            said = patterns()["saying"].search(text, c.end, c.sentence_end)
            if said and re.search(r"[\"”]\s*,?\s*$", text[c.end:said.start()]):
                speaker_span = (said.start(), c.sentence_end)
                c.speaker = text[said.start():c.sentence_end].strip(" ,.")

        near = times_in(c.sentence_start - 200, c.sentence_end)

        def inside(s: int, e: int, span=(lo, hi), near=near) -> bool:
            return span[0] <= s and e <= span[1] and not any(t.start < e and s < t.end for t in near)

        # a name right after `di`/`ke` is where it happened, whatever the model calls it (`di Kosmodrom X`)
        at_venue = [(s, n) for s, e, n in en.orgs + en.people
                    if inside(s, e) and re.search(r"\b(?:di|ke)\s+$", text[max(lo, s - 4):s])]
        # a name a report is taken from (`dilansir The Associated Press`) is the source, not a participant
        # (only the clause's own names are asked: no other is a participant or a place of it)
        cited = {(s, n) for s, e, n in en.orgs + en.people + en.places
                 if inside(s, e) and patterns()["cited"].search(text[max(0, s - 40):s])}
        # … and one right after a word of a thing's kind names the thing (`minyak Brent`, `teknologi X`)
        # (not a place: `minyak Rusia` is Russia's oil, and Russia takes part)
        cited |= {(s, n) for s, e, n in en.orgs + en.people
                  if inside(s, e) and patterns()["thing_name"].search(text[max(0, s - 20):s])}
        people = [aliases.get(n, n) for s, e, n in en.people if inside(s, e) and (s, n) not in at_venue
                  and (s, n) not in cited]
        if not people:  # `Presiden tiba di bandara`: the one president the article names
            people = [aliases.get(n, n) for n in bare_title_holders(text, lo, hi, holders)]
        orgs = [n for s, e, n in en.orgs if inside(s, e) and (s, n) not in at_venue and (s, n) not in cited]
        # a place after a direction (`… 680 kilometer utara ibu kota`) is a reference point, not where
        places, venue = _venues(text, sorted(at_venue + [(s, n) for s, e, n in en.places if inside(s, e)
                                                        and (s, n) not in cited
                                                        and not patterns()["reference_point"].search(text, max(0, s - 25), s)]),
                                lo, lex, c.tokens)
        speakers = []
        if speaker_span:
            speakers = [aliases.get(n, n) for s, e, n in en.people if inside(s, e, speaker_span)] or \
                       [n for s, e, n in en.orgs if inside(s, e, speaker_span)]
        if speaker_span and not speakers and last_speaker and _PRONOUN_SPEAKER.search(c.speaker):
            speakers = [last_speaker]  # `"…," ujarnya.`: who spoke last, in the article's order
        c.participants = _unique(speakers + people + orgs)
        c.places = _unique(p for p in places if p not in c.participants)
        c.venue = places[0] if venue and places[0] in c.places else ""
        clause = text[lo:hi]
        # a reported content cut from its frame (`… menyampaikan | bahwa pihaknya akan …`): the frame
        # is the clause before it, for the speaker and for the status
        after_frame = _OPENS_COMPLEMENT.match(clause) is not None
        c.speaker_name = speakers[0] if speakers else ""
        named = [aliases.get(n, n) for s, e, n in sorted(en.people) if e <= c.sentence_end]
        if c.speaker_name and c.speaker_name in named + list(aliases.values()):
            last_speaker = c.speaker_name
        elif named and not speaker_span:
            last_speaker = named[-1]  # who the article named last, for a `kata dia` after it
        # `Menteri Budi Santoso menyebut, bakal …`: the headline drops the frame and keeps who
        saying = patterns()["saying"].search(text, lo, min(hi, lo + 100))
        framing = [aliases.get(n, n) for s, e, n in en.people if saying and lo <= s and e <= saying.start()
                   and _frame_speaker_words(text[lo:saying.start()])] or \
                  [n for s, e, n in en.orgs if saying and lo <= s and e <= saying.start()  # (`Pemkot X menyatakan, …`)
                   and _frame_speaker_words(text[lo:saying.start()]) and (s, n) not in cited]
        if not framing and after_frame:
            # `Menteri Budi Santoso menyampaikan | bahwa pihaknya akan …`: who the frame names
            said_before = list(patterns()["saying"].finditer(text, c.sentence_start, lo))[-1:]
            framing = [aliases.get(n, n) for s, e, n in en.people
                       if said_before and c.sentence_start <= s and e <= said_before[0].start()
                       and _frame_speaker_words(text[dateline_end(text, c.sentence_start, lo):said_before[0].start()])]
        tags = {w.lower(): t for _, _, w, t in c.tokens}
        c.title = _title(text, lo, hi, times_in(lo - 200, hi), speakers[:1] or framing[-1:], tags)  # nearest the verb
        if _says_only(c.title) and hi < c.sentence_end:
            # `Juru bicara X pada Minggu mengatakan bahwa …`: the headline is who said what
            who = speakers[:1] or sorted((n for n in c.participants if n in people), key=lambda n: -len(n.split()))[:1]
            said = _title(text, hi, c.sentence_end, times_in(hi - 200, c.sentence_end), who)
            if len(said.split()) > len(who[0].split() if who else []) + 2:
                c.title = said
        c.anaphoric = anaphoric(c.title.split(": ", 1)[-1] if speakers else c.title)
        retold = _retold(text, lo, hi, c.sentence_start, c.title.split(": ", 1)[-1])
        if retold is not None:
            # `Hal itu disampaikan Budi saat …`: the headline is what was said, by who said it
            a, b, is_saying = retold
            who = (speakers[:1] or people[:1] or orgs[:1]) if is_saying else []
            title = _title(text, a, b, times_in(a - 200, b), who)
            if len(title.split()) >= 4:
                c.title = title
                if not is_saying:  # what happened, told again with its time (a saying dates only the saying)
                    c.retold = (a, b)
        elif c.quoted and speakers and (_POINTS_BACK.match(c.title.split(": ", 1)[-1])
                                        or len(c.title.split(": ", 1)[-1].split()) < STANDS_ALONE):
            # the last sentence of a long quote that points back (`"Target utama … . Ini karena daerah
            # lain belum siap," kata Budi`) or is too short to stand alone (`"… . Sekian kecil
            # perbedaannya," ujar dia`): the headline is the quote's opening sentence
            opening = _quote_opening(text, c.start)
            if opening is not None:
                title = _title(text, *opening, times_in(opening[0] - 200, opening[1]), speakers[:1])
                if len(title.split()) >= len(speakers[0].split()) + 4 and not _POINTS_BACK.match(title.split(": ", 1)[-1]):
                    c.title = title
        c.title = _own_side(c.title, text, c.sentence_start, c.sentence_end, en)
        if ": " not in c.title and _PRONOUN_SUBJECT.match(c.title):
            # `Namun, ia mengaku menunggu …`: the headline names who `ia` is, the subject named last before it
            before = bisect.bisect_right(person_ends, lo) - 1
            if before >= 0:
                who = persons[before][1]
                c.title = _PRONOUN_SUBJECT.sub(who, c.title, count=1)
                c.participants = _unique([who] + c.participants)
        if ": " not in c.title:
            # `Harga minyak …, Rabu, naik …, setelah sehari sebelumnya | anjlok hampir 2 dollar …`: a
            # clause that opens on its predicate shares the subject of the sentence's first clause
            subject = _shared_subject(c.tokens, tags, c.title, text, c.sentence_start, lo, near)
            if subject:
                subject = subject[:1].upper() + subject[1:]  # (after a connective it was written in lower case)
                c.title = f"{subject} {c.title[:1].lower()}{c.title[1:]}" if not _keeps_case(c.title) else f"{subject} {c.title}"
        # the words that say what happened, not when: the date is compared on its own (`pada November`
        # shared by two clauses says nothing of their being one event)
        untimed = clause
        for t in times_in(lo, hi):
            a, b = t.start - lo, min(t.end, hi) - lo
            untimed = untimed[:a] + " " * (b - a) + untimed[b:]
        c.words = content_words(c.title + " " + untimed)
        c.numbers = sorted({n for n in _FIGURE.findall(untimed) if len(n) >= 2})
        triggers = find_triggers(clause, lex)
        # a predicate of the opening connective (`Untuk diketahui, X bakal …`) is not the clause's
        opening = edit_patterns()["connective"].match(clause)
        skip = opening.end() if opening else 0
        # … nor a word of a fronted phrase of responding (`Merespons bencana erupsi X, Bupati menetapkan
        # …`: a decision, not an eruption), while the clause after it has one (clauses.toml [headline]
        # `responding`; an occasion's phrase stays: `Dalam lawatannya pada September, keduanya sepakat`)
        fronted = patterns()["fronted"].match(clause)
        if fronted and clause.split(None, 1)[0].lower() in data()["headline"]["responding"] \
                and any(at >= fronted.end() for at, _, _ in triggers):
            triggers = [x for x in triggers if x[0] >= fronted.end()]
        preds = [(s - lo, e - lo, w) for s, e, w in predicates(c.tokens, lo, hi) if s - lo >= skip]
        if triggers:
            at, word, c.kind = triggers[0]
        elif preds:
            at, word, c.kind = preds[0][0], preds[0][2], ("statement" if c.anchor == "attribution" else "event")
        else:
            at, word, c.kind = 0, "", ("statement" if c.anchor == "attribution" else "event")
        c.predicate = word
        if after_frame:
            # what is said after `bahwa` has the status its frame gives it (`karena keraguan bahwa
            # pertemuan itu akan …`, `membantah bahwa …`): the cues read from the frame's last words
            frame = max(c.sentence_start, lo - 60)
            c.status = status_of(text[frame:hi], at + lo - frame, lex, word)
        else:
            c.status = status_of(clause, at, lex, word)
        if c.status in ("occurred", "denied") and conditional(text[max(c.sentence_start, lo - 40):lo + at + 1]):
            c.status = "hypothetical"  # (from a little before the clause: `mengatakan | kalau …` is no condition)
        latest = doc.dct or (doc.dct_window[1] if doc.dct_window else None)
        if c.anchor == "future":
            c.status = future_status(lex, c.kind, c.predicate)
        elif c.status == "occurred" and latest and span_start(c.date) > latest:
            c.status = future_status(lex, c.kind, c.predicate)  # told before it happened
        if c.status in ("planned", "expected") and conditional(clause[at:]):
            c.status = "hypothetical"  # what will happen if (`… akan mencapai puncaknya jika OPEC tidak …`)
        said = _saying_dates(c, text, lo, lo + at)
        if said is not None:
            # the row is the saying (`Arab Saudi mengumumkan anggaran 2015 akan defisit`, on the lead's
            # day; `Maduro, Senin, mengatakan akan ada pertemuan`): the saying's own status
            c.status = status_of(clause, said.start() - lo, lex, said.group(), after=False)
        if c.status in ("planned", "expected") and doc.dct is not None and \
                lex.bare_future & set(re.findall(r"\w+", clause.lower())):
            c.date = _next_month(c, doc.dct)
        c.features = features(c, doc, clause, preds, triggers, lex)
        c.tokens = []  # what the tagger said is no longer needed: keep only what merging reads


_PREDICATE_TAGS = frozenset({"VB", "JJ"})
_BEFORE_PREDICATE = frozenset({"ADV", "NEG", "MD"})  # `tak kuat …`, `sempat anjlok`
_SUBJECT_TAGS = frozenset({"NN", "NNP", "FW", "NUM", "JJ", "SYM"})


def _keeps_case(title: str) -> bool:
    """Whether a headline's first word is written so wherever it stands (a name, an acronym)."""
    first = title.split()[0] if title.split() else ""
    return first[1:2].isupper() or any(ch.isdigit() for ch in first)


def _shared_subject(tokens, tag: dict[str, str], title: str, text: str, sentence_start: int, lo: int, times) -> str:
    """The subject of the sentence's first clause when the headline of a later clause opens on its
    predicate (a verb or an adjective, after adverbs and negation: `anjlok hampir …`, `tak kuat
    melanjutkan …`) and the first clause opens on a noun phrase followed by its own predicate
    (`Harga minyak mentah dunia, Rabu, naik …`); "" otherwise. A passive (`di…`) is left alone: its
    subject is what was done to, not the first clause's doer (`Polisi menahan Budi setelah diperiksa`).
    `tag`: the sentence's words (lower case) → their part of speech."""
    if lo <= sentence_start:
        return ""
    words = [w.strip(",.").lower() for w in title.split()]
    i = 0
    while i < len(words) - 1 and tag.get(words[i]) in _BEFORE_PREDICATE:
        i += 1
    if not words or tag.get(words[i]) not in _PREDICATE_TAGS or words[i].startswith("di"):
        return ""
    start = dateline_end(text, sentence_start, lo)
    connective = edit_patterns()["connective"].match(text[start:lo])  # (its `^` is this start, not a line's)
    start = start + connective.end() if connective else start
    phrase, ended = [], None
    for a, b, w, t in tokens:
        if a < start:
            continue
        if a >= lo or any(x.start <= a < x.end for x in times):
            if phrase:
                ended = ended or a
            if a >= lo:
                break
            continue
        if ended is None and t in _SUBJECT_TAGS and not (t == "SYM" and w not in "()") and (phrase or t in ("NN", "NNP", "FW")):
            phrase.append((a, b))
            continue
        if ended is None:
            ended = a
        if t in _PREDICATE_TAGS | _BEFORE_PREDICATE:
            break  # the first clause's own predicate: the phrase before it is its subject
        if t != "SYM":
            return ""
    else:
        return ""
    if not phrase or tag.get(text[phrase[0][0]:phrase[0][1]].lower()) == "JJ" or not 1 <= len(phrase) <= 8:
        return ""
    subject = text[phrase[0][0]:phrase[-1][1]].strip(" ,")
    return "" if title.lower().startswith(subject.lower()) else subject


def _saying_dates(c: Candidate, text: str, lo: int, at: int) -> re.Match | None:
    """The verb of saying or announcing at or before the predicate (clauses.toml [statement]) when the
    row is dated by it: on the lead's day, by the attribution, or by a time before the verb; else None
    (a time after it dates what is said: `menyampaikan bahwa … akan mengumumkan … pada Rabu`)."""
    said = None
    for m in patterns()["statement"].finditer(text, lo, at + 40):
        if m.start() > at:
            break
        said = m
    if said is None:
        return None
    if c.anchor in ("lead", "attribution") or (c.timex is not None and c.timex.end <= said.start()):
        return said
    return None


def _retold(text: str, lo: int, hi: int, sentence_start: int, title: str) -> tuple[int, int, bool] | None:
    """(start, end, whether it is a saying) of what a clause that only retells points back to
    (`Hal itu disampaikan …`, `Peristiwa nahas itu terjadi`, `… menyampaikan hal tersebut`:
    clauses.toml [anaphora] `retell`, in the clause or in its title, which has lost the reporting
    frame `Kapolsek menjelaskan …`): the sentence before it, over blank lines and subheads, or the
    quotation that sentence is; None when the clause says something of its own."""
    clause = edit_patterns()["connective"].sub("", text[lo:hi], count=1)
    m = patterns()["retell"].search(clause) or patterns()["retell"].search(title)  # the title: past its frame
    if m is None:
        return None
    said = m.group("verb") is None or m.group("verb").lower() not in data()["anaphora"]["retell_happened"]
    end = sentence_start
    while True:
        para = text.rfind("\n", 0, max(0, end - 1)) + 1
        line = text[para:end]
        if line.strip() and (len(_WORD.findall(line)) >= 5 or para == 0):
            break
        if para == 0:
            return None
        end = para - 1
    from ..nlp.entities import split_sentences

    sents = [x for x in split_sentences(line) if line[x.start_char:x.end_char].strip()]
    if not sents:
        return None
    a, b = para + sents[-1].start_char, para + sents[-1].end_char
    if len(_WORD.findall(text[a:b])) < 5:
        return None
    a = dateline_end(text, a, b)
    q = max((q for q in patterns()["quote"].finditer(text, a, b) if not quoted_title(text, q.start())),
            key=lambda q: q.end() - q.start(), default=None)
    if q is not None and len(_WORD.findall(q.group())) >= QUOTE_WORDS:
        a, b = q.start() + 1, q.end() - 1  # the quotation is what was said
    return a, b, said


def _venues(text: str, places: list[tuple[int, str]], lo: int, lex: Lexicon, tokens) -> tuple[list[str], bool]:
    """The places of a clause where it happened (after `di`, `ke` …: True), else those that name no
    office (False). A place after a plain noun is that thing's (`perang di Ukraina`), not the venue."""
    venue = [n for s, n in places if (m := patterns()["venue"].search(text[max(lo, s - 30):s]))
             and not _after_plain_noun(tokens, max(lo, s - 30) + m.start())]
    if venue:
        return venue, True
    def office(s: int, name: str) -> bool:
        before = text[max(lo, s - 25):s].split()
        return (bool(before) and before[-1].lower() in lex.titles) or name.split()[0].lower() in lex.titles
    return [n for s, n in places if not office(s, n)], False


def _after_plain_noun(tokens, at: int) -> bool:
    """The word before offset `at` is a noun that tells no happening (`perang`, `masalah`), by the tagger."""
    from ..nlp import is_predicate

    before = [(w, t) for s, e, w, t in tokens if e <= at]
    if not before:
        return False
    w, t = before[-1]
    return t == "NN" and w.islower() and not is_predicate(w, t) and w not in _venue_nouns()


@cache
def _common_words() -> frozenset[str]:
    from importlib import resources

    text = resources.files("timeline.lang.id").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def _common_word(name: str) -> bool:
    """A one-word "name" that news writes in lower case inside its sentences (lang/id/common_words.txt,
    scripts/common_words.py): capitalised only where every word is (`Masalah politik Rusia …`). Not an
    acronym (`AS`), nor a word of several parts (`Al-Naimi`)."""
    return " " not in name and "-" not in name and not name.isupper() and name.lower() in _common_words()


@cache
def _pointers() -> frozenset[str]:
    return frozenset(data()["anaphora"]["pointers"])


@cache
def _venue_nouns() -> frozenset[str]:
    from .lexis import data

    return frozenset(data()["venue"]["nouns"])


def _unique(items) -> list[str]:
    out: list[str] = []
    for x in items:
        # a name inside a longer one of the same list is that one (`Budi` in `Budi Santoso`), word by word
        if x and x not in out and not any(f" {x} " in f" {y} " for y in out):
            out = [y for y in out if f" {y} " not in f" {x} "] + [x]
    return out


def content_words(text: str) -> list[str]:
    """Lower-cased stems of the words that say what happened (no stop words, no numbers alone);
    a reduplicated noun counts as its base (`temuan-temuan` → `temu`)."""
    stop = stopwords()
    out = []
    for w in _WORD.findall(text.lower()):
        m = _REDUP.match(w)
        if m:
            w = m.group(1)
        if w in stop or len(w) < 3 or not any(ch.isalpha() for ch in w):
            continue
        out.append(stem(w) if w.isalpha() else w)
    return out


_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,-]\d+)*(?![\w])")
FRAME_WORDS = 8  # `Juru Bicara Kejaksaan Hendra Gunawan mengatakan, …`: a speaker of a few words, then the saying verb
LONG_FRAME_WORDS = 16  # … or a long office that ends on its holder's name (`Vice President … PT X (Persero) Budi Santoso mengatakan`)
_NAME_AT_END = re.compile(r"(?:^|\s)[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\s*$")


def _says_a_clause(s: str, frame: re.Match, tags: dict[str, str] | None) -> bool:
    """Whether what follows a verb of saying is what was said (set off by a comma or `bahwa`, or a
    clause with a predicate of its own, a verb or an adjective: `Budi mengatakan harga naik`,
    `… mengatakan genangan air masih cukup dalam`), not the verb's object, nouns only, a noun formed
    from a verb among them (`KNKT menjelaskan hasil investigasi kecelakaan itu`: the headline keeps
    the verb)."""
    if tags is None or re.search(r"(?:,|\bbahwa)\s*$", s[:frame.start(2)], re.I):
        return True
    return any(verb_tag(w, tags.get(w.lower(), "")) in ("VB", "JJ") for w in _WORD.findall(frame.group(2)))


def _frame_speaker_words(before: str) -> bool:
    """Whether the words before a saying verb can be its speaker: a few words, or a long office
    ending on a name of two capitalised words."""
    n = len(before.split())
    return n <= FRAME_WORDS or (n <= LONG_FRAME_WORDS and bool(_NAME_AT_END.search(before)))


def _first_name_from_org(text: str, en) -> None:
    """A one-word person right after an organisation whose last word is no place and no
    organisation's (`Kementerian Perminyakan Kupang Asim` + `Jihad`) had a first name taken by the
    organisation: `Kementerian Perminyakan Kupang` and `Asim Jihad`."""
    g = gazetteer()
    for i, (s, e, name) in enumerate(en.people):
        if " " in name:
            continue
        for j, (os_, oe, org) in enumerate(en.orgs):
            words = org.split()
            last = words[-1] if len(words) >= 3 else ""
            if oe + 1 == s and text[oe:s] == " " and last[:1].isupper() and not last.isupper() \
                    and g.country(last) is None and key(last) not in g.org_of and key(last) not in g.actor_of:
                en.orgs[j] = (os_, oe - len(last) - 1, " ".join(words[:-1]))
                en.people[i] = (oe - len(last), e, f"{last} {name}")
                break


def _after_org_word(person: tuple[int, int, str], org_words: set[str]) -> tuple[int, int, str]:
    s, e, name = person
    first, _, rest = name.partition(" ")
    if first in org_words and len(rest.split()) >= 2:
        return (e - len(rest), e, rest)
    return person


def _says_only(title: str) -> bool:
    """The clause is only a reporting frame: it ends on its saying verb (`… Asim Jihad mengatakan`)."""
    words = title.rstrip(" ,:").split()
    return bool(words) and patterns()["saying"].fullmatch(words[-1]) is not None


def _dates(t: Timex) -> bool:
    """A time expression that names when (`pada Rabu (5/11)`, `pukul 09.35 pagi`, `pekan lalu`) leaves
    the headline; a season, a duration or a frequency is what the clause says (`puncak musim
    hujan`, `selama dua pekan`) and stays."""
    return t.type in ("DATE", "TIME") and not re.search(r"-(?:SP|SU|FA|WI)$", t.value)


def _cut(words: list[str]) -> list[str]:
    """A headline cut at twelve words ends where a phrase ends: before the last preposition or
    conjunction of its second half (`… turun empat persen | ke posisi …`), not on a figure without
    its unit, nor on a stopword."""
    whole = words
    words = words[:TITLE_WORDS + 1]
    opens = headline_breaks()
    cut = max((k for k in range(TITLE_WORDS // 2, len(words)) if words[k].lower() in opens), default=TITLE_WORDS)
    while cut - 1 > TITLE_WORDS // 2 and words[cut - 1].lower() in opens:
        cut -= 1  # `didorong oleh`: before the first of them
    words = words[:min(cut, TITLE_WORDS)]
    # nor on a figure without its unit (`… naik 2,6 | juta barel`): the unit's words come along
    if _FIGURE.fullmatch(words[-1].strip(",.")):
        n = len(words)
        while n < min(len(whole), len(words) + 2) and whole[n].isalpha() and whole[n].lower() not in opens:
            n += 1
        words = whole[:n]
    stop = _ends_no_cut()
    while len(words) > 3 and words[-1].lower().strip(",.") in stop:
        words.pop()
    return words


@cache
def _ends_no_cut() -> frozenset[str]:
    """The stop words a cut headline does not end on: all but the demonstratives that close a noun
    phrase (clauses.toml [headline] `closes`)."""
    return stopwords() - frozenset(data()["headline"]["closes"])


def _leads_on(tree, end: int) -> bool:
    """Whether the words of `tree` before `end` end on one that needs more: a preposition, a
    conjunction, a determiner or a word that opens a phrase (`… yang dibagi`, `… pasca`; clauses.toml
    [headline] `breaks`). (Not a verb: `… Budi dan Ani bertemu` is whole.)"""
    last = [t for t in tree if t.idx + len(t.text) <= end and not t.is_punct][-1:]
    return bool(last) and (last[0].tag_ in ("IN", "SC", "CC", "DT") or last[0].lower_ in headline_breaks())


_COMPLEMENTS = ("obj", "iobj", "obl", "xcomp", "ccomp")


def _loses_complement(tree, end: int) -> bool:
    """Whether the words of `tree` before `end` end on a verb whose object or complement comes after
    (`… berharap agar Pertamina menambah | petugas …`, `Harga minyak WTI diperdagangkan | di bawah
    level 75 dollar AS`): the cut says what was done, not to what."""
    last = [t for t in tree if t.idx + len(t.text) <= end and not t.is_punct][-1:]
    if not last or last[0].tag_ != "VB":
        return False
    # (a verb of ber-/ter- is whole without its oblique: `Budi dan Ani bertemu | di Kupang`)
    wanted = _COMPLEMENTS if not last[0].lower_.startswith(("ber", "ter")) else ("obj", "iobj", "xcomp", "ccomp")
    return any(c.dep_.split(":")[0] in wanted and c.idx >= end for c in last[0].children)


def _loses_bound(words: list[str], whole: list[str]) -> bool:
    """Whether the cut keeps a comparison and drops its bound (`… tingkat tertinggi | sejak 1983`,
    `… terendah baru | dalam lebih dari 5,5 tahun`): a highest without its since says more than the
    article (clauses.toml [comparison] `words` of one word; the bound opens with `bounds`)."""
    comparison = _one_word_comparisons()
    tail = [w.lower().strip(",.") for w in words[-3:]]
    rest = [w.lower().strip(",.") for w in whole[len(words):len(words) + 2]]
    return any(w in comparison for w in tail) and any(w in data()["comparison"]["bounds"] for w in rest)


def _keeps_comparison(s: str) -> bool:
    return any(w.lower().strip(",.") in _one_word_comparisons() for w in s.split())


@cache
def _one_word_comparisons() -> frozenset[str]:
    return frozenset(w for w in data()["comparison"]["words"] if " " not in w)


def _suspect(words: list[str], tags: dict[str, str]) -> bool:
    """Whether a cut headline may have lost who did what, by the tags its clause already has: it
    holds no verb, opens with a verb, a preposition or a subordinator (`Bergabung dengan …, X tiba`,
    `Selain …, penyidik …`), or ends on a word that leads on. Only such a cut is parsed."""
    def tag(w: str) -> str:
        w = w.lower().strip(",.;:\"“”()")
        return verb_tag(w, tags.get(w, ""))

    def predicate(k: int) -> bool:  # a verb, not one of a modifier (`yang tergabung`, `dengan
        #                              menggunakan`, `minyak bersubsidi`)
        if tag(words[k]) != "VB" or k == 0:
            return tag(words[k]) == "VB"
        before = words[k - 1].lower()
        return before != "yang" and tag(before) not in ("IN", "SC") and \
            not (words[k].lower().startswith(("ber", "ter")) and tag(before) == "NN")

    return not any(predicate(k) for k in range(len(words))) or tag(words[0]) in ("VB", "IN", "SC") \
        or tag(words[-1]) in ("IN", "SC", "CC", "DT", "VB") or words[-1].lower().strip(",.") in headline_breaks() \
        or (len(words) > 1 and words[-2].lower() == "yang")


@lru_cache(maxsize=4096)
def _shortened(s: str, tagged: tuple[tuple[str, str], ...] | None) -> tuple[str, ...]:
    """The words of a headline of more than TITLE_WORDS words: the plain cut, or the clause shortened
    along its tree when the cut lost who did what or what to (see `_title`). Cached: news copies
    clauses, and the parse is the costly part. `tagged`: the sentence's (word, tag) pairs."""
    tags = dict(tagged) if tagged is not None else None
    whole = s.split()
    words = _cut(whole)
    bound = _loses_bound(words, whole)
    # (a clause of more than COMPRESS_WORDS words is no sentence a headline can be made of by
    # deletion, and parsing it would cost what the rest of the article costs: it is only cut)
    tree = parse(s, tags) if len(whole) <= COMPRESS_WORDS and (tags is None or bound or _suspect(words, tags)) else None
    end = len(" ".join(words))
    if tree is not None and (core_end(tree) > end or _leads_on(tree, end) or _loses_complement(tree, end) or bound):
        # the cut lost who did what (`Bergabung dengan …, Budi tiba di Kupang`), what to, or ends on
        # a word that leads on (`… yang akan dibawa ke Kupang yang dibagi`): shortened along the
        # dependency tree instead, without the clauses hung on a word and the phrases that say least
        # (nlp/parse.py)
        short = compress(s, TITLE_WORDS, tree)
        if short and len(short.split()) >= 3 and not (bound and not _keeps_comparison(short)):
            words = short.split()
    return tuple(words)


def _joined(pieces: list[str]) -> str:
    """The pieces of a clause left around the times taken out, joined: the commas that set a time off
    go with it (`Pada Jumat, Budi …` → `Budi …`), a comma after a time inside the clause stays where it
    parts two clauses (`… puncaknya pada 28 Oktober pagi, di mana …` → `… puncaknya, di mana …`)."""
    out, before = "", ""
    for p in pieces:
        core = p.strip(" ,")
        if not core:
            continue
        if out and p.lstrip(" ").startswith(",") and not before.rstrip(" ").endswith(","):
            out += ","
        out += (" " if out else "") + core
        before = p
    return out


def _title(text: str, lo: int, hi: int, timexes: list[Timex], speaker: list[str],
           tags: dict[str, str] | None = None) -> str:
    """The headline of a clause (see the module docstring)."""
    pieces, pos, kept = [], lo, lo
    for t in sorted(timexes, key=lambda t: t.start):
        if t.end <= lo or t.start >= hi:
            continue
        if not _dates(t) or not governs(text, t):
            kept = max(kept, t.end)  # (a time that dates nothing is what the clause says: `per hari`,
            continue  #               `tertinggi sejak 1983`, `pengiriman Januari`, `RAPBN 2027`)
        if pos < kept:  # its prepositions go, not the words of a time that stays (`per hari hingga …`)
            pieces.append(text[pos:kept])
            pos = kept
        before = text[pos:max(pos, t.start)]
        before = edit_patterns()["time_preposition"].sub("", before)
        pieces.append(before)
        pos = max(pos, t.end)
        qualifier = edit_patterns()["time_qualifier"].match(text, pos, hi)
        if qualifier:  # `… pada Senin waktu setempat`: whose clock goes with the time
            pos = qualifier.end()
    pieces.append(text[pos:hi])
    # a fronted verb whose time went, set off by a comma (`Terjadi pada Jumat (8/7) lalu, Budi tewas …`,
    # `Ditemui pada Senin, Budi mengatakan …`) goes with its time: what is left is the clause
    stub = pieces[0].split() if len(pieces) >= 2 else []
    if tags is not None and 1 <= len(stub) <= 2 and pieces[1].lstrip(" ").startswith(",") and \
            all(tags.get(w.lower()) in ("VB", "ADV") for w in stub) and len(pieces[1].split()) >= 5:
        pieces = pieces[1:]
    # a relative clause set off by commas says more of a name than a headline needs
    # (`OPEC, yang memproduksi sepertiga minyak dunia, memutuskan …` → `OPEC memutuskan …`)
    pieces = [re.sub(r",\s*yang\b[^,]{3,120},\s*", " ", p) for p in pieces]
    s = _joined(pieces)
    s = re.sub(r"\s*\(\s*\)", "", s)
    s = re.sub(r"\(([^()]*)\)", lambda m: m.group(0) if len(m.group(1).split()) <= 3 else "", s)
    s = abbreviate(edit_patterns()["legal_form"].sub("", s))
    s = patterns()["dateline"].sub("", s, count=1) if patterns()["dateline"].match(s) else s
    s = patterns()["section"].sub("", s, count=1)  # `INTERNASIONAL Pemimpin … tiba`
    for _ in range(3):
        new = edit_patterns()["connective"].sub("", s, count=1)
        if new == s or not new.strip(" ,.;:-\"“”"):
            break  # (a clause of a connective alone keeps it: a headline is never empty)
        s = new
    # a fronted adverbial phrase (`Untuk laga terakhir grup, tim itu akan …`) is no part of the headline
    fronted = patterns()["fronted"].match(s)
    if fronted and len(s[fronted.end():].split()) >= 4 and not gazetteer().country(s[fronted.end():].split()[0]):
        s = s[fronted.end():]  # (not the comma between a city and its country)
    # a subordinate clause's headline is what it tells (`Setelah kunjungan menteri ke Kanada`)
    opened = patterns()["opening"].sub("", s, count=1)
    if len(opened.split()) >= 3:
        s = opened
    # the reporting frame: `Budi mengatakan, …`, `Menurut Budi, …`
    m = patterns()["frame"].match(s)
    if m and _frame_speaker_words(m.group(1)) and _says_a_clause(s, m, tags):
        s = m.group(2)
    according = patterns()["according"].match(s)
    if according and not speaker:  # `Menurut pemantau sanksi PBB, puing-puing …` → `Pemantau sanksi PBB: Puing-puing …`
        speaker = [according.group(1)[:1].upper() + according.group(1)[1:]]
        s = s[according.end():]
    s = re.sub(r"\s+", " ", s).strip(" ,.;:-\"“”")
    words = s.split()
    if len(words) > TITLE_WORDS:
        words = list(_shortened(s, tuple(sorted(tags.items())) if tags is not None else None))
    # a headline does not end on a word that leads on (`… 20 hari pertama yang`), nor on a word
    # left alone after a comma (`… per barrel, baik`)
    leads_on = headline_breaks()
    last = re.findall(r"[\w-]+", text[lo:hi])[-1:]  # the clause's own last word ends it (`masih cukup dalam`)
    while len(words) > 3 and [words[-1].strip(",.")] != last and \
            (words[-1].lower().strip(",.") in leads_on or words[-2].endswith(",")):
        words.pop()
    s = " ".join(words).strip(" ,.;:")
    first = s.split(" ", 1)[0]
    if len(first) >= 3 and first.isalpha() and first.isupper() and first.lower() in _common_words():
        s = first.capitalize() + s[len(first):]  # a lead that opens in capitals (`MASA tanggap darurat …`)
    if speaker and speaker[0].lower() not in s.lower():
        s = f"{speaker[0]}: {s[:1].upper()}{s[1:]}"
    return s[:1].upper() + s[1:]


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9.&-]*[A-Z](?:\s+[A-Z][A-Za-z0-9.-]*){0,2})\)")


def abbreviate(s: str) -> str:
    """A name given in full with its acronym is the acronym (`Badan Pengawas Obat dan Makanan (BPOM)
    menyita` → `BPOM menyita`), as headlines write it. The full name is the shortest run of
    capitalised words before the bracket whose initials hold the acronym's capitals in order
    (`Kepala Badan Pengatur Hilir Minyak Bumi dan Gas (BPH Migas)` → `Kepala BPH Migas`)."""
    out, pos = [], 0
    for m in _ACRONYM.finditer(s):
        words = s[pos:m.start()].split(" ")
        capitals = [ch for ch in m.group(1) if ch.isupper()]
        start = None
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if not (w[:1].isupper() or w in ("dan", "&", "serta")):
                break
            if w[:1] == capitals[0] and _holds(capitals, [x[:1] for x in words[k:]]):
                start = k
                break
        if start is None or len(words) - start < 2:
            out.append(s[pos:m.end()])  # not a name given in full: keep the bracket
        else:
            out.append(" ".join(words[:start] + [m.group(1)]))
        pos = m.end()
    out.append(s[pos:])
    s = _CAPITAL_SHORT.sub(_lower_short, _LOWER_SHORT.sub(_lower_short, "".join(out)))
    return _SPELLED_BEFORE.sub(_spelled_short, s)


# … and an acronym after the words it spells out, in lower case or not, letters inside words too
# (`bahan bakar minyak (BBM)` → `BBM`, `Radio Frequency Identification (RFID)` → `RFID`)
_SPELLED_BEFORE = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,8})\(([A-Z][A-Z0-9]{1,9})\)")


def _spelled_short(m: re.Match) -> str:
    words, acronym = m.group(1).split(), m.group(2)
    letters = [ch.lower() for ch in acronym if ch.isalpha()]
    for k in range(len(words) - 1, -1, -1):
        parts = [x for w in words[k:] for x in w.lower().split("-") if x]
        if len(parts) >= 2 and _spells(letters, parts):
            return " ".join(words[:k] + [acronym])
    return m.group(0)


# a thing named in full with its short form in lower case (`tenaga kesehatan (nakes)`, `pusat
# kesehatan masyarakat (puskesmas)`): the short form, its letters in order in the last words before
# the bracket, a letter or more from each of them, the first among their first's first three
_LOWER_SHORT = re.compile(r"((?:[a-z][\w-]*\s+){2,6})\(([a-z]{3,12})\)")
# … and a name's or an office's short form made of its syllables the same way (`Wakil Menteri
# Keuangan (Wamenkeu)`, `Pemerintah Kota (Pemkot)`)
_CAPITAL_SHORT = re.compile(r"((?:[A-Z][\w-]*\s+){2,6})\(([A-Z][a-z]{3,11})\)")


def _syllable_words(words: list[str], short: str) -> int | None:
    """How many of the last `words` spell `short` syllable by syllable (`tenaga kesehatan` → `nakes`)."""
    for k in range(2, len(words) + 1):
        long = words[-k:]
        first = long[0][:3].find(short[0])
        if first < 0:
            continue
        i, rest = 1, [long[0][first + 1:]] + long[1:]
        for n, w in enumerate(rest):
            took = 0
            for ch in w:
                if i < len(short) and ch == short[i]:
                    i, took = i + 1, took + 1
            if not took and n > 0:
                break
        else:
            if i == len(short):
                return k
    return None


def _lower_short(m: re.Match) -> str:
    words, short = m.group(1).split(), m.group(2)
    k = _syllable_words([w.lower() for w in words], short.lower())
    if k is None or len(short) >= len(" ".join(words[-k:])):
        return m.group(0)
    return " ".join(words[:-k] + [short])


_SPELLED_OUT = re.compile(r"((?:[a-z][\w]*[\s-]+){1,8})\(([A-Z][A-Z0-9]{1,9})\)")
_SPELLED_AFTER = re.compile(r"\b([A-Z][A-Z0-9]{1,9})\s*\(((?:[a-z][\w]*[\s-]+){0,7}[a-z][\w]*)\)")  # `RFID (radio …)`
_ACRONYM_BRACKET = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")
_RUN_CHAR = re.compile(r"[\w\s-]")  # what the words of a _SPELLED_OUT match are made of


def _spelled_out(text: str):
    """The matches of `_SPELLED_OUT.finditer(text)`, without trying the pattern at every lower-case
    letter of the article (a tenth of `describe`'s own time): a match ends on an acronym's bracket,
    and its words reach back from there over word characters, white space and hyphens only, so it
    is looked for only in that run before each bracket (from where the previous match ended)."""
    pos = 0
    for bracket in _ACRONYM_BRACKET.finditer(text):
        start = bracket.start()
        while start > pos and _RUN_CHAR.match(text, start - 1):
            start -= 1
        m = _SPELLED_OUT.search(text, start, bracket.end())
        if m:
            yield m
            pos = m.end()


@lru_cache(maxsize=32)  # (asked by describe and again for the run: chronology.things_everywhere)
def common_acronyms(text: str) -> frozenset[str]:
    """The acronyms an article spells out in lower-case words (`radio frequency identification (RFID)`,
    `RFID (radio frequency identification)`, `bahan bakar minyak (BBM)`): names of things, not of
    organisations."""
    out = set()
    found = [(m.group(1), m.group(2)) for m in _spelled_out(text)]
    found += [(m.group(2), m.group(1)) for m in _SPELLED_AFTER.finditer(text)]
    for spelled, acronym in found:
        words = re.split(r"[\s-]+", spelled.strip())
        capitals = [ch.lower() for ch in acronym if ch.isalpha()]
        if any(_spells(capitals, words[k:]) for k in range(len(words))):
            out.add(acronym)
    return frozenset(out)


def _spells(letters: list[str], words: list[str]) -> bool:
    """The words spell out the acronym: the first word starts with its first letter, every word's
    initial is one of its letters, and its letters come in order in the words (`radio frequency
    identification` → RFID)."""
    if not words or words[0][:1] != letters[0] or any(w[:1] not in letters for w in words):
        return False
    it = iter("".join(words))
    return all(ch in it for ch in letters)


def _holds(letters: list[str], initials: list[str]) -> bool:
    it = iter(initials)
    return all(any(ch == x for x in it) for ch in letters)


# for the classifier, what is said to come is one thing, planned or expected
_FEATURE_STATUS = {"planned": "future", "expected": "future"}


def features(c: Candidate, doc: Document, clause: str, preds, triggers, lex: Lexicon) -> dict[str, float]:
    """What the classifier weighs (see classify.py): where the candidate stands, how it is dated,
    what its clause is made of. Names of features are stable: the trained weights refer to them."""
    granularity = {4: "year", 7: "month", 8: "week", 10: "day"}.get(len(c.date), "other")
    if "-W" in c.date:
        granularity = "week"
    f: dict[str, float] = {
        f"anchor={c.anchor}": 1.0,
        f"granularity={granularity}": 1.0,
        f"status={_FEATURE_STATUS.get(c.status, c.status)}": 1.0,
        "lead": float(c.is_lead or c.anchor == "lead"),
        "position": c.sentence_index / max(1, c.n_sentences),
        "first_paragraphs": float(c.paragraph_index <= 1),
        "quoted": float(c.quoted),
        "predicates": min(len(preds), 4) / 4,
        "no_predicate": float(not preds),
        "lexicon_kind": float(bool(triggers)),
        "participants": min(len(c.participants), 3) / 3,
        "places": float(bool(c.places)),
        "words": min(len(c.words), 20) / 20,
        "conditional": float(conditional(clause)),
        "question": float("?" in clause),
        "number_heavy": float(len(re.findall(r"\d", clause)) > 12),
    }
    for family in cues(re.findall(r"[^\W_]+(?:-[^\W_]+)*|%", clause.lower())):
        f[f"cue={family}"] = 1.0
    if doc.dct is not None and c.date:
        try:
            days = (span_start(c.date) - doc.dct).days
        except ValueError:
            days = 0
        f["days_before_dct"] = max(-1.0, min(1.0, -days / 30))
        f["same_day_as_dct"] = float(c.date == doc.dct.isoformat())
        f["far_past"] = float(days < -365)
        f["future"] = float(days > 0)
    if preds:
        w = preds[0][2].lower()
        f["passive"] = float(w.startswith("di"))
        f["ber_ter"] = float(w.startswith(("ber", "ter")))
        f["nominal_predicate"] = float(w.endswith("an") and w.startswith(("pe", "ke")))
    return f
