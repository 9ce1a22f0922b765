"""How a text dates itself: the lines that stamp the page (date lines, datelines, timestamps, footers),
the news day and the relative days it tells, from the dates archive.written_dates reads on each line
(pure). archive.dates reasons from them."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from archive.edtf import edtf_bounds, sort_key
from archive.model import Line
from archive.rules import CJK_LETTERS
from archive.written_dates import (
    DAY,
    FOREIGN_DAY,
    MONTH,
    MONTHS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Hit,
    as_edtf,
    hit_of,
    read_hits,
)

# Agency datelines: "MOSCOW, February 19. /TASS/.", "MOSCOW, February 19 (Reuters) -",
# "KYIV, Ukraine, Feb. 6, 2026 —", "MOSCOW, July 6 AFP -", and the day first, "WARSAW/VIENNA, 31 March 2022 -". The place
# is upper-case words; no list of cities is needed. Its words part at a space or slash only: a word
# may hold hyphens already, and parting there too gave "AA-AA-…" exponentially many readings to try
# (seconds for 72 characters).
_UPPER_PLACE = r"(?P<place>[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ'’.\-]+(?:[ /][A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ'’.\-]+)*)"  # "MOSCOU", "МОСКВА"
_DATELINE_DAYS = (
    rf"{MONTH}\s+{DAY}(?:,\s+{YEAR})?",
    rf"{DAY}\s+{MONTH}(?:,?\s+{YEAR})?",
    rf"{FOREIGN_DAY}(?:,?\s+(?:de\s+)?{YEAR})?",  # "МОСКВА, 25 сентября. /ТАСС/.", "MOSCOU, 8 novembre (Reuters) -"
)
_DATELINES = tuple(
    re.compile(
        rf"^{_UPPER_PLACE}(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)*)?,\s+"
        + day
        + r"(?:\s*\.\s*/[^/]{1,30}/\.?|\s*\([^)]{1,30}\)\s*[-–—]?|\s+[A-Z]{2,10}\s*[-–—]|\s*[-–—:.]|\s*$)"
    )
    for day in _DATELINE_DAYS
) + tuple(
    # A place in title case, its country in brackets, then the wire's credit: "Paris [France], January 28 (ANI):".
    re.compile(rf"^(?P<place>[A-Z][\w'’.\-]+(?:[ /][A-Z][\w'’.\-]+){{0,2}})(?:\s\[[^\]]{{1,30}}\])?,?\s+{day}\s*\([^)]{{1,30}}\)\s*[-–—:]")
    for day in _DATELINE_DAYS
) + (
    # A German press office's place and day, the year in two digits: "Berlin, 21.10.18 – Außenminister ...".
    re.compile(r"^(?P<place>[A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]+){0,2}),\s+(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2}|\d{4})\s*[-–—]"),
) + tuple(
    # No place, a whole day and the agency's credit: "July 11, 2020 (EIRNS)—In Beijing, ...".
    re.compile(rf"^(?P<place>){day}\s*\([A-Z]{{2,10}}\)\s*[-–—:]")
    for day in (rf"{MONTH}\s+{DAY},\s+{YEAR}", rf"{DAY}\s+{MONTH},?\s+{YEAR}")
)
# A page's date as its metadata gives it, before the rest of the line: "date 2017-01-17 Financial...".
_LABELLED_DATE = re.compile(r"\s*(?P<label>date|published|posted)\s?:?\s(?P<date>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
# The same with a month only ("date 2023-02 GENF ..."); only a label makes "2023-02" a month, not a span of years.
_LABELLED_MONTH = re.compile(r"\s*(?P<label>date|published|posted)\s?:?\s(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?![\d-])", re.IGNORECASE)
# A place alone opening a lead: "MOSCOW: It would take ...".
_PLACE_COLON = re.compile(rf"{_UPPER_PLACE}\s?:\s")
_BYLINE = re.compile(r"\s*(?:by|posted by|written by)\s", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_LABELS = {
    "retrieved": "crawl", "accessed": "crawl", "crawled": "crawl", "archived": "crawl",
    "captured": "crawl", "fetched": "crawl", "scraped": "crawl",
    "updated": "update", "update": "update", "modified": "update", "edited": "update", "revised": "update",
    "published": "page", "posted": "page", "released": "page", "issued": "page", "date": "page", "dated": "page",
    # "For immediate release: March 26, 2010"; a parliament's record: "debated on Monday 4 February 2019",
    # "This question was answered on 19th May 2020".
    "release": "page", "debated": "page", "answered": "page",
}
# Words a date line may hold besides the date: fillers, and the genre a press office writes beside it.
_FILLER = frozenset({
    "on", "at", "by", "of", "last", "am", "pm", "press", "release", "statement", "readout", "news", "speech",
    "interview", "article", "briefing", "remarks", "transcript", "communique", "comment", "min", "read",
    "immediate", "question", "was", "asked",
    # "08 декабря 2025 в 21:00", "le 8 novembre 2019 à 10h", "am 5. Februar 2026 um 10 Uhr"
    "в", "à", "le", "um", "uhr", "am", "el", "de", "del", "om", "saat", "alle", "ore", "h",
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
    for date in (rf"{MONTH}\s+{DAY},?\s+{YEAR}", rf"{DAY}\s+{MONTH},?\s+{YEAR}")
)
# A title closed by the place and day of its record: "Briefing by Foreign Ministry Spokesperson X, Moscow, November 22, 2018".
_TITLE_PLACE_DATES = tuple(
    re.compile(rf",\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}},\s+(?P<date>{date})\s*$")
    for date in (rf"{MONTH}\s+{DAY},?\s+{YEAR}", rf"{DAY}\s+{MONTH},?\s+{YEAR}")
)
# A date followed by these words had not come when the text was written.
_AHEAD_AFTER = re.compile(r",?\s+(?:approaches|nears|draws near|draws closer)\b", re.IGNORECASE)
# A date introduced by these words had not come when the text was written.
_AHEAD = re.compile(
    r"\b(?:expires|will\s+[a-z]+|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to\s+[a-z]+|is\s+scheduled\s+for|expiring)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
_VERBS = (
    r"said|says|told|warned|stated|announced|stressed|noted|added|declared|emphasi[sz]ed"
    r"|explained|wrote|claimed|insisted|urged|confirmed|signed|reported|welcomed|proposed|reiterated|expressed"
)
# A weekday after the verb, with "on" or without as US wires write it ("said at a briefing Thursday"), not a possessive.
_WHEN = rf"on (?:{WEEKDAY})|(?:{WEEKDAY})(?!['’]s)|(?i:yesterday|today)"
# Only a relative day tied to a reporting verb dates the story: "Yesterday and today, I held
# talks" in a transcript, or "the treaty expired yesterday", is not when the article's event was.
_CUES = (
    re.compile(rf"\b(?:{_VERBS})\b[^.!?;\"“”]{{0,160}}?\b(?P<when>{_WHEN})\b"),
    re.compile(
        rf"(?:^|[.!?]\s+)(?P<when>On (?:{WEEKDAY})|Yesterday|Today|Earlier today),?\s"
        rf"[^.!?;\"“”]{{0,80}}?\b(?:{_VERBS})\b"
    ),
    # The weekday between the speaker and the verb: "UN Secretary-General Antonio Guterres on Friday welcomed".
    re.compile(rf"\b(?P<when>on (?:{WEEKDAY}))\s+(?:also\s+)?(?:{_VERBS})\b"),
    # A weekday written with its day, whatever the verb: "arrived in Vienna on Monday (June 22)".
    re.compile(rf"\b(?P<when>on (?:{WEEKDAY}))\s*\(\s*{MONTH}\s+{DAY}\s*\)"),
)
_LAST_DAY = re.compile(rf"\b[Ll]ast {MONTH}\s+{DAY}\b(?!,?\s*\d)")
BARE_MONTH = re.compile(
    rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ll]ast|[Tt]his|[Nn]ext)\s+(?:(?:early|mid|late)[ -])?{MONTH}(?!\s*\d)\b"
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date on a line of its own, or opening a dateline, and the part it plays."""

    hit: Hit
    quote: str
    role: str  # "page" | "update" | "record" | "yearless" | "footer" | "crawl" | "news" (a day the story tells)
    why: str


