"""The closed lists behind the dropdowns: choices, catalogue leaves, OPD codes, element ids."""

from __future__ import annotations

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.referensi import Katalog
from spbe_arch.rules.common import segment_gaps
from spbe_arch.survei.kolom import Kolom, label_pilihan
from spbe_arch.survei.nilai import tampil_kode


def kode_boleh(katalog: Katalog, prefix: str, level: int | None) -> list[str]:
    """Codes a column accepts: one level, or the leaves (plus nodes whose children are partial)."""
    if level is not None:
        return [s.kode for s in katalog.nodes(prefix, level) if s.berlaku]
    out = []
    for node in katalog.nodes(prefix):
        if not node.berlaku:
            continue
        children = [c.kode for c in katalog.children(node.kode)]
        if not children or segment_gaps(children):
            out.append(node.kode)
    return out


def _entry(ident: str, nama: str) -> str:
    # commas separate values in a cell: keep them out of a picked entry
    return f"{ident} - {nama.replace(',', ';')}"


def isi_daftar(
    kolom: Kolom, model: Arsitektur, katalog: Katalog, opd_id: str
) -> tuple[str, list[str]]:
    """(list key, entries) of a column's dropdown; an empty list means no dropdown."""
    if kolom.jenis in ("pilihan", "pilihan_daftar"):
        labels = [label_pilihan(c) for c in kolom.pilihan]
        return "pilihan:" + "|".join(labels), labels
    if kolom.jenis == "kode" and kolom.katalog is not None:
        codes = kode_boleh(katalog, kolom.katalog, kolom.level)
        key = f"kode:{kolom.katalog}:{kolom.level}"
        return key, [tampil_kode(c, katalog) for c in codes]
    if kolom.jenis in ("relasi", "relasi_daftar", "opd_saran"):
        targets = set(kolom.target)
        own = kolom.field == "unit_kerja"  # the performing unit is one of the owner's own
        entries: list[str] = []
        if "opd" in targets:
            opds = sorted(model.opd.values(), key=lambda o: o.id)
            entries += [_entry(o.id, o.singkatan or o.nama) for o in opds]
        if "unit_kerja" in targets:
            units = sorted(
                u for u, owner in model.unit_kerja_opd.items() if not own or owner == opd_id
            )
            entries += [_entry(u, model.unit_kerja[u].nama) for u in units]
        for element in model.of_kind(*(targets - {"opd", "unit_kerja"})):
            entries.append(_entry(element.id, element.nama))
        return "relasi:" + ",".join(sorted(targets)) + (":" + opd_id if own else ""), entries
    return "", []
