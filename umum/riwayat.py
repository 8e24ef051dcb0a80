"""The audit trail's machinery: one ``HistoricalRecords`` for every model a user edits.

django-simple-history records each save and delete with the request's user (its middleware).
Writes from the command line have no request: ``perubahan_oleh`` names the reason
(``muat_kecamatan``, ``impor``) and, when known, the user, for every record written inside it,
including the rows a queryset ``delete()`` takes with it, where no instance can carry a
``_change_reason``.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from simple_history.models import HistoricalRecords
from simple_history.utils import (
    bulk_create_with_history,
    bulk_update_with_history,
    get_change_reason_from_object,
)

from umum.versi_data import kecamatan_banyak, versi_naikkan


@dataclass(frozen=True)
class _Konteks:
    alasan: str
    pengguna: Any


_konteks: ContextVar[_Konteks | None] = ContextVar("konteks_riwayat", default=None)


@contextmanager
def perubahan_oleh(alasan: str, pengguna: Any = None) -> Iterator[None]:
    """Every history record written inside gets ``alasan`` and, if given, ``pengguna``."""
    token = _konteks.set(_Konteks(alasan=alasan, pengguna=pengguna))
    try:
        yield
    finally:
        _konteks.reset(token)


def alasan_berlaku() -> str | None:
    konteks = _konteks.get()
    return None if konteks is None else konteks.alasan


def pengguna_berlaku() -> Any:
    konteks = _konteks.get()
    return None if konteks is None else konteks.pengguna


class Riwayat(HistoricalRecords):
    """``HistoricalRecords`` that also reads the reason and user of ``perubahan_oleh``."""

    def get_change_reason_for_object(self, instance, history_type, using):
        return get_change_reason_from_object(instance) or alasan_berlaku()

    def get_history_user(self, instance):
        user = super().get_history_user(instance)
        return user if user is not None else pengguna_berlaku()


def _versi_baru(model: type, pk: list) -> None:
    """New versions for the kecamatan the rows belong to (``umum.versi_data``)."""
    if pk:
        kecamatan = kecamatan_banyak(model, pk)
        versi_naikkan(None if None in kecamatan else kecamatan)


def bulk_create_riwayat(objs: list, model: type) -> list:
    """``bulk_create`` with one history record per row, carrying the reason in force (and a
    new data version: a bulk write sends no ``post_save``)."""
    hasil = bulk_create_with_history(objs, model, default_change_reason=alasan_berlaku())
    _versi_baru(model, [o.pk for o in hasil])
    return hasil


def bulk_update_riwayat(objs: list, model: type, fields: list[str]) -> int:
    """``bulk_update`` with one history record per row, carrying the reason in force (and a
    new data version)."""
    hasil = bulk_update_with_history(objs, model, fields, default_change_reason=alasan_berlaku())
    _versi_baru(model, [o.pk for o in objs])
    return hasil


def isi_kolom(obj: Any) -> dict[str, Any]:
    """The stored columns of ``obj``: compared before and after an edit, so a save that would
    change nothing is skipped and leaves no empty record in the history."""
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
