"""A kecamatan's whole year as one typed document (``lkip.laporan.dokumen``), the source of
the report and of ``manage.py lkip_json``.

Everything is fetched up front in a constant number of queries, whatever the number of
indicators, years or budget rows; each part of the document is built by a small function
from rows already in memory. The JSON schema is documented in ``docs/lkip_json.md``.
"""

from decimal import Decimal

from django.conf import settings
from django.db.models import F, Prefetch

from anggaran.models import Dokumentasi, JenisBelanja, SubKegiatan
from anggaran.selectors import Jumlah, PohonAnggaran, pohon_anggaran
from capaian import scoring
from capaian.models import Realisasi
from capaian.selectors import BarisCapaian, CapaianTahun, DataTidakTersedia, capaian_tahun, nilai_realisasi
from kecamatan.models import AlurLaporan, Kecamatan, ProfilKecamatan, StatusAlur
from lkip.laporan import dokumen as d
from lkip.laporan.models import LaporanDisetujui
from perencanaan.models import (
    Indikator,
    PenetapanIku,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    Renstra,
    Rpjmd,
    Sasaran,
    TargetPerjanjian,
    TargetRkt,
    Tujuan,
)
from umum.angka import bulatkan, format_angka, persentase

AWALAN_MEDIA = "/" + settings.MEDIA_URL.strip("/") + "/"
"""Where the report's HTML finds uploaded files (the layout's fetcher serves them from storage)."""


def _persen(nilai: Decimal | None) -> Decimal | None:
    """A percentage as stored in the document: rounded half-up to two places, once."""
    return None if nilai is None else bulatkan(nilai)


def _profil(kecamatan: Kecamatan, tahun: int) -> d.Profil | None:
    profil = (
        ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .prefetch_related(
            "desa", "pegawai", "sarana", "organisasi", "pejabat", "rincian_pegawai", "inovasi", "penghargaan"
        )
        .first()
    )
    if profil is None:
        return None
    kode = {u.pk: u.kode for u in profil.organisasi.all()}
    return d.Profil(
        luas_km2=profil.luas_km2,
        jumlah_penduduk=profil.jumlah_penduduk,
        desa=tuple(d.Desa(x.nama, x.jenis, x.luas_km2, x.jumlah_penduduk) for x in profil.desa.all()),
        pegawai=tuple(
            d.Pegawai(p.kelompok, p.jabatan, p.kebutuhan, p.bezetting, p.laki_laki, p.perempuan)
            for p in profil.pegawai.all()
        ),
        sarana=tuple(d.Sarana(x.nama, x.jumlah, x.kondisi, x.jumlah_ideal) for x in profil.sarana.all()),
        organisasi=tuple(
            d.UnitOrganisasi(u.kode, u.nama, kode.get(u.induk_id)) for u in profil.organisasi.all()
        ),
        pejabat=tuple(
            d.Pejabat(
                p.jabatan,
                p.nama,
                p.pangkat,
                p.golongan,
                p.nip,
                p.kepala,
                p.mulai_menjabat,
                p.selesai_menjabat,
            )
            for p in profil.pejabat.all()
        ),
        isu_strategis=tuple(profil.daftar_isu_strategis),
        tempat_laporan=profil.tempat_laporan,
        tanggal_laporan=profil.tanggal_laporan,
        rincian_pegawai=tuple(
            d.RincianPegawai(r.dasar, r.status, r.uraian, r.golongan, r.jumlah, r.keterangan)
            for r in profil.rincian_pegawai.all()
        ),
        sumber_tabel=d.SumberTabel(
            **{n.removeprefix("sumber_"): getattr(profil, n) for n in ProfilKecamatan.SUMBER}
        ),
        inovasi=tuple(
            d.Inovasi(x.nama, x.uraian, x.tahun_mulai, x.dasar_penetapan, x.hasil, x.tautan)
            for x in profil.inovasi.all()
        ),
        penghargaan=tuple(
            d.Penghargaan(x.nama, x.pemberi, x.tingkat, x.tanggal) for x in profil.penghargaan.all()
        ),
    )


