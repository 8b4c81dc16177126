"""``docs/model.md``: the YAML reference of every element type, generated from the models."""

from __future__ import annotations

from pydantic import BaseModel

from spbe_arch.docgen import blok
from spbe_arch.docgen.contoh import BERKAS, KONFIGURASI
from spbe_arch.docgen.tipe import enums_of, nested_models, rows
from spbe_arch.model.base import ID_PATTERN, Elemen
from spbe_arch.model.kinds import KIND_CLASS, SECTION_KINDS, SECTIONS
from spbe_arch.model.konfigurasi import Konfigurasi
from spbe_arch.model.relasi import RELASI
from spbe_arch.schema.judul import BAGIAN, gloss

GENERATED = (
    "<!-- Dibuat otomatis oleh `python -m spbe_arch.docgen --write` dari kelas model di "
    "src/spbe_arch/model/. Jangan disunting langsung: ubah model atau generatornya. -->"
)

PENGANTAR = """\
Rujukan format YAML repositori model Arsitektur SPBE: setiap jenis elemen, kuncinya, tipe dan \
pilihannya, relasinya dengan elemen lain, katalog referensinya, dan contoh yang diperiksa oleh \
pengujian. (en: Reference of the YAML format of a model repository, generated from the typed \
model; every example below is validated by the test suite.)"""

SUSUNAN = """\
Sebuah repositori model adalah satu folder dengan `spbe.yaml` di akarnya (identitas Pemda, \
periode, versi katalog; lihat [spbe.yaml](#konfigurasi)) dan berkas model `*.yaml`/`*.yml` di \
mana saja di bawahnya, kecuali folder tersembunyi (`.spbe/`, `.git/` …). Subfolder yang memiliki \
`spbe.yaml` sendiri adalah repositori lain dan tidak ikut dibaca. Pembagian berkas bebas: per \
OPD, per domain, atau gabungan.

```text
arsitektur-spbe/
├── spbe.yaml
├── organisasi.yaml            # perangkat_daerah
├── diskominfo/
│   ├── layanan-informasi.yaml # layanan, aplikasi (opd: DISKOMINFO)
│   └── infrastruktur.yaml
└── peta-rencana.yaml
```

Setiap berkas model adalah pemetaan yang kuncinya adalah *bagian* (section) di bawah ini; isi \
setiap bagian adalah daftar elemen (butir diawali `- `). Kunci `opd` di puncak berkas menetapkan \
Perangkat Daerah pemilik bawaan bagi semua elemen di berkas itu; elemen yang menulis `opd` \
sendiri menimpanya. Kunci lain di puncak berkas ditolak.

Pemilik (`opd`) boleh satu id OPD, daftar id bila elemen dimiliki bersama (layanan yang \
diberikan semua kecamatan: `opd: [KEC-A, KEC-B]`), atau `pemda` bila milik Pemda secara \
keseluruhan (kategori proses bisnis lintas OPD; Perpres 95/2018). Bentuk satu pemilik \
tetap sah. Pembaca kepemilikan di Python memakai `spbe_arch.model.owners_of(elemen)`."""

EDITOR = """\
Skema JSON (JSON Schema 2020-12) berkas model dan `spbe.yaml` disertakan dalam paket. Simpan \
skema itu di repositori model (folder tersembunyi, jadi tidak dibaca sebagai model):

```sh
mkdir -p .spbe
spbe-arch schema > .spbe/model.schema.json
spbe-arch schema --config > .spbe/spbe.schema.json
```

lalu tulis *modeline* di baris pertama setiap berkas; jalurnya relatif terhadap berkas YAML itu:

```yaml
# yaml-language-server: $schema=../.spbe/model.schema.json
opd: DISKOMINFO
aplikasi:
  - id: APL-PPID
    nama: Portal PPID Kabupaten Contoh
```

(`spbe.yaml` memakai `$schema=.spbe/spbe.schema.json`.) Editor yang memakai yaml-language-server \
(VS Code dengan ekstensi YAML dari Red Hat, Neovim, Helix, JetBrains …) lalu melengkapi kunci, \
`jenis` dan pilihan beserta labelnya, menampilkan keterangan kunci, dan menandai kunci yang salah \
ketik. Alternatif tanpa modeline: pengaturan `yaml.schemas` di `.vscode/settings.json`. Skema \
hanya memeriksa bentuk satu berkas; id yang dirujuk, kode referensi dan aturan lain diperiksa \
oleh `spbe-arch check`. Buat ulang skema setelah memperbarui spbe-arch."""

