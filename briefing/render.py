"""Stage 7, render: the `Briefing` as HTML (Jinja2), PDF (WeasyPrint), JSON and Markdown.

Templates run in Jinja2's sandbox with autoescape on for every template, so
article text can never become markup or template code. WeasyPrint gets a URL
fetcher that refuses everything: a briefing is self-contained, and its fonts
(DejaVu) come from the system's font configuration, never from a URL.
"""
from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import os
import tempfile
from dataclasses import asdict, replace
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from .comment import LABEL as COMMENT_LABEL, NOTE as COMMENT_NOTE, comment_html
from .dates import long_date, short_date
from .errors import BriefingError
from .model import Briefing, Citation, Excerpt
from .numerals import format_number, format_value
from .outputs import OUTPUT_NAMES, PAPERS, RenderOptions, check_writable, default_templates
from .pictures import Pictures, pictures as picture_view, places_json
from .state import no_cycle_collection

SCHEMA = "briefing/1"
MIN_CARD_MENTIONS = 2  # entity cards shown: mentioned at least this often
MAX_CARDS = 25
KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "facility", "NORP": "group"}
METHOD_NAMES = {"lexrank": "LexRank", "textrank": "TextRank", "lsa": "LSA", "luhn": "Luhn",
                "kl": "KL-Sum", "sumbasic": "SumBasic"}


