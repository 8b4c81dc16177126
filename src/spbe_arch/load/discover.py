"""Finding the model files of a repository: any layout, symlink loops and nested repos handled."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from spbe_arch.load.source import RawProblem, SourceText
from spbe_arch.messages import LocalizedError

CONFIG_NAME = "spbe.yaml"
SUFFIXES = (".yaml", ".yml")

OUTSIDE_CODE = "SPBE-YAML-013"
"""The problem reported at a symbolic link whose real path leaves the repository."""

OUTSIDE_MESSAGE = (
    "tautan simbolik menunjuk ke luar folder repositori; tidak dibaca (salin berkasnya ke dalam "
    "repositori bila memang bagian dari model)",
    "symbolic link points outside the repository folder; not read (copy the file into the "
    "repository if it is part of the model)",
)


def outside_source() -> SourceText:
    """What reading a link that leaves the repository gives: no text, one located problem."""
    return SourceText(None, [RawProblem(OUTSIDE_CODE, 1, 1, *OUTSIDE_MESSAGE)])


class ModelRepositoryError(LocalizedError):
    """The path is not a model repository (no ``spbe.yaml``): a usage error, not a model problem."""


@dataclass(slots=True)
class Discovery:
    """The model files found below a root (relative POSIX paths, sorted) and what was skipped."""

    files: list[str] = field(default_factory=list)
    loops: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    """Symbolic links (to a model file, a folder or ``spbe.yaml`` itself) whose real path is
    outside the repository: reported at the link's own location and never read or entered
    (see docs/security.md, "Reading a repository")."""
    folders: list[FolderStat] = field(default_factory=list, compare=False)
    """Every folder the walk looked at, with its stat: while none of them changes (a file or
    folder added, removed, renamed or re-linked changes its folder's modification time; a
    permission change its change time), the walk would find the same (see :func:`unchanged`)."""


FolderStat = tuple[str, int, int, int, int]
"""A folder's relative POSIX path ("" for the root), device, inode, modification and change
times (ns); all four numbers are 0 for a folder that could not be read."""


def folder_stat(top: str, rel: str) -> FolderStat:
    """The :data:`FolderStat` of ``rel`` below ``top`` now."""
    try:
        info = os.stat(os.path.join(top, rel) if rel else top)
    except OSError:
        return (rel, 0, 0, 0, 0)
    return (rel, info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)


def unchanged(root: Path | str, folders: list[FolderStat]) -> bool:
    """Whether every folder a walk recorded still has the same stat (then the walk would find
    the same files: a re-check skips it, as git does with its index)."""
    top = os.fspath(root)
    return bool(folders) and all(folder_stat(top, f[0]) == f for f in folders)


_name = attrgetter("name")


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _leaves(path: str, base: str) -> bool:
    """Whether the real path of ``path`` (a symbolic link) is outside the real folder ``base``."""
    real = os.path.realpath(path)
    return not (real == base or real.startswith(base.rstrip(os.sep) + os.sep))


def config_outside(root: Path | str) -> bool:
    """Whether ``root``'s ``spbe.yaml`` is a symbolic link whose real path leaves ``root``."""
    top = os.fspath(root)
    config = os.path.join(top, CONFIG_NAME)
    return os.path.islink(config) and _leaves(config, os.path.realpath(top))


def discover(root: Path | str) -> Discovery:
    """Every ``*.yaml``/``*.yml`` below ``root`` except ``spbe.yaml`` and hidden folders.

    A sub-folder with its own ``spbe.yaml`` is another repository and is not entered. Folder
    symlinks are followed once: a link back into a folder already visited is reported as a loop.
    Folders are told apart by (device, inode), and paths are plain strings: this walk runs over
    every folder of a national corpus, where ``pathlib`` and ``realpath`` dominated its cost.
    """
    found = Discovery()
    top = os.fspath(root)
    base = os.path.realpath(top)
    if config_outside(top):
        found.outside.append(CONFIG_NAME)
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(top, "")]  # (path, relative POSIX path of the folder)
    while stack:
        folder, rel_folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError as exc:
            found.unreadable.append((rel_folder or ".", exc.strerror or str(exc)))
            found.folders.append((rel_folder, 0, 0, 0, 0))
            continue
        found.folders.append(
            (rel_folder, info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        )
        ident = (info.st_dev, info.st_ino)
        if ident in seen:
            # a link back to a visited folder (even the root, which has spbe.yaml) is a loop
            found.loops.append(rel_folder)
            continue
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            found.unreadable.append((rel_folder or ".", exc.strerror or str(exc)))
            continue
        prefix = f"{rel_folder}/" if rel_folder else ""
        folders = []
        files = []
        nested = False
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.is_symlink() and _leaves(entry.path, base):
                    found.outside.append(prefix + name)
                else:
                    folders.append(entry)
            elif name.endswith(SUFFIXES):
                if name == CONFIG_NAME:
                    if not rel_folder:
                        continue
                    if _is_file(entry):
                        nested = True  # another repository (even one linked from outside)
                        continue
                if entry.is_symlink() and _leaves(entry.path, base):
                    found.outside.append(prefix + name)
                else:
                    files.append(prefix + name)
        if nested:
            continue  # another repository (not marked as seen: a link to it is skipped too)
        seen.add(ident)
        found.files += files
        # Folders are entered in name order (the order decides which of two links to one folder
        # is the loop); the files are sorted once at the end.
        folders.sort(key=_name)
        stack.extend((entry.path, prefix + entry.name) for entry in folders)
    found.files.sort()
    found.outside.sort()
    return found
