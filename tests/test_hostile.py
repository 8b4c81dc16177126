"""Hostile input: every file a careless or malicious hand can write ends in a located problem.

Through the CLI (in-process, and once as a real subprocess) and through the API, within bounded
time and memory, never a traceback. The per-kind details (exact line and column) are in
``test_load_errors.py``; this suite adds the end-to-end path (load, rules, report, exit code),
the bounds, and inputs that file does not cover.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import spbe_arch
from conftest import write_repo
from spbe_arch.check import check
from spbe_arch.cli import main
from spbe_arch.load import repository, source
from spbe_arch.load.discover import Discovery
from spbe_arch.nasional import check_many

APP = "aplikasi:\n  - id: A1\n    nama: Aplikasi Satu\n"
BOUND_SECONDS = 20
"""Generous for a loaded CI machine; each case takes well under a second here."""

HOSTILE: dict[str, bytes] = {
    "invalid-utf8": APP.encode() + b"    uraian: caf\xe9\n",
    "bom": b"\xef\xbb\xbf" + APP.encode(),
    "nul": APP.encode() + b"    uraian: a\x00b\n",
    "tab": APP.encode() + b"\turaian: x\n",
    "flow-10000-deep": b"x: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "block-10000-deep": b"x:\n" + b"- " * 10_000 + b"y\n",
    "mapping-10000-deep": b"x: " + b"{a: " * 10_000 + b"\n",
    "alias-bomb": b'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
    + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 10)}]\n".encode()
        for i in range(8)
    ),
    "multi-document": APP.encode() + b"---\n" + APP.replace("A1", "A2").encode(),
    "python-tag": b"aplikasi:\n  - !!python/object/apply:os.system ['touch DIRETAS']\n",
    "custom-tag": b"aplikasi: !include other.yaml\n",
    "binary-png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "random-bytes": bytes((i * 7919 + 13) % 256 for i in range(4096)),
    "utf16": "aplikasi: []\n".encode("utf-16"),
    "only-a-scalar": b"42\n",
    "top-level-list": b"- id: A1\n  nama: X\n",
    "control-char": APP.encode() + b"    uraian: a\x1bb\n",
    "unicode-line-separator": APP.encode() + "    uraian: a\u2028b\n".encode(),
    "huge-number": APP.encode() + b"    uraian: " + b"9" * 100_000 + b"\n",
    "empty-key": b'"": x\n' + APP.encode(),
    "null-key": b"~: x\n" + APP.encode(),
    "complex-key": b"? [a, b]\n: x\n" + APP.encode(),
}


def _duplicate_at(depth: int) -> bytes:
    """A valid-looking element with a duplicate key ``depth`` mappings below the top."""
    if depth == 0:
        return (APP + "aplikasi: []\n").encode()
    if depth == 1:
        return (APP + "    nama: Dua\n").encode()
    inner = "integrasi:\n  - aplikasi: A1\n    arah: kirim\n    arah: terima\n"
    text = APP + "".join("    " + line + "\n" for line in inner.splitlines())
    for level in range(3, depth + 1):  # deeper still: nested mappings inside an unknown key
        text += "    x" + str(level) + ":\n" + "      " * 1 + "k: 1\n      k: 2\n"
    return text.encode()


for _depth in range(5):
    HOSTILE[f"duplicate-key-depth-{_depth}"] = _duplicate_at(_depth)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_located(out: str, root: Path, expected_file: Path) -> None:
    """The text report names ``expected_file`` with at least one ``line:column`` under it."""
    lines = out.splitlines()
    assert str(expected_file) in lines, out[:2000]
    after = lines[lines.index(str(expected_file)) + 1]
    place = after.split()[0]
    line, column = (int(x) for x in place.split(":"))
    assert line >= 1 and column >= 1


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_through_cli_and_api(
    name: str, make_repo: Callable[[Mapping[str, str | bytes]], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    root = make_repo({"a.yaml": HOSTILE[name], "b.yaml": APP.replace("A1", "B1")})
    start = time.perf_counter()
    code, out, err = cli(capsys, "check", str(root), "--color", "never", "--strict")
    assert time.perf_counter() - start < BOUND_SECONDS
    assert err == ""
    assert code == 1, out
    assert_located(out, root, root / "a.yaml")
    result = check(root)
    assert any(p.file == str(root / "a.yaml") and p.line >= 1 for p in result.problems)
    assert "B1" in result.model.elemen  # the other file still loads
    assert not (Path.cwd() / "DIRETAS").exists()


def test_huge_scalar_is_bounded_in_time_and_memory(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", {"a.yaml": APP + "    uraian: " + "x" * 20_000_000 + "\n"})
    tracemalloc.start()
    start = time.perf_counter()
    result = check(root)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seconds < BOUND_SECONDS
    assert peak < 400 * 1024 * 1024, f"{peak / 1e6:.0f} MB"  # the text itself is 20 MB
    assert "SPBE-YAML-011" in {p.code for p in result.problems if p.file.endswith("a.yaml")}


def test_alias_bomb_memory_is_bounded(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", {"a.yaml": HOSTILE["alias-bomb"]})
    tracemalloc.start()
    result = check(root)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 200 * 1024 * 1024, f"{peak / 1e6:.0f} MB"
    assert any(p.code == "SPBE-YAML-007" for p in result.problems)


def test_symlink_loops_and_broken_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_repo(tmp_path / "r", {"m/a.yaml": APP})
    (root / "m" / "loop").symlink_to(".", target_is_directory=True)
    (root / "m" / "up").symlink_to("..", target_is_directory=True)
    (root / "b.yaml").symlink_to("tidak-ada.yaml")
    (root / "c.yaml").symlink_to("c.yaml")  # a link to itself
    code, out, err = cli(capsys, "check", str(root), "--color", "never")
    assert (code, err) == (1, "")
    assert_located(out, root, root / "b.yaml")
    assert_located(out, root, root / "c.yaml")
    assert_located(out, root, root / "m" / "loop")


def test_symlink_loop_in_a_folder_of_repositories(tmp_path: Path) -> None:
    top = tmp_path / "semua"
    write_repo(top / "a", {"x.yaml": APP})
    (top / "lagi").symlink_to(".", target_is_directory=True)
    result = check_many(top, cache=False, jobs=1)
    assert [Path(r.path).name for r in result.repositories] == ["a"]


def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_repo(tmp_path / "r", {"a.yaml": APP, "b.yaml": APP.replace("A1", "B1")})
    real_open = os.open

    def refuse(path: str | os.PathLike[str], *args: int) -> int:
        if os.fspath(path).endswith("a.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args)

    monkeypatch.setattr(source.os, "open", refuse)
    code, out, err = cli(capsys, "check", str(root), "--color", "never")
    assert (code, err) == (1, "")
    assert_located(out, root, root / "a.yaml")
    assert "SPBE-YAML-010" in out and "Permission denied" in out


def test_file_vanishing_during_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_repo(tmp_path / "r", {"a.yaml": APP, "b.yaml": APP.replace("A1", "B1")})
    real = repository.discover

    def discover_then_delete(where: Path) -> Discovery:
        found = real(where)
        (where / "a.yaml").unlink()
        return found

    monkeypatch.setattr(repository, "discover", discover_then_delete)
    code, out, err = cli(capsys, "check", str(root), "--color", "never")
    assert (code, err) == (1, "")
    assert_located(out, root, root / "a.yaml")


def test_fifo_named_yaml_does_not_hang(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", {"b.yaml": APP})
    os.mkfifo(root / "a.yaml")
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(check(root)), daemon=True)
    worker.start()
    worker.join(BOUND_SECONDS)
    assert done, "check hung on a FIFO"
    problems = done[0].problems  # type: ignore[attr-defined]
    assert [p.code for p in problems if p.file.endswith("a.yaml")] == ["SPBE-YAML-010"]


def test_twenty_thousand_tiny_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Tiny files with few elements: the number of files is what is tested here (the growth with
    # the number of elements is test_check_work_grows_linearly_with_elements).
    root = write_repo(tmp_path / "r", {})
    tiny = ["", "# kosong\n", "aplikasi: []\n", "---\n", "layanan:\n"]
    for i in range(20_000):
        folder = root / f"d{i // 500:02d}"
        if i % 500 == 0:
            folder.mkdir()
        text = f"aplikasi:\n  - id: A{i}\n    nama: X{i}\n" if i % 100 == 0 else tiny[i % 5]
        (folder / f"f{i:05d}.yaml").write_text(text)
    (root / "d00" / "f00007.yaml").write_text("aplikasi:\n  - id: A1\n")  # one broken
    start = time.perf_counter()
    code, out, err = cli(capsys, "check", str(root), "--color", "never", "--format", "json")
    assert time.perf_counter() - start < 3 * BOUND_SECONDS
    assert (code, err) == (1, "")
    assert '"files_checked": 20001' in out
    assert f'"file": "{root / "d00" / "f00007.yaml"}"' in out


def _work(root: Path, n: int) -> int:
    """Lines of spbe-arch's own code run to check a repository of ``n`` one-element files.

    Counted, not timed (timings belong to the benchmarks): the count depends only on the input,
    and an algorithm that is quadratic in the elements shows as a count growing 16-fold for
    4× the elements, however fast or busy the machine is.
    """
    write_repo(root, {f"a{i}.yaml": f"aplikasi:\n  - id: A{i}\n    nama: X{i}\n" for i in range(n)})
    package = str(Path(spbe_arch.__file__).parent)
    lines = 0

    def trace(frame: Any, event: str, arg: Any) -> Any:
        nonlocal lines
        if not frame.f_code.co_filename.startswith(package):
            return None  # other code: not traced line by line
        if event == "line":
            lines += 1
        return trace

    sys.settrace(trace)
    try:
        check(root)
    finally:
        sys.settrace(None)
    return lines


def test_check_work_grows_linearly_with_elements(tmp_path: Path) -> None:
    _work(tmp_path / "warm", 20)  # imports and caches, counted once
    small = _work(tmp_path / "small", 150)
    large = _work(tmp_path / "large", 600)
    assert large < 5 * small, f"{small:,} → {large:,} lines run for 4× the elements"


def test_hostile_repository_among_good_ones(tmp_path: Path) -> None:
    top = tmp_path / "semua"
    write_repo(top / "baik", {"a.yaml": APP})
    write_repo(top / "buruk", {name + ".yaml": data for name, data in HOSTILE.items()})
    result = check_many(top, cache=False, jobs=2)
    _, bad = result.repositories
    assert bad.error > len(HOSTILE) // 2
    assert not [p for p in result.problems if "baik" in p.file and p.code.startswith("SPBE-YAML")]
    assert all(p.line >= 1 and p.column >= 1 for p in result.problems)
    assert not any(p.code == "SPBE-INTERNAL-001" for p in result.problems)


def test_real_subprocess_never_prints_a_traceback(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", {n + ".yaml": d for n, d in HOSTILE.items()})
    os.mkfifo(root / "pipa.yaml")
    (root / "loop").symlink_to(".", target_is_directory=True)
    done = subprocess.run(
        [sys.executable, "-m", "spbe_arch.cli", "check", str(root), "--color", "never"],
        capture_output=True, text=True, timeout=4 * BOUND_SECONDS,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == ""
    assert "Traceback" not in done.stdout
    assert str(root / "pipa.yaml") in done.stdout.splitlines()
