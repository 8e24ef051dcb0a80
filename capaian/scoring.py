"""The one scoring service: capaian, cap, floor, predikat, roll-ups, efficiency.

Pure: it imports only ``decimal``, ``dataclasses``, ``enum``, ``typing`` and the
stdlib-only rounding module ``umum.angka``, so every rule is tested with plain
tables and no database. Inputs and outputs are frozen dataclasses. The rules are
those of ``DOMAIN.md``:

- positive: ``realisasi / target × 100``; negative: ``(target − (realisasi − target)) / target × 100``;
- floor 0 always; the upper cap belongs to the scale in force;
- values are exact until shown: the predikat is read from the value rounded half-up to
  two places, so the number a reader sees and its predikat always agree;
- missing is never zero: a result without a number keeps its status and reason;
- like with like: a bare letter on either side scores both sides by their letters;
- a typed yearly realisasi is the one scored; its quarters' roll-up is shown beside it;
- what a reader should check (a roll-up that differs, a letter outside its band) is a
  ``Temuan`` on the result, data rather than text, so pages, commands and checks share it.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Callable, Mapping, Sequence  # noqa: UP035 - the module stays on its four imports

from umum.angka import SERATUS, AngkaTidakValid, bulatkan, format_angka, format_nilai, parse_angka, teks_nilai

NOL = Decimal("0")

#: Largest magnitude a target, realisasi or quarter may have: far above any stored value
#: (18 digits) and low enough that every result still rounds exactly.
BATAS_ANGKA = Decimal("1E18")
#: Largest capaian (in %) still reported as a number; beyond it the pair is surely mistyped.
BATAS_CAPAIAN = Decimal("1E15")

#: Letter grades as numbers when only the letter is printed: the upper bound of the band.
KONVERSI_HURUF_BAWAAN: Mapping[str, Decimal] = {
    "AA": Decimal("100"),
    "A": Decimal("90"),
    "BB": Decimal("80"),
    "B": Decimal("70"),
    "CC": Decimal("60"),
    "C": Decimal("50"),
    "D": Decimal("30"),
}


class Polaritas(StrEnum):
    POSITIF = "positif"
    NEGATIF = "negatif"


class Status(StrEnum):
    TERISI = "terisi"
    BELUM_DIISI = "belum_diisi"
    TIDAK_DAPAT_DIHITUNG = "tidak_dapat_dihitung"
    TIDAK_BERLAKU = "tidak_berlaku"


class AturanTriwulan(StrEnum):
    KUMULATIF = "kumulatif"
    TERAKHIR = "terakhir"
    RATA_RATA = "rata_rata"


class Efisiensi(StrEnum):
    EFISIEN = "Efisien"
    KURANG_EFISIEN = "Kurang Efisien"


class SifatNilai(StrEnum):
    """Whether quarterly values of an indicator may be added up."""

    JUMLAH = "jumlah"
    """A count or an amount (documents, people, rupiah)."""
    RASIO = "rasio"
    """An index, a percentage or a letter grade: a quarter's value is not a part of the year's."""


class CaraBanding(StrEnum):
    """How two values are compared: by their printed numbers, or as letter grades."""

    ANGKA = "angka"
    HURUF = "huruf"


class Arah(StrEnum):
    NAIK = "naik"
    TURUN = "turun"
    TETAP = "tetap"


class JenisTemuan(StrEnum):
    REKAP_TRIWULAN_BERBEDA = "rekap_triwulan_berbeda"
    HURUF_DI_LUAR_PITA = "huruf_di_luar_pita"
    ATURAN_TRIWULAN_TIDAK_SAH = "aturan_triwulan_tidak_sah"


@dataclass(frozen=True)
class Temuan:
    """Something a reader should check, kept as typed data (never a silent correction)."""

    jenis: JenisTemuan
    pesan: str


# --- values ---------------------------------------------------------------------------

HURUF_SAH = ("AA", "A", "BB", "B", "CC", "C", "D")


def _pisah_huruf(teks: str) -> tuple[str, str | None] | None:
    """``"B (69)"`` → ``("B", "69")``, ``"bb"`` → ``("BB", None)``, a number → ``None``."""
    kepala, kurung, sisa = teks.strip().partition("(")
    huruf = kepala.strip().upper()
    if huruf not in HURUF_SAH:
        return None
    if not kurung:
        return huruf, None
    if not sisa.rstrip().endswith(")"):
        raise AngkaTidakValid(f"«{teks.strip()}»: nilai huruf ditulis seperti B atau B (69).")
    return huruf, sisa.rstrip()[:-1].strip()


@dataclass(frozen=True)
class Nilai:
    """A target or realisasi as written: a number, a letter grade, or both (``B (69)``)."""

    angka: Decimal | None = None
    huruf: str = ""

    def __post_init__(self) -> None:
        if self.angka is None and not self.huruf:
            raise ValueError("Nilai needs a number or a letter grade")
        if self.angka is not None:
            periksa_angka(self.angka)

    @property
    def is_huruf_saja(self) -> bool:
        """A bare letter (``B``), with no printed number."""
        return self.angka is None and bool(self.huruf)

    @classmethod
    def dari_teks(cls, teks: str) -> "Nilai":
        """Read ``97,5``, ``1.234,5``, ``B`` or ``B (69)``; raise ``AngkaTidakValid`` otherwise."""
        huruf = _pisah_huruf(teks)
        if huruf is None:
            return cls(angka=parse_angka(teks))
        kode, angka = huruf
        return cls(angka=parse_angka(angka) if angka else None, huruf=kode)

    @property
    def teks(self) -> str:
        """As printed: ``B (69)``, ``B`` or the plain number with a dot."""
        return teks_nilai(self.angka, self.huruf)


def periksa_angka(angka: Decimal) -> Decimal:
    """Refuse what no one can have typed: not a finite number, or absurdly large."""
    if not angka.is_finite() or abs(angka) >= BATAS_ANGKA:
        raise AngkaTidakValid(f"«{angka}» bukan angka yang wajar untuk target atau realisasi.")
    return angka


def nilai_opsional(angka: Decimal | None, huruf: str = "") -> Nilai | None:
    """A stored value: ``None`` when it holds neither a number nor a letter (missing, not zero)."""
    return None if angka is None and not huruf else Nilai(angka=angka, huruf=huruf)


def nilai_teks_opsional(teks: str | None) -> Nilai | None:
    """``None`` or blank text → ``None`` (missing); otherwise ``Nilai.dari_teks``."""
    if teks is None or not str(teks).strip():
        return None
    return Nilai.dari_teks(str(teks))


# --- scales ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pita:
    """One predikat band: an interval with each end open or closed, ``None`` = unbounded."""

    kode: str
    keterangan: str = ""
    bawah: Decimal | None = None
    bawah_inklusif: bool = False
    atas: Decimal | None = None
    atas_inklusif: bool = True

    def memuat(self, x: Decimal) -> bool:
        if self.bawah is not None and (x < self.bawah or (x == self.bawah and not self.bawah_inklusif)):
            return False
        return self.atas is None or x < self.atas or (x == self.atas and self.atas_inklusif)

    @property
    def label(self) -> str:
        return f"{self.kode} ({self.keterangan})" if self.keterangan else self.kode


@dataclass(frozen=True)
class Skala:
    kode: str
    pita: tuple[Pita, ...]
    batas_atas: Decimal | None = None

    def pita_untuk(self, x: Decimal) -> Pita | None:
        return next((p for p in self.pita if p.memuat(x)), None)

    def kesalahan(self) -> list[str]:
        """Gaps and overlaps between bands, in Indonesian; empty when the scale is sound."""
        salah: list[str] = []
        urut = sorted(self.pita, key=lambda p: (p.bawah is not None, p.bawah or NOL))
        if not urut:
            return ["Skala belum memiliki pita predikat."]
        if urut[0].bawah is not None:
            salah.append(f"Tidak ada pita untuk nilai di bawah {urut[0].bawah}.")
        if urut[-1].atas is not None:
            salah.append(f"Tidak ada pita untuk nilai di atas {urut[-1].atas}.")
        for kiri, kanan in zip(urut, urut[1:], strict=False):
            if kiri.atas is None or kanan.bawah is None or kiri.atas != kanan.bawah:
                salah.append(
                    f"Pita {kiri.kode} dan {kanan.kode} tidak bersambung (ada celah atau tumpang tindih)."
                )
            elif kiri.atas_inklusif == kanan.bawah_inklusif:
                kata = "sama-sama memuat" if kiri.atas_inklusif else "sama-sama tidak memuat"
                salah.append(f"Pita {kiri.kode} dan {kanan.kode} {kata} nilai {kiri.atas}.")
        return salah


# --- letters and their bands ----------------------------------------------------------


def _urut_huruf(konversi: Mapping[str, Decimal]) -> list[tuple[str, Decimal]]:
    return sorted(konversi.items(), key=lambda kv: (kv[1], kv[0]))


def pita_huruf(huruf: str, konversi: Mapping[str, Decimal], skala: Skala | None = None) -> Pita | None:
    """The numbers a letter grade stands for.

    On a scale whose bands are the letters themselves (``akip-aa-d``) it is that band;
    otherwise the conversion table's: above the next lower letter's number, up to the
    letter's own (the lowest letter is open below, the highest open above)."""
    if skala is not None:
        pita = next((p for p in skala.pita if p.kode == huruf), None)
        if pita is not None:
            return pita
    atas = konversi.get(huruf)
    if atas is None:
        return None
    lebih_rendah = [v for _h, v in _urut_huruf(konversi) if v < atas]
    lebih_tinggi = [v for _h, v in _urut_huruf(konversi) if v > atas]
    return Pita(
        kode=huruf,
        bawah=lebih_rendah[-1] if lebih_rendah else None,
        atas=atas if lebih_tinggi else None,
    )


