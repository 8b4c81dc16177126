"""The CI workflows in docs/ci/: every ``spbe-arch …`` line they run works on a small model."""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from spbe_arch.cli import main

ROOT = Path(__file__).parent.parent
WORKFLOWS = {
    "github": ROOT / "docs" / "ci" / "github-actions.yml",
    "gitlab": ROOT / "docs" / "ci" / "gitlab-ci.yml",
}
FIXTURE = Path(__file__).parent / "fixtures" / "render" / "model"


def _scripts(node: Any) -> Iterator[str]:
    """Every shell text in a workflow: GitHub ``run`` values, GitLab ``script`` items."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                yield value
            elif key == "script" and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _scripts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _scripts(item)


def commands(platform: str) -> list[str]:
    """The exact ``spbe-arch`` command lines a workflow runs, comments stripped."""
    data = yaml.safe_load(WORKFLOWS[platform].read_text(encoding="utf-8"))
    out = []
    for script in _scripts(data):
        for line in script.splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] == "spbe-arch":
                out.append(" ".join(words))
    return out


def test_workflows_run_what_the_docs_say() -> None:
    github, gitlab = commands("github"), commands("gitlab")
    assert "spbe-arch check . --format github" in github
    assert "spbe-arch check . --format sarif > spbe-arch.sarif" in github
    assert "spbe-arch render . --out public --format svg" in github
    assert "spbe-arch check . --format junit > spbe-arch-junit.xml" in gitlab
    assert "spbe-arch render . --out diagram --format svg" in gitlab
    assert "spbe-arch publish . --out public" in gitlab  # GitLab Pages: the published site
    assert "spbe-arch publish . --out situs --compare ../situs-dasar" in github
    gh = yaml.safe_load(WORKFLOWS["github"].read_text(encoding="utf-8"))
    triggers = gh.get("on", gh.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    uses = {
        step.get("uses", "").split("@")[0]
        for job in gh["jobs"].values()
        for step in job.get("steps", [])
    }
    assert {
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "github/codeql-action/upload-sarif",
        "actions/upload-artifact",
    } <= uses
    gl = yaml.safe_load(WORKFLOWS["gitlab"].read_text(encoding="utf-8"))
    assert gl["periksa"]["artifacts"]["reports"]["junit"] == "spbe-arch-junit.xml"
    assert gl["pages"]["artifacts"]["paths"] == ["public"]
    for text in (WORKFLOWS["github"].read_text(), WORKFLOWS["gitlab"].read_text()):
        assert (
            "apt-get install" in text
            and "graphviz" in text
            and "pip install vendor/spbe_arch-" in text
        )


def _expect(words: list[str], cwd: Path, stdout: str) -> None:
    """The outputs a command line must leave behind."""
    if words[1] == "publish":
        out = cwd / words[words.index("--out") + 1]
        assert (out / "index.html").is_file() and (out / "dokumen.html").is_file()
        if "--compare" in words:
            assert (out / "perubahan-dokumen.md").read_text(encoding="utf-8").startswith("###")
    elif "render" in words:
        out = cwd / words[words.index("--out") + 1]
        assert (out / "index.html").is_file() and (out / "elemen.html").is_file()
        assert (out / "lapisan.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    elif "--format" in words:
        fmt = words[words.index("--format") + 1]
        marker = {
            "github": "::warning file=",
            "sarif": '"version": "2.1.0"',
            "junit": "<testsuite",
        }[fmt]
        assert marker in stdout


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
@pytest.mark.parametrize(
    "line", [*commands("github"), *commands("gitlab")], ids=lambda line: line.replace(" ", "_")
)
def test_workflow_command_runs(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Path(shutil.copytree(FIXTURE, tmp_path / "repo"))
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    words = shlex.split(line)
    target = None
    if ">" in words:  # the shell redirection: the test writes stdout itself
        target = repo / words[words.index(">") + 1]
        words = words[: words.index(">")]
    if words[1] == "publish":  # the base branch's worktree and its publication (pull requests)
        shutil.copytree(FIXTURE, tmp_path / "dasar")
        if "--compare" in words:
            from spbe_arch.publish import publish

            publish(
                tmp_path / "dasar", repo / words[words.index("--compare") + 1], formats=["html"]
            )
    assert main(words[1:]) == 0, f"{line} failed"
    stdout = capsys.readouterr().out
    if target is not None:
        target.write_text(stdout, encoding="utf-8")
    _expect(words, repo, stdout)
    assert os.getcwd() == str(repo)
