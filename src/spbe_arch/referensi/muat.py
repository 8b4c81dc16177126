"""Loading catalogue versions from the package data (``referensi/data/``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from spbe_arch.packagedata import parse_yaml

from .katalog import KEYAKINAN, STATUS, InfoKatalog, Katalog, KatalogError, Simpul
from .kode import PREFIXES, is_kode, level_of, parent_of

__all__ = ["VersiKatalog", "available_versions", "load_katalog", "manifest"]

_PACKAGE = "spbe_arch.referensi"
_MANIFEST = "katalog.yaml"


@dataclass(frozen=True, slots=True)
class VersiKatalog:
    """One entry of the manifest ``katalog.yaml``."""

    versi: str
    dasar_hukum: str
    status: str
    catatan: str
    berkas: tuple[str, ...]


def _data_file(name: str) -> Traversable:
    path = resources.files(_PACKAGE) / "data"
    for part in name.split("/"):
        path = path / part
    return path


def _read_yaml(name: str) -> Any:
    try:
        text = _data_file(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise KatalogError(f"cannot read catalogue data file {name}: {exc}") from exc
    try:
        return parse_yaml(text)
    except (yaml.YAMLError, ValueError) as exc:
        raise KatalogError(f"catalogue data file {name} is not valid YAML: {exc}") from exc


def _version_key(versi: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in versi.split("."))
    except ValueError:
        raise KatalogError(f"catalogue version {versi!r} is not dotted numbers") from None


@functools.cache
def manifest() -> tuple[VersiKatalog, ...]:
    """All catalogue versions listed in the manifest, oldest first."""
    raw = _read_yaml(_MANIFEST)
    entries = raw.get("versi") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise KatalogError(f"{_MANIFEST}: expected a non-empty list under 'versi'")
    versions: list[VersiKatalog] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("versi"), str):
            raise KatalogError(f"{_MANIFEST}: every entry needs a string 'versi'")
        status = entry.get("status", "berlaku")
        if status not in STATUS:
            raise KatalogError(f"{_MANIFEST}: version {entry['versi']}: bad status {status!r}")
        versions.append(
            VersiKatalog(
                versi=entry["versi"],
                dasar_hukum=str(entry.get("dasar_hukum", "")),
                status=status,
                catatan=str(entry.get("catatan", "")),
                berkas=tuple(str(b) for b in entry.get("berkas", ())),
            )
        )
    versions.sort(key=lambda v: _version_key(v.versi))
    if len({v.versi for v in versions}) != len(versions):
        raise KatalogError(f"{_MANIFEST}: a version is listed twice")
    return tuple(versions)


def available_versions() -> list[str]:
    """The catalogue versions shipped with the package, oldest first."""
    return [v.versi for v in manifest()]


def _node(raw: Any, info: InfoKatalog, berkas: str) -> Simpul:
    if not isinstance(raw, dict):
        raise KatalogError(f"{berkas}: every item of 'simpul' must be a mapping")
    kode = raw.get("kode")
    if not isinstance(kode, str) or not is_kode(kode) or not kode.startswith(info.katalog + "."):
        raise KatalogError(f"{berkas}: bad code {kode!r} for catalogue {info.katalog}")
    where = f"{berkas}: {kode}"
    nama = raw.get("nama")
    if not isinstance(nama, str) or not nama.strip():
        raise KatalogError(f"{where}: missing 'nama'")
    if raw.get("level") != level_of(kode):
        raise KatalogError(f"{where}: level {raw.get('level')!r} != {level_of(kode)} segments")
    induk = raw.get("induk")
    if induk != parent_of(kode):
        raise KatalogError(f"{where}: induk {induk!r}, expected {parent_of(kode)!r}")
    keyakinan = raw.get("keyakinan", info.keyakinan)
    if keyakinan not in KEYAKINAN:
        raise KatalogError(f"{where}: keyakinan {keyakinan!r} not one of {KEYAKINAN}")
    status = raw.get("status", "berlaku")
    if status not in STATUS:
        raise KatalogError(f"{where}: status {status!r} not one of {STATUS}")
    diganti_oleh = raw.get("diganti_oleh")
    if diganti_oleh is not None and not (isinstance(diganti_oleh, str) and is_kode(diganti_oleh)):
        raise KatalogError(f"{where}: diganti_oleh {diganti_oleh!r} is not a code")
    extra = raw.get("sumber", ())
    extra = (extra,) if isinstance(extra, str) else tuple(str(s) for s in extra)
    return Simpul(
        kode=kode,
        nama=nama,
        level=level_of(kode),
        induk=induk,
        katalog=info.katalog,
        keyakinan=keyakinan,
        sumber=info.sumber + tuple(s for s in extra if s not in info.sumber),
        status=status,
        diganti_oleh=diganti_oleh,
    )


def _load_file(berkas: str) -> tuple[InfoKatalog, list[Simpul]]:
    raw = _read_yaml(berkas)
    if not isinstance(raw, dict):
        raise KatalogError(f"{berkas}: expected a mapping at the top level")
    prefix = raw.get("katalog")
    if prefix not in PREFIXES:
        raise KatalogError(f"{berkas}: 'katalog' must be one of {PREFIXES}, not {prefix!r}")
    sumber = raw.get("sumber", ())
    sumber = (sumber,) if isinstance(sumber, str) else tuple(str(s) for s in sumber)
    keyakinan = raw.get("keyakinan")
    if keyakinan is not None and keyakinan not in KEYAKINAN:
        raise KatalogError(f"{berkas}: keyakinan {keyakinan!r} not one of {KEYAKINAN}")
    info = InfoKatalog(
        katalog=prefix,
        nama=str(raw.get("nama", "")),
        berkas=berkas,
        sumber=sumber,
        catatan=str(raw.get("catatan", "")),
        keyakinan=keyakinan,
    )
    items = raw.get("simpul")
    if not isinstance(items, list):
        raise KatalogError(f"{berkas}: expected a list under 'simpul'")
    return info, [_node(item, info, berkas) for item in items]


@functools.cache  # lru_cache(maxsize=None): one Katalog per version
def _load_version(versi: str) -> Katalog:
    entry = next(v for v in manifest() if v.versi == versi)
    info: dict[str, InfoKatalog] = {}
    nodes: list[Simpul] = []
    for berkas in entry.berkas:
        file_info, file_nodes = _load_file(berkas)
        if file_info.katalog in info:
            raise KatalogError(f"version {versi}: catalogue {file_info.katalog} listed twice")
        info[file_info.katalog] = file_info
        nodes.extend(file_nodes)
    return Katalog(
        versi,
        nodes,
        info,
        dasar_hukum=entry.dasar_hukum,
        status=entry.status,
        catatan_versi=entry.catatan,
    )


def load_katalog(versi: str | None = None) -> Katalog:
    """Load one catalogue version from the package data (cached; the result is shared).

    ``versi=None`` loads the newest version whose status is ``berlaku``. Raises
    :class:`KatalogError` for an unknown version, naming the available ones.
    """
    versions = manifest()
    if versi is None:
        in_force = [v.versi for v in versions if v.status == "berlaku"]
        if not in_force:
            raise KatalogError("no catalogue version has status 'berlaku'")
        return _load_version(in_force[-1])
    if versi not in {v.versi for v in versions}:
        raise KatalogError(
            f"unknown catalogue version {versi!r}; available: "
            + ", ".join(v.versi for v in versions)
        )
    return _load_version(versi)
