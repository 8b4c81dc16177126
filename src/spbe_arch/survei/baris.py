"""From a workbook row to a change of one element, validated with the model's own classes.

A pre-filled row carries the values it had when the form was generated (hidden ``Nilai Asal``):
only cells the OPD changed are applied, so edits made to the model since then are kept, and
importing the same workbook twice changes nothing the second time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from spbe_arch.load.errors import translate
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import Elemen
from spbe_arch.model.kinds import SECTIONS
from spbe_arch.survei.baca import Baris, Formulir, Temuan
from spbe_arch.survei.kolom import Lembar
from spbe_arch.survei.nilai import baca, sama

AWALAN: dict[str, str] = {
    "proses_bisnis": "DAB",
    "data": "DAD",
    "layanan": "DAL",
    "aplikasi": "DAA",
    "infrastruktur": "DAI",
    "keamanan": "DAK",
}
"""Id prefix per domain for generated ids when the OPD has no element of that kind yet."""

_ANGKA = re.compile(r"^(.*?)(\d+)$")


@dataclass(slots=True)
class Perubahan:
    """A change to one element: new (``id_lama`` None) or an update of changed fields."""

    form: Formulir
    baris: Baris
    id_lama: str | None
    id: str
    nilai: dict[str, Any] = field(default_factory=dict)

    @property
    def lembar(self) -> Lembar:
        """The sheet the row came from."""
        return self.baris.lembar


class PenomoranId:
    """Ids for new rows left without one: the OPD's own pattern, numbered on."""

    def __init__(self, model: Arsitektur) -> None:
        self.model = model
        self.used: set[str] = set(model.ids())

    def berikut(self, kind: str, opd: str, domain: str) -> str:
        """The next free id for a new element of ``kind`` owned by ``opd``."""
        own = [e.id for e in self.model.of_kind(kind) if self.model.owner(e.id) == opd]
        matches = [m for i in own if (m := _ANGKA.match(i))]
        if matches:
            prefix = Counter(m.group(1) for m in matches).most_common(1)[0][0]
            width = max(len(m.group(2)) for m in matches if m.group(1) == prefix)
            number = max(int(m.group(2)) for m in matches if m.group(1) == prefix)
        else:
            prefix, width, number = f"{AWALAN.get(domain, 'EL')}-{opd}-", 2, 0
        while True:
            number += 1
            candidate = f"{prefix}{number:0{width}d}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate


def _temuan(
    form: Formulir, row: Baris, header: str, code: str, msg: str, msg_en: str, level: str = "error"
) -> Temuan:
    return Temuan(form.nama, row.lembar.nama, row.nomor, header, level, code, msg, msg_en)


def nilai_baris(row: Baris, hadir: set[str], opd_ids: set[str]) -> dict[str, Any]:
    """The model value of every column present in the workbook."""
    return {
        k.field: baca(k, row.sel.get(k.field), opd_ids).nilai
        for k in row.lembar.kolom
        if k.field in hadir
    }


def perubahan(
    form: Formulir, row: Baris, model: Arsitektur, ids: PenomoranId, stale: bool
) -> tuple[Perubahan | None, list[Temuan]]:
    """The change a row asks for (None when it asks for none or cannot be applied)."""
    spec = row.lembar
    opd_ids = set(model.opd)
    values = nilai_baris(row, form.hadir.get(spec.kind, set()), opd_ids)
    new_id = values.pop("id", None)
    notes: list[Temuan] = []
    existing = (
        model.elemen.get(row.id_asal)
        if row.id_asal
        else _sudah_ada(model, spec, form.opd, new_id, values.get("nama"))
    )
    if row.id_asal and existing is None:
        notes.append(
            _temuan(
                form,
                row,
                "ID",
                "SURVEI-R01",
                f"elemen '{row.id_asal}' sudah tidak ada di model; baris dibaca sebagai "
                "elemen baru",
                f"element '{row.id_asal}' is no longer in the model; the "
                "row is read as a new element",
                "warning",
            )
        )
    if existing is not None:
        if spec.kind != existing.KIND or model.owner(existing.id) != form.opd:
            notes.append(
                _temuan(
                    form,
                    row,
                    "ID",
                    "SURVEI-R02",
                    f"'{existing.id}' bukan {spec.nama} milik {form.opd}; baris dilewati",
                    f"'{existing.id}' is not a {spec.nama} of {form.opd}; row skipped",
                )
            )
            return None, notes
        change = Perubahan(form, row, existing.id, new_id or existing.id)
        if new_id and new_id != existing.id:
            change.nilai["id"] = new_id
        for name, value in values.items():
            kolom = spec.by_field(name)
            assert kolom is not None
            original = baca(kolom, row.asal.get(name), opd_ids).nilai
            current = getattr(existing, name, None)
            if sama(value, original) or sama(value, current):
                continue
            if stale and not sama(current, original):
                notes.append(
                    _temuan(
                        form,
                        row,
                        kolom.header,
                        "SURVEI-R03",
                        "nilai ini juga diubah di model sejak formulir dibuat; isian "
                        "formulir dipakai",
                        "this value also changed in the model since the "
                        "form was generated; the form's value is used",
                        "warning",
                    )
                )
            change.nilai[name] = value
        data = existing.model_dump(exclude_unset=True)
    else:
        change = Perubahan(
            form, row, None, new_id or ids.berikut(spec.kind, form.opd, spec.cls.DOMAIN)
        )
        change.nilai = {"id": change.id, **{k: v for k, v in values.items() if not sama(v, None)}}
        data = {"opd": form.opd}
        if new_id is None:
            notes.append(
                _temuan(
                    form,
                    row,
                    "ID",
                    "SURVEI-R04",
                    f"id baru dibuat: {change.id}",
                    f"new id assigned: {change.id}",
                    "info",
                )
            )
    if not change.nilai:
        return None, notes
    for name, value in change.nilai.items():
        if sama(value, None):
            data.pop(name, None)
        else:
            data[name] = value
    if spec.cls.SECTION in ("infrastruktur", "keamanan"):
        data["jenis"] = spec.kind  # the tag the sheet implies
    errors = _validasi(form, row, data)
    if errors:
        return None, notes + errors
    return change, notes


def _sudah_ada(
    model: Arsitektur, spec: Lembar, opd: str, ident: str | None, nama: object
) -> Elemen | None:
    """The element a new row already became in an earlier import of the same workbook.

    A new row is matched by its ID, or, without one, by its name among the OPD's elements of
    that kind: importing the same workbook twice must not add the element twice.
    """
    if ident:
        found = model.elemen.get(ident)
    else:
        key = " ".join(str(nama or "").split()).casefold()
        same = [
            e
            for e in model.of_kind(spec.kind)
            if model.owner(e.id) == opd and " ".join(e.nama.split()).casefold() == key
        ]
        found = same[0] if key and len(same) == 1 else None
    if found is None or spec.kind != found.KIND or model.owner(found.id) != opd:
        return None
    return found


def _validasi(form: Formulir, row: Baris, data: dict[str, Any]) -> list[Temuan]:
    spec = row.lembar
    out: list[Temuan] = []
    try:
        SECTIONS[spec.cls.SECTION].validate_python(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if loc and loc[0] == spec.kind:
                loc = loc[1:]
            error["loc"] = loc
            code, message, message_en, _, _ = translate(error, spec.cls)
            name = str(loc[0]) if loc else "id"
            kolom = spec.by_field(name)
            header = kolom.header if kolom is not None else name
            out.append(
                _temuan(
                    form,
                    row,
                    header,
                    code,
                    message + "; baris tidak diimpor",
                    message_en + "; row not imported",
                )
            )
    return out
