"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from spbe_arch.neutral import escape_json
from spbe_arch.problems import Problem, Severity
from spbe_arch.report.common import HINT_LABEL, rule_of, rule_url
from spbe_arch.results import Checked
from spbe_arch.version import __version__

SCHEMA_URL = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "spbeArch/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_EXAMPLES_RE = re.compile(r"\n\*\*Contoh (gagal|lulus)")


def artifact_location(file: str, cwd: Path | None = None) -> dict[str, str]:
    """A relative POSIX URI under ``%SRCROOT%`` (the current directory) for a displayed path.

    An absolute path outside the current directory cannot be made relative: it becomes a
    ``file://`` URI without a base.
    """
    path = Path(file)
    if path.is_absolute():
        base = (cwd or Path.cwd()).resolve()
        try:
            path = path.resolve().relative_to(base)
        except ValueError:
            return {"uri": path.as_uri()}
    posix = PurePath(os.path.normpath(path)).as_posix()
    return {"uri": quote(posix), "uriBaseId": "%SRCROOT%"}


def _plain(markdown: str) -> str:
    return " ".join(markdown.replace("**", "").split())


def _descriptor(code: str, lang: str = "id") -> dict[str, Any]:
    # No helpUri and no informationUri: SARIF wants absolute URIs there, and spbe-arch has
    # no published web home; the help text carries the whole documentation instead.
    found = rule_of(code)
    if found is None:  # a plug-in that is no longer installed, say: still a valid descriptor
        return {"id": code}
    if lang == "en":  # the documentation is Indonesian: the English summary, why, what to do
        from spbe_arch.rules.english import EXPLAIN_EN

        summary = found.summary_in("en")
        why, fix = EXPLAIN_EN.get(found.code, ("", ""))
        body = f"{summary} {why}".strip()
        parts = [summary, *([f"**Why.** {why}", f"**What to do.** {fix}"] if why else [])]
        doc = "\n\n".join(
            [
                *parts,
                f"`spbe-arch explain {found.code} --lang en` shows examples; the full "
                f"documentation (in Bahasa Indonesia) is {rule_url(found.code)} in spbe-arch's "
                "sources.",
            ]
        )
    else:
        summary = found.summary
        doc = found.doc.strip()
        body = _EXAMPLES_RE.split(doc, maxsplit=1)[0]
        doc = f"{doc}\n\n`spbe-arch explain {found.code}`; {rule_url(found.code)}"
    return {
        "id": found.code,
        "name": found.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _plain(body)},
        "help": {"text": _plain(doc) if lang == "en" else doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVELS[found.severity]},
    }


def _region(problem: Problem) -> dict[str, int]:
    region = {"startLine": max(problem.line, 1), "startColumn": max(problem.column, 1)}
    if problem.end_line is not None:
        region["endLine"] = max(problem.end_line, region["startLine"])
    if problem.end_column is not None:
        region["endColumn"] = max(problem.end_column, 1)
    return region


def _message(problem: Problem, lang: str) -> str:
    hint = problem.hint_text(lang)
    if not hint:
        return problem.text(lang)
    return f"{problem.text(lang)}\n{HINT_LABEL.get(lang, HINT_LABEL['id'])}: {hint}"


def fingerprint(problem: Problem, uri: str, occurrence: int = 1) -> str:
    """A hash of code, file, element and key path: stable when lines move.

    ``occurrence`` tells apart problems that share all four (the n-th such problem, in order).
    """
    parts = [problem.code, uri, problem.element_id or "", problem.path]
    if occurrence > 1:
        parts.append(str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def sarif_document(result: Checked, lang: str = "id") -> dict[str, Any]:
    """The SARIF log as a dict: one run, the rules that have results, one result per problem."""
    codes = sorted({p.code for p in result.problems})
    index = {code: i for i, code in enumerate(codes)}
    seen: dict[tuple[str, str, str, str], int] = {}
    results = []
    for problem in result.problems:
        location = artifact_location(problem.file)
        key = (problem.code, location["uri"], problem.element_id or "", problem.path)
        seen[key] = seen.get(key, 0) + 1
        results.append(
            {
                "ruleId": problem.code,
                "ruleIndex": index[problem.code],
                "level": _LEVELS[problem.severity],
                "message": {"text": _message(problem, lang)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": _region(problem),
                        }
                    }
                ],
                "partialFingerprints": {
                    FINGERPRINT_KEY: fingerprint(problem, location["uri"], seen[key])
                },
            }
        )
    driver = {
        "name": "spbe-arch",
        "version": __version__,
        "rules": [_descriptor(code, lang) for code in codes],
    }
    return {
        "$schema": SCHEMA_URL,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }


def render_sarif(result: Checked, lang: str = "id", color: bool = False) -> str:
    """The SARIF log as indented JSON."""
    return (
        escape_json(json.dumps(sarif_document(result, lang), ensure_ascii=False, indent=2)) + "\n"
    )
