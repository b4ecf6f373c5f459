"""Stage 5, extract: structured facts from the parsed sources.

Each kind of fact has its own module; `extract` runs them all.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Facts, ParsedSource
from .entities import entity_cards


def extract(parsed: Sequence[ParsedSource]) -> Facts:
    return Facts(entities=tuple(entity_cards(parsed)))
