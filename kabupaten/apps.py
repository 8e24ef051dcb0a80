from django.apps import AppConfig


class KabupatenConfig(AppConfig):
    """The kabupaten's view over every kecamatan: the catalogue of shared indicators, the
    mapping of each kecamatan's indicators onto it, the dashboard, the comparison matrix and the
    trend.

    Depends on ``kecamatan``, ``perencanaan``, ``capaian``, ``anggaran`` and ``reviu`` (after
    them in the dependency order); it reads scores through ``capaian.selectors`` and never
    scores itself, and counts open review notes through ``reviu.selectors``.
    The report in ``lkip`` does not import it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "kabupaten"
    verbose_name = "Kabupaten"

    def ready(self) -> None:
        # The dashboard and the matrix are cached under the data version; every write renews it.
        from umum.versi_data import sambungkan

        sambungkan()
