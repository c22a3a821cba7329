# Mend from a fresh clone: `make run` and `make test` are the whole set-up.
# Everything lives in a virtual environment, .venv, made on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test playground check-prompts new-key bench lint messages help

## run: install Mend and run it: on Telegram with a token in .env, else the playground
run: $(VENV)/.installed
	$(BIN)/python -m bot

## test: install what the tests need and run the whole suite, exactly as CI does
test: $(VENV)/.installed-dev
	@test -x /usr/bin/chromium || echo "make test: no /usr/bin/chromium, so the browser test is skipped (Debian: apt-get install chromium)"
	$(BIN)/python -m pytest -q -n 4

## playground: the playground even with a token set (PORT=8080 by default)
playground: $(VENV)/.installed
	$(BIN)/python -m bot playground $(if $(PORT),--port $(PORT))

## check-prompts: validate a prompt library (DIR=... , default PROMPTS_DIR or prompts/)
check-prompts: $(VENV)/.installed
	$(BIN)/python -m bot check-prompts $(DIR)

## new-key: print a fresh BOT_DATA_KEY
new-key: $(VENV)/.installed
	@$(BIN)/python -m bot new-key

## bench: the performance benchmark (ARGS=--quick by default; --smoke, --full)
bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench $(or $(ARGS),--quick)

## lint: the linters CI runs (ruff, ruff format, mypy)
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot

## messages: extract the marked strings into bot/locales/messages.pot and update each catalog
messages: $(VENV)/.installed-dev
	$(BIN)/pybabel extract -F babel.cfg -k N_ --add-comments=Translators: --add-location=file \
		--sort-by-file --project=Mend --copyright-holder="Mend contributors" \
		-o bot/locales/messages.pot .
	$(BIN)/pybabel update -i bot/locales/messages.pot -d bot/locales --ignore-obsolete

## help: this list
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed
