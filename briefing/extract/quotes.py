"""Quotations: words in quotation marks, each with the entity that said them.

A quotation is the text between a pair of quotation marks (curly or straight; a quotation
still open at the end of a paragraph runs to its end, as newspapers write a quotation that
goes on into the next sentences). Quotations of one to three words are scare quotes or names
("embarrassing", "dangerous escalation", "Operation Peace Spring") and are left out.

The speaker is read from the parse of the sentences the quotation is in, never guessed from
nearby names alone:

* the subject of a verb of saying (`data/speech.toml`): "X said", "said X", "X, a military
  spokesman for Y, said in a statement", "the group, X, urged ... that '...'";
* whoever "according to" names;
* a pronoun ("he added") stands for the person most recently named as a subject in the
  same article;
* a common noun stands for the name it is in apposition with ("the government spokesperson,
  Lina Haddad"), the owner it has ("Erdogan's office", "the group's spokesman"), or the
  person whose role it names ("a statement from the prime minister's office" when the article
  names one prime minister); "the statement" is whoever issued the statement mentioned before;
* a quotation introduced by a colon or a comma after a clause ("X defended the decision: '...'")
  is its subject's;
* a quotation standing alone right after another one in the same paragraph, or after a
  sentence in which someone speaks, continues that speaker.

The speaker is the canonical name of the entity card the words name (matched on the card's
name and aliases, case and diacritics aside); None when nobody is identifiable.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..model import Citation, EntityCard, ParsedSource, Quote, Sentence, Source
from .entities import fold, key, token_mentions
from .parse_tree import children, subtree

SPEECH = Path(__file__).resolve().parent.parent / "data" / "speech.toml"
MIN_WORDS = 4  # a quotation of one to three words is a scare quote, not someone's statement

_OPEN, _CLOSE = "“«", "”»"
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
_PRONOUNS_GROUP = frozenset({"they", "them", "it", "its", "their"})
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = ("advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "relcl")
_NAME_FILLERS = frozenset({"of", "the", "in", "and", "for", "to", "al", "el", "de", "a", "on"})
_LOOKBACK = 8  # sentences a pronoun may reach back


@dataclass(frozen=True, slots=True)
class SpeechWords:
    verbs: frozenset[str]
    documents: frozenset[str]
    mouthpieces: frozenset[str]
    groups: frozenset[str]
    quoted: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_speech(path: Path = SPEECH) -> SpeechWords:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return SpeechWords(*(frozenset(w.lower() for w in data.get(k, ()))
                         for k in ("verbs", "documents", "mouthpieces", "groups", "quoted")))


# --- Finding quotations -------------------------------------------------------------------------


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each outermost pair of quotation marks in `text`.

    Straight quotes open or close by where they stand (after a space or a bracket they open,
    before a space or punctuation they close), so a quotation inside a quotation is skipped
    over; a quotation open at the end of a line runs to the end of that line.
    """
    spans = []
    offset = 0
    for line in text.splitlines(keepends=True):
        # newswire and TeX write quotation marks as two characters, ``so'': read them as one,
        # offsets unchanged
        line = line.replace("``", " “").replace("''", "” ")
        if not any(ch in _OPEN or ch in _CLOSE or ch == '"' for ch in line):
            spans += [(offset + s, offset + e) for s, e in _single_quoted(line)]
            offset += len(line)
            continue
        depth, start = 0, 0
        for i, ch in enumerate(line):
            if ch in _OPEN or ch == '"' and _opens(line, i, depth):
                if depth == 1 and re.search(r"[.?!…]\s+$", line[start:i]):
                    # '... win. "Obviously ...': paragraphs run together, each reopening
                    # the quotation; the first ends where the second begins
                    spans.append((offset + start, offset + i))
                    depth = 0
                if depth == 0:
                    start = i + 1
                depth += 1
            elif ch in _CLOSE or ch == '"':
                if depth == 0:
                    continue  # a stray closing mark: the quotation began in an earlier paragraph
                depth -= 1
                if depth == 0:
                    spans.append((offset + start, offset + i))
        if depth:
            end = len(line.rstrip())
            if end > start:
                spans.append((offset + start, offset + end))
        offset += len(line)
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _single_quoted(line: str) -> list[tuple[int, int]]:
    """Quotations in single marks, as British papers print them ('This is the real deal,' he
    wrote), in a line with no double ones: a mark opens after a space, a bracket or a dash and
    before a word, and closes after a word and before a space or punctuation; a mark inside a
    word ("We've", "It's") is an apostrophe. A mark left open at the end of the line is an
    elision ("the '90s"), not a quotation, unless it opened the line or followed a colon."""
    spans, start = [], None
    for i, ch in enumerate(line):
        if ch not in "'‘’":
            continue
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if start is None and ch != "’" and (before.isspace() or before in "([{—–-:") and after.isalnum():
            start = i + 1
        elif start is not None and ch != "‘" and not before.isspace() and not after.isalnum():
            spans.append((start, i))
            start = None
    # (a quotation that opens a paragraph or follows a colon and runs on into the next paragraph,
    # which reopens it)
    if start is not None and (not line[:start - 1].strip() or line[:start - 1].rstrip().endswith(":")):
        spans.append((start, len(line.rstrip())))
    return spans


