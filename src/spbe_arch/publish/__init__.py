"""``spbe-arch publish``: the Dokumen Arsitektur SPBE dan Peta Rencana SPBE (HTML, PDF, DOCX) and
a browsable site of the architecture, from a model repository.

    import spbe_arch
    result = spbe_arch.publish("models/kabupaten-contoh", "build/situs")

Deterministic (the version and date come from git, never from the clock), offline (templates,
fonts, the search script ship in the package), and every file is written with
:func:`spbe_arch.fileio.write_atomic` inside the output folder. See docs/publish.md.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from spbe_arch.messages import LocalizedError

FORMATS: tuple[str, ...] = ("html", "pdf", "docx")
"""The document formats; the site is always written."""


class PublishError(LocalizedError):
    """A usage error (unknown format, output folder is the model …) or a failed engine; its
    message in both languages (:meth:`~spbe_arch.messages.LocalizedError.text`)."""


@dataclass(slots=True)
class PublishResult:
    """What a publish run wrote: files (relative to ``out``), views, pages and problems."""

    out: Path
    files: list[str] = field(default_factory=list)
    pages: int = 0
    views: int = 0
    elements: int = 0
    problems: int = 0
    errors: int = 0
    version: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage (check, diagrams, site, html, pdf, docx), for the benchmark."""

    @property
    def document(self) -> list[str]:
        """The document files written (``dokumen.html``, ``dokumen.pdf``, ``dokumen.docx``)."""
        return [f for f in self.files if f.startswith("dokumen.")]


