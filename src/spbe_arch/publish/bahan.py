"""The material of a publication, gathered once: the checked model, its diagrams (through the
public render API), the gap, the self-assessment, the survey status, the reference coverage,
and the page of every id on the site. The document and the site only read this."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch.check import CheckResult
from spbe_arch.evaluasi.penilaian import HasilIndikator
from spbe_arch.graph import ModelGraph
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import SELURUH_PEMDA, Elemen, owners_of
from spbe_arch.model.kinds import DOMAIN_KATALOG
from spbe_arch.model.peta_rencana import RencanaSpbe
from spbe_arch.problems import Problem, Severity
from spbe_arch.publish.gitinfo import Versi
from spbe_arch.publish.teks import inert
from spbe_arch.referensi import Katalog
from spbe_arch.roadmap.gap import DAFTAR, Gap
from spbe_arch.survei.status import Status

DOC_FAMILIES: tuple[str, ...] = ("integrasi", "infrastruktur", "referensi")
"""View families that are figures of the document (every view is on the site)."""


@dataclass(frozen=True, slots=True)
class Sel:
    """A table cell or list item of the document and the site: its text, the site page it
    links to (relative to the site root), and a note shown beside it."""

    text: str
    href: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Tampilan:
    """One rendered view: its name, family, title, file, and the ids drawn in it."""

    name: str
    family: str
    title: str
    file: str
    nodes: frozenset[str]
    notice: str = ""


@dataclass(frozen=True, slots=True)
class Cakupan:
    """Reference coverage of one catalogue, or of one L1 sector of it."""

    kode: str
    nama: str
    daun: int
    dicakup: int
    elemen: int

    @property
    def persen(self) -> float:
        """Share of leaf nodes covered, 0–100."""
        return 100.0 * self.dicakup / self.daun if self.daun else 0.0


@dataclass(slots=True)
class Bahan:
    """Everything the writers need; built by :func:`spbe_arch.publish.publish`."""

    root: Path
    lang: str
    model: Arsitektur
    problems: list[Problem]
    graph: ModelGraph
    katalog: Katalog
    versi: Versi
    today: dt.date
    gap: Gap
    penilaian: list[HasilIndikator]
    survei: Status | None
    views: list[Tampilan] = field(default_factory=list)
    svg: dict[str, str] = field(default_factory=dict)
    """View file → SVG text, its element links pointing at the site's pages."""
    png: dict[str, bytes] = field(default_factory=dict)
    """View file → PNG bytes, for the figures of the DOCX (a word processor's images)."""
    slugs: dict[str, str] = field(default_factory=dict)
    rencana_of: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Element id → (roadmap item id, kind of change: baru/diubah/dihentikan)."""
    temuan_of: dict[str, list[Problem]] = field(default_factory=dict)
    views_of: dict[str, list[Tampilan]] = field(default_factory=dict)
    cakupan: list[tuple[Cakupan, list[Cakupan]]] = field(default_factory=list)
    used_codes: dict[str, list[str]] = field(default_factory=dict)
    """Catalogue code → ids of the elements classified under it."""

    @property
    def en(self) -> bool:
        """Whether the publication is in English."""
        return self.lang == "en"

    @property
    def open_problems(self) -> list[Problem]:
        """Errors and warnings (info is advice, not an open finding)."""
        return [p for p in self.problems if p.severity is not Severity.INFO]

    def owner_cell(self, element: Elemen) -> tuple[str, str | None]:
        """The owners of an element as one cell: their ids, and the page of the first."""
        owners = owners_of(element)
        if not owners:
            return "—", None
        text = ", ".join(self.name_of(o) if o == SELURUH_PEMDA else o for o in owners)
        return inert(text), self.page(owners[0])

    def rencana(self) -> list[RencanaSpbe]:
        """The roadmap items, by id."""
        return [e for e in self.model.of_kind("rencana") if isinstance(e, RencanaSpbe)]

    def page(self, ident: str) -> str | None:
        """The site page of an id (relative to the site root), or None when it has none."""
        model = self.model
        slug = self.slugs.get(ident)
        if slug is None:
            return None
        if ident in model.opd:
            return f"opd/{slug}.html"
        if ident in model.unit_kerja:
            owner = model.unit_kerja_opd.get(ident, "")
            return f"opd/{self.slugs.get(owner, owner)}.html#uk-{slug}"
        if model.kind_of(ident) == "rencana":
            return f"rencana/{slug}.html"
        return f"elemen/{slug}.html"

    def name_of(self, ident: str) -> str:
        """The name of an element, OPD or unit kerja; the id itself when unknown."""
        if ident == SELURUH_PEMDA and ident not in self.model.opd:
            return "Whole regional government" if self.en else "Seluruh Pemda"
        obj = self.model.get(ident)
        return str(obj.nama) if obj is not None else ident


def sector_rows(sectors: list[Cakupan]) -> list[tuple[Sel, ...]]:
    """The coverage table of one catalogue: a row per L1 sector (see :data:`SECTOR_HEAD`)."""
    return [
        (
            Sel(inert(f"{s.kode} {s.nama}"), f"referensi.html#k-{s.kode}"),
            Sel(str(s.daun)),
            Sel(str(s.dicakup)),
            Sel(f"{s.persen:.0f}%"),
            Sel(str(s.elemen)),
        )
        for s in sectors
    ]


SECTOR_HEAD = ("sektor", "daun", "dicakup", "persen", "elemen")
"""The header words (:data:`spbe_arch.publish.teks.WORDS`) of :func:`sector_rows`."""


def make_slugs(ids: list[str]) -> dict[str, str]:
    """A file name for every id: the id itself, or the id and a short digest when two ids differ
    only in case (they would share one file on a case-insensitive disk)."""
    folded: dict[str, int] = {}
    for ident in ids:
        folded[ident.casefold()] = folded.get(ident.casefold(), 0) + 1
    out: dict[str, str] = {}
    for ident in ids:
        if folded[ident.casefold()] > 1:
            out[ident] = f"{ident}-{hashlib.sha256(ident.encode()).hexdigest()[:8]}"
        else:
            out[ident] = ident
    return out


def coverage(
    model: Arsitektur, katalog: Katalog
) -> tuple[list[tuple[Cakupan, list[Cakupan]]], dict[str, list[str]]]:
    """Per catalogue of the six domains, and per L1 sector: leaf nodes covered by elements."""
    used: dict[str, list[str]] = {}
    for element in model:
        if element.referensi:
            used.setdefault(element.referensi, []).append(element.id)
    out: list[tuple[Cakupan, list[Cakupan]]] = []
    for prefix in DOMAIN_KATALOG.values():
        if prefix not in katalog.prefixes:
            continue
        nodes = [s for s in katalog.nodes(prefix) if s.berlaku]
        sectors: dict[str, list[int]] = {}
        total = [0, 0, 0]
        names = {s.kode: s.nama for s in nodes if s.level == 1}
        for s in nodes:
            l1 = ".".join(s.kode.split(".")[:2])
            row = sectors.setdefault(l1, [0, 0, 0])
            n_elem = len(used.get(s.kode, ()))
            row[2] += n_elem
            total[2] += n_elem
            if katalog.is_leaf(s.kode):
                row[0] += 1
                total[0] += 1
                if s.kode in used:
                    row[1] += 1
                    total[1] += 1
        rows = [Cakupan(k, names.get(k, k), v[0], v[1], v[2]) for k, v in sorted(sectors.items())]
        out.append((Cakupan(prefix, katalog.nama_katalog(prefix), *total), rows))
    return out, used


_NODE = re.compile(r'<g id="[^"]*" class="node">\s*<title>([^<]*)</title>')
_HREF = re.compile(r'(xlink:href|href)="elemen\.html#([^"]*)"')


def _nodes_of(svg: str) -> frozenset[str]:
    return frozenset(html.unescape(m) for m in _NODE.findall(svg))


def relink(svg: str, page: Callable[[str], str | None], prefix: str) -> str:
    """Point the element links of a rendered SVG at the site's element pages."""

    def swap(m: re.Match[str]) -> str:
        target = page(html.unescape(m.group(2)))
        if target is None:
            return m.group(0)
        return f'{m.group(1)}="{html.escape(prefix + target)}"'

    return _HREF.sub(swap, svg)


