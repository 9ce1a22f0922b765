"""An article's page (pure): front matter, metadata with evidence, events, the text with its quotes, statements, provenance."""

from __future__ import annotations

from archive.extract import fold
from archive.markup import code, escape_inline, escape_line_start, escape_markdown, html_text, link_target, one_line
from archive.model import Article, Block, Event, EventArticle, LinkedStatement, LinkView, Person, SpeakerFinding, Topic, TopicFinding
from archive.render.cite import article_citation, render_cite_block, statement_citation
from archive.render.common import PEOPLE_DIR, ROLE_LABELS, SOURCES_DIR, TOPICS_DIR, Context, render_front_matter, shorten
from archive.site_paths import EVENTS_DIR
from archive.render.jsonld import article_jsonld
from archive.rules import NON_PERSON_LABELS

EVIDENCE_BRIEF = 280  # characters of evidence a metadata cell shows before "in full below"
RELATION_LABELS = {
    "same-statement": "Same statement as",
    "repeats": "Repeats",
    "repeated-by": "Repeated by",
    "updates": "Updates",
    "updated-by": "Updated by",
    "contradicts": "Contradicts",
    "responds-to": "Responds to",
    "responded-to-by": "Responded to by",
    "context": "Context:",
}


def front_matter(article: Article, context: Context) -> dict[str, object]:
    """The page's metadata, every field with its evidence, in a fixed key order."""
    doc = article.document
    correction = article.correction
    return {
        "id": article.id,
        "title": html_text(article.title.value),
        "date": article.date.published,
        "event_date": article.date.event,
        "republished": article.date.republished,
        "source": article.source.value,
        "republisher": article.republisher.value if article.republisher else None,
        "speakers": [s.person for s in article.speakers if s.person],
        "unregistered_speakers": [s.name for s in article.speakers if s.person is None],
        "mentioned": list(article.mentioned),
        "topics": [t.topic for t in article.topics],
        "language": article.language.value,
        "words": article.words,
        "truncated": doc.truncated,
        "seed": doc.text.raw.name,
        "sha256": doc.text.sha256,
        "encoding": doc.text.encoding,
        "evidence": {
            "title": f"{article.title.method}: {article.title.evidence}",
            "date": f"{article.date.method}: {article.date.evidence}",
            "source": f"{article.source.method}: {article.source.evidence}",
            "republisher": article.republisher.evidence if article.republisher else None,
            "speakers": [_speaker_evidence(s) for s in article.speakers],
            "topics": [f"{t.topic}: " + ", ".join(f"{k!r} ×{n}" for k, n in t.matches) for t in article.topics],
            "language": f"{article.language.method}: {article.language.evidence}",
        },
        "removed": [{"line": r.line, "rule": r.rule, "text": r.text} for r in doc.removed],
        "correction": correction.location.path if correction else None,
        "url": correction.url if correction else None,
        "archived_url": correction.archived_url if correction else None,
        "retrieved": correction.retrieved if correction else None,
        "notes": correction.notes if correction else None,
        "events": [{"id": e.id, "role": m.role} for e, m in context.events_of.get(article.id, [])],
        "statements": [_statement_matter(s, context) for s in context.statements_in(article.id)],
        "jsonld": article_jsonld(article, context),  # printed into <head> by overrides/main.html
    }


def _statement_matter(linked: LinkedStatement, context: Context) -> dict[str, object]:
    statement = linked.statement
    return {
        "id": statement.id,
        "speaker": statement.speaker,
        "date": statement.date,
        "quote": statement.quote,
        "links": [
            {"relation": v.relation, "to": v.other, "article": _article_of(v.other, context), "written_here": v.written_here}
            for v in linked.links
        ],
    }


def _article_of(statement_id: str, context: Context) -> str | None:
    linked = context.statements.get(statement_id)
    return linked.statement.article if linked else None


