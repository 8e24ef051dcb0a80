from django.db import transaction

from lkip.accounts.models import User
from lkip.laporan.models import CetakMassal
from lkip.laporan.tasks import cetak_massal, kecamatan_bertahun


def cetak_massal_mulai(*, tahun: int, oleh: User) -> CetakMassal:
    """Record a bulk print and hand it to the worker once the row is committed."""
    with transaction.atomic():
        cetak = CetakMassal(tahun=tahun, dibuat_oleh=oleh, jumlah=len(kecamatan_bertahun(tahun)))
        cetak.full_clean()
        cetak.save()
        transaction.on_commit(lambda: cetak_massal.enqueue(cetak_id=cetak.pk))
    return cetak
