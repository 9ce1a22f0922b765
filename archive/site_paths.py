"""Where the built site publishes its pages, relative to the site's root: what pages, the search index, feeds and exports link to."""

from __future__ import annotations

from archive.markup import link_target

ARTICLES_DIR = "articles"  # under archive/, as are the events' pages
EVENTS_DIR = "events"


def article_page(article_id: str) -> str:
    """An article's page."""
    return link_target(f"archive/{ARTICLES_DIR}/{article_id}.html")


def statement_page(article_id: str, statement_id: str) -> str:
    """A statement's quote, highlighted in its article's page."""
    return link_target(f"archive/{ARTICLES_DIR}/{article_id}.html#quote-{statement_id}")


def event_page(event_id: str) -> str:
    """An event's page."""
    return link_target(f"archive/{EVENTS_DIR}/{event_id}.html")