def _renstra(kecamatan: Kecamatan, tahun: int) -> tuple[Renstra | None, list[Renstra]]:
    semua = list(Renstra.objects.filter(kecamatan=kecamatan, tahun_awal__lte=tahun, tahun_akhir__gte=tahun))
    berlaku = max((r for r in semua if r.berlaku_mulai <= tahun), key=lambda r: r.versi, default=None)
    if berlaku is None:
        return None, semua
    indikator = Indikator.objects.order_by("urutan", "kode_urut").prefetch_related("target_renstra")
    tujuan = Tujuan.objects.order_by("urutan", "kode_urut").prefetch_related(
        "indikator__target",
        Prefetch(
            "sasaran",
            queryset=Sasaran.objects.order_by(F("nomor").asc(nulls_last=True), "kode_urut").prefetch_related(
                Prefetch("indikator", queryset=indikator)
            ),
        ),
    )
    berlaku = (
        Renstra.objects.select_related("rpjmd")
        .prefetch_related(Prefetch("tujuan", queryset=tujuan), "rpjmd__misi")
        .get(pk=berlaku.pk)
    )
    return berlaku, semua


def _riwayat_realisasi(semua: list[Renstra]) -> dict[str, dict[int, Realisasi]]:
    """Realisasi per indicator code and year across every version of the Renstra period: after a
    Renstra Perubahan, earlier years stay with the earlier version's indicator of the same code.
    A later version's row wins a year both hold."""
    riwayat: dict[str, dict[int, Realisasi]] = {}
    baris = (
        Realisasi.objects.filter(indikator__sasaran__renstra__in=semua)
        .select_related("indikator__sasaran__renstra")
        .prefetch_related("triwulan")
        .order_by("indikator__sasaran__renstra__versi", "tahun")
    )
    for r in baris:
        riwayat.setdefault(r.indikator.kode, {})[r.tahun] = r
    return riwayat


def _realisasi_tahunan(realisasi: Realisasi, indikator: Indikator) -> d.RealisasiTahun:
    return d.RealisasiTahun(
        nilai=nilai_realisasi(realisasi, indikator),
        status=realisasi.status,
        alasan=realisasi.alasan or None,
        triwulan={t.triwulan: t.angka for t in realisasi.triwulan.all()},
        faktor_keberhasilan=realisasi.faktor_keberhasilan,
        hambatan=realisasi.hambatan,
        tindak_lanjut=realisasi.tindak_lanjut,
        catatan=realisasi.catatan,
        pembanding=d.Pembanding(
            nasional=realisasi.pembanding_nasional or None,
            provinsi=realisasi.pembanding_provinsi or None,
            kabupaten=realisasi.pembanding_kabupaten or None,
        ),
    )


def _indikator(i: Indikator, riwayat: dict[int, Realisasi]) -> d.IndikatorRenstra:
    return d.IndikatorRenstra(
        kode=i.kode,
        uraian=i.uraian,
        satuan=i.satuan,
        jenis_nilai=i.jenis_nilai,
        polaritas=i.polaritas,
        formula=i.formula,
        penanggung_jawab=i.penanggung_jawab,
        sumber_data=i.sumber_data,
        iku=i.is_iku,
        aturan_triwulan=i.aturan_triwulan,
        target={t.tahun: scoring.nilai_opsional(t.angka, t.huruf) for t in i.target_renstra.all()},
        target_akhir=scoring.nilai_opsional(i.target_akhir_angka, i.target_akhir_huruf),
        realisasi={th: _realisasi_tahunan(r, i) for th, r in sorted(riwayat.items())},
    )


