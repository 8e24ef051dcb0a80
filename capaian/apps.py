from django.apps import AppConfig


class CapaianConfig(AppConfig):
    """Realisasi (year, triwulan), evidence, analysis text, predikat scales and scoring.

    Depends on ``kecamatan`` and ``perencanaan``; the report in ``lkip`` builds on it.
    ``scoring.py`` is pure and imports no Django at all.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "capaian"
    verbose_name = "Capaian kinerja"
