"""`briefing eval`: how facts are judged against a gold file."""
from __future__ import annotations

import json

from click.testing import CliRunner

from briefing.cli import cli
from briefing.evaluate import evaluate


def c(source):
    return {"source": source, "start": 0, "end": 5}


DOC = {
    "sources": [{"id": "S1", "path": "in/000_abc.txt"}, {"id": "S2", "path": "in/2020-01-01_story.txt"},
                {"id": "S3", "path": "in/not-annotated.txt"}],
    "figures": [
        {"kind": "troops", "value": 900, "citations": [c("S1"), c("S2")]},
        {"kind": "killed", "value": 4, "citations": [c("S1")]},  # gold says injured: wrong
        {"kind": "attacks", "value": 12, "citations": [c("S2")]},  # no gold record: wrong
        {"kind": "attacks", "value": 40, "citations": [c("S3")]},  # a source nobody annotated: unjudged
    ],
    "discrepancies": [{"values": [100, 170], "citations": [c("S1"), c("S2")]}],
    "entities": [
        {"name": "United States", "aliases": ["US", "U.S."]},
        {"name": "Jane Roe", "aliases": []},
        {"name": "Roe", "aliases": []},  # split from Jane Roe
    ],
    "quotes": [
        {"speaker": "Roe", "text": "We will not leave the base today", "citations": [c("S2")]},
        {"speaker": None, "text": "Something else entirely", "citations": [c("S1")]},
    ],
}
GOLD = {
    "figures": [{"kind": "troops", "value": 900, "sources": ["000", "2020-01-01_story"]},
                {"kind": "injured", "value": 4, "sources": ["000"]}],
    "discrepancies": [{"values": [100, 170]}, {"values": [2017, 2019]}],
    "entities": [{"name": "United States", "aliases": ["US"]},
                 {"name": "Jane Roe", "aliases": ["Roe"]}],
    "quotes": [{"speaker": "Jane Roe", "contains": "not leave the base", "sources": ["2020-01-01_story"]}],
}


def test_precision_and_recall_follow_the_documented_judgements():
    scores = {s.kind: s for s in evaluate(DOC, GOLD)}
    f = scores["figures"]
    assert (f.right, f.produced, f.found, f.gold, f.unjudged) == (1, 3, 1, 2, 1)
    d = scores["discrepancies"]
    assert (d.right, d.produced, d.found, d.gold) == (1, 1, 1, 2)
    e = scores["entities"]
    assert (e.right, e.produced, e.found, e.gold) == (1, 3, 1, 2)
    q = scores["quotes"]
    assert (q.right, q.produced, q.found, q.gold, q.unjudged) == (1, 1, 1, 1, 1)


def test_eval_command_prints_a_table_and_rejects_bad_gold(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"entities": [{"name": "Nowhere Land", "aliases": []}]}))
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("The minister of Nowhere Land said the talks in Paris would resume on Monday.\n")
    r = CliRunner().invoke(cli, ["eval", str(gold), str(article.parent)])
    assert r.exit_code == 0, r.output
    assert "precision" in r.output and "entities" in r.output
    gold.write_text("{not json")
    r = CliRunner().invoke(cli, ["eval", str(gold), str(article.parent)])
    assert r.exit_code == 1 and "not valid JSON" in r.output
