"""The Indonesian words are data (timeline/lang/id/): a word added to a table needs no code."""
from __future__ import annotations

import copy
import tomllib
from datetime import date
from importlib import resources

from timeline.timex.grammar import build
from timeline.timex.tagger import tag


def _raw(name: str) -> dict:
    with resources.files("timeline.lang.id").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


def test_a_direction_word_added_to_the_data_is_matched_and_valued():
    words, rules = _raw("time_words.toml"), _raw("timex_rules.toml")
    assert tag("harga naik tahun lampau", date(2014, 12, 10)) == []
    words = copy.deepcopy(words)
    words["directions"]["words"]["lampau"] = [-1, "dct"]
    words["offsets"]["words"]["lampau"] = [-1, "dct"]
    grammar = build(words, rules)
    found = tag("harga naik tahun lampau, dan dua bulan lampau turun", date(2014, 12, 10), grammar)
    assert [(t.text, t.value) for t in found] == [("tahun lampau", "2013"), ("dua bulan lampau", "2014-10")]


def test_a_rule_naming_a_word_no_table_knows_finds_nothing_instead_of_failing():
    words, rules = _raw("time_words.toml"), copy.deepcopy(_raw("timex_rules.toml"))
    rules["rule"].insert(0, {"name": "unknown_dir", "type": "DATE", "value": "deictic",
                             "pattern": r"(?P<unit>tahun)\s+(?P<dir>baheula)"})
    rules["rule"].insert(0, {"name": "unknown_normaliser", "type": "DATE", "value": "no_such_normaliser",
                             "pattern": r"zaman\s+baheula"})
    grammar = build(words, rules)
    assert tag("tahun baheula dan zaman baheula", date(2014, 12, 10), grammar) == []
    assert [t.value for t in tag("tahun lalu", date(2014, 12, 10), grammar)] == ["2013"]


def test_a_new_day_word_and_season_need_no_code():
    words = copy.deepcopy(_raw("time_words.toml"))
    words["seasons"]["words"]["musim salju"] = "WI"
    words["anchored_days"]["words"]["dua hari kemudiannya"] = 2
    grammar = build(words, _raw("timex_rules.toml"))
    found = tag("Ia tiba 3 Mei 2010; dua hari kemudiannya pergi. Musim salju 2011 dingin.", None, grammar)
    assert [(t.text, t.value) for t in found] == [("3 Mei 2010", "2010-05-03"), ("dua hari kemudiannya", "2010-05-05"),
                                                  ("Musim salju 2011", "2011-WI")]
