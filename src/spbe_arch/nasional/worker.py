"""Checking one repository inside a worker process: snapshot, cache look-up, load, check.

The cache key of a repository is the SHA-256 of the tool fingerprint (version, source and
data files, rule plug-ins), the rule selection, the date rules measure against, the
repository's displayed path (messages quote it) and every file's relative path and bytes, read
once by the snapshot. Its record (:mod:`spbe_arch.nasional.cache`) also keeps the folder walk
and the files' stat, so an unchanged repository is answered without reading a file.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from spbe_arch.load.discover import CONFIG_NAME, ModelRepositoryError, discover, unchanged
from spbe_arch.load.snapshot import Snapshot, stat_signature, take_snapshot
from spbe_arch.nasional.cache import FORMAT, ResultCache, text_key
from spbe_arch.nasional.hasil import Outcome, RepoSummary, outcome_of, without_digests
from spbe_arch.problems import Problem, Severity
from spbe_arch.report.source import split_lines
from spbe_arch.report.text import problem_lines

WORKER_GC_THRESHOLD = (10_000, 10, 10)
"""The collector's thresholds in a pool process: a repository check allocates a few hundred
thousand objects and frees them together, and with the default first threshold (700) the
collector ran thousands of times per repository, scanning the survivors each time (≈ 8 % of
a check)."""

_warm = False
_pool_process = False


def start_pool_process() -> None:
    """Prepare a pool process (the pool's initializer): a collector tuned for checking."""
    global _pool_process
    _pool_process = True
    # Objects alive now (modules, and whatever the parent loaded) live as long as the worker:
    # freezing them keeps collections from scanning them again and, after a fork, from touching
    # (and so copying) the parent's pages. ``warm_up`` freezes again after loading the rules.
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLD)


def warm_up() -> None:
    """Import the models and rules and load the catalogues, the Aplikasi Umum list, the
    evaluation regimes and the rule plug-ins: once per process, before its first repository.

    A run answered from the cache never calls this, so it never pays for them (most of the
    command's start-up time). In a pool process, what was loaded is then frozen out of the
    collector's reach (see :data:`WORKER_GC_THRESHOLD`).
    """
    global _warm
    if _warm:
        return
    from importlib import import_module

    from spbe_arch.aplikasi_umum import load_aplikasi_umum
    from spbe_arch.evaluasi.rezim import REZIM, load_rezim
    from spbe_arch.referensi import available_versions, load_katalog
    from spbe_arch.rules import load_plugins

    for module in ("spbe_arch.load.repository", "spbe_arch.graph"):
        import_module(module)  # the models and the graph (the rules come with load_plugins)
    load_plugins()
    for versi in available_versions():
        load_katalog(versi)
    load_aplikasi_umum()
    for rezim in REZIM:  # the evaluation regimes SPBE-RMP-008 checks indicators against
        load_rezim(rezim)
    _warm = True
    if _pool_process:
        gc.freeze()


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
    digests: bool = True
    """Whether the outcome carries the aplikasi lists the national report reads (a cache entry
    always does; a plain check leaves them out of what the worker sends back)."""
    text: tuple[str, bool] | None = None
    """(language, colour) when the worker renders the repository's part of the text report
    (in parallel, instead of the parent rendering every repository's problems in turn) and
    sends only that and the counts back."""
    cache_root: str | None = None
    """The folder the cache must stay inside (the folder of repositories when the cache is its
    default ``.spbe-cache``: a planted link there cannot send records elsewhere); None: the
    cache folder itself, which the user named."""


