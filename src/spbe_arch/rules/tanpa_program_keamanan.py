"""SPBE-KEA-001."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model.relasi import INFRA_KINDS, KEAMANAN_KINDS
from spbe_arch.rules.engine import Context, Finding, rule

DILINDUNGI: tuple[str, ...] = ("data", "aplikasi", *INFRA_KINDS)
"""Kinds a security programme protects (RAK tier-2 targets, Perpres 132/2022 Lampiran: Referensi
Arsitektur Keamanan)."""


@rule(
    "SPBE-KEA-001",
    "tanpa-program-keamanan",
    "warning",
    domain_wajib="keamanan",
    hanya_berjalan=True,
)
def tanpa_program_keamanan(ctx: Context) -> Iterator[Finding]:
    """Data, aplikasi atau infrastruktur yang tidak dicakup program keamanan mana pun.

    **Yang diperiksa.** Setiap elemen `data`, `aplikasi` dan `infrastruktur` dicakup minimal satu
    elemen `keamanan`: disebut di `melindungi`-nya, atau domainnya (`data`, `aplikasi`,
    `infrastruktur`) tercantum di `cakupan_domain`-nya (mis. kebijakan SMKI yang berlaku untuk
    semua aplikasi). Temuan ditunjukkan pada `id` elemen.

    Selama domain Keamanan SPBE masih kosong aturan ini diam: SPBE-ARS-001
    melaporkannya sekali, bukan sekali per elemen.

    **Mengapa.** Domain Keamanan SPBE melindungi data, aplikasi dan infrastruktur; setiap elemen
    ketiga domain itu dicakup program keamanan yang berlaku: standar dan prosedur, audit,
    identifikasi kerentanan, kelaikan, edukasi, penanganan insiden, peningkatan keamanan (Perpres
    95/2018, Keamanan SPBE; Perpres 132/2022, Lampiran: Referensi Arsitektur Keamanan).

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01  # <- di sini
        nama: SIMPUS
      - {id: DAA-02, nama: SIMPEG}
    keamanan:
      - {id: DAK-01, jenis: audit_keamanan, nama: Audit SIMPEG, melindungi: [DAA-02]}
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
    keamanan:
      - id: DAK-01
        jenis: audit_keamanan
        nama: Audit Keamanan SIMPUS
        melindungi: [DAA-01]
    ```
    """
    domains = {
        domain
        for program in ctx.elements(*KEAMANAN_KINDS)
        for domain in getattr(program, "cakupan_domain", [])
    }
    covered = ctx.graph.named("melindungi", KEAMANAN_KINDS)  # links_to(…) of all at once
    for element in ctx.elements(*DILINDUNGI):
        if element.DOMAIN in domains:
            continue
        if element.id in covered:
            continue
        yield Finding(
            element.id,
            f"{element.KIND} '{element.id}' tidak dicakup program keamanan mana pun",
            f"{element.KIND} '{element.id}' is covered by no security programme",
            ("id",),
            hint=f"sebut '{element.id}' di `melindungi` sebuah elemen keamanan, atau tambahkan "
            f"'{element.DOMAIN}' ke `cakupan_domain`-nya",
            hint_en=f"name '{element.id}' in `melindungi` of a security element, or add "
            f"'{element.DOMAIN}' to its `cakupan_domain`",
        )