def huruf_untuk(angka: Decimal, konversi: Mapping[str, Decimal]) -> str | None:
    """The letter whose band (in the conversion table) holds ``angka``."""
    for huruf, _atas in _urut_huruf(konversi):
        pita = pita_huruf(huruf, konversi)
        if pita is not None and pita.memuat(angka):
            return huruf
    return None


def huruf_dari(nilai: Nilai, konversi: Mapping[str, Decimal]) -> str | None:
    """A value as a letter: its own letter, else the letter its number falls in."""
    if nilai.huruf:
        return nilai.huruf
    return None if nilai.angka is None else huruf_untuk(nilai.angka, konversi)


def _lewat_huruf(nilai: Nilai, konversi: Mapping[str, Decimal]) -> Decimal | None:
    huruf = huruf_dari(nilai, konversi)
    return None if huruf is None else konversi.get(huruf)


def angka_dari(nilai: Nilai, konversi: Mapping[str, Decimal]) -> Decimal | None:
    """The number a value scores with on its own: the printed number, else the letter's conversion."""
    if nilai.angka is not None:
        return nilai.angka
    return konversi.get(nilai.huruf)


#: How each side of a comparison is read: as letters through the table, or as printed.
BACA: Mapping[CaraBanding, Callable[[Nilai, Mapping[str, Decimal]], Decimal | None]] = {
    CaraBanding.HURUF: _lewat_huruf,
    CaraBanding.ANGKA: angka_dari,
}


