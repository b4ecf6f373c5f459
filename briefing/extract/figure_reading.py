"""Reading figures out of one parsed sentence.

For each number that can be a count, the parse gives the noun it counts (its
head, or the noun of a parallel number when it stands alone: "1,200 troops in
Mali and another 300 in Niger"), the word governing that noun (a verb such as
"killed", a noun such as "deaths of") and so the kind of figure; then where
("in X" on the noun, on the number or on the governing verb) and when (a date
attached to the same words). All words come from `data/figures.toml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from ..model import Citation, Sentence
from .figure_words import Hedge, Kind, Words
from .countries import country_of
from .entities import surface
from .figure_context import COPULAS, VERBAL, Context
from .figure_places import Aliases, Locator, Place
from .numbers import Number, amounts, bare_numbers, counted_after_day_name, list_enumerators, numbers, parse_value, range_partner
from .parse_tree import Tree

PATIENT = frozenset({"patient", "acl"})
# Dependencies under which a number with no noun of its own stands for one.
ELLIPTIC = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "oprd", "dative"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One figure as one sentence states it."""

    kind: str
    value: float
    hedge: Hedge | None
    noun: str  # the counted noun as the vocabulary lists it ("service member") or its lemma
    phrase: str  # the counted noun and its modifiers as written: "American service men"
    places: tuple[Place, ...]
    nations: tuple[str, ...]  # keys of nationality modifiers: "US troops"
    when: str | None  # a date attached to the figure: "in 2003", "last month"
    citation: Citation
    subset: bool = False  # "two of the wounded", "six others": a part of a toll counted elsewhere
    qualifier: tuple[str, ...] = ()  # what sets a part apart: "identify", "care" ("in intensive care")
    revised: bool = False  # the sentence revises a toll: "rose to 67 from 60"
    index: int = 0  # the sentence's position in its source
    event: str | None = None  # the class of what did it: "explosion" for "two blasts killed 100"
    nearby: tuple[str, ...] = ()  # keys of the places this sentence and the two before it name
    here: tuple[str, ...] = ()  # keys of the places this sentence alone names
    regions: tuple[str, ...] = ()  # keys of the regions this sentence names: "hit the Caribbean"
    detail: str = ""  # the words that say which part, as written: "found at the scene", "in intensive care"
    increment: bool = False  # "another 22 were identified": added to a count, not a value of it
    past: str | None = None  # a named past event the figure belongs to: "World War II"
    year_before: str | None = None  # the one year the sentence before states, when its own states no date
    on_day: str | None = None  # a date on the event's own verb: "one was killed Friday", not "said Friday"
    told_on: str | None = None  # a date on the verb of saying it is told under: "police said Monday"
    told_by: str | None = None  # the subject of that verb of saying: "office", "saqer"
    event_places: tuple[str, ...] = ()  # keys of where its event happened, when no place is stated for it
    recent_event: tuple[str, int] | None = None  # the last event the sentences before name, and where
    another_event: bool = False  # "in similar clashes", "a day earlier": not the event its source told before
    of_several: str = ""  # its event noun counted ("80 killed in four suicide attacks") or plural ("the bombings")
    judged: bool = False  # a crime a court or charge counts: "convicted of killing three prisoners"
    joined: tuple[str, ...] = ()  # nouns joined to the counted one that share its count: "soldiers and police officers"
    superseded: bool = False  # the value a revision leaves: 39 in "revising its toll up from 39"
    first_told: bool = False  # a value a report says was given first: "initially said four people were injured"
    rate: str | None = None  # the unit of time a count is per: "a day" in "burying 4,000 bodies a day"
    ranged: bool = False  # an end of a range its sentence gives: "between 30 and 40", "3,500 to 4,000"
    unit: str | None = None  # the currency of a sum of money: "dollars", "baht"
    story_events: tuple[str, ...] = ()  # the event classes its whole source names, sorted
    given: bool = False  # a count told before, which a definite word points back to: "of the 36 wounded"
    event_name: str | None = None  # the name of its event: "Maysak" for "Typhoon Maysak, which left two dead"
    story_names: tuple[tuple[str, str], ...] = ()  # (event class, the name its source gives that class most)
    story_towns: tuple[tuple[str, str], ...] = ()  # (town, state) its source names together: "Orlando, Florida"

    @property
    def label(self) -> str:
        label = self.phrase
        if self.places:
            names = [p.name for p in self.places]
            label += " in " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
        return f"{label} {self.when}" if self.when else label


