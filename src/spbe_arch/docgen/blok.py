"""Markdown blocks of the YAML reference: field tables, choices, relations, one element type."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from enum import Enum

from pydantic import BaseModel

from spbe_arch.docgen.contoh import CONTOH
from spbe_arch.docgen.tipe import Baris, enums_of, inherited, nested_models, rows
from spbe_arch.model.base import Elemen, Pilihan
from spbe_arch.model.kinds import KIND_CLASS
from spbe_arch.model.organisasi import UnitKerja
from spbe_arch.model.relasi import ARSITEKTUR_KINDS, INFRA_KINDS, RELASI, Relasi
from spbe_arch.referensi.kode import NAMA_KATALOG
from spbe_arch.schema.judul import gloss, judul


def anchor(cls: type) -> str:
    """The HTML anchor of a class's block (its lower-cased name)."""
    return cls.__name__.lower()


def link(cls: type) -> str:
    """A Markdown link to a class's block, titled in Indonesian."""
    return f"[{judul(cls)}](#{anchor(cls)})"


def kind_link(kind: str) -> str:
    """A link to the block of a kind (``opd``, ``unit_kerja``, ``server`` …)."""
    cls = UnitKerja if kind == "unit_kerja" else KIND_CLASS.get(kind)
    return f"[`{kind}`](#{anchor(cls)})" if cls is not None else f"`{kind}`"


def cell(text: str) -> str:
    """Text made safe for a table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def table(header: Iterable[str], body: Iterable[Iterable[str]]) -> list[str]:
    """A Markdown table."""
    head = list(header)
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in body)
    return out


def field_table(fields: list[Baris]) -> list[str]:
    """The table of fields: key, type, required or optional, description."""
    body = ((f"`{b.kunci}`", _linked(b.tipe), b.wajib, b.keterangan) for b in fields)
    return table(("Kunci", "Tipe", "Wajib", "Keterangan"), body)


def _linked(tipe: str) -> str:
    # ``objek Judul`` names a nested class; point it at the class's block.
    for cls in _all_nested():
        words = f"objek {judul(cls)}"
        if tipe.endswith(words):
            return tipe[: -len(words)] + f"objek {link(cls)}"
    return tipe


def _all_nested() -> list[type[BaseModel]]:
    from spbe_arch.schema import model_classes

    return [c for c in model_classes() if not issubclass(c, Elemen)]


def choices(used: list[tuple[str, type[Enum]]]) -> list[str]:
    """The enumerations a block uses, each value with its label."""
    out, seen = [], set()
    for field, enum in used:
        if (field, enum) in seen:
            continue
        seen.add((field, enum))
        values = "; ".join(
            f"`{m.value}` — {m.label if isinstance(m, Pilihan) else m.value}" for m in enum
        )
        out.append(f"- `{field}` ({enum.__name__}): {values}")
    return ["**Pilihan**", "", *out, ""] if out else []


def targets_text(targets: tuple[str, ...]) -> str:
    """Target kinds in words, folding the whole architecture or all infrastructure kinds."""
    if set(ARSITEKTUR_KINDS) <= set(targets):
        return "elemen arsitektur mana pun (enam domain)"
    kinds = list(targets)
    parts = []
    if set(INFRA_KINDS) <= set(kinds):
        kinds = [k for k in kinds if k not in INFRA_KINDS]
        parts.append("infrastruktur (semua jenis)")
    return ", ".join([kind_link(k) for k in kinds] + parts)


def relations(items: Iterable[Relasi]) -> list[str]:
    """The relation table of a block."""
    body = [(f"`{r.field}`", targets_text(r.target), f"{r.arti} (en: {r.arti_en})") for r in items]
    if not body:
        return []
    return ["**Relasi**", "", *table(("Kunci", "Menunjuk ke", "Arti"), body), ""]


def nested_blocks(cls: type[BaseModel], kind: str, seen: set[type]) -> list[str]:
    """Sub-tables of the classes a block's fields hold (unit kerja, integrasi, abaikan …)."""
    out: list[str] = []
    for field, sub in nested_models(cls):
        if sub in seen or inherited(cls, field):
            continue
        seen.add(sub)
        sub_kind = "unit_kerja" if sub is UnitKerja else kind
        prefix = "" if sub is UnitKerja else f"{field}."
        out += [f'<a id="{anchor(sub)}"></a>', ""]
        out += [f"**Butir `{field}`: {judul(sub)}** (en: {gloss(sub)})", ""]
        out += [*field_table(rows(sub, sub_kind, prefix)), ""]
        out += nested_blocks(sub, kind, seen)
    return out


def katalog(cls: type[BaseModel]) -> list[str]:
    """The line naming the reference catalogue of an element type."""
    prefix = getattr(cls, "KATALOG", None)
    if not issubclass(cls, Elemen):
        return []
    if prefix is None:
        return ["Katalog referensi: tidak ada (`referensi` boleh dikosongkan).", ""]
    text = CONTOH.get(str(getattr(cls, "KIND", ""))) or ""
    # The kind's own example code; a code of a sibling kind would mislead.
    found = re.search(r"^\s+referensi: (\S+)$", text, re.MULTILINE)
    example = found.group(1) if found else None
    shown = f", mis. `{example}`" if example else ""
    return [f"Katalog referensi: **{prefix}**, {NAMA_KATALOG.get(prefix, prefix)}{shown}.", ""]


def example(kind: str) -> list[str]:
    """The validated YAML example of a kind."""
    text = CONTOH.get(kind)
    if text is None:
        return ["_Contoh belum tersedia._", ""]
    return ["**Contoh**", "", "```yaml", text.rstrip("\n"), "```", ""]


def type_block(cls: type[BaseModel], kind: str, level: str = "###") -> list[str]:
    """Everything about one element type: fields, choices, relations, catalogue, example."""
    jenis = cls.model_fields.get("jenis")
    tagged = jenis is not None and kind in typing.get_args(jenis.annotation)
    heading = f"`jenis: {kind}`" if tagged else f"`{kind}`"
    out = [f'<a id="{anchor(cls)}"></a>', "", f"{level} {judul(cls)} — {heading}", ""]
    out += [f"*en:* {gloss(cls)}", ""]
    out += katalog(cls)
    own = [b for b in rows(cls, kind) if not inherited(cls, b.kunci)]
    if tagged:
        # The tag comes first in YAML and in the table: it decides which other keys exist.
        tag = Baris("jenis", f"`{kind}` (tetap)", "wajib", f"Penanda jenis: tulis `{kind}`.")
        own = [tag, *(b for b in own if b.kunci != "jenis")]
    if issubclass(cls, Elemen):
        out += ["Bidang khusus, selain [bidang umum elemen](#elemen):", ""]
    out += [*field_table(own), ""]
    skip = {b.kunci for b in rows(cls, kind)} - {b.kunci for b in own}
    used = enums_of(cls, skip)
    nested = nested_blocks(cls, kind, set())
    for field, sub in nested_models(cls):
        if not inherited(cls, field):
            used += enums_of(sub)
    out += nested
    out += choices(used)
    out += relations(r for r in RELASI if kind in r.sumber)
    out += example(kind)
    return out
