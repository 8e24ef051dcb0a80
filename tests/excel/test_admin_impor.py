"""The admin's import and export of reference data: through the test client, upload → preview
→ confirm, every bad file refused by the guard with nothing written, the scale lock, atomicity,
idempotence, the history and the permissions."""

import io
import struct
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from capaian.models import KonversiHuruf, PitaPredikat, SkalaPredikat, SkalaTahun
from kabupaten.models import IndikatorKabupaten
from kecamatan.models import AlurLaporan, Kecamatan, Pejabat
from lkip.accounts.models import Peran, User
from tests.excel.bantuan import bagian_xlsx, zip_dari

pytestmark = pytest.mark.django_db

XLSX, CSV = "0", "1"
MODEL = [Kecamatan, Pejabat, SkalaPredikat, PitaPredikat, KonversiHuruf, IndikatorKabupaten]


def _url(model, aksi: str) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{aksi}")


def isi(model) -> list[tuple]:
    return list(model.objects.order_by("pk").values_list())


def jumlah_riwayat(model) -> int:
    return model.history.count()


@pytest.fixture(autouse=True)
def simpanan_sementara(monkeypatch, tmp_path):
    """Uploads kept between preview and confirm go to this test's own folder."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


@pytest.fixture
def klien_admin(client):
    client.force_login(User.objects.create_superuser("admin-impor", "a@example.org", "x", peran=Peran.ADMIN))
    return client


def ekspor(klien, model, format_: str) -> bytes:
    jawaban = klien.post(_url(model, "export"), {"format": format_, "resource": "0"})
    assert jawaban.status_code == 200, jawaban.content[:500]
    return jawaban.content


def unggah(klien, model, isi_berkas: bytes, format_: str, nama: str | None = None):
    nama = nama or ("data.xlsx" if format_ == XLSX else "data.csv")
    return klien.post(
        _url(model, "import"),
        {"resource": "0", "format": format_, "import_file": SimpleUploadedFile(nama, isi_berkas)},
    )


def konfirmasi(klien, model, pratinjau):
    form = pratinjau.context["confirm_form"]
    return klien.post(_url(model, "process_import"), form.initial, follow=True)


def impor(klien, model, isi_berkas: bytes, format_: str):
    """Upload then confirm; returns (preview response, confirm response)."""
    pratinjau = unggah(klien, model, isi_berkas, format_)
    assert pratinjau.status_code == 200
    assert pratinjau.context.get("confirm_form") is not None, _galat(pratinjau)
    return pratinjau, konfirmasi(klien, model, pratinjau)


def _galat(jawaban) -> str:
    form = jawaban.context.get("form")
    hasil = jawaban.context.get("result")
    teks = [] if form is None else [str(form.errors)]
    if hasil is not None:
        teks += [str(e.error) for e in hasil.base_errors]
        teks += [str(r.error_dict) for r in hasil.invalid_rows]
        teks += [str(g[0].error) for _n, g in hasil.row_errors()]
    return " ".join(teks)


def jenis_baris(pratinjau) -> list[str]:
    return [baris.import_type for baris in pratinjau.context["result"].rows]


def csv_dari(baris: list[list[str]]) -> bytes:
    return ("\ufeff" + "\r\n".join(";".join(b) for b in baris) + "\r\n").encode("utf-8")


def xlsx_dari(baris: list[list[object]]) -> bytes:
    buku = Workbook()
    for b in baris:
        buku.active.append(b)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def kunci_tahun(slug: str, tahun: int, status: str = "terkunci") -> None:
    AlurLaporan.objects.update_or_create(
        kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun, defaults={"status": status}
    )


# --- Round trip and idempotence -------------------------------------------------------------


@pytest.mark.parametrize("format_", [XLSX, CSV], ids=["xlsx", "csv"])
@pytest.mark.parametrize("model", MODEL, ids=lambda m: m._meta.label)
def test_an_export_imported_again_is_every_row_unchanged_and_writes_nothing(klien_admin, model, format_):
    assert model.objects.exists()
    sebelum, riwayat = isi(model), jumlah_riwayat(model)
    berkas = ekspor(klien_admin, model, format_)
    pratinjau, hasil = impor(klien_admin, model, berkas, format_)
    assert set(jenis_baris(pratinjau)) == {"skip"}
    assert len(jenis_baris(pratinjau)) == model.objects.count()
    assert "Impor selesai: 0 baru, 0 diubah" in hasil.content.decode()
    assert isi(model) == sebelum
    assert jumlah_riwayat(model) == riwayat


def test_the_export_has_indonesian_headers_numbers_as_numbers_and_formula_text_as_text(klien_admin):
    Kecamatan.objects.filter(slug="kalisat").update(alamat_kantor='=HYPERLINK("x")')
    buku = load_workbook(io.BytesIO(ekspor(klien_admin, Kecamatan, XLSX)))
    ws = buku.active
    assert [c.value for c in ws[1]] == ["Kode", "Nama", "Kabupaten", "Alamat kantor", "Sintetis"]
    sel = next(r[3] for r in ws.iter_rows(min_row=2) if r[0].value == "kalisat")
    assert sel.data_type == "s" and sel.value == '=HYPERLINK("x")'
    konversi = load_workbook(io.BytesIO(ekspor(klien_admin, KonversiHuruf, XLSX))).active
    angka = {r[0].value: r[1].value for r in konversi.iter_rows(min_row=2)}
    assert isinstance(angka["B"], (int, float)) and Decimal(str(angka["B"])) == Decimal("70")
    teks = ekspor(klien_admin, Kecamatan, CSV).decode("utf-8-sig")
    assert teks.splitlines()[0] == "Kode;Nama;Kabupaten;Alamat kantor;Sintetis"
    assert "'=HYPERLINK" in teks
    # and the escaped text comes back as it was
    pratinjau, _hasil = impor(klien_admin, Kecamatan, teks.encode("utf-8"), CSV)
    assert set(jenis_baris(pratinjau)) == {"skip"}


def test_a_changed_row_is_written_once_with_the_importing_user_in_the_history(klien_admin):
    berkas = ekspor(klien_admin, KonversiHuruf, CSV).decode("utf-8-sig")
    baris = [b.split(";") for b in berkas.splitlines()]
    for b in baris:
        if b[0] == "B":
            b[1] = "71,5"
    baris.append(["E", "10"])
    pratinjau, hasil = impor(klien_admin, KonversiHuruf, csv_dari(baris), CSV)
    assert sorted(jenis_baris(pratinjau)).count("skip") == len(baris) - 3
    assert "Impor selesai: 1 baru, 1 diubah" in hasil.content.decode()
    assert KonversiHuruf.objects.get(huruf="B").angka == Decimal("71.5")
    assert KonversiHuruf.objects.get(huruf="E").angka == Decimal("10")
    catatan = KonversiHuruf.history.filter(huruf="B").latest("history_date")
    assert catatan.history_user.username == "admin-impor"
    assert catatan.history_change_reason == "impor admin"
    # the same file again changes nothing
    riwayat = jumlah_riwayat(KonversiHuruf)
    pratinjau, _hasil = impor(klien_admin, KonversiHuruf, csv_dari(baris), CSV)
    assert set(jenis_baris(pratinjau)) == {"skip"}
    assert jumlah_riwayat(KonversiHuruf) == riwayat


def test_the_preview_writes_nothing(klien_admin):
    sebelum = isi(KonversiHuruf)
    pratinjau = unggah(
        klien_admin, KonversiHuruf, csv_dari([["Nilai huruf", "Nilai angka"], ["B", "12"]]), CSV
    )
    assert jenis_baris(pratinjau) == ["update"]
    assert isi(KonversiHuruf) == sebelum


def test_new_rows_from_a_workbook_with_foreign_keys_by_kode(klien_admin):
    berkas = xlsx_dari(
        [
            ["Kecamatan", "Tahun", "Urutan", "Jabatan", "Nama", "NIP", "Kepala (penandatangan laporan)",
             "Mulai menjabat"],
            ["kalisat", 2024, 9, "Sekretaris Uji", "Nama Uji", "196512311990031001", "Tidak", "2024-01-02"],
        ]
    )  # fmt: skip
    _pratinjau, hasil = impor(klien_admin, Pejabat, berkas, XLSX)
    assert "1 baru" in hasil.content.decode()
    pejabat = Pejabat.objects.get(nama="Nama Uji")
    assert (pejabat.profil.kecamatan.slug, pejabat.profil.tahun, pejabat.urutan) == ("kalisat", 2024, 9)
    assert pejabat.nip == "196512311990031001" and str(pejabat.mulai_menjabat) == "2024-01-02"
    assert pejabat.history.get().history_change_reason == "impor admin"


# --- Values refused per row, nothing written ---------------------------------------------------


@pytest.mark.parametrize(
    ("model", "baris", "pesan"),
    [
        (KonversiHuruf, [["Nilai huruf", "Nilai angka"], ["B", "1.234"]], "meragukan"),
        (KonversiHuruf, [["Nilai huruf", "Nilai angka"], ["B", "-5"]], ""),
        (
            IndikatorKabupaten,
            [["Kode", "Nama", "Nama singkat", "Polaritas"], ["ikm", "x", "x", "naik"]],
            "naik",
        ),
        (PitaPredikat, [["Skala", "Predikat", "Batas bawah (%)"], ["tidak-ada", "A", "1"]], "tidak ada"),
        (
            Pejabat,
            [["Kecamatan", "Tahun", "Jabatan", "Nama"], ["kalisat", "1999", "Camat", "X"]],
            "belum ada",
        ),
        (Kecamatan, [["Kode", "Nama", "Sintetis"], ["sintetis-999", "Uji", "Tidak"]], "sintetis"),
    ],
    ids=["ambiguous", "negative", "choice", "unknown-scale", "no-profile", "constraint"],
)
def test_an_invalid_row_is_reported_and_nothing_can_be_confirmed(klien_admin, model, baris, pesan):
    sebelum = isi(model)
    pratinjau = unggah(klien_admin, model, csv_dari(baris), CSV)
    assert pratinjau.status_code == 200
    assert pratinjau.context.get("confirm_form") is None
    assert pesan in _galat(pratinjau)
    assert _galat(pratinjau).strip()
    assert isi(model) == sebelum


def test_a_file_without_the_key_column_is_refused_in_indonesian(klien_admin):
    pratinjau = unggah(klien_admin, KonversiHuruf, csv_dari([["Huruf", "Nilai angka"], ["B", "70"]]), CSV)
    assert pratinjau.context.get("confirm_form") is None
    assert "Kolom kunci tidak ada" in _galat(pratinjau) and "Nilai huruf" in _galat(pratinjau)


# --- Bad files: the guard, before anything is parsed or stored --------------------------------


def _ole() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HH", 0x3E, 0x03) + b"\x00" * 482


def _xlsm(klien) -> bytes:
    bagian = bagian_xlsx(ekspor(klien, KonversiHuruf, XLSX))
    bagian["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"\x00" * 100
    return zip_dari(bagian)


def _bom(klien) -> bytes:
    bagian = bagian_xlsx(ekspor(klien, KonversiHuruf, XLSX))
    bagian["xl/worksheets/sheet9.xml"] = b"0" * (3 * 1024 * 1024)
    return zip_dari(bagian)


def _xml_bom(klien) -> bytes:
    bagian = bagian_xlsx(ekspor(klien, KonversiHuruf, XLSX))
    bagian["xl/sharedStrings.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst>&lol2;</sst>'
    )
    return zip_dari(bagian)


def _rumus_tanpa_nilai(klien) -> bytes:
    return xlsx_dari([["Nilai huruf", "Nilai angka"], ["B", "=60+10"]])


BERKAS_BURUK = {
    "pdf-renamed": (lambda k: b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n", XLSX, "PDF"),
    "csv-renamed": (lambda k: b"Nilai huruf;Nilai angka\r\nB;70\r\n", XLSX, "CSV"),
    "exe-as-csv": (lambda k: b"MZ\x90\x00\x03" + b"\x00" * 64, CSV, "program"),
    "xlsx-as-csv": (lambda k: ekspor(k, KonversiHuruf, XLSX), CSV, "Pilih format «xlsx»"),
    "password": (lambda k: _ole(), XLSX, "kata sandi"),
    "xlsm": (_xlsm, XLSX, "makro"),
    "zip-bomb": (_bom, XLSX, "zip bomb"),
    "xml-bomb": (_xml_bom, XLSX, "ENTITY"),
    "formula-no-value": (_rumus_tanpa_nilai, XLSX, "rumus tanpa nilai"),
    "over-size": (lambda k: b"Nilai huruf;Nilai angka\r\n" + b"B;70\r\n" * 400, CSV, "Berkas terlalu besar"),
    "too-many-rows-csv": (lambda k: b"Nilai huruf;Nilai angka\r\n" + b"B;70\r\n" * 12, CSV, "lebih dari 10"),
    "too-many-rows-xlsx": (
        lambda k: xlsx_dari([["Nilai huruf", "Nilai angka"]] + [["B", 70]] * 12),
        XLSX,
        "lebih dari 10",
    ),
    "not-utf8": (lambda k: "Nilai huruf;Nilai angka\r\nB;70 ½\r\n".encode("cp1252"), CSV, "bukan UTF-8"),
    "utf16": (lambda k: "Nilai huruf;Nilai angka\r\n".encode("utf-16"), CSV, "UTF-16"),
    "empty": (lambda k: b"", CSV, "kosong"),
}


@pytest.mark.parametrize("nama", BERKAS_BURUK)
def test_a_bad_file_is_refused_on_the_import_page_with_nothing_written(klien_admin, settings, nama, tmp_path):
    buat, format_, pesan = BERKAS_BURUK[nama]
    berkas = buat(klien_admin)
    settings.LKIP_IMPOR_BARIS_MAKS = 10
    settings.LKIP_IMPOR_BAGIAN_MAKS_BYTE = 1024 * 1024
    settings.LKIP_IMPOR_MAKS_BYTE = 2000 if nama == "over-size" else 5 * 1024 * 1024
    sebelum, riwayat = isi(KonversiHuruf), jumlah_riwayat(KonversiHuruf)
    jawaban = unggah(klien_admin, KonversiHuruf, berkas, format_)
    assert jawaban.status_code == 200
    assert jawaban.context.get("confirm_form") is None
    assert jawaban.context.get("result") is None  # refused before import-export read a row
    halaman = jawaban.content.decode()
    assert pesan in halaman, _galat(jawaban)
    assert isi(KonversiHuruf) == sebelum
    assert jumlah_riwayat(KonversiHuruf) == riwayat


def test_a_stored_file_is_guarded_again_at_the_confirm_step(klien_admin, settings):
    """The confirm reads the stored copy again through the same guard: a limit lowered in
    between (or a stored file changed) is a message on the import page, not a 500."""
    pratinjau = unggah(
        klien_admin, KonversiHuruf, csv_dari([["Nilai huruf", "Nilai angka"], ["B", "12"]]), CSV
    )
    settings.LKIP_IMPOR_MAKS_BYTE = 10
    sebelum = isi(KonversiHuruf)
    hasil = konfirmasi(klien_admin, KonversiHuruf, pratinjau)
    assert hasil.redirect_chain[-1][0] == _url(KonversiHuruf, "import")
    assert "terlalu besar" in hasil.content.decode()
    assert isi(KonversiHuruf) == sebelum


# --- Locks: versioned scales and the officials of a locked year ------------------------------------


def _skala_2024() -> SkalaPredikat:
    return SkalaTahun.objects.select_related("skala").get(tahun=2024).skala


def _baris_pita(skala: SkalaPredikat, ubah_batas: Decimal | None = None) -> list[list[str]]:
    baris = [
        [
            "Skala",
            "Predikat",
            "Batas bawah (%)",
            "Batas bawah termasuk",
            "Batas atas (%)",
            "Batas atas termasuk",
        ]
    ]
    pita = list(skala.pita.order_by("urutan"))
    for p in pita:
        bawah, atas = p.batas_bawah, p.batas_atas
        baris.append(
            [skala.kode, p.kode, "" if bawah is None else str(bawah), "Ya" if p.bawah_inklusif else "Tidak",
             "" if atas is None else str(atas), "Ya" if p.atas_inklusif else "Tidak"]
        )  # fmt: skip
    if ubah_batas is not None:  # move the boundary between the first two bands, keeping no gap
        atas_kolom, bawah_kolom = 4, 2
        urut = sorted(range(1, len(baris)), key=lambda i: Decimal(baris[i][bawah_kolom] or "-1"))
        rendah, berikut = urut[0], urut[1]
        baris[rendah][atas_kolom] = str(ubah_batas)
        baris[berikut][bawah_kolom] = str(ubah_batas)
    return baris


def test_bands_of_a_scale_that_scores_a_locked_year_cannot_be_changed(klien_admin):
    skala = _skala_2024()
    kunci_tahun("kalisat", 2024, "diajukan")
    sebelum, riwayat = isi(PitaPredikat), jumlah_riwayat(PitaPredikat)
    pratinjau = unggah(klien_admin, PitaPredikat, csv_dari(_baris_pita(skala, Decimal("49"))), CSV)
    assert pratinjau.context.get("confirm_form") is None
    pesan = _galat(pratinjau)
    assert f"Skala «{skala.kode}» dipakai tahun 2024" in pesan and "Diajukan" in pesan
    assert isi(PitaPredikat) == sebelum and jumlah_riwayat(PitaPredikat) == riwayat
    # the same bands unchanged pass (nothing is written), and a new scale may be imported
    pratinjau, _hasil = impor(klien_admin, PitaPredikat, csv_dari(_baris_pita(skala)), CSV)
    assert set(jenis_baris(pratinjau)) == {"skip"}


def test_the_cap_of_a_scale_that_scores_a_locked_year_cannot_be_changed(klien_admin):
    skala = _skala_2024()
    kunci_tahun("arjasa", 2024)
    berkas = csv_dari([["Kode", "Nama", "Batas atas capaian (%)"], [skala.kode, skala.nama, "120"]])
    pratinjau = unggah(klien_admin, SkalaPredikat, berkas, CSV)
    assert pratinjau.context.get("confirm_form") is None
    assert "tidak dapat diubah" in _galat(pratinjau)
    skala.refresh_from_db()
    assert skala.batas_atas is None


def test_bands_of_a_scale_whose_years_are_open_may_change_but_never_leave_a_gap(klien_admin):
    skala = _skala_2024()
    _pratinjau, hasil = impor(klien_admin, PitaPredikat, csv_dari(_baris_pita(skala, Decimal("49"))), CSV)
    assert "2 diubah" in hasil.content.decode()
    assert (
        skala.as_skala().pita_untuk(Decimal("49.5")).kode != skala.as_skala().pita_untuk(Decimal("48")).kode
    )
    sebelum = isi(PitaPredikat)
    celah = _baris_pita(skala)
    terbawah = next(b for b in celah[1:] if b[2] == "")  # the band with no lower bound
    terbawah[4] = str(Decimal(terbawah[4]) - 5)  # now ends below where the next one starts
    pratinjau = unggah(klien_admin, PitaPredikat, csv_dari(celah), CSV)
    assert pratinjau.context.get("confirm_form") is None
    assert "tidak bersambung" in _galat(pratinjau)
    assert isi(PitaPredikat) == sebelum


def test_the_admin_scale_form_holds_the_same_lock(klien_admin):
    skala = _skala_2024()
    kunci_tahun("kalisat", 2024)
    alamat = reverse("admin:capaian_skalapredikat_change", args=[skala.pk])
    halaman = klien_admin.get(alamat)
    data = {k: ("" if v is None else v) for k, v in halaman.context["adminform"].form.initial.items()}
    data["nama"] = "Nama baru"
    formset = halaman.context["inline_admin_formsets"][0].formset
    data |= {f"{formset.prefix}-TOTAL_FORMS": 0, f"{formset.prefix}-INITIAL_FORMS": 0}
    jawaban = klien_admin.post(alamat, data)
    assert jawaban.status_code == 200
    assert "tidak dapat diubah" in jawaban.content.decode()
    skala.refresh_from_db()
    assert skala.nama != "Nama baru"


def test_an_official_of_a_locked_year_cannot_be_imported(klien_admin):
    kunci_tahun("kalisat", 2024)
    sebelum = isi(Pejabat)
    berkas = csv_dari(
        [["Kecamatan", "Tahun", "Jabatan", "Nama"], ["kalisat", "2024", "Sekretaris Uji", "Nama Uji"]]
    )
    pratinjau = unggah(klien_admin, Pejabat, berkas, CSV)
    assert pratinjau.context.get("confirm_form") is None
    assert "tidak dapat diubah" in _galat(pratinjau)
    assert isi(Pejabat) == sebelum


def test_the_confirm_is_all_or_nothing_when_a_row_became_invalid_after_the_preview(klien_admin):
    berkas = csv_dari(
        [
            ["Kecamatan", "Tahun", "Jabatan", "Nama"],
            ["arjasa", "2023", "Sekretaris Uji", "Nama Uji"],
            ["kalisat", "2024", "Sekretaris Uji", "Nama Uji"],
        ]
    )
    pratinjau = unggah(klien_admin, Pejabat, berkas, CSV)
    assert jenis_baris(pratinjau) == ["new", "new"]
    kunci_tahun("kalisat", 2024)  # someone submits Kalisat 2024 before the confirm
    sebelum, riwayat = isi(Pejabat), jumlah_riwayat(Pejabat)
    hasil = konfirmasi(klien_admin, Pejabat, pratinjau)
    halaman = hasil.content.decode()
    assert "Impor dibatalkan; tidak ada data yang disimpan." in halaman
    assert "Baris 2" in halaman and "tidak dapat diubah" in halaman
    assert isi(Pejabat) == sebelum and jumlah_riwayat(Pejabat) == riwayat


# --- Permissions ----------------------------------------------------------------------------


def _staf(izin: list[str]) -> User:
    user = User.objects.create_user("staf-uji", "s@example.org", "x", peran=Peran.ADMIN, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="capaian", codename__in=izin))
    return User.objects.get(pk=user.pk)


def test_who_may_import_and_export(client):
    berkas = csv_dari([["Nilai huruf", "Nilai angka"], ["B", "12"]])
    client.force_login(User.objects.create_user("bukan-staf", "b@example.org", "x", peran=Peran.BAPPEDA))
    assert client.get(_url(KonversiHuruf, "import")).status_code == 302  # to the admin's login
    assert client.post(_url(KonversiHuruf, "export"), {"format": CSV}).status_code == 302

    client.force_login(_staf(["view_konversihuruf"]))
    assert client.get(_url(KonversiHuruf, "import")).status_code == 403
    assert unggah(client, KonversiHuruf, berkas, CSV).status_code == 403
    assert client.post(_url(KonversiHuruf, "process_import"), {}).status_code == 403
    assert client.post(_url(KonversiHuruf, "export"), {"format": CSV}).status_code == 200
    assert client.post(_url(SkalaPredikat, "export"), {"format": CSV}).status_code == 403
    assert KonversiHuruf.objects.get(huruf="B").angka == Decimal("70")

    User.objects.filter(username="staf-uji").delete()
    client.force_login(_staf(["view_konversihuruf", "change_konversihuruf"]))
    assert client.get(_url(KonversiHuruf, "import")).status_code == 403  # may not add

    User.objects.filter(username="staf-uji").delete()
    client.force_login(_staf(["view_konversihuruf", "change_konversihuruf", "add_konversihuruf"]))
    _pratinjau, hasil = impor(client, KonversiHuruf, berkas, CSV)
    assert "1 diubah" in hasil.content.decode()
    assert KonversiHuruf.objects.get(huruf="B").angka == Decimal("12")


def test_a_row_error_is_shown_under_the_column_heading_of_the_file(klien_admin):
    pratinjau = unggah(
        klien_admin, KonversiHuruf, csv_dari([["Nilai huruf", "Nilai angka"], ["B", "1.234"]]), CSV
    )
    (baris,) = pratinjau.context["result"].invalid_rows
    assert list(baris.field_specific_errors) == ["Nilai angka"]
    halaman = pratinjau.content.decode()
    assert "Ada baris yang tidak valid" in halaman and "«1.234» meragukan" in halaman


@pytest.mark.parametrize("nama", ["../../etc/passwd", "passwd", "0" * 31])
def test_the_confirm_reads_only_an_upload_of_its_own_folder(klien_admin, nama):
    pratinjau = unggah(
        klien_admin, KonversiHuruf, csv_dari([["Nilai huruf", "Nilai angka"], ["B", "12"]]), CSV
    )
    data = dict(pratinjau.context["confirm_form"].initial, import_file_name=nama)
    sebelum = isi(KonversiHuruf)
    hasil = klien_admin.post(_url(KonversiHuruf, "process_import"), data, follow=True)
    assert hasil.redirect_chain[-1][0] == _url(KonversiHuruf, "import")
    assert "Berkas impor tidak dikenal" in hasil.content.decode()
    assert isi(KonversiHuruf) == sebelum


def test_the_upload_is_kept_until_the_confirm_and_removed_after_it(klien_admin, settings, tmp_path):
    import os

    from lkip.excel.admin_impor import SimpananImpor

    settings.MEDIA_ROOT = tmp_path

    pratinjau = unggah(
        klien_admin, KonversiHuruf, csv_dari([["Nilai huruf", "Nilai angka"], ["B", "12"]]), CSV
    )
    jalur = SimpananImpor(name=pratinjau.context["confirm_form"].initial["import_file_name"]).get_full_path()
    assert os.path.exists(jalur) and jalur.startswith(str(tmp_path / "impor-admin"))
    konfirmasi(klien_admin, KonversiHuruf, pratinjau)
    assert not os.path.exists(jalur)


def test_an_upload_previewed_but_never_confirmed_is_pruned_after_a_day(klien_admin, settings, tmp_path):
    import os
    import time

    from django.core.management import call_command

    from lkip.excel.admin_impor import SimpananImpor

    settings.MEDIA_ROOT = tmp_path
    lama = unggah(klien_admin, KonversiHuruf, csv_dari([["Nilai huruf", "Nilai angka"], ["B", "12"]]), CSV)
    baru = unggah(klien_admin, KonversiHuruf, csv_dari([["Nilai huruf", "Nilai angka"], ["C", "9"]]), CSV)
    jalur_lama, jalur_baru = (
        SimpananImpor(name=p.context["confirm_form"].initial["import_file_name"]).get_full_path()
        for p in (lama, baru)
    )
    dulu = time.time() - 25 * 3600
    os.utime(jalur_lama, (dulu, dulu))
    call_command("pangkas_lkip", stdout=io.StringIO())
    assert not os.path.exists(jalur_lama) and os.path.exists(jalur_baru)
