"""Year discrepancies: one event dated to different years by different sources.

"After ISIS was defeated in Syria in 2017" and "with the defeat of ISIS in 2019" date the same
event, the defeat of the entity the cards call Islamic State, to 2017 and to 2019. An event
here is an event word (a verb or its noun: defeated/defeat, invaded/invasion) with the entity it
happens to, both read from the parse: the year is attached to the event word ("defeated ... in
2017", "the 2003 invasion"), or follows the event's noun phrase directly ("the defeat of ISIS
in 2019"); the entity is the event's object, passive subject, "of" phrase or possessor (the
subject, for events with no object such as "emerged" or "died").

Conservative by design: only events that happen to an entity once (`ONCE`: it is defeated,
founded, invaded, killed once; attacks and strikes recur), only years stated by different
sources, and not when the sources place the event in different countries ("defeated in Syria"
against "defeated in Iraq" are two events).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from ..dates import find_dates
from ..model import Citation, Discrepancy, EntityCard, ParsedSource, Sentence
from .entities import entity_cards, token_mentions
from .parse_tree import children, subtree
from .quotes import CardIndex
from .timeline import reads_as_date

# Event verbs (lemmas) that happen to an entity once, with the nouns naming them.
ONCE: dict[str, tuple[str, ...]] = {
    "defeat": ("defeat",),
    "invade": ("invasion",),
    "found": ("founding", "foundation"),
    "establish": ("establishment",),
    "create": ("creation",),
    "form": ("formation",),
    "kill": ("killing",),
    "assassinate": ("assassination",),
    "die": ("death",),
    "bear": ("birth",),
    "capture": ("capture",),
    "collapse": ("collapse",),
    "emerge": ("emergence",),
    "liberate": ("liberation",),
    "dissolve": ("dissolution",),
    "fall": ("fall",),
}
# Events that happen to their subject ("ISIS emerged"); the others happen to their object.
_INTRANSITIVE = frozenset({"die", "collapse", "emerge", "fall"})
_NOUN_TO_VERB = {noun: verb for verb, nouns in ONCE.items() for noun in nouns}
_PATIENT = ("dobj", "nsubjpass", "poss")
_PLACES = ("GPE", "LOC")


def date_discrepancies(parsed: Sequence[ParsedSource], entities: Sequence[EntityCard] | None = None
                       ) -> list[Discrepancy]:
    """Events that different sources date to different years."""
    return discrepancies_of([p.source.id for p in parsed], [dated_events(p) for p in parsed],
                            CardIndex(entity_cards(parsed) if entities is None else entities))


def dated_events(p: ParsedSource) -> tuple[tuple, ...]:
    """What the year discrepancies read from one source alone, before names are looked up among
    the cards of every source: (year, sentence start, end, event verb, noun used or "", the
    names of its patients, the names of the places it happens in), in text order."""
    out = []
    for sent in p.sentences:
        for year, ti in _years(sent):
            for event, noun, patients, places in _events(sent, ti):
                out.append((year, sent.start, sent.end, event, noun, patients, places))
    return tuple(out)


def discrepancies_of(sources: Sequence[str], events: Sequence[Sequence[tuple]], cards: CardIndex
                     ) -> list[Discrepancy]:
    """The year discrepancies of every source's `dated_events` (by source id, in source order),
    their names looked up among the cards of every source."""
    # (event verb, entity name) -> [(year, source id, citation, noun used, places)]
    seen: dict[tuple[str, str], list] = defaultdict(list)
    for sid, found in zip(sources, events, strict=True):
        for year, start, end, event, noun, patients, places in found:
            named = [card for card in (cards.named(name, sid) for name in patients) if card is not None]
            if not named:
                continue
            where = frozenset(card.name if card else name
                              for name, card in ((name, cards.named(name, sid)) for name in places))
            for card in named:
                seen[(event, card.name)].append((year, sid, Citation(sid, start, end), noun, where))
    out = []
    for (event, name), facts in seen.items():
        by_source = defaultdict(set)
        for year, sid, *_ in facts:
            by_source[sid].add(year)
        years = sorted({y for ys in by_source.values() for y in ys})
        if len(years) < 2 or not _sources_differ(by_source):
            continue
        places = [f[4] for f in facts if f[4]]
        if any(not (a & b) for a in places for b in places):
            continue  # "defeated in Syria" and "defeated in Iraq": not one event
        noun = next((f[3] for f in facts if f[3]), ONCE[event][0])
        out.append(Discrepancy(
            label=f"year of the {noun} of {name}",
            values=tuple(years),
            citations=tuple(dict.fromkeys(f[2] for f in facts)),
        ))
    return out


def _sources_differ(by_source: dict[str, set[int]]) -> bool:
    """At least two sources, and not all of them giving the same years."""
    return len(by_source) >= 2 and len({frozenset(ys) for ys in by_source.values()}) >= 2


def _years(sent: Sentence):
    """(year, token index) for each year the sentence states."""
    for d in find_dates(sent.text):
        if d.kind not in ("year", "day", "month") or not d.year or not reads_as_date(sent, d):
            continue
        at = sent.start + d.start
        for ti, t in enumerate(sent.tokens):
            if t.start >= at and t.text == str(d.year):
                yield d.year, ti
                break


def _events(sent: Sentence, ti: int):
    """(event verb, noun used or "", patients' names, places' names) for the events a year dates."""
    toks = sent.tokens
    kids = children(sent)
    owners = token_mentions(sent)
    year = toks[ti]
    heads = []
    if year.dep == "pobj" and toks[year.head].dep == "prep":
        prep = year.head
        heads.append(toks[prep].head)
        # "the defeat of ISIS in 2019": the phrase right before "in 2019" is dated too
        for n, t in enumerate(toks):
            if n != toks[prep].head and t.pos == "NOUN" and subtree(kids, n)[-1] == prep - 1:
                heads.append(n)
    elif year.dep in ("nummod", "compound", "amod", "npadvmod"):  # "the 2003 invasion"
        heads.append(year.head)
    for h in heads:
        t = toks[h]
        lemma = t.lemma.lower()
        if t.pos == "VERB" and lemma in ONCE:
            verb, noun = lemma, ""
            roles = ("nsubj",) if lemma in _INTRANSITIVE else _PATIENT
        elif t.pos == "NOUN" and lemma in _NOUN_TO_VERB:
            verb, noun = _NOUN_TO_VERB[lemma], lemma
            roles = ("poss",)
        else:
            continue
        patients, places = [], []
        for c in kids[h]:
            dep = toks[c].dep
            if dep in roles:
                patients.append(c)
            elif dep == "prep" and toks[c].text.lower() in ("of", "in"):
                for o in kids[c]:
                    if toks[o].dep != "pobj":
                        continue
                    if toks[c].text.lower() == "of" and noun:
                        patients.append(o)
                    elif owners[o] is not None and owners[o].label in _PLACES:
                        places.append(owners[o].text)
        names = []
        for c in patients:
            m = owners[c]
            if m is not None:
                names.append(m.text)
            elif toks[c].pos == "PROPN":  # a name the model did not mark: "the Islamic State"
                name = [i for i in kids[c] if i < c and toks[i].dep == "compound" and toks[i].pos == "PROPN"]
                names.append(" ".join(toks[i].text for i in (*name, c)))
        if names:
            yield verb, noun, tuple(names), tuple(places)
