from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.management.commands._umum import kecamatan_dari_slug
from lkip.laporan.pdf import html_lkip, pdf_dari_html
from lkip.laporan.selectors import tahun_tersedia


class Command(BaseCommand):
    help = "Cetak LKIP sebuah kecamatan untuk satu tahun ke berkas PDF (atau HTML dengan --html)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kecamatan", help="Kode kecamatan, mis. kalisat")
        parser.add_argument("tahun", type=int)
        parser.add_argument("-o", "--output", type=Path, required=True, help="Berkas keluaran, mis. lkip.pdf")
        parser.add_argument("--html", action="store_true", help="Tulis HTML, bukan PDF")

    def handle(self, *args, kecamatan: str, tahun: int, output: Path, html: bool, **options) -> None:
        kec = kecamatan_dari_slug(kecamatan)
        if not tahun_tersedia(kecamatan=kec, tahun=tahun):
            raise CommandError(f"Tidak ada data {kec} untuk tahun {tahun}.")
        isi = html_lkip(kecamatan=kec, tahun=tahun)
        if html:
            output.write_text(isi, encoding="utf-8")
        else:
            output.write_bytes(pdf_dari_html(isi))
        self.stdout.write(self.style.SUCCESS(f"LKIP {kec} tahun {tahun} ditulis ke {output}."))
