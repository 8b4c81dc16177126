"""The one writer: every file spbe-arch writes goes through this module.

Promises (see docs/security.md, "The writer"):

- **Atomic**: content goes to a temporary file in the target's folder, is flushed (and fsynced
  when ``durable``), then renamed over the target with :func:`os.replace`. A crash leaves the
  old file or the new one, never half; the temporary file is removed on any failure (an
  exception, a full disk, ``KeyboardInterrupt``).
- **Permissions**: a new file gets the mode the process umask gives (0644 under umask 022),
  exactly as ``open()`` would create it; an existing file keeps its permission bits.
- **Contained**: with ``root`` given, no write, rename, folder creation or deletion happens
  whose *real* path (after following every symbolic link) leaves ``root``. A symbolic link whose
  target is inside ``root`` is written through (the link stays a link and its target gets the
  new content); one that leads outside, directly or through a chain of links or a linked parent
  folder, is refused with :class:`OutsideFolderError`. ``..`` and absolute paths that leave
  ``root`` are refused the same way. A relative path is taken against the current folder when
  that lands inside ``root`` (``out / "a.svg"``), else against ``root`` (``"a.svg"``).
- **Regular files only**: a target that exists and is not a regular file (a FIFO, a device, a
  socket, a folder) is refused with :class:`NotRegularFileError`; it is never opened.
- The temporary file is created and renamed relative to an open handle on the checked folder
  (where the platform allows it), so swapping that folder for a link after the check cannot
  redirect the write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

__all__ = [
    "NotRegularFileError",
    "OutsideFolderError",
    "contained",
    "is_inside",
    "make_folder",
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

    def message(self, lang: str = "id") -> str:
        """The refusal in Bahasa Indonesia (``id``) or English (``en``), naming both paths."""
        if lang == "en":
            return (
                f"{self.path}: refused: its real path (after following symbolic links) is "
                f"outside {self.root}"
            )
        return (
            f"{self.path}: ditolak: jalur sebenarnya (setelah mengikuti tautan simbolik) berada "
            f"di luar {self.root}"
        )


class NotRegularFileError(OSError):
    """The target exists and is not a regular file (FIFO, device, socket, folder)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        super().__init__(f"{self.path}: not a regular file; not overwritten")

    def message(self, lang: str = "id") -> str:
        """The refusal in ``id`` or ``en``."""
        if lang == "en":
            return f"{self.path}: not a regular file (a folder, pipe or device); not overwritten"
        return f"{self.path}: bukan berkas biasa (folder, pipa atau perangkat); tidak ditimpa"


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


def _inside(real: str, base: str) -> bool:
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def is_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Whether the real path of ``path`` is ``root``'s real path or below it."""
    return _inside(os.path.realpath(path), os.path.realpath(root))


