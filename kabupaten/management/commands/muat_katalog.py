import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kabupaten.services import KatalogTidakValid, katalog_muat, pemetaan_usulkan


class Command(BaseCommand):
    help = (
        "Muat katalog indikator kabupaten dan pemetaan indikator kecamatan "
        "(fixtures/kabupaten/katalog.json). Aman dijalankan ulang."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", type=Path, help="Berkas JSON katalog.")
        parser.add_argument(
            "--usulkan",
            action="store_true",
            help="Sesudahnya, usulkan pemetaan bagi indikator yang belum dipetakan (kemiripan nama).",
        )

    def handle(self, *args, berkas: Path, usulkan: bool, **options) -> None:
        try:
            dokumen = json.loads(berkas.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise CommandError(f"Berkas {berkas} tidak ditemukan.") from exc
        except json.JSONDecodeError as exc:
            raise CommandError(f"{berkas} bukan JSON yang sah: {exc}") from exc
        try:
            katalog, pemetaan = katalog_muat(dokumen=dokumen)
        except KatalogTidakValid as exc:
            raise CommandError(f"{berkas.name}: {exc}") from exc
        baru = pemetaan_usulkan() if usulkan else []
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{katalog} indikator kabupaten dan {pemetaan} pemetaan dimuat dari {berkas.name}"
                    + (f"; {len(baru)} pemetaan baru diusulkan." if usulkan else ".")
                )
            )
