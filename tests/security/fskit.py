"""Shared tools of the file-system attacks: a planted secret and a tree fingerprint."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

    import pytest

SECRET = "RAHASIA-b7e1c9d4-OUTSIDE-BYTES"
"""A string planted in files outside the folder under attack: it must never appear in any
output, report or cache the tool produces."""

SECRET_YAML = f"""\
# {SECRET}
perangkat_daerah:
  - id: {SECRET}
    nama: {SECRET} @@ :: [unclosed
    tipe: dinas
"""
"""An outside file that would both load (ids, names) and fail (a syntax error quoting its line)."""


@contextmanager
def umask(value: int) -> Iterator[None]:
    """Run the block under the process umask ``value``."""
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def tree(root: Path) -> dict[str, tuple[str, ...]]:
    """Every entry below ``root`` (links not followed): kind, mode and content hash or target."""
    out: dict[str, tuple[str, ...]] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in [*dirs, *files]:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            info = os.lstat(path)
            mode = oct(stat.S_IMODE(info.st_mode))
            if stat.S_ISLNK(info.st_mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                out[rel] = ("dir", mode)
            elif stat.S_ISREG(info.st_mode):
                digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                out[rel] = ("file", mode, digest)
            else:
                out[rel] = ("special", mode)
    return out


def assert_secret_nowhere(*texts: str | bytes, folders: tuple[Path, ...] = ()) -> int:
    """Assert that :data:`SECRET` is in none of ``texts`` nor any file below ``folders``;
    return how many files were searched (so a test can assert it searched something)."""
    needle = SECRET.encode()
    for text in texts:
        data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        assert needle not in data, "outside bytes disclosed in output"
    searched = 0
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                searched += 1
                assert needle not in path.read_bytes(), f"outside bytes disclosed in {path}"
    return searched


APP_YAML = """\
perangkat_daerah:
  - {id: DINKES, nama: Dinas Kesehatan, tipe: dinas}
aplikasi:
  - id: DAA-01
    nama: SIMPUS
    opd: DINKES
"""

FORMATS = ("text", "json", "github", "sarif", "junit")


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``spbe-arch ARGV`` in this process: exit code, stdout, stderr (never a traceback)."""
    from spbe_arch.cli import main

    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def run_subprocess(
    argv: list[str], timeout: float = 60, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """``spbe-arch ARGV`` as its own process, with a timeout (a hang fails the test)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "spbe_arch.cli", *argv],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=timeout,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done