def is_web_url(url: str | None) -> bool:
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def template_env(templates_dir: str | Path | None = None):
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    search = [str(templates_dir)] if templates_dir else []
    search.append(str(default_templates()))
    env = SandboxedEnvironment(
        loader=FileSystemLoader(search),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["basename"] = os.path.basename
    env.filters["is_web_url"] = is_web_url
    env.filters["number"] = format_number
    env.filters["said"] = lambda v: format_value(v.value, v.hedge, v.upper)  # a LedgerValue
    env.filters["span"] = lambda value, upper=None: format_value(value, upper=upper)  # "3,000–4,000"
    env.filters["longdate"] = long_date
    env.filters["short_date"] = short_date
    return env


def source_label(s) -> str:
    """"S1: Headline — Outlet, 2024-01-28": what a citation marker's tooltip names."""
    label = f"{s.id}: {s.title or os.path.basename(s.path)}"
    extra = ", ".join(x for x in (s.outlet, s.published) if x)
    return f"{label} — {extra}" if extra else label


# A briefing stays short however many articles feed it: the HTML, PDF and Markdown
# show the facts that most sources back; the JSON keeps every one.
SHOWN = {"figures": 30, "ledger": 30, "discrepancies": 10, "quotes": 20, "timeline": 40}
MAX_MARKERS = 8  # citation markers on one item; "+N more" after that
LIST_ALL_SOURCES = 60  # above this, the Sources list holds the cited sources only


def _top(items, limit: int, weight) -> tuple:
    """The `limit` items of greatest weight, in their original order."""
    if len(items) <= limit:
        return tuple(items)
    keep = set(sorted(range(len(items)), key=lambda i: weight(items[i]), reverse=True)[:limit])  # stable
    return tuple(x for i, x in enumerate(items) if i in keep)


def shown(briefing: Briefing) -> tuple[Briefing, dict[str, int]]:
    """The briefing as the reader sees it, and how many items of each kind were left out."""
    facts = briefing.facts
    backing = lambda x: len({c.source for c in x.citations})  # noqa: E731
    # a range one sentence gives is two values in the JSON, but no reports that differ
    differing = [d for d in facts.discrepancies if len(d.by_value) != 1]
    kept = {
        "figures": _top(facts.figures, SHOWN["figures"], backing),
        "ledger": _top(facts.ledger, SHOWN["ledger"], lambda row: len({s for v in row.values for s in v.sources})),
        "discrepancies": _top(differing, SHOWN["discrepancies"], backing),
        "quotes": _top(facts.quotes, SHOWN["quotes"], lambda q: (q.speaker is not None, backing(q))),
        "timeline": _top(facts.timeline, SHOWN["timeline"], lambda t: (not getattr(t, "relative", False), backing(t))),
    }
    hidden = {k: len(differing if k == "discrepancies" else getattr(facts, k)) - len(v) for k, v in kept.items()}
    return replace(briefing, facts=replace(facts, **kept)), hidden


def listed_sources(briefing: Briefing) -> tuple[list, int]:
    """The sources the Sources list shows, and how many it leaves to the JSON."""
    if len(briefing.sources) <= LIST_ALL_SOURCES:
        return list(briefing.sources), 0
    cited: set[str] = set()
    for x in (*briefing.summary, *(x for sec in briefing.sections for x in sec.excerpts)):
        cited |= {c.source for c in (*x.citations, *x.also_in)}
    facts = briefing.facts
    for item in (*facts.figures, *facts.discrepancies, *facts.quotes, *facts.timeline):
        cited |= {c.source for c in item.citations[:MAX_MARKERS]}
    for card in entity_cards(briefing):
        cited |= set(card.sources[:MAX_MARKERS])
    listed = [s for s in briefing.sources if s.id in cited]
    return listed, len(briefing.sources) - len(listed)


def source_files(listed) -> tuple[str | None, dict[str, str]]:
    """The folder every listed file is in, and each file's path within it (the path itself where
    the files share no folder): a list of hundreds of sources says a long folder once, not on
    every entry."""
    paths = [p for s in listed if s.path != s.url for p in (s.path, *getattr(s, "duplicates", ()))]
    try:
        folder = os.path.commonpath([os.path.dirname(p) for p in paths]) if len(paths) > 1 else ""
    except ValueError:  # absolute beside relative paths, or another drive
        folder = ""
    if folder in ("", os.sep, "."):
        return None, {p: p for p in paths}
    return folder + os.sep, {p: os.path.relpath(p, folder) for p in paths}


def entity_cards(briefing: Briefing) -> list:
    """The entities worth a card: mentioned more than once, most mentioned first as extracted."""
    return [e for e in briefing.facts.entities if e.mentions >= MIN_CARD_MENTIONS][:MAX_CARDS]


def contents(briefing: Briefing, view: Pictures | None = None) -> list[tuple[str, str]]:
    """(anchor, title) of every section the default templates render, in order."""
    facts = briefing.facts
    items = []
    if briefing.summary:
        items.append(("summary", "Executive summary"))
    if view and view.places:
        items.append(("places", "Places"))
    if not briefing.changes.first_build:
        items.append(("changes", "What changed"))
    if facts.ledger:
        items.append(("figures", "Key figures"))
    if facts.discrepancies:
        items.append(("conflicts", "Conflicting reports"))
    if view and view.charts:
        items.append(("tolls", "Tolls over time"))
    if view and view.matrix:
        items.append(("who-reports", "Who reports what"))
    items += [(f"topic-{sec.topic}", sec.title) for sec in briefing.sections if sec.excerpts]
    if facts.quotes:
        items.append(("quotes", "Who said what"))
    if facts.timeline:
        items.append(("timeline", "Timeline"))
    if entity_cards(briefing):
        items.append(("entities", "Who and where"))
    items.append(("sources", "Sources"))
    return items


def keywords(briefing: Briefing) -> list[str]:
    """Document keywords: the most mentioned people, places and organisations, then the topics."""
    names = [e.name for e in sorted(entity_cards(briefing), key=lambda e: -e.mentions)[:6]]
    topics = [sec.title for sec in briefing.sections if sec.excerpts]
    return list(dict.fromkeys(names + topics))


def describe(briefing: Briefing) -> str:
    n = len(briefing.sources)
    return (f"Briefing of {long_date(briefing.generated)} quoting {n} source{'s' if n != 1 else ''} verbatim: "
            + ", ".join(title for _, title in contents(briefing)))


# The page header is three boxes: section (24% of the width), marking (46%), running title (30%).
# What fits, in DejaVu Sans at 7.5pt: a running title of ~34 characters, a marking of ~40. A longer
# marking has the header to itself and the middle 70% of the footer, set smaller (without letter
# spacing) to stay on one line: down to 3.5pt, which holds about 140 characters.
RUNNING_TITLE_CHARS = 34
SHORT_MARKING_CHARS = 40
MARKING_PT, MARKING_MIN_PT, LONG_MARKING_ROOM_PT = 7.5, 3.5, 500  # 500: 70% of a page's width over a glyph's 0.7em
HANDLING_REM, HANDLING_CHARS = 0.8, 85  # the title block's handling line: ~85 characters fit at .8rem


def running_title(title: str, limit: int = RUNNING_TITLE_CHARS) -> str:
    """The title as the page header shows it: on one line, shortened at a word with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit - 1].rsplit(" ", 1)[0] if " " in title[:limit - 1] else title[:limit - 1]
    return cut.rstrip(" ,;:–—-") + "…"


def marking_layout(marking: str | None) -> dict:
    """How the handling line is set so that it never wraps: its size in the page margins
    (`marking_pt`), whether it has the page header to itself (`marking_alone`), and its
    size in the title block (`handling_rem`)."""
    n = len(marking or "")
    alone = n > SHORT_MARKING_CHARS
    pt = max(MARKING_MIN_PT, min(MARKING_PT, LONG_MARKING_ROOM_PT / n)) if alone else MARKING_PT
    return {"marking_pt": round(pt, 2), "marking_alone": alone,
            "handling_rem": round(min(HANDLING_REM, HANDLING_REM * HANDLING_CHARS / max(n, 1)), 3)}


def render_html(briefing: Briefing, templates_dir: str | Path | None = None,
                options: RenderOptions | None = None, view: Pictures | None = None, for_print: bool = False) -> str:
    """The briefing as HTML; `for_print`: the HTML the PDF is laid out from, without what print never
    shows (citation tooltips: a quarter of a large briefing's elements, each costing WeasyPrint a style)."""
    from jinja2 import TemplateError

    options = options or RenderOptions()
    view = view or picture_view(briefing, entity_cards(briefing))
    env = template_env(templates_dir)
    cites = {s.id: source_label(s) for s in briefing.sources}
    texts = {s.id: s.text for s in briefing.sources}
    counter = itertools.count(1)

    def quote_of(c) -> str:
        return texts[c.source][c.start:c.end]

    def uid(prefix: str = "id") -> str:
        """A fresh element id, the same on every render of the same briefing."""
        return f"{prefix}-{next(counter)}"

    def by_source(citations) -> list[dict]:
        """Citations grouped by source, in order: one marker per source, all its spans in the tooltip."""
        groups: dict[str, dict] = {}
        for c in citations:
            group = groups.setdefault(c.source, {"source": c.source, "spans": []})
            if getattr(c, "start", None) is not None:
                group["spans"].append(c)
        return list(groups.values())

    def opening(source, words: int = 12) -> str:
        """The first words of an article, for a source without a headline."""
        first = source.text.split()
        return " ".join(first[:words]) + ("…" if len(first) > words else "")

    briefing, hidden = shown(briefing)
    listed, unlisted = listed_sources(briefing)
    folder, files = source_files(listed)
    # macros are imported without the render context, so what they call is global
    env.globals.update(quote_of=quote_of, uid=uid, by_source=by_source, opening=opening,
                       max_markers=MAX_MARKERS, for_print=for_print)
    try:
        return env.get_template("briefing.html.j2").render(
            briefing=briefing,
            cites=cites,
            quote_of=quote_of,
            kinds=KINDS,
            method_name=METHOD_NAMES.get(briefing.method, briefing.method),
            marking=options.marking,
            paper=PAPERS[options.paper],
            contents=contents(briefing, view),
            pictures=view,
            cards=entity_cards(briefing),
            keywords=keywords(briefing),
            description=describe(briefing),
            hidden=hidden,
            listed_sources=listed,
            unlisted=unlisted,
            source_folder=folder,
            source_file=lambda path: files.get(path, path),
            comment=comment_html(briefing.comment),
            running_title=running_title(briefing.title),
            **marking_layout(options.marking),
            comment_label=COMMENT_LABEL,
            comment_note=COMMENT_NOTE,
        )
    except TemplateError as exc:
        where = f" in {exc.filename}" if getattr(exc, "filename", None) else ""
        raise BriefingError(f"template error{where}: {exc}") from None


def _refuse_fetch(url: str, *args, **kwargs):
    # Article text can contain anything; nothing outside the document is loaded.
    raise ValueError(f"briefing does not fetch external resources ({url[:80]})")


def _url_fetcher():
    """WeasyPrint's fetcher, made to refuse every URL (newer WeasyPrint wants its class)."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before 66 takes a plain function
        return _refuse_fetch

    class RefuseAll(URLFetcher):
        def fetch(self, url, headers=None):
            _refuse_fetch(url)

    return RefuseAll()


def link_labels(briefing: Briefing, view: Pictures | None = None) -> dict[str, str]:
    """What a screen reader says for each internal link target of the PDF."""
    labels = {anchor: f"Go to section {title}" for anchor, title in contents(briefing, view)}
    labels.update({s.id: f"Go to source {source_label(s)}" for s in briefing.sources})
    return labels


def _finisher(labels: dict[str, str]):
    """Post-process WeasyPrint's PDF: page labels, and readable alternate text on links."""
    import pydyf

    def finish(document, pdf) -> None:
        # Page labels 1, 2, 3 … match the "Page X of Y" footers in every viewer.
        pdf.catalog["PageLabels"] = pydyf.Dictionary(
            {"Nums": pydyf.Array([0, pydyf.Dictionary({"S": "/D"})])})
        for obj in pdf.objects:
            if isinstance(obj, dict) and obj.get("Subtype") == "/Link" and "Dest" in obj:
                dest = obj["Dest"]
                target = dest.string if isinstance(dest, pydyf.String) else str(dest)
                obj["Contents"] = pydyf.String(labels.get(target, f"Go to {target}"))

    return finish


def render_pdf(html: str, generated: str | None = None, options: RenderOptions | None = None,
               labels: dict[str, str] | None = None) -> bytes:
    """The PDF of `html`; byte-identical for the same html, date and options on any run.

    Tagged by default (PDF/UA-1 and PDF/A-3b add their conformance claims to the same tags).
    The paper size and marking are in the HTML's print styles (see `render_html`).
    """
    import logging

    from weasyprint import HTML

    options = options or RenderOptions()
    variant = None if options.pdf_variant == "tagged" else options.pdf_variant
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # fontTools stamps embedded font subsets with the clock unless SOURCE_DATE_EPOCH is set
    day = datetime.date.fromisoformat(generated) if generated else datetime.date(2000, 1, 1)
    epoch = str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        # WeasyPrint makes about 600,000 objects that live until the PDF is written; the cyclic
        # collector walked them (and in a build, every kept source's work) over and over:
        # 1.2 s of 5.7 s laying out 2,225 articles' briefing in a fresh process, more in a build.
        # What it leaves in cycles is collected once the collector runs again (peak memory
        # was the same, 242 MB against 247 MB).
        with no_cycle_collection():
            return HTML(string=html, url_fetcher=_url_fetcher(), base_url=None).write_pdf(
                pdf_identifier=hashlib.sha256(f"{options.pdf_variant}\0{html}".encode("utf-8")).hexdigest()[:32].encode("ascii"),
                uncompressed_pdf=False,
                pdf_variant=variant,
                pdf_tags=True,
                finisher=_finisher(labels or {}),
            )
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _import_weasyprint() -> None:
    import weasyprint  # noqa: F401


def _render_apart(html: str, generated: str | None, options: RenderOptions | None,
                  labels: dict[str, str] | None) -> bytes:
    return render_pdf(html, generated, options, labels)  # the process's own, unpatched


class PdfRenderer:
    """Where the PDF is laid out: in this process, or, once `start`ed, in a process of its own.

    Laying out a large briefing is the longest step of a build's rendering (4.5 s for 2,225
    articles) and one core's work; the other formats (HTML, JSON, Markdown) take about 1.5 s
    more. Started as soon as a build knows it is large, the process parses the sources a
    rebuild changed (`submit`) and imports WeasyPrint (`warm`) while the build decodes what it
    kept of the others; `render` hands it the print HTML and returns at once, and
    `result` waits for the PDF, so the other formats are rendered and the PDF laid out at once
    on two cores. The PDF is the same bytes in either process (`render_pdf`).
    """

    def __init__(self) -> None:
        self._pool = None

    def start(self) -> None:
        if self._pool is not None:
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: the build's process may hold threads (a Dask client, the pool's)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self._pool.submit(os.getpid)  # the process starts now, not at the first task

    @property
    def started(self) -> bool:
        return self._pool is not None

    def submit(self, fn, *args):
        """Run `fn(*args)` in the process before any PDF (a rebuild hands it the parse of its
        few changed sources); a Future, or None when the process is not started."""
        return self._pool.submit(fn, *args) if self._pool is not None else None

    def warm(self) -> None:
        """Import WeasyPrint in the process now, after what it was handed before."""
        if self._pool is not None:
            self._pool.submit(_import_weasyprint)

    def render(self, html: str, generated: str | None, options: RenderOptions | None,
               labels: dict[str, str] | None) -> Callable[[], bytes]:
        """Start laying out `html`; the returned function gives the PDF (`render_pdf`'s bytes)."""
        if self._pool is None:
            pdf = render_pdf(html, generated, options, labels)
            return lambda: pdf
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._pool.submit(_render_apart, html, generated, options, labels)
        except BrokenProcessPool:
            future = None

        def result() -> bytes:
            if future is not None:
                try:
                    return future.result()
                except BrokenProcessPool:  # the process died (killed, out of memory): lay it out here
                    pass
            return render_pdf(html, generated, options, labels)

        return result

    def close(self, abandon: bool = False) -> None:
        """Let the process end; with `abandon` (the build failed), stop what it is doing first."""
        if self._pool is not None:
            if abandon:  # a failed build reports at once, not after a layout nobody will read
                for process in list(getattr(self._pool, "_processes", {}).values()):
                    process.terminate()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "PdfRenderer":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(abandon=kind is not None)


def _citation(c: Citation) -> dict:
    return {"source": c.source, "start": c.start, "end": c.end}


def _excerpt(x: Excerpt) -> dict:
    out = {"text": x.text, "citations": [_citation(c) for c in x.citations]}
    if x.also_in:
        out["also_in"] = [_citation(c) for c in x.also_in]
    return out


def _cited(obj) -> dict:
    d = asdict(obj)
    d["citations"] = [_citation(c) for c in obj.citations]
    return d


def to_json(briefing: Briefing, view: Pictures | None = None) -> dict:
    """The briefing/1 export (see CONTRACT.md)."""
    return _with_copies(_json(briefing, view))


def _with_copies(doc: dict) -> dict:
    """Files with the same bytes are read once, but each is a source of the JSON ("S4b" beside
    "S4", `copy_of` naming it): the contract has a sentence that several sources carry cite each
    of them, so every citation of a source, and every list of sources naming it, names its copies."""
    copies: dict[str, list[str]] = {}
    entries = []
    for s in doc["sources"]:
        entries.append(s)
        for n, path in enumerate(s["duplicates"]):
            cid = f"{s['id']}{chr(ord('b') + n) if n < 25 else f'.{n + 1}'}"
            copies.setdefault(s["id"], []).append(cid)
            entries.append({**s, "id": cid, "path": path, "duplicates": [], "copy_of": s["id"]})
    if not copies:
        return doc

    def walk(node):
        if isinstance(node, dict):
            out = {k: walk(v) for k, v in node.items()}
            for key in ("citations", "also_in"):
                if isinstance(node.get(key), (list, tuple)):
                    out[key] = [m for c in out[key] for m in
                                [c, *({**c, "source": cid} for cid in copies.get(c.get("source"), ()))]]
            if isinstance(node.get("sources"), (list, tuple)) and all(isinstance(x, str) for x in node["sources"]):
                out["sources"] = [m for x in node["sources"] for m in [x, *copies.get(x, ())]]
            return out
        if isinstance(node, (list, tuple)):
            return [walk(x) for x in node]
        return node

    return {**walk({k: v for k, v in doc.items() if k != "sources"}), "sources": entries}


def _json(briefing: Briefing, view: Pictures | None) -> dict:
    facts = briefing.facts
    view = view or picture_view(briefing, entity_cards(briefing))
    return {
        "schema": SCHEMA,
        "title": briefing.title,
        "generated": briefing.generated,
        "method": briefing.method,
        "comment": briefing.comment,
        "sources": [
            {
                "id": s.id,
                "path": s.path,
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published,
                "url": s.url,
                "byline": s.byline,
                "date_inferred": s.date_inferred,
                "sha256": s.sha256,
                "notes": list(s.notes) + list(s.reasons),
                "duplicates": list(s.duplicates),
                "text": s.text,
            }
            for s in briefing.sources
        ],
        "summary": [_excerpt(x) for x in briefing.summary],
        "sections": [
            {"topic": sec.topic, "title": sec.title, "sentences": [_excerpt(x) for x in sec.excerpts],
             **({"note": sec.note} if sec.note else {})}
            for sec in briefing.sections
        ],
        "figures": [_cited(f) for f in facts.figures],
        "ledger": [
            {"id": row.id, "label": row.label, "kind": row.kind, "conflict": row.conflict,
             "parts": list(row.parts), "part_of": row.part_of, "change": row.change,
             "values": [{**_cited(v), "sources": list(v.sources)} for v in row.values]}
            for row in facts.ledger
        ],
        "entities": [
            {"name": e.name, "label": e.label, "aliases": list(e.aliases), "mentions": e.mentions,
             "sources": list(e.sources), "roles": list(e.roles)}
            for e in facts.entities
        ],
        "quotes": [_cited(q) for q in facts.quotes],
        "discrepancies": [{k: v for k, v in _cited(d).items() if k != "by_value"} for d in facts.discrepancies],
        "timeline": [_cited(t) for t in facts.timeline],
        "changes": _changes(briefing),
        "places": places_json(view),
    }


def _changes(briefing: Briefing) -> dict:
    ch = briefing.changes
    return {
        "first_build": ch.first_build,
        "source_names": {p: ch.name(p) for p in (*ch.added, *ch.edited, *ch.removed)},
        "gone": [{"kind": g.kind, "text": g.text, "sources": list(g.sources)} for g in ch.gone],
        "sources_added": list(ch.added),
        "sources_removed": list(ch.removed),
        "sources_edited": list(ch.edited),
        "figures": [_cited(f) for f in ch.figures],
        "new_summary": [_excerpt(x) for x in ch.new_summary],
    }


def write_outputs(briefing: Briefing, out_dir: str | Path, templates_dir: str | Path | None = None,
                  options: RenderOptions | None = None, pdf: PdfRenderer | None = None) -> dict[str, Path]:
    """Render all formats, then move them into place; a failure leaves the old files intact.

    The PDF is laid out first, by `pdf` (in a process of its own once started), while the
    other formats are rendered here."""
    from .markdown import to_markdown

    options = options or RenderOptions()
    out = check_writable(out_dir)
    view = picture_view(briefing, entity_cards(briefing))  # the map and charts, once for every format
    laid_out = (pdf or PdfRenderer()).render(render_html(briefing, templates_dir, options, view, for_print=True),
                                             briefing.generated, options, link_labels(briefing, view))
    html = render_html(briefing, templates_dir, options, view)
    payloads = {
        "json": (json.dumps(to_json(briefing, view), ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "html": html.encode("utf-8"),
        "md": to_markdown(briefing, options.marking, view).encode("utf-8"),
    }
    payloads["pdf"] = laid_out()
    for stale in out.glob(".briefing.*.tmp"):  # left by a build that was killed; we hold the lock
        stale.unlink(missing_ok=True)
    staged: dict[str, str] = {}
    umask = os.umask(0)
    os.umask(umask)
    try:
        for fmt, data in payloads.items():
            fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{OUTPUT_NAMES[fmt]}.", suffix=".tmp")
            staged[fmt] = tmp
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private; outputs are for sharing
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        written = {}
        for fmt, tmp in staged.items():
            target = out / OUTPUT_NAMES[fmt]
            os.replace(tmp, target)
            written[fmt] = target
        return written
    except OSError as exc:
        raise BriefingError(f"{out}: could not write the briefing ({exc.strerror or exc})") from None
    finally:
        for tmp in staged.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
