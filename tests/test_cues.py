"""Only sentences that can feed a reader are tagged and parsed; the others keep words and entities."""
from __future__ import annotations

from briefing import analyze as analyze_module
from briefing.analyze import analyze_texts
from briefing.cues import forms, load_cues
from briefing.topics import load_topics

# Three opening sentences (always parsed: the summary and the title read them), then one of each kind.
OPENING = "The region was quiet. Markets opened late. Roads were busy. "
PLAIN = "The weather stayed mild and the sky was grey."
NUMBER = "Rebels fired 40 rockets at the base."
QUOTE = "“We will stay,” the mayor said."
DATE = "The talks resume on Friday."
TOPIC = "The airstrike hit a depot."


def _by_text(sentences):
    return {s.text: s for s in sentences}


def test_a_sentence_with_no_cue_is_not_parsed_and_is_counted(nlp, monkeypatch):
    cues = load_cues(load_topics())
    sent_to_parser: list[int] = []
    real = analyze_module._wanted_doc

    def counting(vocab, plan):
        sent_to_parser.append(sum(1 for _, _, parse in plan if parse))
        return real(vocab, plan)

    monkeypatch.setattr(analyze_module, "_wanted_doc", counting)
    text = OPENING + " ".join([PLAIN, NUMBER, QUOTE, DATE, TOPIC])
    (sentences,) = analyze_texts([text], nlp, cues=cues)
    found = _by_text(sentences)
    assert found[PLAIN].parsed is False
    assert all(t.dep == "" and t.pos == "" and t.lemma == "" for t in found[PLAIN].tokens)
    assert [t.head for t in found[PLAIN].tokens] == list(range(len(found[PLAIN].tokens)))  # no tree to walk
    for cued in (NUMBER, QUOTE, DATE, TOPIC):
        assert found[cued].parsed, cued
        assert any(t.dep == "ROOT" for t in found[cued].tokens), cued
    assert sum(sent_to_parser) == len(sentences) - 1  # every sentence but the plain one went to the parser
    # what is not parsed still has its words, offsets and lexical attributes
    assert text[found[PLAIN].start:found[PLAIN].end] == PLAIN
    assert [t.text for t in found[PLAIN].tokens][:3] == ["The", "weather", "stayed"]


def test_the_opening_sentences_and_entities_are_kept_everywhere(nlp):
    cues = load_cues(load_topics())
    text = "Markets opened late. Roads were busy. The sky was grey. The sky was grey again in Paris."
    (sentences,) = analyze_texts([text], nlp, cues=cues)
    assert [s.parsed for s in sentences] == [True, True, True, False]
    assert [m.text for m in sentences[3].mentions] == ["Paris"]  # entities over all text


def test_a_users_topic_words_are_cues(nlp, tmp_path):
    topic = tmp_path / "economy.toml"
    topic.write_text('[[topic]]\nid = "economy"\nnouns = ["tariff"]\nverbs = ["export"]\n', encoding="utf-8")
    text = OPENING + "Tariffs stayed where they were. Farmers exported grain."
    plain = analyze_texts([text], nlp, cues=load_cues(load_topics()))[0]
    assert [s.parsed for s in plain[3:]] == [False, False]
    cues = load_cues(load_topics([topic]))
    assert cues.digest() != load_cues(load_topics()).digest()  # analyses are keyed by it
    mine = analyze_texts([text], nlp, cues=cues)[0]
    assert [s.parsed for s in mine[3:]] == [True, True]


def test_a_verb_of_saying_counts_only_beside_an_actor(nlp):
    cues = load_cues(load_topics())
    text = OPENING + "Somebody said it was grey. The ministry said it was grey."
    sentences = analyze_texts([text], nlp, cues=cues)[0]
    assert [s.parsed for s in sentences[3:]] == [False, True]


def test_written_forms():
    assert {"kill", "kills", "killed", "killing"} <= forms("kill")
    assert {"carries", "carried"} <= forms("carry")
    assert {"shelling", "shelled"} <= forms("shell")
    assert {"stopped", "stopping"} <= forms("stop")
