"""All files of an import, or none: a journal written first and removed last.

An import changes several model files and the receipts file. Each file is replaced atomically
(:func:`spbe_arch.fileio.write_atomic`), but a crash between two files would leave some
changed and others not. So the import first writes ``.spbe/survei/impor-berjalan.json``
(durably): for every file, its relative path, the sha256 of its content before, and the new
content, the receipts file last. Then the files are written in that order and the journal is
removed. The next import (and ``survey status``) finds a journal left by an interrupted run and
completes it: a file that still has its old content (or is still missing) gets the new one, a
file that already has the new one is left, and a file changed by someone in between stops the
recovery with a message naming it (nothing is overwritten). Temporary files the crashed run
left next to the targets (``.NAME.*.tmp``) are removed.

The journal is data, not instructions: every path in it must stay inside the repository and
name a ``.yaml`` file, else it is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from spbe_arch import fileio
from spbe_arch.survei.meta import Gagal

JURNAL = PurePosixPath(".spbe/survei/impor-berjalan.json")
JURNAL_MAKS = 256 * 1024 * 1024


class JurnalGagal(Gagal):
    """The import cannot write (or complete) safely; ``pesan``/``pesan_en`` say why."""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _abs(root: Path) -> Path:
    # fileio takes a relative path as relative to ``root``: give it absolute ones
    return Path(os.path.abspath(root))


def _target(root: Path, rel: str) -> Path:
    """The real path of ``rel`` inside ``root``; refuses links or ``..`` leading outside."""
    root = _abs(root)
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not rel.endswith(".yaml"):
        raise JurnalGagal(
            f"jalur '{rel}' tidak sah untuk ditulis impor",
            f"the path '{rel}' is not one an import may write",
        )
    try:
        return fileio.contained(root / rel, root)
    except fileio.OutsideFolderError as exc:
        raise JurnalGagal(
            f"{rel}: jalur nyatanya di luar repositori (tautan simbolik?); impor tidak menulis "
            "ke luar folder model",
            f"{rel}: its real path is outside the repository (a symbolic link?); an import "
            "never writes outside the model folder",
        ) from exc


def _mkdir(folder: Path, root: Path) -> None:
    if not fileio.is_inside(folder, root):
        raise JurnalGagal(f"{folder}: di luar repositori", f"{folder}: outside the repository")
    folder.mkdir(parents=True, exist_ok=True)
    if not fileio.is_inside(folder, root):  # a link planted while creating
        raise JurnalGagal(f"{folder}: di luar repositori", f"{folder}: outside the repository")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def periksa(root: Path, rels: list[str]) -> None:
    """Refuse before anything is written when a target (or the journal) leaves ``root``."""
    root = _abs(root)
    for rel in [*rels]:
        _target(root, rel)
    journal = root / JURNAL
    if not fileio.is_inside(journal.parent, root) and journal.parent.exists():
        raise JurnalGagal(
            ".spbe/survei berada di luar repositori (tautan simbolik?); impor tidak menulis ke "
            "luar folder model",
            ".spbe/survei is outside the repository (a symbolic link?); an import never writes "
            "outside the model folder",
        )


def tulis_semua(root: Path, texts: dict[str, str], terakhir: str | None = None) -> list[str]:
    """Write every file of ``texts`` (relative POSIX path → text), ``terakhir`` last."""
    root = _abs(root)
    order = sorted(r for r in texts if r != terakhir) + ([terakhir] if terakhir in texts else [])
    targets = {rel: _target(root, rel) for rel in order}
    entries: list[dict[str, Any]] = []
    for rel in order:
        before = _read(targets[rel])
        entries.append(
            {"berkas": rel, "sebelum": _sha(before) if before is not None else None,
             "isi": texts[rel]}
        )  # fmt: skip
    journal = root / JURNAL
    _mkdir(journal.parent, root)
    payload = json.dumps({"versi": 1, "berkas": entries}, ensure_ascii=False)
    fileio.write_atomic(journal, payload, durable=True, root=root)
    _jalankan(root, entries)
    fileio.remove_inside(journal, root)
    return order


def _jalankan(root: Path, entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        rel = entry["berkas"]
        target = _target(root, rel)
        data = entry["isi"].encode("utf-8")
        current = _read(target)
        if current is not None and _sha(current) == _sha(data):
            continue
        expected = entry["sebelum"]
        if (current is None and expected is not None) or (
            current is not None and _sha(current) != expected
        ):
            raise JurnalGagal(
                f"{rel} diubah sejak impor yang terputus; jurnal {JURNAL} tidak diselesaikan. "
                "Periksa berkas itu, lalu hapus jurnalnya",
                f"{rel} changed since the interrupted import; the journal {JURNAL} is not "
                "completed. Check that file, then delete the journal",
            )
        _mkdir(target.parent, root)
        fileio.write_atomic(target, data, durable=True, root=root)


def _bersihkan_tmp(root: Path, entries: list[dict[str, Any]]) -> int:
    removed = 0
    for rel in [*(e["berkas"] for e in entries), str(JURNAL)]:
        target = root / rel
        folder = target.parent
        if not folder.is_dir() or not fileio.is_inside(folder, root):
            continue
        for leftover in folder.glob(f".{target.name}.*.tmp"):
            if fileio.remove_inside(leftover, root):
                removed += 1
    return removed


def pulihkan(root: Path) -> tuple[str, str] | None:
    """Complete an import a crash interrupted; (message id, message en), or None."""
    root = _abs(root)
    journal = root / JURNAL
    if not journal.exists() and not journal.is_symlink():
        return None
    if not fileio.is_inside(journal, root):
        raise JurnalGagal(
            f"{JURNAL} menunjuk ke luar repositori; hapus tautan itu",
            f"{JURNAL} points outside the repository; delete that link",
        )
    try:
        if journal.stat().st_size > JURNAL_MAKS:
            raise ValueError("too large")
        data = json.loads(journal.read_text(encoding="utf-8"))
        entries = data["berkas"]
        if data.get("versi") != 1 or not isinstance(entries, list):
            raise ValueError("version")
        for entry in entries:
            if not (
                isinstance(entry, dict)
                and isinstance(entry.get("berkas"), str)
                and isinstance(entry.get("isi"), str)
                and (entry.get("sebelum") is None or isinstance(entry.get("sebelum"), str))
            ):
                raise ValueError("entry")
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise JurnalGagal(
            f"jurnal impor {JURNAL} rusak ({exc}); periksa `git status`, lalu hapus jurnalnya",
            f"the import journal {JURNAL} is broken ({exc}); check `git status`, then delete it",
        ) from exc
    _jalankan(root, entries)
    _bersihkan_tmp(root, entries)
    fileio.remove_inside(journal, root)
    names = ", ".join(e["berkas"] for e in entries)
    return (
        f"impor yang terputus sebelumnya diselesaikan: {names}",
        f"an interrupted earlier import was completed: {names}",
    )


def ada(root: Path) -> bool:
    """Whether an interrupted import's journal is waiting."""
    return os.path.lexists(root / JURNAL)
