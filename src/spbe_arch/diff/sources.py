"""The two sides of a diff: a git revision (read with git itself), a folder, or the work tree.

A revision is read without touching the work tree: ``git ls-tree`` lists the files of the model
folder in that revision and ``git cat-file --batch`` streams their bytes, which the project's
own loader then loads from memory (a :class:`~spbe_arch.load.snapshot.Snapshot`). Only the
revision's objects are needed, so a shallow CI clone works once the base commit is fetched
(``git fetch --depth 1 origin BASE``).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from spbe_arch.load.discover import CONFIG_NAME, SUFFIXES, Discovery, ModelRepositoryError
from spbe_arch.load.snapshot import Snapshot

WORKTREE = "WORKTREE"
"""How a report names the work tree side (git diff's default new side)."""


class DiffSourceError(ModelRepositoryError):
    """A side of the diff cannot be read: not a folder with ``spbe.yaml``, not a revision
    (``str()`` in Bahasa Indonesia, :meth:`text` by language)."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a diff: a label for reports, and either a folder or a git revision."""

    label: str
    folder: Path | None = None
    revision: str | None = None


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise DiffSourceError(
            "git tidak ditemukan di PATH; membandingkan revisi memerlukan git",
            "git is not on PATH; comparing revisions needs git",
        ) from None


@dataclass(frozen=True, slots=True)
class GitPlace:
    """Where a model folder sits in its git repository: the top level and the prefix."""

    top: Path
    prefix: str
    """The model folder relative to the top level, POSIX, ``""`` or ending in ``/``."""


def git_place(model: Path) -> GitPlace:
    """The git repository holding ``model`` (which must exist) and the folder's prefix in it."""
    folder = model if model.is_dir() else model.parent
    if not folder.is_dir():
        raise DiffSourceError(f"{model}: folder tidak ada", f"{model}: no such folder")
    done = _git(folder, "rev-parse", "--show-toplevel", "--show-prefix")
    if done.returncode != 0:
        reason = _first_line(done.stderr)
        raise DiffSourceError(
            f"{model}: bukan di dalam repositori git ({reason}); "
            "bandingkan dua folder: spbe-arch diff FOLDER_LAMA FOLDER_BARU",
            f"{model}: not inside a git repository ({reason}); "
            "compare two folders: spbe-arch diff OLD_FOLDER NEW_FOLDER",
        )
    lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
    top = Path(lines[0])
    prefix = lines[1] if len(lines) > 1 else ""
    return GitPlace(top, prefix)


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "git gagal"


def resolve_revision(place: GitPlace, revision: str) -> str:
    """The commit id a revision names; a clear error when it is unknown (e.g. not fetched)."""
    done = _git(place.top, "rev-parse", "--verify", "--quiet", "--end-of-options",
                f"{revision}^{{commit}}")  # fmt: skip
    if done.returncode != 0:
        raise DiffSourceError(
            f"revisi '{revision}' tidak dikenal di {place.top}; pada klon dangkal (CI), ambil "
            f"dulu: git fetch --depth 1 origin {revision}",
            f"unknown revision '{revision}' in {place.top}; in a shallow clone (CI) fetch it "
            f"first: git fetch --depth 1 origin {revision}",
        )
    return done.stdout.decode().strip()


def _model_file(rel: str) -> bool:
    """Whether a path (relative to the model folder) is one the loader's discovery would read:
    a ``*.yaml``/``*.yml`` file outside hidden folders, not the root ``spbe.yaml``."""
    parts = rel.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    return rel != CONFIG_NAME and parts[-1].endswith(SUFFIXES)


def read_revision(place: GitPlace, revision: str, model: Path) -> Snapshot:
    """The model folder's files as they are in ``revision``, read with git into a snapshot.

    The same files the loader's discovery finds on disk: YAML files outside hidden folders, not
    below a sub-folder with its own ``spbe.yaml`` (another repository). Symbolic links are not
    followed (a revision's link target may not even be in the revision).
    """
    if revision.startswith("-"):  # never an option of git
        resolve_revision(place, revision)
    spec = place.prefix.rstrip("/")
    args = ["ls-tree", "-r", "-z", "--full-tree", f"{revision}^{{tree}}"]
    if spec:
        args += ["--", spec]
    done = _git(place.top, *args)
    if done.returncode != 0:
        resolve_revision(place, revision)  # the clear error for an unknown revision
        reason = _first_line(done.stderr)
        text = f"git ls-tree {revision}: {reason}"
        raise DiffSourceError(text, text)
    blobs: dict[str, str] = {}
    nested: set[str] = set()
    for record in done.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        path = raw_path.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode == "120000":  # sub-modules and symbolic links
            continue
        rel = path[len(place.prefix) :] if place.prefix else path
        name = PurePosixPath(rel)
        if name.name == CONFIG_NAME and rel != CONFIG_NAME:
            nested.add(str(name.parent) + "/")
        if rel == CONFIG_NAME or _model_file(rel):
            blobs[rel] = sha
    if CONFIG_NAME not in blobs:
        where = place.prefix or "."
        raise DiffSourceError(
            f"revisi '{revision}': tidak ada {CONFIG_NAME} di {where}; bukan repositori model "
            "pada revisi itu",
            f"revision '{revision}': no {CONFIG_NAME} in {where}; not a model repository in "
            "that revision",
        )
    files = sorted(
        rel for rel in blobs if rel != CONFIG_NAME and not any(rel.startswith(n) for n in nested)
    )
    contents = _cat_blobs(place, [blobs[CONFIG_NAME], *(blobs[rel] for rel in files)])
    snap = Snapshot(model, Discovery(files=files))
    for rel, content in zip((CONFIG_NAME, *files), contents, strict=True):
        snap.data[rel] = content
    return snap


def _cat_blobs(place: GitPlace, shas: list[str]) -> list[bytes]:
    """The bytes of each blob, in order, through one ``git cat-file --batch``."""
    if not shas:
        return []
    done = _git(place.top, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in shas).encode())
    if done.returncode != 0:
        reason = _first_line(done.stderr)
        raise DiffSourceError(f"git cat-file: {reason}", f"git cat-file: {reason}")
    out: list[bytes] = []
    data = done.stdout
    pos = 0
    for sha in shas:
        end = data.index(b"\n", pos)
        header = data[pos:end].decode().split()
        if len(header) < 3 or header[1] != "blob":
            raise DiffSourceError(
                f"git cat-file: objek {sha} tidak dapat dibaca", f"git cat-file: cannot read {sha}"
            )
        size = int(header[2])
        start = end + 1
        out.append(data[start : start + size])
        pos = start + size + 1  # the content is followed by a newline
    return out


def side_for(arg: str | None, *, model: Path, default_worktree: bool) -> Side:
    """What a command-line argument names: a folder holding ``spbe.yaml`` (or the file itself),
    else a git revision. ``None`` is the work tree's model folder."""
    if arg is None:
        return Side(WORKTREE if default_worktree else "HEAD", folder=model)
    candidate = Path(arg)
    if candidate.is_dir() and (candidate / CONFIG_NAME).is_file():
        return Side(arg, folder=candidate)
    if candidate.is_file() and candidate.name == CONFIG_NAME:
        return Side(arg, folder=candidate.parent)
    if candidate.is_dir():
        raise DiffSourceError(
            f"{arg}: folder tanpa {CONFIG_NAME}; bukan repositori model",
            f"{arg}: a folder without {CONFIG_NAME}; not a model repository",
        )
    return Side(arg, revision=arg)
