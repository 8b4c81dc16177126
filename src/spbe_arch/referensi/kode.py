"""Parsing and normalising reference codes (``RAB.04.01.04`` and friends).

Only syntax lives here: whether a code exists in the national catalogue is the job of
:class:`~spbe_arch.referensi.katalog.Katalog` and of the rules.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = [
    "KODE_RE",
    "MAX_LEVEL",
    "NAMA_KATALOG",
    "PREFIXES",
    "Normalisasi",
    "is_kode",
    "level_of",
    "normalize_kode",
    "parent_of",
    "prefix_of",
]

PREFIXES: tuple[str, ...] = ("RAB", "RAD", "RAL", "RAA", "RAI", "RAK")
"""The six catalogue prefixes, in the order of Perpres 132/2022."""

NAMA_KATALOG: dict[str, str] = {
    "RAB": "Referensi Arsitektur Proses Bisnis",
    "RAD": "Referensi Arsitektur Data dan Informasi",
    "RAL": "Referensi Arsitektur Layanan",
    "RAA": "Referensi Arsitektur Aplikasi",
    "RAI": "Referensi Arsitektur Infrastruktur",
    "RAK": "Referensi Arsitektur Keamanan",
}
"""Catalogue names per prefix (used in messages; the data files carry their own)."""

MAX_LEVEL = 7
"""National levels stop at L3; instansi may add local levels down to L7."""

KODE_RE = re.compile(r"^(RAB|RAD|RAL|RAA|RAI|RAK)(\.\d{2}){1,7}$", re.ASCII)
"""A canonical reference code: prefix plus one to seven two-digit segments."""

# Every Unicode space (NBSP, narrow NBSP, figure space, ...) counts as a space.
_SPACE_RE = re.compile(r"\s+")
# Prefix (letters), optional separator, then digit segments separated by dots.
_CODE_RE = re.compile(
    r"(?:(?P<prefix>[A-Za-z]+)[ ]?\.?[ ]?)?(?P<segs>[0-9]+(?:[ ]?\.[ ]?[0-9]+)*)(?P<rest>.*)",
    re.ASCII | re.DOTALL,
)
_NAME_SEP_RE = re.compile(r"^[ ]?[-–—:][ ]?(?P<name>.*)$", re.DOTALL)
_PREFIX_ONLY_RE = re.compile(r"^(?P<prefix>[A-Za-z]+)[ ]?\.?[ ]?$", re.ASCII)


@dataclass(frozen=True, slots=True)
class Normalisasi:
    """The outcome of :func:`normalize_kode`.

    ``kode`` is the canonical code, or ``None`` when the text cannot be normalised; then
    ``alasan`` (Indonesian) and ``alasan_en`` (English) say why. ``diubah`` is true when the
    text was not exactly the canonical code (any change, including removing a written name).
    ``nama_tertulis`` is a name written after the code, whitespace-collapsed.
    """

    kode: str | None
    diubah: bool = False
    nama_tertulis: str | None = None
    alasan: str | None = None
    alasan_en: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the text was normalised to a code."""
        return self.kode is not None


def _refuse(alasan: str, alasan_en: str) -> Normalisasi:
    return Normalisasi(kode=None, diubah=False, alasan=alasan, alasan_en=alasan_en)


def _prefix_list() -> str:
    return ", ".join(PREFIXES)


def _unknown_prefix(prefix: str) -> Normalisasi:
    upper = prefix.upper()
    # A transposition (RBA) is the likeliest typo; otherwise the closest spelling.
    close = [p for p in PREFIXES if sorted(p) == sorted(upper)]
    close = close or difflib.get_close_matches(upper, PREFIXES, n=1, cutoff=0.6)
    hint_id = f" Mungkin maksudnya {close[0]}?" if close else ""
    hint_en = f" Did you mean {close[0]}?" if close else ""
    return _refuse(
        f"Prefiks '{prefix}' tidak dikenal; gunakan salah satu dari {_prefix_list()}.{hint_id}",
        f"Unknown prefix '{prefix}'; use one of {_prefix_list()}.{hint_en}",
    )


def _wrong_catalogue(prefix: str, katalog: str) -> Normalisasi:
    return _refuse(
        f"Kode berprefiks {prefix} ({NAMA_KATALOG[prefix]}), padahal isian ini mengharapkan "
        f"kode {katalog} ({NAMA_KATALOG[katalog]}).",
        f"The code has prefix {prefix} ({NAMA_KATALOG[prefix]}), but this field expects a "
        f"{katalog} code ({NAMA_KATALOG[katalog]}).",
    )


def _parse_rest(rest: str) -> tuple[bool, str | None]:
    """Split what follows the digits into (ok, written name)."""
    if rest in ("", " ", ".", ". "):
        return True, None
    sep = _NAME_SEP_RE.match(rest)
    if sep is not None:
        name = sep.group("name").strip()
    elif rest.startswith(" "):
        name = rest.strip()
    elif rest.startswith(". ") and len(rest) > 2 and rest[2].isalpha():
        name = rest[2:].strip()  # "RAB.04.01. Kesehatan": a full stop after the code
    else:
        return False, None
    if name and not any(ch.isalpha() for ch in name):
        return False, None
    return True, name or None


