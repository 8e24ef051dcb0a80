"""Entering a year's realisasi: Indonesian numbers, errors beside the field with nothing typed
lost, live capaian and predikat from the scoring service, stale forms refused, evidence."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from capaian.models import Bukti, Realisasi
from capaian.services import versi_realisasi
from lkip.accounts.models import Peran
from tests.web.bantuan import PDF, bukti_berkas, indikator_pk, pengguna

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


@pytest.fixture
def indikator():
    """A numeric indicator of Kalisat's 2024 PK."""
    return next(i for i in indikator_pk("kalisat", 2024) if i.jenis_nilai != i.JenisNilai.HURUF)


def alamat(indikator, nama="web:realisasi"):
    return reverse(nama, kwargs={"slug": "kalisat", "tahun": 2024, "indikator_id": indikator.pk})


def isian(indikator, **lain) -> dict:
    lama = Realisasi.objects.filter(indikator=indikator, tahun=2024).prefetch_related("triwulan").first()
    return {"versi": versi_realisasi(lama), "status": "terisi", **lain}


@pytest.mark.parametrize(
    ("teks", "angka"),
    [("97,5", Decimal("97.5")), ("1.234.567,89", Decimal("1234567.89")), ("97.5", Decimal("97.5"))],
)
def test_realisasi_is_saved_from_indonesian_and_plain_numbers(operator, indikator, teks, angka):
    jawaban = operator.post(alamat(indikator), isian(indikator, nilai=teks))
    assert jawaban.status_code == 302
    realisasi = Realisasi.objects.get(indikator=indikator, tahun=2024)
    assert realisasi.angka == angka
    assert realisasi.status == Realisasi.Status.TERISI


def _baris(indikator):
    from capaian.selectors import capaian_tahun

    data = capaian_tahun(kecamatan=indikator.sasaran.renstra.kecamatan, tahun=2024)
    return next(b for b in data.baris if b.indikator == indikator)


def test_quarters_alone_roll_up_to_the_year_by_the_indicators_rule(operator):
    dokumen = next(i for i in indikator_pk("kalisat", 2024) if not i.is_rasio)  # a count of documents
    dokumen.aturan_triwulan = "kumulatif"
    dokumen.save()
    jawaban = operator.post(
        alamat(dokumen), isian(dokumen, triwulan_1="10,5", triwulan_2="20", triwulan_4="1.000,25")
    )
    assert jawaban.status_code == 302
    realisasi = Realisasi.objects.get(indikator=dokumen, tahun=2024)
    assert (realisasi.angka, realisasi.huruf, realisasi.status) == (None, "", Realisasi.Status.TERISI)
    assert {t.triwulan: t.angka for t in realisasi.triwulan.all()} == {
        1: Decimal("10.5"),
        2: Decimal("20"),
        4: Decimal("1000.25"),
    }
    baris = _baris(dokumen)
    assert baris.realisasi.angka == Decimal("1030.75")
    assert baris.temuan == ()


def test_one_filled_quarter_never_replaces_the_typed_year(operator):
    """Kalisat's IKM: 86 against 90 is 95,56%; typing 49 in one quarter used to score 49."""
    ikm = next(i for i in indikator_pk("kalisat", 2024) if i.kode == "S2.1")
    jawaban = operator.post(alamat(ikm), isian(ikm, nilai="86", triwulan_1="49"))
    assert jawaban.status_code == 302
    realisasi = Realisasi.objects.get(indikator=ikm, tahun=2024)
    assert realisasi.angka == Decimal("86")
    baris = _baris(ikm)
    assert (baris.realisasi.angka, baris.hasil.capaian, baris.hasil.predikat) == (
        Decimal("86"), Decimal("95.56"), "Sangat Tinggi"
    )  # fmt: skip
    assert baris.hasil.rekap_triwulan == Decimal("49")
    assert [t.jenis.value for t in baris.temuan] == ["rekap_triwulan_berbeda"]

    halaman = operator.get(alamat(ikm)).content.decode()
    assert 'value="86"' in halaman  # the typed year comes back in the form, beside its quarters
    assert 'data-uji="rekap-triwulan">49<' in halaman
    assert "Realisasi tahunan 86 berbeda dengan rekap triwulan 49" in halaman
    beranda = operator.get(reverse("web:tahun", args=["kalisat", 2024])).content.decode()
    assert "Temuan untuk diperiksa" in beranda
    assert "S2.1</a>: Realisasi tahunan 86 berbeda dengan rekap triwulan 49" in beranda


