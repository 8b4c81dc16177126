"""Debian's headless Chromium through Selenium and Debian's chromium-driver: the one way the
tests and ``make publish-images`` start a browser (as root it needs ``--no-sandbox``; a fresh
profile each time; nothing is downloaded).

    python tests/publish/chromium.py OUT.png URL [WIDTHxHEIGHT]   # one screenshot
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def missing() -> list[str]:
    """The browser programs that are not installed."""
    return [exe for exe in (CHROMIUM, CHROMEDRIVER) if shutil.which(exe) is None]


@contextmanager
def chromium(size: str = "1280,900") -> Iterator[Any]:
    """A headless Chromium with a fresh profile and its console log readable."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="spbe-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (*CHROMIUM_ARGS, f"--window-size={size}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str]) -> int:
    out, url = argv[0], argv[1]
    size = argv[2].replace("x", ",") if len(argv) > 2 else "1280,800"
    with chromium(size) as driver:
        driver.get(url)
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        if errors:
            print("\n".join(errors), file=sys.stderr)
            return 1
        driver.save_screenshot(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
