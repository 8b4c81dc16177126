"""``spbe-arch fmt [PATH ...] [--check]``: write model files in their canonical form."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from spbe_arch.exitcodes import EXIT_OK, EXIT_USAGE
from spbe_arch.exitcodes import EXIT_PROBLEMS as EXIT_CHANGES

ENGLISH_HELP = {
    "menulis berkas model dalam bentuk kanonis (urutan kunci, indentasi, kutip)": (
        "write model files in their canonical form (key order, indentation, quoting)"
    ),
    "Urutan kunci mengikuti metamodel, indentasi dua spasi, kutip hanya bila perlu, daftar id "
    "relasi diurutkan; komentar dan baris kosong dipertahankan. Berkas yang sudah kanonis tidak "
    "disentuh. Kode keluar: 0 berhasil (--check: semua sudah kanonis); 1 --check menemukan "
    "berkas yang akan diubah, atau ada berkas yang tidak dapat diformat; 2 salah pemakaian.": (
        "Key order from the metamodel, two-space indentation, quotes only where needed, relation "
        "id lists sorted; comments and blank lines kept. A file already canonical is not "
        "touched. Exit codes: 0 done (--check: all canonical); 1 --check found files it would "
        "change, or a file could not be formatted; 2 usage error."
    ),
    "folder berisi spbe.yaml (semua berkas modelnya) atau berkas YAML; bawaan: .": (
        "a folder holding spbe.yaml (all its model files) or YAML files; default: ."
    ),
    "hanya daftar berkas yang akan diubah; tidak menulis": (
        "only list the files that would change; write nothing"
    ),
}
"""English help of ``fmt`` (``--lang en``)."""


def register(sub: Any) -> None:
    """Add the ``fmt`` sub-command."""
    from spbe_arch.commands._shared import ENGLISH

    ENGLISH.update(ENGLISH_HELP)
    fmt = sub.add_parser(
        "fmt",
        help="menulis berkas model dalam bentuk kanonis (urutan kunci, indentasi, kutip)",
        description="Urutan kunci mengikuti metamodel, indentasi dua spasi, kutip hanya bila "
        "perlu, daftar id relasi diurutkan; komentar dan baris kosong dipertahankan. Berkas yang "
        "sudah kanonis tidak disentuh. Kode keluar: 0 berhasil (--check: semua sudah kanonis); "
        "1 --check menemukan berkas yang akan diubah, atau ada berkas yang tidak dapat "
        "diformat; 2 salah pemakaian.",
    )
    fmt.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="folder berisi spbe.yaml (semua berkas modelnya) atau berkas YAML; bawaan: .",
    )
    fmt.add_argument(
        "--check", action="store_true", help="hanya daftar berkas yang akan diubah; tidak menulis"
    )
    fmt.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan")
    fmt.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Format (or check) the paths; the exit code as documented in ``--help``."""
    from spbe_arch.fileio import OutsideFolderError
    from spbe_arch.fmt import format_paths
    from spbe_arch.load import ModelRepositoryError
    from spbe_arch.messages import error_text

    en = args.lang == "en"
    try:
        outcomes = format_paths(args.paths, check=args.check)
    except (ModelRepositoryError, OutsideFolderError) as exc:
        print(f"spbe-arch: {error_text(exc, args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    changed = 0
    for item in outcomes:
        if item.outcome == "error" and item.error is not None:
            failed += 1
            print(f"{item.path}:{item.error.text(args.lang)}", file=sys.stderr)
        elif item.outcome == "would_format":
            changed += 1
            print(item.path)
        elif item.outcome == "formatted":
            changed += 1
            print(f"{'formatted' if en else 'diformat'}: {item.path}")
    total = len(outcomes)
    if args.check:
        summary = (
            f"{changed} of {total} files would be reformatted"
            if en
            else f"{changed} dari {total} berkas akan diformat ulang"
        )
    else:
        summary = (
            f"{changed} of {total} files reformatted"
            if en
            else f"{changed} dari {total} berkas diformat ulang"
        )
    if failed:
        summary += f"; {failed} {'could not be formatted' if en else 'tidak dapat diformat'}"
    print(summary, file=sys.stderr)
    if failed or (args.check and changed):
        return EXIT_CHANGES
    return EXIT_OK
