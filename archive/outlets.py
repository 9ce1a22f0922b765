"""Which outlet wrote a seed: a marker it prints, else the office of the official whose words it records (pure)."""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from dataclasses import dataclass

from archive.edtf import edtf_bounds
from archive.extract import fold, is_role_label, label_person, name_index
from archive.markers import marker_literal, marker_regexp, marker_text_regexp
from archive.model import Document, Finding, Problem, Registry, SeedText, Source, SpeakerFinding, Term, warning


@dataclass(frozen=True, slots=True)
class MarkerHit:
    """A source marker found on a line of a seed."""

    line: int
    source: str  # the source's id
    role: str  # "origin" | "republisher" | "credit" (a credit line naming the outlet that wrote the text)
    text: str  # what it matched


# A line crediting the text to an outlet: "By REUTERS", "  • By Al Jazeera", "Source: Foreign Affairs".
CREDIT_LINE = re.compile(r"^[\s•·*-]*(?:by\s+|source:\s*)(?P<name>\S.*?)\.?\s*$", re.IGNORECASE)


def find_markers(text: SeedText, registry: Registry) -> tuple[MarkerHit, ...]:
    """Every marker of every source and every credit line naming one, in line order, then in registry order."""
    lines = text.lines
    whole = "\n".join(line.text for line in lines)
    found: list[tuple[int, int, int, MarkerHit]] = []  # line, source index, marker index, hit
    for source_index, source in enumerate(registry.sources):
        for marker_index, marker in enumerate(source.markers):
            order = (source_index, marker_index)
            literal = marker_literal(marker.pattern)
            if literal is not None:
                # One search of the whole text skips the lines of a seed that lacks the marker.
                if literal in whole:
                    found += [(line.number, *order, MarkerHit(line.number, source.id, marker.role, literal)) for line in lines if literal in line.text]
                continue
            # Most markers are in no line of a given seed: one search of the whole text says so, not one a line.
            whole_text = marker_text_regexp(marker.pattern)
            if whole_text is not None and whole_text.search(whole) is None:
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
    return tuple(hit for *_, hit in sorted(found, key=lambda item: item[:3]))


@functools.lru_cache(maxsize=8)
def _source_names(sources: tuple[Source, ...]) -> dict[str, int]:
    """Each outlet's name as a credit line may write it (folded; without "The" or a bracketed gloss) to its index."""
    names: dict[str, int] = {}
    for index, source in enumerate(sources):
        name = fold(source.name)
        for variant in (name, re.sub(r"\s*\(.*\)$", "", name)):
            names.setdefault(variant, index)
            names.setdefault(variant.removeprefix("the "), index)
    return names


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
    with the most turns) or is named in its byline block. The outlet is the one whose `offices`
    in sources.yml hold a title that person may have held on the page's date (any of their
    titles when the date is unknown), and that the page gives them when it writes one before
    their name ("SECRETARY BLINKEN"); None when no outlet or more than one fits.
    """
    principal = _principal(document, speakers, registry)
    if principal is None:
        return None
    person = next(p for p in registry.people if p.id == principal[0])
    titled = {role for term in terms if term.person == person.id for role in term.roles}
    bounds = edtf_bounds(date) if date != "unknown" else (datetime.date.min, today)
    if bounds is None:
        return None
    offices = _office_outlets(registry.sources)
    fitting = {}
    for role in titled or person.roles:
        start, end = role.span(today)
        if role.title in offices and start <= bounds[1] and bounds[0] <= end:
            fitting.setdefault(offices[role.title].id, (role, offices[role.title]))
    if len(fitting) != 1:
        return None
    (source_id, (role, source)), = fitting.items()
    evidence = (
        f"no outlet marker; the page records {person.name} ({principal[1]}), {role.title} "
        f"(annotations/people.yml line {person.location.line}), an office {source.name} publishes "
        f"(annotations/sources.yml line {source.location.line})"
    )
    return Finding(source_id, "office", evidence)


@functools.lru_cache(maxsize=8)
def _office_outlets(sources: tuple[Source, ...]) -> dict[str, Source]:
    """Each office to the outlet that publishes it, made once per registry rather than once per article."""
    return {title: source for source in sources for title in source.offices}


def _principal(document: Document, speakers: tuple[SpeakerFinding, ...], registry: Registry) -> tuple[str, str] | None:
    """The registry person a page records, with how: most transcript turns, else the byline block."""
    index = name_index(registry.people)
    turns = Counter(
        person
        for block in document.blocks
        if block.kind == "turn" and not is_role_label(block.label) and (person := label_person(block.label, index))
    )
    if turns:
        (person, count), *rest = turns.most_common(2)
        if rest and rest[0][1] == count:
            return None  # as many turns as another: whose record it is stays open
        return person, f"{count} transcript turn{'s' * (count != 1)}"
    # Not a "Name: ..." line: a news headline quotes so ("Lavrov: We are ready") as a record does.
    found = next((s for s in speakers if s.how == "byline" and s.person), None)
    return (found.person, f"named in the byline block, line {found.line}") if found and found.person else None
