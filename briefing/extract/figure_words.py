"""The vocabulary of figure extraction, read once from `data/figures.toml`.

Keeping every word in data lets the parse-walking code stay generic: adding a
kind of figure, a hedge or a number word is an edit to the TOML file.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FIGURES = Path(__file__).resolve().parent.parent / "data" / "figures.toml"


@dataclass(frozen=True, slots=True)
class Hedge:
    words: str  # as listed, e.g. "more than"
    approx: bool
    bound: str  # near | lower | upper | exact


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    event: bool  # something that happened, so negation and irrealis cancel it
    nouns: frozenset[str]
    verbs: frozenset[str]
    of_nouns: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    objects: frozenset[str]  # empty: any counted noun
    context: frozenset[str] = frozenset()  # one must occur elsewhere in the sentence
    alone: bool = False  # never counted in a list of other things counted: "900 people, 20 boats and 41 drones"
    min_value: float = 0
    scene_below: float = 0  # fewer than this, in a phrase no verb acts on, are people in a scene
    subject_verbs: frozenset[str] = frozenset()  # "20 people died": the subject is counted
    states: frozenset[str] = frozenset()  # "20 are missing": a complement that states the kind
    reflexive_verbs: frozenset[str] = frozenset()  # "four bombers blew themselves up": the subject
    taken_to: frozenset[str] = frozenset()  # "flown to hospital": where being taken counts them
    held_in: frozenset[str] = frozenset()  # "remain in hospital": where being kept counts them
    care_verbs: frozenset[str] = frozenset()  # "treated": counted unless it is for something not of the kind
    not_verbs: frozenset[str] = frozenset()  # "freed 250 prisoners", "soldiers found guilty": not of the kind
    results: frozenset[str] = frozenset()  # "beaten to death", "froze to death": what any verb led to
    people: bool = True  # False: a count of people is never this kind ("the attack of 20 gunmen")
    aboard_states: frozenset[str] = frozenset()  # "the nine crew on the missing cutter"
    not_marks: frozenset[str] = frozenset()  # words on the noun that make it not of the kind: "former police officers"
    part_states: frozenset[str] = frozenset()  # where being kept makes them some of the kind: "20 remain in hospital"
    units: frozenset[str] = frozenset()  # nouns counted in the kind only by their strength: "a 1,500-strong battalion"
    loss_verbs: frozenset[str] = frozenset()  # "lost 35 students in the crash": the object, lost in an event
    not_objects: frozenset[str] = frozenset()  # counted nouns its verbs may take that are not of the kind: "vessels detained"
    verb_objects: frozenset[str] = frozenset()  # empty: its verbs count any noun; else only these ("attacked four police stations")
    fatal_marks: frozenset[str] = frozenset()  # "the fatal shooting of two girls": an event noun so marked counts them
    fatal_adverbs: frozenset[str] = frozenset()  # "were fatally shot": a verb so marked kills those it acts on
    people_verbs: frozenset[str] = frozenset()  # "eight men seized": verbs of the kind only for nouns of people
    escaped: frozenset[str] = frozenset()  # what those its subject verbs leave is no home: "fled a bathroom"
    made_to: frozenset[str] = frozenset()  # "forced to flee", "told to evacuate": what its patients are made or told to do
    objectless_verbs: frozenset[str] = frozenset()  # "17,000 people have evacuated": with no object, the subject
    generic: frozenset[str] = frozenset()  # nouns that say nothing of who its counts are: "two men were arrested"


@dataclass(frozen=True, slots=True)
class Group:
    """Who a figure counts, normalised: "soldiers" and "service members" are "troops"."""

    name: str
    nouns: frozenset[str]
    part_of: str | None = None
    apart: bool = False  # an unnamed toll joins it only with the same number: attackers
    sent_to_events: bool = False  # a force sent to an event (firefighters to a fire): the event places it


@dataclass(frozen=True, slots=True)
class Naming:
    """Classes of events that take a name: after their noun ("Typhoon Maysak"), or before a noun
    the report capitalises ("the Park Fire"). Two named events of a class are two events."""
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    after_nouns: frozenset[str] = frozenset()  # the nouns of the `after` classes: "fire", "wildfire"

    def __bool__(self) -> bool:
        return bool(self.before or self.after)

    def key(self, name: str) -> str:
        """A name as reports vary it, without its class noun: "Mitch" of "Hurricane Mitch" and
        "Tropical Storm Mitch"; "Park" of "Park Fire"."""
        return " ".join(name.split()[:-1]) if self.named_before(name) else name.split()[-1]

    def named_before(self, name: str) -> bool:
        """Does the name come before its class noun ("Park Fire"), which then takes "the"?"""
        words = name.split()
        return len(words) > 1 and words[-1].lower() in self.after_nouns

    def as_told(self, name: str) -> str:
        """The name as a label tells it: "Typhoon Maysak", "the Park Fire"."""
        return f"the {name}" if self.named_before(name) else name


@dataclass(frozen=True, slots=True)
class Words:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fractions: dict[str, float]
    vague: frozenset[str]
    vague_before: frozenset[str]
    pronoun_one_after: frozenset[str]
    joiners: frozenset[str]
    articles: frozenset[str]
    not_counts: frozenset[str]
    percent_words: frozenset[str]
    ratio_links: tuple[str, ...]
    range_links: frozenset[str]
    ratio_after_one: tuple[str, ...]
    currency_tags: frozenset[str]
    currency_before: frozenset[str]
    currency_words: frozenset[str]
    money_scales: dict[str, int]
    currency_homes: dict[str, str]  # currency word -> the country it means unqualified
    currencies: dict[str, str]
    age_words: frozenset[str]
    years: tuple[int, int]
    year_marks: frozenset[str]
    hedges: tuple[Hedge, ...]  # longest phrase first
    hedge_verbs: dict[str, str]  # verb lemma -> the bound its object is ("passed 5,000": lower)
    near_tolerance: float
    negators: frozenset[str]
    irrealis: frozenset[str]
    conditionals: tuple[str, ...]
    infinitive: frozenset[str]
    partitives: frozenset[str]
    part_verbs: frozenset[str]
    absolute_preps: frozenset[str]
    tally_nouns: frozenset[str]
    victim_nouns: frozenset[str]
    toll_wholes: frozenset[str]
    dweller_nouns: frozenset[str]
    causatives: frozenset[str]
    directives: frozenset[str]
    raising_verbs: frozenset[str]
    raised_not_states: frozenset[str]
    moving_verbs: frozenset[str]
    struck_verbs: frozenset[str]
    abroad_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    scope_verbs: frozenset[str]  # "an evacuation order affects 80,000 residents": its subject holds its object
    sought_preps: frozenset[str]  # "a search was conducted for six soldiers": what the deed's noun seeks
    holding_preps: frozenset[str]
    regarding_preps: frozenset[str]
    when_words: frozenset[str]
    event_clause_marks: frozenset[str]
    elsewhere: frozenset[str]
    list_marks: frozenset[str]
    list_item_tokens: int
    list_bullets: frozenset[str]
    counting_verbs: frozenset[str]
    reflexives: frozenset[str]
    self_reports: frozenset[str]
    self_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    change_verbs: frozenset[str]
    change_preps: frozenset[str]
    ellipsis_marks: frozenset[str]
    singular_counts: frozenset[str]
    other_event: frozenset[str]
    demonstratives: frozenset[str]
    gapped_preps: frozenset[str]
    unclassed_events: frozenset[str]
    gatherings: frozenset[str]  # "a previous protest": an occasion `other_event` words mark
    time_back: frozenset[str]
    animals: frozenset[str]
    strength_words: frozenset[str]
    remainders: frozenset[str]
    open_spans: frozenset[str]
    measured_from: frozenset[str]
    trial_words: frozenset[str]
    range_preps: frozenset[str]
    range_joins: frozenset[str]
    degree_adverbs: frozenset[str]
    not_people: frozenset[str]
    person_nouns: frozenset[str]
    rate_units: frozenset[str]
    rate_words: frozenset[str]
    likelihood: frozenset[str]
    epistemic: frozenset[str]
    leaving_verbs: frozenset[str]
    leaving_preps: frozenset[str]
    aboard_preps: frozenset[str]
    inclusive_preps: frozenset[str]
    companion_preps: frozenset[str]
    projection_preps: frozenset[str]
    plan_verbs: frozenset[str]
    offer_verbs: frozenset[str]
    attacker_verbs: frozenset[str]  # "militants who killed 20": deeds that make a force's count its attackers
    attacker_deeds: frozenset[str]  # nouns of those deeds and of events: "fighters involved in the killings"
    deed_verbs: frozenset[str]  # "fighters involved in the killings": taking part in a deed
    denial_verbs: frozenset[str]
    companions: frozenset[str]
    parenthetical_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    bare_quantity: dict[str, str]
    reach_verbs: frozenset[str]
    measure_units: frozenset[str]
    place_preps: frozenset[str]
    edge_preps: frozenset[str]  # "on Yemen's west coast": on a place noun, where a thing is
    origin_preps: frozenset[str]  # "a team from Chile": where people come from, not where things happen
    most_words: frozenset[str]  # "arrested, mostly for unlawful assembly": said of most of a count
    place_nouns: frozenset[str]
    compass: frozenset[str]
    size_nouns: frozenset[str]  # "the size of Manhattan": a place a size is compared to
    member_nouns: frozenset[str]  # "members of the police" count the police
    capacity_words: frozenset[str]  # "enough plutonium for 10 bombs": no count of bombs
    capacity_preps: frozenset[str]
    via_preps: frozenset[str]
    anaphoric_places: frozenset[str]
    definite: frozenset[str]
    of_preps: frozenset[str]
    label_skip: frozenset[str]
    differences: frozenset[str]
    place_labels: frozenset[str]
    wide_labels: frozenset[str]
    wide_nouns: frozenset[str]
    era_labels: frozenset[str]
    nation_labels: frozenset[str]
    teller_labels: frozenset[str]  # entity labels of whom "according to" names as a count's teller
    demonym_endings: tuple[str, ...]
    max_days_apart: int
    kinds: tuple[Kind, ...]  # in the order they are tried
    states: frozenset[str] = frozenset()  # every kind's states, for telling a state word: "missing", "dead"
    held_places: frozenset[str] = frozenset()  # every kind's one-word places of keeping: "custody", "hospital"
    deeds: frozenset[str] = frozenset()  # every kind's verbs that tell what befell the counted: "kill", "die"
    damage_nouns: frozenset[str] = frozenset()
    compensation: frozenset[str] = frozenset()  # damage nouns as written that name what a court awards
    damage_verbs: frozenset[str] = frozenset()
    damage_event_verbs: frozenset[str] = frozenset()
    estimate_modals: frozenset[str] = frozenset()  # "losses could exceed $9bn": an estimate, not unreal
    valuing_verbs: frozenset[str] = frozenset()
    groups: tuple[Group, ...] = ()
    generic: frozenset[str] = frozenset()  # nouns that say nothing about who was counted
    revision: frozenset[str] = frozenset()  # "the toll rose to 67 from 60"
    revision_causes: frozenset[str] = frozenset()  # "jumped to 25 after seven were killed"
    first_told: frozenset[str] = frozenset()  # "initially said four people were injured"
    unworded: frozenset[str] = frozenset()
    increments: frozenset[str] = frozenset()  # "another 22": added to a count
    event_days: int = 2  # tolls dated further apart are different events
    past_event_days: int = 30  # an event dated this long before its report is a past one
    named_ratio: float = 3  # an unnamed toll joins a named group's within this factor
    apart_ratio: float = 10  # two numbers of one article this far apart are two quantities
    remains: frozenset[str] = frozenset()  # "bodies": what is found of the dead
    recovery: dict[str, str] | None = None  # "recovered" -> "found": bodies found so far, a part of a toll
    levels: frozenset[str] = frozenset()  # kinds that state a level, not an event: "troops"
    total_marks: frozenset[str] = frozenset()  # "overall", "in all": a sentence that gives a total
    outcome_kinds: frozenset[str] = frozenset()  # how it ended, told after another kind: "injured and later died"
    per_attack: frozenset[str] = frozenset()  # kinds that count what one attack used or hit
    measures: dict[str, str] | None = None  # kind -> the word a ledger label ends with
    events: dict[str, str] | None = None  # event noun -> its class ("blast" -> "explosion")
    broad_events: dict[str, frozenset[str]] | None = None  # "attack" -> the classes it may be
    whole_events: frozenset[str] = frozenset()  # "war": holds the others, joins their tolls only of its size
    event_verbs: dict[str, str] | None = None  # a counting verb that names its event: "crush" -> "stampede"
    named_events: Naming = Naming()  # classes whose events take a name: "Typhoon Maysak", "the Park Fire"

    def same_event(self, a: str | None, b: str | None) -> bool:
        """Can a figure of event `a` be a value of a toll of event `b`? Unknown, the same class,
        or one broad and covering the other: "the attack" may be the bombing told elsewhere (a
        row keeps the narrower class once a member names it, so a strike's toll does not then
        join a bombing's)."""
        broad = self.broad_events or {}
        return a is None or b is None or a == b or b in broad.get(a, ()) or a in broad.get(b, ())

    def whole_and_part(self, a: str | None, b: str | None) -> bool:
        """Is one of two known event classes a whole that holds the other (a war and its bombing)?"""
        return a is not None and b is not None and (a in self.whole_events) != (b in self.whole_events)

    def covers(self, a: str | None, b: str | None) -> bool:
        """Is event class `a` the same as `b` or broader ("the attack" covers a bombing)?"""
        return a == b or b in (self.broad_events or {}).get(a or "", ())

    def narrower(self, a: str | None, b: str | None) -> str | None:
        """Of two compatible event classes, the one that says more."""
        return b if a is None or b in (self.broad_events or {}).get(a, ()) else a

    def names_people(self, terms: set[str]) -> bool:
        """Do these counted nouns name people ("gunmen", "civilians", "people")?"""
        people = {n for g in self.groups for n in g.nouns} | self.generic | self.person_nouns
        return bool(terms & people) or any(n.endswith("s") and n[:-1] in people for n in terms)

    def group(self, noun: str) -> Group | None:
        """The group a counted noun ("service member", "soldier") belongs to."""
        noun = noun.lower()
        for g in self.groups:
            if noun in g.nouns:
                return g
        last = noun.split()[-1] if " " in noun else None  # "army soldier" -> "soldier"
        return self.group(last) if last else None

    def number_word(self, word: str) -> bool:
        return word in self.units or word in self.tens or word in self.scales or word in self.fractions

    def kind(self, name: str) -> Kind | None:
        return next((k for k in self.kinds if k.name == name), None)


def _set(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


@lru_cache(maxsize=4)
def load_words(path: Path = FIGURES) -> Words:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    numbers, hedges, grammar = data["numbers"], data["hedges"], data["grammar"]
    hedge_list = sorted(
        (Hedge(h["words"].lower(), bool(h.get("approx", True)), h.get("bound", "near"))
         for h in hedges["phrases"]),
        key=lambda h: -len(h.words.split()),
    )
    kinds = tuple(
        Kind(
            name=k["name"],
            event=bool(k.get("event", False)),
            nouns=_set(k.get("nouns", ())),
            verbs=_set(k.get("verbs", ())),
            of_nouns=_set(k.get("of_nouns", ())),
            pairs=frozenset((a.lower(), b.lower()) for a, b in k.get("pairs", ())),
            reflexive_verbs=_set(k.get("reflexive_verbs", ())),
            taken_to=_set(k.get("taken_to", ())),
            held_in=_set(k.get("held_in", ())),
            made_to=_set(k.get("made_to", ())),
            objectless_verbs=_set(k.get("objectless_verbs", ())),
            care_verbs=_set(k.get("care_verbs", ())),
            not_verbs=_set(k.get("not_verbs", ())),
            results=_set(k.get("results", ())),
            people=bool(k.get("people", True)),
            aboard_states=_set(k.get("aboard_states", ())),
            not_marks=_set(k.get("not_marks", ())),
            units=_set(k.get("units", ())),
            not_objects=_set(k.get("not_objects", ())),
            fatal_marks=_set(k.get("fatal_marks", ())),
            fatal_adverbs=_set(k.get("fatal_adverbs", ())),
            people_verbs=_set(k.get("people_verbs", ())),
            generic=_set(k.get("generic", ())),
            escaped=_set(k.get("escaped", ())),
            verb_objects=_set(k.get("verb_objects", ())),
            loss_verbs=_set(k.get("loss_verbs", ())),
            part_states=_set(k.get("part_states", ())),
            objects=_set(k.get("objects", ())),
            context=_set(k.get("context", ())),
            alone=bool(k.get("alone", False)),
            min_value=float(k.get("min_value", 0)),
            scene_below=float(k.get("scene_below", 0)),
            subject_verbs=_set(k.get("subject_verbs", ())),
            states=_set(k.get("states", ())),
        )
        for k in data["kind"]
    )
    damage, ledger = data.get("damage", {}), data.get("ledger", {})
    groups = tuple(Group(g["name"], _set(g.get("nouns", ())), g.get("part_of"), bool(g.get("apart")),
                         bool(g.get("sent_to_events")))
                   for g in data.get("group", ()))
    low, high = numbers.get("years", (1800, 2100))
    return Words(
        units={k.lower(): int(v) for k, v in numbers["units"].items()},
        tens={k.lower(): int(v) for k, v in numbers["tens"].items()},
        scales={k.lower(): int(v) for k, v in numbers["scales"].items()},
        fractions={k.lower(): float(v) for k, v in numbers.get("fractions", {}).items()},
        vague=_set(numbers.get("vague", ())),
        vague_before=_set(numbers.get("vague_before", ())),
        pronoun_one_after=_set(numbers.get("pronoun_one_after", ())),
        joiners=_set(numbers.get("joiners", ())),
        articles=_set(numbers.get("articles", ())),
        not_counts=frozenset(numbers.get("not_counts", ())),
        percent_words=_set(numbers.get("percent_words", ())),
        ratio_links=tuple(w.lower() for w in numbers.get("ratio_links", ())),
        range_links=_set(numbers.get("range_links", ())),
        ratio_after_one=tuple(w.lower() for w in numbers.get("ratio_after_one", ())),
        currency_tags=frozenset(numbers.get("currency_tags", ())),
        currency_before=_set(numbers.get("currency_before", ())),
        currency_words=_set(numbers.get("currency_words", ())),
        money_scales={k.lower(): int(v) for k, v in numbers.get("money_scales", {}).items()},
        currency_homes={k.lower(): str(v) for k, v in numbers.get("currency_homes", {}).items()},
        currencies={k.lower(): str(v) for k, v in numbers.get("currencies", {}).items()},
        age_words=_set(numbers.get("age_words", ())),
        years=(int(low), int(high)),
        year_marks=_set(numbers.get("year_marks", ())),
        hedges=tuple(hedge_list),
        hedge_verbs=dict(hedges.get("verbs", {})),
        near_tolerance=float(hedges.get("near_tolerance", 0.1)),
        negators=_set(grammar.get("negators", ())),
        irrealis=_set(grammar.get("irrealis", ())),
        conditionals=tuple(grammar.get("conditionals", ())),
        infinitive=_set(grammar.get("infinitive", ())),
        partitives=_set(grammar.get("partitives", ())),
        part_verbs=_set(grammar.get("part_verbs", ())),
        absolute_preps=_set(grammar.get("absolute_preps", ())),
        tally_nouns=_set(grammar.get("tally_nouns", ())),
        victim_nouns=_set(grammar.get("victim_nouns", ())),
        toll_wholes=_set(grammar.get("toll_wholes", ())),
        dweller_nouns=_set(grammar.get("dweller_nouns", ())),
        causatives=_set(grammar.get("causatives", ())),
        directives=_set(grammar.get("directives", ())),
        raising_verbs=_set(grammar.get("raising_verbs", ())),
        raised_not_states=_set(grammar.get("raised_not_states", ())),
        moving_verbs=_set(grammar.get("moving_verbs", ())),
        struck_verbs=_set(grammar.get("struck_verbs", ())),
        abroad_nouns=_set(grammar.get("abroad_nouns", ())),
        holding_verbs=_set(grammar.get("holding_verbs", ())),
        scope_verbs=_set(grammar.get("scope_verbs", ())),
        sought_preps=_set(grammar.get("sought_preps", ())),
        holding_preps=_set(grammar.get("holding_preps", ())),
        regarding_preps=_set(grammar.get("regarding_preps", ())),
        when_words=_set(grammar.get("when_words", ())),
        event_clause_marks=_set(grammar.get("event_clause_marks", ())),
        elsewhere=_set(grammar.get("elsewhere", ())),
        list_marks=frozenset(grammar.get("list_marks", ())),
        list_item_tokens=int(grammar.get("list_item_tokens", 8)),
        list_bullets=frozenset(grammar.get("list_bullets", ())),
        counting_verbs=_set(grammar.get("counting_verbs", ())),
        reflexives=_set(grammar.get("reflexives", ())),
        self_reports=_set(grammar.get("self_reports", ())),
        self_pronouns=_set(grammar.get("self_pronouns", ())),
        relative_pronouns=_set(grammar.get("relative_pronouns", ())),
        change_verbs=_set(grammar.get("change_verbs", ())),
        change_preps=_set(grammar.get("change_preps", ())),
        ellipsis_marks=_set(grammar.get("ellipsis_marks", ())),
        singular_counts=_set(grammar.get("singular_counts", ())),
        other_event=_set(grammar.get("other_event", ())),
        demonstratives=_set(grammar.get("demonstratives", ())),
        gapped_preps=_set(grammar.get("gapped_preps", ())),
        unclassed_events=_set(grammar.get("unclassed_events", ())),
        gatherings=_set(grammar.get("gatherings", ())),
        time_back=_set(grammar.get("time_back", ())),
        animals=_set(grammar.get("animals", ())),
        strength_words=_set(grammar.get("strength_words", ())),
        remainders=_set(grammar.get("remainders", ())),
        open_spans=_set(grammar.get("open_spans", ())),
        measured_from=_set(grammar.get("measured_from", ())),
        trial_words=_set(grammar.get("trial_words", ())),
        range_preps=_set(grammar.get("range_preps", ())),
        range_joins=_set(grammar.get("range_joins", ())),
        degree_adverbs=_set(grammar.get("degree_adverbs", ())),
        not_people=_set(grammar.get("not_people", ())),
        person_nouns=_set(grammar.get("person_nouns", ())),
        rate_units=_set(grammar.get("rate_units", ())),
        rate_words=_set(grammar.get("rate_words", ())),
        likelihood=_set(grammar.get("likelihood", ())),
        epistemic=_set(grammar.get("epistemic", ())),
        leaving_verbs=_set(grammar.get("leaving_verbs", ())),
        leaving_preps=_set(grammar.get("leaving_preps", ())),
        aboard_preps=_set(grammar.get("aboard_preps", ())),
        inclusive_preps=_set(grammar.get("inclusive_preps", ())),
        companion_preps=_set(grammar.get("companion_preps", ())),
        projection_preps=_set(grammar.get("projection_preps", ())),
        plan_verbs=_set(grammar.get("plan_verbs", ())),
        offer_verbs=_set(grammar.get("offer_verbs", ())),
        attacker_verbs=frozenset(w for k in kinds if k.name in grammar.get("attacker_kinds", ()) for w in k.verbs),
        attacker_deeds=frozenset(n for k in kinds if k.name in grammar.get("attacker_kinds", ()) for n in k.of_nouns)
        | {w.lower() for words in ledger.get("events", {}).values() for w in words},
        deed_verbs=_set(grammar.get("deed_verbs", ())),
        denial_verbs=_set(grammar.get("denial_verbs", ())),
        companions=_set(grammar.get("companions", ())),
        parenthetical_verbs=_set(grammar.get("parenthetical_verbs", ())),
        quantity_nouns=_set(grammar.get("quantity_nouns", ())),
        bare_quantity={k.lower(): v.lower() for k, v in grammar.get("bare_quantity", {}).items()},
        reach_verbs=_set(grammar.get("reach_verbs", ())),
        measure_units=_set(numbers.get("measure_units", ())),
        place_preps=_set(grammar.get("place_preps", ())),
        edge_preps=_set(grammar.get("edge_preps", ())),
        origin_preps=_set(grammar.get("origin_preps", ())),
        most_words=_set(grammar.get("most_words", ())),
        place_nouns=_set(grammar.get("place_nouns", ())),
        compass=_set(grammar.get("compass", ())),
        size_nouns=_set(grammar.get("size_nouns", ())),
        member_nouns=_set(grammar.get("member_nouns", ())),
        capacity_words=_set(grammar.get("capacity_words", ())),
        capacity_preps=_set(grammar.get("capacity_preps", ())),
        via_preps=_set(grammar.get("via_preps", ())),
        anaphoric_places=_set(grammar.get("anaphoric_places", ())),
        definite=_set(grammar.get("definite", ())),
        of_preps=_set(grammar.get("of_preps", ())),
        label_skip=_set(grammar.get("label_skip", ())),
        differences=_set(grammar.get("differences", ())),
        place_labels=frozenset(grammar.get("place_labels", ())),
        wide_labels=frozenset(grammar.get("wide_labels", ())),
        wide_nouns=_set(grammar.get("wide_nouns", ())),
        era_labels=frozenset(grammar.get("era_labels", ())),
        nation_labels=frozenset(grammar.get("nation_labels", ())),
        teller_labels=frozenset(grammar.get("teller_labels", ())),
        demonym_endings=tuple(sorted(_set(grammar.get("demonym_endings", ())), key=len, reverse=True)),
        max_days_apart=int(grammar.get("max_days_apart", 14)),
        kinds=kinds,
        states=frozenset(w for k in kinds for w in k.states),
        held_places=frozenset(w for k in kinds for w in k.held_in if " " not in w),
        deeds=frozenset(w for k in kinds for w in k.verbs | k.subject_verbs),
        damage_nouns=_set(damage.get("nouns", ())),
        compensation=_set(damage.get("compensation", ())),
        damage_verbs=_set(damage.get("verbs", ())),
        damage_event_verbs=_set(damage.get("event_verbs", ())),
        estimate_modals=_set(damage.get("estimate_modals", ())),
        valuing_verbs=_set(damage.get("valuing_verbs", ())),
        groups=groups,
        generic=_set(ledger.get("generic", ())),
        revision=_set(ledger.get("revision", ())),
        revision_causes=_set(ledger.get("revision_causes", ())),
        first_told=_set(ledger.get("first_told", ())),
        unworded=frozenset(w.lower() for w in ledger.get("unworded", ())),
        increments=_set(ledger.get("increments", ())),
        remains=_set(ledger.get("remains", ())),
        event_days=int(ledger.get("event_days", 2)),
        past_event_days=int(ledger.get("past_event_days", 30)),
        named_ratio=float(ledger.get("named_ratio", 3)),
        apart_ratio=float(ledger.get("apart_ratio", 10)),
        recovery={w.lower(): cls for cls, words in ledger.get("recovery", {}).items() for w in words},
        levels=_set(ledger.get("levels", ())),
        outcome_kinds=_set(ledger.get("outcome_kinds", ())),
        total_marks=_set(ledger.get("total_marks", ())),
        per_attack=_set(ledger.get("per_attack", ())),
        measures={str(k): str(v) for k, v in ledger.get("measure", {}).items()},
        events={w.lower(): cls for cls, words in ledger.get("events", {}).items() for w in words},
        broad_events={cls: frozenset(narrow) for cls, narrow in ledger.get("broad_events", {}).items()},
        whole_events=_set(ledger.get("whole_events", ())),
        event_verbs={w.lower(): cls for cls, words in ledger.get("event_verbs", {}).items() for w in words},
        named_events=Naming(
            before=_set(ledger.get("named_events", ())), after=_set(ledger.get("named_after", ())),
            after_nouns=frozenset(w.lower() for cls in ledger.get("named_after", ())
                                  for w in ledger.get("events", {}).get(cls, ()))),
    )
