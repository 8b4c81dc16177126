"""A deterministic, realistic synthetic corpus of model repositories (one per government body).

    python benchmarks/corpus.py --bodies 600 --out DIR [--seed N] [--start K] [--jobs N]

Every body is derived from the example model (``models/kabupaten-contoh``): a varying subset
of its OPD folders (plus extra kecamatan), about 8% of the elements dropped and every
reference to them removed, the Pemda-built applications renamed from realistic pools (so many
bodies build the same kind of application under different names), some applications added,
reference codes varied among valid sibling leaves, and the region's name everywhere. Ids stay
unique per repository and files stay valid. About one body in forty carries realistic
mistakes (listed in ``DIR/corpus.json``). Body ``i`` depends only on ``seed`` and ``i``, so
the first 600 bodies of a 2400-body corpus are the 600-body corpus. Output is never committed.
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import random
import sys
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.pools import KINDS, PREFIXES, SYLLABLES, TEMPLATE_KIND
from spbe_arch.load.yamltext import parse_text
from spbe_arch.referensi import load_katalog

TEMPLATE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"
CORE = {"setda", "diskominfo", "bappeda", "bpkad", "bkpsdm", "inspektorat", "setwan",
        "dinkes", "disdukcapil", "dpmptsp", "peta-rencana"}  # fmt: skip
MISTAKE_EVERY = 40
Files = dict[str, tuple[str, Any]]


def load_template(root: Path = TEMPLATE) -> Files:
    """Every file of the template: relative path → (leading comment block, data as text)."""
    out: Files = {}
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        header = "".join(f"{line}\n" for line in text.splitlines() if line.startswith("#"))
        out[path.relative_to(root).as_posix()] = (header, parse_text(text).data)
    return out


def _ids(node: Any, into: set[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            into.add(node["id"])
        for value in node.values():
            _ids(value, into)
    elif isinstance(node, list):
        for value in node:
            _ids(value, into)


def _dangling(node: Any, missing: set[str]) -> bool:
    return isinstance(node, dict) and any(
        isinstance(v, str) and v in missing for k, v in node.items() if k != "id"
    )


def _clean(node: Any, missing: set[str], top: bool = True) -> None:
    """Remove every reference to a missing id (a list item, a field, or a whole sub-entry).

    Elements themselves (the items of a file's sections) are kept: only entries inside them.
    """
    if isinstance(node, dict):
        for key in list(node):
            value = node[key]
            if key != "id" and isinstance(value, str) and value in missing:
                del node[key]
            elif isinstance(value, list):
                value[:] = [v for v in value if not (isinstance(v, str) and v in missing)
                            and (top or not _dangling(v, missing))]  # fmt: skip
                for v in value:
                    _clean(v, missing, top=False)
            elif isinstance(value, dict):
                _clean(value, missing, top=False)


def region(rng: random.Random) -> str:
    """A plausible region name (``Sungai Rambana``)."""
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return rng.choice(PREFIXES) + word.capitalize()


class _Leaves:
    def __init__(self) -> None:
        katalog = load_katalog()
        self.siblings: dict[str, list[str]] = {}
        for simpul in katalog:
            if simpul.induk and not katalog.children(simpul.kode):
                leaves = [
                    c.kode for c in katalog.children(simpul.induk) if not katalog.children(c.kode)
                ]
                self.siblings[simpul.kode] = leaves


def _rename_app(item: dict[str, Any], rng: random.Random, place: str, force: bool) -> None:
    name = str(item.get("nama", "")).casefold()
    kind = next((k for word, k in TEMPLATE_KIND.items() if word in name), None)
    if force or kind is None or rng.random() < 0.3:
        kind = rng.choice(sorted(KINDS))
    pool = KINDS[kind]
    item["nama"] = rng.choice(pool["names"]).format(d=place)  # type: ignore[attr-defined]
    item["referensi"] = rng.choice(pool["raa"])  # type: ignore[arg-type]
    if rng.random() < 0.7:
        item["fungsi"] = pool["fungsi"]
    item["uraian"] = f"Aplikasi {item['nama']} yang dibangun dan dikelola Pemda."


def make_body(
    template: Files, index: int, seed: int, leaves: _Leaves
) -> tuple[dict[str, str], list[str]]:
    """The files (relative path → text) of body ``index``, and the mistakes put in it."""
    rng = random.Random(f"{seed}:{index}")
    jenis = rng.choices(["Kabupaten", "Kota", "Provinsi"], [70, 20, 10])[0]
    place = region(rng)
    keep_p = rng.uniform(0.55, 0.95)
    folders = sorted({rel.split("/")[0] for rel in template if "/" in rel})
    kept = {f for f in folders if f in CORE or rng.random() < keep_p}
    files: Files = {}
    for rel, (header, data) in template.items():
        if rel == "spbe.yaml" or rel.split("/")[0] in kept:
            files[rel] = (header, copy.deepcopy(data))
    for k in range(rng.randint(0, 6)):  # more kecamatan than the template's three
        source = rng.choice(
            sorted({r.split("/")[0] for r in template if r.startswith("kecamatan-")})
        )
        own: set[str] = set()
        for rel, (_, data) in template.items():
            if rel.startswith(source + "/"):
                _ids(data, own)
        text_map = {i: f"{i}-X{k}" for i in own}
        for rel, (header, data) in template.items():
            if rel.startswith(source + "/"):
                dumped = json.dumps(data)
                for old, new in sorted(text_map.items(), key=lambda p: -len(p[0])):
                    dumped = dumped.replace(f'"{old}"', f'"{new}"')
                clone = json.loads(dumped)
                for opd in clone.get("perangkat_daerah") or []:
                    opd["nama"] = f"Kecamatan {region(rng)}"
                files[f"{source}-x{k}/{rel.split('/', 1)[1]}"] = (header, clone)
    all_ids: set[str] = set()  # the template's ids and the clones'
    for _, data in [*template.values(), *files.values()]:
        _ids(data, all_ids)
    for _, data in files.values():
        for section, items in data.items() if isinstance(data, dict) else ():
            if isinstance(items, list) and section not in ("perangkat_daerah", "proses_bisnis"):
                items[:] = [i for i in items if rng.random() >= 0.08]
    present: set[str] = set()
    for _, data in files.values():
        _ids(data, present)
    missing = all_ids - present
    apps: list[tuple[str, dict[str, Any]]] = []
    for rel, (_, data) in files.items():
        _clean(data, missing)
        if not isinstance(data, dict):
            continue
        for item in data.get("aplikasi") or []:
            if item.get("asal", "pemda") == "pemda":
                _rename_app(item, rng, place, force=False)
                apps.append((rel, item))
        for section in ("layanan", "data"):
            for item in data.get(section) or []:
                code = item.get("referensi")
                if isinstance(code, str) and code in leaves.siblings and rng.random() < 0.25:
                    item["referensi"] = rng.choice(leaves.siblings[code])
    for n in range(rng.randint(0, 4) if apps else 0):  # applications the template does not have
        rel, item = rng.choice(apps)
        extra = copy.deepcopy(item)
        extra["id"] = f"{item['id']}-T{n}"
        _rename_app(extra, rng, place, force=True)
        files[rel][1]["aplikasi"].append(extra)
    texts = {rel: header + _dump(data) for rel, (header, data) in files.items()}
    full = f"{jenis} {place}"
    slug = place.lower().replace(" ", "")
    texts = {
        rel: t.replace("Kabupaten Contoh", full).replace("contohkab", slug)
        for rel, t in texts.items()
    }
    mistakes = _mistakes(texts, rng) if index % MISTAKE_EVERY == 13 else []
    return texts, mistakes


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)


def _mistakes(texts: dict[str, str], rng: random.Random) -> list[str]:
    """Put one or two realistic mistakes into a body (in place); their descriptions."""
    done = []
    app_files = sorted(r for r, t in texts.items() if "\naplikasi:\n- id: " in f"\n{t}")
    for kind in rng.sample(["typo", "dangling", "latin1", "tab"], rng.randint(1, 2)):
        rel = rng.choice(app_files)
        text = texts[rel]
        if kind == "typo":
            texts[rel] = text.replace("\n  nama: ", "\n  uraain: typo\n  nama: ", 1)
        elif kind == "dangling":
            texts[rel] = text.replace("\n  nama: ", "\n  layanan: [DAL-TIDAK-ADA-99]\n  nama: ", 1)
        elif kind == "latin1":
            texts[rel] = text + "# catatan: caf\udce9 tersimpan sebagai Latin-1\n"
        else:
            texts[rel] = text.replace("\n  nama: ", "\n\tnama: ", 1)
        done.append(f"{rel}: {kind}")
    return done


def _write_body(args: tuple[Path, int, int]) -> tuple[str, list[str]]:
    out, index, seed = args
    texts, mistakes = make_body(_STATE["template"], index, seed, _STATE["leaves"])
    name = f"body-{index:04d}"
    for rel, text in texts.items():
        path = out / name / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return name, mistakes


_STATE: dict[str, Any] = {}


def generate(
    out: Path, bodies: int, seed: int = 0, start: int = 0, jobs: int = 2
) -> dict[str, Any]:
    """Write bodies ``start`` … ``start + bodies - 1`` below ``out``; returns the manifest."""
    _STATE["template"] = load_template()
    _STATE["leaves"] = _Leaves()
    out.mkdir(parents=True, exist_ok=True)
    tasks = [(out, i, seed) for i in range(start, start + bodies)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        written = pool.map(_write_body, tasks, chunksize=8)
    manifest = {"seed": seed, "bodies": bodies, "start": start,
                "mistakes": {name: m for name, m in written if m}}  # fmt: skip
    (out / "corpus.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bodies", type=int, default=600)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.bodies, args.seed, args.start, args.jobs)
    print(f"{args.bodies} bodies in {args.out} ({len(manifest['mistakes'])} with mistakes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
