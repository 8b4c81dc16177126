"""The index calculator: indicator levels in, weighted index per domain, aspek and overall out.

Indeks = Σ (bobot_i × level_i) / Σ bobot_i over the assessed indicators (weights are % of the
index, so over all of them Σ bobot_i = 100); a domain's or an aspek's score is the same
weighted mean inside the group (Permenpan RB 59/2020: Indeks SPBE as the weighted
sum of indicator levels; the group means are this tool's reading).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spbe_arch.evaluasi.rezim import Predikat, Rezim, RezimError, load_rezim, normalise
from spbe_arch.load.source import read_source
from spbe_arch.load.yamltext import parse_text
from spbe_arch.messages import LocalizedError


class IndeksError(LocalizedError, ValueError):
    """A levels file that cannot be read or does not fit the regime."""


@dataclass(frozen=True, slots=True)
class Skor:
    """The score of a group (domain or aspek) or of the whole index."""

    no: int
    nama: str
    bobot: float
    nilai: float | None
    dinilai: int
    jumlah: int


@dataclass(slots=True)
class HasilIndeks:
    """The computed index of one regime, with its parts."""

    rezim: Rezim
    level: dict[int, int]
    indeks: float | None
    predikat: Predikat | None
    domain: list[Skor] = field(default_factory=list)
    aspek: list[Skor] = field(default_factory=list)
    belum_dinilai: list[int] = field(default_factory=list)
    tahun: int | None = None

    @property
    def lengkap(self) -> bool:
        """Whether every indicator of the regime has a level."""
        return not self.belum_dinilai

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""

        def skor(s: Skor) -> dict[str, object]:
            return {"no": s.no, "nama": s.nama, "bobot": s.bobot,
                    "nilai": _r(s.nilai), "dinilai": s.dinilai, "jumlah": s.jumlah}  # fmt: skip

        return {
            "rezim": self.rezim.kode,
            "indeks_nama": self.rezim.indeks,
            "tahun": self.tahun,
            "indeks": _r(self.indeks),
            "predikat": self.predikat.nama if self.predikat else None,
            "label": self.predikat.label if self.predikat and self.predikat.label else None,
            "lengkap": self.lengkap,
            "belum_dinilai": self.belum_dinilai,
            "domain": [skor(s) for s in self.domain],
            "aspek": [skor(s) for s in self.aspek],
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _mean(pairs: list[tuple[float, int]]) -> float | None:
    total = sum(w for w, _ in pairs)
    return sum(w * lv for w, lv in pairs) / total if total else None


def hitung_indeks(
    rezim: Rezim | str, level: dict[int, int], tahun: int | None = None
) -> HasilIndeks:
    """The weighted index of the given indicator levels (1–5) under one regime.

    Indicators without a level are listed in ``belum_dinilai`` and left out of every mean, so
    an incomplete assessment gives a provisional index over what was assessed.
    """
    table = load_rezim(rezim) if isinstance(rezim, str) else rezim
    if not table.indeks_didukung:
        raise IndeksError(
            f"rezim {table.kode}: {table.alasan_tidak_didukung}",
            f"regime {table.kode}: {table.alasan_tidak_didukung_en or table.alasan_tidak_didukung}",
        )
    known = {i.no for i in table.indikator()}
    for no, lv in level.items():
        if no not in known:
            raise IndeksError(
                f"indikator {no} tidak ada di rezim {table.kode}",
                f"indicator {no} is not in regime {table.kode}",
            )
        if not 1 <= lv <= 5:
            raise IndeksError(
                f"level indikator {no} harus 1-5, bukan {lv}",
                f"the level of indicator {no} must be 1-5, not {lv}",
            )
    aspek_skor = []
    for a in table.aspek:
        pairs = [(i.bobot, level[i.no]) for i in a.indikator if i.no in level]
        aspek_skor.append(Skor(a.no, a.nama, a.bobot, _mean(pairs), len(pairs), len(a.indikator)))
    domain_skor = []
    for d in table.domain:
        inds = [i for a in table.aspek if a.domain == d.no for i in a.indikator]
        pairs = [(i.bobot, level[i.no]) for i in inds if i.no in level]
        domain_skor.append(Skor(d.no, d.nama, d.bobot, _mean(pairs), len(pairs), len(inds)))
    indeks = _mean([(i.bobot, level[i.no]) for i in table.indikator() if i.no in level])
    return HasilIndeks(
        rezim=table,
        level=dict(sorted(level.items())),
        indeks=indeks,
        predikat=table.predikat_of(indeks) if indeks is not None else None,
        domain=domain_skor,
        aspek=aspek_skor,
        belum_dinilai=sorted(known - set(level)),
        tahun=tahun,
    )


def baca_level(
    path: str | Path, rezim: str | None = None
) -> tuple[str, int | None, dict[int, int]]:
    """Read a levels file: ``rezim``, optional ``tahun``, and ``indikator: {no: level}``.

    A level may also be written ``{level: 3, catatan: …}``. ``rezim`` (from ``--rezim``)
    applies when the file names none, and must agree with it when it does.
    """
    # The project's own safe reader: YAML 1.1 surprises never happen, and every error names
    # the file, line and column.
    source = read_source(Path(path))
    if source.text is None:
        bad = source.problems[0]
        where = f"{path}:{bad.line}:{bad.column}: "
        raise IndeksError(where + bad.message, where + (bad.message_en or bad.message))
    parsed = parse_text(source.text)
    if parsed.problems or parsed.pos is None:
        first = parsed.problems[0] if parsed.problems else None
        if first is None:
            raise IndeksError(f"{path}:1:1: berkas kosong", f"{path}:1:1: the file is empty")
        where = f"{path}:{first.line}:{first.column}: "
        raise IndeksError(where + first.message, where + (first.message_en or first.message))
    raw, pos = parsed.data, parsed.pos
    if not isinstance(raw, dict) or not isinstance(raw.get("indikator"), dict):
        raise IndeksError(
            f"{path}:1:1: harus berisi pemetaan `indikator: {{nomor: level}}`",
            f"{path}:1:1: must hold a mapping `indikator: {{number: level}}`",
        )
    try:
        written = normalise(str(raw["rezim"])) if raw.get("rezim") is not None else None
        chosen = normalise(rezim) if rezim is not None else None
    except RezimError as exc:
        at = pos.find(("rezim",))
        where = f"{path}:{at.line}:{at.column}: "
        raise IndeksError(where + str(exc), where + exc.text("en")) from exc
    if written and chosen and written != chosen:
        at = pos.find(("rezim",))
        raise IndeksError(
            f"{path}:{at.line}:{at.column}: berkas untuk rezim {written}, bukan {chosen}",
            f"{path}:{at.line}:{at.column}: the file is for regime {written}, not {chosen}",
        )
    kode = written or chosen
    if kode is None:
        raise IndeksError(
            f"{path}:1:1: tulis `rezim: 59/2020` atau `rezim: 8/2026` (atau --rezim)",
            f"{path}:1:1: write `rezim: 59/2020` or `rezim: 8/2026` (or --rezim)",
        )
    table = load_rezim(kode)
    if not table.indeks_didukung:
        # at the `rezim:` the file writes; a regime chosen by --rezim is the whole file's
        rezim_at = pos.find(("rezim",)) if written else None
        where = (
            f"{path}:{rezim_at.line}:{rezim_at.column}: "
            if rezim_at is not None
            else f"{path}:1:1: "
        )
        raise IndeksError(
            f"{where}rezim {table.kode}: {table.alasan_tidak_didukung}",
            f"{where}regime {table.kode}: "
            f"{table.alasan_tidak_didukung_en or table.alasan_tidak_didukung}",
        )
    known = {i.no for i in table.indikator()}
    level: dict[int, int] = {}
    for key, value in raw["indikator"].items():
        lv: Any = value.get("level") if isinstance(value, dict) else value
        at = pos.find(("indikator", key), key=True)
        try:
            no = int(str(key).split(":")[-1])
        except ValueError as exc:
            raise IndeksError(
                f"{path}:{at.line}:{at.column}: nomor indikator '{key}' bukan bilangan",
                f"{path}:{at.line}:{at.column}: indicator number '{key}' is not a number",
            ) from exc
        try:
            number = int(lv) if isinstance(lv, str) and lv.strip().isdigit() else None
        except ValueError:
            number = None
        if number is None:
            at = pos.find(("indikator", key))
            raise IndeksError(
                f"{path}:{at.line}:{at.column}: level indikator {key} harus bilangan bulat 1-5",
                f"{path}:{at.line}:{at.column}: the level of indicator {key} must be a whole "
                "number 1-5",
            )
        if no not in known:
            raise IndeksError(
                f"{path}:{at.line}:{at.column}: indikator {no} tidak ada di rezim {kode} "
                f"(nomor 1-{max(known)})",
                f"{path}:{at.line}:{at.column}: indicator {no} is not in regime {kode} "
                f"(numbers 1-{max(known)})",
            )
        if not 1 <= number <= 5:
            at = pos.find(("indikator", key))
            raise IndeksError(
                f"{path}:{at.line}:{at.column}: level indikator {no} harus 1-5, bukan {number}",
                f"{path}:{at.line}:{at.column}: the level of indicator {no} must be 1-5, "
                f"not {number}",
            )
        level[no] = number
    raw_tahun = raw.get("tahun")
    tahun = int(raw_tahun) if isinstance(raw_tahun, str) and raw_tahun.isdigit() else None
    return kode, tahun, level
