"""The pre-commit hooks this repository offers, run by pre-commit itself on a sample model
repository: the shipped definitions as a ``repo: local`` config (no install), and ``pre-commit
try-repo`` installing them from this checkout (its ``language: python`` environment)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from diffkit import EXAMPLE, git

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)
SPBE_ARCH = shutil.which("spbe-arch", path=str(Path(sys.executable).parent))
UGLY = """aplikasi:
  - status: as_is
    layanan: [DAL-DINKES-02, DAL-DINKES-01]
    nama: Aplikasi Uji Puskesmas
    id: DAA-DINKES-99
    infrastruktur: [DAI-DISKOMINFO-VM-01]
    referensi: RAA.02.02
opd: DINKES
"""
CANONICAL = """opd: DINKES
aplikasi:
  - id: DAA-DINKES-99
    nama: Aplikasi Uji Puskesmas
    referensi: RAA.02.02
    layanan: [DAL-DINKES-01, DAL-DINKES-02]
    infrastruktur: [DAI-DISKOMINFO-VM-01]
    status: as_is
"""
WORKFLOW = "on: [push]\njobs:\n    build: {runs-on: ubuntu-latest, steps: [{run: 'true'}]}\n"

pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or SPBE_ARCH is None or shutil.which("git") is None,
    reason="pre-commit (dev extra), spbe-arch and git are needed",
)


def _sample(root: Path) -> Path:
    shutil.copytree(EXAMPLE, root)
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def _run(root: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
           "SKIP": ""}  # fmt: skip
    return subprocess.run([PRE_COMMIT, *args], cwd=root, env=env, capture_output=True,
                          text=True, check=False, timeout=600)  # fmt: skip


def test_shipped_hooks(tmp_path: Path) -> None:
    hooks = yaml.safe_load(HOOKS.read_text())
    assert {h["id"] for h in hooks} == {"spbe-arch-check", "spbe-arch-fmt"}
    # the shipped definitions, run from this environment (language: system, same entry)
    local = []
    for hook in hooks:
        assert hook["entry"].startswith("spbe-arch ")
        local.append({**hook, "language": "system",
                      "entry": hook["entry"].replace("spbe-arch", str(SPBE_ARCH), 1)})  # fmt: skip
    root = _sample(tmp_path / "repo")
    (root / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]})
    )
    home = tmp_path / "home"
    done = _run(root, home, "run", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr  # the example is clean and canonical

    ugly = root / "dinkes" / "ugly.yaml"
    ugly.write_text(UGLY)
    git(root, "add", "-A")
    done = _run(root, home, "run", "--files", str(ugly), ".github/workflows/ci.yml")
    assert done.returncode == 1 and "files were modified by this hook" in done.stdout
    assert ugly.read_text() == CANONICAL
    assert (root / ".github/workflows/ci.yml").read_text() == WORKFLOW  # not a model file
    git(root, "add", "-A")
    done = _run(root, home, "run", "--files", str(ugly))
    assert done.returncode == 0, done.stdout

    # an error in the model fails the check hook
    ugly.write_text(CANONICAL.replace("DAL-DINKES-02", "DAD-TIDAK-ADA"))
    git(root, "add", "-A")
    done = _run(root, home, "run", "--files", str(ugly))
    assert done.returncode == 1 and "spbe-arch check" in done.stdout
    assert "DAD-TIDAK-ADA" in done.stdout


def test_try_repo_installs_from_this_checkout(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    root = _sample(tmp_path / "repo")
    (root / "dinkes" / "ugly.yaml").write_text(UGLY)
    git(root, "add", "-A")
    done = _run(root, tmp_path / "home", "try-repo", str(ROOT), "spbe-arch-fmt", "--all-files")
    output = done.stdout + done.stderr
    if "An unexpected error has occurred" in output and "pip" in output:
        pytest.skip("pre-commit could not install the hook's dependencies (no package index)")
    assert done.returncode == 1 and "files were modified by this hook" in output, output
    assert "dinkes/ugly.yaml" in output and "1 dari 156 berkas" in output
