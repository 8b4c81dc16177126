"""SPBE-OPD-001 and SPBE-OPD-002."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.base import SELURUH_PEMDA, owners_of
from spbe_arch.model.organisasi import TipeOpd
from spbe_arch.rules.common import closest_id
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-OPD-001", "opd-tidak-ada", "error")
def opd_tidak_ada(ctx: Context) -> Iterator[Finding]:
    """Pemilik elemen (`opd`) bukan Perangkat Daerah yang didefinisikan.

    **Yang diperiksa.** `opd` setiap elemen (atau kunci `opd:` di puncak berkasnya) harus id
    sebuah `perangkat_daerah`. Bila id itu unit kerja, pesan menyebut OPD induknya; bila salah
    ketik, pesan menyebut id OPD terdekat.

    Pemilik bersama (`opd: [KEC-A, KEC-B]`) diperiksa satu per satu; `opd: pemda` (seluruh
    Pemda) selalu sah. Saran "maksud Anda" mencari juga pada nama OPD: `DINAS-PENDIDIKAN`
    menyarankan OPD bernama "Dinas Pendidikan dan Kebudayaan".

    **Mengapa.** Rujukan OPD harus ada di daftar Perangkat Daerah Pemda (Perkada SOTK, PP
    18/2016); kepemilikan menentukan siapa memperbarui data.

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
        owners = owners_of(element)
        many = isinstance(element.opd, list)
        for index, owner in enumerate(owners):
            if owner in model.opd or owner == SELURUH_PEMDA:
                continue
            file = model.opd_diwarisi.get(element.id)
            key = model.opd_berkas.get(file) if file is not None else None
            if file in reported:
                continue
            if owner in model.unit_kerja:
                parent = model.unit_kerja_opd[owner]
                message = (
                    f"'{owner}' adalah unit kerja {parent}; pemilik harus OPD: tulis '{parent}'"
                )
                message_en = (
                    f"'{owner}' is a work unit of {parent}; the owner must be an OPD: '{parent}'"
                )
            else:
                close = closest_id(model, owner, ("opd",))
                message = f"OPD pemilik '{owner}' tidak ada" + (
                    f"; maksud Anda '{close}' ({model.opd[close].nama})?" if close else ""
                )
                message_en = f"owner OPD '{owner}' does not exist" + (
                    f"; did you mean '{close}' ({model.opd[close].nama})?" if close else ""
                )
            if key is not None and file is not None:
                # inherited from the file's top-level ``opd:``: once, where it is written
                reported.add(file)
                node = key.pos
                yield Finding(
                    None, message, message_en, ("opd",), at=(file, node.line, node.column)
                )
            else:
                yield Finding(element.id, message, message_en, ("opd", index) if many else ("opd",))


