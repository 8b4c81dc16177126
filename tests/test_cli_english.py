"""``--lang en`` prints no Indonesian, in every command: help, usage errors, output, errors.

The commands are discovered from the parser (sub-commands of sub-commands too), so a command
added later is covered: its help and its usage errors automatically, its run by the invocation
in :data:`INVOCATIONS` (a command without one is run as ``<command> <model>``, and the test
fails if that is a usage error). Model data (names of elements, OPDs, catalogue nodes, the
regulation names of indicators) is Indonesian by design and is taken out of the output
before it is searched for Indonesian words.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from spbe_arch.cli import build_parser, main
from spbe_arch.commands._shared import set_lang
from spbe_arch.rules import REGISTRY
from spbe_arch.rules.english import SUMMARY_EN

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "kabupaten-contoh"
MODELS = [MODEL, ROOT / "models" / "kota-inventaris"]
"""The example models every command is run on (their names and texts are data)."""
DATA = [ROOT / "src" / "spbe_arch" / "referensi" / "data", ROOT / "src" / "spbe_arch" / "data"]

MARKERS = [
    "tidak",
    "dan",
    "yang",
    "atau",
    "untuk",
    "dengan",
    "dari",
    "pada",
    "bukan",
    "sudah",
    "belum",
    "harus",
    "berkas",
    "elemen",
    "masalah",
    "pilihan",
    "galat",
    "peringatan",
    "catatan",
    "bawaan",
    "saran",
    "mungkin",
    "lihat",
    "jalankan",
    "buka",
    "digambar",
    "dibuat",
    "ditolak",
    "diubah",
    "berubah",
    "tahun",
    "baru",
    "semua",
    "tanpa",
    "sumber",
    "induk",
    "anak",
    "daun",
    "keyakinan",
    "berlaku",
    "sekunder",
    "dugaan",
    "jumlah",
    "laporan",
    "pesan",
    "diperiksa",
    "memuat",
    "aturan",
    "banyak",
    "paling",
    "sedikit",
    "bila",
    "keluar",
    "ditulis",
    "bilangan",
    "bulat",
    "tersedia",
    "terpasang",
    "salah",
    "pemakaian",
    "ganda",
    "kosong",
    "ya",
    "indikator",
    "ini",
    "itu",
    "oleh",
    "sebagai",
    "hasil",
    "setiap",
    "perlu",
    "formulir",
    "butir",
    "nilai",
]
"""Indonesian words that English output never needs (domain vocabulary such as element kinds
— aplikasi, layanan, muatan — and the names of options and keys may stay)."""

MARKER_RE = re.compile(r"(?<![\w\-.:/`'])(" + "|".join(MARKERS) + r")(?![\w\-_])", re.I)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _data_strings() -> list[str]:
    found: set[str] = set()
    for folder in [*MODELS, *DATA]:
        for path in folder.rglob("*.y*ml"):
            for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
                if " " in text.strip() or len(text) >= 12:
                    found.add(text.strip())
                    found.add(" ".join(text.split()))
    return sorted(found, key=len, reverse=True)


DOMAIN_TERMS = ("Data dan Informasi", "Aplikasi Umum", "Peta Rencana", "Bahasa Indonesia")
"""Names of the SPBE vocabulary that English text uses as they are."""

DATA_STRINGS = sorted([*_data_strings(), *DOMAIN_TERMS], key=len, reverse=True)


def indonesian(text: str) -> list[str]:
    """The marker words left in ``text`` once model and catalogue data is taken out, and the
    lines of a diff of the user's files (``survey import --dry-run``: their content is data)."""
    text = "\n".join(line for line in text.splitlines() if not line.startswith(("+", "-", "@@")))
    for value in DATA_STRINGS:
        if value in text:
            text = text.replace(value, " ")
    return sorted({m.group(0).lower() for m in MARKER_RE.finditer(text)})


def leaf_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for action in subs:
        for name, child in action.choices.items():
            yield from leaf_commands(child, (*path, name))


LEAVES = dict(leaf_commands(build_parser("en")))
set_lang("id")  # building the parser set the language of the run; main() sets it again
PARENTS = sorted({path[:n] for path in LEAVES for n in range(len(path))})

