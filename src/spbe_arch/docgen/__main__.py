"""``python -m spbe_arch.docgen [--write | --check]``: print, refresh or check docs/model.md."""

from __future__ import annotations

import argparse
import sys

from spbe_arch.docgen import model_md_path, render_model_md, stale, write


def main(argv: list[str] | None = None) -> int:
    """Run the generator; returns the exit code (1 when ``--check`` finds the file stale)."""
    parser = argparse.ArgumentParser(prog="python -m spbe_arch.docgen", description=__doc__)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="refresh docs/model.md")
    group.add_argument("--check", action="store_true", help="exit 1 when docs/model.md is stale")
    args = parser.parse_args(argv)
    if args.write:
        print(f"ditulis: {write()}")
        return 0
    if args.check:
        if stale():
            print(
                f"{model_md_path()} usang (stale); jalankan: python -m spbe_arch.docgen --write",
                file=sys.stderr,
            )
            return 1
        return 0
    sys.stdout.write(render_model_md())
    return 0


if __name__ == "__main__":
    sys.exit(main())
