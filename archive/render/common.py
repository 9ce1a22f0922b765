"""What every page family shares: the lookups a page needs, the folders pages live in, front matter, short quotes."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from archive.model import Archive, Article, Event, EventArticle, LinkedStatement, Person, Source, Topic

ARTICLES_DIR = "articles"
EVENTS_DIR = "events"
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

    @classmethod
    def of(cls, archive: Archive) -> Context:
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
        )

    def statements_in(self, article_id: str) -> list[LinkedStatement]:
        """Statements anchored in an article, in reading order."""
        return self.anchored_in.get(article_id, [])

    def person(self, person_id: str) -> str:
        """A person's name, or the id itself when the registry does not know it."""
        return self.people[person_id].name if person_id in self.people else person_id


def render_front_matter(data: dict[str, object]) -> str:
    """YAML front matter between --- lines, written by yaml.safe_dump so it always reads back."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return f"---\n{text}---\n"


def shorten(text: str, words: int = 14) -> str:
    """The text's first `words` words, with " …" when it had more."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
