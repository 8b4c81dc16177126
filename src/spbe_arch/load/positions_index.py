"""Positions computed on demand for files loaded by the fast path."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.load.source import read_source
from spbe_arch.load.yamltext import parse_text
from spbe_arch.positions import Pos


class PositionIndex:
    """The root position tree of each model file, parsed by the exact reader when first asked.

    Files the loader read exactly register their tree at once; files read by the fast path
    register only their path, and are re-read and parsed the first time a position is needed.
    """

    def __init__(self) -> None:
        self._roots: dict[str, Pos] = {}
        self._paths: dict[str, Path] = {}

    def add(self, file: str, path: Path, root: Pos | None) -> None:
        """Register a file (by its displayed name) and, if known, its position tree."""
        self._paths[file] = path
        if root is not None:
            self._roots[file] = root

    def root(self, file: str) -> Pos:
        """The position tree of a file (line 1, column 1 when it cannot be read any more)."""
        found = self._roots.get(file)
        if found is not None:
            return found
        path = self._paths.get(file)
        pos: Pos | None = None
        if path is not None:
            source = read_source(path)
            if source.text is not None:
                pos = parse_text(source.text).pos
        found = pos if pos is not None else Pos(1, 1)
        self._roots[file] = found
        return found

    def computed(self) -> int:
        """How many files have a position tree in memory (for tests and benchmarks)."""
        return len(self._roots)
