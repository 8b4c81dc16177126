"""Applications many Pemda build separately for the same function: the Aplikasi Umum candidates.

Only aplikasi a Pemda builds itself (``asal: pemda``) are grouped. Two are taken to serve the
same function when

* the function keywords of the same Aplikasi Umum occur in their name or ``fungsi``
  (:func:`spbe_arch.aplikasi_umum.match_function`): the group is then already covered by that
  Aplikasi Umum, and its members are candidates for migration; or else
* they are classified under the same RAA branch and their normalised names are similar:
  word sets (after dropping generic words such as *sistem*, *informasi*, the Pemda's own name,
  and expanding common acronyms such as SIMPUS) with a Jaccard index of at least 0.5, or
  compact names alike by ``difflib`` ratio 0.85.

Grouping compares each aplikasi only with the group leaders that share a word with it, so the
national corpus (tens of thousands of aplikasi) is grouped in about a second.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spbe_arch.aplikasi_umum import AplikasiNasional, match_function
from spbe_arch.nasional.hasil import AppDigest, RepoSummary

GENERIC = frozenset(
    {
        "aplikasi",
        "sistem",
        "informasi",
        "manajemen",
        "sim",
        "si",
        "daerah",
        "kabupaten",
        "kab",
        "kota",
        "provinsi",
        "prov",
        "pemerintah",
        "pemkab",
        "pemkot",
        "pemprov",
        "online",
        "daring",
        "portal",
        "layanan",
        "pelayanan",
        "website",
        "situs",
        "terpadu",
        "terintegrasi",
        "berbasis",
        "web",
        "dan",
        "untuk",
        "pada",
        "di",
        "ke",
        "dari",
        "the",
        "of",
        "new",
        "baru",
        "versi",
        "v",
        "modul",
        "elektronik",
        "digital",
        "smart",
        "dinas",
        "badan",
        "bagian",
        "kantor",
    }
)
"""Words that say nothing about an application's function."""

SINGKATAN = {
    "simpus": "puskesmas", "simpeg": "kepegawaian", "simrs": "rumahsakit", "simbada": "barang",
    "sipada": "pendapatan", "simda": "keuangan", "simral": "keuangan", "sipkd": "keuangan",
    "eoffice": "persuratan", "esurat": "persuratan", "simaset": "barang",
    "eperizinan": "perizinan",
    "siperizinan": "perizinan", "sipp": "perizinan", "eppid": "ppid", "jdih": "hukum",
    "sipawas": "pengawasan", "eplanning": "perencanaan", "ebudgeting": "penganggaran",
    "satudata": "satudata", "opendata": "satudata", "lapor": "pengaduan", "aduan": "pengaduan",
    "epuskesmas": "puskesmas", "ekinerja": "kinerja", "siharpa": "hargapangan",
    "siparkir": "parkir", "epajak": "pajak", "epbb": "pajak", "ebphtb": "pajak",
}  # fmt: skip
"""Common acronyms of Pemda applications and the function word they stand for."""

_JOIN = re.compile(r"\b(e|m|i|si|sim)[\s\-]+(?=[a-z])")
_WORDS = re.compile(r"[a-z]+[0-9]*")


def name_words(nama: str, pemda: str | None = None) -> frozenset[str]:
    """The words of a name that say what it does (``e-Office Kab. X`` → eoffice, persuratan)."""
    text = _JOIN.sub(r"\1", nama.casefold().replace("satu data", "satudata"))
    own = set(_WORDS.findall((pemda or "").casefold()))
    words: set[str] = set()
    for word in _WORDS.findall(text):
        word = word.rstrip("0123456789")
        if len(word) < 3 or word in GENERIC or word in own:
            continue
        words.add(word)
        if word in SINGKATAN:
            words.add(SINGKATAN[word])
        for prefix in ("e", "si", "sim"):
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 5 and rest not in GENERIC:
                words.add(rest)
    return frozenset(words)


