"""The document as plain blocks: headings, paragraphs, lists, tables and figures, numbered once.

The HTML, PDF and DOCX writers read the same :class:`Dokumen`, so their chapters, tables and
figures carry the same numbers and headings. The shape follows the annex of a Peraturan Kepala
Daerah on Arsitektur SPBE and Peta Rencana SPBE (see docs/publish.md): cover and identity,
foreword, table of contents, chapters I (introduction) to the closing chapter, and annexes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from spbe_arch.model.base import Elemen, owners_of
from spbe_arch.model.kinds import DOMAIN_KATALOG, DOMAINS
from spbe_arch.model.peta_rencana import Muatan, RencanaSpbe
from spbe_arch.publish.bahan import SECTOR_HEAD, Bahan, Sel, perubahan_butir, sector_rows
from spbe_arch.publish.narasi import MdBlock, Run, read_narasi
from spbe_arch.publish.teks import field_label, inert, rupiah, t, value_label
from spbe_arch.render.gaya import domain_label, kind_label

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")


@dataclass(frozen=True, slots=True)
class Judul:
    """A heading: level 1 chapter/annex, 2 section, 3 subsection; ``anchor`` for links."""

    kind: ClassVar[str] = "judul"

    level: int
    text: str
    anchor: str
    toc: bool = True


@dataclass(frozen=True, slots=True)
class Paragraf:
    """A paragraph of runs."""

    kind: ClassVar[str] = "paragraf"

    runs: tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Daftar:
    """A list: its items, each a tuple of runs."""

    kind: ClassVar[str] = "daftar"

    items: tuple[tuple[Run, ...], ...]
    bernomor: bool = False


@dataclass(frozen=True, slots=True)
class Tabel:
    """A numbered table: caption, header row, rows of cells, relative column widths."""

    kind: ClassVar[str] = "tabel"

    nomor: str
    judul: str
    kepala: tuple[str, ...]
    baris: tuple[tuple[Sel, ...], ...]
    lebar: tuple[float, ...]
    """Relative column widths; 0 is as wide as the column's longest cell (ids never break)."""


@dataclass(frozen=True, slots=True)
class Gambar:
    """A numbered figure: a rendered view (its SVG file name)."""

    kind: ClassVar[str] = "gambar"

    nomor: str
    judul: str
    file: str
    view: str


Blok = Judul | Paragraf | Daftar | Tabel | Gambar


@dataclass(slots=True)
class Dokumen:
    """The whole document: cover identity and the blocks in order."""

    lang: str
    judul: str
    pemda: str
    periode: str
    lampiran: str
    identitas: list[tuple[str, str]] = field(default_factory=list)
    blok: list[Blok] = field(default_factory=list)

    def headings(self) -> list[Judul]:
        """Every heading, in order."""
        return [b for b in self.blok if isinstance(b, Judul)]


class _Penulis:
    """Numbers chapters, sections, tables and figures while the blocks are appended."""

    def __init__(self, doc: Dokumen) -> None:
        self.doc = doc
        self.chapter = ""
        self.section = 0
        self.tables = 0
        self.figures = 0

    def bab(self, label: str, title: str, anchor: str) -> None:
        self.chapter = label
        self.section = self.tables = self.figures = 0
        self.doc.blok.append(Judul(1, f"{title}", anchor))

    def bagian(self, title: str) -> str:
        self.section += 1
        number = f"{self.number_prefix()}.{self.section}"
        anchor = f"s-{number.replace('.', '-')}"
        self.doc.blok.append(Judul(2, f"{number} {title}", anchor))
        return number

    def sub(self, title: str, anchor: str) -> None:
        self.doc.blok.append(Judul(3, title, anchor, toc=False))

    def number_prefix(self) -> str:
        return self.chapter

    def p(self, text: str) -> None:
        self.doc.blok.append(Paragraf((Run(text),)))

    def md(self, blocks: list[MdBlock]) -> None:
        for b in blocks:
            if b.kind == "p":
                self.doc.blok.append(Paragraf(b.runs))
            elif b.kind == "h":
                self.doc.blok.append(Paragraf(tuple(Run(r.text, "b", r.href) for r in b.runs)))
            else:
                self.doc.blok.append(Daftar(b.items, b.kind == "ol"))

    def tabel(
        self,
        judul: str,
        kepala: tuple[str, ...],
        baris: Sequence[tuple[Sel, ...]],
        lebar: tuple[float, ...],
    ) -> None:
        self.tables += 1
        word = "Table" if self.doc.lang == "en" else "Tabel"
        nomor = f"{word} {self.chapter}.{self.tables}"
        self.doc.blok.append(Tabel(nomor, judul, kepala, tuple(baris), lebar))

    def gambar(self, judul: str, file: str, view: str) -> None:
        self.figures += 1
        word = "Figure" if self.doc.lang == "en" else "Gambar"
        self.doc.blok.append(Gambar(f"{word} {self.chapter}.{self.figures}", judul, file, view))


