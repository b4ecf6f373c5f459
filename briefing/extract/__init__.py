"""Stage 5, extract: structured facts from the parsed sources.

Each kind of fact has its own module; `extract` runs them all. Each reads what it needs from
one source alone first (kept per source by the build, `source_work`), then combines the
sources: a rebuild combines kept work and reads no parse, but for the quotes of a source
whose speakers' cards changed (`quotes.SourceQuotes`).
"""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

from ..model import Facts, ParsedSource
from .entities import cards_of
from .events import discrepancies_of
from .figure_words import load_words
from .ledger import build_ledger
from .quotes import CardIndex, SourceQuotes, quotes_of, source_quotes
from .timeline import timeline_of


def extract(parsed: Sequence[ParsedSource], work: Sequence | None = None,
            kept_quotes: Mapping[str, SourceQuotes] | None = None,
            parse: Callable[[str], ParsedSource] | None = None,
            quoted: dict[str, SourceQuotes] | None = None,
            towns: dict[str, str | None] | None = None) -> Facts:
    """The facts of `parsed`, from each source's `work` (`source_work.SourceWork`, in source order;
    read from `parsed` when not given).

    `kept_quotes`: each source's quotes from an earlier build, by source id, kept while the cards
    answer them alike; the others are attributed again on `parse(source id)` (by default the
    parsed source itself). `quoted`, when given, receives every source's quotes, to be kept;
    `towns`, the countries of place names an earlier build found, receives this build's.
    """
    if work is None:
        from ..source_work import read_sources  # it reads with this package's modules

        work = read_sources(parsed)
    by_id = {p.source.id: p for p in parsed}
    parse = parse or by_id.__getitem__
    vocab = load_words()
    ids = [p.source.id for p in parsed]
    ledger = build_ledger([r for w in work for r in w.readings], parsed, vocab, towns)
    entities = tuple(cards_of(list(zip(ids, (w.names for w in work))), None))
    cards = CardIndex(entities)
    quotes = {}
    for sid in ids:
        kept = (kept_quotes or {}).get(sid)
        quotes[sid] = kept if kept is not None and kept.holds(cards, sid) else source_quotes(parse(sid), cards)
    if quoted is not None:
        quoted.update(quotes)
    return Facts(
        entities=entities,
        figures=ledger.figures,
        ledger=ledger.rows,
        quotes=tuple(quotes_of([(p.source, quotes[p.source.id]) for p in parsed])),
        discrepancies=(*ledger.discrepancies, *discrepancies_of(ids, [w.events for w in work], cards)),
        timeline=tuple(timeline_of([p.source for p in parsed], [w.dated for w in work])),
    )
