"""``spbe-arch gap``: the as-is → to-be differences, domain by domain, and their roadmap items."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from spbe_arch.commands._shared import EXIT_OK, usage_error


def register(sub: Any) -> None:
    """Add the ``gap`` sub-command."""
    gap = sub.add_parser(
        "gap", help="analisis gap as-is -> to-be per domain dan butir Peta Rencana penghantarnya"
    )
    gap.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    gap.add_argument("--format", choices=("text", "json"), default="text")
    gap.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa laporan")
    gap.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the gap report; 0 when printed, 2 when the path is not a model repository."""
    from spbe_arch.load import ModelRepositoryError, load
    from spbe_arch.neutral import escape_json
    from spbe_arch.roadmap.gap import analisis_gap
    from spbe_arch.roadmap.teks import format_gap

    try:
        model = load(args.path).model
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    gap = analisis_gap(model)
    if args.format == "json":
        print(escape_json(json.dumps(gap.to_dict(), ensure_ascii=False, indent=2)))
    else:
        sys.stdout.write(format_gap(gap, args.lang))
    return EXIT_OK
