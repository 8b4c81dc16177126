"""Caches are data, not instructions: planted, forged, copied and linked records (docs/security.md).

A repository with an error is checked once (a genuine record is written), then the record is
replaced by what an attacker who can write into the cache folder would plant. Every planted
record must be ignored: the error is still reported, through the API and the CLI, nothing
outside the cache folder is written and no byte of a file outside the repository is read
into any output.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import MINIMAL_SPBE
from security.fskit import SECRET, SECRET_YAML, assert_secret_nowhere, run_cli, run_subprocess, tree
from spbe_arch.nasional import check_many
from spbe_arch.nasional.cache import FORMAT, cache_secret, seal, secret_path
from spbe_arch.nasional.repos import package_digest

BROKEN = """\
aplikasi:
  - id: DAA-01
    nama: SIMPUS
    opd: TIDAK-ADA
"""
"""A model file with one error (SPBE-OPD-001: its owner does not exist)."""


def corpus(base: Path) -> tuple[Path, Path]:
    """``base/corpus/kab`` (one error) and ``base/outside.yaml`` (a secret)."""
    (base / "outside.yaml").write_text(SECRET_YAML)
    repo = base / "corpus" / "kab"
    repo.mkdir(parents=True)
    (repo / "spbe.yaml").write_text(MINIMAL_SPBE)
    (repo / "app.yaml").write_text(BROKEN)
    return base / "corpus", repo


def _errors(folder: Path, cache: Path) -> tuple[int, bool]:
    result = check_many(folder, jobs=1, cache=cache)
    (summary,) = result.repositories
    return summary.error, summary.cached


def _record(cache: Path) -> Path:
    (record,) = sorted((cache / f"v{FORMAT}").rglob("*.json"))
    return record


def _body(record: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(record.read_bytes().partition(b"\n")[2])
    return data


def _clean(body: dict[str, object]) -> dict[str, object]:
    """The record claiming the repository is clean."""
    outcome = dict(body["outcome"])  # type: ignore[call-overload]
    summary = dict(outcome["summary"])
    summary.update(error=0, warning=0, info=0)
    outcome.update(summary=summary, problems=[], quoted={})
    return {**body, "outcome": outcome, "texts": {}}


def _plant(record: Path, body: dict[str, object], secret: bytes | None) -> None:
    data = json.dumps(body).encode()
    record.write_bytes(seal(secret, data) if secret is not None else b"0" * 64 + b"\n" + data)


@pytest.fixture
def checked(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder, repo = corpus(tmp_path)
    cache = tmp_path / "cache"
    assert _errors(folder, cache) == (1, False)
    assert _errors(folder, cache) == (1, True)  # the genuine record is used
    return folder, repo, cache


ATTACKS = ["unsealed", "foreign-secret", "stale-format", "other-repository"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_forged_clean_record_is_ignored(
    checked: tuple[Path, Path, Path], attack: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _, cache = checked
    record = _record(cache)
    body = _clean(_body(record))
    secret = cache_secret()
    if attack == "unsealed":
        _plant(record, body, None)
    elif attack == "foreign-secret":  # the right content key, sealed on another machine
        _plant(record, body, b"a secret of another machine, 32+ bytes long")
    elif attack == "stale-format":
        _plant(record, {**body, "format": "3"}, secret)
    else:  # a genuine record of another repository copied over this one's
        _plant(record, {**body, "repository": str(folder / "lain")}, secret)
    result = check_many(folder, jobs=1, cache=cache)
    assert (result.repositories[0].error, result.cache_ignored) == (1, 1)
    assert b"TIDAK-ADA" in record.read_bytes()  # rewritten with the real outcome
    assert check_many(folder, jobs=1, cache=cache).cache_ignored == 0  # now genuine
    _plant(record, body, None)
    code, out, err = run_cli(["check", str(folder), "--cache", str(cache), "--jobs", "1"], capsys)
    assert code == 1 and "SPBE-OPD-001" in out
    assert "1 catatan cache diabaikan" in err  # noted, not silently dropped


def test_sealed_record_naming_paths_outside_is_refused(
    checked: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Even a record carrying this user's seal (a bug, a leaked secret) may not name files
    outside the repository or a walk that did not start at it."""
    folder, _, cache = checked
    record = _record(cache)
    body = _clean(_body(record))
    secret = cache_secret()
    assert secret is not None
    for files, folders in (
        (["../../outside.yaml"], body["folders"]),
        ([str(folder.parent / "outside.yaml")], body["folders"]),
        (["app.yaml", ".git/config"], body["folders"]),
        (["app.yaml"], [["nowhere", 0, 0, 0, 0]]),  # "every folder missing" matches itself
    ):
        _plant(record, {**body, "files": files, "folders": folders}, secret)
        assert _errors(folder, cache) == (1, False)
    code, out, err = run_cli(["check", str(folder), "--cache", str(cache), "--jobs", "1"], capsys)
    assert code == 1
    assert_secret_nowhere(out, err, folders=(cache,))


