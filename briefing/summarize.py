"""Stage 4, summarize: pick a short, non-repetitive set of sentences that covers the most.

Every method is a `Selector` behind one interface, like sumy's summarizers:
given candidate sentences (at most `MAX_CANDIDATES` are looked at), what the
caller wants besides (a `Preference`: position in the article for the executive
summary, topic relevance for a section) and how many to pick, it returns
verbatim `Sentence`s, best first. `compose` uses the same selector for the
executive summary and for every topic section.

* `coverage` (the default, `CoverageSelector`): greedy weighted coverage of
  concepts. A concept is a pair of adjacent words (punctuation skipped, not two
  stop words) or, weighing less, a content word. It weighs the number of
  sources that carry it, so what several sources agree on counts most, plus a
  bonus for each source that says it in its opening sentence. Each step takes
  the sentence that adds the most not-yet-covered weight per word (length
  discounted less than linearly), scaled by the preference; a concept counts
  once, so a second source repeating the first adds nothing. That is the
  redundancy control; near-duplicates are skipped besides.
* `lexrank`, `textrank`, `lsa`, `luhn`, `kl`, `sumbasic` (`SumySelector`): sumy
  ranks the sentences, the rank is blended with the preference, and the best
  are taken in order, skipping near-duplicates.

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded here,
so sumy is fed the sentences and words spaCy already produced through a small
tokenizer adapter.
"""
from __future__ import annotations

import heapq
import importlib
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from .errors import BriefingError
from .model import Sentence

METHODS: dict[str, str] = {
    "coverage": "briefing.summarize:CoverageSelector",
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
}
DEFAULT_METHOD = "coverage"

# sumy's graph methods build an N x N similarity matrix in pure Python; ranking
# a bounded pool keeps every build linear in the number of articles. Every
# selector looks at no more than this many candidates.
MAX_CANDIDATES = 200

# Two sentences say the same thing when their content words overlap this much
# (see `near_duplicate`): enough shared words to rule out chance, and a large
# share of the shorter sentence.
NEAR_DUPLICATE = 0.43
MIN_SHARED = 5

# The coverage selector. Tuned on DUC 2004 clusters d30001t, d30003t, ... (every
# other one, "half A") and on MultiLing 2011; see BENCHMARKS.md.
UNIGRAM_WEIGHT = 0.4  # a content word weighs this much of what a word pair does
LEDE_WEIGHT = 2.0  # extra weight per source whose opening sentence carries the concept
MIN_SOURCE_SHARE = 0.2  # a concept counts when this share of the sources (at least 2) carry it
SOURCE_REPEAT = 1.0
LENGTH_POWER = 0.85  # gain is divided by words ** LENGTH_POWER: long sentences pay, less than linearly


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
    if sentence.traits is not None:
        return sentence.traits.words
    return tuple(t.text for t in sentence.tokens if any(ch.isalnum() for ch in t.text))


def content_lemmas(sentence: Sentence) -> frozenset[str]:
    if sentence.traits is not None:
        return sentence.traits.lemmas
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


def figures(sentence: Sentence) -> frozenset[str]:
    """The numbers a sentence states ("2,500", "85"), dates and times left out."""
    if sentence.traits is not None:
        return sentence.traits.figures
    return frozenset(
        t.text.replace(",", "")
        for t in sentence.tokens
        if t.like_num and any(ch.isdigit() for ch in t.text) and t.ent_type not in ("DATE", "TIME")
    )


def restates_figures(sentence: Sentence, picked: Sequence[Sentence]) -> bool:
    """True when every figure of `sentence` is already stated, about the same thing, by `picked`.

    "maintains about 2,500 troops in Iraq" after "maintains approximately 2,500
    service members in Iraq" repeats the fact in other words: the same number,
    and at least two of the same content words beside it.
    """
    mine = figures(sentence)
    if not mine:
        return False
    stated: set[str] = set()
    words = content_lemmas(sentence) - mine
    for other in picked:
        theirs = figures(other)
        if theirs & mine and len(words & content_lemmas(other)) >= 2:
            stated |= theirs
    return mine <= stated