def _environment(root: Path) -> Any:
    """Jinja2, sandboxed and autoescaping; a Pemda's ``dokumen/templat/`` overrides by name."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loaders: list[Any] = []
    local = root / "dokumen" / "templat"
    if local.is_dir():
        loaders.append(FileSystemLoader(str(local)))
    loaders.append(PackageLoader("spbe_arch.publish", "templates"))
    return ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 (python-docx stamps the clock)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return buffer.getvalue()


MANIFEST = ".spbe-publish.json"
"""The files the last run wrote: a later run deletes those it no longer writes (and nothing
else in the folder)."""


def _forget_stale(target: Path, written: list[str], write: Any, remove: Any) -> None:
    import json

    old: list[str] = []
    try:
        raw = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        old = [f for f in raw.get("files", []) if isinstance(f, str)]
    except (OSError, ValueError, AttributeError):
        old = []
    now = set(written)
    for rel in old:
        if rel not in now and not rel.startswith(("/", "..")) and "/../" not in rel:
            remove(target / rel, target)
    write(MANIFEST, json.dumps({"files": sorted(now)}, indent=0, ensure_ascii=False) + "\n")
    written.remove(MANIFEST)


class _Progress:
    """One line per stage on a terminal; silent when not a TTY or under CI=true. Also times
    the stages (:attr:`PublishResult.timings`)."""

    def __init__(self, enabled: bool | None, lang: str) -> None:
        if enabled is None:
            enabled = sys.stderr.isatty() and os.environ.get("CI", "").lower() != "true"
        self.enabled = enabled
        self.lang = lang
        self.timings: dict[str, float] = {}
        self._stage = ""
        self._start = time.perf_counter()

    def stage(self, name: str, indonesian: str, english: str) -> None:
        """Start timing stage ``name`` (ending the previous one) and say so."""
        now = time.perf_counter()
        if self._stage:
            self.timings[self._stage] = round(now - self._start, 3)
        self._stage, self._start = name, now
        if name:
            self(indonesian, english)

    def __call__(self, indonesian: str, english: str) -> None:
        if self.enabled:
            print(
                f"spbe-arch publish: {english if self.lang == 'en' else indonesian}",
                file=sys.stderr,
                flush=True,
            )


def publish(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    lang: str = "id",
    formats: Iterable[str] = FORMATS,
    today: dt.date | None = None,
    jobs: int | None = None,
    progress: bool | None = None,
    compare: str | os.PathLike[str] | None = None,
) -> PublishResult:
    """Publish the model repository at ``path`` into the folder ``out``.

    Writes the site (``index.html``, a page per element, OPD, domain and roadmap item, the
    overview pages, ``diagram/`` with every view, ``aset/`` with the stylesheet and the search
    script and index) and the document in ``formats`` (``dokumen.html``, ``dokumen.pdf``,
    ``dokumen.docx``). ``today`` fixes the date time-based rules measure against (default: the
    date of the model's last commit, see :mod:`spbe_arch.publish.gitinfo`). Raises
    :class:`PublishError` for usage errors and
    :class:`~spbe_arch.load.ModelRepositoryError` when ``path`` has no ``spbe.yaml``.

    ``compare`` names the folder of an earlier publication (the pull request's base): its
    ``dokumen.html`` is compared section by section with this one, into
    ``perubahan-dokumen.md`` (:mod:`spbe_arch.publish.banding`).
    """
    from spbe_arch.check import check
    from spbe_arch.fileio import remove_inside, write_atomic
    from spbe_arch.load import ModelRepositoryError, load
    from spbe_arch.publish.bahan import gather, render_diagrams
    from spbe_arch.publish.gitinfo import versi_model

    if lang not in ("id", "en"):
        raise PublishError(
            f"bahasa '{lang}' tidak dikenal; pilih: id, en",
            f"unknown language '{lang}'; choose from: id, en",
        )
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise PublishError(
            f"format '{unknown[0]}' tidak dikenal; pilih: {', '.join(FORMATS)}",
            f"unknown format '{unknown[0]}'; choose from: {', '.join(FORMATS)}",
        )
    root = Path(path)
    if not (root / "spbe.yaml").is_file():
        raise ModelRepositoryError(
            f"{root}: tidak ada spbe.yaml (bukan repositori model)",
            f"{root}: no spbe.yaml (not a model repository)",
        )
    target = Path(os.path.abspath(out))
    if os.path.realpath(target) == os.path.realpath(root):
        raise PublishError(
            "--out tidak boleh folder model itu sendiri",
            "--out must not be the model folder itself",
        )
    base_html: str | None = None
    if compare is not None:
        try:
            base_html = (Path(compare) / "dokumen.html").read_text(encoding="utf-8")
        except OSError as exc:
            where = Path(compare) / "dokumen.html"
            raise PublishError(
                f"--compare: tidak dapat dibaca ({exc.strerror or exc}): {where}",
                f"--compare: cannot be read ({exc.strerror or exc}): {where}",
            ) from exc
    say = _Progress(progress, lang)
    versi = versi_model(root)
    day = today or versi.tanggal or dt.date.today()
    say.stage("check", "memuat dan memeriksa model", "loading and checking the model")
    loaded = load(root)
    result = check(loaded, today=day)
    bahan = gather(result, root, lang, versi, day)
    say.stage("diagrams", "menggambar diagram", "drawing the diagrams")
    render_diagrams(bahan, figures_png="docx" in wanted, jobs=jobs)

    target.mkdir(parents=True, exist_ok=True)
    written: list[str] = []

    def write(rel: str, content: str | bytes) -> None:
        write_atomic(target / rel, content, durable=False, root=target, parents=True)
        written.append(rel)

    from spbe_arch.publish.dokumen import build_dokumen
    from spbe_arch.publish.situs import Situs, nav
    from spbe_arch.publish.teks import WORDS, inert

    say.stage("site", "menulis situs", "writing the site")
    env = _environment(root)
    words = {k: (v[1] if lang == "en" else v[0]) for k, v in WORDS.items()}
    cfg = bahan.model.konfigurasi
    site = {
        "pemda": inert(cfg.pemda.nama) if cfg else "spbe-arch",
        "nav": nav(lang),
        "words": words,
        "versi": inert(versi.teks(lang)),
        "tanggal": versi.tanggal.isoformat() if versi.tanggal else "",
    }
    situs = Situs(bahan)
    pages = 0
    for page in situs.pages():
        html = env.get_template(page.template).render(
            lang=lang,
            site=site,
            base=page.base,
            title=page.title,
            subtitle=page.subtitle,
            sections=page.sections,
        )
        write(page.path, html)
        pages += 1
    for file, svg in sorted(bahan.svg.items()):
        write(f"diagram/{file}", svg)
    static = resources.files("spbe_arch.publish") / "static"
    for name in ("situs.css", "cari.js"):
        write(f"aset/{name}", (static / name).read_text(encoding="utf-8"))
    write("aset/indeks-cari.js", situs.search_index())

    say.stage("html", "menulis dokumen HTML", "writing the HTML document")
    doc = build_dokumen(bahan)
    if "html" in wanted or base_html is not None:
        toc = "Table of contents" if lang == "en" else "Daftar Isi"
        html = env.get_template("dokumen.html.j2").render(
            lang=lang, site=site, base="", title=doc.judul, doc=doc, toc_title=toc
        )
        if "html" in wanted:
            write("dokumen.html", html)
        if base_html is not None:
            from spbe_arch.publish.banding import changed_sections

            write("perubahan-dokumen.md", changed_sections(base_html, html, lang))
    if "pdf" in wanted:
        from spbe_arch.publish.pdf import PdfError, build_pdf

        say.stage("pdf", "menyusun PDF (Typst)", "typesetting the PDF (Typst)")
        try:
            write("dokumen.pdf", build_pdf(doc, bahan))
        except PdfError as exc:
            raise PublishError(str(exc), str(exc)) from exc
    if "docx" in wanted:
        from spbe_arch.publish.docx import build_docx

        say.stage("docx", "menulis DOCX", "writing the DOCX")
        write("dokumen.docx", _fixed_zip(build_docx(doc, bahan)))
    _forget_stale(target, written, write, remove_inside)
    say.stage("", "", "")
    return PublishResult(
        out=target,
        files=sorted(written),
        pages=pages,
        views=len(bahan.views),
        elements=len(bahan.model),
        problems=len(bahan.open_problems),
        errors=sum(1 for p in bahan.problems if p.severity.value == "error"),
        version=versi.teks(lang),
        timings=say.timings,
    )


__all__ = ["FORMATS", "PublishError", "PublishResult", "publish"]

from spbe_arch._callable import make_callable  # noqa: E402

make_callable(__name__, "publish")
