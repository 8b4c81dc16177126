"""From a workbook row to a change of one element, validated with the model's own classes.

A pre-filled row carries the values it had when the form was generated (hidden ``Nilai Asal``,
signed): the merge is three-way per field. A cell the OPD did not change keeps the YAML's value
(edits made to the model since generation are kept); a cell only the OPD changed is taken; a
field both changed differently is a conflict, and the row is not imported (a row is written
whole or not at all). Importing the same workbook twice changes nothing the second time.
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
from spbe_arch.referensi import Katalog
from spbe_arch.survei.baca import Baris, Formulir, Temuan
from spbe_arch.survei.kolom import Kolom, Lembar, label_pilihan, nilai_dari
from spbe_arch.survei.nilai import (
    adalah_digest,
    baca,
    rapikan,
    sama,
    sama_asal,
    teks_sel,
    tulis,
    untuk_staf,
)
from spbe_arch.survei.pemilik import owners_of, penjawab

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
        own = [e.id for e in self.model.of_kind(kind) if opd in owners_of(e)]
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


def isi_data(data: dict[str, Any], field: str, value: Any) -> None:
    """Set (or, for an empty value, remove) a field in an element's data; a nested field
    (``pengadaan.nilai``) in its record, which is removed when nothing is left in it."""
    head, _, sub = field.partition(".")
    if not sub:
        if sama(value, None):
            data.pop(head, None)
        else:
            data[head] = value
        return
    inner = data.get(head)
    inner = dict(inner) if isinstance(inner, dict) else {}
    if sama(value, None):
        inner.pop(sub, None)
    else:
        inner[sub] = value
    if inner:
        data[head] = inner
    else:
        data.pop(head, None)


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


def _teks(raw: object) -> str:
    text = teks_sel(raw)
    return rapikan(text)[0]


def _diubah_formulir(kolom: Kolom, row: Baris, value: Any, opd_ids: set[str]) -> bool:
    """Whether the OPD changed this cell (text or meaning differs from the original)."""
    asal = row.asal.get(kolom.field)
    if sama_asal(_teks(row.sel.get(kolom.field)), asal):
        return False
    if adalah_digest(asal):
        return True
    return not sama(value, baca(kolom, asal, opd_ids).nilai)


def _diubah_yaml(
    kolom: Kolom, row: Baris, current: Any, opd_ids: set[str], katalog: Katalog | None
) -> bool:
    """Whether the model's value differs from the one the form was generated with."""
    asal = row.asal.get(kolom.field)
    if adalah_digest(asal):
        return not sama_asal(teks_sel(tulis(kolom, current, katalog)), asal)
    return not sama(current, baca(kolom, asal, opd_ids).nilai)


def _tampil(value: Any) -> str:
    if value is None or value == []:
        return "(kosong)"
    if isinstance(value, list):
        return ", ".join(str(getattr(v, "value", v)) for v in value)
    text = str(getattr(value, "value", value))
    return text if len(text) <= 60 else text[:59] + "…"


