"""Rule documentation from the rules' docstrings: ``docs/rules.md``, ``rules`` and ``explain``.

Every rule's docstring follows one template: a summary paragraph, then ``**Yang diperiksa.**``,
``**Mengapa.**``, ``**Contoh gagal:**`` and ``**Contoh lulus:**``, each example a fenced
```` ```yaml ```` block whose offending lines end with ``# <- di sini``. A block whose first
line is ``# berkas: spbe.yaml`` is that file of the example repository instead of
``contoh.yaml``. Run ``python -m spbe_arch.rules.docs --write`` after changing a rule;
``--check`` (used by the tests) exits 1 when ``docs/rules.md`` is stale.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

from spbe_arch.fileio import write_atomic
from spbe_arch.rules import REGISTRY, lookup
from spbe_arch.rules.arsitektur_lengkap import DOMAIN_NAMES
from spbe_arch.rules.engine import Rule

DEFAULT_FILE = "contoh.yaml"
MARKER = "# <- di sini"
"""The comment that marks the line a failing example must be reported at."""

_SECTION = re.compile(r"^\*\*(?P<title>[^*\n]+?)(?P<end>[.:])\*\*[ \t]*", re.M)
_FENCE = re.compile(r"^```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
_BERKAS = re.compile(r"^#\s*berkas:\s*(?P<name>\S+)\s*$")
_KEYS = {
    "yang diperiksa": "yang_diperiksa",
    "mengapa": "mengapa",
    "contoh gagal": "contoh_gagal",
    "contoh lulus": "contoh_lulus",
}


class RuleDocSections(TypedDict):
    """A rule's docstring split along the template.

    ``contoh_gagal`` and ``contoh_lulus`` hold the YAML examples as (file name, text);
    ``prosa_gagal`` and ``prosa_lulus`` the prose around them (or instead of them, for loader
    codes whose example cannot be YAML text); ``extra`` any other paragraph or section.
    """

    summary: str
    yang_diperiksa: str
    mengapa: str
    contoh_gagal: list[tuple[str, str]]
    contoh_lulus: list[tuple[str, str]]
    prosa_gagal: str
    prosa_lulus: str
    extra: str


def _examples(text: str) -> tuple[list[tuple[str, str]], str]:
    examples: list[tuple[str, str]] = []
    used: set[str] = set()
    for match in _FENCE.finditer(text):
        if match.group("lang").lower() not in ("yaml", "yml"):
            continue
        body = match.group("body")
        first = body.split("\n", 1)[0]
        named = _BERKAS.match(first)
        name = named.group("name") if named else DEFAULT_FILE
        if name in used:
            stem, _, ext = name.rpartition(".")
            count = 2
            while f"{stem}-{count}.{ext}" in used:
                count += 1
            name = f"{stem}-{count}.{ext}"
        used.add(name)
        examples.append((name, body))
    prose = _FENCE.sub(lambda m: "" if m.group("lang").lower() in ("yaml", "yml") else m[0], text)
    return examples, _paragraphs(prose)


def _paragraphs(text: str) -> str:
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def parse_doc(doc: str) -> RuleDocSections:
    """Split a docstring written to the rule template into its sections."""
    doc = doc.strip()
    marks = list(_SECTION.finditer(doc))
    head = doc[: marks[0].start()] if marks else doc
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", head) if p.strip()]
    out = RuleDocSections(
        summary=" ".join(paragraphs[0].split()) if paragraphs else "",
        yang_diperiksa="",
        mengapa="",
        contoh_gagal=[],
        contoh_lulus=[],
        prosa_gagal="",
        prosa_lulus="",
        extra="",
    )
    extra = paragraphs[1:]
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(doc)
        body = doc[mark.end() : end].strip()
        key = _KEYS.get(mark.group("title").strip().lower())
        if key == "yang_diperiksa":
            out["yang_diperiksa"] = _paragraphs(body)
        elif key == "mengapa":
            out["mengapa"] = _paragraphs(body)
        elif key == "contoh_gagal":
            out["contoh_gagal"], out["prosa_gagal"] = _examples(body)
        elif key == "contoh_lulus":
            out["contoh_lulus"], out["prosa_lulus"] = _examples(body)
        else:
            extra.append(doc[mark.start() : end].strip())
    out["extra"] = "\n\n".join(extra)
    return out


def rule_doc_sections(item: Rule) -> RuleDocSections:
    """The documentation sections of a registered rule."""
    return parse_doc(item.doc)


def expected_lines(yaml_text: str) -> list[int]:
    """1-based numbers of the lines of an example that carry the ``# <- di sini`` marker."""
    return [n for n, line in enumerate(yaml_text.splitlines(), 1) if MARKER in line]


