from django.apps import AppConfig


class LaporanConfig(AppConfig):
    """The LKIP report: consumes every app (kecamatan, perencanaan, capaian, anggaran).

    Nothing imports the report.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "lkip.laporan"
    label = "laporan"
    verbose_name = "Laporan LKIP"

    def ready(self) -> None:
        from kecamatan import alur
        from lkip.laporan.periksa import pesan_galat
        from lkip.laporan.services import laporan_bekukan

        if pesan_galat not in alur.PEMERIKSA:
            alur.PEMERIKSA.append(pesan_galat)
        if laporan_bekukan not in alur.SETELAH_DISETUJUI:
            alur.SETELAH_DISETUJUI.append(laporan_bekukan)
