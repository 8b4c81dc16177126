"""The review jobs of the CI templates (docs/ci): their shell lines, taken from the YAML and run
on a two-commit repository cloned shallow as CI does, with the CI variables faked. The pull
request comment goes to a fake ``gh`` (GitHub) or a local HTTP server (GitLab API)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from diffkit import apply_change_set, git, new_repo

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MARKER = "<!-- spbe-arch-diff -->"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (BIN / "spbe-arch").exists() or shutil.which("bash") is None,
    reason="git, bash and an installed spbe-arch are needed",
)

FAKE_GH = """#!/bin/sh
# records each call; answers the comment listing with no comment; keeps posted bodies
echo "$*" >> "$FAKE_LOG"
for arg in "$@"; do
  case "$arg" in body=@*) cp "${arg#body=@}" "$FAKE_DIR/comment.md";; esac
done
"""


def _two_commits(tmp_path: Path, *, new_error: bool, old_error: bool) -> tuple[Path, str]:
    """A shallow clone of a repository whose last commit is a pull request's change."""
    origin = new_repo(tmp_path / "origin")
    apps = origin / "dkp" / "aplikasi.yaml"
    if old_error:
        apps.write_text(apps.read_text() + "\n  - id: DAA-DKP-97\n    nama: Lama\n"
                        "    layanan: [DAL-SUDAH-LAMA]\n")  # fmt: skip
        git(origin, "commit", "-q", "-am", "base with an old error")
    base = git(origin, "rev-parse", "HEAD").strip()
    apply_change_set(origin)
    if new_error:
        apps.write_text(apps.read_text() + "\n  - id: DAA-DKP-98\n    nama: Baru\n"
                        "    layanan: [DAL-TIDAK-ADA]\n")  # fmt: skip
    git(origin, "commit", "-q", "-am", "pull request")
    clone = tmp_path / "work"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    return clone, base


def _fake_bin(tmp_path: Path) -> dict[str, str]:
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pip").write_text("#!/bin/sh\nexit 0\n")  # spbe-arch is installed already
    (fake / "gh").write_text(FAKE_GH)
    for tool in ("pip", "gh"):
        (fake / tool).chmod(0o755)
    return {
        "PATH": f"{fake}{os.pathsep}{BIN}{os.pathsep}{os.environ['PATH']}",
        "FAKE_LOG": str(tmp_path / "gh.log"),
        "FAKE_DIR": str(tmp_path),
        "CI": "true",
    }


def _expr(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: values[m.group(1)], text)


def _github(tmp_path: Path, clone: Path, base: str) -> list[tuple[str, int]]:
    """Run the ``tinjau`` job's ``run`` steps in order; (step name, exit code) of each."""
    workflow = yaml.safe_load((ROOT / "docs/ci/github-actions.yml").read_text())
    job = workflow["jobs"]["tinjau"]
    assert job["permissions"]["pull-requests"] == "write"
    output = tmp_path / "github_output"
    output.touch()
    env = {**os.environ, **_fake_bin(tmp_path), "GITHUB_OUTPUT": str(output)}
    values = {
        "github.event.pull_request.base.sha": base,
        "github.token": "token",
        "github.repository": "pemda/arsitektur",
        "github.event.pull_request.number": "7",
    }
    done: list[tuple[str, int]] = []
    for step in job["steps"]:
        if "run" not in step:
            continue  # actions (checkout, setup-python): the clone and this Python stand in
        outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if line)
        values.update({f"steps.diff.outputs.{k}": v for k, v in outputs.items()})
        step_env = {k: _expr(str(v), values) for k, v in step.get("env", {}).items()}
        script = _expr(step["run"], values)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                cwd=clone, env={**env, **step_env}, capture_output=True,
                                text=True, timeout=300, check=False)  # fmt: skip
        done.append((step["name"], result.returncode))
    return done


