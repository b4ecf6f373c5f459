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

import re
from dataclasses import dataclass

from .dates import WEEKDAYS, dates_on_line, find_dates, read_dateline, year_of_weekday, _iso
from .pagelines import FurnitureRules, ends_like_sentence, is_headline_shaped, words

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
    nonblank = [i for i, line in enumerate(lines) if line]
    prose = [i for i in nonblank if classes[i] is None and ends_like_sentence(lines[i]) and words(lines[i]) > 6]
    body_start = prose[0] if prose else len(lines)
    head_end = prose[1] if len(prose) > 1 else len(lines)
    reasons: list[str] = []
    used: set[int] = set()
    dates: list[tuple[str, str]] = []  # (iso, line)
    byline = byline_outlet = site = None
    names_after_title: list[int] = []

    # Lines that are the page's date or byline, or hold several of its facts ("Outlet · Name · Date")
    for i in nonblank:
        if i >= head_end or i in prose or classes[i] in _NEVER_METADATA:
            continue
        line = lines[i]
        segments = _SEGMENTS.split(line)
        roles = []
        for seg in segments:
            found = is_date_line(seg, rules)
            by = None if found else read_byline(seg, rules)
            if found:
                dates += [(d, line) for d in found]
                roles.append("date")
            elif by:
                if byline is None and by[0]:
                    byline = by[0]
                    reasons.append(f"byline from {_quote(line)}")
                if by[1] and byline_outlet is None:
                    byline_outlet = by[1]
                    reasons.append(f"outlet from {_quote(line)}")
                roles.append("byline")
            elif len(segments) == 1 and name_with_job(seg, rules):
                if byline is None:
                    byline = name_with_job(seg, rules)
                    reasons.append(f"byline from {_quote(line)}")
                roles.append("byline")
            elif len(segments) > 1 and is_outlet_name(seg, rules) and not rules.is_section_label(seg):
                roles.append(("outlet", seg))
            elif len(segments) > 1 and is_names(seg, rules):
                roles.append(("byline", seg))
            else:
                roles.append(None)
        if roles and all(roles):
            used.add(i)
            named = {r[0]: r[1] for r in roles if isinstance(r, tuple)}
            if "outlet" in named:
                site = site or (named["outlet"], line)
            if byline is None and "byline" in named and len(roles) > 1:
                byline = named["byline"]
                reasons.append(f"byline from {_quote(line)}")

    # The headline: the first headline-like line above the article that is nothing else
    title = None
    title_at = None
    candidates = []
    for i in nonblank:
        if i >= body_start:
            break
        line = lines[i]
        if i in used or classes[i] is not None or rules.is_furniture(line) or not is_headline_shaped(line):
            continue
        if _DOMAIN.fullmatch(line) or is_outlet_name(line, rules) or is_names(line, rules):
            continue
        if words(line) < 2 or line.isupper():
            continue
        candidates.append(i)
    strong = [i for i in candidates if words(lines[i]) >= 4 or re.search(r"\s[a-z]", lines[i])]
    if strong or candidates:
        title_at = (strong or candidates)[0]
        title = lines[title_at]
        used.add(title_at)
        if title_at != nonblank[0]:
            reasons.append(f"headline from line {title_at + 1}")

    # Site names and bare names above the article
    domain = None
    for i in nonblank:
        if i >= body_start:
            break
        if i in used or classes[i] in _NEVER_METADATA:
            continue
        line = lines[i]
        named = _outlet_of(line, rules) if classes[i] is None else None
        if named:
            site = site or (named, line)
            used.add(i)
        elif _DOMAIN.fullmatch(line):
            domain = domain or line
            used.add(i)
        elif title_at is not None and i > title_at and is_names(line, rules) and classes[i] is None:
            names_after_title.append(i)

    # Wire datelines in the first paragraphs: the agency is the outlet, the day the present
    dateline = None
    for i in prose[:2]:
        dateline = read_dateline(lines[i])
        if dateline:
            dateline_text = lines[i][:dateline.end].strip()
            break

    outlet = None
    if byline_outlet:
        outlet = byline_outlet
    elif dateline and dateline.agency:
        outlet = dateline.agency
        reasons.append(f"outlet from the dateline {_quote(dateline_text)}")
    elif site:
        outlet = site[0]
        reasons.append(f"outlet from {_quote(site[1])}")
    elif domain:
        outlet = domain
        reasons.append(f"outlet from {_quote(domain)}")

    # A bare name under the headline: the byline when the outlet is known or a job follows it;
    # otherwise the outlet, as a short line under a headline usually is.
    for i in names_after_title:
        nxt = next((j for j in nonblank if j > i), None)
        has_job = nxt is not None and classes[nxt] == "job_title"
        if byline is None and (outlet or has_job):
            byline = lines[i]
            reasons.append(f"byline from {_quote(lines[i])}")
            used.add(i)
        elif outlet is None and i == next(j for j in nonblank if j > title_at):
            outlet = lines[i]
            reasons.append(f"outlet from {_quote(lines[i])}, the line under the headline")
            used.add(i)

    if outlet is None:
        # below the article: the site's name on a line of its own
        below = [i for i in nonblank if prose and i > prose[-1] and classes[i] is None]
        named = next(((_outlet_of(lines[i], rules), lines[i]) for i in below if _outlet_of(lines[i], rules)), None)
        if named:
            outlet = named[0]
            reasons.append(f"outlet from {_quote(named[1])} below the article")
    if outlet is None:
        for i in reversed(nonblank):
            name = _copyright_outlet(lines[i])
            if name:
                outlet = name
                reasons.append(f"outlet from {_quote(lines[i])}")
                break

    published, inferred = None, False
    if dates:
        published, line = max(dates)
        reasons.append(f"date from {_quote(line)}")
    elif dateline and dateline.year and dateline.month and _iso(dateline.year, dateline.month, dateline.day):
        published = _iso(dateline.year, dateline.month, dateline.day)
        reasons.append(f"date from the dateline {_quote(dateline_text)}")
    else:
        published, why = _present_date(lines, prose[:1], dateline, latest_year)
        if published:
            inferred = True
            reasons.append(why)
    return Masthead(title, outlet, byline, published, inferred, tuple(reasons), frozenset(used))


