"""``spbe-arch diff``: a realistic change set named correctly, revisions read with git (shallow
clones too), two folders, exit codes, the JSON contract and the Markdown comment's size."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from diffkit import (
    MOVED_TO,
    NEW_ITEM,
    RECLASSIFIED,
    RENAMED,
    RETIRED,
    apply_change_set,
    git,
    new_repo,
)
from spbe_arch.cli import main
from spbe_arch.diff import Side, diff_sides
from spbe_arch.diff.report import COMMENT_LIMIT, format_json, format_markdown, format_text

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

APPS_ON_RETIRED = {"DAA-BPBD-01", "DAA-DISPERKIM-01", "DAA-DPUPR-02", RENAMED[0]}
"""The applications that ran on the retired server in the example model."""


@pytest.fixture(scope="module")
def changed_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = new_repo(tmp_path_factory.mktemp("diff") / "model")
    apply_change_set(root)
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_realistic_change_set_is_named_correctly(changed_repo: Path) -> None:
    before = git(changed_repo, "status", "--porcelain")
    diff = diff_sides(Side("HEAD", revision="HEAD"), Side("WORKTREE", folder=changed_repo),
                      changed_repo)  # fmt: skip
    assert git(changed_repo, "status", "--porcelain") == before  # the work tree was not touched
    by_id = {e.id: e for e in diff.elements}
    # every change, and nothing else: the four applications that moved server, the security
    # programme that no longer covers the retired server
    assert {(e.status, e.id) for e in diff.elements} == {
        ("renamed", RENAMED[1]),
        ("removed", RETIRED),
        ("changed", RECLASSIFIED[0]),
        ("added", NEW_ITEM),
        ("changed", "DAA-BPBD-01"),
        ("changed", "DAA-DISPERKIM-01"),
        ("changed", "DAA-DPUPR-02"),
        ("changed", "DAK-DISKOMINFO-06"),
    }
    renamed = by_id[RENAMED[1]]
    assert renamed.old_id == RENAMED[0] and renamed.similarity is not None
    assert renamed.similarity >= 0.9
    assert [(r.field, r.target) for r in renamed.relations_added] == [("infrastruktur", MOVED_TO)]
    assert [(r.field, r.target) for r in renamed.relations_removed] == [("infrastruktur", RETIRED)]
    assert not renamed.fields  # the references to it were renamed too: not field changes
    # the re-classification, codes resolved to names through the catalogue
    (field,) = by_id[RECLASSIFIED[0]].fields
    assert (field.field, field.old, field.new) == ("referensi", *RECLASSIFIED[1:])
    assert field.old_text == "RAL.01.43.03 (Pengelolaan Informasi Publik)"
    assert field.new_text == "RAL.01.43.04 (Pengelolaan Data Statistik)"
    # the retired server's impact: the applications that ran on it and what they deliver
    impact = {i.id: i for i in by_id[RETIRED].impact}
    assert {i for i, x in impact.items() if x.kind == "aplikasi"} == APPS_ON_RETIRED
    services = {i for i, x in impact.items() if x.kind == "layanan"}
    assert services == {
        "DAL-BPBD-01", "DAL-DISKOMINFO-01", "DAL-DISPERKIM-01", "DAL-DISPERKIM-02",
        "DAL-DPUPR-02",
    }  # fmt: skip
    assert all(impact[s].via in APPS_ON_RETIRED for s in services)
    # the new roadmap item and its effect on who delivers the change of the renamed app
    assert [(r.field, r.target) for r in by_id[NEW_ITEM].relations_added] == [
        ("elemen_diubah", RENAMED[1])
    ]
    (redelivered,) = diff.gap.redelivered
    assert NEW_ITEM in redelivered[1].rencana and NEW_ITEM not in redelivered[0].rencana
    assert not diff.findings_appeared and not diff.findings_disappeared
    # grouped by domain, then OPD
    domains = [e.domain for e in diff.elements]
    assert domains == sorted(domains, key=["layanan", "aplikasi", "infrastruktur", "keamanan",
                                           "peta_rencana"].index)  # fmt: skip
    text = format_text(diff)
    assert f"~ {RENAMED[0]} → {RENAMED[1]}" in text
    assert f"- {RETIRED}  VM Portal Data dan Geospasial (server, dihapus)" in text


def test_two_revisions_and_shallow_clone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    origin = new_repo(tmp_path / "origin")
    base = git(origin, "rev-parse", "HEAD").strip()
    apply_change_set(origin)
    git(origin, "commit", "-q", "-am", "change set")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    code, _, err = run(capsys, "diff", base, "HEAD", "--model", str(clone))
    assert code == 2 and f"git fetch --depth 1 origin {base}" in err  # base not fetched yet
    git(clone, "fetch", "-q", "--depth", "1", "origin", base)
    code, out, err = run(capsys, "diff", base, "HEAD", "--model", str(clone), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["old"] == base and data["new"] == "HEAD"
    statuses = {(e["status"], e["id"]) for e in data["elements"]}
    assert ("renamed", RENAMED[1]) in statuses and ("removed", RETIRED) in statuses
    assert git(clone, "status", "--porcelain") == ""


def test_two_folders_and_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = new_repo(tmp_path / "old")
    new = tmp_path / "new"
    shutil.copytree(old, new, ignore=shutil.ignore_patterns(".git"))
    code, out, _ = run(capsys, "diff", str(old), str(new), "--exit-code")
    assert code == 0 and "tidak berubah" in out
    apply_change_set(new)
    code, out, _ = run(capsys, "diff", str(old), str(new), "--exit-code", "--lang", "en")
    assert code == 1 and "1 removed, 1 renamed, 5 changed" in out
    code, _, _ = run(capsys, "diff", str(old), str(new))
    assert code == 0  # without --exit-code a difference is not a failure
    code, _, err = run(capsys, "diff", str(tmp_path), str(new))
    assert code == 2 and "spbe.yaml" in err


def test_fail_on_new_errors_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = new_repo(tmp_path / "m")
    apps = root / "dkp" / "aplikasi.yaml"
    text = apps.read_text(encoding="utf-8")
    # an error the base already has: not new
    apps.write_text(text.replace("status: as_is", "status: as_is\n    layanan: [DAL-TIDAK-ADA]", 1),
                    encoding="utf-8")  # fmt: skip
    git(root, "commit", "-q", "-am", "old error")
    code, out, err = run(capsys, "diff", "--model", str(root), "--fail-on-new-errors")
    assert code == 0, err
    with apps.open("a", encoding="utf-8") as out_file:
        out_file.write("\n  - id: DAA-DKP-98\n    nama: Aplikasi Uji\n"
                       "    layanan: [DAL-JUGA-TIDAK-ADA]\n")  # fmt: skip
    code, out, err = run(capsys, "diff", "--model", str(root), "--fail-on-new-errors")
    assert code == 1 and "DAL-JUGA-TIDAK-ADA" in out and "DAL-TIDAK-ADA'" not in out
    assert "1 galat baru" in err


def test_json_contract(changed_repo: Path) -> None:
    diff = diff_sides(Side("HEAD", revision="HEAD"), Side("WORKTREE", folder=changed_repo),
                      changed_repo)  # fmt: skip
    data = json.loads(format_json(diff, "en"))
    assert set(data) == {"format_version", "old", "new", "changed", "summary", "elements",
                         "config", "findings", "gap"}  # fmt: skip
    assert data["format_version"] == 1
    assert data["summary"]["renamed"] == 1 and data["summary"]["removed"] == 1
    element_keys = {"status", "id", "old_id", "kind", "domain", "opd", "nama", "old_nama", "file",
                    "old_file", "similarity", "fields", "relations_added", "relations_removed",
                    "impact"}  # fmt: skip
    assert all(set(e) == element_keys for e in data["elements"])
    assert set(data["gap"]) == {"appeared", "disappeared", "redelivered", "tanpa_rencana", "to_be"}


def test_markdown_fits_one_comment(changed_repo: Path) -> None:
    diff = diff_sides(Side("HEAD", revision="HEAD"), Side("WORKTREE", folder=changed_repo),
                      changed_repo)  # fmt: skip
    md = format_markdown(diff)
    assert md.startswith("<!-- spbe-arch-diff -->") and len(md) < COMMENT_LIMIT
    assert "### spbe-arch diff `HEAD` → `WORKTREE`" in md
    # a section past FOLD_AFTER entries folds; a tiny limit counts what it leaves out
    many = diff_sides(Side("old", folder=changed_repo), Side("new", folder=changed_repo))
    assert not many.changed()
    diff.elements = diff.elements * 40
    md = format_markdown(diff)
    assert "<details><summary>Aplikasi SPBE (160)</summary>" in md and len(md) <= COMMENT_LIMIT
    small = format_markdown(diff, limit=3000)
    assert len(small) <= 3000 and "entri lagi tidak muat" in small


def test_markdown_escapes_model_text(changed_repo: Path) -> None:
    diff = diff_sides(Side("HEAD", revision="HEAD"), Side("WORKTREE", folder=changed_repo),
                      changed_repo)  # fmt: skip
    diff.elements[0].nama = "<img src=x onerror=alert(1)> *bold* | pipe"
    md = format_markdown(diff)
    assert "<img" not in md and "&lt;img" in md


def test_not_a_git_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "m"
    shutil.copytree(new_repo(tmp_path / "src"), folder, ignore=shutil.ignore_patterns(".git"))
    env_ceiling = subprocess.run(["git", "-C", str(folder), "rev-parse"], capture_output=True)
    if env_ceiling.returncode == 0:
        pytest.skip("the temporary folder is inside a git repository")
    code, _, err = run(capsys, "diff", "HEAD", "--model", str(folder), "--lang", "en")
    assert code == 2 and "not inside a git repository" in err
