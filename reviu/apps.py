from django.apps import AppConfig


class ReviuConfig(AppConfig):
    """Review notes: Inspektorat and Bappeda attach a threaded note to a year, a report section,
    an indicator, a budget row or a piece of evidence; the kecamatan replies, the reviewer closes.

    Depends on ``kecamatan``, ``perencanaan``, ``capaian`` and ``anggaran`` (what a note is about);
    the web pages in ``lkip`` build on it. The workflow in ``kecamatan.alur`` learns of the open
    notes through ``alur.CATATAN_TERBUKA``, registered here, so it does not import this app.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "reviu"
    verbose_name = "Catatan reviu"

    def ready(self) -> None:
        from kecamatan import alur
        from reviu.selectors import ringkasan_catatan_terbuka

        if ringkasan_catatan_terbuka not in alur.CATATAN_TERBUKA:
            alur.CATATAN_TERBUKA.append(ringkasan_catatan_terbuka)
