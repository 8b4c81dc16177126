"""``spbe-arch evaluate``: self-assessed indicator levels, and the index of a levels file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from spbe_arch.commands._shared import EXIT_OK, usage_error


def register(sub: Any) -> None:
    """Add the ``evaluate`` sub-command."""
    cmd = sub.add_parser(
        "evaluate",
        help="penilaian mandiri indikator arsitektur/peta rencana, dan kalkulator indeks",
    )
    cmd.add_argument(
        "path", nargs="?", default=None, help="folder berisi spbe.yaml (bawaan: folder kerja)"
    )
    cmd.add_argument("--format", choices=("text", "json"), default="text")
    cmd.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa laporan")
    cmd.add_argument(
        "--indeks", metavar="FILE.yaml", default=None,
        help="berkas level indikator (rezim, indikator: {nomor: level}); hitung indeks "
        "dan predikat",
    )  # fmt: skip
    cmd.add_argument(
        "--rezim", choices=("5/2018", "59/2020", "8/2026"), default=None,
        help="rezim evaluasi (bawaan: yang berlaku pada --tahun; untuk --indeks: dari berkas)",
    )  # fmt: skip
    cmd.add_argument("--tahun", type=int, default=None, help="tahun evaluasi (bawaan: tahun ini)")
    cmd.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the self-assessment (with a model) and the index (with ``--indeks``)."""
    from spbe_arch.evaluasi.indeks import HasilIndeks, IndeksError, baca_level, hitung_indeks

    out: dict[str, Any] = {}
    texts: list[str] = []
    today = dt.date.today()
    tahun = args.tahun or today.year
    if args.path is not None or args.indeks is None:
        result = _penilaian(args, tahun, today, out, texts)
        if result != EXIT_OK:
            return result
    if args.indeks is not None:
        try:
            kode, file_year, level = baca_level(args.indeks, args.rezim)
            hasil: HasilIndeks = hitung_indeks(kode, level, file_year)
        except IndeksError as exc:
            return usage_error(exc, args.lang)
        from spbe_arch.evaluasi.teks import format_indeks

        out["indeks"] = hasil.to_dict()
        texts.append(format_indeks(hasil, args.lang))
    from spbe_arch.neutral import escape_json, neutralise_lines  # model values: inert

    if args.format == "json":
        print(escape_json(json.dumps(out, ensure_ascii=False, indent=2)))
    else:
        sys.stdout.write(neutralise_lines("\n".join(texts)))
    return EXIT_OK


def _penilaian(
    args: argparse.Namespace, tahun: int, today: dt.date, out: dict[str, Any], texts: list[str]
) -> int:
    from spbe_arch.check import check
    from spbe_arch.evaluasi.penilaian import nilai_mandiri
    from spbe_arch.evaluasi.teks import format_penilaian, format_riwayat
    from spbe_arch.load import ModelRepositoryError

    try:
        result = check(args.path or ".", today=today)
    except ModelRepositoryError as exc:
        return usage_error(exc, args.lang)
    hasil = nilai_mandiri(result, tahun, today, args.rezim)
    out["tahun"] = tahun
    out["penilaian_mandiri"] = [h.to_dict(args.lang) for h in hasil]
    texts.append(format_penilaian(hasil, tahun, args.lang))
    konf = result.model.konfigurasi
    if konf is not None and konf.riwayat_evaluasi:
        out["riwayat_evaluasi"] = [r.model_dump(mode="json") for r in konf.riwayat_evaluasi]
        texts.append(format_riwayat(konf.riwayat_evaluasi, args.lang))
    return EXIT_OK
