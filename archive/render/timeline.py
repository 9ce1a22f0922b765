"""The timeline: the archive by year and month, uncertain dates placed only where all their days fall (pure).

A date is placed in the narrowest period that holds every day it allows: a month when they all
fall in one, else "sometime in" a year, else among the dates spanning years on the timeline's
first page. A range is never put on its first day.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass

from archive.chart import chart_summary
from archive.edtf import edtf_bounds
from archive.markup import escape_markdown, link_target
from archive.model import Archive
from archive.render.common import Context, picture, render_front_matter, shorten
from archive.site_paths import ARTICLES_DIR

TIMELINE_DIR = "timeline"


@dataclass(frozen=True, slots=True)
class Entry:
    """An article or a statement on the timeline."""

    kind: str  # "article" | "statement"
    date: str  # as the archive writes it (EDTF)
    earliest: datetime.date
    latest: datetime.date
    text: str  # Markdown, escaped


def timeline_entries(context: Context) -> tuple[list[Entry], int]:
    """Every dated article and statement, oldest first; and how many have no date at all."""
    entries, undated = [], 0
    for article in context.archive.articles:
        bounds = edtf_bounds(article.date.published)
        if bounds is None:
            undated += 1
            continue
        target = link_target(f"../{ARTICLES_DIR}/{article.id}.md")
        source = context.source_name(article, "unknown source")
        entries.append(Entry("article", article.date.published, *bounds,
                             f"[{escape_markdown(article.title.value)}]({target}) · {escape_markdown(source)}"))
    for linked in context.archive.statements:
        statement = linked.statement
        date = context.statement_date(statement)
        bounds = edtf_bounds(date)
        if bounds is None:
            undated += 1
            continue
        target = link_target(f"../{ARTICLES_DIR}/{statement.article}.md") + f"#quote-{statement.id}"
        entries.append(Entry("statement", date, *bounds,
                             f"**{escape_markdown(context.person(statement.speaker))}**: [“{escape_markdown(shorten(statement.quote, 16))}”]({target})"))
    entries.sort(key=lambda e: (e.earliest, e.latest, e.kind, e.text))
    return entries, undated


def render_timeline(context: Context) -> list[tuple[str, str]]:
    """(path, Markdown) of the timeline's first page (years, and dates spanning years) and of a page per year."""
    entries, undated = timeline_entries(context)
    years, spanning = _placed(entries, lambda day: day.year)
    pages = [(f"{TIMELINE_DIR}/index.md", render_timeline_index(context.archive, years, spanning, undated))]
    pages += [(f"{TIMELINE_DIR}/{year}.md", render_year(year, members)) for year, members in sorted(years.items())]
    return pages


def _placed(entries: list[Entry], period: Callable[[datetime.date], int]) -> tuple[dict[int, list[Entry]], list[Entry]]:
    """Entries whose first and last possible days fall in one period, by period; and those that do not."""
    within: dict[int, list[Entry]] = {}
    across = []
    for entry in entries:
        if period(entry.earliest) == period(entry.latest):
            within.setdefault(period(entry.earliest), []).append(entry)
        else:
            across.append(entry)
    return within, across


def _line(entry: Entry, in_month: bool) -> str:
    """One entry: its day (within its month's section, "6 Feb"), or the range of days its date allows."""
    kind = "Statement" if entry.kind == "statement" else "Article"
    if entry.earliest != entry.latest:
        span = f"from {entry.earliest.isoformat()} to {entry.latest.isoformat()}"
        plain = entry.date == f"{entry.earliest.isoformat()}/{entry.latest.isoformat()}"
        day = span if plain else f"{escape_markdown(entry.date)} ({span})"
    else:
        day = f"{entry.earliest.day} {calendar.month_abbr[entry.earliest.month]}" if in_month else entry.earliest.isoformat()
        if entry.date != entry.earliest.isoformat():
            day += f" ({escape_markdown(entry.date)})"  # a qualified day, such as 2026-02-06?
    return f"- {day} · {kind}: {entry.text}"


def render_timeline_index(archive: Archive, years: dict[int, list[Entry]], spanning: list[Entry], undated: int) -> str:
    lines = [
        render_front_matter({"title": "Timeline"}).rstrip("\n"),
        "",
        "# Timeline",
        "",
        "The archive's articles and statements by year and month. A date known only roughly is shown as the "
        "range of days it allows and placed where all of them fall: in a month, \"sometime in\" a year, or "
        "below among the dates that span years. It is never put on its first day.",
        "",
        picture(chart_summary(archive)[0], "../"),
        "",
        "| Year | Articles | Statements |",
        "| --- | ---: | ---: |",
    ]
    for year, members in sorted(years.items()):
        articles = sum(e.kind == "article" for e in members)
        lines.append(f"| [{year}]({year}.md) | {articles:,} | {len(members) - articles:,} |")
    if spanning:
        lines += ["", "## Dates spanning years", ""] + [_line(e, in_month=False) for e in spanning]
    if undated:
        lines += ["", f"{undated:,} {'article or statement has' if undated == 1 else 'articles or statements have'} "
                  "no date the text supports; the [article list](../index.md#date-unknown) shows the articles."]
    return "\n".join(lines) + "\n"


def render_year(year: int, members: list[Entry]) -> str:
    """A year by month; what only the year holds comes after its months as "Sometime in <year>"."""
    lines = [render_front_matter({"title": f"Timeline: {year}"}).rstrip("\n"), "", "[Timeline](index.md) › " + str(year), "",
             f"# {year}", ""]
    months, loose = _placed(members, lambda day: day.month)
    for month, entries in sorted(months.items()):
        lines += ["", f"## {calendar.month_name[month]} {year}", ""] + [_line(e, in_month=True) for e in entries]
    if loose:
        lines += ["", f"## Sometime in {year}", ""] + [_line(e, in_month=False) for e in loose]
    return "\n".join(lines).rstrip() + "\n"