def builtin_rules() -> list[Rule]:
    """The rules this package ships, loader codes included (no plug-ins or test rules), by code."""
    return [
        REGISTRY[code]
        for code in sorted(REGISTRY)
        if REGISTRY[code].func is None
        or getattr(REGISTRY[code].func, "__module__", "").startswith("spbe_arch.")
    ]


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading (lower case, punctuation dropped, spaces → ``-``)."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def heading(item: Rule) -> str:
    """The heading of a rule's section in ``docs/rules.md``."""
    return f"{item.code} {item.name}"


_STAGE_EN = {
    "pemuatan (tingkat tetap; tidak dapat diatur atau diabaikan)": (
        "loading (fixed severity; cannot be configured or suppressed)"
    ),
    "aturan (tingkat dapat diatur; dapat diabaikan per elemen)": (
        "rule (severity configurable; can be suppressed per element)"
    ),
}


def _stage(item: Rule) -> str:
    if item.func is None:
        return "pemuatan (tingkat tetap; tidak dapat diatur atau diabaikan)"
    return "aturan (tingkat dapat diatur; dapat diabaikan per elemen)"


_INTRO = """\
# Aturan pemeriksaan

<!-- Berkas ini dibuat oleh `python -m spbe_arch.rules.docs --write` dari docstring aturan.
     Jangan disunting langsung; ubah docstring aturannya lalu buat ulang. -->

Daftar semua masalah yang dilaporkan `spbe-arch check`: masalah pemuatan (YAML, skema, id,
pengaturan) dan aturan pemeriksaan arsitektur. Halaman yang sama tersedia di terminal:
`spbe-arch rules` dan `spbe-arch explain KODE`.

- **Kode stabil.** Setiap aturan memiliki kode `SPBE-<DOMAIN>-<NNN>` dan nama kebab-case. Kode
  tidak pernah diubah maupun dipakai ulang untuk aturan lain; aturan yang dihapus meninggalkan
  kodenya kosong. Nama dapat dipakai di mana pun kode dipakai.
- **Tingkat dapat diatur.** Tingkat bawaan tercantum di tabel; ubah per aturan di `spbe.yaml`
  dengan `error`, `warning`, `info` atau `off` (mematikan aturan). Masalah pemuatan
  bertingkat tetap.

  ```yaml
  pengaturan:
    aturan:
      SPBE-APL-004: info
      elemen-tanpa-referensi: off
  ```

- **Pengabaian beralasan.** Elemen yang sengaja melanggar satu aturan mencatatnya di
  `abaikan`, dengan alasan yang wajib diisi. Pengabaian yang tidak lagi menekan temuan apa pun
  dilaporkan (SPBE-CFG-001).

  ```yaml
  aplikasi:
    - id: DAA-07
      nama: Sistem Informasi Pengaduan Internal
      abaikan:
        - aturan: SPBE-APL-004
          alasan: pengaduan internal pegawai, bukan pengaduan pelayanan publik
  ```

- **Kebijakan tingkat keparahan.** Setiap aturan ditinjau terhadap kebijakan ini:
  - **galat** (`error`): arsitektur *salah atau tidak dapat dipakai* sebagaimana tertulis —
    rujukan ke id atau OPD yang tidak ada, kode dari katalog lain atau yang tidak ada, siklus,
    berkas yang tidak terbaca, klasifikasi Aplikasi Umum yang keliru, indikator yang tidak ada;
  - **peringatan** (`warning`): arsitektur *belum lengkap* — kolom atau relasi yang belum diisi,
    kode yang benar tetapi kurang rinci, domain kosong, kandidat duplikasi yang disimpulkan dari
    kata kunci;
  - **catatan** (`info`): *saran* — tidak ada yang salah atau kurang, tetapi ada yang sebaiknya
    dipertimbangkan (katalog yang belum lengkap, rujukan rezim evaluasi yang sudah diganti).

  Temuan yang akan dibantah Diskominfo adalah cacat alat, bukan cacat data. Karena itu aturan
  tentang sistem yang berjalan (audit, infrastruktur, cakupan keamanan, duplikasi) diam untuk
  elemen yang `status_operasional`-nya bukan `aktif`; aturan per elemen diam selama domain yang
  menjadi pokoknya kosong (SPBE-ARS-001 melaporkannya sekali); kepemilikan bersama
  (`opd: [A, B]`) dan milik Pemda (`opd: pemda`) memenuhi aturan kepemilikan; aplikasi BUMD
  tidak dikenai kewajiban Aplikasi Umum. Tinjauan per aturan ada di bagian
  [Kalibrasi terhadap inventaris nyata](#kalibrasi-terhadap-inventaris-nyata).
- **Kode keluar** `spbe-arch check`: `0` bila tidak ada galat (peringatan dan catatan tidak
  menggagalkan); `1` bila ada galat, atau peringatan dengan `--strict`; `2` untuk kesalahan
  pemakaian (argumen salah, folder bukan repositori model).
- **Contoh.** Setiap aturan memuat contoh gagal dan contoh lulus; baris bertanda
  `# <- di sini` adalah tempat masalah dilaporkan. Contoh-contoh ini dijalankan oleh
  `tests/test_rules_docs.py`. Contoh bertanda `# berkas: spbe.yaml` adalah berkas `spbe.yaml`;
  contoh lain adalah berkas model di samping `spbe.yaml` yang minimal.
"""


