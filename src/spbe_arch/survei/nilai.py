"""Cell values ↔ model values, tolerant of what real forms come back with.

Reading accepts trailing spaces, numbers stored as text and text stored as numbers (a year
as ``2026.0``, an id as ``1``), codes typed as ``04.01.04`` or with their name after them,
choices as label or value in any case, dates as date cells, ISO text or ``dd/mm/yyyy``. What
cannot be read is returned as written, so the model's own validation reports it with its
own message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from typing import Any

from spbe_arch.referensi import Katalog, normalize_kode
from spbe_arch.survei.kolom import Kolom, label_pilihan, nilai_pilihan

PEMISAH = re.compile(r"\s*[,;\n]\s*")
"""Separator of several values in one cell: comma, semicolon or a line break."""

_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True, slots=True)
class Bacaan:
    """A cell read: the model value (None or ``[]`` when empty) and an optional notice."""

    nilai: Any
    catatan: str | None = None
    catatan_en: str | None = None


def teks_sel(raw: object) -> str:
    """Any cell value as trimmed text (``2026.0`` → ``2026``, a date → ``YYYY-MM-DD``)."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "Ya" if raw else "Tidak"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def _key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


def _choice(kolom: Kolom, text: str) -> str:
    for choice in kolom.pilihan:
        if _key(text) in (_key(nilai_pilihan(choice)), _key(label_pilihan(choice))):
            return nilai_pilihan(choice)
    return text


def _first_token(text: str) -> str:
    return text.split()[0] if text.split() else ""


def _kode(kolom: Kolom, text: str) -> str:
    prefix = kolom.katalog
    bare = text[:1].isdigit()
    found = normalize_kode(text, prefix if bare or prefix == "RAB" else None)
    return found.kode if found.kode is not None else text


def _date(raw: object, text: str) -> object:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and 20000 <= raw <= 80000:  # an Excel serial day number
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(raw))
    match = _DATE_DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return text
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else text
    except ValueError:
        return text


def _number(text: str, integer: bool) -> object:
    clean = text.replace(" ", "")
    if "," in clean and "." not in clean:
        clean = clean.replace(",", ".")
    try:
        value = float(clean)
    except ValueError:
        return text
    if integer:
        return int(value) if value.is_integer() else text
    return value


def baca(kolom: Kolom, raw: object, opd_ids: Collection[str] = ()) -> Bacaan:
    """Read one cell for ``kolom``."""
    text = teks_sel(raw)
    if kolom.banyak:
        items = [p for p in PEMISAH.split(text) if p] if text else []
        if kolom.jenis == "pilihan_daftar":
            return Bacaan([_choice(kolom, p) for p in items])
        if kolom.jenis == "relasi_daftar":
            return Bacaan([_first_token(p) for p in items])
        return Bacaan(items)
    if not text:
        return Bacaan(None)
    if kolom.jenis == "pilihan":
        return Bacaan(_choice(kolom, text))
    if kolom.jenis == "relasi":
        return Bacaan(_first_token(text))
    if kolom.jenis == "opd_saran":
        head, _, rest = text.partition(" ")
        if head in opd_ids and (not rest.strip() or rest.strip().startswith(("-", "–"))):
            return Bacaan(head)
        return Bacaan(text)
    if kolom.jenis == "kode":
        return Bacaan(_kode(kolom, text))
    if kolom.jenis == "bulat":
        return Bacaan(
            raw if isinstance(raw, int) and not isinstance(raw, bool) else _number(text, True)
        )
    if kolom.jenis == "bilangan":
        return Bacaan(float(raw) if isinstance(raw, int | float) else _number(text, False))
    if kolom.jenis == "tanggal":
        return Bacaan(_date(raw, text))
    return Bacaan(text)


def tulis(kolom: Kolom, value: Any, katalog: Katalog | None = None) -> object:
    """What a form cell shows for a model value (None for empty)."""
    if value is None or value == []:
        return None
    if isinstance(value, list):
        shown = [label_pilihan(v) if isinstance(v, Enum) else str(v) for v in value]
        if kolom.jenis == "pilihan_daftar":
            shown = [label_pilihan(_as_choice(kolom, v)) for v in value]
        return ", ".join(shown)
    if kolom.jenis == "pilihan":
        return label_pilihan(_as_choice(kolom, value))
    if kolom.jenis == "kode":
        return tampil_kode(str(value), katalog)
    if isinstance(value, int | float | dt.date):
        return value
    return str(value)