def _speaker_evidence(speaker: SpeakerFinding) -> str:
    who = speaker.person or "not in the registry"
    if speaker.how == "correction":
        return f"{who}: added by a curated correction"
    how = {"turn": "transcript turn", "byline": "named in the byline block", "label": "words given after", "signature": "signs the text as"}.get(speaker.how, "speech attributed")
    return f"{who}: {how} {speaker.name!r} on line {speaker.line}"


def render_article(article: Article, context: Context) -> str:
    """One article page: front matter, metadata with evidence, events, the text with its quotes, statements, provenance."""
    doc = article.document
    lines = [render_front_matter(front_matter(article, context)), f"# {escape_markdown(article.title.value)}", ""]
    if article.title.method == "derived":
        lead = next(b.line for b in doc.blocks if b.kind != "heading")
        lines += ['!!! note "Title supplied by the archive"', f"    The source has no headline: this title was made from the first sentence of its lead (line {lead}).", ""]
    if doc.truncated:
        lines += ['!!! warning "Text may be incomplete"', "    The text ends mid-sentence: the page was probably cut off when it was collected.", ""]
    lines += _metadata_table(article, context)
    lines += _corrections(article)
    for event, member in context.events_of.get(article.id, []):
        lines += _event_box(article, event, member, context)
    statements = context.statements_in(article.id)
    numbers = {s.statement.id: n for n, s in enumerate(statements, start=1)}
    lines += ["", *render_cite_block(article_citation(article, context), "article")]
    lines += ["", "## Text", ""]
    for index, (block, speaker) in enumerate(zip(doc.blocks, turn_speakers(doc.blocks))):
        lines.append(_render_block(block, index, speaker, [s for s in statements if s.block == index], numbers))
    if statements:
        lines += ["## Statements", ""]
        for linked in statements:
            lines += _statement_card(linked, numbers[linked.statement.id], context)
    lines += _provenance(article)
    return "\n".join(lines).rstrip() + "\n"


def _corrections(article: Article) -> list[str]:
    correction = article.correction
    if correction is None:
        return []
    fields = sorted({field for field, _ in correction.field_lines} - {"notes", "date_evidence", "source_evidence"})
    out = ["", f'!!! info "Curated: {escape_inline(", ".join(fields))}"', f"    Values above marked as corrections come from {code(correction.location.path)}; the evidence column keeps what the text alone gave."]
    if correction.notes:
        out += ["", f"    {escape_markdown(correction.notes)}"]
    return out


def _event_box(article: Article, event: Event, member: EventArticle, context: Context) -> list[str]:
    where = f", {event.place}" if event.place else ""
    out = [
        "",
        f'!!! abstract "Event: {escape_inline(one_line(event.title))}"',
        f"    {escape_markdown(event.date + where)}. This article is the event's **{ROLE_LABELS[member.role]}**. "
        f"[All coverage of this event]({link_target(f'../{EVENTS_DIR}/{event.id}.md')})",
    ]
    others = [m for m in event.articles if m.article != article.id and m.article in context.articles]
    if others:
        out += ["", "    Also covering it:", ""]
        out += [f"    - {ROLE_LABELS[m.role]}: [{escape_markdown(context.articles[m.article].title.value)}]({link_target(m.article + '.md')})" for m in others]
    return out


def _titled(person: Person, date: str) -> str:
    """A name with the titles the person surely held on the article's date: "Sergey Lavrov (Minister of ...)"."""
    titles = person.titles_on(date)
    return f"{person.name} ({'; '.join(titles)})" if titles else person.name


