# Two commands a newcomer needs: `make run` and `make test`. Both are idempotent.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.terpasang
HOST ?= 127.0.0.1
PORT ?= 8000
FIXTURES := $(sort $(wildcard fixtures/kecamatan/*.json))

.PHONY: run serve test install data lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## data: migrate, load the five seed kecamatan (and only them: synthetic ones are removed), the
## kabupaten's indicator catalogue with their mappings, and (re)create the demo accounts
data: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py hapus_kecamatan_sintetis --verbosity 0
	$(PY) manage.py muat_kecamatan $(FIXTURES)
	$(PY) manage.py muat_katalog fixtures/kabupaten/katalog.json
	$(PY) manage.py buat_akun_demo

## run: everything a fresh machine needs, then serve the app on SQLite with the demo data;
## the task worker (bulk LKIP printing) runs beside the server and stops with it
run: data
	$(PY) manage.py db_worker & pekerja=$$!; \
	trap 'kill $$pekerja 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## serve: the production settings against DATABASE_URL (PostgreSQL in a real install, see
## docs/deploy.md): migrate, collect the static files, then gunicorn (deploy/gunicorn.conf.py:
## 2 × cores + 1 processes, GUNICORN_WORKERS to change) and the task worker beside it.
## Needs DJANGO_SECRET_KEY; without TLS in front, DJANGO_SECURE_SSL_REDIRECT=0.
serve: export DJANGO_SETTINGS_MODULE = lkip.settings.production
serve: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "DJANGO_SECRET_KEY belum diisi (lihat docs/deploy.md)."; exit 1; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py db_worker & pekerja=$$!; \
	trap 'kill $$pekerja 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn lkip.wsgi --config deploy/gunicorn.conf.py --bind $(HOST):$(PORT)

## test: the whole suite on the database named by DATABASE_URL (SQLite when unset)
test: install
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm test-db.sqlite3* .pytest_cache .ruff_cache
