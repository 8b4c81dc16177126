"""``spbe-arch nasional``: the duplicated-application report in text, JSON or Markdown."""

from __future__ import annotations

import json
from typing import Any

from spbe_arch.nasional.duplikat import Klaster
from spbe_arch.nasional.hasil import RepoSummary
from spbe_arch.neutral import escape_json, neutralise

FORMATS = ("text", "json", "markdown")

_WORDS = {
    "id": {
        "title": "Aplikasi yang dibangun sendiri oleh banyak instansi",
        "scope": "{repos} repositori, {apps} aplikasi buatan Pemda, {groups} kelompok "
        "(paling sedikit {min} instansi)",
        "covered": "sudah ada {label} {nama}: kandidat migrasi ({uses} instansi sudah memakainya)",
        "candidate": "belum ada Aplikasi Umum: kandidat aplikasi umum",
        "bodies": "instansi",
        "names": "nama",
        "codes": "kode RAA",
        "none": "Tidak ada aplikasi yang dibangun sendiri oleh {min} instansi atau lebih.",
    },
    "en": {
        "title": "Applications that many bodies build separately",
        "scope": "{repos} repositories, {apps} Pemda-built applications, {groups} groups "
        "(at least {min} bodies)",
        "covered": "{label} {nama} exists: migration candidates ({uses} bodies already use it)",
        "candidate": "no Aplikasi Umum yet: candidate for an Aplikasi Umum",
        "bodies": "bodies",
        "names": "names",
        "codes": "RAA codes",
        "none": "No application is built separately by {min} or more bodies.",
    },
}


def _status(k: Klaster, lang: str) -> str:
    w = _WORDS.get(lang, _WORDS["id"])
    if k.umum is None:
        return w["candidate"]
    label = k.umum.label_en if lang == "en" else k.umum.label
    return w["covered"].format(label=label, nama=k.umum.nama, uses=k.memakai_umum)


def _counted(pairs: list[tuple[str, int]], limit: int = 8) -> str:
    shown = ", ".join(f"{name} ({n})" for name, n in pairs[:limit])
    return shown + (f", … +{len(pairs) - limit}" if len(pairs) > limit else "")


def _listed(items: list[str], limit: int = 12) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f", … +{len(items) - limit}" if len(items) > limit else "")


def _scope(repos: list[RepoSummary], groups: list[Klaster], min_instansi: int, lang: str) -> str:
    apps = sum(len(r.aplikasi_pemda) for r in repos)
    w = _WORDS.get(lang, _WORDS["id"])
    return w["scope"].format(repos=len(repos), apps=apps, groups=len(groups), min=min_instansi)


def render_text(
    repos: list[RepoSummary], groups: list[Klaster], min_instansi: int, lang: str = "id"
) -> str:
    """Groups largest first: title, number of bodies, coverage, names and codes."""
    w = _WORDS.get(lang, _WORDS["id"])
    lines = [w["title"], _scope(repos, groups, min_instansi, lang), ""]
    for n, k in enumerate(groups, 1):
        lines.append(f"{n}. {k.judul}: {len(k.instansi)} {w['bodies']}")
        lines.append(f"   {_status(k, lang)}")
        lines.append(f"   {w['names']}: {_counted(k.nama)}")
        lines.append(f"   {w['codes']}: {_counted(k.referensi)}")
        lines.append(f"   {w['bodies']}: {_listed(k.instansi)}")
        lines.append("")
    if not groups:
        lines.append(w["none"].format(min=min_instansi))
    return "\n".join(neutralise(line) for line in lines).rstrip("\n") + "\n"


def to_json(repos: list[RepoSummary], groups: list[Klaster], min_instansi: int) -> dict[str, Any]:
    """The JSON document: parameters, counts, and every group with its members."""
    return {
        "min_instansi": min_instansi,
        "repositories": len(repos),
        "aplikasi_pemda": sum(len(r.aplikasi_pemda) for r in repos),
        "groups": [
            {
                "title": k.judul,
                "instansi": len(k.instansi),
                "aplikasi_umum": k.umum.nama if k.umum is not None else None,
                "aplikasi_umum_status": k.umum.status if k.umum is not None else None,
                "kata_kunci": k.kata_kunci,
                "already_using_aplikasi_umum": k.memakai_umum,
                "candidate": k.umum is None,
                "names": [{"nama": name, "count": c} for name, c in k.nama],
                "referensi": [{"kode": code, "count": c} for code, c in k.referensi],
                "members": [
                    {
                        "repository": a.repository,
                        "pemda": a.pemda,
                        "id": a.aplikasi.id,
                        "nama": a.aplikasi.nama,
                        "opd": a.aplikasi.opd,
                        "referensi": a.aplikasi.referensi,
                        "file": a.aplikasi.file,
                    }
                    for a in sorted(k.anggota, key=lambda a: (a.repository, a.aplikasi.id))
                ],
            }
            for k in groups
        ],
    }


def render_json(repos: list[RepoSummary], groups: list[Klaster], min_instansi: int) -> str:
    """:func:`to_json`, indented by two spaces."""
    document = to_json(repos, groups, min_instansi)
    return escape_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _cell(text: str) -> str:
    return neutralise(text.replace("\n", " ")).replace("|", "\\|")


def render_markdown(
    repos: list[RepoSummary], groups: list[Klaster], min_instansi: int, lang: str = "id"
) -> str:
    """A Markdown table of the groups, for a report or an issue."""
    w = _WORDS.get(lang, _WORDS["id"])
    head = ["#", "aplikasi", w["bodies"], "status", w["names"], w["codes"]]
    lines = [f"# {w['title']}", "", _scope(repos, groups, min_instansi, lang), ""]
    if not groups:
        return "\n".join([*lines, w["none"].format(min=min_instansi)]) + "\n"
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for n, k in enumerate(groups, 1):
        row = [str(n), k.judul, str(len(k.instansi)), _status(k, lang), _counted(k.nama, 5),
               _counted(k.referensi, 4)]  # fmt: skip
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return "\n".join(lines) + "\n"
