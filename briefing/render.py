"""Stage 7, render: the `Briefing` as HTML (Jinja2), PDF (WeasyPrint) and JSON.

Templates run in Jinja2's sandbox with autoescape on for every template, so
article text can never become markup or template code. WeasyPrint gets a URL
fetcher that refuses everything: a briefing is self-contained.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

from .errors import BriefingError
from .model import Briefing, Citation, Excerpt

SCHEMA = "briefing/1"
OUTPUT_NAMES = {"html": "briefing.html", "pdf": "briefing.pdf", "json": "briefing.json"}
KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "facility", "NORP": "group"}
METHOD_NAMES = {"lexrank": "LexRank", "textrank": "TextRank", "lsa": "LSA", "luhn": "Luhn",
                "kl": "KL-Sum", "sumbasic": "SumBasic"}


def default_templates() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "briefing.html.j2").is_file():
            return candidate
    raise BriefingError("the default templates are missing from this installation; reinstall briefing")


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
    return env


def format_number(value) -> str:
    """2500 -> "2,500"; whole floats lose their ".0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def render_html(briefing: Briefing, templates_dir: str | Path | None = None) -> str:
    from jinja2 import TemplateError

    env = template_env(templates_dir)
    cites = {
        s.id: f"{s.id}: {s.title or os.path.basename(s.path)}" for s in briefing.sources
    }
    texts = {s.id: s.text for s in briefing.sources}

    def quote_of(c) -> str:
        return texts[c.source][c.start:c.end]

    try:
        return env.get_template("briefing.html.j2").render(
            briefing=briefing,
            cites=cites,
            quote_of=quote_of,
            kinds=KINDS,
            method_name=METHOD_NAMES.get(briefing.method, briefing.method),
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


def render_pdf(html: str, generated: str | None = None) -> bytes:
    """The PDF of `html`; byte-identical for the same html and date on any run."""
    import datetime
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # fontTools stamps embedded font subsets with the clock unless SOURCE_DATE_EPOCH is set
    day = datetime.date.fromisoformat(generated) if generated else datetime.date(2000, 1, 1)
    epoch = str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        return HTML(string=html, url_fetcher=_url_fetcher(), base_url=None).write_pdf(
            pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii"),
            uncompressed_pdf=False,
        )
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


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


def to_json(briefing: Briefing) -> dict:
    """The briefing/1 export (see CONTRACT.md)."""
    facts = briefing.facts
    return {
        "schema": SCHEMA,
        "title": briefing.title,
        "generated": briefing.generated,
        "method": briefing.method,
        "sources": [
            {
                "id": s.id,
                "path": s.path,
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published,
                "url": s.url,
                "sha256": s.sha256,
                "notes": list(s.notes),
                "text": s.text,
            }
            for s in briefing.sources
        ],
        "summary": [_excerpt(x) for x in briefing.summary],
        "sections": [
            {"topic": sec.topic, "title": sec.title, "sentences": [_excerpt(x) for x in sec.excerpts]}
            for sec in briefing.sections
        ],
        "figures": [_cited(f) for f in facts.figures],
        "entities": [
            {"name": e.name, "label": e.label, "aliases": list(e.aliases), "mentions": e.mentions,
             "sources": list(e.sources), "roles": list(e.roles)}
            for e in facts.entities
        ],
        "quotes": [_cited(q) for q in facts.quotes],
        "discrepancies": [_cited(d) for d in facts.discrepancies],
        "timeline": [_cited(t) for t in facts.timeline],
        "changes": _changes(briefing),
    }


def _changes(briefing: Briefing) -> dict:
    ch = briefing.changes
    return {
        "first_build": ch.first_build,
        "sources_added": list(ch.added),
        "sources_removed": list(ch.removed),
        "sources_edited": list(ch.edited),
        "figures": [_cited(f) for f in ch.figures],
        "new_summary": [_excerpt(x) for x in ch.new_summary],
    }


def check_writable(out_dir: str | Path) -> Path:
    """Create the output folder if needed; BriefingError if files cannot be written there."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".briefing-probe-"):
            pass
    except OSError as exc:
        raise BriefingError(
            f"{out}: cannot write the briefing there ({exc.strerror or exc}); pick another folder with -o"
        ) from None
    return out


def write_outputs(briefing: Briefing, out_dir: str | Path, templates_dir: str | Path | None = None) -> dict[str, Path]:
    """Render all formats, then move them into place; a failure leaves the old files intact."""
    out = check_writable(out_dir)
    html = render_html(briefing, templates_dir)
    payloads = {
        "json": (json.dumps(to_json(briefing), ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "html": html.encode("utf-8"),
        "pdf": render_pdf(html, briefing.generated),
    }
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
