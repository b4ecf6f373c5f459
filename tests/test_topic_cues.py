"""Each class of topic cue on made-up sentences: what a sentence does decides its sections."""
from __future__ import annotations

import pytest

from briefing import render
from briefing.compose import Settings, compose
from briefing.extract import extract
from briefing.ingest import FurnitureRules
from briefing.markdown import to_markdown
from briefing.topics import Reading, assign_topics, load_topics, score


def topics_of(parse, text: str, topics=None) -> set[str]:
    """The topics the (one-sentence) text belongs to."""
    topics = topics or load_topics()
    (sentence,) = parse(text).sentences
    return {tid for tid, hits in assign_topics([sentence], topics).items() if hits}


def points(parse, text: str, topic_id: str) -> float:
    topics = load_topics()
    (sentence,) = parse(text).sentences
    topic = next(t for t in topics if t.id == topic_id)
    return score(topic, Reading(sentence), [t for t in topics if t is not topic])


@pytest.mark.parametrize("text", [
    "The foreign ministry condemned the air strike on the port.",
    "The government warned that it may end its co-operation with the coalition after the raids.",
    "The prime minister demanded an apology for the bombing.",
])
def test_verbs_and_actors_a_government_reacting_to_a_strike_is_a_political_response(parse, text):
    assert topics_of(parse, text) == {"political_responses"}


def test_actors_the_same_verb_counts_more_from_a_government(parse):
    crowd = points(parse, "The crowd denounced the decision.", "political_responses")
    assert points(parse, "The ministry denounced the decision.", "political_responses") > crowd
    assert points(parse, "France denounced the decision.", "political_responses") > crowd  # actor_labels: GPE


def test_subjects_a_strike_that_kills_is_a_strike_and_casualties(parse):
    assert topics_of(parse, "The drone strike killed 16 fighters near the border.") == {"strikes", "casualties"}
    assert "strikes" in topics_of(parse, "Four soldiers were killed in the ambush near the village.")


def test_verbs_launching_drones_is_a_strike(parse):
    assert topics_of(parse, "Rebels launched 12 drones at the port overnight.") == {"strikes"}


def test_not_under_soldiers_attacked_are_not_a_troop_level(parse):
    assert topics_of(parse, "Insurgents carried out 30 attacks on troops last month.") == {"strikes"}
    assert "troop_levels" not in topics_of(parse, "Militants killed 2,000 soldiers in the region.")


def test_counted_a_number_of_troops_makes_a_troop_level(parse):
    assert "troop_levels" not in topics_of(parse, "The army keeps troops in the region.")
    assert topics_of(parse, "The army keeps 4,000 troops in the region.") == {"troop_levels"}


def test_reporting_an_actor_stating_its_position_is_a_political_response(parse):
    assert topics_of(parse, "A government spokesman said the talks would resume next week.") == {"political_responses"}
    # What the statement reports is another topic's event, or news about someone else: not a response.
    assert topics_of(parse, "A government spokesman said four soldiers were killed.") == {"casualties"}
    assert topics_of(parse, "Officials said the ship was found near the coast.") == set()


def test_unreal_events_count_less(parse):
    assert "casualties" in topics_of(parse, "The hostages were freed on Sunday.")
    assert "casualties" not in topics_of(parse, "The hostages would be freed within days.")
    assert "casualties" not in topics_of(parse, "The rebels did not kill anyone.")


def test_labels_and_weights_are_read_from_a_topic_file(parse, tmp_path):
    f = tmp_path / "economy.toml"
    f.write_text('[[topic]]\nid = "economy"\nnouns = ["price"]\nlabels = ["MONEY"]\nmin_score = 2\n')
    assert "economy" in topics_of(parse, "Oil prices rose to $90 within a week.", load_topics([f]))
    assert "economy" not in topics_of(parse, "Oil prices rose sharply within a week.", load_topics([f]))
    f.write_text('[[topic]]\nid = "economy"\nnouns = ["price"]\nmin_score = 2\n[topic.weights]\nnoun = 2\n')
    assert "economy" in topics_of(parse, "Oil prices rose sharply within a week.", load_topics([f]))
    f.write_text('[[topic]]\nid = "economy"\nmin_score = 2\n[topic.nouns]\nprice = 2\n')
    assert "economy" in topics_of(parse, "Oil prices rose sharply within a week.", load_topics([f]))


def test_a_topic_file_switches_off_and_reorders_topics(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[[topic]]\nid = "troop_levels"\nenabled = false\n\n'
                 '[[topic]]\nid = "political_responses"\norder = 1\ntitle = "Reactions"\n')
    topics = load_topics([f])
    assert [t.id for t in topics] == ["political_responses", "strikes", "casualties"]
    assert topics[0].title == "Reactions" and topics[0].verbs  # cues kept when only settings change


ARTICLE = (
    "Warplanes struck three weapons depots overnight in a series of air strikes on the port. "
    "Rebels fired rockets at the harbour on Monday morning. "
    "Artillery shelled the northern suburbs for a second day, residents said. "
    "The foreign minister condemned the raids as a violation of national sovereignty. "
    "Two soldiers were killed and eleven were wounded in the blast at the depot. "
    "The weather was mild and the markets in the capital were calm."
)


@pytest.fixture()
def briefing(parse):
    parsed = [parse(ARTICLE)]
    # A one-sentence summary that is not about strikes, so the section keeps all its sentences.
    return compose(parsed, load_topics(), extract(parsed), Settings(summary_sentences=1), FurnitureRules.load())


def test_a_section_shows_the_sentences_most_about_its_topic_first(briefing, parse):
    strikes = next(s for s in briefing.sections if s.topic == "strikes")
    by_text = {s.text: p for s, p in assign_topics(parse(ARTICLE).sentences, load_topics())["strikes"]}
    shown = [by_text[x.text] for x in strikes.excerpts]
    assert len(shown) >= 2 and shown == sorted(shown, reverse=True)
    assert shown[0] > shown[-1]


def test_a_topic_without_sentences_is_left_out_and_the_json_says_why(briefing):
    empty = next(s for s in briefing.sections if s.topic == "troop_levels")
    assert not empty.excerpts
    doc = render.to_json(briefing)
    section = next(s for s in doc["sections"] if s["topic"] == "troop_levels")
    assert section["sentences"] == [] and "threshold" in section["note"]
    assert all("note" not in s for s in doc["sections"] if s["sentences"])
    assert ("topic-troop_levels", "Troop levels") not in render.contents(briefing)
    html = render.render_html(briefing)
    assert 'id="topic-troop_levels"' not in html and 'id="topic-strikes"' in html
    assert "No source sentence" not in html
    assert "## Troop levels" not in to_markdown(briefing) and "## Strikes" in to_markdown(briefing)


def test_verbs_a_particle_makes_another_verb(parse):
    assert "casualties" not in topics_of(parse, "The fighting in the town died down after midnight.")
    assert "strikes" in topics_of(parse, "Rebels shot down a transport plane over the airport.")