def _meta(item: Rule, lang: str = "id") -> str:
    """The rule's default severity, stage and scope, as one paragraph (``id`` or ``en``)."""
    en = lang == "en"
    stage = _STAGE_EN.get(_stage(item), _stage(item)) if en else _stage(item)
    severity = f"`{item.severity.value}`"
    out = (
        f"Default severity: {severity}. Stage: {stage}."
        if en
        else f"Tingkat bawaan: {severity}. Tahap: {stage}."
    )
    if item.domain_wajib is not None:
        nama = DOMAIN_NAMES.get(item.domain_wajib, item.domain_wajib)
        out += (
            f" Silent while the {nama} domain is empty (SPBE-ARS-001 reports that once)."
            if en
            else f" Diam selama domain {nama} kosong (SPBE-ARS-001 melaporkannya sekali)."
        )
    if item.hanya_berjalan:
        out += (
            " Only for running elements: elements whose `status_operasional` is other than "
            "`aktif` are left out."
            if en
            else " Hanya untuk elemen yang berjalan: elemen dengan `status_operasional` selain "
            "`aktif` dikecualikan."
        )
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


_KALIBRASI = """\
## Kalibrasi terhadap inventaris nyata

Setiap aturan ditinjau terhadap kebijakan tingkat keparahan di atas, dengan dua inventaris nyata
(basis data monev SPBE sebuah kota dan daftar OPD sebuah kabupaten) dan model contoh
`models/kota-inventaris`. Yang berubah dan alasannya:
"""

