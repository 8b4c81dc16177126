"""The national applications a Pemda uses: Aplikasi Umum and sector apps of K/L, as package data.

The list lives in ``data/aplikasi_umum.yaml`` (SE Menteri PANRB 18/2022; Kepmen PANRB 679/2020
for SRIKANDI; sources per entry). Each Aplikasi Umum carries lower-case keywords (``kata_kunci``)
that identify a local application duplicating its function; the keywords are an inference, so
rules built on them warn rather than fail.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

from spbe_arch.packagedata import parse_yaml

__all__ = [
    "AplikasiNasional",
    "DaftarAplikasiNasional",
    "find",
    "load_aplikasi_umum",
    "match_function",
    "normalize_name",
]

Jenis = Literal["umum", "sektor"]
Keyakinan = Literal["terverifikasi", "sekunder", "dugaan"]

KEYAKINAN: tuple[str, ...] = ("terverifikasi", "sekunder", "dugaan")
STATUS: tuple[str, ...] = (
    "ditetapkan",
    "dilaporkan",
    "kandidat",
    "tidak_jelas",
    "aplikasi_khusus_kl",
)

_UMUM_KEYS = frozenset(
    {
        "nama", "nama_lengkap", "nama_lain", "bidang", "pemilik", "status", "dasar",
        "ditetapkan", "keyakinan", "untuk_pemda", "sumber", "keterangan", "kata_kunci",
        "kata_kunci_lemah", "konteks", "pengecualian",
    }
)  # fmt: skip
_SEKTOR_KEYS = frozenset(
    {"nama", "nama_lengkap", "nama_lain", "bidang", "pemilik", "keyakinan", "sumber", "keterangan"}
)
_CLOSEST_MAX = 4096
_WORD = "a-z0-9"
_SEPARATOR = r"[\s\-_./!]*"


@dataclass(frozen=True, slots=True)
class AplikasiNasional:
    """One national application: an Aplikasi Umum (``jenis="umum"``) or a sector app of a K/L."""

    nama: str
    jenis: Jenis
    bidang: str
    pemilik: str
    keyakinan: Keyakinan
    nama_lengkap: str = ""
    nama_lain: tuple[str, ...] = ()
    status: str = "aplikasi_khusus_kl"
    dasar: str | None = None
    ditetapkan: bool = False
    untuk_pemda: bool = True
    kata_kunci: tuple[str, ...] = ()
    kata_kunci_lemah: tuple[str, ...] = ()
    """Keywords that identify the function only next to a ``konteks`` word (``pengaduan`` is a
    public-service complaint only where ``masyarakat`` or ``pelayanan publik`` is said too)."""
    konteks: tuple[str, ...] = ()
    pengecualian: tuple[str, ...] = ()
    """Words that show a text is about something else (``gangguan jaringan``, ``pelanggan``):
    no keyword match counts in a text that holds one."""
    sumber: tuple[str, ...] = ()
    keterangan: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the application is known by: nama, full name, aliases."""
        return tuple(n for n in (self.nama, self.nama_lengkap, *self.nama_lain) if n)

    @property
    def label(self) -> str:
        """How messages call it: ``Aplikasi Umum``, ``kandidat Aplikasi Umum`` …"""
        if self.jenis == "sektor":
            return "aplikasi sektor K/L"
        return {
            "ditetapkan": "Aplikasi Umum",
            "dilaporkan": "Aplikasi Umum (dilaporkan)",
            "kandidat": "kandidat Aplikasi Umum",
        }.get(self.status, "aplikasi nasional")

    @property
    def label_en(self) -> str:
        """The English counterpart of :attr:`label`."""
        if self.jenis == "sektor":
            return "sector application of a ministry"
        return {
            "ditetapkan": "Aplikasi Umum",
            "dilaporkan": "Aplikasi Umum (reported)",
            "kandidat": "candidate Aplikasi Umum",
        }.get(self.status, "national application")


