# Every target sets itself up: a .venv with the pinned dependencies (requirements.lock).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= realpolitik.duckdb

.PHONY: run test lint venv eval clean services

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/realpolitik ingest examples --db $(DB)
	$(BIN)/realpolitik stats --db $(DB)

services:
	bash scripts/services.sh

lint: $(STAMP)
	$(BIN)/ruff check realpolitik
	$(BIN)/mypy

test: $(STAMP) services lint
	. ./.services.env 2>/dev/null; $(BIN)/python -m pytest -q -n 2 --dist loadfile

# The project's own gold set always; the shared gold sets when the checkout sits beside them
# (they are not in the repository: a fresh clone elsewhere has none, and says so).
SHARED ?= ../shared
eval: $(STAMP)
	$(BIN)/realpolitik eval tests/data/support_sentences.jsonl --no-progress
	@if ls $(SHARED)/eval/*.jsonl >/dev/null 2>&1; then \
		for f in $(SHARED)/eval/*.jsonl; do $(BIN)/realpolitik eval $$f --no-progress || exit 1; done; \
	else echo "note: no gold sets in $(SHARED)/eval (set SHARED=PATH to score them)"; fi

clean:
	rm -rf $(VENV) .services.env $(DB)