Invocation = Callable[[Path, Path], list[str]]


def _survey_import(tmp: Path, model: Path) -> list[str]:
    assert (
        main(["survey", "generate", str(model), "--out", str(tmp / "forms"), "--opd", "DINKES"])
        == 0
    )
    [form] = sorted((tmp / "forms").glob("*.xlsx"))
    return ["survey", "import", str(model), str(form), "--dry-run"]


INVOCATIONS: dict[tuple[str, ...], Invocation] = {
    ("check",): lambda tmp, m: ["check", str(m)],
    ("katalog",): lambda tmp, m: ["katalog", "RAB.09"],
    ("rules",): lambda tmp, m: ["rules"],
    ("explain",): lambda tmp, m: ["explain", "SPBE-APL-001"],
    ("schema",): lambda tmp, m: ["schema"],
    ("render",): lambda tmp, m: ["render", str(m), "--out", str(tmp / "out"), "--format", "dot"],
    ("publish",): lambda tmp, m: [
        "publish",
        str(m),
        "--out",
        str(tmp / "situs"),
        "--format",
        "html",
    ],
    ("evaluate",): lambda tmp, m: ["evaluate", str(m)],
    ("gap",): lambda tmp, m: ["gap", str(m)],
    ("diff",): lambda tmp, m: ["diff", str(m), str(m)],
    ("init",): lambda tmp, m: ["init", str(tmp / "new"), "--nama", "Pemerintah Kota Contoh"],
    ("nasional",): lambda tmp, m: ["nasional", str(m.parent), "--no-cache"],
    ("survey", "generate"): lambda tmp, m: ["survey", "generate", str(m), "--out", str(tmp / "f")],
    ("survey", "import"): _survey_import,
    ("survey", "status"): lambda tmp, m: ["survey", "status", str(m)],
    ("timeline",): lambda tmp, m: ["timeline", str(m), "-o", str(tmp / "tl"), "--format", "dot"],
}
"""How each command is run on the example model (copied, since some write into it)."""


def _schema_prose(text: str) -> str:
    """The titles and descriptions of a JSON Schema: its keys and choice values are YAML keys
    and values (domain vocabulary), its text is what an editor shows."""
    import json

    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("title", "description") and isinstance(item, str):
                    found.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(text))
    assert len(found) >= 40, "a schema has titles and descriptions"
    return "\n".join(found)


PROSE: dict[tuple[str, ...], Callable[[str], str]] = {("schema",): _schema_prose}
"""Commands whose output is data with text inside: the text that is searched for Indonesian."""

NOT_TRANSLATED: dict[tuple[str, ...], str] = {}
"""Commands whose output is known to stay Indonesian under --lang en (expected to fail)."""


def _runs(paths: list[tuple[str, ...]]) -> list[object]:
    return [
        pytest.param(p, marks=pytest.mark.xfail(reason=NOT_TRANSLATED[p], strict=True))
        if p in NOT_TRANSLATED
        else p
        for p in paths
    ]


