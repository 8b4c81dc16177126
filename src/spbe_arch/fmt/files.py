"""Formatting files: a model repository's files (as the loader finds them) or the files named."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spbe_arch.fileio import write_atomic
from spbe_arch.fmt.canonical import FormatError, format_text
from spbe_arch.load.discover import CONFIG_NAME, SUFFIXES, ModelRepositoryError, discover
from spbe_arch.load.source import decode_source, read_bytes

Outcome = Literal["unchanged", "formatted", "would_format", "error"]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What formatting did (or would do) to one file."""

    path: str
    outcome: Outcome
    error: FormatError | None = None


def _targets(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, Path]]:
    """(file, root) for every file to format: a folder holding ``spbe.yaml`` gives its model
    files and ``spbe.yaml`` (root: that folder); a named YAML file gives itself (root: its
    model repository) when it belongs to one, and nothing otherwise."""
    out: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if not (path / CONFIG_NAME).is_file():
                raise ModelRepositoryError(
                    f"{path}: bukan repositori model SPBE (tidak ada {CONFIG_NAME})",
                    f"{path}: not an SPBE model repository (no {CONFIG_NAME})",
                )
            out.append((path / CONFIG_NAME, path))
            out += [(path / rel, path) for rel in discover(path).files]
        elif path.is_file() and path.name.endswith(SUFFIXES):
            root = _repository_of(path)
            if root is not None:  # other YAML (CI workflows, tool settings) is not touched
                out.append((path, root))
        elif not path.exists():
            raise ModelRepositoryError(f"{path}: tidak ada", f"{path}: does not exist")
    return out


def _repository_of(path: Path) -> Path | None:
    """The model repository a named file belongs to: the nearest folder above it holding
    ``spbe.yaml``, when the loader would read the file there (not in a hidden folder); None for
    any other YAML file."""
    absolute = path.absolute()
    for folder in absolute.parents:
        if (folder / CONFIG_NAME).is_file():
            rel = absolute.relative_to(folder).parts
            if rel == (CONFIG_NAME,) or not any(part.startswith(".") for part in rel):
                return folder
            return None
    return None


def format_file(path: Path, root: Path, *, check: bool) -> FileOutcome:
    """Format one file in place (``check``: only tell whether it would change)."""
    shown = os.fspath(path)
    raw = read_bytes(path)
    source = decode_source(raw) if isinstance(raw, bytes) else raw
    if source.text is None:
        problem = source.problems[0] if source.problems else None
        message = problem.message if problem else "berkas tidak dapat dibaca"
        message_en = problem.message_en if problem else "the file cannot be read"
        return FileOutcome(shown, "error", FormatError(message, message_en))
    kind = "config" if path.name == CONFIG_NAME else "model"
    try:
        result = format_text(source.text, kind)
    except FormatError as exc:
        return FileOutcome(shown, "error", exc)
    if result == source.text and not (isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf")):
        return FileOutcome(shown, "unchanged")
    if check:
        return FileOutcome(shown, "would_format")
    write_atomic(path.absolute(), result, root=root.absolute())
    return FileOutcome(shown, "formatted")


def format_paths(
    paths: Iterable[str | os.PathLike[str]], *, check: bool = False
) -> list[FileOutcome]:
    """Format every model file of the folders and every file named (``check``: write nothing).

    Raises :class:`ModelRepositoryError` for a folder without ``spbe.yaml`` or a missing path.
    """
    return [format_file(path, root, check=check) for path, root in _targets(paths)]
