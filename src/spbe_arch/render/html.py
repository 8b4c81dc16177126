"""The static pages next to the diagrams: ``index.html`` and ``elemen.html`` (work offline)."""

from __future__ import annotations

from html import escape
from typing import Any

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.render.gaya import GAYA, LEGEND_ORDER, domain_label, kind_label, style_of
from spbe_arch.render.result import ViewOutput

CSS = """
body{font-family:Helvetica,Arial,sans-serif;margin:1.5rem;color:#222;background:#fafafa}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .6rem;
border-bottom:2px solid #ddd;padding-bottom:.2rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1rem}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem;display:flex;
flex-direction:column}.card a.thumb{display:block;height:180px;overflow:hidden;
background:#fff;border:1px solid #eee;text-align:center}
.card img{max-width:100%;max-height:180px;object-fit:contain}
.card h3{font-size:.92rem;margin:.5rem 0 .2rem}.meta{font-size:.78rem;color:#666}
.notice{font-size:.8rem;color:#b71c1c;margin:.3rem 0}
ul.notices li{color:#b71c1c}
table{border-collapse:collapse;background:#fff;margin:.4rem 0 1.2rem;width:100%}
td,th{border:1px solid #ddd;padding:.25rem .5rem;font-size:.85rem;text-align:left;
vertical-align:top}th{width:14rem;background:#f3f3f3}
section.el{margin-bottom:1rem}section.el h3{margin:.8rem 0 .2rem;font-size:1rem}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #555;
margin-right:.4em;vertical-align:middle}
"""


def _page(title: str, body: list[str], lang: str) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
            *body,
            "</body></html>",
            "",
        ]
    )


FAMILY_LABELS: dict[str, tuple[str, str]] = {
    "ringkasan": ("Ringkasan satu halaman", "One-page overview"),
    "lapisan": ("Arsitektur berlapis", "Layered architecture"),
    "opd": ("Per Perangkat Daerah", "Per OPD"),
    "integrasi": ("Integrasi aplikasi", "Application integration"),
    "infrastruktur": ("Infrastruktur", "Infrastructure"),
    "layanan": ("Rantai layanan", "Service chains"),
    "fokus": ("Analisis dampak (fokus)", "Impact analysis (focus)"),
    "referensi": ("Cakupan referensi arsitektur", "Reference architecture coverage"),
}
TIMELINE = "peta-rencana-linimasa"
"""The file stem ``spbe-arch timeline`` writes (linked from the index when present)."""


def _card(v: ViewOutput, image: bool, en: bool) -> list[str]:
    out = ['<div class="card">']
    if image:
        out.append(
            f'<a class="thumb" href="{escape(v.file)}"><img loading="lazy" '
            f'src="{escape(v.file)}" alt="{escape(v.title)}"></a>'
        )
    out.append(f'<h3><a href="{escape(v.file)}">{escape(v.title)}</a></h3>')
    nodes = f"{v.nodes} " + ("nodes" if en else "simpul")
    out.append(f'<div class="meta"><code>--view {escape(v.name)}</code> · {nodes}</div>')
    if v.notice:
        out.append(f'<div class="notice">{escape(v.notice)}</div>')
    out.append("</div>")
    return out


