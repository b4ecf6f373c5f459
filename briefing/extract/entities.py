"""Entity cards: named entities with their spellings merged into one card.

Spellings merge by rule (case, diacritics, a leading article or courtesy title,
"al-" prefixes, vowel-only transliteration differences, a surname standing for a
full name, an acronym of a longer name) and by the alias table in
`data/aliases.toml`. A surname the model read as an organisation, or spelled with
other vowels, stands for the person when every article using it names that person
in full.

A card also carries the roles the text gives the entity, read from the parse: an
apposition ("John Carter, a military spokesman for the prime minister"; "the government
spokesperson, Lina Haddad") or the title words before a person's name ("Regional Prime
Minister Hamid Karim al-Nouri").
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..model import EntityCard, Mention, ParsedSource, Sentence
from .parse_tree import children, subtree

ALIASES = Path(__file__).resolve().parent.parent / "data" / "aliases.toml"
CARD_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_PARTICLES = ("al-", "el-", "al ", "el ")


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset[str], frozenset[str]]:
    """(courtesy titles, ranks and offices) as `data/aliases.toml` lists them."""
    with open(ALIASES, "rb") as f:
        data = tomllib.load(f)
    return frozenset(data.get("courtesy_titles", ())), frozenset(data.get("person_titles", ()))


def fold(text: str) -> str:
    """Lower case without diacritics: "Erdoğan" and "Erdogan" fold alike."""
    if text.isascii():  # the same result, without decomposing: most names, and the whole gazetteer index
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def surface(text: str) -> str:
    """A mention as a card would show it: no leading article, no possessive."""
    text = " ".join(text.split())
    text = _LEADING.sub("", text)
    text = _POSSESSIVE.sub("", text).strip(" -–—,;:\"'“”‘’")
    words = text.split()
    # a name ends with a name word: "Kataib Hezbollah militia" is Kataib Hezbollah
    while len(words) > 1 and not any(ch.isupper() for ch in words[-1]):
        words.pop()
    return " ".join(words)


def key(text: str) -> str:
    """The spelling-insensitive form two mentions of one name share."""
    words = []
    for w in fold(surface(text)).replace("’", "'").split():
        for p in _PARTICLES[:2]:
            if w.startswith(p) and len(w) > len(p) + 1:
                w = w[len(p):]
        words.append(w.strip(".'"))
    words = [w for w in words if w]
    if len(words) > 1 and words[0] in _titles()[0]:  # "Mr Blair" is Blair
        words = words[1:]
    return " ".join(words)


def skeleton(k: str) -> str:
    """Consonants only, doubled letters once: Mohammed/Muhammad, Hezbollah/Hizbollah."""
    out = []
    for word in k.split():
        cons = re.sub(r"[aeiouy\W\d_]", "", word)
        cons = re.sub(r"(.)\1+", r"\1", cons)
        out.append(cons)
    return " ".join(out)


def _vowel_shape(word: str) -> tuple[int, bool]:
    """How many runs of vowels a name has, and whether it ends in one: spellings of one name with other
    vowels keep both (Karimi/Karimy, Hussein/Hussain), other names that share consonants do not
    (Hossain/Hasina)."""
    runs = re.findall(r"[aeiouy]+", word)
    return len(runs), word[-1:] in "aeiouy"


def transliterated(k: str) -> str:
    """The form two transliterations of one name share, vowels kept (unlike `skeleton`): doubled
    letters once and no final "h" after a vowel, Karrada/Karada, Fallujah/Falluja."""
    k = re.sub(r"(.)\1+", r"\1", k)
    return re.sub(r"(?<=[aeiou])h\b", "", k)


@dataclass(frozen=True, slots=True)
class AliasEntry:
    name: str
    label: str
    aliases: tuple[str, ...]


def load_aliases(path: Path = ALIASES) -> list[AliasEntry]:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return [
        AliasEntry(e["name"], e.get("label", "ORG"), tuple(e.get("aliases", ())))
        for e in data.get("entity", [])
    ]


def place_types(path: Path = ALIASES) -> frozenset[str]:
    with open(path, "rb") as f:
        return frozenset(w.lower() for w in tomllib.load(f).get("place_types", ()))


class _Clusters:
    """Union-find over normalised spellings."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _is_acronym(spelling: str) -> bool:
    letters = spelling.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 6


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@dataclass(frozen=True, slots=True)
class SourceNames:
    """What the cards read from one source alone: its mentions and the roles its parse gives."""

    mentions: tuple[tuple[str, str], ...]  # (text, label) of every mention, in text order
    roles: tuple[tuple[str, str], ...]  # (key of the named entity, role), in text order