def _tr(lang: str, indonesian: str, english: str) -> str:
    return english if lang == "en" else indonesian


def _kode_nama(bahan: Bahan, kode: str | None) -> Sel:
    if not kode:
        return Sel("—")
    simpul = bahan.katalog.get(kode)
    text = f"{kode} {simpul.nama}" if simpul is not None else kode
    return Sel(inert(text), f"referensi.html#k-{kode}")


def _el(bahan: Bahan, ident: str) -> Sel:
    return Sel(inert(ident), bahan.page(ident))


def _opd_sel(bahan: Bahan, element: Elemen) -> Sel:
    owners = owners_of(element)
    if not owners:
        return Sel("—")
    return Sel(inert(", ".join(bahan.name_of(o) for o in owners)), bahan.page(owners[0]))


def _status(bahan: Bahan, e: Elemen) -> str:
    return value_label(e.status, bahan.lang) if e.status is not None else "—"


def build_dokumen(bahan: Bahan) -> Dokumen:
    """The document of one model (see the module docstring)."""
    lang = bahan.lang
    model = bahan.model
    cfg = model.konfigurasi
    pemda = inert(cfg.pemda.nama) if cfg else "—"
    periode = f"{cfg.periode.mulai}–{cfg.periode.selesai}" if cfg else "—"
    penetapan = inert(cfg.penetapan.nomor) if cfg and cfg.penetapan else t("belum_ditetapkan", lang)
    judul = _tr(lang, "Arsitektur SPBE dan Peta Rencana SPBE", "SPBE Architecture and SPBE Roadmap")
    lampiran = _tr(lang, "LAMPIRAN", "ANNEX to") + f" {penetapan}"
    doc = Dokumen(lang, judul, pemda, periode, lampiran)
    tanggal = bahan.versi.tanggal.isoformat() if bahan.versi.tanggal else "—"
    doc.identitas = [
        (_tr(lang, "Pemerintah Daerah", "Regional government"), pemda),
        (t("periode", lang), periode),
        (t("penetapan", lang), penetapan),
        (
            _tr(lang, "Tanggal penetapan", "Enacted on"),
            cfg.penetapan.tanggal.isoformat()
            if cfg and cfg.penetapan and cfg.penetapan.tanggal
            else "—",
        ),
        (_tr(lang, "Katalog Referensi Arsitektur", "Reference catalogue"), bahan.katalog.versi),
        (t("versi", lang), inert(bahan.versi.teks(lang))),
        (t("tanggal", lang), tanggal),
    ]
    w = _Penulis(doc)
    values = {
        "pemda": pemda,
        "periode": periode,
        "penetapan": penetapan,
        "katalog": bahan.katalog.versi,
    }
    root = bahan.root

    doc.blok.append(Judul(1, _tr(lang, "KATA PENGANTAR", "FOREWORD"), "kata-pengantar"))
    w.md(read_narasi(root, "kata-pengantar", lang, values))

    chapter = 0

    def next_bab(title_id: str, title_en: str, anchor: str) -> None:
        nonlocal chapter
        chapter += 1
        word = _tr(lang, "BAB", "CHAPTER")
        w.bab(str(chapter), f"{word} {ROMAN[chapter - 1]} {_tr(lang, title_id, title_en)}", anchor)

    next_bab("PENDAHULUAN", "INTRODUCTION", "bab-pendahuluan")
    w.bagian(_tr(lang, "Latar Belakang", "Background"))
    w.md(read_narasi(root, "latar-belakang", lang, values))
    w.bagian(_tr(lang, "Maksud dan Tujuan", "Purpose"))
    w.md(read_narasi(root, "maksud-tujuan", lang, values))
    w.bagian(_tr(lang, "Ruang Lingkup", "Scope"))
    w.md(read_narasi(root, "ruang-lingkup", lang, values))
    _scope_table(bahan, w)
    w.bagian(t("dasar_hukum", lang))
    _legal_basis(bahan, w, penetapan)
    w.bagian(_tr(lang, "Referensi Arsitektur Nasional", "National reference architectures"))
    _references(bahan, w)

    titles = {
        "proses_bisnis": ("ARSITEKTUR PROSES BISNIS", "BUSINESS PROCESS ARCHITECTURE"),
        "data": ("ARSITEKTUR DATA DAN INFORMASI", "DATA AND INFORMATION ARCHITECTURE"),
        "layanan": ("ARSITEKTUR LAYANAN", "SERVICE ARCHITECTURE"),
        "aplikasi": ("ARSITEKTUR APLIKASI", "APPLICATION ARCHITECTURE"),
        "infrastruktur": ("ARSITEKTUR INFRASTRUKTUR", "INFRASTRUCTURE ARCHITECTURE"),
        "keamanan": ("ARSITEKTUR KEAMANAN", "SECURITY ARCHITECTURE"),
    }
    for domain in DOMAINS:
        next_bab(*titles[domain], f"bab-{domain}")
        _domain_chapter(bahan, w, domain)

    next_bab("INTEGRASI DAN INFRASTRUKTUR", "INTEGRATION AND INFRASTRUCTURE", "bab-integrasi")
    _integration_chapter(bahan, w)

    next_bab("PETA RENCANA SPBE", "SPBE ROADMAP", "bab-peta-rencana")
    _roadmap_chapter(bahan, w)

    next_bab("PENUTUP", "CLOSING", "bab-penutup")
    w.md(read_narasi(root, "penutup", lang, values))

    _annexes(bahan, w)
    return doc


