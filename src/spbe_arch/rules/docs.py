"""Rule documentation from the rules' docstrings: ``docs/rules.md``, ``rules`` and ``explain``.

Every rule's docstring follows one template: a summary paragraph, then ``**Yang diperiksa.**``,
``**Mengapa.**``, ``**Contoh gagal:**`` and ``**Contoh lulus:**``, each example a fenced
```` ```yaml ```` block whose offending lines end with ``# <- di sini``. A block whose first
line is ``# berkas: spbe.yaml`` is that file of the example repository instead of
``contoh.yaml``. Run ``python -m spbe_arch.rules.docs --write`` after changing a rule;
``--check`` (used by the tests) exits 1 when ``docs/rules.md`` is stale.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

from spbe_arch.rules import REGISTRY, lookup
from spbe_arch.rules.engine import Rule

DEFAULT_FILE = "contoh.yaml"
MARKER = "# <- di sini"
"""The comment that marks the line a failing example must be reported at."""

_SECTION = re.compile(r"^\*\*(?P<title>[^*\n]+?)(?P<end>[.:])\*\*[ \t]*", re.M)
_FENCE = re.compile(r"^```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
_BERKAS = re.compile(r"^#\s*berkas:\s*(?P<name>\S+)\s*$")
_KEYS = {
    "yang diperiksa": "yang_diperiksa",
    "mengapa": "mengapa",
    "contoh gagal": "contoh_gagal",
    "contoh lulus": "contoh_lulus",
}


class RuleDocSections(TypedDict):
    """A rule's docstring split along the template.

    ``contoh_gagal`` and ``contoh_lulus`` hold the YAML examples as (file name, text);
    ``prosa_gagal`` and ``prosa_lulus`` the prose around them (or instead of them, for loader
    codes whose example cannot be YAML text); ``extra`` any other paragraph or section.
    """

    summary: str
    yang_diperiksa: str
    mengapa: str
    contoh_gagal: list[tuple[str, str]]
    contoh_lulus: list[tuple[str, str]]
    prosa_gagal: str
    prosa_lulus: str
    extra: str


def _examples(text: str) -> tuple[list[tuple[str, str]], str]:
    examples: list[tuple[str, str]] = []
    used: set[str] = set()
    for match in _FENCE.finditer(text):
        if match.group("lang").lower() not in ("yaml", "yml"):
            continue
        body = match.group("body")
        first = body.split("\n", 1)[0]
        named = _BERKAS.match(first)
        name = named.group("name") if named else DEFAULT_FILE
        if name in used:
            stem, _, ext = name.rpartition(".")
            count = 2
            while f"{stem}-{count}.{ext}" in used:
                count += 1
            name = f"{stem}-{count}.{ext}"
        used.add(name)
        examples.append((name, body))
    prose = _FENCE.sub(lambda m: "" if m.group("lang").lower() in ("yaml", "yml") else m[0], text)
    return examples, _paragraphs(prose)


def _paragraphs(text: str) -> str:
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def parse_doc(doc: str) -> RuleDocSections:
    """Split a docstring written to the rule template into its sections."""
    doc = doc.strip()
    marks = list(_SECTION.finditer(doc))
    head = doc[: marks[0].start()] if marks else doc
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", head) if p.strip()]
    out = RuleDocSections(
        summary=" ".join(paragraphs[0].split()) if paragraphs else "",
        yang_diperiksa="",
        mengapa="",
        contoh_gagal=[],
        contoh_lulus=[],
        prosa_gagal="",
        prosa_lulus="",
        extra="",
    )
    extra = paragraphs[1:]
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(doc)
        body = doc[mark.end() : end].strip()
        key = _KEYS.get(mark.group("title").strip().lower())
        if key == "yang_diperiksa":
            out["yang_diperiksa"] = _paragraphs(body)
        elif key == "mengapa":
            out["mengapa"] = _paragraphs(body)
        elif key == "contoh_gagal":
            out["contoh_gagal"], out["prosa_gagal"] = _examples(body)
        elif key == "contoh_lulus":
            out["contoh_lulus"], out["prosa_lulus"] = _examples(body)
        else:
            extra.append(doc[mark.start() : end].strip())
    out["extra"] = "\n\n".join(extra)
    return out


def rule_doc_sections(item: Rule) -> RuleDocSections:
    """The documentation sections of a registered rule."""
    return parse_doc(item.doc)


def expected_lines(yaml_text: str) -> list[int]:
    """1-based numbers of the lines of an example that carry the ``# <- di sini`` marker."""
    return [n for n, line in enumerate(yaml_text.splitlines(), 1) if MARKER in line]


