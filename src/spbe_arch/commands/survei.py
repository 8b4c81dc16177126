"""``spbe-arch survey``: Excel forms to every OPD and back (generate, import, status)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from spbe_arch.commands._shared import tr, usage_error
from spbe_arch.load import ModelRepositoryError


def _tanggal(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            tr(f"tanggal ditulis YYYY-MM-DD, bukan '{text}'", f"a date is YYYY-MM-DD, not '{text}'")
        ) from exc


def _generate(args: argparse.Namespace) -> int:
    from spbe_arch.survei.generate import generate

    try:
        files = generate(args.path, args.out, opd=args.opd or (), tenggat=args.tenggat)
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    except KeyError as exc:
        print(
            f"spbe-arch: {tr('OPD tidak dikenal', 'unknown OPD')}: {exc.args[0]}", file=sys.stderr
        )
        return 2
    for file in files:
        print(file)
    return 0


def _import(args: argparse.Namespace) -> int:
    from spbe_arch.survei.impor import impor

    try:
        result = impor(args.path, args.berkas, dry_run=args.dry_run, hapus=args.hapus)
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    for refused in result.ditolak:
        print(f"{tr('ditolak', 'refused')}: {refused.text(args.lang)}", file=sys.stderr)
    for finding in result.temuan:
        print(finding.text(args.lang))
    if args.dry_run:
        sys.stdout.write(result.diff)
    en = args.lang == "en"
    verb = (
        ("would change" if args.dry_run else "changed")
        if en
        else ("akan diubah" if args.dry_run else "diubah")
    )
    summary = (
        f"{result.baru} new, {result.diubah} updated, {result.dihapus} removed; {verb}: "
        if en
        else f"{result.baru} baru, {result.diubah} diperbarui, {result.dihapus} dihapus; {verb}: "
    )
    files = sorted({line[6:] for line in result.diff.splitlines() if line.startswith("+++ b/")})
    print(summary + (", ".join(files) or "-"))
    return 1 if result.gagal else 0


def _status(args: argparse.Namespace) -> int:
    from spbe_arch.survei.status import format_markdown, format_teks, hitung_status, tulis_xlsx

    try:
        status = hitung_status(args.path)
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    if args.format == "xlsx":
        if not args.out:
            print(
                tr("spbe-arch: --format xlsx memerlukan --out BERKAS.xlsx",
                   "spbe-arch: --format xlsx needs --out FILE.xlsx"),
                file=sys.stderr,
            )  # fmt: skip
            return 2
        tulis_xlsx(status, args.out, args.lang)
        return 0
    text = (format_markdown if args.format == "markdown" else format_teks)(status, args.lang)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


def register(sub: Any) -> None:
    """Add ``survey`` with its sub-commands generate, import, status."""
    survey = sub.add_parser("survey", help="formulir Excel survei OPD: buat, impor, status")
    inner = survey.add_subparsers(dest="survey_command", required=True, metavar="PERINTAH")

    gen = inner.add_parser("generate", help="buat satu buku kerja .xlsx per OPD")
    gen.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    gen.add_argument("--out", required=True, help="folder tujuan buku kerja")
    gen.add_argument("--opd", action="append", help="hanya OPD ini (boleh berulang)")
    gen.add_argument("--tenggat", type=_tanggal, help="tenggat YYYY-MM-DD (bawaan: spbe.yaml)")
    gen.set_defaults(func=_generate)

    imp = inner.add_parser("import", help="impor buku kerja yang dikembalikan OPD")
    imp.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    imp.add_argument("berkas", nargs="+", metavar="BERKAS.xlsx", help="buku kerja yang diimpor")
    imp.add_argument(
        "--dry-run", action="store_true", help="tampilkan perubahan tanpa menulis apa pun"
    )
    imp.add_argument(
        "--hapus", action="store_true", help="hapus elemen yang tidak lagi tercantum di lembarnya"
    )
    imp.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan")
    imp.set_defaults(func=_import)

    st = inner.add_parser("status", help="tabel status survei per OPD")
    st.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    st.add_argument("--format", choices=("text", "markdown", "xlsx"), default="text")
    st.add_argument("--out", help="tulis ke berkas ini")
    st.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa")
    st.set_defaults(func=_status)
