"""Where the built site publishes what feeds and exports link to, relative to the site's root."""

from __future__ import annotations

from archive.markup import link_target


def article_page(article_id: str) -> str:
    """An article's page."""
    return link_target(f"archive/articles/{article_id}.html")


def statement_page(article_id: str, statement_id: str) -> str:
    """A statement's quote, highlighted in its article's page."""
    return link_target(f"archive/articles/{article_id}.html#quote-{statement_id}")


def event_page(event_id: str) -> str:
    """An event's page."""
    return link_target(f"archive/events/{event_id}.html")
