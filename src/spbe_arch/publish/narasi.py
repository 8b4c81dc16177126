"""Narrative text the model cannot hold (foreword, background …), from Markdown files.

A Pemda keeps them in ``dokumen/`` of its repository (``dokumen/latar-belakang.md``, or
``dokumen/en/latar-belakang.md`` for the English edition); a missing file takes the default the
tool ships. ``{pemda}``, ``{periode}``, ``{penetapan}`` and ``{katalog}`` are replaced by the
model's values. The Markdown read is a small, safe subset: headings, paragraphs, bulleted and
numbered lists, ``**bold**``, ``*italic*``, ``code`` and links (``http``, ``https`` and
``mailto`` only; any other link is kept as plain text). Raw HTML is text, never markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spbe_arch.publish.teks import inert

NARASI: tuple[str, ...] = (
    "kata-pengantar",
    "latar-belakang",
    "maksud-tujuan",
    "ruang-lingkup",
    "penutup",
)
"""The narrative files a Pemda may write, in document order."""


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of inline text: ``style`` is "", "b", "i" or "code"; ``href`` a safe link."""

    text: str
    style: str = ""
    href: str | None = None


@dataclass(frozen=True, slots=True)
class MdBlock:
    """A block of narrative: ``p`` paragraph, ``h`` heading, ``ul``/``ol`` list items."""

    kind: str
    runs: tuple[Run, ...] = ()
    items: tuple[tuple[Run, ...], ...] = ()


_INLINE = re.compile(
    r"\*\*(?P<b>.+?)\*\*|(?<![\w*])[*_](?P<i>[^*_\s](?:.*?[^*_\s])?)[*_](?![\w*])"
    r"|`(?P<code>[^`]+)`|\[(?P<lt>[^\]]+)\]\((?P<lh>[^)\s]+)\)"
)
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def inline(text: str) -> tuple[Run, ...]:
    """Inline Markdown → runs (bold, italic, code, links with a safe scheme)."""
    out: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(Run(inert(text[pos : m.start()])))
        if m.group("b") is not None:
            out.append(Run(inert(m.group("b")), "b"))
        elif m.group("i") is not None:
            out.append(Run(inert(m.group("i")), "i"))
        elif m.group("code") is not None:
            out.append(Run(inert(m.group("code")), "code"))
        else:
            href = m.group("lh")
            safe = href.lower().startswith(SAFE_SCHEMES)
            label = inert(m.group("lt"))
            out.append(Run(label, "", href if safe else None))
            if not safe:
                out.append(Run(f" ({inert(href)})"))
        pos = m.end()
    if pos < len(text):
        out.append(Run(inert(text[pos:])))
    return tuple(out)


_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s{0,3}\d{1,3}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def parse(text: str) -> list[MdBlock]:
    """Markdown text → blocks (see the module docstring for the subset)."""
    blocks: list[MdBlock] = []
    para: list[str] = []
    items: list[str] = []
    list_kind = ""

    def flush() -> None:
        nonlocal list_kind
        if para:
            blocks.append(MdBlock("p", inline(" ".join(s.strip() for s in para))))
            para.clear()
        if items:
            blocks.append(MdBlock(list_kind, items=tuple(inline(i) for i in items)))
            items.clear()
            list_kind = ""

    for line in text.replace("\r\n", "\n").split("\n"):
        heading, bullet, number = _HEADING.match(line), _BULLET.match(line), _NUMBER.match(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            blocks.append(MdBlock("h", inline(heading.group(1))))
        elif bullet or number:
            kind = "ul" if bullet else "ol"
            if para or (items and kind != list_kind):
                flush()
            list_kind = kind
            items.append((bullet or number).group(1))  # type: ignore[union-attr]
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return blocks


def read_narasi(root: Path, name: str, lang: str, values: dict[str, str]) -> list[MdBlock]:
    """The blocks of one narrative: the Pemda's file if it exists, else the shipped default."""
    local = root / "dokumen" / ("en" if lang == "en" else "") / f"{name}.md"
    if local.is_file():
        text = local.read_text(encoding="utf-8-sig", errors="replace")
    else:
        shipped = resources.files("spbe_arch.publish") / "narasi" / lang / f"{name}.md"
        text = shipped.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return parse(text)