CARA_BACA = f"""\
- **Tipe**: *teks*; *bilangan bulat*; *bilangan*; *tanggal* (`YYYY-MM-DD`); *pilihan* (salah \
satu nilai yang tercantum; label tiap nilai ada di daftar **Pilihan**); *id* (id elemen lain, \
lihat **Relasi**); *daftar …* (`[a, b]` atau butir `- a` per baris); *pemetaan* (kunci: nilai).
- **Wajib/opsional**: kunci opsional boleh dihilangkan; `null`, `~` atau nilai kosong berarti \
tidak diisi.
- Nilai YAML polos dibaca sebagai teks lalu diubah oleh model bila kuncinya bertipe bilangan \
atau tanggal: `tahun_mulai: 2026` dan `tahun_mulai: "2026"` sama, dan `interoperabilitas: ya` \
tetap teks (bukan boolean YAML).
- **Id** elemen unik di seluruh repositori: huruf, angka, titik, tanda hubung dan garis bawah, \
diawali huruf atau angka, paling panjang 80 karakter (pola `{ID_PATTERN}`).
- Kunci yang tidak dikenal ditolak, dengan saran ejaan terdekat."""


def _object_block(cls: type[BaseModel], kind: str, heading: str) -> list[str]:
    out = [f'<a id="{blok.anchor(cls)}"></a>', "", heading, "", f"*en:* {gloss(cls)}", ""]
    out += [*blok.field_table(rows(cls, kind)), ""]
    out += blok.nested_blocks(cls, kind, set())
    used = enums_of(cls)
    for _, sub in nested_models(cls):
        used += enums_of(sub)
    out += blok.choices(used)
    return out


def _sections_table() -> list[str]:
    body = []
    for section in SECTIONS:
        kinds = SECTION_KINDS.get(section, ())
        body.append(
            (f"`{section}`", BAGIAN.get(section, ""), ", ".join(map(blok.kind_link, kinds)))
        )
    return blok.table(("Bagian", "Isi", "Jenis elemen"), body)


def _section(section: str) -> list[str]:
    kinds = SECTION_KINDS.get(section, ())
    out = [f"## Bagian `{section}`", "", BAGIAN.get(section, ""), ""]
    tagged = len(kinds) > 1
    if tagged:
        body = ((f"`{k}`", blok.link(KIND_CLASS[k])) for k in kinds)
        out += [*blok.table(("`jenis`", "Objek"), body), ""]
    for kind in kinds:
        out += blok.type_block(KIND_CLASS[kind], kind)
    return out


def render_model_md() -> str:
    """The full text of ``docs/model.md`` (deterministic: it depends on the models only)."""
    out = ["# Referensi YAML model Arsitektur SPBE", "", GENERATED, "", PENGANTAR, ""]
    out += ["- [Susunan repositori model](#susunan-repositori-model)"]
    out += [
        "- [Integrasi editor](#integrasi-editor)",
        "- [Cara membaca tabel](#cara-membaca-tabel)",
    ]
    out += ["- [spbe.yaml](#konfigurasi)", "- [Bidang umum elemen](#elemen)"]
    out += [f"- [Bagian `{s}`](#bagian-{s})" for s in SECTIONS]
    out += ["", "## Susunan repositori model", "", SUSUNAN, ""]
    out += [*_sections_table(), "", "Contoh berkas dengan `opd` di puncak:", ""]
    out += ["```yaml", BERKAS.rstrip("\n"), "```", ""]
    out += ["## Integrasi editor", "", EDITOR, ""]
    out += ["## Cara membaca tabel", "", CARA_BACA, ""]
    out += _object_block(Konfigurasi, "konfigurasi", "## Berkas spbe.yaml")
    out += ["**Contoh**", "", "```yaml", KONFIGURASI.rstrip("\n"), "```", ""]
    out += _object_block(Elemen, "", "## Bidang umum elemen")
    out += blok.relations(r for r in RELASI if "*" in r.sumber)
    for section in SECTIONS:
        out += _section(section)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