def test_the_live_preview_shows_the_roll_up_beside_the_typed_year(operator):
    ikm = next(i for i in indikator_pk("kalisat", 2024) if i.kode == "S2.1")
    ikm.aturan_triwulan = "rata_rata"
    ikm.save()
    jawaban = operator.post(
        alamat(ikm, "web:realisasi_pratinjau"),
        {"status": "terisi", "nilai": "86", "triwulan_1": "80", "triwulan_2": "84", "triwulan_3": "90"},
    )
    halaman = jawaban.content.decode()
    assert 'data-uji="capaian">95,56%<' in halaman
    assert 'data-uji="rekap-triwulan">84,6667<' in halaman
    assert "berbeda dengan rekap triwulan" in halaman


def test_an_ambiguous_number_is_refused_beside_its_field_and_nothing_typed_is_lost(operator, indikator):
    jawaban = operator.post(
        alamat(indikator),
        isian(indikator, nilai="1.234", triwulan_2="abc", faktor_keberhasilan="Koordinasi lintas sektor"),
    )
    halaman = jawaban.content.decode()
    assert jawaban.status_code == 200
    assert "meragukan" in halaman  # the Indonesian message of parse_angka, beside the field
    assert 'id="id_nilai-galat"' in halaman and 'id="id_triwulan_2-galat"' in halaman
    assert 'value="1.234"' in halaman and 'value="abc"' in halaman
    assert "Koordinasi lintas sektor" in halaman
    assert not Realisasi.objects.filter(indikator=indikator, tahun=2024, angka=Decimal("1234")).exists()


def test_a_reason_is_required_when_the_indicator_does_not_apply(operator, indikator):
    jawaban = operator.post(alamat(indikator), isian(indikator, status="tidak_berlaku"))
    assert "Tuliskan alasannya." in jawaban.content.decode()


def test_the_second_save_of_a_stale_form_is_refused_with_a_message(operator, indikator):
    dibuka = isian(indikator)  # two people open the same form
    assert operator.post(alamat(indikator), {**dibuka, "nilai": "80"}).status_code == 302
    kedua = operator.post(alamat(indikator), {**dibuka, "nilai": "70", "hambatan": "Anggaran terbatas"})
    halaman = kedua.content.decode()
    assert kedua.status_code == 409
    assert "sudah diubah orang lain" in halaman
    assert 'value="70"' in halaman and "Anggaran terbatas" in halaman
    assert Realisasi.objects.get(indikator=indikator, tahun=2024).angka == Decimal("80")


def test_a_save_builds_no_page_and_checks_the_lock_once(operator, indikator, django_assert_num_queries):
    """A successful save reads the session, the user, the kecamatan, the indicator and the
    Renstra, then inside its transaction the lock, the indicator's row lock and the realisasi
    with its quarters, and writes the row and its history: no targets, scale, evidence or review
    notes, which only a page shown again needs."""
    assert operator.post(alamat(indikator), isian(indikator, nilai="60", triwulan_1="10")).status_code == 302
    data = isian(indikator, nilai="61", triwulan_1="10")
    with django_assert_num_queries(14):  # 32 when the save built the whole page first
        assert operator.post(alamat(indikator), data).status_code == 302
    assert Realisasi.objects.get(indikator=indikator, tahun=2024).angka == Decimal("61")