_VIEW_HREF = re.compile(r'(xlink:href|href)="([A-Za-z0-9._-]+)\.svg(#[^"]*)?"')


def _mend_view_links(svgs: dict[str, str]) -> None:
    """Point a drill-down link at a view that was split into parts (``opd-dinkes.svg``, drawn
    as ``opd-dinkes-bagian-1…``) at its first part; one that leads nowhere at the diagram list.
    """
    files = sorted(svgs)

    def mend(m: re.Match[str]) -> str:
        file = m.group(2) + ".svg"
        if file in svgs:
            return m.group(0)
        parts = [f for f in files if f.startswith(m.group(2) + "-")]
        target = parts[0] if parts else "../diagram.html"
        return f'{m.group(1)}="{target}"'

    for file, text in svgs.items():
        svgs[file] = _VIEW_HREF.sub(mend, text)


def render_diagrams(bahan: Bahan, *, figures_png: bool, jobs: int | None = None) -> None:
    """Draw every view with :func:`spbe_arch.render.render_views` (into a scratch folder), keep
    the SVG texts (element links pointing at the site) and the ids each view draws; with
    ``figures_png`` also PNGs of the document's figures (for the DOCX)."""
    from spbe_arch.load import LoadResult
    from spbe_arch.render import render_views

    loaded = LoadResult(bahan.model, [])
    with tempfile.TemporaryDirectory(prefix="spbe-publish-") as scratch:
        result = render_views(loaded, Path(scratch) / "svg", lang=bahan.lang, jobs=jobs)
        for v in result.views:
            path = Path(scratch) / "svg" / v.file
            if not path.is_file():  # dot failed on this view: reported by render, left out here
                continue
            # a bidirectional override in a name would reorder the drawing's text too
            text = inert(path.read_text(encoding="utf-8"))
            view = Tampilan(v.name, v.family, v.title, v.file, _nodes_of(text), v.notice)
            bahan.views.append(view)
            bahan.svg[v.file] = relink(text, bahan.page, "../")
            for ident in sorted(view.nodes):
                bahan.views_of.setdefault(ident, []).append(view)
        _mend_view_links(bahan.svg)
        if figures_png:
            # by family: a view split into parts is known to render by its family only
            wanted = sorted({v.family for v in bahan.views if v.family in DOC_FAMILIES})
            if wanted:
                out = Path(scratch) / "png"
                png = render_views(loaded, out, views=wanted, fmt="png", lang=bahan.lang, jobs=jobs)
                for v in png.views:
                    if (out / v.file).is_file():
                        bahan.png[v.file.removesuffix(".png") + ".svg"] = (
                            out / v.file
                        ).read_bytes()


