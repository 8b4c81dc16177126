"""Types of the compiled YAML reader (``_reader.pyx``); the public face is ``yamltext``."""

from typing import Any

import yaml

from spbe_arch.positions import Pos

LIBYAML_VERSION: str

Record = tuple[str, int, int, tuple[str | int, ...], Any]
"""``(kind, line, column, path, argument)`` of one problem (see ``_reader.pyx``)."""

def read(
    text: str, positions: bool, max_depth: int, max_expansion: int, max_scalar: int
) -> tuple[Any, Pos | None, list[Record], bool, yaml.YAMLError | None]: ...
