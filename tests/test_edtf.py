"""Tests for archive.edtf: validity, bounds and order, and agreement with the edtf library where both read a value."""

from __future__ import annotations

import calendar
import contextlib
import datetime
import io

import pytest
from edtf import UnspecifiedIntervalSection, parse_edtf
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.edtf import date_parts, edtf_bounds, edtf_unread, is_valid_edtf, sort_key


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2026-02-06", True),
        ("2021", True),
        ("2021-02", True),
        ("2021-02-19?", True),
        ("XXXX-02-19", True),
        ("20XX-02-29", True),
        ("[2016-02-19,2021-02-19]", True),
        ("2022-11-29/2023-12-31", True),
        ("2026-02-30", False),
        ("2021-02-29", False),  # the edtf library parses it; the calendar has no such day
        ("2023-12-31/2022-11-29", False),
        ("unknown", False),
        ("", False),
        ("?", False),
    ],
)
def test_is_valid_edtf(value, valid):
    assert is_valid_edtf(value) is valid


def test_edtf_bounds():
    day = datetime.date
    assert edtf_bounds("2021") == (day(2021, 1, 1), day(2021, 12, 31))
    assert edtf_bounds("2024-02") == (day(2024, 2, 1), day(2024, 2, 29))
    assert edtf_bounds("[2016-02-19,2021-02-19]") == (day(2016, 2, 19), day(2021, 2, 19))
    assert edtf_bounds("2022-11-29/2023-12-31") == (day(2022, 11, 29), day(2023, 12, 31))
    assert edtf_bounds("202X-02-19") == (day(2020, 2, 19), day(2029, 2, 19))
    assert edtf_bounds("XXXX-02-19") == (datetime.date.min, day(9999, 2, 19))
    assert edtf_bounds("2022-11-29/..") == (day(2022, 11, 29), datetime.date.max)
    # An unknown end is not "ten years later", whatever the library guesses.
    assert edtf_bounds("2022-11-29/") == (day(2022, 11, 29), datetime.date.max)
    assert edtf_bounds("unknown") is None


def test_date_parts_are_given_only_for_a_plain_certain_date():
    assert [date_parts(v) for v in ("2026-02-06", "2026-02", "2026")] == [(2026, 2, 6), (2026, 2), (2026,)]
    unplain = ["2026-02-06?", "2026-02~", "2026-XX", "2021/2022", "[2021,2022]", "2021-02-30", "2026-02-06T10:00:00", "unknown", ""]
    assert [date_parts(v) for v in unplain] == [None] * len(unplain)


def test_sort_key_orders_by_date_with_unknown_last():
    values = ["unknown", "2026-02-06", "2021", "[2016-02-19,2021-02-19]", "2021-02-19", "not a date"]
    assert sorted(values, key=sort_key) == [
        "[2016-02-19,2021-02-19]",
        "2021",
        "2021-02-19",
        "2026-02-06",
        "not a date",
        "unknown",
    ]


