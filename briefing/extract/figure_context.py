"""What surrounds a figure in its sentence: the event that did it, the day it happened, the
words that tell a part apart, and the places the sentence and the two before it name.

A mixin of `figure_reading._Sentence`, which gives it the sentence's parse (`t`), the
vocabulary (`v`), the sentence (`s`) and its `Locator` (`where`).
"""
from __future__ import annotations

from ..dates import YEAR
from ..model import Mention, Sentence
from ..pagelines import balanced_quotes
from .countries import country_of, is_demonym, region
from .figure_places import Locator
from .figure_words import Naming, Words
from .numbers import Number
from .parse_tree import Tree

VERBAL = frozenset({"VERB", "AUX"})
# Verbs that only link a number to what is said of it: "57 were in intensive care".
COPULAS = frozenset({"be", "remain", "have", "include", "say", "stay"})
_QUOTE_MARKS = str.maketrans("", "", "\"“”")


class Context:
    """Questions about a figure's surroundings, asked of one parsed sentence."""

    t: Tree
    v: Words
    s: Sentence
    where: Locator

    def tells_event(self, kind: str, gov: int | None) -> bool:
        """Is the governing word the kind's own verb ("were killed"), not one of saying or counting?"""
        found = self.v.kind(kind)
        return gov is not None and found is not None and self.t.lemma(gov) in found.verbs | found.subject_verbs

    def another_event(self, kind: str, gov: int | None, noun: int | None = None,
                      counted: tuple[int, ...] = ()) -> bool:
        """The event verb says it is not the event told before: "were injured in similar clashes",
        "killed in another attack", "a day earlier, 27 were injured" (not "earlier reports said");
        or the events counted say they are others: "four earlier attacks", "two other bombings";
        or the count (`counted`: its number and noun) is put elsewhere: "four in Oregon and 11 elsewhere"."""
        t = self.t
        events = self.v.events or {}
        if any(t.lemma(a) in self.v.elsewhere for c in counted for a in t.children(c, "advmod")):
            return True
        if noun is not None and t.lemma(noun) in events \
                and any({t.lemma(c), t.lower(c)} & self.v.other_event for c in t.children(noun, "amod")):
            return True
        # "earlier shootings, including a domestic dispute that left seven people dead": the event a
        # clause tells of is one of those others
        if gov is not None and t[gov].dep == "relcl" and t.head(gov) is not None:
            holders = [t.head(gov)]
            prep = t.head(holders[0])
            if t[holders[0]].dep == "pobj" and prep is not None and t.lower(prep) in self.v.inclusive_preps \
                    and t.head(prep) is not None:
                holders.append(t.head(prep))
            if any({t.lemma(c), t.lower(c)} & self.v.other_event for h in holders for c in t.children(h, "amod")):
                return True
        if not self.tells_event(kind, gov):
            return False
        nouns = [o for p in t.children(gov, "prep") for o in t.children(p, "pobj")] + list(t.children(gov, "nsubj"))
        # (and the event the clause it hangs on tells of: "a previous protest was peaceful though police
        # arrested 22 people")
        if t[gov].dep in ("advcl", "conj") and t.head(gov) is not None:
            nouns += list(t.children(t.head(gov), "nsubj"))
        marked = any(t.lemma(c) in self.v.other_event for n in nouns if t.lemma(n) in events or t.lemma(n) in self.v.gatherings
                     for c in t.children(n, "amod", "det")) \
            or any(self.pointed_to_another(n) for n in nouns if t.lemma(n) in events)
        # "evacuated 2,600 inmates from two other facilities", "killed in other parts of the country":
        # the same done at other places than the ones told before
        where = self.v.place_preps | self.v.via_preps
        elsewhere = any(t.lemma(c) in self.v.other_event for p in t.children(gov, "prep") if t.lower(p) in where
                        for o in t.children(p, "pobj") for c in t.children(o, "amod"))
        # "a day earlier", "two days before": a time back from the one just told
        back = any(t.lemma(a) in self.v.time_back and list(t.children(a, "npadvmod")) for a in t.children(gov, "advmod"))
        return marked or elsewhere or back

    def pointed_to_another(self, n: int) -> bool:
        """"that quake" after "a second, much smaller quake struck": the event named last before is
        told as another than the one the story is about."""
        t = self.t
        if not any(t.lower(d) in self.v.demonstratives for d in t.children(n, "det")):
            return False
        lemma = t.lemma(n)
        for s in reversed(self.where.previous[-2:]):
            named = [i for i, tok in enumerate(s.tokens) if tok.lemma.lower() == lemma]
            if named:
                return any(m.head == named[-1] and m.dep in ("amod", "det") and m.lemma.lower() in self.v.other_event
                           for m in s.tokens)
        return False

    def detail(self, num: Number, gov: int | None) -> str:
        """The verb and its first complement after the number, as written: what a part of a toll is."""
        t = self.t
        if gov is None or t.head(gov) is None and t[gov].pos not in VERBAL:
            return ""
        words = [gov] if t[gov].pos in VERBAL and t.lemma(gov) not in COPULAS else []
        # (a complement before an adverb: "are now in hospital" is "in hospital", not "now")
        after = sorted((c for c in t.children(gov, "prep", "acomp", "advmod", "oprd") if c > num.head),
                       key=lambda c: (t[c].dep == "advmod", c))
        if after:
            words += t.subtree(after[0])
        if not words:
            return ""
        first, last = min(words), max(words)
        if first < num.head:  # "identified another 22 of the bodies": the verb alone
            return t[gov].text if words[0] == gov else ""
        if last - first >= 8:
            return ""
        text = t.text(first, last)
        # (a quotation the phrase cuts off is no quotation: "died from heat exposure", not "from “heat exposure")
        return text if balanced_quotes(text) else " ".join(text.translate(_QUOTE_MARKS).split())

    def owner(self, gov: int | None) -> tuple[str, ...]:
        """Whose troops, when the sender is the subject: "Mexico was sending 475 soldiers"."""
        if gov is None:
            return ()
        return tuple(sorted({p.key for s in self.t.children(gov, "nsubj") for p in self.where.named_place(s)}))

    def nearby(self) -> tuple[str, ...]:
        """Places named as places (not "US" in "US soldiers") in this sentence and the two before;
        not regions ("Asia"), which name no country and which the gazetteer may take for a town."""
        return self.places_named((*self.where.previous, self.s))

    def here(self) -> tuple[str, ...]:
        """The places this sentence alone names (as `nearby` does)."""
        return self.places_named((self.s,))

    def places_named(self, sentences, wide: bool = False) -> tuple[str, ...]:
        """Keys of the places `sentences` name as places; of regions only, if `wide`."""
        labels = self.v.wide_labels if wide else self.v.place_labels - self.v.wide_labels
        aliases = self.where.aliases
        out = set()
        for s in sentences:
            # (a name a day right after it takes for its modifier is a place all the same: "in the
            # city of Nice Thursday")
            heads = {tok.start: "pobj" if tok.dep == "compound" and s.tokens[tok.head].ent_type == "DATE"
                     and tok.ent_type != "DATE" else tok.dep for tok in s.tokens}
            at = {tok.start: k for k, tok in enumerate(s.tokens)}
            # ("in Istanbul's historic heart" and "on Yemen's west coast" name a place; "Israel's army"
            # and "in Australia's yacht race" name none)
            heads.update({tok.start: "pobj" for tok in s.tokens if tok.dep == "poss"
                          and s.tokens[tok.head].dep == "pobj" and s.tokens[tok.head].lemma in self.v.place_nouns
                          and s.tokens[s.tokens[tok.head].head].text.lower() in self.v.place_preps | self.v.edge_preps})
            # (nor a people the recogniser took for a place: "including an Austrian and a Dutchman";
            # nor a place a size is measured by: "about the size of the island of Manhattan")
            # (a name's role is that of its word the others hang from: "in New York" names a place,
            # "the Panama Papers investigation" a thing; and a country the recogniser took for a
            # region is a place: "in Ivory Coast")
            out |= {aliases.place(m.text) for m in s.mentions
                    if (m.label in labels or not wide and m.label in self.v.wide_labels
                        and country_of(aliases.place(m.text)) == aliases.place(m.text))
                    and heads.get(_root(s, m)) not in ("compound", "amod", "nmod", "poss")
                    and not is_demonym(m.text) and not self.measured_by(s, at.get(m.start))
                    and not self.origin(s, at.get(m.start))}
        return tuple(sorted(out))

    def origin(self, s: Sentence, i: int | None) -> bool:
        """Is the place at token `i` where a noun's people come from ("a team from Chile"), not a
        place of the events?"""
        tokens = s.tokens
        while i is not None and tokens[i].dep == "compound" and tokens[i].head != i:  # "from South Korea"
            i = tokens[i].head
        if i is None or tokens[i].dep != "pobj" \
                or tokens[tokens[i].head].text.lower() not in self.v.origin_preps:
            return False
        return tokens[tokens[tokens[i].head].head].pos in ("NOUN", "PROPN", "PRON")

    def regions(self, here: tuple[str, ...]) -> tuple[str, ...]:
        """Regions this sentence names as places ("earlier hit the Caribbean, killing 24"): no
        place of a count, but where a count that names none of its own may be; unless it also
        names a place that is not a country in them ("whirled through the western Caribbean to
        punish Honduras, killing 32": a sea's name, and the toll is Honduras's). `here`: the places
        it names (`here()`)."""
        wide = self.places_named((self.s,), wide=True)
        inside = frozenset().union(*(region(k) or () for k in wide))
        return () if any(country_of(k) not in inside for k in here) else wide

    def measured_by(self, s: Sentence, i: int | None) -> bool:
        """Is token `i` of sentence `s` a place a size is compared to ("an area the size of Wales",
        "about the size of the island of Manhattan"), through "of" phrases?"""
        tokens = s.tokens
        while i is not None and tokens[i].dep == "pobj" and tokens[tokens[i].head].text.lower() in self.v.of_preps:
            i = tokens[tokens[i].head].head
            if tokens[i].lemma in self.v.size_nouns:
                return True
        return False

    def event(self, gov: int | None) -> str | None:
        """The class of the event the governing verb reports: its subject, or "in the X" on it."""
        return self.event_told(gov)[0]

    def name_of_event(self, noun: int | None, at: int) -> str | None:
        """The name of the event a count at token `at` belongs to: the name of the noun that tells its
        event; in a sentence naming several named events, the one named last before the count (the
        parse may hang "leaving two dead" on the wrong clause: "Typhoon Haishen follows Typhoon
        Maysak, which smashed into Korea, leaving at least two dead" counts Maysak's dead)."""
        events = self.v.events or {}
        names = [(i, name) for i in range(len(self.t))
                 if (name := event_name(self.t, i, events, self.v.named_events))]
        if len({name for _, name in names}) > 1:
            return next((name for i, name in reversed(names) if i < at), None)
        # (or the name set beside it: "the state's deadliest wildfire, the Camp Fire, killed 85"; or,
        # however the parser hung the count, the one name the sentence gives before it)
        own = next((name for n in ([noun, *self.t.children(noun, "appos")] if noun is not None else [])
                    if (name := event_name(self.t, n, events, self.v.named_events))), None)
        return own or next((name for i, name in names if i < at), None)

    def event_told(self, gov: int | None) -> tuple[str | None, int | None]:
        """The class of the event the governing verb reports, and the noun that names it (None when
        only the verb does: "were crushed to death")."""
        t = self.t
        if gov is None:
            return None, None
        nodes = [gov]
        while t[nodes[-1]].dep in ("xcomp", "conj", "advcl") and t.head(nodes[-1]) is not None:  # "went on to kill"
            nodes.append(t.head(nodes[-1]))
            # (a verb joined by "and" shares what its partner hangs on: "bombs hit two areas, killing
            # 23 people and wounding 61")
            if t[nodes[-2]].dep != "conj" or len(nodes) > 2:
                break
        for n in nodes:
            candidates = list(t.children(n, "nsubj", "agent"))
            if t[n].dep in ("relcl", "acl") and t.head(n) is not None:  # "a drone attack that killed three"
                candidates.insert(0, t.head(n))
            candidates += [o for p in t.children(n, "prep") if t.lower(p) in ("in", "by", "during", "from")
                           for o in t.children(p, "pobj")]
            candidates += [o for a in t.children(n, "agent") for o in t.children(a, "pobj")]
            # "killed when an airstrike hit a hospital"
            candidates += [sub for c in t.children(n, "advcl") for sub in t.children(c, "nsubj")]
            # "opened fire, killing five": an event the verb and its object name together
            candidates += [o for o in t.children(n, "dobj") if f"{t.lemma(n)} {t.lemma(o)}" in (self.v.events or {})]
            found = next(((e, c) for c in candidates if (e := self.event_of(c))), None)
            if found:
                return found
        # "were crushed to death": no noun says which event, the verb does (or the verb of the clause
        # that says when: "were killed when a small plane crashed")
        return next(((self.v.event_verbs[t.lemma(n)], None) for n in (*nodes, *t.children(gov, "advcl"))
                     if t[n].pos == "VERB" and t.lemma(n) in (self.v.event_verbs or {})), (None, None))

    def event_of(self, noun: int) -> str | None:
        """The event class a noun names, with its modifier first ("car bomb", then "bomb")."""
        return noun_event(self.t, noun, self.v.events or {}, self.v.named_events, self.v.broad_events)

    def sentence_event(self) -> str | None:
        """The first event the sentence names: "claimed two explosions, resulting in the loss of 100 lives".
        None when that is a noun that says not which event ("4,600 were injured in that disaster, which
        ... triggered mudslides"): the one told before, not the next the sentence names."""
        found = events_named(self.s, self.v.events or {}, self.v.unclassed_events, self.v.definite,
                             self.v.named_events)
        return found[0] if found else None

    def on_day(self, kind: str, gov: int | None) -> str | None:
        """The date on the verb of the event itself ("were killed Friday", "22, when 14 were killed"):
        a toll dated to another day than another toll's is another event's. A date on a verb of
        saying or revising ("the toll rose to 67 on Saturday") dates the report, not the event."""
        if gov is None:
            return None
        t = self.t
        if not self.tells_event(kind, gov):
            return self.era_of(gov)
        # "Monday's bombing killed 32": the day on the event that did it
        events = self.v.events or {}
        dated = [c for s in t.children(gov, "nsubj") if t.lemma(s) in events
                 for c in t.children(s, "poss", "compound") if t[c].ent_type == "DATE"]
        return self.era_of(gov) or self.where.when([gov]) or (self.where.date_text(dated[0]) if dated else None) \
            or self.opening_date()

    def opening_date(self) -> str | None:
        """A date that opens the sentence on its main verb dates every count in it: "In May, at least 16
        people were killed and a further 35 wounded" (the 35 as much as the 16)."""
        t = self.t
        root = next((j for j in range(len(t)) if t.head(j) is None), None)
        # (only on a verb that tells what befell them, not "On Monday, police said 12 were killed",
        # which dates the report, nor "officials on Monday named the eight killed")
        if root is None or t.lemma(root) not in self.v.deeds:
            return None
        for j in range(min(3, len(t))):
            opens = j == 0 or j == 1 and t[0].dep == "prep" and t.head(j) == 0
            if opens and t[j].ent_type == "DATE" and (
                    t.head(j) == root and t[j].dep in ("npadvmod", "tmod")
                    or t[j].dep == "pobj" and t.head(j) is not None and t.head(t.head(j)) == root):
                return f"{t.lower(0)} {self.where.date_text(j)}" if j == 1 else self.where.date_text(j)
        return None

    def told_on(self, gov: int | None) -> str | None:
        """The date on the verb of saying a count is told under: "Police said Monday two girls were
        killed". In a report of a later day it is the count as it stood then, which the report may
        go on to update."""
        if gov is None:
            return None
        t = self.t
        teller = next((a for a in t.ancestors(gov) if t.lemma(a) in self.v.parenthetical_verbs), None)
        if teller is None:
            return None
        # a date right by the verb ("said Monday", "said on Monday", "on Sunday said") or opening the
        # sentence ("On Sunday, officials said"), wherever the parser hangs it: "said Monday two girls
        # were killed" is news of Monday; not a date the parser hung on a verb said after the clause
        # ("were killed in a quake Thursday and another Saturday, NHK reported")
        dates = [j for j in range(len(t)) if t[j].ent_type == "DATE" and t[j].dep in ("npadvmod", "tmod", "pobj")
                 and (abs(j - teller) <= 2 or j <= 2 and j < teller)
                 and (t[j].dep != "pobj" or t.lower(t.head(j)) == "on")]
        return self.where.date_text(dates[0]) if dates else None

    def told_by(self, gov: int | None) -> str | None:
        """Who tells a count, as its verb of saying's subject or "according to" names them: "office"
        for "the government media office said 89 people had been killed", a name for "Saqer told CNN".
        Two tellers' counts of one toll are rival counts, not a toll and its detail. (A pronoun
        names nobody: "he said".)"""
        if gov is None:
            return None
        t = self.t
        teller = next((a for a in t.ancestors(gov) if t.lemma(a) in self.v.parenthetical_verbs), None)
        subject = next(iter(t.children(teller, "nsubj")), None) if teller is not None else None
        # (a day or a verb's object the parser took for the subject tells nothing; the teller is
        # joined to it: "as residents celebrated Ramadan, police and medical sources said")
        while subject is not None and (t[subject].ent_type and t[subject].ent_type not in self.v.teller_labels
                                       or self.object_slipped(subject) is not None):
            subject = next(iter(t.children(subject, "conj")), None)
        if subject is None:
            # "..., according to Cal Fire", wherever the parser hangs it (as `quotes` reads a speaker):
            # a person or a body the recogniser names, not "according to the latest statistics"
            subject = next((o for c in range(len(t)) if t.lower(c) == "according"
                            for to in t.children(c, "prep") for o in t.children(to, "pobj")
                            if t[o].ent_type in self.v.teller_labels), None)
        if subject is None or t[subject].pos == "PRON":
            return None
        return t.lemma(subject).lower()

    def object_slipped(self, i: int) -> int | None:
        """The verb right before the phrase of subject `i` whose object the phrase is, when the parser
        hung it on the verb of saying after it with the tellers joined to it: "killing at least two
        people, police and medical sources said", "as residents celebrated Ramadan, police ... said"
        (or set beside it: "injured at least eight others, Israel's emergency service said")."""
        t = self.t
        before = t.subtree(i)[0] - 1
        if before < 0 or not t.children(i, "conj", "appos") or t[before].pos != "VERB" or t.children(before, "dobj"):
            return None
        return before

    def recent_event(self) -> tuple[str, int] | None:
        """The event the sentences just before name last: "The United States retaliated, firing
        cruise missiles at camps. At least 26 people were killed." counts the strike's dead."""
        events = self.v.events or {}
        for s in reversed(self.where.previous):
            # (a sentence telling of "that disaster" tells of the one named before it)
            found = events_named(s, events, self.v.unclassed_events, self.v.definite, self.v.named_events)
            if found:
                return found[-1], s.index
        return None

    def year_before(self, gov: int | None) -> str | None:
        """The one year the sentence just before states, when this one states no date and that one no
        number: "a gas leak in Bhopal in December 1984. Nearly 4,000 people died in the immediate
        aftermath" dates the 4,000 to 1984. (Whether that year is an earlier event's is the ledger's
        to say, by the year the source was published.)"""
        before = self.where.previous[-1:] if self.where.previous else ()
        if any(tok.ent_type == "DATE" for tok in self.s.tokens) or not before \
                or before[0].index != self.s.index - 1 or self.up_to_now(gov):
            return None
        # (a sentence that gives the earlier event's toll itself is done with it: "In 1978, 20 people
        # died in a hotel fire. Police said 59 bodies were found at the scene")
        if any(tok.like_num and tok.ent_type != "DATE" for tok in before[0].tokens):
            return None
        years = {m.group(0) for tok in before[0].tokens if tok.ent_type == "DATE" for m in YEAR.finditer(tok.text)}
        return years.pop() if len(years) == 1 else None

    def up_to_now(self, gov: int | None) -> bool:
        """A deed told in the present perfect happened up to now, never in a year gone by: "heat that
        has already forced another 7,500 people out of their homes" (not a verb that only tells of it:
        "10,000 deaths have been blamed on the leak" may be deaths of that year)."""
        t, v = self.t, self.v
        if gov is None or t[gov].tag != "VBN" or not any(
                t.lemma(c) == "have" and t[c].tag in ("VBP", "VBZ") for c in t.children(gov, "aux")):
            return False
        verb = t.lemma(gov)
        return verb in v.causatives or any(verb in k.verbs or verb in k.subject_verbs for k in v.kinds)

    def era_of(self, gov: int | None) -> str | None:
        """The date a clause hangs from: "since 1978, when 20 people died" happened in 1978."""
        t = self.t
        # (not a past participle on a noun: "officials on Monday named the eight people killed in
        # Saturday's shooting" dates the naming, not the killing)
        if gov is None or t[gov].dep not in ("relcl", "advcl", "acl") or t[gov].dep == "acl" and t[gov].tag == "VBN":
            return None
        # "a massacre in 1989 when a gunman killed 15 women": a "when" right after a date takes that
        # date, wherever the parser hung its clause
        for when in (c for c in t.children(gov, "advmod") if t.lower(c) in self.v.when_words):
            before = when - 1
            while before >= 0 and t[before].pos == "PUNCT":
                before -= 1
            if before >= 0 and t[before].ent_type == "DATE":
                return self.where.date_text(before)
        # (a clause that came before or after the one it hangs from is not of its date: "a soldier
        # secures the area early July 15 after at least 60 people were killed")
        if any(t.lower(m) in self.v.measured_from for m in t.children(gov, "mark")):
            return None
        for head in t.ancestors(gov)[:4]:  # "was in 1978 in Boraas, when 20 people died"
            # (a clause that describes those counted tells of them as known, and a date on a verb of
            # saying above it dates the report: "on Tuesday Blair said that if the 15 sailors who were
            # arrested are not released"; "said Friday that troops attacked, killing one" is news of then)
            if t[gov].dep != "advcl" and (t.lemma(head) in self.v.counting_verbs or t.lemma(head) in self.v.raising_verbs):
                return None
            if t.lower(head) in self.v.measured_from and t[head].dep == "prep":
                continue  # "two weeks after the earthquake, which killed 13,000": no date of the quake
            if t[head].ent_type == "DATE":
                return self.where.date_text(head)
            # "a 1994 genocide in which half a million were killed"
            dated = [c for c in t.children(head, "compound", "amod", "nummod") if t[c].ent_type == "DATE"]
            if dated:
                return self.where.date_text(dated[0])
            found = self.where.when([head])
            if found:
                return found
            # an event a preposition brings in dates itself, not by the verb above it: "rushed home
            # Sunday after an earthquake killed 272", "losing hope on Tuesday from a quake which
            # killed 400" (but "a bomb which killed 20 exploded on Tuesday")
            if t[head].dep == "pobj" and t.lemma(head) in (self.v.events or {}):
                # (a date its own preposition brings in is its own, however the parser split the two:
                # "a participant in November militant attacks in Paris that killed 130 people")
                prep = t.head(head)
                dates = [o for o in t.children(prep, "pobj") if o != head and t[o].ent_type == "DATE"] \
                    if prep is not None else []
                return self.where.date_text(dates[0]) if dates else None
        return None

    def qualifier(self, noun: int, gov: int | None) -> tuple[str, ...]:
        """Words that single out some of a toll: "in intensive care", "identified", "still in hospital".

        The lemmas of the governing word when it is no kind's own verb, and of
        the objects of its prepositions; a reader compares parts by them.
        """
        t, v = self.t, self.v
        own = {w for k in v.kinds for w in k.verbs | k.subject_verbs | k.loss_verbs | k.nouns | k.states}
        out = set()
        for n in (noun, gov):
            if n is None:
                continue
            if n == gov and t[n].pos == "VERB" and t.lemma(n) not in own and t.lemma(n) not in ("be", "remain", "have"):
                out.add(t.lemma(n))
            for prep in t.children(n, "prep"):  # not where or when: "in intensive care", not "on Friday"
                # (nor what most of them were: "289 were arrested, mostly for unlawful assembly" are all 289)
                # ("most of them in a busy shopping area", however the parser hangs "most")
                if any(t.lower(a) in self.v.most_words for a in t.children(prep, "advmod", "nsubj")):
                    continue
                out |= {t.lemma(o) for o in t.children(prep, "pobj") if t[o].pos == "NOUN" and not t[o].ent_type}
            out |= {t.lemma(c) for c in t.children(n, "acomp", "advmod") if t[c].pos in ("ADJ", "ADV") and t.lemma(c) not in own}
        return tuple(sorted(out))


