"""SPBE-OPD-001 and SPBE-OPD-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.common import closest_id
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-OPD-001", "opd-tidak-ada", "error")
def opd_tidak_ada(ctx: Context) -> Iterator[Finding]:
    """Pemilik elemen (`opd`) bukan Perangkat Daerah yang didefinisikan.

    **Yang diperiksa.** `opd` setiap elemen (atau kunci `opd:` di puncak berkasnya) harus id
    sebuah `perangkat_daerah`. Bila id itu unit kerja, pesan menyebut OPD induknya; bila salah
    ketik, pesan menyebut id OPD terdekat.

    **Mengapa.** Setiap elemen dimiliki satu OPD, dan rujukan OPD harus ada di daftar Perangkat
    Daerah Pemda (PP 18/2016 tentang Perangkat Daerah); kepemilikan menentukan siapa memperbarui
    data.

    **Contoh gagal:**

    ```yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan
        opd: DINKS  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
    proses_bisnis:
      - id: DAB-01
        nama: Pelayanan Kesehatan
        opd: DINKES
    ```
    """
    model = ctx.model
    reported: set[str] = set()  # files whose top-level ``opd:`` was reported
    for element in model:
        owner = element.opd
        if owner is None or owner in model.opd:
            continue
        file = model.opd_diwarisi.get(element.id)
        key = model.opd_berkas.get(file) if file is not None else None
        if file in reported:
            continue
        if owner in model.unit_kerja:
            parent = model.unit_kerja_opd[owner]
            message = f"'{owner}' adalah unit kerja {parent}; pemilik harus OPD: tulis '{parent}'"
            message_en = (
                f"'{owner}' is a work unit of {parent}; the owner must be an OPD: '{parent}'"
            )
        else:
            close = closest_id(model, owner, ("opd",))
            message = f"OPD pemilik '{owner}' tidak ada" + (
                f"; maksud Anda '{close}'?" if close else ""
            )
            message_en = f"owner OPD '{owner}' does not exist" + (
                f"; did you mean '{close}'?" if close else ""
            )
        if key is not None and file is not None:
            # inherited from the file's top-level ``opd:``: once, where it is written
            reported.add(file)
            node = key.pos
            yield Finding(None, message, message_en, ("opd",), at=(file, node.line, node.column))
        else:
            yield Finding(element.id, message, message_en, ("opd",))


@rule("SPBE-OPD-002", "tanpa-pemilik", "error")
def tanpa_pemilik(ctx: Context) -> Iterator[Finding]:
    """Elemen tanpa OPD pemilik.

    **Yang diperiksa.** Setiap elemen menyebut OPD pemiliknya, di kolom `opd` atau lewat kunci
    `opd:` di puncak berkas (cara yang disarankan: satu folder per OPD).

    **Mengapa.** Tanpa pemilik tidak ada yang bertanggung jawab memutakhirkan elemen, dan formulir
    survei tidak tahu ke OPD mana elemen dikirim (setiap elemen dimiliki
    OPD: docs/model.md).

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01  # <- di sini
        nama: Sistem Informasi Puskesmas
    ```

    **Contoh lulus:**

    ```yaml
    opd: DINKES
    aplikasi:
      - id: DAA-01
        nama: Sistem Informasi Puskesmas
    ```
    """
    for element in ctx.model:
        if element.opd is None:
            yield Finding(
                element.id,
                f"{element.KIND} '{element.id}' tidak memiliki OPD pemilik",
                f"{element.KIND} '{element.id}' has no owner OPD",
                ("id",),
                hint="tambahkan `opd: <id OPD>` di elemen atau di puncak berkas",
                hint_en="add `opd: <OPD id>` to the element or at the top of the file",
            )
