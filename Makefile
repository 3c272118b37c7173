# `make run` and `make test` work on a fresh clone: they create .venv and install the project first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/timeline

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/bench.py

# Trains the named-entity model shipped in timeline/data/ner from ../shared/data/ner (the only target that reads ../shared).
model: $(STAMP)
	$(PY) scripts/train_ner.py --data ../shared/data/ner --out timeline/data/ner

clean:
	rm -rf $(VENV) build *.egg-info
