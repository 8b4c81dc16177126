"""Search the catalogue by name, and the notes on sectors the catalogue does not name.

``spbe-arch katalog "Informasi Publik"`` lists the nodes whose name holds every word typed;
``spbe-arch katalog persandian`` also shows how to classify a sector real Pemda report but the
reference does not name (``referensi/data/catatan_sektor.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from spbe_arch.packagedata import parse_yaml
from spbe_arch.referensi.katalog import Katalog, Simpul

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@dataclass(frozen=True, slots=True)
class CatatanSektor:
    """A sector Pemda report that has no node of its own, and where to classify it."""

    nama: str
    bidang_urusan: str
    kata: tuple[str, ...]
    rab: tuple[str, ...]
    ral: tuple[str, ...]
    keyakinan: str
    catatan: str


@functools.cache
def catatan_sektor() -> tuple[CatatanSektor, ...]:
    """The shipped sector notes."""
    text = (resources.files("spbe_arch") / "referensi" / "data" / "catatan_sektor.yaml").read_text(
        encoding="utf-8"
    )
    raw = parse_yaml(text)
    return tuple(
        CatatanSektor(
            nama=str(item["nama"]),
            bidang_urusan=str(item["bidang_urusan"]),
            kata=tuple(str(k) for k in item["kata"]),
            rab=tuple(str(k) for k in item["rab"]),
            ral=tuple(str(k) for k in item["ral"]),
            keyakinan=str(item["keyakinan"]),
            catatan=" ".join(str(item["catatan"]).split()),
        )
        for item in raw["sektor"]
    )


def cari_nama(katalog: Katalog, teks: str, limit: int = 50) -> list[Simpul]:
    """Nodes whose name holds every word of ``teks`` (case and punctuation ignored), by code."""
    wanted = _words(teks)
    if not wanted:
        return []
    found = [s for s in katalog if all(w in _words(s.nama) for w in wanted)]
    return sorted(found, key=lambda s: s.kode)[:limit]


def cari_catatan(teks: str) -> list[CatatanSektor]:
    """Sector notes one of whose words (or name) matches ``teks`` as whole words."""
    typed = " ".join(_words(teks))
    if not typed:
        return []
    out = []
    for note in catatan_sektor():
        keys = [" ".join(_words(k)) for k in (note.nama, *note.kata)]
        if any(re.search(rf"(?<![a-z0-9]){re.escape(k)}(?![a-z0-9])", typed) for k in keys) or any(
            re.search(rf"(?<![a-z0-9]){re.escape(typed)}(?![a-z0-9])", k) for k in keys
        ):
            out.append(note)
    return out


def cari_json(katalog: Katalog, teks: str) -> dict[str, object]:
    """The name search as JSON-ready data: matching nodes and sector notes."""
    return {
        "cari": teks,
        "simpul": [
            {"kode": s.kode, "nama": s.nama, "level": s.level} for s in cari_nama(katalog, teks)
        ],
        "catatan_sektor": [
            {
                "nama": n.nama,
                "bidang_urusan": n.bidang_urusan,
                "rab": list(n.rab),
                "ral": list(n.ral),
                "keyakinan": n.keyakinan,
                "catatan": n.catatan,
            }
            for n in cari_catatan(teks)
        ],
    }


def format_cari(katalog: Katalog, teks: str, lang: str = "id") -> tuple[str, bool]:
    """The text of a name search, and whether anything was found."""
    en = lang == "en"
    nodes = cari_nama(katalog, teks)
    notes = cari_catatan(teks)
    out: list[str] = []
    if nodes:
        out.append(
            f"Nodes whose name holds '{teks}':" if en else f"Simpul yang namanya memuat '{teks}':"
        )
        out += [f"  {s.kode}  {s.nama}  (level {s.level})" for s in nodes]
    for note in notes:
        out.append(
            f"Sector not named by the catalogue: {note.nama} (bidang urusan {note.bidang_urusan})"
            if en
            else f"Sektor yang tidak bernama di katalog: {note.nama} "
            f"(bidang urusan {note.bidang_urusan})"
        )
        rab = ", ".join(f"{k} {katalog[k].nama}" if k in katalog else k for k in note.rab)
        ral = ", ".join(f"{k} {katalog[k].nama}" if k in katalog else k for k in note.ral)
        out.append(f"  RAB: {rab}")
        out.append(f"  RAL: {ral}")
        out.append(f"  {note.catatan} [{note.keyakinan}]")
    if not out:
        out.append(
            f"no node name holds '{teks}'; try fewer words"
            if en
            else f"tidak ada simpul yang namanya memuat '{teks}'; coba lebih sedikit kata"
        )
    return "\n".join(out), bool(nodes or notes)
