"""Time the ways of computing source positions: whole files (exact reader, line locator) and
one element at a time (the outline).

    python benchmarks/positions.py [--corpus /tmp/k600] [--bodies 60] [--repeat 3]

Over the first ``--bodies`` repositories of a corpus written by ``benchmarks/corpus.py`` (or the
example model when no corpus is given), all with the texts read beforehand and times as process
CPU time, best of ``--repeat`` runs, in milliseconds per repository:

* whole files: every ``*.yaml`` file parsed by the exact reader, located by
  :func:`~spbe_arch.load.linepos.locate`, and located with the exact reader as fallback (what
  ``PositionIndex.root`` does); the share of files the locator accepts, and how many of its
  trees differ from the exact reader's (must be 0);
* what a check asks for: every position ``spbe_arch.check.check`` reports for an element of a
  file read by the fast path (the element, then the field of the finding), answered through a
  fresh ``PositionIndex`` either from whole files (``root(file).find(path)``, as before) or one
  element at a time (``element(file, path).find(field)``); how many answers differ (must be 0)
  and the share of elements answered from their own lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spbe_arch.check import check
from spbe_arch.load import load
from spbe_arch.load.linepos import locate
from spbe_arch.load.positions_index import PositionIndex
from spbe_arch.load.yamltext import parse_text
from spbe_arch.positions import Pos

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
TODAY = dt.date(2026, 6, 1)
_PART = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")

Request = tuple[str, tuple[str | int, ...], tuple[str | int, ...]]
"""A file, an element's path in it, and the path of the field reported inside the element."""


def same(a: Pos | None, b: Pos | None) -> bool:
    """Whether two position trees are equal node for node (all six attributes)."""
    if a is None or b is None:
        return a is b
    if (a.line, a.column, a.end_line, a.end_column) != (b.line, b.column, b.end_line, b.end_column):
        return False
    for mine, theirs in ((a.keys, b.keys), (a.items, b.items)):
        if type(mine) is not type(theirs):
            return False
        if isinstance(mine, dict) and isinstance(theirs, dict):
            if mine.keys() != theirs.keys() or not all(same(mine[k], theirs[k]) for k in mine):
                return False
        elif (
            isinstance(mine, list)
            and isinstance(theirs, list)
            and (len(mine) != len(theirs) or not all(map(same, mine, theirs)))
        ):
            return False
    return True


def best(run: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` runs, in seconds of process CPU time."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def field_path(text: str) -> tuple[str | int, ...]:
    """The path of a problem (``layanan[2]``, ``integrasi[0].arah``) as a tuple."""
    return tuple(int(m[1]) if m[1] else m[2] for m in _PART.finditer(text))


def requests(repository: Path) -> tuple[dict[str, tuple[str, Any]], list[Request]]:
    """The texts (and fast-path data) of a repository's files read by the fast path, and the
    positions a check of it reports inside their elements."""
    texts: dict[str, tuple[str, Any]] = {}
    add = PositionIndex.add

    def spy(self: PositionIndex, file: str, text: str, root: Pos | None, data: Any = None) -> None:
        if root is None:
            texts[file] = (text, data)
        add(self, file, text, root, data)

    PositionIndex.add = spy  # type: ignore[method-assign]
    try:
        loaded = load(repository)
    finally:
        PositionIndex.add = add  # type: ignore[method-assign]
    asked: list[Request] = []
    for problem in check(loaded, today=TODAY, plugins=False).problems:
        source = loaded.model.sumber.get(problem.element_id or "")
        if source is not None and source.file in texts:
            asked.append((source.file, source.path, field_path(problem.path)))
    return texts, asked


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--bodies", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.corpus is None:
        repositories = [EXAMPLE]
    else:
        repositories = sorted(args.corpus.glob("body-*"))[: args.bodies]
    paths = [path for repository in repositories for path in sorted(repository.rglob("*.yaml"))]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    if not texts:
        print("no YAML files found", file=sys.stderr)
        return 2

    located = [locate(text) for text in texts]
    declined = sum(pos is None for pos in located)
    wrong = sum(
        not same(pos, parse_text(text).pos)
        for text, pos in zip(texts, located, strict=True)
        if pos is not None
    )
    asked = [requests(repository) for repository in repositories]

    def exact() -> None:
        for text in texts:
            parse_text(text).pos  # noqa: B018 - the work being timed

    def line_based() -> None:
        for text in texts:
            locate(text)

    def with_fallback() -> None:
        for text in texts:
            if locate(text) is None:
                parse_text(text).pos  # noqa: B018

    def answers(per_element: bool) -> list[Pos]:
        found: list[Pos] = []
        for files, wanted in asked:
            index = PositionIndex()
            for file, (text, data) in files.items():
                index.add(file, text, None, data)
            for file, path, field in wanted:
                if per_element:
                    found.append(index.element(file, path).find(field))
                else:
                    found.append(index.root(file).find((*path, *field)))
        return found

    whole, each = answers(per_element=False), answers(per_element=True)
    differ = sum(not same(a, b) for a, b in zip(whole, each, strict=True))
    by_element = by_root = 0
    for files, wanted in asked:
        index = PositionIndex()
        for file, (text, data) in files.items():
            index.add(file, text, None, data)
        for file, path, _ in wanted:
            index.element(file, path)
        by_element += index.by_element
        by_root += index.by_root

    repos, files = len(repositories), len(texts)
    count = sum(len(wanted) for _, wanted in asked)
    print(f"{repos} repositories, {files} files, {sum(map(len, texts)) / 1e6:.1f} MB")
    print(f"locator accepts {files - declined}/{files} files, {wrong} differ from the exact reader")
    print(
        f"a check reports {count / repos:.1f} positions per repository in elements of "
        f"{sum(len({f for f, _, _ in w}) for _, w in asked) / repos:.1f} files; "
        f"{by_element}/{by_element + by_root} elements answered from their own lines, "
        f"{differ} answers differ"
    )
    rows = [
        ("whole files: exact reader", exact),
        ("whole files: locator", line_based),
        ("whole files: + fallback", with_fallback),
        ("check's positions: whole files", lambda: answers(per_element=False)),
        ("check's positions: per element", lambda: answers(per_element=True)),
    ]
    for name, run in rows:
        seconds = best(run, args.repeat)
        print(f"{name:>32}: {1000 * seconds / repos:7.2f} ms/repository")
    return 1 if wrong or differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
