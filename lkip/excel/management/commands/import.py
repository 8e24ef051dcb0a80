"""Replaces django-import-export's ``manage.py import``, which writes any model from a file
without the upload guard, the services' ``full_clean``, the review lock or the history's
reason. Workbooks are imported on the year's Excel page (``/k/<kecamatan>/<tahun>/excel/``)."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Dinonaktifkan: impor data melalui halaman Excel tahun kecamatan (pratinjau lalu terapkan)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("argumen", nargs="*")

    def handle(self, *args, **options) -> None:
        raise CommandError(
            "Perintah «import» dinonaktifkan: perintah itu menulis data tanpa pemeriksaan berkas, "
            "tanpa kunci tahun yang sedang direviu dan tanpa riwayat. Impor buku kerja melalui "
            "halaman Excel tahun kecamatan (/k/<kecamatan>/<tahun>/excel/)."
        )