def normalize_name(name: str) -> str:
    """A name for lookup: case-folded letters and digits (``SP4N-LAPOR!`` → ``sp4nlapor``)."""
    return re.sub(f"[^{_WORD}]", "", name.casefold())


_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")
_DASH = re.compile(r"\s+[-–—:]\s+")
_PREFIXES = ("aplikasi ", "sistem informasi ", "app ")


def name_forms(name: str) -> list[str]:
    """The forms under which real inventories write a national application's name.

    ``SIPD (Sistem Informasi Pemerintahan Daerah)`` gives the abbreviation and the full name;
    ``SIPD - Sistem Informasi …`` likewise; ``Aplikasi SRIKANDI`` gives ``SRIKANDI``. The name
    as written comes first; each form is then looked up whole (case and punctuation ignored).
    """
    forms = [name]
    outside = _BRACKETS.sub(" ", name).strip()
    forms += [outside, *(m.strip() for m in _BRACKETS.findall(name))]
    for text in list(forms):
        forms += [part.strip() for part in _DASH.split(text) if part.strip()]
    for text in list(forms):
        lowered = text.casefold()
        for prefix in _PREFIXES:
            if lowered.startswith(prefix) and len(text) > len(prefix):
                forms.append(text[len(prefix) :].strip())
    return list(dict.fromkeys(f for f in forms if f))


def _keyword_body(keyword: str) -> str:
    # Separators between the words of a phrase are optional, so "e-kinerja" also finds
    # "eKinerja" and "e kinerja".
    parts = re.findall(f"[{_WORD}]+", keyword.casefold())
    return _SEPARATOR.join(re.escape(p) for p in parts)


def _whole_words(*bodies: str) -> re.Pattern[str]:
    # Whole words only, so "asn" does not hit "pasien". Alternatives share the one pair of
    # guards, so one search tests many keywords at once: it finds a match exactly when one of
    # the keywords' own patterns would.
    return re.compile(f"(?<![{_WORD}])(?:{'|'.join(bodies)})(?![{_WORD}])")


@functools.lru_cache(maxsize=1024)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    return _whole_words(_keyword_body(keyword))


_Keywords = tuple["AplikasiNasional", re.Pattern[str]]
"""An Aplikasi Umum with keywords, and the pattern of any of its keywords (strong or weak)."""


