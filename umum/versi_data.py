"""One version for the data every kecamatan shares with the kabupaten's pages.

The dashboard and the matrix read every kecamatan at once; they are kept in Django's cache
under a key that carries this version, so a page is laid out once and served from the cache
until anything it reads changes. Any write to a model of the data apps (a realisasi, a target,
a budget row, a workflow step, a mapping, a predikat scale, a review note, a kecamatan...) gives
the version a new random value: the next request misses the cache and sees the write at once.

Writes are caught where every write path passes: Django's ``post_save``, ``post_delete`` and
``m2m_changed`` for single rows, admin and services alike (a queryset ``delete()`` sends
``post_delete`` per row too), and the bulk helpers of ``umum.riwayat``, the one way the project
writes in bulk. A new random value rather than a counter: two writers can never both move it to
the same number.

The new value is written once the writer's transaction commits, in its own short write: the
page of a request that read the old version may be stored under it, never under the new one,
and writers never wait on each other for it (written inside their transactions, the one cache
row would serialise every save). A failed write of the version is logged, never undoes a save.
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from simple_history.models import HistoricalChanges

KUNCI = "lkip:versi-data"

#: The apps whose rows the kabupaten's pages read (the report's own tables, the print queue and
#: the PDF cache are written by the background worker and do not count).
APLIKASI_DATA = frozenset({"kecamatan", "perencanaan", "capaian", "anggaran", "kabupaten", "reviu"})


def versi_data() -> str:
    """The current version (one cache read); a first reader, or one after an eviction, sets it."""
    versi = cache.get(KUNCI)
    if versi is None:
        cache.add(KUNCI, uuid.uuid4().hex, timeout=None)
        versi = cache.get(KUNCI)
    return versi


def _ganti() -> None:
    cache.set(KUNCI, uuid.uuid4().hex, timeout=None)


def versi_naikkan() -> None:
    """Give the data a new version once the transaction in force commits (at once outside one)."""
    transaction.on_commit(_ganti, robust=True)


def _dihitung(model) -> bool:
    # A migration's models live in their own registry, before the cache table may exist; a
    # history row always comes with the row it records, which already counts.
    return (
        model._meta.app_label in APLIKASI_DATA
        and model._meta.apps is apps
        and not issubclass(model, HistoricalChanges)
    )


def _setelah_tulis(sender, **kwargs) -> None:
    if _dihitung(sender):
        versi_naikkan()


def _setelah_m2m(sender, action: str, **kwargs) -> None:
    if action.startswith("post_") and _dihitung(kwargs["model"]):
        versi_naikkan()


def sambungkan() -> None:
    """Listen to every write (``KabupatenConfig.ready``)."""
    post_save.connect(_setelah_tulis, dispatch_uid="lkip-versi-simpan")
    post_delete.connect(_setelah_tulis, dispatch_uid="lkip-versi-hapus")
    m2m_changed.connect(_setelah_m2m, dispatch_uid="lkip-versi-m2m")
