"""The `--match` query: which feed items belong to the story.

A query is words, "quoted phrases" and entity names joined by AND, OR and NOT
(in capitals; two terms side by side mean AND), grouped with parentheses:

    militia OR airstrike
    "Kataib Hezbollah" AND (drone OR rocket) NOT exercise

How a term matches text, by rule rather than by a list of words:
- whole words only, case aside: `strike` matches "Strike" and "strikes", not "airstrike";
  a plural `s`/`es` and a possessive `'s` are allowed; `milit*` matches any word starting so;
- a word written in capitals ("US", "UN") is an abbreviation and matches only in capitals,
  so "US" is not "us";
- a phrase matches its words in order, across spaces, line breaks and hyphens;
- accents are ignored on both sides ("Sadr" matches "Ṣadr");
- an entity name in `data/aliases.toml` matches any name of that entity ("United States"
  matches "U.S." and "America").
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .errors import BriefingError

OPERATORS = ("AND", "OR", "NOT")


class QueryError(BriefingError):
    """A query that cannot be read; the message says where."""


def fold(text: str) -> str:
    """Text without accents and with plain apostrophes, so that matching ignores both."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ʼ", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # as written, without quotes

    def pattern(self) -> re.Pattern:
        return _term_pattern(self.text)

    def matches(self, text: str) -> bool:
        return self.pattern().search(text) is not None

    def __str__(self) -> str:
        return f'"{self.text}"' if " " in self.text else self.text


@dataclass(frozen=True, slots=True)
class Not:
    part: object

    def matches(self, text: str) -> bool:
        return not self.part.matches(text)

    def __str__(self) -> str:
        return f"NOT {self.part}"


@dataclass(frozen=True, slots=True)
class All:
    parts: tuple

    def matches(self, text: str) -> bool:
        return all(p.matches(text) for p in self.parts)

    def __str__(self) -> str:
        return "(" + " AND ".join(map(str, self.parts)) + ")"


@dataclass(frozen=True, slots=True)
class Any:
    parts: tuple

    def matches(self, text: str) -> bool:
        return any(p.matches(text) for p in self.parts)

    def __str__(self) -> str:
        return "(" + " OR ".join(map(str, self.parts)) + ")"


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query; `matches(text)` says whether a text belongs to the story."""

    source: str
    root: object

    @classmethod
    def parse(cls, text: str) -> "Query":
        return cls(text, _Parser(text).parse())

    def matches(self, text: str) -> bool:
        return self.root.matches(fold(text))

    def __str__(self) -> str:
        return self.source


_TOKEN = re.compile(r'\s*(?:(?P<paren>[()])|"(?P<phrase>[^"]*)(?P<closed>"?)|(?P<word>[^\s()"]+))')


class _Parser:
    """Recursive descent: or := and (OR and)*; and := not ([AND] not)*; not := NOT not | atom."""

    def __init__(self, text: str):
        self.text = text
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m or m.end() == pos:
                break
            pos = m.end()
            if m.group("paren"):
                self.tokens.append(("paren", m.group("paren")))
            elif m.group("phrase") is not None:
                if not m.group("closed"):
                    raise QueryError(f'--match: a quote is not closed in "{text}"')
                words = " ".join(m.group("phrase").split())
                if words:
                    self.tokens.append(("term", words))
            elif m.group("word") in OPERATORS:
                self.tokens.append(("op", m.group("word")))
            elif m.group("word"):
                self.tokens.append(("term", m.group("word")))
        self.at = 0

    def parse(self):
        if not self.tokens:
            raise QueryError("--match: the query is empty; give words, phrases or names")
        node = self._or()
        if self.at < len(self.tokens):
            raise QueryError(f"--match: unexpected '{self.tokens[self.at][1]}' in \"{self.text}\"")
        return node

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _or(self):
        parts = [self._and()]
        while self._peek() == ("op", "OR"):
            self.at += 1
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else Any(tuple(parts))

    def _and(self):
        parts = [self._not()]
        while (token := self._peek()) is not None and token not in (("op", "OR"), ("paren", ")")):
            if token == ("op", "AND"):
                self.at += 1
            parts.append(self._not())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def _not(self):
        if self._peek() == ("op", "NOT"):
            self.at += 1
            return Not(self._not())
        return self._atom()

    def _atom(self):
        token = self._peek()
        if token is None:
            raise QueryError(f"--match: \"{self.text}\" ends with an operator; a word or phrase must follow")
        kind, value = token
        self.at += 1
        if kind == "term":
            return Term(fold(value))
        if token == ("paren", "("):
            node = self._or()
            if self._peek() != ("paren", ")"):
                raise QueryError(f"--match: a parenthesis is not closed in \"{self.text}\"")
            self.at += 1
            return node
        raise QueryError(f"--match: unexpected '{value}' in \"{self.text}\"; a word or phrase must come first")


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _word_pattern(word: str) -> str:
    if word.endswith("*") and len(word) > 1:
        return re.escape(word[:-1]) + r"\w*"
    stem = re.escape(word)
    if word[-1:].isalpha():  # a plural or possessive ending, as English writes it
        return stem + r"(?:e?s|'s)?"
    return stem


@functools.lru_cache(maxsize=1)
def _alias_entries() -> tuple:
    from .extract.entities import load_aliases

    return tuple(load_aliases())


def _names_of(term: str) -> list[str]:
    """The term, and every other name of the entity it names in data/aliases.toml."""
    key = term.casefold()
    for entry in _alias_entries():
        names = (entry.name, *entry.aliases)
        if any(fold(n).casefold() == key for n in names):
            return [term] + [fold(n) for n in names if fold(n).casefold() != key]
    return [term]


@functools.lru_cache(maxsize=512)
def _term_pattern(term: str) -> re.Pattern:
    alternatives = []
    for name in _names_of(term):
        words = name.split()
        body = r"[\s\-–]+".join(
            f"(?-i:{_word_pattern(w)})" if _is_abbreviation(w) else _word_pattern(w) for w in words
        )
        alternatives.append(body)
    # Abbreviations with dots ("U.S.") end in a non-word character: bound by what follows.
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
