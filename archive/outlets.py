"""Which outlet wrote a seed: a marker it prints, else the office of the official whose words it records (pure)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from archive.edtf import edtf_bounds
from archive.extract import FOLDED_TITLE_TOKENS, FUNCTION_WORDS, fits_title, fold, name_index, role_words, title_words, turn_speakers
from archive.markers import marker_literal, marker_regexp, marker_screen, marker_text_regexp
from archive.memo import by_identity
from archive.model import Document, Finding, Line, Person, Problem, Registry, Role, SeedText, Source, SpeakerFinding, Term, warning
from archive.rules import BYLINE_BLOCK, GLUED_DATE
from archive.structure import site_title


@dataclass(frozen=True, slots=True)
class MarkerHit:
    """A source marker found on a line of a seed."""

    line: int
    source: str  # the source's id
    role: str  # "origin" | "republisher" | "credit" (a credit line naming the outlet that wrote the text)
    text: str  # what it matched


# A line crediting the text to an outlet: "By REUTERS", "  • By Al Jazeera", "Source: Foreign Affairs", and as Chinese
# sites write it, run together with the editor's name: "来源:CGTN.COM责任编辑:Chen Zhuo" (source ..., editor in charge ...).
CREDIT_LINE = re.compile(r"^[\s•·*-]*(?:by\s+|source:\s*|来源\s*[:：]\s*)(?P<name>\S.*?)\.?\s*(?:责任编辑\s*[:：].*)?$", re.IGNORECASE)
# A lead that says an outlet issued the text it carries: "Washington, DC (X News) The US Department of State released
# the following statement:"; the outlet named is the writer.
RELEASED_BY = re.compile(
    r"(?:^|[\s)])(?:[Tt]he\s+)?(?P<name>[A-Z][\w.’'&-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w.’'&-]*)){0,8}?)\s+"
    r"(?:has\s+)?(?:released|issued|published|provided)\s+the\s+following\b"
)
# A dateline crediting its story: "MOSCOW, September 3 (RIA Novosti) -", "Moscow [Russia] August 22 (ANI/Sputnik):",
# "MOSCOW, July 6 AFP -": a place, a day, and the wire in brackets or in capitals; "ANI/Sputnik" is Sputnik's copy ANI carries.
DATELINE_CREDIT = re.compile(
    r"^[A-Z][\w'’.-]+(?:[ /][A-Z][\w'’.-]+){0,3}(?:\s\[[^\]]{1,30}\])?(?:,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2})?,?\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?\s+(?:\((?P<credit>[^()]{2,40})\)|(?P<bare>[A-Z]{2,10}))"
    r"|\((?P<undated>[^()]{2,40})\))\s*[-–—:]"
)


def find_markers(text: SeedText, registry: Registry) -> tuple[MarkerHit, ...]:
    """Every marker of every source and every credit line naming one, in line order, then in registry order.

    A line with the page's date glued before it (" date 2026-02-05 The following statement ...") is read
    without the date too, so that a marker of how a line begins still finds it.
    """
    lines = _with_unglued(text.lines)
    whole = "\n".join(line.text for line in lines)
    found: list[tuple[int, int, int, MarkerHit]] = []  # line, source index, marker index, hit
    screened, entries = _screened(registry.sources)
    present = None if screened is None else {entries[k] for k in screened.Match(whole) or ()}
    for source_index, source in enumerate(registry.sources):
        for marker_index, marker in enumerate(source.markers):
            order = (source_index, marker_index)
            literal = marker_literal(marker.pattern)
            if literal is not None:
                # One search of the whole text skips the lines of a seed that lacks the marker.
                if literal in whole:
                    found += [(line.number, *order, MarkerHit(line.number, source.id, marker.role, literal)) for line in lines if literal in line.text]
                continue
            # Most markers are in no line of a given seed: one pass of the whole text for them all says so.
            whole_text = marker_text_regexp(marker.pattern)
            if whole_text is not None and (order not in present if present is not None else whole_text.search(whole) is None):
                continue
            regexp = marker_regexp(marker.pattern)
            for line in lines:
                match = regexp.search(line.text)
                if match:
                    found.append((line.number, *order, MarkerHit(line.number, source.id, marker.role, match.group(0))))
    names = _source_names(registry.sources)
    for line in lines:
        credit = CREDIT_LINE.match(line.text)
        if credit and (source_index := names.get(fold(credit.group("name")))) is not None:
            found.append((line.number, source_index, -1, MarkerHit(line.number, registry.sources[source_index].id, "credit", line.text.strip())))
        elif (wire := _dateline_wire(line.text, names)) is not None:
            source_index, quote = wire
            found.append((line.number, source_index, -1, MarkerHit(line.number, registry.sources[source_index].id, "credit", quote)))
        elif (issuer := _released_by(line.text, names)) is not None:
            source_index, quote = issuer
            found.append((line.number, source_index, -1, MarkerHit(line.number, registry.sources[source_index].id, "credit", quote)))
        elif (titled := site_title(line.text.strip())) and (source_index := _titled_outlet(titled, names)) is not None:
            # The site's own title, its acronym and name ("NATO - North Atlantic Treaty Organization"): its furniture.
            found.append((line.number, source_index, -1, MarkerHit(line.number, registry.sources[source_index].id, "origin", line.text.strip())))
    unique = dict.fromkeys(hit for *_, hit in sorted(found, key=lambda item: item[:3]))  # a line and its unglued form may both match
    return tuple(unique)


def _with_unglued(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines, each followed by its text without a glued page date when it has one (GLUED_DATE)."""
    out = []
    for line in lines:
        out.append(line)
        glued = GLUED_DATE.fullmatch(line.text)
        if glued:
            out.append(Line(line.number, glued.group("rest")))
    return tuple(out)


