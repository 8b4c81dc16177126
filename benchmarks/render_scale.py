"""Render at scale: a synthetic model of N elements, every view built and written as DOT.

    python benchmarks/render_scale.py --sizes 1000,10000,100000 [--draw 1000]

Each model has one OPD per 1,000 elements; per OPD a chain per 10 elements (proses bisnis,
data, layanan, aplikasi sharing a few hosts of the Diskominfo). ``render --format dot``
builds every view (model → views → DOT text → files), which is what grows with the model;
Graphviz then draws views of bounded size (``--max-nodes``, paper fitting), so drawing grows
with the number of views. ``--draw N`` also times a full SVG run of the N-element model.
Prints one table row per size (seconds, peak MB, views written, views refused).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPBE = """spbe_arch: 1
pemda: {nama: Pemerintah Kabupaten Skala, jenis: kabupaten}
periode: {mulai: 2025, selesai: 2029}
katalog: "2022.1"
"""


def write_model(root: Path, elements: int) -> None:
    """A valid model of about ``elements`` elements."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "spbe.yaml").write_text(SPBE, encoding="utf-8")
    opds = max(1, elements // 1000)
    infra = root / "infra.yaml"
    infra.write_text(
        "opd: OPD0\nperangkat_daerah:\n  - {id: OPD0, nama: Dinas Kominfo, tipe: dinas}\n"
        "infrastruktur:\n"
        + "".join(
            f"  - {{id: SRV-{h}, nama: Server {h}, jenis: server, tipe: virtual}}\n"
            for h in range(5)
        ),
        encoding="utf-8",
    )
    per = elements // opds // 4
    for o in range(1, opds + 1):
        lines = [
            f"opd: OPD{o}",
            "perangkat_daerah:",
            f"  - {{id: OPD{o}, nama: Dinas Nomor {o}, tipe: dinas, "
            f"bidang_urusan: ['{1 + o % 3}.0{1 + o % 5}']}}",
            "proses_bisnis:",
        ]
        lines += [f"  - {{id: PB-{o}-{i}, nama: Proses {o} {i}}}" for i in range(per)]
        lines.append("data:")
        lines += [
            f"  - {{id: DT-{o}-{i}, nama: Data {o} {i}, proses_bisnis: [PB-{o}-{i}]}}"
            for i in range(per)
        ]
        lines.append("layanan:")
        lines += [
            f"  - {{id: LY-{o}-{i}, nama: Layanan {o} {i}, proses_bisnis: [PB-{o}-{i}]}}"
            for i in range(per)
        ]
        lines.append("aplikasi:")
        lines += [
            f"  - {{id: AP-{o}-{i}, nama: Aplikasi {o} {i}, layanan: [LY-{o}-{i}], "
            f"data: [DT-{o}-{i}], infrastruktur: [SRV-{i % 5}]}}"
            for i in range(per)
        ]
        (root / f"opd{o}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(model: Path, out: Path, fmt: str) -> tuple[float, float, str]:
    """Seconds, peak MB of the child process, and its stderr/stdout tail."""
    code = (
        "import resource, sys\n"
        "from spbe_arch.cli import main\n"
        f"rc = main(['render', {str(model)!r}, '--out', {str(out)!r}, '--format', {fmt!r}])\n"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = next(
        (
            int(line.split()[1]) / 1024
            for line in done.stderr.splitlines()
            if line.startswith("PEAK")
        ),
        0.0,
    )
    return seconds, peak, done.stdout.strip() + "\n" + done.stderr.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--draw", type=int, default=0, help="also draw SVG at this size")
    args = parser.parse_args(argv)
    print("| elements | format | seconds | s per 1,000 elements | peak MB | views | refused |")
    print("|---:|---|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [int(s) for s in args.sizes.split(",")]
        jobs = [(n, "dot") for n in sizes] + ([(args.draw, "svg")] if args.draw else [])
        for n, fmt in jobs:
            model = Path(tmp) / f"m{n}"
            if not model.exists():
                write_model(model, n)
            out = Path(tmp) / f"out{n}{fmt}"
            seconds, peak, text = run(model, out, fmt)
            views = sum(1 for p in out.glob(f"*.{fmt}"))
            refused = "; ".join(
                line.split(": ", 1)[1] for line in text.splitlines() if "terlalu besar" in line
            )
            print(
                f"| {n:,} | {fmt} | {seconds:.1f} | {1000 * seconds / n:.2f} | {peak:.0f} | "
                f"{views} | {refused or '-'} |"
            )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
