"""Isolation: a user of one kecamatan gets 404 for every URL of another kecamatan, and the
table below must list every URL pattern of the project, so a new page cannot skip the check."""

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from anggaran.models import Program, SubKegiatan
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.models import LaporanDisetujui
from perencanaan.models import PerjanjianKinerja
from reviu.services import catatan_create
from tests.web.bantuan import bukti_berkas, foto_dokumentasi, indikator_pk, pengguna

SENDIRI = ("kalisat", 2024)
LAIN = ("arjasa", 2023)

#: URL name → (method, extra kwargs kind). ``kecamatan`` patterns take slug and tahun.
TABEL: dict[str, tuple[str, str]] = {
    "login": ("GET", "umum"),
    "logout": ("POST", "akun"),
    "password_change": ("GET", "akun"),
    "password_change_done": ("GET", "akun"),
    "web:beranda": ("GET", "akun"),
    "web:tugas": ("GET", "akun"),
    "laporan:logo_kop": ("GET", "akun"),
    "laporan:foto_dokumentasi": ("GET", "akun"),
    "web:tahun": ("GET", "kecamatan"),
    "web:alur": ("POST", "kecamatan"),
    "web:tahun_mulai": ("POST", "kecamatan"),
    "web:periksa": ("GET", "kecamatan"),
    "web:realisasi": ("GET", "indikator"),
    "web:realisasi_pratinjau": ("POST", "indikator"),
    "web:bukti_tambah": ("POST", "indikator"),
    "web:bukti_unduh": ("GET", "bukti"),
    "web:bukti_hapus": ("POST", "bukti"),
    "web:profil": ("GET", "kecamatan"),
    "web:profil_desa": ("GET", "kecamatan"),
    "web:profil_pegawai": ("GET", "kecamatan"),
    "web:profil_rincian_pegawai": ("GET", "kecamatan"),
    "web:profil_sarana": ("GET", "kecamatan"),
    "web:profil_pejabat": ("GET", "kecamatan"),
    "web:profil_organisasi": ("GET", "kecamatan"),
    "web:profil_inovasi": ("GET", "kecamatan"),
    "web:profil_penghargaan": ("GET", "kecamatan"),
    "web:renstra": ("GET", "kecamatan"),
    "web:tujuan_tambah": ("POST", "kecamatan"),
    "web:sasaran_tambah": ("POST", "kecamatan"),
    "web:indikator_tambah": ("POST", "kecamatan"),
    "web:renstra_perubahan": ("POST", "kecamatan"),
    "web:renstra_hapus": ("POST", "hapus_renstra"),
    "web:rkt": ("GET", "kecamatan"),
    "web:rkt_buat": ("POST", "kecamatan"),
    "web:perjanjian": ("GET", "kecamatan"),
    "web:perjanjian_perubahan": ("POST", "kecamatan"),
    "web:perjanjian_hapus": ("POST", "hapus_pk"),
    "web:anggaran": ("GET", "kecamatan"),
    "web:anggaran_hapus": ("POST", "hapus_anggaran"),
    "web:anggaran_indikator": ("GET", "hapus_anggaran"),
    "web:dokumentasi": ("GET", "kecamatan"),
    "web:dokumentasi_ubah": ("POST", "dokumentasi"),
    "web:dokumentasi_foto": ("GET", "dokumentasi"),
    "web:dokumentasi_hapus": ("POST", "dokumentasi"),
    "web:narasi": ("GET", "kecamatan"),
    "web:narasi_bawaan": ("POST", "kecamatan"),
    "web:catatan": ("GET", "kecamatan"),
    "web:catatan_tambah": ("POST", "kecamatan"),
    "web:catatan_balas": ("POST", "catatan"),
    "web:catatan_status": ("POST", "catatan"),
    "web:riwayat": ("GET", "kecamatan"),
    "web:riwayat_realisasi": ("GET", "indikator"),
    "web:riwayat_sub_kegiatan": ("GET", "sub_kegiatan"),
    "web:ekspor_capaian": ("GET", "kecamatan"),
    "web:ekspor_anggaran": ("GET", "kecamatan"),
    "web:ekspor_tahun": ("GET", "kecamatan"),
    "excel:impor": ("GET", "kecamatan"),
    "excel:templat": ("GET", "kecamatan"),
    "excel:terapkan": ("POST", "kecamatan"),
    "excel:batal": ("POST", "kecamatan"),
    "laporan:pratinjau": ("GET", "kecamatan"),
    "laporan:pdf": ("GET", "kecamatan"),
    "laporan:pdf_status": ("GET", "kecamatan"),
    "laporan:versi_daftar": ("GET", "kecamatan"),
    "laporan:versi_pdf": ("GET", "versi"),
    "laporan:cetak_massal": ("GET", "kabupaten"),
    "laporan:cetak_massal_status": ("GET", "kabupaten"),
    "laporan:cetak_massal_unduh": ("GET", "kabupaten"),
    "laporan:cetak_massal_batalkan": ("POST", "kabupaten"),
    "laporan:cetak_massal_ulangi": ("POST", "kabupaten"),
    "web:kabupaten": ("GET", "kabupaten"),
    "web:kabupaten_matriks": ("GET", "kabupaten"),
    "web:kabupaten_tren": ("GET", "kabupaten"),
    "web:kabupaten_dasbor_ekspor": ("GET", "kabupaten"),
    "web:kabupaten_matriks_ekspor": ("GET", "kabupaten"),
    "web:kabupaten_pemetaan": ("GET", "kabupaten"),
    "web:kabupaten_pemetaan_putuskan": ("POST", "kabupaten"),
}

