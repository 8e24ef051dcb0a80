"""Two clicks at once on «Mulai tahun»: one copies, the other is refused, nothing is doubled."""

import threading

import pytest
from django.db import connection

from anggaran.models import Program
from kecamatan.models import Kecamatan
from lkip.web.services import TahunBaruDitolak, tahun_mulai
from perencanaan.models import PerjanjianKinerja

pytestmark = [pytest.mark.konkuren, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_clicks_at_once_start_the_year_once():
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    hasil: list[str] = []
    mulai = threading.Barrier(4)

    def klik() -> None:
        try:
            mulai.wait()
            tahun_mulai(kecamatan=kecamatan, tahun=2025, oleh=None)
            hasil.append("dimulai")
        except TahunBaruDitolak:
            hasil.append("ditolak")
        finally:
            connection.close()

    utas = [threading.Thread(target=klik) for _ in range(4)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert sorted(hasil) == ["dimulai", "ditolak", "ditolak", "ditolak"]
    assert PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=2025).count() == 1
    assert (
        Program.objects.filter(kecamatan=kecamatan, tahun=2025).count()
        == Program.objects.filter(kecamatan=kecamatan, tahun=2024).count()
    )
