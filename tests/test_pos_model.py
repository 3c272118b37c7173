"""The shipped part-of-speech tagger (timeline/lang/id/models/pos, trained by scripts/train_pos.py)
and the lemma function of timeline.nlp.pos.

tests/data/pos-heldout.tsv is the first 300 sentences of the tagger's test split (nlp-id corpus,
sentence index % 20 == 0; never trained on), written by `scripts/train_pos.py --heldout`.
The news sentences below are written for these tests; none is from the training data.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from timeline.nlp import pos

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "timeline" / "lang" / "id" / "models" / "pos"
HELDOUT = ROOT / "tests" / "data" / "pos-heldout.tsv"

# Measured on tests/data/pos-heldout.tsv with the shipped model (scores.json: scores.heldout).
MEASURED_ACCURACY = 0.9971
MEASURED_VB_RECALL = 0.9954


def read_tsv(path: Path):
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        word, tag = line.split("\t")[:2]
        cur.append((word, tag))
    if cur:
        sents.append(cur)
    return sents


@pytest.fixture(scope="module")
def nlp():
    assert (MODEL_DIR / "config.cfg").is_file(), f"no model in {MODEL_DIR}; run `make model`"
    return pos.load()


@pytest.fixture(scope="module")
def heldout_tagged(nlp):
    from spacy.tokens import Doc

    sents = read_tsv(HELDOUT)
    docs = nlp.pipe([Doc(nlp.vocab, words=[w for w, _ in s]) for s in sents], batch_size=256)
    return [(s, [t.tag_ for t in d]) for s, d in zip(sents, docs)]


def test_heldout_sample_is_the_300_sentence_test_slice():
    sents = read_tsv(HELDOUT)
    assert len(sents) == 300
    assert sum(map(len, sents)) > 3000


def test_heldout_accuracy(heldout_tagged):
    pairs = [(g, p) for s, tags in heldout_tagged for (_, g), p in zip(s, tags)]
    acc = sum(g == p for g, p in pairs) / len(pairs)
    assert acc >= MEASURED_ACCURACY - 0.01, f"accuracy {acc:.4f} on {len(pairs)} held-out tokens"


def test_heldout_verb_recall(heldout_tagged):
    verbs = [(g, p) for s, tags in heldout_tagged for (_, g), p in zip(s, tags) if g == "VB"]
    recall = sum(p == "VB" for _, p in verbs) / len(verbs)
    assert recall >= MEASURED_VB_RECALL - 0.02, f"VB recall {recall:.4f} on {len(verbs)} held-out verbs"


@pytest.mark.parametrize(
    "text, verbs",
    [
        ("KPK menahan dua pejabat dinas pekerjaan umum setelah memeriksa mereka selama sembilan jam.",
         ["menahan", "memeriksa"]),
        ("Polisi menangkap seorang pria yang diduga mencuri sepeda motor di Bekasi, Sabtu (12/4).",
         ["menangkap", "diduga", "mencuri"]),
        ("Pemerintah provinsi akan membangun jembatan baru dan memperbaiki jalan desa yang rusak akibat banjir.",
         ["membangun", "memperbaiki"]),
        ("Gubernur itu ditetapkan sebagai tersangka dan langsung dibawa ke rumah tahanan.",
         ["ditetapkan", "dibawa"]),
        ("Ribuan warga mengungsi setelah sungai meluap dan merendam permukiman mereka.",
         ["mengungsi", "meluap", "merendam"]),
    ],
)
def test_news_verbs_are_vb(nlp, text, verbs):
    doc = nlp(text)
    tags = {t.text: t.tag_ for t in doc}
    assert all(tags.get(v) == "VB" for v in verbs), [(t.text, t.tag_) for t in doc]


def test_clitic_on_a_verb_keeps_the_verb_tag(nlp):
    # spaCy keeps `menetapkannya` whole; its tag is the host word's (see SOURCES.md)
    doc = nlp("Jaksa kemudian menetapkannya sebagai tersangka.")
    assert [t.tag_ for t in doc if t.text == "menetapkannya"] == ["VB"], [(t.text, t.tag_) for t in doc]


def test_pipeline_shape(nlp):
    assert nlp.lang == "id"
    assert nlp.pipe_names == ["tok2vec", "tagger"]
    assert {"NN", "NNP", "VB", "JJ", "SYM"} <= set(nlp.get_pipe("tagger").labels)
    assert not nlp.vocab.vectors.shape[0], "the model is trained without word vectors"
    assert [t.tag_ for t in nlp("")] == []


def test_saved_tokenizer_is_spacy_default(nlp):
    saved = (MODEL_DIR / "tokenizer").read_bytes()
    assert saved == nlp.tokenizer.to_bytes(exclude=["vocab"]), (
        "the shipped tokenizer differs from this spaCy's default Indonesian tokenizer "
        "(spaCy upgraded?): retrain with `make model`"
    )


def test_same_tags_as_a_plain_spacy_load(nlp):
    plain = spacy.load(MODEL_DIR)
    text = "Menteri Keuangan mengatakan harga minyak dunia turun tajam sejak awal November."
    assert [(t.text, t.tag_) for t in plain(text)] == [(t.text, t.tag_) for t in nlp(text)]


def test_model_is_small():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 6_000_000, f"model directory is {size / 1e6:.1f} MB"


def test_sources_and_licence_ship_with_the_model():
    assert (MODEL_DIR / "SOURCES.md").is_file()
    assert (MODEL_DIR / "scores.json").is_file()
    assert "MIT" in (MODEL_DIR / "LICENSE-nlp-id").read_text(encoding="utf-8")


def test_missing_model_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_POS_MODEL", str(tmp_path / "nowhere"))
    pos.load.cache_clear()
    try:
        with pytest.raises(pos.ModelMissing, match="make model"):
            pos.load()
    finally:
        monkeypatch.delenv("TIMELINE_POS_MODEL")
        pos.load.cache_clear()


@pytest.mark.parametrize(
    "word, root",
    [("menetapkan", "tetap"), ("ditangkap", "tangkap"), ("pemeriksaan", "periksa"),
     ("Banjir", "banjir"), (",", ","), ("2024", "2024")],
)
def test_lemma(word, root):
    assert pos.lemma(word) == root


def test_the_tagger_shares_the_named_entity_models_tokenizer(nlp):
    # one tokenizer built, not two (two seconds of every build); the tags are still those of the
    # model loaded alone (test_same_tags_as_a_plain_spacy_load, tests/test_blas.py)
    from timeline.nlp.entities import ner_model

    assert nlp.tokenizer is ner_model().tokenizer and nlp.vocab is ner_model().vocab
    assert {"NN", "NNP", "VB"} <= {t.tag_ for t in nlp("Presiden Joko Widodo meresmikan bendungan itu.")}


def test_an_active_verb_form_the_tagger_took_for_a_noun_is_a_verb_to_the_parser():
    """`merapat` (meN- on `rapat`) tagged NN is a verb for the parser and the headline's checks;
    a noun that only looks like one (`menteri`, a root of its own) stays a noun."""
    from timeline.nlp import verb_tag

    assert verb_tag("merapat", "NN") == "VB"
    assert verb_tag("menteri", "NN") == "NN"
    assert verb_tag("Kupang", "NNP") == "NNP"
