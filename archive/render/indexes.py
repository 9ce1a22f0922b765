"""The ways in by person, topic and outlet: an index page of each, and a page per person, topic and outlet (pure)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from archive.edtf import sort_key
from archive.markup import escape_markdown, html_text, link_target
from archive.model import Article, LinkedStatement, Person, Role, Source, Topic
from archive.render.common import (
    PEOPLE_DIR,
    ROLE_LABELS,
    SOURCES_DIR,
    TOPICS_DIR,
    Context,
    count,
    render_front_matter,
    year_groups,
)
from archive.site_paths import ARTICLES_DIR, EVENTS_DIR


def render_indexes(context: Context) -> list[tuple[str, str]]:
    """(path, Markdown) of the people, topic and source indexes and of each of their pages."""
    found = Appearances.of(context)
    registry = context.archive.registry
    people = [p for p in registry.people if found.speaks_in.get(p.id) or found.statements_of.get(p.id) or found.mentioned_in.get(p.id)]
    topics = [t for t in registry.topics if found.topic_articles.get(t.id) or found.topic_statements.get(t.id)]
    sources = [s for s in registry.sources if found.source_articles.get(s.id) or found.republished.get(s.id)]
    pages = [(f"{PEOPLE_DIR}/index.md", render_people_index(people, found, context))]
    pages += [(f"{PEOPLE_DIR}/{p.id}.md", render_person(p, found, context)) for p in people]
    pages += [(f"{TOPICS_DIR}/index.md", render_topic_index(topics, found))]
    pages += [(f"{TOPICS_DIR}/{t.id}.md", render_topic(t, found, context)) for t in topics]
    pages += [(f"{SOURCES_DIR}/index.md", render_source_index(sources, found, context))]
    pages += [(f"{SOURCES_DIR}/{s.id}.md", render_source(s, found, context)) for s in sources]
    return pages


@dataclass(frozen=True, slots=True)
class Appearances:
    """Who and what appears where, gathered in one pass: articles newest first (the archive's order), statements oldest first."""

    speaks_in: dict[str, list[Article]]
    mentioned_in: dict[str, list[Article]]  # named there without speaking or being quoted
    statements_of: dict[str, list[LinkedStatement]]
    topic_articles: dict[str, list[Article]]
    topic_statements: dict[str, list[LinkedStatement]]  # curated topics, else the article's (as search reads them)
    source_articles: dict[str, list[Article]]
    republished: dict[str, list[Article]]

    @classmethod
    def of(cls, context: Context) -> Appearances:
        found = cls({}, {}, {}, {}, {}, {}, {})
        for article in context.archive.articles:
            speakers = {s.person for s in article.speakers if s.person}
            for person in sorted(speakers):
                found.speaks_in.setdefault(person, []).append(article)
            for person in article.mentioned:
                if person not in speakers:
                    found.mentioned_in.setdefault(person, []).append(article)
            for topic in article.topics:
                found.topic_articles.setdefault(topic.topic, []).append(article)
            found.source_articles.setdefault(article.source.value, []).append(article)
            if article.republisher is not None:
                found.republished.setdefault(article.republisher.value, []).append(article)
        for linked in sorted(context.archive.statements, key=lambda s: sort_key(context.statement_date(s.statement)) + (s.statement.id,)):
            statement = linked.statement
            found.statements_of.setdefault(statement.speaker, []).append(linked)
            for topic in statement.topics or [t.topic for t in context.articles[statement.article].topics]:
                found.topic_statements.setdefault(topic, []).append(linked)
        return found


# Pieces of pages.

def _article_item(article: Article, context: Context, prefix: str) -> str:
    source = context.source_name(article, "unknown source")
    target = link_target(f"{prefix}{ARTICLES_DIR}/{article.id}.md")
    return f"- {escape_markdown(article.date.published)} · [{escape_markdown(article.title.value)}]({target}) · {escape_markdown(source)}"


def _article_sections(articles: list[Article], context: Context, level: str = "###") -> list[str]:
    out: list[str] = []
    for group, members in year_groups(articles):
        out += ["", f"{level} {group}", ""]
        out += [_article_item(a, context, "../") for a in members]
    return out


def _statement_item(linked: LinkedStatement, context: Context, speaker: bool) -> str:
    statement = linked.statement
    article = context.articles[statement.article]
    target = link_target(f"../{ARTICLES_DIR}/{article.id}.md") + f"#quote-{statement.id}"
    who = f"**{escape_markdown(context.person(statement.speaker))}**: " if speaker else ""
    return (f"- {escape_markdown(context.statement_date(statement))} · {who}“{escape_markdown(statement.quote)}” "
            f"— [in *{escape_markdown(article.title.value)}*]({target})")


def _term(role: Role) -> str:
    if role.start and role.end:
        return f"{role.title} ({role.start} – {role.end})"
    if role.start:
        return f"{role.title} (from {role.start})"
    return f"{role.title} (until {role.end})" if role.end else role.title


def _page(title: str, trail: str | None, lines: list[str]) -> str:
    """A page with its front matter title, a way back to its index, and a heading."""
    head = [render_front_matter({"title": html_text(title)}).rstrip("\n"), ""]
    if trail:
        head += [trail, ""]
    return "\n".join(head + [f"# {escape_markdown(title)}", ""] + lines).rstrip() + "\n"


# People.

def render_people_index(people: list[Person], found: Appearances, context: Context) -> str:
    """Everyone in the registry who speaks, is quoted or is mentioned, by name, with roles and counts."""
    lines = [
        f"{count(len(people), 'person', 'people')} in the registry speak, are quoted or are named in the archive. "
        "Each page lists their statements in date order with the quote and a link to it in its article, "
        "the articles they speak in, and those that only mention them.",
        "",
        "| Name | Roles | Statements | Speaks in | Mentioned in |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for person in sorted(people, key=lambda p: (p.name.casefold(), p.id)):
        roles = "; ".join(_term(r) for r in person.roles) or "—"
        lines.append(
            f"| [{escape_markdown(person.name)}]({link_target(person.id + '.md')}) | {escape_markdown(roles)} "
            f"| {len(found.statements_of.get(person.id, [])):,} | {len(found.speaks_in.get(person.id, [])):,} "
            f"| {len(found.mentioned_in.get(person.id, [])):,} |"
        )
    return _page("People", None, lines)


def render_person(person: Person, found: Appearances, context: Context) -> str:
    """A person: roles with terms, statements in date order (the per-speaker timeline), articles they speak in, mentions."""
    statements = found.statements_of.get(person.id, [])
    speaks, mentioned = found.speaks_in.get(person.id, []), found.mentioned_in.get(person.id, [])
    lines: list[str] = []
    if person.aliases:
        lines += ["Also written: " + ", ".join(escape_markdown(a) for a in person.aliases), ""]
    if person.roles:
        lines += ["**Roles:**", ""] + [f"- {escape_markdown(_term(r))}" for r in person.roles] + [""]
    lines += [f"{count(len(statements), 'statement')}, speaks in {count(len(speaks), 'article')}, "
              f"mentioned in {count(len(mentioned), 'other article')}."]
    lines += ["", "## Statements", ""]
    lines += [_statement_item(s, context, speaker=False) for s in statements] or ["None anchored yet."]
    lines += ["", "## Articles they speak in"]
    lines += _article_sections(speaks, context) if speaks else ["", "None."]
    lines += ["", "## Only mentioned in"]
    lines += _article_sections(mentioned, context) if mentioned else ["", "None."]
    return _page(person.name, "[People](index.md) › " + escape_markdown(person.name), lines)


# Topics.

def render_topic_index(topics: list[Topic], found: Appearances) -> str:
    lines = [
        f"{count(len(topics), 'topic')} with articles or statements. A topic is found by its keywords "
        "(listed on its page) or added by a curator.",
        "",
        "| Topic | Articles | Statements |",
        "| --- | ---: | ---: |",
    ]
    for topic in sorted(topics, key=lambda t: (t.name.casefold(), t.id)):
        lines.append(f"| [{escape_markdown(topic.name)}]({link_target(topic.id + '.md')}) "
                     f"| {len(found.topic_articles.get(topic.id, [])):,} | {len(found.topic_statements.get(topic.id, [])):,} |")
    return _page("Topics", None, lines)


def render_topic(topic: Topic, found: Appearances, context: Context) -> str:
    """A topic: its keywords, its statements oldest first, its articles newest first."""
    articles, statements = found.topic_articles.get(topic.id, []), found.topic_statements.get(topic.id, [])
    lines = []
    if topic.keywords:
        lines += ["Found by: " + ", ".join(f"“{escape_markdown(k)}”" for k in topic.keywords), ""]
    lines += [f"{count(len(articles), 'article')}, {count(len(statements), 'statement')}.", "", "## Statements", ""]
    lines += [_statement_item(s, context, speaker=True) for s in statements] or ["None anchored yet."]
    lines += ["", "## Articles, newest first"]
    lines += _article_sections(articles, context) if articles else ["", "None."]
    return _page(topic.name, "[Topics](index.md) › " + escape_markdown(topic.name), lines)


# Sources.

def render_source_index(sources: list[Source], found: Appearances, context: Context) -> str:
    lines = [
        f"{count(len(sources), 'outlet')} with articles in the archive, of the "
        f"{count(len(context.archive.registry.sources), 'outlet')} the registry knows.",
        "",
        "| Outlet | Kind | Country | Articles | Republished |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for source in sorted(sources, key=lambda s: (s.name.casefold(), s.id)):
        own, republished = found.source_articles.get(source.id, []), found.republished.get(source.id, [])
        lines.append(f"| [{escape_markdown(source.name)}]({link_target(source.id + '.md')}) | {escape_markdown(source.kind)} "
                     f"| {escape_markdown(source.country or '—')} | {len(own):,} | {len(republished):,} |")
    return _page("Sources", None, lines)


def render_source(source: Source, found: Appearances, context: Context) -> str:
    """An outlet: kind, country, home page, its articles by date, what it republished, the events it covered and in which role."""
    own, republished = found.source_articles.get(source.id, []), found.republished.get(source.id, [])
    facts = [f"**Kind:** {escape_markdown(source.kind)}"]
    if source.country:
        facts.append(f"**Country:** {escape_markdown(source.country)}")
    if source.home:  # an http(s) address, as the registry checks
        home = html.escape(source.home, quote=True)
        facts.append(f'**Home page:** <a href="{home}">{home}</a>')
    lines = [
        " · ".join(facts),
        "",
        f"{count(len(own), 'article')}" + (f", {count(len(republished), 'republished article')}" if republished else "") + ".",
    ]
    covered = []
    own_ids = {a.id for a in own} | {a.id for a in republished}
    for event in context.archive.events:
        roles = sorted({ROLE_LABELS[m.role] for m in event.articles if m.article in own_ids})
        if roles:
            target = link_target(f"../{EVENTS_DIR}/{event.id}.md")
            covered.append(f"- {escape_markdown(event.date)} · [{escape_markdown(event.title)}]({target}): {escape_markdown(', '.join(roles))}")
    if covered:
        lines += ["", "## Events it covered", ""] + covered
    lines += ["", "## Articles, newest first"]
    lines += _article_sections(own, context) if own else ["", "None."]
    if republished:
        lines += ["", "## Republished"]
        lines += _article_sections(republished, context)
    return _page(source.name, "[Sources](index.md) › " + escape_markdown(source.name), lines)
