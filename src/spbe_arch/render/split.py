"""Splitting a diagram over the node limit into parts (per urusan, OPD, domain …).

A part is one group of the split key (or several small ones packed together); a trailing
part with less than a quarter of the room is folded into the one before (no part with
nothing to say). With ``Diagram.refer``, what a part's elements relate to in other parts
(the shared Diskominfo infrastructure, another OPD's data) is carried in as a reference,
drawn dashed, so no part's aplikasi run on nothing.
"""

from __future__ import annotations

from dataclasses import replace

from spbe_arch.render.diagram import Cluster, Diagram
from spbe_arch.render.gaya import GAYA, URUSAN, domain_label

SEPARATE = frozenset({"urusan"})
"""Split keys whose groups are not packed together into one part."""

SHARED = frozenset({"infrastruktur", "keamanan"})
"""Node styles carried into every part that uses them (as a dashed reference)."""

KEY_LABELS: dict[str, tuple[str, str]] = {
    "urusan": ("per kelompok urusan", "per group of government affairs"),
    "opd": ("per OPD", "per OPD"),
    "domain": ("per domain", "per domain"),
    "sektor": ("per sektor", "per sector"),
    "sisi": ("menurut dampak", "by impact"),
}

SIDES: dict[str, tuple[str, str]] = {
    "dampak": ("terdampak", "affected"),
    "prasyarat": ("dibutuhkan", "needed"),
}
"""The two sides of an impact view (``fokus``), as a part's title names them."""


def split(diagram: Diagram, limit: int) -> list[Diagram]:
    """The diagram itself when small enough, else its parts, each with a notice.

    Groups of the first split key that yields more than one group are packed, in sorted
    order, into parts of at most ``limit`` nodes; a group larger than the limit is cut into
    chunks by id. Pinned nodes appear in every part.
    """
    if len(diagram.nodes) <= limit or not diagram.split:
        return [diagram]
    pinned = set(diagram.pinned)
    # References carried in from an earlier split are not split by: they follow their edges.
    free = sorted(
        (n for n in diagram.nodes if n.id not in pinned and n.mark != "rujukan"), key=lambda n: n.id
    )
    room = max(1, limit - len(pinned))
    chosen = ""
    groups: dict[str, list[str]] = {}
    for key in diagram.split:
        groups = {}
        for n in free:
            groups.setdefault(n.group(key), []).append(n.id)
        if len(groups) > 1:
            chosen = key
            break
    if not chosen:
        groups = {"": [n.id for n in free]}
    parts: list[list[str]] = []
    labels: list[list[str]] = []
    small = room // 4
    for name, members in sorted(groups.items()):
        for i in range(0, len(members), room):
            chunk = members[i : i + room]
            # Groups of an urusan stay apart (each part one story) unless both are tiny.
            apart = (
                chosen in SEPARATE and not (len(parts[-1]) < small and len(chunk) < small)
                if parts
                else False
            )
            if parts and not apart and len(parts[-1]) + len(chunk) <= room:
                parts[-1].extend(chunk)
                labels[-1].append(name)
            else:
                parts.append(list(chunk))
                labels.append([name])
    while len(parts) > 1 and len(parts[-1]) < room // 4:  # nothing to say on its own
        parts[-2].extend(parts.pop())
        labels[-2].extend(labels.pop())
    if len(parts) == 1:
        return [diagram]
    en = diagram.lang == "en"
    how = KEY_LABELS.get(chosen, ("per id", "by id"))[1 if en else 0]
    total = len(diagram.nodes)
    notice = (
        f"{diagram.name}: {total} nodes > limit {limit}: split {how} into {len(parts)} parts"
        if en
        else f"{diagram.name}: {total} simpul > batas {limit}: dipecah {how} "
        f"menjadi {len(parts)} bagian"
    )
    from spbe_arch.render.views.naming import view_name  # views import this module

    out = []
    named = [
        view_name(f"{diagram.name}-{chosen}", names[0]) if len(set(names)) == 1 and names[0] else ""
        for names in labels
    ]
    seen: dict[str, int] = {}
    for stem in named:
        seen[stem] = seen.get(stem, 0) + 1
    counter: dict[str, int] = {}
    part_labels: list[str] = []  # "bagian 2/3: Aplikasi SPBE", for the links between parts
    for i, (members, names) in enumerate(zip(parts, labels, strict=True), 1):
        own = set(members) | pinned
        refs: set[str] = set()
        if diagram.refer or diagram.refer_all:
            for e in diagram.edges:
                if e.source in own and e.target not in own:
                    refs.add(e.target)
                elif e.target in own and e.source not in own:
                    refs.add(e.source)
            if not diagram.refer_all:
                refs &= {n.id for n in diagram.nodes if n.style in SHARED}
        keep = own | refs
        word = "part" if en else "bagian"
        shown = ", ".join(dict.fromkeys(_group_label(chosen, n, en) for n in names if n))
        part = f"{word} {i}/{len(parts)}{': ' + shown if shown else ''}"
        title = f"{diagram.title} ({part})"
        stem = named[i - 1]
        if not stem:
            name = f"{diagram.name}-bagian-{i}"
        elif seen[stem] == 1:
            name = stem
        else:
            counter[stem] = counter.get(stem, 0) + 1
            name = f"{stem}-{counter[stem]}"
        nodes = tuple(
            replace(n, mark=n.mark or "rujukan") if n.id in refs else n
            for n in diagram.nodes
            if n.id in keep
        )
        part_labels.append(part)
        out.append(
            replace(
                diagram,
                name=name,
                title=title,
                nodes=nodes,
                edges=tuple(e for e in diagram.edges if e.source in keep and e.target in keep),
                clusters=tuple(c for c in (_keep(c, keep) for c in diagram.clusters) if c),
                chain=diagram.chain,
                notice=notice,
            )
        )
    if diagram.refer_all:  # every part links to the others (title block)
        links = tuple((p.name, label) for p, label in zip(out, part_labels, strict=True))
        out = [replace(p, parts=links) for p in out]
    return out


def _keep(cluster: Cluster, keep: set[str]) -> Cluster | None:
    return cluster.keep(keep)


def _group_label(key: str, value: str, en: bool) -> str:
    if key == "domain" and value in GAYA:
        return domain_label(value, "en" if en else "id")
    if key == "sisi" and value in SIDES:
        return SIDES[value][1 if en else 0]
    if key == "urusan" and value in URUSAN:
        return URUSAN[value][1 if en else 0]
    return value
