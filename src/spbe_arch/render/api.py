"""``render_views``: model → diagram models → DOT → files, with an index page and a cache."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from pathlib import Path

from spbe_arch.graph import ModelGraph
from spbe_arch.load import LoadResult, load
from spbe_arch.messages import LocalizedError
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.problems import Severity
from spbe_arch.render import cache, engine
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Diagram
from spbe_arch.render.dot import to_dot
from spbe_arch.render.html import element_page, index_page
from spbe_arch.render.result import RenderResult, ViewOutput
from spbe_arch.render.split import split
from spbe_arch.render.views import VIEW_FAMILIES, build_all

FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")
DEFAULT_MAX_NODES = 80


class RenderError(LocalizedError):
    """A usage error: unknown view or focus id, bad option, or ``dot`` missing."""


class DotNotFoundError(RenderError):
    """Graphviz is not installed and the format needs it."""


def _select(
    diagrams: list[Diagram], wanted: Iterable[str] | None, focus: str | None
) -> list[Diagram]:
    if not wanted:
        return diagrams
    names = {d.name for d in diagrams}
    out: list[Diagram] = []
    for w in wanted:
        if w == "fokus" and focus is None:
            raise RenderError(
                "view 'fokus' butuh --focus ID (elemen yang dianalisis)",
                "view 'fokus' needs --focus ID (the element to analyse)",
            )
        if w not in names and w not in VIEW_FAMILIES:
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
    out = [d for d in diagrams if d.name in chosen or d.family in chosen]
    return out


def _load(target: str | os.PathLike[str] | Arsitektur | LoadResult) -> LoadResult:
    if isinstance(target, LoadResult):
        return target
    if isinstance(target, Arsitektur):
        return LoadResult(target, [])
    return load(target)


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
) -> RenderResult:
    """Render the views of a model repository (every view, or those named) into ``out``.

    ``views`` holds view names (``lapisan-dinkes``) or families (``lapisan``, ``opd`` …);
    ``focus`` adds the ``fokus`` impact view of one element. A view over ``max_nodes`` nodes
    is split into parts, each carrying a notice. Writes one file per view, ``index.html``,
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
    if fmt not in FORMATS:
        raise RenderError(
            f"format '{fmt}' tidak dikenal; pilih: {', '.join(FORMATS)}",
            f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}",
        )
    if max_nodes < 2:
        raise RenderError("--max-nodes harus paling sedikit 2", "--max-nodes must be at least 2")
    dot_exe = None
    if fmt != "dot":
        dot_exe = engine.find_dot()
        if dot_exe is None:
            raise DotNotFoundError(engine.INSTALL_HINT, engine.INSTALL_HINT_EN)
    loaded = _load(target)
    model = loaded.model
    katalog = model.katalog()
    graph = ModelGraph(model, katalog)
    if focus is not None and graph.kind(focus) in (None, "katalog"):
        near = difflib.get_close_matches(focus, sorted(model.ids()), n=3)
        listed = ", ".join(near)
        raise RenderError(
            f"--focus: elemen '{focus}' tidak ada di model"
            + (f"; mungkin: {listed}" if near else ""),
            f"--focus: element '{focus}' is not in the model"
            + (f"; did you mean: {listed}" if near else ""),
        )
    ctx = ViewContext(graph, katalog, lang=lang, max_nodes=max_nodes)
    diagrams = [
        p for d in _select(build_all(ctx, focus), views, focus) for p in split(d, max_nodes)
    ]
    result = RenderResult(Path(out), fmt)
    result.problems = [p for p in loaded.problems if p.severity is Severity.ERROR]
    result.dangling = sorted(f"{d.source}.{d.relasi.field} → {d.target}" for d in graph.dangling)
    target_dir = Path(out)
    target_dir.mkdir(parents=True, exist_ok=True)
    manifest = cache.load_manifest(target_dir)
    if not views:  # a full run: forget (and delete) views the model no longer has
        produced = {d.name for d in diagrams}
        for name, entry in sorted(manifest.items()):
            if name not in produced:
                (target_dir / entry["file"]).unlink(missing_ok=True)
                del manifest[name]
    jobs_todo: list[engine.Job] = []
    for d in diagrams:
        source = to_dot(d)
        file = f"{d.name}.{fmt}"
        key = cache.digest(source, fmt)
        fresh = cache.is_fresh(target_dir, manifest.get(d.name), key, file)
        if not fresh:
            if dot_exe is None:
                (target_dir / file).write_text(source, encoding="utf-8", newline="\n")
            else:
                jobs_todo.append(engine.Job(d.name, source, target_dir / file))
        manifest[d.name] = {"sha256": key, "file": file}
        result.views.append(
            ViewOutput(d.name, d.family, d.title, file, len(d.nodes), d.notice, fresh)
        )
        if d.notice and d.notice not in result.notices:
            result.notices.append(d.notice)
    if dot_exe is not None:
        result.failed = engine.render_all(dot_exe, jobs_todo, fmt, jobs)
        for failure in result.failed:  # never cache a view that did not draw
            manifest.pop(failure.split(":", 1)[0], None)
    pemda = ctx.pemda
    (target_dir / "index.html").write_text(
        index_page(pemda, result.views, result.notices, fmt, lang), encoding="utf-8"
    )
    (target_dir / "elemen.html").write_text(element_page(model, pemda, lang), encoding="utf-8")
    cache.save_manifest(target_dir, manifest)
    return result
