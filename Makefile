# Wegwijs: the verbs the README names. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help run test test-postgres lint check-content serve install install-dev

# The PostgreSQL server `make test-postgres` uses (pytest-django creates its own test database).
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres

help: ## List the verbs
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,postgres,redis]"
	touch $@

install: $(VENV)/.installed ## Create .venv, install everything (runtime and test tools), compile the translations
	$(BIN)/python manage.py compilemessages --ignore .venv --verbosity 0

run: install ## Install, migrate SQLite, load content/ and serve on http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_content --keep-admin-edits
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn wegwijs.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --limit-request-line 8190 --access-logfile -

serve: install ## Serve without reloading content (after `make run` once)
	$(BIN)/gunicorn wegwijs.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --limit-request-line 8190 --access-logfile -

check-content: install ## Check content/ without writing anything
	$(BIN)/python manage.py load_content --check

lint: install ## Ruff, the import layers, migrations that match the models, a complete Dutch catalogue
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python tools/check_catalogue.py

test: install lint ## Install and run the whole test suite
	$(BIN)/pytest -q

test-postgres: install ## Run the whole test suite again on PostgreSQL (POSTGRES_URL)
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -q -p no:cacheprovider