@dataclass(frozen=True, slots=True)
class Cue:
    """A relative date in the story: a weekday, yesterday or today, or "last November 29"."""

    line: int
    quote: str
    weekday: int | None = None
    days_back: int | None = None
    month: int | None = None
    day: int | None = None



def without_dateline(lead: str) -> str:
    """A lead without the date line, dateline or place that opens it: "date 2021-10-08 MOSCOW: It would ..." -> "It would ..."."""
    rest = lead.strip()
    labelled = _LABELLED_DATE.match(rest)
    if labelled:
        rest = rest[labelled.end():].lstrip()
    for pattern in (*_DATELINES, _PLACE_COLON):
        opening = pattern.match(rest)
        if opening and opening.end() < len(rest):
            rest = rest[opening.end():].lstrip(" -–—:.")
            break
    return rest or lead

def bounds(value: str) -> tuple[datetime.date, datetime.date]:
    """Earliest and latest day of a value read or made here, which is always valid EDTF."""
    found = edtf_bounds(value)
    assert found is not None, value
    return found


def one_of(values: list[str]) -> str:
    """One value, or an EDTF set of the distinct values in date order."""
    distinct = sorted(set(values), key=sort_key)
    return distinct[0] if len(distinct) == 1 else "[" + ",".join(distinct) + "]"


