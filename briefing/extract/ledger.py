"""The numbers ledger: every reading of a figure resolved into a quantity, one row per quantity.

An analyst reading ten articles on one story writes one line per thing counted
("people killed in the fire") with every value each source gives, and notes
where they differ. The rules here are the ones such an analyst applies:

- a reading counts a measure (its kind) of a group ("soldiers", "service
  members" and "troops" are one group; "Marines" are part of it), whose they are
  (a nationality), where and, for past events, when;
- a reading that names no group ("60 dead", "those killed") is a value of the
  toll the other sources name for the same measure: the best-attested one;
- one article states one toll per quantity: a smaller number of the same
  measure further down the same article ("59 bodies were found at the scene",
  "20 are in intensive care") is a part of it, unless the sentence revises the
  toll ("rose to 67 from 60"); so is a partitive ("two of the wounded died");
- parts sit under their total and never conflict with it; values of one
  quantity that differ are a discrepancy, told as a change over time when the
  sources are dated.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date
from typing import Sequence

from ..dates import YEAR, find_dates, place, short_date
from ..model import Citation, Discrepancy, Figure, LedgerRow, LedgerValue, ParsedSource
from ..numerals import format_value
from .countries import country_of, region, within
from .entities import transliterated
from .figure_reading import Reading
from .figure_words import Naming, Words
from .numbers import parse_value



@dataclass
class _Row:
    kind: str
    group: str | None  # None: only generic nouns so far
    nation: str | None
    places: frozenset[str]
    era: str | None  # a year the figure is dated to: another event than today's
    members: list[Reading] = field(default_factory=list)
    event: str | None = None  # the class of what did it, once a member says
    parent: int | None = None  # index of the row this one is a part of
    qualifier: frozenset[str] = frozenset()

    def sources(self) -> set[str]:
        return {m.citation.source for m in self.members}

    def holds(self, value: float) -> bool:
        """Does a member give this number? The strongest sign two readings count one quantity."""
        return any(m.value == value for m in self.members)

    def keeping(self, members: list[Reading], **changes) -> _Row:
        """This row cut down to `members`, placed where they are: a row's place is its first
        placed member's, so the operation's 89 dead split from the war's 39,090 "in Gaza" are
        placed nowhere, as their own sentences say."""
        places = next((keys for m in members if (keys := _keys(m))), frozenset())
        return replace(self, members=members, places=places, **changes)


@dataclass(frozen=True, slots=True)
class Ledger:
    rows: tuple[LedgerRow, ...]
    figures: tuple[Figure, ...]
    discrepancies: tuple[Discrepancy, ...]


def build_ledger(found: Sequence[Reading], parsed: Sequence[ParsedSource], vocab: Words,
                 towns: dict[str, str | None] | None = None) -> Ledger:
    """Resolve `found` (every reading of every source, in source order) into ledger rows.
    `towns`: the countries of place names as an earlier build found them (see
    `gazetteer.countries_containing`), extended with this build's."""
    published = _published(parsed)
    from ..gazetteer import countries_containing  # here: the gazetteer reads names through this package

    found = _one_spelling(found)
    names = {p.key for r in found for p in r.places} | {n for r in found for n in (*r.nearby, *r.nations)}
    resolver = _Resolver(vocab, published, countries_containing(names, towns))
    rows = resolver.rows(_running_events(_others_after(found)))
    return _assemble(rows, vocab, published)


def _one_spelling(found: Sequence[Reading]) -> Sequence[Reading]:
    """A place two reports spell by two transliterations is one place ("in Karada", "in Karrada"),
    and so is one with two letters swapped ("Kanahwa County" for Kanawha): the spelling given most
    (the first, if as often) stands for both."""
    given = Counter(k for r in found for k in (*(p.key for p in r.places), *r.nearby, *r.here, *r.event_places))
    forms: dict[str, list[str]] = defaultdict(list)
    for k in given:
        form = transliterated(k)
        form = next((f for f in forms if _swapped(f, form)), form)
        forms[form].append(k)
    one = {k: max(ks, key=lambda k: given[k]) for ks in forms.values() if len(ks) > 1 for k in ks}
    if not one:
        return found

    def keys(ks: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({one.get(k, k) for k in ks}))
    return [replace(r, places=tuple(replace(p, key=one.get(p.key, p.key)) for p in r.places), nearby=keys(r.nearby),
                    here=keys(r.here), event_places=keys(r.event_places)) for r in found]


def _swapped(a: str, b: str) -> bool:
    """Are `a` and `b` one word apart by two letters next to each other swapped ("kanahwa", "kanawha")?"""
    if len(a) != len(b) or len(a) < 6 or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]] \
        and a[diff[0]].isalpha() and a[diff[1]].isalpha()


def _others_after(found: Sequence[Reading], reach: int = 3) -> list[Reading]:
    """A count of "others" after a count of the same kind in the sentences before it is more of
    them, not another value of that count: "killing at least 39 people ... Two others died
    elsewhere" (as the reader makes it within one sentence). Others that a place of their own
    sets apart are that place's toll: "Eight others died in Nicaragua"."""
    out: list[Reading] = []
    for r in found:
        if r.noun == "other" and not r.subset and not _keys(r) and any(
                m.citation.source == r.citation.source and m.kind == r.kind and 0 < r.index - m.index <= reach
                for m in out):
            r = replace(r, subset=True)
        out.append(r)
    return out


def _running_events(found: Sequence[Reading], reach: int = 3) -> list[Reading]:
    """A figure whose sentence names no event continues the one the article was just describing."""
    out, last = [], {}
    for r in found:
        if r.event is None:
            # the nearest event before it: a figure's or one only named ("firing missiles at camps")
            told = [e for e in (last.get(r.citation.source), r.recent_event) if e and r.index - e[1] <= reach]
            if told:
                r = replace(r, event=max(told, key=lambda e: e[1])[0])
        elif r.event:
            last[r.citation.source] = (r.event, r.index)
        out.append(r)
    return out


def _event_name(r: Reading, named: Naming) -> str | None:
    """The name of a reading's event, without its class noun: its own ("Typhoon Maysak, which left
    two dead" is Maysak's), else the one its source gives events of that class most (a count of
    "the typhoon" in a report on Haishen)."""
    return named.key(r.event_name) if r.event_name else dict(r.story_names).get(r.event or "")


# -- resolving readings into quantities ------------------------------------------------------
def _keys(r: Reading) -> frozenset[str]:
    """The places a reading is told apart by: not a region, sea or continent ("killed in Central
    America" is the story's own toll, not one place's among several)."""
    return frozenset(p.key for p in r.places if not p.wide)


def _body(r: Reading) -> tuple[str, ...]:
    """The proper name of the body a count belongs to, as written beside the counted noun: "West
    Virginia" in "members of the West Virginia National Guard". A named force is one force wherever
    it is deployed, as a force in one place is."""
    own = set(r.noun.lower().split())
    return tuple(w for w in r.phrase.split() if w[:1].isupper() and w.lower() not in own)


def _group(r: Reading, vocab: Words) -> str | None:
    """The normalised group, None for a noun that says nothing about who was counted
    (or only whose: "Israelis", "Hondurans" are people of a country)."""
    noun = r.noun.lower()
    if country_of(noun):
        return None
    # (nor do "Oregonians", placed in the state their name is made from: `province_of_demonym`)
    if any(len(p.key) > 3 and noun.startswith(p.key) for p in r.places):
        return None
    words = r.phrase.lower().split()
    # the phrase's last two words first: "service members" is troops, "members" alone is not
    tries = [" ".join(words[-2:]), noun] if len(words) > 1 else [noun]
    tries += [w[:-1] for w in tries if w.endswith("s")]
    found = next((g for g in map(vocab.group, tries) if g), None)
    # "47 soldiers and police officers": a count of two groups is of neither
    if found and any((_noun_group(j, vocab) or found) != found for j in r.joined):
        return None
    if found:
        return found.name
    kind = vocab.kind(r.kind)
    # (a kind's own generic nouns only in the plural and of an event: "two men were arrested after
    # the attack" count its arrests; "a woman was detained" is one person told of, and "nine men
    # have been arrested" in an article of no event may be anyone)
    generic = vocab.generic | (kind.generic if kind and r.value != 1 and r.event else frozenset())
    return None if noun in generic or noun.split()[-1] in generic else noun


def _told_apart_by(a: Reading, b: Reading, vocab: Words) -> bool:
    """Two counts of one sentence that each say what sets them apart, differently: "300,000 were
    forced from their homes, and 5,000 were evacuated from the coast" (not "the government says
    150,000 died, while relief groups say 900,000", nor "probably one million and perhaps three
    million": rival values of one count)."""
    mine, theirs = set(a.qualifier) - vocab.likelihood, set(b.qualifier) - vocab.likelihood
    return bool(mine) and bool(theirs) and mine != theirs


def _noun_group(noun: str, vocab: Words):
    """The group a noun names, singular or plural ("police officers")."""
    return vocab.group(noun) or (vocab.group(noun[:-1]) if noun.endswith("s") else None)


