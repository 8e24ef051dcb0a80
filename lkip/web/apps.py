from django.apps import AppConfig


class WebConfig(AppConfig):
    """The pages kecamatan staff and the kabupaten use in the browser.

    Sits on top of every app (``kecamatan`` ← ``perencanaan`` ← ``capaian``, ``anggaran``);
    nothing imports it. Writes go through each app's ``services.py``; page data comes from
    ``selectors.py`` fully fetched.
    """

    name = "lkip.web"
    label = "web"
    verbose_name = "Halaman web"

    def ready(self) -> None:
        from kecamatan import alur
        from lkip.web.selectors import sidik_pengajuan

        if sidik_pengajuan not in alur.PENYIDIK:
            alur.PENYIDIK.append(sidik_pengajuan)
