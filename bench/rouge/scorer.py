"""ROUGE-N recall as ROUGE-1.5.5 computes it, on top of Google's `rouge-score` package.

`rouge-score` supplies the tokenizer (lower-case, every run of characters other
than a-z0-9 is a separator, Porter stemming of tokens longer than 3 characters,
as in ROUGE-1.5.5 `-m`) and the clipped n-gram matching. Two things of
ROUGE-1.5.5 it lacks are done here:

* `-l N`: the peer *and each model* are cut to their first N
  whitespace-separated words before tokenization (ROUGE-1.5.5 `readText` is
  called with the limit for both).
* `-f A` with several models: hits and model n-gram counts are summed over the
  models and divided once (ROUGE-1.5.5 `computeNGramScore`, "model average");
  `rouge-score`'s own `score_multi` takes the best model instead (that is `-f B`).

* `-m` looks a word up in WordNet's exception lists first ("went" -> "go",
  "were" -> "be") and Porter-stems it only when it is not there. The lists come
  from the `spacy-lookups-data` package (spaCy's copy of WordNet's *.exc files),
  read directly from its data file; without that package the plain Porter stem
  is used and R-1 comes out about 0.4 points lower than ROUGE-1.5.5.

Still different: ROUGE-1.5.5's Porter stemmer is its own Perl port, `rouge-score`
uses NLTK's; `python -m bench.rouge check` measures what is left.
"""
from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib import resources
from typing import Sequence

from rouge_score import rouge_scorer, tokenize, tokenizers


@functools.lru_cache(maxsize=1)
def wordnet_exceptions() -> dict[str, str]:
    """Inflected form -> base form from WordNet's exception lists; {} if the package is missing."""
    try:
        data = resources.files("spacy_lookups_data") / "data" / "en_lemma_exc.json.gz"
        with data.open("rb") as f:
            tables = json.loads(gzip.decompress(f.read()))
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    merged: dict[str, str] = {}
    for pos in ("verb", "noun", "adj", "adv"):
        for word, bases in tables.get(pos, {}).items():
            if bases:
                merged.setdefault(word, bases[0])
    return merged


class MorphStemmer:
    """ROUGE-1.5.5 `MorphStem`: the WordNet exception if there is one, else the Porter stem."""

    def __init__(self):
        from nltk.stem import porter

        self._porter = porter.PorterStemmer()
        self._exceptions = wordnet_exceptions()

    def stem(self, word: str) -> str:
        return self._exceptions.get(word) or self._porter.stem(word)


def first_words(text: str, limit: int | None) -> str:
    """The first `limit` whitespace-separated words of `text` (all of it for None)."""
    words = text.split()
    return " ".join(words if limit is None else words[:limit])


@dataclass(frozen=True)
class Recall:
    """Summed clipped hits and model n-gram counts; recall = hits / total."""

    hits: float
    total: float

    @property
    def recall(self) -> float:
        return self.hits / self.total if self.total else 0.0


class Rouge155Tokenizer(tokenizers.Tokenizer):
    """rouge-score's tokenizer (which stems only words longer than 3 characters, as
    ROUGE-1.5.5 does) with `MorphStemmer` in place of the plain Porter stemmer."""

    def __init__(self, stem: bool):
        self._stemmer = MorphStemmer() if stem else None

    def tokenize(self, text: str) -> list[str]:
        return tokenize.tokenize(text, self._stemmer)


class Rouge:
    """ROUGE-N recall of a peer against several model summaries, ROUGE-1.5.5 style."""

    def __init__(self, orders: Sequence[int] = (1, 2), stem: bool = True, limit: int | None = 100):
        self.orders = tuple(orders)
        self.limit = limit
        self._tokenizer = Rouge155Tokenizer(stem)
        self._scorer = rouge_scorer.RougeScorer([f"rouge{n}" for n in self.orders], tokenizer=self._tokenizer)

    def _count(self, text: str, n: int) -> int:
        tokens = self._tokenizer.tokenize(text)
        return max(len(tokens) - n + 1, 0)

    def score(self, peer: str, models: Sequence[str]) -> dict[int, Recall]:
        """{n: Recall} of `peer` against `models`, both cut to `limit` words, hits pooled over models (-f A)."""
        peer = first_words(peer, self.limit)
        pooled = {n: [0.0, 0.0] for n in self.orders}
        for model in models:
            model = first_words(model, self.limit)
            scores = self._scorer.score(model, peer)
            for n in self.orders:
                total = self._count(model, n)
                pooled[n][0] += scores[f"rouge{n}"].recall * total
                pooled[n][1] += total
        return {n: Recall(round(h), t) for n, (h, t) in pooled.items()}


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0