def _summarizer(method: str):
    if method not in METHODS or method == "coverage":
        raise BriefingError(
            f"unknown sumy method '{method}'; choose one of {', '.join(m for m in METHODS if m != 'coverage')}"
        )
    module_name, class_name = METHODS[method].split(":")
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    cls = getattr(importlib.import_module(module_name), class_name)
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def candidate_pool(sentences: Sequence[Sentence], limit: int | None = None) -> list[Sentence]:
    """At most `limit` (default MAX_CANDIDATES) sentences, round-robin from each source's opening.

    News puts what matters first, so leads from every source make a fair pool.
    """
    limit = MAX_CANDIDATES if limit is None else limit
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


def _distinct(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Sentences with distinct text, the first of each kept, in order."""
    seen: dict[str, Sentence] = {}
    for s in sentences:
        seen.setdefault(s.text.strip(), s)
    return list(seen.values())


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


# --- what the caller wants besides what the method finds --------------------------------------

def _one(sentence: Sentence) -> float:
    return 1.0


def _never(sentence: Sentence) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Preference:
    """How much the caller wants each sentence, apart from what the method finds in it.

    `prior(s)` is in (0, 1], 1 for the most wanted. A method that ranks (sumy)
    blends it in: value = (1 - weight) * rank + weight * prior. A method that
    measures a gain (coverage) scales by it: value = gain * prior ** power, so
    power 0 ignores the prior and power 1 weighs it as much as the gain. `fit(s)`
    multiplies the value either way (e.g. 0.6 for a sentence that leans on the
    one before it).
    """

    prior: Callable[[Sentence], float] = _one
    weight: float = 0.0
    power: float = 0.0
    fit: Callable[[Sentence], float] = _one

    def blend(self, sentence: Sentence, rank: float) -> float:
        """Value of a sentence a method ranked with `rank` in [0, 1]."""
        return ((1.0 - self.weight) * rank + self.weight * self.prior(sentence)) * self.fit(sentence)

    def scale(self, sentence: Sentence) -> float:
        """Multiplier of the gain a method measured for a sentence."""
        prior = max(self.prior(sentence), 1e-6) ** self.power if self.power else 1.0
        return prior * self.fit(sentence)


# --- concepts: what a sentence says, for coverage ---------------------------------------------

Concept = tuple[str, ...]  # (word, word) for a pair, (word,) for a content word


def concepts(sentence: Sentence) -> frozenset[Concept]:
    """Pairs of adjacent words (lower-case lemmas, punctuation skipped) that are not both
    stop words, and the content words themselves."""
    if sentence.traits is not None:
        return sentence.traits.concepts
    words = [
        ((t.lemma or t.text).lower(), t.is_stop)
        for t in sentence.tokens
        if any(ch.isalnum() for ch in t.text)
    ]
    pairs = {(a, b) for (a, a_stop), (b, b_stop) in zip(words, words[1:]) if not (a_stop and b_stop)}
    return frozenset(pairs | {(w,) for w, stop in words if not stop})


def length(sentence: Sentence) -> int:
    """Words as a reader counts them: whitespace-separated."""
    return max(len(sentence.text.split()), 1)


def min_sources(n_sources: int) -> int:
    """How many sources must carry a concept for it to count."""
    return max(2, round(n_sources * MIN_SOURCE_SHARE))


@dataclass(frozen=True)
class ConceptWeights:
    """What the sources agree on: the weight of each concept.

    A concept weighs the number of sources that carry it, plus LEDE_WEIGHT for
    each source whose opening sentence (its first among those given) carries it;
    a content word weighs UNIGRAM_WEIGHT of that. Concepts carried by fewer than
    `min_sources` sources weigh nothing. With a single source there is no
    agreement to count: a concept then weighs the number of its sentences that
    carry it, from two on (plus the opening bonus).
    """

    weights: Mapping[Concept, float]

    @classmethod
    def of(cls, sentences: Iterable[Sentence]) -> "ConceptWeights":
        sentences = list(sentences)
        opening: dict[str, int] = {}
        by_source: dict[str, list[tuple[int, frozenset[Concept]]]] = {}
        for s in sentences:
            opening[s.source] = min(opening.get(s.source, s.index), s.index)
            by_source.setdefault(s.source, []).append((s.index, concepts(s)))
        # each source's concepts, and those of its opening sentence, as one set each: counted at C speed
        carried: Counter = Counter()
        ledes: Counter = Counter()
        for source, found in by_source.items():
            carried.update(frozenset().union(*(c for _, c in found)))
            ledes.update(frozenset().union(*(c for i, c in found if i == opening[source])))
        n_sources = len(opening)
        if n_sources <= 1:
            sentence_count: Counter = Counter()
            for found in by_source.values():
                for _, c in found:
                    sentence_count.update(c)
            support = {c: n for c, n in sentence_count.items() if n >= 2}
        else:
            floor = min_sources(n_sources)
            support = {c: n for c, n in carried.items() if n >= floor}
        return cls({
            c: (n + LEDE_WEIGHT * ledes.get(c, 0)) * (UNIGRAM_WEIGHT if len(c) == 1 else 1.0)
            for c, n in support.items()
        })

    def gain(self, sentence_concepts: Iterable[Concept], covered: set[Concept] | frozenset = frozenset()) -> float:
        """Weight of the concepts not yet covered."""
        w = self.weights
        return sum(w.get(c, 0.0) for c in sentence_concepts if c not in covered)


# --- the selectors -----------------------------------------------------------------------------

class Selector:
    """A summarization method: up to `count` of `candidates`, best first, each with a score in [0, 1]."""

    name = ""

    def pick(
        self,
        candidates: Sequence[Sentence],
        count: int,
        preference: Preference = Preference(),
        exclude: Callable[[Sentence], bool] = _never,
        weights: ConceptWeights | None = None,
    ) -> list[Pick]:
        raise NotImplementedError

    def rank(self, sentences: Sequence[Sentence]) -> list[tuple[Sentence, float]]:
        """Every distinct sentence (of at most MAX_CANDIDATES), best first, scores from 1 down."""
        raise NotImplementedError


class SumySelector(Selector):
    """A sumy method ranks; the rank is blended with the preference; near-duplicates are skipped."""

    def __init__(self, method: str):
        _summarizer(method)  # fail early on an unknown name
        self.name = method

    def pick(self, candidates, count, preference=Preference(), exclude=_never, weights=None):
        scored = [(s, preference.blend(s, r)) for s, r in self.rank(candidates)]
        return select(scored, count, exclude=exclude)

    def rank(self, sentences):
        unique = _distinct(candidate_pool(sentences))
        if len(unique) <= 1:
            return [(s, 1.0) for s in unique]
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        by_text = {s.text.strip(): s for s in unique}
        tokenizer = _SpacyTokenizer({text: words_of(s) for text, s in by_text.items()})
        document = ObjectDocumentModel([Paragraph([SumySentence(text, tokenizer) for text in by_text])])
        order: list = []

        def keep_all(infos):
            # sumy hands its "how many" callable the sentences sorted best first
            order.extend(infos)
            return infos

        _summarizer(self.name)(document, keep_all)
        n = len(order)
        return [(by_text[str(info.sentence)], 1.0 - i / n) for i, info in enumerate(order)]


class CoverageSelector(Selector):
    """Greedy weighted concept coverage, gain per word, scaled by the preference.

    Lazy greedy: a sentence's gain only falls as concepts get covered (coverage
    is submodular), so a heap entry computed earlier is an upper bound and is
    rescored only when it comes to the top. When no candidate adds anything
    new, the rest follow by preference alone.
    """

    name = "coverage"

    def pick(self, candidates, count, preference=Preference(), exclude=_never, weights=None):
        return self._greedy(candidates, count, preference, exclude, weights, skip_near_duplicates=True)

    def rank(self, sentences):
        picks = self._greedy(sentences, MAX_CANDIDATES, Preference(), _never, None, skip_near_duplicates=False)
        n = len(picks)
        return [(p.sentence, 1.0 - i / n) for i, p in enumerate(picks)]

    def _greedy(self, candidates, count, preference, exclude, weights, skip_near_duplicates: bool) -> list[Pick]:
        pool = [s for s in _distinct(candidate_pool(candidates)) if not exclude(s)]
        if not pool or count <= 0:
            return []
        weights = weights or ConceptWeights.of(pool)
        sets = [concepts(s) for s in pool]
        scale = [preference.scale(s) / length(s) ** LENGTH_POWER for s in pool]
        covered: set[Concept] = set()
        picks: list[Pick] = []
        signatures: list[frozenset[str]] = []
        taken: set[int] = set()
        from_source: Counter = Counter()

        def take(i: int, score: float) -> None:
            sig = content_lemmas(pool[i])
            if skip_near_duplicates and (
                any(near_duplicate(sig, other) for other in signatures)
                or restates_figures(pool[i], [p.sentence for p in picks])
            ):
                return
            picks.append(Pick(pool[i], score))
            signatures.append(sig)
            taken.add(i)
            from_source[pool[i].source] += 1
            covered.update(sets[i])

        heap = [(-weights.gain(sets[i]) * scale[i], i) for i in range(len(pool))]
        heapq.heapify(heap)
        first = 0.0
        while heap and len(picks) < count:
            _, i = heapq.heappop(heap)
            value = weights.gain(sets[i], covered) * scale[i] * SOURCE_REPEAT ** from_source[pool[i].source]
            if heap and value < -heap[0][0]:  # stale: others may now be worth more
                heapq.heappush(heap, (-value, i))
                continue
            if value <= 0:
                break
            first = first or value
            take(i, value / first)
        rest = sorted((i for i in range(len(pool)) if i not in taken), key=lambda i: (-preference.scale(pool[i]), i))
        for i in rest:
            if len(picks) >= count:
                break
            take(i, 0.0)
        return picks


def selector(method: str = DEFAULT_METHOD) -> Selector:
    if method == "coverage":
        return CoverageSelector()
    if method in METHODS:
        return SumySelector(method)
    raise BriefingError(f"unknown summarization method '{method}'; choose one of {', '.join(METHODS)}")


def pick(
    candidates: Sequence[Sentence],
    count: int,
    method: str = DEFAULT_METHOD,
    preference: Preference = Preference(),
    exclude: Callable[[Sentence], bool] = _never,
    weights: ConceptWeights | None = None,
) -> list[Pick]:
    """Up to `count` of `candidates`, best first; at most MAX_CANDIDATES of them are considered.

    `weights` (coverage only) are the concept weights of the whole set of
    sentences the candidates come from; by default they are counted over the
    candidates.
    """
    return selector(method).pick(candidates, count, preference, exclude, weights)


def rank(sentences: Sequence[Sentence], method: str = DEFAULT_METHOD) -> list[tuple[Sentence, float]]:
    """All `sentences`, best first, each with a score in [0, 1] (1 = best).

    Sentences with identical text are ranked once (the first is kept). At most
    MAX_CANDIDATES are ranked: a longer list is cut with `candidate_pool`.
    """
    return selector(method).rank(sentences)


def numbers_of(sentence: Sentence) -> frozenset[str]:
    """The numbers a sentence states, as written less thousands separators: {"12", "three"}."""
    if sentence.traits is not None:
        return sentence.traits.numbers
    return frozenset(t.text.lower().replace(",", "") for t in sentence.tokens if t.like_num)


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
            elif near_duplicate(sig, self._sigs[i]) and numbers_of(other) == numbers_of(sentence):
                # "15 were killed" is never "similar" to "12 were killed": the figures are the news
                near.append(other)
                seen_sources.add(other.source)
        return exact, near
