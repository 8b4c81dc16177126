"""What the command line and every sub-command share: the language, option types, exit codes.

The parser is written in Bahasa Indonesia; under ``--lang en`` (anywhere on the command line,
read before parsing, see :func:`lang_of`) :func:`translate_parser` puts every help text,
description and metavar through :data:`ENGLISH`, and every command gets a ``--lang`` option
if it has none. A help text without an English entry stays Indonesian, which the test
that runs every command in English (tests/test_cli_english.py) catches.

This module imports nothing of the commands or of :mod:`spbe_arch.cli`, so both import it
without a cycle (a module whose name starts with ``_`` registers no sub-command).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence

from spbe_arch.exitcodes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from spbe_arch.messages import error_text

LANGS = ("id", "en")

_lang = ["id"]


def lang_of(argv: Sequence[str]) -> str:
    """The language a command line asks for: ``en`` for ``--lang en`` or ``--lang=en``.

    >>> lang_of(["check", ".", "--lang", "en"]), lang_of(["--lang=en", "rules"]), lang_of([])
    ('en', 'en', 'id')
    """
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.partition("=")[2] == "en" else "id"
    return "id"


def set_lang(lang: str) -> None:
    """Set the language of the parser's own messages (:func:`tr`, :func:`at_least`)."""
    _lang[0] = lang if lang in LANGS else "id"


def tr(text_id: str, text_en: str) -> str:
    """The text in the language of this command line.

    >>> set_lang("en"); tr("berkas", "file")
    'file'
    >>> set_lang("id"); tr("berkas", "file")
    'berkas'
    """
    return text_en if _lang[0] == "en" else text_id


def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``.

    >>> at_least(2)("3")
    3
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                tr(f"bukan bilangan bulat: {text!r}", f"not a whole number: {text!r}")
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(tr(f"paling sedikit {minimum}", f"at least {minimum}"))
        return value

    return parse


def exit_code(counts: Mapping[str, int], *, strict: bool = False) -> int:
    """0 when nothing fails, 1 for errors (or warnings with ``--strict``), from the counts of
    problems per severity (:func:`~spbe_arch.problems.summarize`).

    >>> exit_code({"error": 0, "warning": 2}), exit_code({"error": 0, "warning": 2}, strict=True)
    (0, 1)
    """
    if counts["error"] or (strict and counts["warning"]):
        return EXIT_PROBLEMS
    return EXIT_OK


def usage_error(error: BaseException, lang: str = "id") -> int:
    """Print ``spbe-arch: <message>`` (in ``lang``) to standard error; returns exit code 2."""
    import sys

    print(f"spbe-arch: {error_text(error, lang)}", file=sys.stderr)
    return EXIT_USAGE