def _metadata_table(article: Article, context: Context) -> list[str]:
    people, topics, sources = context.people, context.topics, context.sources
    date = article.date.published
    if article.date.event:
        date += f"; event {article.date.event}"
    if article.date.republished:
        date += f"; republished {article.date.republished}"
    # Registry people, outlets and topics link to their pages (archive/render/indexes.py), which exist for every one an article names.
    speakers = ", ".join(
        _page_link(_titled(people[s.person], article.date.published), PEOPLE_DIR, s.person) if s.person
        else escape_markdown(f"{s.name} (not in the registry)") for s in article.speakers
    ) or "none found"
    known = article.source.value in sources
    source = _page_link(sources[article.source.value].name, SOURCES_DIR, article.source.value) if known else "unknown"
    if article.republisher:
        source += "; republished by " + _page_link(sources[article.republisher.value].name, SOURCES_DIR, article.republisher.value)
    rows = [
        ("Date", escape_markdown(date), article.date.evidence),
        ("Source", source, article.source.evidence + (f"; {article.republisher.evidence}" if article.republisher else "")),
        ("Speakers", speakers, "; ".join(_speaker_evidence(s) for s in article.speakers) or "no attributed speech found"),
        ("Topics", ", ".join(_page_link(topics[t.topic].name, TOPICS_DIR, t.topic) for t in article.topics) or "none",
         "; ".join(_topic_evidence(t, topics) for t in article.topics) or "no topic keyword found"),
        ("Language", escape_markdown(article.language.value), article.language.evidence),
    ]
    # data-search-exclude keeps the evidence out of search snippets; the text is what readers search.
    out = ['<div class="archive-meta" markdown data-search-exclude>', "", "| Field | Value | How it was found |", "| --- | --- | --- |"]
    out += [f"| {name} | {value} | {escape_markdown(_brief(evidence))} |" for name, value, evidence in rows]
    # Curated reasoning can run to paragraphs: the table shows its start, the whole of it folds out below.
    long = [(name, evidence) for name, _, evidence in rows if evidence != _brief(evidence)]
    if long:
        out += ["", '??? info "Evidence in full"']
        for name, evidence in long:
            out += ["", f"    **{name}:** {escape_markdown(evidence)}"]
    return out + ["", "</div>"]


def _page_link(name: str, folder: str, ident: str) -> str:
    """A link from an article page to a person's, outlet's or topic's page."""
    return f"[{escape_markdown(name)}]({link_target(f'../{folder}/{ident}.md')})"


def _brief(evidence: str, limit: int = EVIDENCE_BRIEF) -> str:
    """Evidence short enough for a table cell: cut at a word boundary, pointing to the full text."""
    if len(evidence) <= limit:
        return evidence
    return evidence[:limit].rsplit(" ", 1)[0] + " … (in full below)"


def _topic_evidence(found: TopicFinding, topics: dict[str, Topic]) -> str:
    if not found.matches:
        return f"{topics[found.topic].name}: added by a curated correction"
    return f"{topics[found.topic].name}: " + ", ".join(f"“{k}” ×{n}" for k, n in found.matches)


def block_anchor(index: int) -> str:
    """The id of the text's block at `index` in `document.blocks`: `p-1` for the first, whatever its kind."""
    return f"p-{index + 1}"