def _opens(line: str, i: int, depth: int) -> bool:
    before = line[i - 1] if i else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    if depth == 0:
        return not (after.isspace() and not before.isspace())
    # inside a quotation: a mark after a space and before a word opens a nested one
    return (before.isspace() or before in "([{—–") and not after.isspace() and after not in ".,;:!?)"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _is_quotation(words: str) -> bool:
    """Not a scare quote, not a name in quotation marks ("Free Army of the North")."""
    tokens = re.findall(r"[\w'’.-]+", words)
    if len(tokens) < MIN_WORDS:
        return False
    alpha = [t for t in tokens if t[0].isalpha()]
    if len(tokens) <= 8 and not re.search(r"[.!?]$", words) and all(
        t[0].isupper() or t.lower() in _NAME_FILLERS for t in alpha
    ):
        return False
    return True


# --- The parse, source by source ----------------------------------------------------------------


@dataclass
class _Source:
    """One parsed source with what attribution needs to look things up."""

    parsed: ParsedSource
    cards: "CardIndex"
    speech: SpeechWords
    quotes: list[tuple[int, int]]
    kids: list[list[list[int]]] = field(default_factory=list)
    owners: list[list] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # paragraph number of each sentence
    # (sentence index, token index, card, is_speaker): named subjects, in text order
    antecedents: list[tuple[int, int, EntityCard, bool]] = field(default_factory=list)
    _quote_starts: list[int] = field(default_factory=list)
    _reach: list[int] = field(default_factory=list)

    def __post_init__(self):
        text = self.parsed.source.text
        line, at = 0, 0
        for s in self.parsed.sentences:
            self.kids.append(children(s))
            self.owners.append(token_mentions(s))
            line += text.count("\n", at, s.start)  # counted on from the sentence before: linear
            at = s.start
            self.lines.append(line)
        spans = sorted(self.quotes)
        self._quote_starts = [s for s, _ in spans]
        self._reach = list(accumulate((e for _, e in spans), max))  # furthest end of a quote opened so far

    def sentence(self, si: int) -> Sentence:
        return self.parsed.sentences[si]

    def quoted(self, si: int, ti: int) -> bool:
        pos = self.sentence(si).tokens[ti].start
        opened = bisect_right(self._quote_starts, pos)  # quotes starting at or before pos
        return opened > 0 and self._reach[opened - 1] > pos


