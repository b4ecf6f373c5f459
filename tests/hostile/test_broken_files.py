"""Broken files: skipped with one clear warning, or decoded and used with a note; the build goes on."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing.ingest import read_sources

from .conftest import ARTICLE

CASES = {
    # name: (bytes, expected warning fragment or None if used)
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"   \n\n\t  \n", "only whitespace"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG image, not text"),
    "document.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(300),
                     "a PDF document, not text"),
    "random.txt": (bytes((i * 37 + 11) % 256 for i in range(5000)), "binary data, not text"),
}


@pytest.fixture()
def folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return src


def test_unusable_files_are_skipped_with_their_reason_and_the_build_goes_on(folder, tmp_path, run_cli):
    for name, (data, _) in CASES.items():
        (folder / name).write_bytes(data)
    r = run_cli("build", folder, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    for name, (_, reason) in CASES.items():
        lines = [line for line in r.output.splitlines() if name in line]
        assert len(lines) == 1 and lines[0].startswith("warning: skipped") and reason in lines[0], (name, r.output)
    assert "Traceback" not in r.output
    doc = json.loads((tmp_path / "out" / "briefing.json").read_text())
    assert [Path(s["path"]).name for s in doc["sources"]] == ["good.txt"]


@pytest.mark.parametrize("name, data, note, expected", [
    ("latin1.txt", ARTICLE.replace("Friday", "Friday (cost \u00a3500)").encode("latin-1"), "decoded as", "\u00a3500"),
    ("cp1252.txt", ARTICLE.replace("said", "\u201csaid\u201d").encode("cp1252"), "decoded as", "\u201csaid\u201d"),
    ("utf16bom.txt", ARTICLE.encode("utf-16"), "UTF-16", "Rebels fired rockets"),
    ("utf16le.txt", ARTICLE.encode("utf-16-le"), "UTF-16", "Rebels fired rockets"),
    ("nul.txt", ARTICLE.replace("Friday", "Fri\x00day").encode(), "stray NUL", "Friday"),
])
def test_legacy_encodings_and_stray_nuls_are_decoded_and_noted(tmp_path, run_cli, name, data, note, expected):
    src = tmp_path / "in"
    src.mkdir()
    (src / name).write_bytes(data)
    r = run_cli("build", src, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert any(line.startswith(f"note: {src / name}") and note in line for line in r.output.splitlines()), r.output
    doc = json.loads((tmp_path / "out" / "briefing.json").read_text())
    assert expected in doc["sources"][0]["text"]


def test_bbc_article_with_a_latin1_pound_sign_is_read(tmp_path):
    bbc = Path(__file__).resolve().parents[3] / "shared/corpora/bbc-news-summary/articles/sport/199.txt"
    if not bbc.exists():
        pytest.skip("shared corpora not present")
    got = read_sources([str(bbc)])
    assert got.sources and "\u00a3" in got.sources[0].text and got.sources[0].notes


def test_a_file_in_another_language_warns(folder, tmp_path, run_cli):
    (folder / "de.txt").write_text(
        "Die Regierung hat am Freitag eine neue Untersuchung angekündigt. Die Soldaten wurden in das "
        "Krankenhaus gebracht, sagte ein Sprecher des Ministeriums. Nach Angaben der Behörden wurden "
        "zwei Gebäude zerstört und mehrere Fahrzeuge beschädigt, bevor die Feuerwehr eintraf.\n")
    r = run_cli("build", folder, "-o", tmp_path / "out")
    assert r.exit_code == 0
    assert any("de.txt" in line and "does not look like English" in line for line in r.output.splitlines()), r.output


def test_a_file_with_no_sentence_is_named(folder, tmp_path, run_cli):
    (folder / "numbers.txt").write_text("12 34 56\n78 90\n")
    (folder / "list.txt").write_text("Apples, oranges, pears, plums, grapes, melons, lemons, limes and cherries.\n")
    r = run_cli("build", folder, "-o", tmp_path / "out")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert any("numbers.txt" in line and "no article text" in line for line in lines), r.output
    assert any("list.txt" in line and "no sentence found" in line for line in lines), r.output


def test_duplicate_files_are_read_once_listing_both_paths(folder, tmp_path, run_cli):
    (folder / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    r = run_cli("build", folder, "-o", tmp_path / "out")
    assert r.exit_code == 0
    doc = json.loads((tmp_path / "out" / "briefing.json").read_text())
    read, copy = doc["sources"]
    assert [Path(p).name for p in [read["path"], *read["duplicates"]]] == ["copy.txt", "good.txt"]
    # the copy is a source of the JSON only, naming the one that was read
    assert (copy["id"], copy["copy_of"], Path(copy["path"]).name) == (read["id"] + "b", read["id"], "good.txt")
    html = (tmp_path / "out" / "briefing.html").read_text()
    # and the HTML lists it once, the copy's path beside it
    assert html.count('<span class="label">File</span>') == 1 and "good.txt" in html


def test_symlink_loops_do_not_hang(folder, tmp_path, run_cli):
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    r = run_cli("build", folder, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert any("self.txt" in line for line in r.output.splitlines())


def test_unreadable_and_vanishing_files_are_skipped(folder, tmp_path, monkeypatch):
    (folder / "secret.txt").write_text(ARTICLE.replace("Rebels", "Bandits"))
    (folder / "gone.txt").write_text(ARTICLE.replace("Rebels", "Pirates"))
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        if self.name == "gone.txt":  # deleted between listing and reading
            self.unlink()
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    got = read_sources([str(folder)])
    reasons = {Path(s.path).name: s.reason for s in got.skipped}
    assert reasons["secret.txt"] == "cannot be read (Permission denied)"
    assert reasons["gone.txt"].startswith("cannot be read (No such file")
    assert [Path(s.path).name for s in got.sources] == ["good.txt"]


def test_unreadable_permissions_for_real(folder, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file; the monkeypatched test above covers this case")
    secret = folder / "secret.txt"
    secret.write_text(ARTICLE)
    secret.chmod(0)
    got = read_sources([str(folder)])
    assert any("Permission denied" in s.reason for s in got.skipped)


def test_ten_thousand_tiny_files(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(10_000):
        (src / f"{i:05d}.txt").write_text(f"Report {i}: the council met on day {i} and approved the plan.\n")
    got = read_sources([str(src)])
    assert len(got.sources) == 10_000 and got.sources[-1].id == "S10000"
