# `make run` and `make test` work on a fresh machine with Python >= 3.11 and make:
# they create .venv when it is missing and install the project into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval schema setup clean bench bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) bytecode

# the package's bytecode, as pip writes it when it installs a wheel: an editable install leaves none, and where
# PYTHONDONTWRITEBYTECODE is set every process compiles every module again (0.15 s of CPU of each run)
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q pipeline

run: $(STAMP) bytecode
	$(BIN)/vnextract run data/raw --out data/out

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/vnextract eval data/gold/dev

# docs/SCHEMA.md is generated from pipeline/schema.py (tests/test_schema.py fails when they differ)
schema: $(STAMP)
	$(BIN)/python -m pipeline.schema docs/SCHEMA.md

# Throughput and memory against underthesea alone (bench/); `make bench N=500`, `make bench QUICK=1` for a smoke run
N ?= 2000
bench: $(STAMP) bytecode
	$(BIN)/python -m bench --n $(N) $(if $(QUICK),--quick)

clean:
	rm -rf data/out/* build *.egg-info
