"""The default title: what the sources agree the briefing is about.

"PLACE: event" when most sources name the same place and open on the same event
("Kabul: drone attack"); otherwise the places and actors the most sources name.
The event words are a lexicon in data/events.toml; the place and the modifiers of
the event noun come from each source's parse, never from a fixed list of names.
"""
from __future__ import annotations

import functools
import tomllib
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from .model import Facts, ParsedSource

EVENTS = Path(__file__).parent / "data" / "events.toml"
OPENING = 3  # sentences of a source that say what it is about
PLACES = ("GPE", "LOC")
ACTORS = ("GPE", "LOC", "ORG", "PERSON", "NORP")


@functools.lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    with open(EVENTS, "rb") as f:
        return frozenset(w.lower() for w in tomllib.load(f).get("nouns", []))


def opening_events(source: ParsedSource) -> set[str]:
    """Event phrases ("drone attack") in a source's opening sentences, by lemma."""
    found = set()
    for sentence in source.sentences[:OPENING]:
        tokens = sentence.tokens
        for i, t in enumerate(tokens):
            if t.pos != "NOUN" or t.lemma.lower() not in event_nouns() or t.ent_type:
                continue
            words = [t.lemma.lower()]
            j = i - 1
            while j >= 0 and tokens[j].head == i and tokens[j].dep == "compound" and tokens[j].pos == "NOUN":
                words.insert(0, tokens[j].text.lower())
                j -= 1
            found.add("".join(words) if len(words) == 2 and len(words[0]) <= 3 else " ".join(words))
            found.add(words[-1])  # "market bombing" is a bombing too, for sources that agree on less
    return found


def _agreed(counts: Counter, n_sources: int) -> str | None:
    """The item that at least two thirds of the sources share (a longer one when as many do)."""
    if not counts:
        return None
    item, n = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))
    return item if n * 3 >= n_sources * 2 else None


def _agreed_by_class(events: Sequence[Iterable[str]], n_sources: int) -> str | None:
    """When sources name one event in different words ("bombing", "blast", "the attack"): the
    class most of them share (the ledger's event classes, a broad "attack" covering a bombing),
    named by its word the most sources use."""
    from .extract.figure_words import load_words  # the extract stage, only when a title is made

    vocab = load_words()
    classes_of = vocab.events or {}
    broad = vocab.broad_events or {}
    per_source = []
    for found in events:
        words = [p.split()[-1] for p in found]
        classes = {classes_of[w] for w in words if w in classes_of}
        classes |= {narrow for c in classes for narrow in broad.get(c, ())}
        per_source.append((classes, found))
    agreed = _agreed(Counter(c for classes, _ in per_source for c in classes), n_sources)
    if agreed is None:
        return None
    named = Counter(p for classes, found in per_source if agreed in classes for p in found
                    if classes_of.get(p.split()[-1]) == agreed)
    return max(named.items(), key=lambda kv: (kv[1], len(kv[0])))[0] if named else None


def default_title(facts: Facts, parsed: Sequence[ParsedSource] = ()) -> str:
    return title_of(facts, [opening_events(p) for p in parsed],
                    {m.text for p in parsed for s in p.sentences for m in s.mentions if m.label in PLACES})


def title_of(facts: Facts, events: Sequence[Iterable[str]], placed: set[str]) -> str:
    """The title from each source's `opening_events` and the names labelled a place anywhere."""
    n = len(events)
    cards = sorted(facts.entities, key=lambda c: (-len(set(c.sources)), -c.mentions))
    if n:
        phrases = Counter(p for found in events for p in found)
        # a longer phrase ("drone attack") wins over its head ("attack") when as many sources use it
        event = _agreed(phrases, n) or _agreed_by_class(events, n)
        # the model labels one name differently sentence by sentence ("in Kharkiv" GPE, "Kharkiv said" ORG):
        # a name labelled a place anywhere is a place
        places = [c for c in cards if c.label in PLACES or placed & {c.name, *c.aliases}]
        if event and places and len(set(places[0].sources)) * 2 > n:
            return f"{places[0].name}: {event}"
    names = [c.name for c in cards if c.label in ACTORS][:3]
    return "Briefing: " + ", ".join(names) if names else "Briefing"
