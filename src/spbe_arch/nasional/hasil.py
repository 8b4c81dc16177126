"""What a worker returns for one repository: problems and small summaries, never the model.

Everything here is plain data that pickles (from a worker process) and round-trips through
JSON (the cache), so a national check moves kilobytes per repository, not whole models.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from spbe_arch.problems import Problem, Severity, summarize
from spbe_arch.results import CheckResult


@dataclass(frozen=True, slots=True)
class AppDigest:
    """An aplikasi a Pemda builds itself (``asal: pemda``), as the national report needs it."""

    id: str
    nama: str
    referensi: str | None = None
    opd: str | None = None
    fungsi: str = ""
    uraian: str = ""
    file: str = ""


@dataclass(frozen=True, slots=True)
class RepoSummary:
    """One repository's counts, and the aplikasi facts the national report uses."""

    path: str
    pemda: str | None
    files: int
    elements: int
    error: int = 0
    warning: int = 0
    info: int = 0
    cached: bool = False
    cache_ignored: bool = False
    """Whether a record of this repository was in the cache but was ignored (not sealed by
    this user's tool, edited, or naming paths outside the repository; docs/security.md)."""
    seconds: float = 0.0
    aplikasi_pemda: tuple[AppDigest, ...] = ()
    aplikasi_nasional: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The per-repository summary of ``--format json`` (no aplikasi lists)."""
        return {
            "path": self.path,
            "pemda": self.pemda,
            "error": self.error,
            "warning": self.warning,
            "info": self.info,
            "files_checked": self.files,
            "elements": self.elements,
            "cached": self.cached,
        }


@dataclass(slots=True)
class Outcome:
    """The result of checking one repository."""

    summary: RepoSummary
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    quoted: dict[str, dict[int, str]] = field(default_factory=dict)
    """The source lines the problems point at (file → line → text), read by the worker, so
    the text report of a cached result needs no file."""
    text: str | None = None
    """The repository's part of the text report, when the worker was asked to render it (see
    :func:`spbe_arch.report.text.problem_lines`); not cached."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent from a worker to the parent: problems travel as plain rows and the file names
        # as one string, which pickle handles in C; frozen dataclasses unpickle attribute by
        # attribute, and were most of what the parent spent receiving a national check.
        rows = [_problem_json(p) for p in self.problems]
        files = "\n".join(self.files)
        return (_outcome, (self.summary, rows, files, self.quoted, self.text))


def _outcome(
    summary: RepoSummary,
    rows: list[list[Any]],
    files: str,
    quoted: dict[str, dict[int, str]],
    text: str | None,
) -> Outcome:
    lines = files.split("\n") if files else []
    return Outcome(summary, [_from_row(row) for row in rows], lines, quoted, text)


def outcome_of(path: str, result: CheckResult, seconds: float) -> Outcome:
    """Summarise a checked repository."""
    from spbe_arch.model.aplikasi import Aplikasi, AsalAplikasi  # only where a model was loaded
    from spbe_arch.model.base import owners_of

    model = result.model
    counts = summarize(result.problems)
    pemda = model.konfigurasi.pemda.nama if model.konfigurasi is not None else None
    apps: list[AppDigest] = []
    national: set[str] = set()
    for element in model.elemen.values():
        if not isinstance(element, Aplikasi):
            continue
        if element.asal is AsalAplikasi.PEMDA:
            apps.append(
                AppDigest(
                    id=element.id,
                    nama=element.nama,
                    referensi=element.referensi,
                    opd=", ".join(owners_of(element)) or None,
                    fungsi=element.fungsi or "",
                    uraian=element.uraian or "",
                    file=model.sumber[element.id].file if element.id in model.sumber else "",
                )
            )
        elif element.aplikasi_nasional:
            national.add(element.aplikasi_nasional)
    summary = RepoSummary(
        path=path,
        pemda=pemda,
        files=len(model.files) + 1,
        elements=len(model),
        error=counts["error"],
        warning=counts["warning"],
        info=counts["info"],
        seconds=seconds,
        aplikasi_pemda=tuple(sorted(apps, key=lambda a: a.id)),
        aplikasi_nasional=tuple(sorted(national)),
    )
    return Outcome(summary, list(result.problems), [model.config_file, *model.files])


