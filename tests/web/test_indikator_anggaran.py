"""The indicators of a program or kegiatan, edited on their page: added, changed and removed
together, Indonesian numbers, the year's lock, a stale form, another kecamatan's row."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Kegiatan, Program
from kecamatan.models import AlurLaporan, Kecamatan
from lkip.accounts.models import Peran
from lkip.web.forms import angka_isian
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db

SLUG, TAHUN = "kalisat", 2024


def alamat(jenis: str, baris_id: int, slug: str = SLUG, tahun: int = TAHUN) -> str:
    return reverse(
        "web:anggaran_indikator", kwargs={"slug": slug, "tahun": tahun, "jenis": jenis, "baris_id": baris_id}
    )


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    return client


def program(kode: str = "1", slug: str = SLUG, tahun: int = TAHUN) -> Program:
    return Program.objects.get(kecamatan__slug=slug, tahun=tahun, kode=kode)


def kegiatan(kode: str = "1.2") -> Kegiatan:
    return Kegiatan.objects.get(program__kecamatan__slug=SLUG, program__tahun=TAHUN, kode=kode)


def kiriman(client, url: str) -> dict:
    """The form as shown, ready to post back."""
    jawaban = client.get(url)
    kumpulan = jawaban.context["kumpulan"]
    data = {"versi": jawaban.context["versi"], "form-TOTAL_FORMS": str(len(kumpulan.forms)),
            "form-INITIAL_FORMS": str(kumpulan.initial_form_count()), "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for i, form in enumerate(kumpulan.forms):
        for nama, nilai in (form.initial or {}).items():
            if nilai is not None:
                data[f"form-{i}-{nama}"] = angka_isian(nilai) if isinstance(nilai, Decimal) else nilai
    return data


def isi(induk) -> list[tuple]:
    return [(i.uraian, i.satuan, i.target, i.realisasi) for i in induk.indikator.all()]


def test_the_anggaran_page_shows_the_indicators_and_links_their_page(operator):
    halaman = operator.get(reverse("web:anggaran", kwargs={"slug": SLUG, "tahun": TAHUN})).content.decode()
    assert "Persentase realisasi anggaran · target 100 %" in halaman
    assert alamat("program", program().pk) in halaman and alamat("kegiatan", kegiatan().pk) in halaman


def test_an_indicator_is_added_with_indonesian_numbers_and_kept_in_the_history(operator):
    url = alamat("program", program().pk)
    data = kiriman(operator, url)
    n = int(data["form-INITIAL_FORMS"])
    data |= {f"form-{n}-uraian": "Nilai SAKIP OPD", f"form-{n}-satuan": "nilai",
             f"form-{n}-target": "69,5", f"form-{n}-realisasi": "80,41"}  # fmt: skip
    jawaban = operator.post(url, data)
    assert jawaban.status_code == 302
    assert jawaban["Location"].endswith(f"#program-{program().pk}")
    assert isi(program())[-1] == ("Nilai SAKIP OPD", "nilai", Decimal("69.5"), Decimal("80.41"))
    baru = program().indikator.get(uraian="Nilai SAKIP OPD")
    assert baru.urutan == n + 1
    assert baru.history.get().history_user.username == f"{Peran.OPERATOR}-{SLUG}"
    laporan = operator.get(reverse("laporan:pratinjau", args=[SLUG, TAHUN])).content.decode()
    assert "Nilai SAKIP OPD" in laporan


def test_an_indicator_is_edited_and_another_removed_in_one_save(operator):
    url = alamat("kegiatan", kegiatan().pk)
    IndikatorKegiatan.objects.create(kegiatan=kegiatan(), uraian="Dihapus nanti", urutan=2)
    data = kiriman(operator, url)
    data |= {"form-0-target": "42", "form-0-realisasi": "40", "form-1-DELETE": "on"}
    assert operator.post(url, data).status_code == 302
    assert isi(kegiatan()) == [
        ("Jumlah laporan pertanggungjawaban keuangan", "Laporan", Decimal("42"), Decimal("40"))
    ]


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"target": "1.234"}, "meragukan"),
        ({"target": "-5"}, ""),
        ({"realisasi": "sepuluh"}, ""),
    ],
)
def test_a_bad_number_is_refused_beside_its_field_and_nothing_is_saved(operator, isian, pesan):
    url = alamat("program", program().pk)
    sebelum = isi(program())
    data = kiriman(operator, url) | {f"form-0-{k}": v for k, v in isian.items()}
    jawaban = operator.post(url, data)
    assert jawaban.status_code == 200
    kolom = next(iter(isian))
    galat = jawaban.context["kumpulan"].forms[0].errors[kolom]
    assert galat and pesan in " ".join(galat)
    assert isi(program()) == sebelum


def test_the_same_indicator_twice_is_refused_in_indonesian(operator):
    url = alamat("program", program().pk)
    data = kiriman(operator, url)
    n = int(data["form-INITIAL_FORMS"])
    data[f"form-{n}-uraian"] = data["form-0-uraian"].upper()
    jawaban = operator.post(url, data)
    assert "tertulis dua kali" in jawaban.content.decode()
    assert program().indikator.count() == n


def test_a_stale_form_is_refused_with_409_and_shows_what_is_stored(operator):
    url = alamat("program", program().pk)
    data = kiriman(operator, url)
    IndikatorProgram.objects.filter(program=program()).update(target=Decimal("90"))
    data["form-0-target"] = "95"
    jawaban = operator.post(url, data)
    assert jawaban.status_code == 409
    halaman = jawaban.content.decode()
    assert "sudah diubah orang lain" in halaman and "Indikator yang tersimpan sekarang" in halaman
    assert program().indikator.get().target == Decimal("90")
    data["versi"] = jawaban.context["versi"]
    assert operator.post(url, data).status_code == 302
    assert program().indikator.get().target == Decimal("95")


def test_a_locked_year_is_read_only_and_refuses_the_save(operator):
    AlurLaporan.objects.update_or_create(
        kecamatan=Kecamatan.objects.get(slug=SLUG), tahun=TAHUN, defaults={"status": "diajukan"}
    )
    url = alamat("program", program().pk)
    halaman = operator.get(url).content.decode()
    assert "Simpan indikator" not in halaman and "disabled" in halaman
    data = kiriman(operator, url) | {"form-0-target": "50"}
    jawaban = operator.post(url, data)
    assert jawaban.status_code == 302
    assert any("tidak dapat diubah" in str(m) for m in get_messages(jawaban.wsgi_request))
    assert program().indikator.get().target == Decimal("100")


def test_a_reader_sees_the_indicators_but_cannot_save(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    url = alamat("program", program().pk)
    assert "Simpan indikator" not in client.get(url).content.decode()
    assert client.post(url, {}).status_code == 403


def test_another_kecamatans_row_or_a_row_of_another_kind_is_404(operator):
    lain = program(slug="arjasa", tahun=2023)
    assert operator.get(alamat("program", lain.pk)).status_code == 404
    assert operator.post(alamat("program", lain.pk), {}).status_code == 404
    assert operator.get(alamat("program", lain.pk, slug="arjasa", tahun=2023)).status_code == 404
    assert operator.get(alamat("keluaran", program().pk)).status_code == 404
    assert operator.get(alamat("sub-kegiatan", program().pk)).status_code == 404