def _tujuan(t: Tujuan, riwayat: dict[str, dict[int, Realisasi]]) -> d.Tujuan:
    return d.Tujuan(
        kode=t.kode,
        uraian=t.uraian,
        indikator=tuple(
            d.IndikatorTujuan(
                i.uraian,
                i.satuan,
                target={x.tahun: scoring.nilai_opsional(x.angka, x.huruf) for x in i.target.all()},
                target_akhir=scoring.nilai_opsional(i.target_akhir_angka, i.target_akhir_huruf),
            )
            for i in t.indikator.all()
        ),
        sasaran=tuple(
            d.SasaranRenstra(
                kode=s.kode,
                nomor=s.nomor,
                uraian=s.uraian,
                indikator=tuple(_indikator(i, riwayat.get(i.kode, {})) for i in s.indikator.all()),
                strategi=s.strategi,
                kebijakan=s.kebijakan,
            )
            for s in t.sasaran.all()
        ),
    )


def _renstra_dok(renstra: Renstra | None, semua: list[Renstra]) -> d.Renstra | None:
    if renstra is None:
        return None
    riwayat = _riwayat_realisasi(semua)
    return d.Renstra(
        tahun_awal=renstra.tahun_awal,
        tahun_akhir=renstra.tahun_akhir,
        versi=renstra.versi,
        jenis=renstra.jenis,
        nomor_keputusan=renstra.nomor_keputusan,
        tanggal_keputusan=renstra.tanggal_keputusan,
        berlaku_mulai=renstra.berlaku_mulai,
        versi_lain=tuple(
            d.VersiRenstra(r.versi, r.jenis, r.berlaku_mulai, r.nomor_keputusan)
            for r in sorted(semua, key=lambda r: r.versi)
            if r.pk != renstra.pk
        ),
        tujuan=tuple(_tujuan(t, riwayat) for t in renstra.tujuan.all()),
        rpjmd=_rpjmd(renstra.rpjmd),
        misi_rpjmd=renstra.misi_rpjmd,
    )


def _rpjmd(rpjmd: Rpjmd | None) -> d.Rpjmd | None:
    if rpjmd is None:
        return None
    return d.Rpjmd(
        kabupaten=rpjmd.kabupaten,
        tahun_awal=rpjmd.tahun_awal,
        tahun_akhir=rpjmd.tahun_akhir,
        visi=rpjmd.visi,
        misi=tuple(d.MisiRpjmd(m.nomor, m.uraian) for m in rpjmd.misi.all()),
    )


def _pihak(perjanjian: PerjanjianKinerja, awalan: str) -> d.Pihak:
    return d.Pihak(
        **{k: getattr(perjanjian, f"{awalan}_{k}") for k in ("nama", "jabatan", "pangkat", "nip", "status")}
    )


def _target(baris) -> tuple[d.TargetIndikator, ...]:
    return tuple(d.TargetIndikator(t.indikator.kode, scoring.nilai_opsional(t.angka, t.huruf)) for t in baris)


def _perjanjian(kecamatan: Kecamatan, tahun: int) -> tuple[d.Perjanjian, ...]:
    daftar = (
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by("versi")
        .prefetch_related(
            Prefetch(
                "target", queryset=TargetPerjanjian.objects.select_related("indikator").order_by("urutan")
            ),
            "anggaran",
        )
    )
    return tuple(
        d.Perjanjian(
            versi=p.versi,
            jenis=p.jenis,
            tempat=p.tempat,
            tanggal=p.tanggal,
            pihak_pertama=_pihak(p, "pihak_pertama"),
            pihak_kedua=_pihak(p, "pihak_kedua"),
            target=_target(p.target.all()),
            anggaran=tuple(
                d.AnggaranPerjanjian(a.program, a.anggaran, a.keterangan) for a in p.anggaran.all()
            ),
            jumlah_anggaran=sum((a.anggaran for a in p.anggaran.all()), Decimal("0")),
        )
        for p in daftar
    )