@pytest.mark.parametrize("nilai", ["61", "abc"])  # a form that is valid, and one that is not
def test_a_save_to_a_locked_year_is_refused_whether_the_form_is_valid_or_not(operator, indikator, nilai):
    from django.contrib.messages import get_messages

    from kecamatan.models import AlurLaporan

    sebelum = (
        Realisasi.objects.filter(indikator=indikator, tahun=2024).values_list("angka", flat=True).first()
    )
    AlurLaporan.objects.create(kecamatan=indikator.sasaran.renstra.kecamatan, tahun=2024, status="diajukan")
    jawaban = operator.post(alamat(indikator), isian(indikator, nilai=nilai))
    assert jawaban.status_code == 302
    assert jawaban["Location"] == reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})
    assert any("tidak dapat diubah" in str(m) for m in get_messages(jawaban.wsgi_request))
    assert Realisasi.objects.filter(indikator=indikator, tahun=2024).values_list(
        "angka", flat=True
    ).first() == (sebelum)


def test_a_quarter_emptied_is_deleted_with_its_history(operator, indikator):
    from capaian.models import RealisasiTriwulan

    kuartal = {"triwulan_1": "10", "triwulan_2": "20", "triwulan_3": "30"}
    assert operator.post(alamat(indikator), isian(indikator, **kuartal)).status_code == 302
    data = isian(indikator, triwulan_1="10", triwulan_3="")
    assert operator.post(alamat(indikator), data).status_code == 302
    realisasi = Realisasi.objects.get(indikator=indikator, tahun=2024)
    assert {t.triwulan: t.angka for t in realisasi.triwulan.all()} == {1: Decimal("10")}
    dihapus = RealisasiTriwulan.history.filter(history_type="-", realisasi_id=realisasi.pk)
    assert sorted(dihapus.values_list("triwulan", flat=True)) == [2, 3]


def test_after_a_conflict_the_user_sees_both_values_takes_one_per_field_and_saves(operator, indikator):
    dibuka = isian(indikator, nilai="60", catatan="Catatan awal")
    assert operator.post(alamat(indikator), dibuka).status_code == 302
    dibuka["versi"] = isian(indikator)["versi"]
    # Someone else saves 80 and a note while our form is open.
    lain = {**dibuka, "nilai": "80", "catatan": "Catatan orang lain"}
    assert operator.post(alamat(indikator), lain).status_code == 302

    milik_kita = {**dibuka, "nilai": "70", "catatan": "Catatan kita", "hambatan": "Anggaran terbatas"}
    kedua = operator.post(alamat(indikator), milik_kita)
    assert kedua.status_code == 409
    form = kedua.context["form"]
    beda = {k.nama: (k.milik_saya, k.tersimpan) for k in form.konflik}
    assert beda == {
        "nilai": ("70", "80"),
        "catatan": ("Catatan kita", "Catatan orang lain"),
        "hambatan": ("Anggaran terbatas", "–"),
    }
    halaman = kedua.content.decode()
    assert 'name="ambil_nilai" value="tersimpan"' in halaman and "Catatan orang lain" in halaman
    assert 'value="70"' in halaman and "Anggaran terbatas" in halaman  # nothing typed is lost

    # Take their number, keep our note and analysis; the version shown now lets it through.
    ketiga = {
        **milik_kita,
        "versi": form["versi"].value(),
        "ambil_nilai": "tersimpan",
        "ambil_catatan": "saya",
    }
    assert operator.post(alamat(indikator), ketiga).status_code == 302
    r = Realisasi.objects.get(indikator=indikator, tahun=2024)
    assert (r.angka, r.catatan, r.hambatan) == (Decimal("80"), "Catatan kita", "Anggaran terbatas")


