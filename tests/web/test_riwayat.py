"""The audit trail: every write path (pages, admin, the loader, the Renstra Perubahan, the
profile tables) keeps who, when, the old and the new value, and the Riwayat pages show it,
scoped, in a constant number of queries."""

import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from anggaran.models import SubKegiatan
from capaian.models import Bukti, Realisasi
from kecamatan.models import Kecamatan, Pejabat, ProfilKecamatan
from lkip.accounts.models import Peran
from lkip.laporan.models import NarasiLaporan
from perencanaan.models import Renstra
from tests.conftest import FIXTURES
from tests.web.bantuan import indikator_pk, pengguna
from tests.web.test_profil_tabel import kiriman
from tests.web.test_realisasi import isian

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client):
    user = pengguna(Peran.OPERATOR, "kalisat", nama="operator-kalisat")
    user.first_name, user.last_name = "Siti", "Aminah"
    user.save()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def indikator():
    return next(i for i in indikator_pk("kalisat", 2024) if i.jenis_nilai != i.JenisNilai.HURUF)


def url(nama: str, **lain) -> str:
    return reverse(f"web:{nama}", kwargs={"slug": "kalisat", "tahun": 2024, **lain})


def simpan_realisasi(client, indikator, nilai: str) -> None:
    alamat = url("realisasi", indikator_id=indikator.pk)
    assert client.post(alamat, isian(indikator, nilai=nilai)).status_code == 302


def test_a_realisasi_saved_on_its_page_keeps_who_when_old_and_new(operator, indikator):
    simpan_realisasi(operator, indikator, "97,5")
    simpan_realisasi(operator, indikator, "1.234,5")
    terakhir, sebelumnya = Realisasi.objects.get(indikator=indikator, tahun=2024).history.all()[:2]
    assert terakhir.history_user == operator.user
    assert (sebelumnya.angka, terakhir.angka) == (Decimal("97.5"), Decimal("1234.5"))
    halaman = operator.get(url("riwayat_realisasi", indikator_id=indikator.pk))
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    assert "Siti Aminah" in teks
    assert "<del>97,5</del> → <ins>1.234,5</ins>" in teks
    assert f"{indikator.kode} {indikator.uraian}" in teks


def test_a_deleted_evidence_is_in_the_realisasi_history(operator, indikator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    operator.post(url("bukti_tambah", indikator_id=indikator.pk), {"tautan": "https://contoh.id/sk"})
    bukti = Bukti.objects.get(realisasi__indikator=indikator, realisasi__tahun=2024)
    assert operator.post(url("bukti_hapus", bukti_id=bukti.pk), {"konfirmasi": "ya"}).status_code == 302
    jenis = list(Bukti.history.filter(id=bukti.pk).values_list("history_type", "history_user"))
    assert jenis == [("-", operator.user.pk), ("+", operator.user.pk)]
    teks = operator.get(url("riwayat_realisasi", indikator_id=indikator.pk)).content.decode()
    assert "dihapus" in teks and "<del>https://contoh.id/sk</del>" in teks


def test_moving_the_signer_records_the_old_heads_change(operator):
    """The head used to be cleared with a queryset ``update`` that left no trace."""
    profil = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    kepala_lama = profil.pejabat.get(kepala=True)
    data = kiriman(operator, "pejabat")
    n = int(data["form-INITIAL_FORMS"])
    for i in range(n):
        data.pop(f"form-{i}-kepala", None)
    data |= {f"form-{n}-jabatan": "Plt. Camat", f"form-{n}-nama": "PEJABAT BARU", f"form-{n}-kepala": "on"}
    assert operator.post(reverse("web:profil_pejabat", args=["kalisat", 2024]), data).status_code == 302
    terakhir = Pejabat.history.filter(id=kepala_lama.pk).first()
    assert terakhir.history_user == operator.user
    assert terakhir.kepala is False
    assert terakhir.prev_record.kepala is True
    teks = operator.get(url("riwayat") + "?bagian=profil").content.decode()
    assert "<del>ya</del> → <ins>tidak</ins>" in teks and "PEJABAT BARU" in teks


def test_a_profile_table_save_records_only_the_row_that_changed(operator):
    from kecamatan.models import Desa

    data = kiriman(operator, "desa")
    assert int(data["form-INITIAL_FORMS"]) > 1
    data["form-0-jumlah_penduduk"] = "12.345"
    sebelum = Desa.history.count()
    assert operator.post(reverse("web:profil_desa", args=["kalisat", 2024]), data).status_code == 302
    assert Desa.history.count() == sebelum + 1
    catatan = Desa.history.first()
    assert (catatan.history_user, catatan.jumlah_penduduk) == (operator.user, 12345)
    teks = operator.get(url("riwayat") + "?bagian=profil").content.decode()
    assert "→ <ins>12.345</ins>" in teks


def test_renstra_perubahan_records_every_row_it_moves(operator):
    """The realisasi, targets and sub kegiatan that follow the new version used to move by a
    queryset ``update`` outside the history."""
    ikut = list(Realisasi.objects.filter(indikator__sasaran__renstra__kecamatan__slug="kalisat", tahun=2024))
    data = {
        "perubahan-nomor_keputusan": "Perbup 12/2024",
        "perubahan-tanggal_keputusan": "2024-03-01",
        "perubahan-berlaku_mulai": "2024",
    }
    assert operator.post(url("renstra_perubahan"), data).status_code == 302
    baru = Renstra.objects.get(kecamatan__slug="kalisat", versi=2)
    assert ikut
    for realisasi in ikut:
        catatan = realisasi.history.first()
        assert catatan.history_user == operator.user
        assert catatan.indikator.sasaran.renstra == baru
        assert catatan.prev_record.indikator_id == realisasi.indikator_id
    sub = SubKegiatan.objects.for_kecamatan_tahun(baru.kecamatan_id, 2024).exclude(sasaran=None).first()
    assert sub.history.first().history_user == operator.user
    assert sub.history.first().sasaran.renstra == baru


def test_an_admin_edit_is_recorded_with_the_administrator(client):
    admin = pengguna(Peran.ADMIN, nama="admin-uji")
    client.force_login(admin)
    narasi = NarasiLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, bagian="penutup", teks="Lama."
    )
    alamat = reverse("admin:laporan_narasilaporan_change", args=[narasi.pk])
    data = {"kecamatan": narasi.kecamatan_id, "tahun": 2024, "bagian": "penutup", "teks": "Baru."}
    assert client.post(alamat, data).status_code == 302
    catatan = narasi.history.first()
    assert (catatan.history_user, catatan.teks, catatan.prev_record.teks) == (admin, "Baru.", "Lama.")
    assert client.get(reverse("admin:laporan_narasilaporan_history", args=[narasi.pk])).status_code == 200


