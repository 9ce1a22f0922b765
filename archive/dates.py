"""Publication, event and republication dates read from a document's lines, as EDTF with evidence (pure)."""

from __future__ import annotations

import datetime

from archive.date_text import (
    BARE_MONTH,
    WEEKDAYS,
    Cue,
    Hit,
    Stamp,
    bounds,
    cite,
    file_photo,
    is_ahead,
    is_deadline,
    is_stamped,
    latest_day,
    latest_past,
    news_day,
    one_of,
    phrase,
    read_cues,
    read_hits,
    read_stamps,
    soonest_ahead,
    stamp_evidence,
)
from archive.model import DateFinding, Document, Line, Term
from archive.rules import GENRE_WORDS, GLUED_DATE
from archive.yearless import yearless_date

UNKNOWN = "unknown"


def extract_date(document: Document, today: datetime.date, terms: tuple[Term, ...] = ()) -> DateFinding:
    """The document's publication, event and republication dates, each with the lines that show it.

    `terms` are the titles the text gives registry people ("Secretary Blinken"); they bound a year-less dateline.
    """
    lines = tuple(line for line in document.text.lines if line.text.strip())
    removed = {removal.line for removal in document.removed}
    # Removed lines keep their stamps and footers, but their words are not the story.
    story = tuple(line for line in lines if line.number not in removed)
    stamps = read_stamps(lines)
    stamped_lines = {s.hit.line: s for s in stamps}  # a line holds at most one date line or dateline
    prose = tuple(hit for line in story for hit in read_hits(line) if not is_stamped(hit, stamped_lines.get(hit.line)))
    cues = read_cues(story)
    republished, republished_evidence = _republished(stamps)
    real = [s for s in stamps if s.hit.value and s.role not in ("footer", "crawl")]
    late = [s for s in real if s.role != "yearless" and bounds(s.hit.value)[0] > today]
    usable = [s for s in real if s.role == "yearless" or bounds(s.hit.value)[0] <= today]
    notes = [f"{cite(s.quote, s.hit.line)} is not a real date" for s in stamps if not s.hit.value]
    notes += [f"{cite(s.quote, s.hit.line)} is after today ({today})" for s in late]
    pages = [s for s in usable if s.role == "page"]
    records = [s for s in usable if s.role == "record"]
    yearless = [s for s in usable if s.role == "yearless"]
    used: tuple[Cue, ...] = ()
    if pages and (own := _own_date_line(pages[0], records, document)) is not None:
        published, method = own.hit.value, own.hit.kind
        evidence = [
            stamp_evidence(own),
            f"It is the page's own date line below the headline; {cite(pages[0].quote, pages[0].hit.line)}, the site's metadata above it, names another day.",
        ]
        event, said = None, []
    elif pages:
        published, method = pages[0].hit.value, pages[0].hit.kind
        evidence = [stamp_evidence(pages[0])]
        updates = [s for s in usable if s.role == "update"]
        if updates:
            cited = [cite(s.quote, s.hit.line) + (", a repeat" if s.quote == pages[0].quote else "") for s in updates]
            evidence.append("Later stamps are read as updates: " + "; ".join(cited) + ".")
        event, said = _record_event(published, records, yearless)
        published, event, method = _dateline_day(published, event, method, records + yearless, said)
    elif records and (first := _first_below(records, document)) is not None:
        published, method = first.hit.value, first.hit.kind
        evidence = [stamp_evidence(first), "Of the page's date lines that disagree, it is the first below the headline: the page's own."]
        event, said = _record_event(published, [s for s in records if s is not first], yearless)
        published, event, method = _dateline_day(published, event, method, yearless, said)
    elif records:
        published, method, evidence = _from_records(records)
        event, said = _record_event(published, [], yearless)
        published, event, method = _dateline_day(published, event, method, yearless, said)
    elif yearless and (updated := _updated_that_day(yearless[0], usable)) is not None:
        published, method, evidence = updated
        event, said = None, []
    elif yearless:
        published, method, evidence, used = yearless_date(yearless[0], prose, cues, today, terms)
        event, said = None, []
    elif (titled := _headline_record_day(document, prose)) is not None:
        published, method = titled.value, "headline"
        evidence = [f"The headline names a record and its day, {cite(titled.quote, titled.line)}: the record is of that day."]
        event, said = None, []
    elif updates := [s for s in usable if s.role == "update"]:
        published, method, evidence = _from_update(updates[0], prose)
        event, said = None, []
    elif news := news_day(story):
        published, method, evidence, used = yearless_date(news, prose, cues, today, terms)
        event, said = None, []
    elif since := file_photo(prose, story):
        published, method = f"{since.value}/..", "file-photo"
        evidence = [f"{cite(since.quote, since.line)} dates a file photo the text reuses: it was published on or after that day."]
        event, said = None, []
    elif (coming := soonest_ahead(prose)) and bounds(coming.value)[0] > datetime.date.min:
        published, method, evidence = _before_ahead(coming, prose)
        event, said = None, []
    elif (since := latest_past(prose, lambda h: h.day is not None and h.year is not None and bounds(h.value)[0] <= today)) is not None:
        published, method = f"{since.value}/..", "past-date"
        evidence = [f"No date of its own; the latest past day the text tells is {cite(phrase(since), since.line)}: it was written on or after it."]
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


