"""The check's fast paths give what the plain ways they replace give.

Each test holds the plain way (as the code was before it was made fast) as a reference and
compares: the gap analysis against slicing the model twice, the roadmap years against scanning
every item per element, keyword matching against one search per keyword, the graph's lazily
made links against the links of every element, the cycle pre-test against networkx, files
relative to the repository against ``os.path.relpath``, cache records against
``dataclasses.asdict``, and the text rules' quick pass against one search per value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import os
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from conftest import write_repo
from spbe_arch.aplikasi_umum import _SEPARATOR, _WORD, load_aplikasi_umum
from spbe_arch.codeowners.folders import relative_file, relative_to
from spbe_arch.graph import ModelGraph, _has_cycle
from spbe_arch.load import load
from spbe_arch.model import Arsitektur
from spbe_arch.model.base import Elemen, StatusElemen
from spbe_arch.model.kinds import DOMAINS
from spbe_arch.model.relasi import ARSITEKTUR_KINDS, relations_of, targets
from spbe_arch.nasional.hasil import AppDigest, Outcome, RepoSummary, from_json, to_json
from spbe_arch.roadmap import Masa, analisis_gap, as_is, masa, to_be
from spbe_arch.roadmap.gap import JENIS, Gap, Jenis, Perubahan, pengantar
from spbe_arch.roadmap.waktu import periode, rencana
from spbe_arch.rules import teks_tersembunyi as teks
from spbe_arch.rules.common import coded, own_codes, own_codes_of, per_check
from spbe_arch.rules.engine import Context

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"

ROADMAP = """\
opd: DISKOMINFO
perangkat_daerah:
  - id: DISKOMINFO
    nama: Dinas Komunikasi dan Informatika
    tipe: dinas
    unit_kerja:
      - {id: DISKOMINFO-TI, nama: Bidang TI}
proses_bisnis:
  - {id: PB-1, nama: Induk, induk: PB-2}
  - {id: PB-2, nama: Anak, induk: PB-1}
  - {id: PB-3, nama: Sendiri, induk: PB-3, unit_kerja: DISKOMINFO-TI}
infrastruktur:
  - {id: SRV-LAMA, jenis: server, nama: Server Lama, tahun_selesai: 2027}
  - {id: SRV-BARU, jenis: server, nama: Server Baru, tahun_mulai: 2027}
  - {id: SRV-DUA, jenis: server, nama: Server Dua, host: SRV-BARU}
  - {id: SPL, jenis: sistem_penghubung_layanan, nama: SPL Pemda, status: baru}
  - {id: SPL-2, jenis: sistem_penghubung_layanan, nama: SPL Cadangan, status: baru}
aplikasi:
  - id: APL
    nama: SIMPUS
    status: upgrade
    infrastruktur: [SRV-LAMA, SRV-BARU, SRV-HILANG, PB-1]
    integrasi:
      - {aplikasi: APL-LAMA, melalui: SPL, data: [DATA-X]}
  - {id: APL-LAMA, nama: Aplikasi Lama, tahun_mulai: 2019, tahun_selesai: 2026}
  - {id: APL-UBAH, nama: Aplikasi Diubah, referensi: RAB.04.01.04}
  - {id: APL-NAMA, nama: Aplikasi Bernama, referensi: "RAA.02.02 Aplikasi Puskesmas"}
peta_rencana:
  - id: PR-01
    nama: Migrasi Server
    muatan: infrastruktur
    tahun_mulai: 2026
    tahun_selesai: 2028
    elemen_baru: [SRV-BARU, SPL, SPL]
    elemen_dihentikan: [SRV-LAMA, APL-LAMA]
    elemen_diubah: [APL-UBAH, APL-UBAH]
  - id: PR-02
    nama: Server Cepat
    muatan: infrastruktur
    tahun_mulai: 2025
    tahun_selesai: 2026
    elemen_baru: [SRV-BARU]
    elemen_dihentikan: [SRV-LAMA]
    elemen_diubah: [APL-UBAH]
