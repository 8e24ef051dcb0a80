"""Versions of the data the kabupaten's pages read: one per kecamatan, and one for what every
kecamatan shares.

The dashboard and the matrix show one row per kecamatan; each row is kept in Django's cache
under a key that carries the version of its kecamatan and the shared version, so a row is laid
out once and served from the cache until anything it reads changes. A write to a row that
belongs to one kecamatan (a realisasi, a target, a budget row, a workflow step, a review note, a
mapping of its indicator, the kecamatan itself...) gives that kecamatan's version a new random
value: its rows are laid out again, the other kecamatan's stay cached. A write to what belongs
to none (a predikat scale, the letter-grade conversion, the kabupaten catalogue, an RPJMD) gives
the shared version a new value, and every row is laid out again.

Writes are caught where every write path passes: Django's ``post_save``, ``post_delete`` and
``m2m_changed`` for single rows, admin and services alike (a queryset ``delete()`` sends
``post_delete`` per row too), and the bulk helpers of ``umum.riwayat``, the one way the project
writes in bulk. Which kecamatan a row belongs to is found by following its foreign keys to
``Kecamatan`` (``jalur_kecamatan``): in memory where the related rows are already loaded, else
in one query. A row whose kecamatan cannot be found renews the shared version: a wasted layout,
never a stale page. A new random value rather than a counter: two writers can never both move it
to the same number.

The new values are written once the writer's transaction commits, all the kecamatan a
transaction touched in one callback: the page of a request that read the old version may be
stored under it, never under the new one, and writers never wait on each other for it (written
inside their transactions, the one cache row would serialise every save). A failed write of the
version is logged, never undoes a save.
"""

import uuid
from collections.abc import Callable, Iterable
from functools import cache as memo
from typing import TypeVar

from django.apps import apps
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from simple_history.models import HistoricalChanges

T = TypeVar("T")

KUNCI = "lkip:versi-data"
"""The shared version's key; a kecamatan's is ``KUNCI:<pk>`` (``kunci_kecamatan``)."""

#: The apps whose rows the kabupaten's pages read (the report's own tables, the print queue and
#: the PDF cache are written by the background worker and do not count).
APLIKASI_DATA = frozenset({"kecamatan", "perencanaan", "capaian", "anggaran", "kabupaten", "reviu"})


def kunci_kecamatan(kecamatan_id: int) -> str:
    return f"{KUNCI}:{kecamatan_id}"


def _baca(kunci: list[str]) -> dict[str, str]:
    """The versions under ``kunci`` (one cache read); a first reader, or one after an eviction,
    sets a new one (``add``: of two first readers, one wins and both read its value)."""
    versi = cache.get_many(kunci)
    hilang = [k for k in kunci if k not in versi]
    for k in hilang:
        cache.add(k, uuid.uuid4().hex, timeout=None)
    if hilang:
        versi |= cache.get_many(hilang)
    # A cache that keeps nothing (the tests' dummy): a new version each time, nothing reused.
    return {k: versi.get(k) or uuid.uuid4().hex for k in kunci}


def versi_banyak(kecamatan_id: Iterable[int]) -> tuple[str, dict[int, str]]:
    """The shared version and each kecamatan's, read together (one cache read once set)."""
    pk = list(kecamatan_id)
    versi = _baca([KUNCI] + [kunci_kecamatan(k) for k in pk])
    return versi[KUNCI], {k: versi[kunci_kecamatan(k)] for k in pk}


def kunci_simpan(nama: str, tahun: int, kecamatan_id: int, bersama: str, versi: str) -> str:
    """The cache key of what ``nama`` keeps of one kecamatan's year under these versions."""
    return f"lkip:{nama}:{tahun}:{kecamatan_id}:{bersama}:{versi}"


def tersimpan(nama: str, kecamatan_id: int, tahun: int, buat: Callable[[], T]) -> T:
    """What ``buat`` computes from one kecamatan's year, kept in the cache under that
    kecamatan's version and the shared one: computed again only after a write to either. For
    data read only from the data apps (``APLIKASI_DATA``), the same for whoever asks."""
    bersama, versi = versi_banyak([kecamatan_id])
    kunci = kunci_simpan(nama, tahun, kecamatan_id, bersama, versi[kecamatan_id])
    nilai = cache.get(kunci)
    if nilai is None:
        nilai = buat()
        cache.set(kunci, nilai)
    return nilai


class _Naikkan:
    """The on-commit callback of one transaction (or savepoint): every kecamatan it touched, and
    whether it touched what they share."""

    def __init__(self) -> None:
        self.kecamatan: set[int] = set()
        self.bersama = False
        self.ingat: dict[tuple[type, object], int | None] = {}
        """The kecamatan already looked up in this transaction, by (model, pk) of the row asked
        for: a realisasi and its four quarters ask once."""

    def __call__(self) -> None:
        kunci = ([KUNCI] if self.bersama else []) + [kunci_kecamatan(k) for k in sorted(self.kecamatan)]
        cache.set_many({k: uuid.uuid4().hex for k in kunci}, timeout=None)


