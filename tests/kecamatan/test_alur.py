"""The review workflow: every (state, role, action) triple against a table written out by hand,
the notes it needs, the new version on reopening, the submit refused while the consistency
check reports errors, and two reviewers acting at once."""

import threading
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from kecamatan import alur
from kecamatan.alur import Aksi, AlurDitolak, Status, TahunTerkunci
from kecamatan.models import AlurLaporan, Kecamatan, PengesahanData, RiwayatAlur
from lkip.accounts.models import Peran
from tests.web.bantuan import pengguna

TAHUN = 2024

#: Every step the workflow allows, written out independently of ``kecamatan.alur.TRANSISI``:
#: (state, role, action) → next state. Every other triple is refused.
BOLEH: dict[tuple[str, str, str], str] = {
    ("draf", "camat", "ajukan"): "diajukan",
    ("dikembalikan", "camat", "ajukan"): "diajukan",
    ("diajukan", "inspektorat", "reviu"): "direviu",
    ("diajukan", "inspektorat", "kembalikan"): "dikembalikan",
    ("direviu", "inspektorat", "kembalikan"): "dikembalikan",
    ("direviu", "bappeda", "kembalikan"): "dikembalikan",
    ("direviu", "bappeda", "setujui"): "disetujui",
    ("disetujui", "bappeda", "kunci"): "terkunci",
    ("terkunci", "bappeda", "buka"): "draf",
}

TRIPEL = [(s.value, p.value, a.value) for s in Status for p in Peran for a in Aksi]


def _pengguna(peran: str, nama: str = ""):
    kecamatan = "kalisat" if peran in (Peran.OPERATOR, Peran.CAMAT) else None
    return pengguna(Peran(peran), kecamatan, nama=nama or f"uji-{peran}")


def _di_status(status: str) -> AlurLaporan:
    return AlurLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=TAHUN, status=status
    )


@pytest.fixture
def tanpa_galat(monkeypatch):
    monkeypatch.setattr(alur, "temuan_galat", lambda kecamatan, tahun: [])


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "peran", "aksi"), TRIPEL)
def test_every_state_role_action_triple(tanpa_galat, status, peran, aksi):
    baris = _di_status(status)
    user = _pengguna(peran)
    tujuan = BOLEH.get((status, peran, aksi))
    assert (Aksi(aksi) in alur.aksi_tersedia(status, peran)) == (tujuan is not None)
    if tujuan is None:
        with pytest.raises((AlurDitolak, PermissionDenied)):
            alur.alur_terapkan(
                kecamatan=baris.kecamatan, tahun=TAHUN, aksi=aksi, oleh=user, catatan="catatan", dari=status
            )
        baris.refresh_from_db()
        assert baris.status == status
        assert not RiwayatAlur.objects.exists()
        return
    hasil = alur.alur_terapkan(
        kecamatan=baris.kecamatan, tahun=TAHUN, aksi=aksi, oleh=user, catatan="catatan", dari=status
    )
    assert hasil.status == tujuan
    riwayat = RiwayatAlur.objects.get()
    assert (riwayat.dari, riwayat.ke, riwayat.aksi, riwayat.oleh, riwayat.peran, riwayat.catatan) == (
        status,
        tujuan,
        aksi,
        user,
        peran,
        "catatan",
    )


def test_the_state_machine_table_matches_the_written_out_table():
    ditabel = {
        (dari.value, p, aksi.value): t.ke.value for (dari, aksi), t in alur.TRANSISI.items() for p in t.peran
    }
    assert ditabel == BOLEH


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "peran", "aksi"), [(s, p, a) for (s, p, a) in BOLEH if a != "ajukan"])
def test_returning_reviewing_and_reopening_need_a_note_others_do_not(tanpa_galat, status, peran, aksi):
    baris = _di_status(status)
    user = _pengguna(peran)
    if Aksi(aksi) in alur.CATATAN_WAJIB:
        with pytest.raises(AlurDitolak, match="Isi "):
            alur.alur_terapkan(kecamatan=baris.kecamatan, tahun=TAHUN, aksi=aksi, oleh=user, catatan="  ")
        baris.refresh_from_db()
        assert baris.status == status
    else:
        hasil = alur.alur_terapkan(kecamatan=baris.kecamatan, tahun=TAHUN, aksi=aksi, oleh=user)
        assert hasil.status == BOLEH[(status, peran, aksi)]


