# One task runner for setup, the demo, tests, lint and benchmarks.
# Every target sets up what it needs; a fresh machine needs only python3 (3.11+) and make.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DIR ?= $(CURDIR)/build/demo

.PHONY: setup demo demo-cli bench bench-validate test test-fast lint typecheck pytest e2e node validate clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

## The main job: build the extension and open it in VS Code (desktop `code`, else the browser
## VS Code on 127.0.0.1:8080 with the extension installed and a practice folder open: the ML Kata view
## and its walkthrough first). The practice folder is ~/.local/share/mlkata/practice (outside the clone,
## kept by `make clean`; MLKATA_PRACTICE=DIR to choose another).
demo: setup
	client/scripts/start-vscode.sh

## The same judge in the terminal: a practice round (starter -> a classic mistake -> a fix).
demo-cli: setup
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

## Everything: lint, type-check, every Python test (slow ones last), then the extension in a real VS Code.
test: setup lint typecheck pytest e2e

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node: node_modules/.installed

## The packaged extension (.vsix, unpacked) in code-server: a mocha suite in the real extension host.
e2e: setup node
	npm run --silent typecheck
	MLKATA_PYTHON=$(abspath $(PY)) npm run --silent package
	npm run --silent build:test
	rm -rf build/e2e-ext && $(PY) -m zipfile -e mlkata-*.vsix build/e2e-ext
	client/e2e/setup.sh
	MLKATA_E2E_PYTHON=$(abspath $(PY)) MLKATA_E2E_EXTENSION_PATH=$(CURDIR)/build/e2e-ext/extension \
	MLKATA_E2E_PLAIN_PYTHON="$$($(PYTHON) -c 'import torch' 2>/dev/null || command -v $(PYTHON))" node client/e2e/run.js

## Save -> diagnostics latency beside its floor and a cold pytest; writes docs/benchmarks.md.
bench: setup
	$(PY) bench/latency.py

## Whole-bank validation: the batch path beside the cold one; writes docs/validate-benchmark.md.
bench-validate: setup
	$(PY) bench/validate.py --out docs/validate-benchmark.md

lint: setup
	$(VENV)/bin/ruff check server tests bench
	$(VENV)/bin/ruff format --check server tests bench

typecheck: setup
	$(VENV)/bin/mypy

pytest: setup
	$(PY) -m pytest -n 2 --dist loadgroup

## The inner loop (about a minute): lint, types, every test not marked slow, and a sample of the slow
## ones that keeps every module covered (one golden solution per problem, every starter, the
## language server's commands and diagnostics). No VS Code.
test-fast: setup lint typecheck
	$(PY) -m pytest -n 2 --dist loadgroup -m "not slow or fast"

validate: setup
	$(VENV)/bin/mlkata validate

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache .mypy_cache