class CardIndex:
    """Entity cards by every spelling they carry."""

    def __init__(self, cards: Sequence[EntityCard]):
        self.by_key: dict[str, EntityCard] = {}
        for card in cards:
            for spelling in (card.name, *card.aliases):
                self.by_key.setdefault(key(spelling), card)
        self.cards = list(cards)
        # People by the last word of each spelling and of each role, with the words split once:
        # a lookup reads the few people a word can end, not every card (a long article has hundreds).
        self._order = {id(c): n for n, c in enumerate(self.cards)}
        self._spellings: dict[str, list[tuple[EntityCard, list[str]]]] = {}
        self._roles: dict[str, list[tuple[EntityCard, list[str]]]] = {}
        for c in self.cards:
            if c.label != "PERSON":
                continue
            for sp in (c.name, *c.aliases):
                words = key(sp).split()
                self._spellings.setdefault(words[-1] if words else "", []).append((c, words))
            for r in c.roles:
                words = fold(r).split()
                self._roles.setdefault(words[-1] if words else "", []).append((c, words))

    def _ending(self, index: dict, words: list[str], source: str | None) -> EntityCard | None:
        """The one person (of `source`) with a spelling or role in `index` ending in `words`."""
        fits = [c for c, ws in index.get(words[-1] if words else "", ())
                if (source is None or source in c.sources) and ws[-len(words):] == words]
        people = {c.name: c for c in sorted(dict.fromkeys(fits, None), key=lambda c: self._order[id(c)])}
        return next(iter(people.values())) if len(people) == 1 else None

    def named(self, text: str, source: str | None = None) -> EntityCard | None:
        k = key(text)
        if not k:
            return None
        if k in self.by_key:
            return self.by_key[k]
        # a surname the cards do not list ("Carter"): the one person of this source it ends
        return self._ending(self._spellings, k.split(), source)

    def by_role(self, phrase: str, source: str) -> EntityCard | None:
        """The one card of this source whose role ends in `phrase` ("prime minister")."""
        return self._ending(self._roles, fold(phrase).split(), source)


def extract_quotes(parsed: Sequence[ParsedSource], entities: Sequence[EntityCard]) -> list[Quote]:
    """Every quotation of four words or more, with its speaker, in source order."""
    cards = CardIndex(entities)
    return quotes_of([(p.source, source_quotes(p, cards)) for p in parsed])


@dataclass(frozen=True, slots=True)
class SourceQuotes:
    """One source's quotations with their speakers, and every question attribution asked of
    the cards of all sources, with its answer.

    Attribution reads one source's parse, and the cards only through `CardIndex.named` and
    `CardIndex.by_role`, of whose answers it uses the name and the label. Asked the same
    questions, cards that answer alike give the same attribution: a rebuild keeps a source's
    quotes while `holds` says so, and reads its parse again only when a card it asked about
    changed.
    """

    rows: tuple[tuple[str | None, int, int, tuple[tuple[int, int], ...]], ...]  # speaker, start, end, sentences
    asked: tuple[tuple[str, str, str | None, str | None], ...]  # ("named" or "role", words, name, label)

    def holds(self, cards: "CardIndex", source: str) -> bool:
        return all(_answer(getattr(cards, kind)(words, source)) == (name, label)
                   for kind, words, name, label in self.asked)


def _answer(card: EntityCard | None) -> tuple[str | None, str | None]:
    return (card.name, card.label) if card is not None else (None, None)


class _Asked:
    """A CardIndex that notes each question and its answer (see `SourceQuotes`)."""

    def __init__(self, cards: "CardIndex"):
        self.cards = cards
        self.asked: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    def named(self, text: str, source: str | None = None) -> EntityCard | None:
        card = self.cards.named(text, source)
        self.asked[("named", text)] = _answer(card)
        return card

    def by_role(self, phrase: str, source: str) -> EntityCard | None:
        card = self.cards.by_role(phrase, source)
        self.asked[("by_role", phrase)] = _answer(card)
        return card


def source_quotes(p: ParsedSource, cards: "CardIndex") -> SourceQuotes:
    """One source's quotations of four words or more, with their speakers, in text order."""
    asking = _Asked(cards)
    src = _Source(p, asking, load_speech(), quote_spans(p.source.text))
    _collect_antecedents(src)
    starts, ends = [s.start for s in p.sentences], [s.end for s in p.sentences]
    previous: tuple[int, int, str | None] | None = None  # (end, line, speaker) of the last quotation
    rows = []
    for qs, qe in src.quotes:
        words = p.source.text[qs:qe]
        sents = list(range(bisect_right(ends, qs), bisect_left(starts, qe)))  # s.start < qe and qs < s.end
        if not sents:
            continue
        speaker = _attribute(src, qs, qe, sents, previous)
        if speaker is None and previous is not None and _continues(p.source.text, previous[0], qs):
            speaker = previous[2]
        previous = (qe, src.lines[sents[-1]], speaker)
        if not _is_quotation(words):
            continue
        rows.append((speaker, qs, qe, tuple((p.sentences[i].start, p.sentences[i].end) for i in sents)))
    return SourceQuotes(tuple(rows), tuple((kind, words, *answer) for (kind, words), answer in asking.asked.items()))