def normalize_kode(text: str, katalog: str | None = None) -> Normalisasi:
    """Normalise a reference code written by a person.

    Accepts any letter case (``rab.04.01.04``), extra or non-breaking spaces, a space
    instead of the first dot (``RAB 04.01.04``), single-digit segments (``RAB.4.1.4``), and
    a name after the code (``RAB.04.01.04 - Pengelolaan ...`` with ``-``, ``–``, ``—``,
    ``:`` or a plain space). A code without prefix (``03.01.07``) is accepted only when
    ``katalog`` (the prefix the field expects) is given. Existence in the catalogue is not
    checked.

    Raises ``ValueError`` when ``katalog`` itself is not a known prefix.
    """
    if katalog is not None and katalog not in PREFIXES:
        raise ValueError(f"unknown catalogue prefix {katalog!r}; expected one of {PREFIXES}")
    clean = _SPACE_RE.sub(" ", text).strip()
    if not clean:
        return _refuse("Kode kosong.", "The code is empty.")

    match = _CODE_RE.fullmatch(clean)
    if match is None:
        prefix_only = _PREFIX_ONLY_RE.match(clean)
        if prefix_only is not None and prefix_only.group("prefix").upper() in PREFIXES:
            example = prefix_only.group("prefix").upper() + ".01"
            return _refuse(
                f"Kode '{clean}' tidak memuat segmen angka (mis. {example}).",
                f"The code '{clean}' has no numeric segments (e.g. {example}).",
            )
        head = clean.split(" ", 1)[0]
        letters = re.match(r"[A-Za-z]+", head, re.ASCII)
        if letters is not None and len(letters.group()) <= 4 and head[len(letters.group()) :][:1]:
            if letters.group().upper() not in PREFIXES:
                return _unknown_prefix(letters.group())
            return _refuse(
                f"Segmen kode '{clean}' hanya boleh berisi angka dua digit dipisah titik.",
                f"The segments of '{clean}' must be two-digit numbers separated by dots.",
            )
        return _refuse(
            f"'{clean}' bukan kode referensi; tulis mis. RAB.04.01.04 (prefiks {_prefix_list()}).",
            f"'{clean}' is not a reference code; write e.g. RAB.04.01.04 "
            f"(prefix {_prefix_list()}).",
        )

    raw_prefix = match.group("prefix")
    if raw_prefix is None:
        if katalog is None:
            return _refuse(
                f"Kode '{clean}' tanpa prefiks katalog; tulis prefiksnya, mis. RAB.{match['segs']}"
                f" (salah satu dari {_prefix_list()}).",
                f"The code '{clean}' has no catalogue prefix; write it, e.g. "
                f"RAB.{match['segs']} (one of {_prefix_list()}).",
            )
        prefix = katalog
    else:
        prefix = raw_prefix.upper()
        if prefix not in PREFIXES:
            return _unknown_prefix(raw_prefix)
        if katalog is not None and prefix != katalog:
            return _wrong_catalogue(prefix, katalog)

    ok, name = _parse_rest(match.group("rest"))
    if not ok:
        return _refuse(
            f"Segmen kode '{clean}' hanya boleh berisi angka dua digit dipisah titik.",
            f"The segments of '{clean}' must be two-digit numbers separated by dots.",
        )

    segments = [s.strip() for s in match.group("segs").split(".")]
    too_long = [s for s in segments if len(s) > 2]
    if too_long:
        return _refuse(
            f"Segmen '{too_long[0]}' terlalu panjang: setiap segmen kode terdiri atas dua digit.",
            f"Segment '{too_long[0]}' is too long: every code segment has two digits.",
        )
    if len(segments) > MAX_LEVEL:
        return _refuse(
            f"Kode memiliki {len(segments)} level; paling banyak {MAX_LEVEL} level.",
            f"The code has {len(segments)} levels; at most {MAX_LEVEL} are allowed.",
        )
    kode = prefix + "".join("." + s.zfill(2) for s in segments)
    return Normalisasi(kode=kode, diubah=text != kode, nama_tertulis=name)


def is_kode(kode: str) -> bool:
    """Whether ``kode`` is a canonical reference code (syntax only)."""
    return KODE_RE.fullmatch(kode) is not None


def _check(kode: str) -> None:
    if KODE_RE.fullmatch(kode) is None:  # is_kode, inlined: every rule reading codes calls this
        raise ValueError(
            f"not a canonical reference code: {kode!r} (expected e.g. 'RAB.04.01.04'; "
            "use normalize_kode() first)"
        )


def level_of(kode: str) -> int:
    """The level of a canonical code: the number of two-digit segments (``RAB.01`` is 1)."""
    _check(kode)
    return kode.count(".")


def parent_of(kode: str) -> str | None:
    """The parent code (the code without its last segment), ``None`` at level 1."""
    _check(kode)
    head, _, _ = kode.rpartition(".")
    return head if "." in head else None


def prefix_of(kode: str) -> str:
    """The catalogue prefix of a canonical code (``RAB`` for ``RAB.04.01``)."""
    _check(kode)
    return kode[:3]
