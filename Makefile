# One task runner for setup, the demo, tests, lint and benchmarks.
# Every target sets up what it needs; a fresh machine needs only python3 (3.11+) and make.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DIR ?= $(CURDIR)/build/demo

.PHONY: setup demo test lint typecheck pytest validate clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

## The main job: a practice round in the terminal (starter -> wrong -> right).
demo: setup
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@echo "== the bank"; $(VENV)/bin/mlkata list
	@echo; echo "== mlkata new scaled-dot-product-attention"
	@$(VENV)/bin/mlkata new scaled-dot-product-attention $(DEMO_DIR)/attention.py
	@echo; echo "== judging the untouched starter"
	@$(VENV)/bin/mlkata check scaled-dot-product-attention $(DEMO_DIR)/attention.py || true
	@echo; echo "== a typical mistake: the 1/sqrt(d_k) scale forgotten"
	@cp tests/solutions/scaled-dot-product-attention/missing_scale.py $(DEMO_DIR)/attention.py
	@$(VENV)/bin/mlkata check scaled-dot-product-attention $(DEMO_DIR)/attention.py || true
	@echo; echo "== fixed"
	@cp tests/solutions/scaled-dot-product-attention/einsum_stable.py $(DEMO_DIR)/attention.py
	@$(VENV)/bin/mlkata check scaled-dot-product-attention $(DEMO_DIR)/attention.py

## Everything: lint, type-check, then every test (slow ones last).
test: setup lint typecheck pytest

lint: setup
	$(VENV)/bin/ruff check server tests
	$(VENV)/bin/ruff format --check server tests

typecheck: setup
	$(VENV)/bin/mypy

pytest: setup
	$(PY) -m pytest -n 2 --dist loadgroup

validate: setup
	$(VENV)/bin/mlkata validate

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache .mypy_cache
