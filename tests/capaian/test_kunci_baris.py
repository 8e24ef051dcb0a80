"""A realisasi save locks its indicator and its own row, nothing around them: while one operator's
save is open, another indicator of the same sasaran can be saved (PostgreSQL row locks; SQLite
takes the whole database for a write anyway)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from capaian import scoring
from capaian.models import Realisasi
from capaian.services import realisasi_update, versi_realisasi
from perencanaan.models import Indikator, Sasaran

pytestmark = [
    pytest.mark.konkuren,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks of PostgreSQL"),
]


def simpan(indikator: Indikator, angka: str) -> None:
    lama = Realisasi.objects.prefetch_related("triwulan").filter(indikator=indikator, tahun=2024).first()
    realisasi_update(
        indikator=indikator,
        tahun=2024,
        versi=versi_realisasi(lama),
        status=Realisasi.Status.TERISI,
        nilai=scoring.Nilai(angka=Decimal(angka)),
        triwulan={},
    )


def test_an_open_save_leaves_the_sasaran_and_its_other_indicators_free():
    per_sasaran: dict[int, list[Indikator]] = {}
    for i in Indikator.objects.select_related("sasaran__renstra").order_by("pk"):  # Arjasa, Pakusari
        per_sasaran.setdefault(i.sasaran_id, []).append(i)
    pertama, kedua = next(daftar for daftar in per_sasaran.values() if len(daftar) > 1)[:2]
    simpan(pertama, "0")  # a stored row: the row the open save below locks
    terkunci, selesai = threading.Event(), threading.Event()

    def simpan_dan_tahan() -> None:
        try:
            with transaction.atomic():
                simpan(pertama, "1")
                terkunci.set()
                selesai.wait(10)
        finally:
            connection.close()

    utas = threading.Thread(target=simpan_dan_tahan)
    utas.start()
    try:
        assert terkunci.wait(10)
        with transaction.atomic():
            # NOWAIT: a row the open save holds would raise at once instead of waiting.
            assert Sasaran.objects.select_for_update(nowait=True).filter(pk=pertama.sasaran_id).exists()
            simpan(kedua, "2")
    finally:
        selesai.set()
        utas.join()
    assert Realisasi.objects.get(indikator=kedua, tahun=2024).angka == Decimal("2")
    assert Realisasi.objects.get(indikator=pertama, tahun=2024).angka == Decimal("1")
