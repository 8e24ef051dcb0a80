import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.models import SkalaTahun
from lkip.laporan.muat import DokumenTidakValid
from lkip.laporan.sintetis import kecamatan_sintetis_buat


def rentang_tahun(teks: str) -> list[int]:
    """``2021-2025`` or ``2024`` → the years; refused with a message otherwise."""
    bagian = teks.replace("–", "-").split("-")
    try:
        awal, akhir = int(bagian[0]), int(bagian[-1])
    except ValueError as exc:
        raise CommandError(f"Tahun «{teks}» tidak dikenal; tulis mis. 2024 atau 2021-2025.") from exc
    if len(bagian) > 2 or not 2021 <= awal <= akhir <= 2026:
        raise CommandError(
            f"Tahun «{teks}» di luar Renstra 2021–2026 yang disalin dari Kalisat; tulis mis. 2021-2025."
        )
    return list(range(awal, akhir + 1))


class Command(BaseCommand):
    help = (
        "Buat N kecamatan sintetis (kode «sintetis-NNN», ditandai sintetis) × beberapa tahun, "
        "untuk uji beban dan mencoba halaman kabupaten. Hapus dengan hapus_kecamatan_sintetis."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jumlah", type=int, default=31, help="Banyak kecamatan (bawaan 31).")
        parser.add_argument("--tahun", default="2021-2025", help="Tahun, mis. 2024 atau 2021-2025.")
        parser.add_argument("--benih", type=int, default=1, help="Benih acak: benih sama, data sama.")
        parser.add_argument("--mulai", type=int, default=1, help="Nomor kecamatan sintetis pertama.")

    def handle(self, *args, jumlah: int, tahun: str, benih: int, mulai: int, **options) -> None:
        if not 1 <= jumlah <= 5000 or not 1 <= mulai <= 99999 - jumlah:
            raise CommandError("--jumlah antara 1 dan 5000.")
        daftar = rentang_tahun(tahun)
        awal = time.perf_counter()
        try:
            dibuat = kecamatan_sintetis_buat(jumlah=jumlah, tahun=daftar, benih=benih, mulai=mulai)
        except DokumenTidakValid as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(dibuat)} kecamatan sintetis × {len(daftar)} tahun dibuat dalam "
                    f"{time.perf_counter() - awal:.1f} detik."
                )
            )
            tanpa_skala = sorted(set(daftar) - set(SkalaTahun.objects.values_list("tahun", flat=True)))
            if tanpa_skala:
                self.stdout.write(
                    f"Catatan: tahun {', '.join(map(str, tanpa_skala))} belum memiliki skala predikat, "
                    "jadi capaiannya belum dinilai; pilih skalanya di admin (Skala per tahun)."
                )
