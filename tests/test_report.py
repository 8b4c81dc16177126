"""Reports: golden files for every format and language, and what each format promises."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from spbe_arch.check import CheckResult, check
from spbe_arch.model.aplikasi import Aplikasi
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.problems import Problem, Severity
from spbe_arch.report import DOCS_URL, FORMATS, choose_format, render
from spbe_arch.report.github import command, escape_data, escape_property
from spbe_arch.report.sarif import artifact_location, sarif_document
from spbe_arch.report.text import caret, render_text

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden" / "report"
SARIF_SCHEMA = json.loads((TESTS / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
EXTENSIONS = {"text": "txt", "json": "json", "github": "txt", "sarif": "sarif", "junit": "xml"}
ANSI_RE = re.compile("\x1b\\[[0-9;]*m")

APLIKASI_YAML = """\
aplikasi:
  - id: APL-01
    nama: SIMPUS
    opd: DINKES
    layanan: [DAL-99]
  - id: APL-02
    nama: SIPD
    warna: merah
"""

SPBE_YAML = """\
spbe_arch: 1
pemda: {nama: Kabupaten Uji, jenis: kabupaten}
periode: {mulai: 2025, selesai: 2029}
katalog: "2022.1"
"""

MODEL_YAML = """\
aplikasi:
  - id: APL-01
    nama: Aplikasi Uji
    layanan: [DAL-99]
  - id: APL-02
    nama: Aplikasi Dua
    warna: merah
  - id: APL-03
"""


def hand_built() -> CheckResult:
    """Two existing files, one vanished file, every severity, hints and end columns."""
    model = Arsitektur(root=Path("."), files=["model/aplikasi.yaml", "model/lama.yaml"])
    for ident, nama in (("APL-01", "SIMPUS"), ("APL-02", "SIPD")):
        model.elemen[ident] = Aplikasi(id=ident, nama=nama)
    problems = [
        Problem("model/aplikasi.yaml", 5, 15, "SPBE-REF-001", Severity.ERROR,
                "'layanan' menunjuk 'DAL-99' yang tidak ada",
                "'layanan' refers to 'DAL-99', which does not exist",
                end_line=5, end_column=21, path="layanan[0]", element_id="APL-01",
                hint="id yang diizinkan berjenis: layanan", hint_en="allowed kinds: layanan"),
        Problem("model/aplikasi.yaml", 8, 5, "SPBE-SKEMA-002", Severity.ERROR,
                "kunci 'warna' tidak dikenal untuk Aplikasi",
                "unknown key 'warna' for Aplikasi",
                end_line=8, end_column=10, path="aplikasi[1].warna", element_id="APL-02"),
        Problem("model/aplikasi.yaml", 2, 9, "SPBE-ARS-002", Severity.WARNING,
                "aplikasi 'APL-01' belum memiliki kode referensi RAA",
                "aplikasi 'APL-01' has no RAA reference code",
                end_line=2, end_column=15, path="id", element_id="APL-01"),
        Problem("model/lama.yaml", 3, 7, "SPBE-KAT-006", Severity.INFO,
                "kode 'RAA.02' bukan daun; daftar anaknya di katalog tidak lengkap",
                "code 'RAA.02' is not a leaf; its children in the catalogue are incomplete",
                path="referensi", element_id="APL-09"),
        Problem("spbe.yaml", 2, 1, "SPBE-ARS-001", Severity.WARNING,
                "domain Proses Bisnis belum memiliki elemen (RAB)",
                "domain Proses Bisnis has no element (RAB)"),
    ]  # fmt: skip
    return CheckResult(model, sorted(problems))


@pytest.fixture
def in_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current directory holds the hand-built result's files (but not model/lama.yaml)."""
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "aplikasi.yaml").write_text(APLIKASI_YAML, encoding="utf-8")
    (tmp_path / "spbe.yaml").write_text(SPBE_YAML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def real_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    """``check("repo")`` on a tiny repository with errors, run from its parent folder."""
    repo = tmp_path / "repo"
    (repo / "model").mkdir(parents=True)
    (repo / "spbe.yaml").write_text(SPBE_YAML, encoding="utf-8")
    (repo / "model" / "aplikasi.yaml").write_text(MODEL_YAML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return check("repo")


def validate_sarif(document: object) -> None:
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(document)


# Golden files ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str, lang: str, in_repo: Path, update_golden: bool) -> None:
    out = render(fmt, hand_built(), lang=lang)
    golden = GOLDEN / f"{fmt}.{lang}.{EXTENSIONS[fmt]}"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="\n")
    assert golden.exists(), f"{golden} missing: run pytest --update-golden"
    assert out == golden.read_text(encoding="utf-8")
    assert str(in_repo) not in out


def test_every_format_ends_with_one_newline(in_repo: Path) -> None:
    for fmt in FORMATS:
        out = render(fmt, hand_built())
        assert out.endswith("\n") and not out.endswith("\n\n"), fmt


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="yaml"):
        render("yaml", hand_built())