def _problem_json(p: Problem) -> list[Any]:
    return [
        p.file, p.line, p.column, p.code, p.severity.value, p.message, p.message_en,
        p.end_line, p.end_column, p.path, p.element_id, p.hint, p.hint_en,
    ]  # fmt: skip


_PROBLEM_TYPES: tuple[tuple[type, ...], ...] = (
    (str,), (int,), (int,), (str,), (str,), (str,), (str,), (int, type(None)), (int, type(None)),
    (str,), (str, type(None)), (str, type(None)), (str, type(None)),
)  # fmt: skip


def _problem(row: Any) -> Problem:
    if type(row) is not list or len(row) != len(_PROBLEM_TYPES):
        raise ValueError("malformed problem")
    for value, types in zip(row, _PROBLEM_TYPES, strict=True):  # a loop, not all(…)
        if not isinstance(value, types):
            raise ValueError("malformed problem")
    return _from_row(row)


def _from_row(row: list[Any]) -> Problem:
    """The problem of a row of :func:`_problem_json` (changes the row: its severity)."""
    row[4] = Severity(row[4])
    return Problem(*row)


def without_digests(outcome: Outcome) -> Outcome:
    """The outcome with its summary's aplikasi lists left out (see :func:`from_json`)."""
    summary = replace(outcome.summary, aplikasi_pemda=(), aplikasi_nasional=())
    return Outcome(summary, outcome.problems, outcome.files, outcome.quoted, outcome.text)


def _fields(record: RepoSummary | AppDigest) -> dict[str, Any]:
    """``dataclasses.asdict`` of a summary or digest, one level: their values are text, numbers,
    flags and tuples of text (``asdict`` deep-copies each through :mod:`copy`)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def to_json(outcome: Outcome) -> dict[str, Any]:
    """A JSON-ready dict of an outcome (the cache entry)."""
    summary = _fields(outcome.summary)
    summary["aplikasi_pemda"] = tuple(map(_fields, outcome.summary.aplikasi_pemda))
    return {
        "summary": summary,
        "problems": [_problem_json(p) for p in outcome.problems],
        "files": outcome.files,
        "quoted": {f: {str(n): t for n, t in lines.items()} for f, lines in outcome.quoted.items()},
    }


def from_json(data: Any, *, digests: bool = True, problems: bool = True) -> Outcome:
    """The outcome stored by :func:`to_json`; raises on anything malformed.

    ``digests=False`` leaves the summary's aplikasi lists empty (only the national duplicate
    report reads them, and they are most of a summary); ``problems=False`` leaves the
    problems, files and quoted lines out (a text report already rendered holds them).
    """
    if not isinstance(data, dict):
        raise ValueError("cache entry is not an object")
    raw = dict(data["summary"])
    pemda, national = raw["aplikasi_pemda"], raw["aplikasi_nasional"]
    if not isinstance(pemda, list) or not isinstance(national, list):
        raise ValueError("malformed summary")
    raw["aplikasi_pemda"] = tuple(AppDigest(**a) for a in pemda) if digests else ()
    raw["aplikasi_nasional"] = tuple(str(n) for n in national) if digests else ()
    summary = RepoSummary(**raw)
    numbers = (summary.files, summary.elements, summary.error, summary.warning, summary.info)
    if not isinstance(summary.path, str) or not all(isinstance(n, int) for n in numbers):
        raise ValueError("malformed summary")
    if not problems:
        return Outcome(summary)
    rows = [_problem(row) for row in data["problems"]]
    files = [str(f) for f in data["files"]]
    quoted = {
        str(f): {int(n): str(t) for n, t in lines.items()}
        for f, lines in dict(data.get("quoted", {})).items()
    }
    return Outcome(summary, rows, files, quoted)
