"""The code serves any story: nothing of the seed story (its people, places, dates) is written into it."""
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
SEED_PEOPLE = ["Putin", "Kim Jong", "Kim ", "Shoigu", "Peskov", "Easley", "Kamikawa", "Blinken", "Stoltenberg"]
SEED_PLACES = ["Vostochny", "Vladivostok", "Pyongyang", "Kharkiv"]
SEED_DATES = ["2023-09-1", "2024-06-19", "13/9", "19/6/2024", "14/9/2023", "12/9/2023"]


def _files(patterns):
    for folder in ("timeline", "cli"):
        for pattern in patterns:
            yield from sorted((ROOT / folder).rglob(pattern))


def test_no_seed_people_places_or_dates_in_code():
    for path in _files(["*.py"]):
        text = path.read_text(encoding="utf-8")
        for word in SEED_PEOPLE + SEED_PLACES + SEED_DATES:
            assert word not in text, f"{path.relative_to(ROOT)} names {word!r}"


def test_no_seed_people_in_data_files():
    """The gazetteer lists the world's cities (seed places among them); no file names the seed's people."""
    for path in _files(["*.toml", "*.tsv", "*.md"]):
        text = path.read_text(encoding="utf-8")
        for word in SEED_PEOPLE:
            assert not re.search(rf"\b{word}\b", text), f"{path.relative_to(ROOT)} names {word!r}"


def _story_names() -> set[str]:
    """Every person, place and organisation the gold chronologies of the dev stories name."""
    import json

    names: set[str] = set()
    for gold in sorted((ROOT / "tests" / "data" / "stories").glob("*/gold.json")):
        for e in json.loads(gold.read_text(encoding="utf-8"))["events"]:
            for name in e.get("participants", []) + e.get("places", []):
                names.add(name)
                names.update(re.findall(r"\(([^()]+)\)", name))  # `Komisi Pemberantasan Korupsi (KPK)`
                names.add(re.sub(r"\s*\([^()]*\)", "", name).strip())
    return {n for n in names if len(n) >= 3 and n[0].isupper()}  # a name, not a common noun (`pekerja`)


# the country whose news the tool reads (its holidays, its language) may be named
ALLOWED = {"Indonesia"}


def test_no_story_names_in_code_or_the_event_lexicon():
    names = _story_names() - ALLOWED
    assert len(names) > 50
    lexicons = [p for p in _files(["*.toml"]) if p.name in ("events.toml", "clauses.toml")]
    for path in list(_files(["*.py"])) + lexicons:
        text = path.read_text(encoding="utf-8")
        for name in names:
            for form in (name, name.upper()):  # `SEMARANG, KOMPAS.com -`: a dateline writes it in capitals
                assert not re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text), f"{path.relative_to(ROOT)} names {form!r}"


# words a gold title writes capitalised that name no story: months, and the common nouns of offices and
# institutions (`Mahkamah Agung`, `Istana Negara`, `Komisi III`, `Palang Merah`, `Plt Bupati`, `Sultan`)
TITLE_WORDS_ALLOWED = {"Agustus", "Oktober", "Agung", "Istana", "Komisi", "Merah", "Plt", "Sultan"}


def _title_names() -> set[str]:
    """The proper nouns of the gold titles: a capitalised word past the first that no article of the test
    data ever writes in lower case (`Whoosh`, `U17`, `Argentina`; not `Banjir` or `Gubernur`)."""
    import json

    lower: set[str] = set()
    data = ROOT / "tests" / "data"
    for path in sorted(data.glob("stories/*/articles.jsonl")) + sorted(data.glob("kompas-dev/*")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            lower.update(re.findall(r"\b[a-z][\w-]+", line))
    names = set()
    for gold in sorted(data.glob("stories/*/gold.json")):
        for e in json.loads(gold.read_text(encoding="utf-8"))["events"]:
            words = re.findall(r"[\w-]+", e.get("title_id", ""))[1:]
            names.update(w for w in words if len(w) >= 3 and w[0].isupper() and w.lower() not in lower)
    return names


def test_no_story_title_words_in_code_or_data():
    """Names a story's gold titles write (a train, a tournament, a budget) that no participant or place
    lists: a comment or a lexicon example copied from a story shows here."""
    names = _title_names() - TITLE_WORDS_ALLOWED - ALLOWED
    assert {"U17", "Argentina"} <= names  # the check reads what it should
    lexicons = [p for p in _files(["*.toml"]) if p.name in ("events.toml", "clauses.toml")]  # not the gazetteer
    for path in list(_files(["*.py"])) + lexicons:
        text = path.read_text(encoding="utf-8")
        for name in names:
            assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text), f"{path.relative_to(ROOT)} names {name!r}"
