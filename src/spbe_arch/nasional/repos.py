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
    folders (``.git``, ``.spbe-cache``) are skipped; folder symlinks are followed once: a link
    to a repository wherever it is (how a corpus is assembled from links), a link to another
    folder only when its real path stays inside ``folder`` (see :func:`find_links_out`).
    """
    return sorted(path for kind, path in walk_repositories(folder) if kind == "repo")


def find_links_out(folder: str | os.PathLike[str]) -> list[str]:
    """The folder links below ``folder`` (outside any repository) whose real path leaves it
    and that are not a repository themselves: not searched, reported by the check at the
    link's own place (docs/security.md)."""
    return sorted(path for kind, path in walk_repositories(folder) if kind == "outside")


def walk_repositories(folder: str | os.PathLike[str]) -> Iterator[tuple[str, str]]:
    """("repo", path) for each repository below ``folder`` and ("outside", path) for each
    folder link leaving it, in the order the walk finds them."""
    top = os.fspath(folder)
    base = os.path.realpath(top)
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
            yield "repo", os.path.normpath(current)
            continue
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if not entry.is_dir():
                    continue
                path = os.path.join(current, entry.name)
                if entry.is_symlink() and not os.path.isfile(os.path.join(path, CONFIG_NAME)):
                    # A link straight to a repository is how a corpus is assembled (and each
                    # repository keeps its own files inside its own folder); a link to any
                    # other folder outside is not searched (it could be / or a home folder).
                    real = os.path.realpath(path)
                    if not (real == base or real.startswith(base.rstrip(os.sep) + os.sep)):
                        yield "outside", os.path.normpath(path)
                        continue
                stack.append(path)
            except OSError:
                continue


def is_collection(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder without ``spbe.yaml`` that holds model repositories."""
    p = Path(path)
    # the first repository found answers: the whole walk is left to the check itself
    return (
        p.is_dir()
        and not (p / CONFIG_NAME).is_file()
        and any(kind == "repo" for kind, _ in walk_repositories(p))
    )


PLUGIN_GROUP = "spbe_arch.rules"
"""The entry point group of rule plug-ins (``spbe_arch.rules.ENTRY_POINT_GROUP``, repeated here
so that computing the fingerprint does not import the rules)."""


def _package_files(package: str) -> list[str]:
    """Every file of the installed package (relative POSIX paths, sorted), ``__pycache__``
    and other hidden or compiled files left out."""
    out: list[str] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        with os.scandir(os.path.join(package, rel) if rel else package) as scan:
            for entry in scan:
                name = entry.name
                if name.startswith(".") or name == "__pycache__" or name.endswith(".pyc"):
                    continue
                path = f"{rel}/{name}" if rel else name
                if entry.is_dir():
                    stack.append(path)
                elif entry.is_file():
                    out.append(path)
    return sorted(out)


def package_digest(package: str | os.PathLike[str]) -> str:
    """SHA-256 of every file of a package folder: each relative path, size and bytes."""
    top = os.fspath(package)
    h = hashlib.sha256()
    for rel in _package_files(top):
        with open(os.path.join(top, rel), "rb") as handle:
            data = handle.read()
        h.update(b"%s\0%d\0" % (rel.encode("utf-8", "surrogateescape"), len(data)))
        h.update(data)
    return h.hexdigest()


@functools.cache
def tool_fingerprint() -> str:
    """SHA-256 of the tool's version, the content of every file of the package (code,
    catalogues, evaluation regimes, Aplikasi Umum list, schemas), and the rule plug-ins.

    Part of every cache key: a cached result is reused only by the very same code, catalogue
    and rule set. Files count by their bytes, not their size and modification time: an edit
    that keeps the size and restores the time (or a checkout that sets every time alike) is
    still a different tool. Hashing the package's ~1.1 MB costs about 10 ms, once per process
    (docs/performance.md). Plug-in rules count by their entry points (name, target,
    distribution and its version), read from the installed metadata without importing them:
    a run answered from the cache imports no rule.
    """
    from importlib.metadata import entry_points

    from spbe_arch.version import __version__

    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    h = hashlib.sha256(f"spbe-arch {__version__}\0".encode())
    h.update(package_digest(package).encode() + b"\0")
    plugins = sorted(
        (ep.name, ep.value, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else "")
        for ep in entry_points(group=PLUGIN_GROUP)
    )
    for plugin in plugins:
        h.update("\0".join(plugin).encode() + b"\0\0")
    return h.hexdigest()
