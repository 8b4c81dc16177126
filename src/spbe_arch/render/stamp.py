"""The title block's facts: which model (git commit or content hash) and which date.

Deterministic on purpose: the date is ``SOURCE_DATE_EPOCH`` when set (reproducible builds),
else the date of the model repository's last git commit, else the newest model file's
modification date; never the wall clock, so the same model draws the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
from pathlib import Path

from spbe_arch.model.arsitektur import Arsitektur


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file() and not p.is_symlink())


def content_hash(model: Arsitektur, folder: Path | None = None) -> str:
    """A short sha256 of the model: of its files' bytes, or of its elements when in memory."""
    h = hashlib.sha256()
    if folder is not None and folder.is_dir():
        for path in _files(folder):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    else:
        for ident in sorted(model.elemen):
            h.update(model.elemen[ident].model_dump_json().encode() + b"\0")
        for ident in sorted(model.opd):
            h.update(model.opd[ident].model_dump_json().encode() + b"\0")
    return h.hexdigest()[:12]


def model_version(model: Arsitektur, folder: Path | None = None) -> str:
    """``git <commit>`` (the model folder's last commit) when the folder is clean in git,
    else ``sha256 <content hash>``."""
    if folder is not None and folder.is_dir():
        # The last commit that touched the model folder: a commit elsewhere in the
        # repository does not change the model, so it must not redraw every view.
        commit = _git(folder, "log", "-1", "--format=%h", "--abbrev=10", "--", ".")
        if commit and not _git(folder, "status", "--porcelain", "--untracked-files=no", "--", "."):
            return f"git {commit}"
    return f"sha256 {content_hash(model, folder)}"


def model_date(folder: Path | None = None) -> str:
    """The date to print, as ISO ``YYYY-MM-DD`` (see the module docstring); empty if none."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    if folder is not None and folder.is_dir():
        day = _git(folder, "log", "-1", "--format=%cs", "--", ".")
        if day:
            return day
        files = _files(folder)
        if files:
            newest = max(p.stat().st_mtime for p in files)
            return dt.datetime.fromtimestamp(newest, dt.UTC).date().isoformat()
    return ""


def stamp_line(model: Arsitektur, state: str, version: str, date: str, lang: str = "id") -> str:
    """The title block's second line: Pemda · period · state · model version · date."""
    en = lang == "en"
    konf = model.konfigurasi
    parts = [konf.pemda.nama if konf is not None else "Pemda"]
    if konf is not None:
        parts.append(
            ("period " if en else "periode ") + f"{konf.periode.mulai}–{konf.periode.selesai}"
        )
    if state:
        parts.append(state)
    parts.append(f"model {version}")
    if date:
        parts.append(("drawn " if en else "digambar ") + date)
    return " · ".join(parts)
