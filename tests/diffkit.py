"""A realistic change set on a copy of the example model, and git helpers, for the diff tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"

RENAMED = ("DAA-DISKOMINFO-02", "DAA-DISKOMINFO-12")
"""The application whose id changes (every reference follows it)."""
RETIRED = "DAI-DISKOMINFO-VM-04"
"""The virtual server that is removed (its applications move to VM-03)."""
MOVED_TO = "DAI-DISKOMINFO-VM-03"
RECLASSIFIED = ("DAL-DISKOMINFO-02", "RAL.01.43.03", "RAL.01.43.04")
"""The service whose reference code changes (id, old code, new code)."""
NEW_ITEM = "PR-APLIKASI-99"
"""The roadmap item added."""

NEW_ITEM_YAML = f"""
  - id: {NEW_ITEM}
    opd: DISKOMINFO
    nama: Migrasi Portal Satu Data ke Komputasi Awan PDN
    uraian: Pemindahan Portal Satu Data dari pusat data Pemda ke PDN.
    muatan: aplikasi
    tahun_mulai: 2027
    tahun_selesai: 2028
    target:
      2027: Kajian dan uji coba migrasi
      2028: Portal Satu Data berjalan di PDN
    anggaran:
      2027: 100000000
      2028: 150000000
    program: 2.16.03
    kegiatan: 2.16.03.2.02
    sub_kegiatan: [2.16.03.2.02.05]
    status_rencana: belum_mulai
    elemen_diubah: [{RENAMED[1]}]
"""


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}  # fmt: skip
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True)  # fmt: skip
    return done.stdout


def new_repo(path: Path) -> Path:
    """A git repository at ``path`` holding a copy of the example model, committed."""
    shutil.copytree(EXAMPLE, path)
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "base")
    return path


def apply_change_set(root: Path) -> None:
    """Rename an application, retire a server, re-classify a service, add a roadmap item."""
    old_id, new_id = RENAMED
    for file in root.rglob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        changed = re.sub(rf"\b{re.escape(old_id)}\b", new_id, text)
        if file.parent.name != "diskominfo" or file.name != "infrastruktur.yaml":
            changed = re.sub(rf"\b{re.escape(RETIRED)}\b(, )?", "", changed)
            changed = changed.replace("infrastruktur: []", f"infrastruktur: [{MOVED_TO}]")
        changed = changed.replace(", ]", "]")
        if changed != text:
            file.write_text(changed, encoding="utf-8")
    infra = root / "diskominfo" / "infrastruktur.yaml"
    text = infra.read_text(encoding="utf-8")
    start = text.index(f"  - id: {RETIRED}\n")
    end = text.index("\n\n", start) + 1
    infra.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    layanan = root / "diskominfo" / "layanan.yaml"
    ident, old_code, new_code = RECLASSIFIED
    text = layanan.read_text(encoding="utf-8")
    start = text.index(f"  - id: {ident}\n")
    at = text.index(f"referensi: {old_code}", start)
    layanan.write_text(
        text[:at] + f"referensi: {new_code}" + text[at + len(f"referensi: {old_code}") :],
        encoding="utf-8",
    )
    rencana = root / "peta-rencana" / "peta-rencana.yaml"
    rencana.write_text(rencana.read_text(encoding="utf-8") + NEW_ITEM_YAML, encoding="utf-8")
