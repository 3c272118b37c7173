"""Short forms defined in the text: `Badan Pengawas Keuangan dan Pembangunan (BPKP)`.

News introduces an institution once by its long name with its short form in brackets and uses the
short form after that. The named-entity model often takes only part of a long name (`Pengawas
Keuangan`, `Milik Negara`); where the text defines the short form, the long name's span is known and
the institution is named by its short form (`names.entities_of`).

An acronym in capitals (`BPKP`) is spelt by the initials of the words before the bracket, in order,
its first letter the first word's, its last the last word's (a word in capitals gives all its letters:
`Dewan Keamanan PBB (DK PBB)`; a small word may be skipped: `Energi dan Sumber Daya Mineral (ESDM)`).
A short form in mixed case, an Indonesian syllable abbreviation (`Menteri Keuangan (Menkeu)`,
`Minyak dan Gas Bumi (Migas)`), is found by the Schwartz & Hearst (2003) match: its letters, right to
left, in order in the words before the bracket, the first starting a word. A short form translated
from another language (`Organisasi Negara-negara Pengekspor Minyak (OPEC)`) matches no letters; then
an organisation the model found that ends at the bracket is its long form (`short_after`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# `(BPKP)`, `(SKK Migas)`, `(Menkeu)`, `(PT ABC)`: one or two words, a capital first, a letter in each
_SHORT = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.-]{1,11}(?: [A-Za-z][A-Za-z0-9&.-]{1,11})?)\s*\)")
_WORD = re.compile(r"[\w'’&.-]+")


@dataclass(frozen=True)
class Definition:
    start: int  # the long form, offsets in the text given
    end: int
    short: str  # as written in the brackets
    paren_start: int
    paren_end: int


def _letters(short: str) -> str:
    return "".join(c.lower() for c in short if c.isalnum())


def _schwartz_hearst(long: str, short: str) -> int | None:
    """Where in `long` the long form of `short` starts (its letters found right to left, the first at a
    word's start), None when it does not match."""
    s = _letters(short)
    if len(s) < 2 or not any(c.isalpha() for c in s):
        return None
    li = len(long) - 1
    for si in range(len(s) - 1, -1, -1):
        c = s[si]
        while li >= 0 and (long[li].lower() != c or (si == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
    return li + 1


def _initials(words: list[str], short: str) -> int | None:
    """How many of the last `words` an acronym in capitals spells by their initials (a word in
    capitals gives all its letters, a hyphen starts a word), None when no run of two or more does."""
    s = _letters(short)
    for k in range(2, len(words) + 1):
        parts = [p.lower() if p.isupper() and len(p) > 1 else p[0].lower()
                 for w in words[-k:] for p in re.split(r"[-–]", w) if p]
        joined = "".join(parts)
        if not joined or s[0] != joined[0]:
            continue
        # right to left: the last letter in the last word, the others in order before it
        j, last = len(joined) - 1, len(joined) - len(parts[-1])
        ok = True
        for n, c in enumerate(reversed(s[1:])):
            while j >= 1 and joined[j] != c:
                j -= 1
            if j < 1 or (n == 0 and j < last):
                ok = False
                break
            j -= 1
        if ok:
            return k
    return None


def definitions(text: str) -> list[Definition]:
    """Each `long form (SHORT)` of `text` whose long form the short form's letters spell, with the
    long form starting at a capitalised word (`radio frequency identification (RFID)` names a thing,
    not an institution) of at most `len(short) + 5` words (Schwartz & Hearst's bound)."""
    out = []
    for m in _SHORT.finditer(text):
        short = m.group(1)
        before = text[:m.start()].rstrip()
        if not before:
            continue
        n = len(_letters(short))
        words = list(_WORD.finditer(before))[-min(n + 5, 2 * n):]
        if not words:
            continue
        if short.replace(" ", "").isupper():
            k = _initials([w.group() for w in words], short)
            if k is None:
                continue
            start = words[-k].start()
        else:
            window = words[0].start()
            at = _schwartz_hearst(before[window:], short)
            if at is None:
                continue
            start = window + at
        long = before[start:]
        if not long[:1].isupper() or len(long) <= len(short) or short.lower() in long.lower().split():
            continue
        # a clause boundary is no part of a name; a list of capitalised words is
        # (`Badan Riset, Teknologi, dan Inovasi (BRTI)`)
        if ";" in long or re.search(r",(?!\s*(?:dan\b|serta\b|[A-Z]))", long):
            continue
        out.append(Definition(start, len(before), short, m.start(), m.end()))
    return out


def short_after(text: str, end: int) -> tuple[str, int, int] | None:
    """The short form in brackets right after offset `end` (`Badan Energi Internasional (IEA)`), as
    (short, bracket start, bracket end), when it is an acronym (capitals only), else None."""
    m = _SHORT.match(text, end + (len(text[end:]) - len(text[end:].lstrip())))
    if m and m.group(1).replace(" ", "").isupper() and len(_letters(m.group(1))) >= 2:
        return m.group(1), m.start(), m.end()
    return None
