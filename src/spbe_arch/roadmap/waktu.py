"""Time in the model: when each element exists, and the architecture as of one year.

An element exists from its ``tahun_mulai`` to its ``tahun_selesai``, both included. When the
element does not say, the roadmap does: an element with status ``baru`` (or named in an item's
``elemen_baru``) starts in the first year of the earliest item that introduces it, or in the
first year of the period when no item does; an element named in ``elemen_dihentikan`` lasts
until the last year of the earliest item that retires it. Anything else existed before the
period and lasts beyond it. Roadmap items, OPDs and unit kerja are never sliced away.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import Elemen, StatusElemen
from spbe_arch.model.peta_rencana import RencanaSpbe
from spbe_arch.model.relasi import ARSITEKTUR_KINDS, relations_of, targets


@dataclass(frozen=True, slots=True)
class Masa:
    """The years an element exists: ``mulai``/``selesai`` None mean open-ended."""

    mulai: int | None
    selesai: int | None

    def __contains__(self, tahun: object) -> bool:
        if not isinstance(tahun, int):
            return False
        return (self.mulai is None or self.mulai <= tahun) and (
            self.selesai is None or tahun <= self.selesai
        )


def rencana(model: Arsitektur) -> list[RencanaSpbe]:
    """The roadmap items of the model, sorted by id."""
    return [e for e in model.of_kind("rencana") if isinstance(e, RencanaSpbe)]


def periode(model: Arsitektur) -> tuple[int, int] | None:
    """The architecture period (first, last year), or None without ``spbe.yaml``."""
    if model.konfigurasi is None:
        return None
    return model.konfigurasi.periode.mulai, model.konfigurasi.periode.selesai


@dataclass(frozen=True, slots=True)
class Jadwal:
    """What the roadmap says about every element's years, read once from a model's items.

    ``mulai``: the first year of the earliest item that introduces an id (``elemen_baru``);
    ``selesai``: the last year of the earliest item that retires it (``elemen_dihentikan``).
    :func:`masa` of many elements reads this instead of scanning every item per element.
    """

    periode: tuple[int, int] | None
    mulai: dict[str, int]
    selesai: dict[str, int]

    def masa(self, element: Elemen) -> Masa:
        """The years the element exists (its own years first, then the roadmap's)."""
        if isinstance(element, RencanaSpbe) or element.KIND not in _ARSITEKTUR:
            return _SELALU
        mulai = element.tahun_mulai
        if mulai is None:
            mulai = self.mulai.get(element.id)
            if mulai is None and element.status is _BARU:
                mulai = self.periode[0] if self.periode is not None else None
        selesai = element.tahun_selesai
        if selesai is None:
            selesai = self.selesai.get(element.id)
        if mulai is None and selesai is None:
            return _SELALU  # most elements: one shared value instead of a new one each
        return Masa(mulai, selesai)


_SELALU = Masa(None, None)
_ARSITEKTUR = frozenset(ARSITEKTUR_KINDS)
_BARU = StatusElemen.BARU


def jadwal(model: Arsitektur) -> Jadwal:
    """The roadmap's years of every element of the model (see :class:`Jadwal`)."""
    mulai: dict[str, int] = {}
    selesai: dict[str, int] = {}
    for item in rencana(model):
        for ident in item.elemen_baru:
            if ident not in mulai or item.tahun_mulai < mulai[ident]:
                mulai[ident] = item.tahun_mulai
        for ident in item.elemen_dihentikan:
            if ident not in selesai or item.tahun_selesai < selesai[ident]:
                selesai[ident] = item.tahun_selesai
    return Jadwal(periode(model), mulai, selesai)


def masa(model: Arsitektur, element: Elemen) -> Masa:
    """The years the element exists (its own years first, then the roadmap's).

    For many elements of one model, read :func:`jadwal` once and ask its :meth:`Jadwal.masa`.
    """
    return jadwal(model).masa(element)


def pada_tahun(model: Arsitektur, tahun: int) -> Arsitektur:
    """A new :class:`Arsitektur` with only the elements that exist in ``tahun``.

    References from the remaining elements to absent ones are dropped from the copies (a list
    item is removed, a single reference emptied, an ``integrasi`` entry whose partner is absent
    removed), so the slice has no dangling relations. The input model is not changed.
    """
    years = jadwal(model)
    absent = {e.id for e in model.elemen.values() if tahun not in years.masa(e)}
    elemen = {
        ident: _without(element, absent)
        for ident, element in model.elemen.items()
        if ident not in absent
    }
    sliced = replace(
        model,
        elemen=elemen,
        sumber={k: v for k, v in model.sumber.items() if k not in absent},
        opd=dict(model.opd),
        unit_kerja=dict(model.unit_kerja),
        unit_kerja_opd=dict(model.unit_kerja_opd),
        files=list(model.files),
    )
    sliced.invalidate()  # elements were copied: the kind index must be rebuilt from them
    return sliced


def as_is(model: Arsitektur) -> Arsitektur:
    """The architecture before the period starts (the year before ``periode.mulai``)."""
    span = periode(model)
    return pada_tahun(model, span[0] - 1) if span is not None else model


def to_be(model: Arsitektur) -> Arsitektur:
    """The architecture in the last year of the period."""
    span = periode(model)
    return pada_tahun(model, span[1]) if span is not None else model


def _without(element: Elemen, absent: set[str]) -> Elemen:
    """A copy of the element without references to ``absent`` ids (the element if none)."""
    if not absent:
        return element
    update: dict[str, Any] = {}
    for relasi in relations_of(element.KIND):
        for path, target in targets(element.KIND, element, relasi):
            if target in absent:
                head = path[0]
                assert isinstance(head, str)
                tails = (
                    {r.field.partition(".")[2] for r in relations_of(element.KIND)}
                    if len(path) > 2
                    else set()
                )
                update[head] = _pruned(getattr(element, head), absent, tails)
    if not update:
        return element
    return element.model_copy(update=update)


def _partner_lost(item: BaseModel, key: str) -> bool:
    """Whether emptying ``key`` leaves the item without any of its required alternatives (an
    ``integrasi`` entry needs ``aplikasi`` or ``mitra``)."""
    groups: tuple[tuple[str, ...], ...] = getattr(type(item), "WAJIB_SALAH_SATU", ())
    if not groups:
        return False
    return not any(
        all(k != key and getattr(item, k, None) not in (None, "") for k in group)
        for group in groups
    )


def _pruned(value: Any, absent: set[str], nested: set[str]) -> Any:
    """A field value without the absent ids (``nested``: the id keys inside list items)."""
    if isinstance(value, str):
        return None if value in absent else value
    if not isinstance(value, list):
        return value
    if not nested:
        return [v for v in value if not (isinstance(v, str) and v in absent)]
    out = []
    for item in value:
        if not isinstance(item, BaseModel):
            out.append(item)
            continue
        update: dict[str, Any] = {}
        for key, sub in item:
            if key not in nested:
                continue
            if isinstance(sub, str) and sub in absent:
                if type(item).model_fields[key].is_required() or _partner_lost(item, key):
                    break
                update[key] = None
            elif isinstance(sub, list) and any(isinstance(v, str) and v in absent for v in sub):
                update[key] = [v for v in sub if not (isinstance(v, str) and v in absent)]
        else:
            out.append(item.model_copy(update=update) if update else item)
    return out
