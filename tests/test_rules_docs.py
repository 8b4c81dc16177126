"""Rule documentation: the docstring template, its runnable examples, and ``docs/rules.md``.

Every rule's failing example is loaded as a model repository and checked: the rule's code must
be reported at exactly the lines marked ``# <- di sini``, and the passing example must not
report it. Rules added by any module are picked up from the registry automatically.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import rulekit
from conftest import write_repo
from spbe_arch.check import CheckResult, check
from spbe_arch.rules import REGISTRY
from spbe_arch.rules.docs import (
    builtin_rules,
    expected_lines,
    explain,
    format_rules_list,
    github_anchor,
    heading,
    main,
    parse_doc,
    render_rules_md,
    rule_doc_sections,
)
from spbe_arch.rules.engine import Rule

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"
RULES = builtin_rules()

CANNOT_FAIL = {
    "SPBE-KAT-005": "every node of the shipped catalogue is berlaku, so the failing example "
    "cannot fail; the rule is tested with a crafted catalogue",
}
"""Rules whose failing example cannot fail with the shipped data (strict xfail: fixed ⇒ noticed)."""


def _params(*, failing: bool) -> list[object]:
    out: list[object] = []
    for item in RULES:
        marks = []
        if failing and item.code in CANNOT_FAIL:
            marks.append(pytest.mark.xfail(reason=CANNOT_FAIL[item.code], strict=True))
        out.append(pytest.param(item, id=item.code, marks=marks))
    return out


def _check(root: Path, examples: list[tuple[str, str]]) -> CheckResult:
    write_repo(root, dict(examples))
    return check(root, today=rulekit.TODAY)


def _listing(result: CheckResult) -> str:
    return "\n".join(f"{p.file}:{p.line}:{p.column} {p.code} {p.message}" for p in result.problems)


@pytest.mark.parametrize("item", _params(failing=False))
def test_docstring_follows_template(item: Rule) -> None:
    doc = rule_doc_sections(item)
    assert doc["summary"], f"{item.code}: no summary paragraph"
    assert doc["yang_diperiksa"], f"{item.code}: no **Yang diperiksa.** section"
    assert doc["mengapa"], f"{item.code}: no **Mengapa.** section"
    assert doc["contoh_gagal"] or doc["prosa_gagal"], f"{item.code}: no **Contoh gagal:**"
    assert doc["contoh_lulus"] or doc["prosa_lulus"], f"{item.code}: no **Contoh lulus:**"
    if item.func is not None:
        # A checking rule's examples are model text; only loader codes may describe theirs.
        assert doc["contoh_gagal"], f"{item.code}: failing example is not a ```yaml block"
        assert doc["contoh_lulus"], f"{item.code}: passing example is not a ```yaml block"


@pytest.mark.parametrize("item", _params(failing=True))
def test_failing_example_is_reported_at_marked_lines(item: Rule, tmp_path: Path) -> None:
    doc = rule_doc_sections(item)
    if not doc["contoh_gagal"]:
        assert item.func is None, f"{item.code}: a checking rule needs a YAML failing example"
        pytest.skip(f"{item.code}: failing example is prose: {doc['prosa_gagal'][:60]}")
    examples = doc["contoh_gagal"]
    expected = sorted(
        {(Path(name).name, n) for name, text in examples for n in expected_lines(text)}
    )
    assert expected, f"{item.code}: the failing example marks no line with '# <- di sini'"
    result = _check(tmp_path, doc["contoh_gagal"])
    got = sorted({(Path(p.file).name, p.line) for p in result.problems if p.code == item.code})
    assert got == expected, _listing(result)


@pytest.mark.parametrize("item", _params(failing=False))
def test_passing_example_is_clean(item: Rule, tmp_path: Path) -> None:
    doc = rule_doc_sections(item)
    if not doc["contoh_lulus"]:
        assert item.func is None, f"{item.code}: a checking rule needs a YAML passing example"
        pytest.skip(f"{item.code}: passing example is prose: {doc['prosa_lulus'][:60]}")
    result = _check(tmp_path, doc["contoh_lulus"])
    assert not [p for p in result.problems if p.code == item.code], _listing(result)


def test_codes_and_names() -> None:
    names = [r.name for r in REGISTRY.values()]
    assert len(names) == len(set(names))
    for code, item in REGISTRY.items():
        assert code == item.code
        assert re.fullmatch(r"SPBE-[A-Z]+-\d{3}", code), code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item.name), item.name


def test_rules_md_is_current() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == render_rules_md(), (
        "docs/rules.md is stale: run `python -m spbe_arch.rules.docs --write`"
    )
    assert main(["--check", "--output", str(RULES_MD)]) == 0


def test_check_reports_stale_and_write_fixes_it(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    assert main(["--check", "--output", str(target)]) == 1  # missing
    target.write_text("# usang\n", encoding="utf-8")
    assert main(["--check", "--output", str(target)]) == 1
    assert main(["--write", "--output", str(target)]) == 0
    assert main(["--check", "--output", str(target)]) == 0


def test_rules_md_headings_and_anchors() -> None:
    text = render_rules_md()
    outside_code = re.sub(r"^\s*```.*?^\s*```", "", text, flags=re.M | re.S)
    headings = re.findall(r"^#{1,6} (.+)$", outside_code, flags=re.M)
    anchors = [github_anchor(h) for h in headings]
    assert len(anchors) == len(set(anchors)), "duplicate anchors get a -1 suffix on GitHub"
    for item in RULES:
        assert heading(item) in headings
        anchor = f"{item.code.lower()}-{item.name}"
        assert github_anchor(heading(item)) == anchor
        assert f"| [{item.code}](#{anchor}) | `{item.name}` | {item.severity.value} |" in text


def test_parse_doc_sections() -> None:
    doc = parse_doc(
        "Ringkasan\nbaris kedua.\n\n**Yang diperiksa.** A.\n\n**Mengapa.** B.\n\n"
        "**Contoh gagal:**\n\n```yaml\n# berkas: spbe.yaml\nspbe_arch: 1  # <- di sini\n```\n\n"
        "Catatan di antara.\n\n```yaml\na: 1\n```\n\n**Contoh lulus:**\n\n```yaml\nb: 2\n```\n\n"
        "**Opsi.** Tidak ada.\n"
    )
    assert doc["summary"] == "Ringkasan baris kedua."
    assert (doc["yang_diperiksa"], doc["mengapa"]) == ("A.", "B.")
    assert doc["contoh_gagal"] == [
        ("spbe.yaml", "# berkas: spbe.yaml\nspbe_arch: 1  # <- di sini\n"),
        ("contoh.yaml", "a: 1\n"),
    ]
    assert doc["prosa_gagal"] == "Catatan di antara."
    assert doc["contoh_lulus"] == [("contoh.yaml", "b: 2\n")]
    assert doc["extra"] == "**Opsi.** Tidak ada."
    assert expected_lines(doc["contoh_gagal"][0][1]) == [2]


def test_explain_and_list() -> None:
    text = explain("duplikasi-aplikasi-umum")
    assert text is not None and text == explain("spbe-apl-004")
    assert text.startswith("SPBE-APL-004 duplikasi-aplikasi-umum\n")
    assert "**" not in text and "```" not in text
    assert "        nama: Sistem Informasi Persuratan  # <- di sini" in text
    assert explain("SPBE-XXX-999") is None
    listing = format_rules_list("id")
    assert listing.splitlines()[0].split() == ["KODE", "NAMA", "TINGKAT", "RINGKASAN"]
    assert all(code in listing for code in REGISTRY)
    english = format_rules_list("en").splitlines()[0].split()
    assert english == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
