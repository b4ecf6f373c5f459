"""What a line of a page is, by its shape and by the patterns in `data/furniture.toml`.

Shapes: a line that ends like a sentence, one shaped like a headline (short, no full stop),
a widget (a few words, no punctuation). Classes: captions, credits, advertising, share bars,
section labels, breadcrumbs and the other kinds of page furniture named in the data file;
each is dropped wherever it stands, and none is ever read as a headline, outlet, byline or
date.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"

# A line "ends like a sentence" when its last letter-ish character is followed
# only by sentence punctuation and closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_STATEMENT_END = re.compile(r"[.…][\"'”’»)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[a-z][.!?][\"'”’)]* [A-Z`\"“‘]")


def words(line: str) -> int:
    return len(line.split())


def ends_like_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def balanced_quotes(text: str) -> bool:
    """False for a piece of a longer quotation: quoted out of it, nobody would know who speaks."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def reads_like_text(line: str) -> bool:
    """Article prose: a sentence of more than a phrase, or a paragraph of several cut off
    mid-sentence (a truncated page's last line)."""
    if words(line) <= 6:
        return False
    return ends_like_sentence(line) or (words(line) > 20 and bool(_SENTENCE_INSIDE.search(line)))


def is_headline_shaped(line: str) -> bool:
    """Short, and not ending in a full stop: a title, a link, a label or a button."""
    return 0 < words(line) <= 25 and len(line) <= 200 and not _STATEMENT_END.search(line)


# "Peru: 1,204", "3. Bolivia (inc border towns): 58", "4. Ecuador: 41 5. Colombia: 12": the rows of a
# table of figures, however a flattened page runs them together
_ITEM = r"(?:\d+\.\s*)?[^\W\d][^:]{0,80}?:\s*\d[\d,.]*"
_LABELLED_NUMBERS = re.compile(rf"{_ITEM}(?:\s+{_ITEM})*(?:\s+\d+\.)?")


def labelled_number_label(line: str) -> str | None:
    """The label of a line that gives a number under a label (a table's row), else None."""
    return line.split(":")[0] if _LABELLED_NUMBERS.fullmatch(line) else None


def is_widget_shaped(line: str) -> bool:
    """Very short and without sentence punctuation: a button, a counter, a label."""
    return words(line) <= 6 and not ends_like_sentence(line)


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    lines: tuple[re.Pattern, ...]
    list_headers: tuple[re.Pattern, ...]
    sentences: tuple[re.Pattern, ...]
    classes: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)
    section_words: frozenset[str] = frozenset()
    outlet_words: frozenset[str] = frozenset()
    date_words: frozenset[str] = frozenset()
    byline_openers: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path = DATA / "furniture.toml") -> "FurnitureRules":
        with open(path, "rb") as f:
            data = tomllib.load(f)

        def compile_all(patterns) -> tuple[re.Pattern, ...]:
            return tuple(re.compile(p, re.IGNORECASE) for p in patterns)

        meta = data.get("metadata", {})
        return cls(
            compile_all(data.get("lines", [])),
            compile_all(data.get("list_headers", [])),
            compile_all(data.get("sentences", [])),
            {name: compile_all(patterns) for name, patterns in data.get("line_classes", {}).items()},
            frozenset(w.lower() for w in meta.get("section_words", [])),
            frozenset(w.lower() for w in meta.get("outlet_words", [])),
            frozenset(w.lower() for w in meta.get("date_words", [])),
            tuple(sorted((w.lower() for w in meta.get("byline_openers", [])), key=len, reverse=True)),
        )

    def line_class(self, line: str) -> str | None:
        """The class of furniture `line` belongs to ("caption", "share", ...), else None."""
        line = line.strip()
        for name, patterns in self.classes.items():
            if any(p.fullmatch(line) for p in patterns):
                return name
        if self.is_section_label(line):
            return "section_label"
        return None

    def is_section_label(self, line: str) -> bool:
        """"World & Politics", "Middle East": a few words that all name sections of a site."""
        parts = line.lower().replace("&", " & ").split()
        named = [p for p in parts if p not in ("&", "and", "|")]
        return 0 < len(parts) <= 5 and bool(named) and all(p in self.section_words for p in parts)

    def is_furniture(self, line: str) -> bool:
        """A line of furniture; a whole line that is a credit or call to action ("(Reporting by
        ...)", "Ellis reported from Lima.") is one too."""
        return (any(p.fullmatch(line) for p in self.lines) or self.line_class(line) is not None
                or self.is_boilerplate_sentence(line))

    def is_list_header(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.list_headers)

    def is_boilerplate_sentence(self, sentence: str) -> bool:
        return any(p.fullmatch(sentence.strip()) for p in self.sentences)
