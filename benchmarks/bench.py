"""The national benchmark: generate the corpus at 1×, 2× and 4×, then time every stage.

    python benchmarks/bench.py [--bodies 600] [--sizes 1,2,4] [--jobs N] [--csafe all|first|none]

The package's bytecode is compiled first, as an installed package has it. Prints two
Markdown tables. The first, in wall-clock seconds: files, megabytes, elements; bare parse
with yaml_rs and with PyYAML's CSafeLoader (one process, read + parse, the baselines); load
(every repository, in the worker pool); ``spbe-arch check`` cold and warm (a subprocess, as a
user runs it: cache emptied, then one file changed); rendering the per-OPD views of one body;
peak memory of the CLI process and of its largest worker. CSafeLoader is slow (≈ 1 MB/s), so
by default it is timed on the first size only (``--csafe all`` for every size). The second
gives the CPU seconds of the bare yaml_rs parse and of the cold and warm check (all their
processes), the load average around each size, and the ratios in CPU time, which a shared
machine does not distort (:func:`cpu_table`).
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml

from benchmarks.corpus import generate

_RUNNER = (
    "import resource, sys\n"
    "from spbe_arch.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "r = resource\n"
    "print(r.getrusage(r.RUSAGE_SELF).ru_maxrss, r.getrusage(r.RUSAGE_CHILDREN).ru_maxrss,"
    " file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _files(folder: Path) -> list[Path]:
    out = []
    for here, dirs, names in os.walk(folder, followlinks=True):  # the sizes link to the bodies
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out += [Path(here, n) for n in names if n.endswith((".yaml", ".yml"))]
    return sorted(out)


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = work()
    return time.perf_counter() - start, out


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its waited-for children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_parse(files: list[Path], parser: str) -> tuple[float, float]:
    """Seconds and CPU seconds to read and parse every file in this process (the baseline)."""
    if parser == "yaml_rs":
        import yaml_rs

        def parse(text: str) -> Any:
            return yaml_rs.loads(text, parse_datetime=False)
    else:

        def parse(text: str) -> Any:
            return yaml.load(text, Loader=yaml.CSafeLoader)

    def work() -> None:
        for path in files:
            try:
                parse(path.read_bytes().decode("utf-8"))
            except Exception:
                continue

    cpu = _cpu()
    seconds = _timed(work)[0]
    return seconds, _cpu() - cpu


def _load_one(path: str) -> int:
    from spbe_arch.load import load

    return len(load(path).model)


def load_all(folder: Path, jobs: int) -> tuple[float, int]:
    """Seconds to load every repository in a worker pool, and the number of elements."""
    from spbe_arch.nasional.many import _context
    from spbe_arch.nasional.repos import find_repositories
    from spbe_arch.nasional.worker import start_pool_process, warm_up

    def work() -> int:
        warm_up()
        repos = find_repositories(folder)
        with _context().Pool(jobs, initializer=start_pool_process) as pool:  # type: ignore[attr-defined]
            return sum(pool.map(_load_one, repos, chunksize=8))

    return _timed(work)


def cli_check(folder: Path, jobs: int, *extra: str) -> tuple[float, int, int, float]:
    """Seconds for ``spbe-arch check FOLDER`` in a fresh process; its and a worker's peak KiB;
    the CPU seconds of it and its workers (the figure a machine shared with other work does
    not distort: wall-clock seconds there measure the other work too)."""
    args = [sys.executable, "-c", _RUNNER, "check", str(folder), "--jobs", str(jobs), *extra]
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    last = done.stderr.strip().splitlines()[-1].split()
    return seconds, int(last[0]), int(last[1]), _cpu() - cpu


def render_one(body: Path) -> float | None:
    """Seconds to render the per-OPD views of one body (None without the render package)."""
    try:
        from spbe_arch.render import render_views
    except ImportError:
        return None
    out = Path(tempfile.mkdtemp(prefix="spbe-render-"))
    fmt = "svg" if shutil.which("dot") else "dot"
    try:
        return _timed(lambda: render_views(body, out, views=["opd"], fmt=fmt))[0]
    finally:
        shutil.rmtree(out, ignore_errors=True)


def measure(folder: Path, jobs: int, csafe: bool) -> dict[str, Any]:
    """Every number of one row of the table."""
    before = os.getloadavg()[0]
    files = _files(folder)
    row: dict[str, Any] = {"files": len(files), "mb": sum(p.stat().st_size for p in files) / 1e6}
    row["yaml_rs"], row["yaml_rs_cpu"] = bare_parse(files, "yaml_rs")
    row["csafe"] = bare_parse(files, "csafe")[0] if csafe else None
    row["load"], row["elements"] = load_all(folder, jobs)
    shutil.rmtree(folder / ".spbe-cache", ignore_errors=True)
    row["cold"], row["rss"], row["rss_worker"], row["cold_cpu"] = cli_check(folder, jobs)
    changed = next(p for p in files if p.name == "aplikasi.yaml")
    with changed.open("a", encoding="utf-8") as handle:
        handle.write(f"# diubah {time.time()}\n")
    row["warm"], *_, row["warm_cpu"] = cli_check(folder, jobs)
    bodies = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    row["render"] = render_one(bodies[0].resolve())
    row["load_average"] = f"{before:.1f} → {os.getloadavg()[0]:.1f}"
    return row


def _fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def table(rows: dict[int, dict[str, Any]], bodies: int) -> str:
    """The Markdown table and the ratios."""
    head = ("| size | bodies | files | MB | elements | yaml_rs parse s | CSafeLoader parse s | "
            "load s | check cold s | check warm s | render OPD views s | peak MB (CLI / worker) "
            "| cold ÷ yaml_rs | warm ÷ cold | cold s per 100 bodies |")  # fmt: skip
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for size, r in rows.items():
        n = bodies * size
        lines.append(
            f"| {size}× | {n} | {r['files']:,} | {r['mb']:.0f} | {r['elements']:,} | "
            f"{_fmt(r['yaml_rs'])} | {_fmt(r['csafe'])} | {_fmt(r['load'])} | "
            f"{_fmt(r['cold'])} | {_fmt(r['warm'], 2)} | {_fmt(r['render'], 2)} | "
            f"{r['rss'] / 1024:.0f} / {r['rss_worker'] / 1024:.0f} | "
            f"{r['cold'] / r['yaml_rs']:.2f} | {r['warm'] / r['cold']:.3f} | "
            f"{100 * r['cold'] / n:.2f} |"
        )
    return "\n".join(lines)


def cpu_table(rows: dict[int, dict[str, Any]], jobs: int) -> str:
    """The same runs in CPU seconds, and the load average around them.

    The bare parse runs on one core and the check on ``jobs``: on an idle machine the check's
    wall-clock time is about its CPU time ÷ ``jobs`` (the work is split evenly; start-up and
    the parent's share are small), so ``cold CPU ÷ jobs ÷ yaml_rs CPU`` is the ``cold ÷
    yaml_rs`` the machine would show if nothing else ran on it."""
    head = (
        "| size | load average (1 min) | yaml_rs parse CPU s | check cold CPU s | "
        f"check warm CPU s | cold CPU ÷ {jobs} ÷ yaml_rs CPU | warm CPU ÷ cold CPU |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for size, r in rows.items():
        lines.append(
            f"| {size}× | {r['load_average']} | {r['yaml_rs_cpu']:.1f} | {r['cold_cpu']:.1f} | "
            f"{r['warm_cpu']:.2f} | {r['cold_cpu'] / jobs / r['yaml_rs_cpu']:.2f} | "
            f"{r['warm_cpu'] / r['cold_cpu']:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bodies", type=int, default=600, help="bodies at 1× (default 600)")
    parser.add_argument("--sizes", default="1,2,4", help="multiples of --bodies (default 1,2,4)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--csafe", choices=("all", "first", "none"), default="first")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    # Measured as an installed package runs: with its bytecode compiled (pip compiles a wheel
    # at install; an editable install writes it on first import, unless PYTHONDONTWRITEBYTECODE
    # forbids it, and then every process would compile every module again).
    import spbe_arch

    compileall.compile_dir(Path(spbe_arch.__file__).parent, quiet=1)
    root = args.keep or Path(tempfile.mkdtemp(prefix="spbe-bench-"))
    try:
        total = args.bodies * max(sizes)
        all_dir = root / "all"
        if not (all_dir / "corpus.json").exists():
            seconds = _timed(lambda: generate(all_dir, total, args.seed, jobs=args.jobs))[0]
            print(f"generated {total} bodies in {seconds:.0f} s", file=sys.stderr)
        bodies = sorted(p for p in all_dir.iterdir() if p.is_dir())
        rows: dict[int, dict[str, Any]] = {}
        for k, size in enumerate(sizes):
            folder = root / f"x{size}"
            if not folder.exists():
                folder.mkdir()
                for body in bodies[: args.bodies * size]:
                    (folder / body.name).symlink_to(body, target_is_directory=True)
            csafe = args.csafe == "all" or (args.csafe == "first" and k == 0)
            rows[size] = measure(folder, args.jobs, csafe)
            print(f"{size}×: {rows[size]}", file=sys.stderr)
        print(f"python {sys.version.split()[0]}, {args.jobs} jobs, {os.cpu_count()} cpus")
        print(table(rows, args.bodies))
        print()
        print(cpu_table(rows, args.jobs))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nbenchmark process peak: {peak:.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
