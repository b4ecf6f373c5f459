"""Figures: every count of troops, casualties, attacks, targets, sites, destroyed
buildings, munitions, people missing, displaced or arrested, and damage, as
each sentence states it.

Each sentence is read on its own (`figure_reading`); `ledger` resolves the
readings of all sources into quantities, values and discrepancies.
"""
from __future__ import annotations

from typing import Sequence

from ..model import ParsedSource
from .figure_places import Aliases
from .figure_reading import Reading, read_sentence
from .figure_words import Words, load_words


def readings(parsed: Sequence[ParsedSource], vocab: Words | None = None) -> list[Reading]:
    """Every figure every sentence states, in source order."""
    vocab = vocab or load_words()
    aliases = Aliases(vocab)
    return [r for p in parsed for r in source_readings(p, vocab, aliases)]


def source_readings(p: ParsedSource, vocab: Words, aliases: Aliases) -> list[Reading]:
    """The figures one source states: a function of its sentences alone, so it can be cached."""
    out, lead_in = [], None
    for i, sentence in enumerate(p.sentences):
        out.extend(read_sentence(sentence, p.sentences[max(0, i - 2):i], vocab, aliases, lead_in))
        if sentence.text.rstrip().endswith(":"):
            lead_in = sentence
        elif len(sentence.tokens) > vocab.list_item_tokens:
            lead_in = None  # prose again: the list is over
    return out
