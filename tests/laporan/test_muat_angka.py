"""A seed document's numbers are read as the pages read them: a number that does not fit its
column, or written with other scripts' digits, stops the load with a message naming the place,
the command exits non-zero, and nothing is half-written."""

import copy
import json

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import baca_dokumen
from tests.laporan.test_muat import hitung_baris


def _sub_kegiatan(dok: dict) -> dict:
    return dok["anggaran"][0]["program"][0]["kegiatan"][0]["sub_kegiatan"][0]


def _realisasi_terisi(dok: dict) -> dict:
    return next(r for r in dok["realisasi"] if r.get("nilai"))


UBAH = {
    "pagu 16 angka": (lambda d: _sub_kegiatan(d).update(pagu="1234567890123456"), "paling banyak 15 angka"),
    "pagu bersen": (lambda d: _sub_kegiatan(d).update(pagu="1.949.000,891"), "tanpa angka desimal"),
    "realisasi 5 desimal": (lambda d: _realisasi_terisi(d).update(nilai="97,12345"), "paling banyak 4"),
    "realisasi angka Arab": (lambda d: _realisasi_terisi(d).update(nilai="٩٧"), "angka selain 0–9"),
    "penduduk angka Arab": (
        lambda d: d["profil"][0].update(jumlah_penduduk="١٢٠٠"),
        "jumlah penduduk: «١٢٠٠» memakai angka selain 0–9",
    ),
    "kebutuhan pegawai": (
        lambda d: d["profil"][0]["pegawai"][0].update(kebutuhan=40000),
        "harus antara 0 dan 32767",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kasus", UBAH, ids=list(UBAH))
def test_a_number_that_does_not_fit_stops_the_load_with_a_message_and_nothing_changes(tmp_path, kasus):
    ubah, pesan = UBAH[kasus]
    dokumen = copy.deepcopy(baca_dokumen("kalisat"))
    ubah(dokumen)
    berkas = tmp_path / "kalisat.json"
    berkas.write_text(json.dumps(dokumen, ensure_ascii=False), encoding="utf-8")
    sebelum = hitung_baris()
    with pytest.raises(CommandError, match=pesan):
        call_command("muat_kecamatan", str(berkas), verbosity=0)
    assert hitung_baris() == sebelum