def cite(quote: str, line: int) -> str:
    """A quotation and its line, as evidence shows them."""
    short = quote if len(quote) <= 90 else quote[:87] + "…"
    return f'"{short}" (line {line})'


def read_stamps(lines: tuple[Line, ...]) -> list[Stamp]:
    """Datelines and dates standing on their own lines, each given its part: page, update, record, footer, crawl."""
    # A footer sits in the last few lines, often followed by an empty share bar or copyright line.
    tail = {line.number for line in lines[-5:]}
    stamps: list[Stamp] = []
    iso_stamped = False  # whether an ISO timestamp has been read as a page or update stamp yet
    for index, line in enumerate(lines):
        if (wrapped := _wrapped_date_line(lines, index)) is not None:
            stamps.append(Stamp(wrapped, f"{line.text.strip()} {lines[index + 1].text.strip()}", "record", "a date line wrapped after its day, its year on the next line"))
            continue
        dateline = next((m for pattern in _DATELINES if (m := pattern.match(line.text.strip()))), None)
        if dateline:
            hit = hit_of(line, dateline, "dateline")
            role = "record" if hit.year else "yearless"
            stamps.append(Stamp(hit, dateline.group(0).strip(), role, "a dateline"))
            continue
        found = _date_line(line)
        if found is None:
            ending = next((m for pattern in _ENDING_STAMPS if (m := pattern.search(line.text))), None)
            if ending is not None:  # "... BY DAVID E. SANGER December 10, 2019 at 05:42AM"
                hit = hit_of(line, ending, "written-date")
                stamps.append(Stamp(hit, ending.group(0).strip(), "page", "a date and a time ending a line: a timestamp"))
            elif (titled := _title_place_date(line)) is not None:
                stamps.append(Stamp(titled, line.text.strip(), "record", "the place and day closing a record's title"))
            elif (barred := _title_bar_date(line)) is not None:
                stamps.append(Stamp(barred, line.text.strip(), "page", "the day closing the page's title after its bars"))
            continue
        hit, label = found
        nearby = reversed(lines[max(0, index - 3) : index + 1])
        marker = next((near for near in nearby if _REPUBLISHER.search(near.text)), None)
        quote = line.text.strip()
        if label == "crawl":
            why = "a crawl stamp: when a copy was fetched, not when it was published"
            stamps.append(Stamp(hit, quote, "crawl", why))
        elif line.number in tail and marker is not None:
            beside = cite(marker.text.strip(), marker.number)
            why = f"a republisher's footer, beside {beside}: a republication date, not the publication date"
            stamps.append(Stamp(hit, quote, "footer", why))
        elif label:
            why = "labelled as the publication date" if label == "page" else "labelled as an update"
            stamps.append(Stamp(hit, quote, label, why))
        elif hit.kind == "iso-timestamp":
            # Sites print the first-published stamp before any "updated" one.
            why = "a later ISO timestamp" if iso_stamped else "the first ISO timestamp, taken as the publication time"
            stamps.append(Stamp(hit, quote, "update" if iso_stamped else "page", why))
        else:
            stamps.append(Stamp(hit, quote, "record", "a date on a line of its own (with at most a place or weekday)"))
        iso_stamped = iso_stamped or (hit.kind == "iso-timestamp" and stamps[-1].role in ("page", "update"))
    return stamps