def _rkt(kecamatan: Kecamatan, tahun: int) -> d.Rkt | None:
    rkt = (
        RencanaKinerjaTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        # In the order the targets were made (what SQLite returned unasked); without an order
        # PostgreSQL returns them as its join happens to, which changes after an indicator is saved.
        .prefetch_related(
            Prefetch("target", queryset=TargetRkt.objects.select_related("indikator").order_by("pk"))
        )
        .first()
    )
    if rkt is None:
        return None
    target = tuple(
        d.TargetIndikator(t.indikator.kode, scoring.nilai_opsional(t.angka, t.huruf), t.target_triwulan)
        for t in rkt.target.all()
    )
    return d.Rkt(tanggal=rkt.tanggal, target=target)


def _penetapan_iku(kecamatan: Kecamatan, tahun: int) -> d.PenetapanIku | None:
    iku = PenetapanIku.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
    if iku is None:
        return None
    return d.PenetapanIku(iku.nomor, iku.tanggal, iku.tentang, iku.menimbang, iku.mengingat, iku.memutuskan)


def _baris_capaian(b: BarisCapaian) -> d.BarisCapaian:
    return d.BarisCapaian(
        sasaran_no=b.sasaran.nomor,
        sasaran=b.sasaran.uraian,
        indikator_kode=b.indikator.kode,
        indikator=b.indikator.uraian,
        satuan=b.indikator.satuan,
        polaritas=b.indikator.polaritas,
        target=b.target,
        realisasi=b.realisasi,
        capaian=b.hasil.capaian,
        capaian_akhir=b.hasil.capaian_akhir,
        predikat=b.hasil.predikat,
        status=b.hasil.status.value,
        alasan=b.hasil.alasan or None,
        rekap_triwulan=b.hasil.rekap_triwulan,
        temuan=b.temuan,
        target_akhir_renstra=b.target_akhir,
        capaian_terhadap_target_akhir=_persen(b.capaian_target_akhir),
    )


def _skala_detail(data: CapaianTahun) -> d.SkalaDetail:
    return d.SkalaDetail(
        kode=data.skala.kode,
        nama=data.skala.nama,
        sumber=data.skala.sumber,
        batas_atas=data.skala.skala.batas_atas,
        pita=tuple(d.PitaSkala(p.kode, p.keterangan, interval_pita(p)) for p in data.skala.skala.pita),
    )


def _capaian(data: CapaianTahun) -> d.Capaian:
    return d.Capaian(
        kecamatan=data.kecamatan.slug,
        tahun=data.tahun,
        skala=data.skala.kode,
        indikator=tuple(_baris_capaian(b) for b in data.baris),
        sasaran=tuple(
            d.SasaranCapaian(
                s.sasaran.nomor, s.sasaran.kode, s.sasaran.uraian, s.ringkasan.capaian, s.ringkasan.predikat
            )
            for s in data.sasaran
        ),
        rata_rata=d.Ringkasan(data.rata_rata.capaian, data.rata_rata.predikat),
        tersedia=True,
        skala_detail=_skala_detail(data),
    )


def interval_pita(pita: scoring.Pita) -> str:
    """A band as readers write it: ``80 < x ≤ 90``, ``x > 90``, ``55 ≤ x ≤ 75``."""
    bawah = "" if pita.bawah is None else f"{format_angka(pita.bawah)} {'≤' if pita.bawah_inklusif else '<'} "
    atas = "" if pita.atas is None else f" {'≤' if pita.atas_inklusif else '<'} {format_angka(pita.atas)}"
    if pita.bawah is not None and pita.atas is None:
        return f"x {'≥' if pita.bawah_inklusif else '>'} {format_angka(pita.bawah)}"
    return f"{bawah}x{atas}"


def _jumlah(pagu: Decimal | None, realisasi: Decimal | None) -> dict:
    return {"pagu": pagu, "realisasi": realisasi, "serapan": _persen(persentase(realisasi, pagu))}


def _sub_kegiatan(s: SubKegiatan) -> d.SubKegiatan:
    return d.SubKegiatan(
        kode=s.kode,
        nama=s.nama,
        **_jumlah(s.pagu, s.realisasi),
        sasaran=None if s.sasaran is None else s.sasaran.kode,
        keluaran=tuple(
            d.Keluaran(o.uraian, o.satuan, o.target, o.realisasi, _persen(o.capaian), o.target_triwulan)
            for o in s.keluaran.all()
        ),
        jenis_belanja=s.jenis_belanja or None,
    )


