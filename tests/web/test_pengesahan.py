"""The Camat signs off the year's data; a later change to a realisasi shows on the page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from capaian.models import Realisasi
from kecamatan.models import PengesahanData
from lkip.accounts.models import Peran
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
BERANDA = reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})
SAHKAN = reverse("web:sahkan", kwargs={"slug": "kalisat", "tahun": 2024})


def test_camat_signs_off_and_the_page_says_who_and_when(client):
    camat = pengguna(Peran.CAMAT, "kalisat", nama="camat-uji")
    camat.first_name, camat.last_name = "Drs. RUSDIYANTO,", "M.Si."
    camat.save()
    client.force_login(camat)
    assert "belum disahkan Camat" in client.get(BERANDA).content.decode()
    tanya = client.post(SAHKAN)
    assert tanya.status_code == 200 and "Ya, sahkan" in tanya.content.decode()
    assert not PengesahanData.objects.exists()
    jawaban = client.post(SAHKAN, {"konfirmasi": "ya"}, follow=True)
    halaman = jawaban.content.decode()
    assert "disahkan oleh Drs. RUSDIYANTO, M.Si." in halaman
    pengesahan = PengesahanData.objects.get(kecamatan__slug="kalisat", tahun=2024)
    assert pengesahan.disahkan_oleh == camat
    assert "diubah setelah pengesahan" not in halaman


def test_a_realisasi_changed_after_the_sign_off_is_flagged(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    client.post(SAHKAN, {"konfirmasi": "ya"})
    PengesahanData.objects.update(disahkan_pada=timezone.now() - timedelta(minutes=5))
    realisasi = (
        Realisasi.objects.for_kecamatan(PengesahanData.objects.get().kecamatan_id).for_tahun(2024).first()
    )
    realisasi.catatan = "diperbaiki"
    realisasi.save()
    assert "diubah setelah pengesahan" in client.get(BERANDA).content.decode()


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.BAPPEDA, Peran.INSPEKTORAT])
def test_only_the_camat_signs_off(client, peran):
    client.force_login(pengguna(peran, "kalisat" if peran == Peran.OPERATOR else None, nama=f"uji-{peran}"))
    assert client.post(SAHKAN, {"konfirmasi": "ya"}).status_code == 403
    assert not PengesahanData.objects.exists()
    assert "Sahkan data tahun" not in client.get(BERANDA).content.decode()


def test_another_kecamatans_camat_gets_404(client):
    client.force_login(pengguna(Peran.CAMAT, "arjasa", nama="camat-arjasa"))
    assert client.post(SAHKAN, {"konfirmasi": "ya"}).status_code == 404
    assert not PengesahanData.objects.exists()
