"""The YAML reader options, timed on the same model files (docs/architecture.md, "Satu pembaca").

    python benchmarks/readers.py CORPUS [--bodies 40]

CORPUS is a corpus folder (``benchmarks/corpus.py --out``, or ``bench.py --keep DIR`` then
``DIR/all``). Every file of the first ``--bodies`` bodies is read into memory first; each option
is then timed in process CPU time, best of five. The reader before it was compiled (the Python
builder kept as the test oracle, ``tests/yaml_oracle.py``) is timed too, for the before/after.
``rapidyaml`` is timed when it is installed (``pip install rapidyaml``; not a dependency of
spbe-arch).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml
import yaml_rs

from spbe_arch.load.yamltext import parse_text


def _events(text: str) -> None:
    parser = yaml.cyaml.CParser(text)
    try:
        while parser.get_event() is not None:
            pass
    finally:
        parser.dispose()


def _oracle() -> Callable[..., Any] | None:
    """The reader before it was compiled: the Python builder over PyYAML's event objects, kept
    as the test oracle (tests/yaml_oracle.py); None outside a source checkout."""
    tests = Path(__file__).resolve().parents[1] / "tests"
    if not (tests / "yaml_oracle.py").is_file():
        return None
    sys.path.insert(0, str(tests))
    import yaml_oracle  # type: ignore[import-not-found]

    return yaml_oracle.parse_text  # type: ignore[no-any-return]


def _rapidyaml() -> tuple[Callable[[bytes], Any], Callable[[bytes], Any]] | None:
    try:
        import ryml  # type: ignore[import-not-found]
    except ImportError:
        return None

    def walk(raw: bytes) -> Any:
        tree = ryml.parse_in_arena(raw)

        def node(n: int) -> Any:
            if tree.is_map(n) or tree.is_seq(n):
                out: Any = {} if tree.is_map(n) else []
                child = tree.first_child(n)
                while child != ryml.NONE:
                    if isinstance(out, dict):
                        out[bytes(tree.key(child)).decode()] = node(child)
                    else:
                        out.append(node(child))
                    child = tree.next_sibling(child)
                return out
            return bytes(tree.val(n)).decode()

        return node(tree.root_id())

    return ryml.parse_in_arena, walk


def best_of(work: Callable[[Any], Any], inputs: list[Any], rounds: int = 5) -> float:
    """Least process CPU seconds of ``rounds`` passes over ``inputs`` (errors skipped)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for item in inputs:
            try:
                work(item)
            except Exception:
                continue
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Read the files, time every option, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--bodies", type=int, default=40)
    args = parser.parse_args(argv)
    files: list[str] = []
    for body in sorted(p for p in args.corpus.iterdir() if p.is_dir())[: args.bodies]:
        for here, _, names in os.walk(body):
            files += [os.path.join(here, n) for n in names if n.endswith((".yaml", ".yml"))]
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    raws = [t.encode("utf-8") for t in texts]
    megabytes = sum(map(len, raws)) / 1e6
    options: list[tuple[str, Callable[[Any], Any], list[Any]]] = [
        ("yaml_rs.loads: data only", lambda t: yaml_rs.loads(t, parse_datetime=False), texts),
        ("libyaml event stream alone", _events, texts),
        (
            "yaml_rs + libyaml events",
            lambda t: (yaml_rs.loads(t, parse_datetime=False), _events(t)),
            texts,
        ),
        ("spbe-arch reader, without positions", lambda t: parse_text(t, positions=False), texts),
        ("spbe-arch reader, with positions", parse_text, texts),
    ]
    oracle = _oracle()
    if oracle is not None:
        options[3:3] = [
            ("before: Python builder, without positions",
             lambda t: oracle(t, positions=False), texts),
            ("before: Python builder, with positions", oracle, texts),
        ]  # fmt: skip
    found = _rapidyaml()
    if found is not None:
        options[3:3] = [("rapidyaml parse only", found[0], raws),
                        ("rapidyaml parse + walk to data", found[1], raws)]  # fmt: skip
    print(f"{len(files):,} files, {megabytes:.2f} MB (process CPU seconds, best of 5)\n")
    print("| option | s | MB/s |\n|---|---|---|")
    for name, work, inputs in options:
        seconds = best_of(work, inputs)
        print(f"| {name} | {seconds:.2f} | {megabytes / seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
