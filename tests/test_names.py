"""Names from the article (timeline/nlp/names.py) on the dev stories' text."""
import json

import pytest
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


def test_an_institution_named_after_a_person_is_no_person():
    from timeline.nlp.names import entities_of

    lex = load_lexicon()
    for text, org in [("Jalan Pantura Semarang-Demak, tepatnya di depan Rumah Sakit Islam (RSI) Sultan Agung Semarang, "
                       "masih tergenang pada Senin (3/11/2025).", "RSI Sultan Agung Semarang"),
                      ("Merespons kondisi tersebut, RSI Sultan Agung menyiapkan petugas khusus untuk antar-jemput "
                       "pasien.", "RSI Sultan Agung")]:
        e = entities_of([text], [0], lex, [True])[0]
        assert org in [n for _, _, n in e.orgs] and not any("Agung" in n for _, _, n in e.people), text
    # a title before the long name makes the name after the brackets its holder
    e = entities_of(["Kepala Badan Pengawas Keuangan dan Pembangunan (BPKP) Mardiasmo mengatakan, belum."], [0], lex, [True])[0]
    assert [n for _, _, n in e.people] == ["Mardiasmo"] and [n for _, _, n in e.orgs] == ["BPKP"]
    # and a person after an office's region is still the office's holder
    e = entities_of(["Kepala Dinas PUPR Karangsari Agus Setiadi mengatakan, jalan ditutup."], [0], lex, [True])[0]
    assert [n for _, _, n in e.people] == ["Agus Setiadi"]


def test_a_title_inside_an_institution_s_name_has_no_holder():
    text = _article("semarang_demak_flood_2025", "fl11")
    assert "RSI Sultan Agung" in text
    holders = {n for names in title_holders(text, load_lexicon()).values() for n in names}
    assert not any("Agung" in n for n in holders)


def _name_examples():
    import tomllib
    from importlib import resources

    with resources.files("timeline.lang.id").joinpath("gazetteer.toml").open("rb") as fh:
        return tomllib.load(fh)["names"]["examples"]


@pytest.mark.parametrize("example", _name_examples(), ids=lambda e: e["text"][:40])
def test_name_example(example):
    """gazetteer.toml [names]: a region's compass word and a company's legal form are no part of the
    person's name after them."""
    from timeline.nlp.names import _clean_name

    assert _clean_name(example["text"], 0, load_lexicon(), person=True)[1] == example["person"]


def test_an_office_is_no_organisation():
    from timeline.nlp.names import _clean_name, entities_of

    lex = load_lexicon()
    assert _clean_name("Plt Gubernur Maluku", 0, lex, person=False) is None
    assert _clean_name("Tenaga Ahli Gubernur Maluku", 0, lex, person=False) is None
    for body in ("Kementerian Luar Negeri", "DPR", "Komisi II DPR", "Polsek Genuk"):
        assert _clean_name(body, 0, lex, person=False) == (0, body)
    # `Pelaksana tugas (Plt) Gubernur …`: the short form's name is an office, its holder the person after it
    text = _article("riau_governor_kpk_2025", "rg06")
    e = entities_of([text[:text.index(".", 60) + 1]], [0], lex, [True])[0]
    assert "SF Hariyanto" in [n for _, _, n in e.people]
    assert not any("Gubernur" in n for _, _, n in e.orgs)


def test_a_place_of_several_words_the_model_cut_into_pieces_is_one_place():
    from timeline.nlp.names import entities_of

    lex = load_lexicon()
    # (kompas-dev 20141217-130444326) the model reads `Uni` as an organisation, `Emirat Arab` as a person
    [e] = entities_of(["Suhail Al-Mazrouei, Menteri Energi Uni Emirat Arab mengatakan pada Minggu bahwa OPEC akan menahan diri."],
                      [0], lex, [True])
    assert [n for _, _, n in e.places] == ["Uni Emirat Arab"]
    assert [n for _, _, n in e.people] == ["Suhail Al-Mazrouei"]
    assert "Uni" not in [n for _, _, n in e.orgs]
    # a name that holds the place stays whole
    [e] = entities_of(["Universitas Sumatera Utara menggelar wisuda."], [0], lex, [True])
    assert [n for _, _, n in e.orgs] == ["Universitas Sumatera Utara"] and not e.places
