"""Which folder each OPD owns: the folder of the file that declares it (one OPD per folder)."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable

from spbe_arch.model.arsitektur import Arsitektur


def relative_file(model: Arsitektur, shown: str) -> str:
    """A file as the loader shows it, relative to the repository (POSIX)."""
    return relative_to(model)(shown)


def relative_to(model: Arsitektur) -> Callable[[str], str]:
    """:func:`relative_file` for many files of one model: the repository's absolute path is
    taken once (a rule asks for every element's file; ``os.path.relpath`` takes both absolute
    paths each time)."""
    root = os.fspath(model.root)
    if root in ("", "."):
        return lambda shown: os.path.normpath(shown).replace(os.sep, "/")
    prefix = os.path.join(os.path.abspath(root), "")
    known: dict[str, str] = {}  # a file holds several elements

    def relative(shown: str) -> str:
        rel = known.get(shown)
        if rel is None:
            path = os.path.abspath(shown) if shown else ""
            # below the root: what relpath returns is the rest of the normalised absolute path
            if len(path) > len(prefix) > 1 and path.startswith(prefix):
                rel = path[len(prefix) :].replace(os.sep, "/")
            else:
                rel = os.path.relpath(shown, root).replace(os.sep, "/")
            known[shown] = rel
        return rel

    return relative


def opd_folders(model: Arsitektur) -> dict[str, str]:
    """OPD id → the folder (POSIX, relative to the repository) that holds its files.

    An OPD owns the folder of the file that declares it (``dinkes/opd.yaml`` → ``dinkes``) when
    that folder is below the repository's root and declares no other OPD. OPDs declared at the
    root, or several in one folder, own no folder: the repository is not laid out one folder
    per OPD there, and nothing is inferred.
    """
    found: dict[str, str] = {}
    count: dict[str, int] = {}
    relative = relative_to(model)
    for ident in model.opd:
        src = model.sumber.get(ident)
        if src is None:
            continue
        folder = posixpath.dirname(relative(src.file))
        if not folder or folder.startswith(".."):
            continue
        found[ident] = folder
        count[folder] = count.get(folder, 0) + 1
    return {ident: folder for ident, folder in found.items() if count[folder] == 1}


def inside(rel_file: str, folder: str) -> bool:
    """Whether a repository-relative file is in ``folder`` or below it."""
    return rel_file.startswith(folder.rstrip("/") + "/")
