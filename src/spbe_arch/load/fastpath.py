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
* files longer than the exact reader's scalar limit always go exact, and so do files with a tab
  anywhere (``yaml_rs`` takes a tab on an otherwise empty line as blank space, where libyaml
  refuses it; tabs are rare in model files, and the exact reader locates the ones it refuses).

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


def _class_of(byte: int) -> int:
    char = chr(byte)
    if char.isdigit():
        return ord("0")
    for mark, chars in (("1", "xXoObBeE_"), ("2", "."), ("3", "nN"), ("5", "aA"), ("6", "iI"),
                        ("7", "fF")):  # fmt: skip
        if char in chars:
            return ord(mark)
    return ord(" ")


_CLASSES = bytes(_class_of(b) for b in range(256))
"""A ``bytes.translate`` table: ASCII digits to ``0``; ``x o b e _`` (either case), which may
follow a digit in a risky number, to ``1``; ``.`` to ``2``; the letters of ``nan`` and ``inf``
(either case) to ``3`` (n), ``5`` (a), ``6`` (i), ``7`` (f); everything else to a space."""

_DIGIT_THEN = re.compile(rb"01")
_DOT_NAN = re.compile(rb"2353")
_DOT_INF = re.compile(rb"2637")
"""In a text translated by :data:`_CLASSES`: a digit followed by ``x o b e _``, ``.nan`` and
``.inf`` (any case). With ``!``, every match of :data:`_RISKY` contains one of them. (Separate
literal searches: an alternation makes the regex engine test every position; ``.n``/``.i``
alone matched every ``.go.id`` address.)"""


_TAG_AFTER = frozenset(b for b in range(128) if chr(b).isspace() or chr(b) in "[{,:-")
"""The ASCII characters after which :data:`_RISKY` takes a ``!`` for a tag (``\\s`` matches
the ASCII characters ``str.isspace`` accepts)."""


def _risky(text: str) -> bool:
    """Whether ``text`` holds a token on which the two readers could disagree.

    The regular expression :data:`_RISKY` tests every character and cost more than the Rust
    parse itself. An ASCII text is instead translated to character classes at memory speed,
    and the literal pairs every risky number contains are looked for there; the regular
    expression runs only on texts that hold one (none in the benchmark corpus). A ``!`` (in
    ≈ 4 % of the corpus's files, nearly all in prose) is a tag only at the start of a token,
    which is checked at each ``!``.
    """
    if not text.isascii():  # ``\d`` also matches other scripts' digits: take the regex
        return _RISKY.search(text) is not None
    raw = text.encode("ascii")
    classes = raw.translate(_CLASSES)
    if _DIGIT_THEN.search(classes) or _DOT_NAN.search(classes) or _DOT_INF.search(classes):
        return _RISKY.search(text) is not None
    bang = raw.find(b"!")
    while bang >= 0:
        if bang == 0 or raw[bang - 1] in _TAG_AFTER:
            return True
        bang = raw.find(b"!", bang + 1)
    return False


FAIL = object()
"""Returned when the fast path cannot be trusted for a text."""


def enabled() -> bool:
    """Whether the fast path is available and not disabled by ``SPBE_ARCH_EXACT``."""
    return _yaml_rs is not None and os.environ.get("SPBE_ARCH_EXACT", "") in ("", "0")


def fast_parse(text: str) -> Any:
    """The data of ``text`` (dicts, lists, scalars), or :data:`FAIL`."""
    if _yaml_rs is None or len(text) >= MAX_SCALAR or "\t" in text or _risky(text):
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
