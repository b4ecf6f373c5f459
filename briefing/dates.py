"""Calendar dates as news text writes them, read into ISO form: datelines (`parse_dateline`)
and the date expressions of running text (`find_dates`, `place`)."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
# A year of the last three centuries, as a word: "1984", "2020".
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
_DATELINE = re.compile(
    r"^\s*" + _WEEKDAY + r"(?:"
    + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    + r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "month2")
    + r",?\s+(?P<year2>\d{4})"
    + r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    + r")(?:[\s,]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)


def _iso(year: int, month: int, day: int) -> str | None:
    import datetime

    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dateline(line: str) -> str | None:
    """The ISO date if the whole line is a date ("Sunday, November 10, 2019"), else None."""
    m = _DATELINE.match(line.replace("\u00a0", " "))
    if not m:
        return None
    if m["iso"]:
        y, mo, d = (int(p) for p in m["iso"].split("-"))
        return _iso(y, mo, d)
    if m["month"]:
        return _iso(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    return _iso(int(m["year2"]), MONTHS[m["month2"].lower()], int(m["day2"]))


# --- Dates inside running text -------------------------------------------------------------
#
# `find_dates` reads the date expressions of a sentence ("in 2014", "on October 6",
# "December 27th", "in early January", "on Friday", "last week", "a year ago"); `place` turns
# one into an ISO date ("2014", "2024-01", "2024-W04", "2024-01-28") against the article's
# publication date, or leaves it relative when there is none. Durations and ages ("four-month-old
# war", "20 years on", "the last five years") are not date expressions and are not read.

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
_ANY_MONTH = r"(?:" + _FULL_MONTH + r"|" + _ABBR_MONTH + r")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A bare year or month is a date only after a word that puts an event at a time ("in 2014",
# "since 2011", "the 2003 invasion", "in early October"); "2,500 troops" and "May" are not.
_TIME_WORD = re.compile(
    r"\b(?:in|since|until|till|by|from|of|to|after|before|during|between|and|around|through"
    r"|throughout|the|early|late|mid|last|next|this|circa)[\s-]+$",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"(?<![\w-])(?:"
    # Month day, year / day Month year / ISO
    r"(?P<md_y>(?:" + _WEEKDAY_NAME + r",?\s+)?(?P<m1>" + _ANY_MONTH + r")\s+(?P<d1>" + _DAY + r"),?\s+(?P<y1>" + _YEAR + r"))"
    r"|(?P<dm_y>(?P<d2>" + _DAY + r")\s+(?P<m2>" + _ANY_MONTH + r"),?\s+(?P<y2>" + _YEAR + r"))"
    r"|(?P<iso>(?P<y3>" + _YEAR + r")-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-2]\d|3[01]))"
    # Month year
    r"|(?P<m_y>(?:(?i:early|late|mid)[\s-]+)?(?P<m4>" + _FULL_MONTH + r"),?\s+(?P<y4>" + _YEAR + r"))"
    # Month day / day Month
    r"|(?P<md>(?:" + _WEEKDAY_NAME + r",?\s+)?(?P<m5>" + _ANY_MONTH + r")\s+(?P<d5>" + _DAY + r"))(?![\d:])"
    r"|(?P<dm>(?P<d6>" + _DAY + r")\s+(?P<m6>" + _FULL_MONTH + r"))"
    # a month or a year on its own (checked against the word before it)
    r"|(?P<mo>(?P<mmod>(?i:early|late|mid|last|next|this)[\s-]+)?(?P<m7>" + _FULL_MONTH + r"))"
    r"|(?P<yo>" + _YEAR + r")(?![.,]\d)"
    # weekdays, not "Fridays"
    r"|(?P<wd>(?P<wmod>(?i:last|next|this)\s+)?(?P<w>" + _WEEKDAY_NAME + r"))(?!s\b)"
    # days and weeks named relative to the day of writing
    r"|(?P<rel>(?i:yesterday|tomorrow|tonight|last\s+night|this\s+morning"
    r"|(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week(?:end)?|month|year)"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?:day|week|month|year)s?\s+ago))"
    r")(?![\w-])"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text; offsets are into the text searched."""

    start: int
    end: int
    text: str
    kind: str  # "day", "month_day", "month", "year", "weekday", "relative"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 is Monday
    modifier: str = ""  # "last", "next", "this" (for weekdays and months)
    unit: str = ""  # relative: "day", "week", "weekend", "month", "year"
    offset: int = 0  # relative: units from the day of writing (-1 is last/yesterday/a ... ago)


