"""The model repositories below a folder, and the fingerprint of the tool that checks them."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from spbe_arch.load.discover import CONFIG_NAME


def find_repositories(folder: str | os.PathLike[str]) -> list[str]:
    """Every model repository (a folder with ``spbe.yaml``) at or below ``folder``, sorted.

    Paths are displayed as ``folder`` joined with the relative path. A repository is not
    searched for further repositories (its own loader does not enter them either); hidden
    folders (``.git``, ``.spbe-cache``) are skipped; folder symlinks are followed once.
    """
    return sorted(_repositories(folder))


def _repositories(folder: str | os.PathLike[str]) -> Iterator[str]:
    """The repositories below ``folder``, in the order the walk finds them."""
    top = os.fspath(folder)
    seen: set[tuple[int, int]] = set()  # folders by (device, inode): a link is followed once
    stack = [top]
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        if os.path.isfile(os.path.join(current, CONFIG_NAME)):
            yield os.path.normpath(current)
            continue
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    stack.append(os.path.join(current, entry.name))
            except OSError:
                continue


def is_collection(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder without ``spbe.yaml`` that holds model repositories."""
    p = Path(path)
    # the first repository found answers: the whole walk is left to the check itself
    return (
        p.is_dir() and not (p / CONFIG_NAME).is_file() and next(_repositories(p), None) is not None
    )


PLUGIN_GROUP = "spbe_arch.rules"
"""The entry point group of rule plug-ins (``spbe_arch.rules.ENTRY_POINT_GROUP``, repeated here
so that computing the fingerprint does not import the rules)."""


@functools.cache
def tool_fingerprint() -> str:
    """SHA-256 of the tool's version, its source and data files (path, size, modification
    time), and the rule plug-ins.

    Part of every cache key: a cached result is reused only by the very same code, catalogue
    and rule set. Plug-in rules count by their entry points (name, target, distribution and
    its version), read from the installed metadata without importing them: a run answered
    from the cache imports no rule.
    """
    from importlib.metadata import entry_points

    from spbe_arch.version import __version__

    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(f"spbe-arch {__version__}\0".encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and "__pycache__" not in path.parts:
            # each file by its size and modification time, as the cache treats model files
            # (reading and hashing them all was a twentieth of a check answered from the cache)
            info = path.stat()
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(b"%d:%d\0" % (info.st_size, info.st_mtime_ns))
    plugins = sorted(
        (ep.name, ep.value, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else "")
        for ep in entry_points(group=PLUGIN_GROUP)
    )
    for plugin in plugins:
        h.update("\0".join(plugin).encode() + b"\0\0")
    return h.hexdigest()
