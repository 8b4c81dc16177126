"""SPBE-TEKS-001, SPBE-TEKS-002, SPBE-TEKS-003 and SPBE-ID-002: text that is not what it shows.

The loader refuses raw control characters in a file, but a YAML double-quoted scalar can still
write any character as an escape (``"\\x1b"``, ``"\\u202e"``). These rules look at every text
value of every element, OPD, unit kerja and of ``spbe.yaml`` once loaded (docs/security.md,
"Model content").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

from spbe_arch.rules.engine import Context, Finding, _path_text, rule

CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls except tab and line breaks, DEL and C1 controls: no text means them, terminals
obey them and Graphviz refuses a label holding them."""

LINE_RE = re.compile("[\t\n\r\x85\u2028\u2029]")
"""Tabs and line breaks: fine in a description, not in a name or an id's label."""

BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates (Unicode UAX #9): they reorder how the text
around them is shown, so a name reads differently from what it is ("Trojan Source",
CVE-2021-42574)."""

INVISIBLE_RE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
"""Invisible format characters: soft hyphen, direction marks, zero-width space/joiners, word
joiner, invisible operators and the BOM inside text."""

_NAME_FIELDS = frozenset({"nama"})


def _texts(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value below ``value`` with its path (model fields, lists, mappings)."""
    if isinstance(value, str):
        if not isinstance(value, Enum):
            yield path, value
    elif isinstance(value, BaseModel):
        # a model's field values are its __dict__ (pydantic v2): much cheaper than getattr
        for name, item in value.__dict__.items():
            if item is not None:
                yield from _texts(item, (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from _texts(item, (*path, key))


def _owners(ctx: Context) -> Iterator[tuple[str | None, Any]]:
    """Every element, OPD and unit kerja by id, and the configuration (id None)."""
    model = ctx.model
    if model.konfigurasi is not None:
        yield None, model.konfigurasi
    for ident in sorted(model.opd):
        yield ident, model.opd[ident]
    for ident in sorted(model.unit_kerja):
        yield ident, model.unit_kerja[ident]
    yield from ((element.id, element) for element in model)


_QUICK_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069"
    "\ufeff\t\n\r\u2028\u2029]"
)
"""Any character one of the rules looks at: most values have none and are passed at once."""


_KIND: dict[type, int] = {str: 1, list: 2, tuple: 2, dict: 3}
"""How the quick pass treats a value of each type: 1 text, 2 sequence, 3 mapping, 4 model,
0 anything else (numbers, dates, choices); filled as types are met."""


def _kind(cls: type) -> int:
    kind = _KIND.get(cls)
    if kind is None:
        if issubclass(cls, Enum):
            kind = 0
        elif issubclass(cls, BaseModel):
            kind = 4
        elif issubclass(cls, str):
            kind = 1
        elif issubclass(cls, (list, tuple)):
            kind = 2
        elif issubclass(cls, dict):
            kind = 3
        else:
            kind = 0
        _KIND[cls] = kind
    return kind


def _any_text(owner: Any, search: Any) -> bool:
    """Whether any text value below ``owner`` matches ``search`` (the quick pass: no paths,
    dispatch by exact type; a model of a few hundred elements has ten thousand values).

    The texts are collected and searched once, joined: the patterns are character classes, and
    a character of the class is in the joined text exactly when it is in one of the texts.
    Plain ``str`` values and ``None`` (most values) are taken or skipped where they are met.
    """
    texts: list[str] = []
    add = texts.append
    stack = [owner]
    pop, push = stack.pop, stack.append
    kinds = _KIND
    while stack:
        value = pop()
        kind = kinds.get(type(value))
        if kind is None:
            kind = _kind(type(value))
        if kind == 4:
            items = value.__dict__.values()
        elif kind == 2:
            items = value
        elif kind == 3:
            items = value.values()
        else:
            if kind == 1:
                add(value)
            continue
        for item in items:
            if type(item) is str:
                add(item)
            elif item is not None:
                push(item)
    return search("".join(texts)) is not None


_last: list[Any] = [None, None, ()]
"""The model last scanned, its element count and its suspects: the three text rules share one
scan of every value (the scan is most of their cost)."""


def _suspects(ctx: Context) -> tuple[tuple[str | None, tuple[str | int, ...], str], ...]:
    """Every text value holding a character one of the rules looks at, with owner and path."""
    model = ctx.model
    if _last[0] is model and _last[1] == len(model):
        found: tuple[tuple[str | None, tuple[str | int, ...], str], ...] = _last[2]
        return found
    search = _QUICK_RE.search
    found = tuple(
        (ident, path, text)
        for ident, owner in _owners(ctx)
        if _any_text(owner, search)
        for path, text in _texts(owner, ())
        if search(text) and not _own_unit(model, ident, path)
    )
    _last[:] = [model, len(model), found]
    return found


def _own_unit(model: Any, ident: str | None, path: tuple[str | int, ...]) -> bool:
    """Whether a value found through an OPD's ``unit_kerja[i]`` belongs to a unit kerja that is
    registered under its own id, and so is reported once, as that unit kerja (not again through
    its OPD). A unit kerja whose id was refused (a duplicate) is only reachable through its OPD."""
    if ident is None or len(path) < 2 or path[0] != "unit_kerja" or ident not in model.opd:
        return False
    units = model.opd[ident].unit_kerja
    index = path[1]
    if not isinstance(index, int) or not 0 <= index < len(units):
        return False
    unit = units[index]
    return model.unit_kerja.get(unit.id) is unit


def _finding(
    ctx: Context, ident: str | None, path: tuple[str | int, ...], message: str, message_en: str
) -> Finding:
    if ident is None:  # spbe.yaml: placed through the configuration's own positions
        pos = ctx.model.config_pos
        node = pos.find(path) if pos is not None else None
        at = (ctx.model.config_file, node.line, node.column) if node is not None else None
        return Finding(None, message, message_en, path, at=at)
    return Finding(ident, message, message_en, path)


def _named(chars: list[str]) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``, for each distinct character, in order."""
    seen: list[str] = []
    for char in chars:
        if char not in seen:
            seen.append(char)
    return ", ".join(
        f"U+{ord(c):04X} ({unicodedata.name(c, 'CONTROL' if ord(c) < 0xA0 else 'FORMAT')})"
        for c in seen
    )


def _findings(
    ctx: Context,
    pattern: re.Pattern[str],
    message: str,
    message_en: str,
    *,
    in_names: re.Pattern[str] | None = None,
) -> Iterator[Finding]:
    """One finding per text value holding characters of ``pattern`` (and, in a ``nama``, of
    ``in_names``); the messages name the field (``{field}``) and the characters (``{named}``)."""
    for ident, path, text in _suspects(ctx):
        bad = pattern.findall(text)
        if in_names is not None and path and path[-1] in _NAME_FIELDS:
            bad += in_names.findall(text)
        if bad:
            where = {"field": _path_text(path) or "nilai", "named": _named(bad)}
            yield _finding(ctx, ident, path, message.format(**where), message_en.format(**where))


@rule("SPBE-TEKS-001", "nilai-berkarakter-kendali", "error")
def karakter_kendali(ctx: Context) -> Iterator[Finding]:
    r"""Teks berisi karakter kendali (termasuk baris baru atau tab di dalam nama).

    **Yang diperiksa.** Setiap nilai teks elemen, OPD, unit kerja dan `spbe.yaml` tidak memuat
    karakter kendali C0/C1 (mis. ESC `\x1b`, yang memulai urutan escape terminal) atau DEL;
    `nama` juga tidak memuat tab atau baris baru. Karakter ini hanya dapat masuk lewat escape
    YAML dalam kutip ganda (`"\x1b"`, `"\n"`), karena pemuat menolak karakter kendali mentah.

    **Mengapa.** Tidak ada nama yang sengaja memuat karakter kendali: Graphviz menolak label
    yang memuatnya (diagram gagal digambar), terminal menjalankannya sebagai perintah (warna,
    hapus layar), dan baris baru di nama memalsukan baris laporan (lihat docs/security.md).
    Elemen dengan nama seperti itu tidak dapat dipakai, sehingga galat.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: "SIMPUS\x1b[2J"  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
        uraian: |
          Sistem informasi puskesmas.
          Uraian boleh beberapa baris.
    ```
    """
    yield from _findings(
        ctx,
        CONTROL_RE,
        "{field} memuat karakter kendali {named}: Graphviz tidak dapat menggambarnya dan "
        "terminal menjalankannya; hapus karakter itu",
        "{field} contains the control character(s) {named}: Graphviz cannot draw it and "
        "terminals act on it; remove them",
        in_names=LINE_RE,
    )


@rule("SPBE-TEKS-002", "arah-teks-tersembunyi", "error")
def arah_teks_tersembunyi(ctx: Context) -> Iterator[Finding]:
    r"""Teks berisi karakter pembalik arah (bidi override, embedding, isolate).

    **Yang diperiksa.** Nilai teks tidak memuat U+202A–U+202E atau U+2066–U+2069: karakter yang
    membalik urutan tampilan teks di sekitarnya (Unicode UAX #9).

    **Mengapa.** Dengan karakter ini sebuah nama tampil berbeda dari isinya ("Trojan Source",
    CVE-2021-42574): `"SIMPUS\u202eSPP"` tampil sebagai `SIMPUSPPS`, sehingga peninjau,
    diagram dan formulir survei menunjukkan hal lain dari yang tersimpan. Nama berbahasa
    Indonesia tidak memerlukannya; nilai yang menyesatkan adalah galat.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: "SIMPUS \u202eSPP"  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SIMPUS SPP
    ```
    """
    yield from _findings(
        ctx,
        BIDI_RE,
        "{field} memuat karakter pembalik arah teks {named}: teks tampil berbeda dari isinya; "
        "hapus karakter itu",
        "{field} contains the text-direction control(s) {named}: the text shows other than it "
        "is; remove them",
    )


@rule("SPBE-TEKS-003", "karakter-tak-terlihat", "warning")
def karakter_tak_terlihat(ctx: Context) -> Iterator[Finding]:
    r"""Teks berisi karakter tak terlihat (spasi lebar nol, penanda arah, BOM, tanda hubung lunak).

    **Yang diperiksa.** Nilai teks tidak memuat U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD,
    U+061C atau U+180E. Karakter ini biasanya terbawa dari salin-tempel halaman web atau
    dokumen.

    **Mengapa.** Dua nama yang tampak sama tetapi berbeda karena karakter tak terlihat lolos dari
    pencocokan nama (mis. dengan daftar Aplikasi Umum) dan pencarian. Maknanya tidak salah,
    tetapi datanya belum bersih: peringatan.

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: "SRIKANDI\u200b"  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SRIKANDI
    ```
    """
    yield from _findings(
        ctx,
        INVISIBLE_RE,
        "{field} memuat karakter tak terlihat {named}; hapus agar nama cocok saat dicari dan "
        "dibandingkan",
        "{field} contains the invisible character(s) {named}; remove them so the name matches "
        "when searched and compared",
    )


@rule("SPBE-ID-002", "id-beda-huruf", "error")
def id_beda_huruf(ctx: Context) -> Iterator[Finding]:
    """Dua id hanya berbeda huruf besar/kecil.

    **Yang diperiksa.** Id elemen, OPD dan unit kerja tetap unik setelah huruf besar dan kecil
    disamakan (`DINKES` dan `Dinkes` bertabrakan). Pesan menyebut id lain dan tempatnya; id
    yang muncul pertama (menurut urutan id) tidak dilaporkan.

    **Mengapa.** Id dibaca orang dan alat yang tidak membedakan huruf besar/kecil: validasi
    daftar pilihan dan pencarian Excel di formulir survei, nama folder OPD di Windows dan macOS,
    dan pembaca laporan. Dua elemen yang hanya berbeda huruf akan tertukar, sehingga rujukan
    ke keduanya ambigu, seperti id ganda (SPBE-ID-001).

    **Contoh gagal:**

    ```yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
      - {id: Dinkes, nama: Dinas Kesehatan (salinan), tipe: dinas}  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
      - {id: DISDIK, nama: Dinas Pendidikan, tipe: dinas}
    ```
    """
    model = ctx.model
    groups: dict[str, list[str]] = {}
    for ident in sorted(model.ids()):
        groups.setdefault(ident.casefold(), []).append(ident)
    for same in groups.values():
        if len(same) < 2:
            continue
        first = same[0]
        file, line, _ = model.locate(first, "id")
        for other in same[1:]:
            yield Finding(
                other,
                f"id '{other}' hanya berbeda huruf besar/kecil dari '{first}' ({file}:{line}); "
                "beri id yang benar-benar berbeda atau gabungkan keduanya",
                f"id '{other}' differs only in letter case from '{first}' ({file}:{line}); "
                "give it a truly different id or merge the two",
                ("id",),
            )
