"""The Ikhtisar Eksekutif lists the success factors, obstacles and steps the analysis of each
indicator states, once each, with the sasaran they belong to; nothing when nothing was written."""

import pytest
from django.template import Context, Template

from capaian.models import Realisasi
from kecamatan.models import Kecamatan
from lkip.laporan.isi import isi_laporan

pytestmark = pytest.mark.django_db


def _ikhtisar_html(slug: str, tahun: int) -> str:
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
    # As lkip.html includes it: inside ``localize off`` (a year is not a number with separators).
    sisipan = Template(
        '{% load l10n %}{% localize off %}{% include "laporan/bab/_ikhtisar.html" %}{% endlocalize %}'
    )
    return " ".join(sisipan.render(Context({"i": isi["ikhtisar"]})).split())


def test_kendala_and_langkah_come_from_the_analysis_of_each_indicator():
    kecamatan = Kecamatan.objects.get(slug="arjasa")
    analisis = isi_laporan(kecamatan=kecamatan, tahun=2023)["ikhtisar"].analisis
    tercatat = Realisasi.objects.filter(indikator__sasaran__tujuan__renstra__kecamatan=kecamatan, tahun=2023)
    hambatan = {" ".join(r.hambatan.split()) for r in tercatat if r.hambatan.strip()}
    langkah = {" ".join(r.tindak_lanjut.split()) for r in tercatat if r.tindak_lanjut.strip()}
    faktor = {" ".join(r.faktor_keberhasilan.split()) for r in tercatat if r.faktor_keberhasilan.strip()}
    assert {b.teks for b in analisis.kendala} == hambatan and len(hambatan) == 2
    assert {b.teks for b in analisis.langkah} == langkah and len(langkah) == 3
    assert {b.teks for b in analisis.faktor_keberhasilan} == faktor and len(faktor) == 4
    # Arjasa's S2.1 (IKM) names its obstacle; it is listed under Sasaran 2.
    ikm = Realisasi.objects.get(
        indikator__kode="S2.1", indikator__sasaran__tujuan__renstra__kecamatan=kecamatan, tahun=2023
    )
    assert next(b for b in analisis.kendala if b.teks == " ".join(ikm.hambatan.split())).sasaran == (
        "Sasaran 2",
    )

    html = _ikhtisar_html("arjasa", 2023)
    assert "Kendala atau hambatan yang dihadapi dalam pencapaian target sasaran tahun 2023" in html
    assert " ".join(ikm.hambatan.split())[:60] in html


def test_a_text_typed_under_two_indicators_is_listed_once_with_both_sasaran():
    kecamatan = Kecamatan.objects.get(slug="kencong")
    tercatat = list(
        Realisasi.objects.filter(indikator__sasaran__tujuan__renstra__kecamatan=kecamatan, tahun=2023)
        .select_related("indikator__sasaran")
        .order_by("indikator__sasaran__nomor")
    )
    pertama, kedua = tercatat[0], tercatat[1]
    kedua.hambatan = pertama.hambatan
    kedua.save()
    kendala = isi_laporan(kecamatan=kecamatan, tahun=2023)["ikhtisar"].analisis.kendala
    sama = [b for b in kendala if b.teks == " ".join(pertama.hambatan.split())]
    assert len(sama) == 1
    assert sama[0].sasaran == (
        f"Sasaran {pertama.indikator.sasaran.nomor}",
        f"Sasaran {kedua.indikator.sasaran.nomor}",
    )


def test_no_analysis_text_prints_no_list_and_no_heading():
    # Pakusari's seed (2021) writes no per-indicator analysis.
    analisis = isi_laporan(kecamatan=Kecamatan.objects.get(slug="pakusari"), tahun=2021)["ikhtisar"].analisis
    assert not analisis.ada
    html = _ikhtisar_html("pakusari", 2021)
    assert "Kendala atau hambatan" not in html
    assert "Faktor yang mendukung" not in html