_CJK_WORD = re.compile(f"[{CJK_LETTERS}]+")
_CLOCK_AFTER = re.compile(r",?\s*(?:at\s+)?\d{1,2}:\d{2}\b")
_POST_SIGNATURE = re.compile(r"\s*[—–-]\s*[^()]{1,60}\(@\w{1,30}\)")


def _date_line(line: Line) -> tuple[Hit, str] | None:
    """The one date on a short line holding little else (a place, weekday, time or label), and the label's kind.

    An embedded post's signature ("— United Nations (@UN) March 31, 2023") dates the post, not the page.
    """
    if _POST_SIGNATURE.match(line.text):
        return None
    if month := _LABELLED_MONTH.match(line.text):
        return hit_of(line, month, "iso-month"), _LABELS[month.group("label").lower()]
    hits = read_hits(line)
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
    # Words of Chinese, Japanese or Korean have no case, and a short line of them beside a date is its label or place
    # ("2018年10月22日17:43 | 来源:人民网-国际频道").
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if not _CJK_WORD.fullmatch(w)]
    # Lower-case words mean a sentence ("Talks began on February 6, 2026."), not a date line.
    if len(words) > 6 or not all(w[0].isupper() or w.lower() in _FILLER or w.lower() in _LABELS or w.title() in WEEKDAYS for w in words):
        return None
    label = next((_LABELS[w.lower()] for w in words if w.lower() in _LABELS), "")
    # A day and its clock time, glued or not, is the page's timestamp: "30 November 201717:29".
    if not label and hit.day is not None and hit.year is not None and _CLOCK_AFTER.match(line.text, hit.end):
        label = "page"
    # A bare year ("since 2010") is a date line only when labelled ("Published: 2021").
    if hit.month is None and not label:
        return None
    return hit, label


_DAY_ALONE = re.compile(rf"{MONTH}\s+{DAY},?")
_YEAR_ALONE = re.compile(r"(?:1[89]|20)\d\d")


def _wrapped_date_line(lines: tuple[Line, ...], index: int) -> Hit | None:
    """A day alone on a line with its year alone on the next, as hard-wrapped text breaks a date line ("July 16," / "2018")."""
    day = _DAY_ALONE.fullmatch(lines[index].text.strip())
    year = _YEAR_ALONE.fullmatch(lines[index + 1].text.strip()) if day and index + 1 < len(lines) else None
    if day is None or year is None:
        return None
    hit = hit_of(lines[index], day, "written-date")
    return replace(hit, year=int(year.group(0)), quote=f"{hit.quote} {year.group(0)}")


def _title_bar_date(line: Line) -> Hit | None:
    """The day alone after the last bar of a page's title line ("Headline | News | Site | 01.02.2019"), else None."""
    parts = line.text.rsplit("|", 1)
    if len(parts) < 2 or line.text.count("|") < 2 or len(line.text) > 300:
        return None
    last = parts[1].strip()
    hits = [h for h in read_hits(line) if h.start >= len(parts[0]) and h.day is not None and h.year is not None]
    return hits[0] if len(hits) == 1 and hits[0].quote == last else None


def _title_place_date(line: Line) -> Hit | None:
    """The day closing a title line with its place ("..., Moscow, November 12, 2020"), not a sentence's; else None.

    A full stop may close a short title with no lower-case word but a title's own ("Forum for Security Co-operation
    N°990, Vienna, 20 October 2021.").
    """
    text = line.text.rstrip()
    if text.endswith(".") and (len(text) > 160 or any(w.islower() and w not in _TITLE_LOWER for w in re.findall(r"[^\W\d_][\w'’-]*", text))):
        return None
    if len(text) > 300 or text.endswith(("!", "?")):
        return None
    closing = next((m for pattern in _TITLE_PLACE_DATES if (m := pattern.search(text.removesuffix(".")))), None)
    return None if closing is None else hit_of(line, closing, "written-date")


