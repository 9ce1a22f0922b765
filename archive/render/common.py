"""What every page family shares: the lookups a page needs, pages' folders and addresses, front matter, dates and quotes in words."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from archive.edtf import certain_year, date_parts, edtf_bounds
from archive.markup import escape_markdown, link_target
from archive.model import Archive, Article, Event, EventArticle, LinkedStatement, Person, Source, Statement, Topic
from archive.site_paths import article_page

ARCHIVE_NAME = "Statement Archive"  # mkdocs.yml's site_name, as citations name the archive
PEOPLE_DIR = "people"
TOPICS_DIR = "topics"
SOURCES_DIR = "sources"
CHART = "chart.svg"  # the picture of the archive over time (archive/chart.py), on the home page and the timeline
ROLE_LABELS = {
    "primary-record": "primary record",
    "report": "report",
    "rewrite": "rewrite",
    "republication": "republication",
}


@dataclass(frozen=True, slots=True)
class Context:
    """Lookups a page needs beyond its own article: names, events and statements by id."""

    archive: Archive
    people: dict[str, Person]
    topics: dict[str, Topic]
    sources: dict[str, Source]
    articles: dict[str, Article]
    statements: dict[str, LinkedStatement]
    events_of: dict[str, list[tuple[Event, EventArticle]]]
    anchored_in: dict[str, list[LinkedStatement]]
    site_url: str = ""  # where the site is published, "https://host/path/"; "" when not known

    @classmethod
    def of(cls, archive: Archive, site_url: str = "") -> Context:
        events_of: dict[str, list[tuple[Event, EventArticle]]] = {}
        for event in archive.events:
            for member in event.articles:
                events_of.setdefault(member.article, []).append((event, member))
        anchored_in: dict[str, list[LinkedStatement]] = {}
        for linked in sorted(archive.statements, key=lambda s: (s.block, s.start, s.statement.id)):
            anchored_in.setdefault(linked.statement.article, []).append(linked)
        registry = archive.registry
        return cls(
            archive,
            {p.id: p for p in registry.people},
            {t.id: t for t in registry.topics},
            {s.id: s for s in registry.sources},
            {a.id: a for a in archive.articles},
            {s.statement.id: s for s in archive.statements},
            events_of,
            anchored_in,
            site_url,
        )

    def statements_in(self, article_id: str) -> list[LinkedStatement]:
        """Statements anchored in an article, in reading order."""
        return self.anchored_in.get(article_id, [])

    def person(self, person_id: str) -> str:
        """A person's name, or the id itself when the registry does not know it."""
        return self.people[person_id].name if person_id in self.people else person_id

    def source_name(self, article: Article, unknown: str = "unknown") -> str:
        """The name of the outlet that published the article, or `unknown` when the registry has none."""
        source = self.sources.get(article.source.value)
        return source.name if source else unknown

    def statement_date(self, statement: Statement) -> str:
        """A statement's date: its own when curated, else its article's."""
        return statement.date or self.articles[statement.article].date.published


def render_front_matter(data: dict[str, object]) -> str:
    """YAML front matter between --- lines, written by yaml.safe_dump so it always reads back."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return f"---\n{text}---\n"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 event', '2 events', '1,000 articles'."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def year_group(value: str) -> str:
    """The group an article of this date is listed under: its certain year, "Date uncertain" or "Date unknown"."""
    if edtf_bounds(value) is None:
        return "Date unknown"
    year = certain_year(value)
    return "Date uncertain" if year is None else str(year)


def year_groups(articles: Iterable[Article]) -> list[tuple[str, list[Article]]]:
    """Articles grouped by year_group, in their given order within each; years newest first, then uncertain, then unknown."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(year_group(article.date.published), []).append(article)
    return sorted(groups.items(), key=lambda kv: (not kv[0].isdigit(), kv[0] == "Date unknown", -int(kv[0]) if kv[0].isdigit() else 0))


def picture(summary: str, prefix: str) -> str:
    """The chart as a figure: the image says what it is, its caption what it shows (the chart's summary, its text alternative)."""
    alt = "Chart of the archive's articles and statements over time, by topic; summarised below"
    return (f'<figure class="archive-chart" markdown>\n![{alt}]({link_target(prefix + CHART)})\n'
            f"<figcaption>{escape_markdown(summary)}</figcaption>\n</figure>")


def shorten(text: str, words: int = 14) -> str:
    """The text's first `words` words, with " …" when it had more."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def page_url(context: Context, article_id: str, fragment: str = "") -> str:
    """An article page's address: absolute under the site's URL when it is known, else relative to the site's root."""
    path = article_page(article_id) + (f"#{link_target(fragment)}" if fragment else "")
    return f"{context.site_url.rstrip('/')}/{path}" if context.site_url else path


def known_language(article: Article) -> str:
    """The article's language code, or "" when the text did not tell."""
    return "" if article.language.value == "und" else article.language.value


def date_range(value: str) -> tuple[tuple[int, ...], ...] | None:
    """A date known to the day, month or year, as one plain date or an interval of two: ((2026, 2, 6),), ((2021, 2), (2021, 3)).

    None for every other form (uncertain, approximate, unspecified digits, sets, open ends, unknown).
    """
    ends = value.split("/")
    parts = tuple(date_parts(end) for end in ends)
    return parts if len(ends) <= 2 and None not in parts and edtf_bounds(value) is not None else None


def date_words(value: str) -> str:
    """A date as a reader says it, uncertainty and all: "6 February 2026", "about February 2021", "between A and B", "n.d." when unknown."""
    known = date_range(value)
    if known:
        # An interval is where the day lies, not a span of days: "between", never "from ... to".
        return _in_words(known[0]) if len(known) == 1 else f"between {_in_words(known[0])} and {_in_words(known[1])}"
    qualified = {"~": "about {}", "?": "{} (uncertain)", "%": "about {} (uncertain)"}
    if value[-1:] in qualified and (parts := date_parts(value[:-1])):
        return qualified[value[-1]].format(_in_words(parts))
    bounds = edtf_bounds(value)
    if bounds is None or bounds == (datetime.date.min, datetime.date.max):
        return "n.d."
    low, high = (_in_words((day.year, day.month, day.day)) for day in bounds)
    if bounds[0] == datetime.date.min:
        return f"on or before {high}"
    if bounds[1] == datetime.date.max:
        return f"on or after {low}"
    return f"{low} (uncertain)" if low == high else f"between {low} and {high}"


def _in_words(parts: tuple[int, ...]) -> str:
    """(2026, 2, 6) as "6 February 2026", (2026, 2) as "February 2026", (2026,) as "2026"."""
    words = [str(parts[2])] if len(parts) == 3 else []
    if len(parts) >= 2:
        words.append(calendar.month_name[parts[1]])
    return " ".join([*words, str(parts[0])])
