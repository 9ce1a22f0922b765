"""Archive -> {path under docs/archive/: Markdown text} (pure), one module a page family; render_site is the entry point."""

from __future__ import annotations

from archive.chart import render_chart
from archive.model import Archive
from archive.render.article import render_article
from archive.render.common import CHART, Context
from archive.site_paths import ARTICLES_DIR, EVENTS_DIR
from archive.render.events import render_event, render_event_list
from archive.render.indexes import render_indexes
from archive.render.lists import render_article_list, render_overview
from archive.render.timeline import render_timeline


def render_site(archive: Archive, site_url: str = "") -> dict[str, str]:
    """Every generated file, keyed by its path relative to docs/archive/; citations and JSON-LD use `site_url` when given."""
    context = Context.of(archive, site_url)
    pages = [(f"{ARTICLES_DIR}/{a.id}.md", render_article(a, context)) for a in archive.articles]
    pages += [(f"{EVENTS_DIR}/{e.id}.md", render_event(e, context)) for e in archive.events]
    pages += [
        (f"{EVENTS_DIR}/index.md", render_event_list(archive, context)),
        ("index.md", render_article_list(archive)),
        ("_overview.md", render_overview(archive)),
    ]
    pages += render_indexes(context) + render_timeline(context)
    pages.append((CHART, render_chart(archive)))
    files: dict[str, str] = {}
    for path, text in pages:
        # Validation refuses ids that would collide (`index`); a collision here is a bug, never an overwrite.
        if files.setdefault(path, text) is not text:
            raise ValueError(f"two generated pages would both be {path}")
    return files