def _republished(stamps: list[Stamp]) -> tuple[str | None, list[str]]:
    """The first republisher's footer or crawl date, with evidence naming them all."""
    later = [s for s in stamps if s.role in ("footer", "crawl") and s.hit.value]
    if not later:
        return None, []
    return later[0].hit.value, [stamp_evidence(stamp) for stamp in later]


def _dateline_day(published: str, event: str | None, method: str, stamps: list[Stamp], said: list[str]) -> tuple[str, str | None, str]:
    """Publication date, event date and method, the dateline's day taking the place of a stamp a day later.

    A wire story is of its dateline's day; a stamp a day later may be the same hour in another time zone,
    or a site that carries the story posting it overnight ("Tue Jul 7 00:57:51 EST 2009" above "MOSCOW, July 6 AFP -").
    """
    if event is None or not _dateline_day_before(event, published, stamps):
        return published, event, method
    said.append(f"A dateline's day a day before the page's stamp is the story's own: {event} is the publication date.")
    return event, None, "dateline"


def _dateline_day_before(event: str, published: str, stamps: list[Stamp]) -> bool:
    """Whether `event` is one day, the day before the one-day `published`, and a dateline names it."""
    low, high = bounds(published)
    day = bounds(event)
    named = any(s.hit.kind == "dateline" and s.hit.month == day[0].month and s.hit.day == day[0].day for s in stamps)
    return low == high and day[0] == day[1] and (low - day[0]).days == 1 and named


def _updated_that_day(dateline: Stamp, usable: list[Stamp]) -> tuple[str, str, list[str]] | None:
    """A year-less dateline's day in the year of an update stamp a few days or hours after it ("ANI | Updated: Jan 28,
    2021 06:35 IST" over "Paris [France], January 28 (ANI):"): a wire story is updated within days, not a year later."""
    update = next((s for s in usable if s.role == "update" and s.hit.day is not None and s.hit.year is not None), None)
    if update is None:
        return None
    until = bounds(update.hit.value)[1]
    day = latest_day(dateline.hit.month, dateline.hit.day, until, inclusive=True)
    if day is None or (until - day).days > UPDATED_WITHIN_DAYS:
        return None
    evidence = [
        f"Dateline {cite(dateline.quote, dateline.hit.line)} gives no year; {stamp_evidence(update)}",
        f"The last such day by the update is {day}, {(until - day).days} day(s) before it: the story's day.",
    ]
    return day.isoformat(), "dateline+update", evidence


UPDATED_WITHIN_DAYS = 7  # how long after its dateline's day a wire story's update stamp may come
# A record's name, the genre of what the headline's day is the date of: "Regular Press Conference on July 17, 2020".
_RECORD_WORDS = frozenset(GENRE_WORDS)


def _headline_record_day(document: Document, prose: tuple[Hit, ...]) -> Hit | None:
    """The one full day a headline names, when the headline names a record of a press office ("Spokesperson X's
    Regular Press Conference on July 17, 2020"): a record's headline gives its own day. None otherwise."""
    if document.headline is None:
        return None
    days = [h for h in prose if h.line == document.headline.number and h.day is not None and h.year is not None and h.value]
    words = {word.casefold() for word in document.headline.text.split()}
    return days[0] if len(days) == 1 and words & _RECORD_WORDS and not is_deadline(days[0]) and not is_ahead(days[0]) else None


def _own_date_line(page: Stamp, records: list[Stamp], document: Document) -> Stamp | None:
    """A date line below the headline naming a day other than the page's metadata date glued above it (" date 2015-04-10
    Department of Defense" over "April 17, 2017"): what the page shows outweighs what its scraped metadata says."""
    if document.headline is None or page.hit.line >= document.headline.number or not GLUED_DATE.match(page.quote):
        return None
    below = next((s for s in records if s.hit.line > document.headline.number and s.hit.day is not None and s.hit.year is not None), None)
    return below if below is not None and below.hit.value != page.hit.value else None


def _first_below(records: list[Stamp], document: Document) -> Stamp | None:
    """Of date lines naming different days, the first below the headline when it names a day: the page's own date
    line, the others a record's ("Tuesday, December 22, 2009" of the briefing a page of December 23 carries)
    or a box's above the headline. None when they agree, or nothing tells them apart."""
    if document.headline is None or len(_precise(records)) < 2:
        return None
    below = [s for s in records if s.hit.line > document.headline.number]
    return below[0] if below and below[0].hit.day is not None and below[0].hit.year is not None else None


def _from_records(records: list[Stamp]) -> tuple[str, str, list[str]]:
    """Publication date from date lines and datelines; disagreeing ones give a set."""
    values = _precise(records)
    kinds = list(dict.fromkeys(s.hit.kind for s in records if s.hit.value in values))
    evidence = [stamp_evidence(stamp) for stamp in records]
    if len(values) > 1:
        evidence.append("They disagree and nothing says which is the publication date, so any of them may be.")
    return one_of(values), "+".join(kinds), evidence


