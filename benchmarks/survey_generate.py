"""Time ``survey generate`` for one form per OPD (docs/performance.md, "Survey workbooks").

    python benchmarks/survey_generate.py [--opd 60] [--compare SRC_FOLDER]

Builds a model of ``--opd`` OPDs from the example model: its 31 OPDs, plus copies of the
Dinas Kesehatan folder under new ids (each copy has the same 27 elements, so the forms are
as full as a real health office's). Then runs ``spbe-arch survey generate`` in a subprocess and
reports wall time, CPU time (user + system, steadier on a shared machine), CPU per form and the
peak RSS. ``--compare`` runs the same command with
another checkout's ``src`` first on ``PYTHONPATH`` (e.g. the trunk before this change).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTOH = ROOT / "models" / "kabupaten-contoh"

_RUNNER = (
    "import resource, sys\n"
    "from spbe_arch.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "u = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print('RSS', u.ru_maxrss, 'CPU', u.ru_utime + u.ru_stime, file=sys.stderr)\n"
    "raise SystemExit(code)\n"
)


def build(target: Path, opds: int) -> Path:
    """The example model grown to ``opds`` OPDs by copying the DINKES folder."""
    shutil.copytree(CONTOH, target)
    existing = len([p for p in target.iterdir() if (p / "opd.yaml").is_file()])
    source = target / "dinkes"
    for n in range(1, max(0, opds - existing) + 1):
        ident = f"DINKES{n:02d}"
        folder = target / ident.lower()
        folder.mkdir()
        for path in source.glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"\bDINKES\b", ident, text)
            text = re.sub(r"-DINKES-", f"-{ident}-", text)
            text = re.sub(r"\bDINKES-", f"{ident}-", text)
            (folder / path.name).write_text(text, encoding="utf-8")
    return target


def run(model: Path, out: Path, pythonpath: str | None) -> tuple[float, float, int, int]:
    env = dict(os.environ)
    env["SPBE_ARCH_KUNCI"] = str(out.parent / "kunci-survei")
    env["CI"] = "true"
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, "survey", "generate", str(model), "--out", str(out)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    tail = proc.stderr.rsplit("RSS", 1)[1].split()
    rss, cpu = int(tail[0]), float(tail[2])
    return elapsed, cpu, len(list(out.glob("*.xlsx"))), rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opd", type=int, default=60)
    parser.add_argument("--compare", help="another checkout's src folder, timed the same way")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="survey-gen-"))
    try:
        model = build(work / "model", args.opd)
        rows = [("this branch", *run(model, work / "out", None))]
        if args.compare:
            rows.append((f"`{args.compare}`", *run(model, work / "out-old", args.compare)))
        print("| code | forms | wall time | CPU time | CPU per form | peak RSS |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, seconds, cpu, forms, rss in rows:
            print(
                f"| {label} | {forms} | {seconds:.1f} s | {cpu:.1f} s | "
                f"{cpu / forms * 1000:.0f} ms | {rss / 1024:.0f} MB |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
