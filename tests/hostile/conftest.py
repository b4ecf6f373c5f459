"""Helpers for the hostile-input suite: run the CLI as a user would, and inspect its HTML."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from briefing.cli import cli

ARTICLE = (
    "Rebels fired rockets at the northern base on Friday, the defence ministry said in a statement.\n\n"
    "Two soldiers were wounded in the attack and taken to the military hospital, officials said.\n\n"
    "About 1,500 troops remain stationed at the base under an agreement with the government.\n\n"
    "The prime minister condemned the attack and promised a full investigation into the incident.\n"
)


@pytest.fixture()
def run_cli():
    def run(*args: str):
        return CliRunner().invoke(cli, [str(a) for a in args])

    return run


class TagCollector(HTMLParser):
    """Every tag, attribute and link an HTML page would make a browser act on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.links: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        for name, value in attrs:
            self.attributes.add(name)
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                self.links.append(value or "")


def html_elements(html: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(html)
    return collector


SAFE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "nav", "section",
             "article", "aside", "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "a", "q", "span", "strong", "em",
             "b", "i", "br", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "blockquote",
             "time", "div", "small", "abbr", "dl", "dt", "dd", "sup", "cite", "caption", "colgroup", "col", "hr",
             "mark", "details", "summary", "button", "svg", "path", "template", "code"}


def _template_scripts() -> set[str]:
    """The scripts the default templates carry: the only ones a briefing may contain."""
    from briefing.render import default_templates

    own = set()
    for path in default_templates().glob("*"):
        if path.is_file():
            own |= {" ".join(s.split()) for s in html_elements(path.read_text()).scripts}
    return own


def assert_safe_html(html: str) -> None:
    found = html_elements(html)
    assert found.tags <= SAFE_TAGS | {"script"}, found.tags - SAFE_TAGS
    own = _template_scripts()
    assert all(" ".join(s.split()) in own for s in found.scripts), found.scripts
    assert not [a for a in found.attributes if a.startswith("on")], found.attributes
    bad = [u for u in found.links if not (u.startswith("#") or u.startswith(("http://", "https://")))]
    assert not bad, bad
