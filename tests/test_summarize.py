"""Ranking with every method offline, bounded pools, redundancy and duplicates, the coverage selector."""
from __future__ import annotations

import pytest

import briefing.summarize as summarize
from briefing.summarize import (DEFAULT_METHOD, METHODS, ConceptWeights, DuplicateIndex, Preference,
                                candidate_pool, concepts, content_lemmas, near_duplicate, pick, rank,
                                restates_figures, select)

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


# --- the coverage selector (the default) -----------------------------------------------------

def _sentences(parse, *texts_by_source):
    """One parsed source per argument (a string or several sentences), all their sentences."""
    out = []
    for n, text in enumerate(texts_by_source, 1):
        out += parse(text if isinstance(text, str) else " ".join(text), sid=f"S{n}").sentences
    return out


def _find(sentences, start):
    return next(s for s in sentences if s.text.startswith(start))


def test_coverage_is_the_default_method():
    assert DEFAULT_METHOD == "coverage" and "coverage" in METHODS


def test_a_second_source_saying_the_same_adds_nothing(parse):
    sentences = _sentences(
        parse,
        ["The army shelled the town of Kalo on Monday.", "Aid groups said thousands of civilians fled."],
        "The army shelled the town of Kalo on Monday, residents said.",
        "Aid groups said thousands of civilians fled on Tuesday.",
        "The army shelled the town of Kalo on Monday, officials said.",
    )
    # ranking skips no near-duplicates, so only coverage keeps the paraphrases back
    order = [s.text for s, _ in rank(sentences, "coverage")]
    assert order[0] == "The army shelled the town of Kalo on Monday."
    assert order[1].startswith("Aid groups said")
    picks = [p.sentence.text for p in pick(sentences, 2, "coverage")]
    assert picks[0].startswith("The army") and picks[1].startswith("Aid groups")


def test_what_more_sources_carry_weighs_more(parse):
    sentences = _sentences(
        parse,
        ["Officials said the lone bridge was closed after the flood.", "The harvest festival opened in the old square."],
        ["A farmer said the flood had closed the lone bridge into town.", "Schools stayed open all week."],
        ["Police confirmed the lone bridge was closed by the flood.", "The mayor thanked volunteers."],
    )
    weights = ConceptWeights.of(sentences)
    assert weights.weights[("lone", "bridge")] > 0
    assert ("harvest", "festival") not in weights.weights  # one source only
    best = pick(sentences, 1, "coverage", weights=weights)[0].sentence
    assert "bridge" in best.text


def test_opening_sentences_weigh_more(parse):
    sentences = _sentences(
        parse,
        ["The port strike entered its third week.", "Ships queued outside the harbour for days."],
        ["Talks resumed on Tuesday.", "Ships queued outside the harbour, the port strike continuing."],
    )
    weights = ConceptWeights.of(sentences).weights
    # both pairs are carried by both sources; only "port strike" opens one of them
    assert weights[("port", "strike")] > weights[("ship", "queue")] > 0


def test_shorter_sentence_wins_when_it_says_as_much(parse):
    sentences = _sentences(
        parse,
        "Rebels seized the northern town of Kalo, which lies on a plain that farmers have tilled for centuries "
        "and that travellers cross on the old road, according to several people who live there.",
        "Rebels seized the northern town of Kalo.",
        "Rebels seized the northern town of Kalo on Friday.",
    )
    first = pick(sentences, 1, "coverage")[0].sentence
    assert first.text == "Rebels seized the northern town of Kalo."


def test_a_restated_figure_is_skipped(parse):
    a = parse("Currently, the army maintains approximately 2,500 soldiers in the province and 900 at the border.",
              sid="S1").sentences[0]
    b = parse("The army keeps about 2,500 soldiers there to train local police and guard the roads.",
              sid="S2").sentences[0]
    c = parse("Before the war the army kept 30,000 soldiers in the province; 2,500 remain.", sid="S3").sentences[0]
    assert not near_duplicate(content_lemmas(a), content_lemmas(b))
    assert restates_figures(b, [a])
    assert not restates_figures(c, [a])  # 30,000 is new
    picks = pick([a, b, c], 3, "coverage")
    assert b not in [p.sentence for p in picks]


@pytest.mark.parametrize("method", sorted(METHODS))
def test_no_selector_looks_past_max_candidates(parse, monkeypatch, method):
    sentences = _sentences(parse, *[TEXT] * 5)
    monkeypatch.setattr(summarize, "MAX_CANDIDATES", 7)
    pool = {s.key for s in candidate_pool(sentences, 7)}
    picks = pick(sentences, 30, method)
    assert 0 < len(picks) <= 7
    assert {p.sentence.key for p in picks} <= pool
    assert {s.key for s, _ in rank(sentences, method)} <= pool


def test_preference_power_decides_how_much_the_prior_counts(parse):
    sentences = _sentences(
        parse,
        ["The dam burst after days of rain.", "Water flooded the valley below the dam."],
        ["Water flooded the valley below the dam, officials said.", "The dam burst after days of rain, police said."],
    )
    wanted = {sentences[1].key}  # "Water flooded the valley below the dam."

    def prior(s):
        return 1.0 if s.key in wanted else 0.05

    ignored = pick(sentences, 1, "coverage", Preference(prior=prior, power=0.0))[0].sentence
    decisive = pick(sentences, 1, "coverage", Preference(prior=prior, power=3.0))[0].sentence
    assert decisive.key in wanted
    assert ignored.key not in wanted


def test_exclusions_and_distinct_text(parse):
    sentences = _sentences(parse, TEXT, TEXT)  # the same text in two sources
    picks = pick(sentences, 50, "coverage", exclude=lambda s: s.index == 0)
    texts = [p.sentence.text for p in picks]
    assert len(texts) == len(set(texts))
    assert all(p.sentence.index != 0 for p in picks)


def test_compose_picks_summary_and_sections_with_the_same_selector(parse, monkeypatch):
    import briefing.compose as compose
    from briefing.ingest import FurnitureRules
    from briefing.model import Facts
    from briefing.topics import load_topics

    calls = []
    real = compose.pick

    def spy(candidates, count, method, preference, exclude=None, weights=None):
        calls.append((method, id(weights), len(candidates)))
        return real(candidates, count, method, preference, **({"exclude": exclude} if exclude else {}),
                    weights=weights)

    monkeypatch.setattr(compose, "pick", spy)
    docs = [parse("An air strike killed three soldiers near the border on Monday. "
                  "The government condemned the strike and recalled its ambassador. "
                  "About 2,500 troops are stationed in the country.", sid=f"S{i}") for i in (1, 2)]
    briefing = compose.compose(docs, load_topics(), Facts(), compose.Settings(), FurnitureRules.load())
    assert briefing.summary and briefing.method == "coverage"
    assert len(calls) >= 2  # the summary and at least one section
    assert {method for method, _, _ in calls} == {"coverage"}
    assert len({w for _, w, _ in calls}) == 1  # one set of concept weights for all