def quotes_of(found: Sequence[tuple[Source, SourceQuotes]]) -> list[Quote]:
    """The quotes of every source's `source_quotes`, in source order; the same words with the
    same speaker are one quote citing each place. Words with no speaker that a longer quote holds
    are that quote repeated in a headline or caption ("'My eyes were itchy'" over the paragraph
    that quotes it whole), not a quote of their own."""
    merged: dict[tuple[str | None, str], list[Citation]] = {}
    for source, quotes in found:
        for speaker, qs, qe, sentences in quotes.rows:
            merged.setdefault((speaker, source.text[qs:qe]), []).extend(
                Citation(source.id, start, end) for start, end in sentences)
    held = _held_in_longer({text for speaker, text in merged if speaker is None}, {text for _, text in merged})
    return [Quote(speaker, text, tuple(dict.fromkeys(cites))) for (speaker, text), cites in merged.items()
            if speaker is not None or text not in held]


def _held_in_longer(texts: set[str], others: set[str]) -> set[str]:
    """The texts that some longer one of `others` holds. A word inside a text (not its first or
    last, which may be cut from a longer word) is a whole word of any text holding it, so only the
    texts that have its rarest such word are searched: linear in practice, where a search of every
    pair was quadratic in the quotes of a month of coverage."""
    having: dict[str, list[str]] = {}
    for other in others:
        for word in set(other.split()):
            having.setdefault(word, []).append(other)
    out = set()
    for text in texts:
        inner = text.split()[1:-1]
        pool = min((having.get(w, []) for w in inner), key=len) if inner else others
        if any(text in other and text != other for other in pool):
            out.add(text)
    return out


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A quotation that opens the paragraph right after one whose quotation was left open goes on
    with it: a speech of several paragraphs reopens its mark at each and closes it only at the end."""
    between = text[previous_end:start]
    if "\n" not in between:
        return False
    left, opened = between.split("\n", 1)[0], between.rsplit("\n", 1)[1]
    marks = _OPEN + _CLOSE + "\"'‘’`"
    return not any(ch in marks for ch in left) and not between.strip().strip(marks).strip() \
        and any(ch in marks for ch in opened) and between.count("\n") <= 2


# --- Attribution ----------------------------------------------------------------------------------


def _attribute(src: _Source, qs: int, qe: int, sents: list[int], previous) -> str | None:
    # 1. a verb of saying (or "according to") in the sentences the quotation is in
    candidates = []
    for si in sents:
        sent = src.sentence(si)
        for ti, t in enumerate(sent.tokens):
            if src.quoted(si, ti) or qs <= t.start < qe:
                continue
            speaking = t.lemma.lower() in src.speech.verbs and t.pos == "VERB"
            if speaking or t.text.lower() == "according":
                distance = min(abs(t.start - qs), abs(t.start - qe))
                candidates.append((distance, si, ti))
    candidates.sort()
    for _, si, ti in candidates:
        card = _speaker_of(src, si, ti)
        if card is not None:
            return card.name
    if candidates:
        return None  # someone speaks here, but the text does not say who
    first = sents[0]
    sent = src.sentence(first)
    # 2. introduced by a colon or comma after a clause: "X defended his decision, '...'"
    lead = src.parsed.source.text[sent.start:qs].rstrip()
    lead = lead.removesuffix("``")  # newswire's opening mark
    if lead.endswith(('"', "“", "‘")):
        lead = lead[:-1].rstrip()
    opening = src.parsed.source.text[qs:qs + 1]
    if lead.endswith((":", ",")) and (opening.isupper() or opening == "["):
        card = _clause_subject(src, first, qs)
        if card is not None:
            return card.name
    # 3. a quotation on its own goes on with the one just before it in the same paragraph
    if lead.strip(" \"“‘`") == "" and first > 0:
        if previous is not None and previous[1] == src.lines[first] and previous[0] >= src.sentence(first - 1).start:
            return previous[2]
        # or with the speaker of the sentence before it: "X criticized the decision. '...'", also
        # across a paragraph break after a colon: "Ms North says:" and the quotation below it
        prev = first - 1
        if src.lines[prev] == src.lines[first] or src.sentence(prev).text.rstrip().endswith(":"):
            for ti, t in enumerate(src.sentence(prev).tokens):
                if t.lemma.lower() in src.speech.verbs and t.pos == "VERB" and not src.quoted(prev, ti):
                    card = _speaker_of(src, prev, ti)
                    if card is not None:
                        return card.name
    return None


def _speaker_of(src: _Source, si: int, ti: int) -> EntityCard | None:
    """Who speaks through token ti: the subject of a verb, the object of 'according to'."""
    sent = src.sentence(si)
    toks, kids = sent.tokens, src.kids[si]
    if toks[ti].text.lower() == "according":
        for c in kids[ti]:
            if toks[c].text.lower() == "to":
                for o in kids[c]:
                    if toks[o].dep == "pobj":
                        return _resolve(src, si, o)
        return None
    subj = _speaking_subject(src, si, ti)
    if subj is not None:
        return subj if isinstance(subj, EntityCard) else None
    # "saying ...", "adding ...": the subject of the clause it hangs from; of the topmost verb
    # of saying, if there is one ("He said Blair had spoken sincerely, adding: '...'" is his)
    v, found = ti, []
    for _ in range(6):
        if toks[v].dep in ("acl", "relcl") and toks[v].head != v and not found:
            return _resolve(src, si, toks[v].head)  # "a statement saying", "who said"
        if toks[v].dep not in _CLIMB or toks[v].head == v or src.quoted(si, toks[v].head):
            break
        v = toks[v].head
        if any(toks[c].dep in _SUBJECTS for c in kids[v]):
            found.append(v)
    speaking = [v for v in found if toks[v].lemma.lower() in src.speech.verbs]
    for v in (speaking[-1:] or found[:1]):
        subj = _speaking_subject(src, si, v)
        return subj if isinstance(subj, EntityCard) else None
    return None


def _speaking_subject(src: _Source, si: int, v: int):
    """The card of the one who speaks with verb v; False when the text hides who ("she was
    told", "a spokesperson said"); None when the verb has no subject at all."""
    sent = src.sentence(si)
    toks, kids = sent.tokens, src.kids[si]
    active = [c for c in kids[v] if toks[c].dep == "nsubj"]
    if not active and _after_quotation(toks, v):
        # '"...," read the statement': after a quotation the speaker may follow the verb
        active = [c for c in kids[v] if toks[c].dep == "dobj" and c > v and toks[c].pos != "PRON"]
    if active:
        return _resolve(src, si, _past_according(src, si, active[0])) or False
    if any(toks[c].dep == "nsubjpass" for c in kids[v]):
        # "she was told": the subject is who heard it; the speaker is the agent, if named; but
        # "he was quoted as saying" is his, whoever quoted him
        if toks[v].lemma.lower() not in src.speech.verbs or toks[v].lemma.lower() in src.speech.quoted:
            passive = next(c for c in kids[v] if toks[c].dep == "nsubjpass")
            return _resolve(src, si, passive) or False
        for a in kids[v]:
            if toks[a].dep == "agent":
                for o in kids[a]:
                    if toks[o].dep == "pobj":
                        return _resolve(src, si, o) or False
        return False
    return None


def _after_quotation(toks, ti: int) -> bool:
    """Token ti comes right after a closing quotation mark (and a comma or semicolon)."""
    before = [t.text for t in toks[max(0, ti - 2):ti]]
    return bool(before) and (before[-1] in ('"', "”", "''") or len(before) == 2 and before[0] in ('"', "”", "''"))


def _past_according(src: _Source, si: int, subj: int) -> int:
    """'According to agency X, the prosecutor, Y, said': when the parse makes the source the
    subject, the speaker is the person named in apposition after it."""
    sent = src.sentence(si)
    toks, kids, owners = sent.tokens, src.kids[si], src.owners[si]
    below = subtree(kids, subj)
    if below[0] >= 2 and [t.text.lower() for t in toks[below[0] - 2:below[0]]] == ["according", "to"]:
        for i in below:
            if i > subj and owners[i] is not None and owners[i].label == "PERSON":
                return i
    return subj


def _clause_subject(src: _Source, si: int, before: int) -> EntityCard | None:
    """The subject of the main clause before a quotation that a colon or comma introduces."""
    sent = src.sentence(si)
    toks, kids = sent.tokens, src.kids[si]

    def depth(i: int) -> int:
        d = 0
        while toks[i].head != i and d < 50:
            i, d = toks[i].head, d + 1
        return d

    verbs = [
        i for i, t in enumerate(toks)
        if t.start < before and t.pos in ("VERB", "AUX") and not src.quoted(si, i)
        and any(toks[c].dep in _SUBJECTS and toks[c].start < before for c in kids[i])
    ]
    for v in sorted(verbs, key=depth)[:1]:
        subj = next(c for c in kids[v] if toks[c].dep in _SUBJECTS)
        return _resolve(src, si, subj)
    return None


def _resolve(src: _Source, si: int, ti: int, depth: int = 0, pronouns: bool = True) -> EntityCard | None:
    """The entity card a noun phrase stands for, or None."""
    if depth > 4:
        return None
    sent = src.sentence(si)
    toks, kids, owners = sent.tokens, src.kids[si], src.owners[si]
    t = toks[ti]
    m = owners[ti]
    if m is not None:
        card = src.cards.named(m.text, src.parsed.source.id)
        if card is not None:
            return card
    # a name the model did not mark: "Carter said"; after newswire quote marks the tagger may even
    # take it for a common noun ("''Caceres said")
    if m is None and (t.pos == "PROPN" or t.pos == "NOUN" and t.text[:1].isupper() and ti > 0):
        name = [c for c in kids[ti] if c < ti and toks[c].dep == "compound" and toks[c].pos == "PROPN"]
        card = src.cards.named(" ".join(toks[i].text for i in (*name, ti)), src.parsed.source.id)
        if card is not None:
            return card
    word = t.text.lower()
    if t.pos == "PRON" or word in _PRONOUNS_PERSON | _PRONOUNS_GROUP:
        return _pronoun(src, si, ti, word) if pronouns else None
    if t.pos not in ("NOUN", "PROPN", "NUM"):  # NUM: "One of these groups, the SDF, said"
        return None
    deps = [(toks[c].dep, c) for c in kids[ti]]
    lemma = t.lemma.lower()
    # someone speaks through it: a spokesman, an office, a statement
    through = lemma in src.speech.mouthpieces or lemma in src.speech.documents
    # "the government spokesperson, Lina Haddad"; "Erdogan's office"; "an Interpol spokesperson"
    for wanted in ("appos", "poss", "compound"):
        if wanted != "appos" and not through:
            continue  # "Blair's wife", "a member of the Cabinet" speak for themselves
        for dep, c in deps:
            if dep == wanted and (wanted != "compound" or owners[c] is not None):
                card = _resolve(src, si, c, depth + 1, pronouns)
                # an organisation speaks through its spokesperson; a "US ambassador" is not the US
                if card is not None and (wanted != "compound" or card.label == "ORG"):
                    return card
    # "a statement from the prime minister's office", "a spokesman for X", "released by X"
    for dep, c in deps:
        if not through:
            break
        if dep in ("prep", "agent") and toks[c].text.lower() in ("of", "from", "for", "by"):
            for o in kids[c]:
                if toks[o].dep == "pobj":
                    card = _resolve(src, si, o, depth + 1, pronouns)
                    if card is not None:
                        return card
        if dep == "acl":
            for a in kids[c]:
                if toks[a].dep == "agent":
                    for o in kids[a]:
                        card = _resolve(src, si, o, depth + 1, pronouns)
                        if card is not None:
                            return card
    definite = any(toks[c].dep == "det" and toks[c].text.lower() in ("the", "this", "that") for c in kids[ti])
    if pronouns and lemma in src.speech.groups and definite:
        return _antecedent(src, si, ti, lambda c: c.label == "ORG")
    if pronouns and lemma in src.speech.documents and definite:
        return _issuer(src, si, ti, lemma)
    # "the prime minister": the one person of this article with that role
    if definite or any(toks[c].dep == "case" for c in kids[ti]):
        phrase = [i for i in range(ti + 1) if i in _left_words(toks, kids, ti)] + [ti]
        return src.cards.by_role(" ".join(toks[i].text for i in phrase), src.parsed.source.id)
    return None


def _left_words(toks, kids, ti: int) -> set[int]:
    """Compound and adjective words right before a noun: 'prime' of 'prime minister'."""
    out = set()
    for c in kids[ti]:
        if c < ti and toks[c].dep in ("compound", "amod") and toks[c].ent_type not in ("NORP", "GPE"):
            out.add(c)
    return out


def _issuer(src: _Source, si: int, ti: int, lemma: str) -> EntityCard | None:
    """Who issued 'the statement': the issuer of the last statement mentioned before it."""
    for sj in range(si, max(-1, si - _LOOKBACK), -1):
        sent = src.sentence(sj)
        toks, kids = sent.tokens, src.kids[sj]
        for tj in range(len(toks) - 1, -1, -1):
            if (sj, tj) >= (si, ti) or toks[tj].lemma.lower() != lemma:
                continue
            card = _resolve(src, sj, tj, 1, pronouns=False)
            if card is None and toks[tj].dep == "dobj":  # "X released a statement"
                head = toks[tj].head
                subj = [c for c in kids[head] if toks[c].dep in _SUBJECTS]
                card = _resolve(src, sj, subj[0], 1, pronouns=False) if subj else None
            if card is None and toks[tj].dep == "pobj":  # "In a statement, X said"
                verb = toks[toks[tj].head].head
                subj = [c for c in kids[verb] if toks[c].dep in _SUBJECTS]
                card = _resolve(src, sj, subj[0], 1, pronouns=False) if subj else None
            if card is not None:
                return card
    return None


def _pronoun(src: _Source, si: int, ti: int, word: str) -> EntityCard | None:
    if word in _PRONOUNS_PERSON:
        # a speaker named earlier in the same sentence ("X, a spokesperson, indicated: '...,' he said")
        here = [a for a in src.antecedents if a[0] == si and a[1] < ti and a[3] and a[2].label != "GPE"]
        if here:
            return here[-1][2]
        person = _antecedent(src, si, ti, lambda c: c.label == "PERSON")
        # "X, the leader of the agency, said ... . He added": a speaker just before is a person,
        # whatever label the recogniser gave the name
        spoke = [a for a in src.antecedents if (a[0], a[1]) < (si, ti) and a[0] >= si - 1 and a[3]
                 and a[2].label not in ("GPE", "NORP", "LOC")]
        if spoke and (person is None or (spoke[-1][0], spoke[-1][1]) > _position(src, person, si, ti)):
            return spoke[-1][2]
        return person
    return _antecedent(src, si, ti, lambda c: c.label == "ORG", reach=3)


def _position(src: _Source, card: EntityCard, si: int, ti: int) -> tuple[int, int]:
    """Where `card` was last a subject before token ti."""
    return max(((a[0], a[1]) for a in src.antecedents if a[2] is card and (a[0], a[1]) < (si, ti)), default=(-1, -1))


def _antecedent(src: _Source, si: int, ti: int, fits, reach: int = _LOOKBACK) -> EntityCard | None:
    """The entity most recently named as a subject before token ti, within `reach` sentences;
    in a sentence, the subject of its main clause before those of its subordinate ones."""
    by_sentence: dict[int, list[tuple[int, EntityCard]]] = {}
    for sj, tj, card, _ in src.antecedents:
        if (sj, tj) < (si, ti) and sj >= si - reach and fits(card):
            by_sentence.setdefault(sj, []).append((tj, card))
    for sj in sorted(by_sentence, reverse=True):
        toks = src.sentence(sj).tokens
        found = by_sentence[sj]
        main = [card for tj, card in found if toks[toks[tj].head].dep == "ROOT"]
        return (main or [found[-1][1]])[-1]
    return None


def _collect_antecedents(src: _Source) -> None:
    """Named subjects in text order: who a later 'he' or 'the group' can stand for."""
    for si, sent in enumerate(src.parsed.sentences):
        toks = sent.tokens
        kids, owners = src.kids[si], src.owners[si]
        for ti, t in enumerate(toks):
            if t.dep not in _SUBJECTS:
                continue
            card = _resolve(src, si, ti, 1, pronouns=False)
            if card is None:
                # "one of the Four, Gerry Conlon, said": the name the parse hung off the verb
                named = [c for c in kids[t.head] if ti < c < t.head and toks[c].dep in ("appos", "npadvmod", "dep")
                         and owners[c] is not None and owners[c].label == "PERSON"]
                card = _resolve(src, si, named[0], 1, pronouns=False) if named else None
            if card is None:
                continue
            head = toks[t.head]
            speaking = head.lemma.lower() in src.speech.verbs and head.pos == "VERB"
            src.antecedents.append((si, ti, card, speaking))
