"""The rule engine: the registry, the context rules read, and the run that stamps findings.

A rule is a plain function ``(ctx: Context) -> Iterable[Finding]`` registered with :func:`rule`.
The engine, not the rule, stamps code and severity, resolves the finding's file, line and
column from the model's source positions, applies the severity configured in ``spbe.yaml``
and the per-element suppressions (``abaikan``), and reports suppressions that suppress nothing.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spbe_arch.graph import ModelGraph
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import Elemen, berjalan
from spbe_arch.model.kinds import DOMAINS
from spbe_arch.problems import Problem, Severity
from spbe_arch.referensi import Katalog

CODE_RE = re.compile(r"^SPBE-[A-Z]{2,5}-\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: where (an element and a path inside it) and what, in two languages.

    ``key=True`` points at the key of the last path item rather than its value. ``at`` places
    a finding that belongs to no element (a file, line and column), e.g. in ``spbe.yaml``.
    """

    element_id: str | None
    message: str
    message_en: str
    path: tuple[str | int, ...] = ()
    key: bool = False
    hint: str | None = None
    hint_en: str | None = None
    at: tuple[str, int, int] | None = None


@dataclass(slots=True)
class Context:
    """What a rule may read: the model, its graph, the pinned catalogue, and today's date."""

    model: Arsitektur
    graph: ModelGraph
    katalog: Katalog | None
    today: dt.date
    domain_kosong: frozenset[str] = frozenset()
    """Domains without elements that SPBE-ARS-001 reports in this run (set by
    :func:`run_rules`): rules stay silent about them instead of repeating it per element."""

    def elements(self, *kinds: str) -> list[Elemen]:
        """Elements of the given kinds, sorted by id."""
        return self.model.of_kind(*kinds)


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: stable code, kebab-case name, default severity, docs, function."""

    code: str
    name: str
    severity: Severity
    func: RuleFunc | None
    doc: str
    stage: str = "rule"
    configurable: bool = True
    domain_wajib: str | None = None
    """The domain whose elements the rule's findings are about (``keamanan`` for "no security
    programme covers X"). When that domain is empty and SPBE-ARS-001 reports it, the rule does
    not run: one "domain is empty" finding says it, instead of one finding per element."""
    hanya_berjalan: bool = False
    """True for rules about running systems (audits due, hosting, security coverage): findings
    on an element whose ``status_operasional`` is not ``aktif`` are dropped."""

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def summary_in(self, lang: str = "id") -> str:
        """The summary in ``lang``: the English one from :mod:`spbe_arch.rules.english`
        (a plug-in rule without one: its name)."""
        if lang != "en":
            return self.summary
        from spbe_arch.rules.english import SUMMARY_EN

        return SUMMARY_EN.get(self.code, self.name)

    @property
    def domain(self) -> str:
        """The domain part of the code (``APL`` in ``SPBE-APL-001``)."""
        return self.code.split("-")[1]


REGISTRY: dict[str, Rule] = {}
"""Every rule by code, filled when :mod:`spbe_arch.rules` is imported."""


def register(item: Rule) -> Rule:
    """Add a rule to the registry, refusing a reused code or name."""
    if not CODE_RE.match(item.code):
        raise ValueError(f"rule code {item.code!r} is not SPBE-<DOMAIN>-<NNN>")
    if not NAME_RE.match(item.name):
        raise ValueError(f"rule name {item.name!r} is not kebab-case")
    if item.code in REGISTRY and REGISTRY[item.code].func is not item.func:
        raise ValueError(f"rule code {item.code} registered twice")
    if any(r.name == item.name and r.code != item.code for r in REGISTRY.values()):
        raise ValueError(f"rule name {item.name} registered twice")
    REGISTRY[item.code] = item
    return item


def rule(
    code: str,
    name: str,
    severity: Severity | str,
    *,
    domain_wajib: str | None = None,
    hanya_berjalan: bool = False,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated function as a rule; its docstring is its documentation.

    ``domain_wajib`` and ``hanya_berjalan``: see :class:`Rule`.
    """

    def wrap(func: RuleFunc) -> RuleFunc:
        register(
            Rule(
                code,
                name,
                Severity(severity),
                func,
                inspect.getdoc(func) or "",
                domain_wajib=domain_wajib,
                hanya_berjalan=hanya_berjalan,
            )
        )
        return func

    return wrap


def lookup(code_or_name: str) -> Rule | None:
    """A rule by code (``SPBE-APL-001``, any case) or by name (``aplikasi-tanpa-layanan``)."""
    key = code_or_name.strip()
    found = REGISTRY.get(key.upper())
    if found is not None:
        return found
    return next((r for r in REGISTRY.values() if r.name == key.lower()), None)


