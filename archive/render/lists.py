"""The article list and the home page's overview (pure)."""

from __future__ import annotations

from collections import Counter

from archive.chart import chart_summary
from archive.edtf import certain_year, edtf_bounds
from archive.markup import escape_markdown, link_target
from archive.model import Archive, Article
from archive.render.common import ARTICLES_DIR
from archive.render.timeline import picture

def render_article_list(archive: Archive) -> str:
    """Every article by date, newest first, grouped by year; uncertain, then unknown dates last."""
    sources = {s.id: s.name for s in archive.registry.sources}
    people = {p.id: p.name for p in archive.registry.people}
    groups: dict[str, list[Article]] = {}
    for article in archive.articles:
        groups.setdefault(_year_group(article.date.published), []).append(article)
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
    ordered = sorted(groups, key=lambda g: (not g.isdigit(), g == "Date unknown", -int(g) if g.isdigit() else 0))
    for group in ordered:
        articles = groups[group]
        lines += ["", f"## {group}", "", "| Date | Title | Source | Speakers |", "| --- | --- | --- | --- |"]
        for a in articles:
            speakers = ", ".join(people[s.person] for s in a.speakers if s.person) or "—"
            lines.append(
                f"| {escape_markdown(a.date.published)} | [{escape_markdown(a.title.value)}]({link_target(f'{ARTICLES_DIR}/{a.id}.md')}) "
                f"| {escape_markdown(sources.get(a.source.value, 'unknown'))} | {escape_markdown(speakers)} |"
            )
    return "\n".join(lines) + "\n"


def _year_group(value: str) -> str:
    if edtf_bounds(value) is None:
        return "Date unknown"
    year = certain_year(value)
    return "Date uncertain" if year is None else str(year)


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 event', '2 events'."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def render_overview(archive: Archive, newest: int = 5) -> str:
    """The home page's generated part: what the archive holds and its newest items."""
    articles = archive.articles
    years = sorted({int(g) for a in articles if (g := _year_group(a.date.published)).isdigit()})
    undated = sum(not _year_group(a.date.published).isdigit() for a in articles)
    span = "no certain dates" if not years else str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    if undated:
        span += f"; {undated} with an uncertain or unknown date"
    speakers = {s.person for a in articles for s in a.speakers if s.person}
    sources = {a.source.value for a in articles if a.source.value != "unknown"}
    topic_counts = Counter(t.topic for a in articles for t in a.topics)
    topic_names = {t.id: t.name for t in archive.registry.topics}
    lines = [
        f"The archive holds **{_count(len(articles), 'article')}** ({span}) from **{_count(len(sources), 'identified source')}**, "
        f"with **{_count(len(speakers), 'person', 'people')}** speaking or quoted, on **{_count(len(topic_counts), 'topic')}**. "
        f"Curators have grouped them into **{_count(len(archive.events), 'event')}** and anchored "
        f"**{_count(len(archive.statements), 'statement')}** with **{_count(sum(len(s.statement.links) for s in archive.statements), 'typed link')}**.",
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
    _, table = chart_summary(archive)
    lines += ["", picture(archive, "archive/"), "", '??? info "The picture as a table"', ""]
    lines += ["    " + row for row in table.splitlines()]
    lines += ["", "[All articles by date](archive/index.md) · [Events](archive/events/index.md) · [People](archive/people/index.md) · "
              "[Topics](archive/topics/index.md) · [Sources](archive/sources/index.md) · [Timeline](archive/timeline/index.md)"]
    return "\n".join(lines) + "\n"
