"""``survey import``: returned workbooks → checked change → model files and a receipt.

The change is built in memory (ruamel round-trip edits), loaded with the rest of the repository
(:func:`spbe_arch.load.load` with ``texts``) and checked with every rule. **Nothing ``check``
reports as an error enters the YAML through an import**: a row whose change brings a new error
(a dangling reference, an unknown catalogue code, …) is taken out, with its problem placed at
workbook › sheet › row › column, and the rest is checked again until no new error remains.
Warnings are reported and the rows imported (``survey status`` counts what remains).

The files are written all-or-nothing (:mod:`spbe_arch.survei.jurnal`); an interrupted import is
completed by the next one. Importing a workbook already imported (same bytes) changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch.check import check
from spbe_arch.load import LoadResult, load
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.problems import Problem, Severity
from spbe_arch.rules import REGISTRY
from spbe_arch.survei import jurnal, tanda
from spbe_arch.survei.baca import Formulir, FormulirDitolak, Temuan, baca_formulir
from spbe_arch.survei.baris import PenomoranId, Perubahan, perubahan
from spbe_arch.survei.kolom import NAMA_SHEET, lembar, nilai_dari
from spbe_arch.survei.nilai import sama
from spbe_arch.survei.pemilik import opd_tanpa_pemilik
from spbe_arch.survei.penerimaan import (
    BERKAS_PENERIMAAN,
    Penerimaan,
    baca_penerimaan,
    teks_penerimaan,
)
from spbe_arch.survei.rencana import Rencana
from spbe_arch.survei.status import masalah_per_opd


class ImporGagal(Exception):
    """The edited files do not reload as intended: nothing is written (a bug, not user error)."""


@dataclass(slots=True)
class RingkasanOpd:
    """One form's outcome, as printed and as recorded in its receipt."""

    opd: str
    berkas: str
    baru: int = 0
    diubah: int = 0
    dihapus: int = 0
    ditolak: int = 0
    masalah: int = 0
    sudah: bool = False
    """The same workbook (same bytes) was imported before: nothing done."""


@dataclass(slots=True)
class HasilImpor:
    """What an import did (or, with ``dry_run``, would do)."""

    temuan: list[Temuan] = field(default_factory=list)
    ditolak: list[FormulirDitolak] = field(default_factory=list)
    diff: str = ""
    ditulis: list[str] = field(default_factory=list)
    baru: int = 0
    diubah: int = 0
    dihapus: int = 0
    ringkasan: list[RingkasanOpd] = field(default_factory=list)
    pulih: tuple[str, str] | None = None
    """A message when an interrupted earlier import was completed first."""

    @property
    def gagal(self) -> bool:
        """Whether a workbook was refused or an error-level finding remains."""
        return bool(self.ditolak) or any(t.tingkat == "error" for t in self.temuan)


_PATH_HEAD = re.compile(r"^[a-z_]+\[\d+\]\.?")
_FIELD = re.compile(r"^([a-z_]+)")


def _field_of(problem: Problem) -> str:
    path = problem.path
    item = REGISTRY.get(problem.code)
    if item is None or item.func is None:  # a loader problem: the path starts at the section
        path = _PATH_HEAD.sub("", path)
    found = _FIELD.match(path)
    return found.group(1) if found else "id"


def _key(p: Problem) -> tuple[str, str | None, str]:
    # not the message: a "did you mean" in it changes when an import adds an element
    return (p.code, p.element_id, p.path)


def _baru(p: Problem, baseline: set[tuple[str, str | None, str]], changes: list[Perubahan]) -> bool:
    """Whether a problem comes from the import: not there before, or on a field a row changes."""
    if _key(p) not in baseline:
        return True
    field = _field_of(p)
    return any(c.id == p.element_id and field in c.nilai for c in changes)


def _temuan_baris(change: Perubahan, p: Problem, akhiran: tuple[str, str] = ("", "")) -> Temuan:
    kolom = change.lembar.by_field(_field_of(p))
    header = kolom.header if kolom is not None else "ID"
    return Temuan(
        change.form.nama,
        change.lembar.nama,
        change.baris.nomor,
        header,
        p.severity.value,
        p.code,
        p.message + akhiran[0],
        p.message_en + akhiran[1],
    )


