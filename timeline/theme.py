"""What a mention is about, in the sentence's own words.

Indonesian news puts the subject of a clause before its verb: `Harga minyak mentah dunia turun`,
`Stok minyak mentah AS naik`, `Kuwait menurunkan harga minyak mentah`. Without a parser, the
clause is cut at punctuation and conjunctions, time expressions and brackets are taken out, and:
- the subject is the noun phrase the clause starts with, up to a stop word (`yang`, `untuk`…);
- the complement is up to four words after the trigger, up to a stop word or a time expression;
- the measure (price, stock, production…, `[themes]` of the lexicon) is the first listed word in
  the phrase the trigger is about: the object of `menaikkan`/`penurunan`, else the subject;
- the title joins them: `Harga kontrak minyak turun 5 sen`.
The word lists are data (`[themes]`, `[headline]` in timeline/data/events.toml, with examples).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\x00+|US\$|\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_EDGE = re.compile(r"(?<!\d),|,(?!\d)|[;:!?\"“”]|\s[-–—]\s")  # not the comma of `2,11`
_BRACKETS = re.compile(r"\([^()]*\)?")
_VERB = re.compile(r"^(?:me|di|ber|ter)[a-z]{4,}$")  # a verb form ends the subject before `dan`
_ACTIVE_VERB = re.compile(r"^(?:mem|men|meng|meny|di)[a-z]{4,}$")  # … and the words taken after an intransitive trigger
_ASIDE = re.compile(r",(\s*\x00+\s*),")  # `Harga minyak, Rabu, naik`: a time between commas is an aside


@dataclass
class Phrase:
    subject: list[str]  # the clause's subject before the trigger (its first five words)
    complement: list[str]  # what follows the trigger
    head: list[str]  # the whole subject: its last words are the nearest the trigger
    end: int = 0  # where the complement ends in the sentence (the trigger's end when it is empty)
    tail: list[str] = field(default_factory=list)  # the clause's next words, stop words included


def takes_object(trigger: str) -> bool:
    """`menaikkan harga`, `penurunan harga`, `menurunnya harga`: the thing follows the trigger."""
    low = trigger.lower()
    return low.startswith(("me", "pe", "ke")) and low.endswith(("kan", "an", "i", "nya"))


def _nominal(trigger: str) -> bool:
    """`pertemuan`, `kunjungannya`, `kenaikan`: a noun made from a verb (not `menaikkan`, `diturunkan`)."""
    low = trigger.lower()
    return len(low) > 5 and not low.startswith(("me", "di")) and (low.startswith(("pe", "ke")) or low.endswith(("an", "nya")))


def _is_verb(word: str, pattern: re.Pattern, lex) -> bool:
    """An affixed verb form: the pattern's prefix, and Sastrawi strips something (`mentah`, `menteri`
    are nouns it leaves whole); or a trigger verb of the lexicon."""
    from .mentions import stem  # mentions imports this module

    return bool(pattern.match(word)) and stem(word) != word or (lex.kind_of(word) is not None and not _nominal(word))


def agentive(trigger: str) -> bool:
    """`menaikkan`, `diturunkan`: somebody makes it happen (as against `naik`, `menurun`)."""
    low = trigger.lower()
    return low.startswith(("me", "di")) and low.endswith(("kan", "i"))


def phrase(sentence: str, at: int, trigger: str, time_spans: list[tuple[int, int]], lex) -> Phrase:
    """Subject and complement of the trigger at `at` (offsets in `sentence`; `time_spans` too)."""
    chars = list(sentence)
    for s, e in time_spans:
        chars[max(0, s):max(0, e)] = "\x00" * (max(0, e) - max(0, s))
    text = _BRACKETS.sub(lambda m: " " * len(m.group()), "".join(chars))
    text = _ASIDE.sub(lambda m: f" {m.group(1)} ", text)
    subject = _subject(_TOKEN.findall(_EDGE.split(text[:at])[-1]), trigger, lex)
    start = at + len(trigger)
    complement, end, tail = _after(_EDGE.split(text[start:])[0], lex)
    return Phrase(subject[:5], complement, subject, start + end, tail)


def _subject(tokens: list[str], trigger: str, lex) -> list[str]:
    """The noun phrase the trigger's clause starts with (`tokens`: the clause before the trigger,
    time expressions as \\x00 runs)."""
    stop, drop = lex.headline_stop, lex.headline_drop
    breaks = lex.clause_breaks | lex.reporting | lex.headline_breaks
    words = [w for w in tokens if not w.startswith("\x00")]
    lows = [w.lower() for w in words]
    cut = max((i + 1 for i, w in enumerate(lows) if w in breaks), default=0)
    # `… dikuasai ISIS dan produksi minyak Irak turun`: `dan` after a verb starts a new clause
    cut = max([cut] + [i + 1 for i, w in enumerate(lows) if w == "dan" and any(_is_verb(v, _VERB, lex) for v in lows[cut:i])])
    if words[cut:] and tokens[-1].lower() == "yang":
        # `puing-puing dari rudal yang mendarat`: the noun the relative clause hangs on
        before = words[cut:-1]
        starts = [i + 1 for i, w in enumerate(before) if w.lower() in stop]
        words, cut = before[max(starts, default=0):][-3:], 0
    elif words[cut:] and tokens[-1].lower() in stop:
        return []  # `lebih lama dari gempa …`: the trigger heads a phrase of its own
    rest = words[cut:]

    def plain(i: int, w: str) -> str:
        """A capitalised word inside the clause is a name's (`Jawa Tengah`), never a stop or drop word."""
        return w.lower() if i == 0 or not w[0].isupper() else ""

    subject: list[str] = []
    for i, w in enumerate(rest):
        if plain(i, w) in stop:
            if not subject:
                continue  # `pada 2014 permintaan minyak …`: a fronted adverbial is not the subject
            # words after the subject's end that are not its adverbials: the trigger sits in another
            # phrase (`… Ramirez kepada wartawan menjelang pengumuman hasil pertemuan`)
            if _nominal(trigger) and any(plain(1, x) not in stop and plain(1, x) not in drop for x in rest[i + 1:]):
                return []
            break
        if plain(i, w) not in drop:
            subject.append(w)
    return subject


