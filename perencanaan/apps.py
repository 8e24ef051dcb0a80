from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    """The chain of plans: Renstra (+ Perubahan) → tujuan → sasaran → indikator, RKT and PK.

    Depends on ``kecamatan`` only; ``capaian``, ``anggaran`` and the report build on it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "perencanaan"
    verbose_name = "Perencanaan kinerja"
