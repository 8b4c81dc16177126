"""``spbe-arch publish``: the Dokumen Arsitektur SPBE (HTML, PDF, DOCX) and the browsable site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from spbe_arch.commands._shared import ENGLISH, EXIT_OK, EXIT_PROBLEMS, usage_error

HELP = (
    "menerbitkan Dokumen Arsitektur SPBE dan Peta Rencana SPBE (HTML, PDF, DOCX) dan situs "
    "arsitektur"
)
DESCRIPTION = (
    "Menulis situs arsitektur (halaman per elemen, OPD, domain, butir Peta Rencana, pencarian) "
    "dan dokumen (dokumen.html, dokumen.pdf, dokumen.docx) ke folder --out. Kode keluar: 0 "
    "diterbitkan; 1 diterbitkan, tetapi model memiliki galat pemeriksaan; 2 salah pemakaian "
    "(tidak ada spbe.yaml, format tidak dikenal, Graphviz tidak terpasang)."
)
FORMAT_HELP = (
    "format dokumen: html, pdf, docx; boleh berulang (bawaan: ketiganya); situs selalu ditulis"
)
COMPARE_HELP = (
    "folder terbitan sebelumnya (mis. cabang dasar pull request): bagian dokumen yang berubah "
    "ditulis ke OUT/perubahan-dokumen.md"
)
LANG_HELP = "bahasa dokumen dan situs"
JOBS_HELP = "proses dot paralel (bawaan: inti)"

ENGLISH.update(
    {
        HELP: "publish the SPBE Architecture and Roadmap document (HTML, PDF, DOCX) and the "
        "architecture site",
        DESCRIPTION: "Write the architecture site (a page per element, OPD, domain, roadmap "
        "item, search) and the document (dokumen.html, dokumen.pdf, dokumen.docx) into the "
        "--out folder. Exit codes: 0 published; 1 published, but the model has check errors; 2 "
        "usage error (no spbe.yaml, unknown format, Graphviz not installed).",
        FORMAT_HELP: "document format: html, pdf, docx; may be repeated (default: all three); "
        "the site is always written",
        COMPARE_HELP: "folder of an earlier publication (e.g. a pull request's base branch): the "
        "document's changed sections go to OUT/perubahan-dokumen.md",
        LANG_HELP: "language of the document and the site",
        JOBS_HELP: "parallel dot processes (default: the cores)",
        "FOLDER": "FOLDER",
    }
)
"""The English of this command's help texts (read by spbe_arch.commands._shared)."""


def register(sub: Any) -> None:
    """Add the ``publish`` sub-command."""
    cmd = sub.add_parser("publish", help=HELP, description=DESCRIPTION)
    cmd.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    cmd.add_argument("--out", required=True, help="folder keluaran (dibuat bila belum ada)")
    cmd.add_argument(
        "--format", action="append", choices=("html", "pdf", "docx"), metavar="FORMAT",
        help=FORMAT_HELP,
    )  # fmt: skip
    cmd.add_argument("--compare", metavar="FOLDER", help=COMPARE_HELP)
    cmd.add_argument("--lang", choices=("id", "en"), default="id", help=LANG_HELP)
    cmd.add_argument("--jobs", type=int, default=None, metavar="N", help=JOBS_HELP)
    cmd.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Publish; print where the files are."""
    from spbe_arch.load import ModelRepositoryError
    from spbe_arch.publish import FORMATS, PublishError, publish
    from spbe_arch.render import RenderError

    try:
        result = publish(
            args.path,
            args.out,
            lang=args.lang,
            formats=args.format or FORMATS,
            jobs=args.jobs,
            compare=args.compare,
        )
    except (ModelRepositoryError, PublishError, RenderError) as exc:
        return usage_error(exc, args.lang)
    en = args.lang == "en"
    docs = ", ".join(result.document) or "-"
    print(
        f"{result.pages} pages, {result.views} diagrams, {result.elements} elements "
        f"(version {result.version}); document: {docs}; open {Path(args.out) / 'index.html'}"
        if en
        else f"{result.pages} halaman, {result.views} diagram, {result.elements} elemen "
        f"(versi {result.version}); dokumen: {docs}; buka {Path(args.out) / 'index.html'}"
    )
    if result.errors:
        print(
            f"spbe-arch: {result.errors} check errors are listed in the document's annex C; "
            "run `spbe-arch check`"
            if en
            else f"spbe-arch: {result.errors} galat pemeriksaan tercantum di Lampiran C dokumen; "
            "jalankan `spbe-arch check`",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK
