"""Who held an office on a date: the rule every signature block and the consistency check share.

Pure functions over anything shaped like an official (the ``Pejabat`` model or the report's
``dokumen.Pejabat``), so the printed signature and the finding about it can never disagree.
"""

from collections.abc import Sequence
from datetime import date
from typing import Protocol, TypeVar


def masa_mencakup(mulai: date | None, selesai: date | None, tanggal: date) -> bool | None:
    """Whether a term ``mulai``–``selesai`` covers ``tanggal``; ``None`` when no term is recorded."""
    if mulai is None and selesai is None:
        return None
    if mulai is not None and tanggal < mulai:
        return False
    return selesai is None or tanggal <= selesai


class _Pejabat(Protocol):
    jabatan: str
    kepala: bool
    mulai_menjabat: date | None
    selesai_menjabat: date | None


P = TypeVar("P", bound=_Pejabat)


def pejabat_pada(pejabat: Sequence[P], tanggal: date | None) -> P | None:
    """The official who signs as the kecamatan's head on ``tanggal``.

    The candidates hold the head's jabatan (``Camat Arjasa``). One whose recorded term covers the
    date wins; otherwise one with no recorded term (the data cannot exclude them), the head first;
    without a date, or when nobody can have held the office then, the head, so the consistency
    check reports the signature instead of the report leaving it blank.
    """
    kepala = next((p for p in pejabat if p.kepala), None)
    if kepala is None or tanggal is None:
        return kepala
    sejabatan = sorted((p for p in pejabat if p.jabatan == kepala.jabatan), key=lambda p: not p.kepala)
    for hasil in (True, None):
        cocok = [
            p for p in sejabatan if masa_mencakup(p.mulai_menjabat, p.selesai_menjabat, tanggal) is hasil
        ]
        if cocok:
            return cocok[0]
    return kepala
