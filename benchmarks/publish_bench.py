"""Benchmark of ``spbe-arch publish``: the example model, and one body grown in steps.

    python benchmarks/publish_bench.py [--scales 1,2,4] [--bodies 600] [--body N]
                                       [--formats html,pdf,docx]

1. Publishes ``models/kabupaten-contoh`` (site + HTML, PDF, DOCX) and prints the time of each
   stage.
2. Finds the largest body (most elements) of the corpus of ``--bodies`` bodies that
   ``benchmarks/corpus.py`` generates (same seed, same bodies), then publishes it at growing
   sizes: scale ``k`` is the body plus ``k - 1`` copies of it with every id (elements, OPDs,
   unit kerja) suffixed, so the model has ``k`` times the elements, OPDs and references.
   Prints wall seconds, CPU seconds (this process and its ``dot`` children) and CPU seconds
   per 1000 elements, and the wall seconds of each stage: a per-element CPU time that stays
   flat means publishing grows no faster than linearly.

Each run publishes into a fresh folder (no diagram cache). Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import TEMPLATE, _dump, _ids, _Leaves, load_template, make_body
from spbe_arch.load import load
from spbe_arch.publish import publish

STAGES = ("check", "diagrams", "site", "html", "pdf", "docx")


def largest_body(bodies: int, seed: int = 0) -> tuple[int, dict[str, str]]:
    """The index and files of the body with the most elements (``id:`` lines)."""
    template, leaves = load_template(), _Leaves()
    best: tuple[int, int, dict[str, str]] = (-1, -1, {})
    for index in range(bodies):
        texts, _ = make_body(template, index, seed, leaves)
        size = sum(t.count("- id: ") for t in texts.values())
        if size > best[0]:
            best = (size, index, texts)
    return best[1], best[2]


def scaled(texts: dict[str, str], scale: int, out: Path) -> Path:
    """Write the body ``scale`` times into ``out``: copy ``k`` has its ids suffixed ``-S<k>``."""
    import yaml

    for rel, text in texts.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    parsed = {rel: yaml.safe_load(t) for rel, t in texts.items() if rel != "spbe.yaml"}
    ids: set[str] = set()
    for data in parsed.values():
        _ids(data, ids)
    for k in range(1, scale):
        mapping = {i: f"{i}-S{k}" for i in ids}
        for rel, data in parsed.items():
            dumped = json.dumps(data, ensure_ascii=False)
            for old, new in sorted(mapping.items(), key=lambda p: -len(p[0])):
                dumped = dumped.replace(f'"{old}"', f'"{new}"')
            path = out / f"salinan-{k}" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_dump(json.loads(dumped)), encoding="utf-8")
    return out


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the ``dot`` processes)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(model: Path, formats: list[str]) -> dict[str, Any]:
    """Publish once into a fresh folder; wall and CPU time, stage times, counts.

    CPU time (``dot`` included) is the figure to compare between sizes on a shared machine:
    wall time there depends on what else runs.
    """
    with tempfile.TemporaryDirectory(prefix="spbe-publish-bench-") as out:
        start, cpu = time.perf_counter(), _cpu()
        result = publish(model, out, formats=formats, progress=False)
        wall, cpu = time.perf_counter() - start, _cpu() - cpu
    return {"wall": wall, "cpu": cpu, "stages": result.timings, "elements": result.elements,
            "pages": result.pages, "views": result.views}  # fmt: skip


def _row(label: str, r: dict[str, Any]) -> str:
    per_k = r["cpu"] / max(r["elements"], 1) * 1000
    stages = " | ".join(f"{r['stages'].get(s, 0):.2f}" for s in STAGES)
    return (f"| {label} | {r['elements']} | {r['pages']} | {r['views']} | {r['wall']:.2f} | "
            f"{r['cpu']:.2f} | {per_k:.2f} | {stages} |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,2,4")
    parser.add_argument("--bodies", type=int, default=600)
    parser.add_argument("--formats", default="html,pdf,docx")
    parser.add_argument(
        "--body", type=int, default=None, help="use this body (skip the search for the largest)"
    )
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    head = ("| model | elements | pages | views | wall s | CPU s | CPU s per 1000 el. | "
            + " | ".join(STAGES) + " |")  # fmt: skip
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    load(TEMPLATE)  # warm the imports and the catalogue, as a second run would
    print(_row("kabupaten-contoh", run(TEMPLATE, formats)), flush=True)
    if args.body is None:
        index, texts = largest_body(args.bodies)
    else:
        index, texts = args.body, make_body(load_template(), args.body, 0, _Leaves())[0]
    for scale in (int(s) for s in args.scales.split(",")):
        with tempfile.TemporaryDirectory(prefix="spbe-publish-body-") as folder:
            model = scaled(texts, scale, Path(folder))
            print(_row(f"body-{index:04d} × {scale}", run(model, formats)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