def _stamp(ctx: Context, item: Rule, finding: Finding, severity: Severity) -> Problem:
    if finding.at is not None:
        file, line, column = finding.at
        end_line = end_column = None
    elif finding.element_id is not None and finding.element_id in ctx.model.sumber:
        src = ctx.model.sumber[finding.element_id]
        node = src.pos.find(finding.path, key=finding.key)
        file, line, column = src.file, node.line, node.column
        end_line, end_column = node.end_line, node.end_column
    else:
        file, line, column = ctx.model.config_file, 1, 1
        end_line = end_column = None
    return Problem(
        file=file,
        line=line,
        column=column,
        code=item.code,
        severity=severity,
        message=finding.message,
        message_en=finding.message_en,
        end_line=end_line,
        end_column=end_column,
        path=_path_text(finding.path),
        element_id=finding.element_id,
        hint=finding.hint,
        hint_en=finding.hint_en,
    )


def _path_text(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def run_rules(
    ctx: Context,
    severities: dict[str, str] | None = None,
    only: Iterable[str] | None = None,
) -> list[Problem]:
    """Run every registered rule (or ``only`` these codes) and return located problems.

    ``severities`` maps rule codes to ``error``/``warning``/``info``/``off`` (already resolved
    from names by the caller). Suppressions in elements' ``abaikan`` are applied here.
    """
    severities = severities or {}
    wanted = set(only) if only is not None else None
    suppress: dict[tuple[str, str], int] = {}
    for element in ctx.model.elemen.values():
        for index, entry in enumerate(element.abaikan):
            found = lookup(entry.aturan)
            code = found.code if found is not None else entry.aturan.strip().upper()
            suppress[(element.id, code)] = index
    used: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    empty = domains_reported_empty(ctx, severities, wanted)
    ctx.domain_kosong = frozenset(empty)
    elemen = ctx.model.elemen
    for code in sorted(REGISTRY):
        item = REGISTRY[code]
        if item.func is None or (wanted is not None and code not in wanted):
            continue
        level = severities.get(code, item.severity.value)
        if level == "off" or item.domain_wajib in empty:
            continue
        severity = Severity(level)
        for finding in item.func(ctx):
            ident = finding.element_id
            if item.hanya_berjalan and ident in elemen and not berjalan(elemen[ident]):
                continue
            key = (finding.element_id or "", code)
            if key in suppress:
                used.add(key)
                continue
            problems.append(_stamp(ctx, item, finding, severity))
    # A suppression of a rule that did not run because its domain is empty is not stale.
    used |= {key for key in suppress if REGISTRY.get(key[1]) is not None
             and REGISTRY[key[1]].domain_wajib in empty}  # fmt: skip
    problems.extend(_suppression_problems(ctx, suppress, used, wanted, severities))
    return problems


EMPTY_DOMAIN_RULE = "SPBE-ARS-001"


def domains_reported_empty(
    ctx: Context, severities: dict[str, str] | None = None, wanted: set[str] | None = None
) -> set[str]:
    """The architecture domains without elements, when SPBE-ARS-001 runs and reports them."""
    severities = severities or {}
    if wanted is not None and EMPTY_DOMAIN_RULE not in wanted:
        return set()
    if severities.get(EMPTY_DOMAIN_RULE) == "off":
        return set()
    return {d for d in DOMAINS if not ctx.model.of_domain(d)}


def _suppression_problems(
    ctx: Context,
    suppress: dict[tuple[str, str], int],
    used: set[tuple[str, str]],
    wanted: set[str] | None,
    severities: dict[str, str],
) -> list[Problem]:
    out: list[Problem] = []
    for (element_id, code), index in sorted(suppress.items()):
        if (element_id, code) in used:
            continue
        known = REGISTRY.get(code)
        path: tuple[str | int, ...] = ("abaikan", index, "aturan")
        if known is None or known.func is None:
            meta = REGISTRY["SPBE-CFG-002"]
            finding = Finding(
                element_id,
                f"aturan '{code}' pada 'abaikan' tidak dikenal atau tidak dapat diabaikan",
                f"rule '{code}' in 'abaikan' is unknown or cannot be suppressed",
                path,
                hint="lihat `spbe-arch rules` untuk daftar aturan",
                hint_en="see `spbe-arch rules` for the list of rules",
            )
        else:
            if wanted is not None and code not in wanted:
                continue
            if severities.get(code) == "off":
                continue
            meta = REGISTRY["SPBE-CFG-001"]
            finding = Finding(
                element_id,
                f"pengabaian {code} tidak menekan temuan apa pun; hapus entri ini",
                f"the suppression of {code} suppresses nothing; remove this entry",
                path,
            )
        level = severities.get(meta.code, meta.severity.value)
        if level != "off":
            out.append(_stamp(ctx, meta, finding, Severity(level)))
    return out
