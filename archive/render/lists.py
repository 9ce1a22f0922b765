"""The article list and the home page's overview (pure)."""

from __future__ import annotations

from collections import Counter

from archive.chart import chart_summary
from archive.markup import escape_markdown, link_target
from archive.model import Archive
from archive.render.common import count, picture, year_group, year_groups
from archive.site_paths import ARTICLES_DIR

def render_article_list(archive: Archive) -> str:
    """Every article by date, newest first, grouped by year; uncertain, then unknown dates last."""
    sources = {s.id: s.name for s in archive.registry.sources}
    people = {p.id: p.name for p in archive.registry.people}
    lines = [
        "---",
        "title: Articles",
        "---",
        "# Articles",
        "",
        f"{len(archive.articles)} articles, newest first. Dates are written in "
        "[EDTF](../about.md#dates): `2021-02` is a month, `2026-02-06?` is uncertain, "
        "`a/b` is a range and `[a,b]` means one of those dates.",
    ]
    for group, articles in year_groups(archive.articles):
        lines += ["", f"## {group}", "", "| Date | Title | Source | Speakers |", "| --- | --- | --- | --- |"]
        for a in articles:
            speakers = ", ".join(people[s.person] for s in a.speakers if s.person) or "—"
            lines.append(
                f"| {escape_markdown(a.date.published)} | [{escape_markdown(a.title.value)}]({link_target(f'{ARTICLES_DIR}/{a.id}.md')}) "
                f"| {escape_markdown(sources.get(a.source.value, 'unknown'))} | {escape_markdown(speakers)} |"
            )
    return "\n".join(lines) + "\n"


def render_overview(archive: Archive, newest: int = 5) -> str:
    """The home page's generated part: what the archive holds and its newest items."""
    articles = archive.articles
    years = sorted({int(g) for a in articles if (g := year_group(a.date.published)).isdigit()})
    undated = sum(not year_group(a.date.published).isdigit() for a in articles)
    span = "no certain dates" if not years else str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    if undated:
        span += f"; {undated} with an uncertain or unknown date"
    speakers = {s.person for a in articles for s in a.speakers if s.person}
    sources = {a.source.value for a in articles if a.source.value != "unknown"}
    topic_counts = Counter(t.topic for a in articles for t in a.topics)
    topic_names = {t.id: t.name for t in archive.registry.topics}
    lines = [
        f"The archive holds **{count(len(articles), 'article')}** ({span}) from **{count(len(sources), 'identified source')}**, "
        f"with **{count(len(speakers), 'person', 'people')}** speaking or quoted, on **{count(len(topic_counts), 'topic')}**. "
        f"Curators have grouped them into **{count(len(archive.events), 'event')}** and anchored "
        f"**{count(len(archive.statements), 'statement')}** with **{count(sum(len(s.statement.links) for s in archive.statements), 'typed link')}**.",
        "",
        "**Topics:** " + (", ".join(f"{escape_markdown(topic_names[t])} ({n})" for t, n in sorted(topic_counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "none yet"),
        "",
        "**Newest articles:**",
        "",
    ]
    lines += [
        f"- {escape_markdown(a.date.published)}: [{escape_markdown(a.title.value)}]({link_target(f'archive/{ARTICLES_DIR}/{a.id}.md')})"
        for a in articles[:newest]
    ]
    summary, table = chart_summary(archive)
    lines += ["", picture(summary, "archive/"), "", '??? info "The picture as a table"', ""]
    lines += ["    " + row for row in table.splitlines()]
    lines += ["", "[All articles by date](archive/index.md) · [Events](archive/events/index.md) · [People](archive/people/index.md) · "
              "[Topics](archive/topics/index.md) · [Sources](archive/sources/index.md) · [Timeline](archive/timeline/index.md)"]
    return "\n".join(lines) + "\n"