def _days_between(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days from the end of one span to the start of the other; 0 when they overlap."""
    return max((a[0] - b[1]).days, (b[0] - a[1]).days, 0)


def _joined(countries: set[str]) -> set[str]:
    return {part for c in countries for part in within(c)}


def _apart(a: set[str], b: set[str]) -> bool:
    """Two sets of countries, both known, that share none (a country and its parts are one)."""
    return bool(a) and bool(b) and not _joined(a) & _joined(b)


class _Resolver:
    def __init__(self, vocab: Words, published: dict[str, date], countries: dict[str, str | None] | None = None):
        self.v, self.published = vocab, published
        self.countries_of = countries or {}  # the country a place (by its key) is or is in, by the gazetteer
        self.placed_by_story: dict[str, str] = {}  # town -> the country of the province the story names it in
        self.told_in: dict[str, set] = {}  # the countries each kind's counts are placed in, per story
        self.placed_at: dict[str, set] = {}  # the places themselves
        self.people_told: dict[tuple[str, str], set] = defaultdict(set)  # what each source counts as plain people, per kind
        self.state_of: dict[str, str] = {}  # town -> the state the story names it in ("Orlando, Florida")
        self.us_states: dict[str, frozenset[str]] | None = None  # town -> the US states a town of its name is in
        self.days: dict[tuple[str, str], tuple[date, date] | None] = {}  # (source, date as written) -> `day`
        self.known = {g.name for g in vocab.groups}
        self.apart = {g.name for g in vocab.groups if g.apart}
        self.parted = {g.name for g in vocab.groups if g.part_of}
        self.sent = {g.name for g in vocab.groups if g.sent_to_events}

    def group(self, r: Reading) -> str | None:
        return _group(r, self.v)

    def groups_joined(self, r: Reading) -> set[str]:
        """The groups a count of joined nouns names: "soldiers and police officers" names both."""
        if not r.joined:
            return set()
        return {g.name for g in (_noun_group(n, self.v) for n in (r.noun, *r.joined)) if g}

    def nation(self, r: Reading) -> str | None:
        """Whose people a reading counts, when that sets them apart: "12 Americans" among the dead in
        Nairobi; not "21 Israelis" wounded in Jerusalem, who are the place's own."""
        # (a town is no nation: "three Atlanta bombings" are bombings there, not Atlanta's people's)
        names = {country_of(n) or n for n in r.nations if country_of(n) or not self.country(n)} \
            | ({country_of(r.noun)} if country_of(r.noun) else set())
        if len(names) != 1:
            return None
        (name,) = names
        # the place it names, else every place around it, is that country
        here = {self.country(p.key) for p in r.places} if r.places else self.countries(r)
        return None if here == {name} else name

    def era(self, r: Reading) -> str | None:
        m = YEAR.search(r.when or "")
        if m and r.when.split()[0].lower() in self.v.open_spans:
            return r.past  # "since 1994": up to now, not the year of the events
        pub = self.published.get(r.citation.source)
        # (a date in the year of its own report, "July 15, 2016" in a report of that July, is of
        # the news it reports: a past event is told by its month or day, `long_before`)
        if m and pub and int(m.group(0)) == pub.year and not r.past and (day := self.day(r)) is not None \
                and not self.long_before(r, day):
            return None
        if m or r.past:
            return m.group(0) if m else r.past
        # "Last year, wildfires killed three people": the year before the source's
        # (era is asked of every pair fits weighs: only a date that says "year" is searched)
        years_back = [d.offset for d in find_dates(r.when) if d.kind == "relative" and d.unit == "year"] \
            if r.when and "year" in r.when.lower() else []
        if pub and years_back and years_back[0] < 0:
            return str(pub.year + years_back[0])
        # a toll told right after a sentence that dates an event to a year before the source's own is
        # that earlier event's: "a gas leak in Bhopal in December 1984. Nearly 4,000 people died"
        return r.year_before if r.year_before and pub and int(r.year_before) < pub.year else None

    def same_era(self, r: Reading, row: _Row) -> bool:
        """The same year, or one dated and one not that give the same number for the same kind of
        event ("the 1988 bombing that killed 270" and "the bombing, which killed 270 people")."""
        era = self.era(r)
        if era == row.era:
            return True
        # a count of today's news is of the year its report came out: a later report's "the explosion of
        # March 2014, which killed eight" gives the number a report of that March gave undated
        if row.holds(r.value) and (era is None) != (row.era is None):
            dated = era or row.era
            undated = [r] if era is None else row.members
            told = [self.published.get(m.citation.source) for m in undated]
            if dated.isdigit() and all(d is not None and d.year == int(dated) for d in told):
                return True
        # (an event "the attacks" may be the bombings: a broad class covers a narrower one)
        return (era is None or row.era is None) and r.event is not None and row.event is not None \
            and self.v.same_event(r.event, row.event) and row.holds(r.value)

    def day(self, r: Reading) -> tuple[date, date] | None:
        """The days the event of a reading happened in, when its sentence dates the event to a day
        or a month ("attacks in November that killed 130": any day of that November). Kept per
        source and date: `fits` asks it of every member of every row it weighs."""
        return self.days_of(r.citation.source, r.on_day)

    def days_of(self, source: str, told: str | None) -> tuple[date, date] | None:
        """The days a date a source writes ("Friday", "in November") stands for, placed by the date
        the source was published."""
        if not told:
            return None
        asked = (source, told)
        if asked not in self.days:
            # (the recogniser found it a date: a month named alone is one, as "in November" is)
            found = find_dates(told) or find_dates(f"in {told}")
            pub = self.published.get(source)
            placed = place(found[0], pub.isoformat() if pub else None) if found else None
            self.days[asked] = (placed.first_day, placed.last_day) \
                if placed and placed.precision >= 1 and placed.first_day is not None else None
        return self.days[asked]

    def told_before(self, r: Reading) -> bool:
        """Told as a source's report of a day before its own ("police said Monday" in Tuesday's
        report): the count as it stood then, which the report's other counts may update."""
        days, published = self.days_of(r.citation.source, r.told_on), self.published.get(r.citation.source)
        return days is not None and published is not None and days[1] < published

    def other_day(self, r: Reading, row: _Row) -> bool:
        """Dated to days further apart than the same event allows: "killed Friday" in December is
        not the "more than 40 massacred" of November."""
        mine = self.day(r)
        theirs = [d for d in map(self.day, row.members) if d]
        if mine and theirs:
            return min(_days_between(mine, d) for d in theirs) > self.v.event_days
        # a past event's toll and the undated tolls of the news ("attacks in Paris in November that
        # left 130 dead" in a July report on Nice's 80), unless they give the same number
        if row.holds(r.value):
            return False
        if mine:
            return self.long_before(r, mine)
        return self.past(row)

    def long_before(self, r: Reading, days: tuple[date, date]) -> bool:
        """Is the event its sentence dates to `days` long past when its report was published?"""
        published = self.published.get(r.citation.source)
        return published is not None and (published - days[1]).days >= self.v.past_event_days

    def past(self, row: _Row) -> bool:
        """Every value of the row is dated long before its report: a past event's toll."""
        return all((d := self.day(m)) is not None and self.long_before(m, d) for m in row.members)

    def days_of_one_source(self, r: Reading, row: _Row) -> bool:
        """One report's counts of two different days are two counts, however close the days: "22
        were arrested on Friday night", "28 on Saturday night"."""
        mine = self.day(r)
        return mine is not None and any(
            m.citation.source == r.citation.source and m.value != r.value and (d := self.day(m)) is not None
            and _days_between(mine, d) > 0 for m in row.members)

    def close_in_time(self, r: Reading, row: _Row) -> bool:
        """Levels (a force) reported weeks apart are different quantities, and so are different
        counts of what an attack used or hit; an event's toll restated weeks later is still that
        event's."""
        if r.kind not in self.v.levels and (r.kind not in self.v.per_attack or row.holds(r.value)):
            return True
        mine = self.published.get(r.citation.source)
        theirs = [self.published[s] for s in row.sources() if s in self.published]
        if mine is None or not theirs:
            return mine is None and not theirs
        return min(abs((mine - d).days) for d in theirs) <= self.v.max_days_apart

    def country(self, place: str) -> str | None:
        """The country a place (by its key) is or is in: the gazetteer's, unless the story names
        the place's province in another ("Jasper, a town in Alberta", not Jasper, Texas)."""
        return self.placed_by_story.get(place) or self.countries_of.get(place)

    def countries(self, r: Reading) -> set[str]:
        return {c for c in map(self.country, r.nearby) if c}

    def same_place(self, a: frozenset[str], b: frozenset[str], same_number: bool = False) -> bool:
        """Unstated, the same, or a country and places in it ("Israel" and "Jerusalem"); with the
        same number, also places within a wider statement ("12 Americans" killed "in Nairobi" and
        "in Kenya and Tanzania" are the same twelve)."""
        if not a or not b or a == b:
            return True
        # a town and the state the story names it in: "in Orlando, Florida" and "in Florida"
        if {self.state_of.get(p, p) for p in a} == b or {self.state_of.get(p, p) for p in b} == a:
            return True
        # with the same number, a US town in the state the other names, written apart: "three Atlanta
        # bombings" and "three bombings in Georgia" (a toll that differs may be the town's alone)
        if same_number and (self.in_state(a, b) or self.in_state(b, a)):
            return True
        for wide, narrow in ((a, b), (b, a)):
            # the same countries: "in Kenya and Tanzania" is both bombings' toll, not Nairobi's
            countries = {country_of(p) for p in wide}
            inside = {self.country(p) for p in narrow}
            if None not in countries and (inside == countries or same_number and inside <= countries):
                return True
        return False

    def other_town(self, r: Reading, towns: frozenset[str]) -> bool:
        """A reading that names no place is told among towns other than `towns` (and their states)."""
        return not _keys(r) and bool(towns) and all(self.town(p) for p in towns) \
            and any(self.town(p) for p in r.nearby) \
            and not set(r.nearby) & (towns | {self.state_of.get(p) for p in towns})

    @staticmethod
    @lru_cache(maxsize=None)
    def town(place: str) -> bool:
        """A place (by its key) narrower than a province: no country, nor any country's province (a town
        the gazetteer does not know, "St. Paul", is one all the same). Asked of every pair of readings
        `fits` weighs, so answered once per name."""
        from ..gazetteer import province_countries  # here: the gazetteer reads names through this package

        return country_of(place) is None and not province_countries(place)

    def in_state(self, towns: frozenset[str], states: frozenset[str]) -> bool:
        """Every town is one the gazetteer puts in the US and a town of that name is in the one US
        state the other names (not Paris, whose most populous namesake is French, in Texas)."""
        if len(states) != 1:
            return False
        (state,) = states
        country = self.countries_of.get(state)
        if country is None or any(self.countries_of.get(t) != country for t in towns):
            return False
        from ..gazetteer import match_key, us_states_of  # here: the gazetteer reads names through this package

        if self.us_states is None:  # asked once for every town of the build: one search of the town file
            self.us_states = us_states_of(p for p, c in self.countries_of.items() if c is not None and self.town(p))
        return all(match_key(state) in self.us_states.get(t, ()) for t in towns)

    def region_of(self, r: Reading) -> frozenset[str] | None:
        """The countries of the named regions a reading that names no narrower place is in: those
        its sentence names ("killed 20 in the Caribbean", "hit the Caribbean, killing 24")."""
        if not r.regions or _keys(r):  # (most readings: asked of every pair `fits` weighs)
            return None
        found = [f for f in map(region, r.regions) if f]
        return frozenset().union(*found) if found else None

    def in_region(self, r: Reading, rows: list[_Row]) -> list[_Row]:
        """The one row of places in the region a reading names that its number agrees with: "more
        than 20 killed in the Caribbean" and "24 killed in Haiti and the Dominican Republic"."""
        reg = self.region_of(r) or frozenset()
        inside = [row for row in rows if row.places and {self.country(p) for p in row.places} <= reg
                  and (self.agrees(r, row) or self.admits(r, row))]
        return inside if len(inside) == 1 else []

    def outside(self, a: Reading, b: Reading) -> bool:
        """`a` is placed in a named region and `b` in countries none of which is in that region: its
        own places', else, when it names no place at all, those its sentence names ("pummeled parts
        of Louisiana, leaving four dead"; not a count "in Africa" in a sentence that names
        Manhattan, nor the sentences before: a list's "17 dead in Sweden" before the toll of Asia)."""
        reg = self.region_of(a)
        if reg is None:
            return False
        theirs = {self.country(p) for p in _keys(b)} - {None} \
            or ({self.country(k) for k in b.here} - {None} if not b.places else set())
        return bool(theirs) and not _joined(theirs) & reg

    def told_elsewhere(self, whole: _Row, row: _Row) -> bool:
        """The sentences of a count that names no place name only countries none of a place's row is in:
        strikes "on Yemen's west coast, injuring 87" hold no part in Tel Aviv."""
        return _apart({self.country(k) for m in whole.members for k in m.here} - {None},
                      {self.country(p) for m in row.members for p in _keys(m)} - {None})

    def other_region(self, r: Reading, members: Sequence[Reading]) -> bool:
        """A count in a named region and a count in a country outside it are two places' counts:
        "Laura earlier hit the Caribbean, killing 24" and four killed in Louisiana (not the ten
        thousand killed "in Central America" and the seven thousand of Honduras)."""
        return any(self.outside(r, m) or self.outside(m, r) for m in members)

    def near(self, r: Reading, row: _Row) -> bool:
        """A toll naming nobody may be a value of a named group's toll ("13 dead" of "12 soldiers
        killed") when it is of the same size: 200,000 dead are not four peacekeepers killed."""
        ratio = self.v.named_ratio
        return any(m.value / ratio <= r.value <= m.value * ratio for m in row.members)

    def allows(self, r: Reading, value: float) -> bool:
        """The reading's hedge allows the number ("more than 200" allows 213; "about 70", 72)."""
        bound = r.hedge.bound if r.hedge else "exact"
        return {"lower": value >= r.value, "upper": value <= r.value,
                "near": abs(value - r.value) <= r.value * self.v.near_tolerance}.get(bound, value == r.value)

    def agrees(self, r: Reading, row: _Row) -> bool:
        """The same number, or a close one a hedge on either side allows ("more than 25,000" and
        25,490; not "at least 47" and "over 60")."""
        close = [m for m in row.members if abs(m.value - r.value) <= self.v.near_tolerance * max(m.value, r.value)]
        return row.holds(r.value) or any(self.allows(r, m.value) or self.allows(m, r.value) for m in close)

    def admits(self, r: Reading, row: _Row) -> bool:
        """A member's number is one the reading's hedge allows, of the same size."""
        return self.near(r, row) and any(self.allows(r, m.value) for m in row.members)

    def allowed_by(self, r: Reading, row: _Row) -> bool:
        """A member's floor allows the reading's number, of the same size ("at least 16" allows 18; not
        "as many as 80,000", a ceiling, which any smaller toll would satisfy)."""
        return self.near(r, row) and any(m.hedge is not None and m.hedge.bound == "lower" and r.value >= m.value
                                         for m in row.members)

    def alike(self, r: Reading, row: _Row, group: str | None) -> bool:
        """Nouns the lexicon does not know ("men", "hostages", "foreigners") describe people without
        setting them apart: the same number of them is the same toll."""
        # (or of a group it knows, when both name the same people: "15 British citizens" and
        # "15 British sailors")
        same_people = self.nation(r) is not None and self.nation(r) == row.nation
        return group not in self.known and (row.group not in self.known or same_people) and row.holds(r.value)

    def widest(self, rows: list[_Row]) -> list[_Row]:
        """The row whose places hold the countries of all the others, if one does."""
        def countries(row: _Row) -> set[str]:
            return {self.country(p) or p for p in row.places}
        return [row for row in rows if len(rows) > 1 and len(countries(row)) > 1
                and all(countries(other) <= countries(row) for other in rows)][:1]

    def one_country(self, r: Reading, rows: list[_Row]) -> list[_Row]:
        """In a story whose counts of a kind are all placed in one country, named around the reading,
        the row of that country is the whole that "in the region" tells: "killed 12,000 in the
        region" and "10,059 killed in Turkey" of one earthquake (not a hurricane's toll in Honduras
        among Central America's)."""
        told = self.told_in.get(r.kind, set()) - {None}
        # a region named ("in Central America") spans countries; "the region" is the story's own,
        # when the sentences around it name that country, or places in it, and no other
        if len(told) != 1 or self.countries(r) != told \
                or not all(p.key in self.v.wide_nouns for p in r.places if p.wide):
            return []
        return [row for row in rows if row.places == told][:1]  # the country itself, not a place in it

    def fits(self, r: Reading, row: _Row, group: str | None) -> bool:
        places = _keys(r)
        nation = self.nation(r)
        if not places and not row.places:
            # two tolls that name no place are one when the countries around them agree
            mine, theirs = self.countries(r), set().union(*(self.countries(m) for m in row.members))
            if _apart(mine, theirs):
                return False
        # a reading naming no place may not join another place's toll than those named around it
        # (by country: a place the gazetteer does not know, or misspelt, is no evidence), unless it
        # points back to the row's number: "Eleven of the 36 wounded were Israelis" after Istanbul's 36
        # (the countries of a region it names, when it names one: "killed 20 in the Caribbean")
        theirs, around = {self.country(p) for p in row.places} - {None}, self.region_of(r) or self.countries(r)
        elsewhere = not places and _apart(theirs, around) and not (r.given and row.holds(r.value))
        # (of another number, the countries its own sentence names say it first: strikes "on Yemen's
        # west coast, injuring 87" are no value of Tel Aviv's 10 injured the sentences before told of)
        elsewhere = elsewhere or not places and not row.holds(r.value) \
            and _apart(theirs, {self.country(k) for k in r.here} - {None})
        # (and by town, for another number: the towns named around it are none of a town's row, "In Baton
        # Rouge, ... at least 48 people were taken into custody" is no value of St. Paul's 50 arrested)
        # (either way round: St. Paul's 50 joins no row of Baton Rouge's 48)
        elsewhere = elsewhere or not row.holds(r.value) and (
            self.other_town(r, row.places) or not row.places and bool(places)
            and all(self.other_town(m, places) for m in row.members))
        # a force level that says neither where nor whose is no rival to another (armies keep
        # many): it joins only a row that states the same number
        # (nor one whose event anchors it: firefighters at one fire; nor one a named body anchors)
        unanchored = r.kind in self.v.levels and not places and nation is None \
            and not row.holds(r.value) and not (r.ranged and any(m.ranged and m.citation == r.citation  # "100-120 troops"
                                                                 for m in row.members)) \
            and not self.sent_to_one_event(r, row, group) \
            and not (_body(r) and all(_body(m) == _body(r) for m in row.members))
        # where its event happened, when it states no place, tells it from another place's count
        # ("12 died after a bridge collapsed in Shanxi" is not Sichuan's toll)
        happened_elsewhere = bool(r.event_places) and not places and bool(row.places) \
            and not set(r.event_places) & row.places
        # "another 7,500 people", "after killing one more victim": an increment adds to a count, and
        # is never another value of it; it joins only a row that states its number
        added = r.increment and not row.holds(r.value)
        return (row.kind == r.kind and self.same_era(r, row) and not elsewhere and not unanchored
                and not happened_elsewhere and not added
                # a count per day is no value of a toll, nor of a count per week; nor are dollars baht
                and all(m.rate == r.rate and m.unit == r.unit for m in row.members)
                and not self.other_day(r, row)
                and not self.days_of_one_source(r, row)
                and self.same_place(places, row.places, row.holds(r.value))
                # a city's toll far smaller than its country's is the city's own ("in Marrakesh alone, 40")
                and (not places or not row.places or places == row.places or self.near(r, row))
                and (nation is None or row.nation is None or nation == row.nation)
                # "12 Americans" among "213 people" killed: people of one country are a part of an
                # unqualified toll unless they are the same number
                # (and "26 people" no value of "12 Americans")
                and not ((nation is None) != (row.nation is None) and not self.agrees(r, row))
                and (group is None or row.group is None or group == row.group or self.alike(r, row, group))
                # a force is no event's toll: the same troops fight in the strikes and the clashes
                and (r.kind in self.v.levels or self.v.same_event(r.event, row.event))
                # a war's toll is no value of one of its bombings' unless of its size
                and not (self.v.whole_and_part(r.event, row.event) and not self.near(r, row))
                # Typhoon Maysak's toll is no value of Typhoon Haishen's
                and not ((name := _event_name(r, self.v.named_events))
                         and {_event_name(m, self.v.named_events) for m in row.members} - {None, name})
                # a toll of unnamed people in one event is no value of a named group's toll of another
                # (a narrower one is another event: people hurt in strikes are not the troops hurt in an attack)
                # (people of the row's own country are no such strangers: "three Americans" and "three US troops";
                # nor is a force, which no event owns: "1,500 people are being deployed" and "1,500 rescue personnel")
                # nor is a toll whose event no source names another event: "five customers were killed" and
                # "opened fire again, killing five more")
                and not (group is None and r.event and row.group is not None and row.event is not None
                         and r.kind not in self.v.levels and not self.v.covers(r.event, row.event)
                         and not (nation is not None and nation == row.nation))
                and self.close_in_time(r, row)
                and self.same_story(r, row)
                and not self.listed_beside(r, row)
                and not self.whole_of_own_place(r, places, row)
                and not self.other_region(r, row.members)
                and not self.told_apart(r, row)
                # events a source calls others ("four earlier attacks") are not the count of the
                # events another source counts with the one at hand ("the five attacks")
                and (r.another_event == all(m.another_event for m in row.members) or row.holds(r.value))
                # the sum of several events' tolls is no value of one event's ("80 killed in four attacks"
                # and "a car bombing killed 37"; "the two bombings" and "the bombings" may be one)
                # (a toll of plural events beside both tells of them all: "bombs hit two areas, killing 23"
                # and "nearly 120 killed in two bombings", whatever one bomb's toll joined them first)
                and (not {r.of_several} | {m.of_several for m in row.members} >= {"counted", ""}
                     or "plural" in {r.of_several} | {m.of_several for m in row.members} or row.holds(r.value))
                # a crime a court counts is no value of a toll the news tells, unless it gives the
                # same number or names the same places ("charged with murder in the deaths of more
                # than 200 people in the embassy attacks in Kenya and Tanzania")
                and (r.judged == all(m.judged for m in row.members) or row.holds(r.value)
                     or bool(places) and places == row.places))

    def sent_to_one_event(self, r: Reading, row: _Row, group: str | None) -> bool:
        """Firefighters at one fire are one force, however many places each report names: the event
        anchors a force that is sent to it, as a place anchors an army."""
        def event(m: Reading) -> str | None:  # (its source's one event, when its sentences name none)
            return m.event or (m.story_events[0] if len(m.story_events) == 1 else None)
        return group in self.sent and row.group == group and event(r) is not None \
            and all(event(m) is not None and self.v.same_event(event(r), event(m)) for m in row.members)

    def same_story(self, r: Reading, row: _Row) -> bool:
        """A count joins another article's toll of an event only when its own article tells of such
        an event somewhere, and the other way round: in a folder of unrelated articles, the eight
        killed in a plane crash are no value of an earthquake's toll. (An article that names no
        event at all may be telling any.)"""
        def tells(story: tuple[str, ...], event: str) -> bool:
            return not story or any(self.v.same_event(e, event) for e in story)
        others = [m for m in row.members if m.citation.source != r.citation.source]
        if not others:
            return True
        if row.event is not None and not tells(r.story_events, row.event):
            return False
        return r.event is None or all(tells(m.story_events, r.event) for m in others)

    @staticmethod
    def told_apart(r: Reading, row: _Row) -> bool:
        """A source that tells another event ("a day earlier, 27 were injured in similar clashes")
        gives that event's count, not another value of the count it gave before."""
        return any(m.citation.source == r.citation.source and m.index != r.index and m.value != r.value
                   and (m.another_event or r.another_event) for m in row.members)

    def whole_of_own_place(self, r: Reading, places: frozenset[str], row: _Row) -> bool:
        """An article's count that names no place is not a value of a place's clearly smaller count
        that the same article gives: it is the whole the place is a part of ("the toll has risen to
        7,085 ... In the Izmit region, 3,261 people were killed"; "the five attacks" and "three
        attacks in Canada"). The value a revision leaves is the place's own ("lowered the toll from
        7,000 to about 6,100", then "6,076 in Honduras")."""
        # (unless its own sentence names that very place and no other: "in the city of Nice ...,
        # leaving at least 80 people dead" is Nice's toll as it rose from a caption's "at least 60
        # killed in Nice"; or the article has already given the row a count of no place, its own toll)
        return not places and bool(row.places) and not r.superseded and not r.first_told \
            and not self.told_before(r) and row.places != set(r.here) \
            and not any(m.citation.source == r.citation.source and not _keys(m) for m in row.members) and any(
            m.citation.source == r.citation.source and _keys(m) == row.places
            and r.value > m.value * (1 + self.v.near_tolerance) for m in row.members)

    def listed_beside(self, r: Reading, row: _Row) -> bool:
        """Two counts of one kind that one sentence gives side by side, of different nouns, are two
        quantities ("1,300,000 refugees in camps, 766,000 displaced people"), unless it revises one,
        or one is the upper guess at the other ("the death toll has surpassed 12,000 and officials
        predict as many as 40,000 could have died")."""
        guess = r.hedge is not None and r.hedge.bound == "upper"
        return not r.revised and any(m.citation.source == r.citation.source and m.index == r.index
                                     and m.value != r.value and (m.noun != r.noun or _told_apart_by(m, r, self.v))
                                     and not (guess and r.value > m.value) for m in row.members)

    def rows(self, found: Sequence[Reading]) -> list[_Row]:
        rows: list[_Row] = []
        self.told_in, self.placed_at = {}, {}
        self.people_told = defaultdict(set)
        self.state_of = {town: state for r in found for town, state in r.story_towns}
        from ..gazetteer import province_countries  # here: the gazetteer reads names through this package

        within = {town: province_countries(state) for town, state in self.state_of.items()}
        self.placed_by_story = {town: next(iter(c)) for town, c in within.items()
                                if len(c) == 1 and self.countries_of.get(town) not in c}
        for r in found:
            self.told_in.setdefault(r.kind, set()).update(self.country(p) for p in _keys(r))
            self.placed_at.setdefault(r.kind, set()).update(_keys(r))
            # (a group's row is narrower than what its source counts as plain people: `narrower`)
            if not r.subset and self.group(r) is None and not r.nations:
                self.people_told[r.citation.source, r.kind].add(r.value)
        # the most specific readings first, so the vaguer ones find a row to join; of those alike,
        # an upper estimate last ("as many as 40,000 could have died" beside tolls of 600 to 18,000),
        # so it joins the toll it guesses at rather than seed a row the counts then join
        # (a toll of a past year first of all: the same number told undated is more likely it, as the
        # rows below weigh, than a value of today's toll in the same place)
        order = sorted(found, key=lambda r: (r.subset, self.era(r) is None, self.group(r) is None, not _keys(r),
                                             not r.nations, r.hedge is not None and r.hedge.bound == "upper"))
        subsets: list[Reading] = []
        for r in order:
            if r.subset:
                subsets.append(r)
                continue
            group = self.group(r)
            fits = [row for row in rows if row.parent is None and self.fits(r, row, group)]
            fits_any = list(fits)
            alike = [row for row in fits if self.alike(r, row, group)]
            if group is not None:
                # a named group joins a row of that group, or a generic one; a part of a group
                # (Marines of troops) becomes a part row below
                named = [row for row in fits if row.group == group]
                fits = named or [row for row in fits if row.group is None] or (alike if group not in self.known else [])
            else:
                # unnamed people join a toll of a group the lexicon knows, never one of a noun
                # it does not ("two male friends died"), which is more likely a part, unless
                # it gives the same number
                # (a row of a noun it does not know that a source also calls plain people is a toll
                # of people: "4,299 opponents died" and "4,299 people were killed" take "some 3,000")
                fits = [row for row in fits if row.group is None or (row.group in self.known and (
                    row.group not in self.apart | self.parted or row.holds(r.value))
                    and (not self.narrower(row) or row.holds(r.value))
                    or row.group not in self.known and any(self.group(m) is None for m in row.members))
                    and self.near(r, row)]
                fits += [row for row in alike if row.group is not None and row not in fits]
                # "40 soldiers and police officers" and "12 police officers": a count of two groups
                # is a value of either's count, whatever its size
                fits += [row for row in fits_any if row.group is not None and row.group in self.groups_joined(r)
                         and row not in fits]
            exact = [row for row in fits if _keys(r) and row.places == _keys(r)]
            # a source that repeats a number means the same quantity by it ("lowered the toll from
            # 7,000 to about 6,100", then "6,076 in Honduras, down from an earlier estimate of
            # 7,000"), and a value it revises goes with the value it revises
            own = [row for row in fits if not r.places and any(m.citation.source == r.citation.source and (
                m.value == r.value or m.index == r.index and r.revised) for m in row.members)]
            # (unless a row that states its very number does and the place's row does not: "an earthquake
            # in central Taiwan killed about 2,400 people" is the 2,400 another report gives, not a
            # value of the two that today's quake in Taiwan killed)
            same = [row for row in fits if row.holds(r.value)]
            exact = [row for row in exact if row.holds(r.value)] or ([] if same else exact)
            fits = exact or own or fits
            if own:
                pass  # the source itself says which: no guessing by place below
            elif any(p.wide for p in r.places):
                # a toll of the whole region is the story's own, whatever number one place shares with it
                fits = [row for row in fits if not row.places] or self.widest(fits) or self.one_country(r, fits) \
                    or self.in_region(r, fits)
            elif not _keys(r) and len(fits) > 1:
                # a toll that names no place is the story's own, not one place's among several: a row
                # naming none, or one naming every country the others do ("in Kenya and Tanzania"),
                # even when one place states the same number; unless it is far smaller than the
                # story's toll and a place states that very number (its own toll, the place unsaid)
                # (of the rows of its size, when a far smaller one elsewhere leaves none the widest: "more
                # than 250 killed in the embassy attacks" beside 224 in Kenya and Tanzania, 213 in Nairobi
                # and the 26 the strikes in Afghanistan killed)
                whole = [row for row in fits if not row.places] or self.widest(fits) \
                    or self.widest([row for row in fits if self.near(r, row)])
                # with no whole, a hedged toll ("more than 200") that only one place's toll
                # satisfies (213 killed in one city, 11 in another) is that place's, the place unsaid;
                # in a story of one country, so is a toll that only one place's floor allows ("killed
                # 18" after "at least 16 in Nova Scotia", beside three killed in another province a
                # year before), or that only one place's toll states as it does, unhedged ("53
                # wounded in the rampage"); across countries it is the story's whole (8,000 dead
                # "from the wave" are not Indonesia's 8,000)
                in_one_country = len({self.country(p) for row in fits for p in row.places}) == 1
                agreeing = [row for row in fits if r.hedge and self.admits(r, row) or in_one_country and (
                    self.allowed_by(r, row)
                    or r.hedge is None and any(m.value == r.value and m.hedge is None for m in row.members))] \
                    if not whole else []
                if len(agreeing) == 1:
                    whole = agreeing
                # (one place is no place among several: in a story that places a kind's counts in
                # one city only, "killed nine" is the nine the city's row holds)
                only_place = len(self.placed_at[r.kind]) == 1 and any(
                    row.places and row.holds(r.value) for row in fits)
                if not only_place and (not whole or any(self.near(r, row) for row in whole)
                                       or not any(row.holds(r.value) for row in fits)):
                    fits = whole
            # the same number in a row that fits is the strongest sign of the same quantity
            fits = [row for row in fits if row.holds(r.value)] or fits
            if fits:
                row = max(fits, key=lambda row: (len(row.sources()), -rows.index(row)))
                row.members.append(r)
                if row.group is None and group is not None:
                    row.group = group
                row.places = row.places or _keys(r)
                row.nation = row.nation or self.nation(r)
                row.event = self.v.narrower(row.event, r.event)
            else:
                rows.append(_Row(r.kind, group, self.nation(r), _keys(r),
                                 self.era(r), [r], event=r.event))
        self.join_late(rows)
        # (far apart in size first: the war's 39,090 dead, told by one report and 39,258 by the next,
        # leave the operation's 30 and 90 that both reports give before those two are told apart)
        rows = [part for row in rows for past in self.split_past(row) for far in self.split_far_apart(past)
                for costated in self.split_costated(far) for part in self.split_restated(costated)]
        self.split_parts(rows)
        for r in subsets:
            self.place_part(r, rows)
        self.split_victims(rows)
        # rows whose members all became parts go; the parts' totals are counted again without them
        kept = [i for i, row in enumerate(rows) if row.members]
        index = {old: new for new, old in enumerate(kept)}
        for i in kept:
            if rows[i].parent is not None:
                rows[i].parent = index.get(rows[i].parent)
        return [rows[i] for i in kept]

    def split_victims(self, rows: list[_Row]) -> None:
        """A toll that includes the attackers ("nine people were killed ..., including the three
        perpetrators") and a value of the row that is the toll without them ("at least six people are
        dead") are the toll and its victims: that value is a part of the toll, no rival to it."""
        for i, row in enumerate(list(rows)):
            if row.parent is not None:
                continue
            values = {m.value for m in row.members}
            # (by the counted noun itself: "the three perpetrators and a policeman" count no one group)
            killers = {m.value for part in rows if part.parent == i for m in part.members
                       if (g := self.v.group(m.noun)) is not None and g.name in self.apart}
            victims = {v for v in values for k in killers if v + k in values}
            if not victims or victims == values:
                continue
            members = row.members
            row.members = [m for m in members if m.value not in victims]
            rows += [row.keeping([m for m in members if m.value == v], parent=i) for v in sorted(victims)]

    def join_late(self, rows: list[_Row]) -> None:
        """Rows are filled the most specific reading first, so a count of plain people may come
        before the plain people another report gives a group's row ("12 young boys and girls",
        then "12 people, including children"): a row of plain people that now fits one row of the
        same toll, one that holds plain people too, joins it ("at least 11 people, including
        children")."""
        for row in list(rows):
            if row.group is not None or row.parent is not None or not row.members:
                continue
            targets = [o for o in rows if o is not row and o.kind == row.kind and o.parent is None
                       and o.group is not None and o.group not in self.apart
                       and any(self.group(m) is None for m in o.members)
                       and all(self.fits(m, o, None) and self.near(m, o) for m in row.members)]
            if len(targets) == 1:
                targets[0].members.extend(row.members)
                targets[0].event = self.v.narrower(targets[0].event, row.event)
                row.members.clear()
        rows[:] = [row for row in rows if row.members]

    def narrower(self, row: _Row) -> bool:
        """A group's count that one of its sources sets beside another count of plain people is not
        the toll of people ("killing three soldiers ... Six people were killed in the past week"):
        unnamed people join it only with its own number."""
        return row.group is not None and any(
            self.people_told[m.citation.source, m.kind] - {m.value} for m in row.members if self.group(m) == row.group)

    def split_past(self, row: _Row) -> list[_Row]:
        """A value a source dates to a year before other values' sources were published is an
        earlier event's ("many lived through a massive 1999 tremor that killed about 2,400" in
        reports of a 2016 quake), with every source's value equal to it; the rest stay. (A
        retrospective a year on, "the 1999 quake killed 17,000", is no earlier than the reports of
        1999 it joins.)"""
        years = {m.value: int(y.group(0)) for m in row.members if (y := YEAR.fullmatch(self.era(m) or ""))}
        later = [m for m in row.members if m.value not in years]
        past = {v for v, year in years.items()
                if any((p := self.published.get(m.citation.source)) and p.year > year for m in later)}
        if not past:
            return [row]
        return [row.keeping([m for m in row.members if m.value not in past], era=None)] + [
            row.keeping([m for m in row.members if m.value == v], era=str(years[v])) for v in sorted(past)]

    @staticmethod
    def split_costated(row: _Row) -> list[_Row]:
        """Two numbers that several articles each give in separate sentences, neither revising the
        other, are two counts, not a toll that changed ("guilty of two murders" and "of three
        murders" in every report of one verdict): a row per number. One article that gives two
        numbers may be contradicting itself, and a range ("20 or 30") is one sentence's."""
        if any(m.revised for m in row.members):
            return [row]
        said: dict[str, dict[float, set[int]]] = {}
        for m in row.members:
            said.setdefault(m.citation.source, {}).setdefault(m.value, set()).add(m.index)
        values = sorted({m.value for m in row.members})
        # (an article that sets the two side by side in one sentence gives both as values of one
        # disputed count: "the government says 220,000 died, while relief groups say 1 million")
        apart = {v for i, a in enumerate(values) for b in values[i + 1:]
                 if sum(1 for by in said.values() if a in by and b in by and by[a] != by[b]) > 1
                 and not any(by[a] & by[b] for by in said.values() if a in by and b in by) for v in (a, b)}
        if not apart:
            return [row]
        # a number only another article gives goes with the count it is told as, in the same words
        # ("at least 44 people were injured in the attack", "at least 29 people were injured in the
        # attack" beside the 26 a hospital received), when only one is
        rows = {v: [m for m in row.members if m.value == v] for v in values}
        for v in [v for v in values if v not in apart]:
            told = [(m.qualifier, m.hedge and m.hedge.bound) for m in rows[v]]
            like = [a for a in apart if any((m.qualifier, m.hedge and m.hedge.bound) in told for m in rows[a])]
            if len(like) == 1:
                rows[like[0]] += rows.pop(v)
        return [row.keeping(members) for members in rows.values()]

    @staticmethod
    def split_restated(row: _Row) -> list[_Row]:
        """A number an article states twice is its value of the quantity; another number it states
        once beside it, neither revising, first told, guessed at nor told by another, is of another
        quantity ("a series of attacks, including one at a shrine that killed 37 ... a car bombing
        Sunday that killed at least 186 ... In all, 37 people were killed"). It leaves the row with
        every report's value equal to it."""
        if any(m.revised or m.superseded or m.first_told for m in row.members):
            return [row]
        leaving = set()
        for source in {m.citation.source for m in row.members}:
            told = [m for m in row.members if m.citation.source == source]
            sentences: dict[float, set[int]] = defaultdict(set)
            for m in told:
                sentences[m.value].add(m.index)
            repeated = [v for v, at in sentences.items() if len(at) > 1]
            if len(repeated) != 1:
                continue
            kept = sentences[repeated[0]]
            leaving |= {m.value for m in told if m.value != repeated[0] and not sentences[m.value] & kept
                        and m.told_by is None and (m.hedge is None or m.hedge.bound != "upper")}
        kept = [m for m in row.members if m.value not in leaving]
        if not leaving or not kept:
            return [row]
        return [row.keeping(kept)] + [row.keeping([m for m in row.members if m.value == v]) for v in sorted(leaving)]

    def split_far_apart(self, row: _Row) -> list[_Row]:
        """Two numbers one article gives far apart in size in separate sentences, neither revising
        the other nor an estimate's bound ("up to 2 million", a rival to the official 150,000), are
        two quantities: the one fewer other sources give (the smaller, if as many) leaves the row."""
        if any(m.hedge is not None and m.hedge.bound == "upper" for m in row.members):
            return [row]
        # a toll that rose may rise far ("rose to 120,000"), but never from a larger count down to
        # a smaller: a revision below a gap keeps nothing above it in the row
        risen = [m.value for m in row.members if m.revised]
        said: dict[str, set[float]] = defaultdict(set)
        sentences: dict[tuple[str, float], set[int]] = defaultdict(set)
        for m in row.members:
            said[m.citation.source].add(m.value)
            sentences[m.citation.source, m.value].add(m.index)

        def shared(value: float, source: str) -> int:
            return sum(1 for s, values in said.items() if s != source and value in values)
        # (a smaller range stays whole, for its ends to become one part: "between seven and eight bodies")
        ranges = {m.value for m in row.members if m.ranged}
        leaving = set()
        for source, values in said.items():
            ordered = sorted(values)
            for a, b in zip(ordered, ordered[1:]):
                if b > a * self.v.apart_ratio and not sentences[source, a] & sentences[source, b] \
                        and a not in ranges and not any(v >= b for v in risen):
                    # (a smaller number the article gives after its toll is a detail of it, however many
                    # others repeat the detail: "12 have died" then "a man was found drowned")
                    detail = min(sentences[source, b]) < min(sentences[source, a])
                    # (the whole side of the gap leaves, as one quantity: "75 killed since Monday" and
                    # "89 killed in the operation" beside the war's 39,090 are one count, told two ways)
                    smaller = detail or shared(a, source) <= shared(b, source)
                    leaving |= {v for v in ordered if (v <= a if smaller else v >= b)}
        kept = [m for m in row.members if m.value not in leaving]
        if not leaving or not kept:
            return [row]
        clusters: list[list[float]] = []
        for v in sorted(leaving):
            if clusters and v <= clusters[-1][-1] * self.v.apart_ratio:
                clusters[-1].append(v)
            else:
                clusters.append([v])
        return [row.keeping(kept)] + [row.keeping([m for m in row.members if m.value in c])
                                               for c in clusters]

    def split_parts(self, rows: list[_Row]) -> None:
        """Groups that are part of another group's row, places inside another row's country, and
        the smaller numbers an article states after its own toll, become parts."""
        for row in rows:
            # "in Marrakesh alone, 40 died" under "300 killed in Morocco"
            inside = {self.country(p) for p in row.places}
            if not row.places or None in inside or len(inside) != 1 or any(country_of(p) for p in row.places) \
                    or any(m.another_event for m in row.members):  # "a day earlier, a landslide in Cusco"
                continue
            country = next(iter(inside))
            whole = [other for other in rows if other is not row and other.parent is None and other.kind == row.kind
                     and other.era == row.era and other.group == row.group
                     and {country_of(p) for p in other.places} == {country}
                     and max(m.value for m in other.members) > max(m.value for m in row.members)
                     and self.v.same_event(row.event, other.event)]
            if len(whole) == 1 and row.parent is None:
                row.parent = rows.index(whole[0])
        for row in rows:
            # "the toll has risen to 7,085 ... In the Izmit region, 3,261 were killed": a place's count
            # is a part of the count its own article gives for no place (`whole_of_own_place`)
            if row.parent is not None or not row.places or any(country_of(p) for p in row.places):
                continue
            # (not a count the article puts elsewhere: "four in Oregon and 11 elsewhere")
            whole = [other for other in rows if other is not row and other.parent is None and not other.places
                     and other.kind == row.kind and other.era == row.era and other.group == row.group
                     # (not a past event's toll: "In May, 35 were wounded" holds no part of this week's)
                     and not self.past(other)
                     and self.v.same_event(row.event, other.event) and not any(o.another_event for o in other.members)
                     and not any(self.other_region(m, other.members) for m in row.members)
                     and not self.told_elsewhere(other, row)
                     and any(o.citation.source == m.citation.source and o.value > m.value and not self.told_before(o)
                             for o in other.members for m in row.members)
                     # (not when the larger count's own sentence names that very place, and no other:
                     # "plowed into a crowd in the city of Nice, leaving at least 80 people dead" and a
                     # caption's "at least 60 killed in Nice" are one toll as it rose)
                     and not any(o.citation.source == m.citation.source and _keys(m) and _keys(m) == set(o.here)
                                 for o in other.members for m in row.members)]
            if len(whole) == 1:
                row.parent = rows.index(whole[0])
        by_group = {}
        for i, row in enumerate(rows):
            if row.group and row.parent is None:
                by_group.setdefault((row.kind, row.group, row.era), i)
        named = {g.name: g for g in self.v.groups}
        for row in rows:
            g = named.get(row.group or "")
            if g and g.part_of and (row.kind, g.part_of, row.era) in by_group:
                whole = rows[by_group[(row.kind, g.part_of, row.era)]]
                # (a report's count of a day before its own, beside its own count of the wider group,
                # is that toll as it stood: "police said Monday two girls were killed", then three children)
                earlier = all(self.told_before(m) and not m.subset and any(
                    o.citation.source == m.citation.source for o in whole.members) for m in row.members)
                if earlier or {m.value for m in row.members} == {m.value for m in whole.members}:
                    # all of the whole: "15 British sailors" are the "15 Royal Navy personnel"
                    whole.members.extend(row.members)
                    whole.nation = whole.nation or row.nation
                    row.members = []
                else:
                    row.parent = by_group[(row.kind, g.part_of, row.era)]
        for row in list(rows):
            if row.parent is not None:
                continue
            first: dict[str, Reading] = {}
            for m in sorted(row.members, key=lambda m: (m.index, m.citation.start)):
                first.setdefault(m.citation.source, m)
            # (not a number another source leads with as its own toll: "officials acknowledge
            # 220,000 deaths" after "as many as 1 million may have died" is the rival figure)
            leading = {f.value for f in first.values()}
            for m in list(row.members):
                toll = first[m.citation.source]
                # (a count its article has another teller give, of no other day or place, is a rival
                # count: the media office's 89 dead, then the hospital's 75 "since Monday", a span up to
                # now; not "41 were killed in a quake Thursday, NHK reported" after a quake of
                # Saturday, nor "in Kocaeli province, 14,718 were injured" after 33,495 in Turkey)
                rival = m.told_by is not None and toll.told_by is not None and m.told_by != toll.told_by \
                    and (m.on_day in (None, toll.on_day) or m.on_day.split()[0].lower() in self.v.open_spans) \
                    and not _keys(m) - _keys(toll)
                if m.value < toll.value and m.index != toll.index and not m.revised and m.value not in leading \
                        and not rival \
                        and not self.earlier_bound(m, toll) and not _revised_next(m, row) \
                        and not self.told_before(m):
                    row.members.remove(m)
                    self.place_part(m, rows, parent=rows.index(row))
            # one person a source tells of ("one prisoner was beaten to death") beside a larger count
            # it gives of them elsewhere ("killing three prisoners") is a case among them, in every
            # source that tells of that one
            if any(m.value == 1 and any(o.citation.source == m.citation.source and o.value > 1 and o.index != m.index
                                        and not (o.revised or m.revised) for o in row.members)
                   for m in row.members):
                for m in [m for m in row.members if m.value == 1]:
                    row.members.remove(m)
                    self.place_part(m, rows, parent=rows.index(row))
            # counts one sentence gives side by side that add up to the row's total are its parts:
            # "all 259 people aboard and 11 on the ground" of "270 killed"
            by_sentence: dict[tuple[str, int], list[Reading]] = defaultdict(list)
            for m in row.members:
                by_sentence[(m.citation.source, m.index)].append(m)
            for members in by_sentence.values():
                values = {m.value for m in members}
                if len(values) < 2:
                    continue
                total = next((i for i, other in enumerate(rows) if other.parent is None and other.kind == row.kind
                              and any(o.value == sum(values) for o in other.members if o not in members)), None)
                if total is not None:
                    for m in members:
                        row.members.remove(m)
                        self.place_part(m, rows, parent=total)
        # the same across rows: "132 children and nine staff" of the 141 people killed
        by_sentence = defaultdict(list)
        for row in rows:
            if row.parent is None:
                for m in row.members:
                    by_sentence[(m.citation.source, m.index, row.kind)].append((row, m))
        for (_, _, kind), found in by_sentence.items():
            groups = [row.group for row, _ in found]
            # groups of people, not places: countries' tolls that add up to the region's stay rows
            if len({id(row) for row, _ in found}) < 2 or None in groups or len(set(groups)) < len(groups):
                continue
            total_value = sum(m.value for _, m in found)
            total = next((i for i, other in enumerate(rows) if other.parent is None and other.kind == kind
                          and all(other is not row for row, _ in found)
                          and any(o.value == total_value for o in other.members)), None)
            if total is not None:
                for row, m in found:
                    # (a group's count that other sources give as that group's own toll stays its
                    # value: "left all five attackers and two civilians dead" of seven, where another
                    # report says "at least two civilians were killed")
                    if any(o.citation.source != m.citation.source for o in row.members):
                        continue
                    row.members.remove(m)
                    self.place_part(m, rows, parent=total)

    def earlier_bound(self, m: Reading, toll: Reading) -> bool:
        """A smaller floor an article gives for the very people of its toll, singling none out, is
        that toll as told before: "the death toll was more than 10", "killed at least 13 people",
        after its lead's "killed at least 16 people" (not "30 of them children", "12 in the city"; but
        "at least 60 killed in Nice" after a lead whose own sentence names Nice and no other place)."""
        return m.hedge is not None and m.hedge.bound == "lower" and self.group(m) is None and self.group(toll) is None \
            and not m.qualifier and (not m.places or _keys(m) == set(toll.here)) and not m.nations

    def place_part(self, r: Reading, rows: list[_Row], parent: int | None = None) -> None:
        """A part joins the part row with its qualifier (or its value), under the best total."""
        if parent is None:
            # (a part is never larger than its total: "more than 20 bodies" found are no part of
            # "at least four demonstrators killed")
            totals = [i for i, row in enumerate(rows) if row.parent is None and row.kind == r.kind
                      and row.era == self.era(r) and row.members and max(m.value for m in row.members) >= r.value
                      and not self.other_region(r, row.members)]
            if not totals:
                rows.append(_Row(r.kind, self.group(r), self.nation(r), _keys(r),
                                 self.era(r), [r]))
                return
            # the count its own sentence gives ("16 fighters, including five medics"), else the
            # best-attested total
            same = [i for i in totals if any(m.citation.source == r.citation.source and m.index == r.index
                                             and m.value > r.value for m in rows[i].members)]
            # all of a toll that no source puts higher is no part of it: "the bodies of four men
            # were recovered" where four were killed counts the four
            def all_of(row: _Row) -> bool:
                return {m.value for m in row.members} == {r.value} and not r.increment \
                    and self.group(r) in (None, row.group) and self.nation(r) == row.nation

            # (a total larger than the part, or one it is all of, before one that only equals it in
            # number: "one police officer was among those killed" is among the six dead, not the one
            # Indian killed)
            parent = max(same or totals, key=lambda i: (any(m.value > r.value for m in rows[i].members)
                                                        or all_of(rows[i]), len(rows[i].sources()), -i))
            if all_of(rows[parent]):
                rows[parent].members.append(r)
                return
        qualifier = frozenset(r.qualifier)
        group = self.group(r)
        # a named group's toll that other sources give on its own, with this very number, is this
        # part: "five assailants were killed", then "five of the seven dead were the attackers"
        # (by its own noun when it is joined to others: "including the three perpetrators and a policeman")
        named = group if group is not None else getattr(self.v.group(r.noun), "name", None)
        for i, row in enumerate(rows):
            if i != parent and row.parent is None and named is not None and row.group == named \
                    and row.kind == r.kind and row.era == self.era(r) and {m.value for m in row.members} == {r.value} \
                    and self.v.same_event(row.event, rows[parent].event) and not any(o.parent == i for o in rows):
                row.members.append(r)
                row.parent = parent
                return
        for row in rows:
            # one part: the same number of the same group, or the same qualifier ("in intensive care")
            # (nouns the lexicon does not know tell no group apart: "five foreigners", "five foreign guests")
            alike = group not in self.known and row.group not in self.known and row.holds(r.value)
            # (or the same place's toll: "15 died in Piura", later "19 were killed in Piura")
            # (never one with another number from the same sentence: "766 were 16 or 17, 226 were
            # between 13 and 15" are two parts, whatever words they share)
            # (a range's two ends are one part: "brought out between seven and eight bodies")
            beside = any(m.citation.source == r.citation.source and m.index == r.index and m.value != r.value
                         and not (m.ranged and r.ranged) for m in row.members) and not r.revised
            if row.parent == parent and row.kind == r.kind and (row.group == group or alike) and not beside and (
                    row.holds(r.value) or bool(row.places) and row.places == _keys(r) and not r.subset
                    or qualifier & row.qualifier and not r.increment and not any(m.increment for m in row.members)):
                row.members.append(r)
                row.qualifier |= qualifier
                return
        for row in rows:
            # the same people of one country, counted under another total that a place of theirs is
            # in: "12 Americans" among those killed in Nairobi and among those killed "in Kenya and
            # Tanzania" are the same twelve
            if row.parent is not None and row.parent != parent and row.kind == r.kind and row.holds(r.value) \
                    and row.group == group and row.nation is not None and row.nation == self.nation(r) \
                    and row.era == self.era(r) and _keys(r) and row.places \
                    and self.same_place(_keys(r), row.places, True) \
                    and self.v.same_event(rows[row.parent].event, rows[parent].event):
                row.members.append(r)
                return
        rows.append(_Row(r.kind, group, self.nation(r), _keys(r), self.era(r),
                         [r], parent=parent, qualifier=qualifier))


# -- from rows to the ledger, figures and discrepancies ------------------------------------------
def _revised_next(m: Reading, row: _Row) -> bool:
    """A smaller value the very next sentence revises is the toll as it stood, not a part of it: "At
    the time of the address, 77 people were confirmed dead. ... the death toll had risen to 80"."""
    return any(o.citation.source == m.citation.source and o.revised and o.value > m.value and o.index == m.index + 1
               for o in row.members)


def _published(parsed: Sequence[ParsedSource]) -> dict[str, date]:
    out = {}
    for p in parsed:
        try:
            out[p.source.id] = date.fromisoformat(p.source.published or "")
        except ValueError:
            continue
    return out


def _order(c: Citation) -> tuple:
    sid = c.source[1:]
    return (int(sid) if sid.isdigit() else 0, c.source, c.start)


def _worded(m: Reading, vocab: Words) -> bool:
    """The reading names whom it counts in words of its own: not "12" nor "four" in "killed at
    least four in Oregon"."""
    return bool(m.phrase) and parse_value(m.phrase.lower().split(), vocab) is None


def _part_label(row: _Row, vocab: Words) -> str:
    """A part says which: "bodies found at the scene", "people in intensive care"."""
    # only a count read as a part has words that say which ("killing 132 children" read as a
    # toll of its own has the verb alone): the others are told apart by their group
    # ("among the 20 people killed" names the whole, not which part)
    said = [m for m in row.members if m.detail and m.subset and m.detail.split()[0].lower() not in vocab.inclusive_preps]
    member = min(said or row.members, key=lambda m: m.index)
    phrase = member.phrase if _worded(member, vocab) else "people"
    # (one with none says who in the sources' own words: "younger detainees", not "people")
    return f"{phrase} {member.detail}".strip() if said else _label(row, vocab, worded=True)


def _label(row: _Row, vocab: Words, worded: bool = False) -> str:
    """What an analyst would write: "US service members killed", "people injured in Goteborg".
    `worded`: in the sources' own words where they say more than "people" ("refugees", "displaced
    people"), for a row whose plain label another row has too."""
    named = [m for m in row.members if row.group is not None and _group(m, vocab) == row.group]
    if worded:  # not "lives" or "victims": words that say no more than "people"
        named = [m for m in row.members if _worded(m, vocab) and m.phrase.lower().split()[-1] not in vocab.unworded]
    # (a row most of whose values are of plain people is of people: "12 young boys and girls" once,
    # beside four counts of "people, including children")
    if len(named) < sum(1 for m in row.members if _group(m, vocab) is None):
        named = []
    phrases = Counter(m.phrase for m in named) if named else Counter()
    if phrases:
        # the commonest wording that says whose ("US troops" over "troops"), else the commonest
        phrase = max(phrases, key=lambda p: (any(w[:1].isupper() for w in p.split()[:-1]), phrases[p], -len(p)))
    elif row.kind == "damage":
        unit = next((m.unit for m in row.members if m.unit), None)
        phrase = f"damage in {unit}" if unit else "damage"
    else:
        phrase = "people"
    last = phrase.split()[-1]
    if last.isupper() and last.isalpha() and len(phrase) > 3:  # "DEAD", not "C$"
        phrase = phrase.lower()
    measure = (vocab.measures or {}).get(row.kind, row.kind)
    # "refugees" and "evacuees" say their kind themselves
    own = next((k.nouns for k in vocab.kinds if k.name == row.kind and k.event), frozenset())
    says = any(phrase.lower().split()[-1].startswith(n) for n in own if len(n) > 4)
    label = phrase if not measure or says or measure in phrase.lower() or phrase.lower() in measure \
        else f"{phrase} {measure}"
    # the places the most members name: "Jerusalem" rather than "Israel and Jerusalem"
    named = Counter(tuple(p.name for p in m.places) for m in row.members if m.places)
    places = list(max(named, key=lambda k: (named[k], len(k)))) if named else []
    # (a place its people's own name gives says itself: "Pakistanis killed", not "people killed in Pakistanis")
    dwellers = [p for p in places if any(m.phrase.lower() == p.lower() for m in row.members)]
    if dwellers and phrase == "people":
        label = dwellers[0] + label[len(phrase):]
    places = [p for p in places if p.lower() not in label.lower().split()]
    if places and len(places) <= 3:
        label += " in " + (places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1])
    era = next((m.when for m in row.members if m.when and YEAR.search(m.when)), None)
    if era and not era.split()[0].islower():
        era = f"in {era}"  # "a 1988 storm" dates the toll: "people killed in 1988"
    elif era and era.split()[0] == "of":
        # "survivors of the Aug. 17, 1999, quake" dates the event they survived
        era = "(" + " ".join(w for w in era.split()[1:] if w != "the").rstrip(",") + ")"
    era = era or next((f"during {m.past}" for m in row.members if m.past), None)
    # (a year only the sentence before gave: "people killed in 1984")
    era = era or (f"in {row.era}" if row.era and YEAR.fullmatch(row.era) else None)
    # a named event other than the one its source tells: "people killed by Typhoon Maysak"
    other = next((m.event_name for m in row.members if m.event_name
                  and _event_name(m, vocab.named_events) != dict(m.story_names).get(m.event or "")), None)
    # (a force is at an event, not done by it: "firefighters at the Durkee Fire")
    by = "at" if row.kind in vocab.levels else "by"
    label = f"{label} {by} {vocab.named_events.as_told(other)}" if other else label
    rate = next((m.rate for m in row.members if m.rate), None)
    label = f"{label} {rate}" if rate else label
    return f"{label} {era}" if era else label


