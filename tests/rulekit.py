"""Compact helpers for rule tests: a model file as text in, (code, line, column) out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import write_repo
from spbe_arch.check import CheckResult, check

TODAY = dt.date(2026, 11, 30)
"""The fixed date time-based rules measure against in tests."""


PENGISI = {
    "proses_bisnis": "proses_bisnis:\n  - {id: PENGISI-PB, nama: Proses Pengisi}\n",
    "layanan": "layanan:\n  - {id: PENGISI-LAY, nama: Layanan Pengisi}\n",
    "aplikasi": "aplikasi:\n  - {id: PENGISI-APL, nama: Aplikasi Pengisi}\n",
    "infrastruktur": (
        "infrastruktur:\n  - {id: PENGISI-JAR, jenis: jaringan_intra, nama: Jaringan}\n"
    ),
    "keamanan": "keamanan:\n  - {id: PENGISI-KEA, jenis: edukasi_kesadaran, nama: Sosialisasi}\n",
}
"""One element of each domain, for tests of rules that stay silent while their domain is empty
(SPBE-ARS-001 then says so once): the filler file keeps the tested file's line numbers."""


def pengisi(*domains: str) -> dict[str, str]:
    """An ``extra`` file holding one filler element of each of ``domains``."""
    return {"pengisi.yaml": "".join(PENGISI[d] for d in domains)}


def run(root: Path, text: str, *, extra: dict[str, str] | None = None) -> CheckResult:
    """Check a repository made of one model file ``contoh.yaml`` (plus ``extra`` files)."""
    write_repo(root, {"contoh.yaml": text, **(extra or {})})
    return check(root, today=TODAY)


def found(result: CheckResult, code: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of every problem with ``code``, sorted."""
    return sorted((p.code, p.line, p.column) for p in result.problems if p.code == code)


def assert_problems(
    root: Path,
    text: str,
    expected: list[tuple[str, int, int]],
    *,
    extra: dict[str, str] | None = None,
) -> CheckResult:
    """Assert that the codes named in ``expected`` occur exactly at those places.

    Only the codes that appear in ``expected`` are compared (other rules may report other
    things about a deliberately small example); pass ``[("SPBE-X-001", 0, 0)]``-free lists
    with :func:`assert_clean` to assert a code is absent.
    """
    result = run(root, text, extra=extra)
    codes = {code for code, _, _ in expected}
    got = sorted((p.code, p.line, p.column) for p in result.problems if p.code in codes)
    assert got == sorted(expected), "\n".join(
        f"{p.file}:{p.line}:{p.column} {p.code} {p.message}" for p in result.problems
    )
    return result


def assert_clean(root: Path, text: str, *codes: str, extra: dict[str, str] | None = None) -> None:
    """Assert that none of ``codes`` is reported."""
    result = run(root, text, extra=extra)
    bad = [p for p in result.problems if p.code in codes]
    assert not bad, "\n".join(f"{p.line}:{p.column} {p.code} {p.message}" for p in bad)
