"""Ranking with every sumy method offline, bounded pools, redundancy and duplicates."""
from __future__ import annotations

import pytest

from briefing.summarize import (METHODS, DuplicateIndex, candidate_pool, content_lemmas, near_duplicate,
                                rank, select)

TEXT = (
    "Rebels seized the northern town of Kalo after two days of fighting. "
    "The army said it would retake Kalo within a week. "
    "Aid groups warned that thousands of civilians had fled the fighting around Kalo. "
    "The rebels have held the hills around the town since last year. "
    "A spokesman for the rebels said the town was calm. "
    "Food prices in the capital rose sharply as the roads closed."
)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_ranks_all_sentences_without_nltk_data(parse, method):
    doc = parse(TEXT)
    ranked = rank(doc.sentences, method)
    assert sorted(s.index for s, _ in ranked) == list(range(len(doc.sentences)))
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True) and scores[0] == 1.0


def test_identical_sentences_are_ranked_once(parse):
    a = parse("The bridge was closed on Monday. Traffic was diverted.", sid="S1")
    b = parse("The bridge was closed on Monday. Buses ran late.", sid="S2")
    ranked = rank([*a.sentences, *b.sentences])
    texts = [s.text for s, _ in ranked]
    assert texts.count("The bridge was closed on Monday.") == 1


def test_candidate_pool_is_bounded_and_takes_leads_from_every_source(parse):
    docs = [parse(TEXT, sid=f"S{i}") for i in range(1, 6)]
    sentences = [s for d in docs for s in d.sentences]
    pool = candidate_pool(sentences, limit=7)
    assert len(pool) == 7
    assert {s.source for s in pool if s.index == 0} == {"S1", "S2", "S3", "S4", "S5"}
    assert all(s.index <= 1 for s in pool)


def test_select_skips_near_duplicates(parse):
    a = parse("About 2,000 soldiers are stationed in the northern province near the border.", sid="S1")
    b = parse("Currently some 2,000 soldiers remain stationed in the northern province, near the border.", sid="S2")
    c = parse("The governor resigned after the protests.", sid="S3")
    assert near_duplicate(content_lemmas(a.sentences[0]), content_lemmas(b.sentences[0]))
    picks = select([(a.sentences[0], 1.0), (b.sentences[0], 0.9), (c.sentences[0], 0.5)], 3)
    assert [p.sentence.source for p in picks] == ["S1", "S3"]


def test_duplicate_index_finds_exact_and_near_copies(parse):
    a = parse("The convoy was hit by a roadside bomb near the airport on Friday.", sid="S1")
    b = parse("The convoy was hit by a roadside bomb near the airport on Friday.", sid="S2")
    c = parse("On Friday a roadside bomb hit the convoy close to the airport.", sid="S3")
    d = parse("Parliament will vote on the budget next week.", sid="S4")
    index = DuplicateIndex([*a.sentences, *b.sentences, *c.sentences, *d.sentences])
    exact, near = index.copies(a.sentences[0])
    assert [s.source for s in exact] == ["S2"]
    assert [s.source for s in near] == ["S3"]


def test_pieces_of_multi_sentence_quotations_are_not_quotable(parse):
    from briefing.compose import is_quotable
    from briefing.ingest import FurnitureRules

    doc = parse('The minister said: "We will rebuild the bridge this year. It will cost less than the old one." '
                "The minister said the bridge would reopen in the spring after the repairs.")
    rules = FurnitureRules.load()
    quotable = [s.text for s in doc.sentences if is_quotable(s, rules)]
    assert quotable == ["The minister said the bridge would reopen in the spring after the repairs."]
