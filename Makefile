# `make run` and `make test` work on a fresh clone: they create .venv and install the project first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench fuzz model clean

# constraints.txt pins every package to the version the tests passed with (see its head).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/timeline

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/bench.py

# The property-based tests of tests/test_properties.py with 20,000 examples each (make test runs 40).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_properties.py -p no:cacheprovider

# Trains the named-entity model shipped in timeline/lang/id/models/ner from ../shared/data/ner and the
# part-of-speech tagger shipped in timeline/lang/id/models/pos from ../shared/data/pos (with the
# lemma comparison on ../shared/data/ud), the dependency parser shipped in
# timeline/lang/id/models/parser from ../shared/data/ud, the common words of lang/id/common_words.txt
# (from ../shared/data/pos), and the event and merge models
# -- the only target that reads ../shared.
model: $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,model]'
	$(PY) scripts/train_ner.py --data ../shared/data/ner --out timeline/lang/id/models/ner
	$(PY) scripts/train_pos.py --data ../shared/data/pos --ud ../shared/data/ud --out timeline/lang/id/models/pos --heldout tests/data/pos-heldout.tsv
	$(PY) scripts/train_parser.py --ud ../shared/data/ud --out timeline/lang/id/models/parser
	$(PY) scripts/common_words.py --data ../shared/data/pos --out timeline/lang/id/common_words.txt
	$(PY) scripts/train_events.py --stories ../shared/data/stories --labels tests/data/event-labels.jsonl \
		--label-inputs seeds tests/data/kompas-dev --merge-labels tests/data/merge-labels.jsonl \
		--out timeline/lang/id/models/events.json --threshold 0.25 \
		--merge-out timeline/lang/id/models/merge.json --merge-threshold 0.15

clean:
	rm -rf $(VENV) build *.egg-info
