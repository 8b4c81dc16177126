"""``--format junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from spbe_arch.neutral import neutralise
from spbe_arch.problems import Problem, Severity
from spbe_arch.report.common import HINT_LABEL, SEVERITY_WORDS, summary_line
from spbe_arch.results import Checked

SUITE = "spbe-arch"
CLEAN_CASE = "spbe-arch check"
_NOT_XML_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all, not even escaped."""


def _xml(text: str) -> str:
    return _NOT_XML_RE.sub("\ufffd", text)


def _shown(text: str) -> str:
    """A value shown to people (file name, message, hint): escapes visible, XML-clean."""
    return _xml(neutralise(text))


def location_text(problem: Problem, lang: str = "id") -> str:
    """``file:line:column: severity CODE message`` and the hint, the body of a testcase."""
    words = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["id"])
    text = (
        f"{_shown(problem.file)}:{problem.line}:{problem.column}: {words[problem.severity]} "
        f"{problem.code} {_shown(problem.text(lang))}"
    )
    hint = problem.hint_text(lang)
    if hint:
        text += f"\n{HINT_LABEL.get(lang, HINT_LABEL['id'])}: {_shown(hint)}"
    return text


def _testcase(suite: ET.Element, problem: Problem, lang: str) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=_shown(problem.file),
        name=f"{problem.code} {problem.line}:{problem.column}",
        file=_shown(problem.file),
        line=str(problem.line),
    )
    if problem.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = location_text(problem, lang)
    else:
        failure = ET.SubElement(
            case, "failure", type=problem.code, message=_shown(problem.text(lang))
        )
        failure.text = location_text(problem, lang)


def render_junit(result: Checked, lang: str = "id", color: bool = False) -> str:
    """One ``<testsuite>`` with a testcase per problem; errors and warnings are failures."""
    failures = sum(p.severity is not Severity.INFO for p in result.problems)
    tests = max(len(result.problems), 1)
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    ET.SubElement(suite, "properties").append(
        ET.Element("property", name="summary", value=summary_line(result, lang))
    )
    for problem in result.problems:
        _testcase(suite, problem, lang)
    if not result.problems:
        ET.SubElement(suite, "testcase", classname=SUITE, name=CLEAN_CASE)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