def cara_banding(a: Nilai, b: Nilai) -> CaraBanding:
    """Like with like: a bare letter on either side makes both sides letters."""
    return CaraBanding.HURUF if a.is_huruf_saja or b.is_huruf_saja else CaraBanding.ANGKA


def angka_sepadan(
    a: Nilai, b: Nilai, konversi: Mapping[str, Decimal]
) -> tuple[CaraBanding, Decimal | None, Decimal | None]:
    """The two numbers to compare, each read the same way (``B`` vs ``B (100)`` is 70 vs 70)."""
    cara = cara_banding(a, b)
    return cara, BACA[cara](a, konversi), BACA[cara](b, konversi)


def temuan_huruf(nilai: Nilai, konversi: Mapping[str, Decimal], skala: Skala | None = None) -> Temuan | None:
    """``B (87)``: the printed number lies outside the band of its letter. Kept as typed, flagged."""
    if not nilai.huruf or nilai.angka is None:
        return None
    pita = pita_huruf(nilai.huruf, konversi, skala)
    if pita is None or pita.memuat(nilai.angka):
        return None
    return Temuan(
        JenisTemuan.HURUF_DI_LUAR_PITA,
        f"Nilai «{format_nilai(nilai.teks)}»: angka {format_angka(nilai.angka)} berada di luar rentang "
        f"huruf {nilai.huruf} ({_rentang(pita)}). Nilai tetap dipakai seperti tertulis; periksa kembali.",
    )


