"""Settings for the test suite: fast hashing, and a missing template variable fails."""

from .base import *  # noqa: F403
from .base import TEMPLATES

SECRET_KEY = "uji-tidak-rahasia"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = "VARIABEL TEMPLATE TIDAK ADA: %s"
