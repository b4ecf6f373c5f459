"""Regeneration: up to date when nothing changed, re-parse only what changed, never a broken briefing."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.pipeline import BuildOptions, build
from briefing.state import STATE_DIR, build_lock
from conftest import SEEDS

OUTPUTS = ("briefing.html", "briefing.pdf", "briefing.json")


@pytest.fixture()
def folder(tmp_path):
    src = tmp_path / "articles"
    shutil.copytree(SEEDS, src)
    return src


def snapshot(out: Path) -> dict[str, tuple[int, int, str]]:
    return {n: ((out / n).stat().st_mtime_ns, (out / n).stat().st_ino,
                hashlib.sha256((out / n).read_bytes()).hexdigest()) for n in OUTPUTS}


def test_unchanged_rebuild_touches_nothing_and_never_loads_spacy(folder, tmp_path):
    out = tmp_path / "out"
    first = build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    assert not first.up_to_date and first.briefing.changes.first_build
    before = snapshot(out)
    code = (
        "import sys; from briefing.pipeline import BuildOptions, build; "
        f"r = build(BuildOptions(sources=[{str(folder)!r}], out_dir={str(out)!r})); "
        "print(r.up_to_date, 'spacy' in sys.modules, 'weasyprint' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "False", "False"]
    assert snapshot(out) == before
    forced = build(BuildOptions(sources=[str(folder)], out_dir=str(out), force=True))
    assert not forced.up_to_date and forced.parsed == ()  # forced, but every analysis is cached


def test_unchanged_rebuild_from_the_command_line_imports_no_stage(folder, tmp_path):
    """`briefing build` with nothing to do stops at the up-to-date check: none of the stages,
    nor what only they use, is imported (they were two thirds of such a rebuild's time)."""
    out = tmp_path / "out"
    first = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "-q"])
    assert first.exit_code == 0, first.output
    code = (
        "import sys; from briefing.cli import cli; "
        f"cli.main(['build', {str(folder)!r}, '-o', {str(out)!r}], standalone_mode=False); "
        "print(' '.join(sorted(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "up to date" in run.stderr
    loaded = set(run.stdout.split())
    # (nor importlib.metadata: the model's version is read from its meta.json, not by scanning
    # every installed distribution, a tenth of the check's time)
    stages = {"briefing.stages", "briefing.ingest", "briefing.source_work", "briefing.extract", "briefing.render",
              "briefing.pictures", "spacy", "sumy", "jinja2", "weasyprint", "countryinfo", "importlib.metadata"}
    assert "briefing.pipeline" in loaded and not loaded & stages, sorted(loaded & stages)


def test_editing_one_source_reparses_only_it_and_says_what_changed(folder, tmp_path):
    out = tmp_path / "out"
    build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    edited = folder / "003_f19390a96d0bfcc2.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("deaths of 16 fighters", "deaths of 18 fighters"),
                      encoding="utf-8")
    (folder / "zz_new.txt").write_text(
        "Officials said on Monday that 40 more troops arrived at the base in the north of the country.\n")
    (folder / "001_9cec333dc33f521a.txt").unlink()
    result = build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    assert sorted(Path(p).name for p in result.parsed) == ["003_f19390a96d0bfcc2.txt", "zz_new.txt"]
    changes = json.loads((out / "briefing.json").read_text())["changes"]
    assert changes["first_build"] is False
    assert [Path(p).name for p in changes["sources_edited"]] == ["003_f19390a96d0bfcc2.txt"]
    assert [Path(p).name for p in changes["sources_added"]] == ["zz_new.txt"]
    assert [Path(p).name for p in changes["sources_removed"]] == ["001_9cec333dc33f521a.txt"]
    assert any(f["value"] == 18 and f["previous"] == 16 and f["kind"] == "killed" for f in changes["figures"])
    html = (out / "briefing.html").read_text()
    assert "What changed" in html and "003_f19390a96d0bfcc2.txt" in html


def test_a_new_source_with_no_figures_changes_no_figure_even_where_two_rows_share_a_label(folder, tmp_path):
    out = tmp_path / "out"
    first = build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    labels = [(r.kind, r.label) for r in first.briefing.facts.ledger]
    assert len(labels) > len(set(labels))  # the seeds have two "people killed" rows (a part and a toll)
    (folder / "zz_new.txt").write_text("Officials met on Monday to discuss the budget of the northern province.\n")
    build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    changes = json.loads((out / "briefing.json").read_text())["changes"]
    assert [Path(p).name for p in changes["sources_added"]] == ["zz_new.txt"]
    assert changes["figures"] == []


