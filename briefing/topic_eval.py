"""Precision and recall of the topic sections against a hand-annotated gold file.

The gold format is that of `tests/data/topics/*.json` (see the guidelines it was
written by): every sentence of every article, with the topics it belongs to.
A briefing's section sentences are matched to gold sentences by text (white
space and case aside).

Judgements, per section:
  precision  of the section's sentences the gold has, the share it gives this
             topic; sentences the gold does not have are counted as unjudged.
  recall     of the gold sentences of this topic, the share the section shows,
             out of as many as it could have shown: a section of N sentences
             cannot show more than N, so the denominator is the smaller of N and
             the number of gold sentences for the topic.
  empty      a section without a sentence while the gold has some for its topic.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import BriefingError
from .evaluate import built_json, pct


@dataclass(frozen=True, slots=True)
class SectionScore:
    topic: str
    right: int  # section sentences the gold gives this topic
    judged: int  # section sentences the gold has
    shown: int  # section sentences
    could: int  # gold sentences the section could have shown
    gold: int  # gold sentences for the topic

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def recall(self) -> float | None:
        return self.right / self.could if self.could else None

    @property
    def unjudged(self) -> int:
        return self.shown - self.judged

    @property
    def empty(self) -> bool:
        return self.shown == 0 and self.gold > 0


def is_topic_gold(gold: dict) -> bool:
    return isinstance(gold, dict) and isinstance(gold.get("sentences"), list)


def load_topic_gold(path: str | Path) -> dict[str, set[str]]:
    """Normalised sentence text -> the topics the gold gives it."""
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read gold file ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise BriefingError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not is_topic_gold(gold):
        raise BriefingError(f"{path}: no 'sentences' list in this topic gold file")
    return topic_labels(gold)


def topic_labels(gold: dict) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for n, s in enumerate(gold["sentences"], start=1):
        if not isinstance(s, dict) or not isinstance(s.get("text"), str):
            raise BriefingError(f"gold sentence {n} has no text")
        labels.setdefault(_norm(s["text"]), set()).update(s.get("topics") or ())
    return labels


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def evaluate_sections(doc: dict, labels: dict[str, set[str]], section_sentences: int) -> list[SectionScore]:
    """Scores of each section of a briefing/1 JSON document."""
    scores = []
    for sec in doc.get("sections", []):
        topic = sec["topic"]
        texts = list(dict.fromkeys(_norm(x["text"]) for x in sec.get("sentences", [])))
        judged = [t for t in texts if t in labels]
        right = sum(topic in labels[t] for t in judged)
        gold = sum(topic in topics for topics in labels.values())
        scores.append(SectionScore(topic, right, len(judged), len(texts), min(section_sentences, gold), gold))
    return scores


def format_section_scores(scores: list[SectionScore]) -> str:
    lines = [f"{'section':<20} {'precision':>16} {'recall':>16} {'unjudged':>9}  gold"]
    for s in scores:
        note = "  EMPTY" if s.empty else ""
        lines.append(f"{s.topic:<20} {s.right:>3}/{s.judged:<3} {pct(s.precision)} {s.right:>3}/{s.could:<3} "
                     f"{pct(s.recall)} {s.unjudged:>9} {s.gold:>5}{note}")
    return "\n".join(lines)


def evaluate_topic_sources(gold_path: str | Path, options) -> tuple[object, list[SectionScore]]:
    """Build a briefing with `options` (a pipeline.BuildOptions) and score its sections against the gold."""
    labels = load_topic_gold(gold_path)
    result, doc = built_json(options)
    return result, evaluate_sections(doc, labels, options.settings.section_sentences)


def is_topic_gold_file(path: str | Path) -> bool:
    """The gold file annotates sentences with topics (rather than facts)."""
    try:
        with open(path, encoding="utf-8") as f:
            return is_topic_gold(json.load(f))
    except (OSError, ValueError):
        return False  # the facts loader reports what is wrong with it
