"""Which folder each OPD owns: the folder of the file that declares it (one OPD per folder)."""

from __future__ import annotations

import os
import posixpath

from spbe_arch.model.arsitektur import Arsitektur


def relative_file(model: Arsitektur, shown: str) -> str:
    """A file as the loader shows it, relative to the repository (POSIX)."""
    root = os.fspath(model.root)
    rel = os.path.relpath(shown, root) if root not in ("", ".") else os.path.normpath(shown)
    return rel.replace(os.sep, "/")


def opd_folders(model: Arsitektur) -> dict[str, str]:
    """OPD id → the folder (POSIX, relative to the repository) that holds its files.

    An OPD owns the folder of the file that declares it (``dinkes/opd.yaml`` → ``dinkes``) when
    that folder is below the repository's root and declares no other OPD. OPDs declared at the
    root, or several in one folder, own no folder: the repository is not laid out one folder
    per OPD there, and nothing is inferred.
    """
    found: dict[str, str] = {}
    count: dict[str, int] = {}
    for ident in model.opd:
        src = model.sumber.get(ident)
        if src is None:
            continue
        folder = posixpath.dirname(relative_file(model, src.file))
        if not folder or folder.startswith(".."):
            continue
        found[ident] = folder
        count[folder] = count.get(folder, 0) + 1
    return {ident: folder for ident, folder in found.items() if count[folder] == 1}


def inside(rel_file: str, folder: str) -> bool:
    """Whether a repository-relative file is in ``folder`` or below it."""
    return rel_file.startswith(folder.rstrip("/") + "/")
