"""``python -m spbe_arch.schema [--write | --check | --config]``: print, refresh or check."""

from __future__ import annotations

import argparse
import sys

from spbe_arch.schema import schema_text, stale_files, write_files


def main(argv: list[str] | None = None) -> int:
    """Print the model-file schema, or write/check the shipped files; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m spbe_arch.schema", description=__doc__)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="refresh the shipped schema files")
    group.add_argument("--check", action="store_true", help="exit 1 when they are stale")
    group.add_argument("--config", action="store_true", help="print the spbe.yaml schema")
    args = parser.parse_args(argv)
    if args.write:
        for path in write_files():
            print(f"ditulis: {path}")
        return 0
    if args.check:
        stale = stale_files()
        for path in stale:
            print(
                f"{path} usang (stale); jalankan: python -m spbe_arch.schema --write",
                file=sys.stderr,
            )
        return 1 if stale else 0
    sys.stdout.write(schema_text("config" if args.config else "model"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
