"""Numbers in a parsed sentence that can be counts, with their values and hedges.

A number phrase is one or more tokens ("1,200", "Seventeen", "two hundred",
"thirty-six", "5.7 million"); its head is the token the rest hang from. Dates,
times, money, percentages, ordinals, ages, measured quantities and numbers that
are part of a name ("Article 5", "Boeing 737") are not counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from ..dates import weekday_number
from .countries import country_of
from .figure_words import Hedge, Words
from .parse_tree import Tree

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_SCALED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]+)$")  # "27bn", "5.17bn"


@dataclass(frozen=True, slots=True)
class Number:
    head: int  # the token the phrase hangs from
    tokens: tuple[int, ...]  # the phrase, in sentence order
    value: float
    hedge: Hedge | None = None
    hedge_tokens: tuple[int, ...] = ()
    unit: str | None = None  # the currency of a sum of money, as a label names it: "dollars", "baht"
    ranged: bool = False  # an end of a range of sums: "$1.3 to $1.5bn"


def parse_value(words: list[str], vocab: Words) -> float | None:
    """The value of a number phrase's lower-cased words ("1,200" -> 1200, "two hundred" -> 200),
    or None if one of them is not a number word."""
    total, current, numeric, factor = 0.0, None, False, 1.0
    for i, w in enumerate(words):
        if w in vocab.fractions and i == 0 and len(words) > 1:  # "half a million"
            factor = vocab.fractions[w]
        elif w in vocab.articles:
            # "a million", never "a" alone
            if i + 1 >= len(words) or words[i + 1] not in vocab.scales:
                return None
            current = (current or 0) + 1
        elif w in vocab.joiners:
            continue
        elif _DIGITS.match(w):
            current, numeric = (current or 0) + float(w.replace(",", "")), True
        elif w in vocab.units or w in vocab.tens:
            current, numeric = (current or 0) + vocab.units.get(w, vocab.tens.get(w, 0)), True
        elif w in vocab.scales:
            scale = vocab.scales[w]
            current, numeric = (1 if current is None else current) * scale, True
            if scale >= 1000:
                total, current = total + current, None
        else:
            return None
    if not numeric:
        return None
    value = (total + (current or 0)) * factor
    return int(value) if value == int(value) else value


def _is_numeric(tree: Tree, i: int, vocab: Words) -> bool:
    low = tree.lower(i)
    if low in vocab.vague:
        return False
    return bool(_DIGITS.match(low)) or vocab.number_word(low)


def _phrase(tree: Tree, head: int, vocab: Words) -> list[int]:
    """The head and the number words, hyphens and "a"/"and" running left from it."""
    inside = set(tree.subtree(head))
    phrase = [head]
    j = head - 1
    while j >= 0 and j in inside and (_is_numeric(tree, j, vocab) or tree.lower(j) in vocab.joiners):
        # digits either side of a dash are a range, not one number: "20 - 25 arrests", "20-25"
        if not tree[j].text[:1].isalnum() and j > 0 and tree[j - 1].text[:1].isdigit() \
                and tree[phrase[0]].text[:1].isdigit():
            break
        phrase.insert(0, j)
        j -= 1
    while phrase and tree.lower(phrase[0]) in vocab.joiners - vocab.articles:
        phrase.pop(0)
    return phrase


def _scaled(tree: Tree, head: int, vocab: Words) -> list[int]:
    """Scale words right after a number that the parser hung on it: "two dozen", where "dozen"
    modifies "two" instead of heading the phrase."""
    out, j = [], head + 1
    # (or on the noun they both count: "two dozen members" with "two" and "dozen" side by side)
    while j < len(tree) and tree.lower(j) in vocab.scales and tree.head(j) in (head, tree.head(head)):
        out.append(j)
        j += 1
    return out


def _year_digits(tree: Tree, i: int, vocab: Words) -> bool:
    text = tree[i].text
    low, high = vocab.years
    return text.isdigit() and len(text) == 4 and low <= int(text) <= high


def _looks_like_year(tree: Tree, i: int, vocab: Words) -> bool:
    return _year_digits(tree, i, vocab) and tree[i].dep != "nummod"


def counted_after_day_name(tree: Tree, head: int) -> int | None:
    """"On Friday 15 protesters were arrested": the parser reads "Friday 15" as a date, but a number
    after a day of the week with a plural noun right after it, the clause's subject or object, counts
    that noun ("Friday 15 October" and "the July 7 bombings" stay dates)."""
    owner, after = tree.head(head), head + 1
    if tree[head].dep == "nummod" and owner == head - 1 and weekday_number(tree.lower(owner)) is not None \
            and after < len(tree) and tree[after].tag == "NNS" \
            and not tree[after].ent_type and tree[after].dep in ("nsubj", "nsubjpass", "dobj"):
        return after
    return None


def _mislabelled_count(tree: Tree, phrase: list[int], vocab: Words) -> bool:
    """A bare number the entity recogniser took for a date ("Forty of the dead", "76 remain
    hospitalized" near "Thursday"): a subject or object, or heading "of the ...", is a count."""
    head = phrase[-1]
    # "12 Britons" taken for an organisation: a number on a people's name counts them
    owner = tree.head(head)
    if tree[head].dep == "nummod" and owner is not None and owner == head + 1 \
            and tree[owner].ent_type == tree[head].ent_type and country_of(tree[owner].text) is not None:
        return True
    if all(tree[i].ent_type == "QUANTITY" for i in phrase):
        # "climbed to 9,000 overnight": a QUANTITY without a unit of measure is a count
        j, words = head + 1, []
        while j < len(tree) and tree[j].ent_type == "QUANTITY":
            words.append(tree.lemma(j))
            j += 1
        return not any(w in vocab.measure_units for w in words + [tree.lemma(i) for i in phrase])
    if any(tree[i].ent_type != "DATE" for i in phrase) or _looks_like_year(tree, head, vocab):
        return False
    # "between 50 and 60 people": a number on a noun that is no part of the date counts it
    first = tree.head(head) if tree[head].dep == "conj" and tree.head(head) is not None else head
    owner = tree.head(first)
    if tree[first].dep == "nummod" and owner is not None and tree[owner].pos == "NOUN" \
            and tree[owner].ent_type != "DATE" and not any(_year_digits(tree, i, vocab) for i in (first, head)):
        return True
    if len(phrase) == 1 and re.fullmatch(r"\d{1,3}(,\d{3})+", tree[head].text):
        return True  # "30,000" is no date, whatever the recogniser says
    if tree[head].text.isdigit() and len(tree[head].text) == 4:
        return False
    partitive = any(tree.lower(p) in vocab.of_preps for p in tree.children(head, "prep"))
    # "the official toll is 52": what a count noun is said to be
    above = tree.head(head)
    said_of = tree[head].dep == "attr" and above is not None and any(
        tree.lemma(s) in vocab.quantity_nouns for s in tree.children(above, "nsubj"))
    # "the toll rose from 60 to 67": where a count noun went, or came from (either end of the range)
    end = above if tree[head].dep == "quantmod" and above is not None and _is_numeric(tree, above, vocab) else head
    prep = tree.head(end) if tree[end].dep == "pobj" else None
    verb = tree.head(prep) if prep is not None else None
    said_of = said_of or verb is not None and any(
        tree.lemma(s) in vocab.quantity_nouns for s in tree.children(verb, "nsubj"))
    return tree[head].dep in ("nsubj", "nsubjpass", "dobj") or partitive or said_of


def _not_a_count(tree: Tree, phrase: list[int], vocab: Words) -> bool:
    first, head = phrase[0], phrase[-1]
    if counted_after_day_name(tree, head) is not None:
        return False  # "on Friday 15 protesters were arrested", whatever the parser made of it
    # "several hundred": a scale word alone after a vague quantifier names no value
    if all(tree.lower(i) in vocab.scales for i in phrase) and first > 0 and tree.lower(first - 1) in vocab.vague_before:
        return True
    # "the one imprisoned" (not "reports that one of the dead was British", a partitive)
    if phrase == [head] and vocab.units.get(tree.lower(head)) == 1 and tree[head].dep != "nummod" and first > 0 \
            and tree.lower(first - 1) in vocab.pronoun_one_after \
            and not any(tree.lower(p) in vocab.of_preps for p in tree.children(head, "prep")):
        return True
    # "the first major one", "a bigger one": "one" with an article and a word that describes it
    if phrase == [head] and vocab.units.get(tree.lower(head)) == 1 and tree[head].dep != "nummod" \
            and any(tree[c].dep == "det" for c in tree.children(head)) \
            and any(tree[c].dep == "amod" and c < head for c in tree.children(head)) \
            and not any(tree.lower(p) in vocab.of_preps for p in tree.children(head, "prep")):
        return True
    # "one of those killed was Constable Anne Roy", "one of the victims, Lisa Ward, taught": a "one" of
    # a partitive that a name identifies points to a person, it counts no one
    if phrase == [head] and vocab.units.get(tree.lower(head)) == 1 and tree[head].dep != "nummod" \
            and any(tree.lower(p) in vocab.of_preps for p in tree.children(head, "prep")) \
            and _named_person(tree, head):
        return True
    if any(tree[i].ent_type in vocab.not_counts for i in phrase) and not _mislabelled_count(tree, phrase, vocab):
        return True
    owner = tree.head(head)
    # "Sri Lanka, 30,000" in a list that leaves out the verb is a count, not an age or a name
    named = tree.mention(owner) if owner is not None and owner < first else None
    listed = named is not None and named.label != "NORP" and country_of(named.text) is not None
    # "Smith, 45," is an age or an identifier; "173 injured, 20 of them severely" is a count
    of_them = any(tree.lower(p) in vocab.of_preps and any(tree[o].pos == "PRON" for o in tree.children(p, "pobj"))
                  for p in tree.children(head, "prep"))
    if tree[head].dep == "appos" and not listed and not of_them:
        return True
    # "a town of 30,000" counts who live there
    above = tree.head(head)
    if tree[head].dep == "pobj" and above is not None and tree.lower(above) in vocab.of_preps \
            and tree.head(above) is not None and tree.lemma(tree.head(above)) in vocab.place_nouns:
        return True
    # after the noun it modifies, a number is part of a name: "Flight 447", "flight 447", "Route 30"
    if tree[head].dep == "nummod" and owner is not None and owner < first and not listed:
        return True
    if len(phrase) == 1 and _looks_like_year(tree, head, vocab):
        return True
    # "the '93 killings": two digits after a year's mark are a year
    if first > 0 and tree[first - 1].text in vocab.year_marks and tree.joined(first - 1, first) \
            and len(tree[first].text) == 2 and tree[first].text.isdigit():
        return True
    after = tree.lower(head + 1) if head + 1 < len(tree) else ""
    after2 = f"{after} {tree.lower(head + 2)}" if head + 2 < len(tree) else ""
    if after in vocab.percent_words or after2 in vocab.percent_words \
            or (first > 0 and (tree[first - 1].tag in vocab.currency_tags
                               or tree.lower(first - 1) in vocab.currency_before)):
        return True
    if _in_ratio(tree, first, head, vocab):
        return True
    # part of a hyphenated word or a code: "no-one", "737-800", "F-16" (not a range: "100-120 troops")
    if first >= 2 and tree.lower(first - 1) == "-" and tree.joined(first - 2, first - 1) \
            and tree.joined(first - 1, first) and not _dash_range(tree, first - 2, first):
        return True
    if after == "-" and tree.joined(head, head + 1) and tree.joined(head + 1, head + 2) \
            and tree.lemma(head + 2) not in vocab.strength_words \
            and not _dash_range(tree, head, head + 2):  # "a 1,500-strong battalion" counts
        return True
    # a day of the month the parser left out of the date: "the 11 March 2004 bombings"
    day = tree[head].text.isdigit() and 1 <= int(tree[head].text) <= 31
    for j in (first - 1, head + 1):
        if day and 0 <= j < len(tree) and tree[j].pos == "PROPN" and tree[j].ent_type == "DATE":
            return True
    near = [tree.head(head) or head, *tree.children(head)]
    # "ranging in age from 50 to 110": the word a range's prepositions hang on, and what its "in" says
    top = head
    while tree[top].dep in ("pobj", "prep") and tree.head(top) is not None:
        top = tree.head(top)
    near += [o for p in tree.children(top, "prep") for o in tree.children(p, "pobj")] if top != head else []
    return any(tree.lemma(n) in vocab.age_words for n in near)


def _named_person(tree: Tree, head: int) -> bool:
    """A person's name stands in apposition to the word, or is what the word is ("... was X")."""
    named = tree.children(head, "appos")
    gov = tree.head(head)
    if tree[head].dep == "nsubj" and gov is not None and tree.lemma(gov) == "be":
        named += tree.children(gov, "attr")
    return any((m := tree.mention(n)) is not None and m.label == "PERSON" for n in named)


def _in_ratio(tree: Tree, first: int, head: int, vocab: Words) -> bool:
    """Either number of a ratio: "one in every five inhabitants", "three out of four"."""
    def link_at(start: int, value_one: bool) -> int | None:  # the link's length, if one starts here
        for link in (*vocab.ratio_links, *(vocab.ratio_after_one if value_one else ())):
            words = link.split()
            if [tree.lower(j) for j in range(start, min(len(tree), start + len(words)))] == words:
                return len(words)
        return None

    def is_one(i: int) -> bool:
        return tree.lower(i) == "1" or vocab.units.get(tree.lower(i)) == 1

    # the first number: a link and a number after it
    n = link_at(head + 1, is_one(head))
    if n is not None and head + 1 + n < len(tree) and tree[head + 1 + n].pos == "NUM":
        return True
    # the second: a number and a link before it
    for n in {len(link.split()) for link in (*vocab.ratio_links, *vocab.ratio_after_one)}:
        j = first - n - 1
        if j >= 0 and tree[j].pos == "NUM" and link_at(j + 1, is_one(j)) == n:
            return True
    return False


def _dash_range(tree: Tree, a: int, b: int) -> bool:
    """Digits a and b either side of a dash, with no space, are a range when the smaller comes first
    and they count a plural noun ("100-120 troops"); a code is a model or a name ("a 737-800")."""
    if a < 0 or b != a + 2 or b >= len(tree) or tree[a + 1].text not in ("-", "\u2013") \
            or not (tree.joined(a, a + 1) and tree.joined(a + 1, b)):
        return False
    low, high = tree.lower(a).replace(",", ""), tree.lower(b).replace(",", "")
    if not (low.isdigit() and high.isdigit() and int(low) < int(high)):
        return False
    return any(tree[n].tag in ("NNS", "NNPS") for x in (a, b) if tree[x].dep == "nummod" and (n := tree.head(x)) is not None)


def range_partner(tree: Tree, phrase: Sequence[int], vocab: Words) -> int | None:
    """The first word of a range's other end, when the words read "between 50 and 60", whatever
    the parse: the number after the join for the first end, the one before it for the second."""
    first, last = phrase[0], phrase[-1]
    if _dash_range(tree, last, last + 2):
        return last + 2
    if _dash_range(tree, first - 2, first):
        return first - 2
    if first > 0 and tree.lower(first - 1) in vocab.range_preps and last + 2 < len(tree) \
            and tree.lower(last + 1) in vocab.range_joins and _is_numeric(tree, last + 2, vocab):
        return last + 2
    j = first - 2
    if j < 0 or tree.lower(first - 1) not in vocab.range_joins or not _is_numeric(tree, j, vocab):
        return None
    while j > 0 and _is_numeric(tree, j - 1, vocab):  # "between two hundred and three hundred"
        j -= 1
    return j if j > 0 and tree.lower(j - 1) in vocab.range_preps else None


def _hedge(tree: Tree, phrase: list[int], vocab: Words) -> tuple[Hedge | None, tuple[int, ...]]:
    """The hedge phrase right before the number, if it modifies the number or its noun.

    The parse decides: in "talked about 5 soldiers" "about" governs the noun
    instead of hanging from it, so it is no hedge.
    """
    head = phrase[-1]
    owners = {head, tree.head(head)} - {None}
    first = phrase[0]
    for hedge in vocab.hedges:
        n = len(hedge.words.split())
        span = list(range(first - n, first))
        if not span or span[0] < 0 or " ".join(tree.lower(i) for i in span) != hedge.words:
            continue
        if all(owners & set(tree.ancestors(i)) for i in span) or \
                (tree.head(head) in span and tree[head].dep == "pobj"):  # "is over 120,000"
            return hedge, tuple(span)
    # "between 50 and 60": both numbers of a range share its hedge, whether the range word opens
    # the first number or governs their noun ("killed between 50 and 60 people")
    opener = tree.head(head) if tree[head].dep == "conj" and tree.head(head) is not None else head
    noun = tree.head(opener)
    words = {tree.lower(opener - 1)} if opener > 0 else set()
    if noun is not None and tree[noun].dep == "pobj" and tree.head(noun) is not None:
        words.add(tree.lower(tree.head(noun)))
    # (a range has two ends: "a link between the five killings" is no range)
    two_ends = tree[head].dep == "conj" or any(_is_numeric(tree, c, vocab) for c in tree.children(head, "conj"))
    partner = range_partner(tree, phrase, vocab)
    if partner is not None:  # the words say it: the range word before the first end
        words, two_ends = {tree.lower(min(partner, first) - 1)}, True
    ranged = next((h for h in vocab.hedges if h.words in words & vocab.range_preps), None) if two_ends else None
    if ranged is not None:
        return ranged, ()
    # "the toll passed 5,000", "is nearing 150,000": the verb right before its object bounds it
    verb = first - 1
    if verb >= 0 and tree.head(head) == verb and tree[head].dep == "dobj" and tree.lemma(verb) in vocab.hedge_verbs:
        bound = vocab.hedge_verbs[tree.lemma(verb)]
        # "could exceed C$9 billion": the modal stays with the verb, as a reader must see it
        if verb > 0 and tree[verb - 1].tag == "MD" and tree.head(verb - 1) == verb:
            return Hedge(f"{tree.lower(verb - 1)} {tree.lower(verb)}", True, bound), (verb - 1, verb)
        return Hedge(tree.lower(verb), True, bound), (verb,)
    return None, ()


def _phrases(tree: Tree, vocab: Words):
    """(head, phrase, value) of each whole number phrase in the sentence, in order."""
    for i in range(len(tree)):
        if not _is_numeric(tree, i, vocab):
            continue
        h = tree.head(i)
        if h is not None and _is_numeric(tree, h, vocab) and tree[i].dep in ("compound", "nummod", "quantmod", "punct") \
                and (i in _phrase(tree, h, vocab) or i in _scaled(tree, h, vocab)):
            continue  # a part of a longer phrase: "two" in "two hundred"; not "580,000" in "580,000 to 569,000"
        if tree.lower(i) in vocab.scales and i > 0 and _is_numeric(tree, i - 1, vocab) and i in _scaled(tree, i - 1, vocab):
            continue  # "dozen" after "two", both hung on the noun they count
        phrase = _phrase(tree, i, vocab)
        if not phrase or phrase[-1] != i:
            continue
        phrase += _scaled(tree, i, vocab)
        value = parse_value([tree.lower(j) for j in phrase], vocab)
        if value is not None:
            yield i, phrase, value


def numbers(tree: Tree, vocab: Words) -> list[Number]:
    """Every number phrase in the sentence that can be a count."""
    out = []
    for i, phrase, value in _phrases(tree, vocab):
        # (a count is whole: "a 7.8 magnitude quake" measures; "1.5 million" is whole, and so is the
        # first end of "between 1.1 and 1.5 million", which takes the scale after it)
        scaled_after = any(tree.lower(j) in vocab.scales for j in range(phrase[-1] + 1, min(len(tree), phrase[-1] + 4)))
        if value != int(value) and not scaled_after or _not_a_count(tree, phrase, vocab):
            continue
        hedge, hedge_tokens = _hedge(tree, phrase, vocab)
        out.append(Number(i, tuple(phrase), value, hedge, hedge_tokens))
    # "between 1.1 and 1.5 million", "1.1 to 1.5 million": the first end takes the second's scale
    starts = {n.tokens[0]: k for k, n in enumerate(out)}
    for k, a in enumerate(out):
        last = a.tokens[-1]
        partner = range_partner(tree, a.tokens, vocab)
        if partner is None and last + 2 < len(tree) and tree.lower(last + 1) in vocab.range_links:
            partner = last + 2
        b = out[starts[partner]] if partner is not None and partner > last and partner in starts else None
        scale = vocab.scales.get(tree.lower(b.tokens[-1]), 1) if b is not None else 1
        if scale > 1 and tree.lower(last) not in vocab.scales and a.value * scale <= b.value:
            out[k] = replace(a, value=round(a.value * scale))
    return out


def bare_numbers(tree: Tree, vocab: Words) -> list[Number]:
    """Every number phrase, with its hedge, whatever the recogniser took it for: the number of a
    list item ("Peru - 45") is its count, and the recogniser reads such lines poorly."""
    out = []
    for i, phrase, value in _phrases(tree, vocab):
        hedge, hedge_tokens = _hedge(tree, phrase, vocab)
        out.append(Number(i, tuple(phrase), value, hedge, hedge_tokens))
    return out


def amounts(tree: Tree, vocab: Words) -> list[Number]:
    """Sums of money: a number phrase after a currency sign or before a currency word ("$45 million",
    "£70m", "$27bn", "20bn baht")."""
    found = [(i, phrase, value, _word_scale(tree, phrase, vocab)) for i, phrase, value in _phrases(tree, vocab)]
    # "$27bn": the number and its scale in one word, which is no number phrase
    seen = {i for i, *_ in found}
    for i in range(len(tree)):
        m = _SCALED.match(tree.lower(i).rstrip("."))
        if i not in seen and m and m.group(2) in vocab.money_scales:
            scale = vocab.money_scales[m.group(2)]
            found.append((i, [i], float(m.group(1).replace(",", "")) * scale, scale))
    out: list[tuple[Number, int]] = []
    for i, phrase, value, scale in sorted(found):
        first, last = phrase[0], i
        # "$510m": the scale as a word of its own after the number
        short = tree.lower(i + 1).rstrip(".") if i + 1 < len(tree) else ""
        if short in vocab.money_scales and scale == 1 and _DIGITS.match(tree.lower(i)):
            scale, last = vocab.money_scales[short], i + 1
            value *= scale
        sign = first > 0 and (tree[first - 1].tag in vocab.currency_tags or tree.lower(first - 1) in vocab.currency_before)
        after = tree.lemma(last + 1) if last + 1 < len(tree) else ""
        whose = _currency_country(tree, last, vocab) if not sign and after not in vocab.currency_words else None
        if not (sign or after in vocab.currency_words or whose):
            continue
        hedge, hedge_tokens = _hedge(tree, [first - 1, *phrase] if sign else phrase, vocab)
        if whose:
            unit = whose
        elif sign:  # a sign the table does not name keeps its letters: "C$", "A$"
            unit = vocab.currencies.get(tree.lower(first - 1), tree[first - 1].text)
        else:
            unit = vocab.currencies.get(after, after)
        out.append((Number(i, tuple(phrase), value, hedge, hedge_tokens, unit), scale))
    # "$1.3 to $1.5bn", "$2 billion to $3 billion", "between $2 billion and $3 billion": two ends of
    # a range; the first takes the second's scale when it has none of its own
    for k in range(len(out) - 1):
        (a, a_scale), (b, b_scale) = out[k], out[k + 1]
        between = range(a.tokens[-1] + 1, b.tokens[0])
        opened = a.hedge is not None and a.hedge.words in vocab.range_preps
        links = vocab.range_links | (vocab.range_joins if opened else frozenset())
        if between and tree.lower(between[0]) in links \
                and all(tree.lower(j) in links or tree[j].tag in vocab.currency_tags for j in between):
            scale = b_scale if a_scale == 1 and b_scale > 1 else 1
            out[k] = (replace(a, value=a.value * scale, ranged=True), max(a_scale, scale))
            out[k + 1] = (replace(b, ranged=True, hedge=b.hedge or (a.hedge if opened else None)), b_scale)
    # "C$9 billion ($7 billion)": a sum in apposition to another restates it in another currency
    heads = {n.head for n, _ in out}
    out = [(n, s) for n, s in out if not (tree[n.head].dep == "appos" and tree.head(n.head) in heads)]
    return [replace(n, value=int(n.value) if float(n.value).is_integer() else n.value) for n, _ in out]


def _currency_country(tree: Tree, last: int, vocab: Words) -> str | None:
    """The currency a country's name puts between a number and its currency word ("20 billion U.S.
    dollars", "3 billion Hong Kong dollars"), as a label names it; the country whose currency the
    bare word means adds nothing ("dollars"), another one stays ("Hong Kong dollars")."""
    word = tree.head(last)
    if word is None or word <= last + 1 or tree.lemma(word) not in vocab.currency_words:
        return None
    between = range(last + 1, word)
    if not all(tree[j].dep in ("compound", "amod") and tree.head(j) in (word, *between) for j in between):
        return None
    name = tree.text(last + 1, word - 1)
    country = country_of(name)
    if country is None:
        return None
    label = vocab.currencies.get(tree.lemma(word), tree.lemma(word))
    return label if vocab.currency_homes.get(tree.lemma(word)) == country else f"{name} {label}"


def _word_scale(tree: Tree, phrase: list[int], vocab: Words) -> int:
    """The scale a number phrase ends in ("1.5 billion": a billion), else 1."""
    return vocab.scales.get(tree.lower(phrase[-1]), 1) if len(phrase) > 1 else 1


def list_enumerators(tree: Tree) -> list[int]:
    """The numbers that number a list's items, as a flattened page runs them into its lines: "2."
    opening a line ("2. Sri Lanka: 28,729") or closing the item before ("Thailand: 4,993 5.")."""
    last = len(tree) - 1
    return [i for i in (0, last - 1) if 0 <= i < last and tree[i].text.isdigit() and tree[i + 1].text == "."]
