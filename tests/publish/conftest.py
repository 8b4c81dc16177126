"""Fixtures of the publish tests: the example model and a hostile model, each published once per
session, and a real headless Chromium (Debian's chromium + chromium-driver, which `make test`
installs when missing) driven through Selenium. Nothing is downloaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publish.chromium import chromium, missing
from publish.kit import EXAMPLE, HOSTILE_FILES, write_files
from spbe_arch.publish import PublishResult, publish


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PublishResult]:
    """The example model published (site and all three formats)."""
    out = tmp_path_factory.mktemp("situs")
    return out, publish(EXAMPLE, out, progress=False)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PublishResult]:
    """The hostile model published (site and all three formats)."""
    root = write_files(tmp_path_factory.mktemp("hostile-model"), HOSTILE_FILES)
    out = tmp_path_factory.mktemp("hostile-situs")
    return out, publish(root, out, progress=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (fresh profile) with its console log readable."""
    absent = missing()
    if absent:
        pytest.fail(
            f"{', '.join(absent)} missing: run `make test` (it installs Debian's chromium and "
            "chromium-driver), or apt-get install chromium chromium-driver"
        )
    with chromium() as driver:
        yield driver
