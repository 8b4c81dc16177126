"""``spbe-arch timeline``: the Peta Rencana as a timeline (muatan × year) in DOT, SVG, PNG."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from spbe_arch.commands._shared import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, usage_error

NAME = "peta-rencana-linimasa"
"""The file name (without extension) of the timeline."""


def register(sub: Any) -> None:
    """Add the ``timeline`` sub-command."""
    cmd = sub.add_parser(
        "timeline", help="linimasa Peta Rencana (butir per muatan x tahun) ke SVG/PNG/DOT"
    )
    cmd.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    cmd.add_argument("-o", "--output", default="diagram", help="folder keluaran (bawaan: diagram)")
    cmd.add_argument(
        "--format", default="svg,png", help="dot, svg, png, dipisah koma (bawaan: svg,png)"
    )
    cmd.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa label")
    cmd.add_argument(
        "--gap",
        action="store_true",
        help="gambar juga view lapisan as-is dan to-be (subfolder as-is-TAHUN, to-be-TAHUN)",
    )
    cmd.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the timeline files; prints their paths."""
    from spbe_arch.fileio import OutsideFolderError, write_atomic
    from spbe_arch.load import ModelRepositoryError, load
    from spbe_arch.render.engine import INSTALL_HINT, INSTALL_HINT_EN, DotError, find_dot, run_dot
    from spbe_arch.roadmap.linimasa import linimasa_dot

    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    if not formats or any(f not in ("dot", "svg", "png") for f in formats):
        print(
            f"spbe-arch: unknown format '{args.format}'; use dot, svg, png"
            if args.lang == "en"
            else f"spbe-arch: format '{args.format}' tidak dikenal; pakai dot, svg, png",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        loaded = load(args.path)
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    source = linimasa_dot(loaded.model, args.lang)
    out = Path(os.path.abspath(args.output))  # fileio takes relative paths against root
    shown = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    dot = find_dot()
    if dot is None and any(f != "dot" for f in formats):
        print(
            f"spbe-arch: {INSTALL_HINT_EN if args.lang == 'en' else INSTALL_HINT}", file=sys.stderr
        )
        return EXIT_USAGE
    for fmt in formats:
        target = out / f"{NAME}.{fmt}"
        try:
            if fmt == "dot":
                write_atomic(target, source, durable=False, root=out)
            else:
                assert dot is not None
                write_atomic(target, run_dot(dot, source, fmt), durable=False, root=out)
        except DotError as exc:
            print(f"spbe-arch: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        except OutsideFolderError as exc:
            print(
                f"spbe-arch: {exc.path}: mengarah ke luar folder {exc.root} (tautan simbolik?); "
                "tidak ditulis",
                file=sys.stderr,
            )
            return EXIT_USAGE
        print(shown / target.name)
    if args.gap:
        from spbe_arch.roadmap.gambar import gambar_gap

        for folder in gambar_gap(loaded, out, formats, args.lang, origin=args.path):
            print(shown / folder.name / "index.html")
        print(shown / "gap-ringkasan.html")
    return EXIT_OK
