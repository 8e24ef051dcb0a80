"""The profile's tables (desa, staff, sarana, officials, organisation) edited row by row:
Indonesian numbers, one signer, removal, stale forms, forged rows."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kecamatan.models import ProfilKecamatan
from lkip.accounts.models import Peran
from tests.web.bantuan import kiriman_browser, pengguna

pytestmark = pytest.mark.django_db


def alamat(jenis: str, slug: str = "kalisat", tahun: int = 2024) -> str:
    return reverse(f"web:profil_{jenis}", kwargs={"slug": slug, "tahun": tahun})


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


def kiriman(client, jenis: str) -> dict:
    """The form as shown, ready to post back."""
    jawaban = client.get(alamat(jenis))
    kumpulan = jawaban.context["kumpulan"]
    data = {"versi": jawaban.context["versi"], "form-TOTAL_FORMS": str(len(kumpulan.forms)),
            "form-INITIAL_FORMS": str(kumpulan.initial_form_count()), "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for i, form in enumerate(kumpulan.forms):
        for nama, nilai in (form.initial or {}).items():
            if isinstance(nilai, bool):
                if nilai:
                    data[f"form-{i}-{nama}"] = "on"
            elif nilai is not None:
                data[f"form-{i}-{nama}"] = getattr(nilai, "pk", nilai)
    return data


def profil() -> ProfilKecamatan:
    return ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)


def test_new_desa_with_indonesian_numbers(operator):
    data = kiriman(operator, "desa")
    n = int(data["form-INITIAL_FORMS"])
    data |= {f"form-{n}-nama": "Sumber Baru", f"form-{n}-jenis": "desa", f"form-{n}-luas_km2": "4,5",
             f"form-{n}-jumlah_penduduk": "12.500"}  # fmt: skip
    assert operator.post(alamat("desa"), data).status_code == 302
    desa = profil().desa.get(nama="Sumber Baru")
    assert (desa.luas_km2, desa.jumlah_penduduk) == (Decimal("4.5"), 12500)
    assert profil().desa.count() == n + 1


def test_the_signer_moves_to_a_new_official_and_the_report_signs_with_them(operator):
    data = kiriman(operator, "pejabat")
    n = int(data["form-INITIAL_FORMS"])
    for i in range(n):
        data.pop(f"form-{i}-kepala", None)
    data |= {f"form-{n}-jabatan": "Plt. Camat Kalisat", f"form-{n}-nama": "BUDI SANTOSO, S.Sos.",
             f"form-{n}-nip": "19700101 199003 1 001", f"form-{n}-kepala": "on"}  # fmt: skip
    assert operator.post(alamat("pejabat"), data).status_code == 302
    assert profil().pejabat.get(kepala=True).nama == "BUDI SANTOSO, S.Sos."
    laporan = operator.get(reverse("laporan:pratinjau", args=["kalisat", 2024])).content.decode()
    assert "BUDI SANTOSO, S.Sos." in laporan and "NIP. 19700101 199003 1 001" in laporan


def test_two_signers_are_refused_and_nothing_is_saved(operator):
    data = kiriman(operator, "pejabat")
    n = int(data["form-INITIAL_FORMS"])
    data |= {f"form-{n}-jabatan": "Sekretaris Camat", f"form-{n}-nama": "X", f"form-{n}-kepala": "on"}
    jawaban = operator.post(alamat("pejabat"), data)
    assert "Hanya satu pejabat" in jawaban.content.decode()
    assert profil().pejabat.count() == n


def test_a_row_is_removed(operator):
    sebelum = profil().sarana.count()
    data = kiriman(operator, "sarana") | {"form-0-DELETE": "on"}
    assert operator.post(alamat("sarana"), data).status_code == 302
    assert profil().sarana.count() == sebelum - 1


def test_a_malformed_number_is_shown_beside_its_cell_and_nothing_is_saved(operator):
    data = kiriman(operator, "pegawai") | {"form-0-kebutuhan": "dua"}
    jawaban = operator.post(alamat("pegawai"), data)
    assert jawaban.status_code == 200
    assert 'id="id_form-0-kebutuhan-galat"' in jawaban.content.decode()
    assert profil().pegawai.first().kebutuhan == 2


def test_a_stale_table_is_refused(operator):
    data = kiriman(operator, "sarana")
    profil().sarana.filter(pk=data["form-0-id"]).update(jumlah=99)
    data["form-1-jumlah"] = "7"
    jawaban = operator.post(alamat("sarana"), data)
    assert jawaban.status_code == 409
    assert profil().sarana.get(pk=data["form-1-id"]).jumlah != 7


def test_a_forged_row_of_another_kecamatan_changes_nothing(operator):
    lain = ProfilKecamatan.objects.get(kecamatan__slug="arjasa").pegawai.first()
    data = kiriman(operator, "pegawai") | {"form-0-id": str(lain.pk), "form-0-jabatan": "Disusupkan"}
    jawaban = operator.post(alamat("pegawai"), data)
    assert jawaban.status_code == 409
    lain.refresh_from_db()
    assert lain.jabatan != "Disusupkan"


def test_an_organisation_unit_hangs_under_a_unit_of_the_same_profile(operator):
    data = kiriman(operator, "organisasi")
    n = int(data["form-INITIAL_FORMS"])
    camat = profil().organisasi.get(induk=None)
    data |= {f"form-{n}-kode": "seksi-baru", f"form-{n}-nama": "Seksi Baru", f"form-{n}-induk": str(camat.pk)}
    assert operator.post(alamat("organisasi"), data).status_code == 302
    assert profil().organisasi.get(kode="seksi-baru").induk == camat
    asing = ProfilKecamatan.objects.get(kecamatan__slug="kencong").organisasi.first()
    data = kiriman(operator, "organisasi")
    data["form-1-induk"] = str(asing.pk)
    jawaban = operator.post(alamat("organisasi"), data)
    assert "Masukkan pilihan yang valid" in jawaban.content.decode()
    assert profil().organisasi.filter(induk=asing).count() == 0


@pytest.mark.parametrize("jenis", ["desa", "pegawai", "sarana", "pejabat", "organisasi"])
def test_every_table_saves_as_a_browser_sends_it_with_its_blank_rows(operator, jenis):
    """A browser sends the blank extra rows too, each select on its first option: those rows
    are left out, not refused (the desa table used to fail on «Jenis» of both blank rows)."""
    halaman = operator.get(alamat(jenis)).content.decode()
    data = kiriman_browser(halaman, action="")
    assert int(data["form-TOTAL_FORMS"]) > int(data["form-INITIAL_FORMS"])
    sebelum = getattr(profil(), jenis).count()
    jawaban = operator.post(alamat(jenis), data)
    assert jawaban.status_code == 302, jawaban.content.decode()[-3000:]
    assert getattr(profil(), jenis).count() == sebelum


def test_a_desa_is_added_and_another_removed_from_the_browser_form(operator):
    halaman = operator.get(alamat("desa")).content.decode()
    data = kiriman_browser(halaman, action="")
    n = int(data["form-INITIAL_FORMS"])
    dihapus = profil().desa.get(pk=data["form-0-id"]).nama
    data |= {"form-0-DELETE": "on", f"form-{n}-nama": "Kelurahan Baru", f"form-{n}-jenis": "kelurahan"}
    assert operator.post(alamat("desa"), data).status_code == 302
    nama = set(profil().desa.values_list("nama", flat=True))
    assert "Kelurahan Baru" in nama and dihapus not in nama and len(nama) == n


def test_after_a_stale_table_the_stored_rows_are_shown_and_saving_again_goes_through(operator):
    data = kiriman(operator, "sarana")
    profil().sarana.filter(pk=data["form-0-id"]).update(jumlah=99, kondisi="Diubah orang lain")
    data["form-1-jumlah"] = "7"
    jawaban = operator.post(alamat("sarana"), data)
    assert jawaban.status_code == 409
    halaman = jawaban.content.decode()
    assert "Tabel yang tersimpan sekarang" in halaman and "Diubah orang lain" in halaman
    assert f'href="{alamat("sarana")}"' in halaman  # take the stored table instead
    lagi = data | {"versi": jawaban.context["versi"]}
    assert operator.post(alamat("sarana"), lagi).status_code == 302
    assert profil().sarana.get(pk=data["form-1-id"]).jumlah == 7


def test_an_officials_term_is_saved_and_an_end_before_the_start_is_refused(operator):
    data = kiriman(operator, "pejabat") | {"form-0-mulai_menjabat": "2023-01-02"}
    assert operator.post(alamat("pejabat"), data).status_code == 302
    pejabat = profil().pejabat.get(pk=data["form-0-id"])
    assert pejabat.mulai_menjabat == date(2023, 1, 2) and pejabat.selesai_menjabat is None
    assert (
        'type="date" name="form-0-mulai_menjabat" value="2023-01-02"'
        in operator.get(alamat("pejabat")).content.decode()
    )
    data = kiriman(operator, "pejabat") | {"form-0-selesai_menjabat": "2022-12-31"}
    jawaban = operator.post(alamat("pejabat"), data)
    assert "Tanggal selesai menjabat tidak boleh sebelum tanggal mulai." in jawaban.content.decode()
    assert profil().pejabat.get(pk=data["form-0-id"]).selesai_menjabat is None
