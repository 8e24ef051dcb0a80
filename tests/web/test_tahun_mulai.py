"""«Mulai tahun»: a new year started from the last one without retyping, refused when it
would overwrite, duplicate or write into a locked year, scoped like every kecamatan page."""

import io

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Kegiatan, Keluaran, Program, SubKegiatan
from capaian.models import SkalaTahun
from kecamatan.alur import TahunTerkunci
from kecamatan.models import AlurLaporan, Desa, Kecamatan, Pejabat, ProfilKecamatan, UnitOrganisasi
from lkip.accounts.models import Peran
from lkip.web.services import TahunBaruDitolak, tahun_mulai
from perencanaan.models import PerjanjianKinerja, Renstra, TargetPerjanjian, TargetRenstra
from tests.factories import kecamatan_besar
from tests.web.bantuan import pengguna
from tests.web.test_kunci import isi_database

pytestmark = pytest.mark.django_db

SLUG, ASAL, BARU = "kalisat", 2024, 2025


def kalisat() -> Kecamatan:
    return Kecamatan.objects.get(slug=SLUG)


def alamat(slug: str = SLUG, tahun: int = BARU) -> str:
    return reverse("web:tahun_mulai", kwargs={"slug": slug, "tahun": tahun})


def pohon(kecamatan: Kecamatan, tahun: int) -> list[tuple]:
    """The budget tree as codes and names, with the supported sasaran's kode."""
    return [
        (
            s.kegiatan.program.kode,
            s.kegiatan.program.nama,
            s.kegiatan.kode,
            s.kode,
            s.nama,
            s.sasaran and s.sasaran.kode,
        )
        for s in SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun)
        .select_related("kegiatan__program", "sasaran")
        .order_by("kegiatan__program__kode_urut", "kegiatan__kode_urut", "kode_urut")
    ]


def test_kalisat_2025_starts_from_2024_with_renstra_targets_and_an_empty_budget():
    kecamatan = kalisat()
    operator = pengguna(Peran.OPERATOR, SLUG)
    hasil = tahun_mulai(kecamatan=kecamatan, tahun=BARU, oleh=operator)

    renstra = Renstra.objects.berlaku(kecamatan, BARU)
    pk_lama = PerjanjianKinerja.objects.berlaku(kecamatan, ASAL)
    pk = PerjanjianKinerja.objects.get(kecamatan=kecamatan, tahun=BARU)
    assert (pk.versi, pk.jenis, pk.tanggal) == (1, "murni", None)
    assert (pk.pihak_pertama_nama, pk.pihak_kedua_nama) == (
        pk_lama.pihak_pertama_nama,
        pk_lama.pihak_kedua_nama,
    )
    target_renstra = {
        t.indikator_id: (t.angka, t.huruf)
        for t in TargetRenstra.objects.filter(indikator__sasaran__renstra=renstra, tahun=BARU)
    }
    target = {t.indikator_id: (t.angka, t.huruf) for t in pk.target.all()}
    assert set(target) == set(renstra.sasaran.values_list("indikator", flat=True))
    assert target_renstra and all(target[i] == nilai for i, nilai in target_renstra.items())
    assert hasil.target_pk == len(target)

    assert pohon(kecamatan, BARU) == pohon(kecamatan, ASAL)
    baru = SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, BARU)
    assert hasil.sub_kegiatan == baru.count() == 13
    assert set(baru.values_list("pagu", "realisasi")) == {(None, None)}  # empty, never 0
    keluaran = Keluaran.objects.filter(sub_kegiatan__in=baru)
    assert (
        keluaran.count()
        == Keluaran.objects.filter(
            sub_kegiatan__kegiatan__program__kecamatan=kecamatan, sub_kegiatan__kegiatan__program__tahun=ASAL
        ).count()
    )
    assert set(keluaran.values_list("target", "realisasi")) == {(None, None)}
    for model, jalur in ((IndikatorProgram, "program__"), (IndikatorKegiatan, "kegiatan__program__")):
        lama_ = model.objects.filter(**{f"{jalur}kecamatan": kecamatan, f"{jalur}tahun": ASAL})
        baru_ = model.objects.filter(**{f"{jalur}kecamatan": kecamatan, f"{jalur}tahun": BARU})
        assert sorted(baru_.values_list("uraian", "satuan")) == sorted(lama_.values_list("uraian", "satuan"))
        assert lama_.exists() and set(baru_.values_list("target", "realisasi")) == {(None, None)}

    lama, profil = (ProfilKecamatan.objects.get(kecamatan=kecamatan, tahun=t) for t in (ASAL, BARU))
    assert (profil.luas_km2, profil.isu_strategis, profil.tanggal_laporan) == (
        lama.luas_km2,
        lama.isu_strategis,
        None,
    )
    for nama in ("desa", "pegawai", "sarana", "organisasi", "pejabat"):
        assert getattr(profil, nama).count() == getattr(lama, nama).count() > 0, nama
    induk = {u.kode: u.induk and u.induk.kode for u in UnitOrganisasi.objects.filter(profil=lama)}
    assert {u.kode: u.induk and u.induk.kode for u in UnitOrganisasi.objects.filter(profil=profil)} == induk
    assert all(u.induk is None or u.induk.profil_id == profil.pk for u in profil.organisasi.all())

    # Recorded in the history as the start of the year, by the user.
    for model, baris in [
        (SubKegiatan, baru.first()),
        (TargetPerjanjian, pk.target.first()),
        (Desa, profil.desa.first()),
    ]:
        catatan = model.history.get(id=baris.pk)
        assert (catatan.history_type, catatan.history_change_reason, catatan.history_user) == (
            "+",
            f"Mulai tahun {BARU}",
            operator,
        )


