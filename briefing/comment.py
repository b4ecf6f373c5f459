"""The analyst's comment: the one text in a briefing that is not quoted from a source.

It is written in Markdown (in briefing.toml) and shown at the top of every format in
a box labelled as the analyst's, so a reader never takes it for a source's words.
Raw HTML in it is shown as text, never as markup.
"""
from __future__ import annotations

LABEL = "Analyst's comment"
NOTE = "the analyst's own assessment, not quoted from any source"


def comment_html(text: str | None):
    """The comment as safe HTML (markupsafe.Markup), or None."""
    if not text or not text.strip():
        return None
    from markdown_it import MarkdownIt
    from markupsafe import Markup

    # commonmark with raw HTML off: "<script>" is escaped; link targets like javascript: are refused
    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))


def comment_markdown(text: str | None) -> list[str]:
    """The comment as a Markdown block quote under its label, or nothing."""
    if not text or not text.strip():
        return []
    lines = [f"> **{LABEL}** ({NOTE}):", ">"]
    # the analyst's Markdown is kept, but not raw HTML: a "<" is shown as itself wherever the file is pasted
    lines += [f"> {line.replace('<', chr(92) + '<')}".rstrip() for line in text.strip().split("\n")]
    return lines + [""]
