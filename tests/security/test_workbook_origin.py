"""Which OPD a form speaks for: signed ``_meta`` and hidden columns, the sender confirmed.

Attacks: a ``_meta`` edited to claim another OPD, a row copied from another OPD's form with its
hidden columns, hidden values edited, a form re-signed with another key, an unsigned form, a
file name naming another OPD, a key kept inside the repository.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spbe_arch.cli import main
from spbe_arch.load import load
from spbe_arch.survei import meta, tanda
from spbe_arch.survei.impor import HasilImpor, impor
from survei_kit import NOW, TODAY, baris_id, baris_kosong, buat, buka, isi, kolom, snapshot
from workbook_kit import meta_baris, salin, siapkan


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("asal")
    root, form = siapkan(base)
    (kominfo,) = buat(root, base / "out", "DISKOMINFO")
    return root, form, kominfo


@pytest.fixture
def kerja(asli: tuple[Path, Path, Path], tmp_path: Path) -> tuple[Path, Path, Path]:
    root, form = salin(asli[0], asli[1], tmp_path)
    kominfo = tmp_path / "survei-spbe-DISKOMINFO.xlsx"
    shutil.copy(asli[2], kominfo)
    return root, form, kominfo


def _impor(root: Path, *files: Path, **kw: object) -> HasilImpor:
    return impor(root, list(files), now=NOW, today=TODAY, **kw)  # type: ignore[arg-type]


def _set_meta(form: Path, key: str, value: str) -> None:
    wb = buka(form)
    for row in wb[meta.META].iter_rows():
        if row[0].value == key:
            row[1].value = value
    wb.save(form)


def _kominfo_app(root: Path) -> str:
    model = load(root).model
    return next(e.id for e in model.of_kind("aplikasi") if model.owner(e.id) == "DISKOMINFO")


def test_forged_meta_claiming_another_opd_changes_nothing(kerja: tuple[Path, Path, Path]) -> None:
    root, form, _ = kerja
    target = _kominfo_app(root)
    _set_meta(form, meta.K_OPD, "DISKOMINFO")
    wb = buka(form)
    ws = wb["Aplikasi"]
    row = 2
    ws.cell(row=row, column=1).value = target  # the hidden original id of Diskominfo's app
    isi(ws, row, {"Nama Aplikasi": "Aplikasi Palsu", "URL": "https://jahat.example"})
    wb.save(form)
    forged = form.with_name("survei-spbe-DISKOMINFO.xlsx")
    form.rename(forged)
    before = snapshot(root)
    result = _impor(root, forged)
    (refused,) = result.ditolak
    assert "tanda tangan formulir tidak cocok" in refused.text()
    assert "signature does not match" in refused.text("en")
    assert snapshot(root) == before


def test_resigned_with_another_key_is_refused(
    kerja: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    root, form, _ = kerja
    entries = meta_baris(form)
    attacker = b"k" * 32
    body = [(k, v) for k, v in entries[:-1]]
    body = [(k, "DISKOMINFO" if k == meta.K_OPD else v) for k, v in body]
    wb = buka(form)
    ws = wb[meta.META]
    for n, (k, v) in enumerate([*body, (meta.K_TANDA, tanda.tanda_meta(attacker, body))], 1):
        ws.cell(row=n, column=1).value = k
        ws.cell(row=n, column=2).value = v
    wb.save(form)
    forged = form.with_name("survei-spbe-DISKOMINFO.xlsx")
    form.rename(forged)
    (refused,) = _impor(root, forged).ditolak
    assert "tanda tangan formulir tidak cocok" in refused.text()


def test_row_copied_from_another_opds_form_is_refused(kerja: tuple[Path, Path, Path]) -> None:
    root, form, kominfo = kerja
    src = buka(kominfo)["Aplikasi"]
    hidden = [src.cell(row=2, column=c).value for c in (1, 2, 3)]
    target = hidden[0]
    wb = buka(form)
    ws = wb["Aplikasi"]
    row = baris_kosong(ws)
    for c, value in enumerate(hidden, start=1):
        ws.cell(row=row, column=c).value = value
    isi(ws, row, {"Nama Aplikasi": "Diambil alih", "Layanan": None})
    wb.save(form)
    before = load(root).model.elemen[target].nama
    result = _impor(root, form)
    found = [t for t in result.temuan if t.kode == "SURVEI-T01"]
    assert [(t.lembar, t.baris) for t in found] == [("Aplikasi", row)]
    assert load(root).model.elemen[target].nama == before
    assert result.gagal


def test_hidden_original_values_edited_are_refused(kerja: tuple[Path, Path, Path]) -> None:
    root, form, _ = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    row = baris_id(ws, "DAL-DINKES-01")
    ws.cell(row=row, column=2).value = '{"nama": "lain"}'
    isi(ws, row, {"Fungsi": "Diubah"})
    wb.save(form)
    result = _impor(root, form)
    assert [(t.lembar, t.baris, t.kolom) for t in result.temuan if t.kode == "SURVEI-T01"] == [
        ("Layanan", row, "ID Asal")
    ]
    assert getattr(load(root).model.elemen["DAL-DINKES-01"], "fungsi", None) != "Diubah"


def test_deeply_nested_hidden_json_is_a_row_problem(kerja: tuple[Path, Path, Path]) -> None:
    root, form, _ = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    row = baris_id(ws, "DAL-DINKES-01")
    ws.cell(row=row, column=2).value = "[" * 30_000 + "]" * 2_000
    isi(ws, row, {"Fungsi": "Diubah"})
    wb.save(form)
    result = _impor(root, form)
    assert any(t.kode == "SURVEI-T01" and t.baris == row for t in result.temuan)


def test_duplicate_row_of_one_element_is_refused(kerja: tuple[Path, Path, Path]) -> None:
    root, form, _ = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    row = baris_id(ws, "DAL-DINKES-01")
    new = baris_kosong(ws)
    for c in range(1, ws.max_column + 1):
        ws.cell(row=new, column=c).value = ws.cell(row=row, column=c).value
    isi(ws, new, {"Fungsi": "Salinan"})
    wb.save(form)
    result = _impor(root, form)
    assert any(t.kode == "SURVEI-T01" and t.baris == new for t in result.temuan)


def test_unsigned_form_needs_the_flag_and_ownership_still_holds(
    kerja: tuple[Path, Path, Path],
) -> None:
    root, form, _ = kerja
    target = _kominfo_app(root)
    wb = buka(form)
    ws = wb[meta.META]
    last = ws.max_row
    assert ws.cell(row=last, column=1).value == meta.K_TANDA
    ws.delete_rows(last)
    wa = wb["Aplikasi"]
    wa.cell(row=2, column=1).value = target
    isi(wa, 2, {"Nama Aplikasi": "Aplikasi Palsu"})
    wb.save(form)
    (refused,) = _impor(root, form).ditolak
    assert "tanpa tanda tangan" in refused.text() and "--tanpa-tanda-tangan" in refused.text()
    result = _impor(root, form, tanpa_tanda_tangan=True)
    assert not result.ditolak
    assert any(t.kode == "SURVEI-T02" for t in result.temuan)
    assert any(t.kode == "SURVEI-R02" and target in t.pesan for t in result.temuan)
    assert load(root).model.elemen[target].nama != "Aplikasi Palsu"


def test_file_name_naming_another_opd_is_refused(kerja: tuple[Path, Path, Path]) -> None:
    root, form, _ = kerja
    other = form.with_name("survei-spbe-DISKOMINFO (1).xlsx")
    form.rename(other)
    (refused,) = _impor(root, other).ditolak
    assert "nama berkas menyebut DISKOMINFO" in refused.text() and "DINKES" in refused.text()


def test_sender_given_on_the_command_line_must_match(
    kerja: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, form, _ = kerja
    neutral = form.with_name("balasan.xlsx")
    form.rename(neutral)
    assert main(["survey", "import", str(root), str(neutral), "--dari", "DISHUB"]) == 1
    assert "formulir ini milik DINKES, bukan DISHUB" in capsys.readouterr().err
    assert main(["survey", "import", str(root), str(neutral), "--dari", "DINKES"]) == 0
    wb = buka(neutral)
    isi(wb["Layanan"], 2, {"Fungsi": "Rujukan"})
    wb.save(neutral)
    result = _impor(root, neutral)
    assert any(t.kode == "SURVEI-T03" and "DINKES" in t.pesan for t in result.temuan)


def test_wrong_key_names_both_fingerprints(kerja: tuple[Path, Path, Path], tmp_path: Path) -> None:
    root, form, _ = kerja
    other = tmp_path / "lain.key"
    other.write_text("ab" * 32 + "\n", encoding="ascii")
    (refused,) = _impor(root, form, kunci=other).ditolak
    theirs = dict(meta_baris(form))[meta.K_KUNCI]
    assert theirs in refused.text() and tanda.id_kunci(bytes.fromhex("ab" * 32)) in refused.text()


def test_key_inside_the_repository_is_refused(kerja: tuple[Path, Path, Path]) -> None:
    root, form, _ = kerja
    inside = root / "kunci-survei"
    inside.write_text("cd" * 32 + "\n", encoding="ascii")
    with pytest.raises(tanda.KunciGagal) as caught:
        _impor(root, form, kunci=inside)
    assert "di dalam repositori model" in caught.value.text()
    assert main(["survey", "generate", str(root), "--out", str(root.parent / "o"),
                 "--kunci", str(inside)]) == 2  # fmt: skip


def test_new_key_is_private_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], asli: tuple[Path, Path, Path]
) -> None:
    key = tmp_path / "baru" / "kunci"
    assert main(["survey", "generate", str(asli[0]), "--out", str(tmp_path / "o"), "--opd",
                 "DLH", "--kunci", str(key)]) == 0  # fmt: skip
    assert (key.stat().st_mode & 0o777) == 0o600
    assert f"kunci survei baru dibuat di {key}" in capsys.readouterr().err
    assert len(bytes.fromhex(key.read_text(encoding="ascii").strip())) == 32


def test_genuine_form_imports_and_names_its_sender(kerja: tuple[Path, Path, Path]) -> None:
    root, form, _ = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Fungsi": "Rujukan terpadu"})
    assert kolom(ws, "Fungsi") > 3
    wb.save(form)
    result = _impor(root, form)
    assert not result.ditolak and result.diubah == 1
    assert [(r.opd, r.berkas) for r in result.ringkasan] == [("DINKES", form.name)]