def _indikator_anggaran(baris) -> tuple[d.IndikatorAnggaran, ...]:
    return tuple(
        d.IndikatorAnggaran(i.uraian, i.satuan, i.target, i.realisasi, _persen(i.capaian))
        for i in baris.indikator.all()
    )


def _per_jenis(pohon: PohonAnggaran) -> tuple[d.JumlahJenis, ...]:
    if not any(pohon.per_jenis.get(j) for j in JenisBelanja.values):
        return ()
    urutan = [(j.value, j.label) for j in JenisBelanja] + [("", "Belum dikelompokkan")]
    return tuple(
        d.JumlahJenis(
            jenis=kode or None,
            nama=str(nama),
            **_jumlah(pohon.per_jenis[kode].pagu, pohon.per_jenis[kode].realisasi),
            porsi=_persen(persentase(pohon.per_jenis[kode].pagu, pohon.total.pagu)),
        )
        for kode, nama in urutan
        if kode in pohon.per_jenis
    )


def _tahun_lalu(pohon: PohonAnggaran, tahun: int) -> d.JumlahTahun | None:
    lalu = pohon.tahun_lalu
    return None if lalu is None else d.JumlahTahun(tahun=tahun - 1, **_jumlah(lalu.pagu, lalu.realisasi))


def _anggaran(pohon: PohonAnggaran, tahun: int) -> d.Anggaran:
    def jumlah(j: Jumlah) -> dict:
        return _jumlah(j.pagu, j.realisasi)

    return d.Anggaran(
        program=tuple(
            d.Program(
                kode=p.kode,
                nama=p.nama,
                **jumlah(pohon.jumlah_program(p)),
                indikator=_indikator_anggaran(p),
                kegiatan=tuple(
                    d.Kegiatan(
                        kode=k.kode,
                        nama=k.nama,
                        **jumlah(pohon.jumlah_kegiatan(k)),
                        indikator=_indikator_anggaran(k),
                        sub_kegiatan=tuple(_sub_kegiatan(s) for s in k.sub_kegiatan.all()),
                    )
                    for k in p.kegiatan.all()
                ),
            )
            for p in pohon.program
        ),
        total=d.Jumlah(**jumlah(pohon.total)),
        per_jenis=_per_jenis(pohon),
        tahun_lalu=_tahun_lalu(pohon, tahun),
    )


def _efisiensi(capaian: CapaianTahun | None, pohon: PohonAnggaran) -> tuple[d.Efisiensi, ...]:
    if capaian is None:
        return ()
    hasil = []
    for s in capaian.sasaran:
        jumlah = pohon.per_sasaran.get(s.sasaran.pk)
        putusan = scoring.efisiensi(s.ringkasan.akhir, None if jumlah is None else jumlah.serapan)
        uang = (
            _jumlah(jumlah.pagu, jumlah.realisasi)
            if jumlah
            else dict.fromkeys(("pagu", "realisasi", "serapan"))
        )
        hasil.append(
            d.Efisiensi(
                sasaran_no=s.sasaran.nomor,
                sasaran_kode=s.sasaran.kode,
                capaian=s.ringkasan.capaian,
                **uang,
                putusan=None if putusan.putusan is None else putusan.putusan.value,
            )
        )
    return tuple(hasil)


def tahun_tersedia(*, kecamatan: Kecamatan, tahun: int) -> bool:
    """Whether the system holds anything for the kecamatan's year (a plan, profile or PK)."""
    return (
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).exists()
        or ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun).exists()
        or Renstra.objects.filter(kecamatan=kecamatan, tahun_awal__lte=tahun, tahun_akhir__gte=tahun).exists()
    )