ENGLISH: dict[str, str] = {
    # the command line and its core commands (spbe_arch.cli)
    "Arsitektur SPBE dan Peta Rencana SPBE sebagai kode.": (
        "SPBE Architecture (Arsitektur SPBE) and SPBE Roadmap (Peta Rencana SPBE) as code."
    ),
    "PERINTAH": "COMMAND",
    "memuat dan memeriksa repositori model": "load and check a model repository",
    "jumlah simpul katalog Referensi Arsitektur per level, atau satu kode": (
        "count the reference architecture catalogue's nodes per level, or show one code"
    ),
    "daftar semua aturan pemeriksaan": "list every check rule",
    "dokumentasi satu aturan (kode atau nama)": "the documentation of one rule (code or name)",
    "JSON Schema berkas model (untuk editor)": "JSON Schema of the model files (for editors)",
    "menggambar diagram arsitektur (Graphviz) ke sebuah folder, dengan index.html": (
        "draw the architecture diagrams (Graphviz) into a folder, with index.html"
    ),
    "folder berisi spbe.yaml, atau folder berisi banyak repositori (diperiksa bersama)": (
        "folder holding spbe.yaml, or a folder of many repositories (checked together)"
    ),
    "banyak repositori: folder cache hasil (bawaan: .spbe-cache di folder itu)": (
        "many repositories: the result cache folder (default: .spbe-cache in that folder)"
    ),
    "banyak repositori: tanpa cache": "many repositories: no cache",
    "banyak repositori: proses paralel": "many repositories: parallel processes",
    "format laporan (auto: github di GitHub Actions, selain itu text)": (
        "report format (auto: github inside GitHub Actions, text otherwise)"
    ),
    "bahasa pesan": "message language",
    "bahasa pesan, juga sebelum perintah: spbe-arch --lang en check": (
        "message language, also before the command: spbe-arch --lang en check"
    ),
    "peringatan juga menggagalkan": "warnings fail the run too",
    "warna di terminal": "colour on a terminal",
    "satu kode (induk, anak, sumber) atau kata dari nama simpul": (
        "one code (parents, children, sources) or words of a node name"
    ),
    "versi katalog (bawaan: terbaru)": "catalogue version (default: the newest)",
    "KODE": "CODE",
    "skema spbe.yaml": "the schema of spbe.yaml",
    "Menggambar semua view (atau yang disebut) ke folder --out. Kode keluar: 0 berhasil; 1 "
    "model memiliki galat pemuatan atau rujukan putus (diagram tetap digambar, tetapi tidak "
    "lengkap); 2 salah pemakaian (tidak ada spbe.yaml, view atau --focus tidak dikenal, "
    "Graphviz tidak terpasang untuk format selain dot).": (
        "Draw every view (or the ones named) into the --out folder. Exit codes: 0 done; 1 the "
        "model has load errors or broken references (the diagrams are drawn, but incomplete); "
        "2 usage error (no spbe.yaml, unknown view or --focus, Graphviz not installed for a "
        "format other than dot)."
    ),
    "folder berisi spbe.yaml": "folder holding spbe.yaml",
    "folder keluaran (dibuat bila belum ada)": "output folder (created when missing)",
    "view yang digambar (nama seperti lapisan-dinkes atau nama bagian dari index.html, "
    "atau jenis: ringkasan, lapisan, opd, integrasi, infrastruktur, layanan, fokus, "
    "referensi); boleh berulang; bawaan: semua": (
        "a view to draw (a name such as lapisan-dinkes or the name of a part in index.html, or "
        "a family: ringkasan, lapisan, opd, integrasi, infrastruktur, layanan, fokus, "
        "referensi); may be repeated; default: all"
    ),
    "kedalaman relasi view fokus (bawaan 1; all = semua langkah)": (
        "how many relations a fokus view follows (default 1; all = every step)"
    ),
    "kertas tujuan (lanskap/potret); view yang hurufnya akan < 6,5 pt dipecah (bawaan A3)": (
        "target paper (landscape/portrait); a view whose text would print below 6.5 pt is "
        "split (default A3)"
    ),
    "NAMA": "NAME",
    "format berkas": "file format",
    "elemen untuk view fokus (analisis dampak)": "the element of the fokus view (impact analysis)",
    "batas simpul per diagram; view yang lebih besar dipecah (bawaan 80)": (
        "nodes per diagram; a larger view is split (default 80)"
    ),
    "bahasa judul/legenda": "language of titles and legends",
    "gambar arsitektur pada tahun itu (elemen dengan tahun_mulai/tahun_selesai, as-is: tahun "
    "sebelum periode, to-be: tahun terakhir periode)": (
        "draw the architecture as of that year (elements with tahun_mulai/tahun_selesai; as-is: "
        "the year before the period, to-be: the period's last year)"
    ),
    "TAHUN": "YEAR",
    "TENGGAT": "DEADLINE",
    "PERIODE": "PERIOD",
    "JENIS": "KIND",
    "OPD_NAMA": "OPD_NAME",
    "proses dot paralel (bawaan: jumlah inti)": "parallel dot processes (default: the cores)",
    # evaluate, gap, init, nasional, survey, timeline (spbe_arch.commands)
    "penilaian mandiri indikator arsitektur/peta rencana, dan kalkulator indeks": (
        "self-assessment of the architecture and roadmap indicators, and the index calculator"
    ),
    "analisis gap as-is -> to-be per domain dan butir Peta Rencana penghantarnya": (
        "as-is -> to-be gap analysis per domain, with the roadmap items that deliver it"
    ),
    "membuat kerangka repositori model baru": "create the skeleton of a new model repository",
    "laporan nasional: aplikasi yang dibangun sendiri oleh banyak instansi": (
        "national report: applications that many bodies build separately"
    ),
    "formulir Excel survei OPD: buat, impor, status": (
        "Excel survey forms for OPDs: generate, import, status"
    ),
    "linimasa Peta Rencana (butir per muatan x tahun) ke SVG/PNG/DOT": (
        "the roadmap timeline (items per muatan x year) as SVG/PNG/DOT"
    ),
    "folder berisi spbe.yaml (bawaan: folder kerja)": (
        "folder holding spbe.yaml (default: the working folder)"
    ),
    "bahasa laporan": "report language",
    "berkas level indikator (rezim, indikator: {nomor: level}); hitung indeks dan predikat": (
        "a file of indicator levels (keys `rezim` and `indikator: {number: level}`); computes "
        "the index and its rating"
    ),
    "rezim evaluasi (bawaan: yang berlaku pada --tahun; untuk --indeks: dari berkas)": (
        "evaluation regime (default: those in force in --tahun; for --indeks: from the file)"
    ),
    "tahun evaluasi (bawaan: tahun ini)": "evaluation year (default: this year)",
    "folder repositori baru": "folder of the new repository",
    "jenis Pemda (bawaan: ditebak dari --nama, mis. 'Pemerintah Provinsi …' → provinsi)": (
        "kind of body (default: inferred from --nama, e.g. 'Pemerintah Provinsi …' → provinsi)"
    ),
    "nama Pemda, mis. 'Pemerintah Kota Contoh'": (
        "the Pemda's name, e.g. 'Pemerintah Kota Contoh'"
    ),
    "periode arsitektur, TTTT-TTTT": "architecture period, YYYY-YYYY",
    "versi katalog (bawaan: yang terbaru)": "catalogue version (default: the newest)",
    "id OPD pertama": "id of the first OPD",
    "nama OPD pertama": "name of the first OPD",
    "Memeriksa semua repositori model di bawah FOLDER (paralel, dengan cache) dan "
    "mengelompokkan aplikasi buatan Pemda (asal: pemda) yang melayani fungsi yang sama: "
    "kandidat Aplikasi Umum, atau kandidat migrasi bila Aplikasi Umumnya sudah ada. Kode "
    "keluar: 0 laporan dibuat; 2 salah pemakaian (tidak ada repositori).": (
        "Check every model repository below FOLDER (in parallel, with a cache) and group the "
        "Pemda-built applications (asal: pemda) that serve the same function: candidates for "
        "an Aplikasi Umum, or for migration when the Aplikasi Umum exists. Exit codes: 0 report "
        "written; 2 usage error (no repository)."
    ),
    "folder berisi banyak repositori model": "folder holding many model repositories",
    "hanya kelompok yang dibangun oleh paling sedikit N instansi (bawaan 3)": (
        "only groups built by at least N bodies (default 3)"
    ),
    "folder cache (bawaan: FOLDER/.spbe-cache)": "cache folder (default: FOLDER/.spbe-cache)",
    "tanpa cache": "no cache",
    "proses paralel": "parallel processes",
    "buat satu buku kerja .xlsx per OPD": "generate one .xlsx workbook per OPD",
    "impor buku kerja yang dikembalikan OPD": "import the workbooks the OPDs returned",
    "tabel status survei per OPD": "survey status table per OPD",
    "folder tujuan buku kerja": "folder for the workbooks",
    "hanya OPD ini (boleh berulang)": "only this OPD (may be repeated)",
    "tenggat YYYY-MM-DD (bawaan: spbe.yaml)": "deadline YYYY-MM-DD (default: spbe.yaml)",
    "buku kerja yang diimpor": "workbooks to import",
    "BERKAS.xlsx": "FILE.xlsx",
    "tampilkan perubahan tanpa menulis apa pun": "show the changes without writing anything",
    "hapus elemen yang tidak lagi tercantum di lembarnya": (
        "remove elements no longer listed on their sheet"
    ),
    "berkas kunci survei, di luar repositori (bawaan: $SPBE_ARCH_KUNCI, lalu "
    "~/.config/spbe-arch/kunci-survei)": (
        "survey key file, outside the repository (default: $SPBE_ARCH_KUNCI, then "
        "~/.config/spbe-arch/kunci-survei)"
    ),
    "terima formulir tanpa tanda tangan (hanya bila pengirimnya sudah dipastikan)": (
        "accept forms without a verified signature (only once the sender is confirmed)"
    ),
    "OPD pengirim; formulir OPD lain ditolak": "the sending OPD; another OPD's form is refused",
    "BERKAS": "FILE",
    "tulis ke berkas ini": "write to this file",
    "bahasa": "language",
    "folder keluaran (bawaan: diagram)": "output folder (default: diagram)",
    "dot, svg, png, dipisah koma (bawaan: svg,png)": (
        "dot, svg, png, comma-separated (default: svg,png)"
    ),
    "bahasa label": "label language",
    "gambar juga view lapisan as-is dan to-be (subfolder as-is-TAHUN, to-be-TAHUN)": (
        "also draw the as-is and to-be layer views (subfolders as-is-YEAR, to-be-YEAR)"
    ),
}
"""English for every help text, description and metavar of the parser (keyed by the
Indonesian text): add an entry with every new help text."""


