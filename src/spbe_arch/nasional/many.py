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

from spbe_arch.check import select_rules
from spbe_arch.load.discover import OUTSIDE_CODE, OUTSIDE_MESSAGE, ModelRepositoryError
from spbe_arch.nasional.cache import CACHE_NAME
from spbe_arch.nasional.hasil import Outcome, RepoSummary
from spbe_arch.nasional.repos import tool_fingerprint, walk_repositories
from spbe_arch.nasional.worker import Task, check_one, start_pool_process
from spbe_arch.problems import Problem, Severity, sort_problems
from spbe_arch.report.text import problem_lines
from spbe_arch.results import counts_text


@dataclass(slots=True, repr=False)
class ManyResult:
    """What :func:`check_many` returns: the problems of many repositories and one summary each.

    Not a :class:`~spbe_arch.results.CheckResult`: the models and graphs stay in the worker
    processes (a national check moves kilobytes per repository, not whole models). Every
    report of :mod:`spbe_arch.report` takes it (it has ``problems``, ``files_checked`` and
    ``elements``); :func:`render_many` adds the per-repository summaries.

    >>> import spbe_arch
    >>> many = spbe_arch.check_many("models", cache=False, jobs=1)
    >>> many  # doctest: +ELLIPSIS
    ManyResult(root='models', repositories=..., problems=<... error, ... warning, ... info>)
    """

    root: str
    problems: list[Problem] = field(default_factory=list)
    repositories: list[RepoSummary] = field(default_factory=list)
    quoted: dict[str, dict[int, str]] = field(default_factory=dict)
    text: tuple[tuple[str, bool], str] | None = None
    """((language, colour), the text report's lines before the summary) when the workers
    rendered them (``check_many(..., text=…)``; ``problems`` then holds only the problems a
    worker could not render, and the counts are in ``repositories``)."""

    def __repr__(self) -> str:
        return (
            f"ManyResult(root={self.root!r}, repositories={len(self.repositories)}, "
            f"problems=<{counts_text(self.problems)}>)"
        )

    @property
    def files_checked(self) -> int:
        """The files read in every repository (model files and each ``spbe.yaml``)."""
        return sum(s.files for s in self.repositories)

    @property
    def elements(self) -> int:
        """The elements of every repository."""
        return sum(s.elements for s in self.repositories)

    @property
    def cache_ignored(self) -> int:
        """Repositories whose cache record was there but refused (planted, copied from
        another machine or user, edited): each was checked afresh (docs/security.md)."""
        return sum(s.cache_ignored for s in self.repositories)

    def counts(self) -> dict[str, int]:
        """Problems per severity over every repository (from their summaries)."""
        return {
            "error": sum(s.error for s in self.repositories),
            "warning": sum(s.warning for s in self.repositories),
            "info": sum(s.info for s in self.repositories),
        }


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return max(os.cpu_count() or 1, 1)


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
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=start_pool_process) as pool:
        yield from pool.map(check_one, tasks, chunksize=chunk)


def _link_out(path: str) -> Outcome:
    """A folder link that leaves the folder of repositories: never entered, one located error
    (SPBE-YAML-013) counted like a repository's, so the run fails as it should."""
    problem = Problem(path, 1, 1, OUTSIDE_CODE, Severity.ERROR, *OUTSIDE_MESSAGE)
    return Outcome(RepoSummary(path=path, pemda=None, files=0, elements=0, error=1), [problem])


