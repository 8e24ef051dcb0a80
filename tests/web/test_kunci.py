"""The lock of a year in review or locked holds on every write path: every write URL of the
web interface, every write service, the admin and the command line. Each is refused with a
message and no row of the database changes; the same write works once the year is returned."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command, get_commands
from django.urls import reverse

from anggaran import services as anggaran_services
from anggaran.models import Kegiatan, Program, SubKegiatan
from capaian import scoring
from capaian import services as capaian_services
from capaian.models import Bukti, Realisasi, RealisasiTriwulan
from kecamatan import services as kecamatan_services
from kecamatan.admin import KunciTahunAdmin
from kecamatan.alur import TahunTerkunci
from kecamatan.models import AlurLaporan, Desa, Kecamatan, ProfilKecamatan
from lkip.accounts.models import Peran, User
from lkip.laporan.models import NarasiLaporan, RenderLatar
from lkip.laporan.narasi_bawaan import NARASI_BAWAAN
from lkip.web import services as web_services
from perencanaan import services as perencanaan_services
from perencanaan.models import PerjanjianKinerja, RencanaKinerjaTahunan, Renstra
from tests.conftest import FIXTURES
from tests.web.bantuan import bukti_berkas, foto_dokumentasi, indikator_pk, pengguna
from tests.web.test_isolasi import POLA_KECAMATAN, TABEL
from umum.versi import versi_objek

pytestmark = pytest.mark.django_db

SLUG, TAHUN = "kalisat", 2024
PESAN = f"tahun {TAHUN} tidak dapat diubah"
TERKUNCI = ["diajukan", "direviu", "disetujui", "terkunci"]

#: Every URL of a kecamatan's year that writes, by the kind of its extra arguments.
TULIS: dict[str, str] = {
    "web:realisasi": "indikator",
    "web:bukti_tambah": "indikator",
    "web:bukti_hapus": "bukti",
    "web:profil": "kecamatan",
    "web:profil_desa": "kecamatan",
    "web:profil_pegawai": "kecamatan",
    "web:profil_rincian_pegawai": "kecamatan",
    "web:profil_sarana": "kecamatan",
    "web:profil_pejabat": "kecamatan",
    "web:profil_organisasi": "kecamatan",
    "web:profil_inovasi": "kecamatan",
    "web:profil_penghargaan": "kecamatan",
    "web:renstra": "kecamatan",
    "web:tujuan_tambah": "kecamatan",
    "web:sasaran_tambah": "kecamatan",
    "web:indikator_tambah": "kecamatan",
    "web:renstra_perubahan": "kecamatan",
    "web:rkt": "kecamatan",
    "web:rkt_buat": "kecamatan",
    "web:perjanjian": "kecamatan",
    "web:perjanjian_perubahan": "kecamatan",
    "web:anggaran": "kecamatan",
    "web:narasi": "kecamatan",
    "web:narasi_bawaan": "kecamatan",
    "web:renstra_hapus": "hapus_renstra",
    "web:perjanjian_hapus": "hapus_pk",
    "web:anggaran_hapus": "hapus_anggaran",
    "web:anggaran_indikator": "hapus_anggaran",
    "web:dokumentasi": "kecamatan",
    "web:dokumentasi_ubah": "dokumentasi",
    "web:dokumentasi_hapus": "dokumentasi",
    "web:tahun_mulai": "kecamatan",
    "excel:impor": "kecamatan",
    "excel:terapkan": "kecamatan",
    "excel:batal": "kecamatan",
}
#: Kecamatan URLs that only read (the preview scores what is typed and saves nothing) or are
#: the workflow itself.
BACA = {
    "web:tahun",
    "web:alur",
    "web:realisasi_pratinjau",
    "web:bukti_unduh",
    "web:dokumentasi_foto",
    "laporan:pratinjau",
    "laporan:pdf",
    "laporan:pdf_status",
    "laporan:versi_daftar",
    "laporan:versi_pdf",
    "web:periksa",
    "web:riwayat",
    "web:riwayat_realisasi",
    "web:riwayat_sub_kegiatan",
    "web:ekspor_capaian",
    "web:ekspor_anggaran",
    "web:ekspor_tahun",
    "excel:templat",
    # Review notes are not the year's data: written while it is in review (tests/reviu holds
    # that a Terkunci year refuses them).
    "web:catatan",
    "web:catatan_tambah",
    "web:catatan_balas",
    "web:catatan_status",
}

MODEL_DATA = [
    m
    for label in ("kecamatan", "perencanaan", "capaian", "anggaran", "laporan")
    for m in apps.get_app_config(label).get_models()
    if m._meta.model_name
    not in {
        "alurlaporan",
        "riwayatalur",
        "pdflaporan",
        "renderlatar",
        "cetakmassal",
        "cetakmassallaporan",
        "laporandisetujui",
    }
]


#: The data models an administrator edits (their history tables are only read).
MODEL_ADMIN = [m for m in MODEL_DATA if not hasattr(m, "instance_type")]


def isi_database() -> dict[str, list]:
    """Every stored row of the data models: a write anywhere changes it."""
    return {m._meta.label: list(m.objects.order_by("pk").values_list()) for m in MODEL_DATA}


def kunci(status: str = "terkunci") -> None:
    AlurLaporan.objects.update_or_create(
        kecamatan=Kecamatan.objects.get(slug=SLUG), tahun=TAHUN, defaults={"status": status}
    )


@pytest.fixture
def objek(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    indikator = indikator_pk(SLUG, TAHUN)[0]
    return {
        "kecamatan": {"slug": SLUG, "tahun": TAHUN},
        "indikator": {"slug": SLUG, "tahun": TAHUN, "indikator_id": indikator.pk},
        "bukti": {"slug": SLUG, "tahun": TAHUN, "bukti_id": bukti_berkas(indikator, TAHUN).pk},
        "hapus_renstra": {"slug": SLUG, "tahun": TAHUN, "jenis": "indikator", "baris_id": indikator.pk},
        "hapus_pk": {
            "slug": SLUG,
            "tahun": TAHUN,
            "perjanjian_id": PerjanjianKinerja.objects.berlaku(Kecamatan.objects.get(slug=SLUG), TAHUN).pk,
        },
        "hapus_anggaran": {
            "slug": SLUG,
            "tahun": TAHUN,
            "jenis": "program",
            "baris_id": Program.objects.filter(kecamatan__slug=SLUG, tahun=TAHUN).first().pk,
        },
        "dokumentasi": {
            "slug": SLUG,
            "tahun": TAHUN,
            "dokumentasi_id": foto_dokumentasi(
                Program.objects.filter(kecamatan__slug=SLUG, tahun=TAHUN).first()
            ).pk,
        },
    }


def test_every_kecamatan_url_is_either_a_write_or_a_read():
    assert set(TULIS) | BACA == set(POLA_KECAMATAN)
    assert not set(TULIS) & BACA


@pytest.mark.parametrize(
    ("peran", "status"),
    [(Peran.OPERATOR, s) for s in TERKUNCI] + [(Peran.CAMAT, "terkunci"), (Peran.ADMIN, "direviu")],
)
@pytest.mark.parametrize("nama", TULIS)
def test_every_write_url_of_a_locked_year_is_refused_with_a_message(client, objek, nama, peran, status):
    client.force_login(pengguna(peran, SLUG if peran != Peran.ADMIN else None))
    kunci(status)
    sebelum = isi_database()
    jawaban = client.post(reverse(nama, kwargs=objek[TULIS[nama]]), {"versi": "baru", "catatan": "x"})
    assert jawaban.status_code == 302
    assert jawaban["Location"] == reverse("web:tahun", kwargs=objek["kecamatan"])
    pesan = [str(m) for m in get_messages(jawaban.wsgi_request)]
    assert any(PESAN in p for p in pesan), pesan
    assert isi_database() == sebelum
    halaman = client.get(jawaban["Location"]).content.decode()
    assert "data tahun ini hanya dapat dibaca" in halaman


@pytest.mark.parametrize("nama", TULIS)
def test_the_same_write_is_not_refused_once_the_year_is_returned(client, objek, nama):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    kunci("dikembalikan")
    jawaban = client.post(reverse(nama, kwargs=objek[TULIS[nama]]), {"versi": "baru", "catatan": "x"})
    assert not any(PESAN in str(m) for m in get_messages(jawaban.wsgi_request))


def test_an_htmx_write_to_a_locked_year_gets_423_with_the_message(client, objek):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    kunci()
    jawaban = client.post(reverse("web:bukti_tambah", kwargs=objek["indikator"]), HTTP_HX_REQUEST="true")
    assert jawaban.status_code == 423
    assert PESAN in jawaban.content.decode()


def test_a_refused_write_schedules_no_background_re_render(client, objek):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    kunci()
    client.post(reverse("web:narasi", kwargs=objek["kecamatan"]), {"versi": "baru"})
    assert not RenderLatar.objects.exists()
    kunci("dikembalikan")  # a save that goes through does schedule one
    client.post(reverse("web:rkt_buat", kwargs=objek["kecamatan"]))
    assert RenderLatar.objects.filter(kecamatan__slug=SLUG, tahun=TAHUN).exists()


def test_forms_of_a_locked_year_still_open_for_reading(client, objek):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    kunci()
    for nama, jenis in TULIS.items():
        if TABEL[nama][0] == "GET":
            jawaban = client.get(reverse(nama, kwargs=objek[jenis]))
            assert jawaban.status_code == 200, nama
            assert "hanya dapat dibaca" in jawaban.content.decode(), nama


# --- The services hold the lock on their own (a new form, command or import cannot forget it)


def _kecamatan():
    return Kecamatan.objects.get(slug=SLUG)


def _profil_update():
    k = _kecamatan()
    lama = ProfilKecamatan.objects.get(kecamatan=k, tahun=TAHUN)
    kecamatan_services.profil_update(
        kecamatan=k,
        tahun=TAHUN,
        versi=versi_objek(lama),
        luas_km2=Decimal("12.5"),
        jumlah_penduduk=1,
        isu_strategis="Isu",
        tempat_laporan="Jember",
        tanggal_laporan=None,
    )


def _profil_tabel_update():
    profil = ProfilKecamatan.objects.get(kecamatan=_kecamatan(), tahun=TAHUN)
    baris = {"id": None, "hapus": False, "nama": "Desa Uji", "jenis": Desa.Jenis.DESA}
    kecamatan_services.profil_tabel_update(
        profil=profil,
        jenis="desa",
        versi=kecamatan_services.versi_tabel_profil(profil, "desa"),
        baris=[baris],
    )


def _narasi_update():
    lama = list(NarasiLaporan.objects.filter(kecamatan=_kecamatan(), tahun=TAHUN).order_by("pk"))
    web_services.narasi_update(
        kecamatan=_kecamatan(),
        tahun=TAHUN,
        versi=web_services.versi_narasi(lama),
        teks={next(iter(NARASI_BAWAAN)): "Teks baru."},
    )


def _anggaran_update():
    k = _kecamatan()
    versi = anggaran_services.anggaran_versi(kecamatan=k, tahun=TAHUN)
    sub = SubKegiatan.objects.for_kecamatan_tahun(k.pk, TAHUN).order_by("pk").first()
    anggaran_services.anggaran_update(
        kecamatan=k,
        tahun=TAHUN,
        versi=versi,
        sub_kegiatan={sub.pk: (sub.pagu + 1, sub.realisasi)},
        keluaran={},
    )


def _indikator_anggaran_update():
    kegiatan = Kegiatan.objects.filter(program__kecamatan=_kecamatan(), program__tahun=TAHUN).first()
    anggaran_services.indikator_anggaran_update(
        induk=kegiatan,
        versi=anggaran_services.versi_indikator_anggaran(kegiatan),
        baris=[{"id": None, "uraian": "Indikator uji", "satuan": "%", "target": Decimal("100")}],
    )


def _realisasi_update():
    indikator = indikator_pk(SLUG, TAHUN)[0]
    lama = Realisasi.objects.prefetch_related("triwulan").filter(indikator=indikator, tahun=TAHUN).first()
    capaian_services.realisasi_update(
        indikator=indikator,
        tahun=TAHUN,
        versi=capaian_services.versi_realisasi(lama),
        status=Realisasi.Status.TERISI,
        nilai=scoring.Nilai(angka=Decimal("1")),
        triwulan={},
    )


def _bukti_create():
    capaian_services.bukti_create(
        indikator=indikator_pk(SLUG, TAHUN)[0], tahun=TAHUN, tautan="https://example.org/bukti"
    )


def _bukti_delete():
    capaian_services.bukti_delete(bukti=Bukti.objects.filter(realisasi__tahun=TAHUN).latest("pk"))


def _pk():
    return PerjanjianKinerja.objects.prefetch_related("target").get(
        pk=PerjanjianKinerja.objects.berlaku(_kecamatan(), TAHUN).pk
    )


def _perjanjian_update():
    pk = _pk()
    perencanaan_services.perjanjian_update(
        perjanjian=pk,
        versi=perencanaan_services.versi_perjanjian(pk),
        isian={"tempat": "Tempat Uji"},
        target={},
    )


def _rkt_create():
    RencanaKinerjaTahunan.objects.filter(kecamatan=_kecamatan(), tahun=TAHUN).delete()
    perencanaan_services.rkt_create(kecamatan=_kecamatan(), tahun=TAHUN)


def _rkt_update():
    rkt = RencanaKinerjaTahunan.objects.prefetch_related("target").get(kecamatan=_kecamatan(), tahun=TAHUN)
    perencanaan_services.rkt_update(
        rkt=rkt, versi=perencanaan_services.versi_rkt(rkt), tanggal=date(2024, 1, 2), target={}
    )


def _renstra():
    return perencanaan_services.renstra_halaman(renstra_id=Renstra.objects.berlaku(_kecamatan(), TAHUN).pk)


def _renstra_update():
    renstra = _renstra()
    indikator = renstra.sasaran.all()[0].indikator.all()[0]
    perencanaan_services.renstra_update(
        renstra=renstra,
        versi=perencanaan_services.versi_renstra(renstra),
        indikator={indikator.pk: {"uraian": "Uraian diubah"}},
        target={},
    )


def _tujuan_create():
    perencanaan_services.tujuan_create(renstra=_renstra(), kode="T-UJI", uraian="Tujuan uji")


def _sasaran_create():
    renstra = _renstra()
    perencanaan_services.sasaran_create(
        renstra=renstra, tujuan=renstra.tujuan.all()[0], kode="S-UJI", nomor=None, uraian="Sasaran uji"
    )


def _indikator_create():
    renstra = _renstra()
    perencanaan_services.indikator_create(
        renstra=renstra, sasaran=renstra.sasaran.all()[0], kode="I-UJI", uraian="Indikator uji", satuan="%"
    )


def _renstra_perubahan_create():
    perencanaan_services.renstra_perubahan_create(
        renstra=_renstra(), nomor_keputusan="1/2024", tanggal_keputusan=date(2024, 1, 1), berlaku_mulai=TAHUN
    )


LAYANAN = {
    "profil_update": _profil_update,
    "profil_tabel_update": _profil_tabel_update,
    "narasi_update": _narasi_update,
    "anggaran_update": _anggaran_update,
    "indikator_anggaran_update": _indikator_anggaran_update,
    "realisasi_update": _realisasi_update,
    "bukti_create": _bukti_create,
    "bukti_delete": _bukti_delete,
    "perjanjian_update": _perjanjian_update,
    "perjanjian_perubahan_create": lambda: perencanaan_services.perjanjian_perubahan_create(perjanjian=_pk()),
    "rkt_create": _rkt_create,
    "rkt_update": _rkt_update,
    "renstra_update": _renstra_update,
    "tujuan_create": _tujuan_create,
    "sasaran_create": _sasaran_create,
    "indikator_create": _indikator_create,
    "renstra_perubahan_create": _renstra_perubahan_create,
}


@pytest.mark.parametrize("nama", LAYANAN)
def test_every_write_service_refuses_a_locked_year_and_writes_nothing(settings, tmp_path, nama):
    settings.MEDIA_ROOT = tmp_path
    bukti_berkas(indikator_pk(SLUG, TAHUN)[0], TAHUN)
    if nama == "rkt_create":
        RencanaKinerjaTahunan.objects.filter(kecamatan=_kecamatan(), tahun=TAHUN).delete()
    kunci("direviu")
    sebelum = isi_database()
    with pytest.raises(TahunTerkunci, match=PESAN):
        LAYANAN[nama]()
    assert isi_database() == sebelum


@pytest.mark.parametrize("nama", LAYANAN)
def test_every_write_service_works_when_the_year_is_returned(settings, tmp_path, nama):
    settings.MEDIA_ROOT = tmp_path
    bukti_berkas(indikator_pk(SLUG, TAHUN)[0], TAHUN)
    kunci("dikembalikan")
    sebelum = isi_database()
    LAYANAN[nama]()
    assert isi_database() != sebelum


def test_a_renstra_target_of_an_open_year_may_change_while_another_year_is_locked():
    kunci("terkunci")
    renstra = _renstra()
    indikator = renstra.sasaran.all()[0].indikator.all()[0]
    perencanaan_services.renstra_update(
        renstra=renstra,
        versi=perencanaan_services.versi_renstra(renstra),
        indikator={},
        target={(indikator.pk, 2025): (Decimal("77"), "")},
    )
    assert indikator.target_renstra.get(tahun=2025).angka == Decimal("77")
    renstra = _renstra()
    with pytest.raises(TahunTerkunci):  # but not one of the locked year
        perencanaan_services.renstra_update(
            renstra=renstra,
            versi=perencanaan_services.versi_renstra(renstra),
            indikator={},
            target={(indikator.pk, TAHUN): (Decimal("1"), "")},
        )


# --- The admin ------------------------------------------------------------------------------


@pytest.fixture
def klien_admin(client):
    client.force_login(User.objects.create_superuser("admin-kunci", "a@example.org", "x", peran=Peran.ADMIN))
    return client


#: Data models that belong to no kecamatan year: the kecamatan itself, the predikat scales,
#: the kabupaten's letterhead and its RPJMD.
BUKAN_DATA_TAHUN = {
    "kecamatan.Kecamatan",
    "capaian.SkalaPredikat",
    "capaian.PitaPredikat",
    "capaian.SkalaTahun",
    "capaian.KonversiHuruf",
    "laporan.KopSurat",  # the kabupaten's letterhead, the same on every report
    "perencanaan.Rpjmd",  # the kabupaten's plan, followed by every kecamatan's Renstra
    "perencanaan.MisiRpjmd",
}


@pytest.mark.parametrize("model", MODEL_ADMIN, ids=lambda m: m._meta.label)
def test_every_admin_of_year_data_holds_the_lock_and_finds_the_year_of_a_real_row(objek, model):
    kecamatan_services.pengesahan_create(
        kecamatan=_kecamatan(), tahun=TAHUN, oleh=pengguna(Peran.CAMAT, SLUG)
    )
    realisasi = Realisasi.objects.filter(
        indikator__sasaran__renstra__kecamatan__slug=SLUG, tahun=TAHUN
    ).first()
    RealisasiTriwulan.objects.get_or_create(realisasi=realisasi, triwulan=1, defaults={"angka": Decimal("1")})
    NarasiLaporan.objects.create(
        kecamatan=_kecamatan(), tahun=TAHUN, bagian=next(iter(NARASI_BAWAAN)), teks="x"
    )
    if model._meta.label in BUKAN_DATA_TAHUN:
        assert not isinstance(admin.site._registry[model], KunciTahunAdmin)
        return
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, KunciTahunAdmin)
    pasangan = [p for obj in model.objects.order_by("pk")[:50] for p in model_admin.tahun_kunci(obj)]
    assert pasangan
    assert all(k and t for k, t in pasangan), pasangan


def test_the_admin_refuses_to_save_a_row_of_a_locked_year(klien_admin):
    profil = ProfilKecamatan.objects.get(kecamatan__slug=SLUG, tahun=TAHUN)
    kunci()
    sebelum = isi_database()
    alamat = reverse("admin:kecamatan_profilkecamatan_change", args=[profil.pk])
    halaman = klien_admin.get(alamat)
    data = {k: v for k, v in halaman.context["adminform"].form.initial.items() if v is not None}
    data |= {"kecamatan": profil.kecamatan_id, "tahun": TAHUN, "jumlah_penduduk": 1, "tempat_laporan": "X"}
    for formset in halaman.context["inline_admin_formsets"]:
        awalan = formset.formset.prefix
        data |= {f"{awalan}-TOTAL_FORMS": 0, f"{awalan}-INITIAL_FORMS": 0}
    jawaban = klien_admin.post(alamat, data, follow=True)
    assert PESAN in jawaban.content.decode()
    assert isi_database() == sebelum


def test_the_admin_refuses_to_delete_rows_of_a_locked_year(klien_admin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    bukti = bukti_berkas(indikator_pk(SLUG, TAHUN)[0], TAHUN)
    kunci()
    sebelum = isi_database()
    jawaban = klien_admin.post(
        reverse("admin:capaian_bukti_delete", args=[bukti.pk]), {"post": "yes"}, follow=True
    )
    assert PESAN in jawaban.content.decode()
    desa = Desa.objects.filter(profil__kecamatan__slug=SLUG, profil__tahun=TAHUN).values_list("pk", flat=True)
    jawaban = klien_admin.post(
        reverse("admin:kecamatan_desa_changelist"),
        {"action": "delete_selected", "_selected_action": list(desa), "post": "yes"},
        follow=True,
    )
    assert PESAN in jawaban.content.decode()
    assert isi_database() == sebelum


# --- The command line -----------------------------------------------------------------------

#: The project's own commands, by whether they write a kecamatan's yearly data.
PERINTAH_MENULIS = {"muat_kecamatan"}
PERINTAH_LAIN = {
    "buat_akun_demo",  # accounts only
    "capaian",
    "hitung_capaian",
    "lkip_json",
    "cetak_lkip",  # read and print
    "pangkas_lkip",
    "db_worker",  # the PDF cache and bulk prints
    "periksa",  # the consistency check reads only
    "muat_katalog",  # the kabupaten's indicator catalogue, which the LKIP does not print
    "buat_kecamatan_sintetis",  # new synthetic kecamatan only
    "hapus_kecamatan_sintetis",  # synthetic ones only; refuses a locked year
    "import",  # replaces django-import-export's: refuses, and says where imports are made
}
APLIKASI = {
    "kecamatan",
    "perencanaan",
    "capaian",
    "anggaran",
    "kabupaten",
    "lkip.laporan",
    "lkip.accounts",
    "lkip.web",
    "lkip.excel",
}


def test_every_command_of_the_project_is_classified():
    sendiri = {nama for nama, app in get_commands().items() if app in APLIKASI}
    assert sendiri == PERINTAH_MENULIS | PERINTAH_LAIN


def test_muat_kecamatan_refuses_a_document_with_a_locked_year_and_writes_nothing(tmp_path):
    dokumen = json.loads((Path(FIXTURES) / f"{SLUG}.json").read_text(encoding="utf-8"))
    for profil in dokumen["profil"]:
        profil["jumlah_penduduk"] = 1
    berkas = tmp_path / f"{SLUG}.json"
    berkas.write_text(json.dumps(dokumen), encoding="utf-8")
    kunci()
    sebelum = isi_database()
    with pytest.raises(CommandError, match=PESAN):
        call_command("muat_kecamatan", str(berkas), verbosity=0)
    assert isi_database() == sebelum
    kunci("dikembalikan")
    call_command("muat_kecamatan", str(berkas), verbosity=0)
    assert isi_database() != sebelum
