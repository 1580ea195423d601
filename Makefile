# parallax: `make demo` and `make test` set everything up on a fresh machine (virtual env, pinned
# dependencies, models) and then do their job. Nothing is downloaded at run time.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.parallax-setup
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test lint bench eval lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/parallax prepare-models
	@touch $(STAMP)

demo: setup
	$(BIN)/parallax brief examples/harbour-fire/ --words 120 -o report.html
	$(BIN)/parallax brief examples/harbour-fire/ --words 120
	@echo "wrote report.html (open it in a browser); JSON: $(BIN)/parallax brief examples/harbour-fire/ --format json"

test: setup lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check parallax tests benchmarks
	$(BIN)/ruff format --check parallax tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m benchmarks.run

# the full DUC 2004 evaluation, failing below the pinned ROUGE floors (CI runs a fixed subset in make test)
eval: setup
	$(BIN)/parallax eval duc2004 ../shared/eval/duc2004/duc2004_task2.jsonl --floors benchmarks/rouge_floors.json

lock:
	{ head -2 requirements.lock; $(BIN)/python -m pip freeze --all --exclude-editable \
	  | grep -v -E '^(pip|parallax-news)==' | sed 's/^torch==\(.*\)+cpu$$/torch==\1/'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache report.html