def _rentang(pita: Pita) -> str:
    bawah = "" if pita.bawah is None else f"{format_angka(pita.bawah)} {'≤' if pita.bawah_inklusif else '<'} "
    atas = "" if pita.atas is None else f" {'≤' if pita.atas_inklusif else '<'} {format_angka(pita.atas)}"
    if pita.bawah is not None and pita.atas is None:
        return f"x {'≥' if pita.bawah_inklusif else '>'} {format_angka(pita.bawah)}"
    return f"{bawah}x{atas}"


# --- trends across years --------------------------------------------------------------


@dataclass(frozen=True)
class Tren:
    """This year against an earlier one, compared like with like."""

    cara: CaraBanding
    lalu: Nilai
    sekarang: Nilai
    angka_lalu: Decimal
    angka_sekarang: Decimal
    huruf_lalu: str = ""
    huruf_sekarang: str = ""

    @property
    def arah(self) -> Arah:
        if self.angka_sekarang == self.angka_lalu:
            return Arah.TETAP
        return Arah.NAIK if self.angka_sekarang > self.angka_lalu else Arah.TURUN

    @property
    def selisih(self) -> Decimal | None:
        """The change in the printed numbers; ``None`` for letters, which have no distance."""
        return None if self.cara == CaraBanding.HURUF else self.angka_sekarang - self.angka_lalu


def banding_tren(lalu: Nilai, sekarang: Nilai, konversi: Mapping[str, Decimal]) -> Tren | None:
    """Compare two years' realisasi: numbers with numbers, a year with only a letter by its letter
    (66 then ``B`` is B then B, not a rise of 4). ``None`` when a letter is not in the table."""
    cara, angka_lalu, angka_sekarang = angka_sepadan(lalu, sekarang, konversi)
    if angka_lalu is None or angka_sekarang is None:
        return None
    huruf = cara == CaraBanding.HURUF
    return Tren(
        cara=cara,
        lalu=lalu,
        sekarang=sekarang,
        angka_lalu=angka_lalu,
        angka_sekarang=angka_sekarang,
        huruf_lalu=(huruf_dari(lalu, konversi) or "") if huruf else "",
        huruf_sekarang=(huruf_dari(sekarang, konversi) or "") if huruf else "",
    )


# --- quarters -------------------------------------------------------------------------


def _kumulatif(nilai: Sequence[Decimal]) -> Decimal:
    return sum(nilai, NOL)


def _terakhir(nilai: Sequence[Decimal]) -> Decimal:
    return nilai[-1]


def _rata_rata(nilai: Sequence[Decimal]) -> Decimal:
    return sum(nilai, NOL) / len(nilai)


ROLLUP: Mapping[AturanTriwulan, Callable[[Sequence[Decimal]], Decimal]] = {
    AturanTriwulan.KUMULATIF: _kumulatif,
    AturanTriwulan.TERAKHIR: _terakhir,
    AturanTriwulan.RATA_RATA: _rata_rata,
}

#: The roll-up rules each kind of value allows: an index or a percentage is never summed.
ATURAN_SAH: Mapping[SifatNilai, frozenset[AturanTriwulan]] = {
    SifatNilai.JUMLAH: frozenset(AturanTriwulan),
    SifatNilai.RASIO: frozenset({AturanTriwulan.TERAKHIR, AturanTriwulan.RATA_RATA}),
}

NAMA_ATURAN: Mapping[AturanTriwulan, str] = {
    AturanTriwulan.KUMULATIF: "dijumlah",
    AturanTriwulan.TERAKHIR: "triwulan terakhir yang terisi",
    AturanTriwulan.RATA_RATA: "rata-rata triwulan yang terisi",
}


def aturan_sah(aturan: AturanTriwulan, sifat: SifatNilai) -> bool:
    return aturan in ATURAN_SAH[sifat]


