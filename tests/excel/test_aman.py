"""Bad files: each is refused with an Indonesian message before openpyxl parses it (or, for
what only reading shows, while reading, bounded), and nothing is written."""

import io
import struct
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from capaian.models import Realisasi
from kecamatan.models import Kecamatan
from lkip.excel.aman import BerkasDitolak, periksa_berkas_xlsx
from lkip.excel.terapkan import rencana_berkas
from tests.excel.bantuan import bagian_xlsx, templat, ubah, zip_dari

pytestmark = pytest.mark.django_db


def _tolak(isi: bytes, *, kecamatan: str = "kalisat", tahun: int = 2024) -> str:
    with pytest.raises(BerkasDitolak) as exc:
        berkas = periksa_berkas_xlsx(isi)
        rencana_berkas(berkas, kecamatan=Kecamatan.objects.get(slug=kecamatan), tahun=tahun)
    return str(exc.value)


@pytest.mark.parametrize(
    ("isi", "kata"),
    [
        (b"kode_sasaran;kode_indikator;nilai\r\nS1;S1.1;97,5\r\n", "CSV"),
        (b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n", "PDF"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64, "program"),
        (b"", "kosong"),
    ],
)
def test_a_renamed_file_that_is_not_xlsx_is_refused(isi, kata):
    assert kata in _tolak(isi)


def test_a_password_protected_workbook_an_ole_compound_file_is_refused():
    # Excel stores an encrypted workbook as an OLE/CFB container: its header, then sectors.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HH", 0x3E, 0x03) + b"\x00" * 482
    assert "kata sandi" in _tolak(ole)


def test_an_xlsm_with_macros_is_refused():
    bagian = bagian_xlsx(templat())
    bagian["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"\x00" * 100
    assert "makro" in _tolak(zip_dari(bagian))


def test_a_zip_bomb_is_refused_from_its_declared_size_before_inflating(settings):
    settings.LKIP_IMPOR_BAGIAN_MAKS_BYTE = 10 * 1024 * 1024
    bagian = bagian_xlsx(templat())
    bagian["xl/worksheets/sheet9.xml"] = b"0" * (40 * 1024 * 1024)  # 40 MB of zeros → ~40 KB zipped
    bom = zip_dari(bagian)
    assert len(bom) < 200 * 1024
    tracemalloc.start()
    pesan = _tolak(bom)
    _sekarang, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "zip bomb" in pesan
    assert puncak < 5 * 1024 * 1024  # nothing was inflated


def test_an_xml_bomb_with_entities_is_refused():
    bagian = bagian_xlsx(templat())
    bom = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>'
    )
    bagian["xl/sharedStrings.xml"] = bom.encode()
    assert "DOCTYPE" in _tolak(zip_dari(bagian))


def test_an_entity_split_across_read_chunks_is_still_found():
    bagian = bagian_xlsx(templat())
    # The first 64 KiB piece ends in «<!EN», the next starts with «TITY».
    bagian["xl/workbook.xml"] = b" " * (64 * 1024 - 4) + b'<!ENTITY x "y">' + bagian["xl/workbook.xml"]
    assert "DOCTYPE/ENTITY" in _tolak(zip_dari(bagian))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.LKIP_IMPOR_MAKS_BYTE = 1024 * 1024
    assert "terlalu besar" in _tolak(templat() + b"\x00" * (1024 * 1024))


def _lembar_sejuta_baris(isi: bytes, *, dimensi: bool) -> bytes:
    """The template with its Realisasi sheet replaced by 1,000,000 data rows, streamed into the zip."""
    bagian = bagian_xlsx(isi)
    nama = "xl/worksheets/sheet1.xml"
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as arsip:
        for n, b in bagian.items():
            if n != nama:
                arsip.writestr(n, b)
        with arsip.open(nama, "w") as aliran:
            aliran.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            if dimensi:
                aliran.write(b'<dimension ref="A1:S1000002"/>')
            aliran.write(b"<sheetData>")
            judul = "".join(
                f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{t}</t></is></c>'
                for i, t in enumerate(JUDUL_REALISASI)
            )
            aliran.write(f'<row r="1">{judul}</row>'.encode())
            potong = []
            for r in range(3, 1_000_003):
                potong.append(f'<row r="{r}"><c r="G{r}"><v>1</v></c></row>')
                if len(potong) == 10_000:
                    aliran.write("".join(potong).encode())
                    potong = []
            aliran.write(b"</sheetData></worksheet>")
    return keluaran.getvalue()


from lkip.excel.lembar import REALISASI  # noqa: E402

JUDUL_REALISASI = [k.judul for k in REALISASI.kolom]


@pytest.mark.parametrize("dimensi", [True, False], ids=["dimensi-tertulis", "tanpa-dimensi"])
def test_a_sheet_with_a_million_rows_is_refused_and_reading_stops(dimensi):
    isi = _lembar_sejuta_baris(templat(), dimensi=dimensi)
    tracemalloc.start()
    pesan = _tolak(isi)
    _sekarang, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "(sheet1.xml) berisi lebih dari 5000 baris" in pesan
    assert puncak < 100 * 1024 * 1024


def test_formulas_without_a_cached_value_are_reported_per_cell():
    def rumus(buku):
        buku["Realisasi"]["G3"] = "=1+1"  # openpyxl, like any program, saves no cached value

    berkas = periksa_berkas_xlsx(ubah(templat(), rumus))
    rencana = rencana_berkas(berkas, kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    assert [str(g) for g in rencana.galat] == [
        "Lembar «Realisasi», baris 3, kolom «Realisasi tahunan»: sel G3 berisi rumus tanpa nilai tersimpan. "
        "Buka berkas di Excel, simpan, lalu unggah lagi (atau ketik nilainya)."
    ]


def test_a_formula_with_its_cached_value_is_read_as_that_value():
    bagian = bagian_xlsx(templat())
    nama = "xl/worksheets/sheet1.xml"
    xml = bagian[nama].decode()
    # What Excel saves: the formula and its last result.
    awal = xml.index('<c r="G3"')
    akhir = xml.index("</c>", awal) + 4
    bagian[nama] = (xml[:awal] + '<c r="G3"><f>2+2</f><v>4</v></c>' + xml[akhir:]).encode()
    berkas = periksa_berkas_xlsx(zip_dari(bagian))
    rencana = rencana_berkas(berkas, kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    assert rencana.galat == []
    assert not rencana.ada_perubahan  # G3 (S1.1) is 4 already


@pytest.mark.parametrize(
    ("baris", "kata"),
    [
        ((1, 2, "arjasa"), "milik kecamatan «arjasa»"),
        ((1, 3, 2023), "untuk tahun 2023"),
        ((1, 1, "0"), "versi 0"),
        # Version 1 had no jenis belanja, quarterly targets or RKT sheet: read as is, it would
        # look as if they were all emptied.
        ((1, 1, "1"), "Templat ini versi 1; yang berlaku versi 2"),
    ],
)
def test_a_template_of_another_kecamatan_year_or_version_is_refused(baris, kata):
    _, nomor, nilai = baris

    def penanda(buku):
        buku["_versi"].cell(nomor, 2).value = nilai

    assert kata in _tolak(ubah(templat(), penanda))


def test_a_workbook_that_is_not_the_template_is_refused():
    buku = Workbook()
    buku.active["A1"] = "data"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    assert "bukan templat LKIP" in _tolak(keluaran.getvalue())


def test_moved_columns_are_refused_with_the_sheet_named():
    def geser(buku):
        buku["Realisasi"]["G1"], buku["Realisasi"]["H1"] = (
            buku["Realisasi"]["H1"].value,
            buku["Realisasi"]["G1"].value,
        )

    assert "«Realisasi»" in _tolak(ubah(templat(), geser))


def test_nothing_is_written_for_a_refused_file():
    sebelum = Realisasi.objects.count()
    _tolak(b"%PDF-1.4")
    assert Realisasi.objects.count() == sebelum
