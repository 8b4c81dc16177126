"""``ringkasan``: the whole Pemda on one page (A4 landscape): elements per OPD × domain.

One table, its rows the OPDs grouped by urusan (Permendagri 90/2019), its columns the domains
of the architecture (Perpres 95/2018, Arsitektur SPBE: proses bisnis, data dan informasi,
layanan, aplikasi, infrastruktur, keamanan) with the aplikasi counted by origin (national K/L,
Aplikasi Umum, built by the Pemda). Each OPD name links to its OPD view; the last row holds
the totals. It stays one page however large the model: it grows by one row per OPD.
"""

from __future__ import annotations

from collections import Counter

from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Diagram, Node
from spbe_arch.render.dot import html
from spbe_arch.render.gaya import GAYA, ORIGIN, URUSAN, domain_label, style_of

COLUMNS: tuple[str, ...] = ("layanan", "proses_bisnis", "data", "aplikasi", "infrastruktur")
ORIGINS: tuple[str, ...] = ("sektor_kl", "aplikasi_umum", "pemda")


def _cell(value: object, colour: str = "", bold: bool = False, href: str = "") -> str:
    text = html(str(value)) if value != 0 else '<FONT COLOR="#BBBBBB">0</FONT>'
    if bold:
        text = f"<B>{text}</B>"
    attrs = f' BGCOLOR="{colour}"' if colour else ""
    if href:
        attrs += f' HREF="{html(href)}" TARGET="_top"'
    return f'<TD ALIGN="RIGHT"{attrs}>{text}</TD>'


def ringkasan(ctx: ViewContext) -> list[Diagram]:
    """The one-page overview of the Pemda (one diagram)."""
    model = ctx.model
    counts: dict[str, Counter[str]] = {}
    for element in model:
        style = style_of(element.KIND)
        if style not in (*COLUMNS, "keamanan"):
            continue
        owner = model.owner(element.id) or ""
        row = counts.setdefault(owner, Counter())
        row[style] += 1
        if style == "aplikasi":
            asal = getattr(element, "asal", None)
            row["asal:" + (str(asal.value) if asal is not None else "pemda")] += 1
        if style in ("data", "aplikasi", "infrastruktur") and not ctx.protected.get(element.id):
            row["rawan"] += 1
    if not counts:
        return []
    en = ctx.lang == "en"
    heads = [
        ctx.t("Kelompok urusan", "Group of affairs"),
        ctx.t("Perangkat Daerah", "OPD"),
        *(domain_label(c, ctx.lang).replace(" SPBE", "") for c in COLUMNS[:3]),
        *(ORIGIN[o][0] for o in ORIGINS),
        domain_label("infrastruktur", ctx.lang).replace(" SPBE", ""),
        domain_label("keamanan", ctx.lang).replace(" SPBE", ""),
        ctx.t("Tanpa pengamanan", "Not secured"),
    ]
    colours = [
        "#EEEEEE",
        "#EEEEEE",
        *(GAYA[c].fill for c in COLUMNS[:3]),
        *(ORIGIN[o][3] for o in ORIGINS),
        GAYA["infrastruktur"].fill,
        GAYA["keamanan"].fill,
        "#FFCDD2",
    ]
    rows = [
        f'<TR><TD COLSPAN="{len(heads) - 8}"></TD><TD COLSPAN="3"></TD>'
        f'<TD COLSPAN="3" BGCOLOR="{GAYA["aplikasi"].fill}"><B>'
        f"{html(domain_label('aplikasi', ctx.lang).replace(' SPBE', ''))}</B></TD>"
        '<TD COLSPAN="3"></TD></TR>',
        "<TR>"
        + "".join(
            f'<TD BGCOLOR="{c}"><B>{html(h)}</B></TD>' for h, c in zip(heads, colours, strict=True)
        )
        + "</TR>",
    ]
    by_group: dict[str, list[str]] = {}
    for opd in sorted(counts, key=lambda o: (ctx.urusan_of(o) or "9", ctx.opd_name(o))):
        by_group.setdefault(ctx.urusan_of(opd), []).append(opd)
    total: Counter[str] = Counter()
    for group, opds in by_group.items():
        label = URUSAN.get(group, (ctx.t("Lainnya", "Other"),) * 2)[1 if en else 0]
        for i, opd in enumerate(opds):
            row = counts[opd]
            total.update(row)
            first = (
                f'<TD ROWSPAN="{len(opds)}" ALIGN="LEFT" VALIGN="TOP">{html(label)}</TD>'
                if i == 0
                else ""
            )
            name = html(ctx.opd_name(opd))
            href = ctx.opd_url(opd)
            link = f' HREF="{html(href)}" TARGET="_top" TITLE="{name}"' if href else ""
            cells = [
                f'<TD ALIGN="LEFT"{link}>{name}</TD>',
                *(_cell(row[c]) for c in COLUMNS[:3]),
                *(_cell(row["asal:" + o]) for o in ORIGINS),
                _cell(row["infrastruktur"]),
                _cell(row["keamanan"]),
                _cell(row["rawan"], "#FFEBEE" if row["rawan"] else ""),
            ]
            rows.append("<TR>" + first + "".join(cells) + "</TR>")
    rows.append(
        '<TR><TD COLSPAN="2" ALIGN="LEFT"><B>'
        + html(ctx.t("Jumlah", "Total"))
        + "</B></TD>"
        + "".join(
            _cell(total[k], bold=True)
            for k in (
                *COLUMNS[:3],
                *("asal:" + o for o in ORIGINS),
                "infrastruktur",
                "keamanan",
                "rawan",
            )
        )
        + "</TR>"
    )
    table = (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#BDBDBD">'
        + "".join(rows)
        + "</TABLE>"
    )
    title = ctx.t("Ringkasan Arsitektur SPBE", "SPBE architecture overview") + f" — {ctx.pemda}"
    node = Node(id="ringkasan", label="", caption="", style="katalog", html=table)
    return [
        Diagram(
            name="ringkasan",
            family="ringkasan",
            title=title,
            nodes=(node,),
            split=(),
            lang=ctx.lang,
            attrs=(("fontsize", "10"),),
        )
    ]
