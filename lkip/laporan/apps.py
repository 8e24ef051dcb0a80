from django.apps import AppConfig


class LaporanConfig(AppConfig):
    """The LKIP report: consumes every app (kecamatan, perencanaan, capaian, anggaran).

    Nothing imports the report.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "lkip.laporan"
    label = "laporan"
    verbose_name = "Laporan LKIP"
