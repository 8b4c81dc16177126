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


def discover(root: Path | str) -> Discovery:
    """Every ``*.yaml``/``*.yml`` below ``root`` except ``spbe.yaml`` and hidden folders.

    A sub-folder with its own ``spbe.yaml`` is another repository and is not entered. Folder
    symlinks are followed once: a link back into a folder already visited is reported as a loop.
    Folders are told apart by (device, inode), and paths are plain strings: this walk runs over
    every folder of a national corpus, where ``pathlib`` and ``realpath`` dominated its cost.
    """
    found = Discovery()
    top = os.fspath(root)
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(top, "")]  # (path, relative POSIX path of the folder)
    while stack:
        folder, rel_folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError as exc:
            found.unreadable.append((rel_folder or ".", exc.strerror or str(exc)))
            continue
        ident = (info.st_dev, info.st_ino)
        if ident in seen:
            found.loops.append(rel_folder)
            continue
        seen.add(ident)
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            found.unreadable.append((rel_folder or ".", exc.strerror or str(exc)))
            continue
        prefix = f"{rel_folder}/" if rel_folder else ""
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                # a link back to a visited folder (even the root) is a loop, not a nested repo
                if os.path.exists(os.path.join(entry.path, CONFIG_NAME)):
                    try:
                        target = os.stat(entry.path)
                    except OSError:
                        continue
                    if (target.st_dev, target.st_ino) not in seen:
                        continue
                stack.append((entry.path, prefix + name))
            elif name.endswith(SUFFIXES):
                rel = prefix + name
                if rel != CONFIG_NAME:
                    found.files.append(rel)
    found.files.sort()
    return found
