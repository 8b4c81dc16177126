"""A repository read once: its file list and every file's bytes, for a content-keyed cache.

Checking many repositories keys each one's cached result by the bytes of its files. The
snapshot reads those bytes once, and :func:`~spbe_arch.load.repository.load` then loads from
the snapshot instead of reading every file a second time.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch.load.discover import CONFIG_NAME, Discovery, discover, outside_source
from spbe_arch.load.source import SourceText, read_with_stat


@dataclass(slots=True)
class Snapshot:
    """The model files below ``root`` (as :func:`discover` finds them) and their contents.

    ``data`` maps each relative POSIX path (``spbe.yaml`` included) to its bytes, or to the
    :class:`SourceText` problem that kept it from being read.
    """

    root: Path
    discovery: Discovery
    data: dict[str, bytes | SourceText] = field(default_factory=dict)
    stats: dict[str, os.stat_result | None] = field(default_factory=dict)
    """Each file's stat as its open file gave it while it was read (None: not opened)."""

    def digest(self, *salt: str) -> str:
        """SHA-256 of ``salt`` and every file's relative path and bytes (or read failure)."""
        h = hashlib.sha256()
        for part in salt:
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        for rel in sorted(self.data):
            content = self.data[rel]
            h.update(rel.encode("utf-8", "surrogatepass") + b"\0")
            if isinstance(content, bytes):
                h.update(b"B%d\0" % len(content))
                h.update(content)
            else:
                problems = ";".join(f"{p.code}:{p.message}" for p in content.problems)
                h.update(b"E" + problems.encode("utf-8", "surrogatepass") + b"\0")
        for rel in self.discovery.loops:
            h.update(b"L" + rel.encode("utf-8", "surrogatepass") + b"\0")
        for rel, reason in self.discovery.unreadable:
            h.update(b"U" + f"{rel}\0{reason}".encode("utf-8", "surrogatepass") + b"\0")
        for rel in self.discovery.outside:
            h.update(b"O" + rel.encode("utf-8", "surrogatepass") + b"\0")
        return h.hexdigest()


def take_snapshot(root: Path, found: Discovery | None = None) -> Snapshot:
    """Discover the model files below ``root`` and read each one (``spbe.yaml`` first)."""
    found = found if found is not None else discover(root)
    snap = Snapshot(root, found)
    top = os.fspath(root)
    for rel in (CONFIG_NAME, *found.files):
        if rel in found.outside:  # only spbe.yaml can be both: never read through the link
            snap.data[rel], snap.stats[rel] = outside_source(), None
            continue
        snap.data[rel], snap.stats[rel] = read_with_stat(os.path.join(top, rel))
    return snap


def stat_signature(
    root: Path,
    found: Discovery,
    *salt: str,
    known: Mapping[str, os.stat_result | None] | None = None,
) -> tuple[str, int]:
    """SHA-256 of ``salt`` and every file's path, size, modification time and inode.

    Like git's index: when nothing's stat changed, the content key recorded for this signature
    still holds and no file needs reading. Returns the digest and the newest modification time
    (ns), so a caller can refuse to trust a signature taken while files were still changing.
    ``known`` gives stats already taken (:attr:`Snapshot.stats`, from the open files: the same
    values ``os.stat`` gives, without another system call per file).
    """
    known = known or {}
    h = hashlib.sha256()
    for part in salt:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    # This runs for every file of every repository on each re-check (most of a warm run):
    # the parts are joined once and hashed in one call, paths built by concatenation.
    prefix = os.path.join(os.fspath(root), "")
    newest = 0
    parts: list[bytes] = []
    for rel in (CONFIG_NAME, *found.files):
        parts.append(rel.encode("utf-8", "surrogatepass") + b"\0")
        info = known.get(rel)
        if info is None:
            try:
                info = os.stat(prefix + rel)
            except OSError as exc:
                parts.append(b"E%d\0" % (exc.errno or 0))
                continue
        if info.st_mtime_ns > newest:
            newest = info.st_mtime_ns
        parts.append(
            b"%d:%d:%d:%d\0" % (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        )
    h.update(b"".join(parts))
    for rel in found.loops:
        h.update(b"L" + rel.encode("utf-8", "surrogatepass") + b"\0")
    for rel, reason in found.unreadable:
        h.update(b"U" + f"{rel}\0{reason}".encode("utf-8", "surrogatepass") + b"\0")
    for rel in found.outside:
        h.update(b"O" + rel.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest(), newest
