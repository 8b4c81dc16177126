"""The key that tells a genuine survey form from a forged one (HMAC-SHA256).

The Diskominfo keeps one secret key **outside the model repository** (docs/security.md, Workbooks):

1. ``--kunci FILE`` on ``survey generate`` / ``survey import``, else
2. the file named by the environment variable ``SPBE_ARCH_KUNCI``, else
3. ``$XDG_CONFIG_HOME/spbe-arch/kunci-survei`` (``~/.config/spbe-arch/kunci-survei``).

``survey generate`` creates the key at the chosen place when it does not exist (mode 0600) and
says so; ``survey import`` never creates one. A key file inside the repository is refused: a key
committed with the model is a key every pull-request author has.

What is signed: every ``_meta`` entry (Pemda, OPD, time, model hash, kinds, the ids of every
pre-filled row) and, per pre-filled row, its kind, hidden original id and hidden original values,
bound to the ``_meta`` signature, so a row cannot be moved into another OPD's form.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from spbe_arch import fileio
from spbe_arch.survei.meta import Gagal

ENV_KUNCI = "SPBE_ARCH_KUNCI"


class KunciGagal(Gagal):
    """The key cannot be found, read or used; ``pesan``/``pesan_en`` say what to do."""


def lokasi_kunci(kunci: str | os.PathLike[str] | None = None) -> Path:
    """Where the key is looked for (see the module docstring)."""
    if kunci is not None:
        return Path(os.path.abspath(Path(kunci).expanduser()))
    env = os.environ.get(ENV_KUNCI)
    if env:
        return Path(os.path.abspath(Path(env).expanduser()))
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(Path.home(), ".config")
    return Path(base) / "spbe-arch" / "kunci-survei"


def _di_repo(path: Path, root: Path | None) -> bool:
    return root is not None and fileio.is_inside(path, root)


def muat_kunci(
    kunci: str | os.PathLike[str] | None, root: Path | None, *, buat: bool = False
) -> tuple[bytes, Path, bool]:
    """(key, where, created): read the key, or with ``buat`` create it when it is missing."""
    path = lokasi_kunci(kunci)
    if _di_repo(path, root):
        raise KunciGagal(
            f"kunci survei {path} berada di dalam repositori model; simpan di luar repositori "
            f"(lihat `--kunci` atau {ENV_KUNCI})",
            f"the survey key {path} is inside the model repository; keep it outside (see "
            f"`--kunci` or {ENV_KUNCI})",
        )
    created = False
    if not path.exists() and buat:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except FileExistsError:
            pass
        else:
            # the empty 0600 file first: the writer keeps an existing file's mode
            fileio.write_atomic(path, secrets.token_hex(32) + "\n", root=path.parent)
            created = True
    try:
        text = path.read_text(encoding="ascii", errors="strict")[:200].strip()
    except FileNotFoundError as exc:
        raise KunciGagal(
            f"kunci survei tidak ditemukan di {path}; pakai kunci yang dibuat saat `survey "
            f"generate` (opsi `--kunci BERKAS` atau variabel {ENV_KUNCI})",
            f"no survey key at {path}; use the key made by `survey generate` (option "
            f"`--kunci FILE` or the variable {ENV_KUNCI})",
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KunciGagal(
            f"kunci survei {path} tidak dapat dibaca ({exc})",
            f"cannot read the survey key {path} ({exc})",
        ) from exc
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < 16:
        raise KunciGagal(
            f"kunci survei {path} tidak sah (harus 64 digit heksadesimal)",
            f"the survey key {path} is not valid (64 hexadecimal digits expected)",
        )
    return key, path, created


def id_kunci(key: bytes) -> str:
    """A short public fingerprint of the key, written in ``_meta`` (not secret)."""
    return hashlib.sha256(b"spbe-arch kunci survei\0" + key).hexdigest()[:12]


def tanda_meta(key: bytes, entries: list[tuple[str, str]]) -> str:
    """The signature of the ``_meta`` entries (order kept; the signature entry excluded)."""
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, b"meta\0" + payload.encode("utf-8"), hashlib.sha256).hexdigest()


def tanda_baris(key: bytes, meta_tanda: str, kind: str, ident: str, asal: str) -> str:
    """The signature of one pre-filled row's hidden original id and values."""
    payload = json.dumps([meta_tanda, kind, ident, asal], ensure_ascii=False)
    return hmac.new(key, b"baris\0" + payload.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def cocok(a: str, b: str) -> bool:
    """Constant-time comparison of two signatures."""
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))
