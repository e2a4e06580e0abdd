# Two commands for a new user: `make run` serves the forum, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install init serve clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed

init: install
	$(FLASK) forum init

serve:
	$(VENV)/bin/gunicorn --preload --workers 2 --bind $(HOST):$(PORT) --access-logfile - wsgi:app

## run: install, build and seed the database, serve on http://127.0.0.1:5000
run: init serve

## test: install and run the whole test suite (browser tests need /usr/bin/chromium)
test: install
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) instance