def _values(row: _Row, published: dict[str, date]) -> list[LedgerValue]:
    by_value: dict[float, list[Reading]] = defaultdict(list)
    for m in row.members:
        by_value[m.value].append(m)
    out, last_reported = [], {}
    for value, members in by_value.items():
        citations = tuple(sorted({m.citation for m in members}, key=_order))
        sources = tuple(dict.fromkeys(c.source for c in citations))
        dates = [published[s] for s in sources if s in published]
        hedges = Counter(m.hedge.words for m in members if m.hedge)
        out.append(LedgerValue(
            value=value,
            approx=any(m.hedge is not None and m.hedge.approx for m in members),
            hedge=hedges.most_common(1)[0][0] if hedges else None,
            sources=sources,
            citations=citations,
            reported=min(dates).isoformat() if dates else None,
        ))
        last_reported[value] = max(dates).isoformat() if dates else ""
    # the most recent first (the value the newest sources give) when sources are dated, then the one a
    # revision goes to ("revising its toll up from 39" gives 41 first), then the best attested
    left = {value for value, members in by_value.items() if all(m.superseded for m in members)}
    out.sort(key=lambda v: (last_reported[v.value], v.reported or "", v.value not in left, len(v.sources)),
             reverse=True)
    return out


def _ranges(values: list[LedgerValue], said: Sequence[Reading], published: dict[str, date]) -> list[LedgerValue]:
    """The values as a reader sees them: both ends of a range one sentence gives ("between 50 and
    60 were killed") are one value, 50-60, in the place of its first end; an end some other sentence
    gives alone stays a value of its own, cited by that sentence."""
    ends: dict[Citation, set[float]] = defaultdict(set)
    for m in said:
        if m.ranged and not m.revised:
            ends[m.citation].add(m.value)
    spans: dict[tuple[float, float], list[Citation]] = defaultdict(list)
    for citation, given in ends.items():
        if len(given) == 2:
            spans[(min(given), max(given))].append(citation)
    if not spans:
        return values
    in_range = {c for cs in spans.values() for c in cs}
    out: list[LedgerValue] = []
    for v in values:
        for (low, high), citations in list(spans.items()):
            if v.value in (low, high):
                hedge = v.hedge if v.value == low else next((w.hedge for w in values if w.value == low), v.hedge)
                out.append(replace(_given_in(v, sorted(citations, key=_order), published),
                                   value=low, upper=high, approx=True, hedge=hedge))
                del spans[(low, high)]
        alone = [c for c in v.citations if c not in in_range]
        if alone:
            out.append(_given_in(v, alone, published))
    return out