def test_the_loader_records_its_reason_and_user_and_a_reload_records_nothing(tmp_path):
    admin = pengguna(Peran.ADMIN, nama="pemuat")
    dokumen = json.loads((FIXTURES / "kalisat.json").read_text(encoding="utf-8"))
    profil = next(p for p in dokumen["profil"] if p["tahun"] == 2024)
    lama = profil["jumlah_penduduk"]
    profil["jumlah_penduduk"] = lama + 1000
    berkas = tmp_path / "kalisat.json"
    berkas.write_text(json.dumps(dokumen), encoding="utf-8")
    call_command("muat_kecamatan", str(berkas), "--oleh", "pemuat", verbosity=0)
    catatan = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024).history.first()
    assert (catatan.history_user, catatan.history_change_reason) == (admin, "muat_kecamatan")
    assert (catatan.prev_record.jumlah_penduduk, catatan.jumlah_penduduk) == (lama, lama + 1000)
    jumlah = ProfilKecamatan.history.count()
    call_command("muat_kecamatan", str(berkas), verbosity=0)
    assert ProfilKecamatan.history.count() == jumlah


def test_an_unknown_loader_user_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak ada"):
        call_command("muat_kecamatan", str(FIXTURES / "kalisat.json"), "--oleh", "tidak-ada", verbosity=0)


def test_the_year_history_is_newest_first_across_models_and_paginated(operator, indikator):
    simpan_realisasi(operator, indikator, "80")
    halaman = operator.get(url("riwayat"))
    assert halaman.status_code == 200
    catatan = halaman.context["riwayat"].catatan
    waktu = [c.waktu for c in catatan]
    assert waktu == sorted(waktu, reverse=True)
    assert len(catatan) == 50 and halaman.context["riwayat"].halaman.paginator.num_pages > 1
    assert (catatan[0].pengguna, catatan[0].jenis_item) == ("Siti Aminah", "Realisasi")
    assert len({c.jenis_item for c in catatan}) > 2  # the seed load of several models follows
    assert operator.get(url("riwayat") + "?halaman=2").status_code == 200
    assert operator.get(url("riwayat") + "?bagian=rahasia").status_code == 404