def _english(text: str | None) -> str | None:
    return ENGLISH.get(text, text) if text is not None else None


def translate_parser(parser: argparse.ArgumentParser, lang: str) -> None:
    """Give every (sub-)command a ``--lang`` option, and under ``en`` translate every text.

    Walks the whole parser (sub-commands of sub-commands too), so commands registered by
    any module of :mod:`spbe_arch.commands` are covered without listing them.
    """
    if not any("--lang" in a.option_strings for a in parser._actions):
        parser.add_argument("--lang", choices=LANGS, default="id", help="bahasa pesan")
    for action in parser._actions:
        if lang == "en" and action.help is not argparse.SUPPRESS:
            action.help = _english(action.help)
        if lang == "en" and isinstance(action.metavar, str):
            action.metavar = _english(action.metavar)
        elif (
            lang == "en" and action.metavar is None and action.option_strings and action.nargs != 0
        ):
            named = action.dest.upper()  # what argparse would show: the option's name
            if named in ENGLISH:
                action.metavar = ENGLISH[named]
        if isinstance(action, argparse._SubParsersAction):
            if lang == "en":
                for choice in action._choices_actions:
                    choice.help = _english(choice.help)
            for child in action.choices.values():
                translate_parser(child, lang)
    if lang == "en":
        parser.description = _english(parser.description)


__all__ = [
    "ENGLISH",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "LANGS",
    "at_least",
    "exit_code",
    "lang_of",
    "set_lang",
    "tr",
    "translate_parser",
    "usage_error",
]
