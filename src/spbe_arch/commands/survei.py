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
    from spbe_arch import fileio
    from spbe_arch.survei.generate import buat_semua
    from spbe_arch.survei.tanda import KunciGagal

    en = args.lang == "en"
    try:
        result = buat_semua(
            args.path, args.out, opd=args.opd or (), tenggat=args.tenggat, kunci=args.kunci
        )
    except (ModelRepositoryError, KunciGagal) as exc:
        return usage_error(exc, args.lang)
    except fileio.OutsideFolderError as exc:
        print(
            f"spbe-arch: {exc.path}: "
            + ("outside the output folder (a symbolic link?)" if en else
               "di luar folder keluaran (tautan simbolik?)"),
            file=sys.stderr,
        )  # fmt: skip
        return 2
    except KeyError as exc:
        label = "unknown OPD" if en else "OPD tidak dikenal"
        print(f"spbe-arch: {label}: {exc.args[0]}", file=sys.stderr)
        return 2
    if result.kunci_baru:
        print(
            (
                f"spbe-arch: a new survey key was made at {result.kunci} (mode 0600). Keep it "
                "and back it up outside the repository: returned forms can be imported only "
                "with it."
            )
            if en
            else (
                f"spbe-arch: kunci survei baru dibuat di {result.kunci} (mode 0600). Simpan dan "
                "cadangkan di luar repositori: formulir yang kembali hanya dapat diimpor "
                "dengan kunci ini."
            ),
            file=sys.stderr,
        )
    for pesan, pesan_en in result.peringatan:
        label = "warning" if en else "peringatan"
        print(f"{label}: {pesan_en if en else pesan}", file=sys.stderr)
    for file in result.berkas:
        print(file)
    return 0


def _import(args: argparse.Namespace) -> int:
    from spbe_arch.survei.impor import impor
    from spbe_arch.survei.jurnal import JurnalGagal
    from spbe_arch.survei.tanda import KunciGagal

    en = args.lang == "en"
    try:
        result = impor(
            args.path,
            args.berkas,
            dry_run=args.dry_run,
            hapus=args.hapus,
            kunci=args.kunci,
            tanpa_tanda_tangan=args.tanpa_tanda_tangan,
            dari=args.dari,
        )
    except (ModelRepositoryError, KunciGagal, JurnalGagal) as exc:
        return usage_error(exc, args.lang)
    if result.pulih is not None:
        print(result.pulih[1] if en else result.pulih[0], file=sys.stderr)
    for refused in result.ditolak:
        print(f"{'refused' if en else 'ditolak'}: {refused.text(args.lang)}", file=sys.stderr)
    for finding in result.temuan:
        print(finding.text(args.lang))
    if args.dry_run:
        sys.stdout.write(result.diff)
    for item in result.ringkasan:
        print(_ringkasan(item, en))
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


def _ringkasan(item: Any, en: bool) -> str:
    if item.sudah:
        return (
            f"{item.opd} ← {item.berkas}: already imported, nothing changed"
            if en
            else f"{item.opd} ← {item.berkas}: sudah pernah diimpor, tidak ada yang diubah"
        )
    if en:
        return (
            f"{item.opd} ← {item.berkas}: {item.baru} new, {item.diubah} updated, "
            f"{item.dihapus} removed, {item.ditolak} rows not imported; {item.masalah} problems "
            f"(errors and warnings) on {item.opd}'s elements, as `survey status` counts them"
        )
    return (
        f"{item.opd} ← {item.berkas}: {item.baru} baru, {item.diubah} diperbarui, "
        f"{item.dihapus} dihapus, {item.ditolak} baris tidak diimpor; {item.masalah} masalah "
        f"(galat dan peringatan) pada elemen {item.opd}, sama dengan hitungan `survey status`"
    )


def _status(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from spbe_arch import fileio
    from spbe_arch.survei.status import format_markdown, format_teks, hitung_status, xlsx_bytes

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
        out = Path(os.path.abspath(args.out))
        fileio.write_atomic(out, xlsx_bytes(status, args.lang), root=out.parent)
        return 0
    text = (format_markdown if args.format == "markdown" else format_teks)(status, args.lang)
    if args.out:
        out = Path(os.path.abspath(args.out))
        fileio.write_atomic(out, text, root=out.parent)
    else:
        sys.stdout.write(text)
    return 0


_KUNCI_HELP = (
    "berkas kunci survei, di luar repositori (bawaan: $SPBE_ARCH_KUNCI, lalu "
    "~/.config/spbe-arch/kunci-survei)"
)


def register(sub: Any) -> None:
    """Add ``survey`` with its sub-commands generate, import, status."""
    survey = sub.add_parser("survey", help="formulir Excel survei OPD: buat, impor, status")
    inner = survey.add_subparsers(dest="survey_command", required=True, metavar="PERINTAH")

    gen = inner.add_parser("generate", help="buat satu buku kerja .xlsx per OPD")
    gen.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    gen.add_argument("--out", required=True, help="folder tujuan buku kerja")
    gen.add_argument("--opd", action="append", help="hanya OPD ini (boleh berulang)")
    gen.add_argument("--tenggat", type=_tanggal, help="tenggat YYYY-MM-DD (bawaan: spbe.yaml)")
    gen.add_argument("--kunci", metavar="BERKAS", help=_KUNCI_HELP)
    gen.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan")
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
    imp.add_argument("--kunci", metavar="BERKAS", help=_KUNCI_HELP)
    imp.add_argument(
        "--tanpa-tanda-tangan",
        action="store_true",
        help="terima formulir tanpa tanda tangan (hanya bila pengirimnya sudah dipastikan)",
    )
    imp.add_argument("--dari", metavar="OPD", help="OPD pengirim; formulir OPD lain ditolak")
    imp.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan")
    imp.set_defaults(func=_import)

    st = inner.add_parser("status", help="tabel status survei per OPD")
    st.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    st.add_argument("--format", choices=("text", "markdown", "xlsx"), default="text")
    st.add_argument("--out", help="tulis ke berkas ini")
    st.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa")
    st.set_defaults(func=_status)
