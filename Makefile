# spbe-arch: two commands do all setup on a fresh Debian machine.
#   make demo   - virtual environment, install, Graphviz, check and render the example model
#   make test   - the same setup, then ruff, mypy --strict and the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MODEL ?= models/kabupaten-contoh
BUILD ?= build
DIST ?= dist

.PHONY: demo test lint typecheck pytest setup compiler graphviz browser libreoffice docs readme-images publish-images dist clean

# The YAML reader is compiled (setup.py: Cython and the vendored libyaml), so an edit of its
# source reinstalls, and a C compiler and the Python headers must be there (`compiler`).
$(BIN)/.installed: pyproject.toml setup.py src/spbe_arch/load/_reader.pyx | compiler
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "make: spbe-arch needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "make: cannot create a virtual environment; on Debian: apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

setup: $(BIN)/.installed graphviz

# Installs the Debian packages named in the shell variable `missing` (root, or sudo without a
# password), or says how to; $(1): what to install by hand where there is no apt-get.
APT_INSTALL = \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
	  else echo "make: cannot install without root; run: sudo apt-get install$$missing"; exit 1; fi; \
	  command -v apt-get >/dev/null 2>&1 || { echo "make: no apt-get here; $(1)"; exit 1; }; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || { \
	    echo "make: apt-get install$$missing failed; install by hand: apt-get install$$missing"; exit 1; }

# Debian's gcc and python3-dev when the C compiler or Python.h is missing: the YAML reader is a
# compiled extension (docs/architecture.md, "Satu pembaca YAML").
compiler:
	@missing=; \
	  command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing="$$missing gcc"; \
	  $(PYTHON) -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
	    2>/dev/null || missing="$$missing python3-dev"; \
	  if [ -n "$$missing" ]; then \
	  echo "make: the YAML reader is compiled and needs:$$missing (a C compiler and the Python headers); installing Debian's$$missing"; \
	  $(call APT_INSTALL,install a C compiler and the headers of $(PYTHON) (Python.h) by hand); \
	  fi

# Debian's graphviz package when `dot` is missing.
graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "make: Graphviz (dot) is missing; installing Debian's graphviz package"; \
	  missing=" graphviz"; \
	  $(call APT_INSTALL,install Graphviz (https://graphviz.org) so that 'dot' is on PATH); \
	  command -v dot >/dev/null 2>&1 || { echo "make: graphviz installed but 'dot' is still not on PATH"; exit 1; }; }

# Debian's chromium, chromium-driver and poppler-utils when missing: the publish tests drive a
# real headless browser and read the PDF with pdftotext.
BROWSER_PACKAGES := chromium chromium-driver poppler-utils
browser:
	@missing=; \
	  command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	  command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	  command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	  if [ -n "$$missing" ]; then \
	  echo "make: missing:$$missing; installing Debian's$$missing"; \
	  $(call APT_INSTALL,install Chromium with its chromedriver and poppler (pdftotext) by hand); \
	  fi

# Debian's libreoffice-calc-nogui and python3-uno when missing: the survey tests open, edit
# (through UNO, with Debian's /usr/bin/python3) and save the forms in a real LibreOffice Calc
# (tests/test_survei_libreoffice.py). No recommends: no GUI, no Java (about 280 MB).
libreoffice:
	@missing=; \
	  command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	  /usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || missing="$$missing python3-uno"; \
	  if [ -n "$$missing" ]; then \
	  echo "make: missing:$$missing; installing Debian's$$missing"; \
	  missing="$$missing --no-install-recommends"; \
	  $(call APT_INSTALL,install LibreOffice Calc and its Python UNO bridge by hand); \
	  fi

demo: setup
	$(BIN)/spbe-arch katalog
	$(BIN)/spbe-arch check $(MODEL) --strict
	$(BIN)/spbe-arch render $(MODEL) --out $(BUILD)/diagram
	$(BIN)/spbe-arch publish $(MODEL) --out $(BUILD)/situs

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

# tests/typing: the public API's types, checked with assert_type (docs/api.md)
typecheck: $(BIN)/.installed
	$(BIN)/mypy --strict src tests/typing

pytest: setup browser libreoffice
	$(BIN)/pytest -q

test: setup lint typecheck pytest

docs: $(BIN)/.installed
	$(BIN)/python -m spbe_arch.docgen --write
	$(BIN)/python -m spbe_arch.schema --write
	$(BIN)/python -m spbe_arch.rules.docs --write

# A wheel and an sdist in dist/: what a Pemda that forks or vendors spbe-arch installs in CI
# (docs/ci.md). `python -m build` builds both in an isolated environment.
dist: $(BIN)/.installed
	rm -rf $(DIST)
	$(BIN)/python -m build --outdir $(DIST) .
	@ls -l $(DIST)

# The README images, drawn by the tool itself from the example model: the one-page overview,
# one OPD view with its legend, and the as-is/to-be pair of one OPD with the changes coloured.
readme-images: setup
	rm -rf $(BUILD)/readme $(BUILD)/readme-gap
	$(BIN)/spbe-arch render $(MODEL) --out $(BUILD)/readme --format png --view ringkasan --view opd-bapenda
	$(BIN)/spbe-arch timeline $(MODEL) -o $(BUILD)/readme-gap --format png --gap
	mkdir -p docs/img
	cp $(BUILD)/readme/ringkasan.png docs/img/ringkasan.png
	cp $(BUILD)/readme/opd-bapenda.png docs/img/opd-bapenda.png
	cp $(BUILD)/readme-gap/as-is-*/lapisan-dinkes.png docs/img/gap-as-is-dinkes.png
	cp $(BUILD)/readme-gap/to-be-*/lapisan-dinkes.png docs/img/gap-to-be-dinkes.png

# The README's pictures of `publish`: the site's home page and element page (headless Chromium)
# and one page of the PDF (pdftoppm), from the example model.
publish-images: setup browser
	$(BIN)/spbe-arch publish $(MODEL) --out $(BUILD)/situs
	mkdir -p docs/img
	$(BIN)/python tests/publish/chromium.py docs/img/situs-beranda.png "file://$(abspath $(BUILD))/situs/index.html" 1200x760
	$(BIN)/python tests/publish/chromium.py docs/img/situs-elemen.png "file://$(abspath $(BUILD))/situs/elemen/DAA-DINKES-01.html" 1200x760
	pdftoppm -png -r 70 -f 54 -l 54 -singlefile $(BUILD)/situs/dokumen.pdf docs/img/dokumen-halaman

clean:
	rm -rf $(BUILD) $(DIST) .pytest_cache .mypy_cache .ruff_cache .hypothesis
	rm -f src/spbe_arch/load/_reader.c src/spbe_arch/load/_reader.*.so
