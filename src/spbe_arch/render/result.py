"""What a render run returns: the views drawn, their files, notices and model problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch.problems import Problem


@dataclass(frozen=True, slots=True)
class ViewOutput:
    """One drawn view: name, family, title, the file written (relative to the output folder)."""

    name: str
    family: str
    title: str
    file: str
    nodes: int
    notice: str = ""
    cached: bool = False
    opd: str = ""


@dataclass(slots=True)
class RenderResult:
    """The outcome of :func:`spbe_arch.render.render_views`.

    ``problems`` are the loader's errors (files or elements missing from the diagrams) and
    ``dangling`` the references to ids that do not exist (edges missing from the diagrams):
    when either is non-empty the diagrams are drawn but incomplete. ``failed`` lists the views
    ``dot`` could not draw (``name: message``).
    """

    out: Path
    format: str
    views: list[ViewOutput] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dangling: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def rendered(self) -> int:
        """Views drawn by ``dot`` (or written, for ``--format dot``) in this run."""
        return sum(1 for v in self.views if not v.cached)

    @property
    def cached(self) -> int:
        """Views whose file was already up to date."""
        return sum(1 for v in self.views if v.cached)

    @property
    def incomplete(self) -> bool:
        """Whether model errors left elements or relations out of the diagrams."""
        return bool(self.problems or self.dangling or self.failed)
