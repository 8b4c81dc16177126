"""The document's changed sections: ``dokumen.html`` of two publications compared section by
section, as Markdown for a pull request (``spbe-arch publish --compare BASE_DIR``).

Sections are matched by their heading without its number (inserting a chapter section renumbers
the ones after it, which is not a change of theirs); table and figure numbers are ignored the
same way. A changed section shows the lines removed and added.
"""

from __future__ import annotations

import difflib
import re
from html.parser import HTMLParser

_NUMBER = re.compile(r"^(\d+(\.\d+)*|[A-Z]\.\d+)\s+")
_CAPTION_NUMBER = re.compile(r"\b(Tabel|Table|Gambar|Figure) [0-9A-Z]+\.\d+\b")
HEADINGS = ("h2", "h3", "h4")
BLOCKS = ("p", "tr", "li", "figcaption", "h2", "h3", "h4", "div", "table")


class _Sections(HTMLParser):
    """Collects (heading, lines) of the document article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, str, list[str]]] = [("h1", "", [])]
        self.inside = False
        self.heading: list[str] | None = None
        self.line: list[str] = []
        self.level = "h2"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.inside = True
        if not self.inside:
            return
        if tag in HEADINGS:
            self._flush()
            self.heading = []
            self.level = tag
        elif tag in ("td", "th"):
            self.line.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._flush()
            self.inside = False
        if not self.inside:
            return
        if tag in HEADINGS and self.heading is not None:
            self.sections.append((self.level, " ".join("".join(self.heading).split()), []))
            self.heading = None
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.inside:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.line.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.line).split()).strip(" |")
        if text:
            self.sections[-1][2].append(_CAPTION_NUMBER.sub(r"\1", text))
        self.line = []


def sections(html_text: str, lang: str = "id") -> dict[str, list[str]]:
    """Heading (numbers removed; a subsection's with its chapter) → the section's text lines."""
    parser = _Sections()
    parser.feed(html_text)
    parser.close()
    out: dict[str, list[str]] = {}
    chapter = ""
    for level, heading, lines in parser.sections:
        key = _NUMBER.sub("", heading)
        if level == "h1":
            key = "Cover" if lang == "en" else "Sampul"
        elif level == "h2":
            chapter = key
        elif level == "h4":
            key = f"{chapter} › {key}"
        while key in out:  # two sections of the same title: keep both
            key += " ·"
        out[key] = lines
    return out


def changed_sections(old_html: str, new_html: str, lang: str = "id", limit: int = 40) -> str:
    """Markdown listing the sections added, removed and changed between two documents."""
    en = lang == "en"
    old, new = sections(old_html, lang), sections(new_html, lang)
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    changed = [k for k in new if k in old and new[k] != old[k]]
    title = "Changed sections of the document" if en else "Bagian dokumen yang berubah"
    out = [f"### {title}", ""]
    if not (added or removed or changed):
        out.append("No section changed." if en else "Tidak ada bagian yang berubah.")
        return "\n".join(out) + "\n"
    for label_id, label_en, keys in (
        ("Bagian baru", "New sections", added),
        ("Bagian dihapus", "Removed sections", removed),
    ):
        if keys:
            out.append(f"**{label_en if en else label_id}** ({len(keys)})")
            out.extend(f"- {_md(k or '—')}" for k in keys)
            out.append("")
    if changed:
        out.append(f"**{'Changed sections' if en else 'Bagian berubah'}** ({len(changed)})")
        out.append("")
        for key in changed:
            diff = [
                line
                for line in difflib.unified_diff(old[key], new[key], lineterm="", n=0)
                if line[:1] in "+-" and not line.startswith(("+++", "---"))
            ]
            shown = diff[:limit]
            more = len(diff) - len(shown)
            out.append("<details><summary>" + _md(key or "—") + f" ({len(diff)})</summary>")
            out.append("")
            out.append("```diff")
            out.extend(line.replace("```", "ˋˋˋ") for line in shown)
            if more:
                out.append(f"… {more} {'more lines' if en else 'baris lagi'}")
            out.append("```")
            out.append("</details>")
            out.append("")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown/HTML of a comment: no markup, no mentions, no links."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]@#|])", r"\\\1", text)
