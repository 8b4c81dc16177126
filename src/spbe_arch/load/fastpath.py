"""The fast path: parse a model file with a compiled YAML 1.2 parser, without positions.

Most model files are clean. For them, positions are only needed when a rule reports something,
so the loader first parses with ``yaml_rs`` (Rust, ~20 MB/s here, about 8× the position-tracking
reader) and validates the items. The fast result is used only when it is certainly the same as
the exact reader's (:mod:`spbe_arch.load.yamltext`):

* any parse error, duplicate key, tag, alias-limit hit, multi-document file or top-level list
  sends the file to the exact reader, which reports the problem with its line and column;
* any validation error does too (the exact reader locates it);
* YAML 1.2 turns some plain scalars into numbers or booleans where the exact reader keeps text;
  a text field receiving one fails validation (so the file goes exact), and the number forms
  on which the two readers could disagree silently (hex, octal, binary, ``.nan``/``.inf``,
  exponents, digit separators) are screened by a regular expression before parsing;
* tags (``yaml_rs`` silently drops a local tag such as ``!foo``) are screened too;
* files longer than the exact reader's scalar limit always go exact.

Positions of elements loaded this way are computed on first use by the exact reader
(:class:`~spbe_arch.load.positions_index.PositionIndex`). ``SPBE_ARCH_EXACT=1`` disables the
fast path (for comparison and debugging).
"""

from __future__ import annotations

import os
import re
from typing import Any

from spbe_arch.load.yamltext import MAX_EXPANSION, MAX_SCALAR

_yaml_rs: Any
try:
    import yaml_rs as _yaml_rs
except ImportError:  # pragma: no cover - the fast path is optional
    _yaml_rs = None

_RISKY = re.compile(
    # The lookahead first: it lets the regex engine skip quickly to the few characters that can
    # start a risky token, and only there look back for a separator (or the start of the text).
    r"(?=[!+\-.\d])(?<![^\s\[{,:-])(?:!|[+-]?(?:0[xXoObB]|\.(?:nan|NaN|NAN|inf|Inf|INF)\b"
    r"|\d[\d_]*(?:_\d|[eE][+-]?\d)))"
)
"""Tokens on which the two readers could disagree without an error: tags (``yaml_rs`` drops
local tags such as ``!foo``), and number forms YAML 1.2 reads as numbers but the exact reader
keeps as text."""

FAIL = object()
"""Returned when the fast path cannot be trusted for a text."""


def enabled() -> bool:
    """Whether the fast path is available and not disabled by ``SPBE_ARCH_EXACT``."""
    return _yaml_rs is not None and os.environ.get("SPBE_ARCH_EXACT", "") in ("", "0")


def fast_parse(text: str) -> Any:
    """The data of ``text`` (dicts, lists, scalars), or :data:`FAIL`."""
    if _yaml_rs is None or len(text) >= MAX_SCALAR or _RISKY.search(text):
        return FAIL
    try:
        data = _yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=_yaml_rs.AliasLimits(
                max_total_replayed_events=MAX_EXPANSION, max_replay_stack_depth=64
            ),
        )
    except Exception:
        return FAIL
    if isinstance(data, list):  # a top-level list, or several documents: both need the exact reader
        return FAIL
    return data