def index_page(
    pemda: str,
    views: list[ViewOutput],
    notices: list[str],
    fmt: str,
    lang: str = "id",
    *,
    stamp: str = "",
    names: dict[str, str] | None = None,
    partial: bool = False,
    extra: list[tuple[str, str]] | None = None,
) -> str:
    """The index: every view drawn into the folder, by kind and by OPD, with the run's
    diagnostics (never drawn into a picture). ``names`` maps OPD ids to names; ``extra`` adds
    (file, title) links such as the roadmap timeline; ``partial`` says the list is not
    every view of the model."""
    en = lang == "en"
    title = ("SPBE architecture diagrams" if en else "Diagram Arsitektur SPBE") + f" — {pemda}"
    body = [f"<h1>{escape(title)}</h1>"]
    if stamp:
        body.append(f'<p class="meta">{escape(stamp)}</p>')
    count = f"{len(views)} " + ("views" if en else "diagram")
    link = "all elements" if en else "daftar semua elemen"
    links = [f'<a href="elemen.html">{link}</a>']
    links += [f'<a href="{escape(f)}">{escape(t)}</a>' for f, t in (extra or [])]
    body.append(f'<p class="meta">{count} · ' + " · ".join(links) + "</p>")
    if partial:
        body.append(
            '<p class="notice">'
            + (
                "Partial: only the views drawn into this folder so far are listed."
                if en
                else "Sebagian: hanya view yang pernah digambar ke folder ini yang tercantum."
            )
            + "</p>"
        )
    if notices:
        word = "Notes of the last run" if en else "Catatan proses terakhir"
        body.append(f"<h2>{word}</h2>")
        body.append('<ul class="notices">')
        body.extend(f"<li>{escape(n)}</li>" for n in notices)
        body.append("</ul>")
    seen: dict[str, ViewOutput] = {}
    for v in views:  # one card per view, preferring the format of this run
        if v.name not in seen or v.file.endswith("." + fmt):
            seen[v.name] = v
    shown = list(seen.values())
    order = list(FAMILY_LABELS)
    families: dict[str, list[ViewOutput]] = {}
    for v in sorted(
        shown, key=lambda v: (order.index(v.family) if v.family in order else 99, v.name)
    ):
        families.setdefault(v.family, []).append(v)
    image = fmt in ("svg", "png")
    nav = " · ".join(
        f'<a href="#{escape(f)}">{escape(FAMILY_LABELS.get(f, (f, f))[1 if en else 0])}</a>'
        for f in families
    )
    body.append(f'<p class="meta">{nav} · <a href="#per-opd">{"per OPD"}</a></p>')
    for family, members in families.items():
        heading = FAMILY_LABELS.get(family, (family, family))[1 if en else 0]
        body.append(f'<h2 id="{escape(family)}">{escape(heading)}</h2><div class="grid">')
        for v in members:
            body.extend(_card(v, image and v.file.endswith((".svg", ".png")), en))
        body.append("</div>")
    by_opd: dict[str, list[ViewOutput]] = {}
    for v in shown:
        if v.opd:
            by_opd.setdefault(v.opd, []).append(v)
    body.append(f'<h2 id="per-opd">{"Views per OPD" if en else "View per Perangkat Daerah"}</h2>')
    body.append("<table>")
    for opd in sorted(by_opd, key=lambda o: (names or {}).get(o, o)):
        items = ", ".join(
            f'<a href="{escape(v.file)}">{escape(v.name)}</a>'
            for v in sorted(
                by_opd[opd],
                key=lambda v: (order.index(v.family) if v.family in order else 99, v.name),
            )
        )
        body.append(f"<tr><th>{escape((names or {}).get(opd, opd))}</th><td>{items}</td></tr>")
    body.append("</table>")
    return _page(title, body, lang)


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items())
    return str(value)


def _fields(obj: Any) -> list[tuple[str, str]]:
    data = obj.model_dump(mode="json", exclude_none=True)
    out = []
    for key, value in data.items():
        if key in ("id", "unit_kerja") or value in ([], {}, ""):
            continue
        out.append((key, _value(value)))
    return out


def element_page(model: Arsitektur, pemda: str, lang: str = "id") -> str:
    """Every OPD, unit kerja and element with its fields and source file:line, by anchor."""
    en = lang == "en"
    title = ("Elements" if en else "Elemen arsitektur") + f" — {pemda}"
    back = "back to the diagrams" if en else "kembali ke daftar diagram"
    body = [f"<h1>{escape(title)}</h1>", f'<p class="meta"><a href="index.html">{back}</a></p>']
    groups: dict[str, list[tuple[str, Any]]] = {"opd": []}
    for ident, opd in sorted(model.opd.items()):
        groups["opd"].append((ident, opd))
        for unit in opd.unit_kerja:
            groups.setdefault("unit_kerja", []).append((unit.id, unit))
    for element in model:
        groups.setdefault(style_of(element.KIND), []).append((element.id, element))
    order = [g for g in LEGEND_ORDER if g in groups] + sorted(set(groups) - set(LEGEND_ORDER))
    for group in order:
        heading = domain_label(group, lang) if group in GAYA else group
        fill = GAYA[group].fill if group in GAYA else "#fff"
        body.append(
            f'<h2><span class="swatch" style="background:{fill}"></span>{escape(heading)}</h2>'
        )
        for ident, obj in sorted(groups[group], key=lambda p: p[0]):
            kind = model.kind_of(ident) or group
            file, line, _ = model.locate(ident)
            body.append(f'<section class="el" id="{escape(ident)}">')
            body.append(f"<h3>{escape(ident)} — {escape(str(obj.nama))}</h3><table>")
            rows = [
                ("jenis" if not en else "kind", kind_label(kind, lang)),
                ("berkas" if not en else "file", f"{file}:{line}"),
                *_fields(obj),
            ]
            body.extend(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
            body.append("</table></section>")
    return _page(title, body, lang)
