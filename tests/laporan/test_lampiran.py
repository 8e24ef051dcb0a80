"""The annexes as the kecamatan signs them (RKT, PK with its text, the IKU decree, the Rencana
Aksi) and the kabupaten's letterhead on the cover and the annexes."""

import hashlib
import io
import re
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from PIL import Image

from kecamatan.models import Kecamatan
from lkip.laporan.isi import isi_laporan
from lkip.laporan.kop import kop_surat_simpan
from lkip.laporan.lampiran import _diktum
from lkip.laporan.models import KopSurat
from lkip.laporan.pdf import pdf_dari_html, sha256_html
from perencanaan.models import PenetapanIku
from umum.gambar import BATAS_BYTE, jenis_gambar

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#1f7a3a"/></svg>'


def _png(warna: str = "green") -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", (40, 48), warna).save(keluaran, format="PNG")
    return keluaran.getvalue()


def _html(slug: str, tahun: int) -> str:
    return render_to_string(
        "laporan/lkip.html", isi_laporan(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
    )


def _bagian(html: str, id_: str) -> str:
    """The annex from its heading to the next annex."""
    awal = html.index(f'id="{id_}"')
    akhir = html.find('class="lampiran-bagian', awal)
    return html[awal : akhir if akhir > 0 else len(html)]


def test_rkt_annex_lists_targets_then_programs_kegiatan_sub_kegiatan_outputs_and_pagu():
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    rkt = isi["lampiran"].rkt
    assert [b.jenis for b in rkt.anggaran[:3]] == ["program", "kegiatan", "sub"]
    html = _bagian(render_to_string("laporan/lkip.html", isi), "lampiran-2")
    assert "Jumlah Dokumen Perencanaan Perangkat Daerah" in html  # an output of a sub kegiatan
    assert "15\u00a0Dokumen" in html  # with its target and unit, kept together
    assert "4.416.692.224" in html  # the RKT's total pagu, as the seed prints it
    assert "Jember, 29 Januari 2024" in html  # signed on the RKT's own date
    assert "CAMAT KALISAT" in html


def _teks_sel(html: str) -> str:
    """The table's text with tags and whitespace runs removed, to find a row's cells in order."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_rkt_annex_prints_each_program_and_kegiatan_indicator_of_kalisat_with_its_target():
    from anggaran.models import IndikatorKegiatan, IndikatorProgram

    program = list(IndikatorProgram.objects.filter(program__kecamatan__slug="kalisat", program__tahun=2024))
    kegiatan = list(
        IndikatorKegiatan.objects.filter(
            kegiatan__program__kecamatan__slug="kalisat", kegiatan__program__tahun=2024
        )
    )
    assert len(program) == 4 and len(kegiatan) == 9
    html = _bagian(_html("kalisat", 2024), "lampiran-2")
    teks = _teks_sel(html)
    for i in [*program, *kegiatan]:
        pemisah = "" if i.satuan == "%" else " "  # 100%, as part A prints it; 40 Laporan
        sasaran = f"{i.uraian} {i.target.normalize():f}{pemisah}{i.satuan}"
        assert sasaran in teks, sasaran
    # The program's row: its code and name span its indicators, its pagu follows the first.
    assert "Persentase realisasi anggaran 100% 3.116.155.160" in teks
    assert "Jumlah laporan pertanggungjawaban keuangan 40 Laporan" in teks
    assert "Sumber:" in html and "CAMAT KALISAT" in html


def test_a_kegiatan_without_indicators_prints_its_name_across_the_columns_without_a_placeholder():
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kencong"), tahun=2023)
    baris = {(b.jenis, b.kode): b for b in isi["lampiran"].rkt.anggaran}
    assert baris[("kegiatan", "3.1")].keluaran is None
    assert baris[("program", "3")].keluaran.uraian == "Cakupan Pemberdayaan Desa dan Kelurahan"
    html = _bagian(render_to_string("laporan/lkip.html", isi), "lampiran-2")
    assert re.search(r'<tr class="kegiatan"><td>3\.1</td><td colspan="3">', html)
    assert '<td rowspan="1">3</td>' in html


def test_a_program_with_two_indicators_spans_both_rows():
    from anggaran.models import IndikatorProgram, Program

    program = Program.objects.get(kecamatan__slug="kalisat", tahun=2024, kode="1")
    IndikatorProgram.objects.create(program=program, uraian="Nilai SAKIP OPD", urutan=2, satuan="nilai")
    rkt = isi_laporan(kecamatan=program.kecamatan, tahun=2024)["lampiran"].rkt
    pertama, kedua = rkt.anggaran[:2]
    assert (pertama.jenis, pertama.rowspan, pertama.keluaran.uraian) == (
        "program",
        2,
        "Persentase realisasi anggaran",
    )
    assert (kedua.jenis, kedua.rowspan, kedua.pagu, kedua.keluaran.uraian) == (
        "program-lanjut",
        0,
        None,
        "Nilai SAKIP OPD",
    )
    html = _bagian(
        render_to_string("laporan/lkip.html", isi_laporan(kecamatan=program.kecamatan, tahun=2024)),
        "lampiran-2",
    )
    assert '<tr class="program-lanjut"><td>Nilai SAKIP OPD</td><td class="angka">–</td></tr>' in html


def test_every_sub_kegiatan_and_output_of_the_year_is_in_the_rkt():
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kencong"), tahun=2023)
    baris = isi["lampiran"].rkt.anggaran
    program = [b for b in baris if b.jenis == "program"]
    keluaran = [b.keluaran for b in baris if b.jenis in ("sub", "sub-lanjut") and b.keluaran]
    dok = isi["bab3"]
    semua_sub = [x for s in dok.sasaran for p in s.pendukung for k in p.kegiatan for x in k.sub_kegiatan]
    assert len(program) >= 3
    assert {o.uraian for x in semua_sub for o in x.keluaran} <= {o.uraian for o in keluaran}


def test_pk_annex_has_the_agreement_text_both_parties_tables_and_signatures():
    html = _bagian(_html("kalisat", 2024), "lampiran-3-1")
    assert "kami yang bertanda tangan di bawah ini" in html
    assert "Selanjutnya disebut <strong>pihak pertama</strong>." in html
    assert "Selaku atasan pihak pertama, selanjutnya disebut <strong>pihak kedua</strong>." in html
    assert html.count("Drs. RUSDIYANTO, M.Si.") == 3  # named in the text and in both signatures
    assert html.count("PIHAK KEDUA,") == 2 and html.count("PIHAK PERTAMA,") == 2
    assert "4.416.692.224" in html  # the program budget's total
    assert "Jember, 26 Januari 2024" in html


def test_a_pk_perubahan_is_titled_as_one_in_its_annex():
    html = _bagian(_html("arjasa", 2023), "lampiran-3-2")
    assert "Lampiran 3. Perjanjian Kinerja Perubahan Tahun 2023" in html
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023" in html


def test_pk_signature_rows_align_both_parties():
    """Each line of the two signature columns is one table row, so the names sit on one line."""
    html = _bagian(_html("kalisat", 2024), "lampiran-3-1")
    baris_nama = re.findall(r'<tr class="nama"><td>([^<]*)</td><td>([^<]*)</td></tr>', html)
    assert baris_nama and all(kedua and pertama for kedua, pertama in baris_nama)
    assert baris_nama[0][1] == "Drs. RUSDIYANTO, M.Si."


def test_iku_decree_prints_the_kecamatans_text_with_its_number():
    html = _bagian(_html("kalisat", 2024), "lampiran-4")
    assert "Nomor: 065/32/35.09.27/2024" in html
    assert "dalam suatu Keputusan Kepala Kecamatan Kalisat;" in html  # Menimbang, from the seed
    assert "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah;" in html  # Mengingat
    assert "<td>KESATU</td>" in html and "<td>KELIMA</td>" in html
    assert "Ditetapkan di Jember<br>pada tanggal 26 Januari 2024" in html
    assert "INDIKATOR KINERJA UTAMA KECAMATAN KALISAT" in html  # the annex table follows


def test_without_a_decree_text_the_default_text_is_printed_and_can_be_replaced():
    PenetapanIku.objects.filter(kecamatan__slug="kalisat", tahun=2024).update(
        menimbang="", mengingat="", memutuskan=""
    )
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    assert isi["lampiran"].iku.naskah_bawaan
    assert (
        isi["lampiran"]
        .iku.menimbang[0]
        .endswith("Indikator Kinerja Utama Kecamatan Kalisat Kabupaten Jember dalam suatu Keputusan Camat;")
    )
    assert [k.nama for k in isi["lampiran"].iku.diktum] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
    PenetapanIku.objects.filter(kecamatan__slug="kalisat", tahun=2024).update(
        memutuskan="KESATU : Menetapkan IKU.\nKEDUA : Berlaku sejak ditetapkan."
    )
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    assert not isi["lampiran"].iku.naskah_bawaan
    assert [(k.nama, k.teks) for k in isi["lampiran"].iku.diktum] == [
        ("KESATU", "Menetapkan IKU."),
        ("KEDUA", "Berlaku sejak ditetapkan."),
    ]


def test_diktum_items_belong_to_the_diktum_above_them():
    diktum = _diktum("KESATU : A\nKETIGA : bertujuan untuk:\n- satu;\n- dua.\nlanjutan teks\nKEEMPAT : B")
    assert [(k.nama, k.teks, k.rincian) for k in diktum] == [
        ("KESATU", "A", ()),
        ("KETIGA", "bertujuan untuk: lanjutan teks", ("satu;", "dua.")),
        ("KEEMPAT", "B", ()),
    ]


def test_rencana_aksi_prints_the_quarterly_targets_where_a_seed_has_them():
    html = _html("arjasa", 2023)
    aksi = _bagian(html, "lampiran-5")
    assert "Lampiran 5. Rencana Aksi Kinerja Kecamatan Arjasa Tahun 2023" in aksi
    baris = re.search(r"Jumlah bulan ASN yang menerima gaji dan tunjangan</td>(.*?)</tr>", aksi).group(1)
    assert re.findall(r'<td class="angka">([^<]*)</td>', baris) == ["14", "3", "4", "4", "3"]
    musrenbang = re.search(r"forum musrenbang di Kecamatan Arjasa</td>(.*?)</tr>", aksi).group(1)
    assert re.findall(r'<td class="angka">([^<]*)</td>', musrenbang) == ["2", "2", "–", "–", "–"]
    assert 'href="#lampiran-5"' in html  # listed in the table of contents
    sumbersari = _bagian(_html("sumbersari", 2023), "lampiran-5")
    assert "Indeks Kepuasan Masyarakat" in sumbersari and "Target Triwulan Indikator Sasaran" in sumbersari


def test_a_year_without_quarterly_targets_has_no_rencana_aksi_annex():
    html = _html("kalisat", 2024)
    assert 'id="lampiran-5"' not in html and "Rencana Aksi" not in html


def test_without_a_letterhead_the_cover_is_plain():
    html = _html("kalisat", 2024)
    assert "<img" not in html and 'class="kop"' not in html


def test_the_letterhead_is_on_the_cover_and_each_annex_and_named_by_its_content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sebelum = sha256_html(_html("kalisat", 2024))
    kop = kop_surat_simpan(pemerintah="Pemerintah Kabupaten Jember", logo=ContentFile(SVG, name="logo.svg"))
    assert kop.sidik == hashlib.sha256(SVG).hexdigest()
    html = _html("kalisat", 2024)
    alamat = f"/media/kop/{kop.sidik}.svg"
    assert html.count(f'src="{alamat}"') == 1 + html.count('class="lampiran-bagian')
    assert "PEMERINTAH KABUPATEN JEMBER" in html and "Jl. Diponegoro" in html
    dengan_svg = sha256_html(html)
    kop_surat_simpan(pemerintah="Pemerintah Kabupaten Jember", logo=ContentFile(_png(), name="logo.png"))
    dengan_png = sha256_html(_html("kalisat", 2024))
    assert len({sebelum, dengan_svg, dengan_png}) == 3  # a new logo is a new PDF cache key
    kop_surat_simpan(pemerintah="Pemerintah Kabupaten Jember", logo=None)  # the name alone changes
    assert sha256_html(_html("kalisat", 2024)) == dengan_png
    assert KopSurat.objects.count() == 1


def test_the_logo_is_drawn_in_the_pdf(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    kop_surat_simpan(pemerintah="Pemerintah Kabupaten Jember", logo=ContentFile(_png("red"), name="logo.png"))
    pdf = pdf_dari_html(_html("pakusari", 2021))
    (tmp_path / "l.pdf").write_bytes(pdf)
    gambar = subprocess.run(
        ["pdfimages", "-list", str(tmp_path / "l.pdf")], capture_output=True, text=True
    ).stdout
    halaman = {int(b.split()[0]) for b in gambar.splitlines()[2:]}
    assert 1 in halaman  # the cover
    assert len(halaman) >= 5  # and the first page of each annex


@pytest.mark.parametrize(
    ("isi", "jenis"),
    [(_png(), "png"), (b"\xff\xd8\xff\xe0" + b"\0" * 20, "jpg"), (SVG, "svg")],
)
def test_png_jpeg_and_plain_svg_logos_are_accepted(isi, jenis):
    assert jenis_gambar(isi) == jenis


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"GIF89a" + b"\0" * 20, "PNG, JPEG, atau SVG"),
        (b"<html><body>bukan logo</body></html>", "PNG, JPEG, atau SVG"),
        (_png()[:8] + b"\0" * BATAS_BYTE, "melebihi batas 512 KB"),
        (b'<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "DOCTYPE"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "skrip"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "skrip"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
            b'<image x:href="https://contoh.invalid/a.png"/></svg>',
            "menautkan",
        ),
    ],
)
def test_other_files_are_refused_with_a_message_and_nothing_is_saved(settings, tmp_path, isi, pesan):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as galat:
        kop_surat_simpan(pemerintah="Pemerintah Kabupaten Jember", logo=ContentFile(isi, name="logo.png"))
    assert pesan in " ".join(galat.value.messages)
    assert not KopSurat.objects.exists()
    assert not list(tmp_path.rglob("*.*"))


def test_the_administrator_uploads_the_letterhead_once_then_changes_it(client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from lkip.accounts.models import Peran, User

    settings.MEDIA_ROOT = tmp_path
    client.force_login(
        User.objects.create_superuser("admin-kop", "kop@example.org", "rahasia-uji-123", peran=Peran.ADMIN)
    )
    tambah = reverse("admin:laporan_kopsurat_add")
    ditolak = client.post(
        tambah,
        {"pemerintah": "Pemerintah Kabupaten Jember", "logo": SimpleUploadedFile("a.png", b"GIF89a000")},
    )
    assert "Logo harus berupa gambar PNG, JPEG, atau SVG." in ditolak.content.decode()
    assert not KopSurat.objects.exists()
    jawaban = client.post(
        tambah, {"pemerintah": "Pemerintah Kabupaten Jember", "logo": SimpleUploadedFile("logo.svg", SVG)}
    )
    assert jawaban.status_code == 302
    kop = KopSurat.objects.get()
    assert kop.sidik == hashlib.sha256(SVG).hexdigest() and kop.logo.name == f"kop/{kop.sidik}.svg"
    assert client.get(tambah).status_code == 403  # one letterhead
    ubah = reverse("admin:laporan_kopsurat_change", args=[kop.pk])
    assert client.post(ubah, {"pemerintah": "Pemerintah Kabupaten Jember Baru"}).status_code == 302
    kop.refresh_from_db()
    assert (
        kop.pemerintah == "Pemerintah Kabupaten Jember Baru" and kop.sidik == hashlib.sha256(SVG).hexdigest()
    )


def test_the_web_preview_serves_the_logo_in_use_and_nothing_else(client, settings, tmp_path):
    from django.urls import reverse

    from lkip.accounts.models import Peran, User

    settings.MEDIA_ROOT = tmp_path
    kop = kop_surat_simpan(pemerintah="Pemerintah Kabupaten Jember", logo=ContentFile(SVG, name="logo.svg"))
    alamat = f"/media/{kop.logo.name}"
    assert client.get(alamat).status_code == 302  # log in first
    client.force_login(User.objects.create_user("op-kop", password="rahasia-uji-123", peran=Peran.BAPPEDA))
    jawaban = client.get(alamat)
    assert jawaban.status_code == 200 and jawaban["Content-Type"] == "image/svg+xml"
    assert b"".join(jawaban.streaming_content) == SVG
    assert client.get(reverse("laporan:logo_kop", args=["lain.svg"])).status_code == 404
