"""The semantic comparison of two loaded models: elements, fields, relations, impact, findings, gap.

What is compared (documented in docs/review.md):

- **Elements** (every architecture element, roadmap item and OPD) are matched by id. An id
  only in the old model and one only in the new, of the same kind and with content at least
  :data:`RENAME_THRESHOLD` similar (fields weighted, names compared as text, the elements that
  referred to the old id now referring to the new one counting in favour), are one element
  *renamed*; the rest are *removed* and *added*.
- **Fields** of an element present on both sides are compared after the renames were applied
  to the old side (a reference to a renamed element is not a change). Relation fields (the
  relation table of :mod:`spbe_arch.model.relasi`) are reported as relations added and
  removed, except the owner ``opd``, which is a field (a move to another OPD).
- **Impact** of a removed element is read from the old model's graph, of a changed or renamed
  one from the new model's graph: what depends on it, following the hosting chain (a server's
  virtual servers, the applications on them, and the services and business processes those
  applications deliver); roadmap items are left out (they appear in the roadmap effect).
- **Findings** of ``check`` on both sides are matched by rule, element and message (not by
  line, which moves with every edit), so only findings that appeared or disappeared are shown.
- **Gap and roadmap**: the as-is → to-be differences of :mod:`spbe_arch.roadmap.gap` on both
  sides, and which appeared, disappeared or are now delivered by other roadmap items.
"""

from __future__ import annotations

import difflib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from spbe_arch.check import CheckResult
from spbe_arch.graph import ModelGraph
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.kinds import DOMAINS
from spbe_arch.model.relasi import INFRA_KINDS, relations_of, targets
from spbe_arch.problems import Problem, Severity
from spbe_arch.referensi import Katalog
from spbe_arch.roadmap.gap import Gap, Perubahan, analisis_gap

Status = Literal["added", "removed", "renamed", "changed"]
STATUSES: tuple[Status, ...] = ("added", "removed", "renamed", "changed")
"""The kinds of element change, in report order."""

DOMAIN_ORDER: tuple[str, ...] = ("organisasi", *DOMAINS, "peta_rencana")
"""The order of domains in a report: OPDs, the six domains, the roadmap."""

RENAME_THRESHOLD = 0.6
"""How similar (0–1) a removed and an added element of one kind must be to be one renamed."""

IMPACT_DEPTH = 4
"""How many dependency steps the impact of a change follows (server → virtual server →
application → service is three)."""

_WEIGHTS = {"nama": 3.0, "referensi": 2.0, "uraian": 2.0, "opd": 1.5}
_TEXT_FIELDS = ("nama", "uraian", "keterangan", "fungsi")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an element, before and after (values as JSON, plus readable text)."""

    field: str
    old: Any
    new: Any
    old_text: str
    new_text: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "old_text": self.old_text,
            "new_text": self.new_text,
        }


@dataclass(frozen=True, slots=True)
class RelationChange:
    """A relation written in an element (``source`` names ``target`` in ``field``)."""

    source: str
    field: str
    target: str
    label: str
    target_nama: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source,
            "field": self.field,
            "target": self.target,
            "label": self.label,
            "target_nama": self.target_nama,
        }


@dataclass(frozen=True, slots=True)
class Impact:
    """An element that depends (through ``via``) on a changed or removed element."""

    id: str
    kind: str
    nama: str
    via: str
    depth: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"id": self.id, "kind": self.kind, "nama": self.nama, "via": self.via,
                "depth": self.depth}  # fmt: skip


@dataclass(slots=True)
class ElementChange:
    """One element added, removed, renamed or changed, with its fields, relations and impact."""

    status: Status
    id: str
    kind: str
    domain: str
    opd: str | None
    nama: str
    file: str | None
    old_id: str | None = None
    old_nama: str | None = None
    old_file: str | None = None
    similarity: float | None = None
    fields: list[FieldChange] = field(default_factory=list)
    relations_added: list[RelationChange] = field(default_factory=list)
    relations_removed: list[RelationChange] = field(default_factory=list)
    impact: list[Impact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (see docs/review.md for the contract)."""
        return {
            "status": self.status,
            "id": self.id,
            "old_id": self.old_id,
            "kind": self.kind,
            "domain": self.domain,
            "opd": self.opd,
            "nama": self.nama,
            "old_nama": self.old_nama,
            "file": self.file,
            "old_file": self.old_file,
            "similarity": None if self.similarity is None else round(self.similarity, 3),
            "fields": [f.to_dict() for f in self.fields],
            "relations_added": [r.to_dict() for r in self.relations_added],
            "relations_removed": [r.to_dict() for r in self.relations_removed],
            "impact": [i.to_dict() for i in self.impact],
        }


