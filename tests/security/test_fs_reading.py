"""Reading a hostile repository: links that leave it, devices, FIFOs (docs/security.md).

Every attack runs through the API (``check``, ``check_many``) and the CLI in every report
format; each must end in SPBE-YAML-013 at the link's own place (or a located read problem),
never a traceback or a hang, never a byte of the outside file in any output or cache, and
never a changed byte anywhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import MINIMAL_SPBE
from security.fskit import (
    APP_YAML,
    FORMATS,
    SECRET,
    SECRET_YAML,
    assert_secret_nowhere,
    run_cli,
    run_subprocess,
    tree,
)
from spbe_arch.check import check
from spbe_arch.nasional import check_many

OUTSIDE_CODE = "SPBE-YAML-013"

LINKS_OUT = ["abs.yaml", "acak.yaml", "bocor.yaml", "luar", "opd/up.yaml", "rantai.yaml"]
"""Every link of :func:`hostile` that leaves the repository (reported, never read)."""


def hostile(base: Path) -> Path:
    """``base/corpus/repo`` full of links out of it, next to ``base/outside`` holding secrets."""
    outside = base / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.yaml").write_text(SECRET_YAML)
    (outside / "dir" / "x.yaml").write_text(SECRET_YAML)
    repo = base / "corpus" / "repo"
    (repo / "dinkes").mkdir(parents=True)
    (repo / "opd").mkdir()
    (repo / "data").mkdir()
    (repo / "spbe.yaml").write_text(MINIMAL_SPBE)
    (repo / "dinkes" / "app.yaml").write_text(APP_YAML)
    (repo / "data" / "lain.txt").write_text(
        "layanan:\n  - {id: DAL-01, nama: Layanan Puskesmas, opd: DINKES}\n"
    )
    (repo / "bocor.yaml").symlink_to("../../outside/secret.yaml")
    (repo / "abs.yaml").symlink_to(outside / "secret.yaml")
    (repo / "chain_mid").symlink_to("../../outside/secret.yaml")
    (repo / "rantai.yaml").symlink_to("chain_mid")
    (repo / "luar").symlink_to("../../outside/dir")
    (repo / "opd" / "up.yaml").symlink_to("../../../outside/secret.yaml")
    (repo / "acak.yaml").symlink_to("/dev/urandom")
    os.mkfifo(repo / "pipa.yaml")
    (repo / "pipa2.yaml").symlink_to("pipa.yaml")
    (repo / "dalam.yaml").symlink_to("data/lain.txt")  # inside: read as usual
    return repo


def _outside_places(problems: list[tuple[str, str]], repo: Path) -> list[str]:
    return sorted(os.path.relpath(file, repo) for file, code in problems if code == OUTSIDE_CODE)


def test_api_reports_links_out_and_reads_the_rest(tmp_path: Path) -> None:
    repo = hostile(tmp_path)
    before = tree(tmp_path)
    result = check(repo)
    found = [(p.file, p.code) for p in result.problems]
    assert _outside_places(found, repo) == LINKS_OUT
    # the FIFO and the link to it are located read problems, not a hang
    unread = {os.path.relpath(p.file, repo) for p in result.problems if p.code == "SPBE-YAML-010"}
    assert {"pipa.yaml", "pipa2.yaml"} <= unread
    # the link inside the repository is followed: its service is in the model
    assert "DAL-01" in result.model.elemen and "DAA-01" in result.model.elemen
    assert not any(SECRET in ident for ident in result.model.ids())
    for p in result.problems:
        assert SECRET not in p.message + p.message_en + (p.hint or "")
    assert tree(tmp_path) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_every_format_discloses_nothing(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = hostile(tmp_path)
    before = tree(tmp_path)
    code, out, err = run_cli(["check", str(repo), "--format", fmt], capsys)
    assert code == 1  # errors found, reported
    assert_secret_nowhere(out, err)
    for rel in LINKS_OUT:
        assert rel.split("/")[-1] in out
    assert OUTSIDE_CODE in out
    if fmt == "json":
        codes = {(p["file"], p["code"]) for p in json.loads(out)["problems"]}
        assert (str(repo / "bocor.yaml"), OUTSIDE_CODE) in codes
    assert tree(tmp_path) == before


def test_config_linked_outside_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(MINIMAL_SPBE.replace("Contoh", SECRET) + f"# {SECRET}\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "spbe.yaml").symlink_to(outside)
    (repo / "app.yaml").write_text(APP_YAML)
    result = check(repo)
    config_problems = [p for p in result.problems if p.file.endswith("spbe.yaml")]
    assert (OUTSIDE_CODE, 1, 1) in [(p.code, p.line, p.column) for p in config_problems]
    assert result.model.konfigurasi is None  # nothing of it was used
    for fmt in FORMATS:
        code, out, err = run_cli(["check", str(repo), "--format", fmt], capsys)
        assert code == 1
        assert_secret_nowhere(out, err)


def test_many_repositories_and_cache_disclose_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = hostile(tmp_path)
    cache = tmp_path / "cache"
    before = tree(tmp_path / "outside")
    first = check_many(repo.parent, jobs=1, cache=cache)
    second = check_many(repo.parent, jobs=1, cache=cache)  # answered from the cache
    assert [s.cached for s in second.repositories] == [True]
    for result in (first, second):
        places = [(p.file, p.code) for p in result.problems]
        assert _outside_places(places, repo) == LINKS_OUT
    searched = assert_secret_nowhere(folders=(cache,))
    assert searched >= 1
    for fmt in ("text", "json"):
        code, out, err = run_cli(["check", str(repo.parent), "--format", fmt, "--jobs", "1",
                                  "--cache", str(cache)], capsys)  # fmt: skip
        assert code == 1
        assert_secret_nowhere(out, err)
        assert "bocor.yaml" in out
    assert tree(tmp_path / "outside") == before


def test_separate_process_does_not_hang_on_fifos_or_devices(tmp_path: Path) -> None:
    repo = hostile(tmp_path)
    done = run_subprocess(["check", str(repo), "--format", "text"], timeout=120)
    assert done.returncode == 1
    assert_secret_nowhere(done.stdout, done.stderr)
    assert "acak.yaml" in done.stdout and "pipa.yaml" in done.stdout


def test_folder_of_repositories_does_not_follow_links_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder link in a folder of repositories (outside any repository) that leaves it and
    is not itself a repository is a located error, and nothing below it is searched or read.
    A link straight to a repository is followed (a corpus assembled from links), and that
    repository's own links out of it are refused as in any repository."""
    elsewhere = tmp_path / "elsewhere" / "rumah"
    (elsewhere / "kab-rahasia").mkdir(parents=True)
    (elsewhere / "kab-rahasia" / "spbe.yaml").write_text(MINIMAL_SPBE)
    (elsewhere / "kab-rahasia" / "app.yaml").write_text(SECRET_YAML)
    (tmp_path / "secret.yaml").write_text(SECRET_YAML)
    linked = tmp_path / "elsewhere" / "kab-tertaut"
    linked.mkdir()
    (linked / "spbe.yaml").write_text(MINIMAL_SPBE)
    (linked / "app.yaml").write_text(APP_YAML.replace("DAA-01", "DAA-02"))
    (linked / "bocor.yaml").symlink_to(tmp_path / "secret.yaml")
    folder = tmp_path / "corpus"
    (folder / "kab").mkdir(parents=True)
    (folder / "kab" / "spbe.yaml").write_text(MINIMAL_SPBE)
    (folder / "kab" / "app.yaml").write_text(APP_YAML)
    (folder / "curian").symlink_to(elsewhere)  # a home folder: not searched
    (folder / "tertaut").symlink_to(linked)  # a repository: checked, contained in itself
    result = check_many(folder, jobs=1, cache=False)
    assert [s.path for s in result.repositories] == [
        str(folder / "curian"), str(folder / "kab"), str(folder / "tertaut"),
    ]  # fmt: skip
    assert [(p.file, p.code) for p in result.problems if p.code == OUTSIDE_CODE] == [
        (str(folder / "curian"), OUTSIDE_CODE),
        (str(folder / "tertaut" / "bocor.yaml"), OUTSIDE_CODE),
    ]
    assert result.counts()["error"] >= 1
    for fmt in FORMATS:
        code, out, err = run_cli(["check", str(folder), "--format", fmt, "--no-cache",
                                  "--jobs", "1"], capsys)  # fmt: skip
        assert code == 1 and "curian" in out
        assert_secret_nowhere(out, err)
