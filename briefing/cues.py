"""Which sentences can feed what the briefing reads from the parse.

Tagging, the dependency parse and lemmas are the costly half of the analysis; named
entities and sentence boundaries are needed everywhere, the rest only where a figure, a
quotation, a speaker, a date, a topic, an entity's role, an event or the summary's lead can
be read. `Cues` holds those signals as plain words and labels, matched on a sentence's
tokens before any tagging; `analyze` parses only the sentences that carry one.

The words come from the data files the readers themselves use (data/speech.toml,
data/events.toml, the number words of data/figures.toml, every cue of the topics as
loaded) plus data/parse_cues.toml. A miss costs a fact; an extra sentence only costs time,
so forms are generated generously.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .dates import find_dates

DATA = Path(__file__).parent / "data"
PARSE_CUES = DATA / "parse_cues.toml"
# The topic cue classes whose words earn a sentence points on their own (actors and
# not_under only change what another cue is worth).
TOPIC_CLASSES = ("verbs", "subjects", "nouns", "counted", "lemmas", "key_lemmas", "phrases")


@dataclass(frozen=True, slots=True)
class Cues:
    """What makes a sentence worth parsing; plain data, shipped to workers with the texts."""

    words: frozenset[str]  # lower-case written forms
    reporting: frozenset[str]  # verbs of saying a topic counts when an actor says them ...
    actors: frozenset[str]  # ... these actor nouns (written forms)
    actor_labels: frozenset[str]  # ... or an entity of these labels
    labels: frozenset[str]  # entity labels of counts and amounts, or a topic's labels
    not_counts: frozenset[str]  # a number inside an entity of these labels is no count
    role_labels: frozenset[str]  # entities whose apposition gives a role
    quote_marks: tuple[str, ...]
    lead: int  # the first sentences of a source are always parsed
    lookback: int  # sentences before a quotation naming an entity: who a later "he said" may be

    def digest(self) -> str:
        """Identifies the selection: a change to it parses every source again."""
        h = hashlib.sha256()
        for part in (sorted(self.words), sorted(self.reporting), sorted(self.actors), sorted(self.actor_labels),
                     sorted(self.labels), sorted(self.not_counts), sorted(self.role_labels),
                     self.quote_marks,
                     [str(self.lead), str(self.lookback)]):
            h.update("\0".join(part).encode("utf-8") + b"\1")
        return h.hexdigest()[:16]

    def wanted(self, index: int, words: Sequence[str], labels: Iterable[str], text: str,
               quoted: bool = False, entity_by_comma: bool = False, count: bool = False) -> bool:
        """Does sentence `index` of its source, with these lower-case `words`, need the parse?

        `quoted`: it lies inside a quotation; `entity_by_comma`: an entity of `role_labels`
        stands beside a comma (an apposition may give its role); `count`: a number outside
        the `not_counts` entities.
        """
        if index < self.lead or quoted or entity_by_comma or count:
            return True
        if any(mark in text for mark in self.quote_marks):
            return True
        if not self.labels.isdisjoint(labels):
            return True
        if not self.words.isdisjoint(words):
            return True
        if not self.reporting.isdisjoint(words) and (
                not self.actors.isdisjoint(words) or not self.actor_labels.isdisjoint(labels)):
            return True  # "the ministry said": a statement a topic may count
        return bool(find_dates(text))  # the timeline and the date conflicts read dates from the parse


def forms(lemma: str) -> set[str]:
    """The regular written forms of a verb or noun: kill, kills, killed, killing; carry, carried."""
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "er"}
    if w.endswith("y") and len(w) > 2:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # stop, stopped; shell, shelling
    if w.endswith(("s", "x", "z", "ch", "sh")):
        out.add(w + "es")
    return out


def _read(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def load_cues(topics: Sequence = ()) -> Cues:
    """The cues of the built-in data and of `topics` (as `topics.load_topics` gives them)."""
    from .extract.figure_words import load_words

    base = _read(PARSE_CUES)
    irregular = {k.lower(): [w.lower() for w in v] for k, v in base.get("irregular", {}).items()}
    particles = {w.lower() for w in base.get("particles", ())}

    def written(entries) -> set[str]:
        out: set[str] = set()
        for entry in entries:
            for word in str(entry).lower().split():  # "air strike", "pull out": each word is a cue, but a particle
                if word not in particles:
                    out |= forms(word) | set(irregular.get(word, ()))
        return out

    lemmas: set[str] = set()
    reporting: set[str] = set()
    actors: set[str] = set()
    labels = set(base.get("labels", ()))
    actor_labels: set[str] = set()
    for topic in topics:
        for cls in TOPIC_CLASSES:
            lemmas.update(getattr(topic, cls, ()) or ())
        # a verb of saying scores only with an actor as its subject (topics._statement)
        reporting.update(getattr(topic, "reporting", ()) or ())
        actors.update(getattr(topic, "actors", ()) or ())
        actor_labels.update(getattr(topic, "actor_labels", ()) or ())
        labels.update(getattr(topic, "labels", ()) or ())
    words = set(w.lower() for w in base.get("words", ())) | written(lemmas)
    vocab = load_words()  # number words the figure reader counts with ("three", "dozens", "hundred")
    words.update(vocab.vague)
    for table in ("units", "tens", "scales"):
        words.update(getattr(vocab, table, {}) or {})
    return Cues(
        words=frozenset(words),
        reporting=frozenset(written(reporting)),
        actors=frozenset(written(actors)),
        actor_labels=frozenset(actor_labels),
        labels=frozenset(labels),
        not_counts=frozenset(base.get("not_counts", ())),
        role_labels=frozenset(base.get("role_labels", ())),
        quote_marks=tuple(base.get("quote_marks", ())),
        lead=int(base.get("lead_sentences", 0)),
        lookback=int(base.get("quote_lookback", 0)),
    )
