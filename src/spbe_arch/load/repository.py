"""Loading a model repository: ``spbe.yaml`` plus every YAML file below it, into one Arsitektur."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from spbe_arch.load.discover import (
    CONFIG_NAME,
    OUTSIDE_CODE,
    OUTSIDE_MESSAGE,
    ModelRepositoryError,
    discover,
    outside_source,
)
from spbe_arch.load.errors import locate, suggest, translate
from spbe_arch.load.positions_index import PositionIndex
from spbe_arch.load.snapshot import Snapshot
from spbe_arch.load.source import (
    MAX_FILE_BYTES,
    RawProblem,
    SourceText,
    decode_source,
    read_bytes,
    read_source,
)
from spbe_arch.load.yamltext import parse_text
from spbe_arch.model.arsitektur import Arsitektur, Sumber
from spbe_arch.model.base import nama_tertulis
from spbe_arch.model.kinds import OWNER_KEY, SECTIONS
from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.model.organisasi import PerangkatDaerah
from spbe_arch.positions import Pos
from spbe_arch.problems import Problem, Severity, sort_problems
from spbe_arch.referensi import KatalogError, available_versions, load_katalog
from spbe_arch.results import LoadResult

"""Top-level key of a model file naming the OPD that owns the file's elements by default."""


@functools.lru_cache(maxsize=64)
def _display_prefix(root_display: str) -> str | None:
    """What ``normpath(join(root_display, rel))`` puts before a clean ``rel`` (None: not POSIX)."""
    if os.sep != "/":
        return None
    base = os.path.normpath(root_display)
    if base == ".":
        return ""
    return base if base.endswith("/") else base + "/"


def _display(root_display: str, rel: str) -> str:
    """The displayed path of a model file: the repository's path joined with ``rel``, normalised.

    Computed for every file of every repository: a clean relative path (no ``.`` or ``..``
    segment, no doubled or trailing slash, the common case) only needs the normalised root in
    front of it, which is computed once.
    """
    if not root_display:
        return rel
    prefix = _display_prefix(root_display)
    if (
        prefix is not None
        and rel
        and not rel.startswith("/")
        and not rel.endswith("/")
        and "//" not in rel
        and "/." not in "/" + rel
    ):
        return prefix + rel
    return os.path.normpath(os.path.join(root_display, rel))


