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


def index_page(
    pemda: str, views: list[ViewOutput], notices: list[str], fmt: str, lang: str = "id"
) -> str:
    """The index: every produced view with its thumbnail, title and notice, by family."""
    en = lang == "en"
    title = ("SPBE architecture diagrams" if en else "Diagram Arsitektur SPBE") + f" — {pemda}"
    body = [f"<h1>{escape(title)}</h1>"]
    count = f"{len(views)} " + ("views" if en else "diagram")
    link = "all elements" if en else "daftar semua elemen"
    body.append(f'<p class="meta">{count} · <a href="elemen.html">{link}</a></p>')
    if notices:
        body.append('<ul class="notices">')
        body.extend(f"<li>{escape(n)}</li>" for n in notices)
        body.append("</ul>")
    families: dict[str, list[ViewOutput]] = {}
    for v in views:
        families.setdefault(v.family, []).append(v)
    image = fmt in ("svg", "png")
    for family, members in families.items():
        body.append(f'<h2 id="{escape(family)}">{escape(family)}</h2><div class="grid">')
        for v in members:
            body.append('<div class="card">')
            if image:
                body.append(
                    f'<a class="thumb" href="{escape(v.file)}"><img loading="lazy" '
                    f'src="{escape(v.file)}" alt="{escape(v.title)}"></a>'
                )
            body.append(f'<h3><a href="{escape(v.file)}">{escape(v.title)}</a></h3>')
            nodes = f"{v.nodes} " + ("nodes" if en else "simpul")
            body.append(f'<div class="meta">{escape(v.name)} · {nodes}</div>')
            if v.notice:
                body.append(f'<div class="notice">{escape(v.notice)}</div>')
            body.append("</div>")
        body.append("</div>")
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
