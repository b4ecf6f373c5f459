"""Limits on input size, and where a briefing may be written."""
from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ARTICLE


def test_a_file_over_the_size_limit_is_skipped_and_the_limit_can_be_raised(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE)
    (src / "huge.txt").write_text("word " * 700_000)  # one 3.5 MB line
    r = run_cli("build", src, "-o", tmp_path / "out", "--max-file-mb", "1")
    assert r.exit_code == 0
    assert "warning: skipped" in r.output and "huge.txt" in r.output and "over the 1 MB limit per file" in r.output
    assert "--max-file-mb" in r.output


def test_a_fifty_megabyte_single_line_is_refused_by_default(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE)
    with open(src / "line.txt", "w") as f:
        f.write("a" * (50 * 2**20))
    r = run_cli("build", src, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert any("line.txt" in line and "50 MB, over the 10 MB limit per file" in line for line in r.output.splitlines())


def test_a_200_mb_folder_is_refused_before_it_is_read(tmp_path):
    src = tmp_path / "big"
    src.mkdir()
    chunk = (ARTICLE * (9 * 2**20 // len(ARTICLE) + 1)).encode()[: 9 * 2**20]
    for i in range(24):  # 24 x 9 MB = 216 MB, each file different
        (src / f"{i:02d}.txt").write_bytes(f"Report {i}.\n".encode() + chunk)
    # VmHWM: this process's peak resident memory (ru_maxrss would include the parent's, kept across exec)
    code = ("import atexit, re, sys; from briefing.cli import main; "
            "atexit.register(lambda: print('peak-kb', re.search(r'VmHWM:\\s+(\\d+)', "
            "open('/proc/self/status').read()).group(1), file=sys.stderr)); "
            "sys.argv = ['briefing', 'build', sys.argv[1], '-o', sys.argv[2]]; main()")
    run = subprocess.run([sys.executable, "-c", code, str(src), str(tmp_path / "out")],
                         capture_output=True, text=True)
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and "over the 200 MB limit for one build; raise it with --max-total-mb" in lines[0]
    assert int(lines[1].split()[1]) / 1024 < 150  # nothing of the 216 MB was read into memory


def test_output_never_goes_into_the_sources(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    for target in (src, src / "sub"):
        r = run_cli("build", src, "-o", target)
        assert r.exit_code == 1 and "inside the sources folder" in r.output
        assert sorted(p.name for p in src.iterdir()) == ["a.txt"]
    (tmp_path / "briefing.html").write_text(ARTICLE)
    r = run_cli("build", tmp_path / "briefing.html", "-o", tmp_path)
    assert r.exit_code == 1 and "would overwrite the source" in r.output
    assert (tmp_path / "briefing.html").read_text() == ARTICLE


def test_titles_never_become_paths(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("../../../../tmp/evil\n\n" + ARTICLE)
    out = tmp_path / "out"
    r = run_cli("build", src, "-o", out, "--title", "../../escape/../briefing")
    assert r.exit_code == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
        p for p in ("briefing.html", "briefing.json", "briefing.pdf", "briefing.md") if (out / p).exists())
    assert not (tmp_path / "escape").exists()
    assert json.loads((out / "briefing.json").read_text())["title"] == "../../escape/../briefing"


def test_previous_briefing_survives_a_failed_build(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    assert run_cli("build", src, "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = tmp_path / "templates"
    bad.mkdir()
    (bad / "briefing.html.j2").write_text("{{ briefing.title.__class__.__mro__[1].__subclasses__() }}")
    (src / "b.txt").write_text(ARTICLE.replace("Rebels", "Militants"))
    r = run_cli("build", src, "-o", out, "--templates", bad)
    assert r.exit_code == 1
    lines = [line for line in r.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "template error" in lines[0] and "Traceback" not in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
