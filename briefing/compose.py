"""Stage 6, compose: choose what the briefing quotes and assemble the `Briefing`.

Only whole sentences that read as sentences are quoted. The executive summary
and every topic section are picked by the same selector (`summarize.pick`, the
method the user chose) against the same concept weights: the summary prefers
early sentences, a section its most relevant ones. Each quoted sentence cites
every source that carries it word for word, and names the sources that carry a
near-duplicate.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Iterable, Sequence

from .pagelines import FurnitureRules, balanced_quotes, ends_like_sentence
from .model import Briefing, Citation, Excerpt, Facts, ParsedSource, Section, Sentence, Traits
from .summarize import (DEFAULT_METHOD, MAX_CANDIDATES, ConceptWeights, DuplicateIndex, Preference,
                        candidate_pool, concepts, content_lemmas, figures, numbers_of, pick, words_of)
from .title import default_title, title_of
from .topics import Topic, assign_topics

MIN_WORDS, MAX_WORDS = 6, 80
# How much a sentence's position (summary) or topic relevance (sections) counts
# beside the summarization method's own judgement (see summarize.Preference):
# as a share of a sumy rank, and as a power on a coverage gain. Sections put
# relevance first; the summary lets coverage lead.
SUMMARY_LEAD = {"weight": 0.3, "power": 0.2}
SECTION_RELEVANCE = {"weight": 0.5, "power": 2.0}
NO_SENTENCE = "no sentence of the sources reaches this topic's threshold; left out of the briefing"


@dataclass(frozen=True, slots=True)
class Settings:
    method: str = DEFAULT_METHOD
    summary_sentences: int = 5
    section_sentences: int = 4
    title: str | None = None
    exclude: tuple[str, ...] = ()  # verbatim fragments: a sentence holding one is never quoted
    pin: tuple[str, ...] = ()  # verbatim fragments: a sentence holding one is in the summary
    comment: str | None = None  # the analyst's own words (Markdown), shown apart from the sources'


# Kinds whose latest value the executive summary should carry, in order of preference.
TOLL_KINDS = ("killed", "injured")


def is_quotable(sentence: Sentence, rules: FurnitureRules) -> bool:
    """A complete statement a reader can take on its own (a kept sentence with traits was)."""
    if sentence.traits is not None:
        return True
    words = sum(1 for t in sentence.tokens if t.pos not in ("PUNCT", "SPACE"))
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and ends_like_sentence(sentence.text)
        and "\n" not in sentence.text
        and any(t.pos in ("VERB", "AUX") for t in sentence.tokens)
        and not sentence.text[:1].islower()
        and not rules.is_boilerplate_sentence(sentence.text)
        and balanced_quotes(sentence.text)
    )


def standalone(sentence: Sentence) -> float:
    """1.0 for a sentence that stands on its own; less for one that leans on the one before.

    "But ...", "He added ...", "It will ..." need their context to be understood.
    """
    if sentence.traits is not None:
        return sentence.traits.standalone
    words = [t for t in sentence.tokens if t.pos not in ("PUNCT", "SPACE")]
    if not words:
        return 0.0
    first = words[0]
    if first.pos == "CCONJ" or (first.pos == "PRON" and first.dep.startswith("nsubj")):
        return 0.6
    if first.pos == "DET" and first.lemma.lower() in ("this", "that", "these", "those"):
        return 0.6  # "These groups ...", "This announcement ...": which ones, the sentence before said
    return 1.0


def traits(sentence: Sentence) -> Traits:
    """What choosing sentences reads from a quotable sentence's parse."""
    return Traits(concepts(sentence), content_lemmas(sentence), figures(sentence), numbers_of(sentence),
                  words_of(sentence), standalone(sentence))


def lead(sentence: Sentence) -> float:
    """News says what matters first: 1.0 for an opening sentence, falling with position."""
    return 1.0 / (1.0 + sentence.index / 4.0)


