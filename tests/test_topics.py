"""Topics are data: scoring, requirements, and a user's own topic file."""
from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.topics import REQUIRED, assign_topics, load_topics


def test_builtin_topics_are_the_four_required(tmp_path):
    assert [t.id for t in load_topics()] == list(REQUIRED)


def test_sentences_land_in_the_right_sections(parse):
    doc = parse(
        "Warplanes struck three weapons depots overnight in a series of air strikes. "
        "Two soldiers were killed and eleven were wounded in the blast. "
        "About 4,000 troops remain stationed in the country. "
        "The foreign minister condemned the raid as a violation of sovereignty. "
        "The weather was mild and the markets were calm."
    )
    got = assign_topics(doc.sentences, load_topics())
    first_words = {tid: {s.text.split()[0] for s, _ in hits} for tid, hits in got.items()}
    assert "Warplanes" in first_words["strikes"]
    assert "Two" in first_words["casualties"]
    assert "About" in first_words["troop_levels"]
    assert "The" in first_words["political_responses"]
    assert all("weather" not in s.text for hits in got.values() for s, _ in hits)


def test_soldiers_attacked_are_not_a_troop_level(parse):
    doc = parse("Militants launched 40 attacks on 2,000 soldiers stationed near the border.")
    got = assign_topics(doc.sentences, load_topics())
    assert got["troop_levels"] == [] and got["strikes"]


def test_a_sentence_may_serve_several_topics(parse):
    doc = parse("The missile strike killed four soldiers at the base.")
    got = assign_topics(doc.sentences, load_topics())
    assert got["strikes"] and got["casualties"]


def test_user_topic_file_adds_a_section(tmp_path, parse):
    f = tmp_path / "extra.toml"
    f.write_text('[[topic]]\nid = "economy"\ntitle = "Economy"\nlemmas = ["oil", "price", "market"]\n'
                 'phrases = ["oil price"]\nmin_score = 2\n')
    topics = load_topics([f])
    assert [t.id for t in topics][-1] == "economy"
    doc = parse("The oil price jumped as markets reacted to the attack.")
    assert assign_topics(doc.sentences, topics)["economy"]


@pytest.mark.parametrize("content, message", [
    ("not toml [", "not valid TOML"),
    ("title = 'x'", "no \\[\\[topic\\]\\] tables"),
    ("[[topic]]\nid = 'Bad Id'\nlemmas = ['x']", "needs an id"),
    ("[[topic]]\nid = 'ok'", "needs cues"),
    ("[[topic]]\nid = 'ok'\nverbs = 'kill'", "cues must be a list"),
    ("[[topic]]\nid = 'ok'\nverbs = ['kill']\nweights = { loudness = 2 }", "unknown weight loudness"),
    ("[[topic]]\nid = 'strikes'\nenabled = 'no'", "enabled must be true or false"),
])
def test_bad_topic_files_are_clear_errors(tmp_path, content, message):
    f = tmp_path / "t.toml"
    f.write_text(content)
    with pytest.raises(BriefingError, match=message):
        load_topics([f])