def _after(text: str, lex) -> tuple[list[str], int, list[str]]:
    """What follows the trigger in its clause: the complement (up to four words, up to a stop word,
    a time or a verb), where it ends in `text`, and the next four words whatever they are."""
    stop, drop = lex.headline_stop, lex.headline_drop
    tail = []
    for tok in _TOKEN.findall(text):
        if tok.startswith("\x00") or len(tail) == 4:
            break
        tail.append(tok)
    while tail and tail[-1].lower() in stop:
        tail.pop()  # `… dimulai pada [Senin]`
    complement: list[str] = []
    end = 0
    for m in _TOKEN.finditer(text):
        tok, low = m.group(), m.group().lower()
        if tok.startswith("\x00") or low in stop or low in lex.reporting or _is_verb(low, _ACTIVE_VERB, lex):
            break
        if low not in drop:
            complement.append(tok)
            end = m.end()
            if len(complement) == 4:
                break
    return complement, end, tail


def measure(p: Phrase, trigger: str, lex) -> str | None:
    """The measure that rose or fell: the first `[themes]` word of the phrase the trigger is about
    (the subject read from its end, nearest the trigger: `… punya kepentingan harganya naik`),
    else `price` when a sum of money follows the trigger (`turun 28 sen`)."""
    def find(words: list[str], backwards: bool) -> str | None:
        lows = [re.sub(r"(?<=\w\w\w)nya$", "", w.lower()) for w in words]  # `produksinya`
        for i in (range(len(lows) - 1, -1, -1) if backwards else range(len(lows))):
            pair = f"{lows[i]} {lows[i + 1]}" if i + 1 < len(lows) else ""
            found = lex.measures.get(pair) or lex.measures.get(lows[i])
            if found:
                return found
        return None

    if takes_object(trigger):
        found = find(p.complement, False) or find(p.head, True)
    else:
        found = find(p.head, True) or find(p.complement, False)
    if found:
        return found
    lows = [w.lower() for w in p.complement]
    for i, w in enumerate(lows):
        if w in lex.money and (w in ("us$", "rp") or i > 0 and lows[i - 1][0].isdigit()):
            return "price"
    return None


def title(p: Phrase, trigger: str, participants: list[str]) -> str:
    """`Harga minyak dunia turun`, `Kuwait menurunkan harga minyak mentah`."""
    subject = list(p.subject)
    if not subject and participants and agentive(trigger):
        subject = [participants[0]]  # who did it, when the clause leaves it out
    words = subject + [trigger] + (p.complement or ([] if subject else p.tail))  # `Putusan praperadilan dibacakan …`
    text = " ".join(words)
    return text[0].upper() + text[1:] if text else text