def _scope_table(bahan: Bahan, w: _Penulis) -> None:
    lang = bahan.lang
    rows: list[tuple[Sel, ...]] = []
    for domain in DOMAINS:
        elements = bahan.model.of_domain(domain)
        owners = {o for e in elements for o in owners_of(e)}
        rows.append(
            (Sel(domain_label(domain, lang)), Sel(str(len(elements))), Sel(str(len(owners))))
        )
    rows.append((Sel(t("rencana", lang)), Sel(str(len(bahan.rencana()))), Sel("—")))
    w.tabel(
        _tr(lang, "Jumlah elemen arsitektur per domain", "Architecture elements per domain"),
        (t("domain", lang), t("elemen", lang), t("opd", lang)),
        rows,
        (3, 1, 1),
    )


def _legal_basis(bahan: Bahan, w: _Penulis, penetapan: str) -> None:
    lang = bahan.lang
    items = [
        _tr(
            lang,
            "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis "
            "Elektronik",
            "Presidential Regulation 95 of 2018 on the Electronic-Based Government System (SPBE)",
        ),
        _tr(
            lang,
            "Peraturan Presiden Nomor 132 Tahun 2022 tentang Arsitektur Sistem Pemerintahan "
            "Berbasis Elektronik Nasional",
            "Presidential Regulation 132 of 2022 on the National SPBE Architecture",
        ),
        _tr(
            lang,
            "Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi "
            "Sistem Pemerintahan Berbasis Elektronik",
            "Minister of State Apparatus Regulation 59 of 2020 on SPBE Monitoring and Evaluation",
        ),
        _tr(
            lang,
            "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, "
            "Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah",
            "Minister of Home Affairs Regulation 90 of 2019 on regional planning and finance codes",
        ),
    ]
    cfg = bahan.model.konfigurasi
    if cfg and cfg.penetapan:
        items.append(penetapan)
    w.doc.blok.append(Daftar(tuple((Run(i),) for i in items), bernomor=True))


def _references(bahan: Bahan, w: _Penulis) -> None:
    lang = bahan.lang
    w.p(
        _tr(
            lang,
            f"Kode referensi di dokumen ini mengacu pada katalog Referensi Arsitektur SPBE "
            f"(Peraturan Presiden Nomor 132 Tahun 2022) versi {bahan.katalog.versi}.",
            f"Reference codes in this document follow the SPBE reference architecture catalogue "
            f"(Presidential Regulation 132 of 2022), version {bahan.katalog.versi}.",
        )
    )
    rows = []
    for total, _sectors in bahan.cakupan:
        rows.append(
            (
                Sel(total.kode),
                Sel(inert(total.nama)),
                Sel(str(total.daun)),
                Sel(str(total.dicakup)),
                Sel(f"{total.persen:.0f}%"),
            )
        )
    w.tabel(
        _tr(
            lang,
            "Referensi Arsitektur yang diacu dan cakupannya",
            "Reference architectures followed and their coverage",
        ),
        (
            t("katalog", lang),
            t("nama", lang),
            t("daun", lang),
            t("dicakup", lang),
            t("persen", lang),
        ),
        rows,
        (1, 4, 1, 1, 1),
    )