# A lower-case word a title keeps; any other means a sentence.
_TITLE_LOWER = frozenset({"for", "of", "the", "and", "on", "at", "in", "to", "de", "du", "des", "la", "le"})


def is_stamped(hit: Hit, stamp: Stamp | None) -> bool:
    """Whether a hit is the date of its line's date line or dateline, already read as such."""
    return stamp is not None and hit.start < stamp.hit.end and stamp.hit.start < hit.end


def stamp_evidence(stamp: Stamp) -> str:
    """A sentence of evidence: the stamp quoted, what it was taken for and how it was read."""
    reading = f" ({stamp.hit.reading})" if stamp.hit.reading else ""
    return f"{cite(stamp.quote, stamp.hit.line)} is {stamp.why}{reading}."


# "on December 22", "on Feb. 21", "on 12 September", with no year after it.
_ON_DAYS = (
    re.compile(rf"\bon\s+{MONTH}\s+{DAY}\b(?!,?\s*\d)"),
    re.compile(rf"\bon\s+{DAY}\s+{MONTH}(?![\w,]|\s*\d)"),
    re.compile(rf"\bon\s+(?:{WEEKDAY})\s*\(\s*{MONTH}\s+{DAY}\s*\)"),  # "arrived on Monday (June 22)"
)
# A day the text names as today or tomorrow, with no year: "crosses another threshold tomorrow, February 5".
_TOLD_DAYS = (
    re.compile(rf"\b(?P<when>[Tt]oday|[Tt]omorrow),?\s+{MONTH}\s+{DAY}\b(?!,?\s*\d)"),
    re.compile(rf"\b(?P<when>[Tt]oday|[Tt]omorrow),?\s+{DAY}\s+{MONTH}(?!\w|,?\s*\d)"),
)
# The caption of a photo an agency reuses from its files: "FILE - ...", "FILE PHOTO: ...".
_FILE_PHOTO = re.compile(r"\s*FILE(?:\s+PHOTO)?\s*[-–—:]\s")


def file_photo(prose: tuple[Hit, ...], story: tuple[Line, ...]) -> Hit | None:
    """The first day written in the caption of a file photo, which the text is no older than."""
    captions = {line.number for line in story if _FILE_PHOTO.match(line.text)}
    return next((h for h in prose if h.line in captions and h.day is not None and h.year is not None and h.value), None)


# A photo's caption tells when the photo was taken, not the news: "(Photo by ... /Getty Images)".
_CREDITED = re.compile(r"\((?:photo|image|credit)\b[^)]{0,100}\)|\bphoto(?:graph)?\s(?:by|via|courtesy of)\b|\bvia AP\b", re.IGNORECASE)
NEWS_DAY_LINES = 5  # the story's first lines, where a report with no date of its own tells the day of its news
# A rubric that makes the text a view rather than a report: "Analysis | Washington Politics", "Opinion".
_VIEW_RUBRIC = re.compile(r"\s*(?:analysis|opinion|commentary|op-ed|column|editorial|essay|perspective)(?:\s*[|•:/–—-].*)?", re.IGNORECASE)