KALIBRASI: tuple[tuple[str, str, str], ...] = (
    (
        "SPBE-KAT-003",
        "`error` → `warning`; pesan menyebut level tujuan dan anak-anaknya",
        (
            "Kode yang benar tetapi umum (RAA.01/RAA.02 di inventaris) belum lengkap, bukan "
            "salah; dulu dihukum lebih berat daripada tanpa kode (SPBE-ARS-002). Elemen tidak"
            " aktif tidak diminta memerinci."
        ),
    ),
    (
        "SPBE-ARS-002",
        "tetap `warning`; elemen tidak aktif atau pensiun dikecualikan",
        "Mengklasifikasikan elemen yang sudah tidak dipakai tidak menambah apa pun.",
    ),
    (
        "SPBE-DAT-001",
        "`error` → `warning`; diam bila domain proses bisnis kosong",
        "Relasi yang belum diisi = belum lengkap.",
    ),
    (
        "SPBE-LAY-001",
        "`error` → `warning`",
        "Kolom templat yang belum diisi = belum lengkap.",
    ),
    (
        "SPBE-LAY-002",
        "`error` → `warning`",
        "Mitigasi yang belum ditulis = belum lengkap.",
    ),
    (
        "SPBE-OPD-002",
        "`error` → `warning`; `opd: [A, B]` dan `opd: pemda` memenuhi",
        (
            "Tanpa pemilik = belum lengkap; kategori proses lintas OPD dan layanan semua "
            "kecamatan punya pemilik."
        ),
    ),
    (
        "SPBE-OPD-001",
        'tetap `error`; memeriksa setiap pemilik bersama; "maksud Anda" mencari nama OPD',
        (
            '`DINAS-PENDIDIKAN` kini menyarankan "Dinas Pendidikan dan Kebudayaan", bukan '
            "DINAS-PANGAN."
        ),
    ),
    (
        "SPBE-OPD-004",
        "baru, `error`",
        (
            "Induk OPD yang tidak ada, melingkar, atau kelurahan yang tidak berinduk "
            "kecamatan (PP 17/2018) = salah."
        ),
    ),
    (
        "SPBE-OPD-005",
        "baru, `warning`",
        (
            "Elemen OPD di folder OPD lain = ditinjau orang yang salah (CODEOWNERS); "
            "arsitekturnya sendiri tidak salah."
        ),
    ),
    (
        "SPBE-ARS-001",
        "tetap `warning`; menyebut aturan per elemen yang tidak diulang",
        (
            "Satu temuan menggantikan ratusan temuan per elemen (SPBE-KEA-001/002, SPBE-"
            "APL-002, SPBE-LAY-004, SPBE-DAT-001, SPBE-LAY-003, SPBE-APL-001) untuk domain "
            "yang kosong."
        ),
    ),
    (
        "SPBE-APL-001",
        (
            "tetap `warning`; diam bila domain layanan kosong; aplikasi tidak aktif dan "
            "aplikasi BUMD dikecualikan"
        ),
        "Layanan pelanggan BUMD bukan Layanan SPBE Pemda.",
    ),
    (
        "SPBE-APL-002",
        (
            "tetap `warning`; diam bila domain infrastruktur kosong; aplikasi nasional, "
            "aplikasi BUMD dan aplikasi tidak aktif dikecualikan"
        ),
        "Aplikasi Umum dan aplikasi sektor K/L berjalan di infrastruktur pemiliknya.",
    ),
    (
        "SPBE-APL-003",
        (
            "tetap `warning`; pemilik bersama atau `pemda` di salah satu sisi = satu pemilik;"
            " aplikasi tidak aktif dikecualikan"
        ),
        "Aturan ini tentang pertukaran lintas OPD.",
    ),
    (
        "SPBE-APL-004",
        (
            "tetap `warning`; kata kunci kuat/lemah + konteks + pengecualian; pesan menyebut "
            "bukti; BUMD dan aplikasi tidak aktif dikecualikan; nama aplikasi nasional dengan"
            " `asal` bawaan dilaporkan sebagai asal yang keliru"
        ),
        (
            "Portal data, tiket gangguan jaringan internal dan pengaduan pelanggan BUMD tidak"
            " lagi disebut duplikasi SP4N-LAPOR!."
        ),
    ),
    (
        "SPBE-APL-005, SPBE-APL-006",
        "tetap; nama dicocokkan dalam bentuk nyata",
        (
            '"SIPD (Sistem Informasi Pemerintahan Daerah)", "Aplikasi SRIKANDI", "SP4N LAPOR"'
            " dikenali; daftar Aplikasi Umum/sektor diperluas."
        ),
    ),
    (
        "SPBE-LAY-003",
        (
            "tetap `warning`; diam bila domain proses bisnis kosong; layanan tidak aktif "
            "dikecualikan"
        ),
        "Layanan yang sudah dihentikan tidak perlu dipetakan ke proses bisnis.",
    ),
    (
        "SPBE-LAY-004",
        ("tetap `warning`; diam bila domain aplikasi kosong; layanan tidak aktif dikecualikan"),
        "Layanan elektronik yang sudah dihentikan tidak lagi diberikan aplikasi.",
    ),
    (
        "SPBE-KEA-001, SPBE-KEA-002",
        ("tetap `warning`; diam bila domain keamanan kosong; elemen tidak aktif dikecualikan"),
        "Aplikasi yang sudah dihentikan tidak jatuh tempo audit.",
    ),
    (
        "SPBE-RMP-002",
        "tetap `warning`; butir bermuatan domain yang kosong tidak diperiksa",
        "Belum ada elemen domain itu yang dapat disebut.",
    ),
    (
        "SPBE-RMP-008",
        (
            "tetap `error`; mengenal Permenpan RB 5/2018 (35 indikator) dan tahun berlakunya "
            "tiap rezim"
        ),
        (
            "Tindak lanjut evaluasi 2019–2020 yang merujuk 5/2018 sah; indikator rezim yang "
            "belum berlaku pada tahun butir salah."
        ),
    ),
    (
        "SPBE-RMP-012",
        "baru, `info`",
        ("Butir yang seluruhnya setelah rezimnya diganti: saran menambah indikator rezim baru."),
    ),
    (
        "SPBE-EVA-001",
        "baru, `warning`",
        (
            "Riwayat Indeks SPBE yang tahunnya ganda, rezimnya tidak berlaku pada tahun itu, atau "
            "predikatnya tidak sesuai tabel rezim: biasanya salah salin."
        ),
    ),
    (
        "SPBE-REF-001",
        "tetap `error`; `pengguna: pemda` sah",
        "Aplikasi yang dipakai seluruh Pemda.",
    ),
    (
        "SPBE-YAML-013",
        "baru, `error`",
        (
            "Tautan ke luar repositori tidak dibaca (docs/security.md): model yang diperiksa "
            "tidak lengkap seperti berkas yang tidak terbaca (SPBE-YAML-010)."
        ),
    ),
    (
        "SPBE-ID-002",
        "baru, `error`",
        (
            "Id yang hanya berbeda huruf besar/kecil tertukar di formulir Excel dan folder "
            "Windows/macOS: rujukannya ambigu seperti id ganda (SPBE-ID-001)."
        ),
    ),
    (
        "SPBE-TEKS-001",
        "baru, `error`",
        "Nama berkarakter kendali tidak dapat digambar Graphviz dan dijalankan terminal.",
    ),
    (
        "SPBE-TEKS-002",
        "baru, `error`",
        "Penimpa arah teks membuat nama tampil berbeda dari isinya (CVE-2021-42574).",
    ),
    (
        "SPBE-TEKS-003",
        "baru, `warning`",
        "Karakter tak terlihat tidak salah makna, tetapi data belum bersih: pencocokan gagal.",
    ),
)
"""Rule by rule: what changed in severity or precision after the calibration, and why."""

