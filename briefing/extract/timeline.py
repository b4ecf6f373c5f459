"""A timeline: the sources' dated statements in the order of their dates.

Each sentence that puts something at a time ("in 2014", "on October 6", "in early January",
"on Friday", "last week", "a year ago") becomes an entry dated "2014", "2019-10-06",
"2020-01", "2024-W04" (an ISO week, for "last week") and so on, citing the sentence; date
expressions are read by `briefing.dates` (durations and ages such as "four-month-old war" or
"20 years on" are not dates).

A weekday or other relative expression is placed against the source's publication date (the
most recent such weekday on or before it; "last week" is the week before it). Without a
publication date it cannot be placed: the entry's `date` is then the expression itself
("Friday", "last week"), `relative` is True, and these entries follow all dated ones in the
order of the sources and their sentences. Relative expressions inside a quotation are the
speaker's, said on a day the article may not give, and are not read.

One entry per date and sentence; the same sentence in several sources is one entry citing each.
"""
from __future__ import annotations

from typing import Sequence

from ..dates import DateMention, find_dates, place
from ..model import Citation, ParsedSource, Sentence, Source, TimelineEntry
from .quotes import quote_spans

_CALENDAR = ("year", "day", "month", "month_day")  # may stand inside a quotation
_NOT_DATES = frozenset({"ORG", "EVENT", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "LAW"})
_IN_YEAR = frozenset({"in", "since", "until", "till", "during", "by", "before", "after", "early", "late", "mid"})


def dated_sentences(p: ParsedSource) -> tuple[tuple[int, int, DateMention], ...]:
    """(sentence start, sentence end, date) for each date a source's sentences state, in text
    order: what the timeline reads from one source alone (placing a date needs its publication
    date, which is not the text's)."""
    quotes = quote_spans(p.source.text)
    out = []
    for sent in p.sentences:
        for mention in find_dates(sent.text):
            at = sent.start + mention.start
            if any(qs <= at < qe for qs, qe in quotes) and (
                mention.kind not in _CALENDAR or mention.modifier
            ):
                continue
            if reads_as_date(sent, mention):
                out.append((sent.start, sent.end, mention))
    return tuple(out)


def extract_timeline(parsed: Sequence[ParsedSource]) -> list[TimelineEntry]:
    """Dated statements, earliest first; those that could not be placed come last."""
    return timeline_of([p.source for p in parsed], [dated_sentences(p) for p in parsed])


def timeline_of(sources: Sequence[Source], dated: Sequence[Sequence[tuple[int, int, DateMention]]]
                ) -> list[TimelineEntry]:
    """The timeline of every source's `dated_sentences`, in source order."""
    entries: dict[tuple[str, bool, str], dict] = {}
    unplaced: set[tuple[str, int]] = set()
    for order, (source, found) in enumerate(zip(sources, dated, strict=True)):
        for start, end, mention in found:
            text = source.text[start:end]
            placed = place(mention, source.published)
            if placed.relative:
                if (source.id, start) in unplaced:
                    continue  # "As of Saturday ... Friday night": unplaced, one entry per sentence is enough
                unplaced.add((source.id, start))
            k = (placed.date, placed.relative, " ".join(text.split()))
            entry = entries.get(k)
            if entry is None:
                entries[k] = {
                    "placed": placed,
                    "text": text,
                    "expression": " ".join(mention.text.split()),
                    "order": (order, start),
                    "citations": [Citation(source.id, start, end)],
                }
            elif all(c.source != source.id for c in entry["citations"]):
                entry["citations"].append(Citation(source.id, start, end))

    def sort_key(e):
        placed = e["placed"]
        if placed.relative:
            return (1, 0, 0, e["order"])
        return (0, placed.first_day.toordinal(), placed.precision, e["order"])

    return [
        TimelineEntry(
            date=e["placed"].date,
            text=e["text"],
            citations=tuple(e["citations"]),
            relative=e["placed"].relative,
            expression=e["expression"],
        )
        for e in sorted(entries.values(), key=sort_key)
    ]


def reads_as_date(sent: Sentence, mention: DateMention) -> bool:
    """The parse agrees the words are a date: not part of a name ("Good Friday Agreement"),
    and a bare year after a word that could as well precede a count ("a force of 2000", "rose
    to 2000") is one the model also reads as a date."""
    start = sent.start + mention.start
    end = sent.start + mention.end
    toks = [t for t in sent.tokens if start <= t.start < end]
    if not toks:
        return False
    if any(t.ent_type in _NOT_DATES for t in toks):
        return False
    before = sent.text[:mention.start].rstrip()
    if mention.kind == "relative" and mention.text[0].isupper() and before:
        return False  # "ITV1's This Morning" is a programme
    if mention.kind == "weekday" and before.endswith(("'s", "’s")):
        return False  # "GMTV's Sunday programme"
    if mention.kind == "year":
        year = toks[0]
        if not year.like_num or year.dep == "nummod" and sent.tokens[year.head].tag in ("NNS", "NNPS"):
            return False  # "2000 soldiers" counts soldiers
        before = sent.text[:mention.start].split()[-1:]
        return year.ent_type == "DATE" or bool(before) and before[0].lower() in _IN_YEAR
    return True
