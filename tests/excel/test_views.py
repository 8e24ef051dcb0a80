"""The Excel pages: download, upload with preview, apply; scoped and locked like every page."""

import io
import os
import re
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from capaian.models import Realisasi
from kecamatan.models import AlurLaporan, Kecamatan, StatusAlur
from lkip.accounts.models import Peran
from tests.excel.bantuan import isi_sel, templat, ubah
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
RUANG = {"slug": "kalisat", "tahun": 2024}


def _unggah(client, isi: bytes, nama="lkip.xlsx"):
    return client.post(reverse("excel:impor", kwargs=RUANG), {"berkas": SimpleUploadedFile(nama, isi)})


def _s11():
    return Realisasi.objects.get(
        indikator__kode="S1.1", indikator__sasaran__renstra__kecamatan__slug="kalisat", tahun=2024
    )


def test_download_is_a_workbook_named_after_the_kecamatan_and_year(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat"))
    respons = client.get(reverse("excel:templat", kwargs=RUANG))
    assert respons.status_code == 200
    assert respons["Content-Disposition"] == 'attachment; filename="lkip-kalisat-2024.xlsx"'
    assert respons.content.startswith(b"PK\x03\x04")


def test_upload_previews_then_apply_saves_and_is_recorded_for_the_user(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    operator = pengguna(Peran.OPERATOR, "kalisat")
    client.force_login(operator)
    isi = ubah(
        templat(), lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", "3,5")
    )
    pratinjau = _unggah(client, isi)
    assert pratinjau.status_code == 200
    teks = pratinjau.content.decode()
    assert "Realisasi tahunan" in teks and "3,5" in teks and "Terapkan semua perubahan" in teks
    assert _s11().angka == 4  # the preview writes nothing
    sha = re.search(r'name="sha" value="([0-9a-f]{64})"', teks).group(1)
    hasil = client.post(reverse("excel:terapkan", kwargs=RUANG), {"sha": sha}, follow=True)
    assert "Impor diterapkan: 1 baris" in hasil.content.decode()
    r = _s11()
    assert str(r.angka) == "3.5000"
    assert r.history.latest().history_user == operator
    assert not (_folder(settings) / f"{sha}.xlsx").exists()  # an applied upload is not kept
    # The stored upload is used once: applying again is refused with a message.
    lagi = client.post(reverse("excel:terapkan", kwargs=RUANG), {"sha": sha}, follow=True)
    assert "sudah tidak berlaku" in lagi.content.decode()


def _folder(settings) -> Path:
    return Path(settings.MEDIA_ROOT) / "impor"


def _sha(respons) -> str:
    return re.search(r'name="sha" value="([0-9a-f]{64})"', respons.content.decode()).group(1)


def _ubah_s11(nilai: str) -> bytes:
    return ubah(
        templat(), lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", nilai)
    )


def test_cancelling_a_preview_removes_the_stored_upload_and_writes_nothing(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    sha = _sha(_unggah(client, _ubah_s11("3,5")))
    assert (_folder(settings) / f"{sha}.xlsx").is_file()
    hasil = client.post(reverse("excel:batal", kwargs=RUANG), follow=True)
    assert "Impor dibatalkan" in hasil.content.decode()
    assert list(_folder(settings).iterdir()) == []
    lagi = client.post(reverse("excel:terapkan", kwargs=RUANG), {"sha": sha}, follow=True)
    assert "sudah tidak berlaku" in lagi.content.decode()
    assert _s11().angka == 4


def test_a_newer_upload_replaces_the_stored_one(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    pertama = _sha(_unggah(client, _ubah_s11("3,5")))
    kedua = _sha(_unggah(client, _ubah_s11("3,25")))
    assert pertama != kedua
    assert [p.name for p in _folder(settings).iterdir()] == [f"{kedua}.xlsx"]


def test_the_clean_up_command_removes_uploads_older_than_a_day_only(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    folder = _folder(settings)
    folder.mkdir()
    lama, baru = folder / f"{'a' * 64}.xlsx", folder / f"{'b' * 64}.xlsx"
    for jalur in (lama, baru):
        jalur.write_bytes(b"PK")
    dulu = time.time() - 25 * 3600
    os.utime(lama, (dulu, dulu))
    keluaran = io.StringIO()
    call_command("pangkas_lkip", stdout=keluaran)
    assert "1 unggahan impor lama dihapus" in keluaran.getvalue()
    assert not lama.exists() and baru.exists()


def test_a_bad_file_is_refused_beside_the_field_with_status_400(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    respons = _unggah(client, b"%PDF-1.4\n%%EOF", "laporan.xlsx")
    assert respons.status_code == 400
    assert "berupa PDF, bukan buku kerja Excel" in respons.content.decode()


def test_errors_are_listed_by_sheet_row_and_column_and_no_apply_is_offered(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    isi = ubah(
        templat(), lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", "1.234")
    )
    teks = _unggah(client, isi).content.decode()
    assert "«1.234» meragukan" in teks
    assert "Terapkan semua perubahan" not in teks


def test_reviewers_read_the_page_but_cannot_upload(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    assert client.get(reverse("excel:impor", kwargs=RUANG)).status_code == 200
    assert _unggah(client, templat()).status_code == 403


def test_a_locked_year_refuses_the_upload(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    AlurLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, status=StatusAlur.DIAJUKAN
    )
    assert "tidak dapat diimpor" in client.get(reverse("excel:impor", kwargs=RUANG)).content.decode()
    respons = _unggah(client, templat())
    assert respons.status_code == 302  # back to the year page with the lock message
    assert _s11().angka == 4


def test_the_apply_page_refuses_a_sha_that_was_not_previewed_in_this_session(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    hasil = client.post(reverse("excel:terapkan", kwargs=RUANG), {"sha": "0" * 64}, follow=True)
    assert "sudah tidak berlaku" in hasil.content.decode()


def test_the_import_command_of_django_import_export_is_replaced_by_a_refusal():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="dinonaktifkan"):
        call_command("import", "capaian.KonversiHuruf", "berkas.csv")
