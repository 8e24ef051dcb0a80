"""Bulk copies of one synthetic kecamatan, for province-scale timings only.

``buat_kecamatan_sintetis`` goes through the loader (validation and history on every row,
about a second per kecamatan and year); this copies the rows the kabupaten pages read with
``bulk_create`` and no history, so 660 kecamatan take seconds. Only for a throwaway benchmark
database: the copies have no audit trail.
"""

from anggaran.models import Kegiatan, Program, SubKegiatan
from capaian.models import Realisasi
from kabupaten.models import PemetaanIndikator
from kecamatan.models import Kecamatan
from lkip.laporan.sintetis import slug_sintetis
from perencanaan.models import Indikator, PerjanjianKinerja, Renstra, Sasaran, TargetPerjanjian, Tujuan
from umum.versi_data import versi_naikkan

#: (model, path from it to its kecamatan, its foreign keys to copied models), parents first.
POHON = [
    (Renstra, "kecamatan", {"kecamatan": Kecamatan}),
    (Tujuan, "renstra__kecamatan", {"renstra": Renstra}),
    (Sasaran, "renstra__kecamatan", {"renstra": Renstra, "tujuan": Tujuan}),
    (Indikator, "sasaran__renstra__kecamatan", {"sasaran": Sasaran}),
    (PerjanjianKinerja, "kecamatan", {"kecamatan": Kecamatan}),
    (TargetPerjanjian, "perjanjian__kecamatan", {"perjanjian": PerjanjianKinerja, "indikator": Indikator}),
    (Realisasi, "indikator__sasaran__renstra__kecamatan", {"indikator": Indikator}),
    (Program, "kecamatan", {"kecamatan": Kecamatan}),
    (Kegiatan, "program__kecamatan", {"program": Program}),
    (SubKegiatan, "kegiatan__program__kecamatan", {"kegiatan": Kegiatan, "sasaran": Sasaran}),
    (PemetaanIndikator, "indikator__sasaran__renstra__kecamatan", {"indikator": Indikator}),
]


def salin_kecamatan(asal: Kecamatan, jumlah: int, *, mulai: int) -> None:
    baru = Kecamatan.objects.bulk_create(
        [
            Kecamatan(slug=slug_sintetis(n), nama=f"Sintetis {n:03d}", sintetis=True)
            for n in range(mulai, mulai + jumlah)
        ]
    )
    peta = {Kecamatan: {(i, asal.pk): k.pk for i, k in enumerate(baru)}}
    for model, jalur, kunci in POHON:
        sumber = list(model.objects.filter(**{jalur: asal}))
        salinan, asli = [], []
        for i in range(jumlah):
            for obj in sumber:
                isi = {
                    f.attname: getattr(obj, f.attname)
                    for f in model._meta.concrete_fields
                    if not f.primary_key
                }
                for nama, induk in kunci.items():
                    lama = isi[f"{nama}_id"]
                    isi[f"{nama}_id"] = None if lama is None else peta[induk][(i, lama)]
                salinan.append(model(**isi))
                asli.append((i, obj.pk))
        dibuat = model.objects.bulk_create(salinan, batch_size=500)
        peta[model] = {kunci_asli: o.pk for kunci_asli, o in zip(asli, dibuat, strict=True)}
    # Plain bulk_create sends no signal: the kabupaten pages kept in the cache must still see it.
    versi_naikkan()
