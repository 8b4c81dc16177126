"""Hostile element names reach Graphviz neutralised; a huge model is refused per view."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spbe_arch.render import render_views
from spbe_arch.render.dot import clean, html, quote

FIXTURE = Path(__file__).parent.parent / "fixtures" / "render" / "model"
HAS_DOT = shutil.which("dot") is not None
HOSTILE = 'Aplikasi\x01\x07\x1b[31m\x7f\x85\u202eevil\u2066 "<b>&</b>" \\ \t end'


def test_clean_neutralises_every_control_and_bidi_character() -> None:
    text = clean(HOSTILE)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text)
    assert not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\ufffd" in text  # shown, not silently dropped
    assert "<" not in html(HOSTILE) and '"' not in quote(HOSTILE)[1:-1].replace('\\"', "")


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_control_characters_in_names_do_not_break_graphviz(tmp_path: Path) -> None:
    model = Path(shutil.copytree(FIXTURE, tmp_path / "model"))
    hit = 0
    for path in sorted(model.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        lines = []
        for line in text.splitlines():
            stripped = line.lstrip()
            if stripped.startswith("nama:") and hit < 40:
                indent = line[: len(line) - len(stripped)]
                lines.append(f'{indent}nama: "{_yaml_escape(HOSTILE)} {hit}"')
                hit += 1
            else:
                lines.append(line)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert hit >= 10  # the attack reached many elements
    result = render_views(model, tmp_path / "out", fmt="svg", jobs=1)
    assert result.failed == []
    drawn = list((tmp_path / "out").glob("*.svg"))
    assert len(drawn) == len(result.views) > 10
    assert any("\ufffd" in p.read_text(encoding="utf-8") for p in drawn)


def _yaml_escape(text: str) -> str:
    out = []
    for c in text:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or 0x2000 <= ord(c) <= 0x206F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)