def compose(
    parsed: Sequence[ParsedSource],
    topics: Sequence[Topic],
    facts: Facts,
    settings: Settings,
    rules: FurnitureRules,
    topic_scores: dict[tuple[str, int], dict[str, float]] | None = None,
    openings: tuple[Sequence[Iterable[str]], set[str]] | None = None,
) -> Briefing:
    """`topic_scores`: each sentence's (by its key) topics and points, when kept from an earlier build;
    `openings`: what the default title reads from the parse (`title.title_of`), when kept. With
    both, `parsed` may hold sentences rebuilt from kept work (`source_work.sentences_of`)."""
    sentences = [s for p in parsed for s in p.sentences if is_quotable(s, rules)
                 and not any(f in s.text for f in settings.exclude)]
    order = {p.source.id: n for n, p in enumerate(parsed)}
    duplicates = DuplicateIndex(sentences)

    def excerpt(sentence: Sentence) -> Excerpt:
        exact, near = duplicates.copies(sentence)
        cite = lambda s: Citation(s.source, s.start, s.end)  # noqa: E731
        return Excerpt(
            text=sentence.text,
            citations=tuple(cite(s) for s in sorted([sentence, *exact], key=lambda s: order[s.source])),
            also_in=tuple(cite(s) for s in sorted(near, key=lambda s: order[s.source])),
        )

    # What the sources agree on, counted once over every quotable sentence; the
    # summary and every section are picked by the same selector against it.
    weights = ConceptWeights.of(sentences)
    summary = pick(
        candidate_pool(sentences), settings.summary_sentences, settings.method,
        Preference(prior=lead, fit=standalone, **SUMMARY_LEAD), weights=weights,
    )
    with_pins, pins = with_pinned([p.sentence for p in summary], parsed, settings)
    chosen_summary = with_latest_toll(with_pins, sentences, facts, parsed,
                                      max(settings.summary_sentences, pins + 1 if pins else 0))
    used = {s.key for s in chosen_summary}

    sections = []
    by_topic = assign_topics(sentences, topics, None if topic_scores is None else [topic_scores[s.key] for s in sentences])
    for topic in topics:
        scored = sorted(by_topic[topic.id], key=lambda p: -p[1])[:MAX_CANDIDATES]
        if not scored:
            sections.append(Section(topic.id, topic.title, (), note=NO_SENTENCE))
            continue
        relevance = {s.key: points for s, points in scored}
        best = max(relevance.values())
        preference = Preference(prior=lambda s: relevance[s.key] / best, fit=standalone, **SECTION_RELEVANCE)
        candidates = [s for s, _ in scored]
        picks = pick(candidates, settings.section_sentences, settings.method, preference,
                     exclude=lambda s: s.key in used, weights=weights)
        if not picks:  # everything on this topic is already quoted above: say it again
            picks = pick(candidates, settings.section_sentences, settings.method, preference, weights=weights)
        used |= {p.sentence.key for p in picks}
        chosen = sorted((p.sentence for p in picks), key=lambda s: (-relevance[s.key], order[s.source], s.index))
        sections.append(Section(topic.id, topic.title, tuple(excerpt(s) for s in chosen)))

    sources = tuple(p.source for p in parsed)
    return Briefing(
        title=settings.title or (title_of(facts, *openings) if openings is not None else default_title(facts, parsed)),
        generated=generated_date(sources),
        sources=sources,
        summary=tuple(excerpt(s) for s in chosen_summary),
        sections=tuple(sections),
        facts=facts,
        method=settings.method,
        comment=settings.comment,
    )


def with_latest_toll(summary: list[Sentence], sentences: Sequence[Sentence], facts: Facts,
                     parsed: Sequence[ParsedSource], size: int) -> list[Sentence]:
    """The summary, carrying the latest toll of the main event when the ledger has one.

    The main event's toll is the best-attested row of people killed (else injured)
    that is no part of another and not dated to another time; its latest value is
    quoted from the newest source that states it. It takes the last place if the
    summary is full.
    """
    rows = [r for r in facts.ledger if r.part_of is None and r.kind in TOLL_KINDS
            and not any(f.quantity == r.id and f.when and any(ch.isdigit() for ch in f.when) for f in facts.figures)]
    if not rows:
        return summary
    row = min(rows, key=lambda r: (TOLL_KINDS.index(r.kind), -len({s for v in r.values for s in v.sources})))
    latest = row.values[0]
    if any(s.source in latest.sources and any(c.source == s.source and c.start == s.start for c in latest.citations)
           for s in summary):
        return summary
    published = {p.source.id: p.source.published or "" for p in parsed}
    by_span = {(s.source, s.start): s for s in sentences}
    stating = [by_span[(c.source, c.start)] for c in latest.citations if (c.source, c.start) in by_span]
    if not stating:
        return summary
    toll = max(stating, key=lambda s: (published.get(s.source, ""), -s.index))
    kept = [s for s in summary if s.key != toll.key]
    return (kept[:size - 1] if len(kept) >= size else kept) + [toll]


def with_pinned(summary: list[Sentence], parsed: Sequence[ParsedSource],
                settings: Settings) -> tuple[list[Sentence], int]:
    """The summary with each pinned sentence first, in the order pinned, then the ranking's picks;
    and how many sentences were pinned.

    Pinned sentences come before the latest toll is added, which takes the last place: a pin
    never pushes the toll out, and more pins than places lengthen the summary.
    """
    everything = [s for p in parsed for s in p.sentences if not any(f in s.text for f in settings.exclude)]
    pinned = [next(s for s in everything if f in s.text) for f in settings.pin if any(f in s.text for s in everything)]
    pinned = list({s.key: s for s in pinned}.values())
    rest = [s for s in summary if s.key not in {p.key for p in pinned}]
    return pinned + rest[:max(0, settings.summary_sentences - len(pinned))], len(pinned)


def generated_date(sources) -> str:
    """The newest source's date: the same inputs give the same briefing, whatever the clock."""
    dates = [s.published for s in sources if s.published]
    if dates:
        return max(dates)
    newest = max((s.modified for s in sources), default=0.0)
    return datetime.datetime.fromtimestamp(newest, datetime.timezone.utc).date().isoformat()
