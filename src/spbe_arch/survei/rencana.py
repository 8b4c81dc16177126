"""Where each change goes: the file of an element, or the OPD's file for new elements."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

from spbe_arch import fileio
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.kinds import OWNER_KEY
from spbe_arch.model.relasi import relations_of, targets
from spbe_arch.survei import jurnal
from spbe_arch.survei.baca import Formulir, Temuan
from spbe_arch.survei.baris import Perubahan
from spbe_arch.survei.kolom import NAMA_SHEET, lembar
from spbe_arch.survei.pemilik import owners_of
from spbe_arch.survei.tulis import Berkas, beda


class Rencana:
    """The edits of one import, file by file, kept in memory until :meth:`tulis`."""

    def __init__(self, root: Path, model: Arsitektur) -> None:
        self.root = root
        self.model = model
        self.files: dict[str, Berkas] = {}
        self.new_files: set[str] = set()
        self.deletions: dict[str, list[tuple[str, int]]] = {}

    def _rel(self, shown: str) -> str:
        # the loader shows files as root joined with their relative path
        return PurePosixPath(*Path(os.path.relpath(shown, self.root)).parts).as_posix()

    def _berkas(self, rel: str, kepala: str = "") -> Berkas:
        if rel not in self.files:
            path = self.root / rel
            if os.path.lexists(path) and not fileio.is_inside(path, self.root):
                raise jurnal.JurnalGagal(
                    f"{rel}: jalur nyatanya di luar repositori (tautan simbolik?); impor tidak "
                    "membaca atau menulis di luar folder model",
                    f"{rel}: its real path is outside the repository (a symbolic link?); an "
                    "import never reads or writes outside the model folder",
                )
            if path.is_file():
                self.files[rel] = Berkas(rel, path.read_text(encoding="utf-8"))
            else:
                self.new_files.add(rel)
                self.files[rel] = Berkas(rel, kepala)
        return self.files[rel]

    def terapkan(self, change: Perubahan) -> None:
        """Apply one change to its file (in memory)."""
        spec = change.lembar
        order = list(dict.fromkeys(["id", "jenis", *(k.field.split(".")[0] for k in spec.kolom)]))
        values = _bersarang(change.nilai)
        if change.id_lama is not None:
            src = self.model.sumber[change.id_lama]
            self._berkas(self._rel(src.file)).ubah(src.section, src.index, values, order)
            return
        rel, explicit = self._tujuan(change.form.opd, spec.cls.SECTION)
        element: dict[str, Any] = {"id": change.id}
        if spec.cls.SECTION in ("infrastruktur", "keamanan"):
            element["jenis"] = spec.kind
        for name in order[2:]:
            if name in values and name != "id":
                element[name] = values[name]
                if name == "nama" and explicit:
                    element[OWNER_KEY] = change.form.opd
        self._berkas(rel, _kepala(change.form)).tambah(spec.cls.SECTION, element)

    def _tujuan(self, opd: str, section: str) -> tuple[str, bool]:
        """(file, whether the element must name its owner) for a new element."""
        model = self.model
        counts = Counter(
            self._rel(model.sumber[e.id].file)
            for e in model.elemen.values()
            if owners_of(e) == (opd,) and section == e.SECTION and e.id in model.sumber
        )
        for rel, _ in counts.most_common(1):
            return rel, self._pemilik(rel) != opd
        home = self._rel(model.sumber[opd].file) if opd in model.sumber else ""
        shared = sum(
            1 for o in model.opd if o in model.sumber and self._rel(model.sumber[o].file) == home
        )
        folder = PurePosixPath(home).parent if home and shared == 1 else PurePosixPath(opd.lower())
        rel = (folder / (section.replace("_", "-") + ".yaml")).as_posix()
        if (self.root / rel).is_file() or rel in self.files:
            return rel, self._pemilik(rel) != opd
        return rel, False

    def _pemilik(self, rel: str) -> object:
        berkas = self._berkas(rel)
        data = berkas.data
        return data.get(OWNER_KEY) if hasattr(data, "get") else None

    def absen(self, forms: list[Formulir]) -> list[tuple[Formulir, str]]:
        """(form, element id) of every element a form was generated with and no longer lists."""
        out = []
        for form in forms:
            listed = {r.id_asal for r in form.baris if r.id_asal}
            for kind, ident in sorted(form.asal):
                element = self.model.elemen.get(ident)
                if kind not in form.hadir or ident in listed or element is None:
                    continue
                out.append((form, ident))
        return out

    def hapus_yang_absen(
        self, forms: list[Formulir], kecuali: frozenset[str] = frozenset()
    ) -> tuple[list[str], list[Temuan]]:
        """Queue the removal of elements the returned sheets no longer list (``--hapus``).

        Only elements the form was generated with are removed (an element added to the YAML
        since is never touched); a shared element is not removed through one owner's form; an
        element another element still refers to is kept, with a finding naming who refers to it.
        """
        removed: list[str] = []
        notes: list[Temuan] = []
        gone = self.absen(forms)
        going = {ident for _, ident in gone}
        refs = rujukan(self.model, going)
        for form, ident in gone:
            if f"{form.opd}:{ident}" in kecuali:
                continue
            element = self.model.elemen[ident]
            sheet = lembar(element.KIND).nama if element.KIND in NAMA_SHEET else element.KIND
            if len(owners_of(element)) > 1:
                notes.append(
                    Temuan(form.nama, sheet, 0, "ID", "warning", "SURVEI-H02",
                           f"'{ident}' dimiliki bersama ({', '.join(owners_of(element))}); tidak "
                           f"dihapus lewat formulir {form.opd}: ubah pemiliknya di YAML",
                           f"'{ident}' is shared ({', '.join(owners_of(element))}); not removed "
                           f"through the form of {form.opd}: change its owners in YAML")
                )  # fmt: skip
                continue
            users = [f"{u}.{f}" for u, f in refs.get(ident, []) if u not in going]
            if users:
                shown = ", ".join(users[:5]) + (f" (+{len(users) - 5})" if len(users) > 5 else "")
                notes.append(
                    Temuan(form.nama, sheet, 0, "ID", "error", "SURVEI-H03",
                           f"'{ident}' tidak dihapus: masih dirujuk oleh {shown}; hapus "
                           "rujukannya dulu",
                           f"'{ident}' not removed: still referred to by {shown}; remove those "
                           "references first")
                )  # fmt: skip
                continue
            src = self.model.sumber[ident]
            rel = self._rel(src.file)
            self._berkas(rel)
            self.deletions.setdefault(rel, []).append((src.section, src.index))
            removed.append(f"{form.opd}:{ident}")
        return removed, notes

    def teks(self) -> dict[str, str]:
        """The new text of every file that changes (relative POSIX path → text)."""
        out = {}
        for rel, berkas in sorted(self.files.items()):
            for section, index in sorted(self.deletions.get(rel, []), reverse=True):
                berkas.hapus(section, index)
            text = berkas.teks()
            if rel in self.new_files or text != berkas.asli:
                out[rel] = text
        return out

    def diff(self, texts: dict[str, str]) -> str:
        """The unified diff of every changed file."""
        parts = []
        for rel, text in sorted(texts.items()):
            path = self.root / rel
            before = path.read_text(encoding="utf-8") if path.is_file() else ""
            parts.append(beda(rel, before, text))
        return "".join(parts)

    def tulis(self, texts: dict[str, str], terakhir: str | None = None) -> list[str]:
        """Write the changed files, all or none (see :mod:`spbe_arch.survei.jurnal`)."""
        return jurnal.tulis_semua(self.root, texts, terakhir)


def _bersarang(nilai: dict[str, Any]) -> dict[str, Any]:
    """Changed values with nested fields (``pengadaan.nilai``) gathered under their record:
    ``{"pengadaan": {"nilai": …}}``, an empty value kept as None (the writer removes it)."""
    out: dict[str, Any] = {}
    for name, value in nilai.items():
        head, _, sub = name.partition(".")
        if sub:
            out.setdefault(head, {})[sub] = value
        else:
            out[name] = value
    return out


def rujukan(model: Arsitektur, ids: set[str]) -> dict[str, list[tuple[str, str]]]:
    """For each of ``ids``, the (element id, field) pairs that refer to it."""
    out: dict[str, list[tuple[str, str]]] = {}
    if not ids:
        return out
    for element in model.elemen.values():
        for relasi in relations_of(element.KIND):
            for _, target in targets(element.KIND, element, relasi):
                if target in ids and target != element.id:
                    out.setdefault(target, []).append((element.id, relasi.field))
    return out


def _kepala(form: Formulir) -> str:
    # only the OPD id (checked against the model) goes into the comment: never the file name
    return f"# Dibuat oleh `spbe-arch survey import` dari formulir {form.opd}.\nopd: {form.opd}\n"