@dataclass(frozen=True, slots=True)
class PlacedDate:
    """A date expression read against a publication date."""

    date: str  # "2014", "2024-01", "2024-W04", "2024-01-28"; or the expression when relative
    relative: bool  # True when there was no publication date to place it against
    first_day: _dt.date | None  # the first day of the period, for ordering; None when relative
    precision: int  # 0 year, 1 month, 2 week, 3 day

    @property
    def last_day(self) -> _dt.date | None:
        """The last day of the period: two events in one month may be a day apart or thirty."""
        if self.first_day is None:
            return None
        if self.precision == 0:
            return self.first_day.replace(month=12, day=31)
        if self.precision == 1:
            following = self.first_day.replace(day=28) + _dt.timedelta(days=4)
            return following - _dt.timedelta(days=following.day)
        return self.first_day + _dt.timedelta(days=6 if self.precision == 2 else 0)


def month_number(name: str) -> int | None:
    """1-12 for a month name or its abbreviation ("Sept.", "october"), else None."""
    return MONTHS.get(name.strip().rstrip(".").lower())


def weekday_number(name: str) -> int | None:
    """0 (Monday) to 6 for a weekday name, else None."""
    try:
        return WEEKDAYS.index(name.strip().lower())
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in `text`, in order of position."""
    found = []
    for m in _DATE_RE.finditer(text):
        start, end, written = m.start(), m.end(), m.group()
        if m["md_y"] or m["dm_y"]:
            mo = month_number(m["m1"] or m["m2"])
            d, y = _day(m["d1"] or m["d2"]), int(m["y1"] or m["y2"])
            if _iso(y, mo, d):
                found.append(DateMention(start, end, written, "day", y, mo, d))
        elif m["iso"]:
            y, mo, d = int(m["y3"]), int(m["m3"]), int(m["d3"])
            if _iso(y, mo, d):
                found.append(DateMention(start, end, written, "day", y, mo, d))
        elif m["m_y"]:
            found.append(DateMention(start, end, written, "month", int(m["y4"]), month_number(m["m4"])))
        elif m["md"] or m["dm"]:
            mo, d = month_number(m["m5"] or m["m6"]), _day(m["d5"] or m["d6"])
            if _iso(2000, mo, d):  # a leap year: February 29 is a date
                found.append(DateMention(start, end, written, "month_day", None, mo, d))
        elif m["mo"]:
            if not m["mmod"] and not _TIME_WORD.search(text[:start]):
                continue  # "May" or "March" as a word, not a month
            mod = (m["mmod"] or "").strip(" -").lower()
            found.append(DateMention(start, end, written, "month", None, month_number(m["m7"]),
                                     modifier=mod if mod in ("last", "next", "this") else ""))
        elif m["yo"]:
            if not _TIME_WORD.search(text[:start]):
                continue  # "2000 troops"
            found.append(DateMention(start, end, written, "year", int(m["yo"])))
        elif m["wd"]:
            mod = (m["wmod"] or "").strip().lower()
            found.append(DateMention(start, end, written, "weekday", weekday=weekday_number(m["w"]),
                                     modifier=mod))
        elif m["rel"]:
            found.append(_relative(start, end, written))
    return found


def _relative(start: int, end: int, written: str) -> DateMention:
    words = written.lower().split()
    if words[0] in ("yesterday", "tomorrow", "tonight", "this") and words[-1] != "week" and \
            words[-1] not in ("weekend", "month", "year"):
        offset = {"yesterday": -1, "tomorrow": 1}.get(words[0], 0)
        return DateMention(start, end, written, "relative", unit="day", offset=offset)
    if words[:2] == ["last", "night"]:
        return DateMention(start, end, written, "relative", unit="day", offset=-1)
    if words[-1] == "ago":
        n = _NUMBER_WORDS.get(words[0]) or int(words[0])
        return DateMention(start, end, written, "relative", unit=words[1].rstrip("s"), offset=-n)
    offset = {"last": -1, "next": 1}.get(words[0], 0)
    return DateMention(start, end, written, "relative", unit=words[-1], offset=offset)


def _month_add(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _nearest_year(month: int, day: int, published: _dt.date, modifier: str = "", ahead: int = 31) -> int:
    """The year that puts month/day nearest the publication date: the most recent one on or
    before it, unless the next one is closer and at most `ahead` days on ("on October 20" in
    an article of October 15)."""
    past = next(y for y in (published.year, published.year - 1)
                if _dt.date(y, month, min(day, 28 if month == 2 else day)) <= published)
    future = past + 1
    if modifier == "last":
        return past if (past, month) != (published.year, published.month) else past - 1
    if modifier == "next":
        return future
    if modifier == "this":
        return published.year
    gap_past = (published - _dt.date(past, month, min(day, 28))).days
    gap_future = (_dt.date(future, month, min(day, 28)) - published).days
    return future if gap_future < gap_past and gap_future <= ahead else past


def _week(day: _dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def place(mention: DateMention, published: str | None) -> PlacedDate:
    """The ISO date of `mention`, reading relative expressions against `published` (YYYY-MM-DD).

    Without a publication date, expressions that need one (weekdays, "last week", a month or a
    day without its year) stay relative: `date` is the expression as written.
    """
    if mention.kind == "year":
        return PlacedDate(str(mention.year), False, _dt.date(mention.year, 1, 1), 0)
    if mention.kind == "month" and mention.year:
        return PlacedDate(f"{mention.year}-{mention.month:02d}", False,
                          _dt.date(mention.year, mention.month, 1), 1)
    if mention.kind == "day" and mention.year:
        day = _dt.date(mention.year, mention.month, mention.day)
        return PlacedDate(day.isoformat(), False, day, 3)
    try:
        pub = _dt.date.fromisoformat(published) if published else None
    except ValueError:
        pub = None
    if pub is None:
        written = " ".join(mention.text.split())
        if mention.kind in ("month", "month_day") and not mention.modifier:
            written = re.sub(r"^(early|late|mid)[\s-]+", "", written)
        return PlacedDate(written, True, None, 3)
    if mention.kind == "month_day":
        y = _nearest_year(mention.month, mention.day, pub)
        day = _dt.date(y, mention.month, mention.day) if _iso(y, mention.month, mention.day) else None
        if day is None:
            return PlacedDate(f"{y}-{mention.month:02d}", False, _dt.date(y, mention.month, 1), 1)
        return PlacedDate(day.isoformat(), False, day, 3)
    if mention.kind == "month":
        # a month without a day is this month or an earlier one ("until December" in an
        # October article is last December), unless the text says "next"
        y = _nearest_year(mention.month, 1, pub.replace(day=1), mention.modifier, ahead=0)
        return PlacedDate(f"{y}-{mention.month:02d}", False, _dt.date(y, mention.month, 1), 1)
    if mention.kind == "weekday":
        back = (pub.weekday() - mention.weekday) % 7
        if mention.modifier == "last" and back == 0:
            back = 7
        day = pub - _dt.timedelta(days=back)
        if mention.modifier == "next":
            day = pub + _dt.timedelta(days=(mention.weekday - pub.weekday()) % 7 or 7)
        return PlacedDate(day.isoformat(), False, day, 3)
    # relative to the day of writing
    if mention.unit == "day":
        day = pub + _dt.timedelta(days=mention.offset)
        return PlacedDate(day.isoformat(), False, day, 3)
    if mention.unit in ("week", "weekend"):
        day = pub + _dt.timedelta(weeks=mention.offset)
        monday = day - _dt.timedelta(days=day.weekday())
        return PlacedDate(_week(day), False, monday, 2)
    if mention.unit == "month":
        y, mo = _month_add(pub.year, pub.month, mention.offset)
        return PlacedDate(f"{y}-{mo:02d}", False, _dt.date(y, mo, 1), 1)
    y = pub.year + mention.offset
    return PlacedDate(str(y), False, _dt.date(y, 1, 1), 0)


def _formatted(iso: str | None, form: str) -> str:
    try:
        day = _dt.date.fromisoformat(iso or "")
    except (TypeError, ValueError):
        return iso or ""
    return form.format(day=day)


def short_date(iso: str | None) -> str:
    """"1998-10-30" -> "30 Oct": how a ledger dates a value; anything else as it is."""
    return _formatted(iso, "{day.day} {day:%b}")


def long_date(iso: str | None) -> str:
    """"2024-02-08" -> "8 February 2024"; anything else as it is."""
    return _formatted(iso, "{day.day} {day:%B} {day.year}")


# --- Dates on the lines of a page -----------------------------------------------------------
#
# A page states its own date on a line of its own ("Updated June 5, 2025, 9:14 a.m. ET",
# "Wed 19 Feb 2025 06.40 GMT", "date 2024-07-16") and a wire story in its dateline ("ADEN,
# June 6 (Reuters) -"). `dates_on_line` reads the first kind, `read_dateline` the second.

_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?![\d.])|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    r"|\b(?-i:[A-Z]{2,4}T|GMT|UTC|ET|PT|CT|MT|[ECMP][SD]T|BST|CEST|CET|EEST|EET|AST)\b|[+-]\d{2}:?\d{2}\b|(?<=\d)Z\b",
    re.IGNORECASE,
)
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\b\.?",
                           re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")  # 12/01/2025: day or month first? unread
_ISO_TIME = re.compile(r"(?<=\d)T(?=\d)")


_LINE_DATE = re.compile(
    r"(?<![\w-])(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "month2") + r",?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))(?![\w-])",
    re.IGNORECASE,
)


def dates_on_line(line: str) -> tuple[list[str], list[str]]:
    """The full dates (with a year) written on `line`, and the words left beside them once
    dates, clock times, time zones and weekday names are taken out.

    "Updated June 5, 2025, 9:14 a.m. ET" -> (["2025-06-05"], ["updated"]).
    """
    text = _ISO_TIME.sub(" ", line.replace("\u00a0", " "))
    found: list[str] = []
    for m in _LINE_DATE.finditer(text):
        day = parse_dateline(m.group())
        if day:
            found.append(day)
    text = _LINE_DATE.sub(" ", text)
    text = _NUMERIC_DATE.sub(" ", text)
    text = _CLOCK.sub(" ", text)
    text = _WEEKDAY_WORD.sub(" ", text)
    return found, [w.lower() for w in re.findall(r"[^\W_]+", text)]


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens a wire story: "ANKARA, Turkey, Aug. 12 (UPI) --"."""

    end: int  # offset of the story's first word after the dateline
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None


