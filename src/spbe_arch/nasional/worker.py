"""Checking one repository inside a worker process: snapshot, cache look-up, load, check.

The cache key of a repository is the SHA-256 of the tool fingerprint (version, source, data,
rules), the rule selection, the date rules measure against, the repository's displayed path
(messages quote it) and every file's relative path and bytes, read once by the snapshot.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from spbe_arch.check import check
from spbe_arch.load import load
from spbe_arch.load.discover import CONFIG_NAME, discover
from spbe_arch.load.snapshot import Snapshot, stat_signature, take_snapshot
from spbe_arch.nasional.cache import FORMAT, ResultCache
from spbe_arch.nasional.hasil import Outcome, RepoSummary, outcome_of
from spbe_arch.problems import Problem, Severity
from spbe_arch.report.source import split_lines

INTERNAL_CODE = "SPBE-INTERNAL-001"
"""The problem reported when checking a repository fails unexpectedly (a bug in the tool)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One repository to check, and what its result depends on besides its files."""

    path: str
    fingerprint: str
    today: dt.date
    only: tuple[str, ...] | None = None
    cache: str | None = None


def key_of(task: Task, digest_salt: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The salt of a repository's cache key (everything but the files)."""
    only = ",".join(task.only) if task.only is not None else "*"
    return (FORMAT, task.fingerprint, task.today.isoformat(), only, task.path, *digest_salt)


def check_one(task: Task) -> Outcome:
    """Check one repository, from the cache when its key is there; never raises."""
    start = time.perf_counter()
    try:
        root = Path(task.path)
        found = discover(root)
        if task.cache is None:
            return _fresh(task, take_snapshot(root, found), start)
        cache = ResultCache(task.cache)
        # An unchanged stat signature names the content key without reading a file.
        signature, newest = stat_signature(root, found, *key_of(task))
        known = cache.key_for_stat(task.path, signature)
        hit = cache.get(known) if known is not None else None
        if hit is None or hit.summary.path != task.path:
            snap = take_snapshot(root, found)
            key = snap.digest(*key_of(task))
            hit = cache.get(key)
            if hit is None or hit.summary.path != task.path:
                hit = _fresh(task, snap, start)
                cache.put(key, hit)
                cache.remember_stat(task.path, signature, key, newest)
                return hit
            cache.remember_stat(task.path, signature, key, newest)
        hit.summary = _with(hit.summary, cached=True, seconds=time.perf_counter() - start)
        return hit
    except Exception as exc:
        return _internal_error(task.path, exc, time.perf_counter() - start)


def _fresh(task: Task, snap: Snapshot, start: float) -> Outcome:
    """Load and check a repository from its snapshot, with the source lines its problems quote."""
    loaded = load(task.path, snapshot=snap)
    result = check(loaded, today=task.today, only=task.only, plugins=False)
    outcome = outcome_of(task.path, result, time.perf_counter() - start)
    outcome.quoted = quote(task.path, snap, outcome.problems)
    return outcome


def quote(root: str, snap: Snapshot, problems: list[Problem]) -> dict[str, dict[int, str]]:
    """The source lines the problems point at, from the bytes the snapshot already holds."""
    wanted: dict[str, set[int]] = {}
    for problem in problems:
        wanted.setdefault(problem.file, set()).add(problem.line)
    quoted: dict[str, dict[int, str]] = {}
    for file, numbers in wanted.items():
        rel = os.path.relpath(file, root).replace(os.sep, "/")
        data = snap.data.get(rel)
        lines = split_lines(data if isinstance(data, bytes) else None)
        if lines is not None:
            quoted[file] = {n: lines[n - 1] for n in sorted(numbers) if 1 <= n <= len(lines)}
    return quoted


def _with(summary: RepoSummary, *, cached: bool, seconds: float) -> RepoSummary:
    return replace(summary, cached=cached, seconds=seconds)


def _internal_error(path: str, exc: BaseException, seconds: float) -> Outcome:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" ({Path(where.filename).name}:{where.lineno})" if where is not None else ""
    what = f"{type(exc).__name__}: {exc}{at}"
    file = str(Path(path) / CONFIG_NAME)
    problem = Problem(
        file=file,
        line=1,
        column=1,
        code=INTERNAL_CODE,
        severity=Severity.ERROR,
        message=f"repositori ini tidak dapat diperiksa karena galat internal spbe-arch: {what}; "
        "mohon laporkan",
        message_en=f"this repository could not be checked: internal error in spbe-arch: {what}; "
        "please report it",
    )
    summary = RepoSummary(path=path, pemda=None, files=0, elements=0, error=1, seconds=seconds)
    return Outcome(summary, [problem], [])
