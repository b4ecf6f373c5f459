"""The headline, outlet, byline and date a page states in its own text.

Pages as users have them carry their metadata as lines among the furniture: a breadcrumb,
a section label, the headline, "By NAME and NAME", "Updated June 5, 2025", a site name, a
wire dateline ("ADEN, June 6 (Reuters) -"). Each line near the top is given one role by its
shape and the vocabularies of `data/furniture.toml`; lines of a furniture class (captions,
credits, labels, share bars, the browser's capture stamp) never take one. Every value
comes with the reason it was taken, which the source keeps in its notes.

When no line gives a date, a date the article states about its own present is used, and
marked as inferred: a weekday with its day ("on Thursday, June 5"), or a dateline's day
whose year that weekday fixes. A day without a year or weekday is not guessed.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import WEEKDAYS, dates_on_line, find_dates, read_dateline, year_of_weekday
from .pagelines import FurnitureRules, ends_like_sentence, is_headline_shaped, reads_like_text, words

# Classes whose lines never hold the page's own metadata, even near the top.
_NEVER_METADATA = ("capture", "navigation", "caption", "credit")
_SEGMENTS = re.compile(r"\s+[·|•]\s+")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<a>[^.©|]{2,60}?)\.?(?:\s+all rights reserved\.?)?"
    r"|(?P<b>[^.©|]{2,60}?)\s*©\s*\d{4}\.?",
    re.IGNORECASE,
)
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "la", "le", "di", "du", "abu", "bint"})
_TITLES = frozenset({"dr.", "dr", "prof.", "mr.", "mrs.", "ms."})
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")


@dataclass(frozen=True, slots=True)
class Masthead:
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    date_inferred: bool = False
    reasons: tuple[str, ...] = ()
    used: frozenset[int] = frozenset()  # indexes of the lines that held metadata


def _quote(line: str, limit: int = 70) -> str:
    line = " ".join(line.split())
    return f"'{line[:limit]}…'" if len(line) > limit else f"'{line}'"


def is_name(text: str, rules: FurnitureRules) -> bool:
    """A person's name: two to four capitalised words, none a word of outlets or sections."""
    parts = text.replace(",", " ").split()
    if not 2 <= len(parts) <= 4 or any(ch.isdigit() for ch in text):
        return False
    for p in parts:
        low = p.lower()
        if low in _TITLES or low.split("-")[0] in _PARTICLES:
            continue
        if low in rules.outlet_words or low in rules.section_words or not p[0].isupper():
            return False
        if not re.fullmatch(r"[A-Z][\w.'’-]*", p):
            return False
    return True


def is_names(text: str, rules: FurnitureRules) -> bool:
    """"Lina Haddad and Tom Reyes": one or more names joined by "and", "&" or commas."""
    names = [n for n in _NAME_SPLIT.split(text.strip()) if n]
    return bool(names) and all(is_name(n, rules) for n in names)


def is_outlet_name(text: str, rules: FurnitureRules) -> bool:
    """"Coastal Times", "ICARO Media Group": a few capitalised words, one of them an outlet's."""
    parts = text.split()
    if not 1 <= len(parts) <= 6 or ends_like_sentence(text) or any(ch.isdigit() for ch in text):
        return False
    if not all(p[0].isupper() or not p[0].isalpha() or len(p) <= 3 for p in parts):
        return False
    return any(p.lower().strip(".,") in rules.outlet_words for p in parts)


def _title_case(name: str) -> str:
    """Names set in capitals ("MARIA SANTOS") as names are written."""
    if name.isupper():
        return " ".join(w.capitalize() if len(w) > 1 else w for w in name.split())
    return name


def _is_job(text: str, rules: FurnitureRules) -> bool:
    return any(c.fullmatch(text) for c in rules.classes.get("job_title", ()))


