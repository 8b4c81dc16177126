"""``survey import``: returned workbooks → checked change → model files and a receipt.

The change is built in memory (ruamel round-trip edits), loaded with the rest of the repository
(:func:`spbe_arch.load.load` with ``texts``), checked with every rule, and the problems are
mapped back to workbook, sheet, row and column. Rows the model refuses are not imported; rule
findings are reported and the rows are imported (the status report counts what remains).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch.check import check
from spbe_arch.load import load
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.problems import Problem
from spbe_arch.rules import REGISTRY
from spbe_arch.survei import meta
from spbe_arch.survei.baca import Formulir, FormulirDitolak, Temuan, baca_formulir
from spbe_arch.survei.baris import PenomoranId, Perubahan, perubahan
from spbe_arch.survei.nilai import sama
from spbe_arch.survei.penerimaan import (
    BERKAS_PENERIMAAN,
    Penerimaan,
    baca_penerimaan,
    teks_penerimaan,
)
from spbe_arch.survei.rencana import Rencana


class ImporGagal(Exception):
    """The edited files do not reload as intended: nothing is written (a bug, not user error)."""


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


def _key(p: Problem) -> tuple[str, str | None, str, str]:
    return (p.code, p.element_id, p.path, p.message)


def _petakan(
    problems: list[Problem],
    baseline: set[tuple[str, str | None, str, str]],
    rows: dict[str, Perubahan],
    root: Path,
) -> list[Temuan]:
    out = []
    for p in problems:
        change = rows.get(p.element_id or "")
        if change is not None:
            kolom = change.lembar.by_field(_field_of(p))
            header = kolom.header if kolom is not None else "ID"
            out.append(
                Temuan(
                    change.form.nama,
                    change.lembar.nama,
                    change.baris.nomor,
                    header,
                    p.severity.value,
                    p.code,
                    p.message,
                    p.message_en,
                )
            )
        elif _key(p) not in baseline:
            file = os.path.relpath(p.file, root) if os.path.isabs(p.file) else p.file
            out.append(
                Temuan(
                    file,
                    "",
                    p.line,
                    p.path,
                    p.severity.value,
                    p.code,
                    p.message + " (akibat impor, di luar formulir)",
                    p.message_en + " (caused by the import, outside the forms)",
                )
            )
    return out


def _verifikasi(model: Arsitektur, changes: list[Perubahan]) -> None:
    for change in changes:
        element = model.elemen.get(change.id)
        if element is None:
            raise ImporGagal(f"elemen '{change.id}' tidak termuat kembali setelah disunting")
        for name, value in change.nilai.items():
            if not sama(getattr(element, name, None), value):
                raise ImporGagal(f"'{change.id}.{name}' tidak termuat kembali seperti diharapkan")


def impor(
    path: str | os.PathLike[str],
    files: list[str | os.PathLike[str]],
    *,
    dry_run: bool = False,
    hapus: bool = False,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
) -> HasilImpor:
    """Import returned workbooks into the model repository at ``path``."""
    root = Path(path)
    now = now or dt.datetime.now().replace(microsecond=0)
    loaded = load(root)
    model = loaded.model
    baseline = {_key(p) for p in check(loaded, today=today).problems}
    result = HasilImpor()
    forms: list[Formulir] = []
    for file in files:
        try:
            form = baca_formulir(Path(file), model)
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
        forms.append(form)
        result.temuan += form.temuan
    state = meta.hash_model(root)
    ids = PenomoranId(model)
    changes: list[Perubahan] = []
    for form in forms:
        stale = form.meta.get(meta.K_HASH) != state
        for row in form.baris:
            change, notes = perubahan(form, row, model, ids, stale)
            result.temuan += notes
            if change is not None:
                changes.append(change)
    changes = _unik(changes, model, result)
    plan = Rencana(root, model)
    for change in changes:
        plan.terapkan(change)
    removed = plan.hapus_yang_absen(forms) if hapus else []
    texts = plan.teks()
    reloaded = load(root, texts=texts)
    _verifikasi(reloaded.model, changes)
    rows = {c.id: c for c in changes}
    result.temuan += _petakan(check(reloaded, today=today).problems, baseline, rows, root)
    result.baru = sum(1 for c in changes if c.id_lama is None)
    result.diubah = len(changes) - result.baru
    result.dihapus = len(removed)
    receipts = _penerimaan(root, forms, changes, removed, result, now)
    if receipts is not None:
        texts[BERKAS_PENERIMAAN.as_posix()] = receipts
    result.diff = plan.diff(texts)
    if not dry_run:
        result.ditulis = plan.tulis(texts)
    return result


def _unik(changes: list[Perubahan], model: Arsitektur, result: HasilImpor) -> list[Perubahan]:
    """Drop rows whose new id is already taken (in the model or by an earlier row)."""
    taken = {i: "model" for i in model.ids()}
    out = []
    for change in changes:
        if change.id_lama is not None and change.id != change.id_lama:
            taken.pop(change.id_lama, None)  # a rename frees the old id
    for change in changes:
        if change.id in taken and change.id != change.id_lama:
            result.temuan.append(
                Temuan(
                    change.form.nama,
                    change.lembar.nama,
                    change.baris.nomor,
                    "ID",
                    "error",
                    "SPBE-ID-001",
                    f"id '{change.id}' sudah dipakai; baris tidak diimpor",
                    f"id '{change.id}' is already used; row not imported",
                )
            )
            continue
        taken[change.id] = change.form.nama
        out.append(change)
    return out


def _penerimaan(
    root: Path,
    forms: list[Formulir],
    changes: list[Perubahan],
    removed: list[str],
    result: HasilImpor,
    now: dt.datetime,
) -> str | None:
    known = {(p.sha256, p.opd) for p in baca_penerimaan(root)}
    fresh = []
    for form in forms:
        own = [c for c in changes if c.form is form]
        sha = meta.sha256_file(form.path)
        errors = sum(1 for t in result.temuan if t.berkas == form.nama and t.tingkat == "error")
        gone = [r for r in removed if r.startswith(form.opd + ":")]
        if (sha, form.opd) in known and not own and not gone:
            continue  # the same workbook again, changing nothing: nothing to record
        new = sum(1 for c in own if c.id_lama is None)
        fresh.append(
            Penerimaan(form.opd, form.nama, sha, now, new, len(own) - new, len(gone), errors)
        )
    return teks_penerimaan(root, fresh)