def _as_choice(kolom: Kolom, value: Any) -> Enum | str:
    wanted = nilai_pilihan(value)
    return next((c for c in kolom.pilihan if nilai_pilihan(c) == wanted), wanted)


def tampil_kode(kode: str, katalog: Katalog | None) -> str:
    """A code with its name, as the dropdowns list it: ``RAB.04.01.04 - Pengelolaan …``."""
    node = katalog.get(kode) if katalog is not None else None
    return f"{kode} - {node.nama}" if node is not None else kode


def sama(a: Any, b: Any) -> bool:
    """Whether two model values are equal as a form sees them (enums by value, [] = None)."""
    return bool(_norm(a) == _norm(b))


def _norm(value: Any) -> Any:
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


ASAL_MAKS = 1000
"""Original values longer than this are kept in ``Nilai Asal`` as their sha256 only (a cell
holds at most 32,767 characters; a row's JSON must fit one)."""
_DIGEST = "sha256:"


def asal_teks(shown: object) -> str:
    """What ``Nilai Asal`` keeps of a shown value: its text, or the digest of a long one."""
    text = teks_sel(shown)
    return digest(text) if len(text) > ASAL_MAKS else text


def digest(text: str) -> str:
    """The form ``Nilai Asal`` keeps a text in when the text itself does not fit."""
    return _DIGEST + hashlib.sha256(text.encode("utf-8")).hexdigest()


def sama_asal(text: str, asal: str | None) -> bool:
    """Whether a cell's text is the original text (``asal`` may be a digest)."""
    if asal is None:
        return text == ""
    if asal.startswith(_DIGEST) and len(asal) == len(_DIGEST) + 64:
        return hashlib.sha256(text.encode("utf-8")).hexdigest() == asal[len(_DIGEST) :]
    return text == asal


def adalah_digest(asal: str | None) -> bool:
    """Whether ``Nilai Asal`` kept only the digest of this value."""
    return asal is not None and asal.startswith(_DIGEST) and len(asal) == len(_DIGEST) + 64


_BARIS_BARU = re.compile("\r\n|[\r\x85\u2028\u2029]")
_KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")


def rapikan(text: str) -> tuple[str, str | None]:
    """A cell's text with every line break as ``\\n`` (CR LF, CR, NEL U+0085, U+2028, U+2029),
    and the first control character left in it (None when there is none)."""
    clean = _BARIS_BARU.sub("\n", text)
    bad = _KENDALI.search(clean)
    return clean, (f"U+{ord(bad.group(0)):04X}" if bad else None)


_KODE_TEKS = re.compile(r"`([^`]*)`")


def untuk_staf(text: str, kolom: Kolom | None = None) -> str:
    """A model description as OPD staff read it: no backticks, choices by their labels."""
    text = _KODE_TEKS.sub(r"\1", text)
    if kolom is not None:
        for choice in kolom.pilihan:
            value = nilai_pilihan(choice)
            label = label_pilihan(choice)
            if value != label and "_" in value:
                text = re.sub(rf"\b{re.escape(value)}\b", label, text)
    return text


def catatan_kolom(kolom: Kolom, contoh: list[str], opd_id: str) -> str:
    """The header note of a column, in the words and labels OPD staff see."""
    text = untuk_staf(kolom.deskripsi or kolom.header, kolom).strip()
    if text and not text.endswith("."):
        text += "."
    if kolom.field == "id":
        sample = ", ".join(contoh) if contoh else f"DAA-{opd_id}-01"
        text += f" Contoh: {sample}. Kosongkan pada baris baru: id dibuat otomatis saat impor."
    if kolom.wajib:
        text += " Wajib diisi (*): baris tanpa isian ini tidak diimpor."
    elif kolom.anjuran:
        text += " Sebaiknya diisi (kolom kuning): Diskominfo akan menanyakannya bila kosong."
    if kolom.pilihan:
        labels = ", ".join(label_pilihan(c) for c in kolom.pilihan)
        text += f" Pilihan: {labels}."
    if kolom.banyak:
        text += (
            " Boleh lebih dari satu: pilih satu dari daftar, lalu ketik koma dan yang berikutnya."
        )
    if kolom.jenis == "kode":
        text += " Pilih dari daftar; kodenya saja (mis. 04.01.04) juga diterima."
    if kolom.jenis == "tanggal":
        text += " Tanggal ditulis TTTT-BB-HH, mis. 2026-12-18."
    return text
