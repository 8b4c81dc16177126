"""Shared fixtures: model repositories written into ``tmp_path`` from a dict of files."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

MINIMAL_SPBE = """\
spbe_arch: 1
pemda:
  nama: Pemerintah Kabupaten Contoh
  jenis: kabupaten
periode:
  mulai: 2025
  selesai: 2029
katalog: "2022.1"
"""
"""A valid ``spbe.yaml``: written unless the files given replace it."""

MakeRepo = Callable[[Mapping[str, str | bytes]], Path]


def write_repo(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (relative path → text or bytes) below ``root``, plus a minimal spbe.yaml."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in {"spbe.yaml": MINIMAL_SPBE, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    return root


@pytest.fixture
def make_repo(tmp_path: Path) -> MakeRepo:
    """A function that writes a model repository into a fresh folder and returns its path."""
    count = 0

    def make(files: Mapping[str, str | bytes]) -> Path:
        nonlocal count
        count += 1
        return write_repo(tmp_path / f"repo{count}", files)

    return make


@pytest.fixture(autouse=True, scope="session")
def _private_cache_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The cache secret (``spbe_arch.nasional.cache.secret_path``) of the tests lives in a
    temporary folder, never in the home folder of whoever runs them."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: rewrite golden files instead of comparing against them."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites golden files (``pytest --update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True, scope="session")
def _kunci_survei(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Survey forms are signed with a key outside the repository: the tests use their own,
    never the developer's ``~/.config/spbe-arch/kunci-survei``."""
    import os

    folder = tmp_path_factory.mktemp("kunci")
    os.environ["SPBE_ARCH_KUNCI"] = str(folder / "kunci-survei")
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