#: Actions only one role may take; every other role gets 403 even on its own kecamatan.
HANYA_PERAN: dict[str, Peran] = {}

#: POSTs the reviewers make: the preview, the workflow steps (the state machine decides
#: which step each role may take; tests/kecamatan/test_alur.py walks every one) and the review
#: notes (``reviu.services`` decides; tests/reviu walks them).
POST_PEMBACA = {
    "web:realisasi_pratinjau",
    "web:alur",
    "web:catatan_tambah",
    "web:catatan_balas",
    "web:catatan_status",
}

#: Note writes only some roles may make, on every kecamatan: any other role gets 403 (the
#: kecamatan replies to its own notes; writing, closing and reopening is the reviewers').
PERAN_CATATAN: dict[str, set[Peran]] = {
    "web:catatan_tambah": {Peran.BAPPEDA, Peran.INSPEKTORAT},
    "web:catatan_status": {Peran.BAPPEDA, Peran.INSPEKTORAT},
    "web:catatan_balas": {Peran.BAPPEDA, Peran.INSPEKTORAT, Peran.OPERATOR, Peran.CAMAT},
}

#: Whole namespaces guarded elsewhere: the admin lets in only staff (the administrator role).
NAMESPACE_TERJAGA = {"admin"}


def semua_pola(resolver=None, awalan: str = ""):
    """(qualified name, pattern) for every URL pattern of the project."""
    for pola in (resolver or get_resolver()).url_patterns:
        if isinstance(pola, URLResolver):
            ns = f"{awalan}{pola.namespace}:" if pola.namespace else awalan
            yield from semua_pola(pola, ns)
        elif isinstance(pola, URLPattern):
            yield (f"{awalan}{pola.name}" if pola.name else f"{awalan}<tanpa nama {pola.pattern}>"), pola


def test_every_url_pattern_is_in_the_table():
    tidak_terdaftar = [
        nama
        for nama, _ in semua_pola()
        if nama not in TABEL and nama.split(":", 1)[0] not in NAMESPACE_TERJAGA
    ]
    assert tidak_terdaftar == [], f"Tambahkan ke TABEL di {__name__}: {tidak_terdaftar}"


def test_the_table_has_no_stale_entries():
    nama = {n for n, _ in semua_pola()}
    assert set(TABEL) <= nama


def versi_disetujui(kecamatan: Kecamatan, tahun: int, versi: int) -> LaporanDisetujui:
    beku = LaporanDisetujui(
        kecamatan=kecamatan,
        tahun=tahun,
        versi=versi,
        sha256_pdf="0" * 64,
        json="{}",
        sha256_json="0" * 64,
        disetujui_oleh="Bappeda",
        disetujui_pada=timezone.now(),
    )
    beku.berkas.save(f"{kecamatan.slug}-{tahun}-{versi}.pdf", ContentFile(b"%PDF-1.4\n"))
    return beku


