"""Where and when a figure is stated for, and whose forces it counts.

Places are named entities reached through "in X" (also "into", "across"...)
from the number, its noun or the verb governing them, possibly through an
"on/at/against ..." phrase ("attacks on troops in Mali and Niger"); "the
country" is the country named last before it. A date is one attached to the
same words ("fell from 40,000 ... in 1999", "killed three soldiers last month").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..dates import weekday_number
from ..model import Sentence
from .countries import country_of
from .entities import key as name_key, load_aliases, surface
from .figure_words import Words
from .parse_tree import Tree


@dataclass(frozen=True, slots=True)
class Place:
    key: str  # spelling-insensitive, aliases resolved: "US" and "U.S." share one
    name: str
    wide: bool = False  # a region, sea or continent ("Central America"): no narrower than the story


class Aliases:
    """Canonical keys for country names and the adjectives made from them."""

    def __init__(self, vocab: Words):
        self.vocab = vocab
        self.canonical: dict[str, str] = {}
        for entry in load_aliases():
            for spelling in (entry.name, *entry.aliases):
                self.canonical[name_key(spelling)] = name_key(entry.name)

    def place(self, name: str) -> str:
        k = name_key(name)
        return self.canonical.get(k, k)

    def nation(self, name: str) -> str:
        k = name_key(name)
        if k in self.canonical:
            return self.canonical[k]
        for ending in self.vocab.demonym_endings:  # "American" -> "America"
            stem = k[: -len(ending)]
            if k.endswith(ending) and stem in self.canonical:
                return self.canonical[stem]
        return k


@lru_cache(maxsize=1024)
def _town(name: str) -> bool:
    """Whether a name is a town's, by the gazetteer's own spellings."""
    from ..gazetteer import cities  # (the gazetteer reads countries from this package: imported late)
    return any(c.by_name for c in cities([name], whole=False).get(name, ()))


class Locator:
    """Answers where/when/whose questions about words of one parsed sentence."""

    def __init__(self, tree: Tree, previous: Sequence[Sentence], vocab: Words, aliases: Aliases):
        self.t, self.previous, self.v, self.aliases = tree, previous, vocab, aliases
        self.s = tree.sentence

    def places_at(self, o: int) -> list[Place]:
        """The place(s) a preposition's object names, with joined ones: "Mali and Niger"."""
        t, v = self.t, self.v
        out = []
        joined = [o, *t.children(o, "conj")]
        if len(joined) == 1:
            # "in Turkey and Syria" where the parser hung "Syria" elsewhere: the name right after
            # the conjunction is joined all the same
            after = [c + 1 for c in t.children(o, "cc") if c + 1 < len(t)]
            joined += [j for j in after if t.mention(j) is not None and t.mention(j).label in v.place_labels]
        for j in joined:
            m = t.mention(j)
            if m is not None and m.label in v.place_labels:
                out.append(Place(self.aliases.place(m.text), surface(m.text), wide=m.label in v.wide_labels))
                continue
            # "in mountains north of Sacramento": the place a direction is taken from
            beside = [o for c in t.children(j, "amod", "advmod") if t.lower(c) in v.compass
                      for p in t.children(c, "prep") if t.lower(p) in v.of_preps for o in t.children(p, "pobj")]
            if beside and (m := t.mention(beside[0])) is not None and m.label in v.place_labels:
                out.append(Place(self.aliases.place(m.text), surface(m.text), wide=m.label in v.wide_labels))
                continue
            # "northern Kidal region": a named place modifying a place noun
            named = [c for c in t.children(j, "compound", "amod") if t[c].ent_type in v.place_labels]
            # (a name after "of" names the place a modifier only describes: "the Gulf Arab state of Oman")
            if named and (m := self.name_after_of(j)) is not None:
                out.append(Place(self.aliases.place(m.text), surface(m.text), wide=m.label in v.wide_labels))
            elif named and t[j].pos == "NOUN" and t.lemma(j) in v.place_nouns:  # not "U.S. strikes"
                m = t.mention(named[0])
                name = surface(t.text(t.subtree(named[0])[0], j))
                out.append(Place(self.aliases.place(m.text if m else name), name))
            elif (m := self.name_after_of(j)) is not None:
                # "the town of Piura", "the province of Sindh": the place noun's name after "of"
                out.append(Place(self.aliases.place(m.text), surface(m.text), wide=m.label in v.wide_labels))
            elif t.lemma(j) in v.wide_nouns and not t[j].ent_type:
                # "across the region", "worldwide": the story's whole, no one place
                out.append(Place(t.lemma(j), t.text(t.subtree(j)[0], j), wide=True))
            elif t.lemma(j) in v.place_nouns and t[j].tag == "NN" and \
                    any(t.lower(d) in v.demonstratives for d in t.children(j, "det")):
                found = self.place_before(j)
                if found:
                    out.append(found)
            elif t.lemma(j) in v.anaphoric_places and t[j].tag == "NN" and \
                    any(t.lower(d) in v.definite for d in t.children(j, "det")):
                found = self.antecedent(j)
                if found:
                    out.append(found)
        return out

    def dwellers_of(self, noun: int) -> list[Place]:
        """The state or town a noun of dwellers is of, named before it: "Texas residents"; not a
        country ("Iraqi villagers" say whose, as "US troops" do)."""
        t = self.t
        named = [Place(self.aliases.place(m.text), surface(m.text))
                 for m in (t.mention(c) for c in self.dweller_modifiers(noun))][:1]
        return named or self.province_of_demonym(noun)

    def province_of_demonym(self, noun: int) -> list[Place]:
        """The state or region a demonym names its people by: "100,000 Oregonians" are people in
        Oregon (a country's demonym says whose they are, not where: `nations`)."""
        from ..gazetteer import province_countries  # here: the gazetteer reads names through this package
        word = self.t.lower(noun)
        word = word[:-1] if word.endswith("s") else word
        if country_of(word):
            return []
        for ending in self.v.demonym_endings:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) > 3 and province_countries(stem):
                return [Place(self.aliases.place(stem), stem.title())]
        return []

    def dweller_modifiers(self, noun: int) -> list[int]:
        """The tokens before a noun of dwellers that name their state or town ("Texas residents")."""
        t, v = self.t, self.v
        if t.lemma(noun) not in v.dweller_nouns:
            return []
        out = []
        for c in t.children(noun, "compound", "nmod", "poss"):
            m = t.mention(c)
            if m is not None and m.label in v.place_labels and m.label not in v.wide_labels and not country_of(m.text):
                out.append(c)
        return out

    def name_after_of(self, j: int):
        """The named place after "of" on a place noun ("the town of Piura"), if there is one."""
        t, v = self.t, self.v
        if t[j].pos != "NOUN" or t.lemma(j) not in v.place_nouns:
            return None
        objects = [o for p in t.children(j, "prep") if t.lower(p) in v.of_preps for o in t.children(p, "pobj")]
        # (a day right after the name may take it for its modifier: "the city of Nice Thursday")
        objects += [c for o in objects if t[o].ent_type == "DATE" for c in t.children(o, "compound")]
        names = [t.mention(o) for o in objects]
        return next((m for m in names if m is not None and m.label in v.place_labels), None)

    def named_place(self, i: int) -> list[Place]:
        """Token i as a place, when it is a named one: "Honduras reported ..."."""
        # as the subject itself, only a country: a city or an agency is more often a newsroom than a
        # place; "El Salvador's emergency committee listed 174 dead": the country, state or town that
        # owns the subject (a possessive only: in "U.S. strikes killed 26" the modifier names the
        # attacker, not where)
        # (not a country's office abroad, which reports from where it is: "India's embassy in Muscat announced")
        t = self.t
        office = t.lemma(i).lower()
        abroad = bool({office, *(f"{t.lower(c)} {office}" for c in t.children(i, "amod", "compound"))} & self.v.abroad_nouns)
        for j in [i, *([] if abroad else t.children(i, "poss"))]:
            m = t.mention(j)
            # a country's name whatever the recogniser took it for ("Sri Lanka" read as a person)
            if m is not None and country_of(m.text):
                return [Place(self.aliases.place(m.text), surface(m.text))]
            # the state or town whose office reports: "Oregon's Office of Emergency Management says
            # the fires have killed six people"
            if j != i and m is not None and m.label in self.v.place_labels and m.label not in self.v.wide_labels:
                return [Place(self.aliases.place(m.text), surface(m.text))]
        return []

    def antecedent(self, at: int) -> Place | None:
        """The country "the country" refers to: the last one named as a noun before it.

        Names used as modifiers ("US troops", "Mali's army") are skipped: they
        say whose, not where.
        """
        trees = [self.t] + [Tree(p) for p in reversed(self.previous)]
        for n, tree in enumerate(trees):
            stop = at if n == 0 else len(tree)
            for j in range(stop - 1, -1, -1):
                tok = tree[j]
                if tok.ent_type == "GPE" and tok.dep not in ("compound", "amod", "nmod", "poss", "npadvmod"):
                    m = tree.mention(j)
                    if m is not None:
                        return Place(self.aliases.place(m.text), surface(m.text))
        return None

    def place_before(self, at: int) -> Place | None:
        """The place "this district" points back to: the last one named before it, as a place
        ("in Karada"), as the name of a place noun ("the Karada district") or as a name a place noun
        describes ("Karada, a Shiite-majority neighborhood", whatever the recogniser took it for)."""
        v = self.v
        trees = [self.t] + [Tree(p) for p in reversed(self.previous)]
        for n, tree in enumerate(trees):
            for j in range((at if n == 0 else len(tree)) - 1, -1, -1):
                m = tree.mention(j)
                if m is None or tree[j].pos != "PROPN":
                    continue
                head = tree.head(j)
                as_place = m.label in v.place_labels and m.label not in v.wide_labels \
                    and tree[j].dep not in ("compound", "amod", "nmod", "poss")
                described = any(tree.lemma(a) in v.place_nouns for a in tree.children(j, "appos")) \
                    or tree[j].dep == "compound" and head is not None and tree.lemma(head) in v.place_nouns
                if as_place or described:
                    return Place(self.aliases.place(m.text), surface(m.text))
        return None

    def place_just_before(self) -> list[Place]:
        """The one place the sentence right before names, in the same paragraph: "... attacked a
        packed bus station in Tartus. An Interior Ministry official said more than 20 were killed"
        counts Tartus's dead. None when that sentence names two places or none, or is another
        paragraph's."""
        if not self.previous:
            return []
        before = self.previous[-1]
        # (one space apart: a paragraph break is a line break at least, and a line starts a new block)
        if before.source != self.s.source or before.index != self.s.index - 1 or self.s.start - before.end > 1:
            return []
        tree, v = Tree(before), self.v
        found: dict[str, str] = {}
        for j in range(len(tree)):
            m = tree.mention(j)
            # (named as where something is, "in Tartus": not "the Britain-based Observatory"; a town's
            # name the recogniser took for an organisation is the town all the same)
            head = tree.head(j)
            if m is None or m.label in v.wide_labels or tree[j].dep != "pobj" or head is None \
                    or tree.lower(head) not in v.place_preps or m.label not in v.place_labels and not _town(m.text):
                continue
            found.setdefault(self.aliases.place(m.text), surface(m.text))
        return [Place(k, name) for k, name in found.items()] if len(found) == 1 else []

    def places_from(self, start: int, depth: int = 2) -> list[Place]:
        """The nearest "in X" below `start`, through "on/at/against ..." phrases and participles."""
        t, v = self.t, self.v
        frontier = [start]
        for _ in range(depth + 1):
            found, deeper, ends = [], [], set()
            for node in frontier:
                for c in t.children(node):
                    if t[c].dep == "prep":
                        # (a place right after another's names where that one is, no place of its own:
                        # "reported in Greenbrier County in southeast West Virginia")
                        if c - 1 in ends and t.lower(c) in v.place_preps:
                            continue
                        for o in t.children(c, "pobj"):
                            here = self.places_at(o) if t.lower(c) in v.place_preps else []
                            found.extend(here)
                            if here:
                                ends.add(t.subtree(o)[-1])
                            if not here and t.lower(c) in v.via_preps:
                                deeper.append(o)
                    elif t[c].dep == "acl":  # "attacks targeting bases in X"
                        deeper.extend(t.children(c, "dobj"))
                    elif t[c].dep == "agent":  # "killed by drivers in X": the parser hangs the deed's place on its doer
                        deeper.extend(t.children(c, "pobj"))
            if found:
                return list({p.key: p for p in found}.values())
            frontier = deeper
        return []

    def when(self, nodes: Sequence[int | None]) -> str | None:
        """A date hanging directly from one of `nodes`: "in 2003", "last month".

        Only direct dependents: a date deeper down belongs to some other clause
        ("a mission against the group, which seized territory in 2014").
        """
        t = self.t
        for n in nodes:
            if n is None:
                continue
            for c in t.children(n):
                if self.before_clause(n, c):
                    continue
                if t[c].dep in ("npadvmod", "tmod") and t[c].ent_type == "DATE":
                    return self.date_text(c)
                # (a date in an included part is the part's: "three bombings, including the 1996
                # Olympics blast")
                if t[c].dep == "prep" and t.lower(c) not in self.v.inclusive_preps:
                    for o in t.children(c, "pobj"):
                        if t[o].ent_type == "DATE" or self.day_time(o):
                            # "between September and December 1973": both ends, however the
                            # recogniser split them
                            ends = [j for j in t.children(o, "conj") if t[j].ent_type == "DATE"][:1]
                            link = next((t.lower(k) for k in t.children(o, "cc")), "and")
                            told = [t.lower(c), self.date_text(o), *(f"{link} {self.date_text(j)}" for j in ends)]
                            return " ".join(told)
                        # "during its 1975-79 rule", "in the 1994 genocide", "of the Aug. 17, 1999, quake":
                        # a period or an event the date tells
                        dated = [d for d in t.children(o, "nummod", "compound", "amod", "nmod")
                                 if t[d].ent_type == "DATE"]
                        if dated:
                            return f"{t.lower(c)} {self.date_text(dated[0])}"
        return None

    def before_clause(self, n: int, c: int) -> bool:
        """A dependent of a reported clause's verb that comes before the clause's subject, with no
        "that" before it, belongs to the verb of saying, however it was parsed: "police said on
        Monday they had arrested 21 people" dates the saying."""
        t = self.t
        # (not when the saying comes after: "Last year, wildfires killed three people, officials said")
        said = t.head(n)
        return t[n].dep == "ccomp" and any(s > c for s in t.children(n, "nsubj", "nsubjpass")) \
            and not any(m < c for m in t.children(n, "mark")) and said is not None and said < c

    def named_era(self, nodes: Sequence[int | None]) -> str | None:
        """A named event a figure is placed in: "killed ... during World War II"."""
        t = self.t
        frontier = [n for n in nodes if n is not None]
        for _ in range(2):  # "killed ... for protecting commandos during World War II"
            deeper = []
            for n in frontier:
                for p in t.children(n, "prep"):
                    for o in t.children(p, "pobj", "pcomp"):
                        m = t.mention(o)
                        if m is not None and m.label in self.v.era_labels:
                            return surface(m.text)
                        deeper.append(o)
            frontier = deeper
        return None

    def day_time(self, i: int) -> bool:
        """A time of a named day: "on Friday night" dates what happened to Friday."""
        m = self.t.mention(i)
        return self.t[i].ent_type == "TIME" and m is not None and any(
            weekday_number(w) is not None for w in m.text.split())

    def date_text(self, i: int) -> str:
        m = self.t.mention(i)
        text = m.text if m is not None else self.t[i].text
        if m is not None and m.start == self.s.start and self.t[0].pos != "PROPN":
            text = text[:1].lower() + text[1:]  # "Late last week, ..." -> "late last week"
        return text

    def nations(self, noun: int) -> tuple[str, ...]:
        """Keys of the countries a noun's modifiers name: "US troops", "American service men"."""
        t, v = self.t, self.v
        out = []
        for c in t.children(noun, "compound", "amod", "nmod", "poss"):
            m = t.mention(c)
            if t[c].ent_type in v.nation_labels and m is not None:
                out.append(self.aliases.nation(m.text))
        return tuple(sorted(set(out)))


