"""Documentation photos: uploaded on the budget page's photo page, checked as real JPEG/PNG images
(made here with Pillow), re-encoded without metadata, printed in BAB III C under their program as
numbered figures with their caption, and part of the report's HTML, so a new photo is a new PDF."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from anggaran.models import Dokumentasi, Program, SubKegiatan
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.isi import isi_laporan
from lkip.laporan.pdf import PengambilStatis, html_lkip, pdf_dari_html, sha256_html
from tests.web.bantuan import PDF, foto_dokumentasi, gambar, pengguna

pytestmark = pytest.mark.django_db

RUANG = {"slug": "kalisat", "tahun": 2024}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


def _kalisat() -> Kecamatan:
    return Kecamatan.objects.get(slug="kalisat")


def _program() -> list[Program]:
    return list(Program.objects.filter(kecamatan__slug="kalisat", tahun=2024).order_by("kode_urut"))


def unggah(client, isi: bytes, nama: str = "foto.jpg", bagian: str | None = None, **lain):
    data = {
        "bagian": bagian or f"program:{_program()[0].pk}",
        "foto": SimpleUploadedFile(nama, isi, "image/jpeg"),
        "keterangan": "Rapat koordinasi Muspika",
        "tampilkan_di_laporan": "on",
    } | lain
    return client.post(reverse("web:dokumentasi", kwargs=RUANG), data)


def _dengan_exif(lebar: int, tinggi: int) -> bytes:
    img = Image.new("RGB", (lebar, tinggi), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Kamera Uji"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° to show upright
    keluaran = io.BytesIO()
    img.save(keluaran, format="JPEG", exif=exif)
    return keluaran.getvalue()


def test_an_uploaded_photo_is_stored_upright_smaller_and_without_its_metadata(operator, media):
    jawaban = unggah(operator, _dengan_exif(3000, 2000), keterangan="Pembinaan perangkat desa")
    assert jawaban.status_code == 302
    foto = Dokumentasi.objects.get()
    assert (foto.lebar, foto.tinggi) == (1067, 1600)  # turned upright, longest side 1600
    with Image.open(media / foto.berkas.name) as disimpan:
        assert disimpan.format == "JPEG" and disimpan.size == (1067, 1600)
        assert not disimpan.getexif()
    assert foto.berkas.name == f"dokumentasi/{foto.sidik}.jpg"
    assert foto.history.count() == 1 and foto.history.first().history_user.peran == Peran.OPERATOR
    halaman = operator.get(reverse("web:dokumentasi", kwargs=RUANG)).content.decode()
    assert "Pembinaan perangkat desa" in halaman
    berkas = operator.get(reverse("web:dokumentasi_foto", kwargs=RUANG | {"dokumentasi_id": foto.pk}))
    assert berkas["Content-Type"] == "image/jpeg"
    riwayat = operator.get(reverse("web:riwayat", kwargs=RUANG) + "?bagian=anggaran").content.decode()
    assert "Pembinaan perangkat desa" in riwayat


def test_a_transparent_png_stays_png():
    foto = foto_dokumentasi(_program()[0], isi=gambar(800, 600, "PNG", warna=(10, 200, 10, 128)))
    assert foto.berkas.name.endswith(".png") and (foto.lebar, foto.tinggi) == (800, 600)


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (PDF, "Foto harus berupa gambar JPG atau PNG."),
        (gambar(400, 300, "GIF"), "Foto harus berupa gambar JPG atau PNG."),
        (b"\xff\xd8\xff" + b"\x00" * 500, "Berkas foto rusak atau bukan gambar JPG/PNG yang sah."),
        (gambar(150, 100), "terlalu kecil untuk dicetak; paling kecil 200 piksel per sisi"),
        (b"\xff\xd8\xff" + b"\x00" * (8 * 1024 * 1024), "melebihi batas 8 MB"),
    ],
    ids=["pdf", "gif", "rusak", "kecil", "besar"],
)
def test_what_is_not_a_printable_photo_is_refused_in_indonesian_and_nothing_is_stored(
    operator, media, isi, pesan
):
    jawaban = unggah(operator, isi)
    assert jawaban.status_code == 400
    assert pesan in jawaban.content.decode()
    assert not Dokumentasi.objects.exists()
    assert not (media / "dokumentasi").exists() or not any((media / "dokumentasi").iterdir())


def test_a_row_of_another_kecamatan_or_year_cannot_be_chosen(operator):
    lain = SubKegiatan.objects.for_kecamatan_tahun(Kecamatan.objects.get(slug="arjasa").pk, 2023).first()
    jawaban = unggah(operator, gambar(), bagian=f"sub_kegiatan:{lain.pk}")
    assert (
        jawaban.status_code == 400
        and "bukan salah satu dari pilihan yang tersedia" in jawaban.content.decode()
    )
    assert not Dokumentasi.objects.exists()


def test_photos_are_printed_under_their_program_as_numbered_figures(operator):
    program = _program()
    sub = SubKegiatan.objects.filter(kegiatan__program=program[1]).order_by("kode_urut").first()
    unggah(operator, gambar(1200, 800), bagian=f"program:{program[1].pk}", keterangan="Apel siaga bencana")
    unggah(operator, gambar(900, 1400), bagian=f"sub_kegiatan:{sub.pk}", keterangan="Pelayanan PATEN")
    unggah(operator, gambar(1000, 700), bagian=f"program:{program[0].pk}", keterangan="Rapat staf")
    unggah(operator, gambar(1000, 701), keterangan="Tidak dicetak", tampilkan_di_laporan="")
    isi = isi_laporan(kecamatan=_kalisat(), tahun=2024)
    kelompok = isi["bab3"].dokumentasi
    assert [k.kode for k in kelompok] == [program[0].kode, program[1].kode]  # the budget's order
    judul = [(f.gambar.label, f.gambar.judul) for k in kelompok for f in k.foto]
    assert judul == [("Gambar 3.3", "Rapat staf"), ("Gambar 3.4", "Apel siaga bencana"),
                     ("Gambar 3.5", "Pelayanan PATEN")]  # fmt: skip
    assert kelompok[1].foto[1].bagian == f"Sub Kegiatan {sub.kode} {sub.nama}" and kelompok[1].foto[1].potret
    daftar = [g.label + " " + g.judul for g in isi["daftar"].gambar]
    assert "Gambar 3.5 Pelayanan PATEN" in daftar and daftar[-1].startswith("Gambar 3.6 Serapan Anggaran")
    html = html_lkip(kecamatan=_kalisat(), tahun=2024)
    assert "<h3>Dokumentasi Kegiatan</h3>" in html and "Tidak dicetak" not in html
    assert html.count('<figure class="foto-dokumentasi') == 3


def test_a_new_photo_a_caption_or_the_mark_changes_the_reports_cache_key(operator):
    kunci = [sha256_html(html_lkip(kecamatan=_kalisat(), tahun=2024))]
    unggah(operator, gambar())
    kunci.append(sha256_html(html_lkip(kecamatan=_kalisat(), tahun=2024)))
    foto = Dokumentasi.objects.get()
    ubah = reverse("web:dokumentasi_ubah", kwargs=RUANG | {"dokumentasi_id": foto.pk})
    assert (
        operator.post(ubah, {"keterangan": "Rapat evaluasi", "tampilkan_di_laporan": "on"}).status_code == 302
    )
    kunci.append(sha256_html(html_lkip(kecamatan=_kalisat(), tahun=2024)))
    operator.post(ubah, {"keterangan": "Rapat evaluasi"})
    kunci.append(sha256_html(html_lkip(kecamatan=_kalisat(), tahun=2024)))
    assert len(set(kunci[:3])) == 3 and kunci[3] == kunci[0]  # unmarked: the report as before
    assert foto.history.count() == 3
    assert operator.post(ubah, {"keterangan": ""}).status_code == 302  # refused with a message
    foto.refresh_from_db()
    assert foto.keterangan == "Rapat evaluasi"


def test_the_pdf_embeds_the_photo_read_from_storage(operator, tmp_path):
    unggah(operator, gambar(1200, 800), keterangan="Musyawarah perencanaan pembangunan")
    foto = Dokumentasi.objects.get()
    jawaban = PengambilStatis().fetch(f"https://lkip.invalid/media/{foto.berkas.name}")
    assert jawaban.headers["Content-Type"] == "image/jpeg"
    with pytest.raises(FileNotFoundError):
        PengambilStatis().fetch("https://lkip.invalid/media/dokumentasi/../kop/x.png")
    pdf = pdf_dari_html(html_lkip(kecamatan=_kalisat(), tahun=2024), gc_jeda=False)
    berkas = tmp_path / "lkip.pdf"
    berkas.write_bytes(pdf)
    import subprocess

    teks = subprocess.run(["pdftotext", str(berkas), "-"], capture_output=True, check=True, text=True).stdout
    assert "Gambar 3.3 Musyawarah perencanaan pembangunan" in teks
    gambar_pdf = subprocess.run(
        ["pdfimages", "-list", str(berkas)], capture_output=True, text=True, check=True
    )
    assert " 1200   800 " in gambar_pdf.stdout


def test_deleting_asks_first_then_removes_the_photo_and_its_file(
    operator, media, django_capture_on_commit_callbacks
):
    unggah(operator, gambar())
    foto = Dokumentasi.objects.get()
    hapus = reverse("web:dokumentasi_hapus", kwargs=RUANG | {"dokumentasi_id": foto.pk})
    assert "Hapus foto «Rapat koordinasi Muspika»?" in operator.post(hapus).content.decode()
    assert Dokumentasi.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert operator.post(hapus, {"konfirmasi": "ya"}).status_code == 302
    assert not Dokumentasi.objects.exists() and not (media / foto.berkas.name).exists()


def test_the_same_photo_twice_shares_one_file_kept_until_the_last_row_goes(
    media, django_capture_on_commit_callbacks
):
    program = _program()[0]
    a = foto_dokumentasi(program, "Foto pertama")
    b = foto_dokumentasi(program, "Foto kedua")
    assert a.berkas.name == b.berkas.name
    from anggaran.services import dokumentasi_delete

    with django_capture_on_commit_callbacks(execute=True):
        dokumentasi_delete(dokumentasi=a)
    assert (media / b.berkas.name).exists()
    with django_capture_on_commit_callbacks(execute=True):
        dokumentasi_delete(dokumentasi=b)
    assert not (media / b.berkas.name).exists()


def test_the_report_takes_the_same_queries_with_one_photo_or_many():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    program = _program()
    foto_dokumentasi(program[0], "Satu")
    with CaptureQueriesContext(connection) as satu:
        isi_laporan(kecamatan=_kalisat(), tahun=2024)
    for i, p in enumerate(program * 3):
        foto_dokumentasi(p, f"Foto {i}", isi=gambar(640 + i, 480))
    with CaptureQueriesContext(connection) as banyak:
        isi = isi_laporan(kecamatan=_kalisat(), tahun=2024)
    assert sum(len(k.foto) for k in isi["bab3"].dokumentasi) == 1 + 3 * len(program)
    assert len(banyak) == len(satu)
    assert sum("anggaran_dokumentasi" in q["sql"] for q in banyak.captured_queries) == 1


def test_the_previews_photo_address_is_served_only_within_the_kecamatans_reach(client):
    foto = foto_dokumentasi(_program()[0])
    alamat = reverse(
        "laporan:foto_dokumentasi", kwargs={"nama": foto.berkas.name.removeprefix("dokumentasi/")}
    )
    assert alamat == "/" + "media/" + foto.berkas.name  # the address the report's HTML names
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    assert client.get(alamat).status_code == 200
    client.force_login(pengguna(Peran.OPERATOR, "arjasa"))
    assert client.get(alamat).status_code == 404
    client.force_login(pengguna(Peran.BAPPEDA))
    assert client.get(alamat).status_code == 200
