"""Stage 5, extract: structured facts from the parsed sources.

Each kind of fact has its own module; `extract` runs them all.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Facts, ParsedSource
from .entities import entity_cards
from .events import date_discrepancies
from .figure_words import load_words
from .figures import readings
from .ledger import build_ledger
from .quotes import extract_quotes
from .timeline import extract_timeline


def extract(parsed: Sequence[ParsedSource]) -> Facts:
    vocab = load_words()
    ledger = build_ledger(readings(parsed, vocab), parsed, vocab)
    entities = tuple(entity_cards(parsed))
    return Facts(
        entities=entities,
        figures=ledger.figures,
        ledger=ledger.rows,
        quotes=tuple(extract_quotes(parsed, entities)),
        discrepancies=(*ledger.discrepancies, *date_discrepancies(parsed, entities)),
        timeline=tuple(extract_timeline(parsed)),
    )
