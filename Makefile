# Konsil. `make run` serves the forum with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run test install install-run db demo demo-reset serve bench bench-images bench-presidio clean translations compile-translations

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Running needs the application and its dependencies only; the tests add pytest, Playwright, aiosmtpd.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

install-run: $(VENV)/.installed-run compile-translations

install: $(VENV)/.installed-test compile-translations

# Catalogues: translations/<lang>/LC_MESSAGES/messages.po are committed; the .mo files are built here.
compile-translations: $(VENV)/.installed-run
	$(BIN)/pybabel compile -d translations -f >/dev/null

# For translators: extract every string from the code, merge it into each catalogue, compile.
translations: $(VENV)/.installed-run
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k _ -k gettext -k ngettext:1,2 -k _l -k lazy_gettext -k lazy_ngettext:1,2 --no-location --sort-output -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel compile -d translations -f >/dev/null

db: install-run
	$(BIN)/flask db upgrade

demo: db
	$(BIN)/flask forum demo

# Throws the demo database away and loads a fresh demo (refused in production).
demo-reset: install-run
	$(BIN)/flask forum demo-reset --yes

run: demo
	@echo ""
	@echo "  Konsil is running at http://$(HOST):$(PORT)/  (stop with Ctrl-C)"
	@echo "  Start again from a fresh demo with: make demo-reset"
	@echo ""
	FORUM_ENV=development $(BIN)/flask run --host $(HOST) --port $(PORT)

test: install
	bash scripts/test.sh

# Production: gunicorn (deploy/gunicorn.conf.py) with the settings from the environment or .env
# (see .env.example): PostgreSQL in DATABASE_URL, Redis in RATELIMIT_STORAGE_URI, a SECRET_KEY.
serve: install-run
	bash scripts/serve.sh

# Concurrent posting against gunicorn on SQLite and PostgreSQL, with a killed worker; prints figures.
bench: install
	$(BIN)/python bench/durability.py

# Clinical images: recall, clean images flagged and seconds per image, the pipeline before and after its last
# change side by side, and Presidio's image redactor in its own environment (never a project dependency).
PRESIDIO_VENV := .venv-presidio
$(PRESIDIO_VENV)/.installed: bench/requirements-presidio.txt
	$(PYTHON) -m venv $(PRESIDIO_VENV)
	$(PRESIDIO_VENV)/bin/pip install --quiet -r bench/requirements-presidio.txt
	touch $@

bench-presidio: $(PRESIDIO_VENV)/.installed

bench-images: install bench-presidio
	$(BIN)/python bench/images.py --presidio-python $(PRESIDIO_VENV)/bin/python

clean:
	rm -rf $(VENV) $(PRESIDIO_VENV) instance
