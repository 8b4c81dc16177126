"""A folder of cached results: one JSON file per repository, written atomically.

Each record holds the repository's content key (the SHA-256 of everything its result depends
on, see :mod:`spbe_arch.nasional.worker`: a changed file, rule set, tool version or date gives
a new key), its outcome under that key, and, as git's index does, the stat signature of its
files and what the folder walk found, so an unchanged repository is answered without reading
or even listing its files.

A cache folder is data, never instructions (docs/security.md, "Caches"): whoever can write
into it (a pull request that commits a ``.spbe-cache``, another user) must not be able to make
a repository with errors report clean, nor make the tool read a file outside the repository.
So:

- Records are JSON, not pickle: a record cannot run code.
- Every record is sealed with an HMAC-SHA256 over its bytes, keyed by a secret of this user
  kept outside any checked folder (:func:`cache_secret`). A record this user's tool did not
  write (planted, copied from another machine, edited) fails the seal and is ignored: the
  repository is checked afresh and the record rewritten. Without a usable secret there is no
  cache at all.
- A sealed record is still validated: its layout version, that it names this repository,
  every field's type, and that every path it lists is a plain relative path inside the
  repository (no ``..``, no absolute path, no hidden folder).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import re
import secrets
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

FORMAT = "4"
"""Version of the record layout, part of every key (and of the folder name)."""

RACY_NS = 2_000_000_000
"""Files modified this recently (ns) are read even when their stat did not change."""

SECRET_ENV = "SPBE_ARCH_CACHE_SECRET"
"""An environment variable that, when set, is the secret sealing cache records (for a CI
that restores its cache folder on fresh machines: keep it in the CI's secret store)."""

SECRET_FILE = "kunci-cache"
"""The secret's file name in the user's cache folder (``$XDG_CACHE_HOME/spbe-arch``)."""

_HEX64 = re.compile("[0-9a-f]{64}")


def secret_path() -> Path:
    """Where this user's cache secret lives: ``$XDG_CACHE_HOME/spbe-arch/kunci-cache``
    (``~/.cache`` when unset; ``%LOCALAPPDATA%`` on Windows)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    folder = Path(base) if base else Path.home() / ".cache"
    return folder / "spbe-arch" / SECRET_FILE


@functools.cache
def _secret_at(path: str, env: str | None) -> bytes | None:
    if env:
        return env.encode("utf-8", "surrogatepass")
    data = read_bytes(path)
    if isinstance(data, bytes) and len(data.strip()) >= 32:
        return data.strip()
    try:
        token = secrets.token_hex(32)
        write_atomic(path, token + "\n", root=os.path.dirname(path), parents=True, private=True)
    except (OSError, ValueError):
        return None  # no home to keep a secret in: no cache (never an unsealed one)
    return token.encode()


def cache_secret() -> bytes | None:
    """The secret that seals this user's cache records (created on first use, mode 0600), or
    None when it can neither be read nor created."""
    return _secret_at(os.fspath(secret_path()), os.environ.get(SECRET_ENV))


def seal(secret: bytes, body: bytes) -> bytes:
    """A record as stored: the HMAC-SHA256 of ``body`` in hex, a line break, ``body``."""
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode() + b"\n" + body


def unseal(secret: bytes, data: bytes) -> bytes | None:
    """The body of a stored record when its seal is right, else None."""
    mac, sep, body = data.partition(b"\n")
    if not sep:
        return None
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest().encode()
    return body if hmac.compare_digest(mac, expected) else None


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


def inside_relative(rel: Any) -> bool:
    """Whether ``rel`` is a relative POSIX path the folder walk could have found: no ``..``,
    ``.`` or empty part, not absolute, no hidden part, no NUL or backslash."""
    if not isinstance(rel, str) or not rel or "\0" in rel or "\\" in rel:
        return False
    return not rel.startswith("/") and all(
        part and not part.startswith(".") for part in rel.split("/")
    )


def _paths(raw: Any) -> list[str]:
    if not isinstance(raw, list) or not all(inside_relative(rel) for rel in raw):
        raise ValueError("a path outside the repository")
    return list(raw)


def _folder(raw: Any) -> FolderStat:
    rel, dev, ino, mtime, ctime = raw
    numbers = (dev, ino, mtime, ctime)
    if not (rel == "" or inside_relative(rel)) or not all(type(n) is int for n in numbers):
        raise ValueError("malformed folder")
    return (rel, dev, ino, mtime, ctime)


def _discovery(entry: dict[str, Any]) -> Discovery:
    unreadable = []
    for rel, reason in entry["unreadable"]:
        if not (rel == "." or inside_relative(rel)) or not isinstance(reason, str):
            raise ValueError("malformed unreadable folder")
        unreadable.append((rel, reason))
    folders = [_folder(f) for f in entry["folders"]]
    if not folders or folders[0][0] != "" or folders[0][2] == 0:
        raise ValueError("the walk did not start at the repository")
    return Discovery(
        files=_paths(entry["files"]),
        loops=_paths(entry["loops"]),
        unreadable=unreadable,
        outside=_paths(entry["outside"]),
        folders=folders,
    )


class ResultCache:
    """One record per repository under ``folder/v<FORMAT>/<sha256(path)[:2]>/<…>.json``."""

    def __init__(
        self, folder: str | os.PathLike[str], *, within: str | os.PathLike[str] | None = None
    ) -> None:
        self.root = Path(within if within is not None else folder)
        """The folder the user named (the cache folder, or the folder of repositories holding
        the default ``.spbe-cache``): nothing is written outside it."""
        self.folder = Path(folder) / f"v{FORMAT}"
        """Where the records are: always inside the cache folder (``within`` only bounds the
        writes; it is not where they go)."""
        self.secret = cache_secret()
        self.ignored = False
        """Whether the last :meth:`get` found a record and refused it (seal or validation)."""

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
        self.ignored = False
        if self.secret is None:
            return None
        data = read_bytes(self._path(repository))  # bounded; a FIFO put there cannot block us
        if isinstance(data, SourceText):
            return None
        record = self._record(repository, data, digests, text)
        self.ignored = record is None
        return record

    def _record(
        self, repository: str, data: bytes, digests: bool, text: str | None
    ) -> Record | None:
        """The record in ``data`` when it is sealed by this user's tool and valid, else None."""
        assert self.secret is not None
        body = unseal(self.secret, data)
        if body is None:
            return None  # not written by this user's tool: planted, copied or edited
        try:
            entry = json.loads(body)
            if entry["format"] != FORMAT or entry["repository"] != repository:
                return None  # another layout, or another repository's record (a copy)
            key, stat = entry["key"], entry["stat"]
            if not (isinstance(key, str) and _HEX64.fullmatch(key)):
                return None
            if stat is not None and not (isinstance(stat, str) and _HEX64.fullmatch(stat)):
                return None
            found = _discovery(entry)
            stored = entry["outcome"]
            texts = {str(k): str(v) for k, v in dict(entry.get("texts", {})).items()}
            rendered = texts.get(text) if text is not None else None
            outcome = from_json(stored, digests=digests, problems=rendered is None)
            outcome.text = rendered
            if outcome.summary.path != repository:
                return None
            return Record(key, outcome, stat, found, stored, texts)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
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
        if self.secret is None:
            return False
        newest = max([newest_ns, *(f[3] for f in found.folders)])
        record = {
            "format": FORMAT,
            "repository": repository,
            "key": key,
            "stat": signature if newest <= time.time_ns() - RACY_NS else None,
            "files": found.files,
            "loops": found.loops,
            "unreadable": found.unreadable,
            "outside": found.outside,
            "folders": found.folders,
            "outcome": outcome if isinstance(outcome, dict) else to_json(outcome),
            "texts": texts or {},
        }
        path = self._path(repository)
        try:
            body = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            sealed = seal(self.secret, body.encode("utf-8", "surrogatepass"))
            # a link planted in the cache folder cannot send the record elsewhere
            write_atomic(path, sealed, durable=False, root=self.root, parents=True)
            return True
        except (OSError, ValueError, TypeError):
            return False  # a read-only folder: checking still works, just without a cache
