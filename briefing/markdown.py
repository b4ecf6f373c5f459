"""The briefing as Markdown (`briefing.md`), for pasting into mail and chat.

Same sections, sentences and [S1]-style citations as the HTML and the PDF. Article
text is escaped so that it reads as text wherever Markdown is rendered: a `*`, `_`
or `[` in a quoted sentence never turns into emphasis or a link.
"""
from __future__ import annotations

import re

from .comment import comment_markdown
from .dates import long_date, short_date
from .model import Briefing, Citation, Excerpt
from .numerals import format_number, format_value
from .pictures import pictures as picture_view

# Characters that Markdown (CommonMark, GitHub, Slack-ish dialects) may read as markup.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str | None) -> str:
    """Text as Markdown shows it literally, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _cites(citations) -> str:
    from .render import MAX_MARKERS

    ids = list(dict.fromkeys(c.source if isinstance(c, Citation) else c for c in citations))
    more = f" and {len(ids) - MAX_MARKERS} more" if len(ids) > MAX_MARKERS else ""
    return "[" + ", ".join(ids[:MAX_MARKERS]) + more + "]" if ids else ""


def _excerpt(x: Excerpt) -> str:
    line = f"- {md_escape(x.text)} {_cites(x.citations)}"
    if x.also_in:
        line += f" _(similar in {', '.join(dict.fromkeys(c.source for c in x.also_in))})_"
    return line


def _table(header: list[str], rows: list[list[str]], align: list[str]) -> list[str]:
    rule = {"l": "---", "r": "---:"}
    return (["| " + " | ".join(header) + " |", "| " + " | ".join(rule[a] for a in align) + " |"]
            + ["| " + " | ".join(row) + " |" for row in rows])


def _places(view) -> list[str]:
    """Markdown has no pictures: say where they are, and list the places as the map's table does."""
    if not view.places:
        return []
    drawn = [name for name, shown in (("a map of the places", view.map), ("tolls over time", view.charts),
                                      ("who reports what", view.matrix)) if shown]
    out = ["## Places", "", f"_Pictures ({', '.join(drawn)}) are in briefing.html and briefing.pdf; "
           "the places are listed here._", ""]
    rows = [[md_escape(r.place.name), md_escape(r.place.country or ""),
             md_escape(r.status if r.on_map or r.status != "not located" else f"not located: {r.why}"),
             _cites(r.place.sources)] for r in view.places]
    return out + _table(["Place", "Country", "On the map", "Named by"], rows, "llll") + [""]


