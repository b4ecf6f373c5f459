"""Entity cards: named entities with their spellings merged into one card.

Spellings merge by rule (case, diacritics, a leading article, "al-" prefixes,
vowel-only transliteration differences, a surname standing for a full name,
an acronym of a longer name) and by the alias table in `data/aliases.toml`.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..model import EntityCard, Mention, ParsedSource

ALIASES = Path(__file__).resolve().parent.parent / "data" / "aliases.toml"
CARD_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_PARTICLES = ("al-", "el-", "al ", "el ")


def fold(text: str) -> str:
    """Lower case without diacritics: "Erdoğan" and "Erdogan" fold alike."""
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
    return " ".join(w for w in words if w)


def skeleton(k: str) -> str:
    """Consonants only, doubled letters once: Mohammed/Muhammad, Hezbollah/Hizbollah."""
    out = []
    for word in k.split():
        cons = re.sub(r"[aeiouy\W\d_]", "", word)
        cons = re.sub(r"(.)\1+", r"\1", cons)
        out.append(cons)
    return " ".join(out)


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


def entity_cards(parsed: Sequence[ParsedSource], aliases: Iterable[AliasEntry] | None = None) -> list[EntityCard]:
    """One card per entity, most mentioned first."""
    aliases = list(load_aliases() if aliases is None else aliases)
    mentions: list[tuple[str, Mention]] = [
        (p.source.id, m)
        for p in parsed
        for s in p.sentences
        for m in s.mentions
        if m.label in CARD_LABELS and surface(m.text)
    ]
    forms: dict[str, Counter] = defaultdict(Counter)  # key -> surface spellings
    labels: dict[str, Counter] = defaultdict(Counter)
    sources: dict[str, set[str]] = defaultdict(set)
    for sid, m in mentions:
        k = key(m.text)
        if not k:
            continue
        forms[k][surface(m.text)] += 1
        labels[k][m.label] += 1
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
    for k in keys:
        words = k.split()
        if len(words) >= 2 or len(k) >= 7:
            sk = skeleton(k)
            if sk in by_skeleton and sk.replace(" ", ""):
                clusters.union(by_skeleton[sk], k)
            else:
                by_skeleton.setdefault(sk, k)

    def main_label(k: str) -> str:
        return labels[k].most_common(1)[0][0]

    # A surname or shorter name stands for the one full name it ends.
    people = [k for k in keys if main_label(k) == "PERSON" and len(k.split()) >= 2]
    for k in keys:
        words = k.split()
        if len(words) >= 2 and main_label(k) == "PERSON":
            continue
        owners = {clusters.find(p) for p in people if p != k and p.split()[-len(words):] == words}
        if len(owners) == 1 and main_label(k) == "PERSON":
            clusters.union(owners.pop(), k)

    # An acronym stands for the one multi-word name whose initials it spells.
    long_names = [(k, sp) for k in keys for sp in forms[k] if len(sp.split()) >= 2]
    for k in keys:
        acronyms = [sp for sp in forms[k] if _is_acronym(sp) and len(sp) >= 2]
        if not acronyms:
            continue
        owners = {clusters.find(lk) for lk, sp in long_names if _initials(sp) == acronyms[0]}
        if len(owners) == 1:
            clusters.union(owners.pop(), k)

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
            name = max(spellings, key=lambda sp: (len(sp.split()) > 1 and not sp.isupper(), spellings[sp], len(sp)))
            label = label_count.most_common(1)[0][0]
        cards.append(
            EntityCard(
                name=name,
                label=label,
                aliases=tuple(sorted(sp for sp in spellings if sp != name)),
                mentions=sum(spellings.values()),
                sources=tuple(sorted(srcs, key=lambda s: int(s[1:]) if s[1:].isdigit() else 0)),
            )
        )
    cards.sort(key=lambda c: (-c.mentions, c.name))
    return cards