def _owner_groups(bahan: Bahan, elements: list[Elemen]) -> list[tuple[str, list[Elemen]]]:
    groups: dict[str, list[Elemen]] = {}
    for e in elements:
        for owner in owners_of(e) or ("",):  # a shared element is in each owner's table
            groups.setdefault(owner, []).append(e)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))


def _domain_chapter(bahan: Bahan, w: _Penulis, domain: str) -> None:
    lang = bahan.lang
    elements = bahan.model.of_domain(domain)
    prefix = DOMAIN_KATALOG[domain]
    nama_katalog = (
        bahan.katalog.nama_katalog(prefix) if prefix in bahan.katalog.prefixes else prefix
    )
    w.p(
        _tr(
            lang,
            f"{domain_label(domain, lang)} {w.doc.pemda} mengikuti {nama_katalog} ({prefix}) "
            f"katalog versi {bahan.katalog.versi}: {len(elements)} elemen.",
            f"The {domain_label(domain, lang).lower()} domain follows {nama_katalog} ({prefix}), "
            f"catalogue version {bahan.katalog.versi}: {len(elements)} elements.",
        )
    )
    with_kind = domain in ("infrastruktur", "keamanan")
    w.bagian(_tr(lang, "Elemen per Perangkat Daerah", "Elements per regional agency"))
    if not elements:
        w.p(t("tidak_ada", lang))
    for owner, members in _owner_groups(bahan, elements):
        name = bahan.name_of(owner) if owner else _tr(lang, "Tanpa pemilik", "No owner")
        anchor = f"d-{domain}-{bahan.slugs.get(owner, owner) or 'tanpa'}"
        w.sub(inert(f"{name} ({owner})" if owner else name), anchor)
        kepala: tuple[str, ...] = (t("kode", lang), t("nama", lang))
        lebar: tuple[float, ...] = (0, 2.4)
        if with_kind:
            kepala += (t("jenis", lang),)
            lebar += (1.2,)
        kepala += (field_label("referensi", lang), field_label("status", lang))
        lebar += (2.6, 0.8)
        rows = []
        for e in members:
            row: tuple[Sel, ...] = (_el(bahan, e.id), Sel(inert(str(e.nama))))
            if with_kind:
                row += (Sel(kind_label(e.KIND, lang)),)
            row += (_kode_nama(bahan, e.referensi), Sel(_status(bahan, e)))
            rows.append(row)
        w.tabel(
            _tr(
                lang,
                f"{domain_label(domain, lang)} — {name}",
                f"{domain_label(domain, lang)} — {name}",
            ),
            kepala,
            rows,
            lebar,
        )
    figures = _figures(bahan, domain)
    if figures:
        w.bagian(t("diagram", lang))
        for view in figures:
            w.gambar(inert(view.title), view.file, view.name)


def _figures(bahan: Bahan, domain: str) -> list:  # type: ignore[type-arg]
    """The views that illustrate a chapter: the reference trees of its catalogue."""
    prefix = {"proses_bisnis": "referensi-rab", "layanan": "referensi-ral"}.get(domain)
    if prefix is None:
        return []
    return [v for v in bahan.views if v.family == "referensi" and v.name.startswith(prefix)]


