"""Countries from the ways articles name them: "US", "U.S.", "American", "Americans", "Hondurans".

The names, alternative spellings and demonyms come from countryinfo, a maintained data
package, not a list of our own; `data/aliases.toml` still adds the spellings it lacks, and
`data/peoples.toml` the nouns for a country's people ("Britons", "Spaniards").
The country a town or province is in is the gazetteer's (`briefing/gazetteer.py`).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..tomlfile import read_toml
from .entities import key as name_key, load_aliases

PEOPLES = Path(__file__).resolve().parent.parent / "data" / "peoples.toml"


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    return {k: v[2] for k, v in _ranked().items()}


@lru_cache(maxsize=1)
def _ranked() -> dict[str, tuple[int, int, str]]:
    """Each spelling's best claim: (0 a name, 1 another spelling, 2 a demonym; -population; country)."""
    from countryinfo import all_countries

    names: dict[str, tuple[int, int, str]] = {}  # spelling -> (rank, -population, country)
    for country in all_countries():
        try:
            name, population = country.name(), country.population() or 0
            # two-letter codes ("TT", "AL") are more often initials in news text than countries;
            # the ones that are not (US, UK) are spellings in data/aliases.toml
            # (three-letter codes, "ALA", "CAN", "PER", are words and names in any other case: `_codes`)
            spellings = [(0, name), *((1, s) for s in country.alt_spellings() or [] if len(s) > 2 and not _is_code(s))]
            demonym = country.demonym()
        except Exception:  # an entry without these fields is of no use here
            continue
        if demonym:  # "American" is claimed by several territories: the most populous wins
            spellings += [(2, demonym), (2, demonym + "s")]
        for rank, s in spellings:
            if s and len(s) > 1:
                k, entry = _plain(s), (rank, -population, name_key(name))
                if k not in names or entry < names[k]:
                    names[k] = entry
    return names


def _is_code(spelling: str) -> bool:
    return len(spelling) == 3 and spelling.isupper()


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """A country's three-letter code, as written in capitals ("USA", "UAE") -> its key: "Ala", a
    minister's name, is not Aland's ALA, nor "Sen." Senegal's SEN, nor "can" Canada."""
    from countryinfo import all_countries

    out: dict[str, str] = {}
    for country in all_countries():
        try:
            name, alts = country.name(), country.alt_spellings() or []
        except Exception:  # an entry without these fields is of no use here
            continue
        out.update((s, name_key(name)) for s in alts if _is_code(s) and s not in out)
    return out


def _plain(name: str) -> str:
    return name_key(name).replace(".", "")


@lru_cache(maxsize=1)
def _aliased() -> dict[str, str]:
    """Spellings from data/aliases.toml of names countryinfo knows: "U.S." -> United States."""
    known, out = _countries(), {}
    for entry in load_aliases():
        country = known.get(_plain(entry.name))
        if country:
            out.update({_plain(a): country for a in entry.aliases})
    return out


@lru_cache(maxsize=1)
def _peoples() -> dict[str, str]:
    """Nouns for a country's people from data/peoples.toml: "Britons" -> United Kingdom."""
    known, out = _countries(), {}
    for country, nouns in read_toml(PEOPLES, "peoples").get("peoples", {}).items():
        key = known.get(_plain(country))
        if key:
            out.update({_plain(n): key for n in nouns})
    return out


def country_of(name: str) -> str | None:
    """The country's canonical key for a name, alternative spelling or demonym; None if not a country."""
    if _is_code(name.strip()):
        return _codes().get(name.strip())
    for k in [_plain(name), *([_plain(name.title())] if " " in name.strip() else [])]:
        # a key in lower case ("sri lanka") as well as a name as written: the key of a name keeps
        # only words up to its last capitalised one
        found = _countries().get(k) or _aliased().get(k) or _peoples().get(k)
        if found:
            return found
    return None


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """The nouns for a country's people (demonyms, "Britons"), which no place is named by (a
    spelling that is both is a place's: it ranks as a name)."""
    return frozenset({k for k, (rank, _, _) in _ranked().items() if rank == 2} | set(_peoples()))


def is_demonym(name: str) -> bool:
    """Does `name` name a country's people ("a Dutchman", "Americans"), not a place?"""
    return _plain(name) in _people_nouns()


def within(country: str) -> set[str]:
    """A country's key and the countries its name joins: "serbia and montenegro" holds serbia, so
    a toll told near "Yugoslavia" and one told near Serbia are of one country; and the country a
    territory belongs to (Hong Kong is China's, Puerto Rico the United States')."""
    parts = {country, *(part.strip() for part in country.split(" and ") if part.strip())}
    return parts | {_sovereigns()[p] for p in parts if p in _sovereigns()}


# ISO 3166-2 lists some territories with codes of their own as subdivisions of the country they
# belong to ("CN-HK"); these kinds of subdivision are parts of a country, not territories with a
# code of their own that a subdivision happens to share ("GN-ML", a prefecture named Mali)
_PARTS = frozenset({"province", "prefecture", "state", "district"})


@lru_cache(maxsize=1)
def _sovereigns() -> dict[str, str]:
    """Territory key -> the key of the country it belongs to, from pycountry's ISO 3166-2 data."""
    import pycountry

    out = {}
    for sub in pycountry.subdivisions:
        own = pycountry.countries.get(alpha_2=sub.code.split("-", 1)[1])
        if own is None or _PARTS & set(sub.type.lower().split()) or own.alpha_2 == sub.country_code:
            continue
        # (by its name too: a subdivision's code may equal an unrelated country's)
        territory, sovereign = country_of(own.name), country_of(sub.country.name)
        named = country_of(sub.name.removesuffix(" SAR"))
        if territory and sovereign and territory != sovereign and named == territory:
            out[territory] = sovereign
    return out


@lru_cache(maxsize=1)
def _regions() -> dict[str, frozenset[str]]:
    """The world's regions by name (the UN's, as countryinfo gives each country's region,
    subregion and intermediate region), each with the keys of its countries. A region named with
    another ("Latin America and the Caribbean") is each of them too."""
    from countryinfo import all_countries

    out: dict[str, set[str]] = {}
    parts: dict[str, set[str]] = {}
    for country in all_countries():
        try:
            info, key = country.info(), name_key(country.name())
        except Exception:  # an entry without these fields is of no use here
            continue
        for field in ("region", "subregion", "intermediateregion"):
            name = info.get(field) or ""
            if name:
                out.setdefault(_plain(name), set()).add(key)
                pieces = name.split(" and the ")
                for part in pieces if len(pieces) > 1 else ():
                    parts.setdefault(_plain(part), set()).add(key)
    for k, keys in parts.items():  # (a region of its own name first: the Caribbean's 29, not Latin America's)
        out.setdefault(k, keys)
    for entry in load_aliases():  # "East Africa" is Eastern Africa
        if _plain(entry.name) in out:
            for a in entry.aliases:
                out.setdefault(_plain(a), set()).update(out[_plain(entry.name)])
    return {k: frozenset(v) for k, v in out.items()}


def region(name: str) -> frozenset[str] | None:
    """The keys of the countries in a region a name stands for ("the Caribbean": Haiti, Cuba ...),
    or None when it names no region the data knows ("the region", "Asia Minor")."""
    k = _plain(name)
    return _regions().get(k.removeprefix("the ")) or _regions().get(k)
