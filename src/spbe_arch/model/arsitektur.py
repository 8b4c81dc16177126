"""The Arsitektur aggregate: every element of a model repository, by id, with its source."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spbe_arch.model.base import Elemen, owners_of
from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.model.organisasi import PerangkatDaerah, UnitKerja
from spbe_arch.positions import Pos
from spbe_arch.referensi import Katalog, KatalogError, load_katalog


class Sumber:
    """Where an element was written: its file (as displayed) and the position tree of its node.

    The loader gives ``resolve``: the position tree is computed on first use
    (``resolve(file, path)``, the node at ``path`` in the file's tree, read again by the same
    reader), so a clean model never pays for positions it does not report.
    """

    __slots__ = ("_pos", "_resolve", "file", "index", "path", "section")

    def __init__(
        self,
        file: str,
        section: str,
        index: int,
        *,
        pos: Pos | None = None,
        resolve: Callable[[str, tuple[str | int, ...]], Pos] | None = None,
        path: tuple[str | int, ...] = (),
    ) -> None:
        self.file = file
        self.section = section
        self.index = index
        self.path = path or (section, index)
        self._pos = pos
        self._resolve = resolve

    def __repr__(self) -> str:
        return f"Sumber({self.file!r}, {self.section!r}, {self.index})"

    @property
    def pos(self) -> Pos:
        """The position tree of the element's node."""
        if self._pos is None:
            resolve = self._resolve
            self._pos = resolve(self.file, self.path) if resolve is not None else Pos(1, 1)
        return self._pos

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        """Line and column of a field inside the element (nearest existing node)."""
        node = self.pos.find(path, key=key)
        return node.line, node.column


@dataclass(slots=True)
class Arsitektur:
    """A loaded model repository: the Pemda's configuration, OPDs and elements of all domains."""

    root: Path
    konfigurasi: Konfigurasi | None = None
    opd: dict[str, PerangkatDaerah] = field(default_factory=dict)
    unit_kerja: dict[str, UnitKerja] = field(default_factory=dict)
    unit_kerja_opd: dict[str, str] = field(default_factory=dict)
    elemen: dict[str, Elemen] = field(default_factory=dict)
    sumber: dict[str, Sumber] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    unloaded: dict[str, str] = field(default_factory=dict)
    """Ids written in the repository whose element could not be loaded, with the file: rules
    treat references to them as unknown rather than missing (the loader reported the cause)."""
    nama_referensi: dict[str, str] = field(default_factory=dict)
    """Names typed after the code in ``referensi`` (``RAB.04.01.04 - Pendidikan``), by element
    id: what was written, kept by the loader for SPBE-KAT-008 (the element keeps the code)."""
    opd_berkas: dict[str, Sumber] = field(default_factory=dict)
    """Where a file's top-level ``opd:`` is written, by file (as displayed)."""
    opd_diwarisi: dict[str, str] = field(default_factory=dict)
    """Elements whose owner comes from their file's top-level ``opd:``, by id, with the file: a
    problem with that owner is reported once, at the key (``opd_berkas``)."""
    config_file: str = "spbe.yaml"
    config_pos: Pos | None = None
    _by_kind: dict[str, list[Elemen]] | None = field(default=None, repr=False, compare=False)
    _sorted: list[Elemen] = field(default_factory=list, repr=False, compare=False)
    _by_kind_size: int = field(default=-1, repr=False, compare=False)

    def _kinds(self) -> dict[str, list[Elemen]]:
        # Rules ask "every element of kind K" once per element; an index built once (and again
        # whenever elements were added or removed) keeps that linear instead of quadratic.
        if self._by_kind is None or self._by_kind_size != len(self.elemen):
            index: dict[str, list[Elemen]] = {}
            self._sorted = sorted(self.elemen.values(), key=lambda e: e.id)
            for element in self._sorted:
                index.setdefault(element.KIND, []).append(element)
            self._by_kind = index
            self._by_kind_size = len(self.elemen)
        return self._by_kind

    def invalidate(self) -> None:
        """Forget the kind index after replacing elements in place (same count, other kinds)."""
        self._by_kind = None

    def katalog(self) -> Katalog:
        """The catalogue version the model pins; the newest in force when it pins none it can
        load (the loader has then reported the bad ``katalog:`` in ``spbe.yaml``)."""
        versi = self.konfigurasi.katalog if self.konfigurasi is not None else None
        try:
            return load_katalog(versi)
        except KatalogError:
            return load_katalog()

    def kind_of(self, ident: str) -> str | None:
        """The kind of the element, OPD or unit kerja with this id, or None."""
        element = self.elemen.get(ident)
        if element is not None:
            return element.KIND
        if ident in self.opd:
            return "opd"
        if ident in self.unit_kerja:
            return "unit_kerja"
        return None

    def get(self, ident: str) -> Any:
        """The element, OPD or unit kerja with this id, or None."""
        return self.elemen.get(ident) or self.opd.get(ident) or self.unit_kerja.get(ident)

    def of_kind(self, *kinds: str) -> list[Elemen]:
        """Elements of the given kinds, sorted by id."""
        index = self._kinds()
        if len(kinds) == 1:
            return list(index.get(kinds[0], ()))
        found = [e for kind in set(kinds) for e in index.get(kind, ())]
        return sorted(found, key=lambda e: e.id)

    def of_domain(self, domain: str) -> list[Elemen]:
        """Elements of one domain (``proses_bisnis`` … ``keamanan``, ``peta_rencana``), by id."""
        found = [e for es in self._kinds().values() if es and domain == es[0].DOMAIN for e in es]
        return sorted(found, key=lambda e: e.id)

    def ids(self) -> set[str]:
        """Every id in the repository: elements, OPDs and unit kerja."""
        return set(self.elemen) | set(self.opd) | set(self.unit_kerja)

    def owner(self, ident: str) -> str | None:
        """The (first) owner OPD id of an element or unit kerja; see :meth:`owners`."""
        found = self.owners(ident)
        return found[0] if found else None

    def owners(self, ident: str) -> tuple[str, ...]:
        """Every owner of an element (:func:`~spbe_arch.model.base.owners_of`), the OPD of a
        unit kerja, or the OPD itself; ``()`` when unknown."""
        if ident in self.unit_kerja_opd:
            return (self.unit_kerja_opd[ident],)
        if ident in self.opd:
            return (ident,)
        element = self.elemen.get(ident)
        return owners_of(element) if element is not None else ()

    def __iter__(self) -> Iterator[Elemen]:
        self._kinds()
        return iter(list(self._sorted))

    def __len__(self) -> int:
        return len(self.elemen)

    def __repr__(self) -> str:
        # a model holds thousands of objects: a notebook shows this line, not all of them
        name = self.konfigurasi.pemda.nama if self.konfigurasi is not None else self.root.name
        return f"<Arsitektur {name!r}: {len(self)} elements in {len(self.files) + 1} files>"

    def locate(self, ident: str, *path: str | int, key: bool = False) -> tuple[str, int, int]:
        """File, line and column of an element (or of a field inside it)."""
        src = self.sumber.get(ident)
        if src is None:
            return self.config_file, 1, 1
        line, column = src.at(*path, key=key)
        return src.file, line, column
