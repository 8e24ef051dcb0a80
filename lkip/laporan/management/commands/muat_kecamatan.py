import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lkip.laporan.muat import DokumenTidakValid, kecamatan_muat


class Command(BaseCommand):
    help = "Muat data kecamatan dari dokumen JSON (fixtures/kecamatan/<slug>.json). Aman dijalankan ulang."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", nargs="+", type=Path, help="Berkas JSON; bisa lebih dari satu.")
        parser.add_argument(
            "--oleh", metavar="NAMA_PENGGUNA", help="Akun yang tercatat di riwayat sebagai pengubah data."
        )
        parser.add_argument(
            "--alasan",
            default="muat_kecamatan",
            help="Alasan yang tercatat di riwayat (bawaan: muat_kecamatan).",
        )

    def handle(self, *args, berkas: list[Path], oleh: str | None, alasan: str, **options) -> None:
        pengguna = None
        if oleh:
            pengguna = get_user_model().objects.filter(username=oleh).first()
            if pengguna is None:
                raise CommandError(f"Akun «{oleh}» tidak ada.")
        for jalur in berkas:
            try:
                dokumen = json.loads(jalur.read_text(encoding="utf-8"))
            except FileNotFoundError as exc:
                raise CommandError(f"Berkas {jalur} tidak ditemukan.") from exc
            except json.JSONDecodeError as exc:
                raise CommandError(f"{jalur} bukan JSON yang sah: {exc}") from exc
            try:
                kecamatan = kecamatan_muat(dokumen=dokumen, alasan=alasan, pengguna=pengguna)
            except DokumenTidakValid as exc:
                raise CommandError(f"{jalur.name}: {exc}") from exc
            if options["verbosity"]:
                self.stdout.write(self.style.SUCCESS(f"{kecamatan} dimuat dari {jalur.name}."))
