"""Source positions of a YAML file computed from its lines, for the common block-style subset.

:func:`locate` gives the same :class:`~spbe_arch.positions.Pos` tree as the exact reader
(``parse_text(text).pos``, built event by event from libyaml's event stream) for the YAML that
model files are written in, about twice as fast (``benchmarks/positions.py``). For anything
outside that subset, or any doubt, it returns None and the caller falls back to the exact reader.
It never returns a tree for a text the exact reader rejects or reports a problem in (duplicate
keys, tags, several documents, ...).

How: one pass over the lines with a stack of open block collections. The common lines
(``key: plain value``, ``key:``, ``- plain value``, ``- key: ...`` with an identifier as key)
are read with string methods only; every other line goes through a general reading with
regular expressions. Half of the remaining time is the creation of the ``Pos`` objects
themselves (the exact reader creates the same ones), which bounds what a Python reader of this
kind can gain.

The subset
----------
* One document: leading blank and comment lines, an optional ``---`` line alone, a root block
  mapping or block sequence, and optionally a ``...`` line followed only by blank or comment
  lines.
* Block mappings and block sequences, nested by indentation, including compact forms
  (``- id: X``, ``- - a``) and the "indentless" sequence (``key:`` followed by ``- a`` at the
  key's own column).
* Keys on one line: plain (no ``:`` or ``#`` inside, not starting with an indicator), single
  quoted, or double quoted without escapes; at most 1000 characters (libyaml's simple-key limit
  is 1024).
* Values: plain scalars, possibly continued on more-indented lines (no ``: `` inside); single-
  and double-quoted scalars on one line (valid escapes only); flow sequences on one line of
  plain or quoted scalars (``[DAA-01, DAA-02]``, ``["3.26"]``, ``[]``); literal and folded block
  scalars (``|``, ``>``, with an optional chomping indicator ``-``/``+``, no indentation
  indicator); empty values.
* Comments after a space, anywhere a comment may stand; blank lines; CRLF line ends; a final line
  without a line break.

Everything else returns None: tabs anywhere, control characters and the Unicode line breaks
U+0085/U+2028/U+2029, a byte-order mark, a lone CR, anchors, aliases, tags, directives, flow
mappings, multi-line flow collections or quoted scalars, complex keys (``? ``), a scalar or a
flow sequence as the document root or on the line after ``key:``, block scalars with an
indentation indicator or without content, duplicate keys, nesting deeper than 60 levels, texts
longer than the exact reader's scalar limit, several documents.

libyaml's marks reproduced here
-------------------------------
Lines and columns are 1-based as in :class:`Pos`; columns count characters (code points).

* A block mapping starts at its first key (libyaml inserts BLOCK-MAPPING-START at the simple
  key's mark), a block sequence at its first ``-``.
* A block collection ends where libyaml emits its BLOCK-END token: at the start of the next
  token, i.e. the first non-space character of the next line that is neither blank nor a
  comment; at the start (column 1) of a ``...`` line; or at the stream end. The stream end
  mark is column 1 of the line after the last line break. When the text does not end with a
  line break (even if its last line holds only spaces or a comment), libyaml's mark first stands
  at the end of the last line, where it closes the collections deeper than that column (they
  end there), and then moves to column 1 of the next line (where the others end). An
  indentless sequence has no BLOCK-END of its own; it ends at the start of the next token too,
  which is the same place.
* A plain scalar ends right after its last non-space character, on its last line when it is
  continued (continuation lines are those indented deeper than the enclosing collection's
  column, up to a comment or a dedent).
* A quoted scalar and a flow sequence end right after the closing quote or bracket.
* A block scalar ends after the last line break it consumed: it consumes every following line
  that is blank (spaces only, any number) or indented at least as deep as its content, including
  trailing blank lines whatever the chomping indicator; so its end is column 1 of the first line
  it did not consume. When it runs to the end of a text without a final line break, its end is
  the end of the last line, unless that line holds no more spaces than the content indentation
  (then column 1 of that line).
* An empty value (``key:`` or ``-`` with nothing after it but spaces or a comment) is an empty
  scalar placed at the end of the ``:`` or ``-`` token, start and end alike.
* Key names are those of the exact reader: a plain ``null``, ``Null``, ``NULL`` or ``~`` is the
  key ``""``; a quoted key keeps its text (``''`` in single quotes is one quote).

One element at a time
---------------------
A rule that reports on an element needs one node of it (the element itself, or one of its
fields), and a model file holds dozens of elements: :func:`outline` and :class:`Outline` find a
node from the lines around it only, so that the cost follows the nodes asked for rather than
the files they are in.

* The outline of a text (regular expressions over the whole text, and Python work per line at
  column 1 only): its top-level keys, and for each one whose value is a block sequence (at
  column 1, "indentless", or indented), the line of each item's ``-`` and the end of the
  section. An item's lines run from its ``-`` to the next token at the sequence's column or
  less: the next item's ``-``, the next top-level key, or the end of the text.
* :meth:`Outline.element` locates an item from its own lines, with the machinery of
  :func:`locate` (:func:`_locate`, started at the item's first line number, with the mark of
  the token after the item as the end of every collection still open at its last line, as
  libyaml's BLOCK-END tokens put it; the end of the text follows :func:`locate`'s rules).
* :meth:`Outline.item` goes further for a mapping item written ``- key: ...``: its own marks
  come from the outline (its first key; the token after it), and a field asked for through
  ``find``/``child``/``key`` is located from that key's lines only: from its line (at the
  mapping's column) to the next key line at that column (whose column is where every
  collection still open ends) or the end of the item. Reading ``keys`` or ``items`` locates the
  whole item (:meth:`Outline.element`), or takes it from the whole file's tree.

Why the lines around a node are enough, and the conditions under which they are trusted:

* The precondition is that of the loader's fast path: the text is one the exact reader reads
  without a fatal problem, and ``data`` (what the fast path read) is its data, with a key for
  every key written (null values included). The outline is only built from such data.
* Given that, the only way a line can look like a token and not be one is to stand inside a
  multi-line quoted scalar or flow collection: block scalars, continuation lines of plain
  scalars and the content of nested collections are indented deeper than the collection they
  are in, so a line at a collection's own column (or less) that is neither blank nor a comment
  is a token. Real tokens are never hidden, so any such line is one too many. The outline
  therefore checks that its top-level keys are the data's keys, in order, and that every
  top-level sequence has as many ``-`` lines at its column as the data has items (and an item
  as many key lines at its column as the data has keys, for :meth:`Outline.item`). Then every
  boundary is a real token, and the located lines are read by libyaml exactly as they are read
  alone: they start at a line start in block context at a real token, every line in them is
  deeper than the enclosing collections (a line that is not is the boundary, or refused), and
  nothing before them carries into them (a quoted scalar or flow collection would have to hide
  their first token). A construct outside the subset inside the located lines (such as a
  multi-line quoted scalar starting there) is refused as :func:`locate` refuses it.
* The outline is refused (None: the whole file is located) when the text is longer than the
  exact reader's scalar limit; holds a lone CR, U+0085, U+2028, U+2029 or a byte-order mark
  (libyaml counts lines or columns differently there); has anything at column 1 other than
  blank lines, comments, top-level keys written ``name:`` (an identifier, not a null) and ``-``
  entries (so no ``---``, ``...``, directive, flow, quoted or complex key, no indented root);
  has an entry at column 1 after a key whose value is on the key's line, or after an indented
  sequence; or does not match the data as said above. An item or field is refused (the whole
  item, then the whole file, is located) when its lines hold a character :func:`locate` refuses
  or anything outside the subset, when the key is not written plainly, or when the data holds a
  key that is not text (an absent field is only concluded from text keys).
* ``tests/test_load_elementpos.py`` compares every element, and every node inside it, with the
  exact reader's tree, on the example model, a generated corpus and generated texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Literal

from spbe_arch.load.yamltext import MAX_SCALAR
from spbe_arch.positions import Pos

MAX_LOCATED_DEPTH = 60
"""Deepest nesting handled (the exact reader's limit is 64)."""
MAX_KEY = 1000
"""Longest key handled, in characters (libyaml refuses simple keys longer than 1024)."""

_BAD = re.compile(
    "[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
"""Characters that send a text to the exact reader: tabs (indentation rules), the characters
libyaml does not print (C0 and C1 controls, surrogates, U+FFFE, U+FFFF), the Unicode line breaks
U+0085/U+2028/U+2029 (libyaml counts lines at them) and the byte-order mark (libyaml skips it
at the start of a line, which shifts columns)."""

# A double-quoted scalar on one line: libyaml's escapes, except the Unicode ones that name a
# surrogate or need eight digits (refused), and the escaped line break (multi-line).
_DQ = r'"(?:[^"\\]|\\(?:[0abtnvfre "\\N_LP]|x[0-9A-Fa-f]{2}|u(?![dD][89a-fA-F])[0-9A-Fa-f]{4}))*"'
_SQ = r"'(?:[^']|'')*'"
_TAIL = r"(?: +#.*| *)\Z"
"""What may follow a value on its line: spaces, and a comment after at least one space."""

_KEY = re.compile(
    r"(?:(?P<p>[^ \-?:,\[\]{}#&*!|>'\"%@`][^:#]*?)|'(?P<s>(?:[^']|'')*)'|\"(?P<d>[^\"\\]*)\")"
    r" *(?P<c>:)(?: +|\Z)"
)
"""A key, the ``:`` after it and the spaces before the value."""
_PLAIN = re.compile(
    r"(?P<v>(?:[^ \-?:,\[\]{}#&*!|>'\"%@`]|[-?:](?=[^ ]))(?:[^:# ]|:(?=[^ ])|(?<! )#| +(?=[^ #]))*)"
    r"(?P<t> +#.*| *)\Z"
)
"""A plain scalar in block context, to the end of its line (``t`` holds a comment, if any)."""
_CONT = re.compile(r"((?:[^:# ]|:(?=[^ ])|(?<! )#| +(?=[^ #]))+)( +#.*| *)\Z")
"""A continuation line of a plain scalar, from its first non-space character."""
_QUOTED = re.compile(rf"(?P<v>{_DQ}|{_SQ}){_TAIL}")
_BLOCK = re.compile(rf"[|>][-+]?{_TAIL}")
_AFTER = re.compile(_TAIL)
_FLOW_EMPTY = re.compile(r"\[ *\]")
_FLOW_ITEM = re.compile(
    r" *(?P<v>(?:[^ \-?:,\[\]{}#&*!|>'\"%@`]|-(?=[0-9A-Za-z]))"
    r"(?:[^ :#,\[\]{}]| +(?=[^ :#,\[\]{}]))*"
    rf"|{_DQ}|{_SQ}) *(?P<e>[,\]])"
)
"""One item of a one-line flow sequence and the ``,`` or ``]`` after it."""

_MAP, _SEQ, _INDENTLESS = 0, 1, 2
"""Kinds of block collection (an indentless sequence stands at its parent mapping's column)."""
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_SLOW = " -?:,[]{}#&*!|>'\"%@`"
"""First characters left to the general reading: a space and YAML's indicators."""


def _flow(line: str, lineno: int, at: int) -> Pos | None:
    """The one-line flow sequence starting at ``line[at] == "["``, to the end of the line."""
    items: list[Pos] = []
    m = _FLOW_EMPTY.match(line, at)
    if m is not None:
        close = m.end()
    else:
        j = at + 1
        while True:
            m = _FLOW_ITEM.match(line, j)
            if m is None:
                return None
            items.append(Pos(lineno, m.start("v") + 1, lineno, m.end("v") + 1))
            j = m.end()
            if m.group("e") == "]":
                break
        close = j
    if _AFTER.match(line, close) is None:
        return None
    pos = Pos(lineno, at + 1, lineno, close + 1)
    pos.items = items
    return pos


def _value(
    line: str, lineno: int, at: int, lines: list[str], col: int, offset: int
) -> tuple[Pos, int, bool] | None:
    """The value starting at ``line[at]`` (not a collection written on later lines).

    Returns its position, the number (1-based) of the last line it takes up (``lineno``, or the
    last line a block scalar consumed), and whether it is a plain scalar that may go on on the
    next line. ``col`` is the column of the collection holding the value (libyaml's current
    indentation); ``lines[0]`` is line ``offset + 1`` of the text.
    """
    ch = line[at]
    if ch == "[":
        pos = _flow(line, lineno, at)
        return None if pos is None else (pos, lineno, False)
    if ch == '"' or ch == "'":
        m = _QUOTED.match(line, at)
        if m is None:
            return None
        return Pos(lineno, at + 1, lineno, m.end("v") + 1), lineno, False
    if ch == "|" or ch == ">":
        if _BLOCK.match(line, at) is None:
            return None
        return _block(lines, lineno, at, col, offset)
    m = _PLAIN.match(line, at)
    if m is None:
        return None
    return Pos(lineno, at + 1, lineno, m.end("v") + 1), lineno, not m.group("t")


def _block(
    lines: list[str], lineno: int, at: int, col: int, offset: int
) -> tuple[Pos, int, bool] | None:
    """A block scalar whose header stands at ``at`` on line ``lineno`` (1-based, of the text;
    ``lines[0]`` is line ``offset + 1``)."""
    n = len(lines)
    j = lineno - offset  # the index in ``lines`` of the line after the header
    blank = 0  # the longest leading blank line: libyaml takes it into the indentation
    while j < n:
        body = lines[j].lstrip(" ")
        if body:
            break
        blank = max(blank, len(lines[j]))
        j += 1
    else:
        return None  # no content: an empty scalar, left to the exact reader
    indent = len(lines[j]) - len(body)
    if indent <= col or indent < blank:
        return None  # no content line (libyaml would scan an empty scalar)
    j += 1
    while j < n:
        text = lines[j]
        body = text.lstrip(" ")
        if body and len(text) - len(body) < indent:
            break
        j += 1
    if j < n:
        return Pos(lineno, at + 1, j + offset + 1, 1), j + offset, False
    n += offset
    last = lines[-1]
    if last.lstrip(" ") or len(last) > indent:
        return Pos(lineno, at + 1, n, len(last) + 1), n, False
    return Pos(lineno, at + 1, n, 1), n, False


def locate(text: str) -> Pos | None:
    """The position tree of the first document of ``text``, or None outside the subset.

    When not None, the result equals ``parse_text(text).pos`` node for node (lines, columns,
    ends, keys and items), and the exact reader reports no problem for ``text``.
    """
    if len(text) >= MAX_SCALAR or _BAD.search(text) is not None:
        return None
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None  # a lone CR is a line break for libyaml
        text = text.replace("\r\n", "\n")
    return _locate(text.split("\n"), 0, MAX_LOCATED_DEPTH, None)


def _locate(
    lines: list[str], offset: int, limit: int, follow: tuple[int, int] | None
) -> Pos | None:
    """The position tree of the lines, the first being line ``offset + 1`` of the text.

    ``limit`` bounds the nesting (the collections around the lines count against
    :data:`MAX_LOCATED_DEPTH`). ``follow`` is the mark (line, column) of the token that follows
    the lines, where every collection still open ends; None when the lines run to the end of
    the text (then the last one is the text's last line, empty after a final line break).
    The checks of :func:`locate` on the text itself (length, characters, line breaks) are the
    caller's.
    """
    n = len(lines)

    # The innermost open block collection ("top": column (0-based), kind, node, keys, items)
    # and, on the stack, the ones around it; at the bottom a sentinel at column -1.
    nokeys: dict[str, Pos] = {}
    titems: Any = None  # a dict (mapping) or a list (sequence)
    nitems: Any = None  # ... and those of a collection being opened
    nkeys: dict[str, Pos]
    tcol, tkind, tnode, tkeys = -1, _MAP, Pos(0, 0), nokeys
    stack: list[tuple[int, int, Pos, dict[str, Pos], Any]] = []
    root: Pos | None = None
    started = False  # a "---" line was seen
    pending = False  # the last entry has no value on its line (``key:`` or ``-``)
    pend_line = pend_col = 0  # where its empty scalar stands (1-based)
    pend_key = ""
    plain: Pos | None = None  # the last plain scalar, while it may go on on the next line
    plain_col = 0  # ... and the column its continuation lines must be deeper than
    end_line = 0  # where a "..." line ends the document (1-based, column 1)

    skip = 0  # the lines up to this one (1-based) belong to a block scalar already read
    for i, line in enumerate(lines, offset + 1):
        if i <= skip:
            continue
        body = line.lstrip(" ")
        if not body:
            continue
        c0 = body[0]
        if c0 == "#":
            plain = None
            continue
        ind = len(line) - len(body)
        if plain is not None:
            if ind > plain_col:  # a continuation line of the plain scalar
                m = _CONT.match(line, ind)
                if m is None:
                    return None
                plain.end_line = i
                plain.end_column = m.end(1) + 1
                if m.group(2):
                    plain = None  # a comment ends the scalar
                continue
            plain = None
        if ind == 0 and c0 in "-." and line[:3] in ("---", "...") and line[3:4] in ("", " "):
            if _AFTER.match(line, 3) is None:
                return None
            if c0 == "-":
                if root is not None or started:
                    return None  # a second document
                started = True
                continue
            if root is None:
                return None
            for rest in lines[i - offset :]:
                stripped = rest.lstrip(" ")
                if stripped and stripped[0] != "#":
                    return None
            end_line = i
            break
        dash = c0 == "-" and (len(body) == 1 or body[1] == " ")

        # Where the line's first node goes: below a pending entry, or among the top's entries
        # after closing the deeper collections.
        if pending:
            pending = False
            if ind > tcol or (ind == tcol and dash and tkind == _MAP):
                if not dash and _KEY.match(line, ind) is None:
                    return None
                if len(stack) >= limit:
                    return None
                node = Pos(i, ind + 1)
                if dash:
                    node.items = nitems = []
                    nkeys = nokeys
                    nkind = _INDENTLESS if ind == tcol else _SEQ
                else:
                    node.keys = nkeys = {}
                    node.items = nitems = {}
                    nkind = _MAP
                if tkind == _MAP:
                    titems[pend_key] = node
                else:
                    titems.append(node)
                stack.append((tcol, tkind, tnode, tkeys, titems))
                tcol, tkind, tnode, tkeys, titems = ind, nkind, node, nkeys, nitems
            elif tkind == _MAP:
                titems[pend_key] = Pos(pend_line, pend_col)
            else:
                titems.append(Pos(pend_line, pend_col))
        elif root is None:
            if not dash and _KEY.match(line, ind) is None:
                return None
            root = Pos(i, ind + 1)
            if dash:
                root.items = nitems = []
                nkeys = nokeys
                nkind = _SEQ
            else:
                root.keys = nkeys = {}
                root.items = nitems = {}
                nkind = _MAP
            stack.append((tcol, tkind, tnode, tkeys, titems))
            tcol, tkind, tnode, tkeys, titems = ind, nkind, root, nkeys, nitems
        if tcol != ind or (tkind == _INDENTLESS and not dash):
            while tcol > ind:
                tnode.end_line = i
                tnode.end_column = ind + 1
                tcol, tkind, tnode, tkeys, titems = stack.pop()
            if tkind == _INDENTLESS and tcol == ind and not dash:
                tnode.end_line = i
                tnode.end_column = ind + 1
                tcol, tkind, tnode, tkeys, titems = stack.pop()
            if tcol != ind:
                return None  # deeper than the top (or shallower than the root)

        # The common lines, checked with string methods only: ``key: plain value``, ``key:``,
        # ``- plain value`` and ``- key: ...`` with a plain key that is an identifier. Anything
        # else, or any doubt, goes on to the general reading below, from column c.
        c = ind
        kb = ""  # the text from the column of a key to read here
        if tkind:
            if dash:
                rest = body[2:]
                if rest[:1] not in _SLOW:
                    if ":" not in rest:
                        if " #" not in rest and rest[-1] != " ":
                            item = Pos(i, ind + 3, i, len(line) + 1)
                            titems.append(item)
                            plain = item
                            plain_col = ind
                            continue
                    elif len(stack) < limit and (
                        rest.partition(": ")[0].isidentifier()
                        or (rest[-1] == ":" and rest[:-1].isidentifier())
                    ):
                        c = ind + 2
                        node = Pos(i, c + 1)
                        node.keys = nkeys = {}
                        node.items = nitems = {}
                        titems.append(node)
                        stack.append((tcol, tkind, tnode, tkeys, titems))
                        tcol, tkind, tnode, tkeys, titems = c, _MAP, node, nkeys, nitems
                        kb = rest
        elif c0 not in _SLOW:
            kb = body
        if kb:
            key, sep, value = kb.partition(": ")
            if sep:
                if (
                    key.isidentifier()
                    and value[:1] not in _SLOW
                    and value[-1] not in " :"
                    and ": " not in value
                    and " #" not in value
                ):
                    if key in _NULLS:
                        key = ""
                    if key in tkeys:
                        return None
                    end = len(line)
                    start = end - len(value)
                    tkeys[key] = Pos(i, c + 1, i, start - 1)
                    item = Pos(i, start + 1, i, end + 1)
                    titems[key] = item
                    plain = item
                    plain_col = c
                    continue
            elif kb[-1] == ":":
                key = kb[:-1]
                if key.isidentifier():
                    if key in _NULLS:
                        key = ""
                    if key in tkeys:
                        return None
                    end = len(line)
                    tkeys[key] = Pos(i, c + 1, i, end)
                    pending = True
                    pend_line = i
                    pend_col = end + 1
                    pend_key = key
                    continue

        # The general reading: "- " prefixes open compact collections, then a key or a value.
        while True:
            if tkind:
                if line[c] != "-" or line[c + 1 : c + 2] not in ("", " "):
                    return None
                d = c + 1
                while line[d : d + 1] == " ":
                    d += 1
                if d == len(line) or line[d] == "#":
                    pending = True
                    pend_line = i
                    pend_col = c + 2
                    break
                if line[d] == "-" and line[d + 1 : d + 2] in ("", " "):
                    node = Pos(i, d + 1)
                    node.items = nitems = []
                    nkeys = nokeys
                    nkind = _SEQ
                elif _KEY.match(line, d) is not None:
                    node = Pos(i, d + 1)
                    node.keys = nkeys = {}
                    node.items = nitems = {}
                    nkind = _MAP
                else:
                    value_at = _value(line, i, d, lines, tcol, offset)
                    if value_at is None:
                        return None
                    pos, skip, open_plain = value_at
                    titems.append(pos)
                    if open_plain:
                        plain = pos
                        plain_col = tcol
                    break
                if len(stack) >= limit:
                    return None
                titems.append(node)
                stack.append((tcol, tkind, tnode, tkeys, titems))
                tcol, tkind, tnode, tkeys, titems = d, nkind, node, nkeys, nitems
                c = d
                continue
            m = _KEY.match(line, c)
            if m is None:
                return None
            colon = m.start("c")
            if colon - c > MAX_KEY:
                return None
            key = m.group("p")
            if key is not None:
                key_end = c + len(key)
                if key in _NULLS:
                    key = ""
            else:
                key_end = colon
                while line[key_end - 1] == " ":
                    key_end -= 1
                key = m.group("d")
                if key is None:
                    key = m.group("s").replace("''", "'")
            if key in tkeys:
                return None  # a duplicate key: the exact reader reports it
            tkeys[key] = Pos(i, c + 1, i, key_end + 1)
            v = m.end()
            if v == len(line) or line[v] == "#":
                pending = True
                pend_line = i
                pend_col = colon + 2
                pend_key = key
                break
            value_at = _value(line, i, v, lines, tcol, offset)
            if value_at is None:
                return None
            pos, skip, open_plain = value_at
            titems[key] = pos
            if open_plain:
                plain = pos
                plain_col = tcol
            break

    if root is None:
        return None
    if pending:
        if tkind == _MAP:
            titems[pend_key] = Pos(pend_line, pend_col)
        else:
            titems.append(Pos(pend_line, pend_col))
    frames = [(col, node) for col, _, node, _, _ in stack[1:]]
    frames.append((tcol, tnode))
    if end_line:  # a "..." line
        follow = (end_line, 1)
    if follow is not None:  # a "..." line, or the token after the lines
        for _, node in frames:
            node.end_line, node.end_column = follow
        return root
    # The stream end. Without a final line break, libyaml's mark stands at the end of the last
    # line (after its spaces or comment): the collections deeper than that column end there,
    # the others on the next line, column 1.
    last = len(lines[-1])
    n += offset
    for col, node in frames:
        if col > last:
            node.end_line = n
            node.end_column = last + 1
        else:
            node.end_line = n + 1 if last else n
            node.end_column = 1
    return root


# --- one element at a time ---------------------------------------------------------------------

_BREAKS = re.compile("[\x85\u2028\u2029\ufeff]")
"""Non-ASCII characters that move libyaml's line or column count (checked in the whole text)."""
_GAP = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*([ ]*)")
"""Blank and comment lines, then the indentation of the next line."""
_TOP = re.compile(r"\n[^ \n#]")
"""The first character of a line at column 1 that is neither blank nor a comment."""
_SECTION = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?:(| +| +#[^\n]*)(?=\n|\Z)| )")
"""A top-level key (an identifier): with nothing but a comment after it (group 2 set), or with
a value on its line."""
_DASHES: dict[int, re.Pattern[str]] = {}
"""Per column: the ``-`` starting an entry of a block sequence at that column (0-based)."""
_KEY_LINES: dict[int, re.Pattern[str]] = {}
"""Per column: a line starting at that column (0-based) that is not blank, a comment or an entry
of a block sequence."""
_COLON = (": ", ":\n", ":")
"""What may follow a plain key written at the end of a text's slice: its ``:`` and a space, a
line break or nothing (the end of the text)."""
_FIRST_KEY = re.compile(r"- +(?=[A-Za-z_][A-Za-z0-9_]*:(?: |\n|\Z))")
"""An entry of a block sequence whose value is a mapping with a plain key on the same line."""


def _dashes(column: int) -> re.Pattern[str]:
    found = _DASHES.get(column)
    if found is None:
        found = _DASHES[column] = re.compile(rf"\n {{{column}}}-(?=[ \n]|\Z)")
    return found


def _key_lines(column: int) -> re.Pattern[str]:
    found = _KEY_LINES.get(column)
    if found is None:
        found = _KEY_LINES[column] = re.compile(rf"\n {{{column}}}(?:[^ \n#-]|-[^ \n])")
    return found


class Outline:
    """Where each item of each top-level block sequence of a text starts, and the data read
    from the text; built by :func:`outline`, which says when it can be trusted."""

    __slots__ = ("data", "sections", "text")

    def __init__(
        self, text: str, data: dict[Any, Any], sections: dict[str, tuple[int, list[int], int]]
    ) -> None:
        self.text = text
        self.data = data
        self.sections = sections
        """Per top-level key with items: the column (0-based) of its sequence, the offset of
        the line of each item's ``-``, and the offset where the section ends (the next
        top-level key, or the end of the text)."""

    def _span(self, section: str, index: int) -> tuple[int, int, int, tuple[int, int] | None]:
        """Where item ``index`` of ``section`` stands: the offsets of its first line and of
        the line after it, the number of lines before it, and the mark of the token after it
        (None when it runs to the end of the text)."""
        column, starts, stop = self.sections[section]
        text = self.text
        start = starts[index]
        if index + 1 < len(starts):
            stop = starts[index + 1]
        else:
            column = 0  # the next top-level key, if any
        offset = text.count("\n", 0, start)
        follow = None
        if stop < len(text):  # the item ends with a line break, before the next token's line
            follow = (offset + text.count("\n", start, stop) + 1, column + 1)
        return start, stop, offset, follow

    def element(self, section: str, index: int) -> Pos | None:
        """The position tree of item ``index`` of the sequence under ``section``, located from
        the item's own lines; None when there is no such item or it is outside the subset
        :func:`locate` reads.

        The tree equals ``parse_text(text).pos.find((section, index))`` under the conditions
        :func:`outline` states.
        """
        found = self.sections.get(section)
        if found is None or not 0 <= index < len(found[1]):
            return None
        start, stop, offset, follow = self._span(section, index)
        fragment = self.text[start:stop]
        if _BAD.search(fragment) is not None:
            return None
        tree = _locate(fragment.split("\n"), offset, MAX_LOCATED_DEPTH - 1, follow)
        if tree is None or not isinstance(tree.items, list) or len(tree.items) != 1:
            return None
        return tree.items[0]

    def item(self, section: str, index: int, fallback: Callable[[], Pos]) -> Pos | None:
        """Item ``index`` of the sequence under ``section``, as a node whose children are
        located when first asked for (see :class:`_Item`); None when there is no such item.

        ``fallback`` gives the item's node from the whole file's tree, for when locating the
        item's own lines is not possible. The node is the one :meth:`element` gives when the
        item is not a mapping written in the common way (``- key: ...``).
        """
        found = self.sections.get(section)
        if found is None or not 0 <= index < len(found[1]):
            return None
        value = self.data[section][index]
        start, stop, offset, follow = self._span(section, index)
        text = self.text
        first = _FIRST_KEY.match(text, start + found[0])
        if not isinstance(value, dict) or first is None:
            return self.element(section, index) or fallback()
        column = first.end() - start
        if follow is not None:
            end = follow
        else:  # libyaml's stream end (see :func:`_locate`)
            n = text.count("\n") + 1
            last = len(text) - text.rfind("\n") - 1
            end = (n, last + 1) if column > last else (n + 1 if last else n, 1)
        node = _Item(offset + 1, column + 1, end)
        node._text = text
        node._span = (start, stop, offset, follow)
        node._data = value
        node._expand = lambda: self.element(section, index) or fallback()
        return node


class _Item(Pos):
    """A mapping item of a top-level sequence, whose children are located when first asked.

    Its own marks (start, end) come from the outline. :meth:`find` (and :meth:`child`,
    :meth:`key`) with a path that starts with a key of the mapping locate only that key's
    lines: from the key's line (at the mapping's column) to the next key's line, or the end
    of the item. That is exact when the key lines found at the mapping's column are as many as
    the item's keys in the data (a line that looks like a key inside a multi-line quoted scalar
    would be one too many) and the key is written plainly (``name:``); otherwise, and whenever
    ``keys`` or ``items`` is read, the whole item is located (``_expand``), as
    :meth:`Outline.element` does, or taken from the whole file's tree.
    """

    __slots__ = ("_data", "_entries", "_expand", "_full", "_span", "_text", "_trusted")

    _text: str
    _span: tuple[int, int, int, tuple[int, int] | None]
    _data: dict[Any, Any]
    _expand: Callable[[], Pos]

    def __init__(self, line: int, column: int, end: tuple[int, int]) -> None:
        self.line = line
        self.column = column
        self.end_line, self.end_column = end
        self._full: Pos | None = None
        self._trusted: bool | None = None
        self._entries: dict[str, tuple[Pos, Pos] | None] = {}

    def _whole(self) -> Pos:
        full = self._full
        if full is None:
            full = self._full = self._expand()
        return full

    @property
    def keys(self) -> dict[str, Pos] | None:
        return self._whole().keys

    @keys.setter
    def keys(self, value: dict[str, Pos] | None) -> None:
        self._whole().keys = value

    @property
    def items(self) -> dict[str, Pos] | list[Pos] | None:
        return self._whole().items

    @items.setter
    def items(self, value: dict[str, Pos] | list[Pos] | None) -> None:
        self._whole().items = value

    def _entry(self, name: str) -> tuple[Pos, Pos] | Literal[False] | None:
        """The key and value of ``name`` (None when the item has no such key), or False when
        only the whole item can tell (it is then located)."""
        if self._full is not None:
            return False
        if name in self._entries:
            return self._entries[name]
        found = self._locate_entry(name)
        if found is False:
            self._whole()
        else:
            self._entries[name] = found
        return found

    def _locate_entry(self, name: str) -> tuple[Pos, Pos] | Literal[False] | None:
        data = self._data
        text = self._text
        start, stop, offset, follow = self._span
        indent = self.column - 1
        first = start + indent  # the first key, on the line of the item's "-"
        lines = _key_lines(indent)
        if name not in data:
            # Absent (whatever the text holds: the data is the text's), unless the data holds
            # it under another type (``1:`` read as a number).
            return None if all(type(k) is str for k in data) else False
        size = len(name)
        if text.startswith(name, first) and text[first + size : first + size + 2] in _COLON:
            # The first key, on the line of the item's "-": a real token (the outline checked
            # the item's "-"), so no key line needs counting when the field is on that line
            # alone (see :meth:`_one_line`: the next line is then a real token too, as nothing
            # is open at the end of this one).
            at = start
            found = self._one_line(name, text, at, stop, indent)
            if found is not None:
                return found
        else:
            at = -1
        if self._trusted is None:
            self._trusted = len(lines.findall(text, first, stop)) + 1 == len(data)
        if not self._trusted:
            return False  # a key line too many (or too few): only the whole item can tell
        if at < 0:
            target = "\n" + " " * indent + name + ":"
            at = text.find(target, first, stop)
            while at >= 0 and text[at + len(target) : at + len(target) + 1] not in ("", " ", "\n"):
                at = text.find(target, at + 1, stop)
            if at < 0:
                return False  # not written plainly
            at += 1
            found = self._one_line(name, text, at, stop, indent)
            if found is not None:
                return found
        after = lines.search(text, at + indent, stop)
        b = stop if after is None else after.start() + 1
        chunk = text[at:b]
        if _BAD.search(chunk) is not None:
            return False
        base = offset + text.count("\n", start, at)
        mark = follow if after is None else (base + chunk.count("\n") + 1, self.column)
        tree = _locate(chunk.split("\n"), base, MAX_LOCATED_DEPTH - (1 if at == start else 2), mark)
        if tree is not None and at == start:
            tree = tree.items[0] if isinstance(tree.items, list) and len(tree.items) == 1 else None
        if tree is None or tree.keys is None or len(tree.keys) != 1 or name not in tree.keys:
            return False
        assert isinstance(tree.items, dict)
        return tree.keys[name], tree.items[name]

    def _one_line(
        self, name: str, text: str, at: int, stop: int, indent: int
    ) -> tuple[Pos, Pos] | None:
        """The key and value of field ``name`` when it is written on one line alone, the line
        at offset ``at`` of ``text`` (a real token of the item ending at ``stop``), with the key
        at column ``indent`` (0-based); None when only :func:`_locate` can tell.

        The field's lines are this line alone when the next line is the next key at the
        mapping's column, or the end of the item (a blank or comment line, or anything else,
        is left to :func:`_locate`). Then the field is its key
        (``name:``, an identifier, so a plain key that is never a null) and the value written
        after it on the line, which nothing on later lines can change: an empty value is an
        empty scalar at the end of the ``:`` token (the next token is at the mapping's column
        or less, so nothing is nested under the key), and a scalar or a flow sequence ends on
        its line (a plain scalar could only go on on deeper lines, and there are none). The
        value is read by :func:`_value`, the reading :func:`_locate` uses, or, for a plain
        value with none of YAML's indicators, by the string checks of :func:`_locate`'s
        common path. A block scalar (which reads the lines after it) and anything refused are
        left to :func:`_locate`.
        """
        eol = text.find("\n", at, stop)
        if eol < 0:  # the last line of a text without a final line break
            eol = stop
        elif eol + 1 != stop and _key_lines(indent).match(text, eol, stop) is None:
            return None  # more lines, or a blank or comment line
        if not name.isidentifier() or name in _NULLS or len(name) > MAX_KEY:
            return None
        line = text[at:eol]
        if _BAD.search(line) is not None:
            return None
        colon = indent + len(name)  # the caller found ``name`` there, then ":" and " " or "\n"
        i = self._span[2] + text.count("\n", self._span[0], at) + 1
        rest = line[colon + 1 :]
        value = rest.lstrip(" ")
        v = len(line) - len(value)
        if not value or value[0] == "#":
            if value and v == colon + 1:
                return None  # "name:#..." (not reached: the caller wants a space after ":")
            item = Pos(i, colon + 2)
        elif (
            value[0] not in _SLOW
            and value[-1] not in " :"
            and ": " not in value
            and " #" not in value
        ):
            item = Pos(i, v + 1, i, len(line) + 1)
        elif value[0] in "|>":
            return None
        else:
            found = _value(line, i, v, [line], indent, i - 1)
            if found is None:
                return None
            item = found[0]
        return Pos(i, indent + 1, i, colon + 1), item

    def find(self, path: Sequence[str | int], *, key: bool = False) -> Pos:
        if not path or not isinstance(path[0], str):
            return Pos.find(self, path, key=key)
        found = self._entry(path[0])
        if found is False:
            return Pos.find(self, path, key=key)
        if found is None:
            return self
        if key and len(path) == 1:
            return found[0]
        return found[1].find(path[1:], key=key)

    def child(self, part: str | int) -> Pos | None:
        if isinstance(part, str):
            found = self._entry(part)
            if found is None:
                return None
            if found is not False:
                return found[1]
        return Pos.child(self, part)

    def key(self, name: str) -> Pos | None:
        found = self._entry(name)
        if found is None:
            return None
        if found is not False:
            return found[0]
        return Pos.key(self, name)


def outline(text: str, data: Any) -> Outline | None:
    """The outline of ``text``, whose data (as read without positions) is ``data``; None when
    its item boundaries cannot be trusted.

    See the module docstring ("One element at a time") for what is checked and why.
    """
    if len(text) >= MAX_SCALAR or not isinstance(data, dict):
        return None
    if not text.isascii() and _BREAKS.search(text) is not None:
        return None
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    size = len(text)
    lead = _GAP.match(text)
    assert lead is not None  # it matches the empty string
    first = lead.end()
    if first == size or lead.group(1):
        return None  # no document, or a root not at column 1
    tops = [first]
    tops.extend(m.start() + 1 for m in _TOP.finditer(text, first))
    tops.append(size)

    sections: dict[str, tuple[int, list[int], int]] = {}
    names: list[str] = []
    name = ""
    column = 0
    items: list[int] = []
    block = False  # entries at column 1 may follow (the key's value is on the next lines)
    for k in range(len(tops) - 1):
        at = tops[k]
        if text[at] == "-" and text[at + 1 : at + 2] in ("", " ", "\n"):
            if not block:
                return None  # an entry after a value on the key's line, or before any key
            items.append(at)
            continue
        if names:
            sections[name] = (column, items, at)
        m = _SECTION.match(text, at)
        if m is None:
            return None
        name = m.group(1)
        if name in sections or name in _NULLS:
            return None
        names.append(name)
        items = []
        column = 0
        block = m.group(2) is not None
        if block and m.end() < size:
            gap = _GAP.match(text, m.end() + 1)
            assert gap is not None  # it matches the empty string
            after = gap.end()
            if after < tops[k + 1]:
                # The value starts on an indented line: a sequence there, or something else.
                if text[after] == "-" and text[after + 1 : after + 2] in ("", " ", "\n"):
                    column = after - gap.start(1)
                    pattern = _dashes(column)
                    items = [d.start() + 1 for d in pattern.finditer(text, m.end(), tops[k + 1])]
                block = False  # no entry may follow at column 1
    if names:
        sections[name] = (column, items, size)
    # The top-level sequences must hold as many entries as the data has items (a line that
    # looks like an entry or a key may stand inside a multi-line quoted scalar or flow
    # collection: it would be one too many), and the keys must be the data's.
    if names != list(data):
        return None
    for name, (_, items, _) in list(sections.items()):
        value = data[name]
        if len(items) != (len(value) if isinstance(value, list) else 0):
            return None
        if not items:
            del sections[name]
    return Outline(text, data, sections)
