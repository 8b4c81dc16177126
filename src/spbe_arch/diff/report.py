"""The diff as text (terminal), JSON (a stable contract) and Markdown (a pull-request comment).

The JSON contract is documented in docs/review.md (``format_version`` 1): new keys may be
added, existing ones keep their meaning. The Markdown fits one GitHub comment (65,536
characters): sections with many entries are folded into ``<details>``, and entries past the
budget are counted, not shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from spbe_arch.diff.compare import DOMAIN_ORDER, ElementChange, ModelDiff
from spbe_arch.problems import Problem
from spbe_arch.roadmap.teks import DOMAIN_LABEL, JENIS_LABEL

FORMAT_VERSION = 1
"""Version of the JSON contract of ``spbe-arch diff --format json``."""

COMMENT_LIMIT = 65_536
"""GitHub's limit on the body of an issue or pull-request comment (characters)."""

FOLD_AFTER = 8
"""A Markdown section with more entries than this is folded (``<details>``)."""

IMPACT_SHOWN = 12
"""Impacted elements listed per kind and change in text and Markdown (the JSON has all, with
their names and the element they depend on)."""

MARKER = "<!-- spbe-arch-diff -->"
"""First line of the Markdown comment: CI finds and updates its own earlier comment by it."""

_DOMAIN: dict[str, tuple[str, str]] = {
    "organisasi": ("Perangkat Daerah", "Regional agencies (OPD)"),
    **DOMAIN_LABEL,
    "peta_rencana": ("Peta Rencana SPBE", "SPBE Roadmap"),
}
"""Domain names (id, en): the six of the gap report, OPDs and the roadmap."""
_STATUS: dict[str, tuple[str, str, str]] = {
    "added": ("+", "ditambah", "added"),
    "removed": ("-", "dihapus", "removed"),
    "renamed": ("~", "id diganti", "renamed"),
    "changed": ("*", "diubah", "changed"),
}


def _t(lang: str, id_text: str, en_text: str) -> str:
    return en_text if lang == "en" else id_text


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- JSON -------------------------------------------------------------------------------------


def to_json(diff: ModelDiff, lang: str = "id") -> dict[str, Any]:
    """The JSON contract of ``spbe-arch diff --format json`` (docs/review.md)."""
    return {
        "format_version": FORMAT_VERSION,
        "old": diff.old_label,
        "new": diff.new_label,
        "changed": diff.changed(),
        "summary": diff.summary(),
        "elements": [e.to_dict() for e in diff.elements],
        "config": [c.to_dict() for c in diff.config],
        "findings": {
            "appeared": [p.to_dict(lang) for p in diff.findings_appeared],
            "disappeared": [p.to_dict(lang) for p in diff.findings_disappeared],
        },
        "gap": diff.gap.to_dict(),
    }


def format_json(diff: ModelDiff, lang: str = "id") -> str:
    """:func:`to_json`, indented, with a final newline."""
    return json.dumps(to_json(diff, lang), ensure_ascii=False, indent=2) + "\n"


# -- shared pieces ----------------------------------------------------------------------------


def _headline(diff: ModelDiff, lang: str) -> str:
    s = diff.summary()
    if not diff.changed():
        return _t(lang, "Arsitektur tidak berubah", "The architecture did not change")
    parts = [
        f"{s[k]} {_t(lang, _STATUS[k][1], _STATUS[k][2])}"
        for k in ("added", "removed", "renamed", "changed")
        if s[k]
    ]
    if s["relations_added"] or s["relations_removed"]:
        parts.append(
            _t(lang, f"relasi +{s['relations_added']}/-{s['relations_removed']}",
               f"relations +{s['relations_added']}/-{s['relations_removed']}")
        )  # fmt: skip
    if s["config"]:
        parts.append(
            _t(lang, f"{s['config']} pengaturan spbe.yaml", f"{s['config']} spbe.yaml settings")
        )
    return ", ".join(parts)


def _findings_line(diff: ModelDiff, lang: str) -> str:
    a, d, e = len(diff.findings_appeared), len(diff.findings_disappeared), len(diff.new_errors())
    return _t(
        lang,
        f"Temuan pemeriksaan: {a} baru ({e} galat), {d} hilang",
        f"Check findings: {a} new ({e} errors), {d} gone",
    )


def _element_title(e: ElementChange, lang: str) -> str:
    mark, id_word, en_word = _STATUS[e.status]
    word = _t(lang, id_word, en_word)
    if e.status == "renamed":
        sim = f"{round((e.similarity or 0) * 100)}%"
        alike = _t(lang, "kemiripan", "similarity")
        return f"{mark} {e.old_id} → {e.id}  {e.nama} ({word}, {alike} {sim})"
    return f"{mark} {e.id}  {e.nama} ({e.kind}, {word})"