def dokumen_lkip(*, kecamatan: Kecamatan, tahun: int) -> d.DokumenLkip:
    """The kecamatan's year as one typed document, in a constant number of queries."""
    renstra, semua_renstra = _renstra(kecamatan, tahun)
    try:
        capaian = capaian_tahun(kecamatan=kecamatan, tahun=tahun)
    except DataTidakTersedia as exc:
        capaian, tidak_tersedia = None, d.CapaianTidakTersedia(alasan=str(exc))
    pohon = pohon_anggaran(kecamatan=kecamatan, tahun=tahun)
    return d.DokumenLkip(
        versi_skema=d.VERSI_SKEMA,
        kecamatan=d.KecamatanDok(
            kecamatan.slug, kecamatan.nama, kecamatan.kabupaten, kecamatan.alamat_kantor
        ),
        tahun=tahun,
        profil=_profil(kecamatan, tahun),
        renstra=_renstra_dok(renstra, semua_renstra),
        penetapan_iku=_penetapan_iku(kecamatan, tahun),
        rkt=_rkt(kecamatan, tahun),
        perjanjian_kinerja=_perjanjian(kecamatan, tahun),
        capaian=tidak_tersedia if capaian is None else _capaian(capaian),
        anggaran=_anggaran(pohon, tahun),
        efisiensi=_efisiensi(capaian, pohon),
        dokumentasi=_dokumentasi(kecamatan, tahun),
    )


def _dokumentasi(kecamatan: Kecamatan, tahun: int) -> tuple[d.Dokumentasi, ...]:
    """The photos marked for the report, in the budget tree's order (one query)."""
    foto = (
        Dokumentasi.objects.filter(
            program__kecamatan=kecamatan, program__tahun=tahun, tampilkan_di_laporan=True
        )
        .select_related("program", "kegiatan", "sub_kegiatan")
        .order_by(
            "program__kode_urut",
            F("kegiatan__kode_urut").asc(nulls_first=True),
            F("sub_kegiatan__kode_urut").asc(nulls_first=True),
            "diunggah",
            "pk",
        )
    )
    return tuple(
        d.Dokumentasi(
            program=f.program.kode,
            kegiatan=f.kegiatan.kode if f.kegiatan else None,
            sub_kegiatan=f.sub_kegiatan.kode if f.sub_kegiatan else None,
            keterangan=f.keterangan,
            berkas=AWALAN_MEDIA + f.berkas.name,
            lebar=f.lebar,
            tinggi=f.tinggi,
        )
        for f in foto
    )


def capaian_dokumen(*, kecamatan: Kecamatan, tahun: int) -> d.Capaian | d.CapaianTidakTersedia:
    """Only the scored year, as the document holds it (for exports that need no more)."""
    try:
        return _capaian(capaian_tahun(kecamatan=kecamatan, tahun=tahun))
    except DataTidakTersedia as exc:
        return d.CapaianTidakTersedia(alasan=str(exc))


def anggaran_dokumen(*, kecamatan: Kecamatan, tahun: int) -> d.Anggaran:
    """Only the budget tree with its totals, as the document holds it."""
    return _anggaran(pohon_anggaran(kecamatan=kecamatan, tahun=tahun), tahun)


def laporan_disetujui_daftar(*, kecamatan: Kecamatan, tahun: int) -> list[LaporanDisetujui]:
    """Every approved version of the kecamatan's year, newest first (one query)."""
    return list(LaporanDisetujui.objects.filter(kecamatan=kecamatan, tahun=tahun).order_by("-versi"))


def laporan_disetujui_berlaku(*, kecamatan: Kecamatan, tahun: int) -> LaporanDisetujui | None:
    """The frozen report everyone downloads: the current version's, while the year is Disetujui
    or Terkunci; ``None`` before approval and after a reopen."""
    alur = AlurLaporan.objects.filter(
        kecamatan=kecamatan, tahun=tahun, status__in=[StatusAlur.DISETUJUI, StatusAlur.TERKUNCI]
    ).first()
    if alur is None:
        return None
    return LaporanDisetujui.objects.filter(kecamatan=kecamatan, tahun=tahun, versi=alur.versi).first()
