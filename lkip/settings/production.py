"""Settings for a production install: every secret comes from the environment."""

import os

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env_bool

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Static files are served by the app itself (WhiteNoise), from what ``collectstatic`` gathered
# into STATIC_ROOT: each file under a name carrying its content hash, with gzip and Brotli copies
# beside it, so browsers keep them for a year and a new release never serves a stale stylesheet.
# Right after SecurityMiddleware, so a static file skips the rest of the stack.
_nomor = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [*MIDDLEWARE[:_nomor], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[_nomor:]]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Only the hashed copies are kept (and compressed): every page names its static files through
# ``{% static %}``, and the PDF renderer finds them through the same manifest.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# The app is reached only through the reverse proxy, which sets the client's address; the
# login lockout keys on it, so one person cannot lock a named user out for everyone.
LKIP_HEADER_ALAMAT_KLIEN = os.environ.get("DJANGO_PROXY_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
LKIP_JUMLAH_PROXY = int(os.environ.get("DJANGO_PROXY_COUNT", "1"))

# Every error goes to stderr, where the service manager (systemd, a container) keeps it: a 500
# with its traceback, a refused request, a failed background print. Nothing is mailed.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "baris": {"format": "{asctime} {levelname} {name} [{process:d}] {message}", "style": "{"},
    },
    "filters": {"jejak_5xx": {"()": "lkip.log.JejakHanyaGalatServer"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "baris",
            "filters": ["jejak_5xx"],
        },
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
