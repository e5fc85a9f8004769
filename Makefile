# Konsil. `make run` serves the forum with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run test install db demo serve bench clean translations compile-translations

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed compile-translations

# Catalogues: translations/<lang>/LC_MESSAGES/messages.po are committed; the .mo files are built here.
compile-translations: $(VENV)/.installed
	$(BIN)/pybabel compile -d translations -f >/dev/null

# For translators: extract every string from the code, merge it into each catalogue, compile.
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k ngettext -k lazy_ngettext --no-location --sort-output -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel compile -d translations -f >/dev/null

db: install
	$(BIN)/flask db upgrade

demo: db
	$(BIN)/flask forum demo

run: demo
	@echo ""
	@echo "  Konsil is running at http://$(HOST):$(PORT)/  (stop with Ctrl-C)"
	@echo "  Demo logins use the password above, e.g. nurse@demo.konsil.example or admin@demo.konsil.example"
	@echo ""
	FORUM_ENV=development $(BIN)/flask run --host $(HOST) --port $(PORT)

test: install
	bash scripts/test.sh

# Production: gunicorn (deploy/gunicorn.conf.py) with the settings from the environment or .env
# (see .env.example): PostgreSQL in DATABASE_URL, Redis in RATELIMIT_STORAGE_URI, a SECRET_KEY.
serve: install
	bash scripts/serve.sh

# Concurrent posting against gunicorn on SQLite and PostgreSQL, with a killed worker; prints figures.
bench: install
	$(BIN)/python bench/durability.py

clean:
	rm -rf $(VENV) instance
