"""Hostile names (markup, quotes, ``javascript:`` URLs, right-to-left overrides, Typst markup)
are inert in every format: shown as the text they are, never acting on the page or document."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from publish.kit import HOSTILE_NAME, HOSTILE_TYPST, HOSTILE_URL, RTL, pdftotext
from spbe_arch.publish import PublishResult

SHOWN_RTL = "⟨U+202E⟩"


def _no_alert(driver: Any) -> None:
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    raise AssertionError(f"a script ran: alert({text!r})")


def test_html_shows_hostile_text_and_runs_none_of_it(
    hostile_site: tuple[Path, PublishResult], browser: Any
) -> None:
    out, result = hostile_site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == result.pages + 1 and result.elements == 3
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        assert RTL not in raw, page
        assert "<script>alert" not in raw and "<img src=x" not in raw, page
        assert 'href="javascript:' not in raw.lower(), page
    for rel in ("elemen/DAA-EVIL-01.html", "opd/DISKOMINFO.html", "index.html", "dokumen.html",
                "rencana/PR-EVIL-01.html", "cari.html"):  # fmt: skip
        browser.get((out / rel).as_uri() + ("?q=EVIL" if rel == "cari.html" else ""))
        _no_alert(browser)
        scripts = browser.execute_script(
            "return Array.from(document.scripts).map(s => s.getAttribute('src'))"
        )
        assert all(s in ("aset/indeks-cari.js", "aset/cari.js") for s in scripts), rel
        assert browser.find_elements(By.CSS_SELECTOR, "img[onerror]") == []
        hrefs = browser.execute_script("return Array.from(document.links).map(a => a.href)")
        assert not [h for h in hrefs if h.lower().startswith("javascript:")], rel
    browser.get((out / "elemen" / "DAA-EVIL-01.html").as_uri())
    body = browser.find_element(By.TAG_NAME, "body").text
    assert HOSTILE_NAME in body  # shown literally, as text
    assert HOSTILE_URL in body  # the url field is text, not a link
    assert f"Uraian {SHOWN_RTL}fdp.exe" in body
    browser.get((out / "cari.html").as_uri() + "?q=DAA-EVIL-01")
    _no_alert(browser)
    assert HOSTILE_NAME in browser.find_element(By.ID, "results").text
    doc = (out / "dokumen.html").read_text(encoding="utf-8")
    assert 'href="https://example.go.id"' in doc  # a safe link in the narrative stays a link
    assert "klik ini (javascript:alert(document.domain))" in doc  # an unsafe one is text


def test_pdf_shows_hostile_text_as_text(hostile_site: tuple[Path, PublishResult]) -> None:
    out, _ = hostile_site
    text = pdftotext(out / "dokumen.pdf")
    flat = " ".join(text.split())
    assert RTL not in text
    assert f"Aplikasi {SHOWN_RTL}txt.exe" in flat
    assert '<script>alert("x")</script>">' in flat  # markup printed, not interpreted
    assert HOSTILE_TYPST in flat  # Typst markup printed literally (no panic, no math)
    assert "klik ini (javascript:alert(document.domain))" in flat
    for ident in ("DAA-EVIL-01", "DAA-RTL-02", "PR-EVIL-01"):
        assert ident in text


def test_docx_shows_hostile_text_as_text(hostile_site: tuple[Path, PublishResult]) -> None:
    import docx

    out, _ = hostile_site
    with zipfile.ZipFile(out / "dokumen.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert RTL not in xml
    assert "javascript:" not in rels  # no hyperlink relationship to a script
    document = docx.Document(str(out / "dokumen.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    texts = [p.text for p in document.paragraphs] + cells
    joined = "\n".join(texts)
    assert HOSTILE_NAME in joined
    assert HOSTILE_TYPST in joined
    assert f"Aplikasi {SHOWN_RTL}txt.exe" in joined