def test_fields_only_the_other_person_changed_take_their_value_when_the_page_says_so(operator, indikator):
    """The page's script sends which fields the user changed (``diubah``): a field only the
    other person changed is no conflict, it takes their value; a field the user changed asks."""
    dibuka = isian(indikator, nilai="60", catatan="Awal", hambatan="Awal")
    operator.post(alamat(indikator), dibuka)
    dibuka["versi"] = isian(indikator)["versi"]
    operator.post(alamat(indikator), {**dibuka, "nilai": "80", "catatan": "Dari orang lain"})

    kita = {**dibuka, "nilai": "70", "hambatan": "Hambatan kita", "diubah": "nilai,hambatan"}
    jawaban = operator.post(alamat(indikator), kita)
    assert jawaban.status_code == 409
    form = jawaban.context["form"]
    # What the user typed differs from the stored value: asked, with the user's value first.
    assert [(k.nama, k.milik_saya, k.tersimpan) for k in form.konflik] == [
        ("nilai", "70", "80"),
        ("hambatan", "Hambatan kita", "Awal"),
    ]
    assert form.diperbarui == ["Catatan"]
    halaman = jawaban.content.decode()
    assert "Dari orang lain" in halaman and 'name="diubah" value="nilai,hambatan"' in halaman

    lagi = {**kita, "versi": form["versi"].value(), "catatan": form["catatan"].value()}
    assert operator.post(alamat(indikator), lagi).status_code == 302
    r = Realisasi.objects.get(indikator=indikator, tahun=2024)
    assert (r.angka, r.catatan, r.hambatan) == (Decimal("70"), "Dari orang lain", "Hambatan kita")


def test_a_conflict_on_the_way_out_is_refused_again_when_a_third_save_came_in_between(operator, indikator):
    dibuka = isian(indikator)
    operator.post(alamat(indikator), {**dibuka, "nilai": "80"})
    kedua = operator.post(alamat(indikator), {**dibuka, "nilai": "70"})
    versi_ditampilkan = kedua.context["form"]["versi"].value()
    operator.post(alamat(indikator), {**isian(indikator), "nilai": "90"})
    ketiga = operator.post(alamat(indikator), {**dibuka, "versi": versi_ditampilkan, "nilai": "70"})
    assert ketiga.status_code == 409
    assert [(k.milik_saya, k.tersimpan) for k in ketiga.context["form"].konflik] == [("70", "90")]
    assert Realisasi.objects.get(indikator=indikator, tahun=2024).angka == Decimal("90")


def test_live_preview_scores_what_is_typed_with_the_years_scale(operator):
    """Kalisat 2024 uses permendagri-86-2017 (no cap): 86 of a target of 90 is 95,56% Sangat Tinggi."""
    indikator = indikator_pk("kalisat", 2024)[0]
    from perencanaan.models import TargetPerjanjian

    TargetPerjanjian.objects.filter(indikator=indikator).update(angka=Decimal("90"), huruf="")
    indikator.polaritas = "positif"
    indikator.save()
    jawaban = operator.post(alamat(indikator, "web:realisasi_pratinjau"), {"status": "terisi", "nilai": "86"})
    halaman = jawaban.content.decode()
    assert '<div id="pratinjau"' in halaman
    assert "95,56%" in halaman and "Sangat Tinggi" in halaman
    rendah = operator.post(
        alamat(indikator, "web:realisasi_pratinjau"), {"status": "terisi", "nilai": "40,5"}
    )
    assert "45,00%" in rendah.content.decode() and "Sangat Rendah" in rendah.content.decode()
    assert not Realisasi.objects.filter(indikator=indikator, tahun=2024, angka=Decimal("40.5")).exists()


def test_preview_waits_for_a_readable_number(operator, indikator):
    halaman = operator.post(
        alamat(indikator, "web:realisasi_pratinjau"), {"status": "terisi", "nilai": "9,,"}
    )
    assert "Perbaiki isian" in halaman.content.decode()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_evidence_file_is_uploaded_and_downloaded(operator, indikator, media):
    berkas = SimpleUploadedFile("sk-camat.pdf", PDF, "application/pdf")
    jawaban = operator.post(alamat(indikator, "web:bukti_tambah"), {"berkas": berkas, "keterangan": "SK"})
    assert jawaban.status_code == 302
    bukti = Bukti.objects.get(realisasi__indikator=indikator)
    unduh = operator.get(
        reverse("web:bukti_unduh", kwargs={"slug": "kalisat", "tahun": 2024, "bukti_id": bukti.pk})
    )
    assert unduh.status_code == 200
    assert b"".join(unduh.streaming_content) == PDF
    assert "attachment" in unduh["Content-Disposition"]