@pytest.fixture
def url(settings, tmp_path):
    """Reverse every kecamatan pattern for our kecamatan and for another one."""
    settings.MEDIA_ROOT = tmp_path
    objek = {}
    peninjau = pengguna(Peran.INSPEKTORAT, nama="peninjau-isolasi")
    for nomor, (slug, tahun) in enumerate((SENDIRI, LAIN), start=1):
        indikator = indikator_pk(slug, tahun)[0]
        kecamatan = Kecamatan.objects.get(slug=slug)
        ruang = {"slug": slug, "tahun": tahun}
        program = Program.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
        objek[slug] = {
            "kecamatan": ruang,
            "indikator": ruang | {"indikator_id": indikator.pk},
            "bukti": ruang | {"bukti_id": bukti_berkas(indikator, tahun).pk},
            "hapus_renstra": ruang | {"jenis": "indikator", "baris_id": indikator.pk},
            "hapus_pk": ruang | {"perjanjian_id": PerjanjianKinerja.objects.berlaku(kecamatan, tahun).pk},
            "hapus_anggaran": ruang | {"jenis": "program", "baris_id": program.pk},
            "sub_kegiatan": ruang
            | {"sub_kegiatan_id": SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun).first().pk},
            "catatan": ruang
            | {
                "catatan_id": catatan_create(
                    kecamatan=kecamatan, tahun=tahun, oleh=peninjau, jenis="tahun", isi="Periksa lagi."
                ).pk
            },
            "dokumentasi": ruang | {"dokumentasi_id": foto_dokumentasi(program).pk},
            # A different version number per kecamatan: our slug with the other's number is 404.
            "versi": ruang | {"versi": versi_disetujui(kecamatan, tahun, nomor).versi},
        }

    def bangun(nama: str, slug: str) -> str:
        jenis = TABEL[nama][1]
        if jenis in ("umum", "akun"):
            # The logo and the photos are named by their content hash; any name shows the login rule.
            berkas = nama in ("laporan:logo_kop", "laporan:foto_dokumentasi")
            return reverse(nama, kwargs={"nama": "0" * 64 + ".png"} if berkas else None)
        if jenis == "kabupaten":
            pola = str(dict(semua_pola())[nama].pattern)
            isian = {"pk": 999999, "pemetaan_id": 999999, "format": "csv"}
            return reverse(nama, kwargs={k: v for k, v in isian.items() if f":{k}>" in pola})
        return reverse(nama, kwargs=objek[slug][jenis])

    return bangun


JENIS_OBJEK = (
    "indikator", "bukti", "hapus_renstra", "hapus_pk", "hapus_anggaran", "sub_kegiatan", "versi", "catatan",
    "dokumentasi",
)  # fmt: skip
POLA_KECAMATAN = [n for n, (_, jenis) in TABEL.items() if jenis == "kecamatan" or jenis in JENIS_OBJEK]
POLA_KABUPATEN = [n for n, (_, jenis) in TABEL.items() if jenis == "kabupaten"]


def minta(client, nama: str, alamat: str):
    return client.post(alamat) if TABEL[nama][0] == "POST" else client.get(alamat)


@pytest.mark.django_db
@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.CAMAT])
@pytest.mark.parametrize("nama", POLA_KECAMATAN)
def test_kecamatan_user_gets_404_for_every_url_of_another_kecamatan(client, url, peran, nama):
    client.force_login(pengguna(peran, "kalisat"))
    assert minta(client, nama, url(nama, LAIN[0])).status_code == 404
    # The same URL of the user's own kecamatan works: the 404 above is scoping, not a broken page.
    sendiri = minta(client, nama, url(nama, SENDIRI[0])).status_code
    if HANYA_PERAN.get(nama, peran) != peran or peran not in PERAN_CATATAN.get(nama, {peran}):
        assert sendiri == 403
    else:
        assert sendiri in (200, 302, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("nama", [n for n in POLA_KECAMATAN if TABEL[n][1] != "kecamatan"])
def test_kecamatan_user_gets_404_for_the_own_kecamatan_with_another_kecamatans_object(client, url, nama):
    """Our slug with the other kecamatan's indicator, evidence, plan or budget id is still 404."""
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    lain = url(nama, LAIN[0]).replace(f"/k/{LAIN[0]}/{LAIN[1]}/", f"/k/{SENDIRI[0]}/{SENDIRI[1]}/")
    assert minta(client, nama, lain).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("peran", [Peran.BAPPEDA, Peran.INSPEKTORAT, Peran.ADMIN])
@pytest.mark.parametrize("nama", POLA_KECAMATAN)
def test_kabupaten_roles_read_every_kecamatan_and_only_admin_writes(client, url, peran, nama):
    client.force_login(pengguna(peran))
    status = minta(client, nama, url(nama, LAIN[0])).status_code
    if (
        nama in HANYA_PERAN
        or peran not in PERAN_CATATAN.get(nama, {peran})
        or (TABEL[nama][0] == "POST" and nama not in POST_PEMBACA and peran != Peran.ADMIN)
    ):
        assert status == 403
    else:
        assert status in (200, 302, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("nama", [n for n, (_, jenis) in TABEL.items() if jenis != "umum"])
def test_anonymous_is_sent_to_login_for_every_page(client, url, nama):
    jawaban = minta(client, nama, url(nama, SENDIRI[0]))
    if nama == "logout":
        assert jawaban.status_code == 302
        return
    assert jawaban.status_code == 302
    assert jawaban["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.CAMAT, Peran.BAPPEDA, Peran.INSPEKTORAT])
def test_only_the_administrator_gets_into_the_admin(client, peran):
    client.force_login(pengguna(peran, "kalisat" if peran in (Peran.OPERATOR, Peran.CAMAT) else None))
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.CAMAT])
@pytest.mark.parametrize("nama", POLA_KABUPATEN)
def test_kabupaten_pages_are_refused_to_kecamatan_users(client, url, peran, nama):
    client.force_login(pengguna(peran, "kalisat"))
    assert minta(client, nama, url(nama, SENDIRI[0])).status_code in (403, 404)