def perubahan_butir(item: RencanaSpbe) -> list[tuple[str, str]]:
    """(kind of change, element id) of a roadmap item: introduced, changed, retired."""
    return [
        (jenis, ident)
        for jenis, key in DAFTAR.items()
        for ident in dict.fromkeys(getattr(item, key))
    ]


def index_relations(bahan: Bahan) -> None:
    """Roadmap items and findings by element id."""
    for item in bahan.rencana():
        for jenis, ident in perubahan_butir(item):
            bahan.rencana_of.setdefault(ident, []).append((item.id, jenis))
    for p in bahan.problems:
        if p.element_id:
            bahan.temuan_of.setdefault(p.element_id, []).append(p)


def gather(result: CheckResult, root: Path, lang: str, versi: Versi, today: dt.date) -> Bahan:
    """The material of one model: everything except the diagrams (:func:`render_diagrams`)."""
    from spbe_arch.evaluasi.penilaian import nilai_mandiri
    from spbe_arch.roadmap.gap import analisis_gap
    from spbe_arch.survei.status import hitung_status

    model = result.model
    katalog = model.katalog()
    graph = result.graph or ModelGraph(model, katalog)
    survei: Status | None
    try:
        survei = hitung_status(root, today=today)
    except Exception:
        survei = None
    bahan = Bahan(
        root=root,
        lang=lang,
        model=model,
        problems=list(result.problems),
        graph=graph,
        katalog=katalog,
        versi=versi,
        today=today,
        gap=analisis_gap(model),
        penilaian=nilai_mandiri(result, today.year, today),
        survei=survei,
    )
    ids = sorted(model.ids())
    bahan.slugs = make_slugs(ids)
    bahan.cakupan, bahan.used_codes = coverage(model, katalog)
    index_relations(bahan)
    return bahan