def _present_date(lines: list[str], first: list[int], dateline, latest_year: int | None) -> tuple[str | None, str]:
    """The date the first paragraph states about its own present: a weekday with its day
    ("on Thursday, June 5"), which fixes the year; and a dateline's day in that year."""
    if not first or latest_year is None:
        return None, ""
    text = lines[first[0]][dateline.end if dateline else 0:]
    for m in find_dates(text):
        if m.kind not in ("month_day", "day"):
            continue
        head = m.text.split()[0].strip(",").lower()
        if head not in WEEKDAYS:
            continue
        weekday = WEEKDAYS.index(head)
        year = m.year if m.year else year_of_weekday(m.month, m.day, weekday, latest_year)
        if year is None or _iso(year, m.month, m.day) is None:
            continue
        if dateline and dateline.month:
            # the dateline's day, in the year nearest the weekday's day
            best = min((y for y in (year - 1, year, year + 1) if _iso(y, dateline.month, dateline.day)),
                       key=lambda y: abs(_ordinal(y, dateline.month, dateline.day) - _ordinal(year, m.month, m.day)))
            day = _iso(best, dateline.month, dateline.day)
            return day, f"date inferred from the dateline and '{' '.join(m.text.split())}' in the text"
        return _iso(year, m.month, m.day), f"date inferred from '{' '.join(m.text.split())}' in the text"
    return None, ""


def _ordinal(year: int, month: int, day: int) -> int:
    import datetime

    return datetime.date(year, month, day).toordinal()