def library_bounds(value: str) -> tuple[datetime.date, datetime.date] | None:
    """The bounds the edtf library gives, as the archive read them before it had its own reader; None where it fails."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the library prints when one of its own classes fails
            parsed = parse_edtf(value)
            # The library guesses ten years for an interval's unknown end ("2021/"); any day is possible there.
            lower = (
                datetime.date.min
                if isinstance(getattr(parsed, "lower", None), UnspecifiedIntervalSection)
                else library_day(parsed.lower_strict(), value, latest=False)
            )
            upper = (
                datetime.date.max
                if isinstance(getattr(parsed, "upper", None), UnspecifiedIntervalSection)
                else library_day(parsed.upper_strict(), value, latest=True)
            )
    except Exception:
        return None
    return (lower, upper) if lower <= upper else None


def library_day(point, value: str, latest: bool) -> datetime.date:
    """A bound from the library as a date; raises ValueError for a day that never existed."""
    if isinstance(point, float):  # an open end, "..": -inf or inf
        return datetime.date.max if latest else datetime.date.min
    year, month, day = point[:3]
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    if "X" in value:
        # An unspecified digit can stand for a year where the day exists: "20XX-02-29" is fine
        # though the library's last candidate, 2099-02-29, is not.
        day = min(day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)  # the library accepts "2021-02-29"; the calendar does not


QUALIFIER = st.sampled_from(["", "", "?", "~", "%"])
DIGITS = st.text(alphabet="0123456789X", min_size=2, max_size=2)
YEAR = st.integers(1, 9999).map(lambda y: f"{y:04d}") | st.text(alphabet="0123456789X", min_size=4, max_size=4)
MONTH = st.integers(0, 13).map(lambda m: f"{m:02d}") | st.just("XX") | DIGITS
DAY = st.integers(0, 32).map(lambda d: f"{d:02d}") | st.just("XX") | DIGITS
# Dates as the archive reads them: digits or X, and a qualifier after the year, the month or the date.
DATE = st.builds(
    lambda year, month, day, places, qualifier: year
    + (places[0] if month is not None else "")
    + (f"-{month}" if month is not None else "")
    + (places[1] if month is not None and day is not None else "")
    + (f"-{day}" if month is not None and day is not None else "")
    + qualifier,
    YEAR,
    st.none() | MONTH,
    st.none() | DAY,
    st.tuples(QUALIFIER, QUALIFIER),
    QUALIFIER,
)
END = DATE | st.sampled_from(["", ".."])
MEMBER = DATE | DATE.map(lambda d: ".." + d) | DATE.map(lambda d: d + "..") | st.builds(lambda a, b: f"{a}..{b}", DATE, DATE)
READ = (
    DATE
    | st.builds(lambda date, time: f"{date}T{time}", DATE, st.sampled_from(["10:00:00", "24:00:00", "23:59:60", "10:00:00Z", "10:00:00+05:30", "10:00:00+00", "10:00:00-14:00"]))
    | st.builds(lambda a, b: f"{a}/{b}", END, END)
    | st.builds(
        lambda members, brackets, space: brackets[0] + ("," + space).join(members) + brackets[1],
        st.lists(MEMBER, min_size=1, max_size=3),
        st.sampled_from(["[]", "{}"]),
        st.sampled_from(["", " "]),
    )
)
# Anything made of what EDTF is written with, long years and exponents aside (the library would build them).
ANYTHING = st.text(alphabet="0123456789X-/?~%.[]{},T:Z+ ", max_size=24)


@settings(max_examples=1500, deadline=None)
@given(value=READ | ANYTHING)
def test_the_archive_reads_dates_as_the_edtf_library_bounds_them(value):
    """Where the archive gives bounds, the library gives the same; it refuses only forms it does not read."""
    ours = edtf_bounds(value)
    assert ours is None or ours == library_bounds(value), value


@pytest.mark.parametrize(
    "value",
    [
        "2021-XX-01", "2021-01-XX", "20XX-02-29", "XXXX-12", "1XXX-XX", "201X?", "2021-XX~", "2021?-01", "2021-01?-05",
        "2021-01~", "../2021-01-01", "2021-01-01/..", "2021/", "/2021", "../..", "2021~/2022?", "[..2021-01-01,2022]",
        "[2021,2023..]", "[2021..2023]", "[2021-01..2021-03, 2022?]", "{2021,2022~}",
        "2021-01-01T10:00:00Z", "2001-01-01T00:00:00+05:30",
    ],
)
def test_forms_contributors_write_are_read_as_the_library_reads_them(value):
    assert edtf_bounds(value) is not None and edtf_bounds(value) == library_bounds(value)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Y1E999999999", "years after 9999"),
        ("Y170000002", "years after 9999"),
        ("-0001", "years before 0001"),
        ("0000-01-01", "the year 0000"),
        ("1950S2", "significant digits"),
        ("2021-21", "seasons"),
    ],
)
def test_forms_beyond_the_archive_are_refused_with_a_reason(value, why):
    assert edtf_bounds(value) is None and edtf_unread(value).startswith(why)


@pytest.mark.parametrize("value", ["../", "/..", "../Y-", "/", "Y1E9999999", "2021-01-0X", "2021-XX/2022"])
def test_values_the_library_hangs_or_fails_on_are_invalid_and_silent(value, capsys):
    assert edtf_bounds(value) is None
    assert capsys.readouterr() == ("", "")
