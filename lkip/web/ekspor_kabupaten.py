"""The dashboard and the matrix as spreadsheets, written through ``umum.lembar`` (typed cells,
formula escaping, the Indonesian CSV)."""

from collections.abc import Sequence

from django.http import Http404, HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from kabupaten.selectors import Dasbor, Matriks
from umum.lembar import FORMAT_RUPIAH, csv_teks, tulis_baris, tulis_judul

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def baris_dasbor(data: Dasbor) -> list[Sequence[object]]:
    judul = [
        "Kecamatan", "Sintetis", "Tahun", "Status", "Indikator", "Realisasi terisi", "Kelengkapan (%)",
        "Rata-rata capaian (%)", "Predikat", "Skala", "Pagu (Rp)", "Realisasi anggaran (Rp)",
        "Serapan (%)", "Catatan reviu terbuka", "Perubahan terakhir", "Keterangan",
    ]  # fmt: skip
    isi: list[Sequence[object]] = [judul]
    for b in data.baris:
        isi.append(
            [
                b.kecamatan.nama,
                b.kecamatan.sintetis,
                b.tahun,
                b.status.label,
                b.jumlah_indikator if b.capaian else None,
                b.jumlah_terisi if b.capaian else None,
                None if b.kelengkapan is None else round(b.kelengkapan, 2),
                b.nilai_capaian,
                b.predikat,
                b.capaian.skala.kode if b.capaian else None,
                None if b.anggaran is None else b.anggaran.pagu,
                None if b.anggaran is None else b.anggaran.realisasi,
                None if b.serapan is None else round(b.serapan, 2),
                b.catatan_terbuka,
                None if b.perubahan_terakhir is None else timezone.localtime(b.perubahan_terakhir),
                "" if b.ada_data else "belum ada data",
            ]
        )
    return isi


def baris_matriks(data: Matriks) -> list[Sequence[object]]:
    judul = ["Peringkat", "Kecamatan", "Tahun", "Skala"]
    for k in data.kolom:
        nama = k.katalog.nama_singkat
        judul += [f"{nama}: capaian (%)", f"{nama}: predikat", f"{nama}: target", f"{nama}: realisasi"]
    judul.append("Rata-rata (%)")
    isi: list[Sequence[object]] = [judul]
    for b in data.baris:
        baris: list[object] = [b.peringkat, b.kecamatan.nama, b.tahun, b.skala_kode or None]
        for s in b.sel:
            if s.baris is None:
                baris += [None, None, None, None]
            else:
                baris += [s.capaian, s.predikat, s.baris.target_teks or None, s.baris.realisasi_teks or None]
        baris.append(None if b.rata_rata is None else b.rata_rata.capaian)
        isi.append(baris)
    rata = ["", "Rata-rata kolom", None, None]
    for k in data.kolom:
        rata += [k.rata_rata, None, None, None]
    rata.append(None)
    isi.append(rata)
    return isi


def jawaban(nama: str, baris: list[Sequence[object]], format: str) -> HttpResponse:
    if format == "csv":
        respons = HttpResponse(csv_teks(baris), content_type="text/csv; charset=utf-8")
    elif format == "xlsx":
        buku = Workbook()
        lembar = buku.active
        lembar.title = nama[:31]
        tulis_judul(lembar, [str(j) for j in baris[0]], lebar=[22] + [14] * (len(baris[0]) - 1))
        # A year is a name, not a quantity: 2024, never 2.024.
        rupiah = [
            FORMAT_RUPIAH if "(Rp)" in str(j) else ("0" if j in ("Tahun", "Peringkat") else None)
            for j in baris[0]
        ]
        for isi in baris[1:]:
            tulis_baris(lembar, isi, format_angka=rupiah)
        respons = HttpResponse(content_type=XLSX)
        buku.save(respons)
    else:
        raise Http404
    respons["Content-Disposition"] = f'attachment; filename="{nama}.{format}"'
    return respons
