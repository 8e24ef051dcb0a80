import json

from django.core.management.base import BaseCommand, CommandParser

from capaian.management.commands._umum import kecamatan_dari_slug
from lkip.laporan.periksa import Tingkat, ada_galat, periksa


class Command(BaseCommand):
    help = (
        "Periksa konsistensi data LKIP satu kecamatan untuk satu tahun. Keluar dengan kode 1 bila "
        "ada galat (yang menghalangi pengajuan), 0 bila hanya peringatan atau tidak ada temuan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kecamatan", help="Kode kecamatan, mis. kalisat")
        parser.add_argument("tahun", type=int)
        parser.add_argument(
            "--json", action="store_true", help="Keluaran JSON yang stabil untuk program lain"
        )

    def handle(self, *args, kecamatan: str, tahun: int, json: bool, **options) -> None:
        kec = kecamatan_dari_slug(kecamatan)
        temuan = periksa(kecamatan=kec, tahun=tahun)
        jumlah = {t.value: sum(x.tingkat == t for x in temuan) for t in Tingkat}
        if json:
            self.stdout.write(
                _json_dumps(
                    {
                        "kecamatan": kec.slug,
                        "tahun": tahun,
                        "jumlah": jumlah,
                        "ada_galat": ada_galat(temuan),
                        "temuan": [t.as_json() for t in temuan],
                    }
                )
            )
        else:
            self.stdout.write(
                f"{kec} — tahun {tahun}: {jumlah['galat']} galat, {jumlah['peringatan']} peringatan"
            )
            for t in temuan:
                self.stdout.write(f"{t.tingkat.value.upper():<10} {t.aturan:<30} {t.pesan}  → {t.url}")
        if ada_galat(temuan):
            raise SystemExit(1)


def _json_dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