@pytest.mark.django_db
def test_one_year_from_draft_to_locked_and_reopened_as_a_new_version(tanpa_galat):
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    camat, inspektorat, bappeda = (_pengguna(p) for p in ("camat", "inspektorat", "bappeda"))
    langkah = [
        (camat, "ajukan", ""),
        (inspektorat, "reviu", "IKU 2 belum didukung bukti."),
        (inspektorat, "kembalikan", "Lengkapi bukti IKU 2."),
        (camat, "ajukan", "Bukti sudah dilengkapi."),
        (inspektorat, "reviu", "Sudah lengkap."),
        (bappeda, "setujui", ""),
        (bappeda, "kunci", ""),
        (bappeda, "buka", "Salah ketik pagu sub kegiatan 2."),
    ]
    for user, aksi, catatan in langkah:
        hasil = alur.alur_terapkan(kecamatan=kecamatan, tahun=TAHUN, aksi=aksi, oleh=user, catatan=catatan)
    assert (hasil.status, hasil.versi) == ("draf", 2)
    riwayat = list(RiwayatAlur.objects.order_by("pk"))
    assert [(r.aksi, r.versi, r.catatan) for r in riwayat] == [(a, 1, c) for _, a, c in langkah]
    assert all(r.pada is not None and r.nama for r in riwayat)
    # Submitting is the Camat's sign-off: the signature snapshot the report prints.
    assert PengesahanData.objects.get(kecamatan=kecamatan, tahun=TAHUN).disahkan_oleh == camat
    alur.pastikan_dapat_diubah(kecamatan, TAHUN)  # a reopened year is writable again


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "terkunci"),
    [
        ("draf", False),
        ("dikembalikan", False),
        ("diajukan", True),
        ("direviu", True),
        ("disetujui", True),
        ("terkunci", True),
    ],
)
def test_which_states_lock_the_year(status, terkunci):
    baris = _di_status(status)
    if terkunci:
        with pytest.raises(TahunTerkunci, match=f"tahun {TAHUN} tidak dapat diubah"):
            alur.pastikan_dapat_diubah(baris.kecamatan, TAHUN)
    else:
        alur.pastikan_dapat_diubah(baris.kecamatan, TAHUN)
    alur.pastikan_dapat_diubah(baris.kecamatan, TAHUN + 1)  # another year is not held


@pytest.mark.django_db
def test_submit_is_refused_with_the_list_while_the_check_reports_errors(monkeypatch):
    temuan = ["Realisasi IKU 1 berbeda dengan jumlah triwulannya.", "Predikat B di luar pitanya."]
    monkeypatch.setattr(alur, "temuan_galat", lambda kecamatan, tahun: temuan)
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    with pytest.raises(AlurDitolak) as galat:
        alur.alur_terapkan(kecamatan=kecamatan, tahun=TAHUN, aksi="ajukan", oleh=_pengguna("camat"))
    assert galat.value.messages[1:] == temuan
    assert alur.status_tahun(kecamatan, TAHUN) == Status.DRAF
    assert not PengesahanData.objects.exists()
    assert not RiwayatAlur.objects.exists()


@pytest.mark.django_db
def test_the_hook_reports_a_year_that_cannot_be_scored():
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    assert alur.temuan_galat(kecamatan, TAHUN) == []
    assert alur.temuan_galat(kecamatan, 2031) != []  # no Perjanjian Kinerja that year


@pytest.mark.django_db
def test_an_action_on_a_state_someone_else_already_changed_says_who(tanpa_galat):
    baris = _di_status("direviu")
    bappeda = _pengguna("bappeda", "bappeda-1")
    bappeda.first_name = "Sri"
    bappeda.save()
    alur.alur_terapkan(kecamatan=baris.kecamatan, tahun=TAHUN, aksi="setujui", oleh=bappeda, dari="direviu")
    with pytest.raises(AlurDitolak, match="baru saja di-setujui oleh Sri"):
        alur.alur_terapkan(
            kecamatan=baris.kecamatan,
            tahun=TAHUN,
            aksi="kembalikan",
            oleh=_pengguna("inspektorat"),
            catatan="Perbaiki",
            dari="direviu",
        )
    assert RiwayatAlur.objects.count() == 1


@pytest.mark.django_db
def test_a_camat_of_another_kecamatan_cannot_submit(tanpa_galat):
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    with pytest.raises(PermissionDenied):
        alur.alur_terapkan(
            kecamatan=kecamatan,
            tahun=TAHUN,
            aksi="ajukan",
            oleh=pengguna(Peran.CAMAT, "arjasa", "camat-arjasa"),
        )
    assert alur.status_tahun(kecamatan, TAHUN) == Status.DRAF


@pytest.mark.konkuren
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_at_once_one_wins_the_other_gets_a_message(monkeypatch):
    """Bappeda approves while Inspektorat returns the same year. The winner holds the row lock
    while it saves (slowed down here so the other really waits); the other then sees the new
    state and is refused with a message, and exactly one transition is recorded."""
    if connection.vendor == "sqlite":
        pytest.skip("Uji ini untuk PostgreSQL (SQLite mengantrekan seluruh penulisan).")
    baris = _di_status("direviu")
    bappeda, inspektorat = _pengguna("bappeda"), _pengguna("inspektorat")
    asli = AlurLaporan.full_clean

    def lambat(self, *args, **kwargs):
        time.sleep(0.5)
        return asli(self, *args, **kwargs)

    monkeypatch.setattr(AlurLaporan, "full_clean", lambat)
    mulai = threading.Barrier(2)
    hasil: dict[str, object] = {}

    def jalankan(nama, user, aksi, catatan):
        mulai.wait()
        try:
            hasil[nama] = alur.alur_terapkan(
                kecamatan=baris.kecamatan, tahun=TAHUN, aksi=aksi, oleh=user, catatan=catatan, dari="direviu"
            ).status
        except AlurDitolak as exc:
            hasil[nama] = exc
        finally:
            connection.close()

    utas = [
        threading.Thread(target=jalankan, args=("bappeda", bappeda, "setujui", "")),
        threading.Thread(target=jalankan, args=("inspektorat", inspektorat, "kembalikan", "Perbaiki bukti")),
    ]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=30)
    menang = [n for n, h in hasil.items() if isinstance(h, str)]
    kalah = [h for h in hasil.values() if isinstance(h, AlurDitolak)]
    assert len(menang) == 1 and len(kalah) == 1, hasil
    assert "baru saja di-" in kalah[0].messages[0]
    assert RiwayatAlur.objects.count() == 1
    baris.refresh_from_db()
    assert baris.status == hasil[menang[0]]
