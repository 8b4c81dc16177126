"""``spbe-arch init`` under attack: ids that name folders, names that are YAML, links planted
in the target folder, and the modes of what it creates (docs/security.md)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from security.fskit import SECRET, run_cli, run_subprocess, tree, umask
from spbe_arch.check import check
from spbe_arch.commands.init import RECEIPTS, infer_jenis, scalar, skeleton


def _created(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_every_created_file_is_0644_under_umask_022(tmp_path: Path) -> None:
    target = tmp_path / "kota"
    with umask(0o022):
        done = run_subprocess(["init", str(target), "--nama", "Pemerintah Kota Baru"])
    assert done.returncode == 0, done.stderr
    files = _created(target)
    assert {p.relative_to(target).as_posix() for p in files} == {
        "spbe.yaml", ".gitignore", "README.md", "diskominfo/opd.yaml",
        "diskominfo/proses-bisnis.yaml",
    }  # fmt: skip
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    for folder in (target, target / "diskominfo"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert "jenis: kota (dari --nama" in done.stderr
    result = check(target)
    assert not [p for p in result.problems if p.severity.value == "error"]


@pytest.mark.parametrize(
    "opd",
    ["../../x", "../x", "/tmp/x", "a/b", "..", ".", "x\ny", " ", "-x", "a" * 90, "é"],
)
def test_opd_that_would_leave_the_folder_is_refused(
    tmp_path: Path, opd: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "a" / "b" / "repo"
    before = tree(tmp_path)
    code, _, err = run_cli(["init", str(target), "--nama", "Kota X", f"--opd={opd}"], capsys)
    assert code == 2
    assert "--opd" in err and "bukan id yang sah" in err
    assert "\n" not in err.strip()  # the value is shown escaped, on one line
    assert tree(tmp_path) == before  # nothing created, not even the folder


NAMES = [
    "Pemerintah Kota Contoh: Kota Layak Anak",
    'Pemerintah Kabupaten "Maju" #1',
    "Kota 'Apostrof' & Co",
    "Kota X\nperiode: {mulai: 1900}",
    "Kota X\r\nkatalog: palsu",
    "Kota X # komentar",
    "Kota X: {a: b}",
    "Kota &anchor *alias !!python/object:os.system",
    "Kota - [x]",
    "Kota yes",
    "Kota \u202eevil",
    "Kota \x1b[2J",
]


@pytest.mark.parametrize("nama", NAMES)
def test_names_are_data(tmp_path: Path, nama: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "repo"
    code, _, err = run_cli(["init", str(target), "--nama", nama, "--opd-nama", nama], capsys)
    if any(c in nama for c in "\n\r\u202e\x1b"):
        assert code == 2 and "karakter kendali" in err
        assert not target.exists()
        return
    assert code == 0, err
    config = yaml.safe_load((target / "spbe.yaml").read_text())
    assert config["pemda"]["nama"] == nama
    assert set(config) == {"spbe_arch", "pemda", "periode", "rpjmd", "katalog"}
    assert config["periode"] == {"mulai": 2025, "selesai": 2029}
    opd = yaml.safe_load((target / "diskominfo" / "opd.yaml").read_text())
    assert opd["perangkat_daerah"][0]["nama"] == nama
    for line in (target / "spbe.yaml").read_text().splitlines():
        if line.startswith("#"):
            assert nama not in line  # never pasted into a comment
    result = check(target)
    assert result.model.konfigurasi is not None
    assert result.model.konfigurasi.pemda.nama == nama


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40))
def test_scalar_reads_back_exactly(value: str) -> None:
    text = f"nama: {scalar(value)}\n"
    assert yaml.safe_load(text) == {"nama": value}


def test_skeleton_reads_back_with_hostile_values() -> None:
    files = skeleton('A: "b" #c', "kota", "2025", "2029", "2022.1", "X.Y_Z-1", "Dinas: 'x'")
    assert yaml.safe_load(files["spbe.yaml"])["pemda"]["nama"] == 'A: "b" #c'
    assert yaml.safe_load(files["x.y_z-1/opd.yaml"])["perangkat_daerah"][0]["id"] == "X.Y_Z-1"


@pytest.mark.parametrize(
    ("nama", "jenis"),
    [
        ("Pemerintah Provinsi Jawa Barat", "provinsi"),
        ("Provinsi Bali", "provinsi"),
        ("Pemprov DKI Jakarta", "provinsi"),
        ("Pemerintah Aceh", "provinsi"),
        ("Pemerintah Daerah Daerah Istimewa Yogyakarta", "provinsi"),
        ("Pemerintah Kabupaten Sleman", "kabupaten"),
        ("Pemkab Bogor", "kabupaten"),
        ("Kab. Bandung", "kabupaten"),
        ("Kabupaten Administrasi Kepulauan Seribu", "kabupaten"),
        ("Pemerintah Kota Surabaya", "kota"),
        ("pemerintah  kota  bandung", "kota"),
        ("Kota Administrasi Jakarta Selatan", "kota"),
        ("Pemkot Malang", "kota"),
        ("Kotabaru", None),  # a kabupaten named Kotabaru: not "kota"
        ("Dinas Kominfo", None),
        ("Pemerintah Kabupatenku", None),
    ],
)
def test_kind_inferred_from_the_name(nama: str, jenis: str | None) -> None:
    assert infer_jenis(nama) == jenis


def test_kind_not_inferable_is_a_clear_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["init", str(tmp_path / "r"), "--nama", "Kotabaru"], capsys)
    assert code == 2 and "--jenis" in err
    code, _, err = run_cli(
        ["init", str(tmp_path / "r"), "--nama", "Kotabaru", "--lang", "en"], capsys
    )
    assert code == 2 and "cannot be inferred" in err
    code, _, err = run_cli(
        ["init", str(tmp_path / "r"), "--nama", "Kabupaten Kotabaru", "--jenis", "kota"], capsys
    )
    assert code == 0 and "kabupaten" in err  # the contradiction is noted; the choice kept


def test_links_planted_in_the_target_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    target = tmp_path / "repo"
    target.mkdir()
    (target / "diskominfo").symlink_to(outside)  # the OPD folder leads out
    (target / ".gitignore").symlink_to(outside / "secret.txt")
    (target / "README.md").symlink_to(outside / "new-file.md")  # dangling, outside
    before = tree(outside)
    code, out, err = run_cli(["init", str(target), "--nama", "Kota X"], capsys)
    assert code == 2 and "ditolak" in err and "di luar" in err
    assert tree(outside) == before
    assert SECRET not in out + err
    assert (target / ".gitignore").is_symlink() and (target / "README.md").is_symlink()


def test_existing_repository_is_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "repo"
    assert run_cli(["init", str(target), "--nama", "Kota X"], capsys)[0] == 0
    before = tree(target)
    code, _, err = run_cli(["init", str(target), "--nama", "Kota Y"], capsys)
    assert code == 2 and "sudah ada" in err
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli(["init", str(tmp_path / "file"), "--nama", "Kota Y"], capsys)
    assert code == 2 and "bukan folder" in err
    assert tree(target) == before


def test_gitignore_and_readme_name_what_to_commit(tmp_path: Path) -> None:
    from spbe_arch.nasional.cache import CACHE_NAME
    from spbe_arch.survei.penerimaan import BERKAS_PENERIMAAN

    assert BERKAS_PENERIMAAN.as_posix() == RECEIPTS
    files = skeleton("Kota X", "kota", "2025", "2029", "2022.1", "DISKOMINFO", "Dinas")
    ignored = files[".gitignore"].splitlines()
    assert f"/{CACHE_NAME}/" in ignored and "/build/" in ignored
    assert RECEIPTS not in [line for line in ignored if not line.startswith("#")]
    assert RECEIPTS in files["README.md"]
    # the new repository has no docs/ folder: it is pointed to the installed commands
    assert "docs/" not in files["spbe.yaml"] + files["README.md"]
    assert "spbe-arch schema --config" in files["spbe.yaml"]
    config = files["spbe.yaml"]
    assert "# survei:\n#   tenggat:" in config and "#   kontak:" in config
    # the commented section is valid once uncommented
    opened = config.replace("# survei:", "survei:").replace("#   ", "  ")
    assert yaml.safe_load(opened)["survei"]["kontak"]["nama"]


def test_a_file_where_a_folder_goes_is_a_clear_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / "diskominfo").write_text("not a folder")
    code, _, err = run_cli(["init", str(target), "--nama", "Kota X"], capsys)
    assert code == 2 and "tidak dapat menulis" in err and "diskominfo" in err
    assert (target / "diskominfo").read_text() == "not a folder"
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    try:
        code, _, err = run_cli(["init", str(readonly), "--nama", "Kota X"], capsys)
        if os.geteuid() != 0:  # root writes anyway
            assert code == 2 and "tidak dapat menulis" in err
    finally:
        readonly.chmod(0o755)


@pytest.mark.parametrize("katalog", ["../x", "9999.9", "2022.1\nperiode: 1", ""])
def test_unknown_catalogue_is_refused(
    tmp_path: Path, katalog: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "repo"
    code, _, err = run_cli(
        ["init", str(target), "--nama", "Kota X", f"--katalog={katalog}"], capsys
    )
    assert code == 2 and "--katalog" in err and "\n" not in err.strip()
    assert not target.exists()
