"""The year page's workflow: the Camat submits (the sign-off, asked first), the reviewers see
every kecamatan and take their steps, the buttons come from the state machine, a return or
reopen needs a reason; a later change to anything the report prints (realisasi, PK targets,
budget, narrative, profile and its tables, the plan) is listed on the year page; the page is
built in a constant number of queries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from anggaran.models import Keluaran, SubKegiatan
from capaian.models import Realisasi
from kecamatan import alur
from kecamatan import services as kecamatan_services
from kecamatan.models import (
    AlurLaporan,
    Desa,
    Kecamatan,
    Pejabat,
    PengesahanData,
    ProfilKecamatan,
    RiwayatAlur,
)
from lkip.accounts.models import Peran
from lkip.laporan.models import NarasiLaporan
from lkip.web import selectors as web_selectors
from perencanaan import services as perencanaan_services
from perencanaan.models import PerjanjianKinerja, TargetPerjanjian, TargetRenstra
from tests.factories import kecamatan_besar
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
BERANDA = reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})
ALUR = reverse("web:alur", kwargs={"slug": "kalisat", "tahun": 2024})


@pytest.fixture(autouse=True)
def tanpa_galat(monkeypatch):
    monkeypatch.setattr(alur, "temuan_galat", lambda kecamatan, tahun: [])


def _status() -> str:
    baris = AlurLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024).first()
    return baris.status if baris else "draf"


def test_camat_submits_and_the_page_says_who_and_when(client):
    camat = pengguna(Peran.CAMAT, "kalisat", nama="camat-uji")
    camat.first_name, camat.last_name = "Drs. RUSDIYANTO,", "M.Si."
    camat.save()
    client.force_login(camat)
    tanya = client.post(ALUR, {"aksi": "ajukan", "dari": "draf"})
    assert tanya.status_code == 200 and "Ya, ajukan" in tanya.content.decode()  # asks first
    assert not PengesahanData.objects.exists() and _status() == "draf"
    halaman = client.get(BERANDA).content.decode()
    assert "belum disahkan Camat" in halaman and 'value="ajukan"' in halaman
    jawaban = client.post(
        ALUR, {"aksi": "ajukan", "dari": "draf", "catatan": "Mohon direviu.", "konfirmasi": "ya"}, follow=True
    )
    halaman = jawaban.content.decode()
    assert "disahkan oleh Drs. RUSDIYANTO, M.Si." in halaman
    assert "kini berstatus «Diajukan»" in halaman and "Mohon direviu." in halaman
    assert PengesahanData.objects.get(kecamatan__slug="kalisat", tahun=2024).disahkan_oleh == camat
    assert 'value="ajukan"' not in halaman  # submitted: no second submit
    assert "data tahun ini hanya dapat dibaca" in halaman


def test_a_realisasi_changed_after_the_sign_off_is_flagged(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    client.post(ALUR, {"aksi": "ajukan", "dari": "draf", "konfirmasi": "ya"})
    PengesahanData.objects.update(disahkan_pada=timezone.now() - timedelta(minutes=5))
    realisasi = (
        Realisasi.objects.for_kecamatan(PengesahanData.objects.get().kecamatan_id).for_tahun(2024).first()
    )
    realisasi.catatan = "diperbaiki"
    realisasi.save()
    assert "diubah setelah pengesahan" in client.get(BERANDA).content.decode()


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.BAPPEDA, Peran.INSPEKTORAT, Peran.ADMIN])
def test_only_the_camat_submits(client, peran):
    client.force_login(pengguna(peran, "kalisat" if peran == Peran.OPERATOR else None, nama=f"uji-{peran}"))
    assert 'value="ajukan"' not in client.get(BERANDA).content.decode()
    assert client.post(ALUR, {"aksi": "ajukan", "dari": "draf"}).status_code == 403
    assert not PengesahanData.objects.exists()
    assert _status() == "draf"


def test_another_kecamatans_camat_gets_404(client):
    client.force_login(pengguna(Peran.CAMAT, "arjasa", nama="camat-arjasa"))
    assert client.post(ALUR, {"aksi": "ajukan"}).status_code == 404
    assert not PengesahanData.objects.exists()


def _ajukan(client, dari: str = "draf") -> None:
    jawaban = client.post(ALUR, {"aksi": "ajukan", "dari": dari, "konfirmasi": "ya"})
    assert jawaban.status_code == 302 and PengesahanData.objects.filter(kecamatan__slug="kalisat").exists()


def _ubah_target_pk():
    t = TargetPerjanjian.objects.filter(perjanjian__kecamatan__slug="kalisat", perjanjian__tahun=2024).first()
    t.angka = (t.angka or Decimal(0)) + 1
    t.save()


def _ubah_pagu():
    sub = SubKegiatan.objects.filter(
        kegiatan__program__kecamatan__slug="kalisat", kegiatan__program__tahun=2024
    )
    baris = sub.first()
    baris.pagu += 1000
    baris.save()


def _ubah_keluaran():
    k = Keluaran.objects.filter(sub_kegiatan__kegiatan__program__kecamatan__slug="kalisat").first()
    k.realisasi = Decimal("1.5")
    k.save()


def _tulis_narasi():
    NarasiLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, bagian="latar_belakang", teks="Baru."
    )


def _ubah_profil():
    ProfilKecamatan.objects.filter(kecamatan__slug="kalisat", tahun=2024).update(jumlah_penduduk=1)


def _hapus_desa():
    Desa.objects.filter(profil__kecamatan__slug="kalisat", profil__tahun=2024).first().delete()


def _ubah_pejabat():
    Pejabat.objects.filter(profil__kecamatan__slug="kalisat", profil__tahun=2024).update(nip="1")


def _ubah_target_renstra():
    t = TargetRenstra.objects.filter(
        indikator__sasaran__renstra__kecamatan__slug="kalisat", tahun=2024
    ).first()
    t.huruf, t.angka = "", Decimal("77")
    t.save()


def _pk_perubahan():
    perjanjian = PerjanjianKinerja.objects.berlaku(Kecamatan.objects.get(slug="kalisat"), 2024)
    perencanaan_services.perjanjian_perubahan_create(perjanjian=perjanjian)


@pytest.mark.parametrize(
    ("ubah", "bagian"),
    [
        (_ubah_target_pk, "Perjanjian Kinerja"),
        (_pk_perubahan, "Perjanjian Kinerja"),
        (_ubah_pagu, "Anggaran"),
        (_ubah_keluaran, "Anggaran"),
        (_tulis_narasi, "Narasi laporan"),
        (_ubah_profil, "Profil kecamatan"),
        (_hapus_desa, "Desa dan kelurahan"),
        (_ubah_pejabat, "Pejabat"),
        (_ubah_target_renstra, "Renstra"),
    ],
)
def test_any_printed_change_after_the_sign_off_is_listed_on_the_year_page(client, ubah, bagian):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    _ajukan(client)
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()
    # Returned to the kecamatan: it may change the data again, and what it changes is listed.
    AlurLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024).update(status="dikembalikan")
    ubah()
    jawaban = client.get(BERANDA)
    halaman = jawaban.content.decode()
    assert "diubah setelah pengesahan" in halaman
    berubah = jawaban.context["data"].berubah_setelah_disahkan
    assert [b.label for b in berubah if bagian in b.label], berubah
    assert len(berubah) == 1, berubah
    assert f'href="{berubah[0].url}"' in halaman
    _ajukan(client, dari="dikembalikan")  # submitted again: signed as it is now
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()


def test_saving_a_form_unchanged_is_not_a_change(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    _ajukan(client)
    for realisasi in Realisasi.objects.for_kecamatan(Kecamatan.objects.get(slug="kalisat").pk).for_tahun(
        2024
    ):
        realisasi.save()
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()


def test_a_sign_off_recorded_before_fingerprints_still_flags_a_later_realisasi(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    _ajukan(client)
    PengesahanData.objects.update(sidik={})
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()
    Realisasi.objects.for_kecamatan(Kecamatan.objects.get(slug="kalisat").pk).for_tahun(2024).first().save()
    assert "diubah setelah pengesahan" in client.get(BERANDA).content.decode()


def test_the_year_page_with_a_sign_off_is_built_in_a_constant_number_of_queries(
    client, django_assert_num_queries
):
    jumlah = {}
    for slug, indikator, sub in (("kecil", 2, 3), ("besar", 25, 40)):
        kecamatan = kecamatan_besar(slug=slug, indikator=indikator, sub_kegiatan=sub)
        camat = pengguna(Peran.CAMAT, slug, nama=f"camat-{slug}")
        kecamatan_services.pengesahan_create(
            kecamatan=kecamatan,
            tahun=2024,
            oleh=camat,
            sidik=web_selectors.sidik_laporan(kecamatan=kecamatan, tahun=2024),
        )
        client.force_login(camat)
        alamat = reverse("web:tahun", kwargs={"slug": slug, "tahun": 2024})
        with CaptureQueriesContext(connection) as q:
            assert client.get(alamat).status_code == 200
        jumlah[slug] = len(q)
    assert jumlah["kecil"] == jumlah["besar"]
    # + the year's review notes, the inovasi and penghargaan parts signed, and the Renstra's
    # tujuan targets and the program and kegiatan indicators in the signed fingerprint (61 before
    # the PK and the workflow status were read once each and the check asked of the profile
    # tables only whether they have rows)
    with django_assert_num_queries(55):
        client.get(alamat)


def test_submit_refused_while_the_check_reports_errors_shows_the_list(client, monkeypatch):
    monkeypatch.setattr(alur, "temuan_galat", lambda kecamatan, tahun: ["Pagu program 2 kosong."])
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    halaman = client.post(
        ALUR, {"aksi": "ajukan", "dari": "draf", "konfirmasi": "ya"}, follow=True
    ).content.decode()
    assert "belum dapat diajukan" in halaman and "Pagu program 2 kosong." in halaman
    assert _status() == "draf"


@pytest.mark.parametrize(
    ("status", "peran", "tombol"),
    [
        ("draf", Peran.CAMAT, ["ajukan"]),
        ("draf", Peran.OPERATOR, []),
        ("diajukan", Peran.INSPEKTORAT, ["reviu", "kembalikan"]),
        ("diajukan", Peran.BAPPEDA, []),
        ("direviu", Peran.BAPPEDA, ["kembalikan", "setujui"]),
        ("disetujui", Peran.BAPPEDA, ["kunci"]),
        ("terkunci", Peran.BAPPEDA, ["buka"]),
        ("terkunci", Peran.CAMAT, []),
    ],
)
def test_the_page_offers_the_steps_the_role_may_take(client, status, peran, tombol):
    AlurLaporan.objects.create(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, status=status)
    client.force_login(pengguna(peran, "kalisat" if peran in (Peran.OPERATOR, Peran.CAMAT) else None))
    halaman = client.get(BERANDA).content.decode()
    for aksi in alur.Aksi:
        assert (f'name="tombol" value="{aksi}"' in halaman) == (aksi in tombol), aksi


@pytest.mark.parametrize(
    ("status", "aksi", "peran"),
    [("direviu", "kembalikan", Peran.BAPPEDA), ("terkunci", "buka", Peran.BAPPEDA)],
)
def test_returning_or_reopening_without_a_reason_is_refused_with_a_message(client, status, aksi, peran):
    AlurLaporan.objects.create(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, status=status)
    client.force_login(pengguna(peran))
    halaman = client.post(ALUR, {"aksi": aksi, "dari": status, "catatan": " "}, follow=True).content.decode()
    assert "Isi alasan" in halaman
    assert _status() == status and not RiwayatAlur.objects.exists()


def test_a_step_on_a_page_someone_else_already_moved_says_so(client):
    AlurLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, status="disetujui"
    )
    client.force_login(pengguna(Peran.BAPPEDA))
    halaman = client.post(ALUR, {"aksi": "setujui", "dari": "direviu"}, follow=True).content.decode()
    assert "muat ulang halaman" in halaman
    assert _status() == "disetujui"


def test_reviewers_reach_every_kecamatans_year(client):
    client.force_login(pengguna(Peran.INSPEKTORAT))
    for kecamatan in Kecamatan.objects.all():
        alamat = reverse("web:tahun", kwargs={"slug": kecamatan.slug, "tahun": 2024})
        assert client.get(alamat).status_code == 200


@pytest.mark.parametrize("langkah", [2, 12])
def test_the_year_page_with_its_history_in_a_constant_number_of_queries(
    client, django_assert_num_queries, langkah
):
    baris = AlurLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, status="direviu"
    )
    RiwayatAlur.objects.bulk_create(
        RiwayatAlur(
            alur=baris, versi=1, aksi="reviu", dari="diajukan", ke="direviu", nama="Uji", peran="inspektorat",
            pada=timezone.now(), catatan=f"catatan {i}",
        )
        for i in range(langkah)
    )  # fmt: skip
    client.force_login(pengguna(Peran.BAPPEDA))
    with django_assert_num_queries(28):  # + the year's review notes (34 before, see above)
        halaman = client.get(BERANDA).content.decode()
    assert f"catatan {langkah - 1}" in halaman