def realisasi_tahunan(triwulan: Mapping[int, Decimal | None], aturan: AturanTriwulan) -> Decimal | None:
    """Roll quarterly values up to the year; unfilled quarters are skipped, none filled → ``None``."""
    terisi = [periksa_angka(triwulan[t]) for t in sorted(triwulan) if triwulan[t] is not None]
    if not terisi:
        return None
    return ROLLUP[aturan](terisi)


def realisasi_berlaku(
    tahunan: Nilai | None,
    triwulan: Mapping[int, Decimal | None],
    aturan: AturanTriwulan,
    sifat: SifatNilai = SifatNilai.JUMLAH,
) -> Nilai | None:
    """The year's realisasi: the yearly value when it is typed, else the quarters' roll-up
    (none when the rule does not fit the kind of value: an index is never summed)."""
    if tahunan is not None:
        return tahunan
    if not aturan_sah(aturan, sifat):
        return None
    return nilai_opsional(realisasi_tahunan(triwulan, aturan))


def _rekap(pengukuran: "Pengukuran") -> tuple[Decimal | None, tuple[Temuan, ...]]:
    """The quarters' roll-up, or why there is none when the rule does not fit the indicator."""
    if not any(v is not None for v in pengukuran.triwulan.values()):
        return None, ()
    if not aturan_sah(pengukuran.aturan, pengukuran.sifat):
        return None, (
            Temuan(
                JenisTemuan.ATURAN_TRIWULAN_TIDAK_SAH,
                "Indikator ini berupa indeks, persentase atau nilai huruf, sehingga realisasi "
                f"triwulannya tidak boleh {NAMA_ATURAN[pengukuran.aturan]}. Ubah aturan triwulannya di "
                "Renstra menjadi «triwulan terakhir» atau «rata-rata».",
            ),
        )
    return realisasi_tahunan(pengukuran.triwulan, pengukuran.aturan), ()


def _temuan_selisih(
    tahunan: Nilai | None, rekap: Decimal | None, aturan: AturanTriwulan, konversi: Mapping[str, Decimal]
) -> tuple[Temuan, ...]:
    """A typed year that disagrees with its quarters (as shown, to two places)."""
    if tahunan is None or rekap is None:
        return ()
    if tahunan.angka is not None:
        sama = bulatkan(tahunan.angka) == bulatkan(rekap)
    else:
        sama = huruf_untuk(rekap, konversi) == tahunan.huruf
    if sama:
        return ()
    return (
        Temuan(
            JenisTemuan.REKAP_TRIWULAN_BERBEDA,
            f"Realisasi tahunan {format_nilai(tahunan.teks)} berbeda dengan rekap triwulan "
            f"{format_angka(bulatkan(rekap, 4))} ({NAMA_ATURAN[aturan]}). Yang dihitung adalah realisasi "
            "tahunan; periksa mana yang benar.",
        ),
    )


# --- one indicator --------------------------------------------------------------------


@dataclass(frozen=True)
class Pengukuran:
    """What is needed to score one indicator in one year."""

    target: Nilai | None
    realisasi: Nilai | None
    """The yearly value as typed; ``None`` when only quarters (or nothing) are filled."""
    polaritas: Polaritas = Polaritas.POSITIF
    status: Status | None = None
    alasan: str = ""
    triwulan: Mapping[int, Decimal | None] = field(default_factory=dict)
    aturan: AturanTriwulan = AturanTriwulan.TERAKHIR
    sifat: SifatNilai = SifatNilai.JUMLAH


@dataclass(frozen=True)
class HasilCapaian:
    status: Status
    alasan: str = ""
    mentah: Decimal | None = None
    """Exact capaian from the formula, before floor and cap."""
    akhir: Decimal | None = None
    """Exact capaian after the floor 0 and the scale's cap."""
    pita: Pita | None = None
    realisasi: Nilai | None = None
    """The year's value that was scored: the typed yearly value, else the quarters' roll-up."""
    rekap_triwulan: Decimal | None = None
    """The quarters' roll-up by the indicator's rule, shown beside the yearly value."""
    temuan: tuple[Temuan, ...] = ()
    cara: CaraBanding | None = None
    """Whether target and realisasi were compared by number or as letters."""

    @property
    def capaian(self) -> Decimal | None:
        return None if self.mentah is None else bulatkan(self.mentah)

    @property
    def capaian_akhir(self) -> Decimal | None:
        return None if self.akhir is None else bulatkan(self.akhir)

    @property
    def predikat(self) -> str | None:
        return None if self.pita is None else self.pita.kode

    @property
    def ada_angka(self) -> bool:
        return self.akhir is not None