def news_day(story: tuple[Line, ...]) -> Stamp | None:
    """In a text with no date of its own, the day without a year it calls today or tomorrow, else the first
    its opening tells something happened "on".

    A day it calls today ("today, February 4") is the text's own, and one it calls tomorrow ("crosses
    another threshold tomorrow, February 5") the day after it, wherever it says so. A news report
    writes the day of its news so ("the Senate on December 22 ratified"), leaving the year to the
    reader: that day, in a year the rest of the text allows, is the report's. A text its rubric calls
    an analysis or opinion reports no news of a day: the days it tells are its background.
    """
    for line in story:
        for match in sorted((m for pattern in _TOLD_DAYS for m in pattern.finditer(line.text)), key=lambda m: m.start()):
            hit = hit_of(line, match, "news-day")
            if match.group("when").lower() == "today" and hit.value:
                return Stamp(hit, match.group(0), "news", "the day the text calls today")
            # The day before the first of a month depends on the year, which is not known.
            if match.group("when").lower() == "tomorrow" and hit.day and hit.day > 1 and (before := replace(hit, day=hit.day - 1)).value:
                return Stamp(before, match.group(0), "news", "a day the text calls tomorrow: it was written the day before")
    if any(_VIEW_RUBRIC.fullmatch(line.text) for line in story[: 2 * NEWS_DAY_LINES]):
        return None
    for line in story[:NEWS_DAY_LINES]:
        if _CREDITED.search(line.text):
            continue
        matches = sorted((m for pattern in _ON_DAYS for m in pattern.finditer(line.text)), key=lambda m: m.start())
        for match in matches:
            hit = hit_of(line, match, "news-day")
            if hit.value and not is_ahead(hit):  # "are scheduled to meet on December 4": not yet news
                return Stamp(hit, match.group(0), "news", "the day the text reports its news on")
    return None


def is_ahead(hit: Hit) -> bool:
    """Whether the words around a date write it as still to come ("before it expires on February 5, 2026",
    "as February 5, 2026 approaches")."""
    return bool(_AHEAD.search(hit.before) or _AHEAD_AFTER.match(hit.after))


def soonest_ahead(hits: Iterable[Hit]) -> Hit | None:
    """Of the dates with a year the text writes as still to come, the one that ends first; None when there is none."""
    ahead = [h for h in hits if h.year is not None and h.value and is_ahead(h)]
    return min(ahead, key=lambda h: (bounds(h.value)[1], h.line), default=None)


def latest_past(hits: Iterable[Hit], fits: Callable[[Hit], bool]) -> Hit | None:
    """The hit with the latest first day among real dates the text tells as past (no deadline, nothing
    still ahead) that also `fits`; None when there is none."""
    told = [h for h in hits if h.value and not is_deadline(h) and not is_ahead(h) and fits(h)]
    return max(told, key=lambda h: (bounds(h.value)[0], h.line), default=None)


def is_deadline(hit: Hit) -> bool:
    """Whether the words before a date make it a deadline or a plan ("until February 5, 2026")."""
    return bool(_DEADLINE.search(hit.before))


def phrase(hit: Hit) -> str:
    """The date with the word before it ("since 2010"), enough for a reader to judge it."""
    words = hit.before.split()
    return f"{words[-1]} {hit.quote}" if words else hit.quote


def latest_day(month: int | None, day: int | None, bound: datetime.date, inclusive: bool) -> datetime.date | None:
    """The last `month`/`day` before `bound` (or on it, if inclusive); None when months and days are unknown."""
    if month is None or day is None:
        return None
    for year in range(bound.year, bound.year - 9, -1):
        if year >= datetime.MINYEAR and as_edtf(year, month, day):
            candidate = datetime.date(year, month, day)
            if candidate < bound or (inclusive and candidate == bound):
                return candidate
    return None


def read_cues(story: tuple[Line, ...]) -> tuple[Cue, ...]:
    """Relative dates in reading order: a weekday, yesterday or today by a reporting verb; "last <month> <day>"."""
    found: dict[tuple[int, int], Cue] = {}
    for line in story:
        for pattern in _CUES:
            for match in pattern.finditer(line.text):
                when = match.group("when").lower()
                quote = match.group(0).lstrip(".!? ")
                if when.endswith("yesterday"):
                    cue = Cue(line.number, quote, days_back=1)
                elif when.endswith("today"):
                    cue = Cue(line.number, quote, days_back=0)
                else:
                    cue = Cue(line.number, quote, weekday=WEEKDAYS.index(when.split()[-1].title()))
                found.setdefault((line.number, match.start("when")), cue)
        for match in _LAST_DAY.finditer(line.text):
            month, day = MONTHS[match.group("month")], int(match.group("day"))
            found[(line.number, match.start())] = Cue(line.number, match.group(0), month=month, day=day)
    return tuple(found[key] for key in sorted(found))
