"""``spbe-arch publish``: the Dokumen Arsitektur SPBE (HTML, PDF, DOCX) and the browsable site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def register(sub: Any) -> None:
    """Add the ``publish`` sub-command."""
    cmd = sub.add_parser(
        "publish",
        help="menerbitkan Dokumen Arsitektur SPBE dan Peta Rencana SPBE (HTML, PDF, DOCX) dan "
        "situs arsitektur",
        description="Menulis situs arsitektur (halaman per elemen, OPD, domain, butir Peta "
        "Rencana, pencarian) dan dokumen (dokumen.html, dokumen.pdf, dokumen.docx) ke folder "
        "--out. Kode keluar: 0 diterbitkan; 1 diterbitkan, tetapi model memiliki galat "
        "pemeriksaan; 2 salah pemakaian (tidak ada spbe.yaml, format tidak dikenal, Graphviz "
        "tidak terpasang).",
    )
    cmd.add_argument("path", nargs="?", default=".", help="folder berisi spbe.yaml")
    cmd.add_argument("--out", required=True, help="folder keluaran (dibuat bila belum ada)")
    cmd.add_argument(
        "--format",
        action="append",
        choices=("html", "pdf", "docx"),
        metavar="FORMAT",
        help="format dokumen: html, pdf, docx; boleh berulang (bawaan: ketiganya); situs "
        "selalu ditulis",
    )
    cmd.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa dokumen dan situs")
    cmd.add_argument(
        "--compare",
        metavar="FOLDER",
        help="folder terbitan sebelumnya (mis. cabang dasar pull request): bagian dokumen yang "
        "berubah ditulis ke OUT/perubahan-dokumen.md",
    )
    cmd.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="proses dot paralel (bawaan: inti)"
    )
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
        print(f"spbe-arch: {exc}", file=sys.stderr)
        return EXIT_USAGE
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
