"""The plain objects that pass between the pipeline's stages.

Nothing here holds a spaCy object: a parsed source is reduced to tokens with
character offsets, so stages can be tested, cached and shipped between
processes without the model.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """One article as ingested: its cleaned text and what we know about it."""

    id: str  # "S1", "S2", ... in the order sources are listed
    path: str  # as given on the command line
    sha256: str  # of the raw bytes
    text: str  # cleaned text: page furniture dropped, lines otherwise verbatim
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    modified: float = 0.0  # file modification time, seconds since the epoch
    notes: tuple[str, ...] = ()  # e.g. "decoded as cp1252"
    duplicates: tuple[str, ...] = ()  # other paths with the same bytes
    byline: str | None = None  # "Lina Haddad and Tom Reyes"
    date_inferred: bool = False  # `published` is a date the text states about its present, not the page's date
    reasons: tuple[str, ...] = ()  # where headline, outlet, byline and date were read: "date from 'Updated June 5'"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not used, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """An article fetched from the web, as ingest reads it: its URL stands where a file's path would."""

    url: str
    body: bytes
    content_type: str  # "text/html", "application/pdf", ... as the server said
    fetched: float  # when, seconds since the epoch: the page's "file date"
    title: str | None = None  # what the feed that listed it says
    byline: str | None = None
    published: str | None = None  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token within the sentence
    ent_type: str  # "" outside an entity
    start: int  # character offset into Source.text
    like_num: bool
    is_stop: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention, offsets into Source.text."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Traits:
    """What choosing sentences reads from a quotable sentence's parse (`compose.traits`), kept
    with a source's work so that a rebuild chooses among kept sentences without their parse."""

    concepts: frozenset[tuple[str, ...]]  # summarize.concepts
    lemmas: frozenset[str]  # summarize.content_lemmas
    figures: frozenset[str]  # summarize.figures
    numbers: frozenset[str]  # summarize.numbers_of
    words: tuple[str, ...]  # summarize.words_of
    standalone: float  # compose.standalone


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a source; Source.text[start:end] == text.

    A sentence rebuilt from kept work has no tokens or mentions: `traits` (set only when it
    is quotable) carries what the summary reads from them."""

    source: str  # Source.id
    index: int  # position within its source, from 0
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]
    traits: Traits | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.source, self.index)


@dataclass(frozen=True, slots=True)
class ParsedSource:
    source: Source
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A sentence as the briefing quotes it.

    `citations` point at spans whose text equals `text` exactly (the same
    sentence in several sources); `also_in` points at near-duplicates: other
    sources saying nearly the same thing in their own words.
    """

    text: str
    citations: tuple[Citation, ...]
    also_in: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    topic: str
    title: str
    excerpts: tuple[Excerpt, ...]  # most about the topic first
    note: str | None = None  # why the section has no sentence (it is then left out of the reading formats)


@dataclass(frozen=True, slots=True)
class EntityCard:
    name: str
    label: str
    aliases: tuple[str, ...]
    mentions: int
    sources: tuple[str, ...]
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str
    value: float
    approx: bool
    label: str
    citations: tuple[Citation, ...]
    hedge: str | None = None
    sources: tuple[str, ...] = ()  # Source.id of every citing source, in order
    where: tuple[str, ...] = ()  # places the figure is stated for: ("Iraq", "Syria")
    when: str | None = None  # a date the sentence attaches to it: "in 2003"
    quantity: str | None = None  # LedgerRow.id of the quantity this is a value of


@dataclass(frozen=True, slots=True)
class LedgerValue:
    """One value of a quantity, as one or more sources give it."""

    value: float
    approx: bool
    hedge: str | None
    sources: tuple[str, ...]
    citations: tuple[Citation, ...]
    reported: str | None  # YYYY-MM-DD: the earliest publication date of a source giving it
    upper: float | None = None  # the range's other end, when the sentences give "between 50 and 60"


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One quantity counted ("US service members killed"), with every value the sources give."""

    id: str  # "q1", "q2", ...
    label: str
    kind: str
    values: tuple[LedgerValue, ...]  # the most recent first
    conflict: bool = False  # no one number satisfies every value with its hedge
    parts: tuple[str, ...] = ()  # ids of rows that count a part of this one
    part_of: str | None = None
    change: str = ""  # "people killed: rose from at least 60 (30 Oct, S1) to 67 (31 Oct, S9)"


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Discrepancy:
    label: str
    values: tuple[float, ...]
    citations: tuple[Citation, ...]
    quantity: str | None = None  # LedgerRow.id, for figure discrepancies
    change: str = ""  # how the values moved, or that sources disagree
    conflict: bool = True  # False: the values can all be right with their hedges (a toll that rose)
    by_value: tuple["LedgerValue", ...] = ()  # figure discrepancies: each value with the sources giving it


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # "2014", "2024-01", "2024-W04", "2024-01-28"; as written when `relative`
    text: str
    citations: tuple[Citation, ...]
    relative: bool = False  # `date` is the expression ("Friday", "last week"): no publication date to place it
    expression: str = ""  # the words the date was read from ("on Friday", "in 2014")


@dataclass(frozen=True, slots=True)
class Facts:
    """What the extract stage pulls out of the parsed sources."""

    entities: tuple[EntityCard, ...] = ()
    figures: tuple[Figure, ...] = ()
    ledger: tuple[LedgerRow, ...] = ()
    quotes: tuple[Quote, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureChange:
    kind: str
    label: str
    value: float
    previous: float | None  # None: a figure the previous build did not have
    citations: tuple[Citation, ...]
    upper: float | None = None  # a range's other end: "3,000-4,000"
    previous_upper: float | None = None


@dataclass(frozen=True, slots=True)
class Gone:
    """A figure or quote the previous briefing had only from sources now removed."""

    kind: str  # "figure" or "quote"
    text: str  # "people killed: 17" or the quotation
    sources: tuple[str, ...]  # how the removed sources were named: "S3 “Headline”"


@dataclass(frozen=True, slots=True)
class Changes:
    """What is different from the previous build into the same folder."""

    first_build: bool = True
    added: tuple[str, ...] = ()  # source paths
    removed: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()
    figures: tuple[FigureChange, ...] = ()
    new_summary: tuple[Excerpt, ...] = ()
    gone: tuple[Gone, ...] = ()
    names: dict[str, str] = field(default_factory=dict)  # source path -> "S3 “Headline”"

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.edited or self.figures or self.new_summary or self.gone)

    def name(self, path: str) -> str:
        return self.names.get(path, path)


@dataclass(frozen=True, slots=True)
class Briefing:
    title: str
    generated: str  # YYYY-MM-DD
    sources: tuple[Source, ...]
    summary: tuple[Excerpt, ...]
    sections: tuple[Section, ...]
    facts: Facts = field(default_factory=Facts)
    method: str = "lexrank"
    changes: Changes = field(default_factory=Changes)
    comment: str | None = None  # the analyst's comment (Markdown), never a source's words