def test_two_clean_builds_are_byte_identical(folder, tmp_path):
    digests = []
    for n in range(2):
        out = tmp_path / f"out{n}"
        build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
        digests.append({name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in OUTPUTS})
    assert digests[0] == digests[1]


def test_corrupt_state_is_discarded_with_a_warning(folder, tmp_path):
    out = tmp_path / "out"
    build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    (out / STATE_DIR / "state.sqlite").write_bytes(b"this is not a database" * 100)
    result = build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    assert not result.up_to_date and len(result.parsed) == 5
    assert any("starting afresh" in w for w in result.warnings)


def test_killed_build_leaves_previous_outputs_readable(folder, tmp_path):
    out = tmp_path / "out"
    build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
    for delay in (0.3, 1.0, 2.0, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(folder), "-o", str(out), "--force", "-q"])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        json.loads((out / "briefing.json").read_text())
        assert (out / "briefing.pdf").read_bytes().startswith(b"%PDF") and (out / "briefing.pdf").read_bytes().rstrip().endswith(b"%%EOF")
        assert (out / "briefing.html").read_text().rstrip().endswith("</html>")
    result = build(BuildOptions(sources=[str(folder)], out_dir=str(out), force=True))  # the next build works
    assert result.briefing is not None
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # and sweeps what the killed ones left


def test_builds_into_one_folder_are_serialised(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    finished = threading.Event()

    def run():
        build(BuildOptions(sources=[str(folder)], out_dir=str(out)))
        finished.set()

    with build_lock(out):
        worker = threading.Thread(target=run)
        worker.start()
        time.sleep(1.5)
        assert not finished.is_set()  # waiting for the lock we hold
    worker.join(timeout=120)
    assert finished.is_set() and (out / "briefing.json").exists()


def test_watch_rebuilds_on_change_and_survives_a_failed_build(folder, tmp_path):
    from briefing.watch import watch

    out = tmp_path / "out"
    events: list[tuple[str, object]] = []
    stop = threading.Event()
    opts = BuildOptions(sources=[str(folder)], out_dir=str(out))
    worker = threading.Thread(
        target=watch, args=(opts, lambda r, e: events.append(("error", e) if e else ("built", r))),
        kwargs={"stop": stop, "debounce_ms": 200}, daemon=True)
    worker.start()

    def wait_for(n: int) -> None:
        deadline = time.time() + 60
        while len(events) < n and time.time() < deadline:
            time.sleep(0.1)
        assert len(events) >= n, events

    try:
        wait_for(1)
        assert events[0][0] == "built"
        time.sleep(0.5)
        (folder / "zz_extra.txt").write_text("The minister said on Friday that the talks would resume next week.\n")
        wait_for(2)
        assert events[1][0] == "built" and [Path(p).name for p in events[1][1].parsed] == ["zz_extra.txt"]
        time.sleep(0.5)
        for f in folder.iterdir():  # every article emptied: this build must fail, watching must not
            f.write_text("")
        wait_for(3)
        assert events[2][0] == "error" and "no readable article" in str(events[2][1])
        time.sleep(0.5)
        (folder / "zz_extra.txt").write_text("The minister said on Friday that the talks would resume next week.\n")
        wait_for(4)
        assert events[3][0] == "built"
    finally:
        stop.set()
        worker.join(timeout=10)


def test_the_model_is_identified_by_its_version_without_loading_it():
    import importlib.util
    import json
    from pathlib import Path

    from briefing.analyze import DEFAULT_MODELS, analysis_identity

    installed = next(m for m in DEFAULT_MODELS if importlib.util.find_spec(m))
    folder = Path(importlib.util.find_spec(installed).submodule_search_locations[0])
    version = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["version"]
    assert analysis_identity().startswith(f"{installed}-{version}/")
    # importable but no model (only loading it could tell), and not installed at all
    assert analysis_identity("json") is None and analysis_identity("no_such_model_here") is None


def test_a_range_that_changed_is_told_whole_in_what_changed(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("Floods in the north forced between 3,000 and 4,000 people from their homes on "
                               "Monday, the civil defence agency said.\n", encoding="utf-8")
    build(BuildOptions(sources=[str(src)], out_dir=str(out)))
    (src / "b.txt").write_text("More floods: between 5,000 and 6,000 people fled the valley on Tuesday, "
                               "the agency said.\n", encoding="utf-8")
    second = build(BuildOptions(sources=[str(src)], out_dir=str(out)))
    (change,) = second.briefing.changes.figures
    assert (change.value, change.upper, change.previous, change.previous_upper) == (5000, 6000, 3000, 4000)
    md = (out / "briefing.md").read_text(encoding="utf-8")
    assert "**5,000\u20136,000**, was 3,000\u20134,000" in md