_KALIBRASI_TAIL = """\
Ditinjau dan **tidak berubah** (tingkatnya sudah sesuai kebijakan): SPBE-APL-007,
SPBE-CFG-001, SPBE-CFG-002, SPBE-ID-001, SPBE-KAT-001, SPBE-KAT-002, SPBE-KAT-004, SPBE-KAT-005,
SPBE-KAT-006, SPBE-KAT-007, SPBE-KAT-008, SPBE-KEA-003, SPBE-OPD-003, SPBE-REF-002,
SPBE-RMP-001, SPBE-RMP-003, SPBE-RMP-004, SPBE-RMP-005, SPBE-RMP-006, SPBE-RMP-007,
SPBE-RMP-009, SPBE-RMP-010, SPBE-RMP-011, SPBE-STR-001, SPBE-SKEMA-001…004,
SPBE-YAML-001…012.
"""


def _kalibrasi() -> str:
    rows = ["| Aturan | Perubahan | Alasan |", "|---|---|---|"]
    rows += [f"| {a} | {b} | {c} |" for a, b, c in KALIBRASI]
    return "\n".join([_KALIBRASI.rstrip("\n"), "", *rows, "", _KALIBRASI_TAIL])


def render_rules_md() -> str:
    """The text of ``docs/rules.md``: introduction, table of rules, one section per rule."""
    rules = builtin_rules()
    out = [_INTRO, _kalibrasi(), "## Daftar aturan", ""]
    out.append("| Kode | Nama | Tingkat bawaan | Ringkasan |")
    out.append("|---|---|---|---|")
    for item in rules:
        anchor = github_anchor(heading(item))
        summary = rule_doc_sections(item)["summary"]
        link = f"[{item.code}](#{anchor})"
        out.append(f"| {link} | `{item.name}` | {item.severity.value} | {_cell(summary)} |")
    for item in rules:
        out += ["", f"## {heading(item)}", ""]
        out.append(_meta(item))
        out += ["", item.doc.strip()]
    return "\n".join(out) + "\n"


