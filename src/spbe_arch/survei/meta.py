"""What generate and import agree on: sheet names, ``_meta`` keys, the model-state hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from spbe_arch.load.discover import CONFIG_NAME, discover

SAMPUL = "Petunjuk"
"""The cover sheet, first in the workbook."""
META = "_meta"
"""Hidden sheet: form version, Pemda, OPD, generation time, model hash, the kinds asked."""
DAFTAR = "_daftar"
"""Hidden sheet: lists too long for an inline dropdown, referenced by range."""

K_VERSI = "versi_formulir"
K_PEMDA = "pemda"
K_OPD = "opd"
K_OPD_NAMA = "opd_nama"
K_DIBUAT = "dibuat"
K_HASH = "hash_model"
K_JENIS = "jenis"
K_TENGGAT = "tenggat"

BARIS_TAMBAHAN = 200
"""Empty rows below the pre-filled ones that carry the dropdowns and are unlocked."""


def hash_model(root: Path) -> str:
    """sha256 of the model state: every model file's relative path and bytes, in order."""
    digest = hashlib.sha256()
    for rel in [CONFIG_NAME, *discover(root).files]:
        path = root / rel
        if not path.is_file():
            continue
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    """sha256 of a file's bytes (the receipt of a returned workbook)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def nama_berkas(opd_id: str) -> str:
    """The file name of an OPD's workbook."""
    return f"survei-spbe-{opd_id}.xlsx"
