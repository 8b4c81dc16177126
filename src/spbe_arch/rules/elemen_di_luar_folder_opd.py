"""SPBE-OPD-005."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.codeowners.folders import inside, opd_folders, relative_to
from spbe_arch.model.base import owners_of
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-OPD-005", "elemen-di-luar-folder-opd", "warning")
def elemen_di_luar_folder_opd(ctx: Context) -> Iterator[Finding]:
    """Elemen milik sebuah OPD ditulis di luar folder OPD itu.

    **Yang diperiksa.** Bila repositori disusun satu folder per OPD (folder berkas yang
    mendeklarasikan OPD, mis. `dinkes/opd.yaml`, dan folder itu tidak mendeklarasikan OPD
    lain), setiap elemen milik OPD itu berada di dalam foldernya. Butir Peta Rencana tidak
    diperiksa: peta rencana adalah dokumen Pemda yang dikoordinasikan bersama.

    **Mengapa.** Folder OPD menentukan siapa meninjau perubahan (`spbe-arch codeowners` menulis
    CODEOWNERS dari folder OPD dan `pemilik_berkas` di `spbe.yaml`; lihat docs/review.md).
    Elemen di folder OPD lain ditinjau orang yang salah, dan formulir survei OPD pemiliknya
    tidak dapat menulis kembali ke berkasnya sendiri.

    **Contoh gagal:**

    ```yaml
    # berkas: dinkes/opd.yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
    ```

    ```yaml
    # berkas: dinsos/opd.yaml
    perangkat_daerah:
      - {id: DINSOS, nama: Dinas Sosial, tipe: dinas}
    proses_bisnis:
      - id: DAB-DINKES-01  # <- di sini
        nama: Pelayanan Kesehatan Dasar
        opd: DINKES
    ```

    **Contoh lulus:**

    ```yaml
    # berkas: dinsos/opd.yaml
    perangkat_daerah:
      - {id: DINSOS, nama: Dinas Sosial, tipe: dinas}
    ```

    ```yaml
    # berkas: dinkes/opd.yaml
    perangkat_daerah:
      - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
    proses_bisnis:
      - id: DAB-DINKES-01
        nama: Pelayanan Kesehatan Dasar
        opd: DINKES
    ```
    """
    model = ctx.model
    folders = opd_folders(model)
    if len(folders) < 2:
        return  # not laid out one folder per OPD
    relative = relative_to(model)
    for element in model:
        if element.KIND == "rencana":
            continue
        # an element owned by several OPDs may live in the folder of any of them; the Pemda as
        # a whole (`opd: pemda`) and OPDs without a folder of their own constrain nothing
        owned = [(o, folders[o]) for o in owners_of(element) if o in folders]
        src = model.sumber.get(element.id)
        if not owned or src is None:
            continue
        rel = relative(src.file)
        if any(inside(rel, folder) for _, folder in owned):
            continue
        owner, folder = owned[0]
        yield Finding(
            element.id,
            f"{element.KIND} '{element.id}' milik {owner} ditulis di {rel}, di luar folder "
            f"{owner} ({folder}/)",
            f"{element.KIND} '{element.id}' of {owner} is written in {rel}, outside "
            f"{owner}'s folder ({folder}/)",
            ("id",),
            hint=f"pindahkan ke sebuah berkas di {folder}/ agar ditinjau pemilik folder itu",
            hint_en=f"move it to a file in {folder}/ so that the folder's owners review it",
        )