_PLACE_CAPS = r"(?-i:[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})"
_PLACE_ANY = r"(?-i:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})"
_REGION = r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2})"
_DATELINE_DATE = (r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<day>\d{1,2})"
                  r"(?:,\s*(?P<year>\d{4}))?")
_AGENCY = r"\((?P<agency>[^()\n]{2,40})\)"
_DASH = r"\s*(?:--|[-–—])\s+"
_OPENING_DATELINE = re.compile(
    r"(?i:(?P<place>" + _PLACE_CAPS + r")(?:,\s*" + _REGION + r")??(?:,\s*" + _DATELINE_DATE + r")?"
    r"(?:\s*" + _AGENCY + r")?" + _DASH + r")"
    r"|(?i:(?P<place2>" + _PLACE_ANY + r")(?:,\s*" + _REGION + r")??(?:,\s*" + _DATELINE_DATE.replace("?P<", "?P<x")
    + r")?\s*\((?P<agency2>[^()\n]{2,40})\)" + _DASH + r")"
)


def read_dateline(line: str) -> Dateline | None:
    """The dateline at the start of `line`, when a story follows it; else None.

    The place is in capitals ("BAGHDAD —"), or any place followed by the agency in brackets
    ("Beirut (AFP) –"); a date and an agency may stand between place and dash.
    """
    m = _OPENING_DATELINE.match(line)
    if not m or m.end() >= len(line.rstrip()):
        return None
    opening = line[m.end()]
    if not (opening.isupper() or opening.isdigit() or opening in "\"“‘'"):
        return None  # a story opens with a capital: "ISIS - the group" is not a dateline
    place = m["place"] or m["place2"]
    agency = m["agency"] or m["agency2"]
    month = m["month"] or m["xmonth"]
    day = m["day"] or m["xday"]
    year = m["year"] or m["xyear"]
    if agency and not re.search(r"[A-Za-z]", agency):
        return None
    if not agency and not month and re.search(r"(?<!-)-\s*$", m.group()):
        return None  # a bare "PLACE -" is too weak; a bare dateline takes a dash: "BAGHDAD —"
    if m["place"] and len(re.sub(r"[^A-Za-z]", "", place)) < 3:
        return None
    if month and not _iso(2000, MONTHS[month.lower()], int(day)):
        return None
    return Dateline(
        end=m.end(),
        place=place,
        agency=" ".join(agency.split()) if agency else None,
        month=MONTHS[month.lower()] if month else None,
        day=int(day) if day else None,
        year=int(year) if year else None,
    )


def year_of_weekday(month: int, day: int, weekday: int, latest: int, span: int = 12) -> int | None:
    """The most recent year, no later than `latest`, in which month/day fell on `weekday`
    (0 is Monday): "Thursday, June 5" before the end of 2026 is 2025."""
    for year in range(latest, latest - span, -1):
        if _iso(year, month, day) and _dt.date(year, month, day).weekday() == weekday:
            return year
    return None
