"""Stage 5, extract: structured facts from the parsed sources.

Each kind of fact has its own module; `extract` runs them all.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Facts, ParsedSource
from .entities import entity_cards
from .events import date_discrepancies
from .figure_reading import Reading
from .figure_words import load_words
from .figures import readings
from .ledger import build_ledger
from .quotes import extract_quotes
from .timeline import extract_timeline


def extract(parsed: Sequence[ParsedSource], found: Sequence[Reading] | None = None) -> Facts:
    """`found`: every figure reading, in source order, when the build state kept them (`source_work`)."""
    vocab = load_words()
    found = readings(parsed, vocab) if found is None else found
    ledger = build_ledger(found, parsed, vocab)
    entities = tuple(entity_cards(parsed))
    return Facts(
        entities=entities,
        figures=ledger.figures,
        ledger=ledger.rows,
        quotes=tuple(extract_quotes(parsed, entities)),
        discrepancies=(*ledger.discrepancies, *date_discrepancies(parsed, entities)),
        timeline=tuple(extract_timeline(parsed)),
    )
