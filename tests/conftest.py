"""Shared fixtures: the spaCy model loaded once, a parser for made-up text, one seed build."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from briefing.analyze import analyze, load_model
from briefing.model import ParsedSource, Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """parse("text", published=None, sid="S1") -> ParsedSource of made-up text."""

    def _parse(text: str, published: str | None = None, sid: str = "S1") -> ParsedSource:
        source = Source(id=sid, path=f"{sid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                        text=text, published=published)
        return analyze([source], nlp)[0]

    return _parse


@pytest.fixture()
def refused_fetches(monkeypatch):
    """The URLs WeasyPrint asks for while the test runs; every one is refused."""
    from briefing import render

    asked: list[str] = []
    refuse = render._refuse_fetch

    def spy(url, *args, **kwargs):
        asked.append(url)
        refuse(url)

    monkeypatch.setattr(render, "_refuse_fetch", spy)
    return asked


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seeds built once through the CLI, as a user runs it: (output dir, JSON)."""
    from click.testing import CliRunner

    from briefing.cli import cli

    out = tmp_path_factory.mktemp("seed-build")
    work = tmp_path_factory.mktemp("seed-work")
    shutil.copytree(SEEDS, work / "seeds")
    runner = CliRunner()
    import os

    cwd = os.getcwd()
    os.chdir(work)
    try:
        result = runner.invoke(cli, ["build", "seeds", "-o", str(out)], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return out, json.loads((out / "briefing.json").read_text(encoding="utf-8")), work