def _verifikasi(model: Arsitektur, changes: list[Perubahan]) -> None:
    for change in changes:
        element = model.elemen.get(change.id)
        if element is None:
            raise ImporGagal(f"elemen '{change.id}' tidak termuat kembali setelah disunting")
        for name, value in change.nilai.items():
            if not sama(nilai_dari(element, name), value):
                raise ImporGagal(f"'{change.id}.{name}' tidak termuat kembali seperti diharapkan")


def _penyebab(p: Problem, changes: list[Perubahan], removed: list[str]) -> Perubahan | str | None:
    """The row (or the deletion) a new problem comes from."""
    by_id = {c.id: c for c in changes}
    if p.element_id in by_id:
        return by_id[p.element_id]
    text = f"{p.message} {p.path}"
    for change in changes:
        if change.id_lama and change.id != change.id_lama and change.id_lama in text:
            return change
    for item in removed:
        if item.split(":", 1)[1] in text:
            return item
    return None


def impor(
    path: str | os.PathLike[str],
    files: list[str | os.PathLike[str]],
    *,
    dry_run: bool = False,
    hapus: bool = False,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
    kunci: str | os.PathLike[str] | None = None,
    tanpa_tanda_tangan: bool = False,
    dari: str | None = None,
) -> HasilImpor:
    """Import returned workbooks into the model repository at ``path``.

    Raises :class:`tanda.KunciGagal` when the key cannot be read (and a form is signed),
    :class:`jurnal.JurnalGagal` when a file to write leaves the repository or an interrupted
    import cannot be completed.
    """
    root = Path(path)
    now = now or dt.datetime.now().replace(microsecond=0)
    result = HasilImpor()
    if not dry_run:
        result.pulih = jurnal.pulihkan(root)
    loaded = load(root)
    model = loaded.model
    try:
        key: bytes | None = tanda.muat_kunci(kunci, root)[0]
    except tanda.KunciGagal:
        if not tanpa_tanda_tangan:
            raise
        key = None
    baseline = {_key(p) for p in check(loaded, today=today).problems}
    tanpa = opd_tanpa_pemilik(model)
    receipts = baca_penerimaan(root)
    known = {(p.sha256, p.opd): p for p in receipts}
    forms: list[Formulir] = []
    for file in files:
        try:
            form = baca_formulir(Path(file), model, key, tanpa_tanda=tanpa_tanda_tangan, dari=dari)
        except FormulirDitolak as exc:
            result.ditolak.append(exc)
            continue
        if any(f.opd == form.opd for f in forms):
            result.ditolak.append(
                FormulirDitolak(
                    form.nama,
                    f"OPD {form.opd} sudah diimpor dari berkas lain pada proses ini",
                    f"OPD {form.opd} already imported from another file in this run",
                )
            )
            continue
        before = known.get((form.sha256, form.opd))
        if before is not None and not hapus:
            result.ringkasan.append(RingkasanOpd(form.opd, form.nama, sudah=True))
            result.temuan.append(
                Temuan(form.nama, "", 0, "", "info", "SURVEI-I01",
                       f"berkas yang sama sudah diimpor pada {before.tanggal:%Y-%m-%d %H:%M}; "
                       "tidak ada yang diubah",
                       f"the same file was imported on {before.tanggal:%Y-%m-%d %H:%M}; nothing "
                       "changed")
            )  # fmt: skip
            continue
        forms.append(form)
        result.temuan += form.temuan
    ids = PenomoranId(model)
    katalog = model.katalog()
    changes: list[Perubahan] = []
    refused_rows: dict[str, int] = {}
    for form in forms:
        refused_rows[form.opd] = sum(1 for r in form.baris if r.rusak)
        for row in form.baris:
            change, notes = perubahan(form, row, model, ids, katalog, tanpa)
            result.temuan += notes
            if change is not None:
                changes.append(change)
            elif any(n.tingkat == "error" for n in notes):
                refused_rows[form.opd] += 1
    changes = _unik(changes, model, result, refused_rows)
    changes = _gabung(changes, result, refused_rows)
    plan, texts, removed, reloaded, problems = _rencana(
        root, model, forms, changes, hapus, baseline, result, refused_rows, today
    )
    _verifikasi(reloaded.model, changes)
    rows = {c.id: c for c in changes}
    for p in problems:
        if not _baru(p, baseline, changes):
            continue
        change = rows.get(p.element_id or "")
        if change is not None:
            result.temuan.append(_temuan_baris(change, p))
    result.baru = sum(1 for c in changes if c.id_lama is None)
    result.diubah = len(changes) - result.baru
    result.dihapus = len(removed)
    if not hapus:
        _petunjuk_hapus(plan, forms, result)
    per_opd = masalah_per_opd(reloaded.model, problems)
    fresh = []
    for form in forms:
        own = [c for c in changes if c.form is form]
        new = sum(1 for c in own if c.id_lama is None)
        gone = [r for r in removed if r.startswith(form.opd + ":")]
        summary = RingkasanOpd(
            form.opd, form.nama, new, len(own) - new, len(gone), refused_rows.get(form.opd, 0),
            per_opd.get(form.opd, 0),
        )  # fmt: skip
        result.ringkasan.append(summary)
        fresh.append(
            Penerimaan(form.opd, form.nama, form.sha256, now, summary.baru, summary.diubah,
                       summary.dihapus, summary.masalah, summary.ditolak)
        )  # fmt: skip
    receipt = teks_penerimaan(root, fresh)
    if receipt is not None:
        texts[BERKAS_PENERIMAAN.as_posix()] = receipt
    result.diff = plan.diff(texts)
    if not dry_run and texts:
        jurnal.periksa(root, list(texts))
        result.ditulis = plan.tulis(texts, BERKAS_PENERIMAAN.as_posix())
    return result


