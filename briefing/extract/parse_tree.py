"""Walking the dependency parse that `analyze` stores on each sentence.

`Token.head` is an index within the sentence; this adds the reverse links
(children) and a few questions the extractors ask of the tree.
"""
from __future__ import annotations

from ..model import Mention, Sentence, Token

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})


def children(sentence: Sentence) -> list[list[int]]:
    """Each token's dependents, by index within the sentence."""
    kids: list[list[int]] = [[] for _ in sentence.tokens]
    for i, t in enumerate(sentence.tokens):
        if t.head != i and 0 <= t.head < len(kids):
            kids[t.head].append(i)
    return kids


def subtree(kids: list[list[int]], i: int) -> list[int]:
    """Token i and everything under it, in sentence order."""
    out, todo = [], [i]
    while todo:
        j = todo.pop()
        out.append(j)
        todo.extend(kids[j])
    return sorted(out)


class Tree:
    def __init__(self, sentence: Sentence):
        self.sentence = sentence
        self.tokens: tuple[Token, ...] = sentence.tokens
        self.kids = children(sentence)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, i: int) -> Token:
        return self.tokens[i]

    def head(self, i: int) -> int | None:
        """The head's index; None for the root, and for a head outside the sentence (a sentence
        cut by a line break can leave one there), which must not wrap around as a negative index."""
        h = self.tokens[i].head
        return None if h == i or not 0 <= h < len(self.tokens) else h

    def children(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.kids[i] if not deps or self.tokens[c].dep in deps]

    def subtree(self, i: int) -> list[int]:
        return subtree(self.kids, i)

    def ancestors(self, i: int) -> list[int]:
        out = []
        h = self.head(i)
        while h is not None and h not in out:
            out.append(h)
            h = self.head(h)
        return out

    def lower(self, i: int) -> str:
        return self.tokens[i].text.lower()

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def end(self, i: int) -> int:
        """Character offset (into the source) just after token i."""
        tok = self.tokens[i]
        return tok.start + len(tok.text)

    def joined(self, i: int, j: int) -> bool:
        """Tokens i and i+1 (= j) touch, with no space between them: "no-one"."""
        return 0 <= i < j < len(self.tokens) and self.end(i) == self.tokens[j].start

    def text(self, first: int, last: int) -> str:
        """The source text from token `first` to token `last`, inclusive."""
        s = self.sentence
        return s.text[self.tokens[first].start - s.start:self.end(last) - s.start]

    def passive(self, verb: int) -> bool:
        return bool(self.children(verb, "auxpass", "nsubjpass"))

    def mention(self, i: int) -> Mention | None:
        start = self.tokens[i].start
        return next((m for m in self.sentence.mentions if m.start <= start < m.end), None)