@dataclass(frozen=True, slots=True)
class DaftarAplikasiNasional:
    """The loaded list: Aplikasi Umum, sector apps, and the file's notes and sources."""

    umum: tuple[AplikasiNasional, ...]
    sektor: tuple[AplikasiNasional, ...]
    catatan: str = ""
    sumber: tuple[str, ...] = ()
    _index: dict[str, AplikasiNasional] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _patterns: tuple[_Keywords, ...] = field(default=(), init=False, repr=False, compare=False)
    _any: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _sorted_names: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)
    _closest: dict[str, AplikasiNasional | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _found: dict[str, AplikasiNasional | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for entry in (*self.umum, *self.sektor):
            for name in entry.names:
                key = normalize_name(name)
                other = self._index.get(key)
                if other is not None and other is not entry:
                    raise ValueError(
                        f"name {name!r} of {entry.nama} is also a name of {other.nama}"
                    )
                self._index[key] = entry
        patterns = tuple(
            (entry, _whole_words(*map(_keyword_body, (*entry.kata_kunci, *entry.kata_kunci_lemah))))
            for entry in self.umum
            if entry.kata_kunci or entry.kata_kunci_lemah
        )
        every = [
            _keyword_body(kw)
            for entry in self.umum
            for kw in (*entry.kata_kunci, *entry.kata_kunci_lemah)
        ]
        object.__setattr__(self, "_patterns", patterns)
        object.__setattr__(self, "_any", _whole_words(*every) if every else None)
        object.__setattr__(self, "_sorted_names", tuple(sorted(self._index)))

    @property
    def semua(self) -> tuple[AplikasiNasional, ...]:
        """Aplikasi Umum, then sector apps."""
        return (*self.umum, *self.sektor)

    def find(self, name: str) -> AplikasiNasional | None:
        """The application with this name, full name or alias (case and punctuation ignored).

        Real forms are tolerated (:func:`name_forms`): ``SIPD (Sistem Informasi Pemerintahan
        Daerah)``, ``Aplikasi SRIKANDI``, ``e-Kinerja - BKN``. When the forms name two different
        applications the name is ambiguous and nothing is returned.
        """
        # Remembered per name, as for closest(): the same names (SIMPEG, e-Office …) recur
        # across the repositories of one run, and the forms take a few regular expressions.
        if name in self._found:
            return self._found[name]
        if len(self._found) >= _CLOSEST_MAX:
            self._found.clear()
        self._found[name] = found = self._find(name)
        return found

    def _find(self, name: str) -> AplikasiNasional | None:
        """:meth:`find`, not remembered."""
        found: AplikasiNasional | None = None
        for form in name_forms(name):
            key = normalize_name(form)
            entry = self._index.get(key) if key else None
            if entry is None:
                continue
            if found is not None and entry is not found:
                return None
            found = entry
        return found

    def closest(self, name: str) -> AplikasiNasional | None:
        """The application whose name is closest to an unknown name, if any is close."""
        key = normalize_name(name)
        # Remembered per name: the list never changes, difflib is slow, and the same unknown
        # names recur across the models of one run. Bounded, as names come from the models.
        if key not in self._closest:
            if len(self._closest) >= _CLOSEST_MAX:
                self._closest.clear()
            found = difflib.get_close_matches(key, self._sorted_names, n=1, cutoff=0.6)
            self._closest[key] = self._index[found[0]] if found else None
        return self._closest[key]

    def match_evidence(self, text: str) -> list[tuple[AplikasiNasional, str, str | None]]:
        """Aplikasi Umum whose function ``text`` describes, with the evidence: the keyword found
        and, for a weak keyword, the context word found with it (None for a strong keyword).

        A strong keyword (``kata_kunci``) is enough alone; a weak one (``kata_kunci_lemah``)
        counts only when one of the entry's ``konteks`` words occurs in the same text; no match
        counts when one of its ``pengecualian`` words does.
        """
        folded = text.casefold()
        out: list[tuple[AplikasiNasional, str, str | None]] = []
        # Most texts match no keyword: one search over all keywords rules them out.
        if self._any is None or self._any.search(folded) is None:
            return out
        # An entry none of whose keywords (strong or weak) occurs adds nothing, whatever its
        # exceptions and context words: one search of its keywords together rules it out.
        for entry, keywords in self._patterns:
            if keywords.search(folded) is None:
                continue
            if any(_keyword_pattern(w).search(folded) for w in entry.pengecualian):
                continue
            strong = [(kw, m.start()) for kw in entry.kata_kunci
                      if (m := _keyword_pattern(kw).search(folded)) is not None]  # fmt: skip
            if strong:
                out.append((entry, max(strong, key=lambda h: (len(h[0]), -h[1]))[0], None))
                continue
            weak = [kw for kw in entry.kata_kunci_lemah if _keyword_pattern(kw).search(folded)]
            if not weak:
                continue
            context = [w for w in entry.konteks if _keyword_pattern(w).search(folded)]
            if context:
                out.append((entry, max(weak, key=len), context[0]))
        return out

    def match_function(self, text: str) -> list[tuple[AplikasiNasional, str]]:
        """Aplikasi Umum whose function ``text`` describes, with the keyword found (see
        :meth:`match_evidence`), one pair per application in list order."""
        return [(entry, keyword) for entry, keyword, _ in self.match_evidence(text)]


def _text(raw: dict[str, Any], key: str, where: str, *, optional: bool = False) -> str | None:
    value = raw.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: '{key}' must be non-empty text")
    return value.strip()


def _texts(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: '{key}' must be a list of text")
    return tuple(v.strip() for v in value)


def _lower(words: tuple[str, ...], where: str) -> tuple[str, ...]:
    if any(w != w.lower() for w in words):
        raise ValueError(f"{where}: keywords must be lower-case")
    return words


def _entry(raw: object, jenis: Jenis, index: int) -> AplikasiNasional:
    where = f"aplikasi_{jenis}[{index}]"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: must be a mapping")
    allowed = _UMUM_KEYS if jenis == "umum" else _SEKTOR_KEYS
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown}")
    keyakinan = _text(raw, "keyakinan", where)
    if keyakinan not in KEYAKINAN:
        raise ValueError(f"{where}: keyakinan {keyakinan!r} is not one of {KEYAKINAN}")
    kata_kunci = _texts(raw, "kata_kunci", where)
    if any(k != k.lower() for k in kata_kunci):
        raise ValueError(f"{where}: kata_kunci must be lower-case")
    status = (_text(raw, "status", where) or "") if jenis == "umum" else "aplikasi_khusus_kl"
    if status not in STATUS:
        raise ValueError(f"{where}: status {status!r} is not one of {STATUS}")
    flags = {k: raw.get(k, k == "untuk_pemda") for k in ("ditetapkan", "untuk_pemda")}
    if not all(isinstance(v, bool) for v in flags.values()):
        raise ValueError(f"{where}: ditetapkan and untuk_pemda must be true or false")
    return AplikasiNasional(
        nama=_text(raw, "nama", where) or "",
        jenis=jenis,
        bidang=_text(raw, "bidang", where) or "",
        pemilik=_text(raw, "pemilik", where) or "",
        keyakinan=keyakinan,  # type: ignore[arg-type]  # checked against KEYAKINAN above
        nama_lengkap=_text(raw, "nama_lengkap", where, optional=True) or "",
        nama_lain=_texts(raw, "nama_lain", where),
        status=status,
        dasar=_text(raw, "dasar", where, optional=True),
        ditetapkan=bool(flags["ditetapkan"]),
        untuk_pemda=bool(flags["untuk_pemda"]),
        kata_kunci=kata_kunci,
        kata_kunci_lemah=_lower(_texts(raw, "kata_kunci_lemah", where), where),
        konteks=_lower(_texts(raw, "konteks", where), where),
        pengecualian=_lower(_texts(raw, "pengecualian", where), where),
        sumber=_texts(raw, "sumber", where),
        keterangan=_text(raw, "keterangan", where, optional=True),
    )


def parse_daftar(data: object) -> DaftarAplikasiNasional:
    """Build the list from the parsed YAML document; raises ``ValueError`` on malformed data."""
    if not isinstance(data, dict):
        raise ValueError("aplikasi_umum.yaml: the document must be a mapping")
    umum = data.get("aplikasi_umum") or []
    sektor = data.get("aplikasi_sektor") or []
    if not isinstance(umum, list) or not isinstance(sektor, list):
        raise ValueError("aplikasi_umum.yaml: aplikasi_umum and aplikasi_sektor must be lists")
    catatan = data.get("catatan") or ""
    return DaftarAplikasiNasional(
        umum=tuple(_entry(raw, "umum", i) for i, raw in enumerate(umum)),
        sektor=tuple(_entry(raw, "sektor", i) for i, raw in enumerate(sektor)),
        catatan=str(catatan).strip(),
        sumber=_texts(data, "sumber", "aplikasi_umum.yaml"),
    )


@functools.cache
def load_aplikasi_umum() -> DaftarAplikasiNasional:
    """The shipped list of Aplikasi Umum and sector apps (read once, then cached)."""
    path = resources.files("spbe_arch") / "data" / "aplikasi_umum.yaml"
    return parse_daftar(parse_yaml(path.read_text(encoding="utf-8")))


def match_function(text: str) -> list[tuple[AplikasiNasional, str]]:
    """Aplikasi Umum whose function keywords occur in ``text`` (whole words, case-insensitive)."""
    return load_aplikasi_umum().match_function(text)


def find(name: str) -> AplikasiNasional | None:
    """A national application (Aplikasi Umum or sector app) by name or alias."""
    return load_aplikasi_umum().find(name)