def _candidate(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> Path:
    """``path`` as the path to check: a relative path is taken against the current folder when
    that lands inside ``root`` (as ``open()`` takes it: ``write_atomic(out / "a.svg", …,
    root=out)``), else against ``root`` (``write_atomic("a.svg", …, root=out)``)."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate
    if _inside(os.path.abspath(candidate), os.path.abspath(root)):
        return candidate
    return Path(root) / candidate


def contained(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> Path:
    """The real path of ``path`` (a relative path as :func:`write_atomic` takes it), checked to
    be inside ``root``; :class:`OutsideFolderError` otherwise."""
    candidate = _candidate(path, root)
    real = os.path.realpath(candidate)
    if not _inside(real, os.path.realpath(root)):
        raise OutsideFolderError(candidate, root)
    return Path(real)


def make_folder(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> Path:
    """Create the folder ``path`` and its missing parents, every one inside ``root``.

    Each existing part is resolved (a linked folder inside ``root`` is used; one leading out is
    refused with :class:`OutsideFolderError` before anything is created). Returns the real
    path. ``root`` itself is created when missing (the folder the user named).
    """
    base = os.path.realpath(root)
    candidate = _candidate(path, root)
    real = os.path.realpath(candidate)
    if not _inside(real, base):
        raise OutsideFolderError(candidate, root)
    os.makedirs(real, exist_ok=True)
    # a part swapped for a link while it was being created would show here
    if not _inside(os.path.realpath(candidate), base):
        raise OutsideFolderError(candidate, root)
    return Path(real)


_DIR_FD = os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def write_atomic(
    path: str | os.PathLike[str],
    content: str | bytes,
    *,
    durable: bool = True,
    root: str | os.PathLike[str] | None = None,
    parents: bool = False,
    private: bool = False,
) -> Path:
    """Write ``content`` to ``path`` atomically and return the real path written.

    ``durable`` fsyncs the data (a user's model files are; caches and rebuildable diagrams need
    not be). With ``root``, the real path must stay inside it (see the module docstring).
    ``parents`` creates missing parent folders (inside ``root`` when given). ``private`` gives a
    new file mode 0600 whatever the umask (a secret). Text is written as UTF-8 with the
    newlines given.
    """
    if root is not None:
        target = contained(path, root)
        if os.fspath(target) == os.path.realpath(root):
            raise NotRegularFileError(target)  # the named folder itself is not a file
    else:
        target = Path(os.path.realpath(path))
    if parents:
        if root is not None:
            make_folder(target.parent, root)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = os.fspath(target.parent)
    name = target.name
    dir_fd: int | None = None
    if _DIR_FD:
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        if root is not None and dir_fd is not None:
            # the folder handle is what the rename uses: it must be the folder that was checked
            opened = os.fstat(dir_fd)
            checked = os.stat(contained(folder, root))
            if (opened.st_dev, opened.st_ino) != (checked.st_dev, checked.st_ino):
                raise OutsideFolderError(target, root)
        _write_in(folder, dir_fd, name, data, durable, 0o600 if private else 0o666)
    finally:
        if dir_fd is not None:
            os.close(dir_fd)
    return target


def _write_in(
    folder: str, dir_fd: int | None, name: str, data: bytes, durable: bool, mode: int
) -> None:
    """Write ``data`` to ``folder/name`` through a temporary file in the same folder."""
    where = name if dir_fd is not None else os.path.join(folder, name)
    try:
        existing: os.stat_result | None = os.stat(where, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise NotRegularFileError(os.path.join(folder, name))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp_name = f".{name}.{secrets.token_hex(4)}.tmp"
        tmp = tmp_name if dir_fd is not None else os.path.join(folder, tmp_name)
        try:
            # 0o666 and the umask: exactly the mode open() gives a new file
            fd = os.open(tmp, flags, mode, dir_fd=dir_fd)
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - a hundred random names taken
        raise FileExistsError(os.path.join(folder, f".{name}.*.tmp"))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if existing is not None:
                os.chmod(handle.fileno(), stat.S_IMODE(existing.st_mode))
            if durable:
                os.fsync(handle.fileno())
        if dir_fd is not None:
            os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        else:
            os.replace(tmp, where)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise
    if durable and dir_fd is not None:
        with contextlib.suppress(OSError):
            os.fsync(dir_fd)  # the rename itself survives a crash


def remove_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Delete the file ``path`` if it is inside ``root``; return whether something was removed.

    A symbolic link is removed itself (its target is never touched), and only when the link's
    own location is inside ``root``. Folders, FIFOs and devices are never removed. Anything
    outside ``root`` raises :class:`OutsideFolderError`.
    """
    candidate = _candidate(path, root)
    if candidate.name in ("", ".", ".."):
        raise OutsideFolderError(candidate, root)
    # The link's own folder must be inside root; the link's target does not matter.
    if not is_inside(candidate.parent, root):
        raise OutsideFolderError(candidate, root)
    location = Path(os.path.realpath(candidate.parent)) / candidate.name
    try:
        info = os.lstat(location)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a parent is a link loop: nothing there to remove
            return False
        raise
    if stat.S_ISLNK(info.st_mode) or stat.S_ISREG(info.st_mode):
        location.unlink()
        return True
    return False