"""


@pytest.fixture(params=["roadmap", "example"])
def model(request: pytest.FixtureRequest, tmp_path: Path) -> Arsitektur:
    if request.param == "example":
        return load(EXAMPLE).model
    return load(write_repo(tmp_path / "repo", {"contoh.yaml": ROADMAP})).model


# -- references: the plain ways --------------------------------------------------------------
def _masa_scanning(model: Arsitektur, element: Elemen) -> Masa:
    if element.KIND == "rencana" or element.KIND not in ARSITEKTUR_KINDS:
        return Masa(None, None)
    items = rencana(model)
    mulai = element.tahun_mulai
    if mulai is None:
        introducing = [r.tahun_mulai for r in items if element.id in r.elemen_baru]
        if introducing:
            mulai = min(introducing)
        elif element.status is StatusElemen.BARU:
            span = periode(model)
            mulai = span[0] if span is not None else None
    selesai = element.tahun_selesai
    if selesai is None:
        retiring = [r.tahun_selesai for r in items if element.id in r.elemen_dihentikan]
        selesai = min(retiring) if retiring else None
    return Masa(mulai, selesai)


def _gap_slicing(model: Arsitektur) -> Gap:
    def arsitektur(m: Arsitektur) -> dict[str, Elemen]:
        return {i: e for i, e in m.elemen.items() if e.DOMAIN in DOMAINS}

    before, after = arsitektur(as_is(model)), arsitektur(to_be(model))
    span = periode(model)
    gap = Gap(span[0] if span else None, span[1] if span else None, len(before), len(after))
    diubah = {i for r in rencana(model) for i in r.elemen_diubah}
    for ident, element in sorted(arsitektur(model).items()):
        jenis: Jenis | None = None
        if ident in after and ident not in before:
            jenis = "baru"
        elif ident in before and ident not in after:
            jenis = "dihentikan"
        elif ident in before and (element.status is StatusElemen.UPGRADE or ident in diubah):
            jenis = "diubah"
        if jenis is None:
            continue
        years = _masa_scanning(model, element)
        gap.perubahan.append(
            Perubahan(jenis, ident, element.KIND, element.DOMAIN, element.nama,
                      years.mulai, years.selesai, pengantar(model, ident, jenis))
        )  # fmt: skip
    gap.perubahan.sort(key=lambda p: (DOMAINS.index(p.domain), JENIS.index(p.jenis), p.elemen))
    return gap


# -- roadmap -----------------------------------------------------------------------------------
def test_masa_equals_scanning_every_item(model: Arsitektur) -> None:
    for element in model:
        assert masa(model, element) == _masa_scanning(model, element), element.id


def test_gap_equals_slicing_the_model_twice(model: Arsitektur) -> None:
    fast, plain = analisis_gap(model), _gap_slicing(model)
    assert fast.to_dict() == plain.to_dict()
    assert fast.perubahan == plain.perubahan


def test_gap_without_period_equals_slicing(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"contoh.yaml": ROADMAP})
    model = load(root).model
    model.konfigurasi = None
    assert analisis_gap(model).to_dict() == _gap_slicing(model).to_dict()


# -- graph -------------------------------------------------------------------------------------
def test_lazy_links_equal_the_links_of_every_element(model: Arsitektur) -> None:
    graph = ModelGraph(model, model.katalog())
    expected: list[tuple[str, str, str, tuple[str | int, ...]]] = []
    dangling: list[tuple[str, str, str, tuple[str | int, ...]]] = []
    for ident, element in model.elemen.items():
        for relasi in relations_of(element.KIND):
            for path, target in targets(element.KIND, element, relasi):
                known = model.kind_of(target) in relasi.target
                (expected if known else dangling).append((ident, target, relasi.field, path))
    written = [
        (lk.source, lk.target, lk.field, lk.path)
        for lk in graph.all_links()
        if lk.source in model.elemen and lk.field != "referensi"
    ]
    assert sorted(written) == sorted(expected)
    assert [(d.source, d.target, d.relasi.field, d.path) for d in graph.dangling] == dangling


def test_links_to_one_field_equal_all_links_filtered(model: Arsitektur) -> None:
    # Asked field by field first (the lazy per-field index), then everything (the full index).
    graph = ModelGraph(model, model.katalog())
    fields = sorted({r.field for e in model for r in relations_of(e.KIND)} | {"referensi"})
    nodes = sorted(set(model.ids()) | {f"katalog:{e.referensi}" for e in model if e.referensi})
    by_field = {(n, f): graph.links_to(n, f) for n in nodes for f in fields}
    cycles = {f: graph.cycles(f) for f in fields}
    fresh = ModelGraph(model, model.katalog())
    for (node, field), links in by_field.items():
        assert links == [lk for lk in fresh.links_to(node) if lk.field == field]
        assert links == [lk for lk in graph.links_to(node) if lk.field == field]
    for field, found in cycles.items():
        assert found == fresh.cycles(field)
    for node in nodes:
        assert graph.links_from(node) == fresh.links_from(node)
        assert graph.kind(node) == fresh.kind(node)


def test_cycles_found(tmp_path: Path) -> None:
    model = load(write_repo(tmp_path / "repo", {"contoh.yaml": ROADMAP})).model
    assert ModelGraph(model).cycles("induk") == [["PB-1", "PB-2"], ["PB-3"]]
    assert ModelGraph(model).cycles("host") == []


def test_has_cycle_agrees_with_networkx() -> None:
    rnd = random.Random(7)
    for _ in range(2000):
        nodes = [f"N{i}" for i in range(rnd.randint(1, 7))]
        edges = [(rnd.choice(nodes), rnd.choice(nodes)) for _ in range(rnd.randint(0, 9))]
        graph: nx.DiGraph[str] = nx.DiGraph(edges)
        assert _has_cycle(edges) == bool(list(nx.simple_cycles(graph))), edges


# -- rules' shared data ------------------------------------------------------------------------
def test_per_check_data_is_shared_within_one_graph_only(model: Arsitektur) -> None:
    today = dt.date(2026, 1, 1)
    ctx = Context(model, ModelGraph(model), None, today)
    assert coded(ctx) is coded(ctx)
    assert own_codes_of(ctx) is own_codes_of(ctx)
    assert own_codes_of(ctx) == list(own_codes(model))
    other = Context(model, ModelGraph(model), None, today)
    assert coded(other) is not coded(ctx)
    assert coded(other) == coded(ctx)
    calls: list[Arsitektur] = []

    def count(c: Context) -> int:
        calls.append(c.model)
        return len(c.model)

    foreign = Context(model, ModelGraph(load(EXAMPLE).model), None, today)
    assert per_check(foreign, count) == per_check(foreign, count) == len(model)
    assert len(calls) == 2  # a graph of another model: computed each time, never shared


# -- keyword matching --------------------------------------------------------------------------
def _search(keyword: str, folded: str) -> re.Match[str] | None:
    parts = re.findall(f"[{_WORD}]+", keyword.casefold())
    body = _SEPARATOR.join(re.escape(p) for p in parts)
    return re.search(f"(?<![{_WORD}]){body}(?![{_WORD}])", folded)


def _match_per_keyword(text: str) -> list[tuple[str, str]]:
    # The plain reference: every keyword searched on its own. A strong keyword is enough; a weak
    # one counts next to a context word; an exclusion word voids the entry.
    folded = text.casefold()
    out = []
    for entry in load_aplikasi_umum().umum:
        if any(_search(w, folded) for w in entry.pengecualian):
            continue
        hits = []
        for keyword in entry.kata_kunci:
            found = _search(keyword, folded)
            if found is not None:
                hits.append((keyword, found.start()))
        if hits:
            out.append((entry.nama, max(hits, key=lambda h: (len(h[0]), -h[1]))[0]))
            continue
        weak = [kw for kw in entry.kata_kunci_lemah if _search(kw, folded)]
        if weak and any(_search(w, folded) for w in entry.konteks):
            out.append((entry.nama, max(weak, key=len)))
    return out


def test_match_function_equals_one_search_per_keyword() -> None:
    daftar = load_aplikasi_umum()
    keywords = [
        kw
        for entry in daftar.umum
        for kw in (*entry.kata_kunci, *entry.kata_kunci_lemah, *entry.konteks, *entry.pengecualian)
    ]
    rnd = random.Random(3)
    texts = ["", "Sistem Informasi Puskesmas", "Rekam medis pasien", "E-Kinerja ASN", "SKP!"]
    for _ in range(3000):
        words = []
        for _ in range(rnd.randint(1, 4)):
            keyword = rnd.choice(keywords)
            for sep in (" ", "-"):
                keyword = keyword.replace(sep, rnd.choice(["", " ", "-", "_", ".", "/", "x", " -"]))
            if rnd.random() < 0.3:
                keyword = keyword.upper()
            words.append(rnd.choice(["", "a", "pa", "Sistem ", "e", "1"]) + keyword
                         + rnd.choice(["", "s", " ", "!", "9"]))  # fmt: skip
        texts.append(rnd.choice([" ", "", "-", " dan "]).join(words))
    reached = ruled_out = searched = 0
    for text in texts:
        got = [(entry.nama, keyword) for entry, keyword in daftar.match_function(text)]
        assert got == _match_per_keyword(text), text
        folded = text.casefold()
        if daftar._any is not None and daftar._any.search(folded):
            reached += 1
            for _, keywords in daftar._patterns:
                if keywords.search(folded) is None:
                    ruled_out += 1  # an entry the per-entry search skips
                else:
                    searched += 1  # an entry whose keywords, exceptions, context are searched
    # both pre-tests are exercised both ways: many texts are ruled out by the search of every
    # keyword and many reach the entries; there most entries are ruled out by their one search
    # while many are searched keyword by keyword
    assert len(texts) - reached > 1000 and reached > 500
    assert ruled_out > searched > 500


# -- files relative to the repository ----------------------------------------------------------
_SEGMENT = st.sampled_from(["a", "b", "dinkes", ".", "..", "", "x y", "opd.yaml"])


def _plain_relative(model: Arsitektur, shown: str) -> str:
    # the plain way: os.path.relpath for every file (as relative_file was before)
    root = os.fspath(model.root)
    rel = os.path.relpath(shown, root) if root not in ("", ".") else os.path.normpath(shown)
    return rel.replace(os.sep, "/")


_BRANCHES: dict[str, int] = {"below": 0, "elsewhere": 0, "dot": 0}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    absolute=st.booleans(),
    root=st.lists(_SEGMENT, max_size=3),
    below=st.booleans(),
    rest=st.lists(_SEGMENT, min_size=1, max_size=4),
)
def _relative_to_equals_relpath(
    absolute: bool, root: list[str], below: bool, rest: list[str]
) -> None:
    root_text = ("/" if absolute else "") + "/".join(root)
    model = Arsitektur(root=Path(root_text))
    shown = "/".join([root_text, *rest]) if below else ("/" if absolute else "") + "/".join(rest)
    if os.fspath(model.root) in ("", "."):
        _BRANCHES["dot"] += 1
    elif os.path.abspath(shown).startswith(os.path.join(os.path.abspath(model.root), "")):
        _BRANCHES["below"] += 1
    else:
        _BRANCHES["elsewhere"] += 1
    relative = relative_to(model)
    expected = _outcome(_plain_relative, model, shown)
    assert _outcome(lambda m, s: relative(s), model, shown) == expected
    assert _outcome(lambda m, s: relative(s), model, shown) == expected  # remembered
    assert _outcome(relative_file, model, shown) == expected


def _outcome(func: Callable[[Arsitektur, str], str], model: Arsitektur, shown: str) -> object:
    try:
        return func(model, shown)
    except ValueError as exc:  # os.path.relpath("") raises: so must the fast way
        return ("ValueError", str(exc))


def test_relative_to_equals_relpath() -> None:
    _BRANCHES.update(dict.fromkeys(_BRANCHES, 0))
    _relative_to_equals_relpath()
    # every branch was taken often: files below the root, elsewhere, and a root of "."
    assert min(_BRANCHES.values()) > 20, _BRANCHES


# -- cache records -----------------------------------------------------------------------------
_TEXT = st.text(max_size=12)
_DIGEST = st.builds(
    AppDigest,
    id=_TEXT,
    nama=_TEXT,
    referensi=st.none() | _TEXT,
    opd=st.none() | _TEXT,
    fungsi=_TEXT,
    uraian=_TEXT,
    file=_TEXT,
)


@settings(max_examples=150, deadline=None)
@given(
    st.builds(
        RepoSummary,
        path=_TEXT,
        pemda=st.none() | _TEXT,
        files=st.integers(0, 10**6),
        elements=st.integers(0, 10**6),
        error=st.integers(0, 99),
        warning=st.integers(0, 99),
        info=st.integers(0, 99),
        cached=st.booleans(),
        cache_ignored=st.booleans(),
        seconds=st.floats(0, 1e3),
        aplikasi_pemda=st.lists(_DIGEST, max_size=4).map(tuple),
        aplikasi_nasional=st.lists(_TEXT, max_size=3).map(tuple),
    )
)
def test_cache_record_summary_equals_asdict(summary: RepoSummary) -> None:
    # the plain way: dataclasses.asdict (a deep copy through the copy module)
    stored = to_json(Outcome(summary, [], []))["summary"]
    assert stored == dataclasses.asdict(summary)
    assert json.dumps(stored) == json.dumps(dataclasses.asdict(summary))
    assert from_json(json.loads(json.dumps(to_json(Outcome(summary))))).summary == summary


# -- the text rules' quick pass ----------------------------------------------------------------
def _any_text_per_value(owner: Any, search: Any) -> bool:
    # the plain way (as the quick pass was): every value pushed and popped, each text searched
    stack = [owner]
    while stack:
        value = stack.pop()
        kind = teks._kind(type(value))
        if kind == 1:
            if search(value):
                return True
        elif kind == 4:
            stack.extend(value.__dict__.values())
        elif kind == 2:
            stack.extend(value)
        elif kind == 3:
            stack.extend(value.values())
    return False


class _Pilihan(str, enum.Enum):
    BIASA = "biasa"
    TERSEMBUNYI = "nama\u200b"  # a choice is never text to the rules, whatever its value


class _Angka(enum.Enum):
    SATU = 1


class _Teks(str):
    pass


class _Kotak(BaseModel):
    a: Any = None
    b: Any = None


_CHAR = st.sampled_from(["a", "B", " ", "\\", "é", "\x1b", "\x9f", "\u202e", "\u200b", "\t",
                         "\n", "\r", "\x85", "\u00ad", "\ufeff", "\u2028"])  # fmt: skip
_WORDS = st.lists(_CHAR, max_size=4).map("".join)
_LEAF = (
    _WORDS
    | _WORDS.map(_Teks)
    | st.none()
    | st.integers()
    | st.sampled_from(list(_Pilihan))
    | st.sampled_from(list(_Angka))
    | st.dates()
)
_VALUE = st.recursive(
    _LEAF,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(_WORDS | st.integers(), inner, max_size=3)
        | st.builds(_Kotak, a=inner, b=inner)
    ),
    max_leaves=10,
)
_QUICK_SHARE = {True: 0, False: 0}


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_VALUE)
def _text_quick_pass_equals_one_search_per_value(value: Any) -> None:
    search = teks._QUICK_RE.search
    expected = _any_text_per_value(value, search)
    assert teks._any_text(value, search) is expected
    _QUICK_SHARE[expected] += 1


def test_text_quick_pass_equals_one_search_per_value() -> None:
    _QUICK_SHARE.update(dict.fromkeys(_QUICK_SHARE, 0))
    _text_quick_pass_equals_one_search_per_value()
    # both answers were common: values with a flagged character somewhere, and without
    assert min(_QUICK_SHARE.values()) > 0.2 * sum(_QUICK_SHARE.values()), _QUICK_SHARE


def test_find_remembered_equals_find_each_time() -> None:
    daftar = load_aplikasi_umum()
    names = [n for entry in daftar.semua for n in entry.names]
    rnd = random.Random(5)
    asked = [
        rnd.choice(["", "Aplikasi ", "Sistem Informasi "])
        + rnd.choice(names)
        + rnd.choice(["", " - BKN", " (Kemendagri)", " / SIPD", "x"])
        for _ in range(3000)
    ]
    found = [daftar.find(name) for name in asked]  # first time, then (mostly) remembered
    assert [daftar.find(name) for name in asked] == found == [daftar._find(n) for n in asked]
    assert sum(f is not None for f in found) > 1000 and sum(f is None for f in found) > 300
