"""EDTF values as the archive reads them: their earliest and latest days, validity, order (pure).

Every date in the archive, curated or read from a seed, is an EDTF string (Extended Date/Time
Format, ISO 8601-2); this module is the one place that decides what such a string means.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re


def is_valid_edtf(value: str) -> bool:
    """Whether `value` is EDTF in a form this archive reads and names real days in order ("2021-02-29" does not)."""
    return edtf_bounds(value) is not None


# The EDTF forms the archive reads are decided here, in time linear in the value, and never by the
# edtf library: its parser takes 5-40 ms a call, crashes on some inputs ("../") and builds whatever
# year an exponent names (Y1E999999999 never finishes). tests/test_dates.py checks these bounds
# against the library's. Read: YYYY, YYYY-MM, YYYY-MM-DD, with X for unspecified digits and one
# qualifier (? ~ %) after the date, its year or its month; a date and time; a/b intervals with
# open (..) or unknown ("") ends; [a,b] and {a,b} sets with ..a, a.. and a..b members.
_DATE = re.compile(
    r"(?P<year>[0-9X]{4})(?P<year_q>[?~%])?(?:-(?P<month>[0-9]{2}|XX)(?P<month_q>[?~%])?(?:-(?P<day>[0-9]{2}|XX))?)?(?P<q>[?~%])?"
)
# The unspecified forms EDTF level 1 lets a qualifier follow; at level 2 unspecified digits take none.
_QUALIFIABLE_X = re.compile(r"\d(?:\d\dX|\dXX|XXX)|\d{4}-XX|\d{4}-\d\d-XX|\d{4}-XX-XX")
_DATE_TIME = re.compile(
    r"(\d{4}-\d\d-\d\d)T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d|24:00:00)"
    r"(?:Z|[+-](?:(?:0[1-9]|1[0-3])(?::[0-5]\d)?|14:00|00:(?:0[1-9]|[1-5]\d)))?"
)
_PLAIN = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")  # a day, month or year, with no qualifier, X or interval
_CLOSING = {"[": "]", "{": "}"}
_OPEN = ("", "..")


@functools.lru_cache(maxsize=65536)
def edtf_bounds(value: str) -> tuple[datetime.date, datetime.date] | None:
    """Earliest and latest day `value` allows (qualifiers ? and ~ do not widen it); None if invalid, unknown or not read here."""
    if value[:1] in _CLOSING and value[-1:] == _CLOSING[value[0]]:
        return _set_bounds([member.strip() for member in value[1:-1].split(",")], ranges=value[0] == "[")
    if value.count("/") == 1:
        return _interval_bounds(*value.split("/"))
    timed = _DATE_TIME.fullmatch(value)
    return _date_bounds(timed.group(1), "bare") if timed else _date_bounds(value, "date")


def _interval_bounds(start: str, end: str) -> tuple[datetime.date, datetime.date] | None:
    """From the start's earliest day to the end's latest; an open (..) or unknown ("") end allows any day."""
    if start in _OPEN and end in _OPEN and start + end != "....":
        return None  # "../", "/.." and "/" say nothing (and the library's parser fails on the first two)
    low = (datetime.date.min, datetime.date.min) if start in _OPEN else _date_bounds(start, "end")
    high = (datetime.date.max, datetime.date.max) if end in _OPEN else _date_bounds(end, "end")
    if low is None or high is None or low[0] > high[1]:
        return None
    return low[0], high[1]


def _set_bounds(members: list[str], ranges: bool) -> tuple[datetime.date, datetime.date] | None:
    """A set's span: "..a" first and "a.." last stretch it without end, "a..b" is every date from a to b.

    Members are dates without X, qualified at most at the end, and ranges only with `ranges`: the library
    fails on the rest (an X in "[2021-XX,2022]", a range beside other dates in "{..2021,2022}").
    """
    bounds = []
    for index, member in enumerate(members):
        if ".." in member and not ranges:
            bounds.append(None)
        elif member.startswith("..") and index == 0:
            found = _date_bounds(member[2:], "bare")
            bounds.append(found and (datetime.date.min, found[1]))
        elif member.endswith("..") and index == len(members) - 1:
            found = _date_bounds(member[:-2], "bare")
            bounds.append(found and (found[0], datetime.date.max))
        elif ".." in member:
            first, _, last = member.partition("..")
            low, high = _date_bounds(first, "bare"), _date_bounds(last, "bare")
            same = first.count("-") == last.count("-")
            bounds.append((low[0], high[1]) if low and high and same and low[0] <= high[0] else None)
        else:
            bounds.append(_date_bounds(member, "end"))
    # One plain member is no set; one range or open end is.
    if None in bounds or (len(members) == 1 and ".." not in members[0]):
        return None
    return min(b[0] for b in bounds), max(b[1] for b in bounds)


def _date_bounds(text: str, kind: str) -> tuple[datetime.date, datetime.date] | None:
    """One date's bounds. kind "date": any form; "end" (of an interval): no X, a qualifier only last; "bare": neither."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = match.group("year", "month", "day")
    qualifiers = [q for q in match.group("year_q", "month_q", "q") if q]
    # A qualifier after the year or month stands inside the date only when more follows it.
    inner = bool((match["year_q"] and month) or (match["month_q"] and day))
    if len(qualifiers) > 1 or (qualifiers and kind == "bare") or (inner and kind == "end"):
        return None
    if "X" not in text:
        return _plain_bounds(year, month, day)
    if kind != "date" or inner or (qualifiers and not _QUALIFIABLE_X.fullmatch(text[:-1])):
        return None
    return _unspecified_bounds(year, month, day)


