"""A day written without its year, and the years the rest of the text leaves it: past and coming dates,
titles with their terms, a weekday (pure)."""

from __future__ import annotations

import calendar
import datetime
import os.path

from archive.date_text import WEEKDAYS, Cue, Hit, Stamp, as_edtf, bounds, cite, latest_past, one_of, phrase, soonest_ahead
from archive.model import Term


def yearless_date(
    stamp: Stamp, prose: tuple[Hit, ...], cues: tuple[Cue, ...], today: datetime.date, terms: tuple[Term, ...] = ()
) -> tuple[str, str, list[str], tuple[Cue, ...]]:
    """A year-less dateline's date: a set of years when a weekday narrows it, else an unspecified year."""
    month, day = stamp.hit.month, stamp.hit.day
    assert month is not None and day is not None
    name = f"{calendar.month_name[month]} {day}"
    if stamp.role == "news":
        evidence = [f"The text has no date of its own; {cite(stamp.quote, stamp.hit.line)}, {stamp.why}, gives no year."]
    else:
        evidence = [f"Dateline {cite(stamp.quote, stamp.hit.line)} gives no year."]
    # The latest year whose month and day is not after today; eight years back always holds a February 29,
    # unless that is before the year 1.
    last = next(
        (year for year in range(today.year, today.year - 9, -1) if as_edtf(year, month, day) and datetime.date(year, month, day) <= today),
        None,
    )
    if last is None:
        evidence.append(f"No year from 0001 to today ({today}) has a {name}, so the year is not known.")
        return as_edtf(None, month, day), "news-day" if stamp.role == "news" else "dateline", evidence, ()
    latest = latest_past(prose, lambda h: h.year is not None and bounds(h.value)[0] <= today)
    first = None
    if latest is not None:
        # What the text tells as past happened by the time it was written: from the first day it allows.
        since = bounds(latest.value)[0]
        first = since.year if as_edtf(since.year, month, day) and datetime.date(since.year, month, day) >= since else since.year + 1
        evidence.append(
            f"The latest past date the text mentions is {cite(phrase(latest), latest.line)}, "
            f"so {name} is of {first} or later, and not after today ({today})."
        )
    else:
        evidence.append(f"The text mentions no past year to bound it from below; it is not after today ({today}).")
    soonest = soonest_ahead(prose)
    if soonest is not None:
        # A day the text writes as still ahead had not come when it was written.
        until = bounds(soonest.value)[1]
        before = until.year if as_edtf(until.year, month, day) and datetime.date(until.year, month, day) <= until else until.year - 1
        if before < last:
            last = before
            evidence.append(f"{cite(phrase(soonest), soonest.line)} is still ahead, so {name} is of {last} or earlier.")
    candidates = [year for year in range(first, last + 1) if as_edtf(year, month, day)] if first is not None else None
    method = "news-day" if stamp.role == "news" else "dateline"
    if terms:
        allowed, said = _within_terms(terms, month, day, first or datetime.MINYEAR, last, today)
        if allowed != candidates:  # a title held over all the years left says nothing more
            evidence += said
            if allowed:
                candidates, method = allowed, method + "+term"
    weekday = next((c for c in cues if c.line == stamp.hit.line and c.weekday is not None), None)
    if weekday is not None and weekday.weekday is not None:
        wanted = WEEKDAYS[weekday.weekday]
        evidence.append(f"{cite(weekday.quote, weekday.line)} makes {name} a {wanted}.")
        years = None if candidates is None else [y for y in candidates if _weekday(y, month, day) == weekday.weekday]
        if years is None or len(years) > MAX_LISTED_YEARS:
            recent = [y for y in range(last, last - 40, -1) if _weekday(y, month, day) == weekday.weekday]
            evidence.append(f"{name} fell on a {wanted} in {', '.join(map(str, recent[:3]))}, …: too many to list.")
        elif len(years) > 1:
            evidence.append(f"{name} fell on a {wanted} in {_and(years)}.")
            return one_of([as_edtf(y, month, day) for y in years]), method + "+weekday", evidence, (weekday,)
        elif years:
            evidence.append(f"{name} fell on a {wanted} only in {years[0]}: probable, not stated.")
            return as_edtf(years[0], month, day) + "?", method + "+weekday", evidence, (weekday,)
        else:
            evidence.append(f"No year from {candidates[0] if candidates else first} to {last} has {name} on a {wanted}, so the weekday is set aside.")
    if candidates and len(candidates) <= MAX_LISTED_YEARS:
        if len(candidates) == 1:
            evidence.append(f"Only {candidates[0]} is left: probable, not stated.")
            return as_edtf(candidates[0], month, day) + "?", method, evidence, ()
        evidence.append(f"The year is one of {_and(candidates)}.")
        return one_of([as_edtf(y, month, day) for y in candidates]), method, evidence, ()
    if candidates:
        first, last = candidates[0], candidates[-1]
    mask = _year_mask(first, last)
    if first is not None and first <= last:
        evidence.append(f"The year is between {first} and {last}: written {mask} (EDTF unspecified digits).")
    value = as_edtf(None, month, day).replace("XXXX", mask)
    return value + ("?" if "X" not in mask else ""), method, evidence, ()


def _within_terms(
    terms: tuple[Term, ...], month: int, day: int, first: int, last: int, today: datetime.date
) -> tuple[list[int], list[str]]:
    """The years from first to last whose month and day fall within a term of every title the text gives.

    A title that leaves no year, or contradicts another, is set aside with the others, and the evidence says so.
    """
    spans = [[role.after(today) if term.former else role.span(today) for role in term.roles] for term in terms]
    lowest = max(min(lo for lo, _ in term_spans) for term_spans in spans)
    years = [
        year
        for year in range(max(first, lowest.year), last + 1)
        if as_edtf(year, month, day)
        and all(any(lo <= datetime.date(year, month, day) <= hi for lo, hi in term_spans) for term_spans in spans)
    ]
    held = "; ".join(
        f"{cite(term.quote, term.line)} is a title held "
        + " and ".join(f"from {role.start or 'a date not known'} to {role.end or 'now'}" for role in term.roles)
        + (", and the text is from after it" if term.former else "")
        + f" ({term.roles[0].location})"
        for term in terms
    )
    if not years:
        return [], [f"Titles in the text: {held}; no year from {max(first, lowest.year)} to {last} fits them all, so they are set aside."]
    return years, [f"Titles in the text bound it: {held}."]


MAX_LISTED_YEARS = 24  # years a dateline may leave before they are summed up as unspecified digits


def _weekday(year: int, month: int, day: int) -> int | None:
    """The weekday (0 = Monday) of the day in that year; None if the year has no such day."""
    return datetime.date(year, month, day).weekday() if as_edtf(year, month, day) else None


def _year_mask(first: int | None, last: int) -> str:
    """The year with unspecified digits ("20XX") covering first to last; "XXXX" without a lower bound."""
    if first is None or first > last:
        return "XXXX"
    shared = len(os.path.commonprefix([f"{first:04d}", f"{last:04d}"]))
    return f"{first:04d}"[:shared] + "X" * (4 - shared)


def _and(items: list[int]) -> str:
    """Years as prose: "2016 and 2021", "2011, 2016 and 2021"."""
    words = [str(item) for item in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
