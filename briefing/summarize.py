"""Stage 4, summarize: rank sentences with sumy and pick a short, non-repetitive set.

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded here,
so sumy is fed the sentences and words spaCy already produced through a small
tokenizer adapter. Every method sumy offers for generic summaries is available
by name.
"""
from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .errors import BriefingError
from .model import Sentence

METHODS: dict[str, str] = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
}
DEFAULT_METHOD = "lexrank"

# sumy's graph methods build an N x N similarity matrix in pure Python; ranking
# a bounded pool keeps every build linear in the number of articles.
MAX_CANDIDATES = 200

# Two sentences say the same thing when their content words overlap this much
# (see `near_duplicate`): enough shared words to rule out chance, and a large
# share of the shorter sentence.
NEAR_DUPLICATE = 0.43
MIN_SHARED = 5


class _SpacyTokenizer:
    """The two methods sumy asks of a tokenizer, answered from spaCy's analysis."""

    language = "english"

    def __init__(self, words: dict[str, tuple[str, ...]]):
        self._words = words

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return self._words.get(sentence, ())


def words_of(sentence: Sentence) -> tuple[str, ...]:
    return tuple(t.text for t in sentence.tokens if any(ch.isalnum() for ch in t.text))


def content_lemmas(sentence: Sentence) -> frozenset[str]:
    return frozenset(
        t.lemma.lower()
        for t in sentence.tokens
        if not t.is_stop and t.pos not in ("PUNCT", "SPACE", "SYM", "DET", "ADP", "CCONJ", "PART")
        and any(ch.isalnum() for ch in t.text)
    )


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of content words, forgiving one sentence being a shorter version of the other."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return max(shared / len(a | b), 0.8 * shared / min(len(a), len(b)))


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    if shared >= MIN_SHARED:
        return similarity(a, b) >= NEAR_DUPLICATE
    return shared >= 3 and similarity(a, b) >= 0.7


def _summarizer(method: str):
    try:
        module_name, class_name = METHODS[method].split(":")
    except KeyError:
        raise BriefingError(
            f"unknown summarization method '{method}'; choose one of {', '.join(METHODS)}"
        ) from None
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    cls = getattr(importlib.import_module(module_name), class_name)
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def rank(sentences: Sequence[Sentence], method: str = DEFAULT_METHOD) -> list[tuple[Sentence, float]]:
    """All `sentences`, best first, each with a score in [0, 1] (1 = best).

    Sentences with identical text are ranked once (the first is kept).
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    unique: dict[str, Sentence] = {}
    for s in sentences:
        unique.setdefault(s.text.strip(), s)
    if not unique:
        return []
    if len(unique) == 1:
        return [(next(iter(unique.values())), 1.0)]
    tokenizer = _SpacyTokenizer({text: words_of(s) for text, s in unique.items()})
    document = ObjectDocumentModel(
        [Paragraph([SumySentence(text, tokenizer) for text in unique])]
    )
    order: list = []

    def keep_all(infos):
        # sumy hands its "how many" callable the sentences sorted best first
        order.extend(infos)
        return infos

    _summarizer(method)(document, keep_all)
    n = len(order)
    return [(unique[str(info.sentence)], 1.0 - i / n) for i, info in enumerate(order)]


def candidate_pool(sentences: Sequence[Sentence], limit: int = MAX_CANDIDATES) -> list[Sentence]:
    """At most `limit` sentences, taken round-robin from each source's opening.

    News puts what matters first, so leads from every source make a fair pool.
    """
    if len(sentences) <= limit:
        return list(sentences)
    by_source: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_source.setdefault(s.source, []).append(s)
    queues = [sorted(v, key=lambda s: s.index) for v in by_source.values()]
    pool: list[Sentence] = []
    depth = 0
    while len(pool) < limit:
        added = False
        for q in queues:
            if depth < len(q):
                pool.append(q[depth])
                added = True
                if len(pool) == limit:
                    break
        if not added:
            break
        depth += 1
    return pool


@dataclass(frozen=True, slots=True)
class Pick:
    sentence: Sentence
    score: float


def select(
    scored: Iterable[tuple[Sentence, float]],
    count: int,
    exclude: Callable[[Sentence], bool] = lambda s: False,
) -> list[Pick]:
    """Greedy picks by score, skipping near-duplicates of what is already picked."""
    picks: list[Pick] = []
    signatures: list[frozenset[str]] = []
    for sentence, score in sorted(scored, key=lambda p: -p[1]):
        if len(picks) >= count:
            break
        if exclude(sentence):
            continue
        sig = content_lemmas(sentence)
        if any(near_duplicate(sig, other) for other in signatures):
            continue
        picks.append(Pick(sentence, score))
        signatures.append(sig)
    return picks


class DuplicateIndex:
    """Finds, for a sentence, the same or nearly the same sentence in other sources."""

    def __init__(self, sentences: Iterable[Sentence]):
        self._sentences: list[Sentence] = list(sentences)
        self._sigs = [content_lemmas(s) for s in self._sentences]
        self._postings: dict[str, list[int]] = {}
        for i, sig in enumerate(self._sigs):
            for lemma in sig:
                self._postings.setdefault(lemma, []).append(i)

    def copies(self, sentence: Sentence) -> tuple[list[Sentence], list[Sentence]]:
        """(exact copies in other sources, near-duplicates in other sources)."""
        sig = content_lemmas(sentence)
        hits = Counter(i for lemma in sig for i in self._postings.get(lemma, ()))
        exact: list[Sentence] = []
        near: list[Sentence] = []
        seen_sources = {sentence.source}
        for i, shared in hits.most_common():
            other = self._sentences[i]
            if other.source in seen_sources or shared < 3:
                continue
            if other.text == sentence.text:
                exact.append(other)
                seen_sources.add(other.source)
            elif near_duplicate(sig, self._sigs[i]):
                near.append(other)
                seen_sources.add(other.source)
        return exact, near