def _root(s: Sentence, m: Mention) -> int:
    """The offset of the word of mention `m` that the others hang from."""
    inside = [k for k, tok in enumerate(s.tokens) if m.start <= tok.start < m.end]
    # (the last: an article hangs from the noun after the name too, "the Panama Papers investigation")
    return next((s.tokens[k].start for k in reversed(inside) if s.tokens[k].head not in inside or s.tokens[k].head == k),
                m.start)


def noun_event(t: Tree, noun: int, events: dict[str, str], named: Naming = Naming(),
               broad: dict[str, tuple[str, ...]] | None = None) -> str | None:
    """The event class a noun names, with a word on it first: "small-arms fire" is a shooting,
    "fire" a blaze; so is the verb it is the object of ("opened fire" is a shooting); and a name
    after a noun of a class in `named` ("Typhoon Maysak")."""
    terms = [f"{t.lemma(x)} {t.lemma(noun)}" for x in t.children(noun, "compound", "amod")]
    head = t.head(noun)
    if t[noun].dep == "dobj" and head is not None:
        terms.append(f"{t.lemma(head)} {t.lemma(noun)}")
    found = next((events[w] for w in (*terms, t.lemma(noun)) if w in events), None)
    # (a broad noun says no more than its modifier: a "shooting spree" is a shooting)
    found = next((events[m] for x in t.children(noun, "compound", "amod") if (m := t.lemma(x)) in events
                  and events[m] in broad.get(found or "", ())), found) if broad else found
    return found or (_named_class(t, noun, events, named) if named else None)


