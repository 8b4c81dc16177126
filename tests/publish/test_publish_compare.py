"""A pull request's changed sections: two publications compared section by section."""

from __future__ import annotations

import re

from spbe_arch.publish.banding import changed_sections, sections

BASE = """<html><body><nav>menu</nav><article>
<div class="cover"><h1>Judul</h1><p>Versi 1</p></div>
<h2 id="a">BAB I PENDAHULUAN</h2><h3 id="s">1.1 Latar Belakang</h3><p>Teks lama.</p>
<h2 id="b">BAB II ARSITEKTUR APLIKASI</h2><h4 id="d">Dinas A (A)</h4>
<p class="caption">Tabel 2.1 Aplikasi</p><table><tr><td>DAA-1</td><td>Lama</td></tr></table>
<h2 id="c">BAB III ARSITEKTUR DATA</h2><h4 id="e">Dinas A (A)</h4><p>Data tetap.</p>
</article></body></html>"""


def test_sections_are_keyed_without_numbers_and_subsections_with_their_chapter() -> None:
    found = sections(BASE)
    assert "Latar Belakang" in found
    assert found["BAB II ARSITEKTUR APLIKASI › Dinas A (A)"] == ["Tabel Aplikasi", "DAA-1 | Lama"]
    assert found["BAB III ARSITEKTUR DATA › Dinas A (A)"] == ["Data tetap."]
    assert "menu" not in str(found)


def test_changed_added_removed_sections_and_renumbering_is_no_change() -> None:
    new = (
        BASE.replace("Teks lama.", "Teks baru.")
        .replace("<td>Lama</td>", "<td>Baru</td>")
        .replace("1.1 Latar Belakang", "1.2 Latar Belakang")  # renumbered only
        .replace("Tabel 2.1", "Tabel 2.7")
        .replace('<h2 id="c">BAB III ARSITEKTUR DATA</h2><h4 id="e">Dinas A (A)</h4>'
                 "<p>Data tetap.</p>", '<h2 id="c">BAB III ARSITEKTUR LAYANAN</h2>')
    )  # fmt: skip
    md = changed_sections(BASE, new)
    assert "**Bagian berubah** (2)" in md
    assert "-Teks lama.\n+Teks baru." in md
    assert "-DAA-1 | Lama\n+DAA-1 | Baru" in md
    assert "**Bagian baru** (1)\n- BAB III ARSITEKTUR LAYANAN" in md
    assert "**Bagian dihapus** (2)" in md  # the chapter and its subsection
    assert changed_sections(BASE, BASE).endswith("Tidak ada bagian yang berubah.\n")


def test_markup_in_headings_is_inert_in_the_comment() -> None:
    hostile = BASE.replace(
        "Dinas A (A)", "&lt;img src=x onerror=alert(1)&gt; @admin [x](javascript:1)"
    )
    md = changed_sections(BASE, hostile, lang="en")
    assert "<img" not in md
    assert re.search(r"(?<!\\)@admin", md) is None  # a mention would notify someone
    assert re.search(r"(?<!\\)\]\(", md) is None  # no link
    assert "&lt;img src=x onerror=alert(1)&gt;" in md
