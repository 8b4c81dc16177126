"""``--format json``: the problems and a summary, a published contract (keep the keys)."""

from __future__ import annotations

import json

from spbe_arch.neutral import escape_json
from spbe_arch.problems import summarize
from spbe_arch.report.common import files_checked
from spbe_arch.results import Checked


def render_json(result: Checked, lang: str = "id", color: bool = False) -> str:
    """``{"problems": [...], "summary": {...}}``, UTF-8 as is, indented by two spaces."""
    counts = summarize(result.problems)
    document = {
        "problems": [p.to_dict(lang) for p in result.problems],
        "summary": {
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "files": counts["files"],
            "elements": result.elements,
            "files_checked": files_checked(result),
        },
    }
    return escape_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