def perubahan(
    form: Formulir,
    row: Baris,
    model: Arsitektur,
    ids: PenomoranId,
    katalog: Katalog | None = None,
    tanpa_pemilik: str | None = None,
) -> tuple[Perubahan | None, list[Temuan]]:
    """The change a row asks for (None when it asks for none or cannot be applied)."""
    if row.rusak:
        return None, []
    spec = row.lembar
    opd_ids = set(model.opd)
    hadir = form.hadir.get(spec.kind, set())
    values = nilai_baris(row, hadir, opd_ids)
    new_id = values.pop("id", None)
    notes: list[Temuan] = []
    kosong = [
        k for k in spec.kolom if k.wajib and k.field in hadir and sama(values.get(k.field), None)
    ]
    if kosong:
        names = ", ".join(k.header for k in kosong)
        return None, [
            _temuan(form, row, kosong[0].header, "SURVEI-R05",
                    f"kolom wajib (*) kosong: {names}; baris tidak diimpor",
                    f"required (*) column empty: {names}; row not imported")
        ]  # fmt: skip
    existing = (
        model.elemen.get(row.id_asal)
        if row.id_asal
        else _sudah_ada(model, spec, form.opd, new_id, values.get("nama"), tanpa_pemilik)
    )
    if row.id_asal and existing is None:
        changed = [
            k for k in spec.kolom
            if k.field in hadir and k.field != "id"
            and _diubah_formulir(k, row, values.get(k.field), opd_ids)
        ]  # fmt: skip
        if not changed:
            return None, [
                _temuan(form, row, "ID", "SURVEI-R01",
                        f"elemen '{row.id_asal}' sudah dihapus dari model sejak formulir dibuat "
                        "dan barisnya tidak diubah; tidak ditambahkan kembali",
                        f"element '{row.id_asal}' was removed from the model since the form was "
                        "made and its row is unchanged; not added back", "info")
            ]  # fmt: skip
        return None, [
            _temuan(form, row, "ID", "SURVEI-R03",
                    f"konflik: elemen '{row.id_asal}' dihapus dari model sejak formulir dibuat, "
                    "sedangkan formulir mengubahnya; baris tidak diimpor (tambahkan lagi di "
                    "YAML bila masih ada, atau buat formulir baru)",
                    f"conflict: element '{row.id_asal}' was removed from the model since the "
                    "form was made, while the form changes it; row not imported (add it back "
                    "in YAML if it still exists, or make a new form)")
        ]  # fmt: skip
    if existing is not None:
        if spec.kind != existing.KIND or form.opd not in penjawab(model, existing, tanpa_pemilik):
            notes.append(
                _temuan(form, row, "ID", "SURVEI-R02",
                        f"'{existing.id}' bukan {spec.nama} milik {form.opd}; baris tidak diimpor",
                        f"'{existing.id}' is not a {spec.nama} of {form.opd}; row not imported")
            )  # fmt: skip
            return None, notes
        change = Perubahan(form, row, existing.id, new_id or existing.id)
        if new_id and new_id != existing.id:
            if len(owners_of(existing)) > 1:
                return None, [
                    _temuan(form, row, "ID", "SURVEI-R06",
                            f"'{existing.id}' dimiliki bersama ({', '.join(owners_of(existing))}); "
                            "id elemen bersama hanya diganti di YAML; baris tidak diimpor",
                            f"'{existing.id}' is shared ({', '.join(owners_of(existing))}); a "
                            "shared element's id is changed in YAML only; row not imported")
                ]  # fmt: skip
            change.nilai["id"] = new_id
        conflicts: list[Temuan] = []
        for name, value in values.items():
            kolom = spec.by_field(name)
            assert kolom is not None
            current = nilai_dari(existing, name)
            if row.id_asal:
                if not _diubah_formulir(kolom, row, value, opd_ids) or sama(value, current):
                    continue
                if _diubah_yaml(kolom, row, current, opd_ids, katalog):
                    conflicts.append(
                        _temuan(form, row, kolom.header, "SURVEI-R03",
                                f"konflik: model kini berisi '{_tampil(current)}' (diubah sejak "
                                f"formulir dibuat), formulir berisi '{_tampil(value)}'; baris "
                                "tidak diimpor; selesaikan di YAML atau buat formulir baru",
                                f"conflict: the model now holds '{_tampil(current)}' (changed "
                                f"since the form was made), the form holds '{_tampil(value)}'; "
                                "row not imported; resolve it in YAML or make a new form")
                    )  # fmt: skip
                    continue
            elif sama(value, current) or sama(value, None):
                continue
            change.nilai[name] = value
        if conflicts:
            return None, conflicts
        data = existing.model_dump(exclude_unset=True)
    else:
        change = Perubahan(
            form, row, None, new_id or ids.berikut(spec.kind, form.opd, spec.cls.DOMAIN)
        )
        change.nilai = {"id": change.id, **{k: v for k, v in values.items() if not sama(v, None)}}
        data = {"opd": form.opd}
        if new_id is None:
            notes.append(
                _temuan(form, row, "ID", "SURVEI-R04", f"id baru dibuat: {change.id}",
                        f"new id assigned: {change.id}", "info")
            )  # fmt: skip
    if not change.nilai:
        return None, notes
    for name, value in change.nilai.items():
        isi_data(data, name, value)
    if spec.cls.SECTION in ("infrastruktur", "keamanan"):
        data["jenis"] = spec.kind  # the tag the sheet implies
    errors = _validasi(form, row, data)
    if errors:
        return None, notes + errors
    return change, notes


def _sudah_ada(
    model: Arsitektur,
    spec: Lembar,
    opd: str,
    ident: str | None,
    nama: object,
    tanpa_pemilik: str | None = None,
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
            if opd in penjawab(model, e, tanpa_pemilik)
            and " ".join(e.nama.split()).casefold() == key
        ]
        found = same[0] if key and len(same) == 1 else None
    if found is None or spec.kind != found.KIND or opd not in penjawab(model, found, tanpa_pemilik):
        return None
    return found


_ID_STAF = (
    "ID hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung, diawali huruf "
    "atau angka, paling banyak 80 karakter (mis. {contoh})",
    "an ID may hold only letters, digits, dots, underscores and hyphens, starting with a "
    "letter or digit, at most 80 characters (e.g. {contoh})",
)


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
            parts = [str(p) for p in loc if isinstance(p, str)]
            name = parts[0] if parts else "id"
            kolom = spec.by_field(".".join(parts[:2])) or spec.by_field(name)
            header = kolom.header if kolom is not None else name
            if error["type"] == "string_pattern_mismatch":
                contoh = f"{AWALAN.get(spec.cls.DOMAIN, 'EL')}-{form.opd}-01"
                message = _ID_STAF[0].format(contoh=contoh)
                message_en = _ID_STAF[1].format(contoh=contoh)
            elif error["type"] in ("enum", "literal_error") and kolom is not None and kolom.pilihan:
                labels = ", ".join(label_pilihan(c) for c in kolom.pilihan)
                message = f"pilih salah satu isian daftar: {labels}"
                message_en = f"pick one of the list: {labels}"
            else:
                message = untuk_staf(message, kolom)
                message_en = untuk_staf(message_en, kolom)
            out.append(
                _temuan(form, row, header, code, message + "; baris tidak diimpor",
                        message_en + "; row not imported")
            )  # fmt: skip
    return out