@dataclass(slots=True)
class GapEffect:
    """How the change moves the as-is → to-be gap and who delivers it."""

    appeared: list[Perubahan] = field(default_factory=list)
    disappeared: list[Perubahan] = field(default_factory=list)
    redelivered: list[tuple[Perubahan, Perubahan]] = field(default_factory=list)
    """Differences on both sides now delivered by other roadmap items: (old, new)."""
    tanpa_rencana: tuple[int, int] = (0, 0)
    """Differences no roadmap item delivers, before and after."""
    to_be: tuple[int, int] = (0, 0)
    """Elements of the to-be architecture, before and after."""

    def empty(self) -> bool:
        """Whether the gap and its delivery are unchanged."""
        return not (self.appeared or self.disappeared or self.redelivered) and (
            self.tanpa_rencana[0] == self.tanpa_rencana[1]
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "appeared": [p.to_dict() | {"domain": p.domain} for p in self.appeared],
            "disappeared": [p.to_dict() | {"domain": p.domain} for p in self.disappeared],
            "redelivered": [
                {
                    "jenis": new.jenis,
                    "elemen": new.elemen,
                    "old_rencana": list(old.rencana),
                    "new_rencana": list(new.rencana),
                }
                for old, new in self.redelivered
            ],
            "tanpa_rencana": {"old": self.tanpa_rencana[0], "new": self.tanpa_rencana[1]},
            "to_be": {"old": self.to_be[0], "new": self.to_be[1]},
        }


@dataclass(slots=True)
class ModelDiff:
    """The semantic difference between two models (``old`` → ``new``)."""

    old_label: str
    new_label: str
    elements: list[ElementChange] = field(default_factory=list)
    config: list[FieldChange] = field(default_factory=list)
    findings_appeared: list[Problem] = field(default_factory=list)
    findings_disappeared: list[Problem] = field(default_factory=list)
    gap: GapEffect = field(default_factory=GapEffect)
    counts: dict[str, int] = field(default_factory=dict)
    """Elements on each side: ``old``, ``new``."""

    def changed(self) -> bool:
        """Whether the architecture differs (elements or ``spbe.yaml``); findings that come and
        go only with a rule change are not a change of the architecture."""
        return bool(self.elements or self.config)

    def of_status(self, status: Status) -> list[ElementChange]:
        """The element changes of one status, in report order."""
        return [e for e in self.elements if e.status == status]

    def new_errors(self) -> list[Problem]:
        """Errors found in the new model that the old one did not have."""
        return [p for p in self.findings_appeared if p.severity is Severity.ERROR]

    def summary(self) -> dict[str, int]:
        """Counts: elements per status, relations added/removed, findings appeared/disappeared."""
        out: dict[str, int] = {s: len(self.of_status(s)) for s in STATUSES}
        out["relations_added"] = sum(len(e.relations_added) for e in self.elements)
        out["relations_removed"] = sum(len(e.relations_removed) for e in self.elements)
        out["config"] = len(self.config)
        out["findings_appeared"] = len(self.findings_appeared)
        out["findings_disappeared"] = len(self.findings_disappeared)
        out["new_errors"] = len(self.new_errors())
        return out


# -- values -----------------------------------------------------------------------------------