def _named_class(t: Tree, noun: int | None, events: dict[str, str], named: Naming) -> str | None:
    """The class of a named event: "Typhoon Maysak" is a storm (its noun before the name), "the
    Park Fire" a fire (its noun after the name, capitalised)."""
    if noun is None or t[noun].pos != "PROPN":
        return None
    names = t.children(noun, "compound")
    before = next((events[w] for x in names if (w := t.lemma(x).lower()) in events and events[w] in named.before),
                  None)
    if before or not names:
        return before
    # (a name made definite, "the Park Fire", "California's Park Fire": not the agency "Cal Fire",
    # nor "Fire Protection", whose "Fire" is another noun's modifier)
    cls = events.get(t.lower(noun))
    definite = bool(t.children(noun, "det", "poss"))
    return cls if cls in named.after and definite and t[noun].dep != "compound" \
        and all(t[x].pos == "PROPN" for x in names) else None


def event_name(t: Tree, noun: int | None, events: dict[str, str], named: Naming) -> str | None:
    """The name of a named event with its class noun: "Typhoon Maysak", "Park Fire"; "the typhoon"
    has none."""
    if noun is None or not _named_class(t, noun, events, named):
        return None
    return t.text(min(t.children(noun, "compound")), noun)


def events_named(s: Sentence, events: dict[str, str], unclassed: frozenset[str] = frozenset(),
                 definite: frozenset[str] = frozenset(), named: Naming = Naming()) -> list[str]:
    """The event classes a sentence names, in order: a noun ("the blast"), or a verb with its
    particle ("shot down a passenger jet"). None when the first is a definite noun of `unclassed`,
    which says not which event: "4,600 were injured in that disaster, which triggered mudslides"
    tells of the event named before (the quake), and the others it names are that event's doing
    (not "Europe suffered fewer natural disasters, but 191 people were killed after the attack")."""
    t, found = Tree(s), []
    for i in range(len(t)):
        if not found and t[i].pos == "NOUN" and t.lemma(i) in unclassed and (
                any(t.lower(d) in definite for d in t.children(i, "det")) or bool(t.children(i, "poss"))):
            return []
        cls = noun_event(t, i, events, named) if t[i].pos == "NOUN" else _named_class(t, i, events, named)
        if cls is None and t[i].dep == "prt":
            cls = events.get(f"{t.lemma(t[i].head)} {t.lower(i)}")
        if cls is not None:
            found.append(cls)
    return found


def named_events(s: Sentence, events: dict[str, str], named: Naming) -> list[tuple[str, str]]:
    """(event class, name) of each named event a sentence names: "Typhoon Haishen follows Typhoon
    Maysak" names the storms Haishen and Maysak."""
    t = Tree(s)
    return [(cls, event_name(t, i, events, named) or "") for i in range(len(t))
            if (cls := _named_class(t, i, events, named))]