def _element_lines(e: ElementChange, lang: str) -> list[str]:
    """The detail lines of one element change (no indentation)."""
    out: list[str] = []
    if e.status == "renamed" and e.old_nama and e.old_nama != e.nama:
        out.append(f"nama: {e.old_nama} → {e.nama}")
    for f in e.fields:
        out.append(f"{f.field}: {_short(f.old_text, 80)} → {_short(f.new_text, 80)}")
    for sign, relations in (("+", e.relations_added), ("-", e.relations_removed)):
        for r in relations:
            nama = f" ({r.target_nama})" if r.target_nama else ""
            label = "" if lang == "en" else f" ({r.label})"  # the table's labels are Indonesian
            out.append(f"{sign} {r.field}{label}: {r.target}{nama}")
    if e.impact:
        by_kind: dict[str, list[str]] = {}
        for item in e.impact:
            by_kind.setdefault(item.kind, []).append(item.id)
        word = _t(lang, "dampak", "impact")
        for kind, ids in by_kind.items():
            more = len(ids) - IMPACT_SHOWN
            tail = _t(lang, f" dan {more} lainnya", f" and {more} more") if more > 0 else ""
            out.append(f"{word} → {kind} ({len(ids)}): {', '.join(ids[:IMPACT_SHOWN])}{tail}")
    return out


def _groups(diff: ModelDiff) -> list[tuple[str, str, list[ElementChange]]]:
    """(domain, opd, changes) in report order."""
    out: list[tuple[str, str, list[ElementChange]]] = []
    for e in diff.elements:
        key = (e.domain, e.opd or "-")
        if out and (out[-1][0], out[-1][1]) == key:
            out[-1][2].append(e)
        else:
            out.append((key[0], key[1], [e]))
    return out


def _domain_label(domain: str, lang: str) -> str:
    pair = _DOMAIN.get(domain, (domain, domain))
    return _t(lang, *pair)


def _problem_line(p: Problem, lang: str) -> str:
    return f"{p.severity.value} {p.code} {p.file}:{p.line}: {p.text(lang)}"


def _gap_lines(diff: ModelDiff, lang: str) -> list[str]:
    g = diff.gap
    out: list[str] = []
    for p in g.appeared:
        word = _t(lang, *JENIS_LABEL[p.jenis]).lower()
        by = ", ".join(p.rencana) or _t(lang, "TANPA butir Peta Rencana", "NO roadmap item")
        out.append(f"+ {word}: {p.elemen} {p.nama} ({_t(lang, 'oleh', 'by')} {by})")
    for p in g.disappeared:
        word = _t(lang, *JENIS_LABEL[p.jenis]).lower()
        out.append(_t(lang, f"- tidak lagi {word}: {p.elemen} {p.nama}",
                      f"- no longer {word}: {p.elemen} {p.nama}"))  # fmt: skip
    for old, new in g.redelivered:
        a = ", ".join(old.rencana) or "—"
        b = ", ".join(new.rencana) or "—"
        out.append(_t(lang, f"~ {new.elemen}: dihantarkan {a} → {b}",
                      f"~ {new.elemen}: delivered by {a} → {b}"))  # fmt: skip
    before, after = g.tanpa_rencana
    if before != after or out:
        out.append(_t(lang, f"perubahan tanpa butir Peta Rencana: {before} → {after}",
                      f"changes without a roadmap item: {before} → {after}"))  # fmt: skip
        was, now = g.to_be
        out.append(_t(lang, f"elemen arsitektur to-be: {was} → {now}",
                      f"elements of the to-be architecture: {was} → {now}"))  # fmt: skip
    return out


# -- text -------------------------------------------------------------------------------------


def format_text(diff: ModelDiff, lang: str = "id") -> str:
    """The diff for a terminal: grouped by domain and OPD, each change with its details."""
    out = [f"spbe-arch diff {diff.old_label} → {diff.new_label}: {_headline(diff, lang)}"]
    domain = None
    for dom, opd, changes in _groups(diff):
        if dom != domain:
            out += ["", f"== {_domain_label(dom, lang)} =="]
            domain = dom
        out.append(f"  [{opd}]")
        for e in changes:
            out.append(f"    {_element_title(e, lang)}")
            out += [f"        {line}" for line in _element_lines(e, lang)]
    if diff.config:
        out += ["", "== spbe.yaml =="]
        out += [f"    {c.field}: {_short(c.old_text, 80)} → {_short(c.new_text, 80)}"
                for c in diff.config]  # fmt: skip
    out += ["", _findings_line(diff, lang)]
    out += [f"  + {_problem_line(p, lang)}" for p in diff.findings_appeared]
    out += [f"  - {_problem_line(p, lang)}" for p in diff.findings_disappeared]
    gap = _gap_lines(diff, lang)
    if gap:
        out += ["", _t(lang, "Gap dan Peta Rencana:", "Gap and roadmap:")]
        out += [f"  {line}" for line in gap]
    return "\n".join(out) + "\n"


# -- Markdown ---------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    """Text safe inside a Markdown list item (no HTML, no emphasis or table characters)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in ("\\", "`", "*", "_", "|", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


_MD_MARK = {"added": "🆕", "removed": "🗑️", "renamed": "🔀", "changed": "✏️"}
"""How the comment marks each kind of element change."""