def _dump(obj: Any) -> dict[str, Any]:
    """An element as written: JSON values, fields left at their default omitted."""
    data: dict[str, Any] = obj.model_dump(mode="json", exclude_defaults=True)
    return data


def _relation_heads(kind: str) -> dict[str, str]:
    """The plain relation fields of a kind (``layanan``, ``infrastruktur`` …) and their labels;
    nested ones (``integrasi.aplikasi``) stay inside their field, and ``opd`` is a field."""
    return {r.field: r.label for r in relations_of(kind) if "." not in r.field and r.field != "opd"}


def _renamed(value: Any, renames: dict[str, str]) -> Any:
    """``value`` with every string that is an old id of a renamed element replaced by the new."""
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, list):
        return [_renamed(v, renames) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, renames) for k, v in value.items()}
    return value


class _Namer:
    """Readable text of field values: codes resolved through the catalogue, choices through
    their labels, ids through the elements' names."""

    def __init__(self, old: Arsitektur, new: Arsitektur, katalog: Katalog) -> None:
        self.old, self.new, self.katalog = old, new, katalog

    def nama(self, ident: str) -> str | None:
        found = self.new.get(ident) or self.old.get(ident)
        nama = getattr(found, "nama", None)
        return nama if isinstance(nama, str) else None

    def text(self, obj: Any, name: str, value: Any, ids: bool) -> str:
        if value is None or value == []:
            return "—"
        if name == "referensi" and isinstance(value, str):
            simpul = self.katalog.get(value)
            return f"{value} ({simpul.nama})" if simpul is not None else value
        attr = getattr(obj, name, None) if obj is not None else None
        if isinstance(attr, Enum) and hasattr(attr, "label"):
            return f"{attr.label}"
        if isinstance(attr, list) and attr and all(isinstance(a, Enum) for a in attr):
            return ", ".join(str(getattr(a, "label", a.value)) for a in attr)
        if ids and isinstance(value, str):
            nama = self.nama(value)
            return f"{value} ({nama})" if nama else value
        if isinstance(value, str):
            return value
        return json.dumps(value, ensure_ascii=False, sort_keys=True)


# -- matching ---------------------------------------------------------------------------------


