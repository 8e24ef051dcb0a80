"""Settings for the test suite: fast hashing, and a missing template variable fails."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, TEMPLATES

SECRET_KEY = "uji-tidak-rahasia"
# Tasks run in the request that enqueues them, so a test sees their whole effect.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the concurrency tests share the database between threads and a live
    # server, with the same WAL journal and locking as the installed app.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}


class VariabelTemplateHilang(str):
    """Makes a missing template variable fail the test instead of printing an empty cell."""

    def __mod__(self, nama: object) -> str:
        from django.template import TemplateSyntaxError

        raise TemplateSyntaxError(f"Variabel template tidak ada: {nama}")

    def __contains__(self, teks: object) -> bool:
        return teks == "%s"


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = VariabelTemplateHilang("%s")

# Files the tests write (evidence, cached PDFs, zips) go to a throwaway folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lkip-uji-media-"))

# Each test runs inside one transaction that never commits, and the data version changes only
# on a commit: the ordinary tests read every page fresh; tests/kabupaten/test_cache.py turns the
# database cache on and commits.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
