from django.core.management.base import BaseCommand, CommandError

from kecamatan.alur import TahunTerkunci
from lkip.laporan.sintetis import SintetisTerlindungi, kecamatan_sintetis_hapus


class Command(BaseCommand):
    help = "Hapus semua kecamatan sintetis beserta seluruh datanya; kecamatan nyata tidak tersentuh."

    def handle(self, *args, **options) -> None:
        try:
            jumlah = kecamatan_sintetis_hapus()
        except TahunTerkunci as exc:
            raise CommandError(exc.messages[0]) from exc
        except SintetisTerlindungi as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{jumlah} kecamatan sintetis dihapus."))
