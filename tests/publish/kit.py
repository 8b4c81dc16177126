"""Helpers of the publish tests: the example model's path, a hostile model, poppler's text."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "models" / "kabupaten-contoh"

HOSTILE_NAME = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
RTL = "\u202e"
HOSTILE_TYPST = '#panic("typst") $x$ ] [ *bold* @ref'
HOSTILE_URL = "javascript:alert(document.domain)"


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


HOSTILE_FILES = {
    "spbe.yaml": f"""\
spbe_arch: 1
pemda:
  nama: {q("Kabupaten " + HOSTILE_NAME)}
  jenis: kabupaten
periode:
  mulai: 2025
  selesai: 2029
katalog: "2022.1"
""",
    "opd/opd.yaml": f"""\
perangkat_daerah:
  - id: DISKOMINFO
    nama: {q("Dinas " + HOSTILE_NAME)}
    tipe: dinas
    unit_kerja:
      - id: DISKOMINFO-APTIKA
        nama: {q("Bidang " + RTL + "gnp.exe")}
""",
    "opd/aplikasi.yaml": f"""\
opd: DISKOMINFO
aplikasi:
  - id: DAA-EVIL-01
    nama: {q(HOSTILE_NAME)}
    uraian: {q("Uraian " + RTL + "fdp.exe dan " + HOSTILE_TYPST)}
    url: {q(HOSTILE_URL)}
    referensi: RAA.02.02
    status: as_is
  - id: DAA-RTL-02
    nama: {q("Aplikasi " + RTL + "txt.exe")}
    uraian: {q(HOSTILE_TYPST)}
    referensi: RAA.02.02
    status: as_is
    integrasi:
      - aplikasi: DAA-EVIL-01
""",
    "peta-rencana/peta-rencana.yaml": f"""\
opd: DISKOMINFO
peta_rencana:
  - id: PR-EVIL-01
    nama: {q(HOSTILE_TYPST)}
    muatan: aplikasi
    tahun_mulai: 2025
    tahun_selesai: 2026
    target:
      2025: {q(HOSTILE_NAME)}
    anggaran:
      2025: 1000000
    elemen_diubah: [DAA-EVIL-01]
""",
    "dokumen/latar-belakang.md": (
        f"Latar [klik ini]({HOSTILE_URL}) dan [resmi](https://example.go.id).\n\n"
        f"<script>alert(2)</script> {RTL}kiri\n"
    ),
}
"""A model whose names, descriptions and narrative carry markup, quotes, a ``javascript:`` URL,
right-to-left overrides and Typst markup."""


def write_files(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def pdftotext(pdf: Path) -> str:
    """The text of a PDF as poppler reads it."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
