"""Checking a folder of many model repositories at once: in parallel, cached by content."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch.check import CheckResult
from spbe_arch.load import ModelRepositoryError
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.nasional.cache import CACHE_NAME
from spbe_arch.nasional.hasil import Outcome, RepoSummary
from spbe_arch.nasional.repos import find_repositories, tool_fingerprint
from spbe_arch.nasional.worker import Task, check_one
from spbe_arch.problems import Problem


class Gabungan(Arsitektur):
    """The stand-in model of a many-repository result: counts and file names, no elements.

    Reports ask a result's model for ``len(model)`` (elements) and ``model.files`` (the
    files checked, to which they add one ``spbe.yaml``); the elements themselves stay in the
    workers. The per-repository details are in :attr:`ManyResult.repositories`.
    """

    __slots__ = ("jumlah_elemen",)

    def __init__(self, root: Path, files: list[str], elements: int) -> None:
        super().__init__(root=root, files=files)
        self.jumlah_elemen = elements

    def __len__(self) -> int:
        return self.jumlah_elemen


@dataclass(slots=True)
class ManyResult(CheckResult):
    """The problems of many repositories (each under its own files) and one summary each."""

    repositories: list[RepoSummary] = field(default_factory=list)
    quoted: dict[str, dict[int, str]] = field(default_factory=dict)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return max(os.cpu_count() or 1, 1)


def _warm_up() -> None:
    """Load what every repository check needs once, so forked workers start with it."""
    from spbe_arch.aplikasi_umum import load_aplikasi_umum
    from spbe_arch.referensi import available_versions, load_katalog
    from spbe_arch.rules import load_plugins

    load_plugins()
    for versi in available_versions():
        load_katalog(versi)
    load_aplikasi_umum()


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the warmed-up interpreter (imports, catalogue) with every worker at no cost;
    # spawn (the only choice elsewhere) re-imports, which the initializer then warms up.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run_tasks(tasks: list[Task], jobs: int) -> Iterator[Outcome]:
    """Check every task, in a process pool when there is more than one task and one job."""
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(check_one, tasks)
        return
    chunk = max(1, min(16, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_warm_up) as pool:
        yield from pool.map(check_one, tasks, chunksize=chunk)


def check_many(
    folder: str | os.PathLike[str],
    *,
    today: dt.date | None = None,
    only: Iterable[str] | None = None,
    jobs: int | None = None,
    cache: str | os.PathLike[str] | bool | None = True,
) -> ManyResult:
    """Check every model repository at or below ``folder``, each under its own files.

    ``cache``: True (the default) keeps results in ``folder/.spbe-cache``; a path puts them
    there; False or None disables caching. ``jobs``: worker processes (default: the cores).
    Raises :class:`~spbe_arch.load.ModelRepositoryError` when no repository is found.
    """
    from spbe_arch.rules import lookup

    repos = find_repositories(folder)
    if not repos:
        raise ModelRepositoryError(
            f"{os.fspath(folder) or '.'}: tidak ada repositori model SPBE (folder berisi "
            "spbe.yaml) di bawah folder ini"
        )
    _warm_up()
    if cache is True:
        cache_dir: str | None = os.path.join(os.fspath(folder), CACHE_NAME)
    elif cache is False or cache is None:
        cache_dir = None
    else:
        cache_dir = os.fspath(cache)
    codes = None
    if only is not None:
        codes = tuple(sorted({r.code for c in only if (r := lookup(c)) is not None}))
    day = today or dt.date.today()
    fingerprint = tool_fingerprint()
    tasks = [Task(path, fingerprint, day, codes, cache_dir) for path in repos]
    problems: list[Problem] = []
    files: list[str] = []
    summaries: list[RepoSummary] = []
    quoted: dict[str, dict[int, str]] = {}
    for outcome in run_tasks(tasks, jobs if jobs is not None else default_jobs()):
        problems += outcome.problems
        files += outcome.files
        summaries.append(outcome.summary)
        quoted.update(outcome.quoted)
    problems.sort()
    elements = sum(s.elements for s in summaries)
    # the reports count one spbe.yaml themselves: list the others with the model files
    model = Gabungan(Path(folder), files[1:], elements)
    return ManyResult(model, problems, None, summaries, quoted)


def render_many(fmt: str, result: ManyResult, *, lang: str = "id", color: bool = False) -> str:
    """A report of many repositories: every format as for one, plus per-repository summaries.

    ``json`` adds a ``repositories`` list (the other keys unchanged); ``text`` ends with one
    line counting the repositories.
    """
    from spbe_arch.report import render
    from spbe_arch.report.text import render_text

    if fmt == "text":
        out = render_text(result, lang, color, known=result.quoted)
    else:
        out = render(fmt, result, lang=lang, color=color)
    if fmt == "json":
        document = json.loads(out)
        document["repositories"] = [s.to_json() for s in result.repositories]
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        out += repositories_line(result.repositories, lang) + "\n"
    return out


def repositories_line(summaries: list[RepoSummary], lang: str = "id") -> str:
    """``600 repositori: 590 tanpa galat, 10 dengan galat (598 dari cache)``."""
    failed = sum(1 for s in summaries if s.error)
    cached = sum(1 for s in summaries if s.cached)
    total = len(summaries)
    if lang == "en":
        return (
            f"{total} repositories: {total - failed} without errors, {failed} with errors "
            f"({cached} from cache)"
        )
    return (
        f"{total} repositori: {total - failed} tanpa galat, {failed} dengan galat "
        f"({cached} dari cache)"
    )
