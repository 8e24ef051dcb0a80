"""Import and export in the admin for the reference data an administrator keeps.

Each model keeps its own admin (its lock, history and forms); this module puts
``ImporEksporAdmin`` in front of it with the model's resource. It lives here, above every
domain app, because the upload guard it uses is the workbook import's (``aman``).
"""

from django.contrib import admin

from capaian.admin import KonversiHurufAdmin, PitaPredikatAdmin, SkalaPredikatAdmin
from capaian.models import KonversiHuruf, PitaPredikat, SkalaPredikat
from kabupaten.admin import IndikatorKabupatenAdmin
from kabupaten.models import IndikatorKabupaten
from kecamatan.admin import BagianProfilAdmin, KecamatanAdmin
from kecamatan.models import Kecamatan, Pejabat
from lkip.excel import sumber
from lkip.excel.admin_impor import ImporEksporAdmin

SUMBER = [
    (Kecamatan, KecamatanAdmin, sumber.KecamatanResource),
    (Pejabat, BagianProfilAdmin, sumber.PejabatResource),
    (SkalaPredikat, SkalaPredikatAdmin, sumber.SkalaPredikatResource),
    (PitaPredikat, PitaPredikatAdmin, sumber.PitaPredikatResource),
    (KonversiHuruf, KonversiHurufAdmin, sumber.KonversiHurufResource),
    (IndikatorKabupaten, IndikatorKabupatenAdmin, sumber.IndikatorKabupatenResource),
]

for model, kelas, resource in SUMBER:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(
        model,
        type(f"Impor{kelas.__name__}", (ImporEksporAdmin, kelas), {"resource_classes": [resource]}),
    )
