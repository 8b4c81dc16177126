"""One model with one error of every rule: all reported in one run, at the right file and line,
in every report format.

The model is made of every rule's failing docstring example, each in a file of its own, with the
ids each example defines prefixed so that examples cannot satisfy one another. Rules whose
finding is about the repository as a whole (an empty domain, a missing muatan, the period) or
that need a crafted catalogue cannot be combined this way; they are listed with the reason and
tested on their own by ``tests/test_rules_docs.py``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import rulekit
from conftest import write_repo
from spbe_arch.check import CheckResult, check
from spbe_arch.report import render
from spbe_arch.rules.docs import builtin_rules, expected_lines, rule_doc_sections

WHOLE_REPOSITORY = {
    "SPBE-ARS-001": "an empty domain: the combined model has every domain",
    "SPBE-KAT-005": "needs a catalogue that withdraws a node",
    "SPBE-OPD-005": "about the folder layout: its example is files in two OPD folders",
    "SPBE-RMP-005": "a muatan without item: the combined roadmap has several muatan",
    "SPBE-RMP-009": "the period is set in spbe.yaml",
    "SPBE-RMP-010": "the period is set in spbe.yaml",
    "SPBE-EVA-001": "the evaluation history is set in spbe.yaml",
}
_ID = re.compile(r"\bid:\s*['\"]?([A-Za-z0-9][A-Za-z0-9._\-]*)")


def _examples() -> list[tuple[str, str, str]]:
    """(code, file name, text) of every combinable failing example that is YAML."""
    out = []
    for n, item in enumerate(builtin_rules()):
        if item.func is None or item.code in WHOLE_REPOSITORY:
            continue
        examples = rule_doc_sections(item)["contoh_gagal"]
        if not examples or any(name != "contoh.yaml" for name, _ in examples):
            continue
        text = examples[0][1]
        for ident in sorted(set(_ID.findall(text)), key=len, reverse=True):
            text = re.sub(rf"(?<![\w.-]){re.escape(ident)}(?![\w.-])", f"R{n:02d}-{ident}", text)
        out.append((item.code, f"r{n:02d}-{item.code.lower()}.yaml", text))
    return out


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    root = tmp_path_factory.mktemp("semua")
    write_repo(root, {name: text for _, name, text in EXAMPLES})
    return check(root, today=rulekit.TODAY)


def _wanted() -> list[tuple[str, str, int]]:
    return [(code, name, line) for code, name, text in EXAMPLES for line in expected_lines(text)]


def test_every_rule_is_combined() -> None:
    combined = {code for code, _, _ in EXAMPLES}
    rules = {r.code for r in builtin_rules() if r.func is not None}
    assert rules - combined - set(WHOLE_REPOSITORY) == set()
    assert len(combined) >= 35


def test_every_rule_is_reported_at_its_line_in_one_run(result: CheckResult) -> None:
    got = {(p.code, Path(p.file).name, p.line) for p in result.problems}
    missing = [w for w in _wanted() if w not in got]
    assert not missing, missing


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_every_format_carries_every_finding(result: CheckResult, fmt: str) -> None:
    out = render(fmt, result, lang="id")
    if fmt == "json":
        found = {(p["code"], Path(p["file"]).name, p["line"]) for p in json.loads(out)["problems"]}
    elif fmt == "sarif":
        found = set()
        for r in json.loads(out)["runs"][0]["results"]:
            where = r["locations"][0]["physicalLocation"]
            uri = where["artifactLocation"]["uri"]
            found.add((r["ruleId"], Path(uri).name, where["region"]["startLine"]))
    elif fmt == "junit":
        found = set()
        for case in ET.fromstring(out).iter("testcase"):
            code, place = case.get("name", " ").split(" ", 1)
            found.add((code, Path(case.get("classname", "")).name, int(place.split(":")[0])))
    elif fmt == "github":
        found = set()
        for line in out.splitlines():
            m = re.match(r"::\w+ file=([^,]+),line=(\d+),.*title=(\S+)", line)
            if m:
                found.add((m[3], Path(m[1]).name, int(m[2])))
    else:
        found = set()
        current = ""
        for line in out.splitlines():
            if line and not line.startswith(" "):
                current = Path(line).name
            m = re.match(r"  (\d+):\d+\s+\S+\s+(SPBE-\S+)", line)
            if m:
                found.add((m[2], current, int(m[1])))
    missing = [w for w in _wanted() if w not in found]
    assert not missing, missing