def read_byline(line: str, rules: FurnitureRules) -> tuple[str | None, str | None] | None:
    """(NAMES, OUTLET) from a byline, either None when it does not say: "By NAME and NAME,
    OUTLET", "By NAME in PLACE", "By Reuters" (an outlet, no names), "By staff reporter"
    (neither). None when the line is not a byline."""
    text = line.strip()
    low = text.lower()
    opener = next((o for o in rules.byline_openers if low.startswith(o + " ") or low.startswith(o + ":")), None)
    if opener is None:
        return None
    rest = text[len(opener):].lstrip(" :")
    rest = re.sub(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$", "", rest)  # "By NAME in Basra"
    if "," not in rest and _is_job(rest, rules):
        return None, None  # "By staff reporter"
    if "," not in rest and (is_outlet_name(rest, rules) or re.fullmatch(r"[A-Z][a-z]+", rest)):
        return None, rest  # "By Reuters", "By The Associated Press"
    outlet = None
    # "By MARIA SANTOS and JOHN ELLIS Associated Press": names in capitals, then the outlet
    m = re.fullmatch(r"((?:[A-Z][A-Z.'’-]+\s+)*[A-Z][A-Z.'’-]+(?:\s*(?:,|and|&)\s*(?:[A-Z][A-Z.'’-]+\s+)*[A-Z][A-Z.'’-]+)*)"
                     r"\s+(?P<outlet>[A-Z][\w.'’-]*[a-z][\w.'’-]*(?:\s+[\w.'’-]+){0,5})", rest)
    if m:
        rest, outlet = m.group(1), m["outlet"]
    else:
        parts = [p.strip() for p in rest.split(",")]
        names = [parts[0]]
        for p in parts[1:]:
            if _is_job(p, rules):
                continue
            if is_names(p, rules) or re.fullmatch(r"and\s+.+", p):
                names.append(p)
            elif outlet is None and (is_outlet_name(p, rules) or p.isupper() and 2 <= len(p) <= 8):
                outlet = p
        rest = ", ".join(names)
    rest = re.sub(r",\s*and\s+", " and ", rest)
    if not is_names(rest, rules) and not is_names(_title_case(rest), rules):
        return None
    names = [_title_case(n) for n in _NAME_SPLIT.split(rest) if n]
    byline = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return byline, outlet


def name_with_job(line: str, rules: FurnitureRules) -> str | None:
    """"Helen Ward Transport correspondent": the name of a name run into its job title."""
    parts = line.split()
    for n in (2, 3, 4):
        head, tail = " ".join(parts[:n]), " ".join(parts[n:])
        if tail and is_name(head, rules) and _is_job(tail, rules):
            return head
    return None


def is_date_line(line: str, rules: FurnitureRules) -> list[str]:
    """The dates of a line that is nothing but the page's date ("Updated June 5, 2025, 9:14 a.m.")."""
    found, rest = dates_on_line(line)
    if found and all(w in rules.date_words for w in rest) and words(line) <= 16:
        return found
    return []


def _outlet_of(line: str, rules: FurnitureRules) -> str | None:
    """The outlet a line names: "Coastal Times", or "Coastal Times, Accra" with its place."""
    head, _, place = line.partition(",")
    if place and is_outlet_name(head, rules) and re.fullmatch(r"\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}", place):
        return head.strip()
    return line if is_outlet_name(line, rules) else None


def _copyright_outlet(line: str) -> str | None:
    m = _COPYRIGHT.fullmatch(line.strip())
    if not m:
        return None
    name = (m["a"] or m["b"] or "").strip(" .,")
    return name if name and not name[0].isdigit() and words(name) <= 6 else None


def read_masthead(lines: list[str], rules: FurnitureRules, classes: list[str | None],
                  latest_year: int | None = None) -> Masthead:
    """Headline, outlet, byline and date of a page from its lines (already stripped).

    `classes` holds each line's furniture class (None when it has none); `latest_year` is the
    last year the page can be from (the year it was saved), used only to fix the year of an
    inferred date from its weekday.
    """
    page = _Page(lines, rules, classes)
    page.read_metadata_lines()
    page.read_headline()
    page.read_site_lines()
    page.read_dateline()
    outlet = page.outlet()
    byline = page.byline
    published, inferred = page.date(latest_year)
    return Masthead(page.title, outlet, byline, published, inferred, tuple(page.reasons), frozenset(page.used))


class _Page:
    """One reading of a page's lines; each `read_*` step fills in what it finds, with reasons."""

    def __init__(self, lines: list[str], rules: FurnitureRules, classes: list[str | None]):
        self.lines, self.rules, self.classes = lines, rules, classes
        self.nonblank = [i for i, line in enumerate(lines) if line]
        # article prose: lines of no class that end like a sentence and are more than a phrase
        self.prose = [i for i in self.nonblank if classes[i] is None and reads_like_text(lines[i])]
        self.body_start = self.prose[0] if self.prose else len(lines)
        self.reasons: list[str] = []
        self.used: set[int] = set()
        self.dates: list[tuple[str, str]] = []  # (ISO date, the line it is on)
        self.title = self.title_at = self.byline = None
        self.byline_outlet = self.site = self.domain = self.under_title = None
        self.names_after_title: list[int] = []
        self.dateline = self.dateline_text = None

    def _above_article(self):
        return (i for i in self.nonblank if i < self.body_start)

    def _take_byline(self, names: str | None, outlet: str | None, line: str) -> None:
        if names and self.byline is None:
            self.byline = names
            self.reasons.append(f"byline from {_quote(line)}")
        if outlet and self.byline_outlet is None:
            self.byline_outlet = outlet
            self.reasons.append(f"outlet from {_quote(line)}")

    def read_metadata_lines(self) -> None:
        """Lines above the second paragraph that are the page's date or byline, or hold several
        of its facts ("Outlet · Name · Date", "Posted by NAME | DATE")."""
        head_end = self.prose[1] if len(self.prose) > 1 else len(self.lines)
        for i in self.nonblank:
            if i >= head_end or i in self.prose or self.classes[i] in _NEVER_METADATA:
                continue
            line = self.lines[i]
            segments = _SEGMENTS.split(line)
            roles = [self._segment_role(seg, line, alone=len(segments) == 1) for seg in segments]
            if all(roles):
                self.used.add(i)
                named = {r[0]: r[1] for r in roles if isinstance(r, tuple)}
                if "outlet" in named:
                    self.site = self.site or (named["outlet"], line)
                if "names" in named:
                    self._take_byline(named["names"], None, line)

    def _segment_role(self, seg: str, line: str, alone: bool):
        found = is_date_line(seg, self.rules)
        if found:
            self.dates += [(d, line) for d in found]
            return "date"
        by = read_byline(seg, self.rules)
        if by:
            self._take_byline(by[0], by[1], line)
            return "byline"
        if alone:
            name = name_with_job(seg, self.rules)
            if name:
                self._take_byline(name, None, line)
                return "byline"
            return None
        if is_outlet_name(seg, self.rules) and not self.rules.is_section_label(seg):
            return ("outlet", seg)
        if is_names(seg, self.rules):
            return ("names", seg)
        return None

    def read_headline(self) -> None:
        """The first headline-like line above the article that is nothing else; a line of a
        few capitalised words is passed over for one that reads like a headline."""
        candidates = []
        for i in self._above_article():
            line = self.lines[i]
            if i in self.used or self.classes[i] is not None or self.rules.is_furniture(line):
                continue
            if not is_headline_shaped(line) or words(line) < 2 or line.isupper():
                continue
            if _DOMAIN.fullmatch(line) or is_outlet_name(line, self.rules) or is_names(line, self.rules):
                continue
            candidates.append(i)
        strong = [i for i in candidates if words(self.lines[i]) >= 4 or re.search(r"\s[a-z]", self.lines[i])]
        if candidates:
            self.title_at = (strong or candidates)[0]
            self.title = self.lines[self.title_at]
            self.used.add(self.title_at)
            if self.title_at != self.nonblank[0]:
                self.reasons.append(f"headline from line {self.title_at + 1}")

    def read_site_lines(self) -> None:
        """Site names, domains and bare names above the article."""
        after_title = next((j for j in self.nonblank if self.title_at is not None and j > self.title_at), None)
        for i in self._above_article():
            line = self.lines[i]
            if i in self.used or self.classes[i] is not None or self.rules.is_furniture(line):
                continue
            named = _outlet_of(line, self.rules)
            if named:
                self.site = self.site or (named, line)
                self.used.add(i)
            elif _DOMAIN.fullmatch(line):
                self.domain = self.domain or line
                self.used.add(i)
            elif after_title is not None and i >= after_title and is_names(line, self.rules):
                self.names_after_title.append(i)
            elif i == after_title and _is_outlet_shaped(line):
                self.under_title = i  # "Politico" under the headline: most likely the outlet

    def read_dateline(self) -> None:
        for i in self.prose[:2]:
            self.dateline = read_dateline(self.lines[i])
            if self.dateline:
                self.dateline_text = self.lines[i][:self.dateline.end].strip()
                return

    def outlet(self) -> str | None:
        """By priority: the byline's outlet, the dateline's agency, a site name or domain above
        the article, a line under the headline, the site's name below the article, the copyright."""
        outlet = self.byline_outlet
        if outlet is None and self.dateline and self.dateline.agency:
            outlet = self.dateline.agency
            self.reasons.append(f"outlet from the dateline {_quote(self.dateline_text)}")
        elif outlet is None and (self.site or self.domain):
            outlet, line = self.site or (self.domain, self.domain)
            self.reasons.append(f"outlet from {_quote(line)}")
        # a bare name under the headline is the byline when the outlet is known or a job title
        # follows it; otherwise the outlet, as a short line under a headline usually is
        for i in self.names_after_title:
            nxt = next((j for j in self.nonblank if j > i), None)
            if self.byline is None and (outlet or nxt is not None and self.classes[nxt] == "job_title"):
                self._take_byline(self.lines[i], None, self.lines[i])
                self.used.add(i)
            elif outlet is None and self.title_at is not None and i == next(j for j in self.nonblank if j > self.title_at):
                self.under_title = i
        if outlet is None and self.under_title is not None:
            outlet = self.lines[self.under_title]
            self.used.add(self.under_title)
            self.reasons.append(f"outlet from {_quote(outlet)}, the line under the headline")
        if outlet is None:
            below = (i for i in self.nonblank if self.prose and i > self.prose[-1] and self.classes[i] is None)
            found = next(((_outlet_of(self.lines[i], self.rules), i) for i in below
                          if _outlet_of(self.lines[i], self.rules)), None)
            if found:
                outlet = found[0]
                self.reasons.append(f"outlet from {_quote(self.lines[found[1]])} below the article")
        if outlet is None:
            found = next(((_copyright_outlet(self.lines[i]), i) for i in reversed(self.nonblank)
                          if _copyright_outlet(self.lines[i])), None)
            if found:
                outlet = found[0]
                self.reasons.append(f"outlet from {_quote(self.lines[found[1]])}")
        return outlet

    def date(self, latest_year: int | None) -> tuple[str | None, bool]:
        """(ISO date, inferred): the newest date line, else a dateline with its year, else the
        date the first paragraph states about its present."""
        if self.dates:
            published, line = max(self.dates)
            self.reasons.append(f"date from {_quote(line)}")
            return published, False
        d = self.dateline
        if d and d.year and d.month and _day(d.year, d.month, d.day):
            self.reasons.append(f"date from the dateline {_quote(self.dateline_text)}")
            return _day(d.year, d.month, d.day).isoformat(), False
        if self.prose:
            published, why = _present_date(self.lines[self.prose[0]], d, latest_year)
            if published:
                self.reasons.append(why)
                return published, True
        return None, False


def _is_outlet_shaped(line: str) -> bool:
    """A few capitalised words, no digits, no sentence punctuation: "Politico", "Al-Monitor"."""
    parts = line.split()
    return (0 < len(parts) <= 6 and not ends_like_sentence(line) and not any(ch.isdigit() for ch in line)
            and all(w[0].isupper() or not w[0].isalpha() for w in parts if len(w) > 3))


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _present_date(paragraph: str, dateline, latest_year: int | None) -> tuple[str | None, str]:
    """The date the first paragraph states about its own present: a weekday with its day
    ("on Thursday, June 5"), which fixes the year; and a dateline's day in that year."""
    for m in find_dates(paragraph[dateline.end if dateline else 0:]):
        if m.kind not in ("month_day", "day"):
            continue
        head = m.text.split()[0].strip(",").lower()
        if head not in WEEKDAYS:
            continue
        year = m.year or (year_of_weekday(m.month, m.day, WEEKDAYS.index(head), latest_year) if latest_year else None)
        stated = _day(year, m.month, m.day) if year else None
        if stated is None:
            continue
        said = " ".join(m.text.split())
        if dateline and dateline.month:
            # the dateline's day, in the year that puts it nearest the weekday's day
            days = [d for d in (_day(y, dateline.month, dateline.day) for y in (year - 1, year, year + 1)) if d]
            if days:
                best = min(days, key=lambda d: abs((d - stated).days))
                return best.isoformat(), f"date inferred from the dateline and '{said}' in the text"
        return stated.isoformat(), f"date inferred from '{said}' in the text"
    return None, ""
