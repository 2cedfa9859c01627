# Caseworker — every target sets up its own virtual environment first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup run demo test lint bench bench-instructions translations screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m caseworker.ui.i18n_build

# Opens the desktop app on a demo store (created on first run, with demo data).
run: $(STAMP) translations
	QT_QPA_PLATFORM= $(BIN)/caseworker demo

test: $(STAMP) translations
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

lint: $(STAMP)
	$(BIN)/ruff check caseworker tests
	$(BIN)/ruff format --check caseworker tests
	$(BIN)/mypy

bench: $(STAMP)
	CASEWORKER_BENCH=1 $(BIN)/python -m pytest tests/benchmarks -q -s -p no:xdist

# instructions per sync of the server code (valgrind): steady where wall times are not
bench-instructions: $(STAMP)
	$(BIN)/python -m tests.benchmarks.sync_instructions

clean:
	rm -rf $(VENV) build *.egg-info