def _similarity(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How alike two element records are (0–1), ids aside."""
    total = score = 0.0
    for key in (a.keys() | b.keys()) - {"id"}:
        weight = _WEIGHTS.get(key, 1.0)
        total += weight
        va, vb = a.get(key), b.get(key)
        if va == vb:
            score += weight
        elif key in _TEXT_FIELDS and isinstance(va, str) and isinstance(vb, str):
            score += weight * difflib.SequenceMatcher(None, va, vb).ratio()
        elif isinstance(va, list) and isinstance(vb, list) and (va or vb):
            sa = {json.dumps(v, sort_keys=True) for v in va}
            sb = {json.dumps(v, sort_keys=True) for v in vb}
            score += weight * len(sa & sb) / len(sa | sb)
    return score / total if total else 0.0


def _referrers(graph: ModelGraph, ident: str) -> set[str]:
    return {lk.source for lk in graph.links_to(ident) if lk.field not in ("opd", "referensi")}


def _match_renames(
    old: Arsitektur,
    new: Arsitektur,
    removed: list[str],
    added: list[str],
    old_graph: ModelGraph,
    new_graph: ModelGraph,
) -> dict[str, tuple[str, float]]:
    """Old id → (new id, similarity) for removed/added pairs that are one element renamed."""
    by_kind: dict[str, list[str]] = {}
    for ident in added:
        by_kind.setdefault(_kind(new, ident), []).append(ident)
    candidates: list[tuple[float, str, str]] = []
    records: dict[tuple[str, str], dict[str, Any]] = {}

    def record(side: str, model: Arsitektur, ident: str) -> dict[str, Any]:
        key = (side, ident)
        if key not in records:
            records[key] = _dump(model.get(ident))
        return records[key]

    for old_id in removed:
        pool = by_kind.get(_kind(old, old_id), [])
        if not pool:
            continue
        if len(pool) * len(removed) > 200_000:  # a mass change: exact names only
            old_nama = getattr(old.get(old_id), "nama", None)
            pool = [i for i in pool if getattr(new.get(i), "nama", None) == old_nama]
        before = _referrers(old_graph, old_id)
        for new_id in pool:
            score = _similarity(record("old", old, old_id), record("new", new, new_id))
            if before:
                after = _referrers(new_graph, new_id)
                score = min(1.0, score + 0.1 * len(before & after) / len(before))
            if score >= RENAME_THRESHOLD:
                candidates.append((score, old_id, new_id))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    out: dict[str, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, old_id, new_id in candidates:
        if old_id in out or new_id in taken:
            continue
        out[old_id] = (new_id, score)
        taken.add(new_id)
    return out


def _kind(model: Arsitektur, ident: str) -> str:
    return model.kind_of(ident) or ""


def _domain(model: Arsitektur, ident: str) -> str:
    found = model.get(ident)
    return str(getattr(found, "DOMAIN", "organisasi"))


def _relations(model: Arsitektur, ident: str) -> dict[tuple[str, str], str]:
    """(field, target) → label of every reference an element writes (ownership aside)."""
    element = model.elemen.get(ident)
    if element is None:
        return {}
    out: dict[tuple[str, str], str] = {}
    for relasi in relations_of(element.KIND):
        if relasi.field == "opd":
            continue
        for _, target in targets(element.KIND, element, relasi):
            out[(relasi.field, target)] = relasi.label
    return out


# -- impact -----------------------------------------------------------------------------------

_EXPANDED = frozenset(INFRA_KINDS)


def impact_of(model: Arsitektur, graph: ModelGraph, ident: str) -> list[Impact]:
    """What depends on ``ident`` in ``model``: its direct dependents, and from infrastructure
    the whole hosting chain (virtual servers, the applications on them, and the services and
    business processes those applications serve), at most :data:`IMPACT_DEPTH` steps; roadmap
    items left out (they are the roadmap effect)."""
    out: dict[str, Impact] = {}
    frontier = [ident]
    for depth in range(1, IMPACT_DEPTH + 1):
        nxt: list[str] = []
        for node in frontier:
            node_kind = graph.kind(node) or ""
            for dep in graph.dependents_of(node):
                if dep == ident or dep in out:
                    continue
                kind = graph.kind(dep) or ""
                if kind == "rencana":
                    continue
                nama = getattr(model.get(dep), "nama", dep)
                out[dep] = Impact(dep, kind, str(nama), node, depth)
                # follow the hosting chain only: infrastructure on infrastructure, and the
                # applications it hosts (a security programme's protected servers, or an
                # application's partners, are direct dependents only)
                if node_kind in _EXPANDED and (kind in _EXPANDED or kind == "aplikasi"):
                    nxt.append(dep)
        if not nxt:
            break
        frontier = nxt
    return sorted(out.values(), key=lambda i: (i.depth, i.kind, i.id))


# -- findings ---------------------------------------------------------------------------------


def _finding_key(p: Problem, renames: dict[str, str], root: str) -> tuple[str, str, str]:
    message = p.message
    element = p.element_id or ""
    if element in renames:
        message = message.replace(element, renames[element])
        element = renames[element]
    file = os.path.relpath(p.file, root) if root and p.file else p.file
    return (p.code, element or file, message)


def compare_findings(
    old: Iterable[Problem],
    new: Iterable[Problem],
    renames: dict[str, str] | None = None,
    roots: tuple[str, str] = ("", ""),
) -> tuple[list[Problem], list[Problem]]:
    """Findings only in ``new`` (appeared) and only in ``old`` (disappeared), matched by rule,
    element (through ``renames``, old id → new id) and message, not by line; files are compared
    relative to each side's ``roots`` (two folders show one file under two paths)."""
    renames = renames or {}
    old_list, new_list = list(old), list(new)
    remaining = Counter(_finding_key(p, renames, roots[0]) for p in old_list)
    appeared: list[Problem] = []
    for p in new_list:
        key = _finding_key(p, {}, roots[1])
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            appeared.append(p)
    left = Counter(_finding_key(p, {}, roots[1]) for p in new_list)
    disappeared: list[Problem] = []
    for p in old_list:
        key = _finding_key(p, renames, roots[0])
        if left[key] > 0:
            left[key] -= 1
        else:
            disappeared.append(p)
    return appeared, disappeared


# -- gap --------------------------------------------------------------------------------------


def compare_gap(old: Gap, new: Gap, renames: dict[str, str]) -> GapEffect:
    """The gap differences that appeared, disappeared, or are delivered by other items."""
    before = {(p.jenis, renames.get(p.elemen, p.elemen)): p for p in old.perubahan}
    after = {(p.jenis, p.elemen): p for p in new.perubahan}
    effect = GapEffect(
        appeared=[p for k, p in after.items() if k not in before],
        disappeared=[p for k, p in before.items() if k not in after],
        tanpa_rencana=(len(old.tanpa_rencana()), len(new.tanpa_rencana())),
        to_be=(old.jumlah_to_be, new.jumlah_to_be),
    )
    for key, p in after.items():
        q = before.get(key)
        if q is not None and tuple(renames.get(r, r) for r in q.rencana) != p.rencana:
            effect.redelivered.append((q, p))
    return effect


# -- the whole diff ---------------------------------------------------------------------------


def compare(
    old: CheckResult,
    new: CheckResult,
    *,
    old_label: str = "old",
    new_label: str = "new",
    roots: tuple[str, str] = ("", ""),
) -> ModelDiff:
    """The semantic diff of two checked models (:func:`spbe_arch.check.check` results).

    ``roots`` are the two sides' folders as their file paths show them (findings are matched
    by paths relative to them)."""
    om, nm = old.model, new.model
    og = old.graph or ModelGraph(om, om.katalog())
    ng = new.graph or ModelGraph(nm, nm.katalog())
    namer = _Namer(om, nm, nm.katalog())
    old_ids = {**dict.fromkeys(om.opd), **dict.fromkeys(om.elemen)}
    new_ids = {**dict.fromkeys(nm.opd), **dict.fromkeys(nm.elemen)}
    removed = [i for i in old_ids if i not in new_ids]
    added = [i for i in new_ids if i not in old_ids]
    renamed = _match_renames(om, nm, removed, added, og, ng)
    renames = {o: n for o, (n, _) in renamed.items()}
    result = ModelDiff(old_label, new_label, counts={"old": len(old_ids), "new": len(new_ids)})

    def entry(status: Status, model: Arsitektur, ident: str) -> ElementChange:
        obj = model.get(ident)
        src = model.sumber.get(ident)
        return ElementChange(
            status=status,
            id=ident,
            kind=_kind(model, ident),
            domain=_domain(model, ident),
            opd=model.owner(ident),
            nama=str(getattr(obj, "nama", ident)),
            file=src.file if src is not None else None,
        )

    # elements on both sides (same id, or renamed)
    pairs = [(i, i) for i in old_ids if i in new_ids]
    pairs += sorted((o, n) for o, (n, _) in renamed.items())
    # the elements that named a renamed one: their references were rewritten, compare them
    referred = {src for o in renames for src in _referrers(og, o)}
    for old_id, new_id in pairs:
        a, b = om.get(old_id), nm.get(new_id)
        if old_id == new_id and old_id not in referred and a == b:
            continue  # the usual case: the same element
        change = _compare_element(om, nm, old_id, new_id, renames, namer)
        if old_id != new_id:
            change.status = "renamed"
            change.old_id = old_id
            change.old_nama = str(getattr(a, "nama", old_id))
            src = om.sumber.get(old_id)
            change.old_file = src.file if src is not None else None
            change.similarity = renamed[old_id][1]
        elif not (change.fields or change.relations_added or change.relations_removed):
            continue
        change.impact = impact_of(nm, ng, new_id)
        result.elements.append(change)
    for ident in removed:
        if ident in renames:
            continue
        change = entry("removed", om, ident)
        change.relations_removed = _relation_list(ident, _relations(om, ident), namer)
        change.impact = impact_of(om, og, ident)
        result.elements.append(change)
    taken = set(renames.values())
    for ident in added:
        if ident in taken:
            continue
        change = entry("added", nm, ident)
        change.relations_added = _relation_list(ident, _relations(nm, ident), namer)
        result.elements.append(change)
    result.elements.sort(
        key=lambda e: (
            DOMAIN_ORDER.index(e.domain) if e.domain in DOMAIN_ORDER else len(DOMAIN_ORDER),
            e.opd or "",
            STATUSES.index(e.status),
            e.id,
        )
    )
    result.config = _compare_config(om, nm, namer)
    result.findings_appeared, result.findings_disappeared = compare_findings(
        old.problems, new.problems, renames, roots
    )
    result.gap = compare_gap(analisis_gap(om), analisis_gap(nm), renames)
    return result


def _relation_list(
    source: str, relations: dict[tuple[str, str], str], namer: _Namer
) -> list[RelationChange]:
    return [
        RelationChange(source, fld, target, label, namer.nama(target))
        for (fld, target), label in sorted(relations.items())
    ]


def _compare_element(
    om: Arsitektur,
    nm: Arsitektur,
    old_id: str,
    new_id: str,
    renames: dict[str, str],
    namer: _Namer,
) -> ElementChange:
    a, b = om.get(old_id), nm.get(new_id)
    src = nm.sumber.get(new_id)
    change = ElementChange(
        status="changed",
        id=new_id,
        kind=_kind(nm, new_id),
        domain=_domain(nm, new_id),
        opd=nm.owner(new_id),
        nama=str(getattr(b, "nama", new_id)),
        file=src.file if src is not None else None,
    )
    before = _renamed(_dump(a), renames)
    after = _dump(b)
    heads = _relation_heads(change.kind)
    for key in _ordered_keys(type(b), before, after):
        if key == "id" or key in heads:
            continue
        va, vb = before.get(key), after.get(key)
        if va == vb:
            continue
        ids = key in ("opd", "host", "operator", "unit_kerja", "walidata", "induk")
        change.fields.append(
            FieldChange(key, va, vb, namer.text(a, key, va, ids), namer.text(b, key, vb, ids))
        )
    old_rel = {(f, renames.get(t, t)): lbl for (f, t), lbl in _relations(om, old_id).items()}
    new_rel = _relations(nm, new_id)
    change.relations_added = _relation_list(
        new_id, {k: v for k, v in new_rel.items() if k not in old_rel}, namer
    )
    change.relations_removed = _relation_list(
        new_id, {k: v for k, v in old_rel.items() if k not in new_rel}, namer
    )
    return change


def _ordered_keys(cls: type[Any], a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """The keys of both records in the metamodel's field order (unknown ones after, sorted)."""
    order = list(getattr(cls, "model_fields", {}))
    keys = a.keys() | b.keys()
    return [k for k in order if k in keys] + sorted(keys - set(order))


def _compare_config(om: Arsitektur, nm: Arsitektur, namer: _Namer) -> list[FieldChange]:
    """Changed top-level settings of ``spbe.yaml`` (nested values compared whole)."""
    a = _dump(om.konfigurasi) if om.konfigurasi is not None else {}
    b = _dump(nm.konfigurasi) if nm.konfigurasi is not None else {}
    out: list[FieldChange] = []
    cls = type(nm.konfigurasi) if nm.konfigurasi is not None else type(om.konfigurasi)
    for key in _ordered_keys(cls, a, b):
        va, vb = a.get(key), b.get(key)
        if va != vb:
            out.append(FieldChange(key, va, vb, namer.text(None, key, va, False),
                                   namer.text(None, key, vb, False)))  # fmt: skip
    return out
