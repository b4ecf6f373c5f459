"""Stage 5, extract: structured facts from the parsed sources.

Each kind of fact has its own module; `extract` runs them all.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Facts, ParsedSource
from .entities import entity_cards
from .events import date_discrepancies
from .figure_words import load_words
from .per_source import SourceWork, read_sources
from .ledger import build_ledger
from .quotes import extract_quotes
from .timeline import extract_timeline


def extract(parsed: Sequence[ParsedSource], work: Sequence[SourceWork] | None = None) -> Facts:
    """`work`: each source's own readings (`per_source`), when the build state has them."""
    vocab = load_words()
    work = read_sources(parsed) if work is None else work
    ledger = build_ledger([r for w in work for r in w.readings], parsed, vocab)
    entities = tuple(entity_cards(parsed))
    return Facts(
        entities=entities,
        figures=ledger.figures,
        ledger=ledger.rows,
        quotes=tuple(extract_quotes(parsed, entities)),
        discrepancies=(*ledger.discrepancies, *date_discrepancies(parsed, entities)),
        timeline=tuple(extract_timeline(parsed)),
    )
