"""Names from the article (timeline/nlp/names.py) on the dev stories' text."""
import json
from pathlib import Path

from timeline.events.lexicon import load_lexicon
from timeline.nlp.names import title_case, title_holders, without_headings

STORIES = Path(__file__).parent / "data" / "stories"


def _article(story: str, doc: str) -> str:
    for line in (STORIES / story / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["id"] == doc:
            return d["text"]
    raise KeyError(doc)


def test_a_subheading_is_blanked_and_prose_is_kept():
    text = _article("u17_world_cup_2025", "u05")
    heading = "Harap Pemain Timnas U17 Berkarier di Luar Negeri"
    assert heading in text and title_case(heading)
    blank = without_headings(text)
    assert len(blank) == len(text) and heading not in blank
    assert "Lebih lanjut, Nova sangat berharap" in blank  # the paragraph after it stays
    # a sentence that ends on a full stop is prose, however capitalised
    assert without_headings("Menteri Dan Duta Besar Bahas Kerja Sama.") == "Menteri Dan Duta Besar Bahas Kerja Sama."


def test_no_title_holder_is_read_from_a_subheading():
    text = _article("u17_world_cup_2025", "u05")
    holders = {n for names in title_holders(text, load_lexicon()).values() for n in names}
    assert not any("Berkarier" in n for n in holders)
    # the same words as prose give a holder: the subheading rule is what keeps it out
    prose = text.replace("Harap Pemain Timnas U17 Berkarier di Luar Negeri\n", "Harap Pemain Timnas U17 Berkarier di "
                         "Luar Negeri, kata dia.\n")
    assert any("Berkarier" in n for names in title_holders(prose, load_lexicon()).values() for n in names)