def _titled_outlet(titled: tuple[str, str], names: dict[str, int]) -> int | None:
    """The registered outlet a site's title names by its acronym or its name, or None."""
    acronym, name = (fold(part) for part in titled)
    return names.get(acronym, names.get(name))


def _released_by(text: str, names: dict[str, int]) -> tuple[int, str] | None:
    """The registered outlet a lead says released the text that follows, and the words that say so."""
    released = RELEASED_BY.search(text)
    if released is None:
        return None
    name = fold(released.group("name")).replace(".", "")
    found = names.get(name)
    return (found, released.group(0).strip()) if found is not None else None


@by_identity(maxsize=8)
def _screened(sources: tuple[Source, ...]) -> tuple[object | None, tuple[tuple[int, int], ...]]:
    """The RE2 set of every pattern marker a whole-text search can screen for, and the (source, marker) of each entry."""
    entries = tuple((si, mi) for si, source in enumerate(sources) for mi, marker in enumerate(source.markers)
                    if marker_literal(marker.pattern) is None and marker_text_regexp(marker.pattern) is not None)
    patterns = tuple(sources[si].markers[mi].pattern for si, mi in entries)
    return (marker_screen(patterns) if patterns else None), entries


def _dateline_wire(text: str, names: dict[str, int]) -> tuple[int, str] | None:
    """The registered outlet a dateline credits (of "ANI/Sputnik", the last registered: the writer a wire relays), and the dateline."""
    dateline = DATELINE_CREDIT.match(text)
    if dateline is None:
        return None
    credit = dateline.group("credit") or dateline.group("bare") or dateline.group("undated")
    registered = [names[part] for part in map(fold, credit.split("/")) if part.strip() in names]
    return (registered[-1], dateline.group(0).strip()) if registered else None


@by_identity(maxsize=8)
def _source_names(sources: tuple[Source, ...]) -> dict[str, int]:
    """Each outlet's name as a credit line may write it (folded; without "The", without or as its bracketed gloss) to its index."""
    names: dict[str, int] = {}
    for index, source in enumerate(sources):
        name = fold(source.name)
        gloss = re.search(r"\((.*)\)$", name)
        for variant in (name, re.sub(r"\s*\(.*\)$", "", name), *([gloss.group(1)] if gloss else [])):
            for written in (variant, variant.replace(".", "")):  # "U.S. Department of State" is "US Department of State"
                names.setdefault(written, index)
                names.setdefault(written.removeprefix("the "), index)
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", fold(source.home)).split("/")[0]
        if host:
            names.setdefault(host, index)  # a credit by the site's address: "来源:CGTN.COM"
    return names


def name_lines(text: SeedText, registry: Registry) -> frozenset[int]:
    """Lines that are only a registered outlet's name, as a site prints its own in its header: furniture, not a headline."""
    names = _source_names(registry.sources)
    return frozenset(line.number for line in text.lines if (written := fold(line.text.strip())) and (written in names or written.replace(".", "") in names))


