"""The narrative page shows the text the report prints, a section can go back to its default
(asked first, kept in the history), and the HTML preview carries the app's header and actions."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from lkip.accounts.models import Peran
from lkip.laporan.models import BagianNarasi, NarasiLaporan
from lkip.laporan.narasi_bawaan import teks_bawaan
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db


def url(nama: str, slug: str = "kalisat", tahun: int = 2024) -> str:
    return reverse(nama, kwargs={"slug": slug, "tahun": tahun})


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


def _bawaan(bagian: str) -> str:
    return teks_bawaan(bagian, nama_kecamatan="Kalisat", kabupaten="Jember", tahun=2024)


def _simpan(client, **teks: str):
    form = client.get(url("web:narasi")).context["form"]
    data = {nama: form.initial.get(nama, "") for nama in form.fields}
    return client.post(url("web:narasi"), {**data, **teks})


def test_each_box_holds_the_text_the_report_prints_with_placeholders_filled(operator):
    halaman = operator.get(url("web:narasi"))
    form = halaman.context["form"]
    for bagian in BagianNarasi:
        assert form.initial[bagian.value] == _bawaan(bagian.value)
    kata_pengantar = form.initial[BagianNarasi.KATA_PENGANTAR]
    assert "Laporan Kinerja Kecamatan Kalisat Tahun 2024 dapat diselesaikan" in kata_pengantar
    assert "{kecamatan}" not in kata_pengantar
    html = halaman.content.decode()
    assert "Teks bawaan laporan; ubah kalimatnya seperlunya." in html
    # Nothing is the kecamatan's own text yet: there is nothing to put back.
    assert "Kembalikan ke teks bawaan" not in html


def test_saving_the_page_unchanged_keeps_every_section_on_the_default(operator):
    assert _simpan(operator).status_code == 302
    assert not NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024).exists()
    # The browser sends CRLF line endings; the default still counts as unchanged.
    crlf = _bawaan(BagianNarasi.LATAR_BELAKANG).replace("\n", "\r\n")
    assert _simpan(operator, latar_belakang=crlf).status_code == 302
    assert not NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024).exists()


def test_editing_one_sentence_saves_that_section_as_own_text_and_shows_it(operator):
    bawaan = _bawaan(BagianNarasi.LATAR_BELAKANG)
    diubah = bawaan.replace(
        "tata kelola pemerintahan yang baik", "tata kelola pemerintahan kecamatan yang baik"
    )
    assert diubah != bawaan
    assert _simpan(operator, latar_belakang=diubah).status_code == 302
    [sendiri] = NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024)
    assert (sendiri.bagian, sendiri.teks) == ("latar_belakang", diubah)
    halaman = operator.get(url("web:narasi"))
    assert halaman.context["form"].initial["latar_belakang"] == diubah
    html = halaman.content.decode()
    assert html.count("Kembalikan ke teks bawaan") == 1
    assert 'form="bawaan-latar_belakang"' in html and 'id="bawaan-latar_belakang"' in html
    assert "data-konfirmasi=" in html
    laporan = operator.get(url("laporan:pratinjau")).content.decode()
    assert "tata kelola pemerintahan kecamatan yang baik" in laporan


def test_putting_a_section_back_asks_first_then_uses_the_default_and_keeps_history(operator):
    _simpan(operator, latar_belakang="Teks sendiri Kalisat.", sdm="SDM sendiri.")
    assert NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024).count() == 2
    tanya = operator.post(url("web:narasi_bawaan"), {"bagian": "latar_belakang"})
    assert tanya.status_code == 200
    assert "Kembalikan «BAB I A. Latar Belakang» ke teks bawaan laporan?" in tanya.content.decode()
    assert NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024).count() == 2

    jawab = operator.post(url("web:narasi_bawaan"), {"bagian": "latar_belakang", "konfirmasi": "ya"})
    assert jawab.status_code == 302 and jawab["Location"] == url("web:narasi")
    assert [str(m) for m in get_messages(jawab.wsgi_request)] == [
        "«BAB I A. Latar Belakang» kembali memakai teks bawaan."
    ]
    sisa = NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024)
    assert [n.bagian for n in sisa] == ["sdm"]
    form = operator.get(url("web:narasi")).context["form"]
    assert form.initial["latar_belakang"] == _bawaan("latar_belakang")
    riwayat = NarasiLaporan.history.filter(kecamatan__slug="kalisat", bagian="latar_belakang").order_by(
        "history_date"
    )
    assert [(r.history_type, r.teks) for r in riwayat] == [
        ("+", "Teks sendiri Kalisat."),
        ("-", "Teks sendiri Kalisat."),
    ]
    assert operator.get(url("web:riwayat") + "?bagian=narasi").status_code == 200


def test_putting_back_an_unknown_section_changes_nothing_and_says_so(operator):
    _simpan(operator, latar_belakang="Teks sendiri Kalisat.")
    jawab = operator.post(url("web:narasi_bawaan"), {"bagian": "bukan-bagian", "konfirmasi": "ya"})
    assert jawab.status_code == 302
    assert "tidak dikenal" in " ".join(str(m) for m in get_messages(jawab.wsgi_request))
    assert NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024).count() == 1


def test_readers_cannot_put_a_section_back(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    jawab = client.post(url("web:narasi_bawaan"), {"bagian": "latar_belakang", "konfirmasi": "ya"})
    assert jawab.status_code == 403


def test_the_html_preview_has_the_apps_header_a_back_link_and_the_download(operator):
    html = operator.get(url("laporan:pratinjau")).content.decode()
    assert 'class="bilah-pratinjau"' in html
    assert f'href="{reverse("web:beranda")}"' in html and "SAKIP Kecamatan" in html
    assert f'href="{url("web:tahun")}" class="kembali"' in html
    assert f'href="{url("laporan:pdf")}" class="tombol-unduh" data-unduh-pdf>Unduh PDF</a>' in html
    assert "Pratinjau LKIP Kecamatan Kalisat Tahun 2024" in html
    # The bar belongs to the page only: the report laid out as PDF never carries it.
    from kecamatan.models import Kecamatan
    from lkip.laporan.pdf import html_lkip

    assert "bilah-pratinjau" not in html_lkip(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
