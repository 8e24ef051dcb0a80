from django.apps import AppConfig


class KecamatanConfig(AppConfig):
    """Kecamatan, its yearly profile (desa/kelurahan, SDM, sarana), organisation and officials.

    The root of the dependency chain: ``kecamatan`` ← ``perencanaan`` ← ``capaian``,
    ``anggaran`` ← the report in ``lkip``. This app imports none of them.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "kecamatan"
    verbose_name = "Kecamatan"
