"""Figures: every count of troops, casualties, attacks, targets, sites, destroyed
buildings, munitions, people missing, displaced or arrested, and damage, as
each sentence states it.

Each sentence is read on its own (`figure_reading`); `ledger` resolves the
readings of all sources into quantities, values and discrepancies.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Sequence

from ..model import ParsedSource, Sentence
from .figure_context import events_named, named_events
from .figure_places import Aliases, towns_in_states
from .figure_reading import Reading, read_sentence
from .figure_words import Naming, Words, load_words
from .parse_tree import Tree


def readings(parsed: Sequence[ParsedSource], vocab: Words | None = None) -> list[Reading]:
    """Every figure every sentence states, in source order."""
    vocab = vocab or load_words()
    aliases = Aliases(vocab)
    return [r for p in parsed for r in source_readings(p, vocab, aliases)]


def source_readings(p: ParsedSource, vocab: Words, aliases: Aliases) -> list[Reading]:
    """The figures one source states: a function of its sentences alone, so it can be cached."""
    out, lead_in = [], None
    text = p.source.text
    text_end = len(text.rstrip())  # once: each sentence asks whether it ends the text
    for i, sentence in enumerate(p.sentences):
        out.extend(read_sentence(sentence, p.sentences[max(0, i - 2):i], vocab, aliases, lead_in))
        # (a colon that ends its line leads a list in; one that runs on into prose, "• Man accused is
        # arrested: A suspect has been ...", heads a paragraph of its own, and the lines after it are
        # no items of arrests)
        if sentence.text.rstrip().endswith(":") and _ends_line(sentence, text, text_end) \
                or _heading(sentence, text, text_end, vocab):
            lead_in = sentence
        elif lead_in is not None and len(sentence.tokens) > vocab.list_item_tokens \
                and _opens_paragraph(sentence, text, vocab):
            lead_in = None  # prose again: the list is over
    out = _whole_after_another_kind(out)
    read = {r.index for r in out}  # (only a sentence with a count of its own can give a total)
    out = _parts_of_overall(out, {s.index for s in p.sentences if s.index in read and _totals(s, vocab)})
    if out:  # what the article is about, for telling its counts from another story's
        events = vocab.events or {}
        # (and the events its counts name by their verbs alone: "13 were crushed to death")
        named = [events_named(sentence, events, named=vocab.named_events) for sentence in p.sentences]
        told = tuple(sorted({e for found in named for e in found} | {r.event for r in out if r.event}))
        # counts in incidents of another class that the article does not count ("six people were killed
        # in car crashes due to icy roads" in a report on a blizzard) are the toll of its own event:
        # the class it names most, when one leads (not the first it names: "a rescue operation is
        # underway after landslides killed 93")
        ranked = Counter(e for found in named for e in found).most_common(2)
        lead = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        out = [replace(r, event=lead) if r.of_several == "plural" and lead is not None
               and not vocab.same_event(r.event, lead) else r for r in out]
        own = _own_names(p, vocab)
        names = tuple(sorted(_main_names(own, vocab.named_events).items()))
        towns = tuple(sorted({pair for sentence in p.sentences for pair in towns_in_states(sentence, vocab, aliases)}))
        out = [replace(r, story_events=told, story_names=names, story_towns=towns) for r in out]
        here = _paragraph_names(p, own, vocab)
        out = [_named_here(r, here.get(r.index, {})) for r in out]
    return out


def _own_names(p: ParsedSource, vocab: Words) -> dict[int, list[tuple[str, str]]]:
    """The named events each sentence names (class, name) that are the report's own stories: named
    in its first two sentences, or more than once. One named once further on is an aside: "one of
    the most destructive blazes, the Almeda Fire" in a report on fires across three states, "the
    worst since the Camp Fire"."""
    events, named = vocab.events or {}, vocab.named_events
    found = {s.index: [(cls, name) for cls, name in named_events(s, events, named) if name] for s in p.sentences}
    told = Counter((cls, named.key(name)) for pairs in found.values() for cls, name in pairs)
    lead = {(cls, named.key(name)) for i, pairs in found.items() if i < 2 for cls, name in pairs}
    return {i: [(cls, name) for cls, name in pairs if told[cls, named.key(name)] > 1 or (cls, named.key(name)) in lead]
            for i, pairs in found.items()}


def _paragraph_names(p: ParsedSource, found: dict[int, list[tuple[str, str]]], vocab: Words) -> dict[int, dict[str, str]]:
    """The named event of each class a sentence's counts belong to when the sentence names none:
    the one its paragraph named last, else the one its paragraph names; else, when it points back
    with a definite noun of the class ("as the fire spread"), the one the paragraph before names.
    A roundup of fires tells each in its own paragraphs. `found`: the report's own names
    (`_own_names`)."""
    named = vocab.named_events
    paragraphs: list[list[Sentence]] = []
    for s in p.sentences:
        if not paragraphs or _starts_line(s, p.source.text):
            paragraphs.append([])
        paragraphs[-1].append(s)

    def only(sentences: list[Sentence]) -> dict[str, str]:
        by_class: dict[str, dict[str, str]] = {}
        for s in sentences:
            for cls, name in found[s.index]:
                by_class.setdefault(cls, {})[named.key(name)] = name
        return {cls: next(iter(keyed.values())) for cls, keyed in by_class.items() if len(keyed) == 1}

    out: dict[int, dict[str, str]] = {}
    for k, paragraph in enumerate(paragraphs):
        whole, before = only(paragraph), only(paragraphs[k - 1]) if k else {}
        for j, s in enumerate(paragraph):
            last = {cls: name for t in paragraph[:j + 1] for cls, name in found[t.index]}
            back = {cls: name for cls, name in before.items() if _points_back(s, cls, vocab)}
            out[s.index] = {**back, **whole, **last}
    return out


