"""Uploads kept between the preview and the apply, under ``MEDIA_ROOT/impor/<sha256>.xlsx``.

Here rather than in ``lkip.excel`` because the daily clean-up (``pangkas_lkip``, in the report's
app) prunes them, and nothing imports ``lkip.excel``.

A stored upload is removed when its import is applied or cancelled, or replaced by a newer
upload of the same year in the same session; one left behind (a preview never applied) is
removed by ``pangkas_lkip`` once it is older than ``LKIP_IMPOR_SIMPAN_JAM`` hours.

The admin's import of reference data keeps its upload between preview and confirm under
``MEDIA_ROOT/impor-admin/<hex>`` (``lkip.excel.admin_impor.SimpananImpor``): in the media folder
every web process shares, not in a process's private temp directory, and pruned the same way."""

import hashlib
import re
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings

_NAMA = re.compile(r"^[0-9a-f]{64}$")


def folder_unggahan() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "impor"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def folder_unggahan_admin() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "impor-admin"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def unggahan_jalur(sha: str) -> Path | None:
    """The stored file of ``sha``; ``None`` for anything that is not a SHA-256 (never a path)."""
    return folder_unggahan() / f"{sha}.xlsx" if _NAMA.match(sha or "") else None


def unggahan_simpan(isi: bytes) -> str:
    sha = hashlib.sha256(isi).hexdigest()
    unggahan_jalur(sha).write_bytes(isi)
    return sha


def unggahan_hapus(sha: str) -> None:
    if (jalur := unggahan_jalur(sha)) is not None:
        jalur.unlink(missing_ok=True)


def unggahan_pangkas(*, umur: timedelta | None = None) -> int:
    """Remove stored uploads not touched for ``umur`` (default ``LKIP_IMPOR_SIMPAN_JAM``);
    returns how many were removed."""
    umur = timedelta(hours=settings.LKIP_IMPOR_SIMPAN_JAM) if umur is None else umur
    batas = time.time() - umur.total_seconds()
    hapus = 0
    for jalur in [*folder_unggahan().glob("*.xlsx"), *folder_unggahan_admin().iterdir()]:
        try:
            if jalur.stat().st_mtime < batas:
                jalur.unlink()
                hapus += 1
        except FileNotFoundError:  # removed meanwhile by an apply or a cancel
            continue
    return hapus
