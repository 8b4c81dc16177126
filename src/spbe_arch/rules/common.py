"""Small helpers shared by rules."""

from __future__ import annotations

import difflib
import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar, cast

from spbe_arch.graph import ModelGraph
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.base import Elemen, owners_of
from spbe_arch.model.organisasi import TipeOpd
from spbe_arch.referensi import prefix_of
from spbe_arch.rules.engine import Context, Finding


def closest_id(model: Arsitektur, wrong: str, kinds: Iterable[str]) -> str | None:
    """The existing id of one of ``kinds`` closest to a wrong id, if any is close.

    For OPDs the names are searched first (:func:`closest_opd`): ``DINAS-PENDIDIKAN`` means the
    register's "Dinas Pendidikan dan Kebudayaan", not ``DINAS-PANGAN``, which is merely spelt
    alike.
    """
    wanted = set(kinds)
    if "opd" in wanted:
        by_name = closest_opd(model, wrong)
        if by_name is not None:
            return by_name
    candidates = [i for i in model.ids() if model.kind_of(i) in wanted]
    found = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def closest_opd(model: Arsitektur, wrong: str) -> str | None:
    """The OPD whose name (or singkatan) holds every word of a wrong id, if exactly one is best.

    ``DINAS-PENDIDIKAN`` → the OPD named "Dinas Pendidikan dan Kebudayaan". An id of one word
    (``DISDIK``) is compared with the singkatan. Among several OPDs holding every word, the one
    with the fewest other words wins; a tie gives no answer (the id-based guess then decides).
    """
    words = _words(wrong)
    if not words:
        return None
    scored: list[tuple[int, str]] = []
    for ident, opd in model.opd.items():
        names = set(_words(opd.nama)) | set(_words(opd.singkatan or ""))
        if len(words) == 1 and words[0] not in set(_words(opd.singkatan or "")):
            continue
        if all(w in names for w in words):
            scored.append((len(set(_words(opd.nama)) - set(words)), ident))
    if not scored:
        return None
    scored.sort()
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


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


T = TypeVar("T")

_PER_CHECK: weakref.WeakKeyDictionary[ModelGraph, dict[object, object]] = (
    weakref.WeakKeyDictionary()
)


def per_check(ctx: Context, compute: Callable[[Context], T]) -> T:
    """``compute(ctx)``, computed once per check and shared by the rules that ask.

    For data several rules derive from the whole model. The graph is built once per check, so
    the result is kept with it (and dropped with it); like the graph's links, it is the model as
    it was when first asked. ``compute`` must be a module-level function: it is the key.
    """
    if ctx.graph.model is not ctx.model:  # a context put together by hand: do not share
        return compute(ctx)
    found = _PER_CHECK.setdefault(ctx.graph, {})
    if compute not in found:
        found[compute] = compute(ctx)
    return cast(T, found[compute])


def own_codes(model: Arsitektur) -> Iterator[tuple[Elemen, str]]:
    """Elements classified with a code of their own domain's catalogue, with the code.

    A code of another catalogue is SPBE-KAT-002's finding; the other catalogue rules skip it.
    """
    for element in model:
        code = element.referensi
        if code and element.KATALOG is not None and prefix_of(code) == element.KATALOG:
            yield element, code


def _coded(ctx: Context) -> list[tuple[Elemen, str, str]]:
    out = []
    # Many elements share a code: prefix_of (a regex check) once per distinct code.
    prefixes: dict[str, str] = {}
    for element in ctx.model:
        code = element.referensi
        if code and element.KATALOG is not None:
            prefix = prefixes.get(code)
            if prefix is None:
                prefix = prefixes[code] = prefix_of(code)
            out.append((element, code, prefix))
    return out


def coded(ctx: Context) -> list[tuple[Elemen, str, str]]:
    """(element, code, the code's prefix) of every element with a code and a catalogue, by id.

    Computed once per check (see :func:`per_check`).
    """
    return per_check(ctx, _coded)


def _own_codes(ctx: Context) -> list[tuple[Elemen, str]]:
    return [(element, code) for element, code, prefix in coded(ctx) if prefix == element.KATALOG]


def own_codes_of(ctx: Context) -> list[tuple[Elemen, str]]:
    """:func:`own_codes` of the checked model, computed once per check (five rules read it)."""
    return per_check(ctx, _own_codes)


def milik_bumd(model: Arsitektur, element: Elemen) -> bool:
    """Whether every owner of the element is a BUMD (PP 54/2017: a company, not a Perangkat
    Daerah; the obligations of Perpres 95/2018 bind Instansi Pusat and Pemda)."""
    owners = owners_of(element)
    return bool(owners) and all(
        o in model.opd and model.opd[o].tipe is TipeOpd.BUMD for o in owners
    )


def without_relation(
    ctx: Context,
    kind: str,
    field: str,
    messages: tuple[str, str],
    hints: tuple[str, str],
    skip: Callable[[Elemen], bool] | None = None,
) -> Iterator[Finding]:
    """One finding per element of ``kind`` whose relation ``field`` is empty.

    It points at the field when the element writes it (``layanan: []``), else at the id.
    ``messages`` and ``hints`` are (id, en) templates with ``{id}`` for the element id;
    elements for which ``skip`` says True are not checked.
    """
    for element in ctx.elements(kind):
        if not empty(getattr(element, field, None)):
            continue
        if skip is not None and skip(element):
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