class _Loader:
    def __init__(self, root: Path, root_display: str, texts: Mapping[str, str]) -> None:
        self.root = root
        self.texts = texts
        self.root_display = root_display
        self.model = Arsitektur(root=root)
        self.problems: list[Problem] = []
        self.first_seen: dict[str, Sumber] = {}
        self.positions = PositionIndex()
        self.snapshot: Snapshot | None = None
        self.outside: frozenset[str] = frozenset()
        """Links whose real path leaves the repository (never read, see ``discover``)."""

    # -- problems -------------------------------------------------------------------------
    def add(self, file: str, raw: RawProblem) -> None:
        self.problems.append(
            Problem(
                file=file,
                line=raw.line,
                column=raw.column,
                code=raw.code,
                severity=Severity(raw.severity),
                message=raw.message,
                message_en=raw.message_en,
                path=_path_text(raw.path),
            )
        )

    def problem(
        self,
        file: str,
        pos: Pos,
        code: str,
        message: str,
        message_en: str,
        *,
        path: tuple[str | int, ...] = (),
        element_id: str | None = None,
        hint: str | None = None,
        hint_en: str | None = None,
    ) -> None:
        self.problems.append(
            Problem(
                file=file,
                line=pos.line,
                column=pos.column,
                code=code,
                severity=Severity.ERROR,
                message=message,
                message_en=message_en,
                end_line=pos.end_line,
                end_column=pos.end_column,
                path=_path_text(path),
                element_id=element_id,
                hint=hint,
                hint_en=hint_en,
            )
        )

    def validation(
        self,
        file: str,
        pos: Pos,
        exc: ValidationError,
        model: type[BaseModel] | None,
        prefix: tuple[str | int, ...],
        element_id: str | None,
        strip_tag: str | None = None,
    ) -> None:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if strip_tag is not None and loc and loc[0] == strip_tag:
                loc = loc[1:]
            error["loc"] = loc
            section = prefix[0] if prefix and isinstance(prefix[0], str) else None
            code, message, message_en, hint, hint_en = translate(error, model, section=section)
            node = locate(pos, loc, error["type"])
            if error["type"] == "missing" or node.items is not None:
                # the parent of a missing key, or a whole mapping/list: point at its start only
                node = Pos(node.line, node.column)
            self.problem(
                file, node, code, message, message_en, path=prefix + loc,
                element_id=element_id, hint=hint, hint_en=hint_en,
            )  # fmt: skip

    # -- files ----------------------------------------------------------------------------
    def source(self, rel: str) -> SourceText:
        """The decoded text of a file: from the in-memory ``texts`` when given, else the disk."""
        if rel in self.outside:
            return outside_source()
        if rel in self.texts:
            return decode_source(self.texts[rel].encode("utf-8"))
        if self.snapshot is not None and rel in self.snapshot.data:
            data = self.snapshot.data[rel]
            return data if isinstance(data, SourceText) else decode_source(data)
        return read_source(self.root / rel)

    def read(self, rel: str, text: str | None = None) -> tuple[Any, Pos | None, str]:
        """Read a file with the exact reader (``text`` when already decoded)."""
        file = _display(self.root_display, rel)
        if text is None:
            source = self.source(rel)
            for raw in source.problems:
                self.add(file, raw)
            if source.text is None:
                return None, None, file
            text = source.text
        parsed = parse_text(text)
        for raw in parsed.problems:
            self.add(file, raw)
        self.positions.add(file, text, parsed.pos)
        return parsed.data, parsed.pos, file

    def load_config(self) -> None:
        data, pos, file = self.read(CONFIG_NAME)
        self.model.config_file = file
        self.model.config_pos = pos
        if pos is None:
            return
        if not isinstance(data, dict):
            self.problem(file, pos, "SPBE-SKEMA-004",
                         "spbe.yaml harus berupa pemetaan (pemda, periode, katalog …)",
                         "spbe.yaml must be a mapping (pemda, periode, katalog …)")  # fmt: skip
            return
        try:
            self.model.konfigurasi = Konfigurasi.model_validate(data)
        except ValidationError as exc:
            self.validation(file, pos, exc, Konfigurasi, (), None)
            return
        versi = self.model.konfigurasi.katalog
        try:
            load_katalog(versi)
        except KatalogError:
            known = ", ".join(available_versions())
            self.problem(file, pos.find(("katalog",)), "SPBE-SKEMA-003",
                         f"versi katalog '{versi}' tidak tersedia; versi yang ada: {known}",
                         f"catalogue version '{versi}' is not available; known: {known}",
                         path=("katalog",))  # fmt: skip

    def load_file(self, rel: str) -> None:
        file = _display(self.root_display, rel)
        self.model.files.append(file)  # every model file read counts, loadable or not
        source = self.source(rel)
        for raw in source.problems:
            self.add(file, raw)
        if source.text is None:
            self.declared_in_unreadable(file, rel)
            return
        text = source.text
        parsed = parse_text(text, positions=False)
        for raw in parsed.problems:
            self.add(file, raw)
        if parsed.fatal:
            self.declared_in_unreadable(file, rel, text)
            return
        self.positions.add(file, text)
        data = parsed.data
        if data is None:
            return
        where = self.positions.element
        if not isinstance(data, dict):
            self.problem(file, where(file, ()), "SPBE-SKEMA-004",
                         "isi berkas model harus berupa pemetaan dengan bagian seperti "
                         "'aplikasi:' atau 'layanan:'",
                         "a model file must be a mapping with sections such as "
                         "'aplikasi:' or 'layanan:'")  # fmt: skip
            return
        owner = data.get(OWNER_KEY)
        if owner is not None and not isinstance(owner, str):
            self.problem(file, where(file, (OWNER_KEY,)), "SPBE-SKEMA-003",
                         "'opd' di puncak berkas harus berupa satu id OPD",
                         "top-level 'opd' must be a single OPD id", path=(OWNER_KEY,))  # fmt: skip
            owner = None
        if owner is not None:
            # where the inherited owner is written: a problem about it is reported there, once
            self.model.opd_berkas[file] = Sumber(
                file, OWNER_KEY, 0, resolve=where, path=(OWNER_KEY,)
            )
        for section, items in data.items():
            if section == OWNER_KEY:
                continue
            adapter = SECTIONS.get(section)
            if adapter is None:
                close = suggest(section, [*SECTIONS, OWNER_KEY])
                listing = ", ".join(SECTIONS)
                self.problem(
                    file, self.positions.root(file).find((section,), key=True), "SPBE-SKEMA-004",
                    f"bagian '{section}' tidak dikenal"
                    + (f"; maksud Anda '{close}'?" if close else f"; bagian yang ada: {listing}"),
                    f"unknown section '{section}'"
                    + (f"; did you mean '{close}'?" if close else f"; known sections: {listing}"),
                    path=(section,),
                )  # fmt: skip
                continue
            if items is None:
                continue
            if not isinstance(items, list):
                self.problem(file, where(file, (section,)), "SPBE-SKEMA-004",
                             f"bagian '{section}' harus berupa daftar elemen (butir diawali '- ')",
                             f"section '{section}' must be a list of elements (items start "
                             "with '- ')", path=(section,))  # fmt: skip
                continue
            for index, item in enumerate(items):
                self.load_item(file, section, index, item, adapter, owner)

    def declared_in_unreadable(self, file: str, rel: str, text: str | None = None) -> None:
        """Note the ids a file that could not be read seems to declare.

        Rules then do not report references to them as missing: the cause (the file's own
        problem) is already reported, and a cascade of follow-up errors would hide it.
        """
        if text is None:
            # bounded and non-blocking: the file may be huge, a FIFO, or gone by now
            kept = self.snapshot.data.get(rel) if self.snapshot is not None else None
            raw = kept if isinstance(kept, bytes) else read_bytes(self.root / rel)
            if isinstance(raw, SourceText):
                return
            text = raw[:MAX_FILE_BYTES].decode("utf-8", errors="replace")
        for match in _DECLARED_ID.finditer(text):
            self.model.unloaded.setdefault(match.group(1), file)

    def keep(
        self, element: Any, sumber: Sumber, resolve: Any = None, referensi: object = None
    ) -> None:
        """Register a validated element (and an OPD's unit kerja) under its id.

        ``referensi`` is the element's ``referensi`` as written: a name typed after the code
        (``RAB.04.01.04 - Pendidikan``) is kept in :attr:`Arsitektur.nama_referensi`.
        """
        if isinstance(element, PerangkatDaerah):
            if self.register(element.id, sumber):
                self.model.opd[element.id] = element
            for u_index, unit in enumerate(element.unit_kerja):
                path = (*sumber.path, "unit_kerja", u_index)
                unit_src = Sumber(sumber.file, sumber.section, sumber.index, resolve=resolve,
                                  path=path) if resolve is not None else Sumber(
                    sumber.file, sumber.section, sumber.index,
                    pos=sumber.pos.find(("unit_kerja", u_index)), path=path)  # fmt: skip
                if self.register(unit.id, unit_src):
                    self.model.unit_kerja[unit.id] = unit
                    self.model.unit_kerja_opd[unit.id] = element.id
            return
        if self.register(element.id, sumber):
            self.model.elemen[element.id] = element
            typed = nama_tertulis(type(element), referensi)
            if typed is not None:
                self.model.nama_referensi[element.id] = typed

    def load_item(
        self,
        file: str,
        section: str,
        index: int,
        item: Any,
        adapter: TypeAdapter[Any],
        owner: str | None,
    ) -> None:
        prefix: tuple[str | int, ...] = (section, index)
        where = self.positions.element
        if not isinstance(item, dict):
            self.problem(file, where(file, prefix), "SPBE-SKEMA-004",
                         f"butir '{section}' harus berupa pemetaan (id: …, nama: …)",
                         f"an item of '{section}' must be a mapping (id: …, nama: …)",
                         path=prefix)  # fmt: skip
            return
        raw_id = item.get("id")
        element_id = raw_id.strip() if isinstance(raw_id, str) else None
        inherited = (
            owner is not None and section != "perangkat_daerah" and item.get(OWNER_KEY) is None
        )
        if inherited:
            item = {**item, OWNER_KEY: owner}
        tag = item.get("jenis") if section in ("infrastruktur", "keamanan") else None
        try:
            element = adapter.validator.validate_python(item)
        except ValidationError as exc:
            model = _class_for(section, tag)
            self.validation(file, where(file, prefix), exc, model, prefix, element_id,
                            strip_tag=tag if isinstance(tag, str) else None)  # fmt: skip
            if element_id:
                self.model.unloaded.setdefault(element_id, file)
            return
        sumber = Sumber(file, section, index, resolve=where)
        self.keep(element, sumber, where, item.get("referensi"))
        if inherited and isinstance(element_id, str):
            self.model.opd_diwarisi[element.id] = file

    def register(self, ident: str, sumber: Sumber) -> bool:
        first = self.first_seen.get(ident)
        if first is not None:
            id_pos = sumber.pos.find(("id",))
            where = f"{first.file}:{first.pos.find(('id',)).line}"
            self.problem(sumber.file, id_pos, "SPBE-ID-001",
                         f"id '{ident}' ganda: sudah dipakai di {where}",
                         f"duplicate id '{ident}': already used at {where}",
                         path=(*sumber.path, "id"), element_id=ident)  # fmt: skip
            return False
        self.first_seen[ident] = sumber
        self.model.sumber[ident] = sumber
        return True


