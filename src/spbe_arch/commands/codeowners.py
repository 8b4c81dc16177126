"""``spbe-arch codeowners``: write CODEOWNERS from the OPD folders and ``pemilik_berkas``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from spbe_arch.exitcodes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

ENGLISH_HELP = {
    "menulis CODEOWNERS (GitHub/GitLab) dari folder OPD dan pemilik_berkas di spbe.yaml": (
        "write CODEOWNERS (GitHub/GitLab) from the OPD folders and pemilik_berkas in spbe.yaml"
    ),
    "Setiap OPD memiliki folder berkas yang mendeklarasikannya; peninjau per OPD ditulis di "
    "spbe.yaml (pemilik_berkas). Tanpa --output, CODEOWNERS dicetak. Kode keluar: 0 berhasil; 1 "
    "pemilik_berkas menyebut OPD yang tidak ada atau tanpa folder; 2 salah pemakaian.": (
        "Each OPD owns the folder of the file that declares it; the reviewers of each OPD are "
        "listed in spbe.yaml (pemilik_berkas). Without --output, CODEOWNERS is printed. Exit "
        "codes: 0 done; 1 pemilik_berkas names an OPD that does not exist or has no folder; 2 "
        "usage error."
    ),
    "GitLab: satu bagian [OPD] per OPD": "GitLab: one [OPD] section per OPD",
    "tulis ke berkas ini (mis. CODEOWNERS atau .github/CODEOWNERS)": (
        "write to this file (CODEOWNERS or .github/CODEOWNERS)"
    ),
    "BERKAS": "FILE",
}
"""English help of ``codeowners`` (``--lang en``)."""


def register(sub: Any) -> None:
    """Add the ``codeowners`` sub-command."""
    from spbe_arch.commands._shared import ENGLISH

    ENGLISH.update(ENGLISH_HELP)
    cmd = sub.add_parser(
        "codeowners",
        help="menulis CODEOWNERS (GitHub/GitLab) dari folder OPD dan pemilik_berkas di spbe.yaml",
        description="Setiap OPD memiliki folder berkas yang mendeklarasikannya; peninjau per OPD "
        "ditulis di spbe.yaml (pemilik_berkas). Tanpa --output, CODEOWNERS dicetak. Kode keluar: "
        "0 berhasil; 1 pemilik_berkas menyebut OPD yang tidak ada atau tanpa folder; 2 salah "
        "pemakaian.",
    )
    cmd.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    cmd.add_argument("--syntax", choices=("github", "gitlab"), default="github")
    cmd.add_argument("--sections", action="store_true", help="GitLab: satu bagian [OPD] per OPD")
    cmd.add_argument(
        "--output",
        metavar="BERKAS",
        help="tulis ke berkas ini (mis. CODEOWNERS atau .github/CODEOWNERS)",
    )
    cmd.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan")
    cmd.set_defaults(func=run)


def _git_prefix(path: Path) -> str:
    """The model folder's path inside its git repository ("" when at the root or not in git)."""
    import subprocess

    try:
        done = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=path,
                              capture_output=True, text=True, check=False)  # fmt: skip
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def run(args: argparse.Namespace) -> int:
    """Print or write CODEOWNERS; report OPDs the mapping cannot place."""
    from spbe_arch.codeowners import build, render
    from spbe_arch.load import ModelRepositoryError, load

    en = args.lang == "en"
    try:
        loaded = load(args.path)
    except ModelRepositoryError as exc:
        print(f"spbe-arch: {exc.text(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    root = Path(args.path)
    if root.is_file():
        root = root.parent
    owners = build(loaded.model, _git_prefix(root) if root.is_dir() else "")
    text = render(owners, args.syntax, sections=args.sections, lang=args.lang)
    if args.output:
        from spbe_arch.fileio import write_atomic

        target = Path(args.output).absolute()
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text, root=target.parent)
        print(f"{'written' if en else 'ditulis'}: {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if owners.no_owner:
        n, listing = len(owners.no_owner), ", ".join(owners.no_owner)
        print(
            f"spbe-arch: note: {n} OPD folders have no reviewers in pemilik_berkas (the default "
            f"owners review them): {listing}"
            if en
            else f"spbe-arch: catatan: {n} folder OPD tanpa peninjau di pemilik_berkas (ditinjau "
            f"pemilik bawaan): {listing}",
            file=sys.stderr,
        )
    for opd in owners.unknown:
        print(
            f"spbe-arch: pemilik_berkas names '{opd}', which is not an OPD of the model"
            if en
            else f"spbe-arch: pemilik_berkas menyebut '{opd}', bukan OPD di model",
            file=sys.stderr,
        )
    for opd in owners.no_folder:
        print(
            f"spbe-arch: {opd} has no folder of its own (declared at the root or with other "
            "OPDs); its reviewers are not written"
            if en
            else f"spbe-arch: {opd} tidak memiliki folder sendiri (dideklarasikan di akar atau "
            "bersama OPD lain); peninjaunya tidak ditulis",
            file=sys.stderr,
        )
    return EXIT_PROBLEMS if owners.unknown or owners.no_folder else EXIT_OK
