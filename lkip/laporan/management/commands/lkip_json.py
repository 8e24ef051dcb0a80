import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.management.commands._umum import kecamatan_dari_slug
from lkip.laporan.dokumen import dokumen_json
from lkip.laporan.selectors import dokumen_lkip, tahun_tersedia


class Command(BaseCommand):
    help = "Seluruh data LKIP satu kecamatan untuk satu tahun sebagai satu dokumen JSON (skema: docs/lkip_json.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kecamatan", help="Kode kecamatan, mis. kalisat")
        parser.add_argument("tahun", type=int)

    def handle(self, *args, kecamatan: str, tahun: int, **options) -> None:
        kec = kecamatan_dari_slug(kecamatan)
        if not tahun_tersedia(kecamatan=kec, tahun=tahun):
            raise CommandError(f"Tidak ada data {kec} untuk tahun {tahun}.")
        dokumen = dokumen_lkip(kecamatan=kec, tahun=tahun)
        self.stdout.write(json.dumps(dokumen_json(dokumen), ensure_ascii=False, indent=2))
