"""The admin is usable for every model, in Indonesian, and refuses a scale with gaps."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from capaian.models import SkalaPredikat
from lkip.accounts.models import Peran, User

MODEL = [
    m
    for m in admin.site._registry
    if m._meta.app_label in {"kecamatan", "perencanaan", "capaian", "anggaran", "accounts"}
]


@pytest.fixture
def klien_admin(client):
    user = User.objects.create_superuser(
        "admin-uji", "admin@example.org", "rahasia-uji-123", peran=Peran.ADMIN
    )
    client.force_login(user)
    return client


def test_every_model_of_the_apps_is_in_the_admin():
    from django.apps import apps

    for label in ["kecamatan", "perencanaan", "capaian", "anggaran"]:
        for model in apps.get_app_config(label).get_models():
            if hasattr(model, "instance_type"):  # a history table, shown on its model's history page
                continue
            assert model in admin.site._registry, model


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODEL, ids=lambda m: m._meta.label)
def test_admin_list_and_add_pages_open(klien_admin, model):
    awalan = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    daftar = klien_admin.get(reverse(f"{awalan}_changelist"))
    assert daftar.status_code == 200
    tambah = klien_admin.get(reverse(f"{awalan}_add")).status_code
    # Scale bands are added with their scale; the workflow moves only through its steps; a
    # documentation photo is added on its page, where its bytes are checked and re-encoded.
    hanya_baca = {"pitapredikat", "alurlaporan", "riwayatalur", "dokumentasi"}
    assert tambah == (403 if model._meta.model_name in hanya_baca else 200)


@pytest.mark.django_db
def test_admin_is_in_indonesian(klien_admin):
    halaman = klien_admin.get(reverse("admin:index")).content.decode()
    assert "Administrasi data kinerja" in halaman
    assert "Perjanjian Kinerja" in halaman


@pytest.mark.django_db
def test_admin_edit_page_of_a_seed_renstra_opens(klien_admin):
    from perencanaan.models import Renstra

    renstra = Renstra.objects.filter(kecamatan__slug="kalisat").first()
    halaman = klien_admin.get(reverse("admin:perencanaan_renstra_change", args=[renstra.pk]))
    assert halaman.status_code == 200
    assert "Meningkatnya" in halaman.content.decode()


@pytest.mark.django_db
def test_admin_refuses_a_scale_with_a_gap_and_keeps_nothing(klien_admin):
    data = {
        "kode": "skala-bercelah",
        "nama": "Skala bercelah",
        "sumber": "",
        "batas_atas": "",
        "pita-TOTAL_FORMS": "2",
        "pita-INITIAL_FORMS": "0",
        "pita-MIN_NUM_FORMS": "0",
        "pita-MAX_NUM_FORMS": "1000",
        "pita-0-urutan": "1",
        "pita-0-kode": "Baik",
        "pita-0-batas_bawah": "76",
        "pita-0-atas_inklusif": "on",
        "pita-1-urutan": "2",
        "pita-1-kode": "Kurang",
        "pita-1-batas_atas": "75",
        "pita-1-atas_inklusif": "on",
    }
    jawaban = klien_admin.post(reverse("admin:capaian_skalapredikat_add"), data)
    assert jawaban.status_code == 200
    assert "tidak bersambung" in jawaban.content.decode()
    assert not SkalaPredikat.objects.filter(kode="skala-bercelah").exists()

    data["pita-1-batas_atas"] = "76"
    jawaban = klien_admin.post(reverse("admin:capaian_skalapredikat_add"), data)
    assert jawaban.status_code == 302
    skala = SkalaPredikat.objects.get(kode="skala-bercelah").as_skala()
    assert skala.pita_untuk(Decimal("76")).kode == "Kurang"
    assert skala.pita_untuk(Decimal("76.01")).kode == "Baik"


def _isian_keluaran(keluaran, **lain) -> dict:
    isian = {
        "sub_kegiatan": keluaran.sub_kegiatan_id,
        "urutan": keluaran.urutan,
        "uraian": keluaran.uraian,
        "satuan": keluaran.satuan,
        "target": "" if keluaran.target is None else str(keluaran.target),
        "realisasi": "" if keluaran.realisasi is None else str(keluaran.realisasi),
    }
    return isian | lain


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "pesan"),
    [
        ("123456789012.3456", "paling banyak 15 angka"),  # fits 18 digits, not what SQLite keeps
        ("٩٧", "angka selain 0–9"),  # Arabic-Indic digits, which Decimal would read as 97
    ],
)
def test_a_number_the_database_cannot_keep_is_an_admin_form_error_not_a_broken_list(
    klien_admin, target, pesan
):
    from anggaran.models import Keluaran

    keluaran = Keluaran.objects.filter(target__isnull=False).first()
    lama = keluaran.target
    alamat = reverse("admin:anggaran_keluaran_change", args=[keluaran.pk])
    jawaban = klien_admin.post(alamat, _isian_keluaran(keluaran, target=target))
    assert jawaban.status_code == 200
    assert pesan in jawaban.content.decode()
    keluaran.refresh_from_db()
    assert keluaran.target == lama
    assert klien_admin.get(reverse("admin:anggaran_keluaran_changelist")).status_code == 200


@pytest.mark.django_db
def test_a_number_that_fits_is_saved_from_the_admin(klien_admin):
    from anggaran.models import Keluaran

    keluaran = Keluaran.objects.filter(target__isnull=False).first()
    alamat = reverse("admin:anggaran_keluaran_change", args=[keluaran.pk])
    jawaban = klien_admin.post(alamat, _isian_keluaran(keluaran, target="12345678901.2345"))
    assert jawaban.status_code == 302
    keluaran.refresh_from_db()
    assert keluaran.target == Decimal("12345678901.2345")


def _isian_desa(desa, **lain) -> dict:
    isian = {"profil": desa.profil_id, "urutan": desa.urutan, "nama": desa.nama, "jenis": desa.jenis,
             "luas_km2": "" if desa.luas_km2 is None else str(desa.luas_km2),
             "jumlah_penduduk": "" if desa.jumlah_penduduk is None else desa.jumlah_penduduk}  # fmt: skip
    return isian | lain


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("penduduk", "pesan"),
    [("١٢٠٠", "angka selain 0–9"), ("３０００", "angka selain 0–9"), ("3000000000", "2147483647")],
)
def test_a_count_in_other_digits_or_beyond_every_databases_range_is_an_admin_form_error(
    klien_admin, penduduk, pesan
):
    from kecamatan.models import Desa

    desa = Desa.objects.filter(profil__kecamatan__slug="kalisat").first()
    lama = desa.jumlah_penduduk
    alamat = reverse("admin:kecamatan_desa_change", args=[desa.pk])
    jawaban = klien_admin.post(alamat, _isian_desa(desa, jumlah_penduduk=penduduk))
    assert jawaban.status_code == 200
    assert pesan in jawaban.content.decode()
    desa.refresh_from_db()
    assert desa.jumlah_penduduk == lama


@pytest.mark.django_db
def test_the_admin_saves_a_desa_name_without_bidi_controls(klien_admin):
    from kecamatan.models import Desa

    desa = Desa.objects.filter(profil__kecamatan__slug="kalisat").first()
    alamat = reverse("admin:kecamatan_desa_change", args=[desa.pk])
    jawaban = klien_admin.post(
        alamat, _isian_desa(desa, nama="\u202eSumber\u2069 Uji", jumlah_penduduk="1200")
    )
    assert jawaban.status_code == 302
    desa.refresh_from_db()
    assert (desa.nama, desa.jumlah_penduduk) == ("Sumber Uji", 1200)


@pytest.mark.django_db
def test_admin_edits_an_officials_term(klien_admin):
    from kecamatan.models import ProfilKecamatan

    profil = ProfilKecamatan.objects.get(kecamatan__slug="arjasa", tahun=2023)
    halaman = klien_admin.get(
        reverse("admin:kecamatan_profilkecamatan_change", args=[profil.pk])
    ).content.decode()
    assert 'name="pejabat-0-mulai_menjabat"' in halaman and 'name="pejabat-0-selesai_menjabat"' in halaman
