"""Figures: counts of troops, casualties, attacks, targets, sites, destroyed
buildings and munitions, with the sentences that state them, and the places
where sources disagree on one.

Each sentence is read on its own (`figure_reading`); here the readings of all
sources are merged, so that "about 1,200 troops in Mali" stated by three
sources is one figure citing three sentences, and compared, so that "about 50
attacks" and "more than 90 attacks" on the same forces since the same event
become a discrepancy.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from os.path import commonprefix
from typing import Iterable, Sequence

from ..model import Citation, Discrepancy, Figure, ParsedSource
from .figure_places import Aliases
from .figure_reading import Reading, read_sentence
from .figure_words import Words, load_words


def readings(parsed: Sequence[ParsedSource], vocab: Words | None = None) -> list[Reading]:
    """Every figure every sentence states, in source order."""
    vocab = vocab or load_words()
    aliases = Aliases(vocab)
    out = []
    for p in parsed:
        for i, sentence in enumerate(p.sentences):
            out.extend(read_sentence(sentence, p.sentences[max(0, i - 2):i], vocab, aliases))
    return out


# -- when two readings are about the same thing ------------------------------
def _noun_class(r: Reading, vocab: Words) -> str:
    """Nouns a kind lists are one class ("troops", "soldiers", "service members")."""
    kind = next((k for k in vocab.kinds if r.noun in k.nouns), None)
    return kind.name if kind else r.noun


def _same_noun(a: Reading, b: Reading, vocab: Words) -> bool:
    if a.noun in vocab.generic_nouns or b.noun in vocab.generic_nouns:
        return True
    return _noun_class(a, vocab) == _noun_class(b, vocab)


def _same_nation(a: Sequence[str], b: Sequence[str]) -> bool:
    """Either unstated, or spelled alike up to an adjective ending: "Mali"/"Malian"."""
    if not a or not b:
        return True
    for x in a:
        for y in b:
            shared = len(commonprefix([x, y]))
            if x == y or (shared >= 4 and shared >= min(len(x), len(y)) - 2):
                return True
    return False


def _places(r: Reading) -> frozenset[str]:
    return frozenset(p.key for p in r.places)


def _compatible(a: Reading, b: Reading, vocab: Words) -> bool:
    """Could a and b state the same figure? Unstated place or date is no objection."""
    pa, pb = _places(a), _places(b)
    return (not pa or not pb or pa == pb) and (not a.when or not b.when or a.when == b.when) \
        and _same_nation(a.nations, b.nations) and _same_noun(a, b, vocab)


def _clusters(group: list[Reading], vocab: Words) -> list[list[Reading]]:
    """Readings of one kind and value, split by what they count.

    Readings that name a place go first; one that names none joins a cluster
    only when exactly one fits, so "300 troops" is not glued to Mali or Niger
    when both have 300.
    """
    clusters: list[list[Reading]] = []
    for r in sorted(group, key=lambda r: not r.places):
        fits = [c for c in clusters if all(_compatible(r, m, vocab) for m in c)]
        if r.places:
            fits = [c for c in fits if any(_places(m) == _places(r) for m in c)]
        elif len(fits) > 1:
            fits = [c for c in fits if not any(m.places for m in c)]
        if len(fits) == 1 or (r.places and fits):
            fits[0].append(r)
        else:
            clusters.append([r])
    return clusters


def _order(c: Citation) -> tuple:
    sid = c.source[1:]
    return (int(sid) if sid.isdigit() else 0, c.source, c.start)


def _best(members: Sequence[Reading]) -> Reading:
    """The reading whose label says most: a place, a nationality, the common wording."""
    counts = Counter(m.label for m in members)
    return max(members, key=lambda m: (bool(m.places), bool(m.nations), bool(m.when), counts[m.label], -len(m.label)))


def _figure(members: list[Reading]) -> Figure:
    best = _best(members)
    hedges = Counter(m.hedge.words for m in members if m.hedge)
    citations = tuple(sorted({m.citation for m in members}, key=_order))
    return Figure(
        kind=best.kind,
        value=best.value,
        approx=any(m.hedge is not None and m.hedge.approx for m in members),
        label=best.label,
        citations=citations,
        hedge=hedges.most_common(1)[0][0] if hedges else None,
        sources=tuple(dict.fromkeys(c.source for c in citations)),
        where=tuple(p.name for p in best.places),
        when=next((m.when for m in members if m.when), None),
    )


def _merged(found: Iterable[Reading], vocab: Words) -> list[list[Reading]]:
    groups: dict[tuple, list[Reading]] = defaultdict(list)
    for r in found:
        groups[(r.kind, r.value)].append(r)
    kinds = [k.name for k in vocab.kinds]
    clusters = [c for g in groups.values() for c in _clusters(g, vocab)]
    clusters.sort(key=lambda c: (kinds.index(c[0].kind) if c[0].kind in kinds else len(kinds),
                                 -len({m.citation.source for m in c}), min(_order(m.citation) for m in c)))
    return clusters


def extract_figures(parsed: Sequence[ParsedSource], found: Sequence[Reading] | None = None) -> list[Figure]:
    """One figure per thing counted, citing every sentence that states it.

    `found` are the readings of `parsed` when the caller has them already.
    """
    vocab = load_words()
    return [_figure(c) for c in _merged(readings(parsed, vocab) if found is None else found, vocab)]


# -- discrepancies -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Stated:
    """A figure with what its readings say about it, for comparing figures."""

    figure: Figure
    members: tuple[Reading, ...]
    low: float
    high: float
    published: tuple[date, ...]


def _interval(r: Reading, tolerance: float) -> tuple[float, float]:
    bound = r.hedge.bound if r.hedge else "exact"
    v = r.value
    return {
        "near": (v * (1 - tolerance), v * (1 + tolerance)),
        "lower": (v, float("inf")),
        "upper": (0.0, v),
    }.get(bound, (v, v))


def _published(parsed: Sequence[ParsedSource]) -> dict[str, date]:
    out = {}
    for p in parsed:
        try:
            out[p.source.id] = date.fromisoformat(p.source.published or "")
        except ValueError:
            continue
    return out


def _disagree(a: _Stated, b: _Stated, vocab: Words) -> bool:
    """Different values for one quantity: same kind, noun, named place and date.

    Conservative on purpose: both must name the place; the values must not be
    reconcilable ("at least 30" and "40" agree); the dates attached, if any,
    must match ("40,000 in 1999" is no rival for "1,200" today); and articles
    published weeks apart, or one with a known date and one without, are not
    compared.
    """
    fa, fb = a.figure, b.figure
    if fa.kind != fb.kind or fa.value == fb.value:
        return False
    places = {_places(m) for m in a.members + b.members}
    whens = {m.when for m in a.members + b.members}
    if len(places) != 1 or not next(iter(places)) or len(whens) != 1:
        return False
    if not all(_same_noun(x, y, vocab) and _same_nation(x.nations, y.nations) for x in a.members for y in b.members):
        return False
    if a.high >= b.low and b.high >= a.low:
        return False
    if set(fa.sources) == set(fb.sources) and len(fa.sources) == 1:
        return False  # one article's two numbers are more likely two different counts
    if bool(a.published) != bool(b.published):
        return False  # one side's date unknown: no telling they speak of the same time
    if a.published and b.published:
        gap = min(abs((x - y).days) for x in a.published for y in b.published)
        return gap <= vocab.max_days_apart
    return True


def figure_discrepancies(figures: Sequence[Figure], parsed: Sequence[ParsedSource],
                         found: Sequence[Reading] | None = None) -> list[Discrepancy]:
    """Quantities that sources state with values that cannot both be right."""
    vocab = load_words()
    by_citation: dict[tuple, list[Reading]] = defaultdict(list)
    for r in readings(parsed, vocab) if found is None else found:
        by_citation[(r.citation, r.kind, r.value)].append(r)
    dates = _published(parsed)
    stated = []
    for f in figures:
        members = tuple(r for c in f.citations for r in by_citation.get((c, f.kind, f.value), ()))
        if not members:
            continue
        bounds = [_interval(m, vocab.near_tolerance) for m in members]
        stated.append(_Stated(f, members, min(b[0] for b in bounds), max(b[1] for b in bounds),
                              tuple(dates[s] for s in f.sources if s in dates)))

    # figures that disagree pairwise form one discrepancy
    parent = list(range(len(stated)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # only figures of one kind about one named place can disagree: compare within those blocks,
    # so the work grows with the figures of a place, not with the square of all figures
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, a in enumerate(stated):
        places = {_places(m) for m in a.members}
        if len(places) == 1 and next(iter(places)):
            blocks[(a.figure.kind, next(iter(places)))].append(i)
    for block in blocks.values():
        for n, i in enumerate(block):
            for j in block[n + 1:]:
                if _disagree(stated[i], stated[j], vocab):
                    parent[find(j)] = find(i)
    groups: dict[int, list[_Stated]] = defaultdict(list)
    for i, s in enumerate(stated):
        groups[find(i)].append(s)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        best = _best([m for s in members for m in s.members])
        out.append(Discrepancy(
            label=best.label,
            values=tuple(sorted({s.figure.value for s in members})),
            citations=tuple(sorted({c for s in members for c in s.figure.citations}, key=_order)),
        ))
    return out
