"""Frozen data shared by every stage: locations, problems, seeds, articles, registries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from archive.edtf import edtf_bounds

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a piece of data came from: a path as shown to users and a 1-based line (0: whole file)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning for a contributor; `message` may continue on indented lines."""

    location: Location
    severity: str
    message: str

    def format(self) -> str:
        """`path:line: severity: message`, the form editors and CI logs understand."""
        return f"{self.location}: {self.severity}: {self.message}"

    def github(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown inline on pull requests."""
        text = _workflow_escape(self.message)
        # A property also escapes `:` and `,`, so no file name can end it and start another command.
        path = _workflow_escape(self.location.path).replace(":", "%3A").replace(",", "%2C")
        line = f",line={self.location.line}" if self.location.line else ""
        return f"::{self.severity} file={path}{line}::{text}"

    def sort_key(self) -> tuple[str, int, str]:
        return (self.location.path, self.location.line, self.message)


def _workflow_escape(text: str) -> str:
    """Text as a GitHub Actions workflow command carries it: `%`, CR and LF encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def error(path: str, line: int, message: str) -> Problem:
    """An error at `path:line`."""
    return Problem(Location(path, line), ERROR, message)


def warning(path: str, line: int, message: str) -> Problem:
    """A warning at `path:line`; `--strict` turns it into an error."""
    return Problem(Location(path, line), WARNING, message)


@dataclass(frozen=True, slots=True)
class RawSeed:
    """A seed file's bytes as read from disk; `path` is what messages show."""

    path: str
    name: str
    data: bytes

    @property
    def id(self) -> str:
        """The article's stable id: the file name without its extension."""
        return self.name.rsplit(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Line:
    """A line of decoded seed text with its 1-based line number in the seed file."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A line dropped as site boilerplate, with the rule that dropped it."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of article body: a paragraph, a subheading, or the first paragraph of a transcript turn.

    In a transcript every paragraph carries the label of the turn it belongs to, so a
    turn's later paragraphs still know their speaker; kind "turn" marks where it starts.
    """

    kind: str  # "paragraph" | "heading" | "turn"
    text: str
    line: int
    label: str = ""  # speaker label as written, e.g. "Sergey Lavrov", "QUESTION"; "" outside turns


@dataclass(frozen=True, slots=True)
class SeedText:
    """A decoded, normalised seed: its lines (numbered as in the file) and how it was decoded."""

    raw: RawSeed
    encoding: str
    sha256: str
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A seed split into headline, body blocks and removed boilerplate; no metadata yet."""

    text: SeedText
    headline: Line | None
    blocks: tuple[Block, ...]
    removed: tuple[Removal, ...]
    truncated: bool = False  # the text ends mid-sentence: the scrape was probably cut off


@dataclass(frozen=True, slots=True)
class Finding:
    """An extracted value and how it was found, so every page can show its evidence."""

    value: str
    method: str  # e.g. "headline", "derived", "iso-timestamp", "dateline", "marker", "correction", "unknown"
    evidence: str


@dataclass(frozen=True, slots=True)
class DateFinding:
    """Publication date and, where different, event date, both EDTF strings or "unknown"."""

    published: str
    event: str | None
    method: str
    evidence: str
    republished: str | None = None  # a republisher's or crawler's date, never taken as `published`


@dataclass(frozen=True, slots=True)
class Role:
    """A title a person held: `start` and `end` are EDTF dates, None when not known or (`end`) still held."""

    title: str
    start: str | None
    end: str | None
    location: Location

    def _bounds(self) -> tuple[tuple[datetime.date, datetime.date] | None, tuple[datetime.date, datetime.date] | None]:
        """The days the start and the end each allow; None for one not given."""
        return (edtf_bounds(self.start) if self.start else None, edtf_bounds(self.end) if self.end else None)

    def span(self, today: datetime.date) -> tuple[datetime.date, datetime.date]:
        """The widest days the term can cover: from the earliest start its date allows to the latest end, or today."""
        start, end = self._bounds()
        return (start[0] if start else datetime.date.min, end[1] if end else today)

    def after(self, today: datetime.date) -> tuple[datetime.date, datetime.date]:
        """The days from the earliest the term can have ended to today: when someone "former" in it is written of."""
        _, end = self._bounds()
        return (end[0] if end else today, today)

    def held_throughout(self, earliest: datetime.date, latest: datetime.date) -> bool:
        """Whether the title was surely held on every day from earliest to latest (an uncertain start or end counts late or early)."""
        start, end = self._bounds()
        if start is None or (self.end and end is None):
            return False
        return start[1] <= earliest and (end is None or latest <= end[0])


@dataclass(frozen=True, slots=True)
class Term:
    """A title written before a registry person's name ("Secretary Blinken"), and the roles of theirs it fits."""

    person: str
    quote: str
    line: int
    roles: tuple[Role, ...]
    former: bool = False  # "former Secretary Kerry": the text is from after the roles ended


@dataclass(frozen=True, slots=True)
class Person:
    """A person in annotations/people.yml: canonical name, name variants and roles with their terms."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    location: Location

    def titles_on(self, date: str) -> tuple[str, ...]:
        """The titles surely held on every day an EDTF date allows, in registry order; () when none or not known."""
        bounds = edtf_bounds(date) if date else None
        if bounds is None:
            return ()
        return tuple(role.title for role in self.roles if role.held_throughout(*bounds))


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic in annotations/topics.yml with the phrases that signal it."""

    id: str
    name: str
    keywords: tuple[str, ...]
    location: Location


@dataclass(frozen=True, slots=True)
class SourceMarker:
    """Text that, found in a seed, names its outlet; `pattern` is a regular expression."""

    pattern: str
    role: str  # "origin" (the outlet that wrote it) | "republisher"


@dataclass(frozen=True, slots=True)
class Source:
    """An outlet in annotations/sources.yml."""

    id: str
    name: str
    kind: str
    country: str
    home: str
    markers: tuple[SourceMarker, ...]
    location: Location
    offices: tuple[str, ...] = ()  # role titles (people.yml) whose holders' words this outlet publishes


@dataclass(frozen=True, slots=True)
class Registry:
    """People, topics and sources known to the archive."""

    people: tuple[Person, ...] = ()
    topics: tuple[Topic, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakerFinding:
    """A person who speaks or is quoted: a registry id, or None with the name as found."""

    person: str | None
    name: str
    line: int
    how: str  # "turn" | "attribution" | "byline" | "label" (a line opening "Name: ...") | "signature" (the last line)


@dataclass(frozen=True, slots=True)
class TopicFinding:
    """A topic and the phrases that matched it, with counts."""

    topic: str
    matches: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Article:
    """A seed with all extracted metadata: the unit rendered as one page."""

    id: str
    document: Document
    title: Finding
    date: DateFinding
    source: Finding
    republisher: Finding | None
    speakers: tuple[SpeakerFinding, ...]
    mentioned: tuple[str, ...]
    topics: tuple[TopicFinding, ...]
    language: Finding
    words: int
    problems: tuple[Problem, ...] = field(default=())
    correction: Correction | None = None  # the curated file that overrode some fields, if any


@dataclass(frozen=True, slots=True)
class Correction:
    """annotations/articles/<article-id>.yml: facts the text cannot give, overriding extraction.

    Every field is optional; None (or an empty tuple) means "no correction".
    """

    article: str
    location: Location
    title: str | None = None
    date: str | None = None
    date_evidence: str | None = None
    event_date: str | None = None
    source: str | None = None
    source_evidence: str | None = None
    republisher: str | None = None
    url: str | None = None
    archived_url: str | None = None
    retrieved: str | None = None
    language: str | None = None
    speakers_add: tuple[str, ...] = ()
    speakers_remove: tuple[str, ...] = ()
    topics_add: tuple[str, ...] = ()
    topics_remove: tuple[str, ...] = ()
    notes: str | None = None
    field_lines: tuple[tuple[str, int], ...] = ()  # (field, line) for messages about one field


@dataclass(frozen=True, slots=True)
class EventArticle:
    """An article's part in an event: primary-record, report, rewrite or republication."""

    article: str
    role: str
    note: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class Event:
    """annotations/events/<event-id>.yml: one real-world event and the articles that cover it."""

    id: str
    title: str
    date: str
    place: str | None
    description: str | None
    articles: tuple[EventArticle, ...]
    location: Location


@dataclass(frozen=True, slots=True)
class Link:
    """A typed link written on a statement: same-statement, repeats, updates, contradicts, responds-to, context."""

    source: str
    target: str
    type: str
    note: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class Statement:
    """A quoted passage anchored in an article by its exact text (W3C TextQuoteSelector style)."""

    id: str
    article: str
    quote: str
    prefix: str | None
    suffix: str | None
    speaker: str
    date: str | None
    topics: tuple[str, ...]
    note: str | None
    links: tuple[Link, ...]
    location: Location
    quote_line: int  # the line of the `quote:` key, for quote-matching messages
    field_lines: tuple[tuple[str, int], ...] = ()  # ("speaker", 14), ("topic:nato", 16): where each value was written


@dataclass(frozen=True, slots=True)
class Annotations:
    """Every curated annotation file, parsed (not yet checked against the articles)."""

    corrections: tuple[Correction, ...] = ()
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkView:
    """A link as one statement shows it: written on it, or a backlink written on the other one."""

    other: str
    relation: str  # as read from this statement: "repeats", "repeated-by", "same-statement", ...
    note: str | None
    written_here: bool
    location: Location


@dataclass(frozen=True, slots=True)
class LinkedStatement:
    """A statement with the place its quote occupies in its article and every link touching it."""

    statement: Statement
    block: int
    start: int
    end: int
    links: tuple[LinkView, ...]


@dataclass(frozen=True, slots=True)
class Archive:
    """Everything the site is rendered from: articles (newest first), registry and curated links."""

    articles: tuple[Article, ...]
    registry: Registry
    events: tuple[Event, ...] = ()
    statements: tuple[LinkedStatement, ...] = ()
