"""``spbe-arch init``: start a new model repository from a commented skeleton."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from spbe_arch.fileio import write_atomic

_SPBE = """\
# Repositori model Arsitektur SPBE {nama}.
# Dokumen rujukan: docs/model.md (semua kunci), docs/rules.md (semua aturan).
# Periksa dengan: spbe-arch check {folder}
spbe_arch: 1
pemda:
  nama: {nama}
  jenis: {jenis}
periode:
  mulai: {mulai}
  selesai: {selesai}
rpjmd:
  mulai: {mulai}
  selesai: {selesai}
katalog: "{katalog}"
"""

_OPD = """\
# Satu folder per Perangkat Daerah: OPD ini memiliki berkasnya sendiri di git.
perangkat_daerah:
  - id: {opd}
    nama: {opd_nama}
    tipe: dinas
"""

_PB = """\
# Semua elemen di berkas ini dimiliki OPD berikut (kecuali elemen yang menulis `opd:` sendiri).
opd: {opd}
proses_bisnis:
  - id: DAB-{opd}-01
    nama: Contoh proses bisnis (ganti)
    referensi: RAB.09.03.04  # Pengelolaan Data Statistik; lihat: spbe-arch katalog RAB.09.03
"""


def _cmd_init(args: argparse.Namespace) -> int:
    root = Path(args.path)
    en = getattr(args, "lang", "id") == "en"
    if (root / "spbe.yaml").exists():
        print(
            f"spbe-arch: {root / 'spbe.yaml'} "
            + (
                "already exists; nothing was overwritten"
                if en
                else "sudah ada; tidak ada yang ditimpa"
            ),
            file=sys.stderr,
        )
        return 2
    match = re.fullmatch(r"(\d{4})-(\d{4})", args.periode)
    if match is None or int(match[2]) < int(match[1]):
        print(
            "spbe-arch: --periode is written YYYY-YYYY, e.g. 2025-2029"
            if en
            else "spbe-arch: --periode ditulis TTTT-TTTT, mis. 2025-2029",
            file=sys.stderr,
        )
        return 2
    if args.katalog is None:  # resolved here: reading the catalogue list slows every command
        from spbe_arch.referensi import available_versions

        args.katalog = available_versions()[-1]
    opd = args.opd.upper()
    files = {
        "spbe.yaml": _SPBE.format(nama=args.nama, jenis=args.jenis, mulai=match[1],
                                  selesai=match[2], katalog=args.katalog, folder=root),
        f"{opd.lower()}/opd.yaml": _OPD.format(opd=opd, opd_nama=args.opd_nama),
        f"{opd.lower()}/proses-bisnis.yaml": _PB.format(opd=opd),
    }  # fmt: skip
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            write_atomic(target, text)
            print(f"{'created' if en else 'dibuat'}: {target}")
    return 0


def register(sub: Any) -> None:
    """Add ``spbe-arch init``."""
    parser = sub.add_parser("init", help="membuat kerangka repositori model baru")
    parser.add_argument("path", help="folder repositori baru")
    parser.add_argument("--nama", required=True, help="nama Pemda, mis. 'Pemerintah Kota Contoh'")
    parser.add_argument("--jenis", choices=("provinsi", "kabupaten", "kota"), default="kabupaten")
    parser.add_argument("--periode", default="2025-2029", help="periode arsitektur, TTTT-TTTT")
    parser.add_argument("--katalog", help="versi katalog (bawaan: yang terbaru)")
    parser.add_argument("--opd", default="DISKOMINFO", help="id OPD pertama")
    parser.add_argument(
        "--opd-nama", default="Dinas Komunikasi dan Informatika", help="nama OPD pertama"
    )
    parser.set_defaults(func=_cmd_init)
