"""Review notes on the staff pages: written by a reviewer where the problem is, shown to the
kecamatan beside the field, answered, closed; counted in the menu; listed on a return."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from anggaran.models import SubKegiatan
from kecamatan.alur import Status
from kecamatan.models import AlurLaporan, Kecamatan, RiwayatAlur
from lkip.accounts.models import Peran
from reviu import services
from reviu.models import BalasanCatatan, CatatanReviu
from tests.web.bantuan import indikator_pk, pengguna
from tests.web.test_tugas import jumlah_di_menu

pytestmark = pytest.mark.django_db

SLUG, TAHUN = "kalisat", 2024
KW = {"slug": SLUG, "tahun": TAHUN}


@pytest.fixture
def kalisat() -> Kecamatan:
    return Kecamatan.objects.get(slug=SLUG)


@pytest.fixture
def indikator():
    return indikator_pk(SLUG, TAHUN)[0]


def status(kecamatan: Kecamatan, nilai: Status) -> None:
    AlurLaporan.objects.update_or_create(kecamatan=kecamatan, tahun=TAHUN, defaults={"status": nilai})


def url_realisasi(indikator) -> str:
    return reverse("web:realisasi", kwargs=KW | {"indikator_id": indikator.pk})


def bagian(html: str, uji: str) -> str:
    """The HTML of the section marked ``data-uji=uji`` (up to its closing tag)."""
    mulai = html.index(f'data-uji="{uji}"')
    return html[mulai : html.index("</section>", mulai)]


def test_a_note_on_an_indicator_from_its_page_to_closed(client, kalisat, indikator):
    status(kalisat, Status.DIAJUKAN)
    inspektorat = pengguna(Peran.INSPEKTORAT)
    client.force_login(inspektorat)
    halaman = client.get(url_realisasi(indikator)).content.decode()
    assert "Tulis catatan reviu" in halaman
    assert f'value="indikator:{indikator.pk}"' in halaman
    jawaban = client.post(
        reverse("web:catatan_tambah", kwargs=KW),
        {"tempat": f"indikator:{indikator.pk}", "isi": "Bukti realisasi IKU belum diunggah.",
         "kembali": url_realisasi(indikator)},
    )  # fmt: skip
    catatan = CatatanReviu.objects.get()
    assert jawaban.status_code == 302
    assert jawaban["Location"] == f"{url_realisasi(indikator)}#catatan-{catatan.pk}"

    # The operator sees it beside the realisasi form, with a reply box, and in the menu.
    operator = pengguna(Peran.OPERATOR, SLUG)
    client.force_login(operator)
    client.get(reverse("web:tugas"))
    halaman = client.get(url_realisasi(indikator)).content.decode()
    tempat = bagian(halaman, "catatan-indikator")
    assert "Bukti realisasi IKU belum diunggah." in tempat and "Terbuka" in tempat
    assert f'form="catatan-balas-{catatan.pk}"' in tempat
    assert "Tandai selesai" not in halaman and "Tulis catatan reviu" not in halaman
    tugas = client.get(reverse("web:tugas")).content.decode()
    assert "Tanggapi 1 catatan reviu" in tugas and jumlah_di_menu(tugas) == 1
    jawaban = client.post(
        reverse("web:catatan_balas", kwargs=KW | {"catatan_id": catatan.pk}),
        {"isi": "Sudah kami unggah surat keputusannya.", "kembali": url_realisasi(indikator)},
    )
    assert jawaban["Location"] == url_realisasi(indikator)
    catatan.refresh_from_db()
    assert catatan.status == CatatanReviu.Status.DITANGGAPI
    assert "Tanggapi" not in client.get(reverse("web:tugas")).content.decode()

    # The reviewer is told a reply waits, and closes the note from the page.
    client.force_login(inspektorat)
    tugas = client.get(reverse("web:tugas")).content.decode()
    assert "Periksa 1 tanggapan catatan" in tugas
    halaman = client.get(url_realisasi(indikator)).content.decode()
    assert "Sudah kami unggah surat keputusannya." in bagian(halaman, "catatan-indikator")
    client.post(
        reverse("web:catatan_status", kwargs=KW | {"catatan_id": catatan.pk}),
        {"status": "selesai", "dari": "ditanggapi", "kembali": url_realisasi(indikator)},
    )
    catatan.refresh_from_db()
    assert catatan.status == CatatanReviu.Status.SELESAI
    assert "tanggapan catatan" not in client.get(reverse("web:tugas")).content.decode()
    assert "Buka kembali catatan" in client.get(url_realisasi(indikator)).content.decode()


def test_a_forged_place_comes_back_with_the_text_and_writes_nothing(client, kalisat):
    lain = indikator_pk("arjasa", 2023)[0]
    client.force_login(pengguna(Peran.INSPEKTORAT))
    jawaban = client.post(
        reverse("web:catatan_tambah", kwargs=KW), {"tempat": f"indikator:{lain.pk}", "isi": "Teks saya."}
    )
    html = jawaban.content.decode()
    assert jawaban.status_code == 400
    assert "Tempat catatan itu tidak ada pada data Kecamatan Kalisat tahun 2024." in html
    assert "Teks saya." in html
    for tempat in ("indikator:abc", "rahasia", "indikator:"):
        assert (
            client.post(reverse("web:catatan_tambah", kwargs=KW), {"tempat": tempat, "isi": "x"}).status_code
            == 400
        )
    assert not CatatanReviu.objects.exists()


def test_a_forged_return_address_is_not_followed(client, kalisat):
    catatan = services.catatan_create(
        kecamatan=kalisat, tahun=TAHUN, oleh=pengguna(Peran.INSPEKTORAT), jenis="tahun", isi="x"
    )
    client.force_login(pengguna(Peran.CAMAT, SLUG))
    for kembali in ("https://contoh.invalid/k/kalisat/2024/", "/k/arjasa/2023/", "//contoh.invalid/"):
        jawaban = client.post(
            reverse("web:catatan_balas", kwargs=KW | {"catatan_id": catatan.pk}),
            {"isi": "y", "kembali": kembali},
        )
        assert jawaban["Location"] == f"{reverse('web:tahun', kwargs=KW)}#catatan-{catatan.pk}"


def test_notes_are_shown_beside_budget_rows_prose_sections_and_on_the_year_page(client, kalisat):
    inspektorat = pengguna(Peran.INSPEKTORAT)
    sub = SubKegiatan.objects.for_kecamatan_tahun(kalisat.pk, TAHUN).first()
    for jenis, kw, isi in (
        ("sub_kegiatan", {"target_id": sub.pk}, "SP2D sub kegiatan ini belum ada."),
        ("bagian", {"bagian": "latar_belakang"}, "Latar belakang terlalu umum."),
        ("tahun", {}, "Angka BAB III berbeda dengan lampiran."),
    ):
        services.catatan_create(kecamatan=kalisat, tahun=TAHUN, oleh=inspektorat, jenis=jenis, isi=isi, **kw)
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    anggaran = client.get(reverse("web:anggaran", kwargs=KW)).content.decode()
    posisi = anggaran.index("SP2D sub kegiatan ini belum ada.")
    # Beside its own row: after the row's kegiatan heading, before the row's fields.
    assert anggaran.rindex(sub.kode, 0, posisi) < posisi < anggaran.index(f'name="pagu_{sub.pk}"', posisi)
    narasi = client.get(reverse("web:narasi", kwargs=KW)).content.decode()
    posisi = narasi.index("Latar belakang terlalu umum.")
    assert narasi.rindex('name="latar_belakang"', 0, posisi) < posisi < narasi.index('name="maksud_tujuan"')
    tahun = client.get(reverse("web:tahun", kwargs=KW)).content.decode()
    assert "Angka BAB III berbeda dengan lampiran." in tahun
    assert re.search(r'data-status-catatan="terbuka">\s*3 terbuka', tahun)
    semua = client.get(reverse("web:catatan", kwargs=KW)).content.decode()
    assert semua.count('class="catatan status-catatan-terbuka"') == 3
    assert f'href="{reverse("web:anggaran", kwargs=KW)}#catatan-' in semua


def test_a_return_asks_first_and_lists_the_open_notes_it_records(client, kalisat, indikator):
    status(kalisat, Status.DIAJUKAN)
    inspektorat = pengguna(Peran.INSPEKTORAT)
    services.catatan_create(
        kecamatan=kalisat, tahun=TAHUN, oleh=inspektorat, jenis="indikator", target_id=indikator.pk,
        isi="Bukti realisasi IKU belum diunggah.",
    )  # fmt: skip
    client.force_login(inspektorat)
    isian = {"aksi": "kembalikan", "dari": "diajukan", "catatan": "Lengkapi bukti dukung."}
    halaman = client.post(reverse("web:alur", kwargs=KW), isian).content.decode()
    assert "belum selesai" in halaman and "Bukti realisasi IKU belum diunggah." in halaman
    assert AlurLaporan.objects.get(kecamatan=kalisat, tahun=TAHUN).status == Status.DIAJUKAN
    client.post(reverse("web:alur", kwargs=KW), isian | {"konfirmasi": "ya"})
    assert AlurLaporan.objects.get(kecamatan=kalisat, tahun=TAHUN).status == Status.DIKEMBALIKAN
    tercatat = RiwayatAlur.objects.get(aksi="kembalikan").catatan
    assert tercatat.startswith("Lengkapi bukti dukung.") and "Bukti realisasi IKU belum diunggah." in tercatat


def test_a_locked_year_shows_its_notes_and_refuses_a_reply_with_a_message(client, kalisat, indikator):
    catatan = services.catatan_create(
        kecamatan=kalisat, tahun=TAHUN, oleh=pengguna(Peran.INSPEKTORAT), jenis="indikator",
        target_id=indikator.pk, isi="Target tidak sama dengan PK.",
    )  # fmt: skip
    status(kalisat, Status.TERKUNCI)
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    halaman = client.get(url_realisasi(indikator)).content.decode()
    assert "Target tidak sama dengan PK." in halaman and "Kirim balasan" not in halaman
    jawaban = client.post(
        reverse("web:catatan_balas", kwargs=KW | {"catatan_id": catatan.pk}), {"isi": "x"}, follow=True
    )
    assert "catatan reviu hanya dapat dibaca" in jawaban.content.decode()
    assert not BalasanCatatan.objects.exists()


class _KontrolTerkunci(HTMLParser):
    """Note controls (``form="catatan-…"``) inside a disabled fieldset, which a browser disables."""

    def __init__(self) -> None:
        super().__init__()
        self.fieldset: list[bool] = []
        self.kontrol, self.mati = 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "fieldset":
            self.fieldset.append("disabled" in a)
        if tag in ("button", "textarea") and (a.get("form") or "").startswith("catatan-"):
            self.kontrol += 1
            if any(self.fieldset):
                self.mati.append(a["form"])

    def handle_endtag(self, tag):
        if tag == "fieldset" and self.fieldset:
            self.fieldset.pop()


@pytest.mark.parametrize("halaman", ["anggaran", "narasi"])
def test_a_reviewer_can_use_the_notes_beside_read_only_rows(client, kalisat, halaman):
    """The reviewer sees the rows read only (a disabled fieldset); the notes beside them stay usable."""
    inspektorat = pengguna(Peran.INSPEKTORAT)
    sub = SubKegiatan.objects.for_kecamatan_tahun(kalisat.pk, TAHUN).first()
    services.catatan_create(
        kecamatan=kalisat, tahun=TAHUN, oleh=inspektorat, jenis="sub_kegiatan", target_id=sub.pk, isi="a"
    )
    services.catatan_create(
        kecamatan=kalisat, tahun=TAHUN, oleh=inspektorat, jenis="bagian", bagian="sdm", isi="b"
    )
    client.force_login(inspektorat)
    html = client.get(reverse(f"web:{halaman}", kwargs=KW)).content.decode()
    assert "disabled" in html
    periksa = _KontrolTerkunci()
    periksa.feed(html)
    assert periksa.kontrol >= 3 and periksa.mati == []
