"""Settings for a developer's machine and the demo served by ``make run``."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = SECRET_KEY or "lokal-tidak-rahasia-hanya-untuk-pengembangan"  # noqa: F405
