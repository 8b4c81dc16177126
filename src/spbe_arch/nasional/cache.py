"""A folder of cached results: one JSON file per repository, written atomically.

Each record holds the repository's content key (the SHA-256 of everything its result depends
on, see :mod:`spbe_arch.nasional.worker`: a changed file, rule set, tool version or date gives
a new key), its outcome under that key, and, as git's index does, the stat signature of its
files and what the folder walk found, so an unchanged repository is answered without reading
or even listing its files. Records are JSON, not pickle, so a cache folder written by someone
else cannot run code; a record that does not parse is ignored (and rewritten after the check).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spbe_arch.fileio import write_atomic
from spbe_arch.load.discover import Discovery, FolderStat
from spbe_arch.load.source import SourceText, read_bytes
from spbe_arch.nasional.hasil import Outcome, from_json, to_json

CACHE_NAME = ".spbe-cache"
"""The default cache folder, inside the folder of repositories (hidden: never loaded)."""

FORMAT = "3"
"""Version of the record layout, part of every key (and of the folder name)."""

RACY_NS = 2_000_000_000
"""Files modified this recently (ns) are read even when their stat did not change."""


@dataclass(frozen=True, slots=True)
class Record:
    """What the last check of a repository left: its content key and outcome, the stat
    signature of its files (None when they were too fresh to be trusted), and the folder
    walk's findings (reused while no folder changed)."""

    key: str
    outcome: Outcome
    stat: str | None
    discovery: Discovery
    stored: dict[str, Any]
    """The outcome as stored (with the aplikasi lists even when ``outcome`` leaves them out):
    what :meth:`ResultCache.put` writes back when only the stat changed."""
    texts: dict[str, str]
    """The outcome's part of the text report, rendered, by :func:`text_key`."""


def text_key(lang: str, color: bool) -> str:
    """The key of a rendered text report part in a record (``id:0``)."""
    return f"{lang}:{int(color)}"


def _folder(raw: Any) -> FolderStat:
    rel, dev, ino, mtime, ctime = raw
    numbers = (dev, ino, mtime, ctime)
    if not isinstance(rel, str) or not all(type(n) is int for n in numbers):
        raise ValueError("malformed folder")
    return (rel, dev, ino, mtime, ctime)


class ResultCache:
    """One record per repository under ``folder/v<FORMAT>/<sha256(path)[:2]>/<…>.json``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder) / f"v{FORMAT}"

    def _path(self, repository: str) -> Path:
        name = hashlib.sha256(repository.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / name[:2] / f"{name}.json"

    def get(
        self, repository: str, *, digests: bool = True, text: str | None = None
    ) -> Record | None:
        """The record of a repository, or None (missing, unreadable or corrupted).

        ``digests=False``: the outcome without the summary's aplikasi lists (see
        ``hasil.from_json``). ``text``: a :func:`text_key`; when the record holds that
        rendering, the outcome carries it as ``text`` instead of its problems."""
        data = read_bytes(self._path(repository))  # bounded; a FIFO put there cannot block us
        if isinstance(data, SourceText):
            return None
        try:
            entry = json.loads(data)
            stat = entry["stat"]
            found = Discovery(
                files=[str(f) for f in entry["files"]],
                loops=[str(f) for f in entry["loops"]],
                unreadable=[(str(f), str(r)) for f, r in entry["unreadable"]],
                folders=[_folder(f) for f in entry["folders"]],
            )
            stored = entry["outcome"]
            texts = {str(k): str(v) for k, v in dict(entry.get("texts", {})).items()}
            rendered = texts.get(text) if text is not None else None
            outcome = from_json(stored, digests=digests, problems=rendered is None)
            outcome.text = rendered
            if outcome.summary.path != repository or not isinstance(entry["key"], str):
                return None  # another repository's record (a hash collision, or a copy)
            signature = str(stat) if stat is not None else None
            return Record(entry["key"], outcome, signature, found, stored, texts)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(
        self,
        repository: str,
        key: str,
        outcome: Outcome | dict[str, Any],
        signature: str,
        newest_ns: int,
        found: Discovery,
        texts: dict[str, str] | None = None,
    ) -> bool:
        """Store a repository's record atomically; False when the folder cannot be written.

        ``outcome`` is an :class:`Outcome`, or a stored one (:attr:`Record.stored`) unchanged;
        ``texts`` its renderings (:attr:`Record.texts`).

        The stat signature is left out when a file or folder was modified within the last
        two seconds: it could change again within the same timestamp tick without changing
        its stat ("racy git"), so the next run reads the files (and finds the content key).
        """
        newest = max([newest_ns, *(f[3] for f in found.folders)])
        record = {
            "key": key,
            "stat": signature if newest <= time.time_ns() - RACY_NS else None,
            "files": found.files,
            "loops": found.loops,
            "unreadable": found.unreadable,
            "folders": found.folders,
            "outcome": outcome if isinstance(outcome, dict) else to_json(outcome),
            "texts": texts or {},
        }
        path = self._path(repository)
        try:
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text, durable=False)
            return True
        except (OSError, ValueError, TypeError):
            return False  # a read-only folder: checking still works, just without a cache
