"""``benchmarks/stages.py`` accounts for a worker's time: every stage and every rule, once.

The figures themselves are not asserted (performance is measured in benchmarks, not in tests);
what is asserted is the bookkeeping that makes them trustworthy: the stages add up to the
measured total (nothing charged twice, nothing lost), every rule has its own line, and the
instrumented loop finds exactly the problems an ordinary check finds.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES_PY = ROOT / "benchmarks" / "stages.py"


def _stages(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(STAGES_PY), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        cwd=ROOT,
    )
    return done.stdout


def test_stages_add_up_and_find_the_problems_a_check_finds(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import generate

    from spbe_arch.nasional import check_many
    from spbe_arch.rules import REGISTRY, load_plugins

    corpus = tmp_path / "corpus"
    manifest = generate(corpus, 3, seed=7, start=12, jobs=1)
    assert manifest["mistakes"]  # body 13 carries mistakes: the loader and positions have work
    out = tmp_path / "figures.json"
    printed = _stages("--corpus", str(corpus), "--first", "12", "--count", "3", "--json", str(out))
    figures = json.loads(out.read_text(encoding="utf-8"))

    stages = figures["stages_ms"]
    assert set(stages) == {
        "reading, walking", "cache", "YAML to data", "validation and loader", "positions",
        "graph", "rules", "report lines, outcome", "other",
    }  # fmt: skip
    assert all(ms > 0 for ms in stages.values()), stages
    # every millisecond of the loop is in exactly one stage
    assert abs(sum(stages.values()) - figures["total_ms"]) <= 0.02 * figures["total_ms"]
    assert abs(sum(figures["rules_ms"].values()) + figures["rule_engine_ms"] - stages["rules"]) < (
        0.01 * stages["rules"]
    )
    load_plugins()
    assert set(figures["rules_ms"]) == {c for c, r in REGISTRY.items() if r.func is not None}

    result = check_many(corpus, today=dt.date(2026, 6, 1), cache=False, jobs=1)
    assert figures["problems"] == len(result.problems) > 0
    assert f"3 repositories, {len(result.problems)} problems" in printed
    assert figures["yaml_rs_ms"] > 0

    same = _stages("--compare", str(out), str(out), "--rules", "3")
    assert "| **total** |" in same and "| rules |" in same
    assert same.count("+0.00 |") == len(stages)  # a run compared with itself changes nothing
