"""How long ``spbe-arch diff`` takes between two revisions of the corpus's largest body.

    python benchmarks/diff_bench.py [--bodies 600] [--runs 7]

The 600 bodies of the synthetic corpus (benchmarks/corpus.py, generated in memory) are sized
by their text; the largest is committed to a fresh git repository, a realistic change set is
committed on top (an application renamed with every reference to it, a server retired with
every reference removed, a service re-classified to a sibling code, a roadmap item added), and
the diff between the two commits is timed: in-process by stage (read both revisions with git,
load, check, compare) and as the command a user runs (interpreter start-up included).
Figures go to docs/performance.md ("Semantic diff").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import _dump, _Leaves, load_template, make_body
from spbe_arch.check import check
from spbe_arch.diff import Side, diff_sides
from spbe_arch.diff.compare import compare
from spbe_arch.diff.sources import git_place, read_revision
from spbe_arch.load import load
from spbe_arch.load.yamltext import parse_text


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.invalid",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.invalid"}  # fmt: skip
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def largest_body(bodies: int) -> tuple[int, dict[str, str]]:
    """The index and files of the body with the most text."""
    template, leaves = load_template(), _Leaves()
    best: tuple[int, int, dict[str, str]] = (-1, -1, {})
    for index in range(bodies):
        texts, _ = make_body(template, index, 0, leaves)
        size = sum(len(t) for t in texts.values())
        if size > best[0]:
            best = (size, index, texts)
    return best[1], best[2]


def _replace(node: Any, old: str, new: str | None) -> Any:
    """``node`` with the id ``old`` replaced by ``new`` everywhere (``None``: removed)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if value == old and new is None:
                continue
            out[key] = _replace(value, old, new)
        return out
    if isinstance(node, list):
        return [_replace(v, old, new) for v in node if not (v == old and new is None)]
    return new if node == old else node


def change_set(texts: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The body's files after the change set (written by the corpus's own dumper), and what
    was changed."""
    data = {rel: parse_text(text).data for rel, text in texts.items()}
    headers = {rel: "".join(f"{line}\n" for line in text.splitlines() if line.startswith("#"))
               for rel, text in texts.items()}  # fmt: skip

    def first(section: str, test: Any) -> tuple[str, dict[str, Any]]:
        for rel in sorted(data):
            items = data[rel].get(section) if isinstance(data[rel], dict) else None
            for item in items or []:
                if isinstance(item, dict) and test(item):
                    return rel, item
        raise SystemExit(f"no {section} element to change")

    _, app = first("aplikasi", lambda i: bool(i.get("infrastruktur")))
    _, server = first("infrastruktur", lambda i: i.get("jenis") == "server"
                      and i.get("bentuk") == "virtual")  # fmt: skip
    _, svc = first("layanan", lambda i: isinstance(i.get("referensi"), str))
    old_app, new_app, gone = app["id"], app["id"] + "-BARU", server["id"]
    old_code = svc["referensi"]
    new_code = next((c for c in _Leaves().siblings.get(old_code, []) if c != old_code), old_code)
    svc["referensi"] = new_code
    roadmap = next(rel for rel, d in data.items() if isinstance(d, dict) and "peta_rencana" in d)
    data[roadmap]["peta_rencana"].append({
        "id": "PR-BENCH-01", "opd": app.get("opd") or "DISKOMINFO",
        "nama": "Migrasi Aplikasi ke Komputasi Awan", "muatan": "aplikasi",
        "tahun_mulai": 2027, "tahun_selesai": 2028, "status_rencana": "belum_mulai",
        "elemen_diubah": [new_app]})  # fmt: skip
    out: dict[str, str] = {}
    for rel, value in data.items():
        if isinstance(value, dict):
            for section, items in value.items():
                if isinstance(items, list):
                    kept = [i for i in items if not (isinstance(i, dict) and i.get("id") == gone)]
                    value[section] = kept
        value = _replace(_replace(value, old_app, new_app), gone, None)
        out[rel] = (
            texts[rel] if value == parse_text(texts[rel]).data else headers[rel] + _dump(value)
        )
    done = [f"renamed {old_app} → {new_app}", f"retired {gone}",
            f"re-classified {svc['id']} {old_code} → {new_code}", "added PR-BENCH-01"]  # fmt: skip
    return out, done


def _median(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bodies", type=int, default=600)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    index, texts = largest_body(args.bodies)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "body"
        for rel, text in texts.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(text.encode("utf-8", "surrogateescape"))
        _git(root, "init", "-q")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "a")
        changed, changes = change_set(texts)
        for rel, text in changed.items():
            (root / rel).write_bytes(text.encode("utf-8", "surrogateescape"))
        _git(root, "commit", "-q", "-am", "b")
        a, b = Side("HEAD~1", revision="HEAD~1"), Side("HEAD", revision="HEAD")
        diff_sides(a, b, root)  # warm: imports, catalogue, caches
        stages: dict[str, list[float]] = {
            k: [] for k in ("read", "load", "check", "compare", "total")
        }
        result = None
        for _ in range(args.runs):
            t0 = time.perf_counter()
            place = git_place(root)
            snaps = [read_revision(place, rev, root) for rev in ("HEAD~1", "HEAD")]
            t1 = time.perf_counter()
            loaded = [load(root, snapshot=s) for s in snaps]
            t2 = time.perf_counter()
            checked = [check(x) for x in loaded]
            t3 = time.perf_counter()
            result = compare(*checked, old_label="HEAD~1", new_label="HEAD")
            t4 = time.perf_counter()
            for key, value in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0),
                                  strict=True):  # fmt: skip
                stages[key].append(value)
        cli: list[float] = []
        cpu: list[float] = []
        exe = str(Path(sys.executable).parent / "spbe-arch")
        for _ in range(args.runs):
            t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([exe, "diff", "HEAD~1", "HEAD", "--model", str(root), "--format",
                            "json"], check=True, capture_output=True)  # fmt: skip
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cli.append(time.perf_counter() - t0)
            cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    assert result is not None
    files = len(texts)
    elements = result.counts["new"]
    summary = result.summary()
    print(f"largest of {args.bodies} bodies: body-{index:04d}, {files} files, {elements} elements")
    print("changes: " + "; ".join(changes))
    print(f"diff found: {summary}")
    print(f"runs: {args.runs} (median, ms)")
    print("| stage | ms |\n|---|---:|")
    for key, values in stages.items():
        print(f"| {key} (in-process) | {_median(values):.0f} |")
    print(
        f"| `spbe-arch diff HEAD~1 HEAD` (command, start-up included), wall | {_median(cli):.0f} |"
    )
    print(
        f"| `spbe-arch diff HEAD~1 HEAD` (command, start-up included), CPU incl. git | "
        f"{_median(cpu):.0f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
