"""Who answers for an element: its owners, and the form of elements nobody owns.

Every survey module asks "which OPDs own this element?" through :func:`owners_of`, so that
ownership by several OPDs (or by the Pemda as a whole) is one change here. An element names one
owner (``opd``, or the file's ``opd:``), a list of owners, or ``pemda`` (:data:`SELURUH_PEMDA`):
the Pemda as a whole, answered for in the form chosen for elements nobody owns.
"""

from __future__ import annotations

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import SELURUH_PEMDA, Elemen, owners_of
from spbe_arch.survei.kolom import URUSAN_KOORDINATOR

__all__ = ["SELURUH_PEMDA", "dimiliki", "opd_tanpa_pemilik", "owners_of", "penjawab"]


def dimiliki(element: Elemen, opd: str) -> bool:
    """Whether ``opd`` is one of the element's owners."""
    return opd in owners_of(element)


def opd_tanpa_pemilik(model: Arsitektur) -> str | None:
    """The OPD whose form lists the elements nobody owns.

    ``survei.formulir_tanpa_pemilik`` in ``spbe.yaml`` when set, else the one OPD of the
    coordinating urusan (Kominfo or Persandian) when there is exactly one, else None.
    """
    config = model.konfigurasi
    survei = config.survei if config is not None else None
    chosen = getattr(survei, "formulir_tanpa_pemilik", None) if survei is not None else None
    if chosen:
        return str(chosen)
    coord = sorted(
        o.id for o in model.opd.values() if any(b in URUSAN_KOORDINATOR for b in o.bidang_urusan)
    )
    return coord[0] if len(coord) == 1 else None


def penjawab(model: Arsitektur, element: Elemen, tanpa_pemilik: str | None) -> tuple[str, ...]:
    """The OPDs whose forms list ``element``: its owners, or (nobody, or the Pemda as a whole)
    the form chosen for those."""
    owners = tuple(o for o in owners_of(element) if o != SELURUH_PEMDA)
    if owners:
        return owners
    return (tanpa_pemilik,) if tanpa_pemilik else ()
