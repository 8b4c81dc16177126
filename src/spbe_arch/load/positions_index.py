"""Positions computed on demand for files loaded by the fast path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spbe_arch.load import fastpath
from spbe_arch.load.linepos import Outline, locate, outline
from spbe_arch.load.yamltext import parse_text
from spbe_arch.positions import Pos


class PositionIndex:
    """The position trees of the model files, computed when first asked.

    Files the loader read exactly register their tree at once; files read by the fast path
    register their text (and the data read from it), and are located the first time a position
    is needed. The text is the one that was loaded: positions always match the loaded data,
    even when the file changed since (and re-reading it cost as much as locating).

    :meth:`element` gives the node of one element (an item of a top-level sequence) from the
    file's outline (:meth:`~spbe_arch.load.linepos.Outline.item`): the field a rule reports is
    then located from that field's lines only, and the whole element from its own lines when
    read whole. When the outline cannot be trusted or the lines are outside the locator's
    subset, and for :meth:`root`, the whole file's tree comes from the line-based locator
    (:func:`~spbe_arch.load.linepos.locate`), or from the exact reader when the locator
    declines the text. All give exactly the exact reader's nodes. ``SPBE_ARCH_EXACT=1`` asks
    for the exact reader only.

    There is no switch to the whole file when many elements of one file are asked for: on the
    benchmark corpus, one field of every element of a file costs about half as much as locating
    the whole file, three fields about as much, and every element read whole about 1.2 times as
    much; a check asks for one or two elements per file.
    """

    def __init__(self) -> None:
        self._roots: dict[str, Pos] = {}
        self._texts: dict[str, str] = {}
        self._data: dict[str, Any] = {}
        self._outlines: dict[str, Outline | None] = {}
        self._items: dict[tuple[str, str, int], Pos] = {}
        self._fast = fastpath.enabled()
        """Whether the fast path's locator may be used (read once: ``SPBE_ARCH_EXACT`` is an
        environment lookup, which cost as much as a field's position when read per file)."""
        self.by_element = 0
        """Calls of :meth:`element` answered by a node located from the element's own lines
        (for tests and benchmarks)."""
        self.by_root = 0
        """Calls of :meth:`element` answered from the whole file's tree, and nodes answered
        from the element's lines that needed it later."""

    def add(self, file: str, text: str, root: Pos | None, data: Any = None) -> None:
        """Register a file (by its displayed name), its text and, if known, its position tree.

        ``data`` is what the fast path read from ``text`` (kept as it is: it must not be changed
        afterwards, the outline checks the text against it); without it, positions are only
        computed for the whole file.
        """
        if root is not None:
            self._roots[file] = root
        else:
            self._texts[file] = text
            if data is not None:
                self._data[file] = data

    def root(self, file: str) -> Pos:
        """The position tree of a file (line 1, column 1 for a file that could not be read)."""
        found = self._roots.get(file)
        if found is not None:
            return found
        text = self._texts.pop(file, None)
        self._data.pop(file, None)
        self._outlines.pop(file, None)
        pos: Pos | None = None
        if text is not None:
            pos = locate(text) if self._fast else None
            if pos is None:
                pos = parse_text(text).pos
        found = pos if pos is not None else Pos(1, 1)
        self._roots[file] = found
        return found

    def element(self, file: str, path: Sequence[str | int]) -> Pos:
        """``root(file).find(path)`` for the path of an element, ``(section, index, ...)``,
        located from the element's own lines when possible."""
        root = self._roots.get(file)
        if root is None and len(path) >= 2:
            section, index = path[0], path[1]
            if isinstance(section, str) and isinstance(index, int):
                key = (file, section, index)
                item = self._items.get(key)
                if item is None:
                    found = self._outline(file)
                    if found is not None:
                        item = found.item(section, index, lambda: self._whole(file, path))
                        if item is not None:
                            self._items[key] = item
                if item is not None:
                    self.by_element += 1
                    return item.find(path[2:]) if len(path) > 2 else item
        self.by_root += 1
        return (root or self.root(file)).find(path)

    def _whole(self, file: str, path: Sequence[str | int]) -> Pos:
        """An element's node from the whole file's tree (when its own lines cannot tell)."""
        self.by_root += 1
        return self.root(file).find(path[:2])

    def _outline(self, file: str) -> Outline | None:
        if file in self._outlines:
            return self._outlines[file]
        text = self._texts.get(file)
        data = self._data.get(file)
        found: Outline | None = None
        if text is not None and data is not None and self._fast:
            found = outline(text, data)
        self._outlines[file] = found
        return found

    def computed(self) -> int:
        """How many files have a position tree in memory (for tests and benchmarks)."""
        return len(self._roots)
