"""Short forms defined in brackets (timeline/nlp/acronyms.py) and the names they give (names.py), on
sentences of the kompas-dev articles and the dev stories."""
import pytest

from timeline.events.lexicon import load_lexicon
from timeline.nlp.acronyms import definitions, short_after
from timeline.nlp.names import entities_of


def _defined(text: str) -> list[tuple[str, str]]:
    return [(text[d.start:d.end], d.short) for d in definitions(text)]


@pytest.mark.parametrize("text, long, short", [
    # initials, a small word skipped
    ("Kepala Badan Pengawas Keuangan dan Pembangunan (BPKP) Mardiasmo mengatakan",
     "Badan Pengawas Keuangan dan Pembangunan", "BPKP"),
    ("PT Inti menggandeng kementerian Badan Usaha Milik Negara (BUMN) dalam pemasangan",
     "Badan Usaha Milik Negara", "BUMN"),
    ("Menteri Energi dan Sumber Daya Mineral (ESDM) Sudirman Said", "Energi dan Sumber Daya Mineral", "ESDM"),
    # a list of capitalised words is one name
    ("berdasarkan data Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)",
     "Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG"),
    # a hyphen starts a word; a word in capitals gives all its letters
    ("proyek Kereta Cepat Jakarta-Bandung (KCJB)", "Kereta Cepat Jakarta-Bandung", "KCJB"),
    ("resolusi Dewan Keamanan PBB (DK PBB)", "Dewan Keamanan PBB", "DK PBB"),
    # syllable abbreviations, in mixed case
    ("Pasalnya, Menteri Keuangan (Menkeu) Purbaya", "Menteri Keuangan", "Menkeu"),
    ("Satuan Kerja Khusus Pelaksana Kegiatan Usaha Hulu Minyak dan Gas Bumi (SKK Migas) memastikan",
     "Satuan Kerja Khusus Pelaksana Kegiatan Usaha Hulu Minyak dan Gas Bumi", "SKK Migas"),
    ("pemindahan kepemilikan pulau Aceh ke Sumatera Utara (Sumut)", "Sumatera Utara", "Sumut"),
])
def test_a_short_form_finds_its_long_form(text, long, short):
    assert (long, short) in _defined(text)


@pytest.mark.parametrize("text", [
    "ketika dikonfirmasi bahwa PT Pertamina (Persero) belum",  # a legal form, not a short form
    "Mike Rajasa Hoppenbrouwers - FC Utrecht (Belanda)",  # a country in brackets
    "Abdul Wahid terjaring dalam operasi tangkap tangan (OTT)",  # a thing in lower case
    "Program pemasangan radio frequency identification (RFID)",
    "Badan Energi Internasional (IEA)",  # translated: no letters match (the model's entity serves, below)
    "Harga naik, kata pengamat (KPK)",  # a clause, not a name
])
def test_no_long_form_where_the_letters_do_not_spell_one(text):
    assert _defined(text) == []


def test_an_acronym_right_after_a_name():
    text = "Badan Energi Internasional (IEA) memangkas proyeksi"
    assert short_after(text, len("Badan Energi Internasional")) == ("IEA", 27, 32)
    assert short_after("Kepala Dinas (Persero) datang", len("Kepala Dinas")) is None  # not capitals


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _names(text: str, lex) -> tuple[list[str], list[str], list[str]]:
    e = entities_of([text], [0], lex, [True])[0]
    return [n for _, _, n in e.people], [n for _, _, n in e.orgs], [n for _, _, n in e.places]


def test_the_model_s_pieces_of_a_long_name_become_the_short_form(lex):
    people, orgs, _ = _names("JAKARTA, KOMPAS.com - Kepala Badan Pengawas Keuangan dan Pembangunan (BPKP) "
                             "Mardiasmo mengatakan, belum mengetahui ada permintaan dari PT Pertamina (Persero) "
                             "untuk melakukan audit.", lex)
    assert "BPKP" in orgs and "Mardiasmo" in people
    assert not any("Pengawas" in n for n in people + orgs)
    assert orgs.count("BPKP") == 1  # the short form in the brackets is not a second one


def test_a_long_name_read_as_people_and_places_is_one_organisation(lex):
    people, orgs, places = _names("JAKARTA, KOMPAS.com – Asumsi harga minyak mentah atau Indonesia Crude Price "
                                  "(ICP) dalam APBN-P 2015 turun.", lex)
    assert "ICP" in orgs
    assert "Crude Price" not in people and "Indonesia" not in places


def test_a_translated_acronym_names_the_organisation_before_it(lex):
    _, orgs, _ = _names("Badan Informasi Energi AS (EIA) melaporkan, produksi minyak mentah AS mencapai "
                        "9,12 juta barel per hari.", lex)
    assert "EIA" in orgs and "Badan Informasi Energi AS" not in orgs


def test_the_article_s_people_are_not_found_inside_a_defined_name(lex):
    from timeline.events import candidates_of
    from timeline.io.read import read
    from timeline.timex import tag
    from pathlib import Path

    doc = next(d for d in read([Path(__file__).parent / "data" / "kompas-dev"]) if d.id == "20131204-1539369")
    lead = candidates_of(doc, tag(doc.text, doc.dct), lex)[0]
    assert "BPKP" in lead.participants and "Mardiasmo" in lead.participants
    assert not any("Pengawas" in p for p in lead.participants)