def _integration_chapter(bahan: Bahan, w: _Penulis) -> None:
    lang = bahan.lang
    model = bahan.model
    w.bagian(_tr(lang, "Integrasi Aplikasi", "Application integration"))
    rows = []
    for app in model.of_kind("aplikasi"):
        for item in getattr(app, "integrasi", []) or []:
            rows.append(
                (
                    _el(bahan, app.id),
                    _el(bahan, item.aplikasi)
                    if item.aplikasi
                    else Sel(inert(getattr(item, "mitra", None) or "—")),  # a partner outside
                    Sel(", ".join(inert(d) for d in (item.data or [])) or "—"),
                    _el(bahan, item.melalui) if item.melalui else Sel("—"),
                    Sel(value_label(item.arah, lang) if item.arah is not None else "—"),
                )
            )
    w.p(
        _tr(
            lang,
            f"{len(rows)} pertukaran data antar-aplikasi tercatat.",
            f"{len(rows)} data exchanges between applications are recorded.",
        )
    )
    if rows:
        w.tabel(
            _tr(lang, "Pertukaran data antar-aplikasi", "Data exchanges between applications"),
            (
                field_label("aplikasi", lang),
                _tr(lang, "Mitra", "Partner"),
                field_label("data", lang),
                field_label("melalui", lang),
                field_label("arah", lang),
            ),
            rows,
            (0, 0, 2, 0, 1),
        )
    for view in bahan.views:
        if view.family == "integrasi":
            w.gambar(inert(view.title), view.file, view.name)
    w.bagian(_tr(lang, "Infrastruktur", "Infrastructure"))
    counts: dict[str, int] = {}
    for e in model.of_domain("infrastruktur"):
        counts[e.KIND] = counts.get(e.KIND, 0) + 1
    w.tabel(
        _tr(lang, "Infrastruktur SPBE per jenis", "SPBE infrastructure by kind"),
        (t("jenis", lang), t("jumlah", lang)),
        [(Sel(kind_label(k, lang)), Sel(str(n))) for k, n in sorted(counts.items())],
        (3, 1),
    )
    for view in bahan.views:
        if view.family == "infrastruktur":
            w.gambar(inert(view.title), view.file, view.name)


def _years(bahan: Bahan) -> list[int]:
    cfg = bahan.model.konfigurasi
    years: set[int] = set(range(cfg.periode.mulai, cfg.periode.selesai + 1)) if cfg else set()
    for item in bahan.rencana():
        years.update(item.tahun_berjalan())
    return sorted(years)


def _roadmap_chapter(bahan: Bahan, w: _Penulis) -> None:
    lang = bahan.lang
    items = bahan.rencana()
    years = _years(bahan)
    w.bagian(t("ringkasan", lang))
    rows = []
    totals = dict.fromkeys(years, 0)
    for muatan in Muatan:
        members = [i for i in items if i.muatan is muatan]
        per_year = []
        for y in years:
            amount = sum(i.anggaran.get(y, 0) for i in members)
            totals[y] += amount
            per_year.append(Sel(rupiah(amount) if amount else "—"))
        rows.append((Sel(value_label(muatan, lang)), Sel(str(len(members))), *per_year))
    rows.append(
        (
            Sel(t("total", lang)),
            Sel(str(len(items))),
            *(Sel(rupiah(totals[y]) if totals[y] else "—") for y in years),
        )
    )
    w.tabel(
        _tr(
            lang,
            "Butir Peta Rencana dan anggaran indikatif per muatan (Rp)",
            "Roadmap items and indicative budget per area (Rp)",
        ),
        (field_label("muatan", lang), t("jumlah", lang), *(str(y) for y in years)),
        rows,
        (2.2, 0.8, *([1.2] * len(years))),
    )
    for muatan in Muatan:
        members = [i for i in items if i.muatan is muatan]
        w.bagian(value_label(muatan, lang))
        if not members:
            w.p(_tr(lang, "Tidak ada butir pada muatan ini.", "No item in this area."))
            continue
        w.tabel(
            _tr(
                lang,
                f"Peta rencana {value_label(muatan, lang)}: target per tahun",
                f"Roadmap, {value_label(muatan, lang)}: targets per year",
            ),
            (_tr(lang, "Butir", "Item"), field_label("opd", lang), *(str(y) for y in years)),
            [
                (
                    _el(bahan, i.id),
                    Sel(*bahan.owner_cell(i)),
                    *(
                        Sel(inert(i.target.get(y, "●" if y in i.tahun_berjalan() else "")))
                        for y in years
                    ),
                )
                for i in members
            ],
            (0, 0, *([1.0] * len(years))),
        )
        for item in members:
            _roadmap_item(bahan, w, item)