@lru_cache(maxsize=4)
def _described(place_nouns: frozenset[str]) -> re.Pattern:
    """What stands between a town and its state when a place noun says what it is: "In Jasper, a
    popular tourist town in Alberta"."""
    return re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:%s)\s+in\s*$"
                      % "|".join(re.escape(n) for n in sorted(place_nouns)), re.I)


def towns_in_states(sentence: Sentence, vocab: Words, aliases: Aliases) -> set[tuple[str, str]]:
    """(town, state) for each place a sentence names with its state right after it: "in Orlando,
    Florida", "in Jasper, a town in Alberta" (by the names and the words between alone: no parse
    needed for so plain a form)."""
    from ..gazetteer import province_countries  # here: the gazetteer reads names through this package
    out = set()
    places = [m for m in sentence.mentions if m.label in vocab.place_labels]
    described = _described(vocab.place_nouns)
    for town, state in zip(places, places[1:]):
        between = sentence.text[town.end - sentence.start:state.start - sentence.start]
        # (not a list of states: "parts of Colorado, Idaho, Oregon and Washington")
        if (between.strip() == "," or described.match(between)) and not country_of(state.text) \
                and province_countries(state.text) \
                and not country_of(town.text) \
                and not set(province_countries(town.text)) & set(province_countries(state.text)):
            out.add((aliases.place(town.text), aliases.place(state.text)))
    return out