def _rencana(
    root: Path,
    model: Arsitektur,
    forms: list[Formulir],
    changes: list[Perubahan],
    hapus: bool,
    baseline: set[tuple[str, str | None, str]],
    result: HasilImpor,
    refused_rows: dict[str, int],
    today: dt.date | None,
) -> tuple[Rencana, dict[str, str], list[str], LoadResult, list[Problem]]:
    """Plan, reload and check until no new error comes from the import (rows taken out)."""
    skip_removal: set[str] = set()
    first = True
    while True:
        plan = Rencana(root, model)
        for change in changes:
            plan.terapkan(change)
        removed: list[str] = []
        if hapus:
            removed, notes = plan.hapus_yang_absen(forms, frozenset(skip_removal))
            if first:
                result.temuan += notes
        first = False
        texts = plan.teks()
        reloaded = load(root, texts=texts)
        problems = check(reloaded, today=today).problems
        new_errors = [
            p for p in problems if p.severity is Severity.ERROR and _baru(p, baseline, changes)
        ]
        if not new_errors:
            return plan, texts, removed, reloaded, problems
        culprits: dict[int, tuple[Perubahan, Problem]] = {}
        dropped_removals: set[str] = set()
        unknown: list[Problem] = []
        for p in new_errors:
            cause = _penyebab(p, changes, removed)
            if isinstance(cause, Perubahan):
                culprits.setdefault(id(cause), (cause, p))
            elif isinstance(cause, str):
                dropped_removals.add(cause)
            else:
                unknown.append(p)
        for change, p in culprits.values():
            result.temuan.append(
                _temuan_baris(change, p, ("; baris tidak diimpor", "; row not imported"))
            )
            refused_rows[change.form.opd] = refused_rows.get(change.form.opd, 0) + 1
        for item in dropped_removals:
            opd, ident = item.split(":", 1)
            form = next(f for f in forms if f.opd == opd)
            result.temuan.append(
                Temuan(form.nama, "", 0, "ID", "error", "SURVEI-H03",
                       f"'{ident}' tidak dihapus: penghapusannya menimbulkan galat di model",
                       f"'{ident}' not removed: removing it makes the model wrong")
            )  # fmt: skip
        if not culprits and not dropped_removals:
            # a new error no row explains: nothing of this import is written
            for p in unknown:
                result.temuan.append(
                    Temuan(_rel(p.file, root), "", p.line, p.path, "error", p.code,
                           p.message + " (akibat impor; tidak ada perubahan model yang ditulis)",
                           p.message_en + " (caused by the import; no model change written)")
                )  # fmt: skip
            for form in forms:
                refused_rows[form.opd] = len(form.baris)
            changes.clear()
            hapus = False
            continue
        changes[:] = [c for c in changes if id(c) not in culprits]
        skip_removal |= dropped_removals


