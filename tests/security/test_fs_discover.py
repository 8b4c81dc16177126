"""The folder walk over random link graphs: nothing it lists or reads is outside the root."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from security.fskit import SECRET, SECRET_YAML
from spbe_arch.load.discover import discover
from spbe_arch.load.snapshot import take_snapshot

TARGETS = [
    "inside-file", "inside-dir", "outside-file", "outside-dir", "dev-null", "dangling",
    "dangling-out", "root", "parent", "abs-outside", "link",
]  # fmt: skip

ENTRY = st.tuples(
    st.sampled_from(["", "a", "a/b", "c"]),  # folder of the link
    st.sampled_from(["x.yaml", "y.yml", "d", "spbe.yaml", "z.txt"]),  # its name
    st.sampled_from(TARGETS),
    st.integers(0, 20),  # which earlier link, for "link"
)


def _target(kind: str, index: int, made: list[Path], root: Path, outside: Path) -> str:
    return {
        "inside-file": str(root / "a" / "real.yaml"),
        "inside-dir": str(root / "c"),
        "outside-file": str(outside / "secret.yaml"),
        "outside-dir": str(outside),
        "dev-null": "/dev/null",
        "dangling": str(root / "nothing.yaml"),
        "dangling-out": str(outside / "nothing.yaml"),
        "root": str(root),
        "parent": "..",
        "abs-outside": str(outside / "dir" / "x.yaml"),
        "link": str(made[index % len(made)]) if made else str(root / "a"),
    }[kind]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, min_size=1, max_size=12))
def test_walk_lists_and_reads_nothing_outside(entries: list[tuple[str, str, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        outside = base / "outside"
        (outside / "dir").mkdir(parents=True)
        (outside / "secret.yaml").write_text(SECRET_YAML)
        (outside / "dir" / "x.yaml").write_text(SECRET_YAML)
        root = base / "root"
        for folder in ("a/b", "c"):
            (root / folder).mkdir(parents=True)
        (root / "spbe.yaml").write_text("spbe_arch: 1\n")
        (root / "a" / "real.yaml").write_text("aplikasi: []\n")
        made: list[Path] = []
        for folder, name, kind, index in entries:
            link = root / folder / name
            if link.exists() or link.is_symlink():
                continue
            link.symlink_to(_target(kind, index, made, root, outside))
            made.append(link)
        found = discover(root)
        real_root = os.path.realpath(root)
        for rel in found.files:
            assert os.path.realpath(root / rel).startswith(real_root + os.sep), rel
        for rel in found.outside:
            assert (root / rel).is_symlink()
            assert not os.path.realpath(root / rel).startswith(real_root + os.sep)
        snap = take_snapshot(root, found)
        for data in snap.data.values():
            assert not (isinstance(data, bytes) and SECRET.encode() in data)