def _unspecified_bounds(year: str, month: str | None, day: str | None) -> tuple[datetime.date, datetime.date] | None:
    """Bounds of a date with X digits: each X as 0 for the earliest day and 9 for the latest, days kept within the month."""
    months = (1, 12) if month in (None, "XX") else (int(month), int(month))
    days = (1, 31) if day in (None, "XX") else (int(day), int(day))
    if not 1 <= months[0] <= 12 or not 1 <= days[0] <= 31:
        return None
    return (
        _clamped(int(year.replace("X", "0")), months[0], days[0]),
        _clamped(int(year.replace("X", "9")), months[1], days[1]),
    )


def _clamped(year: int, month: int, day: int) -> datetime.date:
    """The day, or the month's last if it has fewer; year 0 (as in XXXX) is the earliest day there is."""
    if year < datetime.MINYEAR:
        return datetime.date.min
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _plain_bounds(year: str, month: str | None, day: str | None) -> tuple[datetime.date, datetime.date] | None:
    y = int(year)
    if y < 1 or (month and not 1 <= int(month) <= 12):
        return None
    if month is None:
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    m = int(month)
    last = calendar.monthrange(y, m)[1]
    if day is None:
        return datetime.date(y, m, 1), datetime.date(y, m, last)
    return (datetime.date(y, m, int(day)),) * 2 if 1 <= int(day) <= last else None


def edtf_unread(value: str) -> str:
    """Why a value that may be valid EDTF is not read by the archive, or "" if nothing says so."""
    if "Y" in value or "E" in value:
        return "years after 9999 (written with Y or an exponent) are beyond what the archive can date"
    if re.search(r"(?:^|[/,\[{.?~%])-\d", value):
        return "years before 0001 are beyond what the archive can date"
    if re.search(r"(?<![0-9X])0000(?![0-9X])", value):
        return "the year 0000 is beyond what the archive can date; years run from 0001 to 9999"
    if "S" in value:
        return "significant digits (S) are not read here; write the unknown digits as X, e.g. 19XX"
    if re.search(r"(?<![0-9X])[0-9X]{4}-(?:2[1-9]|3[0-9]|4[01])(?![0-9])", value):
        return "seasons and other groupings of months (21 to 41) are not read here; write the months as an interval, e.g. 2021-03/2021-05"
    return ""


def date_parts(value: str) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) of a plain, certain date ("2026", "2026-02", "2026-02-06"); None for any other form."""
    if _PLAIN.fullmatch(value) is None or edtf_bounds(value) is None:
        return None
    return tuple(int(part) for part in value.split("-"))


def certain_year(value: str) -> int | None:
    """The year every day the date allows falls in: 2026 for '2026-02-06?' or '2026-02/2026-03'; None when unknown or spanning years."""
    bounds = edtf_bounds(value)
    return bounds[0].year if bounds and bounds[0].year == bounds[1].year else None


def sort_key(value: str) -> tuple[int, int, int, str]:
    """Order dates by earliest then latest possible day, with unknown and invalid values last."""
    bounds = edtf_bounds(value)
    if bounds is None:
        return (1, 0, 0, value)
    return (0, bounds[0].toordinal(), bounds[1].toordinal(), value)
