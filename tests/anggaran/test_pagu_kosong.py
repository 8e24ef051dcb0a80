"""A pagu not typed yet (a year started from the last one) is missing, never zero: the totals
above it are missing too, and the report and the consistency check say so instead of failing."""

import pytest

from anggaran.models import SubKegiatan
from anggaran.selectors import pohon_anggaran
from kecamatan.models import Kecamatan
from lkip.laporan import periksa
from lkip.laporan.dokumen import dokumen_json
from lkip.laporan.pdf import html_lkip
from lkip.laporan.selectors import dokumen_lkip

pytestmark = pytest.mark.django_db


def test_a_missing_pagu_leaves_its_totals_missing_and_the_others_as_they_were():
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    sebelum = pohon_anggaran(kecamatan=kecamatan, tahun=2024)
    sub = (
        SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, 2024)
        .select_related("kegiatan__program")
        .first()
    )
    sub.pagu = None
    sub.full_clean()
    sub.save()

    pohon = pohon_anggaran(kecamatan=kecamatan, tahun=2024)
    assert pohon.total.pagu is None and pohon.total.serapan is None
    jumlah = {p.kode: pohon.jumlah_program(p).pagu for p in pohon.program}
    assert jumlah[sub.kegiatan.program.kode] is None
    lain = [p for p in sebelum.program if p.kode != sub.kegiatan.program.kode]
    assert lain and all(jumlah[p.kode] == sebelum.jumlah_program(p).pagu for p in lain)

    dok = dokumen_json(dokumen_lkip(kecamatan=kecamatan, tahun=2024))
    assert dok["anggaran"]["total"]["pagu"] is None
    baris = [s for p in dok["anggaran"]["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"]]
    assert next(s for s in baris if s["kode"] == sub.kode)["pagu"] is None

    assert "pagu anggarannya belum lengkap tercatat" in html_lkip(kecamatan=kecamatan, tahun=2024)
    kode = {t.aturan for t in periksa.periksa(kecamatan=kecamatan, tahun=2024)}
    assert "realisasi_di_atas_pagu" not in kode  # nothing to compare with, so no finding and no crash
