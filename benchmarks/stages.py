"""Where a worker's CPU goes: milliseconds of CPU per repository, by stage and by rule.

    python benchmarks/stages.py [--corpus DIR] [--first K] [--count N] [--seed S]
                                [--rules N] [--json FILE] [--cprofile N]
    python benchmarks/stages.py --compare 'before-*.json' 'after-*.json' [--rules N]

Runs one loop of :func:`spbe_arch.nasional.worker.check_one` over bodies ``K`` … ``K+N-1``
(default 0–59) in this process, as a pool process of a cold ``spbe-arch check FOLDER`` runs
them: the pool's initializer (collector frozen, first threshold raised), the models, rules and
catalogues warmed up, a cache folder that starts empty, the text report rendered by the
worker. Each stage's ``time.process_time`` is summed; a stage called inside another (the
position tree a rule's finding asks for) is charged to the inner one only. The stages are
found by wrapping the functions that make them, in this process only (the package is not
changed):

* reading, walking: ``discover``, ``unchanged``, ``take_snapshot``, ``stat_signature``;
* cache: the content key (``Snapshot.digest``) and the record's ``get``/``put``;
* YAML to data: ``parse_text`` as the loader calls it (``positions=False``, and ``spbe.yaml``);
* positions: ``parse_text`` as the position index calls it (only for files with a problem);
* validation and loader: the rest of ``load``;
* graph: building ``ModelGraph`` (links a rule asks for later are charged to that rule);
* rules: each rule's function (consumed at once), the engine around them (severities,
  suppressions, stamping findings with their place) and the sort;
* report lines, outcome: ``outcome_of``, the quoted lines, ``problem_lines``;
* other: what ``check_one`` does around these.

Also prints the bare ``yaml_rs`` parse of the same files (read + parse, one process), the
baseline of issue 13's target. ``--corpus`` reuses a corpus (``benchmarks/corpus.py``);
without it, the bodies are generated into a temporary folder (``--seed``). ``--json`` writes
the figures; ``--compare`` prints the median of several such files per side (run the two codes
alternately, one process per run: the machine's speed drifts). ``--cprofile N`` runs the loop a
second time under cProfile and prints the ``N`` functions with the most own time. See
docs/performance.md, "Where the CPU goes, by stage".
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import glob
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STAGES = (
    "reading, walking",
    "cache",
    "YAML to data",
    "validation and loader",
    "positions",
    "graph",
    "rules",
    "report lines, outcome",
    "other",
)

RULE_PREFIX = "rule "
ENGINE = "rules"


class Clock:
    """Summed ``process_time`` per stage; an inner stage's time is not its outer stage's."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.stack: list[str] = ["other"]
        self.mark = time.process_time()

    def _switch(self) -> None:
        now = time.process_time()
        self.spent[self.stack[-1]] += now - self.mark
        self.mark = now

    def enter(self, stage: str) -> None:
        self._switch()
        self.stack.append(stage)

    def leave(self) -> None:
        self._switch()
        self.stack.pop()

    def wrap(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.enter(stage)
            try:
                return func(*args, **kwargs)
            finally:
                self.leave()

        timed.__wrapped__ = func  # type: ignore[attr-defined]
        return timed

    def wrap_rule(self, code: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """A rule whose findings are made at once, under its own stage."""

        def timed(ctx: Any) -> Iterator[Any]:
            self.enter(RULE_PREFIX + code)
            try:
                found = list(func(ctx))
            finally:
                self.leave()
            return iter(found)

        return timed


def instrument(clock: Clock) -> None:
    """Wrap the functions that make each stage (see the module docstring)."""
    import dataclasses

    import spbe_arch.check as check_module
    import spbe_arch.graph as graph_module
    import spbe_arch.load.positions_index as positions_module
    import spbe_arch.load.repository as repository_module
    import spbe_arch.nasional.worker as worker
    import spbe_arch.rules as rules_package
    from spbe_arch.load.snapshot import Snapshot
    from spbe_arch.nasional.cache import ResultCache
    from spbe_arch.rules.engine import REGISTRY

    for name in ("discover", "unchanged", "take_snapshot", "stat_signature"):
        setattr(worker, name, clock.wrap("reading, walking", getattr(worker, name)))
    Snapshot.digest = clock.wrap("cache", Snapshot.digest)  # type: ignore[method-assign]
    ResultCache.get = clock.wrap("cache", ResultCache.get)  # type: ignore[method-assign]
    ResultCache.put = clock.wrap("cache", ResultCache.put)  # type: ignore[method-assign]
    repository_module.parse_text = clock.wrap("YAML to data", repository_module.parse_text)
    positions_module.parse_text = clock.wrap("positions", positions_module.parse_text)
    repository_module.load = clock.wrap("validation and loader", repository_module.load)
    graph_module.ModelGraph.__init__ = clock.wrap(  # type: ignore[method-assign]
        "graph", graph_module.ModelGraph.__init__
    )
    rules_package.run_rules = clock.wrap(ENGINE, rules_package.run_rules)
    check_module.sort_problems = clock.wrap(ENGINE, check_module.sort_problems)
    check_module._severities = clock.wrap(ENGINE, check_module._severities)
    for code, item in list(REGISTRY.items()):
        if item.func is not None:
            REGISTRY[code] = dataclasses.replace(item, func=clock.wrap_rule(code, item.func))
    for name in ("outcome_of", "quote", "problem_lines"):
        setattr(worker, name, clock.wrap("report lines, outcome", getattr(worker, name)))


def bare_yaml_rs(repos: list[str]) -> float:
    """CPU seconds to read and parse every YAML file of the repositories with ``yaml_rs``."""
    import yaml_rs

    files = sorted(
        os.path.join(folder, name)
        for repo in repos
        for folder, _, names in os.walk(repo)
        for name in names
        if name.endswith((".yaml", ".yml"))
    )
    start = time.process_time()
    for path in files:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
        try:
            yaml_rs.loads(text, parse_datetime=False)
        except Exception:  # a body with marked mistakes may not parse
            continue
    return time.process_time() - start


def run(repos: list[str], cprofile: int = 0) -> dict[str, Any]:
    """The loop of ``check_one`` calls, timed by stage and by rule; figures in ms/repository."""
    from spbe_arch.nasional.repos import tool_fingerprint
    from spbe_arch.nasional.worker import Task, check_one, start_pool_process, warm_up

    start_pool_process()
    warm_up()
    clock = Clock()
    instrument(clock)
    gc.collect()
    fingerprint = tool_fingerprint()
    today = dt.date(2026, 6, 1)
    cache = tempfile.mkdtemp(prefix="spbe-stages-")
    problems = 0
    try:

        def loop() -> None:
            nonlocal problems
            problems = 0
            shutil.rmtree(cache, ignore_errors=True)
            for repo in repos:
                task = Task(repo, fingerprint, today, None, cache, False, ("id", False), None)
                outcome = check_one(task)
                summary = outcome.summary
                problems += summary.error + summary.warning + summary.info

        clock.spent.clear()
        clock.mark = time.process_time()
        start = time.process_time()
        loop()
        total = time.process_time() - start
        clock._switch()
        spent = dict(clock.spent)
        if cprofile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.runcall(loop)
            pstats.Stats(profile).sort_stats("tottime").print_stats(cprofile)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    n = len(repos)
    stages = {stage: 0.0 for stage in STAGES}
    rules: dict[str, float] = {}
    for stage, seconds in spent.items():
        if stage.startswith(RULE_PREFIX):
            rules[stage[len(RULE_PREFIX) :]] = seconds * 1000 / n
            stages["rules"] += seconds * 1000 / n
        else:
            stages[stage] += seconds * 1000 / n
    return {
        "repositories": n,
        "problems": problems,
        "total_ms": total * 1000 / n,
        "stages_ms": stages,
        "rule_engine_ms": spent.get(ENGINE, 0.0) * 1000 / n,
        "rules_ms": dict(sorted(rules.items(), key=lambda kv: -kv[1])),
        "yaml_rs_ms": bare_yaml_rs(repos) * 1000 / n,
    }


def table(figures: dict[str, Any], top: int) -> str:
    """The figures as Markdown tables (stages; the ``top`` most expensive rules)."""
    lines = [
        f"{figures['repositories']} repositories, {figures['problems']} problems; "
        "ms of CPU per repository",
        "",
        "| stage | ms |",
        "|---|---:|",
    ]
    for stage, ms in figures["stages_ms"].items():
        extra = f" (engine {figures['rule_engine_ms']:.2f})" if stage == "rules" else ""
        lines.append(f"| {stage}{extra} | {ms:.2f} |")
    lines.append(f"| **total** | **{figures['total_ms']:.2f}** |")
    lines.append(f"| bare `yaml_rs` parse of the same files | {figures['yaml_rs_ms']:.2f} |")
    # issue 13's ratio: the check's CPU shared by two workers against the one-process parse
    ratio = figures["total_ms"] / 2 / figures["yaml_rs_ms"]
    lines.append(f"| total ÷ 2 workers ÷ `yaml_rs` (issue 13's ratio) | {ratio:.2f} |")
    if top:
        lines += ["", "| rule | ms |", "|---|---:|"]
        for code, ms in list(figures["rules_ms"].items())[:top]:
            lines.append(f"| {code} | {ms:.3f} |")
    return "\n".join(lines)


def _median(runs: list[dict[str, Any]], key: str, sub: str | None = None) -> float:
    """The median over runs of ``run[key]`` (or ``run[key][sub]``, 0 when a run lacks it)."""
    return statistics.median(r[key] if sub is None else r[key].get(sub, 0.0) for r in runs)


def compare(before: list[dict[str, Any]], after: list[dict[str, Any]], top: int) -> str:
    """Before/after Markdown tables: the median of each figure over the runs of each side."""
    lines = [
        f"median of {len(before)} runs before and {len(after)} after; ms of CPU per repository",
        "",
        "| stage | before | after | change |",
        "|---|---:|---:|---:|",
    ]
    for stage in STAGES:
        b, a = _median(before, "stages_ms", stage), _median(after, "stages_ms", stage)
        lines.append(f"| {stage} | {b:.2f} | {a:.2f} | {a - b:+.2f} |")
    b, a = _median(before, "total_ms"), _median(after, "total_ms")
    span = [
        f"{min(r['total_ms'] for r in runs):.1f}–{max(r['total_ms'] for r in runs):.1f}"
        for runs in (before, after)
    ]
    lines.append(
        f"| **total** | **{b:.2f}** ({span[0]}) | **{a:.2f}** ({span[1]}) "
        f"| **{a - b:+.2f} ({(a - b) / b * 100:+.1f} %)** |"
    )
    b, a = _median(before, "yaml_rs_ms"), _median(after, "yaml_rs_ms")
    lines.append(f"| bare `yaml_rs` parse of the same files | {b:.2f} | {a:.2f} | |")
    b, a = _median(before, "rule_engine_ms"), _median(after, "rule_engine_ms")
    lines += [
        "",
        "| rule | before | after |",
        "|---|---:|---:|",
        f"| (engine) | {b:.2f} | {a:.2f} |",
    ]
    codes = {code for r in (*before, *after) for code in r["rules_ms"]}
    for code in sorted(codes, key=lambda c: (-_median(before, "rules_ms", c), c))[:top]:
        b, a = _median(before, "rules_ms", code), _median(after, "rules_ms", code)
        lines.append(f"| {code} | {b:.2f} | {a:.2f} |")
    return "\n".join(lines)


def _runs(pattern: str) -> list[dict[str, Any]]:
    files = sorted(glob.glob(pattern))
    if not files:
        raise SystemExit(f"stages.py: no file matches {pattern}")
    return [json.loads(Path(f).read_text(encoding="utf-8")) for f in files]


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a corpus from benchmarks/corpus.py")
    parser.add_argument("--first", type=int, default=0, help="first body (default 0)")
    parser.add_argument("--count", type=int, default=60, help="bodies checked (default 60)")
    parser.add_argument("--rules", type=int, default=10, help="rules listed (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="seed of a generated corpus")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("BEFORE", "AFTER"),
        help="print before/after tables from --json files (two glob patterns); runs nothing",
    )
    args = parser.parse_args(argv)
    if args.compare is not None:
        print(compare(_runs(args.compare[0]), _runs(args.compare[1]), args.rules))
        return 0
    temporary = None
    corpus = args.corpus
    if corpus is None:
        from benchmarks.corpus import generate

        temporary = tempfile.mkdtemp(prefix="spbe-stages-corpus-")
        corpus = Path(temporary)
        generate(corpus, args.count, args.seed, start=args.first)
    try:
        repos = [str(corpus / f"body-{i:04d}") for i in range(args.first, args.first + args.count)]
        missing = [r for r in repos if not os.path.isfile(os.path.join(r, "spbe.yaml"))]
        if missing:
            parser.error(f"{missing[0]}: no such body in the corpus")
        figures = run(repos, args.cprofile)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    print(table(figures, args.rules))
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
