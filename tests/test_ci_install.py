"""The CI templates' install lines work for a Pemda that vendors spbe-arch: each ``pip install``
line of docs/ci/*.yml is run as written, in a fresh virtual environment, in a model repository
that holds the wheel built from this source where the templates expect it (``vendor/``).

``--no-deps`` is added (the test must not download the dependencies); ``spbe-arch --version``
and the package data then prove the wheel installed what the templates rely on.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "docs" / "ci").glob("*.yml"))


def _commands(node: object) -> list[str]:
    """Every shell line under a ``run`` (GitHub) or ``script`` (GitLab) key."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("run", "script", "before_script"):
                lines = value if isinstance(value, list) else [value]
                found += [ln for item in lines for ln in str(item).splitlines()]
            else:
                found += _commands(value)
    elif isinstance(node, list):
        for item in node:
            found += _commands(item)
    return found


def install_lines(template: Path) -> list[str]:
    data = yaml.safe_load(template.read_text(encoding="utf-8"))
    return sorted({ln.strip() for ln in _commands(data) if "pip install" in ln})


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("spbe_arch-*.whl")
    return built


def test_every_template_installs_spbe_arch() -> None:
    assert [t.name for t in TEMPLATES] == ["github-actions.yml", "gitlab-ci.yml"]
    for template in TEMPLATES:
        lines = install_lines(template)
        assert lines, f"{template.name}: no pip install line"
        assert all("vendor/spbe_arch-" in ln for ln in lines), lines
        assert not any(ln.split()[-1] == "spbe-arch" for ln in lines)  # not on any registry


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_install_line_installs_the_built_wheel(template: Path, wheel: Path, tmp_path: Path) -> None:
    repo = tmp_path / "model-repo"
    (repo / "vendor").mkdir(parents=True)
    shutil.copy(wheel, repo / "vendor" / wheel.name)
    venv = tmp_path / "venv"
    # a venv without its own pip (ensurepip takes seconds): `pip` there is this pip, installing
    # into the venv's interpreter (pip --python)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    shim = venv / "bin" / "pip"
    shim.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m pip --python "{venv / "bin" / "python"}" "$@"\n'
    )
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    for line in install_lines(template):
        done = subprocess.run(
            ["bash", "-c", f"{line} --no-deps --quiet --disable-pip-version-check"],
            cwd=repo, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, f"{template.name}: `{line}` failed:\n{done.stderr}"
    version = subprocess.run(
        [str(venv / "bin" / "spbe-arch"), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"spbe-arch {wheel.name.split('-')[1]}"
    data = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "import importlib.resources as r; f = r.files('spbe_arch'); "
         "print(f.joinpath('data/aplikasi_umum.yaml').is_file(), "
         "len(list(f.joinpath('referensi/data').iterdir())) > 6)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert data.stdout.split() == ["True", "True"]


def test_wheel_carries_the_compiled_reader(wheel: Path) -> None:
    """The YAML reader is compiled into the wheel: one wheel for CPython 3.11 and later (the
    stable ABI) on its platform, as the CI templates name it."""
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert [n for n in names if n.startswith("spbe_arch/load/_reader.") and n.endswith(".so")]
    assert "spbe_arch/load/_reader.pyi" in names
    assert wheel.name.startswith("spbe_arch-0.1.0-cp311-abi3-"), wheel.name


def test_sdist_carries_the_reader_source_and_vendored_libyaml(tmp_path: Path) -> None:
    """The sdist builds the reader anywhere: the Cython source, its stub and libyaml's C."""
    import tarfile

    built = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check",
         "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    [sdist] = tmp_path.glob("spbe_arch-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    load = "src/spbe_arch/load/"
    vendored = {f"{load}_libyaml/{n}" for n in ("api.c", "reader.c", "scanner.c", "parser.c",
                                                 "yaml.h", "yaml_private.h", "License",
                                                 "README.md")}  # fmt: skip
    expected = {"setup.py", f"{load}_reader.pyx", f"{load}_reader.pyi", *vendored}
    assert expected <= names, expected - names
    assert not [n for n in names if n.endswith((".so", "_reader.c"))], names
