"""Calendar dates as news text writes them, read into ISO form."""
from __future__ import annotations

import re

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