# choose_format -----------------------------------------------------------------------------


def test_choose_format_auto() -> None:
    assert choose_format("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert choose_format("auto", {"GITHUB_ACTIONS": "false"}) == "text"
    assert choose_format("auto", {}) == "text"
    assert choose_format("json", {"GITHUB_ACTIONS": "true"}) == "json"


def test_choose_format_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert choose_format("auto") == "github"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert choose_format("auto") == "text"


# text --------------------------------------------------------------------------------------


def test_caret_under_the_column_with_range() -> None:
    assert caret("    layanan: [DAL-99]", 15, 21) == "              ^~~~~~"
    assert caret("\tnama: x", 2) == "\t^"
    assert caret("ab", 9) == "  ^"  # past the end: just after the last character
    assert caret("一二x", 3) == "    ^"  # wide characters take two cells


def test_text_shows_source_line_and_caret(in_repo: Path) -> None:
    lines = render("text", hand_built()).splitlines()
    at = lines.index("        layanan: [DAL-99]")
    assert lines[at - 1].startswith("  5:15  galat")
    assert lines[at + 1] == "    " + " " * 14 + "^~~~~~"
    assert lines[at + 1].index("^") == lines[at].index("DAL-99")
    assert lines[at + 2] == "    saran: id yang diizinkan berjenis: layanan"


def test_text_reads_each_file_once(in_repo: Path) -> None:
    reads: list[str] = []

    def read(file: str) -> bytes | None:
        reads.append(file)
        path = Path(file)
        return path.read_bytes() if path.exists() else None

    render_text(hand_built(), read=read)
    assert sorted(reads) == ["model/aplikasi.yaml", "model/lama.yaml", "spbe.yaml"]


@pytest.mark.parametrize(
    "content",
    [None, b"\x00\x01binary\n" * 3, b"a\nb\n\x1b[31mc\xe9\n", b"a\n"],
    ids=["directory", "binary", "latin1-and-escape", "too-short"],
)
def test_text_survives_odd_files(content: bytes | None, in_repo: Path) -> None:
    target = in_repo / "odd.yaml"
    if content is None:
        target.mkdir()
    else:
        target.write_bytes(content)
    problem = Problem("odd.yaml", 3, 2, "SPBE-YAML-002", Severity.ERROR, "bukan UTF-8")
    out = render("text", CheckResult(Arsitektur(root=in_repo), [problem]))
    assert "\x1b" not in out
    assert "\x00" not in out
    lines = out.splitlines()
    if content == b"a\nb\n\x1b[31mc\xe9\n":
        assert lines[2:4] == ["    \ufffd[31mc\ufffd", "     ^"]
    else:
        assert lines[1].startswith("  3:2  galat")
        assert lines[2] == ""  # no source line, straight on to the summary


def test_text_without_problems_is_just_the_summary() -> None:
    result = CheckResult(Arsitektur(root=Path("."), files=["a.yaml"]), [])
    assert render("text", result) == "0 galat, 0 peringatan, 0 catatan di 2 berkas (0 elemen)\n"
    assert (
        render("text", result, lang="en")
        == "0 errors, 0 warnings, 0 notes in 2 files (0 elements)\n"
    )


def test_color_only_when_asked(in_repo: Path) -> None:
    plain = render("text", hand_built())
    colored = render("text", hand_built(), color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31mgalat" in colored  # red error
    assert "\x1b[33mperingatan" in colored  # yellow warning
    assert "\x1b[36mcatatan" in colored  # cyan info
    assert "\x1b[1mmodel/aplikasi.yaml\x1b[0m" in colored  # bold file header
    assert ANSI_RE.sub("", colored) == plain
    for fmt in FORMATS:
        if fmt != "text":
            assert "\x1b" not in render(fmt, hand_built(), color=True), fmt


# json --------------------------------------------------------------------------------------


def test_json_contract(in_repo: Path) -> None:
    data = json.loads(render("json", hand_built(), lang="en"))
    assert set(data) == {"problems", "summary"}
    assert data["summary"] == {
        "error": 2, "warning": 2, "info": 1, "files": 3, "elements": 2, "files_checked": 3,
    }  # fmt: skip
    assert data["problems"][0] == hand_built().problems[0].to_dict("en")


# github ------------------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    problem = Problem("dir,x/a:b%.yaml", 3, 4, "SPBE-REF-001", Severity.INFO, "50%: a,b\nc")
    assert command(problem) == (
        "::notice file=dir%2Cx/a%3Ab%25.yaml,line=3,col=4,title=SPBE-REF-001 id-tidak-ada"
        "::50%25: a,b%0Ac"
    )


def test_github_one_command_per_problem(in_repo: Path) -> None:
    lines = render("github", hand_built(), lang="en").splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == [
        "::warning", "::error", "::error", "::notice", "::warning",
    ]  # fmt: skip
    assert "endLine=5,endColumn=21,title=SPBE-REF-001 id-tidak-ada::" in lines[1]
    assert lines[1].endswith("%0Ahint: allowed kinds: layanan")
    assert lines[-1] == "2 errors, 2 warnings, 1 note in 3 files (2 elements)"


# sarif -------------------------------------------------------------------------------------


def test_sarif_validates_and_links_rules(in_repo: Path) -> None:
    document = json.loads(render("sarif", hand_built()))
    validate_sarif(document)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({p.code for p in hand_built().problems})
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    # no absolute URL to a home spbe-arch does not have: the help names where the docs are
    assert "helpUri" not in rules[0] and "informationUri" not in run["tool"]["driver"]
    assert f"{DOCS_URL}#spbe-ars-001" in rules[0]["help"]["markdown"]
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}
    location = run["results"][1]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "model/aplikasi.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 5, "startColumn": 15, "endLine": 5, "endColumn": 21},
    }


