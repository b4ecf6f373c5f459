"""The command line: help, options, and one clear line for every user mistake."""
from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from conftest import SEEDS

ARTICLE = (
    "Headline about the strike\n\n"
    "Warplanes struck a depot near the border on Friday, the defence ministry said in a statement.\n\n"
    "Two soldiers were killed and five were wounded in the attack, officials said on Saturday.\n\n"
    "About 1,200 troops remain stationed in the province under the agreement with the government.\n\n"
    "The prime minister condemned the strike and called it a violation of national sovereignty.\n"
)


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_help_reads_well():
    r = invoke("--help")
    assert r.exit_code == 0 and "build" in r.output and "cited briefing" in r.output
    r = invoke("build", "--help")
    for option in ("--output", "--title", "--method", "--sentences", "--topics", "--model", "lexrank|textrank|lsa|luhn|kl|sumbasic"):
        assert option in r.output


def test_build_with_options(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    (src / "b.txt").write_bytes(b"")
    r = invoke("build", str(src), "-o", str(tmp_path / "out"), "--title", "Border briefing",
               "--method", "textrank", "--sentences", "2")
    assert r.exit_code == 0, r.output
    assert f"warning: skipped {src / 'b.txt'}: empty file" in r.output
    doc = json.loads((tmp_path / "out" / "briefing.json").read_text())
    assert doc["title"] == "Border briefing" and doc["method"] == "textrank"
    assert len(doc["summary"]) == 2


@pytest.mark.parametrize("setup, args, message", [
    (lambda p: None, ["{p}/missing"], "no such file or folder"),
    (lambda p: (p / "x.txt").write_text("  \n"), ["{p}"], "no readable article"),
    (lambda p: (p / "x.txt").write_text(ARTICLE), ["{p}", "--model", "no_such_model"], "spaCy model 'no_such_model' is not installed"),
    (lambda p: (p.parent / "x.txt").write_text(ARTICLE), ["{p}", "-o", "{p}/../x.txt/out"], "cannot write the briefing there"),
    (lambda p: (p / "x.txt").write_text(ARTICLE), ["{p}", "--topics", "{p}/none.toml"], "cannot read topic file"),
    (lambda p: (p / "x.txt").write_text(ARTICLE), ["{p}", "-o", "{p}/out"], "inside the sources folder"),
])
def test_user_mistakes_give_one_clear_line_and_fail(tmp_path, setup, args, message):
    src = tmp_path / "src"
    src.mkdir()
    setup(src)
    args = [a.replace("{p}", str(src)) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "out")]
    r = invoke("build", *args)
    assert r.exit_code != 0
    lines = [line for line in r.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "out" / "briefing.json").exists()


def test_default_sources_are_seeds_and_default_output_is_output(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        r = invoke("build", "--sentences", "3")
    finally:
        os.chdir(cwd)
    assert r.exit_code == 0, r.output
    for name in ("briefing.html", "briefing.pdf", "briefing.json"):
        assert (tmp_path / "output" / name).stat().st_size > 0
