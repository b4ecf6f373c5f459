"""The places a briefing names, located on the globe.

A place is a place card (an entity labelled as a place), a place a figure is stated
for ("killed in Jordan"), or a place named in a sentence of a strikes section (these
are set apart on the map). Each is looked up offline (`gazetteer`): a country first,
then a town; a town's name that several countries share is resolved by the countries
the sources name ("Tripoli" in Lebanon when Lebanon is named), then by their
neighbours. What cannot be located is kept, with the reason, to be listed.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import gazetteer
from .extract.entities import transliterated
from .model import Briefing

PICTURES = Path(__file__).parent / "data" / "pictures.toml"


@lru_cache(maxsize=2)
def settings(path: Path = PICTURES) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # as the briefing writes it
    sources: tuple[str, ...]  # ids of the sources naming it, in source order
    strike: bool = False  # named in a sentence of a strikes section
    kind: str = "unknown"  # "country", "town", or "unknown" when not located
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # the country's name (a country's own name for a country)
    iso3: str | None = None  # of that country
    note: str = ""  # why it is not located

    @property
    def located(self) -> bool:
        return self.lat is not None


def locate(briefing: Briefing, cards) -> tuple[Place, ...]:
    """Every place the briefing names, located where the gazetteer allows; most sources first."""
    conf = settings()["places"]
    named = _candidates(briefing, cards, conf)
    said = _countries_named(briefing, conf["country_labels"], named)
    near = {n for c in said for n in c.neighbours}
    codes = gazetteer.countries()
    towns = gazetteer.cities([n for n in named if gazetteer.country(n) is None])
    merged: dict[str, Place] = {}
    order = {s.id: i for i, s in enumerate(briefing.sources)}
    for name, (sources, strike) in named.items():
        place = _resolve(name, sources, strike, said, near, codes, towns.get(name, []))
        # (two names of one spot are one place, and so are two spellings the gazetteer lacks:
        # "Falluja" and "Fallujah", "Karada" and "Karrada")
        k = f"{place.kind}:{place.country if place.kind == 'country' else ''}:{place.lat}:{place.lon}" \
            if place.located else f"?:{transliterated(gazetteer.match_key(name))}"
        if k in merged:  # "Honduran" and "Honduras"; "Gaza" twice
            old = merged[k]
            joined = tuple(sorted(set(old.sources) | set(place.sources), key=lambda s: order.get(s, 0)))
            place = _with(old, sources=joined, strike=old.strike or place.strike)
        merged[k] = place
    return tuple(sorted(merged.values(), key=lambda p: (-len(p.sources), p.name)))


def _with(p: Place, **changes) -> Place:
    from dataclasses import replace

    return replace(p, **changes)


def _candidates(briefing: Briefing, cards, conf) -> dict[str, tuple[tuple[str, ...], bool]]:
    """name -> (sources naming it, named in a strike sentence), in the order first met."""
    labels = set(conf["labels"])
    found: dict[str, tuple[set, bool]] = {}

    def add(name: str, sources, strike: bool = False) -> None:
        if not _looks_like_a_name(name):
            return
        old = found.get(name, (set(), False))
        found[name] = (old[0] | set(sources), old[1] or strike)

    for card in cards:
        if card.label in labels:
            add(card.name, card.sources)
    for f in briefing.facts.figures:
        for where in f.where:
            add(where, f.sources or {c.source for c in f.citations})
    places = [e for e in briefing.facts.entities if e.label in labels]
    strikes = set(conf["strike_topics"])
    at = "|".join(re.escape(w) for w in conf["where_words"])
    speakers = frozenset(conf.get("speaker_words", ()))
    for sec in briefing.sections:
        if sec.topic not in strikes:
            continue
        for x in sec.excerpts:
            cited = {c.source for c in (*x.citations, *x.also_in)}
            for e in places:
                spellings = (e.name, *e.aliases)
                if any(_names_where(x.text, spelling, at, speakers) for spelling in spellings):
                    add(e.name, cited, strike=True)
                elif any(_names_where(x.text, spelling, at) for spelling in spellings):
                    add(e.name, cited)  # where the speaker is: a place named, not where it happened
    order = {s.id: i for i, s in enumerate(briefing.sources)}
    return {n: (tuple(sorted(s, key=lambda i: order.get(i, 0))), strike) for n, (s, strike) in found.items()}


def _names_where(text: str, name: str, at: str, speakers: frozenset[str] = frozenset()) -> bool:
    """The sentence names the place as where something is: "in Baghdad", "in Iraq and Syria",
    not "US troops" nor "Iran-linked militias", nor where a speaker is ("the health ministry in
    Baghdad")."""
    if not name or name not in text:
        return False
    for m in _where(name, at).finditer(text):
        before = text[:m.start()].split()
        if not before or before[-1].strip(",").lower() not in speakers:
            return True
    return False


@lru_cache(maxsize=None)
def _where(name: str, at: str) -> re.Pattern:
    # compiled once per place: with thousands of places (a large build) re's own cache of 512
    # patterns kept compiling them again for every sentence
    return re.compile(rf"\b(?:{at})\s+(?:[\w'’-]+,?\s+){{0,3}}?{re.escape(name)}(?!\w)")


def _looks_like_a_name(name: str) -> bool:
    """A place name has a capital after any article ("al-Anbar"); "west" and "TT" are no places to look up."""
    bare = gazetteer.match_key(name)
    if not bare or gazetteer.country(name):
        return bool(bare)
    letters = [ch for ch in name if ch.isalpha()]
    if name.isupper() and len(letters) <= 3:  # initials, more often than a town
        return False
    first = next((w for w in re.split(r"[\s-]+", name) if w.lower() not in gazetteer.ARTICLES), "")
    return first[:1].isupper()


def _countries_named(briefing: Briefing, labels, named) -> list:
    out = {}
    for e in briefing.facts.entities:
        if e.label in labels:
            for spelling in (e.name, *e.aliases):
                c = gazetteer.country(spelling)
                if c:
                    out[c.iso3] = c
    for name in named:
        c = gazetteer.country(name)
        if c:
            out[c.iso3] = c
    return [out[k] for k in sorted(out)]


def _resolve(name, sources, strike, said, near, codes, towns) -> Place:
    base = Place(name, sources, strike)
    c = gazetteer.country(name)
    if c is not None:
        return _with(base, kind="country", lat=c.lat, lon=c.lon, country=c.name, iso3=c.iso3)
    named_iso2 = {x.iso2 for x in said}
    near_iso2 = {codes[n].iso2 for n in near if n in codes}
    named_towns = [t for t in towns if t.iso2 in named_iso2]
    # a province of a country the sources name before a town of a neighbour or of anywhere:
    # "Florida" beside "United States" is the state, not a Colombian town near Venezuela; and
    # before a small town of its own name ("Oregon", a state, not a town of 10,000 in Wisconsin),
    # though not before a city ("New York")
    region = gazetteer.province(name, said)
    city = settings()["places"]["city_population"]
    if named_towns and (region is None or named_towns[0].population >= city):
        return _town(base, named_towns[0], codes)
    if region is not None:
        return _with(base, country=region.name, iso3=region.iso3,
                     note=f"a province of {region.name}; the gazetteer has no coordinates for provinces")
    # a town in a country no source names, found only by another of its spellings, is no match:
    # "embassies in Africa" is the continent, not Mahdia in Tunisia, once called Africa
    elsewhere = [t for t in towns if not t.by_name]
    towns = [t for t in towns if t.by_name]
    near_towns = [t for t in towns if t.iso2 in near_iso2]
    if near_towns:
        return _town(base, near_towns[0], codes)
    if towns:
        lands = list(dict.fromkeys(t.iso2 for t in towns))
        rivals = [t.population for t in towns if t.iso2 != towns[0].iso2]
        if not rivals or towns[0].population >= 10 * max(rivals):
            return _town(base, towns[0], codes)
        names = [codes[i].name if i in codes else i for i in lands[:3]]
        return _with(base, note="ambiguous: a town of that name is in " + ", ".join(names)
                     + "; none of them is a country the sources name")
    if elsewhere:
        land = codes[elsewhere[0].iso2].name if elsewhere[0].iso2 in codes else elsewhere[0].iso2
        return _with(base, note=f"not located: only another name of a town in {land}, a country no source names")
    return _with(base, note="not in the gazetteer")


def _town(base: Place, town, codes) -> Place:
    land = codes.get(town.iso2)
    return _with(base, kind="town", lat=town.lat, lon=town.lon,
                 country=land.name if land else town.iso2, iso3=land.iso3 if land else None)