def _given_in(v: LedgerValue, citations: Sequence[Citation], published: dict[str, date]) -> LedgerValue:
    """The value as only these sentences give it: their sources, and the earliest date they report it."""
    sources = tuple(dict.fromkeys(c.source for c in citations))
    dates = [published[s] for s in sources if s in published]
    return replace(v, citations=tuple(citations), sources=sources, reported=min(dates).isoformat() if dates else None)


def _change(label: str, values: Sequence[LedgerValue], published: dict[str, date] | None = None,
            over_time: bool = True) -> str:
    """"rose from at least 60 (30 Oct, S1) to 67 (31 Oct, S9)", or the disagreement when undated,
    when the first value is still given as late as the last (a disputed count, not a change:
    "the government says 220,000 died, while relief groups say 1 million"), or when the count is
    of a year before the reports (`over_time` False: two reports of 2020 on a massacre of 1989)."""
    def said(v: LedgerValue, with_date: bool) -> str:
        when = f"{short_date(v.reported)}, " if with_date and v.reported else ""
        return f"{format_value(v.value, v.hedge, v.upper)} ({when}{', '.join(v.sources[:3])})"

    dated = [v for v in values if v.reported]
    if over_time and len(dated) == len(values) and len({v.reported for v in values}) > 1:
        chrono = sorted(values, key=lambda v: (v.reported, v.value))
        first, last = chrono[0], chrono[-1]
        latest = [published[s] for s in first.sources if published and s in published]
        if not (latest and last.reported and max(latest).isoformat() >= last.reported):
            verb = "rose" if last.value > first.value else "fell" if last.value < first.value else "changed"
            return f"{label}: {verb} from {said(first, True)} to {said(last, True)}"
    ranked = sorted(values, key=lambda v: v.value)
    return f"{label}: sources give " + ", ".join(said(v, False) for v in ranked)


