"""How every output writes a number: "2,500", "1.3 million", a year as "2017"."""
from __future__ import annotations

_ROUND_SCALES = ((1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"))


def format_number(value, year: bool = False) -> str:
    """2500 -> "2,500"; whole floats lose their ".0"; a year (`year=True`) stays "2017"; a round
    count of millions or more reads as written ("1.3 million", "$27bn" as "27 billion")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if year and isinstance(value, int):
        return str(value)
    if isinstance(value, int):
        for scale, word in _ROUND_SCALES:
            # (two decimals at most: 1,234,567 is a precise count and stays so)
            if value >= scale and (value * 100) % scale == 0:
                return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def format_value(value, hedge: str | None = None, upper=None) -> str:
    """A value as a source gives it: "at least 60", or a range as "50-60" (with an en dash), whose
    ends say the hedge ("between", "from ... to") already."""
    if upper is not None:
        return f"{format_number(value)}\u2013{format_number(upper)}"
    return f"{hedge} {format_number(value)}" if hedge else format_number(value)
