"""The roadmap timeline: items by muatan across the period's years, as one DOT table.

A Graphviz node with an HTML-like label holds the whole table (a Gantt chart by muatan × year,
docs/diagrams.md), so the output is deterministic text; ``dot`` draws it to SVG or PNG.
Cells of the years an item runs are coloured by its ``status_rencana`` and show the indicative
budget; a year without a funding code is marked ``!``.
"""

from __future__ import annotations

from html import escape

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.peta_rencana import Muatan, RencanaSpbe, StatusRencana
from spbe_arch.roadmap.waktu import periode, rencana

WARNA: dict[StatusRencana, str] = {
    StatusRencana.BELUM_MULAI: "#e0e0e0",
    StatusRencana.BERJALAN: "#9ecae1",
    StatusRencana.SELESAI: "#a1d99b",
}
"""Cell colour by status_rencana."""

_STATUS_EN = {"belum_mulai": "not started", "berjalan": "in progress", "selesai": "done"}
_MUATAN_EN = {
    "tata_kelola": "SPBE Governance",
    "manajemen": "SPBE Management",
    "layanan": "SPBE Services",
    "infrastruktur": "SPBE Infrastructure",
    "aplikasi": "SPBE Applications",
    "keamanan": "SPBE Security",
    "audit_tik": "ICT Audit",
}
_FONT = "Helvetica"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _rupiah(nilai: int) -> str:
    if nilai >= 1_000_000_000:
        return f"Rp {nilai / 1_000_000_000:.2f} M".replace(".", ",")
    return f"Rp {nilai // 1_000_000} jt"


def _years(model: Arsitektur, items: list[RencanaSpbe]) -> list[int]:
    span = periode(model)
    if span is not None:
        return list(range(span[0], span[1] + 1))
    if not items:
        return []
    return list(range(min(r.tahun_mulai for r in items), max(r.tahun_selesai for r in items) + 1))


def _cell(item: RencanaSpbe, year: int) -> str:
    if year not in item.tahun_berjalan():
        return "<TD></TD>"
    text = _rupiah(item.anggaran[year]) if year in item.anggaran else ""
    if not item.kode_pendanaan(year):
        text = (text + " !").strip()
    tip = _e(item.target.get(year, ""))
    return (f'<TD BGCOLOR="{WARNA[item.status_rencana]}" TITLE="{tip}">'
            f'<FONT POINT-SIZE="9">{_e(text) or " "}</FONT></TD>')  # fmt: skip


def linimasa_dot(model: Arsitektur, lang: str = "id") -> str:
    """The DOT source of the timeline of the model's Peta Rencana."""
    en = lang == "en"
    items = rencana(model)
    years = _years(model, items)
    pemda = model.konfigurasi.pemda.nama if model.konfigurasi else "Pemda"
    title = f"SPBE Roadmap - {pemda}" if en else f"Peta Rencana SPBE - {pemda}"
    if years:
        title += f" {years[0]}-{years[-1]}"
    cols = 4 + len(years)
    rows = [f'<TR><TD COLSPAN="{cols}" BORDER="0"><B>{_e(title)}</B></TD></TR>']
    head = ["Muatan", "Item" if en else "Butir", "OPD"] + [str(y) for y in years]
    head.append("Total" if en else "Jumlah")
    rows.append("<TR>" + "".join(f'<TD BGCOLOR="#f5f5f5"><B>{h}</B></TD>' for h in head) + "</TR>")
    for muatan in Muatan:
        own = [r for r in items if r.muatan is muatan]
        label = _e(_MUATAN_EN[muatan.value] if en else muatan.label)
        if not own:
            empty = "no item" if en else "belum ada butir"
            rows.append(f'<TR><TD ALIGN="LEFT">{label}</TD><TD COLSPAN="{cols - 1}" '
                        f'BGCOLOR="#fdd0a2"><I>{empty}</I></TD></TR>')  # fmt: skip
            continue
        subtotal = sum(sum(r.anggaran.values()) for r in own)
        for index, item in enumerate(own):
            first = (
                f'<TD ROWSPAN="{len(own)}" ALIGN="LEFT" VALIGN="TOP">{label}</TD>'
                if index == 0
                else ""
            )
            name = (f'<TD ALIGN="LEFT" BALIGN="LEFT" TITLE="{_e(item.nama)}">{_e(item.id)}<BR/>'
                    f'<FONT POINT-SIZE="9">{_e(_short(item.nama))}</FONT></TD>')  # fmt: skip
            owner = model.owner(item.id) or ""
            opd = model.opd.get(owner)
            shown = (opd.singkatan or opd.nama) if opd else owner or "-"
            who = f'<TD ALIGN="LEFT"><FONT POINT-SIZE="9">{_e(shown)}</FONT></TD>'
            last = (
                f'<TD ROWSPAN="{len(own)}" VALIGN="TOP"><FONT POINT-SIZE="9">'
                f"{_e(_rupiah(subtotal))}</FONT></TD>"
                if index == 0
                else ""
            )
            rows.append(
                "<TR>"
                + first
                + name
                + who
                + "".join(_cell(item, y) for y in years)
                + last
                + "</TR>"
            )
    totals = [sum(r.anggaran.get(y, 0) for r in items) for y in years]
    rows.append(
        f'<TR><TD COLSPAN="3" ALIGN="LEFT"><B>{"Total per year" if en else "Jumlah per tahun"}'
        "</B></TD>"
        + "".join(f'<TD><FONT POINT-SIZE="9"><B>{_e(_rupiah(t))}</B></FONT></TD>' for t in totals)
        + f'<TD><FONT POINT-SIZE="9"><B>{_e(_rupiah(sum(totals)))}</B></FONT></TD></TR>'
    )
    legend = " ".join(
        f'<FONT COLOR="{WARNA[s]}">■</FONT> {_e(_STATUS_EN[s.value] if en else s.label)}'
        for s in StatusRencana
    )
    note = "! no funding code" if en else "! tanpa kode pendanaan"
    rows.append(f'<TR><TD COLSPAN="{cols}" BORDER="0" ALIGN="LEFT">{legend}   {_e(note)}</TD></TR>')
    table = (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">'
        + "".join(rows)
        + "</TABLE>"
    )
    return (
        "digraph linimasa {\n"
        f'  graph [fontname="{_FONT}"];\n'
        f'  node [shape=plaintext, fontname="{_FONT}", fontsize=10];\n'
        f"  linimasa [label=<{table}>];\n"
        "}\n"
    )
