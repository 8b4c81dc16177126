"""Node counts of a catalogue version as a plain-text table or JSON (``spbe-arch katalog``)."""

from __future__ import annotations

from .katalog import Katalog

__all__ = ["WORDS_EN", "counts_json", "format_counts", "word"]

_LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Katalog Referensi Arsitektur SPBE versi {versi} ({dasar_hukum}, {status})",
        "katalog": "Katalog",
        "berkas": "Berkas",
        "total": "Total",
        "keyakinan": "Keyakinan",
        "file_level": "berkas: {keyakinan}",
        "sum": "Jumlah",
    },
    "en": {
        "title": "SPBE reference architecture catalogue version {versi} ({dasar_hukum}, {status})",
        "katalog": "Catalogue",
        "berkas": "File",
        "total": "Total",
        "keyakinan": "Confidence",
        "file_level": "file: {keyakinan}",
        "sum": "Sum",
    },
}

WORDS_EN: dict[str, str] = {
    "sumber": "source",
    "sekunder": "secondary",
    "dugaan": "inferred",
    "berlaku": "in force",
    "tidak_berlaku": "not in force",
}
"""English for the catalogue's confidence marks (KEYAKINAN) and statuses (STATUS)."""


def word(value: str, lang: str = "id") -> str:
    """A confidence mark or status in ``lang`` (the data keeps the Indonesian word).

    >>> word("sekunder", "en"), word("sekunder")
    ('secondary', 'sekunder')
    """
    return WORDS_EN.get(value, value) if lang == "en" else value


_MIN_LEVELS = 4


def _max_level(katalog: Katalog) -> int:
    deepest = max((s.level for s in katalog), default=0)
    return max(_MIN_LEVELS, deepest)


def _keyakinan_text(katalog: Katalog, prefix: str, file_level_label: str, lang: str) -> str:
    file_level = katalog.info(prefix).keyakinan
    if file_level is not None:
        return file_level_label.format(keyakinan=word(file_level, lang))
    return ", ".join(f"{word(k, lang)} {n}" for k, n in katalog.keyakinan_counts(prefix).items())


def format_counts(katalog: Katalog, lang: str = "id") -> str:
    """A plain-text table of node counts per catalogue and level, with confidence marks.

    ``lang`` is ``"id"`` (default) or ``"en"``. The text ends with a newline.
    """
    if lang not in _LABELS:
        raise ValueError(f"unknown language {lang!r}; use one of {sorted(_LABELS)}")
    labels = _LABELS[lang]
    levels = range(1, _max_level(katalog) + 1)
    counts = katalog.counts()

    header = [labels["katalog"], labels["berkas"], *(f"L{n}" for n in levels), labels["total"]]
    rows: list[list[str]] = []
    sums = [0 for _ in levels]
    for prefix in katalog.prefixes:
        per_level = counts.get(prefix, {})
        values = [per_level.get(n, 0) for n in levels]
        sums = [a + b for a, b in zip(sums, values, strict=True)]
        rows.append(
            [
                prefix,
                katalog.info(prefix).berkas,
                *(str(v) for v in values),
                str(sum(values)),
                _keyakinan_text(katalog, prefix, labels["file_level"], lang),
            ]
        )
    rows.append([labels["sum"], "", *(str(v) for v in sums), str(sum(sums)), ""])

    numeric = range(2, 2 + len(levels) + 1)
    table = [[*header, labels["keyakinan"]], *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) + 1)]

    def line(cells: list[str]) -> str:
        out = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(out).rstrip()

    title = labels["title"].format(
        versi=katalog.versi, dasar_hukum=katalog.dasar_hukum, status=word(katalog.status, lang)
    )
    rule = "  ".join("-" * w for w in widths)
    body = [line(table[0]), rule, *(line(r) for r in rows[:-1]), rule, line(rows[-1])]
    return "\n".join([title, "", *body]) + "\n"


def counts_json(katalog: Katalog) -> dict[str, object]:
    """The same counts as :func:`format_counts`, as a JSON-ready dict (``--format json``)."""
    counts = katalog.counts()
    levels = range(1, _max_level(katalog) + 1)
    entries: list[dict[str, object]] = []
    for prefix in katalog.prefixes:
        info = katalog.info(prefix)
        per_level = counts.get(prefix, {})
        entries.append(
            {
                "katalog": prefix,
                "nama": info.nama,
                "berkas": info.berkas,
                "level": {f"L{n}": per_level.get(n, 0) for n in levels},
                "total": sum(per_level.values()),
                "keyakinan": katalog.keyakinan_counts(prefix),
                "keyakinan_berkas": info.keyakinan,
            }
        )
    return {
        "versi": katalog.versi,
        "dasar_hukum": katalog.dasar_hukum,
        "status": katalog.status,
        "katalog": entries,
        "total": len(katalog),
    }