def test_an_official_whose_term_ended_is_not_carried_into_the_new_year():
    from datetime import date

    lama = ProfilKecamatan.objects.get(kecamatan__slug=SLUG, tahun=ASAL)
    Pejabat.objects.create(
        profil=lama, jabatan="Sekretaris Camat", nama="Pensiun", selesai_menjabat=date(2024, 6, 30)
    )
    tahun_mulai(kecamatan=kalisat(), tahun=BARU, oleh=None)
    nama = set(
        Pejabat.objects.filter(profil__tahun=BARU, profil__kecamatan__slug=SLUG).values_list(
            "nama", flat=True
        )
    )
    assert "Pensiun" not in nama and len(nama) == lama.pejabat.count() - 1


def test_the_page_asks_first_listing_what_is_copied_then_the_new_year_shows_what_to_fill(client):
    client.force_login(pengguna(Peran.CAMAT, SLUG))
    rumah = client.get(reverse("web:tahun", kwargs={"slug": SLUG, "tahun": ASAL})).content.decode()
    assert alamat() in rumah and f"Mulai tahun {BARU}" in rumah
    halaman = client.get(alamat()).content.decode()
    assert "Perjanjian Kinerja tahun 2025" in halaman and "13 sub kegiatan" in halaman
    assert 'name="konfirmasi" value="ya"' in halaman
    assert not PerjanjianKinerja.objects.filter(kecamatan__slug=SLUG, tahun=BARU).exists()  # only asked

    jawaban = client.post(alamat(), {"konfirmasi": "ya"})
    assert jawaban["Location"] == reverse("web:tahun", kwargs={"slug": SLUG, "tahun": BARU})
    assert any("Tahun 2025 dimulai" in str(m) for m in get_messages(jawaban.wsgi_request))
    rumah = client.get(jawaban["Location"]).content.decode()
    assert "Pagu 13 sub kegiatan belum diisi" in rumah
    assert "Realisasi anggaran 13 sub kegiatan belum diisi" in rumah
    # The predikat scale of a year is the administrator's choice, so the list says it is missing.
    assert "Belum ada skala predikat yang dipilih untuk tahun 2025" in rumah
    SkalaTahun.objects.create(tahun=BARU, skala=SkalaTahun.objects.get(tahun=ASAL).skala)
    rumah = client.get(jawaban["Location"]).content.decode()
    assert "Realisasi S1.1 belum diisi" in rumah and "Analisis" in rumah
    assert f"Mulai tahun {BARU + 1}" in rumah  # the next start is offered from the new latest year
    anggaran = client.get(reverse("web:anggaran", kwargs={"slug": SLUG, "tahun": BARU})).content.decode()
    assert "Pagu <strong>–</strong>" in anggaran  # the total of empty amounts is missing, not Rp0

    # The budget export of the new year has empty amount cells, not zeros.
    xlsx = client.get(reverse("web:ekspor_anggaran", kwargs={"slug": SLUG, "tahun": BARU}))
    lembar = load_workbook(io.BytesIO(xlsx.content))["Realisasi anggaran"]
    assert [r[3] for r in lembar.iter_rows(min_row=2, values_only=True)] == [None] * (lembar.max_row - 1)


