"""``render_views``: model → diagram models → DOT → files, with an index page and a cache.

Everything is written inside the output folder through :func:`spbe_arch.fileio.write_atomic`
(``root`` = that folder: a symbolic link leading out of it is refused, never followed) and the
only files ever deleted are this tool's own view files recorded in the folder's manifest
(:mod:`spbe_arch.render.cache`), through :func:`spbe_arch.fileio.remove_inside`.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from spbe_arch.fileio import OutsideFolderError, remove_inside, write_atomic
from spbe_arch.graph import ModelGraph
from spbe_arch.load import LoadResult, load
from spbe_arch.messages import LocalizedError
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.problems import Severity
from spbe_arch.render import cache, engine, fit
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Diagram
from spbe_arch.render.dot import to_dot
from spbe_arch.render.html import element_page, index_page
from spbe_arch.render.result import RenderResult, ViewOutput
from spbe_arch.render.split import split
from spbe_arch.render.stamp import model_date, model_version, stamp_line
from spbe_arch.render.views import VIEW_FAMILIES, build_all
from spbe_arch.render.views.naming import view_name

FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")
DEFAULT_MAX_NODES = 80
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (11.69, 8.27),
    "A3": (16.54, 11.69),
    "A1": (33.11, 23.39),
}
"""ISO 216 paper sizes in inches, landscape (width, height)."""
DEFAULT_PAPER = "A3"
MARGIN = 0.4
"""Inches left blank around the drawing on each side of the page."""
NAME_FONT = 11.0
"""The size of element names in the views, in points (ids and relation labels are 8 pt)."""
MIN_READABLE = 6.5
"""The smallest printed size of an element name: a view is split rather than scaled below
this (its 8 pt ids then print at 4.7 pt, legible on paper at arm's length)."""
MAX_VIEW_NODES = 3000
"""A view of more elements than this is refused (even split, no page would read): the
per-OPD, per-layanan and overview views cover a model of any size."""
MEASURED = 0
"""Views of more nodes than this are laid out once to check that they fit the paper (all:
a small view with long names can be too wide too)."""


def page_inches(paper: str) -> tuple[float, float]:
    """The drawable area of a landscape page, in inches."""
    w, h = PAPERS[paper]
    return w - 2 * MARGIN, h - 2 * MARGIN


def fits(size: tuple[float, float], paper: str) -> tuple[bool, bool]:
    """Whether a layout of ``size`` points fits the paper (landscape, portrait) when scaled
    down no further than :data:`MIN_READABLE` / :data:`NAME_FONT`."""
    w, h = page_inches(paper)
    scale = MIN_READABLE / NAME_FONT
    lw, lh = w * 72 / scale, h * 72 / scale
    return (size[0] <= lw and size[1] <= lh, size[0] <= lh and size[1] <= lw)


PNG_DPI = "150"
"""Pixels per inch of PNG output: a page-sized picture stays sharp on screen and paper."""


def _sized(
    diagram: Diagram,
    paper: str,
    portrait: bool = False,
    fmt: str = "svg",
    natural: tuple[float, float] | None = None,
) -> Diagram:
    """The diagram scaled down to the paper's drawable area; a PDF is padded out to the whole
    sheet (Graphviz sizes a PDF page to its drawing), centred."""
    w, h = page_inches(paper)
    if portrait:
        w, h = h, w
    attrs = tuple((k, v) for k, v in diagram.attrs if k not in ("size", "dpi", "margin"))
    extra: tuple[tuple[str, str], ...] = (("dpi", PNG_DPI),) if fmt == "png" else ()
    if fmt == "pdf" and natural is not None and natural[0] > 8 and natural[1] > 8:
        # ``natural`` is here the size drawn at this paper (see :func:`_pdf_pages`); a PDF
        # page is the drawing plus ``margin`` on each side, so the margin fills the sheet.
        # Graphviz rescales a drawing a little when the margins change, so a page can come
        # out up to about 8 % off the sheet in one direction (measured; see the tests).
        sheet = (w + 2 * MARGIN, h + 2 * MARGIN)
        room = [max(0.0, (sheet[i] * 72 - natural[i]) / 2 / 72) for i in (0, 1)]
        extra = (("margin", f"{room[0]:.3f},{room[1]:.3f}"),)
    return replace(diagram, attrs=(*attrs, ("size", f"{w:.2f},{h:.2f}"), *extra))


class RenderError(LocalizedError):
    """A usage error: unknown view or focus id, bad option, or ``dot`` missing."""


class DotNotFoundError(RenderError):
    """Graphviz is not installed and the format needs it."""


def _family_of(name: str) -> str:
    return next((f for f in VIEW_FAMILIES if name == f or name.startswith(f + "-")), "")


def _select(
    diagrams: list[Diagram],
    parts: list[Diagram],
    wanted: Iterable[str] | None,
) -> tuple[list[Diagram], set[str]]:
    """The parts asked for: by family, by view name, or by the name of a part (every name
    the index shows is accepted). Returns the parts and the names of parts that only the
    paper fitting makes (``integrasi-bagian-2``), to keep after it."""
    if not wanted:
        return parts, set()
    names = {d.name for d in diagrams} | {p.name for p in parts}
    later: set[str] = set()
    for w in wanted:
        if w in names or w in VIEW_FAMILIES:
            continue
        if any(w.startswith(n + "-") for n in names):
            later.add(w)
            continue
        near = difflib.get_close_matches(w, sorted(names | set(VIEW_FAMILIES)), n=3)
        listed, families = ", ".join(near), ", ".join(VIEW_FAMILIES)
        raise RenderError(
            f"view '{w}' tidak dikenal"
            + (f"; mungkin: {listed}" if near else "")
            + f"; jenis view: {families}",
            f"unknown view '{w}'"
            + (f"; did you mean: {listed}" if near else "")
            + f"; view families: {families}",
        )
    chosen = set(wanted)
    whole = {d.name for d in diagrams if d.name in chosen}
    out: list[Diagram] = []
    for p in parts:
        base = next((d.name for d in diagrams if p.name.startswith(d.name)), p.name)
        asked = p.name in chosen or p.family in chosen or base in whole
        if asked or any(w.startswith(p.name + "-") for w in later):
            out.append(p)
    return out, later


def _only(fitted: list[Diagram], later: set[str], wanted: set[str]) -> list[Diagram]:
    """After fitting: of a part selected only for a sub-part's name, keep that sub-part."""
    if not later:
        return fitted
    out = []
    for d in fitted:
        via = [w for w in later if w.startswith(d.name) or d.name.startswith(_stem(w))]
        if d.name in wanted or d.family in wanted or not via or d.name in later:
            out.append(d)
    missing = later - {d.name for d in out}
    if missing:
        first = sorted(missing)[0]
        raise RenderError(
            f"view '{first}' tidak ada lagi (model berubah sejak digambar?)",
            f"unknown view '{first}' (the model changed since it was drawn?)",
        )
    return out


def _stem(name: str) -> str:
    return name.rsplit("-bagian-", 1)[0]


def _load(target: str | os.PathLike[str] | Arsitektur | LoadResult) -> LoadResult:
    if isinstance(target, LoadResult):
        return target
    if isinstance(target, Arsitektur):
        return LoadResult(target, [])
    return load(target)


def _state(year: int | None, model: Arsitektur, lang: str) -> str:
    if year is None:
        return ""
    konf = model.konfigurasi
    en = lang == "en"
    if konf is not None and year < konf.periode.mulai:
        return f"as-is ({year})"
    if konf is not None and year >= konf.periode.selesai:
        return f"to-be ({year})"
    return f"year {year}" if en else f"tahun {year}"


def _fit(
    parts: list[Diagram],
    dot_exe: str,
    paper: str,
    known: dict[str, list[float]],
    jobs: int | None,
    notices: list[str],
    lang: str,
    fmt: str = "svg",
) -> list[Diagram]:
    """Each part sized to the paper; a part that would print below the readable font size
    takes the least changed tighter layout that fits (:func:`_tighten`), else is split further
    (by its own keys), up to three times; what still does not fit is shrunk and noted."""
    out: list[Diagram] = []
    todo = parts
    for _round in range(3):
        measure: list[tuple[Diagram, str]] = []
        again: list[Diagram] = []
        for d in todo:
            if len(d.nodes) <= MEASURED:
                out.append(_sized(d, paper))
                continue
            measure.append((d, cache.digest(to_dot(d), "size")))
        unknown = [(d, k) for d, k in measure if k not in known]
        if unknown:
            workers = max(1, min(len(unknown), jobs or os.cpu_count() or 1))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                sizes = list(pool.map(lambda dk: engine.measure(dot_exe, to_dot(dk[0])), unknown))
            for (_, k), size in zip(unknown, sizes, strict=True):
                known[k] = [size[0], size[1]]
        tight = _tighten(
            [(d, (known[k][0], known[k][1])) for d, k in measure], dot_exe, paper, known, jobs
        )
        for d, k in measure:
            size = (known[k][0], known[k][1])
            land, port = fits(size, paper)
            if land or port:
                out.append(_sized(d, paper, portrait=not land))
                continue
            if d.name in tight:
                better, size = tight[d.name]
                out.append(_sized(better, paper, portrait=not fits(size, paper)[0]))
                continue
            w, h = page_inches(paper)
            ratio = min(w * 96 / size[0], h * 96 / size[1], h * 96 / size[0], w * 96 / size[1])
            limit = max(4, int(len(d.nodes) * max(ratio, 0.2) * 0.9))
            pieces = split(d, min(limit, len(d.nodes) - 1)) if _round < 2 else [d]
            if any(len(p.nodes) >= len(d.nodes) for p in pieces):
                pieces = [d]  # references fill every part: splitting does not help
            if len(pieces) == 1:
                notices.append(
                    f"{d.name}: does not fit {paper} with text of at least {MIN_READABLE:g} pt; "
                    "scaled down"
                    if lang == "en"
                    else f"{d.name}: tidak muat kertas {paper} dengan huruf paling kecil "
                    f"{MIN_READABLE:g} pt; diperkecil"
                )
                out.append(_sized(d, paper, portrait=size[1] > size[0]))
            else:
                if d.notice and d.notice not in notices:  # the split that made this part
                    notices.append(d.notice)
                again.extend(pieces)
        if not again:
            break
        todo = again
    if fmt == "png":
        out = [replace(d, attrs=(*d.attrs, ("dpi", PNG_DPI))) for d in out]
    elif fmt == "pdf":
        out = _pdf_pages(out, dot_exe, paper, jobs)
    return out


TIGHTEN_OVER = 1.6
"""A view more than this many times too big for the paper is split at once: the tighter
layouts of :mod:`spbe_arch.render.fit` take at most about a third off a side (measured on
the example models: the largest overshoot they brought back was 1.27), so trying them would
only cost time. A smaller overshoot tries them first."""


def _over(size: tuple[float, float], paper: str) -> float:
    """How many times too big a layout of ``size`` points is for the paper at the smallest
    readable font (the better orientation; at most 1 when it fits)."""
    w, h = page_inches(paper)
    scale = MIN_READABLE / NAME_FONT
    lw, lh = w * 72 / scale, h * 72 / scale
    return min(max(size[0] / lw, size[1] / lh), max(size[0] / lh, size[1] / lw))


def _tighten(
    measured: list[tuple[Diagram, tuple[float, float]]],
    dot_exe: str,
    paper: str,
    known: dict[str, list[float]],
    jobs: int | None,
) -> dict[str, tuple[Diagram, tuple[float, float]]]:
    """For each view that does not fit the paper: the least changed of its tighter layouts
    (:func:`spbe_arch.render.fit.first_fit`) that does, with its measured size."""
    todo = [d for d, size in measured if 1 < _over(size, paper) <= TIGHTEN_OVER]
    if not todo:
        return {}

    def measure(variant: Diagram) -> tuple[float, float]:
        source = to_dot(variant)
        key = cache.digest(source, "size")
        if key not in known:
            w, h = engine.measure(dot_exe, source)
            known[key] = [w, h]
        return known[key][0], known[key][1]

    def first(d: Diagram) -> tuple[Diagram, tuple[float, float]] | None:
        return fit.first_fit(d, measure, lambda size: _over(size, paper) <= 1)

    workers = max(1, min(len(todo), jobs or os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        found = list(pool.map(first, todo))
    return {d.name: f for d, f in zip(todo, found, strict=True) if f is not None}


def _pdf_pages(parts: list[Diagram], dot_exe: str, paper: str, jobs: int | None) -> list[Diagram]:
    """Each diagram padded so that its PDF page is the whole sheet: laid out once more at the
    paper's size to learn the drawn size (Graphviz sizes a PDF page to its drawing)."""
    workers = max(1, min(len(parts), jobs or os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        sizes = list(pool.map(lambda d: engine.measure(dot_exe, to_dot(d)), parts))
    out = []
    for d, size in zip(parts, sizes, strict=True):
        portrait = dict(d.attrs).get("size", "").startswith(f"{page_inches(paper)[1]:.2f},")
        out.append(_sized(d, paper, portrait=portrait, fmt="pdf", natural=size))
    return out


def render_views(
    target: str | os.PathLike[str] | Arsitektur | LoadResult,
    out: str | os.PathLike[str],
    *,
    views: Iterable[str] | None = None,
    fmt: str = "svg",
    focus: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    lang: str = "id",
    jobs: int | None = None,
    paper: str = DEFAULT_PAPER,
    depth: int | None = 1,
    year: int | None = None,
    state: str = "",
    changes: dict[str, tuple[str, tuple[str, ...]]] | None = None,
    origin: str | os.PathLike[str] | None = None,
) -> RenderResult:
    """Render the views of a model repository (every view, or those named) into ``out``.

    ``views`` holds view names (``lapisan-dinkes``, also the name of a part) or families
    (``lapisan``, ``opd`` …); ``focus`` adds the ``fokus-<id>`` impact view of one element,
    ``depth`` relations deep (None: all). Each view is laid out for ``paper`` (A4, A3, A1,
    landscape or portrait), laid out tighter or split further when its element names would
    print below 6.5 pt (docs/diagrams.md, "Kertas dan pemecahan"). Every
    view carries a title block (Pemda, period, ``state`` or the ``year``, model version,
    date); ``changes`` colours elements a roadmap item introduces, changes or retires;
    ``origin`` names the model folder when ``target`` is an already loaded (or sliced) model,
    for the title block's version and date.
    Writes one file per view, ``index.html`` (every view ever drawn into ``out``),
    ``elemen.html`` and the ``.cache.json`` manifest; views whose DOT did not change are not
    drawn again. Raises :class:`RenderError` for usage errors and
    :class:`~spbe_arch.load.ModelRepositoryError` when ``target`` has no ``spbe.yaml``.
    ``spbe_arch.render(...)`` is this function.

    >>> import tempfile, spbe_arch
    >>> out = tempfile.mkdtemp()
    >>> model = "models/kabupaten-contoh"
    >>> result = spbe_arch.render(model, out, views=["infrastruktur"], fmt="dot")
    >>> [view.file for view in result.views]
    ['infrastruktur.dot']
    """
    en = lang == "en"
    if fmt not in FORMATS:
        raise RenderError(
            f"format '{fmt}' tidak dikenal; pilih: {', '.join(FORMATS)}",
            f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}",
        )
    if paper not in PAPERS:
        raise RenderError(
            f"kertas '{paper}' tidak dikenal; pilih: {', '.join(PAPERS)}",
            f"unknown paper '{paper}'; choose one of: {', '.join(PAPERS)}",
        )
    if max_nodes < 2:
        raise RenderError("--max-nodes harus paling sedikit 2", "--max-nodes must be at least 2")
    if depth is not None and depth < 1:
        raise RenderError("--depth harus paling sedikit 1", "--depth must be at least 1")
    dot_exe = None
    if fmt != "dot":
        dot_exe = engine.find_dot()
        if dot_exe is None:
            raise DotNotFoundError(engine.INSTALL_HINT, engine.INSTALL_HINT_EN)
    folder = Path(target) if isinstance(target, (str, os.PathLike)) else None
    if folder is None and origin is not None:
        folder = Path(origin)
    loaded = _load(target)
    model = loaded.model
    katalog = model.katalog()
    graph = ModelGraph(model, katalog)
    if focus is not None and graph.kind(focus) in (None, "katalog"):
        near = difflib.get_close_matches(focus, sorted(model.ids()), n=3)
        similar = ", ".join(near)
        raise RenderError(
            f"--focus: elemen '{focus}' tidak ada di model"
            + (f"; mungkin: {similar}" if near else ""),
            f"--focus: element '{focus}' is not in the model"
            + (f"; did you mean: {similar}" if near else ""),
        )
    state = state or _state(year, model, lang)
    stamp = stamp_line(model, state, model_version(model, folder), model_date(folder), lang)
    ctx = ViewContext(
        graph, katalog, lang=lang, max_nodes=max_nodes, ext=fmt, stamp=stamp, depth=depth,
        changes=dict(changes or {}), state=state,
    )  # fmt: skip
    wanted = list(views or [])
    families = {_family_of(w) for w in wanted} if wanted else None
    if families is not None and "" in families:
        families = None  # an unknown name: build everything to suggest a near one
    target_dir = Path(os.path.abspath(out))  # fileio takes relative paths against root
    target_dir.mkdir(parents=True, exist_ok=True)
    manifest = cache.load_manifest(target_dir)
    built = build_all(ctx, focus, families)
    result = RenderResult(Path(out), fmt)
    diagrams: list[Diagram] = []
    for d in built:
        if len(d.nodes) > MAX_VIEW_NODES:
            result.refused.append(d.name)
            result.notices.append(
                f"{d.name}: {len(d.nodes)} nodes > {MAX_VIEW_NODES}: not drawn (no page "
                "would read); see the per-OPD, per-service and overview views"
                if en
                else f"{d.name}: {len(d.nodes)} simpul > {MAX_VIEW_NODES}: tidak digambar "
                "(tak terbaca di kertas mana pun); lihat view per OPD, per layanan dan ringkasan"
            )
            continue
        diagrams.append(d)
    parts = [p for d in diagrams for p in split(d, max_nodes)]
    if focus is not None and wanted and "fokus" not in wanted:
        wanted.append(view_name("fokus", focus))
    selected, later = _select(diagrams, parts, wanted)
    sizes = cache.load_sizes(target_dir)
    if dot_exe is not None:
        selected = _fit(selected, dot_exe, paper, sizes, jobs, result.notices, lang, fmt)
    else:
        selected = [_sized(d, paper) for d in selected]
    selected = _only(selected, later, set(wanted))
    result.problems = [p for p in loaded.problems if p.severity is Severity.ERROR]
    result.dangling = sorted(f"{d.source}.{d.relasi.field} → {d.target}" for d in graph.dangling)
    if not wanted:  # a full run: forget (and delete) this format's views the model no longer has
        produced = {d.name for d in selected}
        for file, entry in sorted(manifest.items()):
            if entry.view not in produced and file.endswith("." + fmt):
                with contextlib.suppress(OutsideFolderError):  # cannot be: names are checked
                    remove_inside(target_dir / file, target_dir)
                del manifest[file]
    # the names drawn now or before (after fitting to the paper, which may split a view again)
    known = {d.name for d in selected} | {entry.view for entry in manifest.values()}
    jobs_todo: list[engine.Job] = []
    for d in selected:
        source = mend_view_links(to_dot(d), known, fmt)
        file = f"{d.name}.{fmt}"
        key = cache.digest(source, fmt)
        fresh = cache.is_fresh(target_dir, manifest.get(file), key)
        if not fresh:
            if dot_exe is None:
                write_atomic(target_dir / file, source, durable=False, root=target_dir)
            else:
                jobs_todo.append(engine.Job(d.name, source, target_dir / file, target_dir))
        manifest[file] = cache.Entry(
            d.name, file, key, d.family, d.title, d.opd, len(d.nodes), d.notice
        )
        result.views.append(
            ViewOutput(d.name, d.family, d.title, file, len(d.nodes), d.notice, fresh, d.opd)
        )
        if d.notice and d.notice not in result.notices:
            result.notices.append(d.notice)
    if dot_exe is not None:
        result.failed = engine.render_all(dot_exe, jobs_todo, fmt, jobs)
        for failure in result.failed:  # never cache a view that did not draw
            manifest.pop(f"{failure.split(':', 1)[0]}.{fmt}", None)
    pemda = ctx.pemda
    listed = [
        ViewOutput(e.view, e.family, e.title, e.file, e.nodes, e.notice, True, e.opd)
        for e in manifest.values()
        if (target_dir / e.file).is_file()
    ]
    write_atomic(
        target_dir / "index.html",
        index_page(
            pemda,
            listed,
            result.notices,
            fmt,
            lang,
            stamp=stamp,
            names=_opd_names(ctx),
            partial=bool(wanted) and len({e.view for e in manifest.values()}) < len(parts),
            extra=_timeline_links(target_dir, lang),
        ),
        durable=False,
        root=target_dir,
    )
    write_atomic(
        target_dir / "elemen.html", element_page(model, pemda, lang), durable=False, root=target_dir
    )
    cache.save_manifest(target_dir, manifest, sizes)
    return result


def _timeline_links(folder: Path, lang: str) -> list[tuple[str, str]]:
    from spbe_arch.render.html import TIMELINE

    title = "roadmap timeline" if lang == "en" else "linimasa Peta Rencana"
    for ext in ("svg", "png"):
        if (folder / f"{TIMELINE}.{ext}").is_file():
            return [(f"{TIMELINE}.{ext}", title)]
    return []


def _opd_names(ctx: ViewContext) -> dict[str, str]:
    return {o: ctx.model.opd[o].nama for o in ctx.model.opd}


def mend_view_links(source: str, known: set[str], fmt: str) -> str:
    """Point a drill-down link at a view that was split into parts (``opd-dinkes.svg``, drawn
    as ``opd-dinkes-bagian-1.svg``…) at its first part, so that no link in a drawing is broken.

    >>> mend_view_links('URL="opd-a.svg"', {"opd-a-bagian-1", "opd-a-bagian-2"}, "svg")
    'URL="opd-a-bagian-1.svg"'
    >>> mend_view_links('URL="opd-b.svg"', {"opd-b"}, "svg")
    'URL="opd-b.svg"'
    """
    ordered = sorted(known)

    def mend(m: re.Match[str]) -> str:
        name = m.group(2)
        if name in known:
            return m.group(0)
        parts = [n for n in ordered if n.startswith(name + "-")]
        return f'{m.group(1)}="{parts[0]}.{fmt}"' if parts else m.group(0)

    pattern = r'(URL|HREF)="([A-Za-z0-9._-]+)\.' + re.escape(fmt) + '"'
    return re.sub(pattern, mend, source)
