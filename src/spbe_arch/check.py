"""``spbe_arch.check``: load a model (or take a loaded one), run every rule, return problems.

This module is callable: ``spbe_arch.check(path)`` is :func:`spbe_arch.check.check`. Many
repositories at once are :func:`spbe_arch.check_many` (:func:`spbe_arch.nasional.check_many`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spbe_arch._callable import make_callable
from spbe_arch.problems import Problem, Severity, sort_problems
from spbe_arch.results import CheckResult, LoadResult

if TYPE_CHECKING:
    from spbe_arch.model.arsitektur import Arsitektur
    from spbe_arch.referensi import Katalog

# The model, the graph and the rules are imported where they are used: a many-repository check
# answered from its cache never loads a model (the pydantic models, networkx and the rules are
# most of the command's start-up time). ``CheckResult`` lives in :mod:`spbe_arch.results`.


def pinned_katalog(model: Arsitektur) -> Katalog:
    """The catalogue version the model pins (see :meth:`Arsitektur.katalog`)."""
    return model.katalog()


def _severities(model: Arsitektur) -> tuple[dict[str, str], list[Problem]]:
    """Severity per rule code from ``spbe.yaml`` (codes or names), and unknown names as problems."""
    from spbe_arch.rules import lookup

    out: dict[str, str] = {}
    problems: list[Problem] = []
    if model.konfigurasi is None:
        return out, problems
    for name, level in model.konfigurasi.pengaturan.aturan.items():
        found = lookup(name)
        if found is not None and found.configurable:
            out[found.code] = level
            continue
        pos = (
            model.config_pos.find(("pengaturan", "aturan", name), key=True)
            if model.config_pos
            else None
        )
        reason = "tidak dikenal" if found is None else "tidak dapat diatur (masalah pemuatan)"
        reason_en = "is unknown" if found is None else "cannot be configured (a loading problem)"
        problems.append(
            Problem(
                file=model.config_file,
                line=pos.line if pos else 1,
                column=pos.column if pos else 1,
                code="SPBE-CFG-002",
                severity=Severity.ERROR,
                message=f"aturan '{name}' di pengaturan.aturan {reason}",
                message_en=f"rule '{name}' in pengaturan.aturan {reason_en}",
                path=f"pengaturan.aturan.{name}",
            )
        )
    return out, problems


def select_rules(only: Iterable[str] | None) -> set[str] | None:
    """The rule codes ``only=`` names (codes or names, any case); None when ``only`` is None.

    Raises :class:`TypeError` for a bare string (``only="SPBE-APL-001"`` would otherwise be
    read letter by letter) and :class:`ValueError` for a name no rule has, with the closest
    names, so that a typo never silently runs no rule.

    >>> sorted(select_rules(["spbe-apl-001", "aplikasi-tanpa-infrastruktur"]))
    ['SPBE-APL-001', 'SPBE-APL-002']
    >>> select_rules(["SPBE-APL-01"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown rule 'SPBE-APL-01' in only=; did you mean 'SPBE-APL-001'? ...
    """
    if only is None:
        return None
    if isinstance(only, str):
        raise TypeError(f"only= takes a list of rule codes or names, not a string: only=[{only!r}]")
    from spbe_arch.rules import REGISTRY, lookup

    codes: set[str] = set()
    for name in only:
        found = lookup(name) if isinstance(name, str) else None
        if found is None:
            import difflib

            text = str(name).strip()
            near = difflib.get_close_matches(text.upper(), list(REGISTRY), n=1)
            near = near or difflib.get_close_matches(
                text.lower(), [r.name for r in REGISTRY.values()], n=1
            )
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise ValueError(
                f"unknown rule {name!r} in only={hint} (`spbe-arch rules` lists them all)"
            )
        codes.add(found.code)
    return codes


def check(
    target: str | os.PathLike[str] | Arsitektur | LoadResult,
    *,
    today: dt.date | None = None,
    only: Iterable[str] | None = None,
    plugins: bool = True,
) -> CheckResult:
    """Check one model repository (a path), a loaded :class:`LoadResult`, or an :class:`Arsitektur`.

    Returns the same problems ``spbe-arch check`` prints: the loader's, then every rule's (or
    only those of the rules named in ``only``: codes or names), with severities from
    ``spbe.yaml`` and suppressions applied. ``today`` fixes the date that time-based rules
    (audit cadence) measure against. A folder without ``spbe.yaml`` raises
    :class:`~spbe_arch.load.ModelRepositoryError`; a folder of many repositories is checked
    with :func:`spbe_arch.check_many`.

    >>> import spbe_arch
    >>> result = spbe_arch.check("models/kabupaten-contoh", only=["aplikasi-tanpa-layanan"])
    >>> [p.code for p in result.problems]
    []
    >>> spbe_arch.check("models/kabupaten-contoh", only="SPBE-APL-001")
    Traceback (most recent call last):
    ...
    TypeError: only= takes a list of rule codes or names, not a string: only=['SPBE-APL-001']
    """
    from spbe_arch.graph import ModelGraph
    from spbe_arch.model.arsitektur import Arsitektur
    from spbe_arch.rules import Context, load_plugins, run_rules

    if plugins:
        load_plugins()
    wanted = select_rules(only)
    if isinstance(target, Arsitektur):
        model, problems = target, []
    else:
        loaded = target if isinstance(target, LoadResult) else _load_one(target)
        model, problems = loaded.model, list(loaded.problems)
    katalog = pinned_katalog(model)
    graph = ModelGraph(model, katalog)
    severities, config_problems = _severities(model)
    ctx = Context(model=model, graph=graph, katalog=katalog, today=today or dt.date.today())
    problems += config_problems
    problems += run_rules(ctx, severities, wanted)
    sort_problems(problems)
    return CheckResult(model, problems, graph)


def _load_one(path: str | os.PathLike[str]) -> LoadResult:
    """:func:`spbe_arch.load`, whose error on a folder without ``spbe.yaml`` that holds
    repositories (one or two levels down) names :func:`spbe_arch.check_many`."""
    from pathlib import Path

    from spbe_arch.load import ModelRepositoryError, load

    try:
        return load(path)
    except ModelRepositoryError as exc:
        folder = Path(path)
        below = (next(folder.glob(f"{'*/' * n}spbe.yaml"), None) for n in (1, 2))
        if not folder.is_dir() or not any(below):
            raise
        raise ModelRepositoryError(
            f"{exc}; folder berisi banyak repositori diperiksa dengan spbe_arch.check_many()",
            f"{exc.text('en')}; a folder of many repositories is checked with "
            "spbe_arch.check_many()",
        ) from None


__all__ = ["CheckResult", "check", "pinned_katalog", "select_rules"]

make_callable(__name__, "check")