def test_reviewers_read_any_kecamatans_history_and_other_kecamatan_users_get_404(client, indikator):
    client.force_login(pengguna(Peran.INSPEKTORAT))
    assert client.get(url("riwayat")).status_code == 200
    assert client.get(url("riwayat_realisasi", indikator_id=indikator.pk)).status_code == 200
    client.force_login(pengguna(Peran.OPERATOR, "arjasa"))
    assert client.get(url("riwayat")).status_code == 404
    assert client.get(url("riwayat_realisasi", indikator_id=indikator.pk)).status_code == 404


def test_the_pages_link_to_their_history(operator, indikator):
    sub = SubKegiatan.objects.for_kecamatan_tahun(Kecamatan.objects.get(slug="kalisat").pk, 2024).first()
    harapan = {
        url("tahun"): url("riwayat"),
        url("realisasi", indikator_id=indikator.pk): url("riwayat_realisasi", indikator_id=indikator.pk),
        url("renstra"): url("riwayat") + "?bagian=renstra",
        url("perjanjian"): url("riwayat") + "?bagian=perjanjian",
        url("anggaran"): url("riwayat_sub_kegiatan", sub_kegiatan_id=sub.pk),
        url("profil"): url("riwayat") + "?bagian=profil",
    }
    for halaman, tautan in harapan.items():
        assert f'href="{tautan}"' in operator.get(halaman).content.decode(), halaman


def _ubah_anggaran(sub_kegiatan: list[SubKegiatan], kali: int) -> None:
    for i in range(kali):
        for sub in sub_kegiatan:
            sub.pagu = sub.pagu + 1 + i
            sub.save()


@pytest.mark.parametrize("kali", [1, 4])
def test_a_history_page_takes_the_same_queries_at_any_size(client, django_assert_num_queries, kali):
    """Three queries for the page (count, keys, rows), whatever its size; the other five are
    the session (read; unchanged, it is saved at most once a minute), the user, the kecamatan,
    the year's review state (the read-only banner) and the menu's count of the user's
    workflow steps."""
    client.force_login(pengguna(Peran.BAPPEDA))
    semua = list(SubKegiatan.objects.for_kecamatan_tahun(Kecamatan.objects.get(slug="kalisat").pk, 2024))
    _ubah_anggaran(semua, kali)
    client.get(url("tahun"))  # first request: one-off checks of the database's features
    with django_assert_num_queries(8):
        jawaban = client.get(url("riwayat") + "?bagian=anggaran")
    assert jawaban.context["riwayat"].halaman.paginator.count >= len(semua) * (kali + 1)
    with django_assert_num_queries(9):  # and the sub kegiatan itself
        client.get(url("riwayat_sub_kegiatan", sub_kegiatan_id=semua[0].pk))
    with django_assert_num_queries(8):
        client.get(url("riwayat"))


def test_rupiah_and_years_are_formatted_the_indonesian_way(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    sub = SubKegiatan.objects.for_kecamatan_tahun(Kecamatan.objects.get(slug="kalisat").pk, 2024).first()
    sub.pagu, sub.realisasi = Decimal("1234567"), None
    sub.save()
    teks = client.get(url("riwayat_sub_kegiatan", sub_kegiatan_id=sub.pk)).content.decode()
    assert "→ <ins>Rp1.234.567</ins>" in teks
    assert "→ <ins>–</ins>" in teks  # realisasi removed: missing, not zero
    assert "(sistem)" in teks and "muat_kecamatan" in teks  # the seed load, from the command line


def test_a_write_without_a_request_or_a_context_has_no_user():
    realisasi = Realisasi.objects.filter(tahun=2024).first()
    realisasi.catatan = "Diubah dari skrip."
    realisasi.save()
    catatan = realisasi.history.first()
    assert catatan.history_user is None and catatan.history_change_reason is None


def test_changing_one_quarter_records_that_quarter_only(operator, indikator):
    from capaian.models import RealisasiTriwulan

    alamat = url("realisasi", indikator_id=indikator.pk)
    kuartal = {"triwulan_1": "10", "triwulan_2": "20", "triwulan_3": "30"}
    assert operator.post(alamat, isian(indikator, **kuartal)).status_code == 302
    sebelum = RealisasiTriwulan.history.count()
    assert operator.post(alamat, isian(indikator, **{**kuartal, "triwulan_2": "25,5"})).status_code == 302
    assert RealisasiTriwulan.history.count() == sebelum + 1
    catatan = RealisasiTriwulan.history.first()
    assert (catatan.triwulan, catatan.angka, catatan.history_user) == (2, Decimal("25.5"), operator.user)
    teks = operator.get(url("riwayat_realisasi", indikator_id=indikator.pk)).content.decode()
    assert "Triwulan 2" in teks and "<del>20</del> → <ins>25,5</ins>" in teks
