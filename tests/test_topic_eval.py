"""`briefing eval` on a topic gold file: how sections are judged."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.errors import BriefingError
from briefing.topic_eval import evaluate_sections, load_topic_gold, topic_labels

GOLD = {"set": "made-up", "topics": ["strikes", "casualties"], "sentences": [
    {"source": "a", "text": "Jets struck the depot.", "topics": ["strikes"]},
    {"source": "a", "text": "Jets  struck the bridge.", "topics": ["strikes"]},
    {"source": "a", "text": "Two died in the raid.", "topics": ["strikes", "casualties"]},
    {"source": "a", "text": "The minister spoke.", "topics": []},
    {"source": "b", "text": "Five were wounded.", "topics": ["casualties"]},
]}


def section(topic, *texts):
    return {"topic": topic, "sentences": [{"text": t} for t in texts]}


def test_precision_recall_and_empty_sections_follow_the_documented_judgements():
    doc = {"sections": [
        section("strikes", "Jets struck the bridge.", "The minister spoke.", "A line nobody annotated."),
        section("casualties"),
    ]}
    strikes, casualties = evaluate_sections(doc, topic_labels(GOLD), section_sentences=2)
    # Matched by text whatever the spacing; one unjudged; could show 2 of the 3 gold sentences.
    assert (strikes.right, strikes.judged, strikes.unjudged, strikes.could, strikes.gold) == (1, 2, 1, 2, 3)
    assert strikes.precision == 0.5 and strikes.recall == 0.5 and not strikes.empty
    assert casualties.empty and casualties.precision is None and casualties.recall == 0.0


def test_bad_topic_gold_is_a_clear_error(tmp_path):
    f = tmp_path / "gold.json"
    f.write_text(json.dumps({"sentences": [{"source": "a"}]}))
    with pytest.raises(BriefingError, match="has no text"):
        load_topic_gold(f)


def test_eval_command_scores_sections_with_a_topic_gold_file(tmp_path):
    text = ("Warplanes struck three weapons depots overnight in a series of air strikes on the port.\n"
            "The weather was mild and the markets in the capital were calm on Sunday.\n")
    (tmp_path / "a.txt").write_text(text)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"sentences": [
        {"source": "a", "text": line, "topics": ["strikes"] if "struck" in line else []}
        for line in text.splitlines()]}))
    result = CliRunner().invoke(cli, ["eval", str(gold), str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert "1/1" in rows["strikes"] and "100.0%" in rows["strikes"]
    assert rows["casualties"].split()[1] == "0/0"