def test_a_second_click_is_refused_and_duplicates_nothing(client):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    client.post(alamat(), {"konfirmasi": "ya"})
    sebelum = isi_database()
    jawaban = client.post(alamat(), {"konfirmasi": "ya"})
    assert jawaban["Location"] == reverse("web:tahun", kwargs={"slug": SLUG, "tahun": ASAL})
    pesan = " ".join(str(m) for m in get_messages(jawaban.wsgi_request))
    assert "Tahun 2025 sudah memiliki data (Perjanjian Kinerja, profil, anggaran)" in pesan
    assert isi_database() == sebelum
    assert (
        Program.objects.filter(kecamatan__slug=SLUG, tahun=BARU).count()
        == Program.objects.filter(kecamatan__slug=SLUG, tahun=ASAL).count()
    )


@pytest.mark.parametrize(
    ("slug", "tahun", "pesan"),
    [
        (SLUG, ASAL, "Tahun 2024 sudah memiliki data (Perjanjian Kinerja, profil, anggaran, RKT, realisasi)"),
        ("pakusari", 2022, "Tahun 2022 di luar periode Renstra Kecamatan Pakusari (2016–2021)"),
        (SLUG, 2026, "Tahun 2025 belum memiliki data untuk disalin ke tahun 2026"),
    ],
)
def test_refusals_say_why_and_write_nothing(client, slug, tahun, pesan):
    sebelum = isi_database()
    with pytest.raises(TahunBaruDitolak, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        tahun_mulai(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun, oleh=None)
    assert isi_database() == sebelum
    client.force_login(pengguna(Peran.ADMIN))
    halaman = client.get(alamat(slug, tahun)).content.decode()
    assert pesan in halaman and 'name="konfirmasi"' not in halaman  # no button, only the way back


def test_a_locked_target_year_is_refused_with_the_lock_message(client):
    AlurLaporan.objects.create(kecamatan=kalisat(), tahun=BARU, status="terkunci")
    sebelum = isi_database()
    with pytest.raises(TahunTerkunci, match="tahun 2025 tidak dapat diubah"):
        tahun_mulai(kecamatan=kalisat(), tahun=BARU, oleh=None)
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    assert "tahun 2025 tidak dapat diubah" in client.get(alamat()).content.decode()
    jawaban = client.post(alamat(), {"konfirmasi": "ya"})
    assert any("tahun 2025 tidak dapat diubah" in str(m) for m in get_messages(jawaban.wsgi_request))
    assert isi_database() == sebelum


def test_another_kecamatans_slug_is_404_and_reviewers_may_not_start_a_year(client):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    assert client.get(alamat("arjasa", 2024)).status_code == 404
    assert client.post(alamat("arjasa", 2024), {"konfirmasi": "ya"}).status_code == 404
    assert not PerjanjianKinerja.objects.filter(kecamatan__slug="arjasa", tahun=2024).exists()
    for peran in (Peran.BAPPEDA, Peran.INSPEKTORAT):
        client.force_login(pengguna(peran))
        assert client.post(alamat(), {"konfirmasi": "ya"}).status_code == 403
        rumah = client.get(reverse("web:tahun", kwargs={"slug": SLUG, "tahun": ASAL})).content.decode()
        assert alamat() not in rumah
    assert not PerjanjianKinerja.objects.filter(kecamatan__slug=SLUG, tahun=BARU).exists()


def test_the_confirmation_page_takes_the_same_queries_whatever_the_size(client, django_assert_num_queries):
    kecamatan_besar(slug="kecil", indikator=2, sub_kegiatan=3)
    besar = kecamatan_besar(slug="besar", indikator=25, sub_kegiatan=40)
    client.force_login(pengguna(Peran.ADMIN))
    client.get(reverse("web:beranda"))  # the first request after the login saves the session
    with CaptureQueriesContext(connection) as q:
        assert "3 sub kegiatan" in client.get(alamat("kecil")).content.decode()
    with django_assert_num_queries(len(q)):
        assert "40 sub kegiatan" in client.get(alamat("besar")).content.decode()
    assert len(q) == 21
    assert Kegiatan.objects.filter(program__kecamatan=besar).count() == 14