def to_markdown(briefing: Briefing, marking: str | None = None, view=None) -> str:
    from .render import KINDS, METHOD_NAMES, entity_cards, is_web_url, listed_sources, shown, source_files

    view = view or picture_view(briefing, entity_cards(briefing))
    b, hidden = shown(briefing)
    facts = b.facts
    texts = {s.id: s.text for s in b.sources}
    n = len(b.sources)
    out: list[str] = []
    if marking:
        out += [f"**{md_escape(marking)}**", ""]
    out += [f"# {md_escape(b.title)}", "",
            f"Sources up to {long_date(b.generated)} · {n} source{'s' if n != 1 else ''} · every sentence quoted verbatim "
            f"and cited · ranked with {METHOD_NAMES.get(b.method, b.method)}", ""]
    out += comment_markdown(b.comment)

    if b.summary:
        out += ["## Executive summary", "", *(_excerpt(x) for x in b.summary), ""]

    out += _places(view)

    ch = b.changes
    if not ch.first_build:
        out += ["## What changed", ""]
        if not ch.any:
            out += ["No source, figure or summary sentence changed since the previous briefing.", ""]
        else:
            out += [f"- New source: {md_escape(ch.name(p))}" for p in ch.added]
            out += [f"- Edited source: {md_escape(ch.name(p))}" for p in ch.edited]
            out += [f"- Removed source: {md_escape(ch.name(p))}" for p in ch.removed]
            out += [f"- Gone with its source ({', '.join(map(md_escape, g.sources))}): {g.kind} {md_escape(g.text)}"
                    for g in ch.gone]
            for f in ch.figures:
                was = "" if f.previous is None else f", was {format_value(f.previous, upper=f.previous_upper)}"
                kind = "New figure" if f.previous is None else "Changed figure"
                out.append(f"- {kind}: {md_escape(f.label)} ({f.kind}): **{format_value(f.value, upper=f.upper)}**{was} "
                           f"{_cites(f.citations)}")
            out += [f"- New in the summary: {md_escape(x.text)} {_cites(x.citations)}" for x in ch.new_summary]
            out.append("")

    if facts.ledger:
        def shown(v) -> str:
            when = f" {short_date(v.reported)}" if v.reported and len(row.values) > 1 else ""
            return f"**{md_escape(format_value(v.value, v.hedge, v.upper))}** {_cites(v.citations)}{when}"

        rows = []
        for row in facts.ledger:
            flag = (" (conflicting)" if row.conflict else " (changed)") if len(row.values) > 1 else ""
            rows.append([("↳ " if row.part_of else "") + md_escape(row.label) + flag,
                         " · ".join(shown(v) for v in row.values), row.kind])
        out += ["## Key figures", "", *_table(["What was counted", "Values reported (latest first)", "Kind"], rows, "lrl"), ""]

    if facts.discrepancies:
        out += ["## Conflicting reports", ""]
        for d in facts.discrepancies:
            year = "year" in d.label.lower()
            values = " vs ".join(f"**{format_number(v, year)}**" for v in d.values)
            said = md_escape(d.change[len(d.label):]) if d.change else f": sources give {values}"
            out.append(f"- **{md_escape(d.label)}**{said} {_cites(d.citations)}")
            if d.by_value:  # one line per value: the first source's sentence, and every source giving it
                out += [f"  - **{md_escape(format_value(v.value, v.hedge, v.upper))}**: "
                        f"{md_escape(texts[v.citations[0].source][v.citations[0].start:v.citations[0].end])} {_cites(v.citations)}"
                        for v in d.by_value]
            else:
                out += [f"  - {md_escape(texts[c.source][c.start:c.end])} [{c.source}]" for c in d.citations]
        out.append("")

    for sec in (sec for sec in b.sections if sec.excerpts):  # an empty topic is left out
        out += [f"## {md_escape(sec.title)}", ""]
        out += [_excerpt(x) for x in sec.excerpts]
        out.append("")

    if facts.quotes:
        out += ["## Who said what", ""]
        for q in facts.quotes:
            out += [f"> {md_escape(q.text)}", f"> — {md_escape(q.speaker) or 'Unattributed'} {_cites(q.citations)}", ""]

    if facts.timeline:
        out += ["## Timeline", ""]
        out += [f"- {'_' + md_escape(t.date) + '_' if t.relative else '**' + md_escape(long_date(t.date)) + '**'}: "
                f"{md_escape(t.text)} {_cites(t.citations)}" for t in facts.timeline]
        out.append("")

    cards = entity_cards(b)
    if cards:
        rows = [[f"**{md_escape(e.name)}**", KINDS.get(e.label, e.label), md_escape("; ".join(e.roles)),
                 md_escape(", ".join(e.aliases)), str(e.mentions), _cites(e.sources)] for e in cards]
        out += ["## Who and where", "",
                *_table(["Name", "Kind", "Role in the text", "Also written", "Mentions", "Sources"], rows, "llllrl"), ""]

    out += ["## Sources", ""]
    listed, unlisted = listed_sources(b)
    folder, files = source_files(listed)
    if folder:
        out += [f"Files are in `{folder.replace('`', '')}`", ""]
    for s in listed:
        words = s.text.split()
        untitled = "No headline; begins “" + md_escape(" ".join(words[:12])) + ("…" if len(words) > 12 else "") + "”"
        parts = [f"**[{s.id}]** " + (md_escape(s.title) if s.title else untitled)]
        parts += [md_escape(x) for x in (s.byline, s.outlet) if x]
        if s.published:
            parts.append(s.published + (" (date inferred from the text)" if s.date_inferred else ""))
        if s.path != s.url:  # a page fetched from the web has its URL for a path
            parts.append(f"file `{files[s.path].replace('`', '')}`")
        parts += [f"same as `{files.get(d, d).replace('`', '')}`" for d in getattr(s, "duplicates", ())]
        if s.url and is_web_url(s.url):
            parts.append(f"<{s.url.replace('>', '%3E').replace(' ', '%20')}>")
        out.append("- " + " · ".join(parts))
    if unlisted:
        out.append(f"\n{unlisted} more sources fed this briefing without being cited in it; "
                   "briefing.json lists them all.")
    out.append("")
    if marking:
        out += [f"**{md_escape(marking)}**", ""]
    return "\n".join(out)
