"""How dates are written: month and weekday names in the archive's languages, the forms of a day, month and
year, and each date on a line read to year, month and day (pure). archive.date_text reads their parts."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from archive.model import Line

MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3,
    "April": 4, "Apr": 4, "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7,
    "August": 8, "Aug": 8, "September": 9, "Sept": 9, "Sep": 9, "October": 10, "Oct": 10,
    "November": 11, "Nov": 11, "December": 12, "Dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Months as French, German, Spanish, Italian, Dutch, Romanian, Turkish and Russian (in the genitive a date
# takes) write them, read only with the day before them, as those languages write a date: "8 novembre 2019",
# "5. Februar 2026", "5 de febrero de 2026", "25 сентября". Alone, "mars" or "mai" could be other words.
FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate((
        "janvier januar enero gennaio januari ianuarie ocak января",
        "février fevrier februar febrero febbraio februari februarie şubat subat февраля",
        "mars märz marzo maart martie mart марта",
        "avril april abril aprile aprilie nisan апреля",
        "mai mayo maggio mei mayıs mayis мая",
        "juin juni junio giugno iunie haziran июня",
        "juillet juli julio luglio iulie temmuz июля",
        "août aout august agosto augustus ağustos agustos августа",
        "septembre september septiembre setiembre settembre septembrie eylül eylul сентября",
        "octobre oktober octubre ottobre octombrie ekim октября",
        "novembre november noviembre noiembrie kasım kasim ноября",
        "décembre decembre dezember diciembre dicembre december decembrie aralık aralik декабря",
    ), start=1)
    for name in names.split()
}

# Longest names first, so that "Sept" is not read as "Sep" followed by a stray "t".
# Month names as written, in capitals ("MAY 19, 2021" in a byline block) or, full names but "may", a verb
# too, in lower case ("wednesday, 4 december 2013").
_LOWER_MONTHS = [name.lower() for name in MONTHS if len(name) > 3 and name != "Sept"]
MONTH = "(?P<month>" + "|".join(sorted([*MONTHS, *map(str.upper, MONTHS), *_LOWER_MONTHS], key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})(?=\d{1,2}:\d{2}\b|\b)"  # a time may follow with no space: "13 March 201913:25"
WEEKDAY = "|".join(WEEKDAYS)
FOREIGN_MONTH = "(?P<month>(?i:" + "|".join(sorted(map(re.escape, FOREIGN_MONTHS), key=len, reverse=True)) + r"))"
# The day, a German ordinal's stop ("5. Februar"), a Spanish "de" ("5 de febrero de 2026").
FOREIGN_DAY = rf"(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?{FOREIGN_MONTH}"

# Tried in this order; a later pattern never claims text an earlier one matched, so the
# year inside "6 February 2026" is not also read as a bare year.
_PATTERNS = (
    ("iso-timestamp", re.compile(
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"
    )),
    ("written-date", re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}")),
    ("written-date", re.compile(rf"\b{DAY}\s+{MONTH},?\s+{YEAR}")),
    # As Unix `date` and some content systems write a day: "Tue Jul 7 00:57:51 EST 2009", "26-Mar-2010".
    ("written-date", re.compile(rf"\b{MONTH}\s+{DAY}\s+\d{{2}}:\d{{2}}:\d{{2}}\s+(?:[A-Z]{{2,5}}\s+)?{YEAR}")),
    ("written-date", re.compile(rf"\b{DAY}-{MONTH}-{YEAR}")),
    ("written-date", re.compile(rf"\b{FOREIGN_DAY},?\s+(?:de\s+)?{YEAR}")),
    # Chinese, Japanese and Korean: "2018年10月22日", "2026년 2월 3일".
    ("written-date", re.compile(r"(?P<year>\d{4})\s?[年년]\s?(?P<month>\d{1,2})\s?[月월]\s?(?P<day>\d{1,2})\s?[日일]")),
    ("numeric", re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b")),
    # Dashes between day, month and year are the European order: "04-02-2026 | 10:49".
    ("dotted-date", re.compile(r"\b(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>\d{4})\b")),
    ("dotted-date", re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")),
    ("written-date", re.compile(rf"\b{MONTH},?\s+{YEAR}")),
    ("written-date", re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b")),
)

_ANY_DIGIT = re.compile(r"\d")

@dataclass(frozen=True, slots=True)
class Hit:
    """A date as written on one line, read to year, month and day (None where the text is silent)."""

    line: int
    start: int
    end: int
    quote: str
    kind: str
    year: int | None
    month: int | None
    day: int | None
    reading: str = ""  # how an ambiguous form was read, for the evidence
    before: str = ""  # the line's text just before the date, to tell a deadline from a past date
    after: str = ""  # the line's text just after it, to tell a day still coming ("as February 5, 2026 approaches")

    @property
    def value(self) -> str:
        """The EDTF for what the text says ("XXXX-02-19" without a year), or "" if no such day exists."""
        return as_edtf(self.year, self.month, self.day)


def as_edtf(year: int | None, month: int | None, day: int | None) -> str:
    """EDTF for a calendar date to the precision given, or "" if no such day exists."""
    try:
        # A leap year stands in for an unstated one, so "February 29" without a year is possible.
        datetime.date(2000 if year is None else year, month or 1, day or 1)
    except ValueError:
        return ""
    parts = ["XXXX" if year is None else f"{year:04d}"]
    parts += [f"{month:02d}"] if month else []
    parts += [f"{day:02d}"] if day else []
    return "-".join(parts)


def read_hits(line: Line) -> list[Hit]:
    """Every date written on a line, in reading order; impossible dates are kept so evidence can name them."""
    if not _ANY_DIGIT.search(line.text):  # every pattern reads at least one digit: most lines have none
        return []
    # The spans taken so far never overlap, so sorted by start they are sorted by end too, and a new
    # match can only overlap the spans just before and after where it would go.
    starts: list[int] = []
    ends: list[int] = []
    hits = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(line.text):
            at = bisect.bisect_left(starts, match.start())
            if (at and ends[at - 1] > match.start()) or (at < len(starts) and starts[at] < match.end()):
                continue
            starts.insert(at, match.start())
            ends.insert(at, match.end())
            hits.append(hit_of(line, match, kind))
    return sorted(hits, key=lambda hit: hit.start)


def hit_of(line: Line, match: re.Match[str], kind: str) -> Hit:
    """Read one match to year, month and day."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if year is not None and len(groups["year"]) == 2:
        year += 2000  # "21.10.18": a two-digit year is this century's
    reading = ""
    if kind == "numeric":
        first, second = int(groups["first"]), int(groups["second"])
        if first > 12:
            kind, month, day = "numeric-dmy", second, first
            reading = f"the first number, {first}, is over 12, so it is read as day/month/year"
        else:
            kind, month, day = "numeric-us", first, second
            reading = "read as month/day/year, the US order (assumed: the text does not say)"
    else:
        name = groups.get("month")
        month = (
            MONTHS[name.title()] if name and name.title() in MONTHS
            else FOREIGN_MONTHS[name.lower()] if name and name.lower() in FOREIGN_MONTHS
            else int(name) if name else None
        )
        day = int(groups["day"]) if groups.get("day") else None
        if kind == "dotted-date":
            reading = "read as day.month.year, the European order"
    before = line.text[max(0, match.start() - 40) : match.start()]
    after = line.text[match.end() : match.end() + 40]
    return Hit(line.number, match.start(), match.end(), match.group(0), kind, year, month, day, reading, before, after)


