"""An event's page and the list of events (pure)."""

from __future__ import annotations

from archive.markup import code, escape_markdown, html_text, link_target
from archive.model import Archive, Event, EventArticle
from archive.render.common import ARTICLES_DIR, ROLE_LABELS, Context, render_front_matter

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
        source = context.sources[article.source.value].name if article.source.value in context.sources else "unknown"
        note = f" — {escape_markdown(m.note)}" if m.note else ""
        lines.append(
            f"| {ROLE_LABELS[m.role]} | [{escape_markdown(article.title.value)}]({link_target(f'../{ARTICLES_DIR}/{m.article}.md')}){note} "
            f"| {escape_markdown(source)} | {escape_markdown(article.date.published)} |"
        )
    lines += _wordings(members, context)
    lines += ["", f"<small>Curated in {code(event.location.path)}</small>"]
    return "\n".join(lines).rstrip() + "\n"


def _wordings(members: list[EventArticle], context: Context) -> list[str]:
    """Same-statement pairs among the event's articles: the record's words beside each outlet's."""
    role = {m.article: m.role for m in members}
    rank = {name: i for i, name in enumerate(ROLE_LABELS)}  # record first, then report, rewrite, republication
    rows = []
    for linked in (s for m in members for s in context.statements_in(m.article)):
        for view in linked.links:
            other = context.statements.get(view.other)
            if not view.written_here or view.relation != "same-statement" or other is None:
                continue
            pair = sorted([linked.statement, other.statement], key=lambda s: (rank.get(role.get(s.article, ""), 9), s.id))
            if all(s.article in role for s in pair):
                rows.append((pair[0], pair[1], view.note))
    if not rows:
        return []
    out = ["", "## The record and its renderings", "", "| Record | Rendering | How the wording differs |", "| --- | --- | --- |"]
    for record, rendering, note in rows:
        out.append(
            f"| {escape_markdown(record.quote)} ([{ROLE_LABELS[role[record.article]]}]({link_target(f'../{ARTICLES_DIR}/{record.article}.md#statement-{record.id}')})) "
            f"| {escape_markdown(rendering.quote)} ([{ROLE_LABELS[role[rendering.article]]}]({link_target(f'../{ARTICLES_DIR}/{rendering.article}.md#statement-{rendering.id}')})) "
            f"| {escape_markdown(note or '')} |"
        )
    return out


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