def compact(nama: str) -> str:
    """Letters and digits only, case-folded."""
    return re.sub(r"[^a-z0-9]", "", nama.casefold())


@dataclass(slots=True)
class Anggota:
    """One aplikasi in a group: the body that builds it, and the aplikasi."""

    repository: str
    pemda: str | None
    aplikasi: AppDigest


@dataclass(slots=True)
class Klaster:
    """A group of aplikasi built separately by several bodies for the same function."""

    anggota: list[Anggota] = field(default_factory=list)
    umum: AplikasiNasional | None = None
    kata_kunci: str | None = None
    words: frozenset[str] = frozenset()
    compact: str = ""
    memakai_umum: int = 0
    """How many of the bodies already use the covering Aplikasi Umum as well."""

    @property
    def instansi(self) -> list[str]:
        """The repositories of the bodies in the group, sorted."""
        return sorted({a.repository for a in self.anggota})

    @property
    def nama(self) -> list[tuple[str, int]]:
        """Name variants with their counts, most common first."""
        return Counter(a.aplikasi.nama for a in self.anggota).most_common()

    @property
    def referensi(self) -> list[tuple[str, int]]:
        """RAA codes with their counts, most common first."""
        return Counter(a.aplikasi.referensi or "-" for a in self.anggota).most_common()

    @property
    def judul(self) -> str:
        """The group's title: the Aplikasi Umum's function, or the most common name."""
        return self.umum.nama if self.umum is not None else self.nama[0][0]


def _branch(code: str | None) -> str:
    return ".".join((code or "RAA").split(".")[:2])


def _covering(app: AppDigest) -> tuple[AplikasiNasional, str] | None:
    for text in (app.nama, app.fungsi):
        found = match_function(text) if text else []
        if found:
            return found[0]
    return None


def _similar(words: frozenset[str], name: str, leader: Klaster) -> bool:
    shared = len(words & leader.words)
    if shared and shared * 2 >= len(words | leader.words):
        return True
    return difflib.SequenceMatcher(None, name, leader.compact).ratio() >= 0.85


def find_duplicates(repositories: Iterable[RepoSummary], *, min_instansi: int = 3) -> list[Klaster]:
    """Groups of Pemda-built aplikasi shared by at least ``min_instansi`` bodies, largest first."""
    covered: dict[str, Klaster] = {}
    leaders: dict[str, list[Klaster]] = defaultdict(list)
    index: dict[tuple[str, str], list[Klaster]] = defaultdict(list)
    uses: dict[str, set[str]] = {}
    for repo in sorted(repositories, key=lambda r: r.path):
        uses[repo.path] = {n.casefold() for n in repo.aplikasi_nasional}
        for app in repo.aplikasi_pemda:
            member = Anggota(repo.path, repo.pemda, app)
            hit = _covering(app)
            if hit is not None:
                group = covered.setdefault(hit[0].nama, Klaster(umum=hit[0], kata_kunci=hit[1]))
                group.anggota.append(member)
                continue
            words = name_words(app.nama, repo.pemda)
            name = compact(app.nama)
            branch = _branch(app.referensi)
            candidates = {id(k): k for w in words for k in index[(branch, w)]}
            found = next(
                (k for k in sorted(candidates.values(), key=lambda k: k.compact)
                 if _similar(words, name, k)),
                None,
            )  # fmt: skip
            if found is None:
                found = Klaster(words=words, compact=name)
                leaders[branch].append(found)
                for w in words:
                    index[(branch, w)].append(found)
            found.anggota.append(member)
    groups = [*covered.values(), *(k for ks in leaders.values() for k in ks)]
    out = [k for k in groups if len(k.instansi) >= min_instansi]
    for k in out:
        if k.umum is not None:
            names = {n.casefold() for n in k.umum.names}
            k.memakai_umum = sum(1 for r in k.instansi if uses.get(r, set()) & names)
    return sorted(out, key=lambda k: (-len(k.instansi), k.umum is not None, k.judul))
