"""Loader: one test per kind of bad input, each asserting code, line and column exactly."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

import spbe_arch
from spbe_arch.load import repository, source, yamltext
from spbe_arch.load.discover import Discovery
from spbe_arch.problems import Severity

Found = tuple[str, int, int, str]
MakeRepo = Callable[[Mapping[str, str | bytes]], Path]

APP = "aplikasi:\n  - id: A1\n    nama: Aplikasi Satu\n"


def located(root: Path) -> list[Found]:
    """(file relative to root, line, column, code) of every problem of the repository."""
    result = spbe_arch.load(root)
    return [
        (Path(p.file).relative_to(root).as_posix(), p.line, p.column, p.code)
        for p in result.problems
    ]


def only(root: Path) -> spbe_arch.Problem:
    """The one problem of the repository (fails when there are more or fewer)."""
    problems = spbe_arch.load(root).problems
    assert len(problems) == 1, problems
    return problems[0]


def assert_problems(make_repo: MakeRepo, text: str | bytes, expected: list[Found]) -> None:
    """The problems of a repository whose only model file is ``a.yaml`` with ``text``."""
    root = make_repo({"a.yaml": text})
    found = [(f, line, col, code) for f, line, col, code in located(root)]
    assert found == [("a.yaml", *e[1:]) if e[0] == "" else e for e in expected]


# -- YAML syntax ---------------------------------------------------------------------------


def test_libyaml_parser_is_used() -> None:
    # messages and positions below are libyaml's: the vendored, pinned 0.2.5 (load/_libyaml)
    assert yamltext.LIBYAML_VERSION == "0.2.5"


def test_syntax_error(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: X\n   uraian: salah indentasi\n"
    assert_problems(make_repo, text, [("", 4, 4, "SPBE-YAML-001")])


def test_unclosed_bracket_reported_where_opened(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: X\n    basis: [web, mobile\n    uraian: y\n"
    assert_problems(make_repo, text, [("", 4, 12, "SPBE-YAML-001")])
    problem = only(make_repo({"a.yaml": text}))
    assert "kurung '[' yang dibuka di baris 4 tidak ditutup" in problem.message


def test_unclosed_quote_reported_where_opened(make_repo: MakeRepo) -> None:
    text = 'aplikasi:\n  - id: A1\n    nama: "Aplikasi\n    uraian: y\n'
    assert_problems(make_repo, text, [("", 3, 11, "SPBE-YAML-001")])
    message = only(make_repo({"a.yaml": text})).message
    assert "teks berkutip yang dimulai di baris 3 tidak ditutup" in message


def test_tab_indentation(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n\tnama: X\n"
    assert_problems(make_repo, text, [("", 3, 1, "SPBE-YAML-001")])
    assert "tab" in only(make_repo({"a.yaml": text})).message


# -- encodings and bytes -------------------------------------------------------------------


def test_latin1_file_points_at_the_byte(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: Café Kita\n".encode("latin-1")
    assert_problems(make_repo, text, [("", 3, 14, "SPBE-YAML-002")])
    assert "0xe9" in only(make_repo({"a.yaml": text})).message


def test_latin1_column_counts_characters_not_bytes(make_repo: MakeRepo) -> None:
    # "ü" is two UTF-8 bytes before the bad byte: the column counts it once
    text = "aplikasi:\n  - id: A1\n    nama: ü é\n".encode()
    text = text.replace("é".encode(), b"\xe9")
    assert_problems(make_repo, text, [("", 3, 13, "SPBE-YAML-002")])


def test_utf16_file(make_repo: MakeRepo) -> None:
    assert_problems(make_repo, APP.encode("utf-16"), [("", 1, 1, "SPBE-YAML-002")])


def test_bom_is_a_warning_and_the_file_loads(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": b"\xef\xbb\xbf" + APP.encode()})
    model, problems = spbe_arch.load(root)
    assert [(p.line, p.column, p.code, p.severity) for p in problems] == [
        (1, 1, "SPBE-YAML-003", Severity.WARNING)
    ]
    assert model.elemen["A1"].nama == "Aplikasi Satu"


def test_binary_file_named_yaml(make_repo: MakeRepo) -> None:
    # the bad UTF-8 byte comes first, but a NUL byte says "binary" more truly than "Latin-1"
    text = b"aplikasi:\n  - id: A\xe91\n  \x00\x01\x02\xff\xfe"
    assert_problems(make_repo, text, [("", 3, 3, "SPBE-YAML-004")])
    assert "biner" in only(make_repo({"a.yaml": text})).message


def test_nul_byte_in_text(make_repo: MakeRepo) -> None:
    assert_problems(make_repo, APP + "    uraian: a\x00b\n", [("", 4, 14, "SPBE-YAML-004")])


def test_control_character(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: Bel\x07\n"
    assert_problems(make_repo, text, [("", 3, 14, "SPBE-YAML-004")])
    assert "U+0007" in only(make_repo({"a.yaml": text})).message


# -- duplicate keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "first"),
    [
        (APP + "aplikasi:\n  - id: A2\n    nama: Y\n", 4, 1, 1),
        (APP + "    nama: Lagi\n", 4, 5, 3),
        (
            APP
            + "    integrasi:\n      - aplikasi: A2\n        arah: kirim\n        arah: terima\n",
            7,
            9,
            6,
        ),
    ],
    ids=["depth1", "depth2", "depth3"],
)
def test_duplicate_key(make_repo: MakeRepo, text: str, line: int, column: int, first: int) -> None:
    root = make_repo({"a.yaml": text})
    problem = only(root)
    assert (problem.line, problem.column, problem.code) == (line, column, "SPBE-YAML-005")
    assert f"sudah ditulis di baris {first}" in problem.message
    assert f"already written on line {first}" in problem.message_en
    # the first value wins; the element still loads
    assert spbe_arch.load(root).model.elemen["A1"].nama == "Aplikasi Satu"


# -- tags and aliases ----------------------------------------------------------------------


def test_python_tag_is_reported_and_nothing_constructed(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*args: object) -> int:
        raise AssertionError("os.system was called")

    monkeypatch.setattr(os, "system", forbidden)
    root = make_repo({"a.yaml": APP + "    uraian: !!python/object:os.system echo hi\n"})
    model, problems = spbe_arch.load(root)
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 13, "SPBE-YAML-006")]
    assert model.elemen["A1"].uraian is None


def test_python_tag_on_a_mapping(make_repo: MakeRepo) -> None:
    text = APP + "    uraian: !!python/object/apply:os.system\n      args: [echo hi]\n"
    assert_problems(make_repo, text, [("", 4, 13, "SPBE-SKEMA-003"), ("", 4, 13, "SPBE-YAML-006")])


def test_custom_tag(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP + "    keterangan: !foo bar\n"})
    model, problems = spbe_arch.load(root)
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 17, "SPBE-YAML-006")]
    assert "!foo" in problems[0].message
    assert model.elemen["A1"].keterangan is None


BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_is_bounded(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": BILLION_LAUGHS})
    start = time.perf_counter()
    found = located(root)
    assert time.perf_counter() - start < 10  # a hang guard: unbounded, this never ends
    assert found == [("a.yaml", 6, 11, "SPBE-YAML-007")]


def test_undefined_alias(make_repo: MakeRepo) -> None:
    assert_problems(make_repo, APP + "    uraian: *tidak_ada\n", [("", 4, 13, "SPBE-YAML-007")])


# -- nesting, documents, sizes -------------------------------------------------------------


def test_deep_flow_nesting(make_repo: MakeRepo) -> None:
    # the 64th "[" (column 3 + 64) opens the 65th level (the file's mapping is the first);
    # libyaml 0.2.5 has no nesting limit of its own (later versions stop at 1000 levels)
    text = "x: " + "[" * 10_000 + "]" * 10_000 + "\n"
    assert_problems(make_repo, text, [("", 1, 67, "SPBE-YAML-008")])


def test_deep_flow_nesting_of_mappings_unclosed(make_repo: MakeRepo) -> None:
    # 64 levels of "{a: " end at column 4 + 4 * 63 = 256, where the 65th level opens
    assert_problems(make_repo, "x: " + "{a: " * 10_000 + "\n", [("", 1, 256, "SPBE-YAML-008")])


def test_deep_block_nesting(make_repo: MakeRepo) -> None:
    # the 63rd "- " of line 2 opens the 65th level (the file's mapping is the first)
    assert_problems(make_repo, "x:\n" + "- " * 10_000 + "y\n", [("", 2, 127, "SPBE-YAML-008")])


def test_deep_nesting_within_limit_loads(make_repo: MakeRepo) -> None:
    parsed = yamltext.parse_text("x: " + "[" * 60 + "]" * 60 + "\n")
    assert parsed.problems == []
    assert not parsed.fatal


def test_multiple_documents(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP + "---\n" + APP.replace("A1", "A2")})
    model, problems = spbe_arch.load(root)
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 1, "SPBE-YAML-009")]
    assert sorted(model.elemen) == ["A1"]


def test_huge_scalar_is_bounded(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: X\n    uraian: " + "x" * 20_000_000 + "\n"
    root = make_repo({"a.yaml": text})
    start = time.perf_counter()
    model, problems = spbe_arch.load(root)
    assert time.perf_counter() - start < 20  # a hang guard, generous for a busy machine
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 13, "SPBE-YAML-011")]
    assert model.elemen["A1"].uraian is None


def test_file_too_large(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 200)
    text = APP + "    uraian: " + "x" * 200 + "\n"
    assert_problems(make_repo, text, [("", 1, 1, "SPBE-YAML-011")])


# -- files that cannot be read -------------------------------------------------------------


def test_unreadable_file(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP, "b.yaml": APP.replace("A1", "B1")})
    (root / "a.yaml").chmod(0)
    try:
        if os.access(root / "a.yaml", os.R_OK):
            pytest.skip("running with privileges that read any file")
        model, problems = spbe_arch.load(root)
    finally:
        (root / "a.yaml").chmod(0o644)
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 1, "SPBE-YAML-010")]
    assert sorted(model.elemen) == ["B1"]


def test_file_vanishes_between_discovery_and_reading(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo({"a.yaml": APP, "b.yaml": APP.replace("A1", "B1")})
    real_discover = repository.discover

    def discover_then_delete(where: Path) -> Discovery:
        found = real_discover(where)
        (where / "a.yaml").unlink()
        return found

    monkeypatch.setattr(repository, "discover", discover_then_delete)
    model, problems = spbe_arch.load(root)
    assert [(Path(p.file).name, p.line, p.column, p.code) for p in problems] == [
        ("a.yaml", 1, 1, "SPBE-YAML-010")
    ]
    assert sorted(model.elemen) == ["B1"]


def test_symlink_loop_in_model_folder(make_repo: MakeRepo) -> None:
    root = make_repo({"model/a.yaml": APP})
    (root / "model" / "loop").symlink_to(".", target_is_directory=True)
    (root / "model" / "up").symlink_to("..", target_is_directory=True)
    model, problems = spbe_arch.load(root)
    assert [
        (Path(p.file).relative_to(root).as_posix(), p.line, p.column, p.code, p.severity)
        for p in problems
    ] == [
        ("model/loop", 1, 1, "SPBE-YAML-012", Severity.WARNING),
        ("model/up", 1, 1, "SPBE-YAML-012", Severity.WARNING),
    ]
    assert sorted(model.elemen) == ["A1"]


def test_broken_symlink(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP})
    (root / "b.yaml").symlink_to("tidak-ada.yaml")
    assert located(root) == [("b.yaml", 1, 1, "SPBE-YAML-010")]


def test_nested_repository_is_not_entered(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP, "lain/b.yaml": "x: [\n"})
    (root / "lain" / "spbe.yaml").write_text((root / "spbe.yaml").read_text())
    model, problems = spbe_arch.load(root)
    assert problems == []
    assert sorted(model.elemen) == ["A1"]


def test_empty_file_is_no_problem(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": "", "b.yaml": "# hanya komentar\n", "c.yaml": "---\n"})
    assert located(root) == []


# -- structure and schema ------------------------------------------------------------------


def test_top_level_list(make_repo: MakeRepo) -> None:
    assert_problems(make_repo, "- id: A1\n  nama: X\n", [("", 1, 1, "SPBE-SKEMA-004")])


def test_unknown_section_did_you_mean(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": "opd: DINKES\naplikas:\n  - id: A1\n    nama: X\n"})
    problem = only(root)
    assert (problem.line, problem.column, problem.code) == (2, 1, "SPBE-SKEMA-004")
    assert "maksud Anda 'aplikasi'?" in problem.message


def test_section_that_is_not_a_list(make_repo: MakeRepo) -> None:
    assert_problems(make_repo, "aplikasi:\n  id: A1\n", [("", 2, 3, "SPBE-SKEMA-004")])


def test_unknown_key_did_you_mean(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP + "    uraain: teks\n"})
    problem = only(root)
    assert (problem.line, problem.column, problem.code) == (4, 5, "SPBE-SKEMA-002")
    assert "maksud Anda 'uraian'?" in problem.message
    assert problem.hint == "maksud Anda 'uraian'?"


def test_missing_required_key_points_at_the_element(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: X\n  - id: A2\n    uraian: tanpa nama\n"
    root = make_repo({"a.yaml": text})
    problem = only(root)
    assert (problem.line, problem.column, problem.code) == (4, 5, "SPBE-SKEMA-001")
    assert "'nama'" in problem.message
    assert problem.element_id == "A2"


def test_enum_typo_did_you_mean(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP + "    lisensi: opensource\n"})
    problem = only(root)
    assert (problem.line, problem.column, problem.code) == (4, 14, "SPBE-SKEMA-003")
    assert "maksud Anda 'open_source'?" in problem.message


def test_unknown_jenis_did_you_mean(make_repo: MakeRepo) -> None:
    text = "infrastruktur:\n  - id: S1\n    nama: Server\n    jenis: servr\n"
    root = make_repo({"a.yaml": text})
    problem = only(root)
    assert (problem.line, problem.column, problem.code) == (4, 12, "SPBE-SKEMA-003")
    assert "maksud Anda 'server'?" in problem.message


def test_list_where_text_expected(make_repo: MakeRepo) -> None:
    text = "aplikasi:\n  - id: A1\n    nama: [Satu, Dua]\n"
    assert_problems(make_repo, text, [("", 3, 11, "SPBE-SKEMA-003")])
    assert "harus berupa teks" in only(make_repo({"a.yaml": text})).message


def test_text_where_list_expected(make_repo: MakeRepo) -> None:
    assert_problems(make_repo, APP + "    basis: web\n", [("", 4, 12, "SPBE-SKEMA-003")])
    assert "harus berupa daftar" in only(make_repo({"a.yaml": APP + "    basis: web\n"})).message


def test_duplicate_id_across_files_names_the_first(make_repo: MakeRepo) -> None:
    root = make_repo(
        {"a.yaml": APP, "b.yaml": "layanan:\n  - id: L1\n    nama: L\n  - id: A1\n    nama: Dua\n"}
    )
    model, problems = spbe_arch.load(root)
    assert [(Path(p.file).name, p.line, p.column, p.code) for p in problems] == [
        ("b.yaml", 4, 9, "SPBE-ID-001")
    ]
    assert f"{root / 'a.yaml'}:2" in problems[0].message
    assert model.elemen["A1"].KIND == "aplikasi"


# -- spbe.yaml -----------------------------------------------------------------------------


def test_missing_spbe_yaml(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(APP)
    with pytest.raises(spbe_arch.ModelRepositoryError, match=r"spbe\.yaml"):
        spbe_arch.load(tmp_path)


def test_spbe_yaml_path_itself_is_accepted(make_repo: MakeRepo) -> None:
    root = make_repo({"a.yaml": APP})
    model, problems = spbe_arch.load(root / "spbe.yaml")
    assert (problems, sorted(model.elemen)) == ([], ["A1"])


def with_config(make_repo: MakeRepo, old: str, new: str) -> Path:
    """A repository whose spbe.yaml is the minimal one with ``old`` replaced by ``new``."""
    root = make_repo({})
    config = (root / "spbe.yaml").read_text()
    assert old in config
    (root / "spbe.yaml").write_text(config.replace(old, new))
    return root


def test_invalid_periode(make_repo: MakeRepo) -> None:
    root = with_config(make_repo, "  selesai: 2029", "  selesai: 20x9")
    assert located(root) == [("spbe.yaml", 7, 12, "SPBE-SKEMA-003")]


def test_periode_ending_before_it_starts(make_repo: MakeRepo) -> None:
    root = with_config(make_repo, "  selesai: 2029", "  selesai: 2020")
    assert located(root) == [("spbe.yaml", 6, 3, "SPBE-SKEMA-003")]


def test_unknown_catalogue_version(make_repo: MakeRepo) -> None:
    root = with_config(make_repo, '"2022.1"', '"1999.9"')
    problem = only(root)
    assert (problem.line, problem.column, problem.code) == (8, 10, "SPBE-SKEMA-003")
    assert "'1999.9'" in problem.message


def test_spbe_yaml_that_is_not_a_mapping(make_repo: MakeRepo) -> None:
    root = make_repo({"spbe.yaml": "- pemda\n", "a.yaml": APP})
    model, problems = spbe_arch.load(root)
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 1, "SPBE-SKEMA-004")]
    assert sorted(model.elemen) == ["A1"]
