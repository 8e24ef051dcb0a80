"""Shared fixtures: the five seed kecamatan are loaded once per test session, and every
test runs in a transaction rolled back at its end, so tests may change them freely."""

import json
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
