"""Reference data every install needs: the three predikat scales of DOMAIN.md, the years
that use them, and the letter-grade conversion table. Bands are half-open intervals with
no gaps and no overlaps; the printed tables in the seeds have both, these resolve them."""

from decimal import Decimal

from django.db import migrations

D = Decimal

SKALA = [
    {
        "kode": "akip-aa-d",
        "nama": "Predikat AKIP AA–D",
        "sumber": "Kategori predikat capaian kinerja LKIP Kabupaten Jember 2023",
        "batas_atas": D("100"),
        "tahun": [2023],
        "pita": [
            ("AA", "Sangat Memuaskan", D("90"), False, None, True),
            ("A", "Memuaskan", D("80"), False, D("90"), True),
            ("BB", "Sangat Baik", D("70"), False, D("80"), True),
            ("B", "Baik", D("60"), False, D("70"), True),
            ("CC", "Cukup", D("50"), False, D("60"), True),
            ("C", "Kurang", D("30"), False, D("50"), True),
            ("D", "Sangat Kurang", None, False, D("30"), True),
        ],
    },
    {
        "kode": "empat-kategori",
        "nama": "Empat kategori (Sangat Baik–Kurang)",
        "sumber": "Kategori capaian kinerja LKIP Kabupaten Jember 2021",
        "batas_atas": None,
        "tahun": [2021],
        "pita": [
            ("Sangat Baik", "", D("100"), False, None, True),
            ("Baik", "", D("75"), False, D("100"), True),
            ("Cukup", "", D("55"), True, D("75"), True),
            ("Kurang", "", None, False, D("55"), False),
        ],
    },
    {
        "kode": "permendagri-86-2017",
        "nama": "Permendagri Nomor 86 Tahun 2017",
        "sumber": "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
        "batas_atas": None,
        "tahun": [2024],
        "pita": [
            ("Sangat Tinggi", "", D("90"), True, None, True),
            ("Tinggi", "", D("75"), False, D("90"), False),
            ("Sedang", "", D("65"), False, D("75"), True),
            ("Rendah", "", D("50"), False, D("65"), True),
            ("Sangat Rendah", "", None, False, D("50"), True),
        ],
    },
]

KONVERSI = {"AA": D("100"), "A": D("90"), "BB": D("80"), "B": D("70"), "CC": D("60"), "C": D("50"), "D": D("30")}


def muat(apps, schema_editor):
    SkalaPredikat = apps.get_model("capaian", "SkalaPredikat")
    PitaPredikat = apps.get_model("capaian", "PitaPredikat")
    SkalaTahun = apps.get_model("capaian", "SkalaTahun")
    KonversiHuruf = apps.get_model("capaian", "KonversiHuruf")
    for data in SKALA:
        skala, _ = SkalaPredikat.objects.update_or_create(
            kode=data["kode"],
            defaults={"nama": data["nama"], "sumber": data["sumber"], "batas_atas": data["batas_atas"]},
        )
        for urutan, (kode, ket, bawah, bawah_ink, atas, atas_ink) in enumerate(data["pita"], start=1):
            PitaPredikat.objects.update_or_create(
                skala=skala,
                kode=kode,
                defaults={
                    "urutan": urutan,
                    "keterangan": ket,
                    "batas_bawah": bawah,
                    "bawah_inklusif": bawah_ink,
                    "batas_atas": atas,
                    "atas_inklusif": atas_ink,
                },
            )
        for tahun in data["tahun"]:
            SkalaTahun.objects.update_or_create(tahun=tahun, defaults={"skala": skala})
    for huruf, angka in KONVERSI.items():
        KonversiHuruf.objects.update_or_create(huruf=huruf, defaults={"angka": angka})


def hapus(apps, schema_editor):
    apps.get_model("capaian", "SkalaTahun").objects.all().delete()
    apps.get_model("capaian", "SkalaPredikat").objects.filter(kode__in=[s["kode"] for s in SKALA]).delete()
    apps.get_model("capaian", "KonversiHuruf").objects.filter(huruf__in=KONVERSI).delete()


class Migration(migrations.Migration):
    dependencies = [("capaian", "0001_initial")]

    operations = [migrations.RunPython(muat, hapus)]
