"""The model repositories below a folder, and the fingerprint of the tool that checks them."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from spbe_arch.load.discover import CONFIG_NAME


def find_repositories(folder: str | os.PathLike[str]) -> list[str]:
    """Every model repository (a folder with ``spbe.yaml``) at or below ``folder``, sorted.

    Paths are displayed as ``folder`` joined with the relative path. A repository is not
    searched for further repositories (its own loader does not enter them either); hidden
    folders (``.git``, ``.spbe-cache``) are skipped; folder symlinks are followed once.
    """
    top = os.fspath(folder)
    found: list[str] = []
    seen: set[str] = set()
    stack = [top]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in seen:
            continue
        seen.add(real)
        if os.path.isfile(os.path.join(current, CONFIG_NAME)):
            found.append(os.path.normpath(current))
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
    return sorted(found)


def is_collection(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder without ``spbe.yaml`` that holds model repositories."""
    p = Path(path)
    return p.is_dir() and not (p / CONFIG_NAME).is_file() and bool(find_repositories(p))


@functools.cache
def tool_fingerprint() -> str:
    """SHA-256 of the tool's version, its source and data files, and the registered rules.

    Part of every cache key: a cached result is reused only by the very same code, catalogue
    and rule set (plug-in rules included by code; call after plug-ins are loaded).
    """
    from spbe_arch import __version__
    from spbe_arch.rules import REGISTRY

    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(f"spbe-arch {__version__}\0".encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    for code in sorted(REGISTRY):
        h.update(f"{code}\0{REGISTRY[code].severity.value}\0".encode())
    return h.hexdigest()
