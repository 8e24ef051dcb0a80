"""Settings shared by every install.

Everything that differs between installs is read from the environment; the
database comes from one ``DATABASE_URL`` and defaults to a SQLite file.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ya", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Before import_export, so its own «import» command (which bypasses the upload guard, the
    # review lock and the history) is replaced by one that says where imports are made.
    "lkip.excel",
    "import_export",
    "django_htmx",
    "axes",
    "csp",
    "simple_history",
    "lkip.accounts",
    "kecamatan",
    "perencanaan",
    "capaian",
    "anggaran",
    "kabupaten",
    "reviu",
    "lkip.laporan",
    "lkip.web",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "lkip.web.middleware.PermissionsPolicyMiddleware",
    # Django's session middleware, saving an unchanged session at most once a minute.
    "lkip.web.middleware.SesiBergeser",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every history record written during a request names its user.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "lkip.web.middleware.TahunTerkunciJadiPesan",
    "lkip.laporan.middleware.RenderSetelahSimpan",
    # Last, so a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lkip.urls"
WSGI_APPLICATION = "lkip.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lkip.web.context_processors.tugas",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves an office: several people and the task worker write at once.
    # WAL lets readers go on while one writes; a writer waits its turn (timeout, seconds)
    # instead of failing at once; and a write transaction takes the lock when it begins
    # (IMMEDIATE), so two transactions never each hold a read lock and deadlock on the upgrade,
    # which SQLite answers with "database is locked" without waiting.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("LKIP_SQLITE_TIMEOUT", "20")),
        }
    )

# The kabupaten's dashboard and matrix rows are kept laid out in the cache, one per kecamatan and
# year under that kecamatan's data version (umum/versi_data.py). In the database, so every
# gunicorn process and every machine shares one cache and one set of versions, written right
# after the data they follow commit: ``migrate`` makes its table (kabupaten migration 0002,
# ``createcachetable``). Room for a province: 660 kecamatan × 5 years × 2 pages, and their versions.
CACHES = {
    "default": {
        # Only to measure without it (bench/beban.py --tanpa-cache): the dummy backend.
        "BACKEND": os.environ.get("LKIP_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": "lkip_cache",
        "TIMEOUT": int(os.environ.get("LKIP_CACHE_DETIK", str(24 * 60 * 60))),
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LKIP_CACHE_MAKS", "20000"))},
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia"))]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:beranda"
LOGOUT_REDIRECT_URL = "login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout after repeated failed logins for one user name from one address.
AXES_FAILURE_LIMIT = int(os.environ.get("LKIP_LOGIN_GAGAL_MAKS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_CLIENT_IP_CALLABLE = "lkip.accounts.klien.alamat_klien"
# Where the client's address comes from: empty means the connection's own (REMOTE_ADDR), as
# when the app is reached directly; production reads the header its reverse proxy sets.
LKIP_HEADER_ALAMAT_KLIEN = ""
LKIP_JUMLAH_PROXY = 1

# A session ends after eight idle hours, and when the browser closes. The idle clock is reset
# by ``lkip.web.middleware.SesiBergeser`` at most once a minute, not by a write on every request.
SESSION_COOKIE_AGE = 8 * 60 * 60
LKIP_SESI_PERBARUI_DETIK = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

STATICFILES_DIRS = [BASE_DIR / "static"]

# Evidence uploads: the largest file accepted (bytes).
LKIP_BUKTI_MAKS_BYTE = int(os.environ.get("LKIP_BUKTI_MAKS_BYTE", str(5 * 1024 * 1024)))

# Excel imports (lkip/excel/aman.py): the largest upload, the largest XML part and all parts
# together once unzipped (a zip bomb is refused by these declared sizes before anything is
# inflated), and the most rows read from one sheet.
LKIP_IMPOR_MAKS_BYTE = int(os.environ.get("LKIP_IMPOR_MAKS_BYTE", str(5 * 1024 * 1024)))
LKIP_IMPOR_BAGIAN_MAKS_BYTE = 64 * 1024 * 1024
LKIP_IMPOR_TOTAL_MAKS_BYTE = 128 * 1024 * 1024
LKIP_IMPOR_BARIS_MAKS = int(os.environ.get("LKIP_IMPOR_BARIS_MAKS", "5000"))
#: An upload kept for its preview and never applied or cancelled is removed after this long.
LKIP_IMPOR_SIMPAN_JAM = int(os.environ.get("LKIP_IMPOR_SIMPAN_JAM", "24"))

# The admin's import of reference data (lkip/excel/admin_impor.py): one transaction per import,
# open to staff who may add and change the model, export to those who may view it.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# Background work (bulk LKIP printing) runs through Django's task framework with a database
# queue: no extra server, only the worker process `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Processes that lay out PDFs side by side in a bulk print (one per core by default).
LKIP_CETAK_PROSES = int(os.environ.get("LKIP_CETAK_PROSES", str(os.cpu_count() or 1)))

# Content-Security-Policy: scripts, styles, fonts, images and requests from this site only; no
# inline script, style or on* handler anywhere (JavaScript lives in static/). htmx runs under
# it because its inline indicator style is switched off (htmx-config in base.html).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features the app never uses, switched off (lkip.web.middleware).
LKIP_PERMISSIONS_POLICY = {
    fitur: []
    for fitur in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
}

# A bulk print whose worker has not reported for this long is taken as dead: it is resumed
# (finished reports come from the PDF cache) up to LKIP_CETAK_PERCOBAAN_MAKS times, then failed.
LKIP_CETAK_DETAK_MATI_DETIK = int(os.environ.get("LKIP_CETAK_DETAK_MATI_DETIK", "300"))
LKIP_CETAK_PERCOBAAN_MAKS = int(os.environ.get("LKIP_CETAK_PERCOBAAN_MAKS", "3"))
# Finished bulk-print zips are removed after this many days.
LKIP_CETAK_SIMPAN_HARI = int(os.environ.get("LKIP_CETAK_SIMPAN_HARI", "7"))
# PDF cache: entries unused this many days are removed, and all but the newest few of a year.
LKIP_PDF_SIMPAN_HARI = int(os.environ.get("LKIP_PDF_SIMPAN_HARI", "30"))
LKIP_PDF_SIMPAN_PER_TAHUN = int(os.environ.get("LKIP_PDF_SIMPAN_PER_TAHUN", "3"))
# Quiet period after a save before the year's report is laid out again in the background.
LKIP_RENDER_JEDA_DETIK = int(os.environ.get("LKIP_RENDER_JEDA_DETIK", "20"))
