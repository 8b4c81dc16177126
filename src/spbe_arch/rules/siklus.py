"""SPBE-STR-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.relasi import RELASI
from spbe_arch.rules.engine import Context, Finding, rule


@rule("SPBE-STR-001", "siklus-relasi", "error")
def siklus(ctx: Context) -> Iterator[Finding]:
    """Relasi yang tidak boleh berputar membentuk siklus.

    **Yang diperiksa.** Relasi hosting (`server.host`: server virtual di server fisik atau
    komputasi awan) dan hierarki (`proses_bisnis.induk`) harus berbentuk pohon. Setiap siklus
    dilaporkan sekali, pada elemen dengan id terkecil di siklus itu, dengan seluruh rantainya.

    **Mengapa.** Server yang berjalan di atas dirinya sendiri atau proses bisnis yang menjadi
    induk dirinya membuat analisis dampak dan peta proses bisnis (Permenpan RB 19/2018) tak
    bermakna.

    **Contoh gagal:**

    ```yaml
    infrastruktur:
      - id: SRV-A
        jenis: server
        nama: Server A
        host: SRV-B  # <- di sini
      - id: SRV-B
        jenis: server
        nama: Server B
        host: SRV-A
    ```

    **Contoh lulus:**

    ```yaml
    infrastruktur:
      - id: SRV-A
        jenis: server
        nama: Server Fisik
      - id: SRV-B
        jenis: server
        nama: Server Virtual
        host: SRV-A
    ```
    """
    for relasi in RELASI:
        if not relasi.acyclic:
            continue
        for cycle in ctx.graph.cycles(relasi.field):
            chain = " → ".join([*cycle, cycle[0]])
            yield Finding(
                cycle[0],
                f"'{relasi.field}' membentuk siklus: {chain}",
                f"'{relasi.field}' forms a cycle: {chain}",
                (relasi.field,),
            )