@pytest.fixture(params=MODELS, ids=lambda path: path.name)
def model(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    source: Path = request.param
    target = tmp_path / "pemda" / source.name
    shutil.copytree(source, target)
    return target


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: help and usage errors
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_commands_are_discovered() -> None:
    assert len(LEAVES) >= len(INVOCATIONS) >= 14
    assert all(
        "--lang" in {o for a in p._actions for o in a.option_strings} for p in LEAVES.values()
    )


@pytest.mark.parametrize("path", PARENTS + sorted(LEAVES), ids=" ".join)
def test_help_is_english(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run([*path, "--lang", "en", "--help"], capsys)
    assert code == 0 and "usage:" in text
    assert indonesian(text) == [], text


@pytest.mark.parametrize("path", sorted(LEAVES), ids=" ".join)
def test_usage_errors_are_english(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run([*path, "--lang", "en", "--no-such-option"], capsys)
    assert code == 2 and "error:" in text  # unrecognized, or a required argument missing
    assert indonesian(text) == [], text


@pytest.mark.parametrize("path", _runs(sorted(LEAVES)), ids=" ".join)
def test_every_command_runs_in_english(
    path: tuple[str, ...], model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = INVOCATIONS.get(path, lambda tmp, m: [*path, str(m)])(tmp_path, model)
    capsys.readouterr()
    code, text = run([*argv, "--lang", "en"], capsys)
    assert code in (0, 1), f"{' '.join(path)}: add an invocation to INVOCATIONS\n{text}"
    assert text.strip(), "the command printed nothing: nothing was checked"
    text = PROSE.get(path, lambda out: out)(text)
    assert indonesian(text) == [], text


@pytest.mark.parametrize(
    "path", sorted(p for p in LEAVES if p not in {("rules",), ("schema",)}), ids=" ".join
)
def test_errors_about_the_folder_are_english(
    path: tuple[str, ...], tmp_path: Path, model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command pointed at a folder that is not a model repository (or a bad value)."""
    argv = INVOCATIONS.get(path, lambda tmp, m: [*path, str(m)])(tmp_path, model)
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = [str(empty) if a == str(model) or a == str(model.parent) else a for a in argv]
    if bad == argv:  # no model path to replace: an unknown code, or a folder already there
        bad = {"katalog": ["katalog", "RAB.99"], "explain": ["explain", "SPBE-XYZ-999"]}.get(
            path[0], [*argv[:1], str(model), *argv[2:]]
        )
    capsys.readouterr()
    code, text = run([*bad, "--lang", "en"], capsys)
    assert code in (1, 2), text
    assert indonesian(text) == [], text


def test_english_summaries_cover_every_builtin_rule() -> None:
    assert [code for code in sorted(REGISTRY) if code not in SUMMARY_EN] == []
    assert all(indonesian(text) == [] for text in SUMMARY_EN.values())


def test_indonesian_stays_the_default(model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["check", str(model.parent / "nowhere")], capsys)
    assert code == 2 and "bukan repositori model" in text
    code, text = run(["render", str(model), "--out", "x", "--max-nodes", "1"], capsys)
    assert code == 2 and "paling sedikit 2" in text
    code, text = run(
        ["render", str(model), "--out", "x", "--max-nodes", "1", "--lang", "en"], capsys
    )
    assert code == 2 and "at least 2" in text


def test_the_marker_search_finds_indonesian() -> None:
    assert indonesian("spbe-arch: berkas tidak ada") == ["berkas", "tidak"]
    data = "Layanan Pemantauan Gizi dan Tumbuh Kembang Balita"  # a name in the example model
    assert indonesian(f"use --tahun and tahun_mulai; {data}") == []
    assert indonesian("--- a/x.yaml\n+# tidak dimuat\n@@ -1 +1 @@\nchanged: x.yaml") == []


def test_every_rules_failing_example_reports_in_english(tmp_path: Path) -> None:
    """Each rule's documented failing example, checked: every problem (the rule's and any
    other) has an English message and hint without Indonesian words."""
    import rulekit
    from conftest import write_repo
    from spbe_arch.check import check
    from spbe_arch.rules.docs import builtin_rules, rule_doc_sections

    seen: set[str] = set()
    found: list[str] = []
    for item in builtin_rules():
        examples = rule_doc_sections(item)["contoh_gagal"]
        if not examples:
            continue
        root = write_repo(tmp_path / item.code, dict(examples))
        for problem in check(root, today=rulekit.TODAY).problems:
            seen.add(problem.code)
            english = f"{problem.text('en')} {problem.hint_text('en') or ''}"
            if not problem.message_en or indonesian(english):
                found.append(f"{problem.code}: {english} {indonesian(english)}")
    assert len(seen) >= 40, sorted(seen)
    assert found == [], "\n".join(found)


LEVEL_FILES = {
    "refused": "rezim: 5/2018\nindikator: {1: 3}\n",
    "unknown-regime": "rezim: 99/2099\nindikator: {1: 3}\n",
    "wrong-regime": "rezim: 59/2020\nindikator: {1: 3}\n",  # run with --rezim 8/2026
    "no-regime": "indikator: {1: 3}\n",
    "no-mapping": "rezim: 59/2020\n",
    "bad-number": "rezim: 59/2020\nindikator: {satu: 3}\n",
    "bad-level": "rezim: 59/2020\nindikator: {1: tiga}\n",
    "level-out-of-range": "rezim: 59/2020\nindikator: {1: 7}\n",
    "unknown-indicator": "rezim: 59/2020\nindikator: {99: 3}\n",
    "empty": "",
    "syntax": "rezim: [59/2020\n",
}
"""A levels file for each way ``evaluate --indeks`` refuses one (IndeksError)."""


@pytest.mark.parametrize("case", sorted(LEVEL_FILES))
def test_index_errors_are_english(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = tmp_path / f"{case}.yaml"
    levels.write_text(LEVEL_FILES[case], encoding="utf-8")
    extra = ["--rezim", "8/2026"] if case == "wrong-regime" else []
    code, indonesian_text = run(["evaluate", "--indeks", str(levels), *extra], capsys)
    assert code == 2 and str(levels) in indonesian_text
    code, text = run(["evaluate", "--indeks", str(levels), *extra, "--lang", "en"], capsys)
    assert code == 2 and str(levels) in text, text
    assert text != indonesian_text
    assert indonesian(text.replace(str(tmp_path), "")) == [], text


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_explain_gives_why_and_what_to_do_in_english(
    code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from spbe_arch.rules.docs import builtin_rules, rule_doc_sections
    from spbe_arch.rules.english import EXPLAIN_EN

    item = REGISTRY[code]
    if item not in builtin_rules():
        pytest.skip("a test or plug-in rule")
    status, text = run(["explain", code, "--lang", "en"], capsys)
    assert status == 0
    why, fix = EXPLAIN_EN[code]
    assert f"Why. {why}" in text and f"What to do. {fix}" in text
    assert SUMMARY_EN[code] in text
    # the YAML examples are data (Indonesian names and keys), shown as they are, marked in English
    prose = "\n".join(line for line in text.splitlines() if not line.startswith("    "))
    assert indonesian(prose) == [], prose
    sections = rule_doc_sections(item)
    examples = sections["contoh_gagal"] + sections["contoh_lulus"]
    assert text.count("    ") >= sum(len(body.splitlines()) for _, body in examples)
    assert "di sini" not in text and "# berkas:" not in text
    assert ("Failing example:" in text) == bool(sections["contoh_gagal"])


def test_every_builtin_rule_has_an_english_explanation() -> None:
    from spbe_arch.rules.docs import builtin_rules
    from spbe_arch.rules.english import EXPLAIN_EN

    assert sorted(EXPLAIN_EN) == sorted(item.code for item in builtin_rules())
    for why, fix in EXPLAIN_EN.values():
        assert why.endswith(".") and fix.endswith(".")
        assert indonesian(f"{why} {fix}") == [], f"{why} {fix}"


def test_config_schema_is_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["schema", "--config", "--lang", "en"], capsys)
    assert code == 0
    prose = _schema_prose(text)
    assert indonesian(prose) == [], prose
    code, indonesian_text = run(["schema", "--config"], capsys)
    assert indonesian(_schema_prose(indonesian_text)) != []  # the default stays Indonesian


def test_refused_workbooks_are_reported_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is no workbook, a broken one, a missing one, and another Pemda's form."""
    kota = tmp_path / "kota-inventaris"
    shutil.copytree(MODELS[1], kota)
    forms = tmp_path / "forms"
    assert main(["survey", "generate", str(MODEL), "--out", str(forms), "--opd", "DINKES"]) == 0
    [other_pemda] = sorted(forms.glob("*.xlsx"))
    (tmp_path / "not-a-workbook.xlsx").write_text("not a zip", encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04garbage")
    books = [
        tmp_path / "not-a-workbook.xlsx",
        tmp_path / "broken.xlsx",
        tmp_path / "missing.xlsx",
        other_pemda,
    ]
    capsys.readouterr()
    for book in books:
        _, indonesian_text = run(["survey", "import", str(kota), str(book), "--dry-run"], capsys)
        code, text = run(
            ["survey", "import", str(kota), str(book), "--dry-run", "--lang", "en"], capsys
        )
        assert code != 0 and book.name in text and "refused" in text, text
        assert text != indonesian_text
        assert indonesian(text.replace(str(tmp_path), "")) == [], text
