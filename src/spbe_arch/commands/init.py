"""``spbe-arch init``: start a new model repository from a commented skeleton.

Everything the user types is data: ids are checked against the id pattern before they name a
folder, names are emitted as YAML scalars (quoted where YAML needs it, never pasted into a
comment), control characters are refused, and every file is written through
:func:`spbe_arch.fileio.write_atomic` inside the folder the user named (docs/security.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from spbe_arch.fileio import NotRegularFileError, OutsideFolderError, write_atomic

RECEIPTS = ".spbe/survei/penerimaan.yaml"
"""Where ``survey import`` keeps its receipts (``spbe_arch.survei.penerimaan.BERKAS_PENERIMAAN``,
repeated so that ``init`` does not import the workbook machinery; a test keeps them equal)."""

JENIS = ("provinsi", "kabupaten", "kota")

_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
"""Control, invisible and direction characters: never part of a name typed on purpose."""

_PREFIX_RE = re.compile(r"^(?:pemerintah(?:an)?(?:\s+daerah)?|pemda)\s+", re.IGNORECASE)

_KINDS: tuple[tuple[str, str], ...] = (
    (r"provinsi|prov\.?|pemprov", "provinsi"),
    (r"kabupaten|kab\.?|pemkab", "kabupaten"),
    (r"kota|pemkot", "kota"),
)
"""The first word of a body's name (after "Pemerintah …") and the kind it names (UU 23/2014
Pasal 2: daerah provinsi, kabupaten dan kota)."""

_PROVINCES = (
    "aceh",
    "daerah istimewa yogyakarta",
    "diy",
    "dki jakarta",
    "daerah khusus ibukota jakarta",
    "daerah khusus jakarta",
)
"""Provinces whose government is named without the word "Provinsi" (Pemerintah Aceh, UU
11/2006; Pemerintah Daerah DIY, UU 13/2012; DKI/DK Jakarta, UU 29/2007 and 2/2024)."""


def infer_jenis(nama: str) -> str | None:
    """The kind of body (provinsi, kabupaten, kota) its name says, or None when it says none.

    ``Pemerintah Provinsi Jawa Barat`` → provinsi, ``Pemkab Sleman`` → kabupaten,
    ``Kota Administrasi Jakarta Selatan`` → kota, ``Pemerintah Aceh`` → provinsi.
    """
    text = " ".join(nama.split()).casefold()
    text = _PREFIX_RE.sub("", text)
    for pattern, kind in _KINDS:
        if re.match(rf"(?:{pattern})(?:\s|$)", text):
            return kind
    if text in _PROVINCES or text.startswith("provinsi"):
        return "provinsi"
    return None


_PLAIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9 .,()/&'-]*[A-Za-z0-9.)]|[A-Za-z]")
_YAML_WORDS = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "nan", "inf"]
)  # YAML 1.1 booleans and nulls: read as something else when plain


_NOT_YAML_RE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def scalar(value: str) -> str:
    """``value`` as a YAML scalar that reads back as exactly ``value``: plain when it is plain
    words, else a double-quoted scalar (JSON's string syntax is valid YAML)."""
    if _PLAIN_RE.fullmatch(value) and value.casefold() not in _YAML_WORDS and "  " not in value:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    # JSON leaves raw what YAML does not take raw (DEL, C1, non-characters) or reads as a line
    # break (U+0085, U+2028, U+2029): those are written as \u escapes, which YAML reads back.
    return _NOT_YAML_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


_TEXT = {
    "id": {
        "exists": "{path} sudah ada; tidak ada yang ditimpa",
        "periode": "--periode ditulis TTTT-TTTT dengan tahun akhir tidak sebelum tahun awal, "
        "mis. 2025-2029",
        "empty": "{opt} tidak boleh kosong",
        "control": "{opt} memuat karakter kendali, tak terlihat atau pembalik arah teks "
        "(mis. baris baru); tulis nama biasa",
        "id": "--opd '{value}' bukan id yang sah: huruf/angka di awal, lalu huruf, angka, "
        "titik, garis bawah atau tanda hubung (tanpa '/', spasi atau '..'), paling panjang 80",
        "katalog": "--katalog '{value}' tidak tersedia; versi yang ada: {known}",
        "jenis": "jenis Pemda tidak dapat ditebak dari --nama {value}; tulis --jenis provinsi, "
        "--jenis kabupaten atau --jenis kota",
        "differs": "catatan: --nama {value} menyebut {said}, tetapi --jenis {given} dipakai",
        "inferred": "jenis: {jenis} (dari --nama; ubah dengan --jenis)",
        "notdir": "{path} ada tetapi bukan folder",
        "made": "dibuat: {path}",
        "kept": "dilewati (sudah ada): {path}",
        "refused": "ditolak: {reason}",
        "failed": "tidak dapat menulis {reason}",
    },
    "en": {
        "exists": "{path} already exists; nothing was overwritten",
        "periode": "--periode is written YYYY-YYYY with the last year not before the first, "
        "e.g. 2025-2029",
        "empty": "{opt} must not be empty",
        "control": "{opt} contains control, invisible or text-direction characters "
        "(e.g. a line break); write a plain name",
        "id": "--opd '{value}' is not a valid id: a letter or digit first, then letters, digits, "
        "dots, underscores or hyphens (no '/', spaces or '..'), at most 80",
        "katalog": "--katalog '{value}' is not available; known versions: {known}",
        "jenis": "the kind of body cannot be inferred from --nama {value}; give --jenis provinsi, "
        "--jenis kabupaten or --jenis kota",
        "differs": "note: --nama {value} says {said}, but --jenis {given} is used",
        "inferred": "jenis: {jenis} (from --nama; change it with --jenis)",
        "notdir": "{path} exists but is not a folder",
        "made": "created: {path}",
        "kept": "skipped (already exists): {path}",
        "refused": "refused: {reason}",
        "failed": "cannot write {reason}",
    },
}


class _Refused(Exception):
    """A usage error of ``init``: printed as ``spbe-arch: message``, exit 2."""


def _text_value(opt: str, value: str, words: dict[str, str]) -> str:
    if _CONTROL_RE.search(value):
        raise _Refused(words["control"].format(opt=opt))
    value = value.strip()
    if not value:
        raise _Refused(words["empty"].format(opt=opt))
    return value


def _shown(value: str) -> str:
    """A value quoted for a message (control characters cannot be in it: refused first)."""
    return json.dumps(value, ensure_ascii=False)


def skeleton(
    nama: str,
    jenis: str,
    mulai: str,
    selesai: str,
    katalog: str,
    opd: str,
    opd_nama: str,
) -> dict[str, str]:
    """The files of a new repository (relative POSIX path → text), values already checked."""
    folder = opd.lower()
    spbe = f"""\
# Repositori model Arsitektur SPBE dan Peta Rencana SPBE (Perpres 95/2018, Perpres 132/2022).
# Semua kunci berkas ini: spbe-arch schema --config; kunci berkas model: spbe-arch schema
# (JSON Schema, juga untuk pelengkapan otomatis di editor). Semua aturan: spbe-arch rules;
# satu aturan dengan contohnya: spbe-arch explain KODE. Periksa dari folder ini:
# spbe-arch check .
spbe_arch: 1
pemda:
  nama: {scalar(nama)}
  jenis: {jenis}
periode:
  mulai: {mulai}
  selesai: {selesai}
rpjmd:
  mulai: {mulai}
  selesai: {selesai}
katalog: {json.dumps(katalog)}
# Survei formulir OPD (spbe-arch survey generate): isi tenggat dan narahubung yang dicetak di
# sampul setiap formulir, lalu hapus tanda '#' di awal baris-baris berikut.
# survei:
#   tenggat: {mulai}-03-31        # batas pengembalian formulir (TTTT-BB-HH)
#   kontak:
#     nama: Nama petugas Diskominfo
#     telepon: "0812-0000-0000"
#     email: spbe@contoh.go.id
"""
    opd_yaml = f"""\
# Satu folder per Perangkat Daerah: OPD ini memiliki berkasnya sendiri di git.
perangkat_daerah:
  - id: {opd}
    nama: {scalar(opd_nama)}
    tipe: dinas
"""
    pb = f"""\
# Semua elemen di berkas ini dimiliki OPD di kunci `opd` (kecuali elemen yang menulis `opd:`
# sendiri).
opd: {opd}
proses_bisnis:
  - id: {scalar(f"DAB-{opd}-01")}
    nama: Contoh proses bisnis (ganti)
    referensi: RAB.09.03.04  # Pengelolaan Data Statistik; lihat: spbe-arch katalog RAB.09.03
"""
    gitignore = f"""\
# Dibuat oleh spbe-arch init. Keluaran dan cache spbe-arch: dibangun ulang kapan saja, tidak
# di-commit.
/.spbe-cache/
/build/
/public/
# Buku kerja survei yang dibuat dan yang dikembalikan OPD berisi data OPD: kirim lewat surel
# atau folder bersama, bukan git. Tanda terima impornya ({RECEIPTS}) di-commit.
/formulir/
*.xlsx
~$*
.~lock.*#
"""
    readme = f"""\
# Arsitektur SPBE {nama}

Repositori model Arsitektur SPBE dan Peta Rencana SPBE, diperiksa dengan `spbe-arch`.

- `spbe.yaml`: identitas Pemda, periode, versi katalog, pengaturan, survei.
- Satu folder per Perangkat Daerah (mis. `{folder}/`) berisi berkas YAML elemennya.

Perintah (dari folder ini):

    spbe-arch check .                         # periksa model
    spbe-arch render . --out build/diagram    # gambar diagram
    spbe-arch survey generate . --out formulir
    spbe-arch survey import . formulir/NAMA.xlsx

## Yang di-commit

- Semua berkas `*.yaml` model dan `spbe.yaml`.
- `{RECEIPTS}`: tanda terima setiap impor survei (OPD, tanggal, sidik
  berkas). Commit bersama perubahan YAML hasil impor itu: inilah bukti formulir mana yang
  sudah masuk, dan `spbe-arch survey status` membacanya.

## Yang tidak di-commit (lihat `.gitignore`)

- `.spbe-cache/` (cache hasil pemeriksaan), `build/` dan `public/` (diagram): dibangun ulang.
- `formulir/` dan berkas `*.xlsx`: buku kerja survei berisi data OPD.
"""
    return {
        "spbe.yaml": spbe,
        ".gitignore": gitignore,
        "README.md": readme,
        f"{folder}/opd.yaml": opd_yaml,
        f"{folder}/proses-bisnis.yaml": pb,
    }


def _cmd_init(args: argparse.Namespace) -> int:
    words = _TEXT.get(args.lang, _TEXT["id"])
    try:
        return _init(args, words)
    except _Refused as exc:
        print(f"spbe-arch: {exc}", file=sys.stderr)
        return 2


def _init(args: argparse.Namespace, words: dict[str, str]) -> int:
    root = Path(args.path)
    if root.exists() and not root.is_dir():
        raise _Refused(words["notdir"].format(path=root))
    if (root / "spbe.yaml").exists() or (root / "spbe.yaml").is_symlink():
        raise _Refused(words["exists"].format(path=root / "spbe.yaml"))
    match = re.fullmatch(r"(\d{4})-(\d{4})", args.periode)
    if match is None or int(match[2]) < int(match[1]):
        raise _Refused(words["periode"])
    nama = _text_value("--nama", args.nama, words)
    opd_nama = _text_value("--opd-nama", args.opd_nama, words)
    from spbe_arch.model.base import ID_PATTERN  # here: the models are heavy to import

    opd = args.opd.strip().upper()
    if not re.fullmatch(ID_PATTERN, opd) or ".." in opd or len(f"DAB-{opd}-01") > 80:
        raise _Refused(words["id"].format(value=args.opd.encode("unicode_escape").decode()))
    # resolved here: reading the catalogue list slows every command
    from spbe_arch.referensi import available_versions

    known = available_versions()
    katalog = args.katalog if args.katalog is not None else known[-1]
    if katalog not in known:
        value = katalog.encode("unicode_escape").decode()
        raise _Refused(words["katalog"].format(value=value, known=", ".join(known)))
    said = infer_jenis(nama)
    jenis = args.jenis or said
    if jenis is None:
        raise _Refused(words["jenis"].format(value=_shown(nama)))
    if args.jenis is None:
        print(words["inferred"].format(jenis=jenis), file=sys.stderr)
    elif said is not None and said != args.jenis:
        print(words["differs"].format(value=_shown(nama), said=said, given=jenis), file=sys.stderr)
    files = skeleton(nama, jenis, match[1], match[2], katalog, opd, opd_nama)
    for rel, text in files.items():
        target = root / rel
        if target.exists() or target.is_symlink():
            print(words["kept"].format(path=target))
            continue
        try:
            write_atomic(target, text, root=root, parents=True)
        except (OutsideFolderError, NotRegularFileError) as exc:
            raise _Refused(words["refused"].format(reason=exc.message(args.lang))) from None
        except OSError as exc:  # a file where a folder should be, no permission, disk full
            reason = f"{target}: {exc.strerror or exc}"
            raise _Refused(words["failed"].format(reason=reason)) from None
        print(words["made"].format(path=target))
    return 0


def register(sub: Any) -> None:
    """Add ``spbe-arch init``."""
    parser = sub.add_parser("init", help="membuat kerangka repositori model baru")
    parser.add_argument("path", help="folder repositori baru")
    parser.add_argument("--nama", required=True, help="nama Pemda, mis. 'Pemerintah Kota Contoh'")
    parser.add_argument(
        "--jenis",
        choices=JENIS,
        help="jenis Pemda (bawaan: ditebak dari --nama, mis. 'Pemerintah Provinsi …' → provinsi)",
    )
    parser.add_argument("--periode", default="2025-2029", help="periode arsitektur, TTTT-TTTT")
    parser.add_argument("--katalog", help="versi katalog (bawaan: yang terbaru)")
    parser.add_argument("--opd", default="DISKOMINFO", help="id OPD pertama")
    parser.add_argument(
        "--opd-nama", default="Dinas Komunikasi dan Informatika", help="nama OPD pertama"
    )
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan")
    parser.set_defaults(func=_cmd_init)
