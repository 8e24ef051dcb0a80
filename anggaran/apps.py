from django.apps import AppConfig


class AnggaranConfig(AppConfig):
    """The budget tree program → kegiatan → sub kegiatan with pagu, realisasi and outputs.

    Depends on ``kecamatan`` and ``perencanaan`` (a sub kegiatan supports a sasaran);
    the report in ``lkip`` builds on it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "anggaran"
    verbose_name = "Anggaran"
