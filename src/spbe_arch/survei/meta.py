"""What generate and import agree on: sheet names, ``_meta`` keys, the model-state hash."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from spbe_arch import fileio
from spbe_arch.load.discover import CONFIG_NAME, discover
from spbe_arch.messages import LocalizedError

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
K_KUNCI = "kunci"
"""Public fingerprint of the key that signed the form (:func:`spbe_arch.survei.tanda.id_kunci`)."""
K_ELEMEN = "elemen"
"""One row per pre-filled element, ``kind:id`` (repeated key): what the form listed."""
K_TANDA = "tanda_tangan"
"""HMAC-SHA256 over every other entry, in order; always the last row."""

BARIS_MAKS = 10_000
"""Rows read per sheet: a value below this row is refused, never materialised."""
KOLOM_SISA = 40
"""Columns read beyond the form's own ones (an added column is reported, further ones counted)."""

BARIS_TAMBAHAN = 200
"""Empty rows below the pre-filled ones that carry the dropdowns and are unlocked."""


class Gagal(LocalizedError):
    """A survey operation that cannot go on; ``pesan``/``pesan_en`` say why and what to do."""

    def __init__(self, pesan: str, pesan_en: str) -> None:
        super().__init__(pesan, pesan_en)
        self.pesan = pesan
        self.pesan_en = pesan_en


def hash_model(root: Path) -> str:
    """sha256 of the model state: every model file's relative path and bytes, in order."""
    digest = hashlib.sha256()
    for rel in [CONFIG_NAME, *discover(root).files]:
        path = root / rel
        if not path.is_file() or not fileio.is_inside(path, root):
            continue
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    """sha256 of a file's bytes (the receipt of a returned workbook)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


_TIDAK_AMAN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def aman(text: str, limit: int = 200) -> str:
    """Text from outside (a workbook's file name) made safe to print or to store as a value:
    control, line-separator and bidi characters shown as ``?``, length capped."""
    clean = _TIDAK_AMAN.sub("?", text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def nama_berkas(opd_id: str) -> str:
    """The file name of an OPD's workbook."""
    return f"survei-spbe-{opd_id}.xlsx"
