"""``spbe_arch.diff``: the semantic difference of two versions of a model repository.

:func:`diff_sides` loads two sides (a git revision, a folder, or the work tree) with the
project's own loader, checks both, and compares them (:func:`~spbe_arch.diff.compare.compare`);
:mod:`spbe_arch.diff.report` writes the result as text, JSON or a pull-request comment.
See docs/review.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from spbe_arch.diff.compare import (
    ElementChange,
    FieldChange,
    GapEffect,
    Impact,
    ModelDiff,
    RelationChange,
    compare,
    compare_findings,
    impact_of,
)
from spbe_arch.diff.sources import (
    WORKTREE,
    DiffSourceError,
    GitPlace,
    Side,
    git_place,
    read_revision,
    side_for,
)
from spbe_arch.load import LoadResult

__all__ = [
    "WORKTREE",
    "DiffSourceError",
    "ElementChange",
    "FieldChange",
    "GapEffect",
    "Impact",
    "ModelDiff",
    "RelationChange",
    "Side",
    "compare",
    "compare_findings",
    "diff_sides",
    "impact_of",
    "load_side",
    "side_for",
]


def load_side(
    side: Side, model: str | os.PathLike[str] = ".", place: GitPlace | None = None
) -> LoadResult:
    """Load one side: a folder from disk, a revision through git (no checkout).

    ``model`` is the model folder in the work tree; a revision is read at the same place in
    the revision's tree, and its files are shown with the same paths as the work tree's.
    """
    from spbe_arch.load import load

    if side.folder is not None:
        return load(side.folder)
    assert side.revision is not None
    place = place if place is not None else git_place(Path(model))
    return load(model, snapshot=read_revision(place, side.revision, Path(model)))


def diff_sides(
    old: Side,
    new: Side,
    model: str | os.PathLike[str] = ".",
) -> ModelDiff:
    """Load, check and compare two sides of a model repository."""
    from spbe_arch.check import check

    # both revisions are in one repository: find it once
    place = git_place(Path(model)) if old.revision or new.revision else None
    before = check(load_side(old, model, place))
    after = check(load_side(new, model, place))
    old_root = os.fspath(old.folder) if old.folder is not None else os.fspath(model)
    new_root = os.fspath(new.folder) if new.folder is not None else os.fspath(model)
    return compare(before, after, old_label=old.label, new_label=new.label,
                   roots=(old_root, new_root))  # fmt: skip
