"""Archive -> Atom feeds of the newest articles and statements (pure), written under docs/feeds/.

Nothing in a feed comes from the clock, so two builds of the same archive give the same bytes:

- ids are `urn:uuid:` names (RFC 4122, version 5) of "article/<id>", "statement/<id>" and
  "feed/<name>" in the archive's own namespace, so they never change with the build, the
  site's address or the entry's text;
- an entry's `updated` is the latest day its date allows (a statement's own date, else its
  article's), at 00:00 UTC; a date open at its end (`2021/..`) gives its earliest day, and an
  entry whose date is unknown is left out (the article list and data/ still have it); the
  feed's `updated` is its newest entry's, or 1970-01-01 for a feed with no entry;
- entries are the newest FEED_ENTRIES, newest first, then by id.

Links are absolute under mkdocs.yml's `site_url` when it is set. Without it they are relative
to the feed file (`../archive/articles/<id>.html`): Atom allows IRI references, resolved against
the feed's own address, which is right wherever the site is served or copied.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml
from feedgen.feed import FeedGenerator
from yaml_env_tag import construct_env_tag

from archive.edtf import edtf_bounds
from archive.markup import one_line, xml_text
from archive.model import Archive, Article, LinkedStatement
from archive.site_paths import article_page, statement_page

FEEDS_DIR = "feeds"
FEED_ENTRIES = 100
ARTICLE_LIST = "archive/index.html"  # the page both feeds stand for
# Every id in the feeds is derived from this; changing it would make every reader see every entry anew.
NAMESPACE = uuid.UUID("6f0c3e8a-52d1-4c0e-9a57-3b1f6de0a2c4")
DEFAULT_NAME = "Statement Archive"  # when mkdocs.yml is missing or names no site
NO_ENTRY = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


@dataclass(frozen=True, slots=True)
class Site:
    """What the feeds need of mkdocs.yml: the site's name and, when set, its address (ending in /)."""

    name: str = DEFAULT_NAME
    url: str | None = None


def read_site(config: Path) -> Site:
    """mkdocs.yml's site_name and site_url; defaults when the file is missing."""
    if not config.is_file():
        return Site()

    class Loader(yaml.SafeLoader):
        """Reads `!ENV` as MkDocs does (site_url may come from SITE_URL), and its other tags (`!relative`) and Python
        names (`!!python/name:`) as nothing: only two keys are wanted."""

    Loader.add_constructor("!ENV", construct_env_tag)
    for prefix in ("!", "tag:yaml.org,2002:python/"):
        Loader.add_multi_constructor(prefix, lambda loader, suffix, node: None)
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}
    url = str(data.get("site_url") or "").strip()
    return Site(str(data.get("site_name") or DEFAULT_NAME), url.rstrip("/") + "/" if url else None)


def stable_id(kind: str, name: str) -> str:
    """The urn:uuid that names one article, statement or feed in every build."""
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}/{name}')}"


def feed_day(date: str) -> datetime.datetime | None:
    """When an entry of this EDTF date was last updated, by the rule above; None when the date is unknown."""
    bounds = edtf_bounds(date)
    if bounds is None:
        return None
    earliest, latest = bounds
    day = latest if latest != datetime.date.max else earliest
    if day == datetime.date.min:
        return None
    return datetime.datetime.combine(day, datetime.time(), datetime.timezone.utc)


def render_feeds(archive: Archive, site: Site, entries: int = FEED_ENTRIES) -> dict[str, str]:
    """Both feeds, keyed by their path under docs/feeds/."""
    sources = {s.id: s.name for s in archive.registry.sources}
    people = {p.id: p.name for p in archive.registry.people}
    topics = {t.id: t.name for t in archive.registry.topics}
    articles = {a.id: a for a in archive.articles}

    def article_entry(article: Article) -> Entry:
        source = sources.get(article.source.value)
        speakers = ", ".join(dict.fromkeys(people.get(s.person, s.person) for s in article.speakers if s.person))
        summary = " · ".join(part for part in (article.date.published, source, speakers and f"Speakers: {speakers}") if part)
        return Entry(stable_id("article", article.id), article.title.value, article.date.published, article_page(article.id),
                     summary, source, tuple((t.topic, topics.get(t.topic, t.topic)) for t in article.topics))

    def statement_entry(linked: LinkedStatement) -> Entry:
        statement = linked.statement
        article = articles[statement.article]
        speaker = people.get(statement.speaker, statement.speaker)
        date = statement.date or article.date.published
        where = ", ".join(part for part in (sources.get(article.source.value), date) if part)
        summary = f"In “{article.title.value}” ({where})"
        chosen = statement.topics or tuple(t.topic for t in article.topics)
        return Entry(stable_id("statement", statement.id), f"{speaker}: “{statement.quote}”", date,
                     statement_page(article.id, statement.id), summary, None, tuple((t, topics.get(t, t)) for t in chosen))

    anchored = [s for s in archive.statements if s.statement.article in articles]
    return {
        "articles.xml": render_feed("articles", f"{site.name}: articles", [article_entry(a) for a in archive.articles], site, entries),
        "statements.xml": render_feed("statements", f"{site.name}: statements", [statement_entry(s) for s in anchored], site, entries),
    }


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry before it is dated and linked: `page` is relative to the site's root."""

    id: str
    title: str
    date: str
    page: str
    summary: str
    author: str | None
    categories: tuple[tuple[str, str], ...]  # (term, label)


def render_feed(name: str, title: str, candidates: list[Entry], site: Site, limit: int) -> str:
    """One Atom feed of the newest `limit` dated entries, as UTF-8 XML text."""
    dated = sorted(((day, e) for e in candidates if (day := feed_day(e.date))), key=lambda pair: (-pair[0].timestamp(), pair[1].id))[:limit]

    def link(page: str) -> str:
        return urljoin(site.url, page) if site.url else f"../{page}"

    feed = FeedGenerator()
    feed.generator("")  # no generator element: it would carry the library's version into the bytes
    feed.id(stable_id("feed", name))
    feed.title(clean(title))
    feed.author(name=clean(site.name))
    feed.updated(dated[0][0] if dated else NO_ENTRY)
    feed.link(href=link(f"{FEEDS_DIR}/{name}.xml") if site.url else f"{name}.xml", rel="self", type="application/atom+xml")
    feed.link(href=link(ARTICLE_LIST), rel="alternate", type="text/html")
    for day, entry in dated:
        item = feed.add_entry(order="append")
        item.id(entry.id)
        item.title(clean(entry.title))
        item.updated(day)
        item.link(href=link(entry.page), rel="alternate", type="text/html")
        item.summary(clean(entry.summary))
        if entry.author:
            item.author(name=clean(entry.author))
        for term, label in entry.categories:
            item.category(term=clean(term), label=clean(label))
    return feed.atom_str(pretty=True).decode("utf-8")


def clean(text: str) -> str:
    """Seed or annotation text as one line that XML can carry; escaping is the XML writer's."""
    return one_line(xml_text(text))
