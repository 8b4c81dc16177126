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
from spbe_arch.model.peta_rencana import RencanaSpbe
from spbe_arch.roadmap.waktu import Masa, jadwal, periode, rencana

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


def pengantar(model: Arsitektur, ident: str, jenis: Jenis) -> tuple[str, ...]:
    """Ids of the roadmap items that deliver one kind of change to an element, sorted."""
    key = DAFTAR[jenis]
    return tuple(r.id for r in rencana(model) if ident in getattr(r, key))


def _pengantar(items: list[RencanaSpbe]) -> dict[Jenis, dict[str, tuple[str, ...]]]:
    """:func:`pengantar` of every element at once: per kind of change, per named id."""
    out: dict[Jenis, dict[str, list[str]]] = {jenis: {} for jenis in JENIS}
    for item in items:
        for jenis, key in DAFTAR.items():
            # An item that names an id twice delivers it once.
            for ident in dict.fromkeys(getattr(item, key)):
                out[jenis].setdefault(ident, []).append(item.id)
    return {jenis: {i: tuple(ids) for i, ids in found.items()} for jenis, found in out.items()}


def analisis_gap(model: Arsitektur) -> Gap:
    """The as-is → to-be differences of the model, domain by domain."""
    # The as-is and the to-be are the elements that exist in the year before the period and in
    # its last year (what as_is and to_be keep); only which ids they hold matters here, so the
    # sliced copies with pruned references are not made.
    #
    # Only few elements can differ: an element whose years are open at both ends (no years of
    # its own, no roadmap item naming it in elemen_baru or elemen_dihentikan, not status baru)
    # is in both, and changed only with status upgrade or named in an elemen_diubah. So the
    # difference is worked out for those candidates only; everything else is counted.
    span = periode(model)
    years = jadwal(model)
    items = rencana(model)
    diubah = {i for r in items for i in r.elemen_diubah}
    elemen = model.elemen
    candidates: list[tuple[str, Elemen]] = []
    total = 0
    for key, element in elemen.items():
        if element.DOMAIN not in _DOMAINS:
            continue
        total += 1
        status = element.status
        if (
            status is _UPGRADE
            or status is _BARU
            or element.tahun_mulai is not None
            or element.tahun_selesai is not None
        ):
            candidates.append((key, element))
    for key in (*years.mulai, *years.selesai, *diubah):
        named = elemen.get(key)
        if named is not None and named.DOMAIN in _DOMAINS:
            candidates.append((key, named))
    found: list[tuple[Jenis, str, Elemen, Masa]] = []
    gone_before = gone_after = 0
    seen: set[str] = set()
    for ident, element in candidates:
        if ident in seen:
            continue
        seen.add(ident)
        masa = years.masa(element)
        if span is None or (masa.mulai is None and masa.selesai is None):
            before = after = True
        else:
            before, after = span[0] - 1 in masa, span[1] in masa
            gone_before += not before
            gone_after += not after
        jenis: Jenis | None = None
        if after and not before:
            jenis = "baru"
        elif before and not after:
            jenis = "dihentikan"
        elif before and (element.status is StatusElemen.UPGRADE or ident in diubah):
            jenis = "diubah"
        if jenis is not None:
            found.append((jenis, ident, element, masa))
    gap = Gap(
        span[0] if span else None,
        span[1] if span else None,
        total - gone_before,
        total - gone_after,
    )
    delivered = _pengantar(items)
    for jenis, ident, element, masa in found:
        gap.perubahan.append(
            Perubahan(jenis, ident, element.KIND, element.DOMAIN, element.nama,
                      masa.mulai, masa.selesai, delivered[jenis].get(ident, ()))
        )  # fmt: skip
    # Ids are unique, so this order does not depend on the order the candidates were found in.
    gap.perubahan.sort(key=lambda p: (DOMAINS.index(p.domain), JENIS.index(p.jenis), p.elemen))
    return gap


_DOMAINS = frozenset(DOMAINS)
_UPGRADE = StatusElemen.UPGRADE
_BARU = StatusElemen.BARU
