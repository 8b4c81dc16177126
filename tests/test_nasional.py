"""Many repositories at once: discovery, parallel check, content-keyed cache, reports."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from conftest import write_repo
from spbe_arch.check import CheckResult, check
from spbe_arch.cli import main
from spbe_arch.load import ModelRepositoryError
from spbe_arch.nasional import ManyResult, ResultCache, check_many, find_repositories
from spbe_arch.nasional.cache import FORMAT
from spbe_arch.nasional.duplikat import find_duplicates, name_words
from spbe_arch.nasional.hasil import AppDigest, RepoSummary
from spbe_arch.problems import summarize

TODAY = dt.date(2026, 6, 1)
APP = "opd: DINAS\naplikasi:\n  - id: A1\n    nama: {nama}\n    referensi: RAA.02.02\n"
OPD = "perangkat_daerah:\n  - id: DINAS\n    nama: Dinas Satu\n    tipe: dinas\n"


def collection(root: Path, repos: Mapping[str, Mapping[str, str | bytes]]) -> Path:
    """Write several repositories below ``root``."""
    for name, files in repos.items():
        write_repo(root / name, files)
    return root


@pytest.fixture
def three(tmp_path: Path) -> Path:
    return collection(
        tmp_path / "nasional",
        {
            "prov-a/kab-1": {"opd.yaml": OPD, "app.yaml": APP.format(nama="e-Office Satu")},
            "prov-a/kab-2": {"opd.yaml": OPD, "app.yaml": APP.format(nama="SIMPUS Dua")},
            "prov-b/kota-3": {"opd.yaml": OPD, "app.yaml": "aplikasi:\n  - id: A1\n    nama: [\n"},
        },
    )


def test_repositories_are_found_recursively_and_hidden_folders_skipped(three: Path) -> None:
    (three / ".spbe-cache" / "x").mkdir(parents=True)
    (three / ".spbe-cache" / "x" / "spbe.yaml").write_text("x: 1\n")
    found = [Path(p).relative_to(three).as_posix() for p in find_repositories(three)]
    assert found == ["prov-a/kab-1", "prov-a/kab-2", "prov-b/kota-3"]


def test_each_repository_reports_under_its_own_files(three: Path) -> None:
    result = check_many(three, today=TODAY, cache=False, jobs=2)
    single = check(three / "prov-b" / "kota-3", today=TODAY)
    mine = [p for p in result.problems if "kota-3" in p.file]
    assert [(p.file, p.line, p.column, p.code) for p in mine] == [
        (p.file, p.line, p.column, p.code) for p in single.problems
    ]
    assert [s.path for s in result.repositories] == sorted(find_repositories(three))
    assert [s.error > 0 for s in result.repositories] == [False, False, True]


def test_parallel_and_serial_give_the_same_problems(three: Path) -> None:
    serial = check_many(three, today=TODAY, cache=False, jobs=1)
    parallel = check_many(three, today=TODAY, cache=False, jobs=2)
    assert serial.problems == parallel.problems
    assert serial.elements == parallel.elements == 2


def test_check_is_one_repository_and_check_many_a_folder_of_them(three: Path) -> None:
    with pytest.raises(ModelRepositoryError, match=r"spbe\.yaml.*check_many"):
        check(three, today=TODAY)  # one repository; a folder of them is check_many's
    result = check_many(three, today=TODAY, cache=False)
    assert isinstance(result, ManyResult) and not isinstance(result, CheckResult)
    assert not (three / ".spbe-cache").exists()  # the Python API writes nothing by default


def test_cache_is_used_and_keyed_by_content(three: Path) -> None:
    cold = check_many(three, today=TODAY, jobs=1)
    assert [s.cached for s in cold.repositories] == [False, False, False]
    warm = check_many(three, today=TODAY, jobs=1)
    assert [s.cached for s in warm.repositories] == [True, True, True]
    assert warm.problems == cold.problems
    (three / "prov-a" / "kab-2" / "app.yaml").write_text(APP.format(nama="SIMPUS Baru"))
    changed = check_many(three, today=TODAY, jobs=1)
    assert [s.cached for s in changed.repositories] == [True, False, True]
    next_day = check_many(three, today=TODAY + dt.timedelta(days=1), jobs=1)
    assert not any(s.cached for s in next_day.repositories)
    # the records are in the hidden .spbe-cache, nowhere else in the user's folder
    assert sorted(p.name for p in three.iterdir()) == [".spbe-cache", "prov-a", "prov-b"]
    assert len(list((three / ".spbe-cache" / f"v{FORMAT}").rglob("*.json"))) == 3


def test_corrupted_cache_entries_are_ignored(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = check_many(three, today=TODAY, jobs=1, cache=cache)
    entries = sorted((cache).rglob("*.json"))
    assert len(entries) == 3
    entries[0].write_text('{"summary": ')  # truncated
    entries[1].write_text(json.dumps({"summary": {}, "problems": [["x"]], "files": []}))
    entries[2].write_bytes(b"\x00\xff" * 10)
    again = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert again.problems == cold.problems
    assert not any(s.cached for s in again.repositories)
    assert ResultCache(cache).get(str(three / "nowhere")) is None


def test_unwritable_cache_is_not_an_error(three: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = check_many(three, today=TODAY, jobs=1, cache=blocker / "cache")
    assert len(result.repositories) == 3


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_text_groups_by_file_and_counts_repositories(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", str(three), "--no-cache", "--color", "never")
    assert (code, err) == (1, "")
    assert f"{three / 'prov-b' / 'kota-3' / 'app.yaml'}\n" in out
    assert out.endswith("3 repositori: 2 tanpa galat, 1 dengan galat (0 dari cache)\n")


def test_cli_json_keeps_its_keys_and_adds_repositories(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", str(three), "--format", "json", "--cache", str(three / "c"))
    document = json.loads(out)
    assert code == 1
    assert set(document) == {"problems", "summary", "repositories"}
    assert document["summary"]["files_checked"] == 9  # 3 × (spbe.yaml + 2 files), broken ones too
    assert document["summary"]["elements"] == 2
    assert [r["error"] > 0 for r in document["repositories"]] == [False, False, True]
    assert (three / "c").is_dir()


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit"])
def test_cli_other_formats_work_for_many(
    three: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = run(capsys, "check", str(three), "--format", fmt, "--no-cache")
    assert (code, err) == (1, "")
    assert "kota-3" in out


def test_cli_empty_folder_is_still_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", str(tmp_path))
    assert (code, out) == (2, "")
    assert "bukan repositori model SPBE" in err


def test_name_words_drop_generic_words_and_expand_acronyms() -> None:
    assert name_words("SIMPUS - Sistem Informasi Manajemen Puskesmas") == {"simpus", "puskesmas"}
    assert name_words("e-Puskesmas Kabupaten Batu", "Pemerintah Kabupaten Batu") >= {"puskesmas"}


def _repo(path: str, *names: str, national: tuple[str, ...] = ()) -> RepoSummary:
    apps = tuple(
        AppDigest(f"A{i}", n, "RAA.02.02", "OPD", "", "", f"{path}/a.yaml")
        for i, n in enumerate(names)
    )
    return RepoSummary(path, f"Pemerintah {path}", 2, len(names), aplikasi_pemda=apps,
                       aplikasi_nasional=national)  # fmt: skip


def test_duplicates_group_name_variants_and_note_coverage() -> None:
    repos = [
        _repo("a", "SIMPUS Online", "Sistem Informasi Persuratan", "Portal Pariwisata"),
        _repo("b", "Sistem Informasi Puskesmas", "e-Office persuratan", national=("SRIKANDI",)),
        _repo("c", "SIMPUS - Sistem Informasi Manajemen Puskesmas", "Naskah dinas persuratan"),
        _repo("d", "Portal Satu Data", "Portal Wisata"),
    ]
    groups = {k.judul: k for k in find_duplicates(repos, min_instansi=3)}
    assert set(groups) == {"SRIKANDI", "SIMPUS Online"}
    assert groups["SRIKANDI"].umum is not None and groups["SRIKANDI"].memakai_umum == 1
    assert groups["SIMPUS Online"].umum is None
    assert groups["SIMPUS Online"].instansi == ["a", "b", "c"]


def test_nasional_command_formats(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("kab-4", "kab-5"):
        write_repo(three / name, {"opd.yaml": OPD, "app.yaml": APP.format(nama="e-Office Lain")})
    code, out, err = run(capsys, "nasional", str(three), "--min-instansi", "3", "--no-cache")
    assert (code, err) == (0, "")
    assert "SRIKANDI: 3 instansi" in out
    code, out, _ = run(capsys, "nasional", str(three), "--format", "json", "--no-cache")
    assert json.loads(out)["groups"][0]["instansi"] == 3
    code, out, _ = run(capsys, "nasional", str(three), "--format", "markdown", "--no-cache")
    assert out.startswith("# Aplikasi yang dibangun sendiri") and "| 1 | SRIKANDI | 3 |" in out
    code, out, err = run(capsys, "nasional", str(three / "tidak-ada"))
    assert code == 2 and out == ""


def test_generated_corpus_is_deterministic_and_valid(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.corpus import generate

    manifest = generate(tmp_path / "a", 3, seed=7, start=12, jobs=1)
    generate(tmp_path / "b", 1, seed=7, start=13, jobs=1)
    body = "body-0013"
    assert manifest["mistakes"] == {body: manifest["mistakes"][body]}
    files = sorted(p.relative_to(tmp_path / "a" / body) for p in (tmp_path / "a" / body).rglob("*"))
    assert files == sorted(
        p.relative_to(tmp_path / "b" / body) for p in (tmp_path / "b" / body).rglob("*")
    )
    result = check_many(tmp_path / "a", today=TODAY, cache=False, jobs=1)
    failing = {Path(s.path).name for s in result.repositories if s.error}
    assert failing == {body}
    assert all(s.elements > 150 for s in result.repositories)
    shutil.rmtree(tmp_path / "a")


def _age(root: Path, seconds: float = 60.0) -> None:
    """Make every file look modified a minute ago (fresh files are never trusted by stat)."""
    import os
    import time

    then = time.time() - seconds
    for path in [root, *root.rglob("*")]:
        os.utime(path, (then, then))


def test_unchanged_stat_skips_reading_the_files(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_arch.nasional import worker

    cache = tmp_path / "cache"
    fresh = check_many(three, today=TODAY, jobs=1, cache=cache)

    def stats() -> list[object]:
        records = sorted((cache / f"v{FORMAT}").rglob("*.json"))
        # a record is its seal (one line) and its JSON body
        return [json.loads(r.read_bytes().partition(b"\n")[2])["stat"] for r in records]

    assert stats() == [None, None, None]  # too fresh to be trusted by stat
    _age(three)
    check_many(three, today=TODAY, jobs=1, cache=cache)  # reads, finds the content, records stat
    assert all(isinstance(s, str) for s in stats()) and len(stats()) == 3

    def no_reading(*args: object, **kwargs: object) -> object:
        raise AssertionError("files were read although nothing's stat changed")

    monkeypatch.setattr(worker, "take_snapshot", no_reading)
    warm = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert warm.problems == fresh.problems
    assert all(s.cached for s in warm.repositories)
    monkeypatch.undo()
    (three / "prov-a" / "kab-1" / "app.yaml").write_text(APP.format(nama="e-Office Baru"))
    changed = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert [s.cached for s in changed.repositories] == [False, True, True]


def test_text_report_of_cached_results_quotes_lines_without_reading_files(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_arch.nasional.many import render_many
    from spbe_arch.report import source

    cache = tmp_path / "cache"
    cold = render_many("text", check_many(three, today=TODAY, jobs=1, cache=cache))
    reads: list[str] = []
    monkeypatch.setattr(source.SourceLines, "_lines", lambda self, file: reads.append(file))
    warm_result = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert all(s.cached for s in warm_result.repositories)
    warm = render_many("text", warm_result)
    assert reads == []
    assert warm.replace("(3 dari cache)", "") == cold.replace("(0 dari cache)", "")
    assert "\n    pemda:\n" in warm  # spbe.yaml's line, quoted from the cache entry


def test_fingerprint_reads_the_plugin_group_the_rules_use() -> None:
    from spbe_arch.nasional.repos import PLUGIN_GROUP
    from spbe_arch.rules import ENTRY_POINT_GROUP

    assert PLUGIN_GROUP == ENTRY_POINT_GROUP


_HEAVY = ("pydantic", "networkx", "spbe_arch.model", "spbe_arch.rules", "spbe_arch.graph")


def _imported_by(code: str) -> list[str]:
    """The heavy modules a fresh interpreter has imported after running ``code``."""
    import subprocess

    probe = (
        f"{code}\nimport sys\n"
        f"print(*(m for m in sys.modules if m.startswith({_HEAVY!r})), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    return done.stderr.splitlines()[-1].split() if done.stderr.strip() else []


def test_importing_the_package_loads_no_model_rule_or_graph() -> None:
    assert _imported_by("import spbe_arch, spbe_arch.cli, spbe_arch.report") == []


def test_a_run_answered_from_the_cache_imports_no_model(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = f"['check', {str(three)!r}, '--cache', {str(cache)!r}, '--jobs', '1']"
    run_cli = f"from spbe_arch.cli import main\nmain({args})"
    assert "spbe_arch.model" in _imported_by(run_cli)  # cold: every repository is loaded
    _age(three)
    _imported_by(run_cli)  # records the files' stat
    assert _imported_by(run_cli) == []  # warm: answered from the cache


def test_a_plain_check_leaves_out_the_aplikasi_lists_but_caches_them(
    three: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    plain = check_many(three, today=TODAY, jobs=1, cache=cache, digests=False)
    assert all(s.aplikasi_pemda == () for s in plain.repositories)
    full = check_many(three, today=TODAY, jobs=1, cache=cache)  # answered from the cache
    assert all(s.cached for s in full.repositories)
    assert [len(s.aplikasi_pemda) for s in full.repositories] == [1, 1, 0]
    assert full.problems == plain.problems


def test_unchanged_folders_skip_the_walk_and_a_new_file_is_still_found(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_arch.nasional import worker

    cache = tmp_path / "cache"
    check_many(three, today=TODAY, jobs=1, cache=cache)
    _age(three)
    check_many(three, today=TODAY, jobs=1, cache=cache)  # records stat and what the walk found

    def no_walk(*args: object, **kwargs: object) -> object:
        raise AssertionError("the folders were walked although none of them changed")

    monkeypatch.setattr(worker, "discover", no_walk)
    warm = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert all(s.cached for s in warm.repositories)
    monkeypatch.undo()
    (three / "prov-a" / "kab-1" / "baru.yaml").write_text("aplikasi:\n  - id: B1\n")
    changed = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert [s.cached for s in changed.repositories] == [False, True, True]
    assert any(p.file.endswith("baru.yaml") for p in changed.problems)


def test_stat_signature_from_the_open_files_equals_a_fresh_stat(tmp_path: Path) -> None:
    import os

    from spbe_arch.load.discover import discover
    from spbe_arch.load.snapshot import stat_signature, take_snapshot

    root = tmp_path / "repo"
    write_repo(root, {"opd.yaml": OPD, "app.yaml": APP.format(nama="SIMPUS")})
    (root / "rusak.yaml").symlink_to(root / "tidak-ada.yaml")  # a broken link: not opened
    os.mkfifo(root / "pipa.yaml")  # opened without blocking, not read
    found = discover(root)
    snap = take_snapshot(root, found)
    assert {rel for rel, info in snap.stats.items() if info is None} == {"rusak.yaml"}
    assert stat_signature(root, found, "x", known=snap.stats) == stat_signature(root, found, "x")


def test_a_touched_repository_keeps_its_aplikasi_lists_in_the_cache(
    three: Path, tmp_path: Path
) -> None:
    import os

    cache = tmp_path / "cache"
    check_many(three, today=TODAY, jobs=1, cache=cache, digests=False)
    _age(three)
    os.utime(three / "prov-a" / "kab-1" / "app.yaml")  # touched: new stat, same content
    touched = check_many(three, today=TODAY, jobs=1, cache=cache, digests=False)
    assert all(s.cached for s in touched.repositories)
    full = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert [len(s.aplikasi_pemda) for s in full.repositories] == [1, 1, 0]


@pytest.mark.parametrize(("lang", "color"), [("id", False), ("en", True)])
@pytest.mark.parametrize("jobs", [1, 2])
def test_text_rendered_by_the_workers_equals_the_parents(
    tmp_path: Path, lang: str, color: bool, jobs: int
) -> None:
    from spbe_arch.nasional.many import render_many

    # "a/b" and "a/b-c": as strings the repositories sort one way and their files the other
    root = collection(
        tmp_path / "nasional",
        {
            "a/b": {"opd.yaml": OPD, "app.yaml": "aplikasi:\n  - id: A1\n    nama: [\n"},
            "a/b-c": {"opd.yaml": OPD, "app.yaml": APP.format(nama="SIMPUS Dua")},
            "a/b-c-d": {"opd.yaml": OPD},
        },
    )
    plain = check_many(root, today=TODAY, jobs=jobs, cache=False)
    assert plain.text is None
    rendered = check_many(root, today=TODAY, jobs=jobs, cache=False, text=(lang, color))
    assert rendered.text is not None and rendered.problems == []  # the report and counts only
    assert render_many("text", rendered, lang=lang, color=color) == render_many(
        "text", plain, lang=lang, color=color
    )
    assert rendered.counts() == {k: v for k, v in summarize(plain.problems).items() if k != "files"}
    with pytest.raises(ValueError, match="only the text report"):
        render_many("json", rendered)


def test_cli_text_from_the_workers_sets_the_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = collection(tmp_path / "bersih", {"a": {"opd.yaml": OPD}, "b": {"opd.yaml": OPD}})
    broken = collection(
        tmp_path / "rusak",
        {"a": {"opd.yaml": OPD}, "b": {"app.yaml": "aplikasi:\n  - id: A1\n    nama: [\n"}},
    )
    assert main(["check", str(broken), "--no-cache", "--jobs", "2"]) == 1
    assert main(["check", str(clean), "--no-cache", "--jobs", "2"]) in (0, 1)
    warnings = check_many(clean, today=dt.date.today(), jobs=1, cache=False)
    strict = main(["check", str(clean), "--no-cache", "--jobs", "2", "--strict"])
    assert strict == (1 if warnings.problems else 0)
    assert main(["check", str(clean), "--no-cache", "--jobs", "2"]) == (
        1 if any(p.severity.value == "error" for p in warnings.problems) else 0
    )


def test_a_repository_that_fails_is_in_the_text_the_workers_render(
    three: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_arch.nasional import worker
    from spbe_arch.nasional.many import render_many

    def boom(*args: object, **kwargs: object) -> object:
        raise RuntimeError("rusak")

    monkeypatch.setattr(worker, "_fresh", boom)
    result = check_many(three, today=TODAY, jobs=1, cache=False, text=("id", False))
    out = render_many("text", result)
    assert out.count("SPBE-INTERNAL-001") == 3 and "RuntimeError: rusak" in out
    assert result.counts()["error"] == 3


def test_the_text_a_worker_rendered_is_cached_with_the_record(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spbe_arch.nasional import worker
    from spbe_arch.nasional.many import render_many

    cache = tmp_path / "cache"
    cold = check_many(three, today=TODAY, jobs=1, cache=cache, text=("id", False))

    def no_rendering(*args: object, **kwargs: object) -> object:
        raise AssertionError("rendered again although the record holds the rendering")

    monkeypatch.setattr(worker, "problem_lines", no_rendering)
    warm = check_many(three, today=TODAY, jobs=1, cache=cache, text=("id", False))
    assert all(s.cached for s in warm.repositories)
    assert render_many("text", warm).replace("(3 dari cache)", "") == render_many(
        "text", cold
    ).replace("(0 dari cache)", "")
    monkeypatch.undo()
    english = check_many(three, today=TODAY, jobs=1, cache=cache, text=("en", False))
    plain = check_many(three, today=TODAY, jobs=1, cache=cache)
    assert render_many("text", english, lang="en") == render_many("text", plain, lang="en")


def test_a_repository_removed_during_the_check_is_a_located_problem(three: Path) -> None:
    """A known cause (the repository went away mid-run) is not an internal error."""
    from spbe_arch.nasional.repos import tool_fingerprint
    from spbe_arch.nasional.worker import INTERNAL_CODE, Task, check_one

    gone = three / "prov-a" / "kab-2"
    shutil.rmtree(gone)
    outcome = check_one(Task(str(gone), tool_fingerprint(), TODAY))
    [problem] = outcome.problems
    assert problem.code == "SPBE-YAML-010" != INTERNAL_CODE
    assert problem.file == str(gone / "spbe.yaml") and (problem.line, problem.column) == (1, 1)
    assert "removed, moved" in problem.text("en") and outcome.summary.error == 1
    unreadable = three / "prov-b"
    unreadable.mkdir(exist_ok=True)
    (unreadable / "spbe.yaml").mkdir()  # a folder where the file should be: cannot be read
    outcome = check_one(Task(str(unreadable), tool_fingerprint(), TODAY))
    assert [p.code for p in outcome.problems] != [INTERNAL_CODE]
