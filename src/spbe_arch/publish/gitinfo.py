"""The version and date printed on the document: from git, never from the wall clock.

The same commit publishes the same bytes. Outside git, ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention) gives the date; without it the document carries no date.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Versi:
    """The model's version: the last commit that touched its folder, and that commit's date."""

    commit: str | None
    label: str | None
    tanggal: dt.date | None
    ubah_lokal: bool = False

    def teks(self, lang: str = "id") -> str:
        """The version as printed: ``v1.2 (a1b2c3d)``, with a mark for uncommitted changes."""
        if self.label is None:
            return "bukan repositori git" if lang != "en" else "not a git repository"
        extra = (" + local changes" if lang == "en" else " + perubahan lokal") * self.ubah_lokal
        return self.label + extra


def _git(root: Path, *args: str) -> str | None:
    exe = shutil.which("git")
    if exe is None:
        return None
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            [exe, "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=30,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _epoch_date() -> dt.date | None:
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).date()


def versi_model(root: str | os.PathLike[str]) -> Versi:
    """The version of the model folder ``root`` (see the module docstring)."""
    folder = Path(root)
    line = _git(folder, "log", "-1", "--format=%H %cs", "--", ".")
    if not line:
        return Versi(None, None, _epoch_date())
    commit, _, day = line.partition(" ")
    described = _git(folder, "describe", "--tags", "--always", "--abbrev=7", commit)
    label = described or commit[:7]
    if not label.endswith(commit[:7]) and described and "-g" not in described:
        label = f"{described} ({commit[:7]})"
    dirty = bool(_git(folder, "status", "--porcelain", "--untracked-files=no", "--", "."))
    try:
        tanggal: dt.date | None = dt.date.fromisoformat(day)
    except ValueError:
        tanggal = _epoch_date()
    return Versi(commit, label, tanggal, dirty)