def _points_back(s: Sentence, cls: str, vocab: Words) -> bool:
    """Does the sentence name an event of the class with a definite noun: "the fire", "the blaze"?"""
    t, events = Tree(s), vocab.events or {}
    # (or the word before it: the parser may take "the fire spread" for a compound noun)
    return any(t[i].pos == "NOUN" and events.get(t.lemma(i)) == cls
               and any(t.lower(d) in vocab.definite for d in (*t.children(i, "det"), i - 1) if d >= 0)
               for i in range(len(t)))


def _named_here(r: Reading, here: dict[str, str]) -> Reading:
    """A count that names no event takes the name its paragraph gives its event's class (or the one
    class it names, for a count whose event is not told: "more than 500 firefighters")."""
    if r.event_name or not here:
        return r
    name = here.get(r.event) if r.event else (next(iter(here.values())) if len(here) == 1 else None)
    return replace(r, event_name=name) if name else r


def _whole_after_another_kind(out: list[Reading]) -> list[Reading]:
    """"Killed 39,090 and injured another 90,147", "67 died. Police said another 173 people were
    injured": "another" right after a count of another kind adds the injured to the dead, and the
    injured count is whole, no increment; one after a count of its own kind, or after none ("after
    killing one more victim"), adds to a count of that kind."""
    for i, r in enumerate(out):
        if r.increment:
            before = {b.kind for b in out[:i] if r.index - 1 <= b.index <= r.index}
            if before and r.kind not in before:
                out[i] = replace(r, increment=False)
    return out


def _totals(sentence: Sentence, vocab: Words) -> bool:
    """Does the sentence say it gives a total: "Overall, more than 20 deaths ...", "In all, 49 died"?"""
    words = [t.text.lower() for t in sentence.tokens]
    return any(words[:len(mark.split())] == mark.split() for mark in vocab.total_marks) \
        or any(t.dep == "advmod" and t.text.lower() in vocab.total_marks for t in sentence.tokens)


def _parts_of_overall(out: list[Reading], totals: set[int]) -> list[Reading]:
    """A count an article calls its total ("Overall, more than 20 deaths") holds the smaller counts of
    its kind the article gives in other sentences ("at least 14 Houston-area deaths were confirmed"):
    they are its parts, not rival values (not a value the article says was given first, or replaced)."""
    wholes = [r for r in out if r.index in totals and not r.subset]
    if not wholes:
        return out
    return [replace(r, subset=True) if not r.subset and r.index not in totals and not (
        r.superseded or r.first_told or r.another_event or r.increment)
        and any(w.kind == r.kind and w.value > r.value and w.when == r.when for w in wholes) else r for r in out]


def _main_names(found: dict[int, list[tuple[str, str]]], named: Naming) -> dict[str, str]:
    """The name a source gives an event class most, when one name leads: a count of "the typhoon"
    in a report on Typhoon Haishen that also recalls Typhoon Maysak is Haishen's. `found`: the
    report's own names (`_own_names`)."""
    # (by the name itself: "Hurricane Mitch" is "Tropical Storm Mitch" once it weakens)
    counts = Counter((cls, named.key(name)) for pairs in found.values() for cls, name in pairs)
    out: dict[str, str] = {}
    for (cls, name), n in counts.most_common():
        if cls not in out and all(m < n for (c, other), m in counts.items() if c == cls and other != name):
            out[cls] = name
    return out


def _opens_paragraph(sentence: Sentence, text: str, vocab: Words) -> bool:
    """A sentence that starts a line without a list's bullet (not the rest of an item's line)."""
    return _starts_line(sentence, text) and sentence.text.lstrip()[:1] not in vocab.list_bullets


def _starts_line(sentence: Sentence, text: str) -> bool:
    i = sentence.start - 1
    while i >= 0 and text[i] in " \t":  # only the blanks before it, however long the line
        i -= 1
    return i < 0 or text[i] in "\r\n"


def _heading(sentence: Sentence, text: str, text_end: int, vocab: Words) -> bool:
    """A short line of its own with no closing stop and no number: "Reports of death toll" over a
    list (not an item of it: "India - more than 7,700")."""
    # ("CONFIRMED DEATH TOLLS 1.": a heading that the number of the list's first item closes, as a
    # flattened page runs them into one line)
    numbered = re.search(r"\s\d+\.$", sentence.text.rstrip())
    words = sentence.text.rstrip()[:numbered.start()] if numbered else sentence.text
    if len(sentence.tokens) > vocab.list_item_tokens or any(ch.isdigit() for ch in words):
        return False
    return bool(numbered) or _ends_line(sentence, text, text_end) and sentence.text.rstrip()[-1:] not in ".!?\"'”’)"


def _ends_line(sentence: Sentence, text: str, text_end: int) -> bool:
    """Nothing but blanks after the sentence on its line."""
    i = sentence.end
    while i < text_end and text[i] in " \t":
        i += 1
    return i >= text_end or text[i] in "\r\n"
