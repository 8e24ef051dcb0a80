"""Every table of the report, in the chapters and the annexes, is followed by a «Sumber:» line
naming the document its numbers come from: the seed's own wording where the kecamatan named
it (Kalisat), a sentence derived from the data otherwise."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from kecamatan import services as kecamatan_services
from kecamatan.models import Kecamatan, ProfilKecamatan
from lkip.accounts.models import Peran
from lkip.laporan.pdf import html_lkip
from tests.web.bantuan import pengguna
from umum.versi import versi_objek

TAHUN = {"arjasa": 2023, "kencong": 2023, "sumbersari": 2023, "pakusari": 2021, "kalisat": 2024}

pytestmark = pytest.mark.django_db


class SumberTabel(HTMLParser):
    """For each data table (one with a header row), the «Sumber:» text under it: the paragraph
    right after the table, or the table's own source row (annex tables closed by a signature)."""

    def __init__(self) -> None:
        super().__init__()
        self.tabel: list[dict] = []
        self._terbuka: list[dict] = []
        self._baru_tutup: dict | None = None
        """The table just closed, until the next element says whether its source follows."""
        self._kumpul: tuple[dict, str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        kelas = (dict(attrs).get("class") or "").split()
        if self._baru_tutup is not None:
            if tag == "p" and "sumber" in kelas:
                self._kumpul = (self._baru_tutup, "p", [])
            self._baru_tutup = None
        if tag == "table":
            self._terbuka.append({"kelas": " ".join(kelas), "kepala": False, "sumber": None})
        elif tag == "thead" and self._terbuka:
            self._terbuka[-1]["kepala"] = True
        elif tag == "tr" and "baris-sumber" in kelas and self._terbuka:
            self._kumpul = (self._terbuka[-1], "tr", [])

    def handle_data(self, data):
        if self._kumpul is not None:
            self._kumpul[2].append(data)

    def handle_endtag(self, tag):
        if self._kumpul is not None and tag == self._kumpul[1]:
            tabel, _, teks = self._kumpul
            tabel["sumber"] = "".join(teks).strip()
            self._kumpul = None
        if tag == "table" and self._terbuka:
            t = self._terbuka.pop()
            if t["kepala"]:
                self.tabel.append(t)
                self._baru_tutup = t if t["sumber"] is None else None


def _sumber(html: str) -> list[dict]:
    pengurai = SumberTabel()
    pengurai.feed(html)
    return pengurai.tabel


@pytest.fixture(scope="module")
def laporan(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return {
            slug: html_lkip(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
            for slug, tahun in TAHUN.items()
        }


@pytest.mark.parametrize("slug", TAHUN)
def test_every_table_is_followed_by_its_source(laporan, slug):
    tabel = _sumber(laporan[slug])
    # Pakusari prints 19 data tables (no staff, sarana or desa table), the others more.
    assert len(tabel) >= 19
    tanpa = [t["kelas"] for t in tabel if not (t["sumber"] or "").startswith("Sumber: ")]
    assert tanpa == []
    assert all(len(t["sumber"]) > len("Sumber: ") + 10 for t in tabel)


def test_kalisat_prints_the_sources_its_seed_names(laporan):
    sumber = {t["kelas"]: t["sumber"] for t in _sumber(laporan["kalisat"])}
    assert sumber["tabel-sarana"] == "Sumber: Kartu Inventaris Barang Kecamatan Kalisat Tahun 2024"
    assert sumber["tabel-desa"] == "Sumber: Kecamatan Kalisat Dalam Angka (BPS)"
    assert (
        sumber["tabel-realisasi-anggaran"]
        == "Sumber: Laporan Realisasi Anggaran Kecamatan Kalisat Tahun 2024"
    )
    assert sumber["tabel-skala"] == "Sumber: Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017"
    assert sumber["tabel-iku"].startswith("Sumber: Keputusan Camat Kalisat Nomor 065/32/35.09.27/2024")


def test_sources_without_a_named_document_are_derived_from_the_data(laporan):
    kelas = {t["kelas"]: t["sumber"] for t in _sumber(laporan["arjasa"])}
    assert kelas["tabel-pk"] == (
        "Sumber: Dokumen Perjanjian Kinerja Perubahan Kecamatan Arjasa Tahun 2023 tanggal 21 November 2023"
    )
    assert kelas["tabel-anggaran"] == "Sumber: Dokumen Pelaksanaan Anggaran (DPA) Kecamatan Arjasa Tahun 2023"
    assert kelas["tabel-tren"] == "Sumber: Data Realisasi Kinerja Kecamatan Arjasa Tahun 2021–2023"
    # Arjasa entered only the kabupaten's IKM, so only that level is named.
    assert kelas["tabel-pembanding"] == (
        "Sumber: Data Realisasi Kinerja Kecamatan Arjasa Tahun 2023; realisasi Kabupaten Jember Tahun 2023"
    )
    # The efficiency table cites the tables its two columns come from, by their numbers.
    assert (
        kelas["tabel-efisiensi"]
        == "Sumber: capaian kinerja pada Tabel 3.2 dan serapan anggaran pada Tabel 3.8"
    )
    assert 'id="tabel-3-8">Tabel 3.8 Realisasi Anggaran Kecamatan Arjasa' in laporan["arjasa"]


def test_a_source_named_on_the_profile_replaces_the_derived_one_and_an_import_keeps_it():
    kecamatan = Kecamatan.objects.get(slug="arjasa")
    profil = ProfilKecamatan.objects.get(kecamatan=kecamatan, tahun=2023)
    isian = {
        "luas_km2": profil.luas_km2,
        "jumlah_penduduk": profil.jumlah_penduduk,
        "isu_strategis": profil.isu_strategis,
        "tempat_laporan": profil.tempat_laporan,
        "tanggal_laporan": profil.tanggal_laporan,
    }
    kecamatan_services.profil_update(
        kecamatan=kecamatan,
        tahun=2023,
        versi=versi_objek(profil),
        sumber_pegawai="  Data SIMPEG Kecamatan Arjasa 2023 ",
        **isian,
    )
    html = html_lkip(kecamatan=kecamatan, tahun=2023)
    sumber = {t["kelas"]: t["sumber"] for t in _sumber(html)}
    assert sumber["tabel-pegawai"] == "Sumber: Data SIMPEG Kecamatan Arjasa 2023"
    assert sumber["tabel-rincian-pegawai"] == "Sumber: Data SIMPEG Kecamatan Arjasa 2023"
    # A caller that does not carry the sources (the workbook import) leaves them as they are.
    profil.refresh_from_db()
    kecamatan_services.profil_update(kecamatan=kecamatan, tahun=2023, versi=versi_objek(profil), **isian)
    profil.refresh_from_db()
    assert profil.sumber_pegawai == "Data SIMPEG Kecamatan Arjasa 2023"


def test_the_profile_page_shows_each_default_source_in_its_empty_field(client):
    client.force_login(pengguna(Peran.OPERATOR, "arjasa"))
    halaman = client.get(reverse("web:profil", kwargs={"slug": "arjasa", "tahun": 2023}))
    assert halaman.status_code == 200
    assert 'placeholder="Dokumen Pelaksanaan Anggaran (DPA) Kecamatan Arjasa Tahun 2023"' in halaman.text