def test_sarif_is_deterministic_and_fingerprints_are_stable(in_repo: Path) -> None:
    assert render("sarif", hand_built()) == render("sarif", hand_built())
    moved = hand_built()
    moved.problems[1] = Problem(
        "model/aplikasi.yaml", 50, 3, "SPBE-REF-001", Severity.ERROR, "x", path="layanan[0]",
        element_id="APL-01",
    )  # fmt: skip
    before = sarif_document(hand_built())["runs"][0]["results"]
    after = sarif_document(moved)["runs"][0]["results"]
    assert before[1]["partialFingerprints"] == after[1]["partialFingerprints"]
    prints = [next(iter(r["partialFingerprints"].values())) for r in before]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprints_differ_for_look_alike_problems() -> None:
    same = [Problem("spbe.yaml", 2, 1, "SPBE-ARS-001", Severity.WARNING, m) for m in "ab"]
    results = sarif_document(CheckResult(Arsitektur(root=Path(".")), same))["runs"][0]["results"]
    assert results[0]["partialFingerprints"] != results[1]["partialFingerprints"]


def test_sarif_uris(tmp_path: Path) -> None:
    assert artifact_location("a b/x.yaml", tmp_path) == {
        "uri": "a%20b/x.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    inside = str(tmp_path / "m" / "x.yaml")
    assert artifact_location(inside, tmp_path)["uri"] == "m/x.yaml"
    outside = artifact_location(str(tmp_path / "x.yaml"), tmp_path / "m")
    assert outside == {"uri": (tmp_path / "x.yaml").resolve().as_uri()}


# junit -------------------------------------------------------------------------------------


def test_junit_counts_and_cases(in_repo: Path) -> None:
    root = ET.fromstring(render("junit", hand_built()))
    suites = root.findall("testsuite")
    assert len(suites) == 1 and suites[0].get("name") == "spbe-arch"
    suite = suites[0]
    cases = suite.findall("testcase")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "4", "0")
    assert len(cases) == 5
    assert len(suite.findall("testcase/failure")) == 4
    first = cases[0]
    assert (first.get("classname"), first.get("name")) == (
        "model/aplikasi.yaml",
        "SPBE-ARS-002 2:9",
    )
    info = next(c for c in cases if c.get("name") == "SPBE-KAT-006 3:7")
    assert info.find("failure") is None
    assert (info.findtext("system-out") or "").startswith("model/lama.yaml:3:7: catatan")


