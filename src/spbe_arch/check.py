"""``spbe_arch.check``: load a model (or take a loaded one), run every rule, return problems."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spbe_arch.problems import Problem, Severity, sort_problems

if TYPE_CHECKING:
    from spbe_arch.graph import ModelGraph
    from spbe_arch.load import LoadResult
    from spbe_arch.model.arsitektur import Arsitektur
    from spbe_arch.referensi import Katalog

# The model, the graph and the rules are imported where they are used: ``CheckResult`` is all
# the reports need, and a many-repository check answered from its cache never loads a model
# (the pydantic models, networkx and the rules are most of the command's start-up time).


@dataclass(slots=True)
class CheckResult:
    """The checked model, its graph and every problem, sorted (file, line, column, code)."""

    model: Arsitektur
    problems: list[Problem] = field(default_factory=list)
    graph: ModelGraph | None = None

    def __iter__(self) -> Iterator[Any]:
        yield self.model
        yield self.problems


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


def check(
    target: str | os.PathLike[str] | Arsitektur | LoadResult,
    *,
    today: dt.date | None = None,
    only: Iterable[str] | None = None,
    plugins: bool = True,
) -> CheckResult:
    """Check a model repository (a path), a loaded :class:`LoadResult`, or an :class:`Arsitektur`.

    Returns the same problems ``spbe-arch check`` prints: the loader's, then every rule's,
    with severities from ``spbe.yaml`` and suppressions applied. ``today`` fixes the date that
    time-based rules (audit cadence) measure against.

    A path to a folder without ``spbe.yaml`` that holds model repositories checks them all
    (:func:`spbe_arch.nasional.check_many`, in parallel, without a cache) and returns a
    :class:`~spbe_arch.nasional.ManyResult` (its ``model`` holds counts only).
    """
    from spbe_arch.graph import ModelGraph
    from spbe_arch.load import LoadResult, load
    from spbe_arch.model.arsitektur import Arsitektur
    from spbe_arch.rules import Context, load_plugins, lookup, run_rules

    if plugins:
        load_plugins()
    if isinstance(target, str | os.PathLike):
        from spbe_arch.nasional import check_many, is_collection

        if is_collection(target):
            return check_many(target, today=today, only=only, cache=False)
    if isinstance(target, Arsitektur):
        model, problems = target, []
    else:
        loaded = target if isinstance(target, LoadResult) else load(target)
        model, problems = loaded.model, list(loaded.problems)
    katalog = pinned_katalog(model)
    graph = ModelGraph(model, katalog)
    severities, config_problems = _severities(model)
    ctx = Context(model=model, graph=graph, katalog=katalog, today=today or dt.date.today())
    wanted = {r.code for r in map(lookup, only) if r is not None} if only else None
    problems += config_problems
    problems += run_rules(ctx, severities, wanted)
    sort_problems(problems)
    return CheckResult(model, problems, graph)


def rule_codes() -> list[str]:
    """Every registered rule code, sorted."""
    from spbe_arch.rules import REGISTRY

    return sorted(REGISTRY)
