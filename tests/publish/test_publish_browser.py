"""The site in a real browser: every page loads without console errors, every link resolves,
search works from file://, and the pages are drawn (screenshots are not blank)."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from spbe_arch.publish import PublishResult

LINKS_JS = """
const out = [];
for (const el of document.querySelectorAll('a[href], img[src], link[href], script[src]')) {
  out.push(el.href || el.src);
}
return out;
"""
_ID = re.compile(r'\sid="([^"]+)"')


def _errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _anchors(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = {html.unescape(m) for m in _ID.findall(path.read_text(encoding="utf-8"))}
    return cache[path]


def test_every_page_loads_without_console_errors_and_every_link_resolves(
    example_site: tuple[Path, PublishResult], browser: Any
) -> None:
    out, result = example_site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == result.pages + 1  # + dokumen.html
    assert len(pages) > 300  # the example model: one page per element, OPD, domain …
    anchors: dict[Path, set[str]] = {}
    broken: list[str] = []
    errors: list[str] = []
    checked = 0
    for page in pages:
        browser.get(page.as_uri())
        errors += [f"{page.relative_to(out)}: {e}" for e in _errors(browser)]
        for url in browser.execute_script(LINKS_JS):
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto"):
                continue  # none in the example model; a hostile one is tested elsewhere
            if parts.scheme == "data":
                continue  # the empty favicon
            assert parts.scheme == "file", url
            target = Path(unquote(parts.path))
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(out)} → {url}")
            elif parts.fragment and target.suffix == ".html" and \
                    unquote(parts.fragment) not in _anchors(target, anchors):  # fmt: skip
                broken.append(f"{page.relative_to(out)} → {url} (no such anchor)")
    assert errors == []
    assert broken == []
    assert checked > 5000  # every page links its neighbours, the stylesheet, the diagrams


def test_diagram_links_lead_to_element_pages(example_site: tuple[Path, PublishResult]) -> None:
    out, _ = example_site
    svgs = sorted((out / "diagram").glob("*.svg"))
    assert len(svgs) > 100
    targets = 0
    for svg in svgs:
        for href in re.findall(r'xlink:href="([^"]+)"', svg.read_text(encoding="utf-8")):
            href = html.unescape(href)
            assert not href.startswith("elemen.html"), f"{svg.name}: {href} not relinked"
            if href.startswith(("http:", "https:")):
                continue
            file, _, _ = href.partition("#")
            assert (svg.parent / file).resolve().is_file(), f"{svg.name}: {href}"
            targets += 1
    assert targets > 500


def _search(driver: Any, out: Path, query: str) -> list[str]:
    driver.get((out / "cari.html").as_uri() + "?q=" + query.replace(" ", "+"))
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "count").text)
    items = driver.find_elements(By.CSS_SELECTOR, "#results li a")
    assert _errors(driver) == []
    return [a.text.split(" — ")[0] for a in items]


def test_search_finds_by_id_by_name_word_and_by_opd(
    example_site: tuple[Path, PublishResult], browser: Any
) -> None:
    out, _ = example_site
    assert _search(browser, out, "DAA-DINKES-01")[0] == "DAA-DINKES-01"
    by_word = _search(browser, out, "SIMRS")
    assert "DAA-DINKES-01" in by_word  # "SIMRS RSUD Contoh Sehat"
    # by its OPD's name: no word of it is in the element's id or own name
    by_opd = _search(browser, out, "Dinas Kesehatan Kabupaten Contoh")
    assert {"DAA-DINKES-01", "DAD-DINKES-02", "DINKES"} <= set(by_opd)
    # every word must match somewhere: another OPD's "Kesehatan" element may qualify, few do
    assert sum("DINKES" in ident for ident in by_opd) >= 0.8 * len(by_opd)
    # typing into the box searches again, with no page load
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("satusehat")
    WebDriverWait(browser, 10).until(
        lambda d: "DAA-DINKES-03" in [a.text.split(" — ")[0] for a in
                                      d.find_elements(By.CSS_SELECTOR, "#results li a")]
    )  # fmt: skip
    assert _search(browser, out, "zzzz-tidak-ada") == []


def _variance(png: bytes) -> float:
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(png)).convert("L")
    return float(ImageStat.Stat(image).var[0])


def test_screenshots_are_not_blank(
    example_site: tuple[Path, PublishResult], browser: Any, tmp_path: Path
) -> None:
    out, _ = example_site
    blank = _variance(_blank_png(browser, tmp_path))
    for page in ("index.html", "elemen/DAA-DINKES-01.html"):
        browser.get((out / page).as_uri())
        variance = _variance(browser.get_screenshot_as_png())
        assert variance > 500, f"{page}: pixel variance {variance:.0f}"
        assert variance > 50 * (blank + 1)


def _blank_png(driver: Any, out: Path) -> bytes:
    """A screenshot of an empty page: what a page that failed to draw looks like."""
    empty = out / "blank.html"
    empty.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    driver.get(empty.as_uri())
    return bytes(driver.get_screenshot_as_png())
