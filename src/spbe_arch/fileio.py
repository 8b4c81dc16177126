"""The one writer: every file spbe-arch writes goes through this module.

Promises (see docs/security.md):

- **Atomic**: content goes to a temporary file in the target's folder, is flushed (and fsynced
  when ``durable``), then renamed over the target with :func:`os.replace`. A crash leaves the
  old file or the new one, never half; the temporary file is removed on any failure.
- **Permissions**: a new file gets the mode the process umask gives (0644 under umask 022),
  as ``open()`` would create it; an existing file keeps its permission bits.
- **Contained**: with ``root`` given, no write, rename or deletion happens whose *real* path
  (after following every symbolic link) leaves ``root``. A symbolic link whose target is inside
  ``root`` is written through (the link stays a link and its target gets the new content); one
  that leads outside is refused with :class:`OutsideFolderError`. ``..`` and absolute paths that
  leave ``root`` are refused the same way.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = [
    "OutsideFolderError",
    "contained",
    "is_inside",
    "new_file_mode",
    "remove_inside",
    "write_atomic",
]


class OutsideFolderError(ValueError):
    """A write or deletion would reach a real path outside the folder the user named."""

    def __init__(self, path: str | os.PathLike[str], root: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.root = os.fspath(root)
        super().__init__(f"{self.path}: outside {self.root}")


def new_file_mode() -> int:
    """The permission bits ``open()`` gives a new file under the current umask (0o644 under 022)."""
    umask = _current_umask()
    return 0o666 & ~umask


def _current_umask() -> int:
    # /proc/self/status has the umask without changing it (Linux ≥ 4.7); elsewhere the
    # classic set-and-restore, which is not thread-safe but is brief.
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def is_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Whether the real path of ``path`` is ``root``'s real path or below it."""
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def contained(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> Path:
    """The real path of ``path`` (relative paths are taken against ``root``), checked to be
    inside ``root``; :class:`OutsideFolderError` otherwise."""
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = Path(root) / candidate
    if not is_inside(candidate, root):
        raise OutsideFolderError(candidate, root)
    return Path(os.path.realpath(candidate))


def write_atomic(
    path: str | os.PathLike[str],
    content: str | bytes,
    *,
    durable: bool = True,
    root: str | os.PathLike[str] | None = None,
) -> Path:
    """Write ``content`` to ``path`` atomically and return the real path written.

    ``durable`` fsyncs the data (a user's model files are; caches and rebuildable diagrams need
    not be). With ``root``, the real path must stay inside it (see the module docstring). Text
    is written as UTF-8 with the newlines given.
    """
    target = Path(path)
    if root is not None:
        target = contained(target, root)
    elif target.is_symlink():
        target = Path(os.path.realpath(target))
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = new_file_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def remove_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Delete the file ``path`` if it is inside ``root``; return whether something was removed.

    A symbolic link is removed itself (its target is never touched), and only when the link's
    own location is inside ``root``. Folders are never removed. Anything outside ``root``
    raises :class:`OutsideFolderError`.
    """
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = Path(root) / candidate
    # The link's own folder must be inside root; the link's target does not matter.
    if not is_inside(candidate.parent, root):
        raise OutsideFolderError(candidate, root)
    location = Path(os.path.realpath(candidate.parent)) / candidate.name
    if location.is_symlink() or location.is_file():
        location.unlink()
        return True
    return False
