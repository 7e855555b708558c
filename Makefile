# The two commands the README opens with. Each builds what it needs by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: timeline test bench

# Print the timeline of the seed articles (creates .venv and installs the package if needed).
timeline: $(VENV)/.installed
	@$(BIN)/timeline build seeds/*.txt

# Lint, type-check, run every test and example, and build the docs strictly.
test: $(VENV)/.installed-dev
	$(BIN)/ruff check timeline tests examples benchmarks
	$(BIN)/mypy timeline
	$(BIN)/pytest
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir .site

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/tag_throughput.py
	$(BIN)/python benchmarks/calibration.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@ $(VENV)/.installed