def check_many(
    folder: str | os.PathLike[str],
    *,
    today: dt.date | None = None,
    only: Iterable[str] | None = None,
    jobs: int | None = None,
    cache: str | os.PathLike[str] | bool | None = True,
    digests: bool = True,
    text: tuple[str, bool] | None = None,
) -> ManyResult:
    """Check every model repository at or below ``folder``, each under its own files.

    ``cache``: True (the default) keeps results in ``folder/.spbe-cache``; a path puts them
    there; False or None disables caching. ``jobs``: worker processes (default: the cores).
    ``digests=False`` leaves out the per-repository aplikasi lists that only the national
    duplicate report reads (:func:`~spbe_arch.nasional.duplikat.find_duplicates`).
    ``text=(lang, color)`` has the workers render their repositories' part of the text report
    and send only that and the counts (:func:`render_many` then joins the parts;
    ``problems`` stays empty but for a repository that failed, see :attr:`ManyResult.text`).
    ``only`` names rules as for :func:`spbe_arch.check` (an unknown name raises).
    Raises :class:`~spbe_arch.load.ModelRepositoryError` when no repository is found.

    >>> import spbe_arch
    >>> many = spbe_arch.check_many("models", only=["SPBE-APL-001"], cache=False, jobs=1)
    >>> [(s.path, s.error) for s in many.repositories][:1]
    [('models/kabupaten-contoh', 0)]
    """
    found = list(walk_repositories(folder))
    repos = sorted(path for kind, path in found if kind == "repo")
    links_out = sorted(path for kind, path in found if kind == "outside")
    if not repos:
        where = os.fspath(folder) or "."
        raise ModelRepositoryError(
            f"{where}: tidak ada repositori model SPBE (folder berisi spbe.yaml) di bawah folder "
            "ini",
            f"{where}: no SPBE model repository (a folder with spbe.yaml) below this folder",
        )
    cache_root: str | None = None
    if cache is True:
        cache_dir: str | None = os.path.join(os.fspath(folder), CACHE_NAME)
        cache_root = os.fspath(folder)  # a .spbe-cache linked out of the folder is refused
    elif cache is False or cache is None:
        cache_dir = None
    else:
        cache_dir = os.fspath(cache)
    wanted = select_rules(only)
    codes = tuple(sorted(wanted)) if wanted is not None else None
    day = today or dt.date.today()
    fingerprint = tool_fingerprint()
    tasks = [
        Task(path, fingerprint, day, codes, cache_dir, digests, text, cache_root) for path in repos
    ]
    outcomes: Iterable[Outcome] = run_tasks(tasks, jobs if jobs is not None else default_jobs())
    if links_out:  # each reported like a repository with one error, in path order
        outcomes = sorted([*outcomes, *map(_link_out, links_out)], key=lambda o: o.summary.path)
    problems: list[Problem] = []
    summaries: list[RepoSummary] = []
    quoted: dict[str, dict[int, str]] = {}
    parts: list[tuple[str, str]] = []
    for outcome in outcomes:
        problems += outcome.problems
        summaries.append(outcome.summary)
        quoted.update(outcome.quoted)
        if text is not None:
            part = outcome.text
            if part is None:  # a repository the worker could not check: its error, rendered here
                part = "\n".join(problem_lines(outcome.problems, *text, known=outcome.quoted))
            if part:
                parts.append((outcome.summary.path + os.sep, part))
    sort_problems(problems)  # already sorted runs, one per repository: nearly linear
    result = ManyResult(os.fspath(folder), problems, summaries, quoted)
    if text is not None:
        # Repositories do not nest, so every file of one starts with "<repository>/" and its
        # problems are contiguous in the sorted problems: the parts, ordered by that prefix,
        # are the lines of the report in its order.
        parts.sort(key=lambda part: part[0])
        result.text = (text, "\n".join(part for _, part in parts))
    return result


def render_many(fmt: str, result: ManyResult, *, lang: str = "id", color: bool = False) -> str:
    """A report of many repositories: every format as for one, plus per-repository summaries.

    ``json`` adds a ``repositories`` list (the other keys unchanged); ``text`` ends with one
    line counting the repositories.
    """
    from spbe_arch.report import render
    from spbe_arch.report.common import counts_line
    from spbe_arch.report.text import render_text

    if result.text is not None and (fmt != "text" or result.text[0] != (lang, color)):
        raise ValueError("this result holds only the text report it was checked for")
    if result.text is not None:
        lines = [result.text[1]] if result.text[1] else []
        files = sum(s.files for s in result.repositories)
        elements = sum(s.elements for s in result.repositories)
        summary = counts_line(result.counts(), files, elements, lang)
        out = "\n".join([*lines, summary]) + "\n"
    elif fmt == "text":
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