def turn_speakers(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """For each block, the label of the transcript turn it belongs to, or "" outside any turn.

    A turn starts at a block of kind "turn" and takes in the paragraphs after it, up to the next
    turn or heading: the paragraphs a speaker says without their label being written again.
    """
    speakers, current = [], ""
    for block in blocks:
        if block.kind == "turn":
            current = block.label
        elif block.kind == "heading":
            current = ""
        speakers.append(current)
    return tuple(speakers)


def _render_block(block: Block, index: int, speaker: str, statements: list[LinkedStatement], numbers: dict[str, int]) -> str:
    """One block of the text with its anchor; a turn's paragraphs carry its classes, the later ones its speaker, hidden."""
    text = escape_line_start(_highlight(block.text, statements, numbers))
    anchor = f"#{block_anchor(index)}"
    if block.kind == "heading":
        return f"### {text} {{: {anchor} }}\n"
    if not speaker:
        return f"{text}\n{{: {anchor} }}\n"
    classes = ".turn .turn--question" if fold(speaker) in NON_PERSON_LABELS else ".turn"
    if block.kind == "turn":
        return f"**{escape_markdown(speaker)}:** {text}\n{{: {anchor} {classes} }}\n"
    # Who speaks, for a screen reader and for a reader arriving at this paragraph by its anchor (shown on :target).
    return f'<span class="turn__again">{escape_markdown(speaker)}:</span> {text}\n{{: {anchor} {classes} .turn--cont }}\n'


def _highlight(text: str, statements: list[LinkedStatement], numbers: dict[str, int]) -> str:
    """The block's text, escaped, with each anchored quote marked and numbered; overlapping quotes mark once."""
    out, position = [], 0
    for linked in statements:
        if linked.start < position:
            continue  # overlaps the previous quote: still listed under Statements
        sid = linked.statement.id
        out += [
            escape_inline(text[position:linked.start]),
            f'<mark class="quote" id="quote-{sid}">',
            escape_inline(text[linked.start:linked.end]),
            f'</mark><sup class="quote-ref">[{numbers[sid]}](#statement-{sid} "Statement {numbers[sid]}")</sup>',
        ]
        position = linked.end
    out.append(escape_inline(text[position:]))
    return "".join(out)


def _statement_card(linked: LinkedStatement, number: int, context: Context) -> list[str]:
    statement = linked.statement
    date = context.statement_date(statement)
    out = [
        f"### {number}. {escape_markdown('“' + shorten(statement.quote, 8) + '”')} {{ #statement-{statement.id} }}",
        "",
        f"**{escape_markdown(context.person(statement.speaker))}**, {escape_markdown(date)} · [show in the text](#quote-{statement.id})",
        "",
        f"> {escape_markdown(statement.quote)}",
        "",
    ]
    if statement.note:
        out += [escape_markdown(statement.note), ""]
    if statement.topics:
        out += ["Topics: " + ", ".join(escape_markdown(context.topics[t].name if t in context.topics else t) for t in statement.topics), ""]
    for view in linked.links:
        out += [_link_line(view, context, statement.article)]
    if linked.links:
        out.append("")
    out += render_cite_block(statement_citation(linked, context), "statement")
    out += [f"<small>Statement id {code(statement.id)}, curated in {code(str(statement.location))}</small>", ""]
    return out


def _link_line(view: LinkView, context: Context, current: str) -> str:
    other = context.statements.get(view.other)
    if other is None:
        return f"- **{RELATION_LABELS[view.relation]}** {code(view.other)} (not anchored: see `build_archive.py check`)"
    target = other.statement
    here = "" if target.article == current else link_target(f"{target.article}.md")
    label = f"{context.person(target.speaker)}, {context.statement_date(target)}: “{shorten(target.quote)}”"
    line = f"- **{RELATION_LABELS[view.relation]}** [{escape_markdown(label)}]({here}#statement-{target.id}) in *{escape_markdown(shorten(context.articles[target.article].title.value, 10))}*"
    if view.note:
        line += f" — {escape_markdown(view.note)}"
    if not view.written_here:
        line += " <small>(link written on the other statement)</small>"
    return line


def _provenance(article: Article) -> list[str]:
    doc = article.document
    raw = doc.text.raw
    out = [
        "## Provenance",
        "",
        # Kept out of the search index: removed boilerplate would otherwise match searches.
        '<div class="archive-provenance" markdown data-search-exclude>',
        "",
        f"- Seed file: {code(raw.name)} ({doc.text.encoding}, {article.words} words)",
        f"- SHA-256 of the seed: `{doc.text.sha256}`",
    ]
    if doc.removed:
        out += ["", "Lines removed as site boilerplate:", "", "| Line | Rule | Text |", "| --- | --- | --- |"]
        out += [f"| {r.line} | {r.rule} | {escape_markdown(r.text)} |" for r in doc.removed]
    return out + ["", "</div>"]
