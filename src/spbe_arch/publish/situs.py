"""The browsable site: a page per element, OPD, domain and roadmap item, and the overview pages.

Pages are plain data (:class:`Halaman`: title, sections of blocks) rendered by one Jinja2
template, so every page escapes the same way. All links are relative, so the site works from
``file://`` and from any static host.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spbe_arch.model.base import Elemen, owners_of
from spbe_arch.model.kinds import DOMAINS
from spbe_arch.model.peta_rencana import Muatan, RencanaSpbe
from spbe_arch.model.relasi import RELASI, Relasi
from spbe_arch.problems import Problem
from spbe_arch.publish.bahan import SECTOR_HEAD, Bahan, Sel, perubahan_butir, sector_rows
from spbe_arch.publish.teks import field_label, inert, rupiah, t, value_label
from spbe_arch.render.gaya import domain_label, kind_label
from spbe_arch.render.html import FAMILY_LABELS

HIDDEN = frozenset({"id", "nama", "abaikan"})
"""Fields never shown in the field table (the heading holds id and name)."""
PER_YEAR = frozenset({"target", "anggaran", "sub_kegiatan", "pendanaan"})
"""Roadmap item fields shown in its table per year rather than as fields."""


@dataclass(slots=True)
class Blok:
    """One block of a page: ``p``, ``dl`` (label/value pairs), ``table``, ``links``,
    ``figure`` or ``cards``."""

    kind: str
    text: str = ""
    pairs: list[tuple[str, list[Sel]]] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    rows: list[list[Sel]] = field(default_factory=list)
    items: list[Sel] = field(default_factory=list)
    caption: str = ""
    href: str = ""


@dataclass(slots=True)
class Bagian:
    """A section of a page."""

    heading: str
    blocks: list[Blok] = field(default_factory=list)
    anchor: str = ""


@dataclass(slots=True)
class Halaman:
    """One page: its path (relative to the site root), title and sections."""

    path: str
    title: str
    subtitle: str = ""
    sections: list[Bagian] = field(default_factory=list)
    template: str = "halaman.html.j2"

    @property
    def base(self) -> str:
        """The way back to the site root from this page."""
        return "../" * self.path.count("/")


def _relasi_by_field() -> dict[str, Relasi]:
    out: dict[str, Relasi] = {}
    for r in RELASI:
        out.setdefault(r.field, r)
    return out


RELASI_BY_FIELD = _relasi_by_field()


class Situs:
    """Builds the pages of the site from the material."""

    def __init__(self, bahan: Bahan) -> None:
        self.b = bahan
        self.lang = bahan.lang
        # per OPD, built once: a page per OPD must not walk every element (quadratic)
        self.owned: dict[str, list[Elemen]] = {}
        for e in bahan.model:
            for owner in owners_of(e):
                self.owned.setdefault(owner, []).append(e)
        self.found: dict[str, list[Problem]] = {}
        for p in bahan.problems:
            for who in bahan.model.owners(p.element_id) if p.element_id else ():
                self.found.setdefault(who, []).append(p)
        self.survey_rows = {r.opd: r for r in bahan.survei.baris} if bahan.survei else {}

    # -- helpers --------------------------------------------------------------------------
    def w(self, key: str) -> str:
        return t(key, self.lang)

    def tr(self, indonesian: str, english: str) -> str:
        return english if self.lang == "en" else indonesian

    def link(self, ident: str, *, with_name: bool = True) -> Sel:
        text = f"{ident} — {self.b.name_of(ident)}" if with_name else ident
        return Sel(inert(text), self.b.page(ident))

    def code(self, kode: str) -> Sel:
        simpul = self.b.katalog.get(kode)
        return Sel(inert(f"{kode} {simpul.nama}" if simpul else kode), f"referensi.html#k-{kode}")

    def code_path(self, kode: str) -> list[Sel]:
        """The catalogue path of a code, from its L1 node down to it."""
        katalog = self.b.katalog
        if kode not in katalog:
            return [Sel(inert(kode) + self.tr(" (tidak ada di katalog)", " (not in catalogue)"))]
        chain = [*reversed(katalog.ancestors(kode)), katalog[kode]]
        return [
            Sel(inert(f"{'  ' * i}{s.kode} {s.nama}"), f"referensi.html#k-{s.kode}")
            for i, s in enumerate(chain)
        ]

    def part(self, heading: str, block: Blok, *, anchor: str = "") -> Bagian:
        """A section showing ``block``, or saying "none" when it has no rows or items."""
        empty = block.kind in ("table", "links") and not (block.rows or block.items)
        shown = Blok("p", text=self.w("tidak_ada")) if empty else block
        return Bagian(heading, [shown], anchor=anchor)

    def findings_table(self, problems: list[Problem], base_el: bool = True) -> Blok:
        rows = []
        for p in problems:
            where = (
                self.link(p.element_id, with_name=False)
                if p.element_id and base_el and self.b.page(p.element_id)
                else Sel(inert(p.element_id or "—"))
            )
            rows.append(
                [
                    Sel(self.w(p.severity.value)),
                    Sel(p.code),
                    where,
                    Sel(inert(f"{p.file}:{p.line}:{p.column}")),
                    Sel(inert(p.text(self.lang))),
                ]
            )
        return Blok(
            "table",
            head=[
                self.w("tingkat"),
                self.w("aturan"),
                self.w("elemen"),
                self.w("lokasi"),
                self.w("pesan"),
            ],
            rows=rows,
        )

    def value_cells(self, key: str, value: Any) -> list[Sel]:
        if isinstance(value, dict):
            return [Sel(inert(f"{k}: {self.plain(v)}")) for k, v in value.items()]
        if isinstance(value, list):
            return [Sel(inert(self.plain(v))) for v in value] or [Sel("—")]
        return [Sel(inert(self.plain(value)))]

    def plain(self, value: Any) -> str:
        if isinstance(value, dict):
            return "; ".join(
                f"{field_label(k, self.lang)}: {self.plain(v)}" for k, v in value.items()
            )
        if isinstance(value, list):
            return ", ".join(self.plain(v) for v in value)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value_label(value, self.lang)

    # -- pages ----------------------------------------------------------------------------
    def pages(self) -> Iterator[Halaman]:
        yield self.index()
        for ident in sorted(self.b.model.opd):
            yield self.opd_page(ident)
        for domain in DOMAINS:
            yield self.domain_page(domain)
        for element in self.b.model:
            yield self.element_page(element)
        yield self.referensi_page()
        yield self.linimasa_page()
        yield self.evaluasi_page()
        yield self.temuan_page()
        yield self.diagram_page()
        yield Halaman("cari.html", self.w("cari"), template="cari.html.j2")

    def index(self) -> Halaman:
        b, model = self.b, self.b.model
        cfg = model.konfigurasi
        page = Halaman(
            "index.html",
            self.tr("Arsitektur SPBE dan Peta Rencana SPBE", "SPBE Architecture and SPBE Roadmap"),
        )
        if cfg:
            page.subtitle = inert(
                f"{cfg.pemda.nama} · {self.w('periode')} {cfg.periode.mulai}–{cfg.periode.selesai}"
            )
        facts: list[tuple[str, list[Sel]]] = []
        if cfg:
            nomor = cfg.penetapan.nomor if cfg.penetapan else self.w("belum_ditetapkan")
            facts.append((self.w("penetapan"), [Sel(inert(nomor))]))
        facts += [
            (
                self.tr("Katalog Referensi Arsitektur", "Reference catalogue"),
                [Sel(b.katalog.versi, "referensi.html")],
            ),
            (self.w("versi"), [Sel(inert(b.versi.teks(self.lang)))]),
            (
                self.w("dokumen"),
                [
                    Sel("HTML", "dokumen.html"),
                    Sel("PDF", "dokumen.pdf"),
                    Sel("DOCX", "dokumen.docx"),
                ],
            ),
        ]
        page.sections.append(Bagian("", [Blok("dl", pairs=facts)]))
        rows = []
        for domain in DOMAINS:
            rows.append(
                [
                    Sel(domain_label(domain, self.lang), f"domain/{domain}.html"),
                    Sel(str(len(model.of_domain(domain)))),
                ]
            )
        rows.append([Sel(self.w("rencana"), "linimasa.html"), Sel(str(len(b.rencana())))])
        errors = sum(1 for p in b.problems if p.severity.value == "error")
        warnings = sum(1 for p in b.problems if p.severity.value == "warning")
        rows.append(
            [
                Sel(self.w("temuan"), "temuan.html"),
                Sel(f"{errors} {self.w('error')}, {warnings} {self.w('warning')}"),
            ]
        )
        page.sections.append(
            Bagian(
                self.w("domain"),
                [Blok("table", head=[self.w("domain"), self.w("jumlah")], rows=rows)],
            )
        )
        opd_rows = []
        for ident in sorted(model.opd):
            opd = model.opd[ident]
            owned = len(self.owned.get(ident, ()))
            opd_rows.append(
                [Sel(inert(ident), b.page(ident)), Sel(inert(opd.nama)), Sel(str(owned))]
            )
        page.sections.append(
            Bagian(
                self.w("opd"),
                [
                    Blok(
                        "table",
                        head=[self.w("kode"), self.w("nama"), self.w("elemen")],
                        rows=opd_rows,
                    )
                ],
            )
        )
        page.sections.append(
            Bagian(
                self.tr("Halaman lain", "Other pages"),
                [
                    Blok(
                        "links",
                        items=[
                            Sel(self.w("referensi"), "referensi.html"),
                            Sel(self.w("linimasa"), "linimasa.html"),
                            Sel(self.w("evaluasi"), "evaluasi.html"),
                            Sel(self.w("temuan"), "temuan.html"),
                            Sel(self.w("diagram"), "diagram.html"),
                            Sel(self.w("cari"), "cari.html"),
                        ],
                    )
                ],
            )
        )
        return page

    def element_table(self, elements: list[Elemen], *, owner: bool) -> Blok:
        head = [
            self.w("kode"),
            self.w("nama"),
            self.w("jenis"),
            field_label("referensi", self.lang),
            field_label("status", self.lang),
        ]
        if owner:
            head.append(self.w("pemilik"))
        rows = []
        for e in elements:
            row = [
                Sel(inert(e.id), self.b.page(e.id)),
                Sel(inert(str(e.nama))),
                Sel(kind_label(e.KIND, self.lang)),
                self.code(e.referensi) if e.referensi else Sel("—"),
                Sel(value_label(e.status, self.lang) if e.status else "—"),
            ]
            if owner:
                row.append(Sel(*self.b.owner_cell(e)))
            rows.append(row)
        return Blok("table", head=head, rows=rows)

    def opd_page(self, ident: str) -> Halaman:
        b, model = self.b, self.b.model
        opd = model.opd[ident]
        page = Halaman(b.page(ident) or f"opd/{ident}.html", inert(f"{opd.nama} ({ident})"))
        page.subtitle = self.w("opd")
        data = opd.model_dump(mode="json", exclude_none=True)
        pairs = [
            (field_label(k, self.lang), self.value_cells(k, v))
            for k, v in data.items()
            if k not in ("id", "nama", "unit_kerja") and v not in ([], {}, "")
        ]
        page.sections.append(Bagian("", [Blok("dl", pairs=pairs)]))
        if opd.unit_kerja:
            rows = [
                [
                    Sel(inert(u.id), f"{page.path}#uk-{b.slugs.get(u.id, u.id)}"),
                    Sel(inert(u.nama)),
                    Sel(inert(u.jenis or "—")),
                ]
                for u in opd.unit_kerja
            ]
            page.sections.append(
                Bagian(
                    field_label("unit_kerja", self.lang),
                    [
                        Blok(
                            "table",
                            head=[self.w("kode"), self.w("nama"), self.w("jenis")],
                            rows=rows,
                        )
                    ],
                )
            )
            for u in opd.unit_kerja:  # the anchors element pages link to
                text = inert(" · ".join(x for x in (u.jenis, u.uraian) if x) or "—")
                page.sections.append(
                    Bagian(
                        inert(f"{u.id} — {u.nama}"),
                        [Blok("p", text=text)],
                        anchor=f"uk-{b.slugs.get(u.id, u.id)}",
                    )
                )
        owned = [e for e in self.owned.get(ident, ()) if e.KIND != "rencana"]
        for domain in DOMAINS:
            members = [e for e in owned if domain == e.DOMAIN]
            if members:
                page.sections.append(
                    Bagian(
                        domain_label(domain, self.lang), [self.element_table(members, owner=False)]
                    )
                )
        views = b.views_of.get(ident, [])
        if views:
            page.sections.append(
                Bagian(
                    self.w("muncul_di"),
                    [
                        Blok(
                            "links", items=[Sel(inert(v.title), f"diagram/{v.file}") for v in views]
                        )
                    ],
                )
            )
        items = [e for e in self.owned.get(ident, ()) if e.KIND == "rencana"]
        if items:
            page.sections.append(
                Bagian(
                    self.w("butir_rencana"), [Blok("links", items=[self.link(i.id) for i in items])]
                )
            )
        status = Bagian(self.w("status_survei"))
        row = self.survey_rows.get(ident)
        if row is None:
            status.blocks.append(
                Blok("p", text=self.tr("Belum ada data survei.", "No survey data."))
            )
        else:
            status.blocks.append(
                Blok(
                    "dl",
                    pairs=[
                        (
                            self.w("kembali"),
                            [
                                Sel(
                                    row.kembali.date().isoformat()
                                    if row.kembali
                                    else self.w("belum_kembali")
                                )
                            ],
                        ),
                        *(
                            (domain_label(d, self.lang), [Sel(str(row.jumlah.get(d, 0)))])
                            for d in DOMAINS
                        ),
                        (self.w("wajib_kosong"), [Sel(str(row.kosong))]),
                        (self.w("masalah"), [Sel(str(row.masalah))]),
                    ],
                )
            )
        page.sections.append(status)
        found = self.found.get(ident, [])
        page.sections.append(self.part(self.w("temuan"), self.findings_table(found)))
        return page

    def domain_page(self, domain: str) -> Halaman:
        elements = self.b.model.of_domain(domain)
        page = Halaman(f"domain/{domain}.html", domain_label(domain, self.lang))
        page.subtitle = f"{len(elements)} {self.w('elemen').lower()}"
        page.sections.append(Bagian("", [self.element_table(elements, owner=True)]))
        figures = [
            v
            for v in self.b.views
            if any(
                self.b.model.kind_of(n)
                and self.b.model.get(n) is not None
                and getattr(self.b.model.get(n), "DOMAIN", "") == domain
                for n in v.nodes
            )
        ]
        if figures:
            page.sections.append(
                Bagian(
                    self.w("muncul_di"),
                    [
                        Blok(
                            "links",
                            items=[Sel(inert(v.title), f"diagram/{v.file}") for v in figures],
                        )
                    ],
                )
            )
        return page

    def element_page(self, e: Elemen) -> Halaman:
        b = self.b
        path = b.page(e.id) or f"elemen/{e.id}.html"
        page = Halaman(path, inert(f"{e.id} — {e.nama}"))
        page.subtitle = (
            f"{kind_label(e.KIND, self.lang)} · {domain_label(e.DOMAIN, self.lang)}"
            if e.DOMAIN in DOMAINS
            else kind_label(e.KIND, self.lang)
        )
        file, line, _ = b.model.locate(e.id)
        pairs: list[tuple[str, list[Sel]]] = [
            (
                self.w("jenis"),
                [
                    Sel(
                        kind_label(e.KIND, self.lang),
                        f"domain/{e.DOMAIN}.html" if e.DOMAIN in DOMAINS else None,
                    )
                ],
            ),
            (
                field_label("opd", self.lang),
                [self.link(o) for o in owners_of(e)] or [Sel("—")],
            ),
        ]
        if e.referensi:
            pairs.append((field_label("referensi", self.lang), self.code_path(e.referensi)))
        data = e.model_dump(mode="json", exclude_none=True)
        for key, value in data.items():
            if key in HIDDEN or key in ("opd", "referensi") or value in ([], {}, ""):
                continue
            if key in RELASI_BY_FIELD or key == "integrasi":
                continue  # shown as links below
            if isinstance(e, RencanaSpbe) and key in PER_YEAR:
                continue  # shown in the table per year
            raw = getattr(e, key, value)
            pairs.append((field_label(key, self.lang), self.value_cells(key, raw)))
        pairs.append((self.w("berkas"), [Sel(inert(f"{file}:{line}"))]))
        page.sections.append(Bagian("", [Blok("dl", pairs=pairs)]))
        if isinstance(e, RencanaSpbe):
            page.sections.extend(self.rencana_sections(e))
        out_rows, in_rows = self.relations(e.id)
        head = [self.tr("Relasi", "Relation"), self.w("elemen")]
        views = b.views_of.get(e.id, [])
        items = b.rencana_of.get(e.id, [])
        page.sections += [
            self.part(self.w("relasi_keluar"), Blok("table", head=head, rows=out_rows)),
            self.part(self.w("relasi_masuk"), Blok("table", head=head, rows=in_rows)),
            self.part(
                self.w("muncul_di"),
                Blok(
                    "links", items=[Sel(inert(v.title), f"diagram/{v.file}", v.name) for v in views]
                ),
            ),
            self.part(
                self.w("butir_rencana"),
                Blok(
                    "links",
                    items=[
                        Sel(inert(f"{i} — {b.name_of(i)}"), b.page(i), self.w(j)) for i, j in items
                    ],
                ),
            ),
            self.part(self.w("temuan"), self.findings_table(b.temuan_of.get(e.id, []))),
        ]
        return page

    def relation_label(self, field_name: str, incoming: bool) -> str:
        r = RELASI_BY_FIELD.get(field_name)
        if r is None:
            return field_label(field_name, self.lang)
        meaning = r.arti_en if self.lang == "en" else r.arti
        head = field_name.split(".")[0]
        label = field_label(head, self.lang)
        return f"{label}: {meaning}" if not incoming else f"{label} ({meaning})"

    def relations(self, ident: str) -> tuple[list[list[Sel]], list[list[Sel]]]:
        g = self.b.graph
        out_rows: list[list[Sel]] = []
        for lk in g.links_from(ident):
            if lk.field in ("opd", "referensi") or lk.target.startswith("katalog:"):
                continue
            out_rows.append([Sel(self.relation_label(lk.field, False)), self.link(lk.target)])
        in_rows: list[list[Sel]] = []
        for lk in g.links_to(ident):
            if lk.field == "referensi":
                continue
            in_rows.append([Sel(self.relation_label(lk.field, True)), self.link(lk.source)])
        return out_rows, in_rows

    def rencana_sections(self, item: RencanaSpbe) -> list[Bagian]:
        rows = []
        for y in item.tahun_berjalan():
            rows.append(
                [
                    Sel(str(y)),
                    Sel(inert(item.target.get(y, "—"))),
                    Sel(rupiah(item.anggaran[y]) if y in item.anggaran else "—"),
                    Sel(", ".join(item.kode_pendanaan(y)) or "—"),
                ]
            )
        years = Bagian(
            self.tr(
                "Target, anggaran dan pendanaan per tahun", "Targets, budget and funding per year"
            ),
            [
                Blok(
                    "table",
                    head=[
                        self.w("tahun"),
                        self.w("target"),
                        self.w("anggaran"),
                        self.w("pendanaan"),
                    ],
                    rows=rows,
                )
            ],
        )
        gap_rows = [[Sel(self.w(j)), self.link(i)] for j, i in perubahan_butir(item)]
        gap = self.part(
            self.w("gap"), Blok("table", head=[self.w("jenis"), self.w("elemen")], rows=gap_rows)
        )
        return [years, gap]

    def referensi_page(self) -> Halaman:
        b = self.b
        page = Halaman("referensi.html", self.w("referensi"))
        page.subtitle = self.tr(
            f"Katalog versi {b.katalog.versi} (Peraturan Presiden Nomor 132 Tahun 2022)",
            f"Catalogue version {b.katalog.versi} (Presidential Regulation 132 of 2022)",
        )
        for total, sectors in b.cakupan:
            section = Bagian(inert(f"{total.kode} {total.nama}"), anchor=f"k-{total.kode}")
            section.blocks.append(
                Blok(
                    "p",
                    text=self.tr(
                        f"{total.dicakup} dari {total.daun} simpul daun dicakup "
                        f"({total.persen:.0f}%).",
                        f"{total.dicakup} of {total.daun} leaf nodes covered "
                        f"({total.persen:.0f}%).",
                    ),
                )
            )
            section.blocks.append(
                Blok(
                    "table",
                    head=[self.w(k) for k in SECTOR_HEAD],
                    rows=[list(row) for row in sector_rows(sectors)],
                )
            )
            page.sections.append(section)
        katalog = b.katalog
        under: dict[str, list[str]] = {}  # code → elements classified under it or below
        for kode, ids in b.used_codes.items():
            chain = (
                [kode, *(s.kode for s in katalog.ancestors(kode))] if kode in katalog else [kode]
            )
            for code in chain:
                under.setdefault(code, []).extend(ids)
        for _total, sectors in b.cakupan:
            for s in sectors:
                under.setdefault(s.kode, [])
        for kode in sorted(under):
            page.sections.append(self.code_section(kode, sorted(under[kode])))
        return page

    def code_section(self, kode: str, users: list[str]) -> Bagian:
        b = self.b
        simpul = b.katalog.get(kode)
        title = inert(f"{kode} {simpul.nama}" if simpul else kode)
        blocks = [Blok("dl", pairs=[(self.tr("Jalur", "Path"), self.code_path(kode))])]
        if users:
            blocks.append(Blok("links", items=[self.link(i) for i in users]))
        else:
            blocks.append(
                Blok(
                    "p", text=self.tr("Belum dicakup elemen Pemda.", "Not covered by any element.")
                )
            )
        return Bagian(title, blocks, anchor=f"k-{kode}")

    def linimasa_page(self) -> Halaman:
        b = self.b
        page = Halaman("linimasa.html", self.w("linimasa"))
        cfg = b.model.konfigurasi
        years = sorted(
            {y for i in b.rencana() for y in i.tahun_berjalan()}
            | (set(range(cfg.periode.mulai, cfg.periode.selesai + 1)) if cfg else set())
        )
        for muatan in Muatan:
            items = [i for i in b.rencana() if i.muatan is muatan]
            rows = []
            for item in items:
                cells = [
                    self.link(item.id),
                    Sel(*b.owner_cell(item)),
                ]
                for y in years:
                    if y in item.tahun_berjalan():
                        amount = f"Rp {rupiah(item.anggaran[y])}" if y in item.anggaran else ""
                        cells.append(Sel(inert(item.target.get(y, "●")), note=amount))
                    else:
                        cells.append(Sel(""))
                rows.append(cells)
            head = [self.w("rencana"), field_label("opd", self.lang), *map(str, years)]
            page.sections.append(
                self.part(
                    value_label(muatan, self.lang),
                    Blok("table", head=head, rows=rows),
                    anchor=f"m-{muatan.value}",
                )
            )
        gap = b.gap
        for domain in DOMAINS:
            changes = gap.domain(domain)
            rows = [
                [
                    Sel(self.w(p.jenis)),
                    self.link(p.elemen),
                    Sel(f"{p.mulai or ''}–{p.selesai or ''}".strip("–") or "—"),
                    *(
                        [Sel(", ".join(p.rencana), b.page(p.rencana[0]))]
                        if p.rencana
                        else [Sel(self.w("tanpa_rencana"))]
                    ),
                ]
                for p in changes
            ]
            head = [self.w("jenis"), self.w("elemen"), self.w("tahun"), self.w("rencana")]
            page.sections.append(
                self.part(
                    f"{self.w('gap')}: {domain_label(domain, self.lang)}",
                    Blok("table", head=head, rows=rows),
                )
            )
        return page

    def evaluasi_page(self) -> Halaman:
        b = self.b
        k = 1 if self.lang == "en" else 0
        page = Halaman("evaluasi.html", self.w("evaluasi"))
        page.subtitle = self.tr(
            f"Tahun {b.today.year}; dihitung dari model, bukan nilai resmi.",
            f"Year {b.today.year}; computed from the model, not an official score.",
        )
        for h in b.penilaian:
            page.sections.append(
                Bagian(
                    inert(f"Permenpan RB {h.rezim} · {h.no} {h.nama}"),
                    [
                        Blok(
                            "dl",
                            pairs=[
                                (self.w("level"), [Sel(f"{h.level} ({inert(h.nama_level)})")]),
                                (
                                    self.w("bukti"),
                                    [Sel(inert(x[k])) for x in h.bukti] or [Sel("—")],
                                ),
                                (
                                    self.w("kurang"),
                                    [Sel(inert(x[k])) for x in h.kurang] or [Sel("—")],
                                ),
                            ],
                        )
                    ],
                )
            )
        return page

    def temuan_page(self) -> Halaman:
        page = Halaman("temuan.html", self.w("temuan"))
        page.subtitle = f"{len(self.b.problems)}"
        page.sections.append(Bagian("", [self.findings_table(self.b.problems)]))
        return page

    def diagram_page(self) -> Halaman:
        page = Halaman("diagram.html", self.w("diagram"))
        families: dict[str, list[Sel]] = {}
        for v in self.b.views:
            note = f"{len(v.nodes)} {self.w('simpul')}"
            families.setdefault(v.family, []).append(Sel(inert(v.title), f"diagram/{v.file}", note))
        for family, items in families.items():
            label = FAMILY_LABELS.get(family, (family, family))[1 if self.lang == "en" else 0]
            page.sections.append(Bagian(label, [Blok("cards", items=items)], anchor=family))
        return page

    # -- search index ---------------------------------------------------------------------
    def search_index(self) -> str:
        """The prebuilt search index, as a script that sets ``window.SPBE_CARI``."""
        b, model = self.b, self.b.model
        docs: list[list[str]] = []

        def add(
            ident: str, name: str, kind: str, owners: tuple[str, ...], desc: str | None
        ) -> None:
            page = b.page(ident)
            if page is None:
                return
            opd = " ".join(owners)
            opd_name = " ".join(f"{o} {b.name_of(o)}" for o in owners)
            docs.append(
                [
                    inert(ident),
                    inert(name),
                    kind,
                    inert(opd),
                    inert(opd_name),
                    page,
                    inert((desc or "")[:300]),
                ]
            )

        for ident in sorted(model.opd):
            o = model.opd[ident]
            add(ident, o.nama, kind_label("opd", self.lang), (ident,), o.uraian or o.singkatan)
        for e in model:
            add(e.id, str(e.nama), kind_label(e.KIND, self.lang), owners_of(e), e.uraian)
        words = {"found": self.tr("{n} hasil", "{n} results"), "none": self.w("cari_none")}
        data = json.dumps(
            {"docs": docs, "words": words},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )
        return f"window.SPBE_CARI = {data};\n"


def nav(lang: str) -> list[tuple[str, str]]:
    """The links of every page's header."""
    return [
        (href, t(key, lang))
        for href, key in (
            ("index.html", "beranda"),
            ("domain/aplikasi.html", "elemen"),
            ("linimasa.html", "linimasa"),
            ("referensi.html", "referensi"),
            ("evaluasi.html", "evaluasi"),
            ("temuan.html", "temuan"),
            ("diagram.html", "diagram"),
            ("dokumen.html", "dokumen"),
        )
    ]


Writer = Callable[[str, str | bytes], None]
