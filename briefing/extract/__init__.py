"""Stage 5, extract: structured facts from the parsed sources.

Each kind of fact has its own module; `extract` runs them all.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Facts, ParsedSource
from .entities import entity_cards
from .events import date_discrepancies
from .figure_words import load_words
from .figures import extract_figures, figure_discrepancies, readings
from .quotes import extract_quotes
from .timeline import extract_timeline


def extract(parsed: Sequence[ParsedSource]) -> Facts:
    found = readings(parsed, load_words())  # read once, for figures and their discrepancies
    figures = tuple(extract_figures(parsed, found))
    entities = tuple(entity_cards(parsed))
    return Facts(
        entities=entities,
        figures=figures,
        quotes=tuple(extract_quotes(parsed, entities)),
        discrepancies=(*figure_discrepancies(figures, parsed, found), *date_discrepancies(parsed, entities)),
        timeline=tuple(extract_timeline(parsed)),
    )