def format_rules_list(lang: str = "id") -> str:
    """Every registered rule (plug-ins included) as a plain-text table for ``spbe-arch rules``."""
    rules = [REGISTRY[code] for code in sorted(REGISTRY)]
    en = lang == "en"
    header = (
        ("CODE", "NAME", "SEVERITY", "SUMMARY") if en else ("KODE", "NAMA", "TINGKAT", "RINGKASAN")
    )
    rows = [header] + [(r.code, r.name, r.severity.value, r.summary_in(lang)) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in rows
    ]
    if en:
        lines += ["", f"{len(rules)} rules; `spbe-arch explain CODE` explains one."]
    else:
        lines += ["", f"{len(rules)} aturan; `spbe-arch explain KODE` menjelaskan satu aturan."]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _plain(doc: str) -> str:
    def block(match: re.Match[str]) -> str:
        return "\n".join("    " + line if line else "" for line in match.group("body").splitlines())

    text = _FENCE.sub(block, doc.strip())
    text = _SECTION.sub(lambda m: f"{m.group('title')}{m.group('end')} ", text)
    return "\n".join(line.rstrip() for line in text.splitlines())


def explain(code_or_name: str, lang: str = "id") -> str | None:
    """Plain-text documentation of one rule for ``spbe-arch explain``; None when unknown.

    The documentation is written in Bahasa Indonesia; in English (``lang="en"``) it is the
    rule's English summary, its severity and stage, and the link to the full text.
    """
    item = lookup(code_or_name)
    if item is None:
        return None
    head = f"{item.code} {item.name}"
    if lang == "en":
        return f"{head}\n{'=' * len(head)}\n{_explain_en(item)}"
    meta = _meta(item).replace("`", "")
    return f"{head}\n{'=' * len(head)}\n{meta}\n\n{_plain(item.doc)}\n"


def _example_en(examples: list[tuple[str, str]]) -> list[str]:
    out: list[str] = []
    for name, text in examples:
        lines = text.replace(MARKER, "# <- here").rstrip("\n").splitlines()
        if lines and _BERKAS.match(lines[0]):
            lines[0] = f"# file: {name}"
        out += ["    " + line for line in lines]
    return out


def _explain_en(item: Rule) -> str:
    """The English explanation: summary, why, what to do, the examples (YAML is data)."""
    from spbe_arch.rules.english import EXPLAIN_EN

    parts = [_meta(item, "en").replace("`", ""), item.summary_in("en")]
    why_fix = EXPLAIN_EN.get(item.code)
    if why_fix is not None:
        parts += [f"Why. {why_fix[0]}", f"What to do. {why_fix[1]}"]
    sections = rule_doc_sections(item)
    if sections["contoh_gagal"]:
        parts.append("\n".join(["Failing example:", "", *_example_en(sections["contoh_gagal"])]))
    if sections["contoh_lulus"]:
        parts.append("\n".join(["Passing example:", "", *_example_en(sections["contoh_lulus"])]))
    parts.append(
        "The full documentation (in Bahasa Indonesia) is "
        f"docs/rules.md#{github_anchor(heading(item))}."
    )
    return "\n\n".join(parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``docs/rules.md`` (``--write``) or report whether it is stale (``--check``: exit 1)."""
    parser = argparse.ArgumentParser(prog="python -m spbe_arch.rules.docs")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="tulis ulang berkas")
    mode.add_argument("--check", action="store_true", help="keluar 1 bila berkas usang")
    parser.add_argument("--output", default="docs/rules.md", help="berkas tujuan")
    args = parser.parse_args(argv)
    path = Path(args.output)
    text = render_rules_md()
    if args.write:
        write_atomic(path, text, root=path.parent, parents=True)
        return 0
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current != text:
        print(f"{path} usang; jalankan: python -m spbe_arch.rules.docs --write")
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
