import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.management.commands._umum import kecamatan_dari_slug
from capaian.selectors import DataTidakTersedia, capaian_json, capaian_tahun
from umum.angka import format_persen


class Command(BaseCommand):
    help = "Tampilkan capaian kinerja sebuah kecamatan untuk satu tahun (tabel, atau JSON dengan --json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kecamatan", help="Kode kecamatan, mis. kalisat")
        parser.add_argument("tahun", type=int)
        parser.add_argument(
            "--json", action="store_true", help="Keluaran JSON yang stabil untuk program lain"
        )

    def handle(self, *args, kecamatan: str, tahun: int, json: bool, **options) -> None:
        try:
            data = capaian_tahun(kecamatan=kecamatan_dari_slug(kecamatan), tahun=tahun)
        except DataTidakTersedia as exc:
            raise CommandError(str(exc)) from exc
        if json:
            self.stdout.write(_json_dumps(capaian_json(data)))
            return
        self.stdout.write(
            f"{data.kecamatan} — tahun {data.tahun} — skala {data.skala.nama} ({data.skala.kode})"
        )
        self.stdout.write("")
        kepala = f"{'No':>3}  {'Indikator':<60} {'Target':>10} {'Realisasi':>10} {'Capaian':>9} {'Akhir':>9}  Predikat"
        self.stdout.write(kepala)
        self.stdout.write("-" * len(kepala))
        for b in data.baris:
            predikat = b.hasil.predikat or f"({b.hasil.status.value}: {b.hasil.alasan})"
            self.stdout.write(
                f"{b.sasaran.nomor or '':>3}  {b.indikator.uraian[:60]:<60} {b.target_teks or '–':>10} "
                f"{b.realisasi_teks or '–':>10} {format_persen(b.hasil.capaian):>9} "
                f"{format_persen(b.hasil.capaian_akhir):>9}  {predikat}"
            )
        self.stdout.write("")
        for s in data.sasaran:
            self.stdout.write(
                f"Sasaran {s.sasaran.nomor or s.sasaran.kode}: {format_persen(s.ringkasan.capaian)} "
                f"{s.ringkasan.predikat or '–'}"
            )
        self.stdout.write(
            f"Rata-rata capaian: {format_persen(data.rata_rata.capaian)} {data.rata_rata.predikat or '–'}"
        )
        if data.temuan:
            self.stdout.write("")
            self.stdout.write("Temuan untuk diperiksa:")
            for baris, temuan in data.temuan:
                self.stdout.write(f"  {baris.indikator.kode}: {temuan.pesan}")


def _json_dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


__all__ = ["Command", "CommandError"]
