"""An index or a percentage never rolls up by sum: the rule is checked wherever an indicator is
written (forms, admin, fixture loader), with a message in Indonesian."""

import pytest
from django.core.exceptions import ValidationError

from perencanaan.models import Indikator


@pytest.mark.parametrize(
    ("jenis_nilai", "satuan", "uraian", "rasio"),
    [
        ("angka", "indeks", "Indeks Kepuasan Masyarakat", True),
        ("angka", "", "Indeks Kepuasan Masyarakat", True),
        ("angka", "%", "Tingkat penyelesaian laporan", True),
        ("persen", "", "Capaian program", True),
        ("angka", "", "Prosentase rekomendasi yang ditindaklanjuti", True),
        ("angka", "", "Presentase Indikator Program tercapai", True),
        ("huruf", "nilai", "Nilai SAKIP OPD", True),
        ("angka", "dokumen", "Jumlah dokumen perencanaan", False),
        ("angka", "orang", "Peserta musrenbang", False),
    ],
)
def test_an_index_a_percentage_or_a_letter_grade_is_a_ratio(jenis_nilai, satuan, uraian, rasio):
    assert Indikator(jenis_nilai=jenis_nilai, satuan=satuan, uraian=uraian).is_rasio is rasio


@pytest.mark.parametrize(
    ("satuan", "uraian", "aturan", "boleh"),
    [
        ("indeks", "Indeks Kepuasan Masyarakat", "kumulatif", False),
        ("%", "Persentase Indikator Program yang tercapai", "kumulatif", False),
        ("indeks", "Indeks Kepuasan Masyarakat", "rata_rata", True),
        ("indeks", "Indeks Kepuasan Masyarakat", "terakhir", True),
        ("dokumen", "Jumlah dokumen perencanaan", "kumulatif", True),
    ],
)
def test_an_index_or_a_percentage_cannot_sum_its_quarters(satuan, uraian, aturan, boleh):
    indikator = Indikator(kode="S2.1", satuan=satuan, uraian=uraian, aturan_triwulan=aturan)
    if boleh:
        indikator.clean()
        return
    with pytest.raises(ValidationError) as galat:
        indikator.clean()
    assert galat.value.message_dict["aturan_triwulan"] == [
        "Indikator S2.1 berupa indeks, persentase atau nilai huruf: realisasi triwulannya tidak "
        "dijumlahkan. Pilih «triwulan terakhir» atau «rata-rata»."
    ]