def _rel(file: str, root: Path) -> str:
    return os.path.relpath(file, root) if os.path.isabs(file) else file


def _petunjuk_hapus(plan: Rencana, forms: list[Formulir], result: HasilImpor) -> None:
    """Rows deleted from a form are not deleted from the model without ``--hapus``: say so."""
    for form, ident in plan.absen(forms):
        element = plan.model.elemen[ident]
        sheet = lembar(element.KIND).nama if element.KIND in NAMA_SHEET else ""
        result.temuan.append(
            Temuan(form.nama, sheet, 0, "ID", "info", "SURVEI-H01",
                   f"baris '{ident}' ({element.nama}) tidak ada lagi di formulir; elemennya tetap "
                   "di model. Untuk menghapusnya, impor lagi dengan --hapus",
                   f"the row '{ident}' ({element.nama}) is no longer in the form; the element "
                   "stays in the model. To remove it, import again with --hapus")
        )  # fmt: skip


def _unik(
    changes: list[Perubahan], model: Arsitektur, result: HasilImpor, refused: dict[str, int]
) -> list[Perubahan]:
    """Drop rows whose new id is already taken (in the model or by an earlier row)."""
    taken = {i: "model" for i in model.ids()}
    out = []
    for change in changes:
        if change.id_lama is not None and change.id != change.id_lama:
            taken.pop(change.id_lama, None)  # a rename frees the old id
    for change in changes:
        if change.id in taken and change.id != change.id_lama:
            result.temuan.append(
                Temuan(change.form.nama, change.lembar.nama, change.baris.nomor, "ID", "error",
                       "SPBE-ID-001", f"id '{change.id}' sudah dipakai; baris tidak diimpor",
                       f"id '{change.id}' is already used; row not imported")
            )  # fmt: skip
            refused[change.form.opd] = refused.get(change.form.opd, 0) + 1
            continue
        taken[change.id] = change.form.nama
        out.append(change)
    return out


def _gabung(
    changes: list[Perubahan], result: HasilImpor, refused: dict[str, int]
) -> list[Perubahan]:
    """Two owners' forms changing one shared element: different fields merge; the same field
    set to different values is a conflict (the later row is not imported)."""
    seen: dict[str, Perubahan] = {}
    out = []
    for change in changes:
        if change.id_lama is None or change.id_lama not in seen:
            if change.id_lama is not None:
                seen[change.id_lama] = change
            out.append(change)
            continue
        first = seen[change.id_lama]
        clash = [
            n for n, v in change.nilai.items() if n in first.nilai and not sama(first.nilai[n], v)
        ]
        if clash or "id" in change.nilai:
            result.temuan.append(
                Temuan(change.form.nama, change.lembar.nama, change.baris.nomor, "ID", "error",
                       "SURVEI-R03",
                       f"konflik: {first.form.opd} juga mengubah '{change.id_lama}' "
                       f"({', '.join(clash) or 'id'}) pada impor ini; baris tidak diimpor",
                       f"conflict: {first.form.opd} also changes '{change.id_lama}' "
                       f"({', '.join(clash) or 'id'}) in this import; row not imported")
            )  # fmt: skip
            refused[change.form.opd] = refused.get(change.form.opd, 0) + 1
            continue
        first.nilai.update(change.nilai)
    return out
