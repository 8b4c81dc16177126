"""Edit workbooks in LibreOffice Calc through UNO, as OPD staff would by hand, and save them.

Run with Debian's ``/usr/bin/python3`` (it has the ``uno`` module of ``python3-uno``), not the
project's virtual environment::

    /usr/bin/python3 tests/libreoffice_uno.py JOB.json

``JOB.json``: ``{"soffice": PATH, "profile": FILE_URL, "documents": [{"in": PATH, "out": PATH,
"ops": [...]}]}``. One ``soffice`` is started (headless, its own profile, a private pipe) for all
documents. Each op names a sheet, a 1-based row and column and what to do there:

- ``{"kind": "type", "value": "..."}``: type a text and press Enter, as Calc's input line
  takes it (see ``_type``: a Text-formatted cell keeps it as text; ``=`` starts a formula;
  else Calc's own number recognition makes a number, date, time, percent or boolean);
- ``{"kind": "pick", "contains": "...", "not": "..."}``: read the cell's list validation as
  LibreOffice understood it (an inline list or a range on another sheet), and choose the first
  entry that contains ``contains`` and is not ``not``.

An op on a cell LibreOffice considers locked on a protected sheet is refused: OPD staff could not
type there. The document is then saved with the "Calc MS Excel 2007 XML" filter (what
"Save As › Excel 2007-365" does). Printed on stdout, as JSON: per document the entries each
``pick`` chose from and the value chosen, and per op the cell's text after the edit.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
from com.sun.star.util import NotNumericException  # type: ignore[import-not-found]

TEXT_FORMAT = 256  # com.sun.star.util.NumberFormat.TEXT


def _prop(name: str, value: object) -> Any:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _is_list(validation: Any) -> bool:
    kind = validation.Type
    return getattr(kind, "value", kind) == "LIST"


def _connect(soffice: str, profile: str) -> tuple[subprocess.Popen[bytes], Any]:
    pipe = f"spbe_lo_{os.getpid()}"
    proc = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo",
         "--norestore", "--nodefault", "--nolockcheck",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"soffice did not start (exit {proc.poll()})") from None
            time.sleep(0.2)
    return proc, ctx


def _edit(smgr: Any, desktop: Any, job: dict[str, Any]) -> dict[str, Any]:
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(job["in"]), "_blank", 0, (_prop("Hidden", True),)
    )
    if doc is None:
        raise SystemExit(f"LibreOffice could not open {job['in']}")
    done: list[dict[str, Any]] = []
    formatter = smgr.createInstance("com.sun.star.util.NumberFormatter")
    formatter.attachNumberFormatsSupplier(doc)
    try:
        for op in job["ops"]:
            sheet = doc.Sheets.getByName(op["sheet"])
            cell = sheet.getCellByPosition(op["col"] - 1, op["row"] - 1)
            if sheet.isProtected() and cell.CellProtection.IsLocked:
                raise SystemExit(f"{cell.AbsoluteName} is locked: OPD staff cannot type there")
            record: dict[str, Any] = {"cell": cell.AbsoluteName}
            kind = op["kind"]
            if kind == "type":
                _type(formatter, doc, cell, op["value"])
            elif kind == "pick":
                if not _is_list(cell.Validation):
                    raise SystemExit(f"{cell.AbsoluteName}: no list validation")
                entries = _entries_of(doc, cell)
                choice = next(
                    e for e in entries if op.get("contains", "") in e and e != op.get("not")
                )
                cell.setString(choice)
                record["entries"] = entries
            else:
                raise SystemExit(f"unknown op {kind}")
            doc.calculateAll()
            record["text"] = cell.getString()
            done.append(record)
        doc.storeToURL(
            uno.systemPathToFileUrl(job["out"]),
            (_prop("FilterName", "Calc MS Excel 2007 XML"), _prop("Overwrite", True)),
        )
    finally:
        doc.close(True)
    return {"ops": done}


def _type(formatter: Any, doc: Any, cell: Any, text: str) -> None:
    """Enter ``text`` as Calc's input line does: a cell formatted as Text keeps it as text;
    ``=`` starts a formula; else Calc's own number recognition (the cell's format and the
    locale, en-US here) turns it into a number, date, time, percent or boolean, and gives the
    cell the recognised format when it had the General one.

    The input line itself (the ``.uno:EnterString`` dispatch) gives the same cells, but
    headless LibreOffice 7.4 aborts in a timer soon after it (a fresh profile, Debian 12), so
    the tests use this equivalent; docs/security.md, "Proven with LibreOffice"."""
    current = cell.NumberFormat
    if doc.NumberFormats.getByKey(current).Type & TEXT_FORMAT:
        cell.setString(text)
        return
    if text.startswith("="):
        cell.setFormula(text)
        return
    try:
        key = formatter.detectNumberFormat(current, text)
    except NotNumericException:
        cell.setString(text)
        return
    cell.setValue(formatter.convertStringToNumber(key, text))
    general = doc.NumberFormats.getByKey(current).FormatString in ("General", "Standard")
    if key != current and general:
        cell.NumberFormat = key  # General became the recognised date, percent, ... format


def _entries_of(doc: Any, cell: Any) -> list[str]:
    formula = cell.Validation.getFormula1()
    if formula.startswith('"'):  # an inline list: "a";"b";"c"
        return [part.strip('"') for part in formula.split(";")]
    out: list[str] = []
    for rng in doc.Sheets.getCellRangesByName(formula.lstrip("=")):
        for row in rng.getDataArray():
            out.extend(str(v) for v in row if v != "")
    return out


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        job = json.load(handle)
    proc, ctx = _connect(job["soffice"], job["profile"])
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        results = [_edit(smgr, desktop, d) for d in job["documents"]]
    finally:
        with contextlib.suppress(Exception):  # the bridge closes as soffice exits
            desktop.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