def furniture_lines(text: SeedText, hits: tuple[MarkerHit, ...]) -> frozenset[int]:
    """Lines that are all an outlet's marker: its furniture (a banner, a site name), never the headline.

    A marker that is only part of its line ("Comment by the Information and Press Department on ...",
    a dateline opening a lead) may be the headline or the text.
    """
    texts = {line.number: line.text.strip() for line in text.lines}
    return frozenset(hit.line for hit in hits if hit.text.strip() == texts.get(hit.line))


def extract_source(
    text: SeedText, registry: Registry, hits: tuple[MarkerHit, ...] | None = None
) -> tuple[Finding, Finding | None, tuple[Problem, ...]]:
    """The outlet that wrote the text and the one that republished it, from markers in any line.

    A credit line ("By REUTERS", "Source: Foreign Affairs") names the writer, so it comes before
    the furniture of a site that carries the text. `hits` are find_markers(text, registry),
    found here when not given.
    """
    hits = find_markers(text, registry) if hits is None else hits
    naming = [hit for hit in hits if hit.role in ("credit", "origin")]
    origins = [hit for hit in naming if hit.role == "credit"] or naming
    republishers = [hit for hit in hits if hit.role == "republisher"]
    first = lambda hit: (hit.line, hit.source, hit.text)  # noqa: E731  (on one line, the first outlet by id)
    origin = _first_source(sorted(origins, key=first))
    republisher = _first_source(sorted(republishers, key=first)) if republishers else None
    problems = tuple(
        warning(text.raw.path, hit.line, f"marker {hit.text!r} names source '{hit.source}' too; the page keeps '{origin.value}' (line {origins[0].line}); add a correction in annotations/articles/ if that is wrong")
        for hit in naming
        if hit.source != origin.value
    )
    return origin, republisher, problems


def _first_source(hits: list[MarkerHit]) -> Finding:
    if not hits:
        return Finding("unknown", "unknown", "no marker of a known outlet (annotations/sources.yml) in the text")
    what = {"republisher": "republisher marker", "credit": "credit line"}.get(hits[0].role, "outlet marker")
    return Finding(hits[0].source, "marker", f"{what} {hits[0].text!r} on line {hits[0].line}")


def source_from_office(
    document: Document,
    speakers: tuple[SpeakerFinding, ...],
    terms: tuple[Term, ...],
    date: str,
    registry: Registry,
    today: datetime.date,
) -> Finding | None:
    """The outlet that publishes the office of the official a page records, for a page no marker names.

    A page records an official when a registry person speaks in its transcript turns (the one
    with the most turns, or each of those with as many), is named in its byline block, or is
    named after "by" in a record's headline ("Remarks by President Biden on ..."). The outlet is
    the one whose `offices` in sources.yml hold a title such a person may have held on the page's
    date (any of their titles when the date is unknown), and that the page gives them when it
    writes one before their name ("SECRETARY BLINKEN"); None when no outlet or more than one fits.
    A record's headline that names an office and no one ("Statement by the High Representative")
    is that office's, if only one outlet publishes an office of that title.
    """
    offices = _office_outlets(registry.sources)
    principals = _principals(document, speakers, registry)
    if not principals:
        return _office_in_headline(document, offices)
    bounds = edtf_bounds(date) if date != "unknown" else (datetime.date.min, today)
    if bounds is None:
        return None
    people = {p.id: p for p in registry.people}
    fitting: dict[str, tuple[Person, Role, Source]] = {}
    for ident, _ in principals:
        person = people[ident]
        titled = {role for term in terms if term.person == ident for role in term.roles}
        theirs: dict[str, tuple[Person, Role, Source]] = {}
        for role in (role for role in person.roles if role in titled or not titled):  # in the registry's order
            start, end = role.span(today)
            if role.title in offices and start <= bounds[1] and bounds[0] <= end:
                theirs.setdefault(offices[role.title].id, (person, role, offices[role.title]))
        if not theirs:
            return None  # one of those recorded holds no office an outlet publishes: whose record it is stays open
        fitting = {**theirs, **fitting}
    if len(fitting) != 1:
        return None
    (source_id, (person, role, source)), = fitting.items()
    how = dict(principals)[person.id]
    evidence = (
        f"no outlet marker; the page records {person.name} ({how}), {role.title} "
        f"(annotations/people.yml line {person.location.line}), an office {source.name} publishes "
        f"(annotations/sources.yml line {source.location.line})"
    )
    return Finding(source_id, "office", evidence)