def person_name(text: str) -> str:
    """A person's name without the rank, office or nationality the recogniser took in with it:
    "Chief Superintendent Steve Graham" is Steve Graham, "Singaporean Vanessa Cheong" Vanessa Cheong."""
    from .countries import country_of  # here: countries reads names through this module

    words = text.split()
    ranks = _titles()[1]
    # (a nationality is a word of its own, "Singaporean", not a code: "Hun Sen" is no Hungarian)
    while len(words) > 1 and (words[0].lower().strip(".") in ranks
                              or len(words[0]) > 3 and not words[0].isupper()
                              and (c := country_of(words[0])) and c != key(words[0])):
        words.pop(0)
    return " ".join(words)


def source_names(p: ParsedSource) -> SourceNames:
    roles = tuple((key(m.text), role) for sent in p.sentences for m, role in mention_roles(sent)
                  if m.label in CARD_LABELS and key(m.text))
    return SourceNames(tuple((m.text, m.label) for s in p.sentences for m in s.mentions), roles)


def entity_cards(parsed: Sequence[ParsedSource], aliases: Iterable[AliasEntry] | None = None) -> list[EntityCard]:
    """One card per entity, most mentioned first."""
    return cards_of([(p.source.id, source_names(p)) for p in parsed], aliases)


def cards_of(names: Sequence[tuple[str, SourceNames]], aliases: Iterable[AliasEntry] | None = None) -> list[EntityCard]:
    """The cards of every source's names (source id, `source_names`), in source order."""
    from .countries import country_of  # here: countries reads names through this module

    aliases = list(load_aliases() if aliases is None else aliases)
    forms: dict[str, Counter] = defaultdict(Counter)  # key -> surface spellings
    labels: dict[str, Counter] = defaultdict(Counter)
    sources: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, tuple[str, str]] = {}  # text -> (surface, key): a name recurs in many sources
    for sid, found in names:
        for text, label in found.mentions:
            if label not in CARD_LABELS:
                continue
            if text not in spelled:
                spelled[text] = (surface(text), key(text))
            shown, k = spelled[text]
            if not shown or not k:
                continue
            forms[k][shown] += 1
            labels[k][label] += 1
            sources[k].add(sid)

    clusters = _Clusters()
    fixed: dict[str, AliasEntry] = {}  # cluster key -> alias-table entry
    exact: dict[str, str] = {}  # acronyms match only as written: "IS" but not "is"
    folded: dict[str, str] = {}
    for entry in aliases:
        canonical = key(entry.name)
        for a in (entry.name, *entry.aliases):
            if _is_acronym(surface(a)):
                exact[surface(a)] = canonical
            else:
                folded[key(a)] = canonical
    for k in list(forms):
        target = next((exact[sp] for sp in forms[k] if sp in exact), None)
        if target is None and not any(_is_acronym(sp) for sp in forms[k]):
            target = folded.get(k)
        if target is not None:
            clusters.union(target, k)
            fixed[target] = next(e for e in aliases if key(e.name) == target)

    keys = sorted(forms, key=lambda k: (-len(k.split()), k))
    by_skeleton: dict[str, str] = {}
    by_spelling: dict[str, str] = {}  # two transliterations of a short name: "Karada", "Karrada"
    for k in keys:
        words = k.split()
        if len(words) >= 2 or len(k) >= 7:
            sk = skeleton(k)
            if sk in by_skeleton and sk.replace(" ", ""):
                clusters.union(by_skeleton[sk], k)
            else:
                by_skeleton.setdefault(sk, k)
        if len(k) >= 5:
            form = transliterated(k)
            if form in by_spelling:
                clusters.union(by_spelling[form], k)
            else:
                by_spelling[form] = k

    def main_label(k: str) -> str:
        return labels[k].most_common(1)[0][0]

    # A surname or shorter name stands for the one full name it ends.
    people = [k for k in keys if main_label(k) == "PERSON" and len(k.split()) >= 2]
    by_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)  # indexes keep this linear
    by_surname_skeleton: dict[str, list[str]] = defaultdict(list)
    people_sources: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, list[str]] = defaultdict(list)  # "hasib" -> ["hasib hussain"]
    for person in people:
        words = person.split()
        for n in range(1, len(words) + 1):
            by_suffix[tuple(words[-n:])].append(person)
        by_surname_skeleton[skeleton(words[-1])].append(person)
        by_first[words[0]].append(person)
        people_sources[clusters.find(person)] |= sources[person]
    # "Carlos Flores" for "Carlos Flores Facusse": a full name the one longer name begins with
    by_prefix: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for person in people:
        words = person.split()
        for n in range(2, len(words)):
            by_prefix[tuple(words[:n])].add(person)
    for person in people:
        longer = by_prefix.get(tuple(person.split()), set())
        if len(longer) == 1:
            clusters.union(longer.pop(), person)
    for k in keys:
        words = k.split()
        if len(words) >= 2 and main_label(k) == "PERSON":
            # "bin Laden" for "Osama bin Laden", "Kabangu Kalunga" for "Fino Kabangu Kalunga"
            longer = {clusters.find(p) for p in by_suffix.get(tuple(words), ()) if len(p.split()) > len(words)}
            if len(longer) == 1:
                clusters.union(longer.pop(), k)
            continue
        owners = {clusters.find(p) for p in by_suffix.get(tuple(words), ()) if p != k}
        # a one-word name the recogniser took for a group or a place ("Hasib" as an organisation,
        # "Hussain" as a place) may still be a person's, in articles that name that person; never
        # a country's name
        misread = main_label(k) in ("ORG", "GPE") and len(words) == 1 and country_of(k) is None
        if not owners and len(words) == 1 and (main_label(k) == "PERSON" or misread):
            # a first name alone, in articles that name the one person it begins
            owners = {clusters.find(p) for p in by_first.get(k, ()) if sources[k] <= sources[p]}
        exact = len(owners) == 1
        if not owners and len(words) == 1 and len(skeleton(k)) >= 2:
            # "Karimy" after "Ali Karimi": the surname spelled with other vowels, same article
            # (with as many syllables, ending alike: "Hossain" is not "Sheikh Hasina")
            owners = {clusters.find(p) for p in by_surname_skeleton.get(skeleton(k), ())
                      if sources[k] <= sources[p] and _vowel_shape(k) == _vowel_shape(p.split()[-1])}
        if len(owners) != 1:
            continue
        owner = owners.pop()
        if main_label(k) == "PERSON" and exact:
            clusters.union(owner, k)
        elif (main_label(k) == "PERSON" or misread) and len(words) == 1 and sources[k] <= people_sources[owner]:
            # "Merkel" read as an organisation, in articles that name Angela Merkel: a surname
            # in a text that gave the full name first is that person.
            clusters.union(owner, k)
            labels[k] = Counter({"PERSON": sum(labels[k].values())})

    # "the Atlantic" for "Atlantic Ocean": a place's name without the word saying what kind of place
    types = place_types()
    by_stem: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        words = k.split()
        if len(words) >= 2 and words[-1] in types and main_label(k) in ("LOC", "FAC", "GPE"):
            by_stem[" ".join(words[:-1])].add(clusters.find(k))
    for k in keys:
        # not a town or territory's own name ("Gaza" is a town as well as a strip's name)
        if len(by_stem.get(k, ())) == 1 and main_label(k) in ("LOC", "FAC") and country_of(k) is None:
            clusters.union(next(iter(by_stem[k])), k)

    # An acronym stands for the one multi-word name whose initials it spells.
    by_initials: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        for sp in forms[k]:
            if len(sp.split()) >= 2:
                by_initials[_initials(sp)].append(k)
    for k in keys:
        acronyms = [sp for sp in forms[k] if _is_acronym(sp) and len(sp) >= 2]
        if not acronyms:
            continue
        owners = {clusters.find(lk) for lk in by_initials.get(acronyms[0], ())}
        if len(owners) == 1:
            clusters.union(owners.pop(), k)

    roles: dict[str, list[str]] = defaultdict(list)  # key -> roles, in text order
    for _, found in names:
        for k, role in found.roles:
            roles[k].append(role)

    members: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        members[clusters.find(k)].append(k)

    cards = []
    for root, ks in members.items():
        spellings: Counter = Counter()
        label_count: Counter = Counter()
        srcs: set[str] = set()
        for k in ks:
            spellings.update(forms[k])
            label_count.update(labels[k])
            srcs |= sources[k]
        entry = fixed.get(root)
        if entry:
            name, label = entry.name, entry.label
        else:
            # (a full name before a courtesy title and surname, however often "Ms Sasieta" is used)
            name = max(spellings, key=lambda sp: (len(key(sp).split()) > 1 and not sp.isupper(), spellings[sp], len(sp)))
            label = label_count.most_common(1)[0][0]
            if label == "PERSON":
                name = person_name(name)  # shown without the rank the recogniser took in: the role shows it
        cards.append(
            EntityCard(
                name=name,
                label=label,
                aliases=tuple(sorted(sp for sp in spellings if sp != name)),
                mentions=sum(spellings.values()),
                sources=tuple(sorted(srcs, key=lambda s: int(s[1:]) if s[1:].isdigit() else 0)),
                roles=_distinct_roles(r for k in ks for r in roles.get(k, ())),
            )
        )
    cards.sort(key=lambda c: (-c.mentions, c.name))
    return cards


