"""Who and where in a sentence: the named-entity model's people, organisations and places, cleaned
(titles, datelines and headline words cut from names), with institutions by their head word, the
gazetteer's places, and the article's known people where the model missed them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the lexicon knows titles and reporting verbs; the names need no more of it
    from ..events.lexicon import Lexicon
from .acronyms import definitions, short_after
from .batch import pipe
from .entities import gazetteer, institution_pattern, key, name_words, ner_model, organization_pattern, place_pattern


@dataclass
class Entities:
    people: list[tuple[int, int, str]]  # (start, end, name) offsets in the document
    orgs: list[tuple[int, int, str]]
    places: list[tuple[int, int, str]]
    # spans the text itself makes one name (a long name with its short form, an institution named after
    # a person): the article's people are not looked for inside them
    fixed: list[tuple[int, int]] = field(default_factory=list)


_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


def _clean_name(text: str, start: int, lex: Lexicon, person: bool, place: bool = False) -> tuple[int, str] | None:
    """Trim what the model took in with a name: section labels (`INTERNASIONAL`), titles
    (`Presiden`, `juru bicara`), countries before a person (`AS Anthony Retno`), headline words
    after it (`Xi Jinping Tiba`). Returns (start, name) or None when nothing is left."""
    g = gazetteer()
    # a dateline before a dash (`KOMPAS.com - Harga`) and an unclosed bracket (`Intermediate (WTI`)
    # are not part of a name
    cut = [m.end() for m in re.finditer(r"\s[-–—]\s", text)]
    if cut:
        start, text = start + cut[-1], text[cut[-1]:]
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")].rstrip()
    # `Organisasi Negara-negara Pengekspor Minyak (OPEC)`: the long name is the name
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    tokens = [(m.start(), m.group()) for m in re.finditer(r"[\w'’.-]+", text)]

    def junk(tok: str, edge: str) -> bool:
        low = tok.lower().strip(".")
        # a person's title goes; a place or an organisation keeps the office it names
        # (`Kantor Kementerian Agama`, `Kementerian Sosial`)
        if (low in lex.titles and person) or low in lex.reporting or (len(tok) > 5 and tok.isupper()) or \
                (person and edge == "left" and low in lex.office_en):
            return True
        if person and edge == "left" and low in lex.title_inner:
            return True
        if lex.kind_of(tok) is not None:
            return True
        return person and edge == "left" and g.actor(tok) is not None

    while tokens and junk(tokens[0][1], "left"):
        tokens.pop(0)
    while tokens and junk(tokens[-1][1], "right"):
        tokens.pop()
    if person:
        # an organisation before a person's name is their office's (`Direktur Utama Pertamina Dwi
        # Soetjipto` → `Dwi Soetjipto`); a "person" that ends on one is no person (`… Korporat PT X`)
        orgs = [k for k, (_, tok) in enumerate(tokens) if tok in name_words()["legal"] or key(tok) in g.org_of
                and ((tok.isupper() and len(tok) > 2) or (tok[:1].isupper() and len(tok) > 4))]  # not `bin`, `Un`
        if orgs:
            tokens = tokens[orgs[-1] + 1:]
        # a person's name is the run of capitalised words at its end
        while len(tokens) > 1 and not _CAPITALISED.match(tokens[0][1]):
            tokens.pop(0)
        # … after the region of the office (`Bupati Pasaman Barat Syahrial Rahmat`, `Wakil Bupati Kudus Sri Lestari`)
        tokens = tokens[_region_end([tok for _, tok in tokens], g):]
        if len(tokens) > 2 and institution_pattern().match(text[tokens[0][0]:]):
            tokens = tokens[-2:]  # `[Kepala] Dinas PUPR Karangsari Agus Setiadi`
    elif not place and len(tokens) > 1 and tokens[0][1].lower() in lex.titles:
        rest = text[tokens[1][0]:tokens[-1][0] + len(tokens[-1][1])]
        if g.actor(rest) is not None:  # `Menlu Rusia` as an organisation: the country
            tokens = tokens[1:]
    if not person and not place and _an_office(tokens, lex, g):
        return None  # `Plt Gubernur Maluku`: an office, whose holder the article names, not an organisation
    while len(tokens) > 1 and tokens[-1][1][:1].islower():
        tokens.pop()  # a name ends on a capitalised word or a number (`Kilat beroperasi` → `Kilat`)
    if not tokens or not any(c.isalpha() for _, tok in tokens for c in tok):
        return None
    if all(tok.lower() in lex.office_en for _, tok in tokens):
        return None  # `Vice President Corporate Communication`: an office, nobody
    name = text[tokens[0][0]:tokens[-1][0] + len(tokens[-1][1])].strip(" .,;:")
    return (start + tokens[0][0], name) if len(name) > 1 else None


def _an_office(tokens: list[tuple[int, str]], lex: Lexicon, g) -> bool:
    """Titles and a region only (`Plt Gubernur Maluku`, `Wakil Bupati Kudus`), no institution's head
    word (`Kementerian Luar Negeri` is an organisation)."""
    words = [tok for _, tok in tokens]
    if not words or words[0].isupper() or institution_pattern().match(" ".join(words)):
        return False  # `TNI`, `DPRD` are bodies, though they stand in titles (`Anggota DPRD`)
    titled = 0
    while titled < len(words) and (words[titled].lower() in lex.titles or words[titled].lower() in lex.title_inner):
        titled += 1
    rest = " ".join(words[titled:])
    return titled > 0 and (not rest or g.region(rest) is not None or g.country(rest) is not None)


def _region_end(words: list[str], g=None) -> int:
    """How many leading words name a region (`Pasaman Barat`, `Nusa Tenggara Barat`, or a place or region
    the gazetteer knows: `Bupati Kudus Sri Lestari`, `Gubernur Sulawesi Tengah Budi Santoso`) before a person's
    name of at least two words; 0 when none does.
    (`Gubernur Khofifah Indar Parawansa` keeps her three names.)"""
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() in name_words()["compass"] and len(words) - i - 1 >= 2:
            return i + 1
    if g is not None:
        # a place or a region of the gazetteer, of up to three words (`Maluku`, `Sulawesi Tengah`, `Kudus`)
        for n in (3, 2, 1):
            head = " ".join(words[:n])
            if len(words) - n >= 2 and (g.country(head) is not None or g.region(head) is not None):
                return n
    return 0


def entities_of(texts: list[str], bases: list[int], lex: Lexicon, use_model: list[bool]) -> list[Entities]:
    """Entities of each sentence: by the model where `use_model` says so, else by the gazetteer alone
    (the article's people are added to every sentence afterwards, see `_find_known_people`)."""
    out: list[Entities | None] = [None] * len(texts)
    for i, (text, base, model) in enumerate(zip(texts, bases, use_model)):
        if not model:
            ents = Entities([], [], [])
            for m in organization_pattern().finditer(text):
                ents.orgs.append((base + m.start(), base + m.end(), m.group()))
            _add_institutions(text, base, ents, lex)
            _add_gazetteer_places(text, base, ents)
            _name_by_short_forms(text, base, ents, lex)
            out[i] = ents
    wanted = [i for i, model in enumerate(use_model) if model]
    nlp = ner_model()
    # with the other documents' sentences, under `run_together` (nlp/batch.py)
    for i, doc in zip(wanted, pipe(nlp, [texts[i] for i in wanted], batch_size=64, disable=["sentencizer"])):
        base = bases[i]
        text = doc.text  # spaCy joins its tokens anew at each `doc.text`: once a sentence, not once a character
        ents = Entities([], [], [])
        for e in doc.ents:
            label = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION", "GPE": "LOCATION"}.get(e.label_, e.label_)
            # a country or a known region the model calls a person or an organisation is still a place
            if label != "LOCATION" and gazetteer().country(e.text.strip()) and key(e.text.strip()) not in gazetteer().org_of:
                label = "LOCATION"
            end_char = e.end_char
            while end_char < len(text) and (text[end_char].isalnum() or
                                            text[end_char] == "-" and text[end_char - 1].isalnum()):
                end_char += 1  # the tokenizer may cut `Xi Jin-ping` after the hyphen
            cleaned = _clean_name(text[e.start_char:end_char], base + e.start_char, lex, label == "PERSON",
                                  label == "LOCATION")
            if cleaned is None:
                continue
            at, name = cleaned
            item = (at, at + len(name), name)
            {"PERSON": ents.people, "ORGANIZATION": ents.orgs, "LOCATION": ents.places}.get(label, []).append(item)
        _add_institutions(text, base, ents, lex)
        _add_gazetteer_places(text, base, ents)
        _name_by_short_forms(text, base, ents, lex)
        out[i] = ents
    return out


_NAME_GOES_ON = re.compile(r"\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3})\b")


def _name_by_short_forms(text: str, base: int, ents: Entities, lex: Lexicon) -> None:
    """An institution or place the sentence defines by a short form (`Badan Usaha Milik Negara (BUMN)`,
    acronyms.py) is one entity named by it: the model's pieces of the long name (`Milik Negara`), or
    the long name whole, give way to it, and the short form in the brackets is not a second one. A
    long name the model found nothing in is left alone (`Surat Keputusan (SK)` names no one)."""
    defs = [(d.start, d.end, d.short, d.paren_start, d.paren_end) for d in definitions(text)]
    # an organisation of two words or more right before an acronym is its long name, whatever the
    # letters (`Badan Energi Internasional (IEA)`, translated); not a place (`Kupang (ANTARA) -`)
    for s, e, name in ents.orgs:
        got = short_after(text, e - base) if " " in name else None
        if got and not any(ps == got[1] for _, _, _, ps, _ in defs):
            defs.append((s - base, e - base, *got))
    for ls, le, short, ps, pe in defs:
        # capitalised words right after the brackets that open with a title go on with the name of an
        # institution named after a person (`Rumah Sakit Umum Daerah (RSUD) Dokter Soetomo Kupang`); others
        # are a person, the office's holder (`… Bank Indonesia (BI) Mirza Adityaswara`)
        after = _NAME_GOES_ON.match(text, pe)
        if after and after.group(1).split()[0].lower() in lex.titles and len(after.group(1).split()) > 1:
            short, pe = f"{short} {after.group(1)}", after.end(1)
            le = pe
        ls, le, ps, pe = ls + base, le + base, ps + base, pe + base
        pieces = {name: [x for x in getattr(ents, name) if x[0] < le and ls < x[1] and x[1] <= le]
                  for name in ("people", "orgs", "places")}
        if not any(pieces.values()):
            continue
        # a long name the model reads mostly as a place is a place (`Nusa Tenggara Timur (NTT)`), not a
        # name with a place in it (`Indonesia Crude Price (ICP)`, `Kereta Cepat Kupang Ende (KCKE)`)
        placed = sum(e - s for s, e, _ in pieces["places"])
        label = "places" if 2 * placed >= le - ls else "orgs"
        for name in ("people", "orgs", "places"):
            group = getattr(ents, name)
            group[:] = [x for x in group if x not in pieces[name] and not (ps <= x[0] and x[1] <= pe)]
        ents.fixed.append((ls, le))
        if _an_office([(0, w) for w in short.split()], lex, gazetteer()):
            continue  # `Pelaksana tugas (Plt) Gubernur Maluku`: an office, its holder named after it
        getattr(ents, label).append((ls, le, short))
        getattr(ents, label).sort()


def _add_institutions(text: str, base: int, ents: Entities, lex: Lexicon) -> None:
    """Institutions the model missed (`Kementerian Sosial menyalurkan …`), by their head word."""
    taken = [(s, e) for group in (ents.people, ents.orgs, ents.places) for s, e, _ in group]
    for m in institution_pattern().finditer(text):
        s, e = base + m.start(), base + m.end()
        inside = [x for x in ents.people if s < x[0] < e]
        between = text[m.end("head"):min(x[0] for x in inside) - base].split() if inside else []
        if inside and all(w.lower() in lex.titles for w in between):
            # `RSUD Dokter Soetomo`: a person right after the head word (a title between) names the institution
            ents.people[:] = [x for x in ents.people if x not in inside]
            ents.fixed.append((s, e))
            inside = []
        if inside:  # `Kepala Dinas PUPR Karangsari [Agus Setiadi]`: the person is not the institution
            e = min(x[0] for x in inside)
            e = s + len(text[s - base:e - base].rstrip())
            if " " not in text[s - base:e - base]:
                continue
        if any(a < e and s < b and not (s <= a and b <= e) for a, b in taken):
            continue  # the model's entity reaches outside it: the model's reading stands
        for group in (ents.orgs, ents.places):  # `Dinas Pendidikan [Pasaman Barat]`
            group[:] = [x for x in group if not (s <= x[0] and x[1] <= e)]
        ents.orgs.append((s, e, text[s - base:e - base]))
        taken.append((s, e))
    ents.orgs.sort()


def _add_gazetteer_places(text: str, base: int, ents: Entities) -> None:
    """Places of the gazetteer the model missed (`mengunjungi Kuala Lumpur`), and those of several
    words it cut into pieces (`Menteri Energi Selandia Baru`: `Selandia`, an organisation, and `Baru`,
    a person): the pieces give way to the place, a name that holds it stays (`Kedutaan Besar
    Arab Saudi`)."""
    for m in place_pattern().finditer(text):
        s, e = base + m.start(), base + m.end()
        taken = [(a, b) for group in (ents.people, ents.orgs, ents.places) for a, b, _ in group if a < e and s < b]
        if taken and " " in m.group() and not any(a <= s and e <= b for a, b in taken):
            for group in (ents.people, ents.orgs, ents.places):
                group[:] = [x for x in group if not (x[0] < e and s < x[1])]
            taken = []
        if not taken:
            ents.places.append((s, e, m.group()))
    ents.places.sort()


_HEADLINE_WORD = re.compile(r"[^\W_]+(?:[-.,/][^\W_]+)*")


def title_case(sentence: str) -> bool:
    """Most words capitalised, as in a headline (`Menteri dan Dubes Bahas Kerja Sama`)."""
    words = [w for w in _HEADLINE_WORD.findall(sentence) if len(w) > 3 and w.isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def without_headings(text: str) -> str:
    """`text` with its lines in title case that end on no full stop blanked out (a subheading, `Harap
    Pemain Muda Berkarier di Luar Negeri`): capitals there say nothing of names."""
    return re.sub(r"(?m)^[^\n]*$", lambda m: " " * len(m.group()) if title_case(m.group())
                  and not m.group().rstrip().endswith((".", "?", "!", '"', "”")) else m.group(), text)


def title_holders(text: str, lex: Lexicon) -> dict[str, set[str]]:
    """Each title word of the article (lower-cased) → the full names that follow it
    (`Presiden Prancis Emmanuel Macron`): found by rule, so that the model's misses elsewhere in the
    article are filled in, and a bare `Presiden` can stand for its holder."""
    g = gazetteer()
    title_words = lex.titles | lex.title_inner
    holders: dict[str, set[str]] = {}
    text = without_headings(text)
    # (a name does not go on past the end of a line: `2 Gubernur Melawan⏎⏎Sebelum Budi …` names nobody)
    for m in re.finditer(r"(?=\b([A-Za-z]+)((?:[ \t]+[A-Z][\w'’-]*){2,6}))", text):
        if m.group(1).lower() not in lex.titles:
            continue
        if re.search(r"\b(?:wakil|mantan|eks|calon|wa)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
            continue  # `Wakil Presiden Jusuf Kalla` is no `Presiden`
        if re.search(r"(?<![\w-])[A-Z]{2,}\)?\s+$", text[max(0, m.start() - 12):m.start()]) or \
                any(i.start() < m.start() < i.end() for i in institution_pattern().finditer(text, max(0, m.start() - 40),
                                                                                            m.end(2))):
            continue  # `RSUD Dokter Soetomo`, `Universitas Sultan Ageng`: the title is in an institution's name
        words = m.group(2).split()
        # skip the rest of the title and the country: `Menteri Luar Negeri Kanada Taro Kono`
        while words and (words[0].lower() in title_words or g.actor(words[0]) is not None):
            words.pop(0)
        for n in (2, 1):  # `Selandia Baru` is two words of a country
            if len(words) > n and g.actor(" ".join(words[:n])) is not None:
                words = words[n:]
        words = words[_region_end(words, g):]  # `Gubernur Sumatera Barat Ramlan Effendi`
        if any(w in name_words()["legal"] for w in words):
            continue  # `Direktur Utama PT Inti Budi Santoso`: where the company's name ends is unknown
        inst = institution_pattern().match(" ".join(words)) if len(words) > 2 else None
        if inst:
            # `Kepala Dinas PUPR Agus Setiadi`: the last two words, unless nothing but titles stands
            # between the head and them (`Direktur Utama RSUD Dokter Soetomo`: named after a person, nobody)
            between = words[len(inst.group("head").split()):-2]
            if all(w.lower() in lex.titles for w in between):
                continue
            words = words[-2:]
        if g.country(" ".join(words)) is not None or words and words[-1].lower() in name_words()["compass"]:
            continue  # `Gubernur Nusa Tenggara Barat`: a region, nobody's name
        words = [w for w in words]
        while words and (lex.kind_of(words[-1]) or words[-1].lower() in lex.reporting):
            words.pop()
        if 2 <= len(words) <= 4 and not any(g.is_country_name(w) for w in words):
            holders.setdefault(m.group(1).lower(), set()).add(" ".join(words))
    return holders


_BARE_TITLE = re.compile(r"\b([A-Z][a-z]+)\b(?![ \t]+[A-Z])")


def bare_title_holders(text: str, start: int, end: int, holders: dict[str, set[str]]) -> list[str]:
    """`Presiden tiba di bandara`: a bare title stands for the one person the article gives it."""
    found = []
    for m in _BARE_TITLE.finditer(text, start, end):
        names = holders.get(m.group(1).lower(), set())
        if len(names) == 1:
            found.append(next(iter(names)))
    return found


def known_people_pattern(names: list[str]) -> re.Pattern | None:
    """The article's people as one pattern: full names and their first or last word (`Widodo`)."""
    forms: set[str] = set()
    for name in names:
        forms.add(name)
        parts = name.replace("-", " ").split()
        if len(parts) > 1:
            forms.update(p for p in (parts[0], parts[-1]) if len(p) >= 3 and p[0].isupper())
    if not forms:
        return None
    def form_pattern(form: str) -> str:  # `Xi Jin-ping` also finds `Xi Jin Ping`
        words = [w for w in re.split(r"[\s-]+", form) if w]
        return r"[\s-]+".join(re.escape(w[0]) + (f"(?i:{re.escape(w[1:])})" if len(w) > 1 else "") for w in words)

    alternatives = "|".join(form_pattern(f) for f in sorted(forms, key=len, reverse=True) if f.strip(" -"))
    return re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])(?!\s+[A-Z][a-z])")


def add_known_people(text: str, span: tuple[int, int], pattern: re.Pattern | None, ents: Entities) -> None:
    """Add the article's people where the model missed them."""
    if pattern is None:
        return
    taken = [(s, e) for s, e, _ in ents.people] + ents.fixed  # not inside `Badan Pengawas … (BPKP)`
    for m in pattern.finditer(text, span[0], span[1]):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        # a known person's name the model took for a place or an organisation is the person
        ents.places[:] = [x for x in ents.places if not (x[0] < m.end() and m.start() < x[1])]
        ents.orgs[:] = [x for x in ents.orgs if not (x[0] < m.end() and m.start() < x[1])]
        ents.people.append((m.start(), m.end(), m.group()))
        taken.append((m.start(), m.end()))
    ents.people.sort()
