"""Resource bounds of reading returned survey workbooks (docs/performance.md, "Survey workbooks").

    python benchmarks/survey_resources.py [--out FOLDER]

Builds hostile workbooks from a genuine signed form of the example model (building is not
timed), then reads each in a fresh subprocess exactly as ``survey import`` does
(:func:`spbe_arch.survei.baca.baca_formulir`) and reports: the file size, the outcome
(refused or read), the reading time, the child's peak RSS before reading (model loaded) and
after (``resource.getrusage``), and the growth. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
CONTOH = ROOT / "models" / "kabupaten-contoh"

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from spbe_arch.load import load
from spbe_arch.survei.baca import FormulirDitolak, baca_formulir
from spbe_arch.survei.tanda import muat_kunci
root, form = Path(sys.argv[1]), Path(sys.argv[2])
model = load(root).model
key = muat_kunci(None, root)[0]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    read = baca_formulir(form, model, key)
    outcome = f"read: {len(read.baris)} rows, " + ", ".join(sorted({t.kode for t in read.temuan}))
except FormulirDitolak as exc:
    outcome = "refused: " + exc.pesan_en
elapsed = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "seconds": elapsed, "before": before, "after": after}))
"""


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _sheet(members: dict[str, bytes], name: str) -> str:
    import re

    book = members["xl/workbook.xml"].decode()
    found = re.search(rf'<sheet name="{name}" sheetId="(\d+)"', book)
    assert found is not None
    return f"xl/worksheets/sheet{found.group(1)}.xml"


def _write(path: Path, members: dict[str, bytes], stream: tuple[str, object] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if stream is not None:
            name, chunks = stream
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=True) as handle:
                for chunk in chunks:  # type: ignore[attr-defined]
                    handle.write(chunk)
    return path


def _insert(form: Path, out: Path, xml: str) -> Path:
    members = _members(form)
    member = _sheet(members, "Layanan")
    members[member] = members[member].replace(b"</sheetData>", xml.encode() + b"</sheetData>")
    return _write(out, members)


def _streamed(form: Path, out: Path, head: bytes, body: bytes, count: int, tail: bytes) -> Path:
    members = _members(form)
    member = _sheet(members, "Layanan")
    original = members.pop(member)
    head = original.split(b"</sheetData>")[0] + head

    def chunks() -> object:
        yield head
        for _ in range(count):
            yield body
        yield tail + b"</sheetData></worksheet>"

    return _write(out, members, (member, chunks()))


def build(form: Path, work: Path) -> list[tuple[str, Path]]:
    """The cases: (label, workbook)."""
    cases = [("genuine DINKES form (baseline)", form)]
    cases.append((
        "one cell at row 1,048,576",
        _insert(form, work / "row.xlsx",
                '<row r="1048576"><c r="E1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
    ))  # fmt: skip
    cases.append((
        "1,000,000 rows",
        _streamed(form, work / "rows.xlsx", b"", b"", 0,
                  "".join(f'<row r="{r}"><c r="E{r}"><v>{r}</v></c></row>'
                          for r in range(20, 1_000_020)).encode()),
    ))  # fmt: skip
    cells = "".join(f'<c r="{get_column_letter(c)}30"><v>{c}</v></c>' for c in range(1, 16_385))
    cases.append(
        ("16,384 columns", _insert(form, work / "cols.xlsx", f'<row r="30">{cells}</row>'))
    )
    zero = b"\0" * (1 << 20)
    cases.append((
        "zip bomb: a sheet of 2 GiB",
        _streamed(form, work / "bomb.xlsx", b"", zero, 2048, b""),
    ))  # fmt: skip
    a = b"A" * (1 << 20)
    cases.append((
        "one 1 GiB cell",
        _streamed(form, work / "cell1g.xlsx", b'<row r="40"><c r="F40" t="inlineStr"><is><t>',
                  a, 1024, b"</t></is></c></row>"),
    ))  # fmt: skip
    cases.append((
        "one 60 MiB cell (under the member cap)",
        _streamed(form, work / "cell60m.xlsx", b'<row r="40"><c r="F40" t="inlineStr"><is><t>',
                  a, 60, b"</t></is></c></row>"),
    ))  # fmt: skip
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", help="keep the built workbooks in this folder")
    args = parser.parse_args()
    work = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="survey-res-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("SPBE_ARCH_KUNCI", str(work / "kunci-survei"))
    os.environ.update(env)
    root = work / "model"
    if not root.exists():
        shutil.copytree(CONTOH, root)
    from spbe_arch.survei.generate import generate

    (form,) = generate(root, work / "out", opd=["DINKES"])
    print("| case | file | outcome | read time | peak RSS before → after |")
    print("|---|---:|---|---:|---:|")
    for label, path in build(form, work):
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(root), str(path)],
            capture_output=True, text=True, env=env, check=False, timeout=600,
        )  # fmt: skip
        if proc.returncode != 0:
            print(f"| {label} | | FAILED: {proc.stderr.strip().splitlines()[-1]} | | |")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        size = path.stat().st_size
        shown = f"{size / 1024:,.0f} KB" if size < 10 << 20 else f"{size / (1 << 20):,.1f} MB"
        outcome = r["outcome"] if len(r["outcome"]) < 110 else r["outcome"][:107] + "…"
        print(
            f"| {label} | {shown} | {outcome} | {r['seconds']:.2f} s | "
            f"{r['before'] / 1024:.0f} → {r['after'] / 1024:.0f} MB |"
        )
    if not args.out:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
