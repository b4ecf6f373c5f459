"""The cyclic garbage collector during a build: paused while kept work is decoded and laid out,
what a build keeps to its end set aside from later collections, and all of it back afterwards."""
from __future__ import annotations

import gc
import shutil

from briefing import stages
from briefing.pipeline import BuildOptions, build
from briefing.state import collector_back_after, no_cycle_collection
from conftest import SEEDS


def test_what_a_build_keeps_is_walked_by_no_later_collection_and_given_back():
    assert gc.get_freeze_count() == 0
    with collector_back_after():
        with no_cycle_collection(keep=True):
            kept = [[n] for n in range(10_000)]
            assert not gc.isenabled()
        assert gc.isenabled()
        aside = gc.get_freeze_count()
        assert aside >= len(kept)  # set aside: no collection walks them
        with no_cycle_collection():
            made = [[n] for n in range(10_000)]
        assert gc.get_freeze_count() == aside and made  # a plain pause sets nothing aside
    assert gc.get_freeze_count() == 0


def test_a_build_gives_everything_back_to_the_collector(tmp_path, monkeypatch):
    src = tmp_path / "articles"
    shutil.copytree(SEEDS, src)
    frozen = []
    real = stages.compose
    monkeypatch.setattr(stages, "compose", lambda *a, **k: frozen.append(gc.get_freeze_count()) or real(*a, **k))
    build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "out")))
    assert frozen and frozen[0] > 0  # during the build: the decoded work set aside
    assert gc.get_freeze_count() == 0 and gc.isenabled()
