"""Position trees of model files, built when a problem first needs one."""

from __future__ import annotations

from collections.abc import Sequence

from spbe_arch.load.yamltext import parse_text
from spbe_arch.positions import Pos


class PositionIndex:
    """The position trees of the model files, computed when first asked.

    The loader reads a model file without positions (``parse_text(text, positions=False)``)
    and registers its text here; the first time a position in that file is needed (a rule or
    the loader reports something there), the same reader reads the same text again with
    positions. Same function, same text: the tree mirrors the loaded data node for node, and a
    clean file never pays for its positions. The text kept is the one loaded, so positions
    match the loaded data even when the file changed since.
    """

    def __init__(self) -> None:
        self._roots: dict[str, Pos] = {}
        self._texts: dict[str, str] = {}

    def add(self, file: str, text: str, root: Pos | None = None) -> None:
        """Register a file (by its displayed name) and its text, or its tree when known."""
        if root is not None:
            self._roots[file] = root
        else:
            self._texts[file] = text

    def root(self, file: str) -> Pos:
        """The position tree of a file (line 1, column 1 for a file that could not be read)."""
        found = self._roots.get(file)
        if found is None:
            text = self._texts.pop(file, None)
            pos = parse_text(text).pos if text is not None else None
            found = pos if pos is not None else Pos(1, 1)
            self._roots[file] = found
        return found

    def element(self, file: str, path: Sequence[str | int]) -> Pos:
        """``root(file).find(path)``: the node at ``path``, or its nearest existing ancestor."""
        return self.root(file).find(path)

    def computed(self) -> int:
        """How many files have a position tree in memory (for tests and benchmarks)."""
        return len(self._roots)