def _rumus_positif(target: Decimal, realisasi: Decimal) -> Decimal:
    return realisasi / target * SERATUS


def _rumus_negatif(target: Decimal, realisasi: Decimal) -> Decimal:
    return (target - (realisasi - target)) / target * SERATUS


RUMUS: Mapping[Polaritas, Callable[[Decimal, Decimal], Decimal]] = {
    Polaritas.POSITIF: _rumus_positif,
    Polaritas.NEGATIF: _rumus_negatif,
}


def batasi(x: Decimal, skala: Skala) -> Decimal:
    """Floor 0 always; cap at the scale's upper bound when it has one."""
    x = max(x, NOL)
    return x if skala.batas_atas is None else min(x, skala.batas_atas)


def predikat_untuk(x: Decimal, skala: Skala) -> Pita | None:
    """The band of the value a reader sees (rounded half-up to 2 places)."""
    return skala.pita_untuk(bulatkan(x))


@dataclass(frozen=True)
class _Rumus:
    """A capaian from a pair of values, or why there is none."""

    mentah: Decimal | None
    cara: CaraBanding | None
    alasan: str = ""


def _capaian_pasangan(
    target: Nilai, realisasi: Nilai, polaritas: Polaritas, konversi: Mapping[str, Decimal]
) -> _Rumus:
    cara, angka_target, angka_realisasi = angka_sepadan(target, realisasi, konversi)
    for nilai, angka in ((target, angka_target), (realisasi, angka_realisasi)):
        if angka is None:
            huruf = nilai.huruf or format_nilai(nilai.teks)
            return _Rumus(None, cara, f"Nilai huruf «{huruf}» tidak ada dalam tabel konversi.")
    if angka_target == 0:
        return _Rumus(None, cara, "Target bernilai 0, capaian tidak dapat dihitung.")
    mentah = RUMUS[polaritas](angka_target, angka_realisasi)
    if abs(mentah) >= BATAS_CAPAIAN:
        return _Rumus(None, cara, "Capaian terlalu besar untuk dihitung; periksa target dan realisasinya.")
    return _Rumus(mentah, cara)


def hitung_capaian(
    pengukuran: Pengukuran,
    skala: Skala,
    konversi: Mapping[str, Decimal] = KONVERSI_HURUF_BAWAAN,
) -> HasilCapaian:
    """Score one indicator. Raises only ``AngkaTidakValid`` (a quarter that is not a sane number)."""
    rekap, temuan = _rekap(pengukuran)
    realisasi = pengukuran.realisasi if pengukuran.realisasi is not None else nilai_opsional(rekap)
    temuan += _temuan_selisih(pengukuran.realisasi, rekap, pengukuran.aturan, konversi)
    for nilai in (pengukuran.target, realisasi):
        huruf = None if nilai is None else temuan_huruf(nilai, konversi, skala)
        temuan += () if huruf is None else (huruf,)
    umum = {"realisasi": realisasi, "rekap_triwulan": rekap, "temuan": temuan}

    status = pengukuran.status
    if status in (Status.TIDAK_BERLAKU, Status.TIDAK_DAPAT_DIHITUNG):
        return HasilCapaian(status=status, alasan=pengukuran.alasan, **umum)
    if realisasi is None or status == Status.BELUM_DIISI:
        alasan = pengukuran.alasan or "Realisasi belum diisi."
        return HasilCapaian(status=Status.BELUM_DIISI, alasan=alasan, **umum)
    if pengukuran.target is None:
        return HasilCapaian(status=Status.TIDAK_DAPAT_DIHITUNG, alasan="Target belum ditetapkan.", **umum)
    rumus = _capaian_pasangan(pengukuran.target, realisasi, pengukuran.polaritas, konversi)
    if rumus.mentah is None:
        return HasilCapaian(status=Status.TIDAK_DAPAT_DIHITUNG, alasan=rumus.alasan, cara=rumus.cara, **umum)
    akhir = batasi(rumus.mentah, skala)
    return HasilCapaian(
        status=Status.TERISI,
        mentah=rumus.mentah,
        akhir=akhir,
        pita=predikat_untuk(akhir, skala),
        cara=rumus.cara,
        **umum,
    )


