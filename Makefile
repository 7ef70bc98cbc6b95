# The two commands: `make run` (portal on the embedded default) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-slow bench lint format messages compilemessages chromium htmlchecker

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e ".[dev]"
	touch $@ $(VENV)/.runtime

compilemessages: $(VENV)/.runtime
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v0

# The server, the task worker (imports, harvests, previews) and the scheduler, stopped together.
run: $(VENV)/.runtime compilemessages
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	@echo "Portal: http://127.0.0.1:$(PORT)/   admin: http://127.0.0.1:$(PORT)/admin/   mail: var/mail/"
	@export TASKS_BACKEND=database; \
	$(BIN)/python manage.py db_worker & worker=$$!; \
	$(BIN)/python manage.py scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# The Nu Html Checker for the valid-HTML tests: Debian's Java and the vnu-jar package from npm.
VNU_VERSION := 26.9.27
htmlchecker:
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null)
	@test -f .cache/vnu/node_modules/vnu-jar/package.json && grep -q '"version": "$(VNU_VERSION)"' .cache/vnu/node_modules/vnu-jar/package.json \
		|| npm install --prefix .cache/vnu --ignore-scripts --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)

test: $(VENV)/.dev compilemessages chromium htmlchecker
	$(BIN)/python -m pytest -m "not slow"

# The long runs (the full 10,000-request fuzz and the like), kept out of `make test`.
test-slow: $(VENV)/.dev compilemessages chromium htmlchecker
	$(BIN)/python -m pytest -m slow

bench: $(VENV)/.dev compilemessages
	$(BIN)/python bench/run.py

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the vi/en catalogues after changing UI strings; translate the new entries, then commit.
messages: $(VENV)/.runtime
	$(BIN)/python manage.py makemessages -l vi -l en --ignore=.venv --ignore=var --ignore=static_collected --no-obsolete