def _roadmap_item(bahan: Bahan, w: _Penulis, item: RencanaSpbe) -> None:
    lang = bahan.lang
    w.sub(inert(f"{item.id} {item.nama}"), f"r-{bahan.slugs.get(item.id, item.id)}")
    if item.uraian:
        w.p(inert(item.uraian))
    facts = [
        (field_label("opd", lang), _opd_sel(bahan, item)),
        (t("tahun", lang), Sel(f"{item.tahun_mulai}–{item.tahun_selesai}")),
        (field_label("status_rencana", lang), Sel(value_label(item.status_rencana, lang))),
        (field_label("program", lang), Sel(item.program or "—")),
        (field_label("kegiatan", lang), Sel(item.kegiatan or "—")),
        (field_label("indikator", lang), Sel(", ".join(inert(i) for i in item.indikator) or "—")),
    ]
    gap = [f"{t(jenis, lang)}: {i} {bahan.name_of(i)}" for jenis, i in perubahan_butir(item)]
    facts.append((t("gap", lang), Sel(inert("; ".join(gap)) if gap else "—")))
    w.tabel(
        inert(f"{item.id} {item.nama}"),
        (_tr(lang, "Butir", "Item"), _tr(lang, "Isi", "Value")),
        [(Sel(k), v) for k, v in facts],
        (0, 4.7),
    )
    per_year = [
        (
            Sel(str(y)),
            Sel(inert(item.target.get(y, "—"))),
            Sel(rupiah(item.anggaran[y]) if y in item.anggaran else "—"),
            Sel(", ".join(item.kode_pendanaan(y)) or "—"),
        )
        for y in item.tahun_berjalan()
    ]
    w.tabel(
        inert(f"{item.id}: ")
        + _tr(
            lang, "target, anggaran dan pendanaan per tahun", "targets, budget and funding per year"
        ),
        (t("tahun", lang), t("target", lang), t("anggaran", lang), t("pendanaan", lang)),
        per_year,
        (0, 3.2, 0, 1.6),
    )


def _annexes(bahan: Bahan, w: _Penulis) -> None:
    lang = bahan.lang
    word = _tr(lang, "LAMPIRAN", "ANNEX")
    w.bab("A", f"{word} A {_tr(lang, 'PENILAIAN MANDIRI', 'SELF-ASSESSMENT')}", "lampiran-a")
    k = 1 if lang == "en" else 0
    w.p(
        _tr(
            lang,
            f"Penilaian mandiri indikator evaluasi SPBE tahun {bahan.today.year}, dihitung "
            "dari model (bukan nilai resmi evaluator).",
            f"Self-assessment of the SPBE evaluation indicators for {bahan.today.year}, computed "
            "from the model (not the evaluators' official score).",
        )
    )
    rows = []
    for h in bahan.penilaian:
        rows.append(
            (
                Sel(f"{h.rezim} · {h.no}"),
                Sel(inert(h.nama)),
                Sel(f"{h.level} ({inert(h.nama_level)})"),
                Sel(inert("; ".join(b[k] for b in h.bukti)) or "—"),
                Sel(inert("; ".join(m[k] for m in h.kurang)) or "—"),
            )
        )
    w.tabel(
        t("evaluasi", lang),
        (
            t("indikator", lang),
            t("nama", lang),
            t("level", lang),
            t("bukti", lang),
            t("kurang", lang),
        ),
        rows,
        (1, 2, 1, 3, 3),
    )
    w.bab(
        "B",
        f"{word} B {_tr(lang, 'CAKUPAN REFERENSI ARSITEKTUR', 'REFERENCE COVERAGE')}",
        "lampiran-b",
    )
    for total, sectors in bahan.cakupan:
        w.tabel(
            inert(f"{total.kode} {total.nama}"),
            tuple(t(k, lang) for k in SECTOR_HEAD),
            sector_rows(sectors),
            (4, 1, 1, 1, 1),
        )
    w.bab("C", f"{word} C {_tr(lang, 'TEMUAN PEMERIKSAAN', 'CHECK FINDINGS')}", "lampiran-c")
    found = bahan.open_problems
    w.p(
        _tr(
            lang,
            f"{len(found)} temuan terbuka (galat dan peringatan) dari `spbe-arch check`.",
            f"{len(found)} open findings (errors and warnings) of `spbe-arch check`.",
        )
    )
    if found:
        w.tabel(
            t("temuan", lang),
            (t("tingkat", lang), t("aturan", lang), t("lokasi", lang), t("pesan", lang)),
            [
                (
                    Sel(t(p.severity.value, lang)),
                    Sel(p.code),
                    Sel(inert(f"{p.file}:{p.line}")),
                    Sel(inert(p.text(lang))),
                )
                for p in found
            ],
            (1, 1.3, 2, 4.5),
        )