def test_github_comment_and_new_errors_only(tmp_path: Path) -> None:
    clone, base = _two_commits(tmp_path / "a", new_error=True, old_error=False)
    steps = _github(tmp_path / "a", clone, base)
    assert [code for _, code in steps[:-1]] == [0, 0, 0, 0]
    assert steps[-1] == ("Gagal bila ada galat baru", 1)
    log = (tmp_path / "a" / "gh.log").read_text()
    assert "-X POST repos/pemda/arsitektur/issues/7/comments" in log
    comment = (tmp_path / "a" / "comment.md").read_text()
    assert comment.startswith(MARKER) and "DAL-TIDAK-ADA" in comment
    assert "DAA-DISKOMINFO-02` → `DAA-DISKOMINFO-12`" in comment
    assert git(clone, "status", "--porcelain") == "?? spbe-arch-diff.md\n"  # work tree untouched

    clone, base = _two_commits(tmp_path / "b", new_error=False, old_error=True)
    steps = _github(tmp_path / "b", clone, base)
    assert steps[-1] == ("Gagal bila ada galat baru", 0)  # the old error does not fail the PR
    assert "DAL-SUDAH-LAMA" not in (tmp_path / "b" / "comment.md").read_text()


class _GitLab(BaseHTTPRequestHandler):
    notes: ClassVar[list[dict[str, Any]]] = []
    seen: ClassVar[list[tuple[str, str, str]]] = []

    def _reply(self, data: object) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, self.headers.get("PRIVATE-TOKEN", "")))
        self._reply(self.notes)

    def do_POST(self) -> None:
        data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.seen.append(("POST", self.path, self.headers.get("PRIVATE-TOKEN", "")))
        self.notes.append({"id": 1, "body": data["body"]})
        self._reply({"id": 1})

    def do_PUT(self) -> None:
        data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.seen.append(("PUT", self.path, self.headers.get("PRIVATE-TOKEN", "")))
        self.notes[0]["body"] = data["body"]
        self._reply({"id": 1})

    def log_message(self, *args: Any) -> None:
        pass


def _gitlab(tmp_path: Path, clone: Path, base: str, api: str) -> int:
    pipeline = yaml.safe_load((ROOT / "docs/ci/gitlab-ci.yml").read_text())
    job = pipeline["tinjau"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    script = "set -eo pipefail\n" + "\n".join(job["script"])  # one shell, as the runner does
    env = {**os.environ, **_fake_bin(tmp_path), "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
           "CI_API_V4_URL": api, "CI_PROJECT_ID": "12", "CI_MERGE_REQUEST_IID": "3",
           "SPBE_ARCH_TOKEN": "rahasia"}  # fmt: skip
    result = subprocess.run(["bash", "--noprofile", "--norc", "-c", script], cwd=clone, env=env,
                            capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    return result.returncode


def test_gitlab_note_and_new_errors_only(tmp_path: Path) -> None:
    server = HTTPServer(("127.0.0.1", 0), _GitLab)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    api = f"http://127.0.0.1:{server.server_port}/api/v4"
    try:
        clone, base = _two_commits(tmp_path / "a", new_error=True, old_error=False)
        assert _gitlab(tmp_path / "a", clone, base, api) == 1
        assert [s[0] for s in _GitLab.seen] == ["GET", "POST"]
        assert _GitLab.seen[1][1] == "/api/v4/projects/12/merge_requests/3/notes"
        assert _GitLab.seen[1][2] == "rahasia"
        assert _GitLab.notes[0]["body"].startswith(MARKER)
        assert "DAL-TIDAK-ADA" in _GitLab.notes[0]["body"]
        # the next push updates the same note; an old error does not fail the MR
        clone, base = _two_commits(tmp_path / "b", new_error=False, old_error=True)
        assert _gitlab(tmp_path / "b", clone, base, api) == 0
        assert [s[0] for s in _GitLab.seen] == ["GET", "POST", "GET", "PUT"]
        assert "DAL-TIDAK-ADA" not in _GitLab.notes[0]["body"]
    finally:
        server.shutdown()
