"""The one writer (:mod:`spbe_arch.fileio`) under attack: path shapes, links, special files."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from security.fskit import SECRET, tree, umask
from spbe_arch import fileio
from spbe_arch.fileio import (
    NotRegularFileError,
    OutsideFolderError,
    make_folder,
    remove_inside,
    write_atomic,
)

REFUSALS = (
    OutsideFolderError,
    NotRegularFileError,
    FileNotFoundError,
    IsADirectoryError,
    NotADirectoryError,
    FileExistsError,
)


def world(base: Path) -> tuple[Path, Path]:
    """A folder ``root`` full of traps, next to a folder ``outside`` holding a secret."""
    outside = base / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET)
    root = base / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "f.txt").write_text("inside")
    links = {
        "link_in": "a",
        "link_out": "../outside",
        "chain1": "chain2",
        "chain2": "chain3",
        "chain3": "../outside",
        "chain_in": "link_in",
        "abs_out": str(outside),
        "file_out": "../outside/secret.txt",
        "file_in": "a/f.txt",
        "urandom": "/dev/urandom",
        "null": "/dev/null",
        "dotdot": "..",
        "self_loop": "self_loop",
        "dangling": "nothing-here",
        "dangling_out": "../outside/new.txt",
    }
    for name, target in links.items():
        (root / name).symlink_to(target)
    (root / "a" / "up").symlink_to("../..")
    os.mkfifo(root / "fifo")
    os.mkfifo(outside / "fifo")
    return root, outside


PARTS = st.sampled_from(
    [
        "a", "b", "f.txt", "new.txt", "..", ".", "link_in", "link_out", "chain1", "chain_in",
        "abs_out", "file_out", "file_in", "urandom", "null", "dotdot", "self_loop", "dangling",
        "dangling_out", "fifo", "up", "sub", "secret.txt",
    ]
)  # fmt: skip
PREFIX = st.sampled_from(["", "ROOT", "OUTSIDE", "/", "/dev/"])


def _path(prefix: str, parts: list[str], root: Path, outside: Path) -> str:
    head = {"": "", "ROOT": str(root), "OUTSIDE": str(outside), "/": "/", "/dev/": "/dev"}[prefix]
    rel = "/".join(parts)
    return os.path.join(head, rel) if head else rel


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=PREFIX, parts=st.lists(PARTS, min_size=1, max_size=4), parents=st.booleans())
def test_write_never_leaves_root(prefix: str, parts: list[str], parents: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp, umask(0o022):
        root, outside = world(Path(tmp))
        before_outside = tree(outside)
        path = _path(prefix, parts, root, outside)
        try:
            written = write_atomic(path, b"NEW", root=root, parents=parents, durable=False)
        except OSError as exc:
            assert isinstance(exc, REFUSALS) or exc.errno == errno.ELOOP, exc
        except OutsideFolderError as exc:
            if isinstance(exc, OutsideFolderError) and "self_loop" not in parts:
                # (through a link loop the path resolves nowhere, and realpath gives up on the
                # loop and goes on lexically, so only the refusal is asserted)
                real = os.path.realpath(path if os.path.isabs(path) else root / path)
                assert not (real + "/").startswith(str(root.resolve()) + "/")
        else:
            assert str(written).startswith(str(root.resolve()) + os.sep)
            assert written.read_bytes() == b"NEW"
            assert stat.S_IMODE(os.lstat(written).st_mode) in (0o644, 0o664)
        assert tree(outside) == before_outside
        leftovers = [p for p in Path(tmp).rglob("*.tmp") if not p.is_symlink()]
        assert leftovers == []
        assert (root / "fifo").is_fifo()


@settings(max_examples=60, deadline=None)
@given(prefix=PREFIX, parts=st.lists(PARTS, min_size=1, max_size=4))
def test_remove_never_leaves_root(prefix: str, parts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = world(Path(tmp))
        before_outside = tree(outside)
        path = _path(prefix, parts, root, outside)
        before_root = tree(root)
        try:
            removed = remove_inside(path, root)
        except OutsideFolderError:
            removed = False
        after_root = tree(root)
        assert tree(outside) == before_outside
        gone = set(before_root) - set(after_root)
        assert len(gone) == (1 if removed else 0)
        for rel in gone:  # only a file or a link, never a folder or a FIFO
            assert before_root[rel][0] in ("file", "link")


def test_modes_under_umask(tmp_path: Path) -> None:
    with umask(0o022):
        new = write_atomic(tmp_path / "new.yaml", "a: 1\n", root=tmp_path)
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
    with umask(0o077):
        private = write_atomic(tmp_path / "private.yaml", "a: 1\n", root=tmp_path)
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    kept = tmp_path / "kept.yaml"
    kept.write_text("old")
    kept.chmod(0o640)
    with umask(0o022):
        write_atomic(kept, "new", root=tmp_path)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_text() == "new"
    assert fileio.new_file_mode() == 0o666 & ~_umask_now()


def _umask_now() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_link_inside_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("old")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    write_atomic(tmp_path / "link.yaml", "new", root=tmp_path)
    assert (tmp_path / "link.yaml").is_symlink()
    assert (tmp_path / "real.yaml").read_text() == "new"


@pytest.mark.parametrize("where", ["fsync", "write"])
def test_failure_leaves_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "model.yaml"
    target.write_text("old")

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt if where == "write" else OSError(28, "No space left on device")

    if where == "fsync":
        monkeypatch.setattr(os, "fsync", boom)
    else:
        monkeypatch.setattr(fileio.os, "replace", boom)
    with pytest.raises((OSError, KeyboardInterrupt)):
        write_atomic(target, "new", root=tmp_path, durable=True)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.yaml"]


def test_parents_created_inside_only(tmp_path: Path) -> None:
    root, outside = world(tmp_path)
    written = write_atomic("x/y/z.yaml", "a: 1\n", root=root, parents=True)
    assert written == (root / "x" / "y" / "z.yaml").resolve()
    with pytest.raises(OutsideFolderError):
        make_folder("link_out/newdir", root)
    with pytest.raises(OutsideFolderError):
        write_atomic("link_out/new/z.yaml", "a", root=root, parents=True)
    assert not (outside / "newdir").exists() and not (outside / "new").exists()
    message = OutsideFolderError("link_out/z", root).message("en")
    assert "outside" in message and "link_out/z" in message


def test_special_files_are_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(NotRegularFileError) as caught:
        write_atomic(tmp_path / "pipe.yaml", "a", root=tmp_path)  # would hang if opened
    assert "bukan berkas biasa" in caught.value.message()
    assert (tmp_path / "pipe.yaml").is_fifo()
    (tmp_path / "dev").symlink_to("/dev/null")
    with pytest.raises(OutsideFolderError):
        write_atomic(tmp_path / "dev", "a", root=tmp_path)
    assert remove_inside(tmp_path / "pipe.yaml", tmp_path) is False
    assert (tmp_path / "pipe.yaml").is_fifo()


SHAPES = [
    ("new.txt", "ok"), ("a/new.txt", "ok"), ("link_in/new.txt", "ok"), ("chain_in/new.txt", "ok"),
    ("file_in", "ok"), ("dangling", "ok"), ("ROOT/new.txt", "ok"), ("a/b/../new.txt", "ok"),
    ("link_out/x", "outside"), ("chain1/x", "outside"), ("abs_out/x", "outside"),
    ("file_out", "outside"), ("urandom", "outside"), ("null", "outside"), ("dotdot/x", "outside"),
    ("../x", "outside"), ("a/up/x", "outside"), ("dangling_out", "outside"),
    ("/etc/spbe-arch-test", "outside"), ("OUTSIDE/secret.txt", "outside"),
    ("fifo", "special"), (".", "special"), ("a", "special"), ("self_loop", "special"),
    ("self_loop/x", "loop"),
]  # fmt: skip
"""Path shapes and what the writer must do with each: the property test above draws from the
same parts, this table pins the expected outcome of every kind."""


@pytest.mark.parametrize(("shape", "expected"), SHAPES)
def test_each_shape_has_its_outcome(tmp_path: Path, shape: str, expected: str) -> None:
    root, outside = world(tmp_path)
    before = tree(outside)
    path = shape.replace("ROOT", str(root)).replace("OUTSIDE", str(outside))
    try:
        written = write_atomic(path, b"NEW", root=root, durable=False)
        outcome = "ok"
        assert written.read_bytes() == b"NEW"
        assert str(written).startswith(str(root.resolve()) + os.sep)
    except OutsideFolderError:
        outcome = "outside"
    except (NotRegularFileError, IsADirectoryError):
        outcome = "special"
    except OSError as exc:
        outcome = "loop" if exc.errno == errno.ELOOP else f"OSError {exc}"
    assert outcome == expected
    assert tree(outside) == before
    if shape == "file_in":
        assert (root / "file_in").is_symlink() and (root / "a" / "f.txt").read_bytes() == b"NEW"
