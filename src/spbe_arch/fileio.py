"""Writing files atomically: a crash leaves either the old file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(
    path: str | os.PathLike[str], content: str | bytes, *, durable: bool = True
) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed (and, when ``durable``, fsynced: a user's model files are;
    caches and rebuildable diagrams need not be), then renamed over the target with
    :func:`os.replace`, which is atomic on POSIX and Windows. The target's permission bits are
    kept when it exists. Text is written as UTF-8 with the newlines given.
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
