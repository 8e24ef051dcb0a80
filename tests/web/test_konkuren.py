"""Twenty people saving at once. Every answer is a saved form (302), a refused stale form (409)
or a page (200), never a 500, and no save is lost.

Real threads send real HTTP requests to the live server, which answers each in its own thread
with its own database connection, on the same database the app runs on: a SQLite file with
the app's journal and locking settings, or PostgreSQL."""

import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from capaian.models import Bukti, Realisasi
from lkip.accounts.models import Peran, User
from tests.factories import IndikatorFactory, KecamatanFactory, RenstraFactory, SasaranFactory, TujuanFactory

pytestmark = [pytest.mark.konkuren, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JUMLAH = 20
TAHUN = 2024
BOLEH = {200, 302, 409}


@dataclass
class Klien:
    """One person in a browser: their own session cookie, CSRF token and form version."""

    server: str
    sessionid: str
    kue: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kue[settings.SESSION_COOKIE_NAME] = self.sessionid
        self.opener = urllib.request.build_opener(_TanpaRedirect())

    def buka(self, alamat: str) -> dict[str, str]:
        """GET the form; returns its hidden fields and the current ``catatan``."""
        status, html = self._kirim(alamat)
        assert status == 200, (status, html[:500])
        isian = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
        catatan = re.search(r'<textarea name="catatan"[^>]*>\n?(.*?)</textarea>', html, re.S)
        isian["catatan"] = catatan.group(1) if catatan else ""
        return isian

    def kirim(self, alamat: str, data: dict[str, str]) -> tuple[int, str]:
        return self._kirim(alamat, urllib.parse.urlencode(data).encode())

    def _kirim(self, alamat: str, data: bytes | None = None) -> tuple[int, str]:
        permintaan = urllib.request.Request(self.server + alamat, data=data)
        permintaan.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.kue.items()))
        if data is not None:
            permintaan.add_header("Referer", self.server + alamat)
        try:
            jawaban = self.opener.open(permintaan, timeout=60)
        except urllib.error.HTTPError as galat:
            jawaban = galat
        with jawaban:
            for kepala in jawaban.headers.get_all("Set-Cookie") or []:
                self.kue |= {k: m.value for k, m in SimpleCookie(kepala).items()}
            return jawaban.status, jawaban.read().decode()


class _TanpaRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _serentak(kerja, jumlah: int = JUMLAH) -> list:
    """Run ``kerja(i)`` in ``jumlah`` threads that start together; return their results in order."""
    hasil: list = [None] * jumlah
    galat: list[BaseException] = []
    mulai = threading.Barrier(jumlah)

    def jalan(i: int) -> None:
        try:
            hasil[i] = kerja(i, mulai)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            galat.append(exc)
            mulai.abort()

    utas = [threading.Thread(target=jalan, args=(i,)) for i in range(jumlah)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=120)
    assert not galat, galat
    return hasil


@pytest.fixture
def kantor(live_server, monkeypatch):
    """A kecamatan with ``JUMLAH`` indicators and one operator session per person.

    The report's re-render after a save is left out: in the app it is a task the worker runs
    later, but the tests' task backend would lay the report out inside each of the twenty
    requests, and these tests are about the saves."""
    monkeypatch.setattr(
        "lkip.laporan.middleware.RenderSetelahSimpan.jadwalkan",
        staticmethod(lambda slug, tahun, kecamatan=None: None),
    )
    kecamatan = KecamatanFactory(slug="konkuren")
    renstra = RenstraFactory(kecamatan=kecamatan)
    sasaran = SasaranFactory(tujuan=TujuanFactory(renstra=renstra), renstra=renstra)
    indikator = [IndikatorFactory(sasaran=sasaran) for _ in range(JUMLAH)]
    klien = []
    for i in range(JUMLAH):
        user = User.objects.create_user(f"operator-{i}", peran=Peran.OPERATOR, kecamatan=kecamatan)
        masuk = Client()
        masuk.force_login(user)
        klien.append(Klien(live_server.url, masuk.cookies[settings.SESSION_COOKIE_NAME].value))
    return kecamatan, indikator, klien