def _office_in_headline(document: Document, offices: dict[str, Source]) -> Finding | None:
    """The outlet of the one office a record's headline names after "by", with no person: "Statement by the High Representative on ..."."""
    record = RECORD_HEADLINE.match(document.headline.text.strip()) if document.headline else None
    office = OFFICE_NAMED.match(record.group("by")) if record else None
    if document.headline is None or office is None:
        return None
    written = title_words(office.group("office"))
    fitting = {source.id: (title, source) for title, source in offices.items() if fits_title(written, title)}
    if len(fitting) != 1:
        return None
    (source_id, (title, source)), = fitting.items()
    evidence = (
        f"no outlet marker; the headline (line {document.headline.number}) is a record of the "
        f"{office.group('office').strip()}, the title of one office only, {title}, which {source.name} publishes "
        f"(annotations/sources.yml line {source.location.line})"
    )
    return Finding(source_id, "office", evidence)


# The office a record's headline names after "by": "the High Representative", capitalised words after an optional "the".
OFFICE_NAMED = re.compile(r"(?:the\s+)?(?P<office>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


@by_identity(maxsize=8)
def _office_outlets(sources: tuple[Source, ...]) -> dict[str, Source]:
    """Each office to the outlet that publishes it, made once per registry rather than once per article."""
    return {title: source for source in sources for title in source.offices}


# A record's headline names whose it is: "Remarks by President Biden on ...", "Foreign Affairs Council: Press
# remarks by High Representative Josep Borrell after the meeting", "Statement by the Secretary-General on ...".
RECORD_HEADLINE = re.compile(
    r"^(?:[^:]{1,80}:\s+)?(?:(?:press|opening|closing|joint|keynote|video)\s+)?"
    r"(?:remarks|statement|speech|address|briefing|press conference)\s+by\s+(?P<by>.+)$",
    re.IGNORECASE,
)


# The words before a name that a headline says was met with: "Press Statements following Meeting with President of the United States ".
MET_WITH = re.compile(r"\bwith\s+((?:[\w.'’-]+\s+){0,8})$")


def _guests(document: Document, registry: Registry) -> set[str]:
    """Registry people a headline names, after "with" and their titles, as those met with: "Talks with President X"."""
    if document.headline is None:
        return set()
    folded = fold(document.headline.text)
    people = {p.id: p for p in registry.people}
    guests = set()
    for start, _, person in name_index(registry.people).find(folded):
        met = MET_WITH.search(folded[max(0, start - 120) : start])
        titles = FOLDED_TITLE_TOKENS | FUNCTION_WORDS | role_words(people[person])
        if met and all(word in titles for word in met.group(1).split()):
            guests.add(person)
    return guests


def _principals(document: Document, speakers: tuple[SpeakerFinding, ...], registry: Registry) -> tuple[tuple[str, str], ...]:
    """The registry people a page records, each with how: those with the most transcript turns, else the
    one in the byline block, else the one a record's headline names."""
    turns = Counter(turn.person for turn in turn_speakers(document, registry) if turn.person)
    if turns:
        most = max(turns.values())
        leading = [person for person, count in turns.items() if count == most]
        # Of two sides with as many turns, the one the headline says was met with is the guest: the record is the host's.
        guests = _guests(document, registry) if len(leading) > 1 else set()
        hosts = [person for person in leading if person not in guests]
        return tuple((person, f"{most} transcript turn{'s' * (most != 1)}") for person in hosts or leading)
    # Not a "Name: ..." line: a news headline quotes so ("Lavrov: We are ready") as a record does.
    found = next((s for s in speakers if s.how == "byline" and s.person), None)
    if found and found.person:
        return ((found.person, f"named in the byline block, line {found.line}"),)
    # The speakers keep where a person is first named, the headline's "Remarks of Assistant Secretary X" over the block's
    # "X": the byline block still says whose record the page is.
    index = name_index(registry.people)
    byline = next(((person, removal.line) for removal in document.removed if removal.rule == BYLINE_BLOCK.name for *_, person in index.find(fold(removal.text))), None)
    if byline:
        return ((byline[0], f"named in the byline block, line {byline[1]}"),)
    record = RECORD_HEADLINE.match(document.headline.text.strip()) if document.headline else None
    named = name_index(registry.people).find(fold(record.group("by"))) if record else []
    return ((min(named)[2], f"named after 'by' in the headline, line {document.headline.number}"),) if named and document.headline else ()
