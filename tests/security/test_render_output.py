"""Attacks on render's output folder: planted manifests, symlinks, modes, hostile names."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from spbe_arch.cli import main
from spbe_arch.render import render_views
from spbe_arch.render.cache import MANIFEST, VERSION

FIXTURE = Path(__file__).parent.parent / "fixtures" / "render" / "model"
HAS_DOT = shutil.which("dot") is not None


@pytest.fixture
def model(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "model"))


def _plant(out: Path, files: dict[str, str]) -> None:
    """A manifest naming ``files`` (file name → view name), as an attacker would write it."""
    out.mkdir(parents=True, exist_ok=True)
    entries = {
        f: {"view": v, "file": f, "sha256": "0" * 64, "family": "x", "title": "t"}
        for f, v in files.items()
    }
    (out / MANIFEST).write_text(json.dumps({"versi": VERSION, "files": entries}))


def test_planted_manifest_cannot_delete_outside(model: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    config = model / "spbe.yaml"
    before = config.read_bytes()
    out = model / "build"
    _plant(
        out,
        {
            str(victim): "victim",
            "../spbe.yaml": "spbe",
            "../../victim.txt": "x",
            "/etc/passwd": "passwd",
            "lapisan/../../spbe.yaml": "lapisan",
        },
    )
    result = render_views(model, out, fmt="dot")
    assert result.views
    assert victim.read_text() == "keep me"
    assert config.read_bytes() == before
    manifest = json.loads((out / MANIFEST).read_text())
    assert all("/" not in f and ".." not in f.replace("..dot", "") for f in manifest["files"])


def test_full_run_deletes_only_own_stale_view_files(model: Path) -> None:
    out = model / "build"
    render_views(model, out, fmt="dot")
    stale = out / "lapisan-hilang.dot"
    stale.write_text("old")
    mine = out / "catatan-saya.dot"  # a user's file, never recorded: never deleted
    mine.write_text("mine")
    data = json.loads((out / MANIFEST).read_text())
    data["files"]["lapisan-hilang.dot"] = {
        "view": "lapisan-hilang",
        "file": "lapisan-hilang.dot",
        "sha256": "1" * 64,
    }
    (out / MANIFEST).write_text(json.dumps(data))
    render_views(model, out, fmt="dot")
    assert not stale.exists()
    assert mine.read_text() == "mine"


def test_symlinks_in_output_are_not_followed_out(model: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = model / "build"
    out.mkdir()
    for name in ("index.html", "elemen.html", MANIFEST, "ringkasan.dot"):
        target = outside / name
        target.write_text("untouched")
        (out / name).symlink_to(target)
    with pytest.raises(ValueError, match="outside"):
        render_views(model, out, fmt="dot", views=["ringkasan"])
    for name in ("index.html", "elemen.html", MANIFEST, "ringkasan.dot"):
        assert (outside / name).read_text() == "untouched"


def test_symlinks_cli_refuses_cleanly(
    model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text("untouched")
    out = model / "build"
    out.mkdir()
    (out / "index.html").symlink_to(outside)
    code = main(["render", str(model), "--out", str(out), "--format", "dot"])
    assert code == 2
    err = capsys.readouterr().err
    assert "luar folder keluaran" in err and "Traceback" not in err
    assert outside.read_text() == "untouched"


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_files_created_are_0644_under_umask_022(model: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "out"
        assert main(["render", str(model), "--out", str(out), "--view", "ringkasan"]) in (0, 1)
        tl = tmp_path / "tl"
        assert main(["timeline", str(model), "-o", str(tl), "--format", "svg,png,dot"]) == 0
    finally:
        os.umask(old)
    files = [p for p in (*out.iterdir(), *tl.iterdir()) if p.is_file()]
    assert len(files) >= 7
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {"0o644"}


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_timeline_symlink_refused(model: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.svg"
    outside.write_text("untouched")
    tl = tmp_path / "tl"
    tl.mkdir()
    (tl / "peta-rencana-linimasa.svg").symlink_to(outside)
    assert main(["timeline", str(model), "-o", str(tl), "--format", "svg"]) == 2
    assert outside.read_text() == "untouched"


def test_stale_view_that_is_a_link_is_unlinked_not_followed(model: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep")
    out = model / "build"
    render_views(model, out, fmt="dot", views=["ringkasan"])
    (out / "lapisan-lama.dot").symlink_to(target)
    data = json.loads((out / MANIFEST).read_text())
    data["files"]["lapisan-lama.dot"] = {
        "view": "lapisan-lama",
        "file": "lapisan-lama.dot",
        "sha256": "2" * 64,
    }
    data["ukuran"] = {"x" * 64: [1, 2], "3" * 64: ["a", None], "../../etc": [1, 1]}
    (out / MANIFEST).write_text(json.dumps(data))
    render_views(model, out, fmt="dot")
    assert not (out / "lapisan-lama.dot").is_symlink() and target.read_text() == "keep"
    kept = json.loads((out / MANIFEST).read_text())
    assert "lapisan-lama.dot" not in kept["files"] and kept["ukuran"] == {}
