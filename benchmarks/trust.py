"""What the trust-boundary checks cost (docs/security.md), each in fresh processes.

    python benchmarks/trust.py [--runs 5]

Prints one Markdown table: the tool fingerprint (hashing every file of the package, once
per process), sealing and verifying one cache record (HMAC-SHA256), and the text rules
(SPBE-TEKS-001..003, SPBE-ID-002) on the example model.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_FINGERPRINT = """
import time
t = time.perf_counter()
from spbe_arch.nasional.repos import package_digest, _package_files
import os, spbe_arch
package = os.path.dirname(spbe_arch.__file__)
start = time.perf_counter()
package_digest(package)
digest = time.perf_counter() - start
files = _package_files(package)
size = sum(os.path.getsize(os.path.join(package, f)) for f in files)
start = time.perf_counter()
from spbe_arch.nasional.repos import tool_fingerprint
tool_fingerprint()
whole = time.perf_counter() - start
print(digest * 1000, whole * 1000, len(files), size)
"""

_SEAL = """
import time, json
from spbe_arch.nasional.cache import seal, unseal
body = json.dumps({"outcome": {"problems": [["x" * 80] * 8] * 200}}).encode()
secret = b"k" * 64
n = 2000
start = time.perf_counter()
for _ in range(n):
    unseal(secret, seal(secret, body))
print((time.perf_counter() - start) / n * 1e6, len(body))
"""

_RULES = """
import time, datetime as dt
from spbe_arch.check import check
from spbe_arch.rules import teks_tersembunyi as t
from spbe_arch.rules.engine import Context
r = check("models/kabupaten-contoh")
ctx = Context(r.model, r.graph, None, dt.date.today())
n = 20
start = time.perf_counter()
for _ in range(n):
    t._last[0] = None
    for f in (t.karakter_kendali, t.arah_teks_tersembunyi, t.karakter_tak_terlihat,
              t.id_beda_huruf):
        list(f(ctx))
print((time.perf_counter() - start) / n * 1000, len(r.model))
"""


def _run(code: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    fp = [_run(_FINGERPRINT) for _ in range(runs)]
    seal = [_run(_SEAL) for _ in range(runs)]
    rules = [_run(_RULES) for _ in range(runs)]
    med = statistics.median
    print("| measure | median | range | size |")
    print("|---|---|---|---|")
    print(
        f"| package digest (files hashed) | {med(r[0] for r in fp):.1f} ms | "
        f"{min(r[0] for r in fp):.1f}–{max(r[0] for r in fp):.1f} ms | "
        f"{int(fp[0][2])} files, {fp[0][3] / 1e6:.2f} MB |"
    )
    print(
        f"| tool fingerprint, first call (digest + plug-in metadata) | "
        f"{med(r[1] for r in fp):.1f} ms | "
        f"{min(r[1] for r in fp):.1f}–{max(r[1] for r in fp):.1f} ms | |"
    )
    print(
        f"| seal + verify one cache record | {med(r[0] for r in seal):.1f} µs | "
        f"{min(r[0] for r in seal):.1f}–{max(r[0] for r in seal):.1f} µs | "
        f"{int(seal[0][1]) / 1000:.0f} kB record |"
    )
    print(
        f"| text rules (TEKS-001..003, ID-002) | {med(r[0] for r in rules):.1f} ms | "
        f"{min(r[0] for r in rules):.1f}–{max(r[0] for r in rules):.1f} ms | "
        f"{int(rules[0][1])} elements |"
    )


if __name__ == "__main__":
    main()