def test_evidence_link_is_accepted(operator, indikator):
    operator.post(alamat(indikator, "web:bukti_tambah"), {"tautan": "drive.google.com/file/d/abc"})
    assert Bukti.objects.get(realisasi__indikator=indikator).tautan == "https://drive.google.com/file/d/abc"


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("skrip.exe", b"MZ\x90\x00", "tidak diterima"),
        ("palsu.pdf", b"<html>bukan pdf</html>", "bukan PDF yang sah"),
        ("besar.pdf", PDF + b"0" * 2048, "terlalu besar"),
    ],
)
def test_evidence_of_the_wrong_type_or_size_is_refused(
    operator, indikator, media, settings, nama, isi, pesan
):
    settings.LKIP_BUKTI_MAKS_BYTE = 1024
    jawaban = operator.post(alamat(indikator, "web:bukti_tambah"), {"berkas": SimpleUploadedFile(nama, isi)})
    assert jawaban.status_code == 400
    assert pesan in jawaban.content.decode()
    assert not Bukti.objects.filter(realisasi__indikator=indikator).exists()


def test_evidence_needs_a_file_or_a_link(operator, indikator):
    jawaban = operator.post(alamat(indikator, "web:bukti_tambah"), {"keterangan": "kosong"})
    assert "Unggah berkas atau isi tautan." in jawaban.content.decode()


def test_evidence_is_deleted_only_after_the_user_confirms(operator, indikator, media):
    bukti = bukti_berkas(indikator, 2024)
    hapus = reverse("web:bukti_hapus", kwargs={"slug": "kalisat", "tahun": 2024, "bukti_id": bukti.pk})
    tanya = operator.post(hapus)
    assert tanya.status_code == 200
    halaman = tanya.content.decode()
    assert "Hapus bukti dukung «Laporan»?" in halaman and 'name="konfirmasi" value="ya"' in halaman
    assert Bukti.objects.filter(pk=bukti.pk).exists()
    assert operator.post(hapus, {"konfirmasi": "ya"}).status_code == 302
    assert not Bukti.objects.filter(pk=bukti.pk).exists()


def test_bappeda_sees_the_form_read_only_and_cannot_save(client, indikator):
    client.force_login(pengguna(Peran.BAPPEDA))
    halaman = client.get(alamat(indikator)).content.decode()
    assert "<fieldset disabled" in halaman and "Simpan realisasi" not in halaman
    assert client.post(alamat(indikator), isian(indikator, nilai="50")).status_code == 403


def test_the_live_preview_follows_the_administrators_letter_grade_table(client):
    from capaian.models import KonversiHuruf

    client.force_login(pengguna(Peran.OPERATOR, "arjasa", nama="op-arjasa"))
    sakip = next(i for i in indikator_pk("arjasa", 2023) if i.jenis_nilai == i.JenisNilai.HURUF)
    url = reverse(
        "web:realisasi_pratinjau", kwargs={"slug": "arjasa", "tahun": 2023, "indikator_id": sakip.pk}
    )
    assert "114,29%" in client.post(url, {"status": "terisi", "nilai": "BB"}).content.decode()  # 80 / 70
    KonversiHuruf.objects.filter(huruf="B").update(angka=60)
    KonversiHuruf.objects.filter(huruf="BB").update(angka=75)
    assert "125,00%" in client.post(url, {"status": "terisi", "nilai": "BB"}).content.decode()  # 75 / 60


def test_a_letter_outside_its_band_is_saved_as_typed_and_flagged(operator):
    sakip = next(i for i in indikator_pk("kalisat", 2024) if i.jenis_nilai == i.JenisNilai.HURUF)
    assert operator.post(alamat(sakip), isian(sakip, nilai="B (87)")).status_code == 302
    realisasi = Realisasi.objects.get(indikator=sakip, tahun=2024)
    assert (realisasi.huruf, realisasi.angka) == ("B", Decimal("87"))  # kept, never «corrected»
    pesan = "Nilai «B (87)»: angka 87 berada di luar rentang huruf B (60 &lt; x ≤ 70)"
    assert pesan in operator.get(alamat(sakip)).content.decode()
    assert pesan in operator.get(reverse("web:tahun", args=["kalisat", 2024])).content.decode()
