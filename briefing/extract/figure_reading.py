"""Reading figures out of one parsed sentence.

For each number that can be a count, the parse gives the noun it counts (its
head, or the noun of a parallel number when it stands alone: "1,200 troops in
Mali and another 300 in Niger"), the word governing that noun (a verb such as
"killed", a noun such as "deaths of") and so the kind of figure; then where
("in X" on the noun, on the number or on the governing verb) and when (a date
attached to the same words). All words come from `data/figures.toml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Citation, Sentence
from .figure_words import Hedge, Kind, Words
from .figure_places import Aliases, Locator, Place
from .numbers import Number, numbers
from .parse_tree import Tree

PATIENT = frozenset({"patient", "acl"})
# Dependencies under which a number with no noun of its own stands for one.
ELLIPTIC = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "oprd", "dative"})
VERBAL = frozenset({"VERB", "AUX"})


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

    @property
    def label(self) -> str:
        label = self.phrase
        if self.places:
            names = [p.name for p in self.places]
            label += " in " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
        return f"{label} {self.when}" if self.when else label


class _Sentence:
    """The parse of one sentence and the questions asked of it."""

    def __init__(self, sentence: Sentence, previous: Sequence[Sentence], vocab: Words, aliases: Aliases):
        self.s, self.v = sentence, vocab
        self.t = Tree(sentence)
        self.where = Locator(self.t, previous, vocab, aliases)

    # -- what is counted, and in what role -------------------------------
    def counted_noun(self, num: Number) -> int | None:
        """The noun a number counts; the number itself when a word after it says what it is."""
        t, head = self.t, num.head
        if self.describer(head) is not None:
            return head
        parent = t.head(head)
        if t[head].dep in ("nummod", "quantmod", "amod") and parent is not None and t[parent].pos in ("NOUN", "PROPN", "ADJ"):
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
            if t[c].pos == "ADJ" or (t[c].tag in ("VBN", "VBG") and (t.lemma(c) in events or t.lower(c) in events)):
                return c
        return None

    def participle(self, i: int) -> int | None:
        """A past participle describing noun i: "people injured", "rockets launched".

        The parser sometimes hangs it on the first of two joined nouns ("56
        deaths and 200 people injured"), so one right after the noun counts too.
        """
        t = self.t
        for c in t.children(i, "acl"):
            if t[c].tag == "VBN":
                return c
        j = t.subtree(i)[-1] + 1
        while j < len(t) and t[j].pos == "ADV":
            j += 1
        if j < len(t) and t[j].tag in ("VBN", "VBD") and t[j].dep == "acl" and t.head(j) in t.ancestors(i):
            return j
        return None

    def governor(self, i: int) -> tuple[int | None, str, bool]:
        """The word whose argument i is, the relation, and whether a negator was passed."""
        t, v, negated, start = self.t, self.v, False, i
        for _ in range(len(t)):
            part = self.participle(i)
            # a participle between two joined nouns belongs to the first: "310,000 injured and 869 missing"
            if part is not None and (i == start or part > start):
                return part, "acl", negated
            h, dep = t.head(i), t[i].dep
            if h is None:
                return None, "", negated
            if dep in ("conj", "appos"):
                if t[h].pos in VERBAL:  # "keeps 300 troops in Niger and 1,200 in Mali"
                    return h, "patient", negated
                i = h
            elif dep in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
                return h, "patient", negated
            elif dep == "nsubj":
                return h, "patient" if t.passive(h) else "agent", negated
            elif dep == "pobj":
                prep = t.lower(h)
                above = t.head(h)
                if above is None:
                    return None, "", negated
                if prep in v.inclusive_preps:  # "20 fighters, including four nurses"
                    i = above
                elif prep in v.of_preps and t.lemma(above) in v.partitives:  # "none of the 50 soldiers"
                    negated = negated or t.lemma(above) in v.negators
                    i = above
                else:
                    return above, "of" if prep in v.of_preps else "prep", negated
            else:
                return h, dep, negated
        return None, "", negated

    def noun_terms(self, n: int) -> set[str]:
        """The counted noun's lemma, with its compound ("service member"), as listed words."""
        t, v = self.t, self.v
        lemma = t.lemma(n)
        terms = {lemma, t.lower(n)}
        described = self.describer(n)
        if described is not None:
            terms |= {t.lemma(described), t.lower(described)}
        for c in t.children(n, "compound"):
            terms.add(f"{t.lemma(c)} {lemma}")
            if lemma in v.quantity_nouns:  # "death toll" counts deaths
                terms.add(t.lemma(c))
        return terms

    def kind(self, noun: int, gov: int | None, rel: str) -> tuple[Kind, str] | None:
        """The first kind the noun or its governor signals, and the noun as the vocabulary lists it."""
        t = self.t
        terms = self.noun_terms(noun)
        g = t.lemma(gov) if gov is not None else ""
        around = {t.lemma(j) for j in range(len(t)) if j != noun}
        for kind in self.v.kinds:
            listed = sorted((x for x in terms if x in kind.nouns), key=len, reverse=True)
            by_gov = (g in kind.verbs and rel in PATIENT) or (g in kind.of_nouns and rel == "of") \
                or any((x, g) in kind.pairs for x in terms)
            if not (listed or by_gov) or (kind.objects and not terms & kind.objects) \
                    or (kind.context and not around & kind.context):
                continue
            return kind, listed[0] if listed else t.lemma(noun)
        return None

    def cancelled(self, noun: int, gov: int | None, event: bool) -> bool:
        """Denied ("No soldiers were hurt", "were not injured") or unreal ("threatened to kill")."""
        t, v = self.t, self.v
        if any(t.lemma(c) in v.negators for c in t.children(noun, "det", "neg", "advmod")):
            return True
        if gov is None:
            return False
        if any(t[c].dep == "neg" or t.lemma(c) in v.negators for c in t.children(gov, "neg", "det", "advmod")):
            return True
        # "threatened to kill", "could climb to 150,000"; not "reported to have killed"
        return event and any(t.lower(c) in v.irrealis and (t.lower(c) not in v.infinitive or t[gov].tag == "VB")
                             for c in t.children(gov, "aux"))

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
                                     or t[first - 1].text == "-" and t.joined(first - 2, first - 1)):
            first -= 1
        return t.text(first, noun)

    # -- putting it together -----------------------------------------------
    def readings(self) -> list[Reading]:
        """Each countable number with a noun (its own or one it stands for) that has a kind."""
        t = self.t
        found = numbers(t, self.v)
        direct = {n.head: self.counted_noun(n) for n in found}
        out: list[Reading] = []
        for num in found:
            noun, same = direct[num.head], True
            if noun is not None:
                role = noun
            else:
                if t[num.head].dep not in ELLIPTIC:
                    continue
                role = num.head
                noun, same = self.borrowed_noun(num, found, direct)
                if noun is None:
                    continue
            gov, rel, negated = self.governor(role)
            kinded = self.kind(noun, gov, rel)
            if kinded is None:
                continue
            kind, term = kinded
            if negated or self.cancelled(noun if same else role, gov, kind.event) or num.value < kind.min_value:
                continue
            skip = set(num.tokens) | set(num.hedge_tokens)
            places = self.places(num, noun if same else None, gov, kind.event)
            out.append(Reading(
                kind=kind.name,
                value=num.value,
                hedge=num.hedge,
                noun=term,
                phrase=self.noun_phrase(noun, skip),
                places=tuple(places),
                nations=self.where.nations(noun),
                when=self.where.when([num.head, noun if same else None, gov]),
                citation=Citation(self.s.source, self.s.start, self.s.end),
            ))
        return out

    def places(self, num: Number, noun: int | None, gov: int | None, event: bool) -> list[Place]:
        """The nearest place: on the number, its noun, the governing word, or where the event happened."""
        t, where = self.t, self.where
        places = where.places_from(num.head) or (where.places_from(noun) if noun is not None else [])
        if places or gov is None:
            return places
        places = where.places_from(gov)
        if not places and t[gov].dep == "relcl" and t.head(gov) is not None:
            places = where.places_from(t.head(gov))  # "a base in X that killed three soldiers"
        if not places and event:  # "an attack on a base in X killed three soldiers"
            for subj in t.children(gov, "nsubj"):
                places = places or where.places_from(subj)
        return places

    def borrowed_noun(self, num: Number, found: list[Number], direct: dict[int, int | None]) -> tuple[int | None, bool]:
        """The noun a number without one stands for, and whether it is the same referent.

        "the number of US troops ... fell from 40,000": the subject's noun,
        same referent. "1,200 troops in Mali and another 300 in Niger": the
        parallel number's noun, a different referent (its place is not shared).
        """
        t, v = self.t, self.v
        gov, rel, _ = self.governor(num.head)
        if gov is not None:
            for subj in t.children(gov, "nsubj", "nsubjpass"):
                if t.lemma(subj) in v.quantity_nouns:
                    of = [o for p in t.children(subj, "prep") if t.lower(p) in v.of_preps for o in t.children(p, "pobj")]
                    return (of[0] if of else subj), True
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
            return (g not in linked or g == gov, r != rel, abs(n.head - num.head), n.head > num.head)

        others = sorted((n for n in found if direct[n.head] not in (None, n.head) and n is not num), key=parallel)
        return (direct[others[0].head], False) if others else (None, False)


def read_sentence(sentence: Sentence, previous: Sequence[Sentence], vocab: Words,
                  aliases: Aliases | None = None) -> list[Reading]:
    """The figures one sentence states; `previous` sentences resolve "the country"."""
    return _Sentence(sentence, previous, vocab, aliases or Aliases(vocab)).readings()


