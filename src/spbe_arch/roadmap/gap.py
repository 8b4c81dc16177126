"""Gap analysis: what differs between the as-is and the to-be, and which items deliver it.

As-is is the architecture the year before the period starts, to-be the architecture in its last
year (:mod:`spbe_arch.roadmap.waktu`). A difference is an element *added* (in the to-be, not in
the as-is), *changed* (in both, with status ``upgrade`` or named in an item's ``elemen_diubah``)
or *retired* (in the as-is, not in the to-be). Each is delivered by the roadmap items that name
the element in the matching list: ``elemen_baru``, ``elemen_diubah``, ``elemen_dihentikan``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import Elemen, StatusElemen
from spbe_arch.model.kinds import DOMAINS
from spbe_arch.roadmap.waktu import as_is, masa, periode, rencana, to_be

Jenis = Literal["baru", "diubah", "dihentikan"]
JENIS: tuple[Jenis, ...] = ("baru", "diubah", "dihentikan")
"""The kinds of difference, in report order."""

DAFTAR: dict[Jenis, str] = {
    "baru": "elemen_baru",
    "diubah": "elemen_diubah",
    "dihentikan": "elemen_dihentikan",
}
"""The roadmap item list that delivers each kind of difference."""


@dataclass(frozen=True, slots=True)
class Perubahan:
    """One difference between as-is and to-be, with the items that deliver it."""

    jenis: Jenis
    elemen: str
    kind: str
    domain: str
    nama: str
    mulai: int | None
    selesai: int | None
    rencana: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "jenis": self.jenis,
            "elemen": self.elemen,
            "kind": self.kind,
            "nama": self.nama,
            "tahun_mulai": self.mulai,
            "tahun_selesai": self.selesai,
            "rencana": list(self.rencana),
        }


@dataclass(slots=True)
class Gap:
    """The differences of one model, by domain, with the period they span."""

    mulai: int | None
    selesai: int | None
    jumlah_as_is: int
    jumlah_to_be: int
    perubahan: list[Perubahan] = field(default_factory=list)

    def domain(self, domain: str) -> list[Perubahan]:
        """The differences of one domain, by kind then id."""
        return [p for p in self.perubahan if p.domain == domain]

    def tanpa_rencana(self) -> list[Perubahan]:
        """Differences no roadmap item delivers."""
        return [p for p in self.perubahan if not p.rencana]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form: the contract of ``spbe-arch gap --format json``."""
        return {
            "periode": {"mulai": self.mulai, "selesai": self.selesai},
            "as_is": {"tahun": None if self.mulai is None else self.mulai - 1,
                      "jumlah_elemen": self.jumlah_as_is},
            "to_be": {"tahun": self.selesai, "jumlah_elemen": self.jumlah_to_be},
            "domain": {
                d: {j: [p.to_dict() for p in self.domain(d) if p.jenis == j] for j in JENIS}
                for d in DOMAINS
            },
            "tanpa_rencana": [p.elemen for p in self.tanpa_rencana()],
        }  # fmt: skip


def _arsitektur(model: Arsitektur) -> dict[str, Elemen]:
    return {i: e for i, e in model.elemen.items() if e.DOMAIN in DOMAINS}


def pengantar(model: Arsitektur, ident: str, jenis: Jenis) -> tuple[str, ...]:
    """Ids of the roadmap items that deliver one kind of change to an element, sorted."""
    key = DAFTAR[jenis]
    return tuple(r.id for r in rencana(model) if ident in getattr(r, key))


def analisis_gap(model: Arsitektur) -> Gap:
    """The as-is → to-be differences of the model, domain by domain."""
    before, after = _arsitektur(as_is(model)), _arsitektur(to_be(model))
    span = periode(model)
    gap = Gap(span[0] if span else None, span[1] if span else None, len(before), len(after))
    diubah = {i for r in rencana(model) for i in r.elemen_diubah}
    for ident, element in sorted(_arsitektur(model).items()):
        jenis: Jenis | None = None
        if ident in after and ident not in before:
            jenis = "baru"
        elif ident in before and ident not in after:
            jenis = "dihentikan"
        elif ident in before and (element.status is StatusElemen.UPGRADE or ident in diubah):
            jenis = "diubah"
        if jenis is None:
            continue
        years = masa(model, element)
        gap.perubahan.append(
            Perubahan(jenis, ident, element.KIND, element.DOMAIN, element.nama,
                      years.mulai, years.selesai, pengantar(model, ident, jenis))
        )  # fmt: skip
    gap.perubahan.sort(key=lambda p: (DOMAINS.index(p.domain), JENIS.index(p.jenis), p.elemen))
    return gap
