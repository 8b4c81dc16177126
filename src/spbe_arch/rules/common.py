"""Small helpers shared by rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import Elemen
from spbe_arch.referensi import prefix_of
from spbe_arch.rules.engine import Context, Finding


def closest_id(model: Arsitektur, wrong: str, kinds: Iterable[str]) -> str | None:
    """The existing id of one of ``kinds`` closest to a wrong id, if any is close."""
    wanted = set(kinds)
    candidates = [i for i in model.ids() if model.kind_of(i) in wanted]
    found = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def kinds_text(kinds: Iterable[str]) -> str:
    """Kinds as a readable list."""
    return ", ".join(kinds)


def empty(value: object) -> bool:
    """Whether a field value is absent: None, blank text or an empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict | tuple):
        return len(value) == 0
    return False


def segment_gaps(codes: Iterable[str]) -> bool:
    """Whether sibling codes skip numbers (``.01 .04 .07``): the known child list is partial."""
    numbers = sorted(int(c.rsplit(".", 1)[1]) for c in codes)
    return bool(numbers) and numbers != list(range(1, len(numbers) + 1))


def own_codes(model: Arsitektur) -> Iterator[tuple[Elemen, str]]:
    """Elements classified with a code of their own domain's catalogue, with the code.

    A code of another catalogue is SPBE-KAT-002's finding; the other catalogue rules skip it.
    """
    for element in model:
        code = element.referensi
        if code and element.KATALOG is not None and prefix_of(code) == element.KATALOG:
            yield element, code


def without_relation(
    ctx: Context, kind: str, field: str, messages: tuple[str, str], hints: tuple[str, str]
) -> Iterator[Finding]:
    """One finding per element of ``kind`` whose relation ``field`` is empty.

    It points at the field when the element writes it (``layanan: []``), else at the id.
    ``messages`` and ``hints`` are (id, en) templates with ``{id}`` for the element id.
    """
    for element in ctx.elements(kind):
        if not empty(getattr(element, field, None)):
            continue
        written = field in element.model_fields_set
        yield Finding(
            element.id,
            messages[0].format(id=element.id),
            messages[1].format(id=element.id),
            (field,) if written else ("id",),
            hint=hints[0],
            hint_en=hints[1],
        )
