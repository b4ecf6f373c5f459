"""Stage 5, extract: structured facts from the parsed sources.

Each kind of fact has its own module; `extract` runs them all.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Facts, ParsedSource
from .entities import entity_cards
from .events import date_discrepancies
from .figures import extract_figures, figure_discrepancies
from .quotes import extract_quotes
from .timeline import extract_timeline


def extract(parsed: Sequence[ParsedSource]) -> Facts:
    figures = tuple(extract_figures(parsed))
    entities = tuple(entity_cards(parsed))
    return Facts(
        entities=entities,
        figures=figures,
        quotes=tuple(extract_quotes(parsed, entities)),
        discrepancies=(*figure_discrepancies(figures, parsed), *date_discrepancies(parsed, entities)),
        timeline=tuple(extract_timeline(parsed)),
    )
