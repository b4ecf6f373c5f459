"""An article longer than the model's max_length is parsed in pieces, and every step is linear."""
from __future__ import annotations

import json

from briefing.analyze import analyze_texts, entities_by_sentence, split_text
from briefing.pipeline import BuildOptions, build

PARAGRAPH = (
    "Rebels fired {n} rockets at the base in Kandahar on Friday, officials said.\n"
    "The army said {k} soldiers were wounded in the attack on the base.\n"
    "\"We will not leave,\" said General Omar Haddad, the regional commander.\n"
)


def _article(paragraphs: int) -> str:
    return "\n".join(PARAGRAPH.format(n=10 + i, k=2 + i % 5) for i in range(paragraphs))


def test_pieces_cover_the_text_and_end_at_paragraphs():
    text = _article(40)
    pieces = split_text(text, 1000)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(len(p) <= 1000 for _, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])  # cut between paragraphs


def test_a_paragraph_longer_than_a_piece_is_cut_at_a_sentence():
    text = "The council met. " * 200
    pieces = split_text(text, 500)
    assert "".join(p for _, p in pieces) == text
    assert all(p.endswith(". ") for _, p in pieces[:-1])


def test_an_article_over_max_length_builds_and_its_citations_point_into_the_whole_text(nlp, tmp_path):
    text = _article(60)  # ~13,000 characters
    src = tmp_path / "articles"
    src.mkdir()
    (src / "long.txt").write_text("Rockets hit the base\n\n" + text, encoding="utf-8")
    old = nlp.max_length
    nlp.max_length = 2_000  # the cached model the build loads: far less than the article
    try:
        result = build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "out")))
    finally:
        nlp.max_length = old
    doc = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    whole = doc["sources"][0]["text"]
    assert len(whole) > 5 * 2_000
    citations = []

    def walk(node):
        if isinstance(node, dict):
            if {"source", "start", "end"} <= node.keys():
                citations.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    assert citations
    for c in citations:  # every cited span is a sentence of the whole text, where it stands
        span = whole[c["start"]:c["end"]]
        assert span and span == span.strip() and span[-1] in ".\"”"
    assert max(c["start"] for c in citations) > 2_000  # past the first piece
    # the sentences, as parsed in pieces, are those of the text, in order, with their own offsets
    assert result.sentences >= 3 * 60
    last = [f for f in doc["figures"] if f["value"] == 69]  # "69 rockets", in the last paragraph
    assert last and all("69 rockets" in whole[c["start"]:c["end"]] for f in last for c in f["citations"])


def test_pieces_give_the_same_sentences_as_one_parse_away_from_the_cuts(nlp):
    text = _article(12)
    whole = analyze_texts([text], nlp)[0]
    old = nlp.max_length
    nlp.max_length = 700
    try:
        cut = analyze_texts([text], nlp)[0]
    finally:
        nlp.max_length = old
    assert [(s.index, s.start, s.end) for s in cut] == [(s.index, s.start, s.end) for s in whole]
    assert all(text[s.start:s.end] == s.text for s in cut)
    assert all(text[t.start:t.start + len(t.text)] == t.text for s in cut for t in s.tokens)
    assert all(text[m.start:m.end] == m.text for s in cut for m in s.mentions)


class _Span:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class _Counted(list):
    """A list that counts how many of its items are looked at."""

    looked = 0

    def __iter__(self):
        for item in super().__iter__():
            _Counted.looked += 1
            yield item

    def __getitem__(self, i):
        _Counted.looked += 1
        return super().__getitem__(i)


def test_entities_per_sentence_take_one_pass_over_the_entities():
    per_item = []
    for n in (100, 1000, 10000):
        sents = _Counted(_Span(10 * i, 10 * i + 10) for i in range(n))
        ents = _Counted(_Span(10 * i + 2, 10 * i + 4) for i in range(n))  # one entity per sentence
        _Counted.looked = 0
        found = entities_by_sentence(sents, ents)
        assert [len(f) for f in found] == [1] * n
        per_item.append(_Counted.looked / n)
    assert max(per_item) <= 3  # each sentence and entity looked at about once, not once per other one
    assert max(per_item) - min(per_item) < 0.1  # the same at 100 sentences as at 10,000


def test_entities_per_sentence_match_spacys_sent_ents(nlp):
    doc = nlp(_article(5) + "\nPresident Joe Biden met Emmanuel Macron in Paris on Monday.")
    sents = list(doc.sents)
    got = entities_by_sentence(sents, doc.ents)
    assert [[(e.start, e.end) for e in f] for f in got] == [[(e.start, e.end) for e in s.ents] for s in sents]
    assert sum(map(len, got)) == len(doc.ents)


def test_a_long_article_is_parsed_in_parallel_pieces_with_the_same_result(monkeypatch):
    from briefing import analyze, executor
    from briefing.state import decode_sentences

    text = _article(30)
    monkeypatch.setattr(analyze, "PIECE_CHARS", 1_500)
    whole = decode_sentences(executor.LocalExecutor(jobs=1).analyze([text], None)[0])  # cut in one process
    shipped: list[int] = []

    class Spy(executor.LocalExecutor):
        def analyze(self, texts, model, progress=None):
            shipped.append(len(texts))
            return super().analyze(texts, model, progress)

    done: list[int] = []
    pieced = executor.PiecedExecutor(Spy(jobs=1)).analyze(["A short one.", text], None, done.append)
    assert shipped[0] > 2  # the long text went out as several pieces, each a unit of work
    assert sum(done) == 2
    assert decode_sentences(pieced[1]) == whole
    assert [s.index for s in whole] == list(range(len(whole)))
