"""``spbe-arch nasional``: the national report of applications many bodies build separately."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from spbe_arch.commands._shared import EXIT_OK, at_least, usage_error


def register(sub: Any) -> None:
    """Add the ``nasional`` sub-command."""
    parser = sub.add_parser(
        "nasional",
        help="laporan nasional: aplikasi yang dibangun sendiri oleh banyak instansi",
        description="Memeriksa semua repositori model di bawah FOLDER (paralel, dengan cache) "
        "dan mengelompokkan aplikasi buatan Pemda (asal: pemda) yang melayani fungsi yang "
        "sama: kandidat Aplikasi Umum, atau kandidat migrasi bila Aplikasi Umumnya sudah ada. "
        "Kode keluar: 0 laporan dibuat; 2 salah pemakaian (tidak ada repositori).",
    )
    parser.add_argument("path", metavar="FOLDER", help="folder berisi banyak repositori model")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument(
        "--min-instansi",
        type=at_least(1),
        default=3,
        metavar="N",
        help="hanya kelompok yang dibangun oleh paling sedikit N instansi (bawaan 3)",
    )
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument(
        "--cache", metavar="FOLDER", help="folder cache (bawaan: FOLDER/.spbe-cache)"
    )
    parser.add_argument("--no-cache", action="store_true", help="tanpa cache")
    parser.add_argument("--jobs", type=int, default=None, metavar="N", help="proses paralel")
    parser.set_defaults(func=_cmd_nasional)


def _cmd_nasional(args: argparse.Namespace) -> int:
    from spbe_arch.load import ModelRepositoryError
    from spbe_arch.nasional import check_many
    from spbe_arch.nasional.duplikat import find_duplicates
    from spbe_arch.nasional.laporan import render_json, render_markdown, render_text

    cache = False if args.no_cache else (args.cache or True)
    try:
        result = check_many(args.path, jobs=args.jobs, cache=cache)
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    repos = result.repositories
    groups = find_duplicates(repos, min_instansi=args.min_instansi)
    if args.format == "json":
        sys.stdout.write(render_json(repos, groups, args.min_instansi))
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(repos, groups, args.min_instansi, args.lang))
    else:
        sys.stdout.write(render_text(repos, groups, args.min_instansi, args.lang))
    return EXIT_OK
