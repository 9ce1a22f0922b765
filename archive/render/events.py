"""An event's page and the list of events (pure)."""

from __future__ import annotations

import datetime

from archive.edtf import edtf_bounds
from archive.markup import code, escape_inline, escape_line_start, escape_markdown, html_text, link_target, one_line
from archive.model import Archive, Event, EventArticle, LinkedStatement
from archive.render.common import ROLE_LABELS, Context, render_front_matter
from archive.site_paths import ARTICLES_DIR
from archive.wording import Wording, compare_wording

def render_event(event: Event, context: Context) -> str:
    """An event page: what happened, the articles covering it by role, and each rendering beside the record."""
    members = [m for m in event.articles if m.article in context.articles]
    lines = [
        render_front_matter({"title": html_text(event.title), "event": event.id, "date": event.date, "place": event.place,
                             "articles": [{"id": m.article, "role": m.role} for m in members]}),
        f"# {escape_markdown(event.title)}",
        "",
        f"**{escape_markdown(event.date)}**" + (f", {escape_markdown(event.place)}" if event.place else ""),
        "",
    ]
    if event.description:
        lines += [escape_markdown(event.description), ""]
    lines += ["## Coverage", "", "| Role | Article | Source | Date |", "| --- | --- | --- | --- |"]
    for m in members:
        article = context.articles[m.article]
        source = context.source_name(article)
        note = f" — {escape_markdown(m.note)}" if m.note else ""
        lines.append(
            f"| {ROLE_LABELS[m.role]} | [{escape_markdown(article.title.value)}]({link_target(f'../{ARTICLES_DIR}/{m.article}.md')}){note} "
            f"| {escape_markdown(source)} | {escape_markdown(article.date.published)} |"
        )
    lines += _wordings(members, context)
    lines += ["", f"<small>Curated in {code(event.location.path)}</small>"]
    return "\n".join(lines).rstrip() + "\n"


def _wordings(members: list[EventArticle], context: Context) -> list[str]:
    """Each same-statement pair among the event's articles: the record's and the report's words, the differing ones marked."""
    role = {m.article: m.role for m in members}
    pairs: dict[frozenset[str], tuple[LinkedStatement, LinkedStatement, str | None]] = {}
    for linked in (s for m in members for s in context.statements_in(m.article)):
        for view in linked.links:
            other = context.statements.get(view.other)
            if view.relation == "same-statement" and view.written_here and other and other.statement.article in role:
                record, report = _record_and_report(linked, other, role, context)
                # A link written on both statements shows once.
                pairs.setdefault(frozenset((record.statement.id, report.statement.id)), (record, report, view.note))
    if not pairs:
        return []
    position = {article: i for i, article in enumerate(role)}

    def reading_order(linked: LinkedStatement) -> tuple[int, int, int, str]:
        return (position[linked.statement.article], linked.block, linked.start, linked.statement.id)

    out = [
        "", "## The record and its renderings", "",
        "Each statement as the record words it, then as a report renders it. Words that differ are marked: "
        "with a dotted underline in the record, a solid one in the report.", "",
    ]
    for record, report, note in sorted(pairs.values(), key=lambda pair: (reading_order(pair[0]), reading_order(pair[1]))):
        wording = compare_wording(one_line(record.statement.quote), one_line(report.statement.quote))
        summary = f"{wording.similarity:.0%} of words in common; words that differ are marked."
        out += [
            '<div class="wording" markdown>',
            "",
            *_side(record, "record", wording, role, context),
            *_side(report, "report", wording, role, context),
            summary + (f" {escape_markdown(note)}" if note else ""),
            "{: .wording__summary }",
            "",
            "</div>",
            "",
        ]
    return out


def _record_and_report(a: LinkedStatement, b: LinkedStatement, role: dict[str, str], context: Context) -> tuple[LinkedStatement, LinkedStatement]:
    """The pair as (record, report): the statement in the primary record, else the one in the earlier-dated article, then by id."""
    def key(linked: LinkedStatement) -> tuple[bool, datetime.date, str, str]:
        statement = linked.statement
        bounds = edtf_bounds(context.articles[statement.article].date.published)
        return (role[statement.article] != "primary-record", bounds[0] if bounds else datetime.date.max, statement.article, statement.id)

    record, report = sorted((a, b), key=key)
    return record, report


def _side(linked: LinkedStatement, side: str, wording: Wording, role: dict[str, str], context: Context) -> list[str]:
    """One side of a pair ("record" or "report"): who published it, linked to the statement, then its words, those the other lacks marked."""
    statement = linked.statement
    article = context.articles[statement.article]
    target = link_target(f"../{ARTICLES_DIR}/{statement.article}.md#statement-{statement.id}")
    who = (f"{ROLE_LABELS[role[statement.article]].capitalize()}, [{escape_markdown(context.source_name(article))}]({target}), "
           f"{escape_markdown(article.date.published)}")
    tag = "del" if side == "record" else "ins"
    words = []
    for segment in wording.segments:
        text = segment.record if side == "record" else segment.report
        if segment.op == "equal" or not text:
            words.append(escape_inline(text))
            continue
        marked = text.rstrip()
        # The hidden label says whose words these are where a screen reader does not announce <del> and <ins>.
        words.append(f'<{tag}><span class="wording__sr">{side}: </span>{escape_inline(marked)}</{tag}>{text[len(marked):]}')
    return [who, "{: .wording__who }", "", escape_line_start("".join(words)), f"{{: .wording__text .wording__text--{side} }}", ""]


def render_event_list(archive: Archive, context: Context) -> str:
    """Every curated event, newest first."""
    lines = ["---", "title: Events", "---", "# Events", "",
             "Real-world events and the articles that cover them: the primary record first, then reports, rewrites and republications.", ""]
    if not archive.events:
        return "\n".join(lines + ["No events have been curated yet."]) + "\n"
    lines += ["| Date | Event | Articles |", "| --- | --- | --- |"]
    for event in sorted(archive.events, key=lambda e: (e.date, e.id), reverse=True):
        count = sum(m.article in context.articles for m in event.articles)
        lines.append(f"| {escape_markdown(event.date)} | [{escape_markdown(event.title)}]({link_target(event.id + '.md')}) | {count} |")
    return "\n".join(lines) + "\n"