def _precise(records: list[Stamp]) -> list[str]:
    """The records' values, dropping a vaguer one ("2021-02") that a more precise one ("2021-02-19") falls in."""
    values = list(dict.fromkeys(s.hit.value for s in records))
    # Values are "YYYY", "YYYY-MM" or "YYYY-MM-DD", so a value a more precise one falls in is the start of it.
    vaguer = {value[:cut] for value in values for cut in (4, 7) if len(value) > cut}
    return [value for value in values if value not in vaguer]


def _record_event(published: str, records: list[Stamp], yearless: list[Stamp]) -> tuple[str | None, list[str]]:
    """With a page date known, a date line or dateline naming another day is the event's date."""
    low, high = bounds(published)
    evidence = []
    others = []
    for stamp in records:
        start, end = bounds(stamp.hit.value)
        if start <= high and low <= end:
            evidence.append(f"{cite(stamp.quote, stamp.hit.line)} agrees.")
        else:
            others.append(stamp.hit.value)
            evidence.append(f"{cite(stamp.quote, stamp.hit.line)}, {stamp.why}, names another day: the event's date.")
    for stamp in yearless:
        day = latest_day(stamp.hit.month, stamp.hit.day, high, inclusive=True) if low == high else None
        if day == low:
            evidence.append(f"{cite(stamp.quote, stamp.hit.line)} agrees.")
        elif day is not None:
            others.append(day.isoformat())
            evidence.append(
                f"{cite(stamp.quote, stamp.hit.line)} names {day}, the last such day by the page date: "
                "the event's date."
            )
    return (one_of(others) if others else None), evidence


def _from_update(stamp: Stamp, prose: tuple[Hit, ...]) -> tuple[str, str, list[str]]:
    """With only an update stamp, the text was published by then, and after the latest past day it tells."""
    until = bounds(stamp.hit.value)[1]
    evidence = [f"{stamp_evidence(stamp)} It is the only stamp, so the text was published on or before it."]
    latest = latest_past(prose, lambda h: h.day is not None and bounds(h.value)[1] <= until)
    if latest is None:
        return f"../{stamp.hit.value}", "update", evidence
    since = bounds(latest.value)[0]
    evidence.append(f"The latest past day the text tells is {cite(phrase(latest), latest.line)}, so it was published on or after it.")
    if since == until:
        return since.isoformat(), "update", evidence
    return f"{since.isoformat()}/{stamp.hit.value}", "update", evidence


def _before_ahead(coming: Hit, prose: tuple[Hit, ...]) -> tuple[str, str, list[str]]:
    """With only a day still to come, the text was published before it, and no earlier than the latest past date it tells."""
    until = bounds(coming.value)[0] - datetime.timedelta(days=1)
    evidence = [f"{cite(phrase(coming), coming.line)} is still to come in the text: it was published before that day."]
    latest = latest_past(prose, lambda h: bounds(h.value)[1] <= until)
    if latest is None:
        return f"../{until}", "ahead", evidence
    evidence.append(f"The latest past date the text tells is {cite(phrase(latest), latest.line)}, so it was published no earlier.")
    return f"{latest.value}/{until}", "ahead", evidence


def _cue_event(published: str, cues: list[Cue]) -> tuple[str | None, list[str]]:
    """The first relative date that can be counted from the publication date: the event's date, or a check that fits."""
    low, high = bounds(published)
    for cue in cues:
        cited = cite(cue.quote, cue.line)
        if cue.month is not None:
            # Counting back from each end only makes sense when they are a year or less apart.
            if (high - low).days > 366:
                continue
            days = {latest_day(cue.month, cue.day, bound, inclusive=False) for bound in (low, high)} - {None}
            if days:
                value = one_of([day.isoformat() for day in days if day is not None])
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


def _seen(prose: tuple[Hit, ...], cues: tuple[Cue, ...], story: tuple[Line, ...]) -> list[str]:
    """What an undated text does say about time, so a reader sees why no date was given."""
    seen: list[tuple[int, str]] = []
    for cue in cues:
        if cue.month is not None:
            why = "has no year to count back from"
        elif cue.weekday is not None:
            why = "names a weekday but no date to count from"
        else:
            why = "is relative to a date the text does not give"
        seen.append((cue.line, f"{cite(cue.quote, cue.line)} {why}"))
    for hit in prose:
        if not hit.value:
            seen.append((hit.line, f"{cite(hit.quote, hit.line)} is not a real date"))
        elif is_deadline(hit):
            seen.append((hit.line, f"{cite(phrase(hit), hit.line)} is a deadline, not the article's date"))
        elif hit.month is not None:
            seen.append((hit.line, f"{cite(phrase(hit), hit.line)} is a date in running text, not a date line"))
    for line in story:
        for match in BARE_MONTH.finditer(line.text):
            seen.append((line.number, f"{cite(match.group(0), line.number)} names a month without a year"))
    seen.sort(key=lambda item: item[0])
    shown = [text for _, text in seen[:8]]
    return shown + ([f"and {len(seen) - 8} more"] if len(seen) > 8 else [])
