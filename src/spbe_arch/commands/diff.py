"""``spbe-arch diff [A] [B]``: the semantic difference of two versions of the architecture."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from spbe_arch.exitcodes import EXIT_OK, EXIT_USAGE
from spbe_arch.exitcodes import EXIT_PROBLEMS as EXIT_DIFFERENT

ENGLISH_HELP = {
    "perbedaan semantik arsitektur antara dua revisi git, dua folder, atau work tree dan HEAD": (
        "the semantic difference of the architecture between two git revisions, two folders, "
        "or the work tree and HEAD"
    ),
    "Tanpa argumen: work tree dibanding HEAD. Satu argumen: revisi (atau folder) itu dibanding "
    "work tree. Dua argumen: A dibanding B. Argumen berupa folder berisi spbe.yaml, atau revisi "
    "git (dibaca dengan git, tanpa checkout). Kode keluar: 0 berhasil (dengan --exit-code: tidak "
    "ada perbedaan); 1 ada perbedaan (--exit-code) atau galat baru (--fail-on-new-errors); 2 "
    "salah pemakaian.": (
        "No argument: the work tree against HEAD. One argument: that revision (or folder) "
        "against the work tree. Two arguments: A against B. An argument is a folder holding "
        "spbe.yaml, or a git revision (read with git, no checkout). Exit codes: 0 done (with "
        "--exit-code: no difference); 1 a difference (--exit-code) or new errors "
        "(--fail-on-new-errors); 2 usage error."
    ),
    "revisi atau folder lama (bawaan HEAD)": "old revision or folder (default HEAD)",
    "revisi atau folder baru (bawaan: work tree)": "new revision or folder (default: work tree)",
    "folder model di work tree (berisi spbe.yaml); revisi dibaca di tempat yang sama": (
        "the model folder in the work tree (holding spbe.yaml); revisions are read at the same "
        "place"
    ),
    "text (terminal), json (kontrak stabil), markdown (komentar pull request)": (
        "text (terminal), json (stable contract), markdown (pull request comment)"
    ),
    "keluar 1 bila ada perbedaan (seperti git diff)": "exit 1 when they differ (as git diff)",
    "keluar 1 bila sisi baru punya galat pemeriksaan yang tidak ada di sisi lama": (
        "exit 1 when the new side has check errors the old side does not have"
    ),
    "tulis laporan ke berkas ini (mis. komentar PR)": (
        "write the report to this file (a PR comment)"
    ),
    "BERKAS": "FILE",
}
"""English help of ``diff`` (``--lang en``; see :data:`spbe_arch.commands._shared.ENGLISH`)."""


def register(sub: Any) -> None:
    """Add the ``diff`` sub-command."""
    from spbe_arch.commands._shared import ENGLISH

    ENGLISH.update(ENGLISH_HELP)
    diff = sub.add_parser(
        "diff",
        help="perbedaan semantik arsitektur antara dua revisi git, dua folder, atau work tree "
        "dan HEAD",
        description="Tanpa argumen: work tree dibanding HEAD. Satu argumen: revisi (atau folder) "
        "itu dibanding work tree. Dua argumen: A dibanding B. Argumen berupa folder berisi "
        "spbe.yaml, atau revisi git (dibaca dengan git, tanpa checkout). Kode keluar: 0 "
        "berhasil (dengan --exit-code: tidak ada perbedaan); 1 ada perbedaan (--exit-code) atau "
        "galat baru (--fail-on-new-errors); 2 salah pemakaian.",
    )
    diff.add_argument("old", nargs="?", metavar="A", help="revisi atau folder lama (bawaan HEAD)")
    diff.add_argument(
        "new", nargs="?", metavar="B", help="revisi atau folder baru (bawaan: work tree)"
    )
    diff.add_argument(
        "--model",
        default=".",
        metavar="FOLDER",
        help="folder model di work tree (berisi spbe.yaml); revisi dibaca di tempat yang sama",
    )
    diff.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text",
        help="text (terminal), json (kontrak stabil), markdown (komentar pull request)",
    )  # fmt: skip
    diff.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa laporan")
    diff.add_argument(
        "--exit-code", action="store_true", help="keluar 1 bila ada perbedaan (seperti git diff)"
    )
    diff.add_argument(
        "--fail-on-new-errors",
        action="store_true",
        help="keluar 1 bila sisi baru punya galat pemeriksaan yang tidak ada di sisi lama",
    )
    diff.add_argument(
        "--output", metavar="BERKAS", help="tulis laporan ke berkas ini (mis. komentar PR)"
    )
    diff.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print (or write) the diff; the exit code as the options ask."""
    from spbe_arch.diff import diff_sides, side_for
    from spbe_arch.diff.report import FORMATTERS
    from spbe_arch.load import ModelRepositoryError

    en = args.lang == "en"
    model = Path(args.model)
    try:
        if args.old is None:
            old, new = (
                side_for("HEAD", model=model, default_worktree=True),
                side_for(None, model=model, default_worktree=True),
            )
        else:
            old = side_for(args.old, model=model, default_worktree=True)
            new = side_for(args.new, model=model, default_worktree=True)
        result = diff_sides(old, new, model)
    except ModelRepositoryError as exc:  # DiffSourceError too
        print(f"spbe-arch: {exc.text(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    text = FORMATTERS[args.format](result, args.lang)
    if args.output:
        from spbe_arch.fileio import write_atomic

        target = Path(args.output)
        write_atomic(target, text, root=target.absolute().parent)
        print(
            f"{'diff written to' if en else 'diff ditulis ke'} {target}",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    if args.fail_on_new_errors and result.new_errors():
        n = len(result.new_errors())
        print(
            f"spbe-arch: {n} new errors against {result.old_label}"
            if en
            else f"spbe-arch: {n} galat baru dibanding {result.old_label}",
            file=sys.stderr,
        )
        return EXIT_DIFFERENT
    if args.exit_code and result.changed():
        return EXIT_DIFFERENT
    return EXIT_OK
