"""Stage 3, topics: which topic sections a sentence belongs to.

Topics are data (`data/topics.toml`, or a user's file): lemmas, phrases and
entity labels, each worth points; a sentence belongs to every topic whose
minimum it reaches.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .errors import BriefingError
from .model import Sentence

DEFAULT_TOPICS = Path(__file__).parent / "data" / "topics.toml"
REQUIRED = ("strikes", "casualties", "troop_levels", "political_responses")
NUMBER = "NUMBER"
# Numbers that are not counts: "three years later", "at 7:45", "5%", "$3 million", "second".
NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    lemmas: frozenset[str]
    phrases: tuple[str, ...]
    key_lemmas: frozenset[str] = frozenset()
    avoid_lemmas: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    min_score: float = 2.0

    def score(self, sentence: Sentence) -> float:
        """Points the sentence earns for this topic; 0 if a requirement is missing."""
        labels = {m.label for m in sentence.mentions}
        if self.requires:
            has_number = any((t.like_num or t.pos == "NUM") and t.ent_type not in NOT_COUNTS for t in sentence.tokens)
            present = labels | ({NUMBER} if has_number else set())
            if not self.requires & present:
                return 0.0
        lemmas = {t.lemma.lower() for t in sentence.tokens}
        points = float(len(lemmas & self.lemmas)) + 2 * len(lemmas & self.key_lemmas)
        points -= 2 * len(lemmas & self.avoid_lemmas)
        points += _counted(sentence, self.key_lemmas)
        if self.phrases:
            text = " ".join(sentence.text.lower().split())
            points += 2 * sum(1 for p in self.phrases if _contains_phrase(text, p))
        points += len(labels & self.labels)
        return points


def _counted(sentence: Sentence, key_lemmas: frozenset[str]) -> int:
    """1 when a number counts one of the key words ("5,000 troops"): the sentence is about how many."""
    for t in sentence.tokens:
        if t.dep == "nummod" and t.ent_type not in NOT_COUNTS and 0 <= t.head < len(sentence.tokens):
            if sentence.tokens[t.head].lemma.lower() in key_lemmas:
                return 1
    return 0


def _contains_phrase(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def load_topics(extra: Iterable[str | Path] = ()) -> list[Topic]:
    """Built-in topics, then each extra file's; a topic with a known id replaces it."""
    topics: dict[str, Topic] = {}
    for path in (DEFAULT_TOPICS, *extra):
        for topic in _read_topic_file(Path(path)):
            topics[topic.id] = topic
    return list(topics.values())


def _read_topic_file(path: Path) -> list[Topic]:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read topic file ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise BriefingError(f"{path}: not valid TOML ({exc})") from None
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise BriefingError(f"{path}: no [[topic]] tables found")
    topics = []
    for n, entry in enumerate(entries, start=1):
        tid = entry.get("id")
        if not isinstance(tid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", tid):
            raise BriefingError(f"{path}: topic {n} needs an id of lower-case letters, digits and _")
        if not entry.get("lemmas") and not entry.get("phrases") and not entry.get("key_lemmas"):
            raise BriefingError(f"{path}: topic '{tid}' needs lemmas or phrases")
        topics.append(
            Topic(
                id=tid,
                title=str(entry.get("title") or tid.replace("_", " ").capitalize()),
                lemmas=frozenset(str(w).lower() for w in entry.get("lemmas", [])),
                key_lemmas=frozenset(str(w).lower() for w in entry.get("key_lemmas", [])),
                avoid_lemmas=frozenset(str(w).lower() for w in entry.get("avoid_lemmas", [])),
                phrases=tuple(" ".join(str(p).lower().split()) for p in entry.get("phrases", [])),
                labels=frozenset(entry.get("labels", [])),
                requires=frozenset(entry.get("requires", [])),
                min_score=float(entry.get("min_score", 2)),
            )
        )
    return topics


def assign_topics(sentences: Sequence[Sentence], topics: Sequence[Topic]) -> dict[str, list[tuple[Sentence, float]]]:
    """For each topic id, its sentences with their scores, in input order."""
    out: dict[str, list[tuple[Sentence, float]]] = {t.id: [] for t in topics}
    for sentence in sentences:
        for topic in topics:
            points = topic.score(sentence)
            if points and points >= topic.min_score:
                out[topic.id].append((sentence, points))
    return out