def key_of(task: Task, digest_salt: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The salt of a repository's cache key (everything but the files)."""
    only = ",".join(task.only) if task.only is not None else "*"
    return (FORMAT, task.fingerprint, task.today.isoformat(), only, task.path, *digest_salt)


def check_one(task: Task) -> Outcome:
    """Check one repository, from the cache when its key is there; never raises."""
    outcome, ignored = _check_one(task)
    if ignored:  # a record was there and refused: said in the summary (the CLI notes it)
        outcome.summary = replace(outcome.summary, cache_ignored=True)
    return outcome


def _check_one(task: Task) -> tuple[Outcome, bool]:
    """:func:`check_one`, and whether a cache record of the repository was refused."""
    start = time.perf_counter()
    ignored = False
    try:
        # The files are reached through the repository's real path: a repository linked into
        # the folder would otherwise resolve the link again for every file it reads or stats.
        root = Path(os.path.realpath(task.path))
        if task.cache is None:
            return _trimmed(task, _fresh(task, take_snapshot(root, discover(root)), start)), False
        cache = ResultCache(task.cache, within=task.cache_root)
        # As git does with its index: while no folder changed, the files are those found last
        # time (no walk), and while no file's stat changed, the recorded outcome holds (no
        # file is read). Otherwise the files are read and the content key decides.
        rendering = text_key(*task.text) if task.text is not None else None
        record = cache.get(task.path, digests=task.digests, text=rendering)
        ignored = cache.ignored
        if record is not None and unchanged(root, record.discovery.folders):
            found = record.discovery
        else:
            found = discover(root)
        snap: Snapshot | None = None
        if record is None:
            # nothing recorded (a first check): the files are read anyway, and their stat is
            # taken from the open files rather than asked for a second time
            snap = take_snapshot(root, found)
            signature, newest = stat_signature(root, found, *key_of(task), known=snap.stats)
        else:
            signature, newest = stat_signature(root, found, *key_of(task))
        if record is not None and record.stat == signature:
            hit = record.outcome
        else:
            snap = snap or take_snapshot(root, found)
            key = snap.digest(*key_of(task))
            if record is not None and record.key == key:
                hit = record.outcome  # touched, not changed: record the new stat
                cache.put(task.path, key, record.stored, signature, newest, found, record.texts)
            else:
                fresh = _fresh(task, snap, start)
                reply = _trimmed(task, fresh)
                texts = {rendering: reply.text} if rendering and reply.text is not None else {}
                cache.put(task.path, key, fresh, signature, newest, found, texts)
                return reply, ignored
        hit.summary = _with(hit.summary, cached=True, seconds=time.perf_counter() - start)
        return _trimmed(task, hit), False
    except (ModelRepositoryError, OSError) as exc:
        seconds = time.perf_counter() - start
        known = _unreadable(task.path, exc, seconds)
        return (known if known is not None else _internal_error(task.path, exc, seconds)), ignored
    except Exception as exc:
        return _internal_error(task.path, exc, time.perf_counter() - start), ignored


def _trimmed(task: Task, outcome: Outcome) -> Outcome:
    """The outcome as the task wants it back (see :attr:`Task.digests`, :attr:`Task.text`)."""
    if not task.digests:
        outcome = without_digests(outcome)
    if task.text is not None and outcome.text is None:
        # The caller wants only the report: the rendered part replaces the problems, the
        # quoted lines and the file list (the summary keeps their counts).
        lang, color = task.text
        lines = problem_lines(outcome.problems, lang, color, known=outcome.quoted)
        outcome = Outcome(outcome.summary, [], [], {}, "\n".join(lines))
    return outcome


def _fresh(task: Task, snap: Snapshot, start: float) -> Outcome:
    """Load and check a repository from its snapshot, with the source lines its problems quote."""
    # Imported here, not at the top: a worker whose repositories all come from the cache never
    # needs the models or the rules (see :func:`warm_up`).
    from spbe_arch.check import check
    from spbe_arch.load.repository import load

    warm_up()
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


UNREADABLE_CODE = "SPBE-YAML-010"
"""The problem of a file or folder that cannot be read (see ``spbe-arch explain``)."""


def _unreadable(path: str, exc: BaseException, seconds: float) -> Outcome | None:
    """The located problem of a repository that went away or cannot be read while it was being
    checked (removed, moved, its spbe.yaml deleted, a permission changed): a known cause, not
    a bug; None for an error about a file outside the repository (that is a bug)."""
    if isinstance(exc, ModelRepositoryError):
        file, why, why_en = str(Path(path) / CONFIG_NAME), "tidak ada lagi", "is gone"
    else:
        name = getattr(exc, "filename", None)
        if name is None:
            return None
        file = os.path.abspath(os.fsdecode(name))
        roots = {os.path.abspath(path), os.path.realpath(path)}
        if not any(file == r or file.startswith(r + os.sep) for r in roots):
            return None
        why = why_en = getattr(exc, "strerror", None) or type(exc).__name__
    return _failed(
        path,
        Problem(
            file, 1, 1, UNREADABLE_CODE, Severity.ERROR,
            message=f"{file} tidak dapat dibaca saat repositori diperiksa ({why}): dihapus, "
            "dipindah atau izinnya berubah selama pemeriksaan? periksa ulang repositori ini",
            message_en=f"{file} could not be read while the repository was checked ({why_en}): "
            "removed, moved or its permissions changed during the check? check it again",
        ),
        seconds,
    )  # fmt: skip


def _failed(path: str, problem: Problem, seconds: float) -> Outcome:
    """The outcome of a repository that could not be checked: its one problem, one error."""
    summary = RepoSummary(path=path, pemda=None, files=0, elements=0, error=1, seconds=seconds)
    return Outcome(summary, [problem], [])


def _internal_error(path: str, exc: BaseException, seconds: float) -> Outcome:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" ({Path(where.filename).name}:{where.lineno})" if where is not None else ""
    what = f"{type(exc).__name__}: {exc}{at}"
    file = str(Path(path) / CONFIG_NAME)
    return _failed(
        path,
        Problem(
            file, 1, 1, INTERNAL_CODE, Severity.ERROR,
            message=f"repositori ini tidak dapat diperiksa karena galat internal spbe-arch: "
            f"{what}; mohon laporkan",
            message_en=f"this repository could not be checked: internal error in spbe-arch: "
            f"{what}; please report it",
        ),
        seconds,
    )  # fmt: skip
