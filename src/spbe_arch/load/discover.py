"""Finding the model files of a repository: any layout, symlink loops and nested repos handled."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_NAME = "spbe.yaml"
SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class Discovery:
    """The model files found below a root (relative POSIX paths, sorted) and what was skipped."""

    files: list[str] = field(default_factory=list)
    loops: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def discover(root: Path) -> Discovery:
    """Every ``*.yaml``/``*.yml`` below ``root`` except ``spbe.yaml`` and hidden folders.

    A sub-folder with its own ``spbe.yaml`` is another repository and is not entered. Folder
    symlinks are followed once: a link back into a folder already visited is reported as a loop.
    """
    found = Discovery()
    seen: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        rel_folder = folder.relative_to(root).as_posix()
        if real in seen:
            found.loops.append(rel_folder)
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.unreadable.append((rel_folder, exc.strerror or str(exc)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                # a link back to a visited folder (even the root) is a loop, not a nested repo
                nested = (path / CONFIG_NAME).exists()
                if nested and os.path.realpath(path) not in seen:
                    continue
                stack.append(path)
            elif entry.name.endswith(SUFFIXES):
                rel = path.relative_to(root).as_posix()
                if rel != CONFIG_NAME:
                    found.files.append(rel)
    found.files.sort()
    return found