_DECLARED_ID = re.compile(
    r"^[ \t]*(?:-[ \t]+)?\{?[ \t]*id:[ \t]*['\"]?([A-Za-z0-9][A-Za-z0-9._\-]*)", re.MULTILINE
)
"""An ``id:`` key at the start of a (possibly list-item or flow-mapping) line."""


def _class_for(section: str, tag: Any) -> type[BaseModel] | None:
    from spbe_arch.model.kinds import KIND_CLASS, SECTION_KINDS

    kinds = SECTION_KINDS.get(section, ())
    if len(kinds) == 1:
        cls = KIND_CLASS.get(kinds[0])
    else:
        cls = KIND_CLASS.get(tag) if isinstance(tag, str) and tag in kinds else None
    return cls if isinstance(cls, type) and issubclass(cls, BaseModel) else None


def _path_text(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load(
    path: str | os.PathLike[str],
    *,
    texts: Mapping[str, str] | None = None,
    snapshot: Snapshot | None = None,
) -> LoadResult:
    """Load the model repository at ``path``: every file, every problem, in one pass.

    ``texts`` (relative POSIX path → text) replaces or adds files in memory, without writing
    them: how ``survey import`` checks a change before it touches the repository.
    ``snapshot`` (files already read by :func:`~spbe_arch.load.snapshot.take_snapshot`, whose
    bytes keyed a cache look-up, or a git revision's files read by :mod:`spbe_arch.diff`) is
    loaded instead of reading the files again; with its ``spbe.yaml`` in the snapshot, ``path``
    need not exist on disk.
    Raises :class:`ModelRepositoryError` when ``path`` has no ``spbe.yaml``.
    ``spbe_arch.load(path)`` is this function.

    >>> import spbe_arch
    >>> model, problems = spbe_arch.load("models/kabupaten-contoh")
    >>> model.elemen["DAD-DINKES-01"].nama, problems
    ('Rekam Medis Elektronik Pasien', [])
    >>> spbe_arch.load("models", texts={"spbe.yaml": ""})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    spbe_arch.load.discover.ModelRepositoryError: models: bukan repositori model SPBE ...
    """
    root_display = os.fspath(path)
    root = Path(path)
    if root.is_file() and root.name == CONFIG_NAME:
        root = root.parent
        root_display = os.path.dirname(root_display)
    in_snapshot = snapshot is not None and isinstance(snapshot.data.get(CONFIG_NAME), bytes)
    if not in_snapshot and not (root / CONFIG_NAME).is_file():
        raise ModelRepositoryError(
            f"{root_display or '.'}: bukan repositori model SPBE (tidak ada {CONFIG_NAME}); "
            f"buat dengan `spbe-arch init` atau tunjuk folder yang berisi {CONFIG_NAME}",
            f"{root_display or '.'}: not an SPBE model repository (no {CONFIG_NAME}); "
            f"create one with `spbe-arch init` or name the folder that holds {CONFIG_NAME}",
        )
    loader = _Loader(root, root_display, texts or {})
    loader.snapshot = snapshot
    found = snapshot.discovery if snapshot is not None else discover(root)
    loader.outside = frozenset(found.outside)
    loader.load_config()
    for rel in found.outside:
        if rel != CONFIG_NAME:  # spbe.yaml's own link is reported where it is read
            loader.problems.append(
                Problem(_display(root_display, rel), 1, 1, OUTSIDE_CODE, Severity.ERROR,
                        *OUTSIDE_MESSAGE)
            )  # fmt: skip
    for rel in found.loops:
        loader.problems.append(
            Problem(
                _display(root_display, rel),
                1,
                1,
                "SPBE-YAML-012",
                Severity.WARNING,
                "tautan simbolik membentuk putaran; folder ini dilewati",
                "symbolic link loop; this folder is skipped",
            )
        )
    for rel, reason in found.unreadable:
        loader.problems.append(
            Problem(_display(root_display, rel), 1, 1, "SPBE-YAML-010", Severity.ERROR,
                    f"folder tidak dapat dibaca: {reason}", f"folder cannot be read: {reason}")
        )  # fmt: skip
    extra = [rel for rel in (texts or {}) if rel != CONFIG_NAME and rel not in found.files]
    for rel in sorted([*found.files, *extra]):
        loader.load_file(rel)
    sort_problems(loader.problems)
    return LoadResult(loader.model, loader.problems)
