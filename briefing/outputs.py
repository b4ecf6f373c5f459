"""The files a build writes: their names, the folder they go in, the default templates, and
how they look (`RenderOptions`). Apart from `render`, which makes them: the CLI's options and a
build that finds its outputs up to date (`pipeline`) need these, and none of the rendering.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import BriefingError

OUTPUT_NAMES = {"html": "briefing.html", "pdf": "briefing.pdf", "json": "briefing.json", "md": "briefing.md"}
PAPERS = {"a4": "A4", "letter": "letter"}
# "tagged": a tagged PDF (structure tree, language, alternate text on links) that screen
# readers follow; the others add an ISO conformance claim on top of the same tags.
PDF_VARIANTS = ("tagged", "pdf/a-3b", "pdf/ua-1")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How the outputs look: a handling marking, the paper size, the PDF variant."""

    marking: str | None = None  # e.g. "UNCLASSIFIED // FOR OFFICIAL USE ONLY", top and bottom of every page
    paper: str = "a4"  # a key of PAPERS
    pdf_variant: str = "tagged"  # one of PDF_VARIANTS

    def __post_init__(self):
        if self.paper not in PAPERS:
            raise BriefingError(f"unknown paper size '{self.paper}'; choose one of {', '.join(PAPERS)}")
        if self.pdf_variant not in PDF_VARIANTS:
            raise BriefingError(f"unknown PDF variant '{self.pdf_variant}'; choose one of {', '.join(PDF_VARIANTS)}")
        if self.marking is not None:
            marking = " ".join(self.marking.split())
            object.__setattr__(self, "marking", marking or None)


def default_templates() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "briefing.html.j2").is_file():
            return candidate
    raise BriefingError("the default templates are missing from this installation; reinstall briefing")


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
