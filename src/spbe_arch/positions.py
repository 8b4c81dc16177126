"""Source positions of every node of a YAML document, and lookup by key path."""

from __future__ import annotations

from collections.abc import Sequence


class Pos:
    """Where one YAML node stands (1-based line and column), and where its children stand.

    A mapping has ``keys`` (the position of each key) and ``items`` (the position of each value,
    by key); a sequence has ``items`` as a list; a scalar has neither.
    """

    __slots__ = ("column", "end_column", "end_line", "items", "keys", "line")

    def __init__(
        self,
        line: int,
        column: int,
        end_line: int = 0,
        end_column: int = 0,
        keys: dict[str, Pos] | None = None,
        items: dict[str, Pos] | list[Pos] | None = None,
    ) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line or line
        self.end_column = end_column or column
        self.keys = keys
        self.items = items

    def __repr__(self) -> str:
        return f"Pos({self.line}:{self.column})"

    def child(self, part: str | int) -> Pos | None:
        """The position of one child value, or None when there is no such child."""
        items = self.items
        if isinstance(items, dict) and isinstance(part, str):
            return items.get(part)
        if isinstance(items, list) and isinstance(part, int) and 0 <= part < len(items):
            return items[part]
        return None

    def key(self, name: str) -> Pos | None:
        """The position of a key of this mapping."""
        return self.keys.get(name) if self.keys else None

    def find(self, path: Sequence[str | int], *, key: bool = False) -> Pos:
        """The node at ``path``, or the nearest existing ancestor when the path goes missing.

        With ``key=True`` and a path ending in a mapping key, the position of that key itself
        (where an unknown key is written) rather than of its value.
        """
        node = self
        for i, part in enumerate(path):
            if key and i == len(path) - 1 and isinstance(part, str):
                k = node.key(part)
                if k is not None:
                    return k
            nxt = node.child(part)
            if nxt is None:
                return node
            node = nxt
        return node
