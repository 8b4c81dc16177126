"""Where each change goes: the file of an element, or the OPD's file for new elements."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.kinds import OWNER_KEY
from spbe_arch.survei.baca import Formulir
from spbe_arch.survei.baris import Perubahan
from spbe_arch.survei.tulis import Berkas, beda, tulis_atomik


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
            if path.is_file():
                self.files[rel] = Berkas(rel, path.read_text(encoding="utf-8"))
            else:
                self.new_files.add(rel)
                self.files[rel] = Berkas(rel, kepala)
        return self.files[rel]

    def terapkan(self, change: Perubahan) -> None:
        """Apply one change to its file (in memory)."""
        spec = change.lembar
        order = ["id", "jenis", *(k.field for k in spec.kolom)]
        if change.id_lama is not None:
            src = self.model.sumber[change.id_lama]
            self._berkas(self._rel(src.file)).ubah(src.section, src.index, change.nilai, order)
            return
        rel, explicit = self._tujuan(change.form.opd, spec.cls.SECTION)
        element: dict[str, Any] = {"id": change.id}
        if spec.cls.SECTION in ("infrastruktur", "keamanan"):
            element["jenis"] = spec.kind
        for name in order[2:]:
            if name in change.nilai and name != "id":
                element[name] = change.nilai[name]
                if name == "nama" and explicit:
                    element[OWNER_KEY] = change.form.opd
        self._berkas(rel, _kepala(change.form)).tambah(spec.cls.SECTION, element)

    def _tujuan(self, opd: str, section: str) -> tuple[str, bool]:
        """(file, whether the element must name its owner) for a new element."""
        model = self.model
        counts = Counter(
            self._rel(model.sumber[e.id].file)
            for e in model.elemen.values()
            if model.owner(e.id) == opd and section == e.SECTION and e.id in model.sumber
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

    def hapus_yang_absen(self, forms: list[Formulir]) -> list[str]:
        """Queue the removal of elements the returned sheets no longer list (``--hapus``)."""
        removed = []
        for form in forms:
            listed = {r.id_asal for r in form.baris if r.id_asal}
            for kind in form.hadir:
                for element in self.model.of_kind(kind):
                    if self.model.owner(element.id) != form.opd or element.id in listed:
                        continue
                    src = self.model.sumber[element.id]
                    rel = self._rel(src.file)
                    self._berkas(rel)
                    self.deletions.setdefault(rel, []).append((src.section, src.index))
                    removed.append(f"{form.opd}:{element.id}")
        return removed

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

    def tulis(self, texts: dict[str, str]) -> list[str]:
        """Write the changed files atomically; returns their relative paths."""
        tulis_atomik({self.root / rel: text for rel, text in texts.items()})
        return sorted(texts)


def _kepala(form: Formulir) -> str:
    return f"# Dibuat oleh `spbe-arch survey import` dari {form.nama}.\nopd: {form.opd}\n"