def _of_past_year(row: _Row, published: dict[str, date]) -> bool:
    """A count dated to a year before its reports were published: they disagree on it, it did not change."""
    return bool(row.era and row.era.isdigit()) and any(
        published[s].year > int(row.era) for s in row.sources() if s in published)


def _range_end(v: LedgerValue, said: Sequence[Reading]) -> bool:
    """Every sentence that gives the value gives it as an end of a range."""
    ends = {m.citation for m in said if m.ranged and not m.revised and m.value == v.value}
    return bool(v.citations) and set(v.citations) <= ends


def _irreconcilable(values: Sequence[LedgerValue], vocab: Words, said: Sequence[Reading] = ()) -> bool:
    """No single number satisfies every value with its hedge: a real conflict, not a rising toll.
    `said`: the readings, whose hedges may be verbs ("passed 5,000") the phrase list has not."""
    bounds = {h.words: h.bound for h in vocab.hedges} | {m.hedge.words: m.hedge.bound for m in said if m.hedge}
    low, high = 0.0, float("inf")
    for v in values:
        bound = bounds.get(v.hedge or "", "exact")
        a, b = {"near": (v.value * (1 - vocab.near_tolerance), v.value * (1 + vocab.near_tolerance)),
                "lower": (v.value, float("inf")), "upper": (0.0, v.value)}.get(bound, (v.value, v.value))
        # a value only ever given as an end of a range ("between 30 and 40") is bounded by its range
        ends = {m.value for m in said if m.ranged and not m.revised and m.citation in v.citations}
        if len(ends) > 1 and _range_end(v, said):
            a, b = min(ends) * (1 - vocab.near_tolerance), max(ends) * (1 + vocab.near_tolerance)
        low, high = max(low, a), min(high, b)
    return low > high


