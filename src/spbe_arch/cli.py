"""The ``spbe-arch`` command: parse arguments, call the core, format, choose the exit code."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from spbe_arch.commands._shared import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    at_least,
    exit_code,
    lang_of,
    set_lang,
    translate_parser,
    usage_error,
)
from spbe_arch.load import ModelRepositoryError
from spbe_arch.problems import summarize
from spbe_arch.version import __version__

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "at_least",
    "build_parser",
    "exit_code",
    "main",
]


def _note_ignored_cache(count: int, lang: str) -> None:
    """Say on stderr that cache records were refused (docs/security.md, "Cache")."""
    if lang == "en":
        note = (
            f"note: {count} cache record(s) ignored: not written by this user's spbe-arch "
            "(planted, copied from another machine, or edited); checked afresh"
        )
    else:
        note = (
            f"catatan: {count} catatan cache diabaikan: tidak ditulis spbe-arch pengguna ini "
            "(ditanam, disalin dari mesin lain, atau diubah); diperiksa ulang"
        )
    print(f"spbe-arch: {note}", file=sys.stderr)


def _cmd_check(args: argparse.Namespace) -> int:
    from spbe_arch.check import check
    from spbe_arch.nasional import check_many, is_collection, render_many
    from spbe_arch.report import FORMATS, choose_format, render

    fmt = choose_format(args.format)
    assert fmt in FORMATS
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    try:
        if is_collection(args.path):  # a folder of many repositories: checked together
            cache = False if args.no_cache else (args.cache or True)
            text = (args.lang, color) if fmt == "text" else None  # rendered by the workers
            many = check_many(args.path, jobs=args.jobs, cache=cache, digests=False, text=text)
            sys.stdout.write(render_many(fmt, many, lang=args.lang, color=color))
            if many.cache_ignored:
                _note_ignored_cache(many.cache_ignored, args.lang)
            # the counts of every repository (the workers may have sent the report, not problems)
            return exit_code(many.counts(), strict=args.strict)
        result = check(args.path)
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    sys.stdout.write(render(fmt, result, lang=args.lang, color=color))
    return exit_code(summarize(result.problems), strict=args.strict)


def _cmd_katalog(args: argparse.Namespace) -> int:
    from spbe_arch.referensi import KatalogError, counts_json, format_counts, load_katalog

    if args.kode:
        return _cmd_katalog_show(args)

    try:
        katalog = load_katalog(args.versi)
    except KatalogError as exc:
        return usage_error(exc, args.lang)
    if args.format == "json":
        print(json.dumps(counts_json(katalog), ensure_ascii=False, indent=2))
    else:
        print(format_counts(katalog, args.lang))
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    from spbe_arch.rules import load_plugins
    from spbe_arch.rules.docs import format_rules_list

    load_plugins()
    sys.stdout.write(format_rules_list(args.lang))
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace) -> int:
    from spbe_arch.rules import load_plugins
    from spbe_arch.rules.docs import explain

    load_plugins()
    text = explain(args.code, args.lang)
    if text is None:
        print(
            f"spbe-arch: unknown rule '{args.code}'; see `spbe-arch rules`"
            if args.lang == "en"
            else f"spbe-arch: aturan '{args.code}' tidak dikenal; lihat `spbe-arch rules`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    sys.stdout.write(text)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from spbe_arch.schema import schema_text

    sys.stdout.write(schema_text("config" if args.config else "model", args.lang))
    return EXIT_OK


def _cmd_katalog_show(args: argparse.Namespace) -> int:
    from spbe_arch.referensi import KatalogError, load_katalog, normalize_kode

    try:
        katalog = load_katalog(args.versi)
    except KatalogError as exc:
        print(f"spbe-arch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from spbe_arch.referensi.ringkasan import word

    en = args.lang == "en"
    hasil = normalize_kode(args.kode)
    if hasil.kode is None and not any(ch.isdigit() for ch in args.kode):
        from spbe_arch.referensi.cari import cari_json, format_cari  # a name, not a code

        text, found = format_cari(katalog, args.kode, args.lang)
        if args.format == "json":
            text = json.dumps(cari_json(katalog, args.kode), ensure_ascii=False, indent=2)
        print(text)
        return EXIT_OK if found else EXIT_PROBLEMS
    if hasil.kode is None or hasil.kode not in katalog:
        if en:
            reason = hasil.alasan_en or f"code '{hasil.kode}' is not in catalogue {katalog.versi}"
        else:
            reason = (
                hasil.alasan or f"kode '{hasil.kode}' tidak ada di katalog versi {katalog.versi}"
            )
        print(f"spbe-arch: {reason}", file=sys.stderr)
        return EXIT_PROBLEMS
    simpul = katalog[hasil.kode]
    keyakinan, induk, daun, anak, sumber, ya, tidak = (
        ("confidence", "parent", "leaf", "child", "source", "yes", "no")
        if en
        else ("keyakinan", "induk", "daun", "anak", "sumber", "ya", "tidak")
    )
    out = [
        f"{simpul.kode}  {simpul.nama}",
        f"  level: {simpul.level}",
        f"  {keyakinan}: {word(simpul.keyakinan, args.lang)}",
        f"  status: {word(simpul.status, args.lang)}",
    ]
    for anc in reversed(katalog.ancestors(simpul.kode)):
        out.append(f"  {induk}: {anc.kode}  {anc.nama}")
    children = katalog.children(simpul.kode)
    out.append(f"  {daun}: {ya if not children else tidak}")
    out.extend(f"  {anak}: {c.kode}  {c.nama}" for c in children)
    out.extend(f"  {sumber}: {s}" for s in simpul.sumber)
    print("\n".join(out))
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    from spbe_arch.fileio import OutsideFolderError
    from spbe_arch.render import RenderError, render_views

    try:
        target: Any = args.path
        if args.year is not None:  # the architecture as of one year (spbe_arch.roadmap.waktu)
            from spbe_arch.load import LoadResult, load
            from spbe_arch.roadmap.waktu import pada_tahun

            loaded = load(args.path)
            target = LoadResult(pada_tahun(loaded.model, args.year), loaded.problems)
        result = render_views(
            target,
            args.out,
            views=args.view,
            fmt=args.format,
            focus=args.focus,
            max_nodes=args.max_nodes,
            lang=args.lang,
            jobs=args.jobs,
            paper=args.paper,
            depth=None if args.depth == "all" else int(args.depth),
            year=args.year,
            origin=args.path,
        )
    except (ModelRepositoryError, RenderError) as exc:
        return usage_error(exc, args.lang)
    except OutsideFolderError as exc:
        print(
            f"spbe-arch: {exc.path}: leads outside the output folder {exc.root} (a symbolic "
            "link?); not written"
            if args.lang == "en"
            else f"spbe-arch: {exc.path}: mengarah ke luar folder keluaran {exc.root} (tautan "
            "simbolik?); tidak ditulis",
            file=sys.stderr,
        )
        return EXIT_USAGE
    en = args.lang == "en"
    for notice in result.notices:
        print(f"spbe-arch: {'notice' if en else 'catatan'}: {notice}", file=sys.stderr)
    for failure in result.failed:
        print(f"spbe-arch: dot: {failure}", file=sys.stderr)
    if result.refused:
        print(
            f"spbe-arch: {len(result.refused)} views too large were not drawn: "
            + ", ".join(result.refused)
            if en
            else f"spbe-arch: {len(result.refused)} view terlalu besar tidak digambar: "
            + ", ".join(result.refused),
            file=sys.stderr,
        )
    if result.problems or result.dangling:
        errors, dangling = len(result.problems), len(result.dangling)
        print(
            f"spbe-arch: {errors} load errors and {dangling} broken references: the diagrams "
            "are incomplete; run `spbe-arch check`"
            if en
            else f"spbe-arch: {errors} galat pemuatan dan {dangling} rujukan putus: diagram "
            "tidak lengkap; jalankan `spbe-arch check`",
            file=sys.stderr,
        )
    drawn, cached = result.rendered, result.cached
    print(
        f"{len(result.views)} views in {result.out} ({drawn} drawn, {cached} unchanged); "
        f"open {result.out / 'index.html'}"
        if en
        else f"{len(result.views)} diagram di {result.out} ({drawn} digambar, {cached} tidak "
        f"berubah); buka {result.out / 'index.html'}"
    )
    return EXIT_PROBLEMS if result.incomplete else EXIT_OK


def _add_render_parser(sub: Any) -> None:
    render = sub.add_parser(
        "render",
        help="menggambar diagram arsitektur (Graphviz) ke sebuah folder, dengan index.html",
        description="Menggambar semua view (atau yang disebut) ke folder --out. Kode keluar: "
        "0 berhasil; 1 model memiliki galat pemuatan atau rujukan putus (diagram tetap "
        "digambar, tetapi tidak lengkap); 2 salah pemakaian (tidak ada spbe.yaml, view atau "
        "--focus tidak dikenal, Graphviz tidak terpasang untuk format selain dot).",
    )
    render.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    render.add_argument("--out", required=True, help="folder keluaran (dibuat bila belum ada)")
    render.add_argument(
        "--view",
        action="append",
        metavar="NAMA",
        help="view yang digambar (nama seperti lapisan-dinkes atau nama bagian dari index.html, "
        "atau jenis: ringkasan, lapisan, opd, integrasi, infrastruktur, layanan, fokus, "
        "referensi); boleh berulang; bawaan: semua",
    )
    render.add_argument(
        "--format", choices=("svg", "png", "pdf", "dot"), default="svg", help="format berkas"
    )
    render.add_argument("--focus", metavar="ID", help="elemen untuk view fokus (analisis dampak)")
    render.add_argument(
        "--depth",
        default="1",
        choices=("1", "2", "3", "4", "all"),
        help="kedalaman relasi view fokus (bawaan 1; all = semua langkah)",
    )
    render.add_argument(
        "--paper",
        choices=("A4", "A3", "A1"),
        default="A3",
        help="kertas tujuan (lanskap/potret); view yang hurufnya akan < 6,5 pt dipecah (bawaan A3)",
    )
    render.add_argument(
        "--max-nodes",
        type=at_least(2),
        default=80,
        metavar="N",
        help="batas simpul per diagram; view yang lebih besar dipecah (bawaan 80)",
    )
    render.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa judul/legenda")
    render.add_argument(
        "--year",
        type=int,
        default=None,
        metavar="TAHUN",
        help="gambar arsitektur pada tahun itu (elemen dengan tahun_mulai/tahun_selesai, as-is: "
        "tahun sebelum periode, to-be: tahun terakhir periode)",
    )
    render.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="proses dot paralel (bawaan: jumlah inti)",
    )
    render.set_defaults(func=_cmd_render)


def build_parser(lang: str = "id") -> argparse.ArgumentParser:
    """The argument parser of ``spbe-arch`` (also used to document the commands), its texts
    in ``lang`` (:func:`~spbe_arch.commands._shared.translate_parser`)."""
    set_lang(lang)
    parser = argparse.ArgumentParser(
        prog="spbe-arch",
        description="Arsitektur SPBE dan Peta Rencana SPBE sebagai kode.",
    )
    parser.add_argument("--version", action="version", version=f"spbe-arch {__version__}")
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="bahasa pesan, juga sebelum perintah: spbe-arch --lang en check",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    check = sub.add_parser("check", help="memuat dan memeriksa repositori model")
    check.add_argument(
        "path",
        nargs="?",
        default=".",
        help="folder berisi spbe.yaml, atau folder berisi banyak repositori (diperiksa bersama)",
    )
    check.add_argument(
        "--cache",
        metavar="FOLDER",
        help="banyak repositori: folder cache hasil (bawaan: .spbe-cache di folder itu)",
    )
    check.add_argument("--no-cache", action="store_true", help="banyak repositori: tanpa cache")
    check.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="banyak repositori: proses paralel"
    )
    check.add_argument(
        "--format",
        choices=("auto", "text", "json", "github", "sarif", "junit"),
        default="auto",
        help="format laporan (auto: github di GitHub Actions, selain itu text)",
    )
    check.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan")
    check.add_argument("--strict", action="store_true", help="peringatan juga menggagalkan")
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="warna di terminal"
    )
    check.set_defaults(func=_cmd_check)

    katalog = sub.add_parser(
        "katalog", help="jumlah simpul katalog Referensi Arsitektur per level, atau satu kode"
    )
    katalog.add_argument(
        "kode", nargs="?", help="satu kode (induk, anak, sumber) atau kata dari nama simpul"
    )
    katalog.add_argument("--versi", default=None, help="versi katalog (bawaan: terbaru)")
    katalog.add_argument("--format", choices=("text", "json"), default="text")
    katalog.add_argument("--lang", choices=("id", "en"), default="id")
    katalog.set_defaults(func=_cmd_katalog)

    rules = sub.add_parser("rules", help="daftar semua aturan pemeriksaan")
    rules.add_argument("--lang", choices=("id", "en"), default="id")
    rules.set_defaults(func=_cmd_rules)

    explain = sub.add_parser("explain", help="dokumentasi satu aturan (kode atau nama)")
    explain.add_argument("code", metavar="KODE")
    explain.set_defaults(func=_cmd_explain)

    schema = sub.add_parser("schema", help="JSON Schema berkas model (untuk editor)")
    schema.add_argument("--config", action="store_true", help="skema spbe.yaml")
    schema.set_defaults(func=_cmd_schema)
    _add_render_parser(sub)
    _register_commands(sub)
    translate_parser(parser, lang)
    return parser


def _register_commands(sub: Any) -> None:
    """Let every module of :mod:`spbe_arch.commands` add its sub-commands."""
    import importlib
    import pkgutil

    from spbe_arch import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):  # shared helpers, not a command
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    lang = lang_of(words)
    parser = build_parser(lang)
    args = parser.parse_args(words)
    args.lang = lang  # `--lang en` before or after the command name: one language for the run
    try:
        code: int = args.func(args)
    except BrokenPipeError:
        # the reader went away (`spbe-arch gap | head`): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