def _panggilan(using: str = DEFAULT_DB_ALIAS) -> _Naikkan:
    """The callback already waiting for the transaction's commit, or a new one.

    Any waiting callback will do. Django drops a callback when a savepoint it was registered
    under rolls back; the savepoints still open are all around the write being recorded now, so
    such a rollback undoes that write too. Added to a callback of an outer block, the write of a
    savepoint that rolls back renews its kecamatan for nothing: a wasted layout, never a stale
    one."""
    koneksi = connections[using]
    if koneksi.in_atomic_block:
        for _sids, fungsi, _robust in koneksi.run_on_commit:
            if isinstance(fungsi, _Naikkan):
                return fungsi
    naikkan = _Naikkan()
    # Outside a transaction it runs at once, so it must be filled first: see ``_catat``.
    if koneksi.in_atomic_block:
        transaction.on_commit(naikkan, using=using, robust=True)
    return naikkan


def _catat(
    kecamatan: Iterable[int | None], using: str = DEFAULT_DB_ALIAS, naikkan: _Naikkan | None = None
) -> None:
    koneksi = connections[using]
    naikkan = naikkan or _panggilan(using)
    for k in kecamatan:
        if k is None:
            naikkan.bersama = True
        else:
            naikkan.kecamatan.add(k)
    if not koneksi.in_atomic_block:
        naikkan()


def versi_naikkan(kecamatan_id: Iterable[int] | None = None) -> None:
    """Renew the versions once the transaction in force commits (at once outside one): of the
    given kecamatan, or (``None``) the shared one."""
    _catat([None] if kecamatan_id is None else list(kecamatan_id))


# --- which kecamatan a row belongs to ------------------------------------------------------


@memo
def jalur_kecamatan(model) -> tuple[str, ...] | None:
    """The foreign keys from ``model`` to ``Kecamatan`` (``("indikator", "sasaran", "renstra",
    "kecamatan")``), ``()`` for ``Kecamatan`` itself, ``None`` for a row no kecamatan owns.

    The shortest chain through the data apps' required (non-null) foreign keys, so every row has
    exactly one owner; a model with a direct ``kecamatan`` key uses it."""
    kecamatan = apps.get_model("kecamatan", "Kecamatan")
    if model is kecamatan:
        return ()
    antre: list[tuple[type, tuple[str, ...]]] = [(model, ())]
    dilihat = {model}
    while antre:
        sekarang, jalur = antre.pop(0)
        for f in sekarang._meta.concrete_fields:
            if not f.is_relation or f.null or f.related_model._meta.app_label not in APLIKASI_DATA:
                continue
            if f.related_model is kecamatan:
                return (*jalur, f.name)
            if f.related_model not in dilihat:
                dilihat.add(f.related_model)
                antre.append((f.related_model, (*jalur, f.name)))
    return None


def kecamatan_dari(obj, ingat: dict | None = None) -> int | None:
    """The pk of the kecamatan ``obj`` belongs to, ``None`` when none or not found.

    Follows the chain in memory while the related rows are loaded, then asks for the rest of it
    in one query (the rows above a deleted row still exist when its ``post_delete`` is sent:
    Django deletes the dependants first)."""
    jalur = jalur_kecamatan(type(obj))
    if jalur is None:
        return None
    if not jalur:
        return obj.pk
    for i, nama in enumerate(jalur):
        f = obj._meta.get_field(nama)
        if i == len(jalur) - 1:
            return getattr(obj, f.attname)
        if f.is_cached(obj):
            obj = getattr(obj, nama)
            continue
        model, pk = f.related_model, getattr(obj, f.attname)
        if ingat is not None and (model, pk) in ingat:
            return ingat[(model, pk)]
        sisa = "__".join(jalur[i + 1 :]) + "_id"
        hasil = model._base_manager.filter(pk=pk).values_list(sisa, flat=True).first()
        if ingat is not None:
            ingat[(model, pk)] = hasil
        return hasil
    return None


def kecamatan_banyak(model, pk: Iterable) -> set[int | None]:
    """The kecamatan of many rows of one model (one query): for the bulk helpers. A row without
    a pk (not saved) counts as owned by none."""
    jalur = jalur_kecamatan(model)
    pk = list(pk)
    if jalur is None or not pk or any(p is None for p in pk):
        return {None}
    if not jalur:
        return set(pk)
    kolom = "__".join(jalur) + "_id"
    return set(model._base_manager.filter(pk__in=pk).values_list(kolom, flat=True).distinct()) or {None}


def _dihitung(model) -> bool:
    # A migration's models live in their own registry, before the cache table may exist; a
    # history row always comes with the row it records, which already counts.
    return (
        model._meta.app_label in APLIKASI_DATA
        and model._meta.apps is apps
        and not issubclass(model, HistoricalChanges)
    )


def _setelah_tulis(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if _dihitung(sender):
        naikkan = _panggilan(using)
        _catat([kecamatan_dari(instance, naikkan.ingat)], using, naikkan)


def _setelah_m2m(sender, instance, action: str, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action.startswith("post_") and _dihitung(kwargs["model"]):
        # Both ends: the row whose set changed and the rows added to or taken from it.
        pk = kwargs.get("pk_set") or ()
        _catat([kecamatan_dari(instance), *kecamatan_banyak(kwargs["model"], pk)], using)


def sambungkan() -> None:
    """Listen to every write (``KabupatenConfig.ready``)."""
    post_save.connect(_setelah_tulis, dispatch_uid="lkip-versi-simpan")
    post_delete.connect(_setelah_tulis, dispatch_uid="lkip-versi-hapus")
    m2m_changed.connect(_setelah_m2m, dispatch_uid="lkip-versi-m2m")
