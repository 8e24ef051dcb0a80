from django.core.management.base import BaseCommand

from lkip.laporan.services import cetak_massal_pangkas, cetak_massal_pulihkan
from lkip.laporan.simpanan import pdf_pangkas
from umum.unggahan import unggahan_pangkas


class Command(BaseCommand):
    help = (
        "Bereskan hasil cetak: lanjutkan atau gagalkan cetak massal yang pekerjanya mati, hapus berkas zip "
        "yang melewati masa simpan, PDF tersimpan yang lama dan unggahan impor Excel yang tidak "
        "diterapkan atau dibatalkan (jalankan berkala, mis. dari cron)."
    )

    def handle(self, *args, **options) -> None:
        pulih = cetak_massal_pulihkan()
        zip_lama, pdf_lama, unggahan_lama = cetak_massal_pangkas(), pdf_pangkas(), unggahan_pangkas()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(pulih)} cetak massal dipulihkan, {zip_lama} berkas zip, {pdf_lama} PDF tersimpan "
                f"dan {unggahan_lama} unggahan impor lama dihapus."
            )
        )