def _md_line(line: str) -> str:
    """A detail line for Markdown: a relation's +/- as a sign that is not a list marker."""
    if line.startswith("+ "):
        return "➕ " + _md_escape(line[2:])
    if line.startswith("- "):
        return "➖ " + _md_escape(line[2:])
    return _md_escape(line)


def _md_element(e: ElementChange, lang: str) -> str:
    mark = _MD_MARK[e.status]
    word = _t(lang, _STATUS[e.status][1], _STATUS[e.status][2])
    if e.status == "renamed":
        head = f"`{e.old_id}` → `{e.id}` {_md_escape(e.nama)} — *{word}*"
    else:
        head = f"`{e.id}` {_md_escape(e.nama)} — *{word}* ({e.kind})"
    lines = [f"- {mark} {head}"]
    lines += [f"  - {_md_line(line)}" for line in _element_lines(e, lang)]
    return "\n".join(lines)


def _fold(summary: str, body: str, count: int) -> str:
    if count > FOLD_AFTER:
        return f"<details><summary>{summary}</summary>\n\n{body}\n\n</details>"
    return f"**{summary}**\n\n{body}"


_Entry = tuple[str, bool]
"""A Markdown piece of a section, and whether it is an entry (counted) or a sub-heading."""


def _sections(diff: ModelDiff, lang: str) -> list[tuple[str, list[_Entry]]]:
    """The comment's sections: a title and its pieces, in report order."""
    out: list[tuple[str, list[_Entry]]] = []
    for dom in DOMAIN_ORDER:
        groups = [(o, c) for d, o, c in _groups(diff) if d == dom]
        if not groups:
            continue
        count = sum(len(c) for _, c in groups)
        pieces: list[_Entry] = []
        for opd, changes in groups:
            pieces.append((f"\n*{_md_escape(opd)}*\n", False))
            pieces += [(_md_element(e, lang), True) for e in changes]
        out.append((f"{_domain_label(dom, lang)} ({count})", pieces))
    if diff.config:
        pieces = [(f"- `{c.field}`: {_md_escape(_short(c.old_text, 80))} → "
                   f"{_md_escape(_short(c.new_text, 80))}", True) for c in diff.config]  # fmt: skip
        out.append((f"spbe.yaml ({len(pieces)})", pieces))
    if diff.findings_appeared or diff.findings_disappeared:
        pieces = [(f"- ➕ {_md_escape(_problem_line(p, lang))}", True)
                  for p in diff.findings_appeared]  # fmt: skip
        pieces += [(f"- ➖ {_md_escape(_problem_line(p, lang))}", True)
                   for p in diff.findings_disappeared]  # fmt: skip
        out.append((_t(lang, "Temuan pemeriksaan", "Check findings") + f" ({len(pieces)})", pieces))
    gap = _gap_lines(diff, lang)
    if gap:
        title = _t(lang, "Gap dan Peta Rencana", "Gap and roadmap")
        out.append((title, [(f"- {_md_line(line)}", True) for line in gap]))
    return out


def format_markdown(diff: ModelDiff, lang: str = "id", limit: int = COMMENT_LIMIT) -> str:
    """The diff as one pull-request comment of at most ``limit`` characters.

    Sections with more than :data:`FOLD_AFTER` entries are folded; once the comment would pass
    the limit, the remaining entries are counted in a closing note instead of shown."""
    head = [
        MARKER,
        f"### spbe-arch diff `{_md_escape(diff.old_label)}` → `{_md_escape(diff.new_label)}`",
        "",
        f"**{_md_escape(_headline(diff, lang))}**. {_findings_line(diff, lang)}.",
    ]
    errors = len(diff.new_errors())
    if errors:
        head += ["", _t(lang, f"> **{errors} galat baru** dibanding basis.",
                        f"> **{errors} new errors** against the base.")]  # fmt: skip
    out = "\n".join(head)
    reserve = 600  # room for the closing note and a section's frame
    left_out = 0
    for title, pieces in _sections(diff, lang):
        count = sum(1 for _, counted in pieces if counted)
        shown: list[str] = []
        used = len(out) + len(title) + 80
        for text, counted in pieces:
            if left_out or used + len(text) + 1 + reserve > limit:
                left_out += counted
                continue
            shown.append(text)
            used += len(text) + 1
        if any(counted for _, counted in pieces[: len(shown)]):
            out += "\n\n" + _fold(title, "\n".join(shown).strip("\n"), count)
    if left_out:
        out += "\n\n" + _t(
            lang,
            f"_{left_out} entri lagi tidak muat dalam satu komentar (batas {limit} karakter); "
            "jalankan `spbe-arch diff` untuk keluaran lengkap._",
            f"_{left_out} more entries do not fit one comment (limit {limit} characters); "
            "run `spbe-arch diff` for the full output._",
        )
    return out + "\n"


FORMATTERS: dict[str, Callable[[ModelDiff, str], str]] = {
    "text": format_text,
    "json": format_json,
    "markdown": format_markdown,
}