def test_planted_cache_inside_the_checked_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CI case: a pull request commits ``.spbe-cache`` with a record claiming clean."""
    folder, repo = corpus(tmp_path)
    elsewhere = tmp_path / "attacker-cache"
    check_many(folder, jobs=1, cache=elsewhere)  # the attacker's own genuine record …
    attacker = _record(elsewhere)
    planted = folder / ".spbe-cache" / attacker.relative_to(elsewhere)
    planted.parent.mkdir(parents=True)
    _plant(planted, _clean(_body(attacker)), b"the attacker's secret, not the CI's")
    code, out, _ = run_cli(["check", str(folder), "--jobs", "1"], capsys)
    assert code == 1 and "SPBE-OPD-001" in out
    assert repo.exists()


def test_special_files_and_links_in_the_cache_folder(
    checked: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    folder, _, cache = checked
    record = _record(cache)
    outside = tmp_path / "outside-dir"
    outside.mkdir()
    before = tree(outside)
    # the record itself a FIFO, then a link to a device: read without hanging, ignored
    record.unlink()
    os.mkfifo(record)
    done = run_subprocess(["check", str(folder), "--cache", str(cache), "--jobs", "1"])
    assert done.returncode == 1 and "SPBE-OPD-001" in done.stdout
    record.unlink()
    record.symlink_to("/dev/urandom")
    assert _errors(folder, cache) == (1, False)
    # the record's folder a link out of the cache folder: the record is not written there
    shutil.rmtree(record.parent)
    record.parent.symlink_to(outside)
    assert _errors(folder, cache) == (1, False)
    assert tree(outside) == before


def test_secret_is_private_and_outside_the_checked_folder(checked: tuple[Path, Path, Path]) -> None:
    folder, _, _ = checked
    path = secret_path()
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not str(path.resolve()).startswith(str(folder.resolve()))


def test_fingerprint_changes_with_any_byte(tmp_path: Path) -> None:
    """A same-size edit of a rule with its modification time restored is another tool."""
    import spbe_arch

    package = tmp_path / "spbe_arch"
    shutil.copytree(Path(spbe_arch.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    before = package_digest(package)
    rule = package / "rules" / "opd_tidak_ada.py"
    info = rule.stat()
    data = rule.read_bytes()
    rule.write_bytes(data.replace(b'"error"', b'"erorr"', 1))
    os.utime(rule, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert rule.stat().st_size == info.st_size and rule.stat().st_mtime_ns == info.st_mtime_ns
    assert package_digest(package) != before
    rule.write_bytes(data)
    assert package_digest(package) == before
    (package / "data" / "aplikasi_umum.yaml").write_bytes(b"x")  # a data file counts too
    assert package_digest(package) != before


def test_records_are_sealed_by_this_users_secret(checked: tuple[Path, Path, Path]) -> None:
    _, _, cache = checked
    mac, _, body = _record(cache).read_bytes().partition(b"\n")
    secret = cache_secret()
    assert secret is not None
    assert mac == hmac.new(secret, body, hashlib.sha256).hexdigest().encode()
    assert SECRET.encode() not in body


def test_default_cache_linked_out_of_the_folder_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pull request commits ``.spbe-cache`` as a link to a folder outside the checkout: the
    check still runs, and no record lands outside the folder the user named."""
    folder, _ = corpus(tmp_path)
    outside = tmp_path / "outside-dir"
    outside.mkdir()
    (folder / ".spbe-cache").symlink_to(outside)
    code, out, _ = run_cli(["check", str(folder), "--jobs", "1"], capsys)
    assert code == 1 and "SPBE-OPD-001" in out
    assert list(outside.iterdir()) == []
    result = check_many(folder, jobs=1)
    assert result.repositories[0].error == 1
    assert list(outside.iterdir()) == []
