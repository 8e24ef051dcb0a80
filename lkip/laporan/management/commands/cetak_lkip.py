from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.management.commands._umum import kecamatan_dari_slug
from lkip.laporan.pdf import html_lkip, pdf_dari_html
from lkip.laporan.selectors import laporan_disetujui_berlaku, tahun_tersedia
from lkip.laporan.services import baris_disetujui


class Command(BaseCommand):
    help = (
        "Cetak LKIP sebuah kecamatan untuk satu tahun ke berkas PDF (atau HTML dengan --html). "
        "Tahun yang sudah Disetujui atau Terkunci dicetak dari PDF yang dibekukan saat disetujui."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kecamatan", help="Kode kecamatan, mis. kalisat")
        parser.add_argument("tahun", type=int)
        parser.add_argument("-o", "--output", type=Path, required=True, help="Berkas keluaran, mis. lkip.pdf")
        parser.add_argument("--html", action="store_true", help="Tulis HTML, bukan PDF")

    def handle(self, *args, kecamatan: str, tahun: int, output: Path, html: bool, **options) -> None:
        kec = kecamatan_dari_slug(kecamatan)
        if not tahun_tersedia(kecamatan=kec, tahun=tahun):
            raise CommandError(f"Tidak ada data {kec} untuk tahun {tahun}.")
        beku = laporan_disetujui_berlaku(kecamatan=kec, tahun=tahun)
        if beku is not None and not html:
            if not beku.berkas.storage.exists(beku.berkas.name):
                raise CommandError(
                    f"Berkas PDF LKIP {kec} tahun {tahun} versi {beku.versi} yang disetujui tidak ditemukan."
                )
            with beku.berkas.open("rb") as berkas:
                output.write_bytes(berkas.read())
            self.stdout.write(
                self.style.SUCCESS(
                    f"LKIP {kec} tahun {tahun} versi {beku.versi} yang disetujui "
                    f"(SHA-256 {beku.sha256_pdf[:12]}…) ditulis ke {output}."
                )
            )
            return
        # The HTML of an approved year carries its approval line; its data are locked since.
        baris = baris_disetujui(nama=beku.disetujui_oleh, pada=beku.disetujui_pada) if beku else ""
        isi = html_lkip(kecamatan=kec, tahun=tahun, disetujui=baris)
        if html:
            output.write_text(isi, encoding="utf-8")
        else:
            output.write_bytes(pdf_dari_html(isi))
        self.stdout.write(self.style.SUCCESS(f"LKIP {kec} tahun {tahun} ditulis ke {output}."))
