"""SPBE-KEA-002."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spbe_arch.model.aplikasi import Aplikasi, AsalAplikasi
from spbe_arch.model.base import Elemen
from spbe_arch.rules.engine import Context, Finding, rule

SIKLUS_AUDIT_TAHUN: dict[AsalAplikasi, int | None] = {
    AsalAplikasi.PEMDA: 2,
    AsalAplikasi.APLIKASI_UMUM: None,
    AsalAplikasi.SEKTOR_KL: None,
}
"""Years between security audits of an aplikasi, by ``asal``; None: the Pemda does not audit it.

Source: the SIA-SPBE guidance as secondary sources report it (the regulation is unconfirmed,
probably Peraturan BSSN 8/2024): aplikasi khusus every 2 years; aplikasi umum and national
infrastructure yearly, audited by their national owner, as sector applications are by their K/L.
"""


def _plus_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _audits(audits: list[Elemen], ident: str) -> list[tuple[dt.date, str]]:
    """(date, id) of the dated audit_keamanan elements covering an aplikasi, oldest first."""
    out = []
    for audit in audits:
        tanggal = getattr(audit, "tanggal_kegiatan", None)
        if not isinstance(tanggal, dt.date):
            continue
        if ident in getattr(audit, "melindungi", []) or "aplikasi" in getattr(
            audit, "cakupan_domain", []
        ):
            out.append((tanggal, audit.id))
    return sorted(out)


@rule("SPBE-KEA-002", "audit-kedaluwarsa", "warning", domain_wajib="keamanan", hanya_berjalan=True)
def audit_kedaluwarsa(ctx: Context) -> Iterator[Finding]:
    """Aplikasi buatan Pemda yang audit keamanannya kedaluwarsa atau belum pernah diaudit.

    **Yang diperiksa.** Untuk setiap `aplikasi` dengan `asal: pemda` (nilai bawaan), audit
    keamanan terakhir yang mencakupnya (`audit_keamanan` dengan `tanggal_kegiatan`, yang
    menyebutnya di `melindungi` atau mencantumkan `aplikasi` di `cakupan_domain`) tidak lebih
    tua dari 2 tahun terhadap tanggal pemeriksaan. Audit bertanggal setelah tanggal pemeriksaan
    belum terlaksana dan tidak dihitung. Aplikasi umum (`asal: aplikasi_umum`) dan aplikasi
    sektor K/L diaudit pemilik nasionalnya dan tidak diperiksa. Temuan ditunjukkan pada `id`
    aplikasi, dengan tanggal audit terakhir dan tanggal jatuh temponya.

    **Mengapa.** Aplikasi khusus diaudit keamanannya setiap 2 tahun; aplikasi umum dan
    infrastruktur nasional setiap tahun oleh pemiliknya (panduan
    SIA-SPBE menurut sumber sekunder; peraturannya belum terkonfirmasi, kemungkinan Peraturan
    BSSN 8/2024).

    **Contoh gagal:**

    ```yaml
    aplikasi:
      - id: DAA-01  # <- di sini
        nama: SIMPUS
    keamanan:
      - id: DAK-01
        jenis: audit_keamanan
        nama: Audit Keamanan SIMPUS
        melindungi: [DAA-01]
        tanggal_kegiatan: 2019-06-10
    ```

    **Contoh lulus:**

    ```yaml
    aplikasi:
      - id: DAA-01
        nama: SIMPUS
      - id: DAA-02
        nama: SRIKANDI
        asal: aplikasi_umum
    keamanan:
      - id: DAK-01
        jenis: audit_keamanan
        nama: Audit Keamanan Aplikasi Pemda
        cakupan_domain: [aplikasi]
        tanggal_kegiatan: 2026-06-15
    ```

    Contoh lulus ini dinilai pada tanggal pemeriksaan sampai 2028-06-15 (`check(today=…)`).
    """
    today = ctx.today
    audits = ctx.elements("audit_keamanan")
    for element in ctx.elements("aplikasi"):
        assert isinstance(element, Aplikasi)
        years = SIKLUS_AUDIT_TAHUN.get(element.asal)
        if years is None:
            continue
        done = [(day, ident) for day, ident in _audits(audits, element.id) if day <= today]
        if not done:
            yield Finding(
                element.id,
                f"aplikasi '{element.id}' belum pernah diaudit keamanan; audit jatuh tempo "
                f"sekarang (setiap {years} tahun)",
                f"application '{element.id}' has never had a security audit; an audit is due "
                f"now (every {years} years)",
                ("id",),
                hint="catat `audit_keamanan` dengan `tanggal_kegiatan` dan `melindungi: "
                f"[{element.id}]`",
                hint_en="record an `audit_keamanan` with `tanggal_kegiatan` and `melindungi: "
                f"[{element.id}]`",
            )
            continue
        last, audit_id = done[-1]
        due = _plus_years(last, years)
        if due >= today:
            continue
        yield Finding(
            element.id,
            f"audit keamanan terakhir aplikasi '{element.id}' pada {last.isoformat()} "
            f"({audit_id}); audit berikutnya jatuh tempo {due.isoformat()} dan sudah lewat",
            f"the last security audit of application '{element.id}' was on {last.isoformat()} "
            f"({audit_id}); the next one was due on {due.isoformat()}",
            ("id",),
            hint=f"lakukan audit keamanan (setiap {years} tahun) dan catat tanggalnya",
            hint_en=f"carry out a security audit (every {years} years) and record its date",
        )
