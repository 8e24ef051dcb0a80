"""``manage.py db_worker`` of django-tasks-db, which first deals with what a dead worker left:
bulk prints stuck in "Sedang dicetak" are resumed or failed with a message, and old zips and
PDF cache entries are removed. (This app comes before ``django_tasks_db`` in INSTALLED_APPS,
so this command is the one ``db_worker`` runs.)"""

from django_tasks_db.management.commands.db_worker import Command as PerintahPekerja

from lkip.laporan.services import cetak_massal_pangkas, cetak_massal_pulihkan
from lkip.laporan.simpanan import pdf_pangkas


class Command(PerintahPekerja):
    def handle(self, *args, **options) -> None:
        for cetak in cetak_massal_pulihkan():
            self.stdout.write(f"Cetak massal {cetak.pk} (tahun {cetak.tahun}): {cetak.pesan}")
        zip_lama, pdf_lama = cetak_massal_pangkas(), pdf_pangkas()
        if zip_lama or pdf_lama:
            self.stdout.write(f"Dihapus: {zip_lama} berkas zip lama, {pdf_lama} PDF tersimpan lama.")
        super().handle(*args, **options)
