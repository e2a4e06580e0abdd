# Two commands for a new user: `make run` serves the forum, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000
# make test runs one pytest worker per core (pytest-xdist); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto

# The compiled catalogs, one .mo beside each .po (find skips the zh_Hans_CN link to zh_CN).
CATALOGS := $(patsubst %.po,%.mo,$(shell find forum/translations -name '*.po'))

.PHONY: run test lint translations install init serve clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed

## translations: compile the message catalogs whose .po changed (the app never writes them)
translations: $(CATALOGS)

%.mo: %.po | $(VENV)/.installed
	PYTHON=$(PY) bin/compile-translations $<

init: install
	$(FLASK) forum init

serve:
	FORUM_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py wsgi:app

## run: install, build and seed the database, serve on http://127.0.0.1:5000
run: translations init serve

## lint: ruff's checks (pyproject.toml)
lint: install
	$(VENV)/bin/ruff check .

## test: install, lint and run the whole test suite (browser tests need /usr/bin/chromium)
test: install translations lint
	$(VENV)/bin/pytest -q -n $(TEST_WORKERS) --dist loadfile

clean:
	rm -rf $(VENV) instance $(CATALOGS)