def builtin_rules() -> list[Rule]:
    """The rules this package ships, loader codes included (no plug-ins or test rules), by code."""
    return [
        REGISTRY[code]
        for code in sorted(REGISTRY)
        if REGISTRY[code].func is None
        or getattr(REGISTRY[code].func, "__module__", "").startswith("spbe_arch.")
    ]


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading (lower case, punctuation dropped, spaces → ``-``)."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def heading(item: Rule) -> str:
    """The heading of a rule's section in ``docs/rules.md``."""
    return f"{item.code} {item.name}"


_STAGE_EN = {
    "pemuatan (tingkat tetap; tidak dapat diatur atau diabaikan)": (
        "loading (fixed severity; cannot be configured or suppressed)"
    ),
    "aturan (tingkat dapat diatur; dapat diabaikan per elemen)": (
        "rule (severity configurable; can be suppressed per element)"
    ),
}


def _stage(item: Rule) -> str:
    if item.func is None:
        return "pemuatan (tingkat tetap; tidak dapat diatur atau diabaikan)"
    return "aturan (tingkat dapat diatur; dapat diabaikan per elemen)"


_INTRO = """\
# Aturan pemeriksaan

<!-- Berkas ini dibuat oleh `python -m spbe_arch.rules.docs --write` dari docstring aturan.
     Jangan disunting langsung; ubah docstring aturannya lalu buat ulang. -->

Daftar semua masalah yang dilaporkan `spbe-arch check`: masalah pemuatan (YAML, skema, id,
pengaturan) dan aturan pemeriksaan arsitektur. Halaman yang sama tersedia di terminal:
`spbe-arch rules` dan `spbe-arch explain KODE`.

- **Kode stabil.** Setiap aturan memiliki kode `SPBE-<DOMAIN>-<NNN>` dan nama kebab-case. Kode
  tidak pernah diubah maupun dipakai ulang untuk aturan lain; aturan yang dihapus meninggalkan
  kodenya kosong. Nama dapat dipakai di mana pun kode dipakai.
- **Tingkat dapat diatur.** Tingkat bawaan tercantum di tabel; ubah per aturan di `spbe.yaml`
  dengan `error`, `warning`, `info` atau `off` (mematikan aturan). Masalah pemuatan
  bertingkat tetap.

  ```yaml
  pengaturan:
    aturan:
      SPBE-APL-004: info
      elemen-tanpa-referensi: off
  ```

- **Pengabaian beralasan.** Elemen yang sengaja melanggar satu aturan mencatatnya di
  `abaikan`, dengan alasan yang wajib diisi. Pengabaian yang tidak lagi menekan temuan apa pun
  dilaporkan (SPBE-CFG-001).

  ```yaml
  aplikasi:
    - id: DAA-07
      nama: Sistem Informasi Pengaduan Internal
      abaikan:
        - aturan: SPBE-APL-004
          alasan: pengaduan internal pegawai, bukan pengaduan pelayanan publik
  ```

- **Kode keluar** `spbe-arch check`: `0` bila tidak ada galat (peringatan dan catatan tidak
  menggagalkan); `1` bila ada galat, atau peringatan dengan `--strict`; `2` untuk kesalahan
  pemakaian (argumen salah, folder bukan repositori model).
- **Contoh.** Setiap aturan memuat contoh gagal dan contoh lulus; baris bertanda
  `# <- di sini` adalah tempat masalah dilaporkan. Contoh-contoh ini dijalankan oleh
  `tests/test_rules_docs.py`. Contoh bertanda `# berkas: spbe.yaml` adalah berkas `spbe.yaml`;
  contoh lain adalah berkas model di samping `spbe.yaml` yang minimal.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_rules_md() -> str:
    """The text of ``docs/rules.md``: introduction, table of rules, one section per rule."""
    rules = builtin_rules()
    out = [_INTRO, "## Daftar aturan", ""]
    out.append("| Kode | Nama | Tingkat bawaan | Ringkasan |")
    out.append("|---|---|---|---|")
    for item in rules:
        anchor = github_anchor(heading(item))
        summary = rule_doc_sections(item)["summary"]
        link = f"[{item.code}](#{anchor})"
        out.append(f"| {link} | `{item.name}` | {item.severity.value} | {_cell(summary)} |")
    for item in rules:
        out += ["", f"## {heading(item)}", ""]
        out.append(f"Tingkat bawaan: `{item.severity.value}`. Tahap: {_stage(item)}.")
        out += ["", item.doc.strip()]
    return "\n".join(out) + "\n"


def format_rules_list(lang: str = "id") -> str:
    """Every registered rule (plug-ins included) as a plain-text table for ``spbe-arch rules``."""
    rules = [REGISTRY[code] for code in sorted(REGISTRY)]
    en = lang == "en"
    header = (
        ("CODE", "NAME", "SEVERITY", "SUMMARY") if en else ("KODE", "NAMA", "TINGKAT", "RINGKASAN")
    )
    rows = [header] + [(r.code, r.name, r.severity.value, r.summary_in(lang)) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in rows
    ]
    if en:
        lines += ["", f"{len(rules)} rules; `spbe-arch explain CODE` explains one."]
    else:
        lines += ["", f"{len(rules)} aturan; `spbe-arch explain KODE` menjelaskan satu aturan."]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _plain(doc: str) -> str:
    def block(match: re.Match[str]) -> str:
        return "\n".join("    " + line if line else "" for line in match.group("body").splitlines())

    text = _FENCE.sub(block, doc.strip())
    text = _SECTION.sub(lambda m: f"{m.group('title')}{m.group('end')} ", text)
    return "\n".join(line.rstrip() for line in text.splitlines())


def explain(code_or_name: str, lang: str = "id") -> str | None:
    """Plain-text documentation of one rule for ``spbe-arch explain``; None when unknown.

    The documentation is written in Bahasa Indonesia; in English (``lang="en"``) it is the
    rule's English summary, its severity and stage, and the link to the full text.
    """
    item = lookup(code_or_name)
    if item is None:
        return None
    head = f"{item.code} {item.name}"
    if lang == "en":
        return (
            f"{head}\n{'=' * len(head)}\nDefault severity: {item.severity.value}. "
            f"Stage: {_STAGE_EN.get(_stage(item), _stage(item))}.\n\n{item.summary_in('en')}\n\n"
            f"The full documentation (in Bahasa Indonesia) is docs/rules.md#{item.code.lower()}.\n"
        )
    meta = f"Tingkat bawaan: {item.severity.value}. Tahap: {_stage(item)}."
    return f"{head}\n{'=' * len(head)}\n{meta}\n\n{_plain(item.doc)}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``docs/rules.md`` (``--write``) or report whether it is stale (``--check``: exit 1)."""
    parser = argparse.ArgumentParser(prog="python -m spbe_arch.rules.docs")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="tulis ulang berkas")
    mode.add_argument("--check", action="store_true", help="keluar 1 bila berkas usang")
    parser.add_argument("--output", default="docs/rules.md", help="berkas tujuan")
    args = parser.parse_args(argv)
    path = Path(args.output)
    text = render_rules_md()
    if args.write:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return 0
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current != text:
        print(f"{path} usang; jalankan: python -m spbe_arch.rules.docs --write")
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
