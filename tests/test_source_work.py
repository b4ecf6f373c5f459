"""Per-source extraction work is kept in the build state: one changed article is read again, not all."""
from __future__ import annotations

import json
import shutil

from briefing import source_work, topics
from briefing import extract, ingest, state
from briefing.extract import figures
from briefing.extract.entities import entity_cards
from briefing.extract.quotes import CardIndex, source_quotes
from briefing.extract.figures import readings
from briefing.pipeline import BuildOptions, build
from briefing.topics import load_topics, topic_scores
from conftest import SEEDS


def test_encoded_work_reads_back_as_the_same_readings(parse):
    # every field a reading has must come back: places wide and narrow, the event named before, a past era
    p = parse("A storm hit the coast. Rebels fired more than 40 rockets at the base in Kandahar on Friday, killing "
              "about 12 US soldiers and wounding six others, officials said in 2024. The tsunami killed more than "
              "80,000 people across the region. He said 40,000 villagers were killed during World War II.", sid="S7")
    (work,) = source_work.read_sources([p], load_topics())
    assert work.readings == tuple(readings([p]))
    assert [dict(t) for t in work.topics] == topic_scores(p.sentences, load_topics())
    assert any(work.topics)
    assert work.readings and any(r.hedge for r in work.readings) and any(r.places for r in work.readings)
    assert any(p.wide for r in work.readings for p in r.places) and any(r.past for r in work.readings)
    assert any(r.recent_event for r in work.readings)
    # and what the stages across sources read: names and roles, dates, what the summary reads
    assert work.names.mentions and work.dated and any(work.traits) and work.spoken
    assert len(work.spans) == len(work.traits) == len(p.sentences)
    back = source_work.decode_work(source_work.encode_work(work), "S7")
    assert back == work
    kept = source_work.sentences_of(p.source, back)
    assert [(s.text, s.index) for s in kept] == [(s.text, s.index) for s in p.sentences]
    moved = source_work.decode_work(source_work.encode_work(work), "S2")  # renumbered in a later build
    assert {r.citation.source for r in moved.readings} == {"S2"}


def test_a_one_article_change_reads_only_that_article_again(tmp_path, monkeypatch):
    src = tmp_path / "articles"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    read_from: list[str] = []
    real = figures.read_sentence

    def counting(sentence, *args, **kwargs):
        read_from.append(sentence.text)  # not its source id: a source is read where it is parsed, before it is numbered
        return real(sentence, *args, **kwargs)

    monkeypatch.setattr(figures, "read_sentence", counting)
    scored: list[str] = []

    class CountingReading(topics.Reading):  # what topic scoring reads of each sentence
        def __init__(self, sentence):
            scored.append(sentence.text)
            super().__init__(sentence)

    monkeypatch.setattr(topics, "Reading", CountingReading)
    first = build(BuildOptions(sources=[str(src)], out_dir=str(out)))
    assert len(read_from) == len(scored) == first.sentences  # every sentence of every source, once
    edited = src / "003_f19390a96d0bfcc2.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("deaths of 16 fighters", "deaths of 18 fighters"),
                      encoding="utf-8")
    read_from.clear(), scored.clear()
    again = build(BuildOptions(sources=[str(src)], out_dir=str(out)))
    (edited_source,) = [s for s in again.briefing.sources if s.path.endswith(edited.name)]
    assert read_from and read_from == scored and len(read_from) < first.sentences / 3
    assert all(text in edited_source.text for text in read_from)  # that source alone
    # what was kept gives the briefing a clean build gives
    read_from.clear()
    fresh = build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "fresh")))
    assert len(read_from) == fresh.sentences
    kept, clean = (json.loads((d / "briefing.json").read_text()) for d in (out, tmp_path / "fresh"))
    kept.pop("changes"), clean.pop("changes")
    assert kept == clean
    assert any(f["value"] == 18 for f in kept["figures"])


def test_kept_quotes_hold_while_the_cards_answer_alike(parse):
    p = parse('John Carter, a military spokesman, said on Monday: "We will rebuild the bridge before the winter '
              'comes." He added that the army would stay.')
    cards = CardIndex(entity_cards([p]))
    quotes = source_quotes(p, cards)
    assert [row[0] for row in quotes.rows] == ["John Carter"] and quotes.asked
    assert source_work.decode_quotes(source_work.encode_quotes(quotes)) == quotes
    assert quotes.holds(cards, "S1")
    assert not quotes.holds(CardIndex([]), "S1")  # the card it named is gone: attribute it again


def test_a_one_article_change_reads_no_kept_parse(tmp_path, monkeypatch):
    src = tmp_path / "articles"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    first = build(BuildOptions(sources=[str(src)], out_dir=str(out)))
    decoded, attributed, cleaned = [], [], []
    real_decode, real_quotes, real_clean = state.decode_sentences, extract.source_quotes, ingest.clean
    monkeypatch.setattr(state, "decode_sentences", lambda blob: decoded.append(blob) or real_decode(blob))
    monkeypatch.setattr(extract, "source_quotes", lambda p, cards: attributed.append(p.source.id) or real_quotes(p, cards))
    monkeypatch.setattr(ingest, "clean", lambda text, *a: cleaned.append(text) or real_clean(text, *a))
    edited = src / "003_f19390a96d0bfcc2.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("deaths of 16 fighters", "deaths of 18 fighters"),
                      encoding="utf-8")
    again = build(BuildOptions(sources=[str(src)], out_dir=str(out)))
    (edited_source,) = [s for s in again.briefing.sources if s.path.endswith(edited.name)]
    assert len(first.briefing.sources) > 3
    assert decoded == []  # the kept parses are not read: the kept work answers every stage
    assert attributed == [edited_source.id]  # only its quotes are attributed again
    assert len(cleaned) == 1 and "deaths of 18 fighters" in cleaned[0]  # only its file is cleaned again
