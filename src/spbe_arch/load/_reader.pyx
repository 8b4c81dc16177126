# cython: language_level=3, embedsignature=True
"""The one YAML reader, in compiled code: libyaml's event stream to data and positions.

libyaml 0.2.5 (vendored unmodified under ``_libyaml/``) parses the UTF-8 of the text; this
module walks its ``yaml_event_t`` structs directly, without a Python object per event, and
builds plain data (dict, list, str, None), the optional position tree (``Pos``) and the list of
problem records. The rules it applies are those documented in ``load/yamltext.py`` and
docs/architecture.md ("Satu pembaca YAML"); the message texts (Bahasa Indonesia and English)
are written in ``yamltext.py`` from the records returned here, so that they live in one place.

A record is a tuple ``(kind, line, column, path, argument)``, line and column 1-based:

``tag``        a tag outside the core schema (argument: the tag)
``long``       a scalar longer than the limit (argument: its length in characters)
``deep``       nesting deeper than the limit
``alias``      an alias to an undefined anchor (argument: the name)
``bomb``       aliases expanding to more nodes than the limit
``documents``  a second document
``key``        a mapping or list used as a key
``duplicate``  a key written twice (argument: ``(key, first line)``)
``spec``       a libyaml departure from YAML 1.2 (argument: a key of ``yamltext._SPEC``)
``refusal``    valid YAML libyaml reads wrongly (argument: a key of ``syntax.REFUSALS``)

libyaml's ``mark.index`` counts characters (a CR LF pair counts two), as Python's ``str``
indexes do, so the marks index ``text`` directly.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport memcmp

import yaml

from spbe_arch.positions import Pos


cdef extern from "Python.h":
    const char *PyUnicode_AsUTF8AndSize(object text, Py_ssize_t *size) except NULL


cdef extern from "yaml.h":
    ctypedef unsigned char yaml_char_t

    ctypedef enum yaml_error_type_t:
        YAML_NO_ERROR
        YAML_MEMORY_ERROR
        YAML_READER_ERROR
        YAML_SCANNER_ERROR
        YAML_PARSER_ERROR

    ctypedef enum yaml_event_type_t:
        YAML_NO_EVENT
        YAML_STREAM_START_EVENT
        YAML_STREAM_END_EVENT
        YAML_DOCUMENT_START_EVENT
        YAML_DOCUMENT_END_EVENT
        YAML_ALIAS_EVENT
        YAML_SCALAR_EVENT
        YAML_SEQUENCE_START_EVENT
        YAML_SEQUENCE_END_EVENT
        YAML_MAPPING_START_EVENT
        YAML_MAPPING_END_EVENT

    ctypedef enum yaml_scalar_style_t:
        YAML_ANY_SCALAR_STYLE
        YAML_PLAIN_SCALAR_STYLE
        YAML_SINGLE_QUOTED_SCALAR_STYLE
        YAML_DOUBLE_QUOTED_SCALAR_STYLE
        YAML_LITERAL_SCALAR_STYLE
        YAML_FOLDED_SCALAR_STYLE

    ctypedef enum yaml_sequence_style_t:
        YAML_FLOW_SEQUENCE_STYLE

    ctypedef enum yaml_mapping_style_t:
        YAML_FLOW_MAPPING_STYLE

    ctypedef struct yaml_mark_t:
        size_t index
        size_t line
        size_t column

    ctypedef struct yaml_version_directive_t:
        int major
        int minor

    ctypedef struct yaml_tag_directive_t:
        yaml_char_t *handle
        yaml_char_t *prefix

    ctypedef struct _tag_directives_t:
        yaml_tag_directive_t *start
        yaml_tag_directive_t *end

    ctypedef struct _document_start_t:
        yaml_version_directive_t *version_directive
        _tag_directives_t tag_directives

    ctypedef struct _alias_t:
        yaml_char_t *anchor

    ctypedef struct _scalar_t:
        yaml_char_t *anchor
        yaml_char_t *tag
        yaml_char_t *value
        size_t length
        yaml_scalar_style_t style

    ctypedef struct _sequence_start_t:
        yaml_char_t *anchor
        yaml_char_t *tag
        yaml_sequence_style_t style

    ctypedef struct _mapping_start_t:
        yaml_char_t *anchor
        yaml_char_t *tag
        yaml_mapping_style_t style

    ctypedef union _event_data_t:
        _document_start_t document_start
        _alias_t alias
        _scalar_t scalar
        _sequence_start_t sequence_start
        _mapping_start_t mapping_start

    ctypedef struct yaml_event_t:
        yaml_event_type_t type
        _event_data_t data
        yaml_mark_t start_mark
        yaml_mark_t end_mark

    ctypedef struct yaml_parser_t:
        yaml_error_type_t error
        const char *problem
        size_t problem_offset
        int problem_value
        yaml_mark_t problem_mark
        const char *context
        yaml_mark_t context_mark

    const char *yaml_get_version_string()
    int yaml_parser_initialize(yaml_parser_t *parser)
    void yaml_parser_delete(yaml_parser_t *parser)
    void yaml_parser_set_input_string(yaml_parser_t *parser, const unsigned char *input,
                                      size_t size)
    int yaml_parser_parse(yaml_parser_t *parser, yaml_event_t *event) nogil
    void yaml_event_delete(yaml_event_t *event)


LIBYAML_VERSION = yaml_get_version_string().decode("ascii")
"""The version of the vendored libyaml ("0.2.5")."""

_STREAM_NAME = "<unicode string>"
_NULL_TAG = "tag:yaml.org,2002:null"
_CORE_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq",
        "!",
    }
)
_INVALID_KEY = "\x00invalid"
"""The key of a mapping entry whose key was a collection (its value is dropped)."""
_NO_PART = object()
_ANCHOR_END = ("", " ", "\t", "\n", "\r", ",", "]", "}")
_QMARK_BEFORE = ("", " ", "\t", "\n", "[", "{", ",")


class _Abort(Exception):
    """Stops building a document after a fatal problem has been recorded."""


cdef inline str _text(const yaml_char_t *value):
    """A NUL-terminated UTF-8 string of libyaml (an anchor or an alias) as text."""
    return (<const char *>value).decode("utf-8")


cdef inline str _tag(const yaml_char_t *value):
    """A tag as text. libyaml decodes a tag's URI escapes (``!<%C0%80>``) into bytes it checks
    only loosely, so an overlong or surrogate sequence becomes U+FFFD: the tag is then reported
    like any other (PyYAML's decoding raised UnicodeDecodeError out of the reader)."""
    return (<const char *>value).decode("utf-8", "replace")


cdef inline bint _is_null(const yaml_char_t *value, size_t length) noexcept:
    """Whether a plain scalar's text is one of ``""``, ``~``, ``null``, ``Null``, ``NULL``."""
    if length == 0:
        return True
    if length == 1:
        return value[0] == b"~"
    if length == 4:
        return (memcmp(value, b"null", 4) == 0 or memcmp(value, b"Null", 4) == 0
                or memcmp(value, b"NULL", 4) == 0)
    return False


cdef inline bint _indicator(const yaml_char_t *value, size_t length) noexcept:
    """Whether a scalar's text starts with ``-``, ``?`` or ``:``."""
    return length > 0 and (value[0] == b"-" or value[0] == b"?" or value[0] == b":")


def _glued(str text):
    """Whether a ``#`` follows a closing quote or bracket or a comma (``"a"#x``, ``]#x``,
    ``a,#x``) anywhere: only then are comments glued to tokens looked for (``>#`` apart)."""
    cdef Py_ssize_t at = text.find("#")
    while at > 0:
        if text[at - 1] in "\"']},":
            return True
        at = text.find("#", at + 1)
    return False


cdef class _Checks:
    """The forms on which libyaml departs from YAML 1.2, checked on the events it gives.

    Each check looks at the characters around one event's marks (character offsets), and only
    for the rare events it concerns (quoted or block scalars, flow collections, anchors), so the
    common block-style file pays one comparison per event.
    """

    cdef str text
    cdef list records
    cdef list _lines
    cdef bint glued
    cdef bint qmark
    cdef Py_ssize_t size

    def __cinit__(self, str text, list records):
        self.text = text
        self.records = records
        self._lines = None
        self.glued = _glued(text)
        self.qmark = "?" in text
        self.size = len(text)

    cdef list lines(self):
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    cdef report(self, str reason, Py_ssize_t line, Py_ssize_t column, bint spec=True):
        self.records.append(("spec" if spec else "refusal", line + 1, column + 1, (), reason))
        raise _Abort

    cdef str char(self, Py_ssize_t index):
        return self.text[index] if 0 <= index < self.size else ""

    cdef name(self, str anchor, Py_ssize_t index, str sigil):
        """An anchor (``&``) or alias (``*``) name that libyaml cut short at a character YAML
        1.2 allows in it (``&a:b`` is the anchor ``a:b``, libyaml reads ``a`` then ``:b``)."""
        cdef str text = self.text
        cdef Py_ssize_t at = text.find(sigil + anchor, index)
        if at < 0:
            return
        if self.char(at + 1 + len(anchor)) not in _ANCHOR_END:
            line = text.count("\n", 0, at)
            self.report("anchor", line, at - text.rfind("\n", 0, at) - 1, spec=False)

    cdef empty_pair(self, yaml_mark_t mark):
        """A pair with an explicit empty key closing a flow sequence (``[?]``, ``[ ? ] ]``):
        libyaml 0.2.5 drops that ``]`` (it then rejects ``[?]`` and accepts ``[ ? ] ]``; fixed
        after 0.2.5, libyaml commit 840b65c), so the form is refused where the ``?`` stands."""
        cdef Py_ssize_t i = mark.index
        cdef str c
        if self.char(i) != "?":
            return
        i += 1
        while True:
            c = self.char(i)
            if c in (" ", "\t", "\r", "\n"):
                i += 1
            elif c == "#":
                while self.char(i) not in ("", "\n"):
                    i += 1
            else:
                break
        if c == "]":
            self.report("flow", mark.line, mark.column, spec=False)

    cdef after(self, yaml_mark_t end):
        """A comment glued to the end of a quoted scalar or flow collection (``"a"#x``, ``]#x``)."""
        if self.char(end.index) == "#":
            self.report("comment", end.line, end.column)

    cdef after_item(self, yaml_mark_t end):
        """A comment glued to the comma after an item of a flow collection (``a,#x``)."""
        cdef Py_ssize_t i = end.index
        cdef str text = self.text
        while self.char(i) in (" ", "\t"):
            i += 1
        if self.char(i) == "," and self.char(i + 1) == "#":
            line = text.count("\n", 0, i + 1)
            self.report("comment", line, i + 1 - text.rfind("\n", 0, i + 1) - 1)

    cdef continued(self, yaml_mark_t start, yaml_mark_t end, Py_ssize_t need):
        """Continuation lines of a multi-line quoted scalar or flow collection indented no more
        than the block collection holding it (libyaml does not check it)."""
        cdef list lines = self.lines()
        cdef Py_ssize_t row
        cdef str line, rest
        for row in range(<Py_ssize_t>start.line + 1,
                         min(<Py_ssize_t>end.line, len(lines) - 1) + 1):
            line = lines[row]
            rest = line.lstrip(" ")
            if not rest.strip() or rest[0] in "]}":
                continue  # blank, or a closing bracket (commonly written at the key's column)
            if len(line) - len(rest) < need:
                self.report("indent", row, len(line) - len(rest))

    cdef block(self, yaml_mark_t start, yaml_mark_t end_mark, Py_ssize_t need):
        """A block scalar's header and leading blank lines, and a last line of spaces."""
        cdef str text = self.text
        cdef Py_ssize_t i = start.index + 1
        cdef bint indicator = False
        cdef Py_ssize_t cut, end, row, indent
        while self.char(i) in ("-", "+") or self.char(i).isdigit():
            indicator = indicator or self.char(i).isdigit()
            i += 1
        if self.char(i) == "#":
            self.report("comment", start.line, start.column + i - start.index)
        if not text.endswith("\n"):
            cut = text.rfind("\n") + 1
            last = text[cut:]
            end = end_mark.index
            if last and not last.strip(" ") and end >= cut - 1 and not text[end:].strip():
                self.report("eof", text.count("\n"), 0, spec=False)
        if indicator:
            return
        cdef list lines = self.lines()
        widest = (0, -1)
        for row in range(<Py_ssize_t>start.line + 1, len(lines)):
            line = lines[row].rstrip("\r")
            if line.strip(" "):
                indent = len(line) - len(line.lstrip(" "))
                if indent >= need and widest[0] > indent:
                    self.report("blank", widest[1], 0)
                return
            widest = max(widest, (len(line), row))


cdef class _Frame:
    """One open collection: its container, its position node and what its next child is."""

    cdef object container
    cdef bint sequence
    cdef bint flow
    cdef Py_ssize_t need
    """Spaces a continuation line of a multi-line flow node in it needs (more than the
    indentation of the nearest block collection)."""
    cdef object part
    """This collection's key or index in its parent (``_NO_PART``: the root, or a key)."""
    cdef object key
    cdef Py_ssize_t key_line
    cdef Py_ssize_t key_column
    cdef object key_pos
    cdef dict keys
    """The 1-based line of each key of a mapping (duplicates are reported with both lines)."""
    cdef object items
    cdef object pos
    cdef object anchor
    cdef Py_ssize_t size
    cdef yaml_mark_t start


cdef class _Builder:
    """The state of one reading: the stack of open collections, anchors and records."""

    cdef list stack
    cdef _Frame top
    cdef list records
    cdef _Checks checks
    cdef dict anchors
    cdef bint positions
    cdef Py_ssize_t max_depth
    cdef Py_ssize_t max_expansion
    cdef Py_ssize_t max_scalar
    cdef Py_ssize_t expansion
    cdef object data
    cdef object pos

    cdef tuple frame_path(self, Py_ssize_t depth):
        """The key path of the collection at ``stack[depth]``."""
        cdef list parts = []
        cdef _Frame frame
        cdef Py_ssize_t i
        for i in range(depth + 1):
            frame = self.stack[i]
            if frame.part is not _NO_PART:
                parts.append(frame.part)
        return tuple(parts)

    cdef tuple current_path(self):
        """The key path of the node being read."""
        cdef _Frame frame = self.top
        if frame is None:
            return ()
        path = self.frame_path(len(self.stack) - 1)
        if frame.sequence:
            return (*path, len(frame.container))
        if frame.key is not None:
            return (*path, frame.key)
        return path

    cdef object part(self):
        """What :meth:`current_path` adds to the path of the open collection (``_NO_PART``)."""
        cdef _Frame frame = self.top
        if frame is None:
            return _NO_PART
        if frame.sequence:
            return len(frame.container)
        if frame.key is not None:
            return frame.key
        return _NO_PART

    cdef bint check_tag(self, str tag, yaml_mark_t mark, tuple path):
        if tag in _CORE_TAGS:
            return True
        self.records.append(("tag", mark.line + 1, mark.column + 1, path, tag))
        return False

    cdef object scalar(self, yaml_event_t *event, object value, bint flow):
        """The value of a scalar that is not a plain one in block context (the rare case)."""
        cdef yaml_scalar_style_t style = event.data.scalar.style
        cdef yaml_mark_t mark = event.start_mark
        cdef bint plain = style == YAML_PLAIN_SCALAR_STYLE
        cdef _Checks checks = self.checks
        cdef Py_ssize_t need
        cdef str tag = None
        if event.data.scalar.anchor != NULL:
            checks.name(_text(event.data.scalar.anchor), mark.index, "&")
        if event.data.scalar.tag != NULL:
            tag = _tag(event.data.scalar.tag)
        if (tag is not None and not self.check_tag(tag, mark, self.current_path())) or (
            tag == _NULL_TAG
        ):
            value = None  # a tag refused, or !!null
        elif plain:
            if tag is None and _is_null(event.data.scalar.value, event.data.scalar.length):
                value = None
            elif flow:
                if _indicator(event.data.scalar.value, event.data.scalar.length) and (
                    event.data.scalar.length == 1 or event.data.scalar.value[1] == b" "
                ):
                    checks.report("indicator", mark.line, mark.column)
                if checks.char(<Py_ssize_t>mark.index - 1) == "?" and checks.char(
                    <Py_ssize_t>mark.index - 2
                ) in _QMARK_BEFORE:
                    checks.report("flow", mark.line, <Py_ssize_t>mark.column - 1, spec=False)
        if not plain:
            need = self.top.need if self.top is not None else 0
            if style == YAML_SINGLE_QUOTED_SCALAR_STYLE or style == YAML_DOUBLE_QUOTED_SCALAR_STYLE:
                if checks.glued:
                    checks.after(event.end_mark)
                if event.end_mark.line > mark.line:
                    checks.continued(mark, event.end_mark, need)
            else:
                checks.block(mark, event.end_mark, need)
        if value is not None and len(value) > self.max_scalar:
            self.records.append(
                ("long", mark.line + 1, mark.column + 1, self.current_path(), len(value))
            )
            value = None
        return value

    cdef attach(self, yaml_event_t *event, object value, object pos, Py_ssize_t size,
                bint flow):
        """Attach a finished node (its value, position and size) to the open collection."""
        cdef _Frame frame = self.top
        cdef yaml_mark_t mark
        if frame is None:
            self.data = value
            self.pos = pos
            return
        frame.size += size
        if flow and self.checks.glued:
            self.checks.after_item(event.end_mark)
        if frame.sequence:
            (<list>frame.container).append(value)
            if self.positions:
                (<list>frame.items).append(pos)
            return
        key = frame.key
        if key is None:  # this node is a key
            mark = event.start_mark
            if value is not None and type(value) is not str:
                self.records.append(
                    ("key", mark.line + 1, mark.column + 1, self.frame_path(len(self.stack) - 1),
                     None)
                )
                frame.key = _INVALID_KEY
            else:
                frame.key = "" if value is None else value
            frame.key_line = mark.line
            frame.key_column = mark.column
            frame.key_pos = pos
            return
        frame.key = None
        if key is _INVALID_KEY:
            return
        keys = frame.keys
        first = keys.get(key)
        if first is not None:
            self.records.append(
                ("duplicate", frame.key_line + 1, frame.key_column + 1,
                 (*self.frame_path(len(self.stack) - 1), key), (key, first))
            )
            return
        keys[key] = frame.key_line + 1
        if self.positions:
            (<dict>frame.items)[key] = pos
            frame.pos.keys[key] = frame.key_pos
        if value is not None:  # null, ~ or empty: the key is absent (its position is kept)
            (<dict>frame.container)[key] = value

    cdef int run(self, yaml_parser_t *parser, bint long_text) except -1:
        """Read events until the end of the stream (0), a second document (0) or a syntax
        error (1, the parser holds it); a fatal problem raises :class:`_Abort`."""
        cdef yaml_event_t event
        cdef yaml_event_type_t etype
        cdef _Frame frame
        cdef bint flow = False  # whether ``self.top`` is a flow collection
        cdef bint mapping
        cdef Py_ssize_t size, documents = 0
        cdef yaml_mark_t mark, end
        cdef object value, pos, anchor, found
        cdef str name
        cdef _Checks checks = self.checks
        cdef bint positions = self.positions
        while True:
            if not yaml_parser_parse(parser, &event):
                return 1
            try:
                etype = event.type
                if etype == YAML_NO_EVENT:
                    return 0
                pos = None
                if etype == YAML_SCALAR_EVENT:
                    if (
                        event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE
                        or event.data.scalar.anchor != NULL
                        or event.data.scalar.tag != NULL
                        or long_text
                        or (flow and (checks.qmark or _indicator(event.data.scalar.value,
                                                                 event.data.scalar.length)))
                    ):
                        value = PyUnicode_DecodeUTF8(
                            <const char *>event.data.scalar.value,
                            event.data.scalar.length, NULL,
                        )
                        anchor = (_text(event.data.scalar.anchor)
                                  if event.data.scalar.anchor != NULL else None)
                        value = self.scalar(&event, value, flow)
                    else:
                        anchor = None
                        if _is_null(event.data.scalar.value, event.data.scalar.length):
                            value = None
                        else:
                            value = PyUnicode_DecodeUTF8(
                                <const char *>event.data.scalar.value,
                                event.data.scalar.length, NULL,
                            )
                    if positions:
                        pos = Pos(event.start_mark.line + 1, event.start_mark.column + 1,
                                  event.end_mark.line + 1, event.end_mark.column + 1)
                    if anchor is not None:
                        self.anchors[anchor] = (value, pos, 1)
                    self.attach(&event, value, pos, 1, flow)
                elif etype == YAML_MAPPING_START_EVENT or etype == YAML_SEQUENCE_START_EVENT:
                    mapping = etype == YAML_MAPPING_START_EVENT
                    mark = event.start_mark
                    if len(self.stack) >= self.max_depth:
                        self.records.append(("deep", mark.line + 1, mark.column + 1,
                                             self.current_path(), None))
                        raise _Abort
                    if mapping:
                        anchor = (_text(event.data.mapping_start.anchor)
                                  if event.data.mapping_start.anchor != NULL else None)
                        tag = (_tag(event.data.mapping_start.tag)
                               if event.data.mapping_start.tag != NULL else None)
                        flow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                    else:
                        anchor = (_text(event.data.sequence_start.anchor)
                                  if event.data.sequence_start.anchor != NULL else None)
                        tag = (_tag(event.data.sequence_start.tag)
                               if event.data.sequence_start.tag != NULL else None)
                        flow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                    if anchor is not None:
                        checks.name(anchor, mark.index, "&")
                    if tag is not None:
                        self.check_tag(tag, mark, self.current_path())
                    if flow and mapping and self.top is not None and self.top.flow and (
                        self.top.sequence
                    ):
                        checks.empty_pair(mark)
                    frame = _Frame.__new__(_Frame)
                    frame.part = self.part()
                    frame.container = {} if mapping else []
                    frame.sequence = not mapping
                    frame.flow = flow
                    frame.need = (mark.column + 1 if not flow
                                  else (self.top.need if self.top is not None else 0))
                    frame.keys = {} if mapping else None
                    frame.size = 1
                    frame.start = mark
                    frame.anchor = anchor
                    if positions:
                        frame.items = {} if mapping else []
                        frame.pos = Pos(mark.line + 1, mark.column + 1, items=frame.items)
                        if mapping:
                            frame.pos.keys = {}
                    self.stack.append(frame)
                    self.top = frame
                elif etype == YAML_MAPPING_END_EVENT or etype == YAML_SEQUENCE_END_EVENT:
                    frame = self.stack.pop()
                    self.top = self.stack[len(self.stack) - 1] if self.stack else None
                    flow = self.top.flow if self.top is not None else False
                    end = event.end_mark
                    if frame.flow:
                        if checks.glued:
                            checks.after(end)
                        if end.line > frame.start.line:
                            checks.continued(frame.start, end, frame.need)
                    pos = frame.pos
                    if pos is not None:
                        pos.end_line = end.line + 1
                        pos.end_column = end.column + 1
                    if frame.anchor is not None:
                        self.anchors[frame.anchor] = (frame.container, pos, frame.size)
                    self.attach(&event, frame.container, pos, frame.size, flow)
                elif etype == YAML_ALIAS_EVENT:
                    mark = event.start_mark
                    name = _text(event.data.alias.anchor)
                    checks.name(name, mark.index, "*")
                    found = self.anchors.get(name)
                    if found is None:
                        self.records.append(("alias", mark.line + 1, mark.column + 1,
                                             self.current_path(), name))
                        raise _Abort
                    value, pos, size = found
                    self.expansion += size
                    if self.expansion > self.max_expansion:
                        self.records.append(("bomb", mark.line + 1, mark.column + 1,
                                             self.current_path(), None))
                        raise _Abort
                    self.attach(&event, value, pos, size, flow)
                elif etype == YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    mark = event.start_mark
                    if event.data.document_start.version_directive != NULL or (
                        event.data.document_start.tag_directives.start
                        != event.data.document_start.tag_directives.end
                    ):
                        checks.report("directive", 0, 0, spec=False)
                    if documents > 1:
                        self.records.append(("documents", mark.line + 1, mark.column + 1, (),
                                             None))
                        return 0
            finally:
                yaml_event_delete(&event)


cdef object _parser_error(yaml_parser_t *parser):
    """The exception PyYAML's CParser builds for libyaml's error (its ``_parser_error``)."""
    if parser.error == YAML_MEMORY_ERROR:
        return MemoryError()
    if parser.error == YAML_READER_ERROR:
        return yaml.reader.ReaderError(_STREAM_NAME, parser.problem_offset,
                                       parser.problem_value, "?",
                                       parser.problem.decode("utf-8"))
    context_mark = None
    problem_mark = None
    context = None
    if parser.context != NULL:
        context_mark = yaml.Mark(_STREAM_NAME, parser.context_mark.index,
                                 parser.context_mark.line, parser.context_mark.column,
                                 None, None)
        context = parser.context.decode("utf-8")
    if parser.problem != NULL:
        problem_mark = yaml.Mark(_STREAM_NAME, parser.problem_mark.index,
                                 parser.problem_mark.line, parser.problem_mark.column,
                                 None, None)
    problem = parser.problem.decode("utf-8") if parser.problem != NULL else None
    if parser.error == YAML_SCANNER_ERROR:
        return yaml.scanner.ScannerError(context, context_mark, problem, problem_mark)
    return yaml.parser.ParserError(context, context_mark, problem, problem_mark)


def read(str text, bint positions, Py_ssize_t max_depth, Py_ssize_t max_expansion,
         Py_ssize_t max_scalar):
    """Read the first YAML document of ``text``.

    Returns ``(data, pos, records, fatal, error)``: the data and position tree (None unless
    ``positions``) as built so far, the problem records, whether a fatal problem stopped the
    reading, and libyaml's syntax error as the exception PyYAML would raise (or None). A memory
    error of libyaml raises :class:`MemoryError`.
    """
    cdef Py_ssize_t size
    cdef const char *raw = PyUnicode_AsUTF8AndSize(text, &size)
    cdef yaml_parser_t parser
    cdef _Builder builder = _Builder.__new__(_Builder)
    cdef int outcome
    builder.stack = []
    builder.top = None
    builder.records = []
    builder.checks = _Checks(text, builder.records)
    builder.anchors = {}
    builder.positions = positions
    builder.max_depth = max_depth
    builder.max_expansion = max_expansion
    builder.max_scalar = max_scalar
    builder.expansion = 0
    if not yaml_parser_initialize(&parser):
        raise MemoryError
    try:
        yaml_parser_set_input_string(&parser, <const unsigned char *>raw, <size_t>size)
        try:
            outcome = builder.run(&parser, len(text) > max_scalar)
        except _Abort:
            return builder.data, builder.pos, builder.records, True, None
        if outcome:
            error = _parser_error(&parser)
            if isinstance(error, MemoryError):
                raise error
            return builder.data, builder.pos, builder.records, True, error
        return builder.data, builder.pos, builder.records, False, None
    finally:
        yaml_parser_delete(&parser)
