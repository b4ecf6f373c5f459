"""Precision and recall of the extracted facts against a hand-annotated gold file.

The gold format is that of `shared/eval/seeds-gold.json`: figures, discrepancies,
entities and quotes, each naming the sources that state them by file name (the
three-digit prefix of a seed, or the file's stem).

Judgements, per kind:
  figures        recall: a gold figure is found when a figure of the same kind and
                 value cites every source the gold names. precision: a figure is
                 right when a gold figure of the same kind and value is stated by
                 one of the sources it cites; otherwise (wrong value or kind for
                 that sentence, or no gold record) it is wrong.
                 Figures are also scored per kind.
  discrepancies  recall: the gold values are among a discrepancy's values.
                 precision: a discrepancy is right when all its values are one gold
                 discrepancy's (as ../shared/tools/check_briefing.py judges conflicts).
  entities       recall: exactly one card holds the gold entity's spellings.
                 precision: over the cards holding any gold spelling, a card is right
                 when it holds one gold entity only and is that entity's only card.
  quotes         recall: a quote contains the gold phrase and names the gold speaker
                 (or one of its aliases). precision: over all quotes, a quote is
                 right when it matches a gold quote by phrase, source and speaker.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import BriefingError

KINDS = ("figures", "discrepancies", "entities", "quotes")


@dataclass(frozen=True, slots=True)
class Score:
    kind: str
    right: int  # produced items judged right
    produced: int
    found: int  # gold items found
    gold: int
    unjudged: int = 0  # produced items the gold file says nothing about

    @property
    def precision(self) -> float | None:
        return self.right / self.produced if self.produced else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None


def load_gold(path: str | Path) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read gold file ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise BriefingError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(gold, dict) or not any(k in gold for k in KINDS):
        raise BriefingError(f"{path}: no figures, discrepancies, entities or quotes in this gold file")
    return gold


def _norm(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def source_key(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    m = re.match(r"(\d{3})_", stem)
    return m.group(1) if m else stem


def evaluate(doc: dict, gold: dict) -> list[Score]:
    """Scores of a briefing/1 JSON document against a gold file."""
    keys = {s["id"]: source_key(s["path"]) for s in doc["sources"]}

    def cited(item) -> set[str]:
        return {keys.get(c["source"]) for c in item.get("citations", [])}

    annotated = {k for kind in KINDS for g in gold.get(kind, []) for k in g.get("sources", [])}

    def judged(items):
        """The items citing an annotated source (all of them if the gold names no sources)."""
        return [x for x in items if not annotated or cited(x) & annotated]

    scores = []
    figs, gfigs = judged(doc.get("figures", [])), gold.get("figures", [])

    def figure_score(name: str, figs: list, gfigs: list, unjudged: int) -> Score:
        found = sum(
            any(f["kind"] == g["kind"] and f["value"] == g["value"] and set(g["sources"]) <= cited(f) for f in figs)
            for g in gfigs
        )
        right = sum(
            any(f["kind"] == g["kind"] and f["value"] == g["value"] and set(g["sources"]) & cited(f) for g in gfigs)
            for f in figs
        )
        return Score(name, right, len(figs), found, len(gfigs), unjudged)

    scores.append(figure_score("figures", figs, gfigs, len(doc.get("figures", [])) - len(figs)))
    for kind in sorted({f["kind"] for f in figs} | {g["kind"] for g in gfigs}):
        scores.append(figure_score(f"  {kind}", [f for f in figs if f["kind"] == kind],
                                   [g for g in gfigs if g["kind"] == kind], 0))

    # as the shared checker judges them: a conflict is right when all its values are one gold
    # discrepancy's, and a gold discrepancy is found when one conflict holds all its values
    dis, gdis = judged(doc.get("discrepancies", [])), gold.get("discrepancies", [])
    found = sum(any(set(g["values"]) <= set(d["values"]) for d in dis) for g in gdis)
    right = sum(any(set(d["values"]) <= set(g["values"]) for g in gdis) for d in dis)
    scores.append(Score("discrepancies", right, len(dis), found, len(gdis)))

    ents, gents = doc.get("entities", []), gold.get("entities", [])
    spellings = [{_norm(a) for a in [g["name"], *g.get("aliases", [])]} for g in gents]
    holders = [[i for i, e in enumerate(ents) if sp & {_norm(a) for a in [e["name"], *e.get("aliases", [])]}]
               for sp in spellings]
    found = sum(len(h) == 1 for h in holders)
    relevant = {i for h in holders for i in h}
    right = 0
    for i in relevant:
        owners = [g for g, h in enumerate(holders) if i in h]
        right += len(owners) == 1 and len(holders[owners[0]]) == 1
    scores.append(Score("entities", right, len(relevant), found, len(gents)))

    quotes, gquotes = doc.get("quotes", []), gold.get("quotes", [])
    names = {}
    for g in gents:
        names[_norm(g["name"])] = {_norm(a) for a in [g["name"], *g.get("aliases", [])]}

    def matches(q, g) -> bool:
        speakers = names.get(_norm(g["speaker"]), {_norm(g["speaker"])})
        return (_norm(g["contains"]) in _norm(q.get("text", ""))
                and _norm(q.get("speaker") or "") in speakers
                and bool(set(g.get("sources", [])) & cited(q) or not g.get("sources")))

    def about(q, g) -> bool:
        return _norm(g["contains"]) in _norm(q.get("text", ""))

    found = sum(any(matches(q, g) for q in quotes) for g in gquotes)
    checked = [q for q in judged(quotes) if any(about(q, g) for g in gquotes)]
    right = sum(any(matches(q, g) for g in gquotes if about(q, g)) for q in checked)
    scores.append(Score("quotes", right, len(checked), found, len(gquotes), len(quotes) - len(checked)))
    return scores


def pct(x: float | None) -> str:
    """A share as the score tables print it: " 83.3%", or "   -  " when there is nothing to divide."""
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def built_json(options) -> tuple[object, dict]:
    """Build a briefing with `options` (a pipeline.BuildOptions): the result and its briefing/1 JSON."""
    from .pipeline import build
    from .render import to_json

    result = build(options)
    return result, to_json(result.briefing)


def format_scores(scores: list[Score]) -> str:
    lines = [f"{'':<14} {'precision':>18} {'recall':>18} {'unjudged':>9}"]
    for s in scores:
        lines.append(f"{s.kind:<14} {s.right:>4}/{s.produced:<4} {pct(s.precision)} {s.found:>4}/{s.gold:<4} "
                     f"{pct(s.recall)} {s.unjudged:>9}")
    return "\n".join(lines)


def evaluate_sources(gold_path: str | Path, options) -> tuple[object, list[Score]]:
    """Build a briefing with `options` (a pipeline.BuildOptions) and score it against the gold."""
    gold = load_gold(gold_path)
    result, doc = built_json(options)
    return result, evaluate(doc, gold)