def _alamat(nama: str, indikator) -> str:
    return reverse(nama, kwargs={"slug": "konkuren", "tahun": TAHUN, "indikator_id": indikator.pk})


def _simpan(isian: dict[str, str], nilai: str, catatan: str = "") -> dict[str, str]:
    return {**isian, "status": "terisi", "nilai": nilai, "catatan": catatan}


def test_twenty_people_save_different_rows_at_once_and_every_save_is_kept(kantor):
    _kecamatan, indikator, klien = kantor

    def kerja(i: int, mulai: threading.Barrier) -> int:
        alamat = _alamat("web:realisasi", indikator[i])
        isian = klien[i].buka(alamat)
        mulai.wait()
        return klien[i].kirim(alamat, _simpan(isian, f"{i},5"))[0]

    assert _serentak(kerja) == [302] * JUMLAH
    tersimpan = dict(
        Realisasi.objects.filter(indikator__in=indikator, tahun=TAHUN).values_list("indikator_id", "angka")
    )
    assert tersimpan == {ind.pk: Decimal(f"{i}.5") for i, ind in enumerate(indikator)}


def test_twenty_people_save_one_new_row_at_once_one_wins_the_rest_get_409(kantor):
    _kecamatan, indikator, klien = kantor
    alamat = _alamat("web:realisasi", indikator[0])

    def kerja(i: int, mulai: threading.Barrier) -> tuple[int, str]:
        isian = klien[i].buka(alamat)
        mulai.wait()
        return klien[i].kirim(alamat, _simpan(isian, str(i + 1)))

    hasil = _serentak(kerja)
    status = [s for s, _html in hasil]
    assert set(status) <= BOLEH, [html[:300] for s, html in hasil if s not in BOLEH]
    assert status.count(302) == 1 and status.count(409) == JUMLAH - 1
    pemenang = status.index(302)
    assert Realisasi.objects.get(indikator=indikator[0], tahun=TAHUN).angka == pemenang + 1
    # A refused person keeps what they typed, with the reason.
    ditolak = next(html for s, html in hasil if s == 409)
    assert "sudah diubah orang lain" in ditolak


def test_no_update_is_lost_when_everyone_saves_again_after_a_409(kantor):
    """Each person adds their own line to the same note and saves again when refused; in the end
    every line is there, so no save silently overwrote another."""
    _kecamatan, indikator, klien = kantor
    alamat = _alamat("web:realisasi", indikator[0])
    jumlah = 8

    def kerja(i: int, mulai: threading.Barrier) -> list[int]:
        mulai.wait()
        status = []
        for _ in range(4 * jumlah):
            isian = klien[i].buka(alamat)
            catatan = "\n".join(filter(None, [isian["catatan"].strip(), f"baris-{i}"]))
            status.append(klien[i].kirim(alamat, _simpan(isian, "90", catatan))[0])
            if status[-1] != 409:
                break
        return status

    hasil = _serentak(kerja, jumlah)
    assert all(set(s) <= BOLEH and s[-1] == 302 for s in hasil), hasil
    catatan = Realisasi.objects.get(indikator=indikator[0], tahun=TAHUN).catatan.splitlines()
    assert sorted(catatan) == sorted(f"baris-{i}" for i in range(jumlah))


def test_twenty_people_add_evidence_to_one_new_realisasi_at_once(kantor):
    _kecamatan, indikator, klien = kantor
    alamat = _alamat("web:realisasi", indikator[0])
    tambah = _alamat("web:bukti_tambah", indikator[0])

    def kerja(i: int, mulai: threading.Barrier) -> int:
        isian = klien[i].buka(alamat)
        mulai.wait()
        data = {
            "csrfmiddlewaretoken": isian["csrfmiddlewaretoken"],
            "tautan": f"https://drive.example.org/bukti-{i}",
            "keterangan": f"Bukti {i}",
        }
        return klien[i].kirim(tambah, data)[0]

    assert _serentak(kerja) == [302] * JUMLAH
    realisasi = Realisasi.objects.get(indikator=indikator[0], tahun=TAHUN)
    assert Bukti.objects.filter(realisasi=realisasi).count() == JUMLAH
