"""The project file, `briefing.toml`: the choices an analyst makes once for a briefing.

It sits in the sources folder (or is named with --config), as mkdocs.yml and
pelicanconf.py do for a site. Every key is optional; a flag on the command line
overrides the key. A key that is wrong stops the build with one line naming it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from .errors import BriefingError
from .readers import PROJECT_FILE
from .tomlfile import read_toml
TOPIC_KEYS = ("enabled", "order", "title")


@dataclass(frozen=True, slots=True)
class Project:
    """The keys of a project file that were set; None (or empty) where they were not."""

    path: Path | None = None
    title: str | None = None
    marking: str | None = None
    paper: str | None = None
    pdf_variant: str | None = None
    method: str | None = None
    sentences: int | None = None
    section_sentences: int | None = None
    topic_files: tuple[str, ...] = ()  # resolved against the project file's folder
    topics: Mapping[str, Mapping[str, object]] = field(default_factory=dict)  # id -> enabled/order/title
    templates: str | None = None
    exclude: tuple[str, ...] = ()
    pin: tuple[str, ...] = ()
    comment: str | None = None
    match: str | None = None  # the query feed items must match (see query.py)


def find_project(sources: Sequence[str], explicit: str | None = None) -> Path | None:
    """--config FILE, else the first sources folder holding a briefing.toml."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise BriefingError(f"--config {explicit}: no such file")
        return path
    for given in sources:
        candidate = Path(given) / PROJECT_FILE
        if Path(given).is_dir() and candidate.is_file():
            return candidate
    return None


def load_project(path: Path | None) -> Project:
    if path is None:
        return Project()
    return _project(path, read_toml(path, "the project file"))


def _project(path: Path, data: dict) -> Project:
    from .outputs import PAPERS, PDF_VARIANTS
    from .summarize import METHODS

    def bad(key: str, what: str):
        return BriefingError(f"{path}: key '{key}': {what}")

    known = set(Project.__slots__) - {"path"}
    for key in data:
        if key not in known:
            raise bad(key, f"unknown key (known: {', '.join(sorted(known))})")

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise bad(key, "must be a non-empty string")
        return value

    def choice(key: str, choices) -> str | None:
        value = text(key)
        if value is not None and value not in choices:
            raise bad(key, f"'{value}' is not one of {', '.join(choices)}")
        return value

    def count(key: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
            raise bad(key, "must be a whole number from 1 to 50")
        return value

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise bad(key, "must be a list of non-empty strings")
        return tuple(value)

    here = path.parent
    topics = data.get("topics", {})
    if not isinstance(topics, dict):
        raise bad("topics", "must be tables such as [topics.casualties]")
    for tid, entry in topics.items():
        where = f"topics.{tid}"
        if not isinstance(entry, dict):
            raise bad(where, "must be a table with enabled, order or title")
        for key, value in entry.items():
            if key not in TOPIC_KEYS:
                raise bad(f"{where}.{key}", f"unknown key (known: {', '.join(TOPIC_KEYS)})")
        if "enabled" in entry and not isinstance(entry["enabled"], bool):
            raise bad(f"{where}.enabled", "must be true or false")
        if "order" in entry and (isinstance(entry["order"], bool) or not isinstance(entry["order"], (int, float))):
            raise bad(f"{where}.order", "must be a number")
        if "title" in entry and not (isinstance(entry["title"], str) and entry["title"].strip()):
            raise bad(f"{where}.title", "must be a non-empty string")
    templates = text("templates")
    if templates is not None:
        templates = str(here / templates)
        if not Path(templates).is_dir():
            raise bad("templates", f"{templates}: no such folder")
    return Project(
        path=path,
        title=text("title"),
        match=text("match"),
        marking=text("marking"),
        paper=choice("paper", list(PAPERS)),
        pdf_variant=choice("pdf_variant", PDF_VARIANTS),
        method=choice("method", list(METHODS)),
        sentences=count("sentences"),
        section_sentences=count("section_sentences"),
        topic_files=tuple(str(here / p) for p in strings("topic_files")),
        topics=topics,
        templates=templates,
        exclude=strings("exclude"),
        pin=strings("pin"),
        comment=text("comment"),
    )


def unmatched_fragments(sentences, exclude: Sequence[str], pin: Sequence[str], where: str) -> list[str]:
    """Warnings for exclude/pin fragments that are in no sentence: a typo would silently do nothing."""
    texts = [s.text for s in sentences]
    return [f"{where}: {key} fragment '{fragment}' is in no sentence of the sources; it has no effect"
            for key, fragments in (("exclude", exclude), ("pin", pin))
            for fragment in fragments if not any(fragment in t for t in texts)]


INIT_TEXT = '''\
# briefing.toml: the choices for the briefing of this folder; `briefing build` reads it.
# Every key is optional; a flag on the command line overrides it.

# Title of the briefing (default: the main place and event, from the sources).
# title = "CITY: drone attack, week one"

# Handling line, top and bottom of every page.
# marking = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"

# Paper of the PDF: "a4" or "letter". PDF variant: "tagged", "pdf/a-3b" or "pdf/ua-1".
# paper = "a4"
# pdf_variant = "tagged"

# How sentences are chosen (coverage, lexrank, textrank, lsa, luhn, kl, sumbasic),
# and how many: the executive summary, and each topic section.
# method = "coverage"
# sentences = 5
# section_sentences = 4

# Extra topic files (paths from this file's folder), and templates overriding the look.
# topic_files = ["my-topics.toml"]
# templates = "my-templates"

# Sentences to leave out, and sentences to keep in the summary, each by a verbatim
# fragment of the sentence (copy it from the briefing).
# exclude = ["a verbatim fragment of a sentence to leave out"]
# pin = ["a verbatim fragment of a sentence to keep in the summary"]

# Your own assessment, in Markdown: shown in a marked box at the top of every format,
# labelled as the analyst's comment, never as a source's words.
# comment = """The toll is likely to rise; the second source's count is unconfirmed."""

# Topic sections: switch one off, reorder them (lower first), or retitle one.
# [topics.troop_levels]
# enabled = false
# [topics.casualties]
# order = 1
'''


def write_init(folder: str) -> Path:
    target = Path(folder) / PROJECT_FILE
    if not Path(folder).is_dir():
        raise BriefingError(f"{folder}: no such folder")
    if target.exists():
        raise BriefingError(f"{target}: already exists; edit it, or remove it first")
    try:
        target.write_text(INIT_TEXT, encoding="utf-8")
    except OSError as exc:
        raise BriefingError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
