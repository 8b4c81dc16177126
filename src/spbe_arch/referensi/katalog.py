"""One loaded version of the national reference catalogue and its lookup verbs."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .kode import PREFIXES

__all__ = [
    "KEYAKINAN",
    "STATUS",
    "InfoKatalog",
    "Katalog",
    "KatalogError",
    "Simpul",
]

KEYAKINAN: tuple[str, ...] = ("sumber", "sekunder", "dugaan")
"""Confidence marks, strongest first (see the catalogue README)."""

STATUS: tuple[str, ...] = ("berlaku", "tidak_berlaku")
"""Validity of a node or of a catalogue version."""

_NAME_MATCH_RATIO = 0.85
_NON_ALNUM_RE = re.compile(r"[\W_]+")


class KatalogError(Exception):
    """The catalogue cannot be loaded: unknown version or malformed package data."""


@dataclass(frozen=True, slots=True)
class Simpul:
    """One node of a reference catalogue (e.g. ``RAB.04.01.04``)."""

    kode: str
    nama: str
    level: int
    induk: str | None
    katalog: str
    keyakinan: str
    sumber: tuple[str, ...]
    status: str = "berlaku"
    diganti_oleh: str | None = None

    @property
    def berlaku(self) -> bool:
        """Whether the node is in force (``status == "berlaku"``)."""
        return self.status == "berlaku"


@dataclass(frozen=True, slots=True)
class InfoKatalog:
    """File-level facts about one catalogue (one prefix) of a version."""

    katalog: str
    nama: str
    berkas: str
    sumber: tuple[str, ...]
    catatan: str
    keyakinan: str | None
    """The file-level confidence (RAB, RAD, RAL), or ``None`` when it is set per node."""


def _name_key(text: str) -> str:
    return " ".join(_NON_ALNUM_RE.sub(" ", text.casefold()).split())


class Katalog:
    """One version of the national catalogue: all six prefixes, indexed by code.

    Lookups take canonical codes (see :func:`~spbe_arch.referensi.kode.normalize_kode`);
    methods other than :meth:`get` and ``in`` raise ``KeyError`` for a code that is not in
    the catalogue. Instances are shared by the loader cache and never change.
    """

    def __init__(
        self,
        versi: str,
        simpul: Iterable[Simpul],
        info: Mapping[str, InfoKatalog],
        *,
        dasar_hukum: str = "",
        status: str = "berlaku",
        catatan_versi: str = "",
    ) -> None:
        self.versi = versi
        self.dasar_hukum = dasar_hukum
        self.status = status
        self.catatan_versi = catatan_versi
        self._info = dict(info)
        self._nodes: dict[str, Simpul] = {}
        for node in sorted(simpul, key=lambda s: s.kode):
            if node.kode in self._nodes:
                raise KatalogError(f"duplicate code {node.kode} in catalogue version {versi}")
            self._nodes[node.kode] = node
        children: dict[str, list[str]] = {}
        for node in self._nodes.values():
            if node.induk is not None:
                if node.induk not in self._nodes:
                    raise KatalogError(
                        f"{node.kode}: parent {node.induk} is missing (version {versi})"
                    )
                children.setdefault(node.induk, []).append(node.kode)
        # Insertion follows sorted codes, so each list is already sorted.
        self._children: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in children.items()}

    def __repr__(self) -> str:
        return f"Katalog(versi={self.versi!r}, simpul={len(self._nodes)})"

    def __len__(self) -> int:
        return len(self._nodes)

    def __iter__(self) -> Iterator[Simpul]:
        """All nodes, sorted by code."""
        return iter(self._nodes.values())

    def __contains__(self, kode: object) -> bool:
        return isinstance(kode, str) and kode in self._nodes

    def __getitem__(self, kode: str) -> Simpul:
        try:
            return self._nodes[kode]
        except KeyError:
            raise KeyError(
                f"code {kode!r} is not in the reference catalogue version {self.versi}"
            ) from None

    def get(self, kode: str) -> Simpul | None:
        """The node with this code, or ``None``."""
        return self._nodes.get(kode)

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The catalogue prefixes present in this version, in :data:`PREFIXES` order."""
        return tuple(p for p in PREFIXES if p in self._info)

    def info(self, prefix: str) -> InfoKatalog:
        """File-level facts (name, file, sources, note) of one catalogue."""
        try:
            return self._info[prefix]
        except KeyError:
            raise KeyError(
                f"catalogue {prefix!r} is not in version {self.versi}; "
                f"available: {', '.join(self.prefixes)}"
            ) from None

    def nama_katalog(self, prefix: str) -> str:
        """The catalogue name, e.g. ``Referensi Arsitektur Proses Bisnis`` for ``RAB``."""
        return self.info(prefix).nama

    def catatan(self, prefix: str) -> str:
        """The catalogue's completeness note (Indonesian), as written in its file."""
        return self.info(prefix).catatan

    def parent(self, kode: str) -> Simpul | None:
        """The parent node, ``None`` at level 1."""
        induk = self[kode].induk
        return None if induk is None else self._nodes[induk]

    def ancestors(self, kode: str) -> list[Simpul]:
        """The ancestors, nearest first: for an L3 node ``[L2, L1]``; empty at level 1."""
        result: list[Simpul] = []
        node = self.parent(kode)
        while node is not None:
            result.append(node)
            node = None if node.induk is None else self._nodes[node.induk]
        return result

    def children(self, kode: str) -> list[Simpul]:
        """The direct children, sorted by code."""
        self[kode]
        return [self._nodes[c] for c in self._children.get(kode, ())]

    def is_leaf(self, kode: str) -> bool:
        """Whether the node has no children (an L3, an L2 without children, ...)."""
        self[kode]
        return kode not in self._children

    def nodes(self, katalog: str | None = None, level: int | None = None) -> list[Simpul]:
        """Nodes sorted by code, optionally only one catalogue prefix and/or one level."""
        return [
            s
            for s in self._nodes.values()
            if (katalog is None or s.katalog == katalog) and (level is None or s.level == level)
        ]

    def counts(self) -> dict[str, dict[int, int]]:
        """Node counts per prefix per level, e.g. ``{"RAA": {1: 2, 2: 4}, ...}``."""
        result: dict[str, dict[int, int]] = {p: {} for p in self.prefixes}
        for node in self._nodes.values():
            per_level = result.setdefault(node.katalog, {})
            per_level[node.level] = per_level.get(node.level, 0) + 1
        return {p: dict(sorted(levels.items())) for p, levels in result.items()}

    def keyakinan_counts(self, prefix: str) -> dict[str, int]:
        """Node counts per confidence mark for one catalogue, strongest mark first."""
        found = [s.keyakinan for s in self._nodes.values() if s.katalog == prefix]
        return {k: found.count(k) for k in KEYAKINAN if k in found}

    def nama_cocok(self, kode: str, nama_tertulis: str) -> bool:
        """Whether a written name matches the node's name.

        Case, whitespace and punctuation are ignored and a close match is enough
        (``difflib`` ratio >= 0.85), so ``Pengelolaan Pelayanan Kesehatan`` matches the
        source's ``Penge4olaan Pelayanan Kesehatan``.
        """
        expected = _name_key(self[kode].nama)
        written = _name_key(nama_tertulis)
        if expected == written:
            return True
        if not written:
            return False
        ratio = difflib.SequenceMatcher(None, expected, written, autojunk=False).ratio()
        return ratio >= _NAME_MATCH_RATIO
