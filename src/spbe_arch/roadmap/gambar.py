"""The gap drawn: the layered view (``lapisan``) of the as-is and of the to-be, side by side.

Reuses :func:`spbe_arch.render.render_views` on year-sliced models, into ``<out>/as-is-<year>``
and ``<out>/to-be-<year>``, in every format asked for. The elements a roadmap item introduces
(``elemen_baru``), changes (``elemen_diubah``) or retires (``elemen_dihentikan``) are coloured,
each naming its items: retired and changed ones in the as-is, new and changed ones in the
to-be. ``<out>/gap-ringkasan.html`` sums the changes per domain.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from spbe_arch.fileio import write_atomic
from spbe_arch.load import LoadResult
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.roadmap.waktu import as_is, periode, rencana, to_be

Changes = dict[str, tuple[str, tuple[str, ...]]]
KINDS = ("baru", "diubah", "dihentikan")


def changes_of(model: Arsitektur) -> Changes:
    """Element id → (``baru``/``diubah``/``dihentikan``, the roadmap items saying so)."""
    found: dict[str, dict[str, list[str]]] = {}
    for item in rencana(model):
        for kind, ids in zip(
            KINDS, (item.elemen_baru, item.elemen_diubah, item.elemen_dihentikan), strict=True
        ):
            for ident in ids:
                found.setdefault(ident, {}).setdefault(kind, []).append(item.id)
    out: Changes = {}
    for ident, kinds in sorted(found.items()):
        kind = next(k for k in ("dihentikan", "baru", "diubah") if k in kinds)
        out[ident] = (kind, tuple(sorted(kinds[kind])))
    return out


def summary_page(model: Arsitektur, changes: Changes, lang: str = "id") -> str:
    """An HTML table per domain: what the roadmap introduces, changes and retires."""
    en = lang == "en"
    heads = ("new", "changed", "retired") if en else ("baru", "diubah", "dihentikan")
    rows: dict[str, dict[str, list[str]]] = {}
    for ident, (kind, items) in changes.items():
        element = model.elemen.get(ident)
        domain = element.DOMAIN if element is not None else "?"
        nama = str(getattr(element, "nama", ident))
        rows.setdefault(domain, {}).setdefault(kind, []).append(
            f"{escape(ident)} {escape(nama)} ({escape(', '.join(items))})"
        )
    title = "Gap summary per domain" if en else "Ringkasan gap per domain"
    body = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>',
        "<style>body{font-family:Helvetica,Arial,sans-serif}td,th{border:1px solid #ccc;"
        "padding:.3rem;vertical-align:top;font-size:.85rem}table{border-collapse:collapse}"
        "</style></head><body>",
        f"<h1>{title}</h1><table><tr><th>domain</th>"
        + "".join(f"<th>{h}</th>" for h in heads)
        + "</tr>",
    ]
    for domain in sorted(rows):
        cells = [
            f"<td>{len(rows[domain].get(k, []))}<br>"
            + "<br>".join(rows[domain].get(k, []))
            + "</td>"
            for k in KINDS
        ]
        body.append(f"<tr><th>{escape(domain)}</th>{''.join(cells)}</tr>")
    body.append("</table></body></html>\n")
    return "\n".join(body)


def gambar_gap(
    loaded: LoadResult,
    out: Path,
    fmt: str | list[str] = "svg",
    lang: str = "id",
    origin: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Draw the layered view of the as-is and the to-be in each format; returns the folders."""
    from spbe_arch.render import render_views

    span = periode(loaded.model)
    if span is None:
        return []
    formats = [fmt] if isinstance(fmt, str) else list(fmt)
    out = Path(os.path.abspath(out))
    changes = changes_of(loaded.model)
    before = {k: v for k, v in changes.items() if v[0] in ("diubah", "dihentikan")}
    after = {k: v for k, v in changes.items() if v[0] in ("baru", "diubah")}
    folders = []
    for label, year, sliced, marked in (
        ("as-is", span[0] - 1, as_is(loaded.model), before),
        ("to-be", span[1], to_be(loaded.model), after),
    ):
        folder = out / f"{label}-{year}"
        for one in formats:
            render_views(
                LoadResult(sliced, loaded.problems),
                folder,
                views=["lapisan"],
                fmt=one,
                lang=lang,
                state=f"{label} ({year})",
                changes=marked,
                origin=origin,
            )
        folders.append(folder)
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(
        out / "gap-ringkasan.html",
        summary_page(loaded.model, changes, lang),
        durable=False,
        root=out,
    )
    return folders
