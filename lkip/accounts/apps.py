from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users and their roles. Part of the project package ``lkip``; depends on ``kecamatan``."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "lkip.accounts"
    label = "accounts"
    verbose_name = "Akun pengguna"
