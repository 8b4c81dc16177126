"""The records the pipeline returns: :class:`LoadResult` and :class:`CheckResult`.

A leaf module: it imports nothing of spbe-arch at run time but :mod:`spbe_arch.problems`, so the
reports, the national check and the survey read results without importing the loader, the
rules or each other. Both records print short: a result holds a whole model, and a notebook
shows the ``repr`` of whatever a cell returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

from spbe_arch.problems import Problem, Severity

if TYPE_CHECKING:
    from spbe_arch.graph import ModelGraph
    from spbe_arch.model.arsitektur import Arsitektur


def counts_text(problems: list[Problem]) -> str:
    """Problems counted by severity, for a ``repr``.

    >>> counts_text([])
    '0 error, 0 warning, 0 info'
    """
    counts = dict.fromkeys(Severity, 0)
    for problem in problems:
        counts[problem.severity] += 1
    return ", ".join(f"{n} {severity.value}" for severity, n in counts.items())


class LoadResult(NamedTuple):
    """What :func:`spbe_arch.load` returns: the model and every problem found while loading it.

    A named tuple, so ``model, problems = spbe_arch.load(path)`` unpacks it (both typed).

    >>> import spbe_arch
    >>> model, problems = spbe_arch.load("models/kabupaten-contoh")
    >>> len(model) > 100, problems
    (True, [])
    """

    model: Arsitektur
    problems: list[Problem]

    def __repr__(self) -> str:
        return f"LoadResult(model={self.model!r}, problems=<{counts_text(self.problems)}>)"


class Checked(Protocol):
    """What a report reads from a result: the problems and what was checked.

    :class:`CheckResult` (one repository) and :class:`spbe_arch.nasional.ManyResult` (many)
    both have these; every renderer in :mod:`spbe_arch.report` takes either.
    """

    @property
    def problems(self) -> list[Problem]:
        """Every problem, sorted by (file, line, column, code)."""
        ...

    @property
    def files_checked(self) -> int:
        """The files read: model files plus each repository's ``spbe.yaml``."""
        ...

    @property
    def elements(self) -> int:
        """The number of elements checked."""
        ...


class _ModelAndProblems(NamedTuple):
    model: Arsitektur
    problems: list[Problem]


class CheckResult(_ModelAndProblems):
    """What :func:`spbe_arch.check` returns: the model, its graph and every problem.

    Problems are sorted by (file, line, column, code). Like :class:`LoadResult` it is a named
    tuple of ``(model, problems)``, so ``model, problems = result`` unpacks it with both types
    known to a type checker; the graph is the attribute ``graph``.

    >>> import spbe_arch
    >>> result = spbe_arch.check("models/kabupaten-contoh", only=["SPBE-APL-001"])
    >>> result.problems
    []
    >>> len(repr(result)) < 300  # a whole model and its graph, in one line
    True
    >>> result.model  # doctest: +ELLIPSIS
    <Arsitektur 'Pemerintah Kabupaten Contoh': ... elements in ... files>
    """

    graph: ModelGraph | None

    def __new__(
        cls,
        model: Arsitektur,
        problems: list[Problem] | None = None,
        graph: ModelGraph | None = None,
    ) -> CheckResult:
        self = super().__new__(cls, model, [] if problems is None else problems)
        self.graph = graph
        return self

    def __repr__(self) -> str:
        return (
            f"CheckResult(model={self.model!r}, problems=<{counts_text(self.problems)}>, "
            f"graph={self.graph!r})"
        )

    @property
    def files_checked(self) -> int:
        """The model files loaded, plus ``spbe.yaml``."""
        return len(self.model.files) + 1

    @property
    def elements(self) -> int:
        """The number of elements in the model."""
        return len(self.model)

    @property
    def errors(self) -> list[Problem]:
        """The problems of severity error."""
        return [p for p in self.problems if p.severity is Severity.ERROR]
