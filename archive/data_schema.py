"""The tables of the open data (data/ in the site) and every column's meaning: one definition for JSON, CSV, SQLite and their docs."""

from __future__ import annotations

from dataclasses import dataclass

# Raised when a column is removed, renamed or changes meaning; adding a table or a column keeps it.
SCHEMA_VERSION = 1
TYPES = {
    "text": "a string",
    "integer": "a whole number",
    "boolean": "true or false (1 or 0 in SQLite)",
    "list": "a list of strings (in CSV one item a line, in SQLite a JSON array)",
}


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, type (a key of TYPES), whether it may be null, and what it holds."""

    name: str
    type: str
    description: str
    nullable: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """One table, the same in every format; `key` names the columns that identify a row."""

    name: str
    description: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


EDTF = "an EDTF date as the page shows it (`2026-02-06`, `2021-02`, `2021-02-19?`, `a/b`), or `unknown`"
PAGE = "the page that shows it, relative to the site's root"

TABLES = (
    Table("articles", "One row a seed: the metadata its page shows, as extracted or corrected.", ("id",), (
        Column("id", "text", "the article's permanent id: its seed file's name without `.txt`"),
        Column("title", "text", "the headline, or a title the archive made from the lead (see title_method)"),
        Column("title_method", "text", "how the title was found: `headline`, `derived`, `correction`, `unknown`"),
        Column("date", "text", f"the publication date: {EDTF}"),
        Column("date_earliest", "text", "the earliest day `date` allows, YYYY-MM-DD; null when unknown", nullable=True),
        Column("date_latest", "text", "the latest day `date` allows, YYYY-MM-DD; null when unknown", nullable=True),
        Column("date_method", "text", "how the date was found, e.g. `dateline`, `iso-timestamp`, `correction`, `unknown`"),
        Column("event_date", "text", "the date of the event reported, when the text gives one that differs from `date`", nullable=True),
        Column("republished", "text", "a republisher's or crawler's date, never taken as `date`", nullable=True),
        Column("source", "text", "the outlet that wrote it: an id of the sources table, or `unknown`"),
        Column("source_method", "text", "how the outlet was found, e.g. `marker`, `office`, `correction`, `unknown`"),
        Column("republisher", "text", "an outlet (sources id) that republished it", nullable=True),
        Column("language", "text", "the language of the text, an ISO 639-1 code; `und` when it cannot be told"),
        Column("words", "integer", "the number of words of the text"),
        Column("truncated", "boolean", "the text ends mid-sentence: the page was probably cut off when collected"),
        Column("speakers", "list", "people (ids of the people table) who speak or are quoted"),
        Column("unregistered_speakers", "list", "names of speakers not in the people table, as written"),
        Column("mentioned", "list", "people (ids of the people table) named but not quoted"),
        Column("topics", "list", "topics (ids of the topics table) found in the text or set by a correction"),
        Column("seed", "text", "the seed file in the repository's seeds/ folder"),
        Column("sha256", "text", "the SHA-256 of the seed file's bytes"),
        Column("url", "text", "the article's original address, from a curated correction", nullable=True),
        Column("archived_url", "text", "an archived copy's address, from a curated correction", nullable=True),
        Column("retrieved", "text", "when the text was collected, from a curated correction", nullable=True),
        Column("correction", "text", "the curated correction file that overrides some values", nullable=True),
        Column("page", "text", PAGE),
    )),
    Table("paragraphs", "The text of every article as its page shows it: one row a paragraph, subheading or transcript turn.", ("article", "number"), (
        Column("article", "text", "the article (articles id)"),
        Column("number", "integer", "the paragraph's place in the article, from 1"),
        Column("kind", "text", "`paragraph`, `heading`, or `turn` (a paragraph that starts a speaker's turn in a transcript)"),
        Column("speaker_label", "text", "in a transcript, the label of the turn it belongs to, as written (`Sergey Lavrov`, `QUESTION`)", nullable=True),
        Column("line", "integer", "its first line in the seed file"),
        Column("text", "text", "the paragraph's text, exactly as matched by statements"),
    )),
    Table("people", "The registry of people (annotations/people.yml).", ("id",), (
        Column("id", "text", "the person's id"),
        Column("name", "text", "the name the archive uses"),
        Column("aliases", "list", "other spellings and forms of the name matched in the texts"),
    )),
    Table("roles", "The offices each person held, as people.yml dates them.", ("person", "number"), (
        Column("person", "text", "the person (people id)"),
        Column("number", "integer", "the role's place in the person's list, from 1"),
        Column("title", "text", "the office, e.g. `Minister of Foreign Affairs of the Russian Federation`"),
        Column("start_date", "text", "when it began, EDTF", nullable=True),
        Column("end_date", "text", "when it ended, EDTF; null while held or when not known", nullable=True),
    )),
    Table("topics", "The registry of topics (annotations/topics.yml).", ("id",), (
        Column("id", "text", "the topic's id"),
        Column("name", "text", "its name"),
        Column("keywords", "list", "the phrases that signal it in a text"),
    )),
    Table("sources", "The registry of outlets (annotations/sources.yml); the markers that recognise them stay in that file.", ("id",), (
        Column("id", "text", "the outlet's id"),
        Column("name", "text", "its name"),
        Column("kind", "text", "e.g. `wire`, `newspaper`, `ministry`, `international-organization`, `think-tank`"),
        Column("country", "text", "ISO 3166-1 code; null for an international organisation", nullable=True),
        Column("home", "text", "its home page", nullable=True),
        Column("offices", "list", "role titles (roles table) whose holders' words it publishes"),
    )),
    Table("events", "Real-world events (annotations/events/) and the articles that cover them (event_articles).", ("id",), (
        Column("id", "text", "the event's id"),
        Column("title", "text", "its title"),
        Column("date", "text", f"when it happened: {EDTF}"),
        Column("place", "text", "where", nullable=True),
        Column("description", "text", "a curator's description", nullable=True),
        Column("page", "text", PAGE),
    )),
    Table("event_articles", "Which articles cover which event, and in which role.", ("event", "article"), (
        Column("event", "text", "the event (events id)"),
        Column("article", "text", "the article (articles id)"),
        Column("role", "text", "`primary-record`, `report`, `rewrite` or `republication`"),
        Column("note", "text", "a curator's note", nullable=True),
    )),
    Table("statements", "Quoted passages (annotations/statements/), each found exactly once in its article.", ("id",), (
        Column("id", "text", "the statement's id"),
        Column("article", "text", "the article it is quoted from (articles id)"),
        Column("speaker", "text", "who said it (people id)"),
        Column("date", "text", "when it was said, EDTF; null when it is the article's date", nullable=True),
        Column("topics", "list", "topics (topics id) a curator set; empty: the article's"),
        Column("quote", "text", "the exact words, as they stand in the article's text"),
        Column("prefix", "text", "words just before the quote that pick one of its occurrences", nullable=True),
        Column("suffix", "text", "words just after the quote that pick one of its occurrences", nullable=True),
        Column("note", "text", "a curator's note", nullable=True),
        Column("paragraph", "integer", "the paragraph of the article it stands in (paragraphs number)"),
        Column("page", "text", "the page, at the highlighted quote, relative to the site's root"),
    )),
    Table("links", "Typed links between statements, as written on the statement they start from.", ("source", "target", "type"), (
        Column("source", "text", "the statement the link is written on (statements id)"),
        Column("target", "text", "the statement it points to (statements id)"),
        Column("type", "text", "`same-statement`, `repeats`, `updates`, `contradicts`, `responds-to` or `context`"),
        Column("note", "text", "a curator's note", nullable=True),
    )),
)