@rule("SPBE-OPD-002", "tanpa-pemilik", "warning")
def tanpa_pemilik(ctx: Context) -> Iterator[Finding]:
    """Elemen tanpa OPD pemilik.

    **Yang diperiksa.** Setiap elemen menyebut pemiliknya, di kolom `opd` atau lewat kunci
    `opd:` di puncak berkas (cara yang disarankan: satu folder per OPD). Pemilik boleh satu OPD,
    beberapa OPD (`opd: [KEC-A, KEC-B]`, mis. layanan yang diberikan semua kecamatan), atau
    `opd: pemda` untuk elemen milik Pemda secara keseluruhan (mis. kategori proses bisnis
    lintas OPD).

    **Mengapa.** Tanpa pemilik tidak ada yang bertanggung jawab memutakhirkan elemen, dan formulir
    survei tidak tahu ke OPD mana elemen dikirim. Perpres 95/2018 menempatkan tanggung
    jawab SPBE pada pimpinan instansi, sehingga kepemilikan oleh Pemda atau oleh beberapa OPD
    sah; yang salah hanya tidak ada pemilik sama sekali.

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
        if not owners_of(element):
            yield Finding(
                element.id,
                f"{element.KIND} '{element.id}' tidak memiliki OPD pemilik",
                f"{element.KIND} '{element.id}' has no owner OPD",
                ("id",),
                hint="tambahkan `opd: <id OPD>` di elemen atau di puncak berkas; `opd: [A, B]` "
                "bila dimiliki bersama, `opd: pemda` bila milik seluruh Pemda",
                hint_en="add `opd: <OPD id>` to the element or at the top of the file; "
                "`opd: [A, B]` when shared, `opd: pemda` when the whole Pemda owns it",
            )


_INDUK_WAJAR: dict[TipeOpd, tuple[TipeOpd, ...]] = {
    TipeOpd.KELURAHAN: (TipeOpd.KECAMATAN,),
}
"""Kinds whose parent must be of a given kind: a kelurahan is a perangkat of its kecamatan
(PP 17/2018 tentang Kecamatan)."""


@rule("SPBE-OPD-004", "induk-opd-salah", "error")
def induk_opd_salah(ctx: Context) -> Iterator[Finding]:
    """Unit induk (`induk`) sebuah OPD tidak ada, melingkar, atau berjenis salah.

    **Yang diperiksa.** `induk` pada `perangkat_daerah` menunjuk OPD lain yang ada; rantai induk
    tidak kembali ke dirinya; kelurahan berinduk kecamatan.

    **Mengapa.** Kelurahan adalah perangkat kecamatan (PP 17/2018 tentang Kecamatan) dan UPTD
    adalah unit dinas/badan (Permendagri 12/2017): hierarki yang salah menaruh elemen di bawah
    unit yang keliru pada diagram dan formulir.

    **Contoh gagal:**

    ```yaml
    perangkat_daerah:
      - {id: KEC-UTARA, nama: Kecamatan Utara, tipe: kecamatan}
      - id: KEL-SUKAMAJU
        nama: Kelurahan Sukamaju
        tipe: kelurahan
        induk: KEC-UTRA  # <- di sini
    ```

    **Contoh lulus:**

    ```yaml
    perangkat_daerah:
      - {id: KEC-UTARA, nama: Kecamatan Utara, tipe: kecamatan}
      - {id: KEL-SUKAMAJU, nama: Kelurahan Sukamaju, tipe: kelurahan, induk: KEC-UTARA}
    ```
    """
    model = ctx.model
    for ident, opd in sorted(model.opd.items()):
        parent = opd.induk
        if parent is None:
            continue
        if parent not in model.opd:
            close = closest_id(model, parent, ("opd",))
            yield Finding(
                ident,
                f"induk '{parent}' dari OPD '{ident}' tidak ada"
                + (f"; maksud Anda '{close}'?" if close else ""),
                f"parent '{parent}' of OPD '{ident}' does not exist"
                + (f"; did you mean '{close}'?" if close else ""),
                ("induk",),
            )
            continue
        seen = {ident}
        step: str | None = parent
        while step is not None and step in model.opd and step not in seen:
            seen.add(step)
            step = model.opd[step].induk
        if step == ident:
            yield Finding(
                ident,
                f"rantai induk OPD '{ident}' kembali ke dirinya sendiri",
                f"the parent chain of OPD '{ident}' leads back to itself",
                ("induk",),
            )
            continue
        wanted = _INDUK_WAJAR.get(opd.tipe)
        if wanted and model.opd[parent].tipe not in wanted:
            yield Finding(
                ident,
                f"{opd.tipe.label} '{ident}' berinduk '{parent}' ({model.opd[parent].tipe.label}); "
                f"induknya harus {', '.join(t.label for t in wanted)} "
                "(PP 17/2018 tentang Kecamatan)",
                f"{opd.tipe.label} '{ident}' has parent '{parent}' "
                f"({model.opd[parent].tipe.label}); its parent must be a "
                f"{', '.join(t.label for t in wanted)} (PP 17/2018 tentang Kecamatan)",
                ("induk",),
            )