def _assemble(rows: list[_Row], vocab: Words, published: dict[str, date]) -> Ledger:
    kinds = [k.name for k in vocab.kinds] + ["damage"]
    totals = [i for i, r in enumerate(rows) if r.parent is None]
    totals.sort(key=lambda i: (-len(rows[i].sources()), kinds.index(rows[i].kind) if rows[i].kind in kinds else 99,
                               min(_order(m.citation) for m in rows[i].members)))
    ordered: list[int] = []
    for i in totals:  # each total, then its parts
        ordered.append(i)
        ordered += sorted((j for j, r in enumerate(rows) if r.parent == i),
                          key=lambda j: (-len(rows[j].sources()), min(_order(m.citation) for m in rows[j].members)))
    ordered += [j for j in range(len(rows)) if j not in ordered]  # parts of parts
    ids = {i: f"q{n}" for n, i in enumerate(ordered, 1)}
    labels = {i: _part_label(rows[i], vocab) if rows[i].parent is not None else _label(rows[i], vocab) for i in ordered}
    for i in ordered:
        # a part labelled as its total says which in its source's words: "Houston-area deaths" under
        # "people killed", not "people killed" twice
        if rows[i].parent is not None and labels[i] == labels.get(rows[i].parent) and rows[i].members:
            said = min(rows[i].members, key=lambda m: m.index).phrase
            labels[i] = said if len(said.split()) > 1 else labels[i]
    shared = Counter(labels.values())
    for i in ordered:
        if shared[labels[i]] > 1 and rows[i].parent is None:
            labels[i] = _label(rows[i], vocab, worded=True)  # two rows a reader could not tell apart
    shared = Counter(labels.values())
    for i in ordered:
        day = next((m.on_day for m in rows[i].members if m.on_day), None)
        if shared[labels[i]] > 1 and day and day not in labels[i]:
            # still alike: the day the event happened tells them apart ("... on Wednesday"), unless the
            # label already names it ("people killed in 1988", not "... in 1988 on 1988")
            labels[i] += f" {day}" if day.split()[0].islower() else f" on {day}"
    ledger, figures, discrepancies = [], [], []
    for i in ordered:
        row = rows[i]
        label = labels[i]
        values = _values(row, published)
        shown = _ranges(values, row.members, published)
        conflict = len(shown) > 1 and _irreconcilable(values, vocab, row.members)
        ledger.append(LedgerRow(
            id=ids[i], label=label, kind=row.kind, values=tuple(shown), conflict=conflict,
            parts=tuple(ids[j] for j in ordered if rows[j].parent == i),
            part_of=ids.get(row.parent) if row.parent is not None else None,
            change=_change(label, shown, published, over_time=not _of_past_year(row, published)) if len(shown) > 1 else "",
        ))
        where = tuple(dict.fromkeys(p.name for m in row.members for p in m.places))
        for v in values:
            figures.append(Figure(
                kind=row.kind, value=v.value, approx=v.approx, label=label, citations=v.citations,
                hedge=v.hedge, sources=v.sources, where=where,
                when=next((m.when for m in row.members if m.value == v.value and m.when), None),
                quantity=ids[i],
            ))
        if len(values) > 1:  # (the ends of one range too: the contract's values, though a reader sees one)
            discrepancies.append(Discrepancy(
                label=label,
                values=tuple(sorted(v.value for v in values)),
                citations=tuple(sorted({c for v in values for c in v.citations}, key=_order)),
                quantity=ids[i],
                change=ledger[-1].change,
                conflict=conflict,
                by_value=tuple(sorted(shown, key=lambda v: (v.reported or "", v.value))),
            ))
    return Ledger(tuple(ledger), tuple(figures), tuple(discrepancies))