# --- The parse of a sentence ------------------------------------------------------------------


def token_mentions(sentence: Sentence) -> list[Mention | None]:
    """The mention each token is part of, or None."""
    out: list[Mention | None] = [None] * len(sentence.tokens)
    for m in sentence.mentions:
        for i, t in enumerate(sentence.tokens):
            if m.start <= t.start < m.end:
                out[i] = m
    return out


def mention_head(sentence: Sentence, mention: Mention) -> int | None:
    """The token of a mention whose head lies outside it (the name's syntactic head)."""
    inside = [i for i, t in enumerate(sentence.tokens) if mention.start <= t.start < mention.end]
    for i in inside:
        if sentence.tokens[i].head not in inside or sentence.tokens[i].head == i:
            return i
    return inside[-1] if inside else None


def span_text(sentence: Sentence, indices: Sequence[int]) -> str:
    """The sentence's text from the first to the last of `indices`."""
    first, last = sentence.tokens[indices[0]], sentence.tokens[indices[-1]]
    start = first.start - sentence.start
    return sentence.text[start:last.start - sentence.start + len(last.text)]


# --- Roles ---------------------------------------------------------------------------------------

_ROLE_MAX_WORDS = 12
_NAMED = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
_AMOUNTS = ("TIME", "DATE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL")
# Dependents that describe the role itself; relative clauses, nested appositions and the like
# ("a loose coalition that intensified operations ...") are left out.
_ROLE_DROP = ("relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "parataxis")


def mention_roles(sentence: Sentence) -> list[tuple[Mention, str]]:
    """(mention, role) for each role the sentence states for a named entity."""
    toks = sentence.tokens
    kids = children(sentence)
    owner = token_mentions(sentence)
    found = []
    for m in sentence.mentions:
        if m.label not in CARD_LABELS:
            continue
        h = mention_head(sentence, m)
        if h is None:
            continue
        inside = {i for i, o in enumerate(owner) if o is m}
        if _quoted(sentence, m):
            continue  # 'under the name "X"' names a name
        # "John Carter, a military spokesman for ...": the name's apposition, when no other
        # name comes between them ("Hamas and Israel, an important US ally" is Israel's)
        for a in kids[h]:
            if toks[a].dep == "appos" and a not in inside and toks[a].pos == "NOUN" and owner[a] is None \
                    and not any(owner[j] is not None and owner[j] is not m for j in range(max(inside), a)):
                found.append((m, _role_words(sentence, kids, a, exclude=inside)))
        # "The government spokesperson, Lina Haddad": the name is the noun's apposition
        if toks[h].dep == "appos" and toks[toks[h].head].pos == "NOUN" and owner[toks[h].head] is None:
            n = toks[h].head
            # "the leader of the ... organization, Omar Saleh": the name goes with the
            # noun the prepositional phrase hangs from
            # (a person; "east of the capital, Riyadh" is no role of Riyadh's)
            comma = min(inside) > 0 and toks[min(inside) - 1].text == "," and m.label == "PERSON"
            while comma and toks[n].dep == "pobj" and toks[toks[n].head].dep == "prep" \
                    and toks[toks[toks[n].head].head].pos == "NOUN":
                n = toks[toks[n].head].head
            found.append((m, _role_words(sentence, kids, n, exclude=set(subtree(kids, h)), before=min(inside))))
        # "Iraqi Prime Minister Hamid Karim al-Nouri": title words before a person's name
        if m.label == "PERSON":
            found.append((m, _title_before(sentence, kids, h, min(inside), owner)))
    return [(m, r) for m, r in found if r]


def _quoted(sentence: Sentence, m: Mention) -> bool:
    before = sentence.text[:m.start - sentence.start].rstrip()
    return before.endswith(("\"", "“", "‘"))


def _role_words(sentence: Sentence, kids, n: int, exclude: set[int], before: int | None = None) -> str:
    toks = sentence.tokens
    whole = [j for j in subtree(kids, n) if j not in exclude and (before is None or j < before)]
    if any(toks[j].ent_type == "PERSON" for j in whole):
        return ""  # "X, the prosecutor general of Tehran, Y,": the role is Y's, not X's
    keep, todo = [], [n]
    while todo:
        j = todo.pop()
        if j in exclude or (before is not None and j >= before):
            continue
        keep.append(j)
        todo.extend(c for c in kids[j] if toks[c].dep not in _ROLE_DROP)
    keep.sort()
    while keep and toks[keep[0]].pos in ("DET", "PUNCT") or keep and toks[keep[0]].dep == "poss":
        keep.pop(0)
    while keep and toks[keep[-1]].pos in ("PUNCT", "ADP", "CCONJ", "DET"):
        keep.pop()
    # contiguous words only, and a common noun among them: a description, not another name
    if not keep or keep[-1] - keep[0] + 1 != len(keep) or len(keep) > _ROLE_MAX_WORDS:
        return ""
    if not any(toks[i].pos == "NOUN" and toks[i].ent_type not in _NAMED for i in keep):
        return ""
    if any(toks[i].ent_type in _AMOUNTS or toks[i].text[:1].isdigit() for i in keep):
        return ""  # "(0100 UTC)" after "4:00 A.M. local time" is no role
    return _clean_role(span_text(sentence, keep))


def _title_before(sentence: Sentence, kids, h: int, first: int, owner) -> str:
    """The words right before a person's name that belong to it: "Iraqi political analyst"."""
    toks = sentence.tokens
    below = set(subtree(kids, h))
    head = toks[h].head
    if toks[h].dep == "appos" and head < first and first > 0 and toks[first - 1].text != ",":
        below |= set(subtree(kids, head))  # "Prime Minister [appos: Name]", no comma between
    i = first - 1
    while i >= 0 and i in below and toks[i].pos != "DET" and toks[i].dep not in ("poss", "case") \
            and (toks[i].dep != "punct" or toks[i].text in "-–" and i + 1 < first)  \
            and (owner[i] is None or owner[i].label in ("GPE", "NORP", "ORG", "LOC")):
        i -= 1  # "NATO Secretary-General": a hyphen inside the title is part of it
    words = list(range(i + 1, first))
    while words and toks[words[0]].pos in ("ADP", "CCONJ", "PUNCT"):
        words.pop(0)
    if not words or len(words) > _ROLE_MAX_WORDS:
        return ""
    # a title has a noun of its own: "Prime Minister", "analyst", not just "Iraqi"
    if not any(toks[j].pos in ("NOUN", "PROPN") and owner[j] is None for j in words):
        return ""
    return _clean_role(span_text(sentence, words))


def _clean_role(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:-–—\"'“”‘’()")


def _distinct_roles(roles: Iterable[str], limit: int = 4) -> tuple[str, ...]:
    """Roles in text order, each once; a role inside a longer one ("Prime Minister" in "Iraqi
    Prime Minister") gives way to it."""
    seen: dict[str, str] = {}
    for r in roles:
        seen.setdefault(fold(r), r)
    keep = [r for f, r in seen.items()
            if not any(f != g and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", g) for g in seen)]
    return tuple(keep[:limit])
