"""The one scoring service: capaian, cap, floor, predikat, roll-ups, efficiency.

Pure: it imports only ``decimal``, ``dataclasses``, ``enum``, ``typing`` and the
stdlib-only rounding module ``umum.angka``, so every rule is tested with plain
tables and no database. Inputs and outputs are frozen dataclasses. The rules are
those of ``DOMAIN.md``:

- positive: ``realisasi / target × 100``; negative: ``(target − (realisasi − target)) / target × 100``;
- floor 0 always; the upper cap belongs to the scale in force;
- values are exact until shown: the predikat is read from the value rounded half-up to
  two places, so the number a reader sees and its predikat always agree;
- missing is never zero: a result without a number keeps its status and reason.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Callable, Mapping, Sequence  # noqa: UP035 - the module stays on its four imports

from umum.angka import SERATUS, AngkaTidakValid, bulatkan, parse_angka, teks_nilai

NOL = Decimal("0")

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


# --- one indicator --------------------------------------------------------------------


@dataclass(frozen=True)
class Pengukuran:
    """What is needed to score one indicator in one year."""

    target: Nilai | None
    realisasi: Nilai | None
    polaritas: Polaritas = Polaritas.POSITIF
    status: Status | None = None
    alasan: str = ""


@dataclass(frozen=True)
class HasilCapaian:
    status: Status
    alasan: str = ""
    mentah: Decimal | None = None
    """Exact capaian from the formula, before floor and cap."""
    akhir: Decimal | None = None
    """Exact capaian after the floor 0 and the scale's cap."""
    pita: Pita | None = None

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


def angka_dari(nilai: Nilai, konversi: Mapping[str, Decimal]) -> Decimal | None:
    """The number a value scores with: the printed number, else the letter's conversion."""
    if nilai.angka is not None:
        return nilai.angka
    return konversi.get(nilai.huruf)


def batasi(x: Decimal, skala: Skala) -> Decimal:
    """Floor 0 always; cap at the scale's upper bound when it has one."""
    x = max(x, NOL)
    return x if skala.batas_atas is None else min(x, skala.batas_atas)


def predikat_untuk(x: Decimal, skala: Skala) -> Pita | None:
    """The band of the value a reader sees (rounded half-up to 2 places)."""
    return skala.pita_untuk(bulatkan(x))


def hitung_capaian(
    pengukuran: Pengukuran,
    skala: Skala,
    konversi: Mapping[str, Decimal] = KONVERSI_HURUF_BAWAAN,
) -> HasilCapaian:
    status = pengukuran.status
    if status in (Status.TIDAK_BERLAKU, Status.TIDAK_DAPAT_DIHITUNG):
        return HasilCapaian(status=status, alasan=pengukuran.alasan)
    if pengukuran.realisasi is None or status == Status.BELUM_DIISI:
        return HasilCapaian(status=Status.BELUM_DIISI, alasan=pengukuran.alasan or "Realisasi belum diisi.")
    if pengukuran.target is None:
        return _tidak_dapat_dihitung("Target belum ditetapkan.")
    target = angka_dari(pengukuran.target, konversi)
    realisasi = angka_dari(pengukuran.realisasi, konversi)
    for nilai, angka in ((pengukuran.target, target), (pengukuran.realisasi, realisasi)):
        if angka is None:
            return _tidak_dapat_dihitung(f"Nilai huruf «{nilai.huruf}» tidak ada dalam tabel konversi.")
    if target == 0:
        return _tidak_dapat_dihitung("Target bernilai 0, capaian tidak dapat dihitung.")
    mentah = RUMUS[pengukuran.polaritas](target, realisasi)
    akhir = batasi(mentah, skala)
    return HasilCapaian(status=Status.TERISI, mentah=mentah, akhir=akhir, pita=predikat_untuk(akhir, skala))


def _tidak_dapat_dihitung(alasan: str) -> HasilCapaian:
    return HasilCapaian(status=Status.TIDAK_DAPAT_DIHITUNG, alasan=alasan)


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


def realisasi_tahunan(triwulan: Mapping[int, Decimal | None], aturan: AturanTriwulan) -> Decimal | None:
    """Roll quarterly values up to the year; unfilled quarters are skipped, none filled → ``None``."""
    terisi = [triwulan[t] for t in sorted(triwulan) if triwulan[t] is not None]
    if not terisi:
        return None
    return ROLLUP[aturan](terisi)


def realisasi_berlaku(
    tahunan: Nilai | None, triwulan: Mapping[int, Decimal | None], aturan: AturanTriwulan
) -> Nilai | None:
    """The year's realisasi: the quarters' roll-up when any quarter is filled, else the yearly value."""
    rollup = realisasi_tahunan(triwulan, aturan)
    return tahunan if rollup is None else Nilai(angka=rollup)


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
    "AngkaTidakValid",
    "AturanTriwulan",
    "Efisiensi",
    "HasilCapaian",
    "HasilEfisiensi",
    "KONVERSI_HURUF_BAWAAN",
    "Nilai",
    "Pengukuran",
    "Pita",
    "Polaritas",
    "Ringkasan",
    "Skala",
    "Status",
    "efisiensi",
    "hitung_capaian",
    "nilai_opsional",
    "nilai_teks_opsional",
    "realisasi_berlaku",
    "realisasi_tahunan",
    "ringkas_keseluruhan",
    "ringkas_sasaran",
]