class _Sentence(Context):
    """The parse of one sentence and the questions asked of it."""

    def __init__(self, sentence: Sentence, previous: Sequence[Sentence], vocab: Words, aliases: Aliases,
                 lead_in: Sentence | None = None):
        self.s, self.v, self.lead_in = sentence, vocab, lead_in
        self.t = Tree(sentence)
        self.where = Locator(self.t, previous, vocab, aliases)

    # -- what is counted, and in what role -------------------------------
    def counted_noun(self, num: Number) -> int | None:
        """The noun a number counts; the number itself when a word after it says what it is."""
        t, head = self.t, num.head
        if self.describer(head) is not None:
            return head
        after_day = counted_after_day_name(t, head)
        if after_day is not None:
            return after_day
        parent = t.head(head)
        if t[head].dep in ("nummod", "quantmod", "amod") and parent is not None and t[parent].pos in ("NOUN", "PROPN", "ADJ"):
            return parent
        # "a 1,500-strong battalion": the number says how strong the unit is
        if parent is not None and t.lemma(parent) in self.v.strength_words and t[parent].dep == "amod" \
                and t.head(parent) is not None:
            return t.head(parent)
        # "Thirteen people died": the parser may take a number word opening a sentence for a
        # compound (a digit there is more often a model or a code: "747 jets")
        if t[head].dep == "compound" and parent is not None and parent > head and t[head].text.isalpha() \
                and t[parent].pos == "NOUN":
            return parent
        for prep in t.children(head, "prep"):  # "three of the soldiers"
            if t.lower(prep) in self.v.of_preps:
                return next(iter(t.children(prep, "pobj")), None)
        return None

    def describer(self, i: int) -> int | None:
        """The word after a number standing as a noun: "27,000 homeless", "96 missing", "700 injured".

        A participle counts only when it names a kind's event ("injured"); in
        "another 300 stationed in Niger" the number still stands for a noun.
        """
        t, v = self.t, self.v
        events = {w for k in v.kinds for w in k.verbs | k.nouns}
        candidates = [c for c in t.children(i, "amod", "acl") if c > i]
        h = t.head(i)
        if h is not None and h > i and t[i].dep == "nsubj" and not t.children(h, "aux", "auxpass"):
            candidates.append(h)
        for c in candidates:
            if t.lower(c) in v.label_skip:
                continue  # "3,000 more troops": "more" says how many, not what they are
            # (a participle the model tags as a noun counts as one: "the five slain at the protest")
            if t[c].pos == "ADJ" or (t[c].tag in ("VBN", "VBG") or t[c].pos == "NOUN") \
                    and (t.lemma(c) in events or t.lower(c) in events):
                return c
        return None

    def participle(self, i: int) -> int | None:
        """A past participle describing noun i: "people injured", "rockets launched".

        The parser sometimes hangs it on the first of two joined nouns ("56
        deaths and 200 people injured"), so one right after the noun counts too.
        """
        t = self.t
        # not one after a joined count: "the four bombers, and about 700 injured"; a noun joined
        # without a count of its own shares it ("15 sailors and marines detained by the navy")
        joined = [j for j in t.children(i, "conj") if t[j].pos == "NUM" or list(t.children(j, "nummod"))]
        for c in t.children(i, "acl"):
            # (not one that names them: "four women identified as Mary Lou Nye ... were fatally shot")
            if t[c].tag == "VBN" and not any(i < j < c for j in joined) \
                    and not any(t.lower(p) in self.v.regarding_preps for p in t.children(c, "prep")):
                return c
        j = t.subtree(i)[-1] + 1
        while j < len(t) and t[j].pos == "ADV":
            j += 1
        if j < len(t) and t[j].tag in ("VBN", "VBD") and t[j].dep == "acl" and t.head(j) in t.ancestors(i):
            return j
        return None

    def event_clause(self, i: int) -> int | None:
        """A relative clause on noun i whose verb is a kind's event: "troops who were killed",
        "people who suffered injuries"."""
        t = self.t
        # (or the one the parser hung on the last of its parts set off by commas: "Six people, including
        # two US citizens, who were found dead" were all found dead)
        aside = [c for p in t.children(i, "prep") if t.lower(p) in self.v.inclusive_preps and p > 0 and t.lower(p - 1) == ","
                 for o in t.children(p, "pobj") for c in t.children(o, "relcl") if t.lower(t.subtree(c)[0] - 1) == ","]
        for c in (*t.children(i, "relcl"), *aside):
            if any(t[s].pos != "PRON" for s in t.children(c, "nsubj", "nsubjpass")):
                continue  # "40 people, 12 of whom were injured": what befell some of them
            lemma = t.lemma(c)
            suffered = {t.lemma(o) for o in t.children(c, "dobj")}
            state = {t.lower(a) for a in t.children(c, "acomp", "oprd")}  # "12 who remain missing"
            if any(lemma in k.verbs and t.passive(c) or lemma in k.subject_verbs or (suffered | state) & k.states
                   for k in self.v.kinds if k.event):
                return c
        return None

    def antecedent(self, noun: int, number: int) -> int:
        """The noun a relative pronoun stands for: "40 people, 12 of whom were injured", "three
        citizens, of whom two disappeared"; any other noun is itself."""
        t = self.t
        if t.lower(noun) not in self.v.relative_pronouns:
            return noun
        clause = next((a for a in t.ancestors(number) if t[a].dep == "relcl"), None)
        above = t.head(clause) if clause is not None else None
        return above if above is not None and t[above].pos in ("NOUN", "PROPN") else noun

    def whole_of(self, i: int) -> int | None:
        """The whole a bare number is a part of, when the clause says so.

        "Of the injured, 57 were in intensive care" (of on the verb); "the injured
        included about 20 in serious condition" (a verb of inclusion).
        """
        t, v = self.t, self.v
        h = t.head(i)
        if h is None:
            return None
        if t[i].dep in ("nsubj", "nsubjpass"):
            # (or on a verb "be" it is joined to: "Of the detainees, 766 were 16 or 17; 226 were
            # between 13 and 15, and 88 were 12 or younger")
            joined = [h] + [j for j in (t.head(h), *t.children(h, "conj", "ccomp"))
                            if j is not None and t.lemma(h) == "be" == t.lemma(j)
                            and (t[h].dep in ("conj", "ccomp") and j == t.head(h) or t.head(j) == h)]
            joined += [c for j in joined[1:] for c in t.children(j, "ccomp", "conj") if c != h and t.lemma(c) == "be"]
            for verb in joined:
                for p in t.children(verb, "prep"):
                    if t.lower(p) in v.of_preps and p < i:
                        return next(iter(t.children(p, "pobj")), None)
        if t[i].dep == "dobj" and t.lemma(h) in v.part_verbs:
            return next(iter(t.children(h, "nsubj")), None)
        return None

    def wholes(self, noun: int, gov: int | None) -> list[int]:
        """What a counted noun is said to be in: the subject of a verb of inclusion it is the object
        of ("the dead included 20 children"), or "among the dead"."""
        t, v = self.t, self.v
        if gov is None:
            return []
        found = list(t.children(gov, "nsubj")) if t[noun].dep == "dobj" and t.lemma(gov) in v.part_verbs else []
        if t.lemma(gov) in COPULAS:
            preps = list(t.children(gov, "prep"))
            # "police said among those injured were two drivers": the parser may hang the clause's
            # fronted "among" on the verb of saying before it
            above = t.head(gov) if t[gov].dep == "ccomp" else None
            if above is not None and above < gov:
                preps += [p for p in t.children(above, "prep") if above < p < gov]
            found += [o for p in preps if t.lower(p) in v.inclusive_preps for o in t.children(p, "pobj")]
        return found

    def included_in(self, noun: int, gov: int | None) -> bool:
        """The counted noun is said to be among victims: "the victims included 14 officers"."""
        return any(self.t.lemma(w) in self.v.victim_nouns for w in self.wholes(noun, gov))

    def among(self, noun: int, gov: int | None) -> tuple[Kind, str] | None:
        """The kind of the whole a counted noun is said to be in ("the dead included 20 children",
        "among the dead")."""
        t, v = self.t, self.v
        wholes = self.wholes(noun, gov)
        for w in wholes:
            terms = self.noun_terms(w)
            # "among the dead", or "among the 23 people killed": what the participle says befell them
            said = {t.lemma(c) for c in t.children(w, "acl", "amod") if t[c].tag in ("VBN", "JJ")}
            kind = next((k for k in v.kinds if k.event and (terms & k.nouns or t.lower(w) in k.states
                                                            or said & (k.verbs | k.states))), None)
            if kind is not None:
                return kind, t.lemma(noun)
        return None

    def event_phrase_verb(self, n: int) -> int | None:
        """The verb whose phrase names event noun `n`, when the parser hung a count's "including" on
        the noun: "nine people were killed in the shooting, including three attackers" (killed)."""
        t = self.t
        prep = t.head(n) if t[n].dep == "pobj" else None
        verb = t.head(prep) if prep is not None else None
        return verb if verb is not None and t.lemma(n) in (self.v.events or {}) and t[verb].pos in VERBAL else None

    def stolen_object(self, i: int) -> int | None:
        """The verb whose object the parser took for the subject of the verb of saying after it, with
        the tellers joined to it: "killing at least two people, police and medical sources said", or
        for a second subject of the verb a relative clause's antecedent is the subject of."""
        t = self.t
        h = t.head(i)
        if h is None:
            return None
        # "An explosion ... that killed at least one person early Friday is being investigated": the
        # parser made the object of the relative clause a second subject of the verb after it
        before = t.subtree(i)[0] - 1
        if t[i].dep in ("nsubj", "nsubjpass") and before >= 0 and t[before].dep == "relcl" and self.deed(before) \
                and not t.children(before, "dobj") and t.head(before) in t.children(h, "nsubj", "nsubjpass"):
            return before
        if t[i].dep != "nsubj" or t.lemma(h) not in self.v.parenthetical_verbs:
            return None
        verb = self.object_slipped(i)
        return verb if verb is not None and self.deed(verb) else None

    def deed(self, i: int) -> bool:
        """Is word i a verb of some event kind's deed ("killed", "arrested", "evacuated")?"""
        return any(self.t.lemma(i) in k.verbs for k in self.v.kinds if k.event)

    def governor(self, i: int) -> tuple[int | None, str, bool]:
        """The word whose argument i is, the relation, and whether a negator was passed."""
        t, v, negated, start = self.t, self.v, False, i
        clause = self.event_clause(i)
        if clause is not None:
            # "troops who were killed" are its patient; "people who died", its subject
            return clause, "agent" if not t.passive(clause) else "patient", negated
        stolen = self.stolen_object(i)
        if stolen is not None:
            return stolen, "patient", negated
        for _ in range(len(t)):
            part = self.participle(i)
            # "arrested nine people wanted for war crimes": the verb of a kind acting on the noun
            # says what befell it, not a participle describing it
            h = t.head(i)
            acted_on = t[i].dep in ("dobj", "nsubjpass") and h is not None \
                and any(self.deed(x) for x in (h, self.sharing(h)) if x is not None)
            # a participle between two joined nouns belongs to the first: "310,000 injured and 869 missing"
            if part is not None and (i == start or part > start) and not acted_on:
                return part, "acl", negated
            h, dep = t.head(i), t[i].dep
            if h is None:
                return None, "", negated
            if dep in ("conj", "appos"):
                # "keeps 300 troops in Niger and 1,200 in Mali"; not "were killed and 40 taken prisoner",
                # where the noun has a verb of its own
                # ("300 people killed and 50 missing": a state word itself says what befell its count)
                state = t[i].pos == "ADJ" and t.lower(i) in v.states
                if t[h].pos in VERBAL and not state and not any(t[c].pos == "VERB" for c in t.children(i, "amod", "acl")):
                    # parallel to the verb's object, or, with none, to its subject ("six died in X
                    # and seven in Y")
                    parallel_subject = t[i].pos == "NUM" and not t.passive(h) and not list(t.children(h, "dobj")) \
                        and bool(list(t.children(h, "nsubj")))
                    return h, "agent" if parallel_subject else "patient", negated
                i = h
            elif dep in ("nsubj", "nsubjpass") and t.lemma(h) in v.raising_verbs and list(t.children(h, "xcomp")):
                # "40 people are believed to have died": the verb after says what befell them
                x = next(iter(t.children(h, "xcomp")))
                # ("seven people were reported killed": a bare participle is a passive without its "be")
                bare = t[x].tag == "VBN" and not list(t.children(x, "aux", "auxpass"))
                if bare and t.lemma(x) in v.raised_not_states:
                    return None, "", negated
                return x, "patient" if t.passive(x) or bare else "agent", negated
            elif dep == "dobj" and (small := self.small_clause(i, h)) is not None:
                return small, "patient", negated
            elif dep in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
                return h, "patient", negated
            elif dep == "nsubj" and t.lemma(h) in v.self_reports and (told := self.told_of_itself(h)) is not None:
                # "another 30,000 said they were tortured or imprisoned": what the speakers tell of themselves
                return (*told, negated)
            elif dep == "nsubj" and t[h].pos == "AUX" and t[h].dep == "advcl" and t.head(h) is not None \
                    and any(t.lower(m) in v.ellipsis_marks for m in t.children(h, "mark")):
                # "52 were killed, as were the four bombers": the auxiliary stands for the verb before
                above = t.head(h)
                return above, "patient" if t.passive(above) else "agent", negated
            elif dep == "nsubj":
                if t[h].dep in ("aux", "auxpass") and t.head(h) is not None:
                    h = t.head(h)  # a subject hung on the auxiliary: "and 26 were missing"
                # "Seven people were arrested and 28 officers hurt": a bare participle joined to a
                # passive verb shares its "were"
                gapped = t[h].tag == "VBN" and t[h].dep == "conj" and not list(t.children(h, "aux", "auxpass")) \
                    and t.head(h) is not None and t.passive(t.head(h))
                # "a crackdown that has seen 20 members detained": a bare participle with its own
                # subject, the complement of another verb or of a preposition ("with at least 300
                # people killed"), is a passive without its "be"
                # (not a verb whose subject is what befalls: "with 40 passengers drowned")
                bare = not list(t.children(h, "aux", "auxpass", "dobj")) \
                    and not any(t.lemma(h) in k.subject_verbs for k in v.kinds)
                gapped = gapped or bare and t[h].tag == "VBN" and t[h].dep in ("ccomp", "xcomp", "oprd", "pcomp", "advcl")
                # (the tagger may take the bare participle for a past tense when words follow it: "37
                # people were killed and 62 wounded, according to police")
                gapped = gapped or bare and t[h].tag == "VBD" and t[h].dep == "conj" and t.head(h) is not None \
                    and t.passive(t.head(h))
                # (or hangs the joined clause elsewhere, leaving its "and" on the passive verb: "Two officers
                # were killed in the standoff, and 30 wounded, officials said")
                opening = t.subtree(i)[0]
                joiner = opening - 1 if opening > 0 and t[opening - 1].pos == "CCONJ" else None
                gapped = gapped or bare and t[h].tag == "VBD" and joiner is not None and t.head(joiner) is not None \
                    and t.head(joiner) < joiner and t.passive(t.head(joiner))
                # "left 49 people dead and 53 others wounded": a verb joined to one that leaves its
                # object in a state, with a subject and no object of its own, is that state
                above = t.head(h)
                objects = list(t.children(above, "dobj")) if above is not None else []
                gapped = gapped or bare and t[h].dep == "conj" and t[h].tag in ("VBN", "VBD") and bool(objects) \
                    and (bool(list(t.children(above, "oprd", "acomp"))) or any(
                        t.lower(c) in k.states for o in objects for c in t.children(o, "amod") for k in v.kinds))
                return h, "patient" if t.passive(h) or gapped else "agent", negated
            elif dep == "poss" and t[h].pos == "NOUN":
                # "the fifteen sailors' capture", "the three miners' deaths": the possessor of an event
                # noun is whom it befell, as in "the capture of fifteen sailors"
                return h, "of", negated
            elif dep == "pobj":
                prep = t.lower(h)
                above = t.head(h)
                if above is None:
                    return None, "", negated
                if prep in v.range_preps and t[above].pos in VERBAL:
                    # "killed between 50 and 60 people": the range is what the verb acts on
                    return above, "patient" if not list(t.children(above, "dobj")) else "prep", negated
                if prep in v.inclusive_preps and t[above].pos in VERBAL:
                    # "31 people were killed in the bombing, including 12 children": a part of what
                    # the verb counts, in the role its counted noun has
                    counted_role = t.passive(above) or bool(list(t.children(above, "dobj")))
                    return above, "patient" if counted_role else "agent", negated
                # (the parser may hang it on the event the verb's phrase names: "nine people were killed
                # in the shooting, including three attackers")
                if prep in v.inclusive_preps and (slipped := self.event_phrase_verb(above)) is not None:
                    counted_role = t.passive(slipped) or bool(list(t.children(slipped, "dobj")))
                    return slipped, "patient" if counted_role else "agent", negated
                if prep in v.companion_preps and (verb := self.accompanied(above, prep)) is not None:
                    # "was arrested along with three other members": those with the subject share its role
                    return verb, "patient" if t.passive(verb) else "agent", negated
                if prep in v.inclusive_preps:  # "20 fighters, including four nurses"
                    i = above
                elif prep in v.of_preps and t.lemma(above) in v.partitives:  # "none of the 50 soldiers"
                    negated = negated or t.lemma(above) in v.negators
                    i = above
                elif prep in v.of_preps and t.lemma(above) in v.quantity_nouns and t[above].dep in ("nsubj", "nsubjpass", "dobj"):
                    i = above  # "a total of 270 people were killed": the count is the clause's subject
                else:
                    return above, "of" if prep in v.of_preps else "prep", negated
            else:
                return h, dep, negated
        return None, "", negated

    def small_clause(self, noun: int, verb: int) -> int | None:
        """A bare participle of a kind's deed after a verb's object, which says what befell the
        object: "a crackdown that has seen 32 dissidents arrested" (the parser may take the
        participle for the verb's complement rather than give it the object as its subject). Not
        after a verb that is a deed itself: "police arrested 20 people wounded in the riot"."""
        t = self.t
        if self.deed(verb):
            return None
        # (right after the object: in "left nine dead and 100 injured" the participle is another count's)
        after = t.subtree(noun)[-1] + 1
        return next((c for c in t.children(verb, "ccomp", "xcomp", "oprd") if c == after and t[c].tag == "VBN"
                     and self.deed(c) and not list(t.children(c, "nsubj", "nsubjpass", "aux", "auxpass", "dobj"))),
                    None)

    def accompanied(self, above: int, prep: str) -> int | None:
        """The verb whose subject a "with" phrase under `above` goes along with: the verb "along" is
        on, or the verb "with" is on beside an "along" (or the verb a preposition that says so alone
        is on: "was killed alongside 11 other children"); past a verb of saying set inside the
        clause it reports ("were killed, officials said, along with five assailants")."""
        t, v = self.t, self.v
        if t.lower(above) in v.companions:
            verb = t.head(above)
        elif t[above].pos in VERBAL and (prep in v.companions or any(
                t.lower(c) in v.companions for c in t.children(above, "prt", "advmod", "prep"))):
            verb = above
        else:
            return None
        # ("nine Germans were wounded, two of them seriously, along with one Norwegian": the phrase hung
        # on a count set beside the subject goes along with the subject)
        beside = verb is not None and t[verb].dep == "appos" and t.head(verb) is not None
        if beside:
            verb = t.head(verb)
        if verb is not None and t[verb].pos in ("NOUN", "PROPN"):
            # "residents – along with 20,000 visitors – fled": the verb the noun is the subject of, or
            # one the parser hung on it as a clause of its own
            head = t.head(verb)
            verb = head if t[verb].dep in ("nsubj", "nsubjpass") and head is not None and (head > above or beside) \
                else self.hung_past_verb(verb, after=above)
        if verb is None or t[verb].pos not in VERBAL:
            return None
        if t.lemma(verb) in v.parenthetical_verbs:
            return next((c for c in t.children(verb, "ccomp") if c < above), verb)
        return verb

    def told_of_itself(self, verb: int) -> tuple[int, str] | None:
        """The verb of the clause a speaker says of itself ("said they were tortured or imprisoned"),
        of the verbs joined there the first that some kind lists, else the first; and the role the
        speaker has in it (joined verbs share the first one's "were")."""
        t, v = self.t, self.v
        said = next((c for c in t.children(verb, "ccomp")
                     if any(t.lower(s) in v.self_pronouns for s in t.children(c, "nsubj", "nsubjpass"))), None)
        if said is None:
            return None
        joined = [said, *t.children(said, "conj")]
        verb = next((c for c in joined if t.lemma(c) in v.deeds), said)
        return verb, "patient" if t.passive(said) else "agent"

    def counts_people(self, terms: set[str], n: int) -> bool:
        """Nouns of people, or a number standing for its noun as the verb's subject or object ("two
        were shot"); "the two" points back at something named before ("the boat was like the two
        seized"), and one joined to a noun counts what it counts ("shoot a day or two")."""
        t = self.t
        return self.v.names_people(terms) or (t[n].pos == "NUM" and t[n].dep in ("nsubj", "nsubjpass", "dobj")
                                              and not list(t.children(n, "det")))

    def noun_terms(self, n: int) -> set[str]:
        """The counted noun's lemma, with its compound ("service member"), as listed words."""
        t, v = self.t, self.v
        lemma = t.lemma(n)
        terms = {lemma, t.lower(n)}
        described = self.describer(n)
        if described is not None:
            terms |= {t.lemma(described), t.lower(described)}
        compounds = list(t.children(n, "compound"))
        # "200,000 members of the police and gendarmerie": members of a body count its people
        terms |= {w for o in self.bodies(n)
                  for w in (t.lemma(o), *(f"{t.lemma(c)} {t.lemma(o)}" for c in t.children(o, "compound")))}
        # (and an adjective that makes it a listed word: "two explosive belts")
        terms |= {f"{t.lower(a)} {lemma}" for a in t.children(n, "amod")}
        for c in compounds:
            terms.add(f"{t.lemma(c)} {lemma}")
            if lemma in v.quantity_nouns:  # "death toll" counts deaths
                terms.add(t.lemma(c))
        if lemma in v.quantity_nouns:  # "the injured toll"
            terms |= {t.lower(c) for c in t.children(n, "amod")}
        # "the flood toll", "the quake toll": an event's toll is still the bare toll
        said = [c for c in compounds if t.lemma(c) not in (v.events or {})]
        if not said and lemma in v.bare_quantity and not any(t[c].dep == "amod" and (
                t.lower(c) in {w for k in v.kinds for w in k.nouns | k.states}) for c in t.children(n)):
            terms.add(v.bare_quantity[lemma])  # "the toll rose to 120,000"
        return terms

    def bodies(self, n: int) -> list[int]:
        """The bodies a member noun's "of" names ("members of the police"); none for other nouns."""
        t = self.t
        if t.lemma(n) not in self.v.member_nouns:
            return []
        return [o for p in t.children(n, "prep") if t.lower(p) in self.v.of_preps for o in t.children(p, "pobj")]

    def kind(self, noun: int, gov: int | None, rel: str, at: int | None = None) -> tuple[Kind, str] | None:
        """The kind the noun or its governor signals, and the noun as the vocabulary lists it
        (`at`: the number, when it stands apart from the noun it counts)."""
        first = self.first_kind(noun, gov, rel, at)
        if first is not None and first[0].name not in self.v.outcome_kinds:
            # "two people were injured and later died": a verb joined after it with no subject of its
            # own that says how it ended for them says what they are counted as
            # (by its own verb: "is still missing, presumed dead" is a guess, not how it ended)
            for later, role in self.sharing_subject(noun, gov):
                found = self.first_kind(noun, later, role, at)
                if found is not None and found[0].name in self.v.outcome_kinds \
                        and self.t.lemma(later) in found[0].verbs | found[0].subject_verbs:
                    return found
        return first

    def first_kind(self, noun: int, gov: int | None, rel: str, at: int | None = None) -> tuple[Kind, str] | None:
        """The first kind the noun or its governor signals, and the noun as the vocabulary lists it."""
        t = self.t
        terms = self.noun_terms(noun)
        if terms & self.v.animals:
            return None
        g = t.lemma(gov) if gov is not None else ""
        # the verb with its particle, complement or prepositional object too: "rounded up six
        # activists", "set four mosques ablaze", "set four mosques on fire"
        verb = {g}
        if gov is not None:
            verb |= {f"{g} {t.lower(c)}" for c in t.children(gov, "prt", "oprd", "advmod", "acomp")}
            # "stand accused", with the participle parsed as a clause of its own
            verb |= {f"{g} {t.lower(c)}" for c in t.children(gov, "advcl", "xcomp") if t[c].tag == "VBN"}
            # (and the object's: "forced between 30 and 40 people from their homes", where the parser
            # hung "from" on the noun)
            verb |= {f"{g} {t.lower(p)} {t.lemma(o)}" for h in ((gov, noun) if rel == "patient" else (gov,))
                     for p in t.children(h, "prep") for o in t.children(p, "pobj")}
            # "forced out of their homes": a preposition of two words
            verb |= {f"{g} {t.lower(p)} {t.lower(q)} {t.lemma(o)}" for p in t.children(gov, "prep")
                     for q in t.children(p, "prep") for o in t.children(q, "pobj")}
        # "set fire to four mosques": the verb and its object act on the noun after the preposition
        through = {f"{g} {t.lemma(o)} {t.lower(t.head(noun))}" for o in t.children(gov, "dobj")} \
            if gov is not None and rel == "prep" and t[noun].dep == "pobj" else set()
        # "12 wounded fighters", "three dead soldiers": a word on the noun says what befell them
        # ("30 missing fishermen" says what befell the thirty; "one of the missing yachts" may be found)
        counted_here = bool(list(t.children(noun, "nummod")))
        marked = {w for c in t.children(noun, "amod")
                  if t[c].pos == "ADJ" or t[c].tag == "VBN" or t[c].tag == "VBG" and counted_here
                  for w in (t.lower(c), t.lemma(c))}
        # "200 firemen, 500 soldiers, 2,000 villagers dead": the adjective a list of subjects hangs on
        predicate = {t.lower(gov)} if gov is not None and rel == "agent" and t[gov].pos == "ADJ" else set()
        # "the nine crew on the missing cutter": the state of the craft they are aboard
        # (the parser may hang "on the cutter" on the noun "the nine crew" is "of")
        holders = [noun] + ([t.head(t.head(noun))] if t[noun].dep == "pobj" and t.lower(t.head(noun)) in self.v.of_preps
                            and t.head(t.head(noun)) is not None else [])
        aboard = {t.lower(a) for h in holders for p in t.children(h, "prep") if t.lower(p) in self.v.aboard_preps
                  for o in t.children(p, "pobj") for a in t.children(o, "amod")}
        # "17 confirmed dead", "30 feared dead", "five reported missing": the state a participle on
        # the count gives it
        marked |= {t.lower(x) for c in t.children(noun, "acl") if t[c].tag == "VBN"
                   for x in t.children(c, "oprd", "acomp")}
        # "among 42 crew still missing": a state right after the noun that the parser hung on a verb above
        after = t.subtree(noun)[-1] + 1
        while after < len(t) and t[after].dep == "advmod" and t.head(after) is not None and t.head(after) > after:
            after += 1  # "still"
        if after < len(t) and t[after].dep == "advcl" and t.head(after) in t.ancestors(noun):
            marked |= {t.lower(after)} & self.v.states
        # (or where a participle on the count keeps them: "20,500 people sleeping in shelters", "left
        # 20,500 people sleeping in shelters")
        kept_in = self.kept_in(gov) | {w for c in [*t.children(noun, "acl"),
                                                   *(t.children(gov, "xcomp") if gov is not None and rel in PATIENT else ())]
                                       for w in self.kept_in(c)}
        kept_in |= self.scoped_by(gov) if rel in PATIENT else set()
        around = {t.lemma(j) for j in range(len(t)) if j != noun}
        # "lost 35 students in the crash": an event they were lost in or to
        lost_in_event = gov is not None and rel in PATIENT and any(
            t.lemma(o) in (self.v.events or {}) for p in t.children(gov, "prep") for o in t.children(p, "pobj"))
        stated = self.stated(gov, rel) | self.suffered(gov, rel)
        # "left 9 dead and more than 100 injured", "30 dead and 2,000 homeless": a count joined to
        # one state has the one right after it
        at = noun if at is None else at
        after = t.subtree(at)[-1] + 1
        own_state = self.describer(at) if t[at].pos == "NUM" else None
        if own_state is None and t[at].dep == "conj" and gov is not None and after < len(t) \
                and t.head(after) == gov and t[after].dep in ("oprd", "acomp"):
            own_state = after
        if own_state is not None and t[at].dep == "conj":
            stated = {t.lemma(own_state), t.lower(own_state)}
        # "were forced to flee", "were told to leave": what the object of a causative or a directive
        # is made or told to do
        acts = list(t.children(gov, "xcomp")) if g in self.v.causatives | self.v.directives and rel in PATIENT else []
        made = {t.lemma(c) for c in acts} if g in self.v.causatives else set()
        # "the number of people killed rose to 200,000": a participle on the noun says what happened
        # to them, when the clause says nothing else of them (not "one of four people beheaded claimed")
        reduced = None
        if t[noun].pos == "NOUN" and (gov is None or g in COPULAS or g in self.v.reach_verbs):
            reduced = self.describer(noun)
            above = t.head(t.head(noun)) if t[noun].dep == "pobj" and t.head(noun) is not None else None
            if reduced is None and above is not None and t.lemma(above) in self.v.quantity_nouns:
                reduced = self.describer(above)  # the participle hung on "number" instead
        # "the town's 5,000 residents – along with 20,000 visitors – fled": what its subject did
        hung = self.hung_past_verb(noun, after=noun) if t[noun].pos == "NOUN" else None
        fled = [hung] if hung is not None and any(t.lemma(hung) in k.subject_verbs for k in self.v.kinds) else []
        if reduced is None and fled:
            reduced = fled[0]
        # "treated for burns" is an injury, "treated for dehydration" is not
        # ("treated at the shelter for diarrhea": the parser may hang it on the place)
        cares = [p for p in t.children(gov, "prep")] if gov is not None else []
        cares += [q for p in cares for o in t.children(p, "pobj") for q in t.children(o, "prep")]
        cared_for = {t.lemma(o) for p in cares if t.lower(p) in ("for", "with") for o in t.children(p, "pobj")}
        # "is being treated as suspected arson": a verb of care with "as" says what it is taken for
        regarded = gov is not None and any(t.lower(p) in self.v.regarding_preps for p in t.children(gov, "prep"))
        self_object = gov is not None and any(t.lower(c) in self.v.reflexives for c in t.children(gov, "dobj"))
        # "were winched aboard and flown to hospital": where the moving verb (or one joined to it) takes them
        # (not when the verb itself is some kind's: "evacuated 1,000 people and rushed them to hospital"
        # counts the evacuated, wherever they were taken next)
        own_kind = gov is not None and any(t.lemma(gov) in k.verbs for k in self.v.kinds)
        moved = {w for v in ([gov, *([] if own_kind else t.children(gov, "conj"))] if gov is not None else [])
                 if t.lemma(v) in self.v.moving_verbs and rel in PATIENT
                 for p in t.children(v, "prep") for o in t.children(p, "pobj")
                 for w in (t.lemma(o), *(f"{t.lower(c)} {t.lemma(o)}" for c in t.children(o, "amod", "compound")))}
        # "eleven people lost their lives": the verb with its object says what befell its subject;
        # "claimed the lives of 31 people": the noun the number hangs on pairs with its verb
        with_object = {f"{g} {t.lemma(o)}" for o in t.children(gov, "dobj")} if gov is not None else set()
        of_verb = t.head(gov) if gov is not None and rel == "of" else None
        # "beaten to death", "froze to death": what the verb led to, for its patient, or for its
        # subject when nothing else is acted on
        result = {f"{t.lower(p)} {t.lemma(o)}" for p in t.children(gov, "prep") for o in t.children(p, "pobj")} \
            if gov is not None and (rel in PATIENT or rel == "agent" and not t.passive(gov)
                                    and not list(t.children(gov, "dobj"))) else set()
        # "to release 750 Palestinians jailed for attacks": the verb that acts on the noun may cancel
        # the kind a participle on it gives
        # (not when the participle names who took them: "15 sailors detained by the navy would be
        # released" are those the navy detained, whatever befalls them next)
        # (nor when a relative clause of its own tells the event: "released seven men who were
        # arrested last week" were arrested, a status no longer but an event all the same)
        over = {t.lemma(t.head(noun))} if t[noun].dep in ("dobj", "nsubjpass") and t.head(noun) is not None \
            and not (gov is not None and t.head(gov) == noun
                     and (list(t.children(gov, "agent")) or t[gov].dep == "relcl")) else set()
        # "a search was conducted for six soldiers": the deed a verb carries out, named by its noun, acts on
        # the count as its verb would ("six soldiers were searched for")
        sought = {t.lemma(n) for n in t.children(gov, "nsubj", "nsubjpass", "dobj")} \
            if gov is not None and rel == "prep" and t[noun].dep == "pobj" \
            and t.lower(t.head(noun)) in self.v.sought_preps else set()
        # "40 houses were damaged and 12 destroyed": a bare number counts the objects a count before it counted
        counted_before = {t.lemma(j) for j in range(noun) if t[j].pos == "NOUN" and list(t.children(j, "nummod"))} \
            if t[noun].pos == "NUM" else set()
        strong = at is not None and t.head(at) is not None and t.lemma(t.head(at)) in self.v.strength_words
        # (and the nouns on it: "lightning strikes", "hunger strikes" are no attacks)
        marks = {t.lower(c) for c in t.children(noun, "amod", "compound")}
        marks_on_gov = {t.lower(c) for c in t.children(gov, "amod")} if gov is not None else set()
        manner = {t.lower(c) for c in t.children(gov, "advmod")} if gov is not None else set()
        # "the severed heads of four hostages": the governing noun with its modifier
        of_terms = {g} | {f"{m} {g}" for m in marks_on_gov}
        # "were persons detained for political motives": what befell the subject, after "be"
        complements = self.be_complements(gov, rel)
        # the counted noun itself, with its compound ("relief camps"), not what a participle says of it
        itself = {t.lemma(noun)} | {f"{t.lemma(c)} {t.lemma(noun)}" for c in t.children(noun, "compound")}
        for kind in sorted(self.v.kinds, key=lambda k: not k.objects):  # the kinds of particular objects first
            # "a dozen cuts", "in one hospital": a count of wounds or of places is no count of people
            if (itself & (kind.states | kind.held_in | kind.taken_to) and not terms & kind.nouns) \
                    or marks & kind.not_marks:
                continue
            borrowed = sorted(counted_before & kind.objects)[-1:] if not terms & kind.objects else []
            listed = sorted((x for x in terms if x in kind.nouns or strong and x in kind.units), key=len, reverse=True)
            by_gov = (bool(verb & kind.verbs) and rel in PATIENT
                      and (not kind.verb_objects or bool(terms & kind.verb_objects))) or (bool(of_terms & kind.of_nouns) and rel == "of") \
                or (bool(verb & kind.people_verbs) and rel in PATIENT and self.counts_people(terms, noun)) \
                or (rel == "of" and g in (self.v.events or {}) and bool(marks_on_gov & kind.fatal_marks)
                    and self.v.names_people(terms)) \
                or (bool(manner & kind.fatal_adverbs) and rel in PATIENT and self.counts_people(terms, noun)) \
                or bool(through & kind.verbs) \
                or (g in kind.subject_verbs and rel == "agent" and not self.left(gov) & kind.escaped) \
                or (g in kind.objectless_verbs and rel == "agent" and not t.passive(gov)
                    and not list(t.children(gov, "dobj")) and self.counts_people(terms, noun)) \
                or bool(stated & kind.states) \
                or bool(predicate & kind.states) \
                or bool(made & kind.subject_verbs) \
                or any(t.lemma(c) in kind.made_to and not self.left(c) & kind.escaped for c in acts) \
                or (g in kind.reflexive_verbs and rel == "agent" and self_object) or bool(moved & kind.taken_to) \
                or bool(marked & (kind.states | kind.verbs)) or bool(kept_in & kind.held_in) \
                or bool(complements & kind.verbs) \
                or (g in kind.care_verbs and rel in PATIENT and (not cared_for or bool(cared_for & kind.states))
                    and not regarded) \
                or any((x, g) in kind.pairs for x in terms) \
                or (rel == "agent" and bool(with_object & kind.subject_verbs)) \
                or (of_verb is not None and (g, t.lemma(of_verb)) in kind.pairs) \
                or (reduced is not None and (t.lemma(reduced) in kind.verbs or t.lower(reduced) in kind.states
                                             or reduced in fled and t.lemma(reduced) in kind.subject_verbs)) \
                or bool(result & kind.results) or bool(aboard & kind.aboard_states) \
                or (g in kind.loss_verbs and lost_in_event and self.v.names_people(terms)) \
                or (g in kind.loss_verbs and bool(kind.objects) and rel in PATIENT and gov is not None
                    and (lost_in_event or t.passive(gov) and not list(t.children(gov, "prep"))))
            if not (listed or by_gov) or (kind.objects and not (terms | set(borrowed)) & kind.objects) \
                    or (not kind.people and (self.v.names_people(terms) or country_of(t.text(noun, noun)))) \
                    or (kind.people and not listed and not kind.objects and bool(terms & (self.v.not_people | self.v.place_nouns | kind.not_objects))) \
                    or (kind.context and not around & kind.context) or (verb | over | sought) & kind.not_verbs \
                    or (kind.alone and self.listed_with_others(noun, kind.nouns)):
                continue
            return kind, listed[0] if listed else borrowed[0] if borrowed else t.lemma(noun)
        first = self.sharing(gov) if rel == "patient" else None
        if first is not None:
            return self.first_kind(noun, first, rel, at)
        # "three perpetrators were identified and were killed": a verb joined after it with no subject
        # of its own says what befell its subject too
        for later, role in self.sharing_subject(noun, gov):
            found = self.first_kind(noun, later, role, at)
            if found is not None:
                return found
        return None

    def hung_past_verb(self, noun: int, after: int) -> int | None:
        """A verb in the past, after `after`, that the parser hung on its subject `noun` as a clause
        of its own: "the town's 5,000 residents – along with 20,000 more park visitors – fled"."""
        t = self.t
        return next((c for c in t.children(noun, "acl") if t[c].tag == "VBD" and c > after), None)

    def listed_with_others(self, noun: int, nouns: frozenset[str]) -> bool:
        """Is the noun one of a list of counted things, some of which no kind or group names: "90
        vehicles, 20 boats and 41 drones" (not "two surface-to-air missiles and 3,500 troops")?"""
        t, v = self.t, self.v
        known = nouns | {w for k in v.kinds for w in k.nouns} | {w for g in v.groups for w in g.nouns} | v.generic
        top = noun
        while t[top].dep == "conj" and t.head(top) is not None:
            top = t.head(top)
        listed = [top, *(j for j in t.subtree(top) if t[j].dep == "conj" and t[j].pos in ("NOUN", "PROPN"))]
        return any(j != noun and t.lemma(j) not in known and list(t.children(j, "nummod")) for j in listed)

    def left(self, gov: int | None) -> set[str]:
        """The lemmas of what a verb of leaving leaves: its object, or the object of its "from"/"out of"."""
        t = self.t
        if gov is None:
            return set()
        return {t.lemma(o) for o in t.children(gov, "dobj")} | {
            t.lemma(o) for p in t.children(gov, "prep") if t.lower(p) in self.v.leaving_preps
            for o in (*t.children(p, "pobj"), *(o for q in t.children(p, "prep") for o in t.children(q, "pobj")))}

    def kept_in(self, gov: int | None) -> set[str]:
        """Where or in what state being kept counts them: "three suspects are in custody", "20 remain
        in hospital", "five were in critical condition" (the state with the word that says it)."""
        t = self.t
        if gov is None or t.lemma(gov) not in self.v.holding_verbs:
            return set()
        # (the words before the noun may say it alone: "in the intensive care unit" is in intensive care)
        def before(o: int) -> str:
            return " ".join(t.lower(a) for a in t.subtree(o) if a < o and t[a].dep in ("amod", "compound"))
        return {w for p in t.children(gov, "prep") if t.lower(p) in self.v.place_preps | self.v.holding_preps
                for o in t.children(p, "pobj")
                for w in (t.lemma(o), *(f"{t.lower(a)} {t.lemma(o)}" for a in t.children(o, "amod", "compound")),
                          before(o)) if w}

    def scoped_by(self, gov: int | None) -> set[str]:
        """The order or state whose scope a verb's object is in: "an evacuation order, which affects
        the city's 80,000 residents", "orders covering 20,000 people" (the subject, with the words on it)."""
        t = self.t
        if gov is None or t.lemma(gov) not in self.v.scope_verbs:
            return set()
        subjects = [s for s in t.children(gov, "nsubj") if t[s].tag not in ("WDT", "WP")]
        if t[gov].dep in ("relcl", "acl") and t.head(gov) is not None and not subjects:
            subjects = [t.head(gov)]  # "which affects", "affecting": the noun the clause is on
            # (or one it is said of, as the parser may hang the clause on the last noun: "an order for
            # all of Fort McMurray, which affects ...")
            while t[subjects[-1]].dep == "pobj" and (p := t.head(subjects[-1])) is not None \
                    and t.head(p) is not None and t[t.head(p)].pos in ("NOUN", "PRON", "DET"):
                subjects.append(t.head(p))
        return {w for s in subjects
                for w in (t.lemma(s), *(f"{t.lower(c)} {t.lemma(s)}" for c in t.children(s, "compound", "amod")))}

    def in_scene(self, noun: int, gov: int | None, rel: str) -> bool:
        """A count no verb acts on, or a few the story has shown: the head of a verbless caption, the object
        of a preposition on a verb of something else ("walks ahead with two officers behind him"; not the
        agent, "escorted by three officers"), or a definite noun ("the two officers involved")."""
        t = self.t
        if gov is None or any(t.lower(d) in self.v.definite for d in t.children(noun, "det")):
            return True
        prep = t.head(noun) if t[noun].dep == "pobj" else None
        return rel == "prep" and prep is not None and t[prep].dep != "agent"

    def singled_out(self, num: Number) -> bool:
        """"one of them, John Smith", "one of its oldest buildings, the post office": one named by
        an apposition is someone or something told of, not a count."""
        t = self.t
        if num.value != 1:
            return False
        named = list(t.children(num.head, "appos"))
        # (the parser may hang the name beside "one" instead: on the noun "one of whom" is of)
        j = t.subtree(num.head)[-1] + 1
        while j < len(t) and t[j].pos == "PUNCT":
            j += 1
        while j < len(t) and t[j].dep in ("compound", "amod", "det") and (t.head(j) or 0) > j:
            j = t.head(j)
        if j < len(t) and t[j].dep == "appos" and t.head(j) == t.head(num.head):
            named.append(j)
        if any(t[a].pos == "PROPN" or any(t.lower(d) == "the" for d in t.children(a, "det")) for a in named):
            return True
        # "one of Russia's most prominent women", "one of the town's oldest buildings": one a
        # superlative describes
        wholes = [o for p in t.children(num.head, "prep") if t.lower(p) in self.v.of_preps for o in t.children(p, "pobj")]
        if any(t[a].tag == "JJS" or any(t[m].tag == "RBS" for m in t.children(a, "advmod"))
               for w in wholes for a in t.children(w, "amod")):
            return True
        # "he was one of three people arrested": the subject is the one, told of, not counted
        if wholes and t[num.head].dep == "attr" and t.head(num.head) is not None and t.lemma(t.head(num.head)) in COPULAS:
            return True
        # "one of the deceased poisoned the others": one of them who does something to someone is one
        # told of (a deed of a kind's own counts: "one of the wounded died")
        doing = t.head(num.head)
        if wholes and t[num.head].dep == "nsubj" and doing is not None and t[doing].pos == "VERB" \
                and not t.passive(doing) and list(t.children(doing, "dobj")) and not self.deed(doing):
            return True
        # "one of his arrests was in Atlanta", "one arrest was that of a teenager": a copula tells
        # of one instance of the event a kind counts, it does not count them ("there was one death" does)
        phrase = t.head(num.head) if t[num.head].dep == "nummod" else num.head
        verb = t.head(phrase) if phrase is not None and t[phrase].dep == "nsubj" else None
        event_nouns = {n for k in self.v.kinds for n in k.of_nouns}
        return verb is not None and t.lemma(verb) == "be" and not list(t.children(verb, "expl")) \
            and any(t.lemma(e) in event_nouns for e in (wholes or [phrase]))

    def perpetrators(self, noun: int) -> bool:
        """Fighters a relative clause says did the deed ("the seven militants who killed 20 people")
        are who did it, no force: a count of attackers is no figure."""
        t, v = self.t, self.v
        # (not "attacked the town" or "arrested the suspects", which a force does: "5,000 fighters
        # who attacked the town remain in the area")
        if any(t.lemma(c) in v.attacker_verbs and any(t[s].tag in ("WP", "WDT") for s in t.children(c, "nsubj"))
               for c in t.children(noun, "relcl")):
            return True
        # nor are fighters a clause says took part in the deed, however it is told: "five fighters it
        # said were involved in the killings", "the gunmen who carried out the attack", "one of the
        # three police officers involved in the fatal shooting"
        clauses = [c for c in t.children(noun, "relcl", "acl")]
        clauses += [x for c in clauses if t.lemma(c) in v.parenthetical_verbs for x in t.children(c, "ccomp")]
        objects = [(c, o) for c in clauses for o in (*t.children(c, "dobj"),
                                                     *(o for p in t.children(c, "prep") for o in t.children(p, "pobj")))]
        return any(t.lemma(c) in v.deed_verbs and t.lemma(o) in v.attacker_deeds for c, o in objects)

    def counted_together(self, gov: int | None, kind: Kind) -> bool:
        """"Killing and wounding more than 80 people": one number that a verb of another kind shares,
        joined before its own verb with no object of its own, counts the dead and the wounded
        together, neither alone."""
        t = self.t
        if gov is None or t[gov].dep != "conj" or t.head(gov) is None:
            return False
        partner = t.head(gov)
        return partner < gov and t[partner].pos == "VERB" and not t.children(partner, "dobj", "nsubj", "nsubjpass") \
            and t.lemma(partner) not in kind.verbs \
            and any(t.lemma(partner) in k.verbs for k in self.v.kinds if k.event and k.name != kind.name)

    def capacity(self, noun: int) -> bool:
        """"Enough plutonium for 10 nuclear bombs", "enough plutonium to build six bombs", "enough
        food for 10,000 soldiers": what a quantity would suffice for is no count of it."""
        t, v = self.t, self.v
        h = t.head(noun)
        if h is None:
            return False
        if t[noun].dep == "pobj" and t.lower(h) in v.capacity_preps:
            h = t.head(h)  # the verb or noun "for" hangs on
        elif t[noun].dep == "dobj" and t[h].tag == "VB" and any(t[c].tag == "TO" for c in t.children(h, "aux")):
            h = t.head(h)  # what the infinitive is for: "plutonium to build"
        else:
            return False
        near = [h, *t.children(h, "dobj", "amod", "advmod")] if h is not None else []
        near += [a for n in list(near) for a in t.children(n, "amod", "advmod")]
        return any(t.lower(n) in v.capacity_words for n in near)

    def revised(self, num: Number, ranged: bool = False) -> bool:
        """Does the sentence revise a toll ("rose to 67 from 60", "the earlier toll of 60")? A range is
        revised only by a change of its own ("rose from $1.3bn to $1.5bn"), not by a word
        elsewhere ("initial estimates put the damage at $1.3 to $1.5bn" is a range, and so is "burying
        3,500 to 4,000 bodies a day, hoping to increase this to 6,000")."""
        t = self.t
        # ("from" revises only a number: "rose to 67 from 60", not "pulled from the wreckage")
        words = [j for j in range(len(t)) if t.lemma(j) in self.v.revision and (t[j].pos != "ADP" or any(
            t[x].pos == "NUM" for o in t.children(j, "pobj") for x in t.subtree(o)))]
        # ("jumped to 25 after seven people were killed": the seven are what changed it, not a value of it)
        clause = next((a for a in t.ancestors(num.head) if t[a].pos in VERBAL), None)
        if clause is not None and t[clause].dep == "advcl" and t.head(clause) in words \
                and any(t.lower(m) in self.v.revision_causes for m in t.children(clause, "mark")):
            return False
        # ("the truck initially killed two people": an adverb of time on the deed itself tells its
        # first victims, not a toll told first; "initially said four were injured" is one)
        if clause is not None and t.lemma(clause) in self.v.deeds:
            words = [j for j in words if not (t[j].dep == "advmod" and t.head(j) == clause)]
        if not words or not (num.ranged or ranged):
            return bool(words)
        above = set(t.ancestors(num.head))
        return any((t[j].pos in VERBAL or t[j].pos == "ADP") and j in above for j in words)

    def difference(self, num: Number) -> bool:
        """"600 fewer firefighters": the number says by how many two counts differ."""
        after = max(num.tokens) + 1
        return after < len(self.t) and self.t.lower(after) in self.v.differences

    def projected(self, num: Number) -> bool:
        """"The toll is expected to rise to 200", "the army will raise its force to 5,000 soldiers": the
        level a change is to reach is a projection, not a count ("may have risen to 200" guesses at
        what happened, and "rose to 200" happened)."""
        t, v = self.t, self.v
        node = t.head(num.head) if t[num.head].dep in ("nummod", "quantmod") and t.head(num.head) is not None \
            else num.head
        prep = t.head(node) if t[node].dep == "pobj" else None
        verb = t.head(prep) if prep is not None and t.lower(prep) in v.projection_preps else None
        while verb is not None and t[verb].dep == "prep":  # "from 38,000 to 50,000": "to" may hang on "from"
            verb = t.head(verb)
        if verb is None and prep is not None:
            # "could rise as high as 500": the verb of rising the phrase of the level hangs from
            up = prep
            for _ in range(3):
                up = t.head(up)
                if up is None or t[up].pos in VERBAL or t[up].dep not in ("advmod", "prep", "acomp"):
                    break
            if up is not None and t[up].pos in VERBAL and t.lemma(up) in v.reach_verbs:
                verb = up
        if verb is None or t[verb].pos not in VERBAL:
            return False
        auxes = [t.lower(c) for c in t.children(verb, "aux")]
        if "have" in {t.lemma(c) for c in t.children(verb, "aux")}:
            return False
        if any(a in v.irrealis and a not in v.infinitive for a in auxes):
            return True
        above = t.head(verb)
        return any(a in v.infinitive for a in auxes) and t[verb].dep == "xcomp" and above is not None \
            and t.lemma(above) in v.plan_verbs

    def sharing_subject(self, noun: int, verb: int | None) -> list[tuple[int, str]]:
        """The verbs joined after `verb` that have no subject of their own, when `noun` is its subject,
        with the role the subject has in each (a participle with no auxiliary of its own is as passive
        as the verb: "were surrounded and killed")."""
        t = self.t
        if verb is None or t.head(noun) != verb or t[noun].dep not in ("nsubj", "nsubjpass"):
            return []
        return [(c, "patient" if t.passive(c) or t.passive(verb) and t[c].tag == "VBN"
                 and not list(t.children(c, "aux", "auxpass")) else "agent")
                for c in t.children(verb, "conj") if t[c].pos == "VERB"
                and not list(t.children(c, "nsubj", "nsubjpass", "expl"))]

    def sharing(self, verb: int | None) -> int | None:
        """The verb joined before `verb` that has no object of its own, and so acts on its object:
        "detained" in "detained or questioned 30 people"."""
        t = self.t
        first = t.head(verb) if verb is not None and t[verb].dep == "conj" else None
        if first is None or t[first].pos != "VERB" or t.passive(verb) \
                or list(t.children(first, "dobj", "nsubjpass")):
            return None
        return first

    def stated(self, gov: int | None, rel: str) -> set[str]:
        """Complements the governing verb gives its subject or object: "remain missing", "left homeless"."""
        t = self.t
        if gov is None or rel not in ("agent", "patient"):
            return set()
        # "15 others were missing", parsed as a progressive: the adjective is the verb itself (of its
        # subject: "the side are missing 14 players" lacks them, a verb with its object)
        itself = {t.lower(gov)} if rel == "agent" and any(t.lemma(a) == "be" for a in t.children(gov, "aux")) else set()
        # "are homeless and aid agencies estimate ...": an adjective right after "be", which the
        # parser hung on a noun after it, is still what the subject is
        after = gov + 1
        if t.lemma(gov) == "be" and after < len(t) and t[after].pos == "ADJ" and t[after].dep == "amod" \
                and (t.head(after) or 0) > after:
            itself |= {t.lower(after)}
        # (not a clause with a subject of its own: "one resident said the camp was burning" tells of the camp)
        complements = [c for c in t.children(gov, "acomp", "oprd", "xcomp", "ccomp")
                       if t[c].dep != "ccomp" or not list(t.children(c, "nsubj", "nsubjpass", "expl"))]
        return {t.lemma(c) for c in complements if t[c].pos in ("ADJ", "VERB")} \
            | {t.lower(c) for c in complements} | itself \
            | self.be_complements(gov, rel) | self.counted_as(gov) \
            | {t.lower(a) for x in t.children(gov, "xcomp") if t.lemma(x) == "be"  # "estimated to be still trapped"
               for a in t.children(x, "acomp", "oprd")}

    def counted_as(self, gov: int) -> set[str]:
        """The state a verb of counting gives after "as": "were listed as seriously injured", "33,495
        others were reported as injured", "nine were listed as missing"."""
        t = self.t
        if t.lemma(gov) not in self.v.counting_verbs:
            return set()
        said = [c for c in t.children(gov, "advcl") if any(t.lower(m) == "as" for m in t.children(c, "mark", "advmod"))]
        said += [c for p in t.children(gov, "prep") if t.lower(p) == "as" for c in t.children(p, "pcomp", "pobj", "acomp")]
        return {w for c in said for w in (t.lemma(c), t.lower(c))}

    def be_complements(self, gov: int | None, rel: str) -> set[str]:
        """What a noun after "be" says its subject is ("5,266 respondents were political prisoners"),
        with what a participle on that noun says befell it ("were persons detained for their views")."""
        t = self.t
        if gov is None or rel != "agent" or t.lemma(gov) != "be":
            return set()
        attrs = [c for c in t.children(gov, "attr") if t[c].pos == "NOUN"]
        befell = {t.lemma(p) for c in attrs for p in t.children(c, "acl") if t[p].tag == "VBN"}
        return {t.lemma(c) for c in attrs} | befell

    def suffered(self, gov: int | None, rel: str) -> set[str]:
        """What the governing verb says its subject or object has: "taken to hospital with injuries"."""
        t = self.t
        if gov is None or rel not in ("agent", "patient"):
            return set()
        return {t.lemma(o) for p in t.children(gov, "prep") if t.lower(p) in ("with", "for")
                for o in t.children(p, "pobj")} | {t.lemma(o) for o in t.children(gov, "dobj")}

    def cancelled(self, noun: int, gov: int | None, event: bool, held: frozenset[str] = frozenset(),
                  guessed: bool = False) -> bool:
        """Denied ("No soldiers were hurt", "were not injured") or unreal ("threatened to kill").
        `held`: the nouns of people the event has already befallen ("detainees"), whom a verb
        of another kind may put in the future ("1,200 detainees will be moved") without making
        the count unreal. `guessed`: the count is an upper estimate ("as many as 40,000"), which
        "could have died" guesses at as "may have died" does."""
        t, v = self.t, self.v
        if any(t.lemma(c) in v.negators for c in t.children(noun, "det", "neg", "advmod")):
            return True
        if gov is None:
            return False
        if any(t[c].dep == "neg" or t.lemma(c) in v.negators for c in t.children(gov, "neg", "det", "advmod")):
            return True
        if event and self.conditional(gov):
            return True
        if t[gov].dep == "xcomp" and t.head(gov) is not None and t.lemma(t.head(gov)) in v.offer_verbs:
            return True  # "offered to take in 1,000 refugees"
        if self.denied(gov):
            return True
        # "threatened to kill", "could climb to 150,000"; not "reported to have killed", nor
        # "enabled officials to lower the toll" (the infinitive makes unreal only the event itself)
        own = t.lemma(gov) in v.deeds
        if t.lemma(gov) in v.counting_verbs:
            return False  # "the province alone may have 80,000 dead": a hedged count, not a threat
        # "may have died" guesses at what happened: a hedged toll, not an unreal one (not with a
        # condition under it: "could have been killed if the bomb had gone off")
        perfect = any(t.lemma(c) == "have" for c in t.children(gov, "aux"))
        guessed = guessed and not any(self.conditional(c) for c in t.children(gov, "advcl"))
        already = t.lemma(noun) in held and not own and t.lemma(gov) not in v.reach_verbs
        # "what drove him to kill nine people": what a causative makes someone do, he did
        if t[gov].dep == "xcomp" and t.head(gov) is not None and t.lemma(t.head(gov)) in v.causatives:
            return False
        return event and not already and any(t.lower(c) in v.irrealis and (t.lower(c) not in v.infinitive or t[gov].tag == "VB" and own)
                             and not (perfect and (t.lower(c) in v.epistemic
                                                   or guessed and t.lower(c) in v.estimate_modals))
                             for c in t.children(gov, "aux"))

    def denied(self, gov: int) -> bool:
        """Is the clause of `gov` what a verb of denial denies, itself or as a claim it denies:
        "denied that 20 were killed", "denied claims that one had been shot down"?"""
        t, at = self.t, gov
        for _ in range(4):
            if t[at].dep not in ("conj", "ccomp", "acl", "dobj") or t.head(at) is None:
                return False
            at = t.head(at)
            if t.lemma(at) in self.v.denial_verbs:
                return True
        return False

    def besides_named(self, noun: int, gov: int | None) -> bool:
        """"arrested Xu, Qin and Wang and detained at least 29 other party members": a count of
        others than the people its clause names (the object of its verb, or of a verb joined to
        it), a part of the whole that includes them."""
        t = self.t
        if gov is None or not any(t.lemma(c) == "other" for c in t.children(noun, "amod")):
            return False
        verbs = {gov, *self.coordinated(gov)}
        verbs |= {j for v in list(verbs) for j in self.coordinated(v)}
        objects = [o for v in verbs for o in t.children(v, "dobj", "nsubjpass")] \
            + ([t.head(noun)] if t[noun].dep == "conj" and t.head(noun) is not None else [])
        return any(o < noun and t[o].ent_type == "PERSON" for o in objects)

    def coordinated(self, gov: int | None) -> list[int]:
        """The verbs joined to a verb by "and": they share its subject, and a date at the end."""
        t = self.t
        if gov is None or t[gov].pos not in VERBAL:
            return []
        joined = [c for c in t.children(gov, "conj") if t[c].pos in VERBAL]
        head = t.head(gov)
        return joined + ([head] if t[gov].dep == "conj" and head is not None and t[head].pos in VERBAL else [])

    def conditional(self, gov: int) -> bool:
        """The verb heads a clause of a condition: a mark ("if 20 had died") or words that open it,
        however the parser hung them ("in case one of them got hurt")."""
        t = self.t
        # ("in case they need to help evacuate 200": the clause of the verb the infinitives hang on)
        while t[gov].dep == "xcomp" and t.head(gov) is not None:
            gov = t.head(gov)
        if any(t.lower(c) in self.v.conditionals for c in t.children(gov, "mark")):
            return True
        first = min(t.subtree(gov))
        for words in (c.split() for c in self.v.conditionals if " " in c):
            n = len(words)
            # the words just before the clause, or the first words of it
            for start in (first - n, first):
                if start >= 0 and [t.lower(j) for j in range(start, min(start + n, len(t)))] == words:
                    return True
        return False

    # -- how the figure is labelled ----------------------------------------
    def noun_phrase(self, noun: int, skip: set[int]) -> str:
        """The counted noun and the words before it that say which: "American service men"."""
        t, v = self.t, self.v
        described = self.describer(noun) if noun in skip else None
        if described is not None:
            return t[described].text  # "700 injured" counts "injured"
        keep: set[int] = set()
        for c in t.children(noun, "compound", "amod", "nmod"):
            sub = t.subtree(c)
            if c < noun and not any(j in skip or t[j].ent_type == "DATE" or t.lower(j) in v.label_skip for j in sub):
                keep.update(sub)
        first = noun
        # only an unbroken run of words: no stray punctuation from a dateline or list
        while first - 1 in keep and (t[first - 1].pos not in ("PUNCT", "SYM", "X")
                                     or t[first - 1].text == "-" and t.joined(first - 2, first - 1)) \
                or first - 2 in keep and t.text(first - 1, first - 1) == "-" and t.joined(first - 2, first - 1) \
                and t.joined(first - 1, first):  # "fire-fighters": the hyphen of a word the parser split
            first -= 1
        # "members of the police": the body they are members of says who they are
        body = [o for o in self.bodies(noun) if t.head(o) == noun + 1]
        return t.text(first, t.subtree(body[0])[-1] if body else noun)

    # -- putting it together -----------------------------------------------
    def readings(self) -> list[Reading]:
        """Each countable number with a noun (its own or one it stands for) that has a kind."""
        t = self.t
        found = numbers(t, self.v)
        direct = {n.head: self.counted_noun(n) for n in found}
        out: list[Reading] = []
        resolved: dict[int, tuple[int, int, bool]] = {}  # number head -> (noun, role, same)
        counted: dict[int, Kind] = {}  # noun -> the kind a number of this sentence counted it as
        verbs: dict[int, int | None] = {}  # reading (index in out) -> its governing word
        # "from 580,000 to 569,000": the first end of a range takes what the second counts
        heads = {m.head for m in found}
        ranged = {n.head: t.head(n.head) for n in found if t[n.head].dep == "quantmod" and t.head(n.head) in heads}
        # "between 30 and 40 people", "30 or 40 people": the second end counts what the first does
        ranged |= {n.head: t.head(n.head) for n in found if t[n.head].dep == "conj" and direct[n.head] is None
                   and t.head(n.head) in heads and n.tokens[0] - t.head(n.head) <= 2}  # not "18 were killed and 40 taken"
        # "between 3,000 and 4,000 people", both numbers hung on the noun: the words make it a range
        at = {i: n.head for n in found for i in n.tokens}
        ranged |= {n.head: at[p] for n in found if n.head not in ranged and n.head not in ranged.values()
                   and (p := range_partner(t, n.tokens, self.v)) is not None and p < n.tokens[0] and p in at
                   and at[p] not in ranged}  # (not where the parse already made the first end take the second's noun)
        # "burying 150 to 200 bodies": a bare number right before "to" and a number takes what
        # that number counts, however the parser split them
        starts = {n.tokens[0]: n.head for n in found}
        ranged |= {n.head: starts[n.head + 2] for n in found
                   if direct[n.head] is None and n.head not in ranged and n.head + 2 in starts
                   and t.lower(n.head + 1) in self.v.range_links and starts[n.head + 2] not in ranged}
        for num in sorted(found, key=lambda n: n.head in ranged):
            noun, same = direct[num.head], True
            if num.head in ranged and ranged[num.head] not in resolved:
                continue  # the second end of a range counts what the first does: here nothing
            if num.head in ranged:
                noun, role, same = resolved[ranged[num.head]]
                gov, rel, negated = self.governor(role)
                kinded = self.kind(noun, gov, rel)
                if kinded and not negated and not self.projected(num):
                    out.append(self.reading(kinded[0].name, kinded[0].event, num, noun, same, gov, kinded[1],
                                            ranged=True))
                continue
            partitive = noun is not None and noun != num.head and t.head(noun) is not None \
                and t.head(t.head(noun)) == num.head  # "two of the wounded": the number heads the phrase
            if partitive:
                noun = self.antecedent(noun, num.head)
            whole = self.whole_of(num.head) if noun is None else None
            if whole is not None:  # "Of the injured, 57 were in intensive care"
                noun, role, partitive = self.antecedent(whole, num.head), num.head, True
            elif noun is not None:
                role = num.head if partitive else noun
            else:
                if t[num.head].dep not in ELLIPTIC:
                    continue
                role = num.head
                noun, same = self.borrowed_noun(num, found, direct)
                brought = self.brought_count(num.head)
                if brought is not None:  # "brought the number of people killed to 40": the people
                    noun, role, same = brought, brought, True
                if noun is None:
                    # "the blaze that killed 60 and injured 162": the number stands for people
                    noun, same = num.head, True
                    if not self.kind(noun, *self.governor(role)[:2]):
                        continue
            gov, rel, negated = self.governor(role)
            kinded, earlier = self.kind(noun, gov, rel, at=num.head), None
            if kinded is None and partitive and (gov is None or t[gov].pos != "VERB" or t.lemma(gov) in COPULAS):
                # the whole's own kind: "of the 162 people who suffered injuries, 57 were ..."; not
                # when the part does something else ("one of four foreigners beheaded claimed ...")
                kinded = self.kind(noun, *self.governor(noun)[:2])
            # a force among the dead is a part of the toll, not a force level ("nine soldiers were
            # among the dead")
            among = self.among(noun, gov) if (kinded is None or kinded[0].name in self.v.levels) \
                and noun != num.head else None
            if among is not None:
                # "the dead included 20 children", "1,000 foreigners were among the dead": a part
                # of the count the whole's own noun says
                kinded, partitive = (among[0], t.lemma(noun)), True
            elif kinded is not None and kinded[0].name in self.v.levels and noun != num.head \
                    and self.included_in(noun, gov):
                continue  # "the victims included 14 police officers": some of a whole, not a force
            if kinded is None and noun != num.head and self.reached(gov) not in (None, noun):
                # "the toll continues to rise, passing 80,000 people": what the toll counts
                kinded = self.kind(self.reached(gov), None, "")
                if kinded is not None and t[noun].dep == "pobj" and t.lower(t.head(noun)) in self.v.inclusive_preps \
                        and self.v.group(t.lemma(noun)) is not None:
                    # ("the toll rose to 20, including 13 civilians": the toll's kind, its own people)
                    kinded = (kinded[0], t.lemma(noun))
            if kinded is None and not same and noun in counted and gov is not None and rel == "of" \
                    and t.lemma(gov) in self.v.quantity_nouns:
                # "killed 6,076 people, down from an earlier estimate of 7,000": another value of that count
                kinded, earlier = (counted[noun], t.lemma(noun)), noun
            if kinded is None and not same and noun in counted and gov is not None and t.lemma(gov) in COPULAS:
                # "190 people were taken to hospital with injuries, and about 20 were in intensive
                # care": some of the people just counted, of the same kind
                kinded, partitive = (counted[noun], t.lemma(noun)), True
            of_them = [o for p in t.children(num.head, "prep") if t.lower(p) in self.v.of_preps
                       for o in t.children(p, "pobj") if t[o].pos == "PRON"]
            before = [n for n in counted if n < num.head]
            # ("left one man dead and seven people injured, two of them critically": right after the
            # count, past a comma, "two of them" are some of it, wherever the parser hung them)
            # (not "12 of whom were injured", the subject of a verb of its own)
            right_after = bool(of_them and before) and num.tokens[0] >= 1 and t.lower(num.tokens[0] - 1) == "," \
                and num.tokens[0] - 1 - max(before) <= 2 and t[num.head].dep not in ("nsubj", "nsubjpass")
            # (not when another verb says what befell them: "arrested 30, and released 10 of them")
            if (kinded is None or right_after) and of_them and before and (
                    right_after or gov is None or t[gov].pos not in VERBAL or t.lemma(gov) in COPULAS
                    or gov == self.governor(max(before))[0]):
                # "killed 30 people, 12 of them children": a part of the noun counted just before,
                # named by the noun the number is said of (however the parser hung it)
                said_of = t.head(num.head) if t[noun].pos == "PRON" else noun
                if said_of is None or t[said_of].pos not in ("NOUN", "PROPN"):
                    said_of = max(before)  # "173 people were injured, 20 of them severely": some of those
                kinded, noun, partitive = (counted[max(before)], t.lemma(said_of)), said_of, True
                if right_after:  # what befell them is what befell the count they are some of
                    gov = self.governor(max(before))[0]
            totalled = None
            if kinded is None and t.lemma(noun) in self.v.quantity_nouns and not list(t.children(noun, "prep")) \
                    and noun != num.head and out and self.v.kind(out[-1].kind) is not None:
                # "identified another 22 of the bodies, bringing the total to 40": the running total
                # of what the sentence just counted
                totalled = out[-1]
                kinded = (self.v.kind(totalled.kind), totalled.noun)
            if kinded is None:
                continue
            kind, term = kinded
            if not same and noun != num.head and gov is not None and t[gov].pos in VERBAL \
                    and t.lemma(gov) not in COPULAS and gov != self.governor(noun)[0] \
                    and not self.kind(num.head, gov, rel):
                continue  # "Police rescued 40, and recovered 59 bodies": 40 are not bodies
            borrowed = next((j for j in range(noun) if t[noun].pos == "NUM" and kind.objects
                             and t.lemma(j) == term and t[j].pos == "NOUN"), None)
            if borrowed is None and (noun == num.head and not same or noun == num.head and t[noun].pos == "NUM"):
                term = "people"  # a bare number counts people: "killed 60 and injured 162"
            guessed = num.hedge is not None and num.hedge.bound == "upper"
            if negated or self.cancelled(noun if same else role, gov, kind.event, kind.nouns | kind.states, guessed) \
                    or num.value < kind.min_value \
                    or num.value < kind.scene_below and self.in_scene(noun, gov, rel) \
                    or self.singled_out(num) or self.projected(num) or self.capacity(noun) or self.difference(num) \
                    or kind.name in self.v.levels and self.perpetrators(noun) \
                    or self.counted_together(gov, kind) \
                    or (partitive and num.value == 1 and not kind.event):
                # ("one of the bombs contained 400 kilograms": a kind counted by its noun alone is
                # counted by the set's size; one of them is one told of, not a count)
                continue
            # "six others died later" after "59 bodies were found": a part of the toll counted
            # before; "killing 60 people and injuring 157 others": other people, of another kind
            others = t.lemma(noun) == "other" and any(r.kind == kind.name for r in out) or self.besides_named(noun, gov)
            # "67 of them", "194 of its people": all of them
            # (but "173 injured, 20 of them severely": some of a larger count of the kind just given)
            larger = any(r.kind == kind.name and r.value > num.value for r in out)
            some_of_them = t[noun].pos == "PRON" and larger
            # "had reached 75, with 10 in serious condition"
            with_some = larger and t[num.head].dep == "pobj" and t.lower(t.head(num.head)) in self.v.absolute_preps
            # "all but five of those arrested": what is left of them, some of them
            remainder = " ".join(t.lower(j) for j in range(max(0, num.tokens[0] - 2), num.tokens[0])) in self.v.remainders
            # ("five of those arrested": some of the ones a participle says befell it, a part; so are
            # "five of those in custody", in a place where a kind's counted are held)
            of_those = t[noun].pos == "PRON" and (
                any(t[c].tag == "VBN" for c in t.children(noun, "acl", "relcl"))
                or any(t.lemma(o) in self.v.held_places for p in t.children(noun, "prep") for o in t.children(p, "pobj")))
            of_whole = partitive and not some_of_them and not remainder and not of_those \
                and (t[noun].pos == "PRON" or any(t[c].pos == "PRON" for c in t.children(noun, "poss"))
                     and t.lemma(noun) not in self.v.toll_wholes)
            # "16 fighters, including five medics": a part of the count it is included in
            holder = t.head(t.head(noun)) if t.head(noun) is not None else None
            # (or the verb whose phrase names the event the parser hung it on: "nine people were killed in
            # the shooting, including three attackers")
            if holder is not None and (verb := self.event_phrase_verb(holder)) is not None:
                holder = verb
            # "40 people were killed, among them 12 women": the appositive says which of them
            # (not a count set beside a name: "AUSTIN, Texas At least 12 people, including five soldiers, have
            # died", a dateline the parser took the count for an appositive of)
            among_them = t[noun].dep == "appos" and any(t.lower(p) in self.v.inclusive_preps for p in t.children(noun, "prep")) \
                and t[t.head(noun)].pos != "PROPN"
            # (after a copula the noun is the whole: "five foreigners were among the 20 people killed")
            included = among_them or (t.lower(t.head(noun)) in self.v.inclusive_preps and (
                # ("six were injured, including three officers": a bare number holds the part too)
                holder in direct.values() or holder in direct or holder is not None and t[holder].pos in VERBAL
                and t.lemma(holder) not in COPULAS
                and any(t.head(k if n is None else n) == holder
                        # (or the number the verb reaches: "the toll rose to 20, including 13 civilians")
                        or n is None and t.head(k) is not None and t.head(t.head(k)) == holder
                        for k, n in direct.items()))
                if t[noun].dep == "pobj" else False)
            resolved[num.head] = (noun, role, same)
            counted.setdefault(noun, kind)
            read = self.reading(kind.name, kind.event, num, noun, same, gov, term,
                                subset=(partitive and not of_whole) or others or included or with_some or remainder,
                                ranged=num.head in ranged.values())
            said_to_be = [a for a in t.children(gov, "attr") if t[a].pos == "NOUN" and a > num.head] \
                if partitive and gov is not None and t.lemma(gov) in COPULAS else []
            # "killing three soldiers and leaving six missing": a bare number in a clause joined to one
            # that counted a group, of another kind, counts that group too (not "killed four policemen
            # and left 10 dead", which may be the whole toll)
            if kind.people and (noun == num.head or t.lower(noun) in self.v.states) \
                    and gov is not None and t[gov].dep == "conj":
                prior = next((r for i, r in enumerate(out) if verbs.get(i) == t.head(gov)
                              and self.v.group(r.noun) is not None and not r.subset and r.kind != kind.name), None)
                if prior is not None:
                    read = replace(read, noun=prior.noun, phrase=prior.phrase)
            if said_to_be:  # "five of the dead were children": who the part is
                read = replace(read, noun=t.lemma(said_to_be[0]), phrase=self.noun_phrase(said_to_be[0], set()))
            elif some_of_them and before:  # "injured 100 passengers, 20 of them seriously": 20 passengers
                read = replace(read, noun=t.lemma(max(before)), phrase=self.noun_phrase(max(before), set()))
            if totalled is not None:
                read = replace(read, noun=totalled.noun, phrase=totalled.phrase, qualifier=totalled.qualifier,
                               subset=totalled.subset, increment=False, places=totalled.places or read.places)
            if borrowed is not None:  # "40 houses were damaged and 12 destroyed": the houses' word
                counts = {j for c in t.children(borrowed, "nummod") for j in t.subtree(c)}
                read = replace(read, phrase=self.noun_phrase(borrowed, counts))
            if term in self.v.tally_nouns:  # "160 times" counts what the kind is named for: attacks
                read = replace(read, noun=kind.name.removesuffix("s"), phrase=kind.name)
            if earlier is not None:  # the count it is an earlier value of says where
                read = replace(read, places=next((r.places for r in out if r.noun == read.noun), read.places))
            out.append(read)
            verbs[len(out) - 1] = gov
        out = self.shared_places(out, verbs)
        extra = self.gapped(found, resolved, out) + self.graded(found, resolved, out, verbs)
        # "in Indonesia, 80,000 died; in Sri Lanka, 30,000": a place the list gave its own number is not the first's
        taken = {p.key for r in extra for p in r.places}
        if taken:
            out = [replace(r, places=tuple(p for p in r.places if p.key not in taken) or r.places) for r in out]
        out = out + extra + self.damages()
        return out or self.listed()

    def shared_places(self, out: list[Reading], verbs: dict[int, int | None]) -> list[Reading]:
        """Verbs joined in one clause share where it happened: "the blast in Nairobi killed 213 people
        and injured 5,400". Not a verb that says where of its own, nor one beside a count put
        elsewhere: "14 died on the island, and nine elsewhere in the country"."""
        t, v, out = self.t, self.v, list(out)
        for i, gov in verbs.items():
            if out[i].places or gov is None or t[gov].pos not in VERBAL:
                continue
            if any(t.lower(p) in v.via_preps and any(t[o].pos in ("NOUN", "PROPN") and t[o].ent_type not in ("DATE", "TIME")
                                                   for o in t.children(p, "pobj")) for p in t.children(gov, "prep")):
                continue
            joined = {j for j, other in verbs.items() if other is not None and j != i
                      and (t.head(other) == gov and t[other].dep == "conj" or t.head(gov) == other and t[gov].dep == "conj")}
            if any(t.lemma(a) in v.elsewhere for g in {gov, *(verbs[j] for j in joined)} for a in t.children(g, "advmod")):
                continue
            places = next((out[j].places for j in sorted(joined) if out[j].places and not out[j].subset), ())
            if places:
                out[i] = replace(out[i], places=places)
        return out

    def listed(self) -> list[Reading]:
        """A list item naming a country and a number, under a line saying what the list counts:
        "other countries report the numbers of dead:" then "Sri Lanka - approximately 28,500"."""
        t, v, lead = self.t, self.v, self.lead_in
        if lead is None:
            return []
        said = {w for tok in lead.tokens for w in (tok.lemma.lower(), tok.text.lower())}
        kind = next((k for k in v.kinds if k.event and said & (k.nouns | k.states)), None)
        # (not the numbers of a numbered list: "2. Sri Lanka: 28,729", "Thailand: 4,993 5.")
        enumerators = set(list_enumerators(t))
        found = []
        for n in bare_numbers(t, v):
            if not set(n.tokens) & enumerators:
                found.append(n)
            elif len(n.tokens) == 2 and n.tokens[-1] in enumerators:
                # (an item's count run together with the next item's number: "4,993 5." read as one phrase)
                first = parse_value([t[n.tokens[0]].text], v)
                if first is not None:
                    found.append(replace(n, head=n.tokens[0], tokens=(n.tokens[0],), value=first))
        if kind is None or len(found) != 1:
            return []
        num = found[0]
        # (a mark the tokenizer runs into a closing bracket: "India (inc Andaman Is): 9,451")
        # (a hyphen glued to the words on both sides joins them, "a single-engine tanker", and parts
        # no item's name from its count)
        marks = [j for j in range(min(num.tokens)) if t[j].text.lstrip(")]") in v.list_marks
                 and not (t[j].text != ":" and t.joined(j - 1, j) and t.joined(j, j + 1))]
        start = 2 if 0 in enumerators else 0  # after "2."
        name = t.text(start, marks[0] - 1).strip(" *•-") if marks and marks[0] > start else ""
        name = re.sub(r"\s*\(.*$", "", name)  # "India (inc Andaman and Nicobar Is)"
        if not name:
            return []
        reading = self.reading(kind.name, kind.event, num, num.head, True, None, "people")
        if not country_of(name):  # who reports it: "BBC - at least 124,000"
            return [replace(reading, places=())]
        return [replace(reading, places=(Place(self.where.aliases.place(name), surface(name)),))]

    def gapped(self, found: list[Number], resolved: dict, out: list[Reading]) -> list[Reading]:
        """A list that leaves out the verb: "Sri Lanka reported 30,000 deaths, India 10,000 and
        Thailand 5,000"; "in Indonesia, 80,000 people died; in Sri Lanka, 30,000". A number hung on a
        country's name counts what the count before it in the sentence counts, in that country."""
        t, extra = self.t, []
        for num in found:
            head = t.head(num.head)
            if num.head in resolved or head is None:
                continue
            before = [r for r in out if r.value != num.value and not r.subset]  # this sentence's counts
            if t[num.head].dep == "pobj" and t.lower(head) in self.v.gapped_preps and head > 0:
                # "Sakarya ranked second with 3,046 deaths, followed by Yalova with 2,400, Istanbul with
                # 984": a place's name right before "with" and a bare number, whatever the parse hangs it on
                # (a name the entity recogniser missed is still a name: "Abuja with 95")
                m = t.mention(head - 1)
                name = m.text if m is not None and m.label in self.v.place_labels else \
                    t[head - 1].text if m is None and t[head - 1].tag == "NNP" else None
                if name and before:
                    place = Place(self.where.aliases.place(name), surface(name))
                    extra.append(replace(before[0], value=num.value, hedge=num.hedge, places=(place,)))
                continue
            if t[num.head].dep not in ("nummod", "appos"):
                continue
            m = t.mention(head)
            # a country's name, not its people ("213 people, 12 of them Americans")
            if m is None or m.label == "NORP" or not country_of(m.text) or not before or head < min(num.tokens) - 3:
                continue
            place = Place(self.where.aliases.place(m.text), surface(m.text))
            extra.append(replace(before[0], value=num.value, hedge=num.hedge, places=(place,)))
        return extra

    def graded(self, found: list[Number], resolved: dict, out: list[Reading],
               verbs: dict[int, int | None]) -> list[Reading]:
        """A number with only a degree after it is some of the count before it: "19 men were
        wounded, eight seriously", "injured 40 people, six critically"."""
        t, extra = self.t, []
        for num in found:
            head = t.head(num.head)
            if num.head in resolved or head is None \
                    or not any(t.lower(a) in self.v.degree_adverbs for a in t.children(num.head, "advmod")):
                continue
            # the count whose verb or noun the number hangs on
            whole = next((r for i, r in enumerate(out) if r.value > num.value and not r.subset
                          and (head == verbs.get(i) or t.lemma(head) == r.noun)), None)
            if whole is not None:
                extra.append(replace(whole, value=num.value, hedge=num.hedge, subset=True,
                                     detail=" ".join(t.lower(a) for a in t.children(num.head, "advmod"))))
        return extra

    def reading(self, kind: str, event: bool, num: Number, noun: int, same: bool, gov: int | None, term: str,
                subset: bool = False, ranged: bool = False) -> Reading:
        t = self.t
        of_kind = self.v.kind(kind)  # None for damage, which the vocabulary's kinds do not list
        skip = set(num.tokens) | set(num.hedge_tokens)
        if not same:  # another count's noun: not the state or town of its dwellers ("420,000 Texas
            skip |= set(self.where.dweller_modifiers(noun))  # residents ... an additional 200,000")
        # a hedge says how sure the number is, not which people it counts ("approximately 28,500")
        qualifier = tuple(q for q in self.qualifier(noun, gov) if q not in {t.lemma(i) for i in num.hedge_tokens})
        # bodies recovered so far are a part of the toll, however many; "recovered" and "found"
        # count one part ("bodies that were found": the verb may be a clause on the noun)
        recovery = self.v.recovery or {}
        # ("the bodies of the last two victims were found": the remains the count is of)
        of_remains = gov is not None and t.lemma(gov) in self.v.remains and t[noun].dep == "pobj" \
            and t.head(noun) is not None and t.head(t.head(noun)) == gov
        found_so_far = sorted({recovery[w] for w in (*qualifier, *(t.lemma(c) for c in t.children(noun, "relcl", "acl")),
                                                     *((t.lemma(t.head(gov)),) if of_remains and t.head(gov) is not None else ()))
                               if w in recovery}) if t.lemma(noun) in self.v.remains or of_remains else []
        qualifier = tuple(sorted({*qualifier, *found_so_far}))
        # "500 victims have been treated in Florida": those cared for somewhere, a part of the toll
        cared_elsewhere = gov is not None and any(t.lemma(gov) in k.care_verbs for k in self.v.kinds) \
            and bool(self.where.places_from(gov)) or gov is not None and t.lemma(gov) in self.v.leaving_verbs
        here = self.here()
        told = self.event_told(gov)
        what_did_it = told[0] or (self.sentence_event() if term in self.v.generic else None) \
            or (self.event_of(noun) if same and of_kind is not None and t.lemma(noun) in of_kind.nouns else None)
        return Reading(
            kind=kind,
            value=num.value,
            hedge=num.hedge,
            noun=term,
            phrase=self.noun_phrase(noun, skip),
            places=(placed := tuple(self.places(num, noun if same else None, gov, event))),
            event_places=() if placed or not event else self.event_places(gov),
            nations=self.where.nations(noun) or (self.owner(gov) if kind == "troops" else ()),
            # ("Mitch killed 10,000 and caused $10bn of damage in 1998": a date on a verb joined to it)
            # (or on the event noun the verb names: "during the clashes in April 2016, 110 were killed")
            when=self.where.when([num.head, noun if same else None, gov]) or self.era_of(gov)
            or self.where.when([told[1]])
            or self.where.when(self.coordinated(gov)),
            citation=Citation(self.s.source, self.s.start, self.s.end),
            # those still in hospital or in a grave condition are some of the injured
            subset=subset or bool(found_so_far) or cared_elsewhere
            or bool(of_kind and self.kept_in(gov) & of_kind.part_states),
            qualifier=qualifier,
            revised=self.revised(num, ranged),  # (an end of a range: revised only by a change of its own)
            ranged=ranged,
            index=self.s.index,
            # a toll that says nothing of who was counted is told apart by the event the sentence names
            # (and a count of events is of its own noun's class: "three bombings" are explosions)
            event=what_did_it,
            nearby=self.nearby(),
            here=here,
            regions=self.regions(here),
            recent_event=self.recent_event(),
            event_name=self.name_of_event(told[1], num.tokens[0]),
            past=self.where.named_era([num.head, noun if same else None, gov]),
            # ("The Olympic bombing killed one" names its event, which may be today's story)
            year_before=self.year_before(gov) if what_did_it is None else None,
            on_day=self.on_day(kind, gov),
            told_on=self.told_on(gov),
            told_by=self.told_by(num.head if gov is None else gov),
            rate=self.rate(num.head, noun, gov),
            detail=self.detail(num, gov),
            # ("more than 100" is a hedge, not an addition)
            increment=any(t.lower(j) in self.v.increments for j in (num.tokens[0] - 1, *t.children(num.head), *t.children(noun))
                          if 0 <= j < len(t) and j not in num.hedge_tokens),
            another_event=self.another_event(kind, gov, noun if same else None, counted=(num.head, noun)),
            of_several=self.of_several(told[1]),
            judged=any(t.lemma(a) in self.v.trial_words for a in t.ancestors(num.head)),
            superseded=any(t[a].pos == "ADP" and t.lemma(a) in self.v.revision for a in t.ancestors(num.head)[:3]),
            first_told=any(t.lower(c) in self.v.first_told for a in t.ancestors(num.head)[:4] if t[a].pos in VERBAL
                           for c in t.children(a, "advmod")),
            given=any(t.lower(d) in self.v.definite for d in (*t.children(num.head, "det"), *t.children(noun, "det"))
                      if d < num.tokens[0]) if same else False,
            joined=tuple(" ".join([*(t.lemma(c) for c in t.children(j, "compound")), t.lemma(j)])
                         for j in t.children(noun, "conj")
                         if t[j].pos == "NOUN" and not list(t.children(j, "nummod"))) if same else (),
        )

    def of_several(self, event: int | None) -> str:
        """"counted" when the event noun is counted by more than one ("in four suicide attacks"),
        "plural" when it is plural with no count ("the bombings"), else ""."""
        t = self.t
        if event is None:
            return ""
        # (a whole number, not a year or a measure: "a massive 1999 tremor", "the 7.8 magnitude quake")
        if any(t.lower(c) not in self.v.singular_counts and t[c].ent_type != "DATE"
               and (t.lower(c).isdigit() or self.v.number_word(t.lower(c))) for c in t.children(event, "nummod")):
            return "counted"
        return "plural" if t[event].tag in ("NNS", "NNPS") else ""

    def rate(self, number: int, noun: int | None, gov: int | None) -> str | None:
        """The unit of time a count is per, on the number, its noun or its verb: "a day", "every week"."""
        t, v = self.t, self.v

        def measured(unit: int) -> bool:  # "a day after the stabbings" is a span, no rate
            return unit + 1 < len(t) and t.lower(unit + 1) in v.measured_from
        for n in (number, noun, gov):
            if n is None:
                continue
            for c in t.children(n, "npadvmod"):
                if t.lemma(c) in v.rate_units and any(t.lower(d) in v.rate_words for d in t.children(c, "det")) \
                        and not measured(c):
                    return " ".join(t.lower(x) for x in (*t.children(c, "det"), c))
            for p in t.children(n, "prep"):
                if t.lower(p) in v.rate_words:
                    for o in t.children(p, "pobj"):
                        if t.lemma(o) in v.rate_units:
                            return f"{t.lower(p)} {t.lower(o)}"
        # (the parser may hang "a day" elsewhere: "burying 4,000 bodies a day - hoping to")
        if noun is not None and noun + 2 < len(t) and t.lower(noun + 1) in v.rate_words \
                and t.lemma(noun + 2) in v.rate_units and not measured(noun + 2):
            return f"{t.lower(noun + 1)} {t.lower(noun + 2)}"
        return None

    def damages(self) -> list[Reading]:
        """Sums of money a damage word governs or carries: "$45 million in damage", "losses of $2 billion"."""
        t, v = self.t, self.v
        out = []
        events = v.events or {}
        opening: Reading | None = None  # the first end of a range of sums, while its second is to come

        def eventful(n: int) -> bool:  # an event, a damage, or a disaster that says not which
            return t.lemma(n) in events or t.lemma(n) in v.damage_nouns or t.lemma(n) in v.unclassed_events
        for num in amounts(t, v):
            if num.ranged and opening is not None:  # the second end is a sum of what the first is
                out.append(replace(opening, value=num.value, hedge=num.hedge or opening.hedge))
                opening = None
                continue
            opening = None
            near = {num.head, *t.children(num.head), *t.ancestors(num.head)[:3]}
            near |= {o for n in list(near) for p in t.children(n, "prep") for o in t.children(p, "pobj")}
            # "the economic loss ... reached 7.7 billion dollars"
            near |= {s for a in t.ancestors(num.head)[:3] if t.lemma(a) in v.reach_verbs
                     for s in [*t.children(a, "nsubj"), *([t.head(a)] if t[a].dep == "relcl" else [])]}
            # "damage was estimated at $45 million", "losses are put at $2 billion", "put the damage at"
            near |= {s for a in t.ancestors(num.head)[:3] if t.lemma(a) in v.valuing_verbs
                     for s in t.children(a, "nsubjpass", "dobj")}
            near = {n for n in near if t.lower(n) not in v.compensation}  # "£5,000 damages": what a court awards
            words = {t.lemma(n) for n in near} | {t.lower(n) for n in near}
            # ("the storm cost insurers $3 billion", "the damage cost £70m"; "the disaster cost")
            by_event = any(t.lemma(n) in v.damage_event_verbs and any(map(eventful, t.children(n, "nsubj")))
                           for n in t.ancestors(num.head)[:2])
            # ... or the cost of one, as a noun: "the $27bn cost of the hurricanes" (not "of the trip")
            by_event = by_event or any(
                t.lemma(n) in v.damage_event_verbs and t[n].pos == "NOUN"
                and any(eventful(o) for p in t.children(n, "prep") if t.lower(p) in v.of_preps
                        for o in t.children(p, "pobj"))
                for n in near)
            if not words & v.damage_nouns and not by_event \
                    and not any(t.lemma(n) in v.damage_verbs and t[n].pos in VERBAL for n in t.ancestors(num.head)[:2]):
                continue
            noun = next((n for n in near if t.lemma(n) in v.damage_nouns), num.head)
            gov, _, negated = self.governor(num.head)
            # "insured losses could exceed C$9 billion": what a loss could reach is an estimate of it,
            # not a loss imagined ("the storm could cost $5 billion" stays unreal)
            estimate = gov is not None and t.lemma(gov) in v.reach_verbs and noun != num.head \
                and any(t.lower(c) in v.estimate_modals for c in t.children(gov, "aux"))
            # (what it could reach on a condition is imagined: "could reach $3 billion if the levees fail")
            if estimate and any(self.conditional(c) for c in t.children(gov, "advcl")):
                estimate = False
            if negated or self.cancelled(num.head, gov, not estimate):
                continue
            term = t.lemma(noun) if noun != num.head else "damage"
            reading = replace(self.reading("damage", True, num, noun, True, gov, term), phrase=term, unit=num.unit,
                              ranged=num.ranged)
            # "caused damage of about $10bn in 1998": the date on the verb the damage is the object of
            above = t.head(noun) if noun != num.head else None
            if reading.when is None and above is not None and t[above].pos in VERBAL:
                reading = replace(reading, when=self.where.when([above]))
            out.append(reading)
            opening = reading if num.ranged else None
        return out

    def places(self, num: Number, noun: int | None, gov: int | None, event: bool) -> list[Place]:
        """The nearest place: on the number, its noun, the governing word, or where the event happened."""
        t, where = self.t, self.where
        places = where.places_from(num.head) or (where.places_from(noun) if noun is not None else [])
        if not places and noun is not None:
            places = where.dwellers_of(noun)
        if places or gov is None:
            return places
        # "500 victims were treated in Florida", "flown to hospitals in Miami": where they were taken
        # is not where it happened
        taken = t.lemma(gov) in self.v.moving_verbs or any(t.lemma(gov) in k.care_verbs for k in self.v.kinds)
        places = [] if taken else where.places_from(gov)
        if not places and not taken:
            # a clause with its own count that leaves out the verb's tense, joined after it, ends both
            # with their place: "120 people were killed and 200 wounded in two bombings in Baghdad" (not
            # "linked to two deaths and destroyed homes in Phoenix": one subject, two deeds)
            places = next((p for c in t.children(gov, "conj") if c > gov and t[c].pos in VERBAL
                           and not t.children(c, "aux", "auxpass") and t.children(c, "nsubj", "nsubjpass")
                           and (p := where.places_from(c))), [])
        # "200,000 were told to evacuate Calcasieu Parish in Louisiana": the place they are made to leave
        for c in (gov, *t.children(gov, "xcomp")):
            if not places and any(t.lemma(c) in k.made_to for k in self.v.kinds):
                places = [p for o in t.children(c, "dobj") for p in where.places_at(o) or where.places_from(o)] \
                    or where.places_from(c)
        # the relative clause the verb is in: "India, where 2,000 people are thought to have died"
        chain = [gov]
        while t[chain[-1]].dep == "xcomp" and t.head(chain[-1]) is not None:
            chain.append(t.head(chain[-1]))
        clause = chain[-1]
        if not places and t[clause].dep == "relcl" and t.head(clause) is not None:
            # "a base in X that killed three soldiers"; "El Salvador, where 140 people died"
            head = t.head(clause)
            places = where.places_from(head) or where.named_place(head)
            if not places and any(t.lower(c) == "where" for n in chain for c in t.children(n, "advmod")):
                # "the town of Jonesville, where 40 people died": the place the clause hangs on, or
                # the name that only modifies it ("El Salvador _ where")
                places = where.places_at(head) or \
                    [p for c in t.children(head, "compound") for p in where.named_place(c)][-1:]
                # (or the place that wider one locates, on which the parser did not hang it: "Greenbrier
                # County in southeast West Virginia, where 15 deaths have been reported")
                prep = t.head(head) if t[head].dep == "pobj" else None
                located = where.places_at(t.head(prep)) if prep is not None and t.lower(prep) in self.v.place_preps \
                    and t.head(prep) is not None else []
                places = located if places and located else places
        if not places and event:  # "an attack on a base in X killed three soldiers"
            for subj in t.children(gov, "nsubj"):
                places = places or where.places_from(subj)
        stated = [p for n in (num.head, noun) if n is not None for p in t.children(n, "prep")
                  if t.lower(p) in self.v.place_preps]
        if not places and event and not stated:  # "the toll in the region": stated, if unnamed
            # up the clauses: "In Nicaragua, officials said 2,000 people died"; "Honduras reported 231 dead"
            for above in [gov, *t.ancestors(gov)][:4]:
                places = where.places_from(above, depth=0) if above != gov else []
                # the subject's country, when it tells the count ("Honduras reported 231 dead"), not
                # when it acts ("the United States retaliated, firing missiles ..., killing 26")
                if above == gov or t.lemma(above) in self.v.counting_verbs:
                    places = places or [p for s in t.children(above, "nsubj") for p in where.named_place(s)]
                if places:
                    break
        # the place the event struck, as the object of the verb the count's clause hangs on: "a tornado
        # hit Mississippi on Tuesday, killing three people" (not a verb of its own deed's object: "killed
        # three in Texas" is placed above)
        if not places and event and not stated:
            strikers = [gov, *((t.head(gov),) if t[gov].dep in ("advcl", "conj") and t.head(gov) is not None else ()),
                        # ("tornadoes that pummeled Louisiana claimed three lives": the subject's clause)
                        *(r for sub in t.children(gov, "nsubj") for r in t.children(sub, "relcl"))]
            places = next((p for n in strikers if t.lemma(n) in self.v.struck_verbs
                           for o in t.children(n, "dobj") if (p := where.places_at(o))), [])
        # a bare count after a sentence that told what happened where, in the same paragraph: "a
        # suicide bomber attacked a bus station in Tartus. An official said more than 20 were killed"
        # (the subject of its own verb: not "the killings of the four men", who may have died elsewhere)
        counted = noun if noun is not None else num.head
        if not places and event and not stated and not self.here() and self.event_told(gov)[0] is None \
                and t[counted].dep in ("nsubj", "nsubjpass") and t.head(counted) == gov \
                and (recent := self.recent_event()) and recent[1] == self.s.index - 1:
            places = where.place_just_before()
        return places

    def event_places(self, gov: int | None) -> tuple[str, ...]:
        """Where what befell them happened, by the clause that tells it: "12 died after a bridge
        collapsed in Shanxi", "killed when an airstrike hit a hospital in X". Weaker than a place the
        count is stated in: it tells the count from another place's, never makes it a part of one."""
        t, where = self.t, self.where
        if gov is None:
            return ()
        found = []
        # (a clause joined by "and" shares it: "12 have died and 31 are missing after a bridge collapsed")
        for c in (c for n in (gov, *self.coordinated(gov)) for c in t.children(n, "advcl")):
            if any(t.lower(m) in self.v.event_clause_marks for m in t.children(c, "mark", "advmod")):
                found = found or where.places_from(c) or [p for s in t.children(c, "nsubj") for p in where.places_from(s)]
        return tuple(sorted({p.key for p in found}))

    def brought_count(self, number: int) -> int | None:
        """The noun a count counts when a verb brings that count to the number: "brought the number
        of people killed to 40", "put the number of people injured at 120" (however the parser
        hung "to 40": on the verb or on the participle)."""
        t, v = self.t, self.v
        prep = t.head(number)
        if t[number].dep != "pobj" or prep is None or t.lower(prep) not in v.change_preps:
            return None
        verb = next((a for a in t.ancestors(prep) if t.lemma(a) in v.change_verbs and t[a].pos in VERBAL), None)
        count = next((o for o in t.children(verb, "dobj") if t.lemma(o) in v.quantity_nouns), None) \
            if verb is not None else None
        if count is None or not (prep in t.subtree(count) or t.head(prep) == verb):
            return None
        return next((o for p in t.children(count, "prep") if t.lower(p) in v.of_preps
                     for o in t.children(p, "pobj")), None)

    def reached(self, gov: int | None) -> int | None:
        """The count a verb of reaching says a number is the size of: "estimates of the death toll
        rise as high as 200,000", "the toll continues to rise, passing 80,000 people"."""
        t, v = self.t, self.v
        # from "as high as" or "to" up to the verb
        while gov is not None and t[gov].pos not in VERBAL and t[gov].dep in ("prep", "advmod") \
                and t.head(gov) is not None:
            gov = t.head(gov)
        if gov is None or t.lemma(gov) not in v.reach_verbs:
            return None
        verb = gov
        for _ in range(len(t)):  # a participle or infinitive takes the subject of its clause
            if list(t.children(verb, "nsubj")) or t[verb].dep not in ("xcomp", "advcl", "conj") or t.head(verb) is None:
                break
            verb = t.head(verb)
        # the parser sometimes hangs "the death toll rise" on the verb as a compound
        for subj in [*t.children(verb, "nsubj"), *t.children(gov, "compound")]:
            of = [o for p in t.children(subj, "prep") if t.lower(p) in v.of_preps for o in t.children(p, "pobj")]
            for noun in (subj, *of):  # "estimates of the toll"
                if self.counts_a_kind(noun):
                    return noun
        return None

    def counts_a_kind(self, noun: int) -> bool:
        """A toll or a kind's own noun: "the death toll", "deaths", "the number of dead"."""
        terms = self.noun_terms(noun)
        return any(terms & (k.nouns | k.states) for k in self.v.kinds) \
            or self.t.lemma(noun) in self.v.quantity_nouns and bool(self.t.children(noun, "compound"))

    def borrowed_noun(self, num: Number, found: list[Number], direct: dict[int, int | None]) -> tuple[int | None, bool]:
        """The noun a number without one stands for, and whether it is the same referent.

        "the number of US troops ... fell from 40,000": the subject's noun,
        same referent. "1,200 troops in Mali and another 300 in Niger": the
        parallel number's noun, a different referent (its place is not shared).
        """
        t, v = self.t, self.v
        # "a toll of 40", "a death toll of 52": what the count noun counts
        of = t.head(num.head) if t[num.head].dep == "pobj" else None
        if of is not None and t.lower(of) in v.of_preps and t.head(of) is not None \
                and t.lemma(t.head(of)) in v.quantity_nouns and self.counts_a_kind(t.head(of)):
            return t.head(of), True
        gov, rel, _ = self.governor(num.head)
        reached = self.reached(gov)
        if reached is not None:
            return reached, True
        for _ in range(len(t)):  # "from 7,000 to about 6,100": "to" hangs from "from"
            # ("revised the toll down to 38": "to" may hang from the particle)
            if gov is None or t[gov].dep not in ("prep", "prt") or t.head(gov) is None:
                break
            gov = t.head(gov)
        if gov is not None:
            # "the death toll is estimated to be 110,000": an infinitive's subject is its clause's
            while t[gov].dep == "xcomp" and t.head(gov) is not None \
                    and not list(t.children(gov, "nsubj", "nsubjpass", "dobj")):
                gov = t.head(gov)
            # the subject, or the object of a verb that moves it: "brought the death toll to 357"
            for subj in t.children(gov, "nsubj", "nsubjpass", "dobj"):
                if t[subj].dep == "nsubj" and t.lemma(gov) in v.reach_verbs \
                        and any(t.lemma(subj) in k.nouns for k in v.kinds):
                    return subj, True  # "deaths now exceed 120,000"
                if t.lemma(subj) in v.quantity_nouns:
                    of = [o for p in t.children(subj, "prep") if t.lower(p) in v.of_preps
                          for o in t.children(p, "pobj", "pcomp")]
                    return (of[0] if of else subj), True
            # "total casualties were between 50 and 100": what the copula's subject names, even a
            # noun of no kind, never another count's noun
            subjects = list(t.children(gov, "nsubj"))
            if t[num.head].dep == "attr" and t.lemma(gov) in COPULAS and subjects and t[subjects[0]].pos == "NOUN":
                return subjects[0], True
        head = t.head(num.head)
        if t[num.head].dep == "conj" and head is not None:
            if head in {noun for n, noun in direct.items() if noun != n}:
                return head, False
            if direct.get(head) not in (None, head):
                return direct[head], False
        # prefer the number of a coordinated verb: "killed 213 people ... and injured 5,400"
        linked = {gov, t.head(gov) if gov is not None else None} - {None}
        linked |= {c for g in list(linked) for c in t.children(g, "conj")}

        def parallel(n: Number) -> tuple:
            g, r, _ = self.governor(direct[n.head])
            # ("killing 91 foxes - only four were killed by hounds": four of what the same verb counted)
            same_verb = g is not None and gov is not None and t.lemma(g) == t.lemma(gov)
            return (not same_verb, g not in linked or g == gov, r != rel, abs(n.head - num.head), n.head > num.head)

        def part(noun: int) -> bool:  # "killed 12 people, including three children, and wounded 40"
            return t[noun].dep == "pobj" and t.lower(t.head(noun)) in v.inclusive_preps

        def circumstance(noun: int) -> bool:  # "killed 20 in two attacks": where, not whom
            g, r, _ = self.governor(noun)
            return g is not None and g == gov and r == "prep" and rel != "prep"

        others = sorted((n for n in found if direct[n.head] not in (None, n.head) and n is not num
                         and not part(direct[n.head]) and not circumstance(direct[n.head])), key=parallel)
        return (direct[others[0].head], False) if others else (None, False)


def read_sentence(sentence: Sentence, previous: Sequence[Sentence], vocab: Words,
                  aliases: Aliases | None = None, lead_in: Sentence | None = None) -> list[Reading]:
    """The figures one sentence states; `previous` sentences resolve "the country"; `lead_in` is the
    line ending in a colon that introduces the list the sentence is an item of."""
    return _Sentence(sentence, previous, vocab, aliases or Aliases(vocab), lead_in).readings()


