"""Publication, event and republication dates read from a document's lines, as EDTF with evidence (pure)."""

from __future__ import annotations

import bisect
import calendar
import datetime
import os.path
import re
from dataclasses import dataclass

from archive.edtf import edtf_bounds, sort_key
from archive.model import DateFinding, Document, Line, Term

UNKNOWN = "unknown"

MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3,
    "April": 4, "Apr": 4, "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7,
    "August": 8, "Aug": 8, "September": 9, "Sept": 9, "Sep": 9, "October": 10, "Oct": 10,
    "November": 11, "Nov": 11, "December": 12, "Dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Longest names first, so that "Sept" is not read as "Sep" followed by a stray "t".
# Month names as written, in capitals ("MAY 19, 2021" in a byline block) or, full names but "may", a verb
# too, in lower case ("wednesday, 4 december 2013").
_LOWER_MONTHS = [name.lower() for name in MONTHS if len(name) > 3 and name != "Sept"]
_MONTH = "(?P<month>" + "|".join(sorted([*MONTHS, *map(str.upper, MONTHS), *_LOWER_MONTHS], key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?=\d{1,2}:\d{2}\b|\b)"  # a time may follow with no space: "13 March 201913:25"
_WEEKDAY = "|".join(WEEKDAYS)

# Tried in this order; a later pattern never claims text an earlier one matched, so the
# year inside "6 February 2026" is not also read as a bare year.
_PATTERNS = (
    ("iso-timestamp", re.compile(
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"
    )),
    ("written-date", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}")),
    ("written-date", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}")),
    ("numeric", re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b")),
    ("dotted-date", re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")),
    ("written-date", re.compile(rf"\b{_MONTH},?\s+{_YEAR}")),
    ("written-date", re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b")),
)

# Agency datelines: "MOSCOW, February 19. /TASS/.", "MOSCOW, February 19 (Reuters) -",
# "KYIV, Ukraine, Feb. 6, 2026 —". The place is upper-case words; no list of cities is needed.
# Its words part at a space or slash only: a word may hold hyphens already, and parting
# there too gave "AA-AA-…" exponentially many readings to try (seconds for 72 characters).
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*)(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)*)?,\s+"
    rf"{_MONTH}\s+{_DAY}(?:,\s+{_YEAR})?"
    r"(?:\s*\.\s*/[^/]{1,30}/\.?|\s*\([^)]{1,30}\)\s*[-–—]?|\s*[-–—:.]|\s*$)"
)
# A page's date as its metadata gives it, before the rest of the line: "date 2017-01-17 Financial...".
_LABELLED_DATE = re.compile(r"\s*(?P<label>date|published|posted)\s?:?\s(?P<date>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_BYLINE = re.compile(r"\s*(?:by|posted by|written by)\s", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_LABELS = {
    "retrieved": "crawl", "accessed": "crawl", "crawled": "crawl", "archived": "crawl",
    "captured": "crawl", "fetched": "crawl", "scraped": "crawl",
    "updated": "update", "update": "update", "modified": "update", "edited": "update", "revised": "update",
    "published": "page", "posted": "page", "released": "page", "issued": "page", "date": "page", "dated": "page",
}
# Words a date line may hold besides the date: fillers, and the genre a press office writes beside it.
_FILLER = frozenset({
    "on", "at", "by", "of", "last", "am", "pm", "press", "release", "statement", "readout", "news", "speech",
    "interview", "article", "briefing", "remarks", "transcript", "communique", "comment", "min", "read",
})
_REPUBLISHER = re.compile(
    r"read more|telegram|t\.me/|republished|reposted|originally (?:published|appeared)|subscribe|follow us",
    re.IGNORECASE,
)
# A date introduced by these words is a deadline or a plan, not evidence of when the text was written.
_DEADLINE = re.compile(r"\b(?:until|till|through|by|before|for)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
# A date with a clock time at the end of a line is a timestamp, however long the line.
_ENDING_STAMPS = tuple(
    re.compile(rf"\b{date},?\s+(?:at\s+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s?(?:[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{{2,4}})?\s*$")
    for date in (rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}")
)
# A date introduced by these words had not come when the text was written.
_AHEAD = re.compile(
    r"\b(?:expires|will\s+expire|(?:is|are)\s+(?:due|set|scheduled)\s+to\s+(?:expire|end|lapse)|is\s+scheduled\s+for|expiring)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
_VERBS = (
    r"said|says|told|warned|stated|announced|stressed|noted|added|declared|emphasi[sz]ed"
    r"|explained|wrote|claimed|insisted|urged|confirmed|signed|reported"
)
_WHEN = rf"on (?:{_WEEKDAY})|(?i:yesterday|today)"
# Only a relative day tied to a reporting verb dates the story: "Yesterday and today, I held
# talks" in a transcript, or "the treaty expired yesterday", is not when the article's event was.
_CUES = (
    re.compile(rf"\b(?:{_VERBS})\b[^.!?;\"“”]{{0,160}}?\b(?P<when>{_WHEN})\b"),
    re.compile(
        rf"(?:^|[.!?]\s+)(?P<when>On (?:{_WEEKDAY})|Yesterday|Today|Earlier today),?\s"
        rf"[^.!?;\"“”]{{0,80}}?\b(?:{_VERBS})\b"
    ),
)
_LAST_DAY = re.compile(rf"\b[Ll]ast {_MONTH}\s+{_DAY}\b(?!,?\s*\d)")
_BARE_MONTH = re.compile(
    rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ll]ast|[Tt]his|[Nn]ext)\s+(?:(?:early|mid|late)[ -])?{_MONTH}(?!\s*\d)\b"
)


@dataclass(frozen=True, slots=True)
class _Hit:
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

    @property
    def value(self) -> str:
        """The EDTF for what the text says ("XXXX-02-19" without a year), or "" if no such day exists."""
        return _edtf(self.year, self.month, self.day)


@dataclass(frozen=True, slots=True)
class _Stamp:
    """A date on a line of its own, or opening a dateline, and the part it plays."""

    hit: _Hit
    quote: str
    role: str  # "page" | "update" | "record" | "yearless" | "footer" | "crawl" | "news" (a day the story tells)
    why: str


@dataclass(frozen=True, slots=True)
class _Cue:
    """A relative date in the story: a weekday, yesterday or today, or "last November 29"."""

    line: int
    quote: str
    weekday: int | None = None
    days_back: int | None = None
    month: int | None = None
    day: int | None = None


def extract_date(document: Document, today: datetime.date, terms: tuple[Term, ...] = ()) -> DateFinding:
    """The document's publication, event and republication dates, each with the lines that show it.

    `terms` are the titles the text gives registry people ("Secretary Blinken"); they bound a year-less dateline.
    """
    lines = tuple(line for line in document.text.lines if line.text.strip())
    removed = {removal.line for removal in document.removed}
    # Removed lines keep their stamps and footers, but their words are not the story.
    story = tuple(line for line in lines if line.number not in removed)
    stamps = _stamps(lines)
    stamped_lines = {s.hit.line: s for s in stamps}  # a line holds at most one date line or dateline
    prose = tuple(hit for line in story for hit in _hits(line) if not _stamped(hit, stamped_lines.get(hit.line)))
    cues = _cues(story)
    republished, republished_evidence = _republished(stamps)
    real = [s for s in stamps if s.hit.value and s.role not in ("footer", "crawl")]
    late = [s for s in real if s.role != "yearless" and _bounds(s.hit.value)[0] > today]
    usable = [s for s in real if s.role == "yearless" or _bounds(s.hit.value)[0] <= today]
    notes = [f"{_cite(s.quote, s.hit.line)} is not a real date" for s in stamps if not s.hit.value]
    notes += [f"{_cite(s.quote, s.hit.line)} is after today ({today})" for s in late]
    pages = [s for s in usable if s.role == "page"]
    records = [s for s in usable if s.role == "record"]
    yearless = [s for s in usable if s.role == "yearless"]
    used: tuple[_Cue, ...] = ()
    if pages:
        published, method = pages[0].hit.value, pages[0].hit.kind
        evidence = [_said(pages[0])]
        updates = [s for s in usable if s.role == "update"]
        if updates:
            cited = [_cite(s.quote, s.hit.line) + (", a repeat" if s.quote == pages[0].quote else "") for s in updates]
            evidence.append("Later stamps are read as updates: " + "; ".join(cited) + ".")
        event, said = _record_event(published, records, yearless)
    elif records:
        published, method, evidence = _from_records(records)
        event, said = _record_event(published, [], yearless)
    elif yearless:
        published, method, evidence, used = _from_dateline(yearless[0], prose, cues, today, terms)
        event, said = None, []
    elif updates := [s for s in usable if s.role == "update"]:
        published, method, evidence = _from_update(updates[0], prose)
        event, said = None, []
    elif news := _news_day(story):
        published, method, evidence, used = _from_dateline(news, prose, cues, today, terms)
        event, said = None, []
    elif since := _file_photo(prose, story):
        published, method = f"{since.value}/..", "file-photo"
        evidence = [f"{_cite(since.quote, since.line)} dates a file photo the text reuses: it was published on or after that day."]
        event, said = None, []
    else:
        seen = notes + _seen(prose, cues, story)
        evidence = ["No publication date found: no timestamp, date line or dateline."]
        evidence += ["Seen: " + "; ".join(seen) + "."] if seen else []
        return DateFinding(UNKNOWN, None, "unknown", " ".join(evidence + republished_evidence), republished)
    evidence += said
    if event is None:
        event, said = _cue_event(published, [c for c in cues if c not in used])
        evidence += said
    evidence += ["Not used: " + "; ".join(notes) + "."] if notes else []
    return DateFinding(published, event, method, " ".join(evidence + republished_evidence), republished)


def _bounds(value: str) -> tuple[datetime.date, datetime.date]:
    """Bounds of a value this module produced, which is always valid."""
    bounds = edtf_bounds(value)
    assert bounds is not None, value
    return bounds


def _edtf(year: int | None, month: int | None, day: int | None) -> str:
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


def _one_of(values: list[str]) -> str:
    """One value, or an EDTF set of the distinct values in date order."""
    distinct = sorted(set(values), key=sort_key)
    return distinct[0] if len(distinct) == 1 else "[" + ",".join(distinct) + "]"


def _cite(quote: str, line: int) -> str:
    """A quotation and its line, as evidence shows them."""
    short = quote if len(quote) <= 90 else quote[:87] + "…"
    return f'"{short}" (line {line})'


def _hits(line: Line) -> list[_Hit]:
    """Every date written on a line, in reading order; impossible dates are kept so evidence can name them."""
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
            hits.append(_hit(line, match, kind))
    return sorted(hits, key=lambda hit: hit.start)


def _hit(line: Line, match: re.Match[str], kind: str) -> _Hit:
    """Read one match to year, month and day."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
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
        month = MONTHS[name.title()] if name and name.title() in MONTHS else int(name) if name else None
        day = int(groups["day"]) if groups.get("day") else None
        if kind == "dotted-date":
            reading = "read as day.month.year, the European order"
    before = line.text[max(0, match.start() - 40) : match.start()]
    return _Hit(line.number, match.start(), match.end(), match.group(0), kind, year, month, day, reading, before)


def _stamps(lines: tuple[Line, ...]) -> list[_Stamp]:
    """Datelines and dates standing on their own lines, each given its part: page, update, record, footer, crawl."""
    # A footer sits in the last few lines, often followed by an empty share bar or copyright line.
    tail = {line.number for line in lines[-5:]}
    stamps: list[_Stamp] = []
    iso_stamped = False  # whether an ISO timestamp has been read as a page or update stamp yet
    for index, line in enumerate(lines):
        dateline = _DATELINE.match(line.text.strip())
        if dateline:
            hit = _hit(line, dateline, "dateline")
            role = "record" if hit.year else "yearless"
            stamps.append(_Stamp(hit, dateline.group(0).strip(), role, "a dateline"))
            continue
        found = _date_line(line)
        if found is None:
            ending = next((m for pattern in _ENDING_STAMPS if (m := pattern.search(line.text))), None)
            if ending is not None:  # "... BY DAVID E. SANGER December 10, 2019 at 05:42AM"
                hit = _hit(line, ending, "written-date")
                stamps.append(_Stamp(hit, ending.group(0).strip(), "page", "a date and a time ending a line: a timestamp"))
            continue
        hit, label = found
        nearby = reversed(lines[max(0, index - 3) : index + 1])
        marker = next((near for near in nearby if _REPUBLISHER.search(near.text)), None)
        quote = line.text.strip()
        if label == "crawl":
            why = "a crawl stamp: when a copy was fetched, not when it was published"
            stamps.append(_Stamp(hit, quote, "crawl", why))
        elif line.number in tail and marker is not None:
            beside = _cite(marker.text.strip(), marker.number)
            why = f"a republisher's footer, beside {beside}: a republication date, not the publication date"
            stamps.append(_Stamp(hit, quote, "footer", why))
        elif label:
            why = "labelled as the publication date" if label == "page" else "labelled as an update"
            stamps.append(_Stamp(hit, quote, label, why))
        elif hit.kind == "iso-timestamp":
            # Sites print the first-published stamp before any "updated" one.
            why = "a later ISO timestamp" if iso_stamped else "the first ISO timestamp, taken as the publication time"
            stamps.append(_Stamp(hit, quote, "update" if iso_stamped else "page", why))
        else:
            stamps.append(_Stamp(hit, quote, "record", "a date on a line of its own (with at most a place or weekday)"))
        iso_stamped = iso_stamped or (hit.kind == "iso-timestamp" and stamps[-1].role in ("page", "update"))
    return stamps


def _date_line(line: Line) -> tuple[_Hit, str] | None:
    """The one date on a short line holding little else (a place, weekday, time or label), and the label's kind."""
    hits = _hits(line)
    labelled = _LABELLED_DATE.match(line.text)
    if labelled and hits and hits[0].start == labelled.start("date"):
        return hits[0], _LABELS[labelled.group("label").lower()]  # the page's metadata, whatever follows it
    days = [hit for hit in hits if hit.day is not None and hit.year is not None]
    if _BYLINE.match(line.text) and len(days) == 1 and len(line.text) <= 160:
        return days[0], "page"  # "by The Kyiv Independent news desk February 28, 2023 6:36 PM"
    if len(hits) != 1 or len(line.text.strip()) > 80:
        return None
    hit = hits[0]
    rest = _TIME.sub(" ", line.text[: hit.start] + " " + line.text[hit.end :])
    words = re.findall(r"[^\W\d_]+", rest)
    # Lower-case words mean a sentence ("Talks began on February 6, 2026."), not a date line.
    if len(words) > 6 or not all(w[0].isupper() or w.lower() in _FILLER or w.lower() in _LABELS or w.title() in WEEKDAYS for w in words):
        return None
    label = next((_LABELS[w.lower()] for w in words if w.lower() in _LABELS), "")
    # A bare year ("since 2010") is a date line only when labelled ("Published: 2021").
    if hit.month is None and not label:
        return None
    return hit, label


def _stamped(hit: _Hit, stamp: _Stamp | None) -> bool:
    """Whether a hit is the date of its line's date line or dateline, already read as such."""
    return stamp is not None and hit.start < stamp.hit.end and stamp.hit.start < hit.end


def _said(stamp: _Stamp) -> str:
    """A sentence of evidence: the stamp quoted, what it was taken for and how it was read."""
    reading = f" ({stamp.hit.reading})" if stamp.hit.reading else ""
    return f"{_cite(stamp.quote, stamp.hit.line)} is {stamp.why}{reading}."


def _republished(stamps: list[_Stamp]) -> tuple[str | None, list[str]]:
    """The first republisher's footer or crawl date, with evidence naming them all."""
    later = [s for s in stamps if s.role in ("footer", "crawl") and s.hit.value]
    if not later:
        return None, []
    return later[0].hit.value, [_said(stamp) for stamp in later]


def _from_records(records: list[_Stamp]) -> tuple[str, str, list[str]]:
    """Publication date from date lines and datelines; disagreeing ones give a set."""
    values = _precise(records)
    kinds = list(dict.fromkeys(s.hit.kind for s in records if s.hit.value in values))
    evidence = [_said(stamp) for stamp in records]
    if len(values) > 1:
        evidence.append("They disagree and nothing says which is the publication date, so any of them may be.")
    return _one_of(values), "+".join(kinds), evidence


def _precise(records: list[_Stamp]) -> list[str]:
    """The records' values, dropping a vaguer one ("2021-02") that a more precise one ("2021-02-19") falls in."""
    values = list(dict.fromkeys(s.hit.value for s in records))
    # Values are "YYYY", "YYYY-MM" or "YYYY-MM-DD", so a value a more precise one falls in is the start of it.
    vaguer = {value[:cut] for value in values for cut in (4, 7) if len(value) > cut}
    return [value for value in values if value not in vaguer]


def _record_event(published: str, records: list[_Stamp], yearless: list[_Stamp]) -> tuple[str | None, list[str]]:
    """With a page date known, a date line or dateline naming another day is the event's date."""
    low, high = _bounds(published)
    evidence = []
    others = []
    for stamp in records:
        start, end = _bounds(stamp.hit.value)
        if start <= high and low <= end:
            evidence.append(f"{_cite(stamp.quote, stamp.hit.line)} agrees.")
        else:
            others.append(stamp.hit.value)
            evidence.append(f"{_cite(stamp.quote, stamp.hit.line)}, {stamp.why}, names another day: the event's date.")
    for stamp in yearless:
        day = _latest(stamp.hit.month, stamp.hit.day, high, inclusive=True) if low == high else None
        if day == low:
            evidence.append(f"{_cite(stamp.quote, stamp.hit.line)} agrees.")
        elif day is not None:
            others.append(day.isoformat())
            evidence.append(
                f"{_cite(stamp.quote, stamp.hit.line)} names {day}, the last such day by the page date: "
                "the event's date."
            )
    return (_one_of(others) if others else None), evidence


# "on December 22", "on Feb. 21", "on 12 September", with no year after it.
_ON_DAYS = (
    re.compile(rf"\bon\s+{_MONTH}\s+{_DAY}\b(?!,?\s*\d)"),
    re.compile(rf"\bon\s+{_DAY}\s+{_MONTH}(?![\w,]|\s*\d)"),
)
# The caption of a photo an agency reuses from its files: "FILE - ...", "FILE PHOTO: ...".
_FILE_PHOTO = re.compile(r"\s*FILE(?:\s+PHOTO)?\s*[-–—:]\s")


def _file_photo(prose: tuple[_Hit, ...], story: tuple[Line, ...]) -> _Hit | None:
    """The first day written in the caption of a file photo, which the text is no older than."""
    captions = {line.number for line in story if _FILE_PHOTO.match(line.text)}
    return next((h for h in prose if h.line in captions and h.day is not None and h.year is not None and h.value), None)


# A photo's caption tells when the photo was taken, not the news: "(Photo by ... /Getty Images)".
_CREDITED = re.compile(r"\((?:photo|image|credit)\b[^)]{0,100}\)|\bphoto(?:graph)?\s(?:by|via|courtesy of)\b|\bvia AP\b", re.IGNORECASE)
NEWS_DAY_LINES = 5  # the story's first lines, where a report with no date of its own tells the day of its news


def _news_day(story: tuple[Line, ...]) -> _Stamp | None:
    """In a text with no date of its own, the first day without a year its opening tells something happened "on".

    A news report writes the day of its news so ("the Senate on December 22 ratified"), leaving the
    year to the reader: that day, in a year the rest of the text allows, is the report's.
    """
    for line in story[:NEWS_DAY_LINES]:
        if _CREDITED.search(line.text):
            continue
        matches = sorted((m for pattern in _ON_DAYS for m in pattern.finditer(line.text)), key=lambda m: m.start())
        for match in matches:
            hit = _hit(line, match, "news-day")
            if hit.value:
                return _Stamp(hit, match.group(0), "news", "the day the text reports its news on")
    return None


def _from_update(stamp: _Stamp, prose: tuple[_Hit, ...]) -> tuple[str, str, list[str]]:
    """With only an update stamp, the text was published by then, and after the latest past day it tells."""
    until = _bounds(stamp.hit.value)[1]
    evidence = [f"{_said(stamp)} It is the only stamp, so the text was published on or before it."]
    past = [h for h in prose if h.day is not None and h.value and _bounds(h.value)[1] <= until and not _deadline(h) and not _ahead(h)]
    latest = max(past, key=lambda h: (_bounds(h.value)[0], h.line), default=None)
    if latest is None:
        return f"../{stamp.hit.value}", "update", evidence
    since = _bounds(latest.value)[0]
    evidence.append(f"The latest past day the text tells is {_cite(_phrase(latest), latest.line)}, so it was published on or after it.")
    if since == until:
        return since.isoformat(), "update", evidence
    return f"{since.isoformat()}/{stamp.hit.value}", "update", evidence


def _from_dateline(
    stamp: _Stamp, prose: tuple[_Hit, ...], cues: tuple[_Cue, ...], today: datetime.date, terms: tuple[Term, ...] = ()
) -> tuple[str, str, list[str], tuple[_Cue, ...]]:
    """A year-less dateline's date: a set of years when a weekday narrows it, else an unspecified year."""
    month, day = stamp.hit.month, stamp.hit.day
    assert month is not None and day is not None
    name = f"{calendar.month_name[month]} {day}"
    if stamp.role == "news":
        evidence = [f"The text has no date of its own; {_cite(stamp.quote, stamp.hit.line)}, {stamp.why}, gives no year."]
    else:
        evidence = [f"Dateline {_cite(stamp.quote, stamp.hit.line)} gives no year."]
    # The latest year whose month and day is not after today; eight years back always holds a February 29,
    # unless that is before the year 1.
    last = next(
        (year for year in range(today.year, today.year - 9, -1) if _edtf(year, month, day) and datetime.date(year, month, day) <= today),
        None,
    )
    if last is None:
        evidence.append(f"No year from 0001 to today ({today}) has a {name}, so the year is not known.")
        return _edtf(None, month, day), "news-day" if stamp.role == "news" else "dateline", evidence, ()
    past = [h for h in prose if h.year is not None and h.value and _bounds(h.value)[0] <= today and not _deadline(h) and not _ahead(h)]
    latest = max(past, key=lambda h: (_bounds(h.value)[0], h.line), default=None)
    first = None
    if latest is not None:
        # What the text tells as past happened by the time it was written: from the first day it allows.
        since = _bounds(latest.value)[0]
        first = since.year if _edtf(since.year, month, day) and datetime.date(since.year, month, day) >= since else since.year + 1
        evidence.append(
            f"The latest past date the text mentions is {_cite(_phrase(latest), latest.line)}, "
            f"so {name} is of {first} or later, and not after today ({today})."
        )
    else:
        evidence.append(f"The text mentions no past year to bound it from below; it is not after today ({today}).")
    ahead = [h for h in prose if h.year is not None and h.value and _ahead(h)]
    soonest = min(ahead, key=lambda h: (_bounds(h.value)[1], h.line), default=None)
    if soonest is not None:
        # A day the text writes as still ahead had not come when it was written.
        until = _bounds(soonest.value)[1]
        before = until.year if _edtf(until.year, month, day) and datetime.date(until.year, month, day) <= until else until.year - 1
        if before < last:
            last = before
            evidence.append(f"{_cite(_phrase(soonest), soonest.line)} is still ahead, so {name} is of {last} or earlier.")
    candidates = [year for year in range(first, last + 1) if _edtf(year, month, day)] if first is not None else None
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
        evidence.append(f"{_cite(weekday.quote, weekday.line)} makes {name} a {wanted}.")
        years = None if candidates is None else [y for y in candidates if _weekday(y, month, day) == weekday.weekday]
        if years is None or len(years) > MAX_LISTED_YEARS:
            recent = [y for y in range(last, last - 40, -1) if _weekday(y, month, day) == weekday.weekday]
            evidence.append(f"{name} fell on a {wanted} in {', '.join(map(str, recent[:3]))}, …: too many to list.")
        elif len(years) > 1:
            evidence.append(f"{name} fell on a {wanted} in {_and(years)}.")
            return _one_of([_edtf(y, month, day) for y in years]), method + "+weekday", evidence, (weekday,)
        elif years:
            evidence.append(f"{name} fell on a {wanted} only in {years[0]}: probable, not stated.")
            return _edtf(years[0], month, day) + "?", method + "+weekday", evidence, (weekday,)
        else:
            evidence.append(f"No year from {candidates[0] if candidates else first} to {last} has {name} on a {wanted}, so the weekday is set aside.")
    if candidates and len(candidates) <= MAX_LISTED_YEARS:
        if len(candidates) == 1:
            evidence.append(f"Only {candidates[0]} is left: probable, not stated.")
            return _edtf(candidates[0], month, day) + "?", method, evidence, ()
        evidence.append(f"The year is one of {_and(candidates)}.")
        return _one_of([_edtf(y, month, day) for y in candidates]), method, evidence, ()
    if candidates:
        first, last = candidates[0], candidates[-1]
    mask = _year_mask(first, last)
    if first is not None and first <= last:
        evidence.append(f"The year is between {first} and {last}: written {mask} (EDTF unspecified digits).")
    value = _edtf(None, month, day).replace("XXXX", mask)
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
        if _edtf(year, month, day)
        and all(any(lo <= datetime.date(year, month, day) <= hi for lo, hi in term_spans) for term_spans in spans)
    ]
    held = "; ".join(
        f"{_cite(term.quote, term.line)} is a title held "
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
    return datetime.date(year, month, day).weekday() if _edtf(year, month, day) else None


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


def _ahead(hit: _Hit) -> bool:
    """Whether the words before a date write it as still to come ("before it expires on February 5, 2026")."""
    return bool(_AHEAD.search(hit.before))


def _deadline(hit: _Hit) -> bool:
    """Whether the words before a date make it a deadline or a plan ("until February 5, 2026")."""
    return bool(_DEADLINE.search(hit.before))


def _phrase(hit: _Hit) -> str:
    """The date with the word before it ("since 2010"), enough for a reader to judge it."""
    words = hit.before.split()
    return f"{words[-1]} {hit.quote}" if words else hit.quote


def _latest(month: int | None, day: int | None, bound: datetime.date, inclusive: bool) -> datetime.date | None:
    """The last `month`/`day` before `bound` (or on it, if inclusive); None when months and days are unknown."""
    if month is None or day is None:
        return None
    for year in range(bound.year, bound.year - 9, -1):
        if year >= datetime.MINYEAR and _edtf(year, month, day):
            candidate = datetime.date(year, month, day)
            if candidate < bound or (inclusive and candidate == bound):
                return candidate
    return None


def _cues(story: tuple[Line, ...]) -> tuple[_Cue, ...]:
    """Relative dates in reading order: a weekday, yesterday or today by a reporting verb; "last <month> <day>"."""
    found: dict[tuple[int, int], _Cue] = {}
    for line in story:
        for pattern in _CUES:
            for match in pattern.finditer(line.text):
                when = match.group("when").lower()
                quote = match.group(0).lstrip(".!? ")
                if when.endswith("yesterday"):
                    cue = _Cue(line.number, quote, days_back=1)
                elif when.endswith("today"):
                    cue = _Cue(line.number, quote, days_back=0)
                else:
                    cue = _Cue(line.number, quote, weekday=WEEKDAYS.index(when.split()[-1].title()))
                found.setdefault((line.number, match.start("when")), cue)
        for match in _LAST_DAY.finditer(line.text):
            month, day = MONTHS[match.group("month")], int(match.group("day"))
            found[(line.number, match.start())] = _Cue(line.number, match.group(0), month=month, day=day)
    return tuple(found[key] for key in sorted(found))


def _cue_event(published: str, cues: list[_Cue]) -> tuple[str | None, list[str]]:
    """The first relative date that can be counted from the publication date: the event's date, or a check that fits."""
    low, high = _bounds(published)
    for cue in cues:
        cited = _cite(cue.quote, cue.line)
        if cue.month is not None:
            # Counting back from each end only makes sense when they are a year or less apart.
            if (high - low).days > 366:
                continue
            days = {_latest(cue.month, cue.day, bound, inclusive=False) for bound in (low, high)} - {None}
            if days:
                value = _one_of([day.isoformat() for day in days if day is not None])
                return value, [f"{cited} counts back from the publication date to {value}: the event's date."]
            continue
        if low != high:
            continue
        if cue.days_back is not None:
            back = cue.days_back
        else:
            assert cue.weekday is not None
            back = (low.weekday() - cue.weekday) % 7
        if back >= low.toordinal():
            continue  # it would count back to before 0001-01-01, the first day a date can name
        day = low - datetime.timedelta(days=back)
        if day == low and cue.weekday is not None:
            return None, [f"{cited} fits: {low} was a {WEEKDAYS[low.weekday()]}."]
        if day == low:
            return None, [f"{cited} fits the publication date."]
        weekday = WEEKDAYS[day.weekday()]
        return day.isoformat(), [f"{cited} puts the event on {day}, a {weekday}, before the publication date."]
    return None, []


def _seen(prose: tuple[_Hit, ...], cues: tuple[_Cue, ...], story: tuple[Line, ...]) -> list[str]:
    """What an undated text does say about time, so a reader sees why no date was given."""
    seen: list[tuple[int, str]] = []
    for cue in cues:
        if cue.month is not None:
            why = "has no year to count back from"
        elif cue.weekday is not None:
            why = "names a weekday but no date to count from"
        else:
            why = "is relative to a date the text does not give"
        seen.append((cue.line, f"{_cite(cue.quote, cue.line)} {why}"))
    for hit in prose:
        if not hit.value:
            seen.append((hit.line, f"{_cite(hit.quote, hit.line)} is not a real date"))
        elif _deadline(hit):
            seen.append((hit.line, f"{_cite(_phrase(hit), hit.line)} is a deadline, not the article's date"))
        elif hit.month is not None:
            seen.append((hit.line, f"{_cite(_phrase(hit), hit.line)} is a date in running text, not a date line"))
    for line in story:
        for match in _BARE_MONTH.finditer(line.text):
            seen.append((line.number, f"{_cite(match.group(0), line.number)} names a month without a year"))
    seen.sort(key=lambda item: item[0])
    shown = [text for _, text in seen[:8]]
    return shown + ([f"and {len(seen) - 8} more"] if len(seen) > 8 else [])
