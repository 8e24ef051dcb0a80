"""Shared fixtures: the five seed kecamatan are loaded once per test session, and every
test runs in a transaction rolled back at its end, so tests may change them freely."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections

from kabupaten.services import katalog_muat
from lkip.laporan.muat import kecamatan_muat

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "kecamatan"
DATA = Path(__file__).resolve().parent / "data"
KATALOG = ROOT / "fixtures" / "kabupaten" / "katalog.json"
SEED = sorted(p.stem for p in FIXTURES.glob("*.json"))


def baca_dokumen(slug: str) -> dict:
    return json.loads((FIXTURES / f"{slug}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        for slug in SEED:
            kecamatan_muat(dokumen=baca_dokumen(slug))
        katalog_muat(dokumen=json.loads((KATALOG).read_text(encoding="utf-8")))
        # A transactional test (serialized_rollback) empties the database when it ends; it
        # starts from this state, seeds included, and so does the next one.
        for alias in connections:
            if hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = connections[
                    alias
                ].creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def statis_produksi(tmp_path_factory) -> Path:
    """A STATIC_ROOT gathered once by ``collectstatic`` under the production settings (hashed
    and compressed names, as ``make serve`` does), for the tests that start those settings."""
    folder = tmp_path_factory.mktemp("lkip-statis")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
        "DJANGO_SECRET_KEY": "uji-statis-bukan-rahasia-" + "x" * 40,
        "DJANGO_STATIC_ROOT": str(folder),
        "DATABASE_URL": "sqlite://:memory:",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        env=env, cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return folder