def capaian_target_akhir(
    target_akhir: Nilai | None,
    realisasi: Nilai | None,
    polaritas: Polaritas,
    konversi: Mapping[str, Decimal] = KONVERSI_HURUF_BAWAAN,
) -> Decimal | None:
    """Realisasi against the end-of-Renstra target, by the indicator's polarity and like with
    like, floor 0, rounded as shown; ``None`` when either is missing or it cannot be computed."""
    if target_akhir is None or realisasi is None:
        return None
    rumus = _capaian_pasangan(target_akhir, realisasi, polaritas, konversi)
    return None if rumus.mentah is None else bulatkan(max(rumus.mentah, NOL))


# --- sasaran and overall --------------------------------------------------------------


@dataclass(frozen=True)
class Ringkasan:
    """Mean of capped capaian over the members that have a number."""

    akhir: Decimal | None
    pita: Pita | None
    jumlah: int = 0
    jumlah_dihitung: int = 0

    @property
    def capaian(self) -> Decimal | None:
        return None if self.akhir is None else bulatkan(self.akhir)

    @property
    def predikat(self) -> str | None:
        return None if self.pita is None else self.pita.kode


def rata_rata(nilai: Sequence[Decimal | None], skala: Skala) -> Ringkasan:
    ada = [n for n in nilai if n is not None]
    if not ada:
        return Ringkasan(akhir=None, pita=None, jumlah=len(nilai))
    rerata = sum(ada, NOL) / len(ada)
    return Ringkasan(
        akhir=rerata, pita=predikat_untuk(rerata, skala), jumlah=len(nilai), jumlah_dihitung=len(ada)
    )


def ringkas_sasaran(hasil: Sequence[HasilCapaian], skala: Skala) -> Ringkasan:
    return rata_rata([h.akhir for h in hasil], skala)


def ringkas_keseluruhan(sasaran: Sequence[Ringkasan], skala: Skala) -> Ringkasan:
    return rata_rata([s.akhir for s in sasaran], skala)


# --- efficiency -----------------------------------------------------------------------


@dataclass(frozen=True)
class HasilEfisiensi:
    capaian: Decimal | None
    serapan: Decimal | None
    putusan: Efisiensi | None = field(default=None)


def efisiensi(capaian: Decimal | None, serapan: Decimal | None) -> HasilEfisiensi:
    """Efisien when the sasaran's capaian ≥ the serapan of the budget behind it (both as shown)."""
    if capaian is None or serapan is None:
        return HasilEfisiensi(capaian=capaian, serapan=serapan)
    putusan = Efisiensi.EFISIEN if bulatkan(capaian) >= bulatkan(serapan) else Efisiensi.KURANG_EFISIEN
    return HasilEfisiensi(capaian=capaian, serapan=serapan, putusan=putusan)


__all__ = [
    "ATURAN_SAH",
    "AngkaTidakValid",
    "Arah",
    "AturanTriwulan",
    "CaraBanding",
    "Efisiensi",
    "HasilCapaian",
    "HasilEfisiensi",
    "JenisTemuan",
    "KONVERSI_HURUF_BAWAAN",
    "Nilai",
    "Pengukuran",
    "Pita",
    "Polaritas",
    "Ringkasan",
    "SifatNilai",
    "Skala",
    "Status",
    "Temuan",
    "Tren",
    "aturan_sah",
    "banding_tren",
    "capaian_target_akhir",
    "efisiensi",
    "hitung_capaian",
    "huruf_untuk",
    "nilai_opsional",
    "nilai_teks_opsional",
    "pita_huruf",
    "realisasi_berlaku",
    "realisasi_tahunan",
    "ringkas_keseluruhan",
    "ringkas_sasaran",
]