def test_junit_clean_and_hostile_text() -> None:
    clean = ET.fromstring(render("junit", CheckResult(Arsitektur(root=Path(".")), [])))
    cases = clean.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == ["spbe-arch check"]
    assert clean.find("testsuite").get("failures") == "0"  # type: ignore[union-attr]
    hostile = Problem("<a&b>.yaml", 1, 1, "SPBE-YAML-004", Severity.ERROR, 'nul \x00 "<&>"')
    root = ET.fromstring(render("junit", CheckResult(Arsitektur(root=Path(".")), [hostile])))
    failure = root.find("testsuite/testcase/failure")
    # shown as a visible escape (docs/security.md), which XML can hold
    assert failure is not None and failure.get("message") == 'nul \\x00 "<&>"'


# a real run --------------------------------------------------------------------------------


def test_real_run_every_format(real_run: CheckResult) -> None:
    codes = {p.code for p in real_run.problems}
    assert {"SPBE-SKEMA-001", "SPBE-SKEMA-002", "SPBE-REF-001"} <= codes
    text = render("text", real_run).splitlines()
    at = text.index("        layanan: [DAL-99]")
    assert text[at + 1].index("^") == text[at].index("DAL-99")
    assert text[-1].endswith("di 2 berkas (1 elemen)")
    data = json.loads(render("json", real_run, lang="en"))
    assert data["summary"]["error"] == sum(p.severity is Severity.ERROR for p in real_run.problems)
    sarif = json.loads(render("sarif", real_run, lang="en"))
    validate_sarif(sarif)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert uris == {"repo/model/aplikasi.yaml", "repo/spbe.yaml"}
    junit = ET.fromstring(render("junit", real_run))
    assert junit.find("testsuite").get("tests") == str(len(real_run.problems))  # type: ignore[union-attr]
    github = render("github", real_run).splitlines()
    assert len(github) == len(real_run.problems) + 1


def test_real_run_absolute_path_sarif_validates(tmp_path: Path) -> None:
    repo = tmp_path / "abs"
    (repo / "model").mkdir(parents=True)
    (repo / "spbe.yaml").write_text(SPBE_YAML, encoding="utf-8")
    (repo / "model" / "aplikasi.yaml").write_text(MODEL_YAML, encoding="utf-8")
    validate_sarif(json.loads(render("sarif", check(str(repo)))))
