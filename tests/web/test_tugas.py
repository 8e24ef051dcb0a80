"""Whose turn it is: each role's to-do list comes from the review workflow's table, with the
count in the menu; a kecamatan user never sees another kecamatan's years."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kecamatan.alur import Aksi, Status
from kecamatan.models import AlurLaporan, Kecamatan, RiwayatAlur
from lkip.accounts.models import Peran
from lkip.web import selectors
from tests.factories import KecamatanFactory
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db

#: Kalisat's Renstra runs 2021–2026.
RENSTRA_KALISAT = list(range(2021, 2027))


def alur(slug: str, tahun: int, status: Status) -> AlurLaporan:
    return AlurLaporan.objects.create(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun, status=status)


def kembalikan(baris: AlurLaporan, catatan: str, menit: int) -> None:
    RiwayatAlur.objects.create(
        alur=baris,
        versi=baris.versi,
        aksi=Aksi.KEMBALIKAN,
        dari=Status.DIAJUKAN,
        ke=Status.DIKEMBALIKAN,
        nama="Inspektorat",
        peran=Peran.INSPEKTORAT,
        pada=timezone.now() - timedelta(minutes=menit),
        catatan=catatan,
    )


@pytest.fixture
def keadaan():
    """Kalisat in every state, and other kecamatan with years waiting for the kabupaten."""
    alur("kalisat", 2021, Status.TERKUNCI)
    alur("kalisat", 2022, Status.DISETUJUI)
    alur("kalisat", 2023, Status.DIREVIU)
    alur("kalisat", 2024, Status.DIAJUKAN)
    dikembalikan = alur("kalisat", 2025, Status.DIKEMBALIKAN)
    kembalikan(dikembalikan, "Alasan lama", menit=30)
    kembalikan(dikembalikan, "Lengkapi bukti dukung IKU 2", menit=5)
    alur("arjasa", 2023, Status.DIKEMBALIKAN)
    alur("arjasa", 2024, Status.DIAJUKAN)
    alur("kencong", 2023, Status.DIREVIU)
    alur("sumbersari", 2023, Status.DISETUJUI)


def daftar(user) -> list[tuple[str, int]]:
    return [(t.kecamatan.slug, t.tahun) for t in selectors.tugas_alur(user)]


def test_the_camat_sees_drafts_and_returned_years_of_their_renstra_only(keadaan):
    camat = pengguna(Peran.CAMAT, "kalisat")
    assert daftar(camat) == [("kalisat", 2025), ("kalisat", 2026)]
    tugas = selectors.tugas_alur(camat)
    assert tugas[0].catatan == "Lengkapi bukti dukung IKU 2"
    assert tugas[0].langkah == ["Ajukan"] and tugas[1].status_label == "Draf"
    assert tugas[1].url == reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2026})


def test_a_year_without_a_workflow_row_is_a_draft_waiting_for_the_camat():
    assert daftar(pengguna(Peran.CAMAT, "kalisat")) == [("kalisat", t) for t in RENSTRA_KALISAT]


def test_a_returned_year_outside_the_renstra_is_not_the_camats_turn():
    alur("pakusari", 2022, Status.DIKEMBALIKAN)  # Pakusari's Renstra ended in 2021
    assert ("pakusari", 2022) not in daftar(pengguna(Peran.CAMAT, "pakusari"))


def test_the_operator_sees_the_returned_years_with_the_latest_reason(keadaan):
    operator = pengguna(Peran.OPERATOR, "kalisat")
    tugas = selectors.tugas_alur(operator)
    assert [(t.kecamatan.slug, t.tahun, t.catatan) for t in tugas] == [
        ("kalisat", 2025, "Lengkapi bukti dukung IKU 2")
    ]


def test_the_operator_also_sees_how_much_data_of_the_current_year_is_missing():
    operator = pengguna(Peran.OPERATOR, "kalisat")
    kalisat = operator.kecamatan
    tahun = selectors.tahun_terbaru(kalisat)
    jumlah = len(selectors.beranda_tahun(kecamatan=kalisat, tahun=tahun).kekurangan)
    assert jumlah > 0
    (tugas,) = selectors.daftar_tugas(operator)
    assert (tugas.tahun, tugas.jumlah_kekurangan, tugas.is_alur) == (tahun, jumlah, False)


def test_inspektorat_sees_what_awaits_review_not_what_it_already_reviewed(keadaan):
    assert daftar(pengguna(Peran.INSPEKTORAT)) == [("arjasa", 2024), ("kalisat", 2024)]


def test_bappeda_sees_what_awaits_approval_and_locking(keadaan):
    tugas = selectors.tugas_alur(pengguna(Peran.BAPPEDA))
    assert [(t.kecamatan.slug, t.tahun, t.langkah) for t in tugas] == [
        ("kalisat", 2022, ["Kunci"]),
        ("kalisat", 2023, ["Setujui"]),
        ("kencong", 2023, ["Setujui"]),
        ("sumbersari", 2023, ["Kunci"]),
    ]


def test_an_administrator_has_no_workflow_step(keadaan):
    assert daftar(pengguna(Peran.ADMIN)) == []


def test_another_kecamatans_years_never_appear_for_a_kecamatan_user(keadaan, client):
    for peran in (Peran.CAMAT, Peran.OPERATOR):
        user = pengguna(peran, "arjasa")
        assert {slug for slug, _ in daftar(user)} == {"arjasa"}
        client.force_login(user)
        html = client.get(reverse("web:tugas")).content.decode()
        assert "/k/arjasa/2023/" in html and "/k/kalisat/" not in html


def jumlah_di_menu(html: str) -> int:
    return int(re.search(r'data-jumlah-tugas="(\d+)"', html).group(1))


@pytest.mark.parametrize(
    ("peran", "slug", "jumlah"),
    [
        (Peran.INSPEKTORAT, None, 2),
        (Peran.BAPPEDA, None, 4),
        (Peran.CAMAT, "kalisat", 2),
        (Peran.OPERATOR, "kalisat", 1),
    ],
)
def test_the_menu_counts_the_workflow_steps(keadaan, client, peran, slug, jumlah):
    client.force_login(pengguna(peran, slug))
    halaman = reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})
    assert jumlah_di_menu(client.get(halaman).content.decode()) == jumlah
    assert jumlah_di_menu(client.get(reverse("web:tugas")).content.decode()) == jumlah


def test_an_anonymous_visitor_gets_no_count_and_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = client.get(reverse("login")).content.decode()
    assert "data-jumlah-tugas" not in html


def test_the_kabupaten_landing_page_lists_the_steps_above_the_kecamatan(keadaan, client):
    client.force_login(pengguna(Peran.INSPEKTORAT))
    html = client.get(reverse("web:beranda")).content.decode()
    assert 'data-tugas="kalisat-2024"' in html and 'data-tugas="kencong-2023"' not in html
    assert html.index("Tugas saya</h2>") < html.index("<h1>Kinerja kecamatan tahun")


def test_the_kecamatan_year_page_shows_the_users_steps(keadaan, client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat"))
    html = client.get(reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})).content.decode()
    assert 'data-tugas="kalisat-2025"' in html and "Lengkapi bukti dukung IKU 2" in html


def test_the_tugas_page_needs_a_login(client):
    assert client.get(reverse("web:tugas")).status_code == 302


def test_the_tugas_page_is_refused_without_a_role(client):
    client.force_login(pengguna("", nama="tanpa-peran"))
    assert client.get(reverse("web:tugas")).status_code == 403


@pytest.mark.parametrize("jumlah", [1, 12])
def test_the_tugas_page_takes_the_same_queries_at_any_size(client, django_assert_num_queries, jumlah):
    for i in range(jumlah):
        kecamatan = KecamatanFactory(slug=f"uji-{i}")
        for tahun in (2023, 2024):
            AlurLaporan.objects.create(kecamatan=kecamatan, tahun=tahun, status=Status.DIAJUKAN)
    client.force_login(pengguna(Peran.INSPEKTORAT))
    client.get(reverse("web:tugas"))  # the first request after the login saves the session
    # session, user, the waiting years with their kecamatan (shared with the menu's count); the
    # session, unchanged, is not saved again within the minute
    with django_assert_num_queries(3):
        html = client.get(reverse("web:tugas")).content.decode()
    assert html.count("data-tugas=") == 2 * jumlah == jumlah_di_menu(html)


@pytest.mark.parametrize("tahun", [2021, 2025])
def test_the_camats_tugas_page_takes_the_same_queries_at_any_size(client, django_assert_num_queries, tahun):
    for t in range(2021, tahun + 1):
        alur("kalisat", t, Status.DIKEMBALIKAN)
    client.force_login(pengguna(Peran.CAMAT, "kalisat"))
    client.get(reverse("web:tugas"))
    # session, user, kecamatan, its workflow rows with their return reasons, its Renstra
    with django_assert_num_queries(5):
        client.get(reverse("web:tugas"))
