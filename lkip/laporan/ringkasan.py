"""The Ikhtisar Eksekutif's lists of success factors, obstacles and the steps taken or
recommended, drawn from the per-indicator analysis texts of the report year (the same texts
BAB III prints under each sasaran), so the summary never says something the analysis does not.

A text typed the same under several indicators is listed once, with every sasaran it belongs to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lkip.laporan.isi import AnalisisSasaran


@dataclass(frozen=True)
class ButirAnalisis:
    teks: str
    sasaran: tuple[str, ...]
    """``("Sasaran 1", "Sasaran 3")``: where the text was written, in report order."""


@dataclass(frozen=True)
class RingkasanAnalisis:
    faktor_keberhasilan: tuple[ButirAnalisis, ...]
    kendala: tuple[ButirAnalisis, ...]
    langkah: tuple[ButirAnalisis, ...]

    @property
    def ada(self) -> bool:
        return bool(self.faktor_keberhasilan or self.kendala or self.langkah)


def _label(s: AnalisisSasaran) -> str:
    return f"Sasaran {s.no if s.no is not None else s.kode}"


def _butir(sasaran: Sequence[AnalisisSasaran], bidang: str) -> tuple[ButirAnalisis, ...]:
    urutan: dict[str, list[str]] = {}
    for s in sasaran:
        for i in s.indikator:
            teks = " ".join(getattr(i, bidang).split())
            if not teks:
                continue
            tempat = urutan.setdefault(teks, [])
            if _label(s) not in tempat:
                tempat.append(_label(s))
    return tuple(ButirAnalisis(teks, tuple(tempat)) for teks, tempat in urutan.items())


def ringkasan_analisis(sasaran: Sequence[AnalisisSasaran]) -> RingkasanAnalisis:
    return RingkasanAnalisis(
        faktor_keberhasilan=_butir(sasaran, "faktor_keberhasilan"),
        kendala=_butir(sasaran, "hambatan"),
        langkah=_butir(sasaran, "tindak_lanjut"),
    )
