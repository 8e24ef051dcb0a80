"""The operator's pages: the year's home with capaian, predikat colours and what is missing;
profile, Perjanjian Kinerja (+ Perubahan) and budget forms; constant query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran.models import Keluaran, SubKegiatan
from capaian.models import Realisasi
from kecamatan.models import Kecamatan, ProfilKecamatan
from lkip.accounts.models import Peran
from perencanaan.models import PerjanjianKinerja
from perencanaan.services import versi_perjanjian
from tests.factories import catatan_di_setiap_tempat, kecamatan_besar
from tests.web.bantuan import indikator_pk, pengguna

pytestmark = pytest.mark.django_db


def url(nama: str, slug: str = "kalisat", tahun: int = 2024) -> str:
    return reverse(f"web:{nama}", kwargs={"slug": slug, "tahun": tahun})


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


def test_year_home_shows_each_indicators_capaian_and_predikat_with_a_colour(operator):
    halaman = operator.get(url("tahun")).content.decode()
    assert "Capaian rata-rata" in halaman
    assert "Kelengkapan data" in halaman
    for indikator in indikator_pk("kalisat", 2024):
        assert indikator.kode in halaman
    assert 'class="predikat-lencana nada-0"' in halaman  # Kalisat 2024 has «Sangat Tinggi» rows


def test_year_home_lists_what_is_still_missing_with_links(operator):
    indikator = indikator_pk("kalisat", 2024)[0]
    Realisasi.objects.filter(indikator=indikator, tahun=2024).delete()
    halaman = operator.get(url("tahun")).content.decode()
    assert f"Realisasi {indikator.kode} belum diisi" in halaman
    assert (
        reverse("web:realisasi", kwargs={"slug": "kalisat", "tahun": 2024, "indikator_id": indikator.pk})
        in halaman
    )
    assert "Belum diisi" in halaman  # the indicator's row says why it has no predikat


def test_a_year_without_a_pk_says_so_instead_of_failing(operator):
    halaman = operator.get(url("tahun", tahun=2023)).content.decode()
    assert "belum memiliki Perjanjian Kinerja tahun 2023" in halaman


def test_profile_form_saves_indonesian_numbers(operator):
    lama = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    from umum.versi import versi_objek

    jawaban = operator.post(
        url("profil"),
        {
            "versi": versi_objek(lama),
            "luas_km2": "53,49",
            "jumlah_penduduk": "1.075.123",
            "isu_strategis": "Stunting\nPelayanan",
            "tempat_laporan": "Kalisat",
        },
    )
    assert jawaban.status_code == 302
    profil = ProfilKecamatan.objects.get(pk=lama.pk)
    assert profil.luas_km2 == Decimal("53.49")
    assert profil.jumlah_penduduk == 1075123
    assert profil.daftar_isu_strategis == ["Stunting", "Pelayanan"]


def test_pk_targets_and_signatories_are_saved_and_a_stale_pk_form_is_refused(operator):
    perjanjian = PerjanjianKinerja.objects.berlaku(Kecamatan.objects.get(slug="kalisat"), 2024)
    halaman = operator.get(url("perjanjian"))
    form = halaman.context["form"]
    data = {**{k: v for k, v in form.initial.items() if v is not None}}
    target = form.target[0]
    data.update({f"target_{target.pk}": "92,5", "pihak_pertama_nama": "Camat Kalisat", "tanggal": ""})
    assert operator.post(url("perjanjian"), data).status_code == 302
    target.refresh_from_db()
    assert target.angka == Decimal("92.5")
    perjanjian.refresh_from_db()
    assert perjanjian.pihak_pertama_nama == "Camat Kalisat"
    ulang = operator.post(url("perjanjian"), {**data, f"target_{target.pk}": "50"})
    assert ulang.status_code == 409
    assert "sudah diubah orang lain" in ulang.content.decode()
    assert 'value="50"' in ulang.content.decode()


def test_pk_perubahan_is_a_new_version_copying_the_targets(operator):
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    lama = PerjanjianKinerja.objects.berlaku(kecamatan, 2024)
    jumlah_target = lama.target.count()
    operator.post(url("perjanjian_perubahan"), {"versi_pk": lama.versi, "konfirmasi": "ya"})
    baru = PerjanjianKinerja.objects.berlaku(kecamatan, 2024)
    assert baru.versi == lama.versi + 1
    assert baru.jenis == PerjanjianKinerja.Jenis.PERUBAHAN
    assert baru.target.count() == jumlah_target
    assert "Perubahan" in operator.get(url("perjanjian")).content.decode()
    assert versi_perjanjian(baru) != versi_perjanjian(lama)


def test_a_stale_pk_form_shows_the_stored_target_and_saves_with_the_one_taken(operator):
    form = operator.get(url("perjanjian")).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["tanggal"] = data["tanggal"].isoformat() if data.get("tanggal") else ""
    pertama, kedua = form.target[0], form.target[1]
    # Someone else changes the first target; we change both.
    assert operator.post(url("perjanjian"), {**data, f"target_{pertama.pk}": "91"}).status_code == 302
    kita = {**data, f"target_{pertama.pk}": "50", f"target_{kedua.pk}": "77"}
    ulang = operator.post(url("perjanjian"), kita)
    assert ulang.status_code == 409
    konflik = ulang.context["form"].konflik
    assert [(k.label, k.milik_saya, k.tersimpan) for k in konflik][0] == (
        f"Target {pertama.indikator.kode}",
        "50",
        "91",
    )
    baru = {
        **kita,
        "versi": ulang.context["form"]["versi"].value(),
        f"ambil_target_{pertama.pk}": "tersimpan",
    }
    assert operator.post(url("perjanjian"), baru).status_code == 302
    pertama.refresh_from_db(), kedua.refresh_from_db()
    assert (pertama.angka, kedua.angka) == (Decimal("91"), Decimal("77"))


def test_a_stale_budget_form_names_the_sub_kegiatan_of_each_conflict(operator):
    form = operator.get(url("anggaran")).context["form"]
    data = {
        k: (v if isinstance(v, str) else form.fields[k].prepare_value(v) if v is not None else "")
        for k, v in form.initial.items()
    }
    sub = form.sub_kegiatan[0]
    assert operator.post(url("anggaran"), {**data, f"pagu_{sub.pk}": "1000"}).status_code == 302
    ulang = operator.post(url("anggaran"), {**data, f"pagu_{sub.pk}": "2000"})
    assert ulang.status_code == 409
    assert [k.label for k in ulang.context["form"].konflik] == [f"{sub.kode} · Pagu (Rp)"]
    lagi = {**data, f"pagu_{sub.pk}": "2000", "versi": ulang.context["form"]["versi"].value()}
    assert operator.post(url("anggaran"), lagi).status_code == 302
    assert SubKegiatan.objects.get(pk=sub.pk).pagu == Decimal("2000")


def test_budget_form_saves_pagu_realisasi_and_outputs(operator):
    halaman = operator.get(url("anggaran"))
    form = halaman.context["form"]
    sub = form.sub_kegiatan[0]
    data = {
        k: (v if isinstance(v, str) else form.fields[k].prepare_value(v) if v is not None else "")
        for k, v in form.initial.items()
    }
    data[f"pagu_{sub.pk}"] = "1.234.567"  # whole rupiah: the dot groups thousands
    data[f"realisasi_{sub.pk}"] = ""
    keluaran = list(sub.keluaran.all())
    if keluaran:
        data[f"capai_{keluaran[0].pk}"] = "12,5"
    assert operator.post(url("anggaran"), data).status_code == 302
    sub = SubKegiatan.objects.get(pk=sub.pk)
    assert sub.pagu == Decimal("1234567")
    assert sub.realisasi is None  # blank is missing, not zero
    if keluaran:
        assert Keluaran.objects.get(pk=keluaran[0].pk).realisasi == Decimal("12.5")
    assert "–" in operator.get(url("anggaran")).content.decode()


def test_budget_form_refuses_a_negative_pagu_beside_the_field(operator):
    form = operator.get(url("anggaran")).context["form"]
    sub = form.sub_kegiatan[0]
    data = {
        k: (v if isinstance(v, str) else form.fields[k].prepare_value(v) if v is not None else "")
        for k, v in form.initial.items()
    }
    data[f"pagu_{sub.pk}"] = "-5"
    halaman = operator.post(url("anggaran"), data).content.decode()
    assert f'id="id_pagu_{sub.pk}-galat"' in halaman and "tidak boleh kurang dari 0" in halaman


# --- constant query counts ----------------------------------------------------------------

HALAMAN = ["tahun", "perjanjian", "anggaran", "profil", "realisasi"]


def jumlah_query(client, alamat: str) -> int:
    """Queries of one request of ``alamat`` (built before counting)."""
    with CaptureQueriesContext(connection) as q:
        assert client.get(alamat).status_code == 200
    return len(q)


def alamat_halaman(nama: str, slug: str) -> str:
    if nama == "realisasi":
        indikator = indikator_pk(slug, 2024)[-1]
        return reverse("web:realisasi", kwargs={"slug": slug, "tahun": 2024, "indikator_id": indikator.pk})
    return url(nama, slug=slug)


@pytest.mark.parametrize(
    ("nama", "query"),
    [
        # 34 before: the PK and the workflow status read once, the profile's tables only whether
        # they have rows
        ("tahun", 28),
        ("perjanjian", 11),
        ("anggaran", 18),  # with the program and kegiatan indicators
        ("profil", 9),
        ("realisasi", 19),
        ("renstra", 21),  # with the tujuan indicators and the RPJMD choices
        ("periksa", 23),  # 28 before, as the year page
        ("narasi", 11),
        ("catatan", 10),
    ],
)
def test_pages_render_in_a_constant_number_of_queries(client, django_assert_num_queries, nama, query):
    kecil = kecamatan_besar(slug="kecil", indikator=2, sub_kegiatan=3)
    besar = kecamatan_besar(slug="besar", indikator=25, sub_kegiatan=40)
    # Review notes beside the rows, with their threads, on the pages that show them.
    assert catatan_di_setiap_tempat(kecamatan=besar) > 3 * catatan_di_setiap_tempat(kecamatan=kecil) > 0
    client.force_login(pengguna(Peran.OPERATOR, "kecil", nama="op-kecil"))
    n_kecil = jumlah_query(client, alamat_halaman(nama, kecil.slug))
    client.force_login(pengguna(Peran.OPERATOR, "besar", nama="op-besar"))
    alamat = alamat_halaman(nama, besar.slug)
    with django_assert_num_queries(query):
        client.get(alamat)
    assert n_kecil == query


def test_report_prose_is_saved_per_section_and_blank_returns_to_the_default(operator):
    from lkip.laporan.models import NarasiLaporan

    form = operator.get(url("narasi")).context["form"]
    data = {"versi": form.initial["versi"], "latar_belakang": "Paragraf satu.\n\nParagraf dua."}
    assert operator.post(url("narasi"), data).status_code == 302
    narasi = NarasiLaporan.objects.get(kecamatan__slug="kalisat", tahun=2024, bagian="latar_belakang")
    assert narasi.teks == "Paragraf satu.\n\nParagraf dua."
    basi = operator.post(url("narasi"), {**data, "latar_belakang": "Teks lain"})
    assert basi.status_code == 409 and "Teks lain" in basi.content.decode()
    segar = operator.get(url("narasi")).context["form"].initial["versi"]
    operator.post(url("narasi"), {"versi": segar, "latar_belakang": ""})
    assert not NarasiLaporan.objects.filter(pk=narasi.pk).exists()
