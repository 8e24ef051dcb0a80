import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian import scoring
from capaian.models import KonversiHuruf, Realisasi
from capaian.selectors import DataTidakTersedia, desimal_teks, skala_kode, skala_tahun
from perencanaan.models import TargetPerjanjian
from umum.angka import AngkaTidakValid, format_persen, periksa_batas
from umum.kolom import batas_kolom


def _nilai(teks: str, kolom) -> scoring.Nilai:
    """A value as the pages read it: it must fit the column a target or realisasi is kept in."""
    nilai = scoring.Nilai.dari_teks(teks)
    if nilai.angka is not None:
        periksa_batas(nilai.angka, batas_kolom(kolom), teks.strip())
    return nilai


class Command(BaseCommand):
    help = "Hitung capaian satu pasang target dan realisasi menurut skala sebuah tahun atau skala tertentu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--target", required=True, help="mis. 90, 97,5, 1.234,5, B atau B (69)")
        parser.add_argument("--realisasi", required=True)
        parser.add_argument("--polaritas", choices=[p.value for p in scoring.Polaritas], default="positif")
        pilihan = parser.add_mutually_exclusive_group(required=True)
        pilihan.add_argument("--tahun", type=int, help="Pakai skala yang berlaku untuk tahun ini")
        pilihan.add_argument("--skala", help="Kode skala, mis. akip-aa-d")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opsi) -> None:
        try:
            target = _nilai(opsi["target"], TargetPerjanjian._meta.get_field("angka"))
            realisasi = _nilai(opsi["realisasi"], Realisasi._meta.get_field("angka"))
        except AngkaTidakValid as exc:
            raise CommandError(str(exc)) from exc
        try:
            skala = skala_tahun(opsi["tahun"]) if opsi["tahun"] is not None else skala_kode(opsi["skala"])
        except DataTidakTersedia as exc:
            raise CommandError(str(exc)) from exc
        hasil = scoring.hitung_capaian(
            scoring.Pengukuran(
                target=target, realisasi=realisasi, polaritas=scoring.Polaritas(opsi["polaritas"])
            ),
            skala.skala,
            KonversiHuruf.sebagai_peta(),
        )
        if opsi["json"]:
            keluaran = {
                "target": target.teks,
                "realisasi": realisasi.teks,
                "polaritas": opsi["polaritas"],
                "skala": skala.kode,
                "capaian": desimal_teks(hasil.capaian),
                "capaian_akhir": desimal_teks(hasil.capaian_akhir),
                "predikat": hasil.predikat,
                "status": hasil.status.value,
                "alasan": hasil.alasan or None,
            }
            self.stdout.write(json.dumps(keluaran, ensure_ascii=False))
            return
        if not hasil.ada_angka:
            self.stdout.write(f"Capaian tidak dapat dihitung: {hasil.alasan}")
            return
        self.stdout.write(
            f"Capaian {format_persen(hasil.capaian)}, setelah batas skala {format_persen(hasil.capaian_akhir)}, "
            f"predikat {hasil.pita.label} (skala {skala.kode})"
        )
