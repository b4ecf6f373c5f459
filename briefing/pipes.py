"""Two of the model's components, done again with the same output at a fraction of the cost.

spaCy's `attribute_ruler` runs a `Matcher` of 179 patterns over every token, and its
`lemmatizer` is a Python loop over every token; together they were a quarter of the time
the model spends on an article (more than its parser). Both are pure functions of a few
attributes of a token (and of the next token, for a handful of patterns), so each
distinct combination is worked out once, by the model's own patterns and lemmatizer,
and then looked up. `equivalent_pipeline` swaps them in only when every pattern is of a
shape this module reads exactly; otherwise the model's own components stay.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a pattern may test, as `Doc.to_array` gives them (hashes, or 0/1)
_READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]


class Unsupported(ValueError):
    """A pattern of a shape this module does not read exactly: keep the model's component."""


def _predicate(name: str, value, strings) -> Callable[[int], bool]:
    """A test of one attribute's value (a hash, or 0/1 for IS_SPACE), as the Matcher tests it."""
    def text(v: int) -> str:
        return strings[v] if v else ""

    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        return lambda v: bool(v) == value
    if isinstance(value, str):
        return lambda v: text(v) == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = set(arg)
            return lambda v: text(v) in allowed
        if op == "NOT_IN":
            banned = set(arg)
            return lambda v: text(v) not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: rx.search(text(v)) is not None
    raise Unsupported(f"{name} {value!r}")


class Attributes:
    """What the model's `attribute_ruler` sets on each token, looked up by the token's attributes.

    A word's LOWER is tested against a dictionary of the words the patterns name (and once
    per distinct word for the few patterns that test it otherwise), so the patterns are
    evaluated once per distinct (tag, dependency, space, words matched), not per word.
    """

    def __init__(self, ruler):
        strings = ruler.vocab.strings
        if len(ruler.attrs) != len(ruler.patterns):
            raise Unsupported("patterns and attributes do not pair up")
        self.strings = strings
        self.elements: list[list] = []  # per token pattern: tests of (tag, dep, space) columns
        self.named: dict[str, set[int]] = {}  # a word -> the elements whose LOWER is it
        self.lower_tests: list[tuple[int, Callable]] = []  # elements testing LOWER otherwise
        self.lowered: set[int] = set()  # elements that test LOWER at all
        self.rules = []  # (order, element ids, index, attrs), in the ruler's order
        for order, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                ids = [self._element(spec, strings) for spec in pattern]
                index = entry.get("index", 0)
                if not -len(ids) <= index < len(ids):
                    raise Unsupported(f"index {index} of a {len(ids)}-token pattern")
                self.rules.append((order, ids, index % len(ids), ruler.attrs[order]))
        self._words: dict[int, frozenset] = {}
        self._matched: dict[tuple, tuple] = {}

    def _element(self, spec: dict, strings) -> int:
        if not spec or "OP" in spec:
            raise Unsupported(f"token pattern {spec!r}")
        at = len(self.elements)
        tests = []
        for name, value in spec.items():
            if name not in _READ:
                raise Unsupported(f"attribute {name}")
            if name == "LOWER":
                self.lowered.add(at)
                words = [value] if isinstance(value, str) else \
                    value.get("IN") if isinstance(value, dict) and len(value) == 1 else None
                if isinstance(words, list):
                    for word in words:
                        self.named.setdefault(word, set()).add(at)
                else:
                    self.lower_tests.append((at, _predicate(name, value, strings)))
            else:
                tests.append((_COLUMNS.index(_READ[name]), _predicate(name, value, strings)))
        self.elements.append(tests)
        return at

    def _words_of(self, lower: int) -> frozenset:
        """The elements whose LOWER test this word passes."""
        found = self._words.get(lower)
        if found is None:
            text = self.strings[lower] if lower else ""
            ids = set(self.named.get(text, ())) | {e for e, test in self.lower_tests if test(lower)}
            found = self._words[lower] = frozenset(ids)
        return found

    def _rules_of(self, key: tuple) -> tuple[list, list]:
        """(order, attrs) of the one-token rules a token of `key` matches, and the longer rules it starts."""
        found = self._matched.get(key)
        if found is None:
            words = key[1]
            ok = {e for e, tests in enumerate(self.elements)
                  if (e in words or e not in self.lowered) and all(test(key[col]) for col, test in tests)}
            single = [(o, a) for o, ids, _, a in self.rules if len(ids) == 1 and ids[0] in ok]
            longer = [(o, ids, i, a) for o, ids, i, a in self.rules if len(ids) > 1 and ids[0] in ok]
            found = self._matched[key] = (single, longer, frozenset(ok))
        return found

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_COLUMNS).tolist()
        # LOWER stands in the key only by the elements it passes; the other columns as they are
        keys = [(row[0], self._words_of(row[1]), row[2], row[3]) for row in rows]
        found = [self._rules_of(key) for key in keys]
        extra: dict[int, list] = {}
        for i, (_, longer, _) in enumerate(found):
            for order, ids, index, attrs in longer:
                end = i + len(ids)
                if end <= len(found) and all(e in found[j][2] for e, j in zip(ids[1:], range(i + 1, end))):
                    extra.setdefault(i + index, []).append((order, attrs))
        for i, (single, _, _) in enumerate(found):
            matches = sorted(single + extra[i], key=lambda m: m[0]) if i in extra else single
            if matches:
                merged: dict = {}
                for _, attrs in matches:  # later rules win, as the ruler applies them
                    merged.update(attrs)
                set_token_attrs(doc[i], merged)
        return doc


class Lemmas:
    """The model's rule lemmatizer, asked once per distinct (word, part of speech, morphology)."""

    def __init__(self, lemmatizer):
        if lemmatizer.mode != "rule":
            raise Unsupported(f"lemmatizer mode {lemmatizer.mode}")
        if not lemmatizer._validated:
            lemmatizer._validate_tables()  # what the lemmatizer checks on its first call
        self.lemmatizer = lemmatizer
        self._known: dict[tuple, int] = {}
        # The model's word lists are lists, and each new word was looked up in them one by one
        index = lemmatizer.lookups.get_table("lemma_index", None)
        for pos, words in list(index.items()) if index else ():
            if isinstance(words, list):
                index[pos] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows, lemmas = table.tolist(), table[:, 3:].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = self._known.get(key)
            if value is None:
                value = self._known[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc


def equivalent_pipeline(nlp) -> None:
    """Put `Attributes` and `Lemmas` in place of the model's components, where they read it exactly."""
    from spacy.language import Language

    for name, factory in (("attribute_ruler", "briefing_attributes"), ("lemmatizer", "briefing_lemmas")):
        if name not in nlp.pipe_names:
            continue
        if factory not in Language.factories:
            Language.factory(factory, func=_FACTORIES[factory])
        try:
            nlp.add_pipe(factory, after=name)
        except Unsupported:
            continue
        nlp.remove_pipe(name)


_FACTORIES = {
    "briefing_attributes": lambda nlp, name: Attributes(nlp.get_pipe("attribute_ruler")),
    "briefing_lemmas": lambda nlp, name: Lemmas(nlp.get_pipe("lemmatizer")),
}
