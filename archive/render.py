"""Archive -> {path under docs/archive/: Markdown text} (pure): article pages, the list, the overview."""

from __future__ import annotations

import re
from collections import Counter

import yaml

from archive.dates import edtf_bounds
from archive.extract import fold
from archive.model import Archive, Article, Block, Registry
from archive.rules import NON_PERSON_LABELS

ARTICLES_DIR = "articles"
# Characters Python-Markdown (and the tables and attr_list extensions) give meaning anywhere in a line.
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")
# Line starts that would become a heading, list, quote, rule, admonition or details block.
# `?` and `=` cannot be backslash-escaped in Markdown, so the first character becomes an entity.
LINE_START_SPECIAL = re.compile(r"^[#\-+!?=~:]")
ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Text that Markdown renders as exactly these characters: no markup, no HTML, one line."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = INLINE_SPECIAL.sub(r"\\\1", text)
    text = ORDERED_LIST_START.sub(r"\1\\\2", text)
    return LINE_START_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", text)


def render_site(archive: Archive) -> dict[str, str]:
    """Every generated file, keyed by its path relative to docs/archive/."""
    files = {f"{ARTICLES_DIR}/{a.id}.md": render_article(a, archive.registry) for a in archive.articles}
    files["index.md"] = render_article_list(archive)
    files["_overview.md"] = render_overview(archive)
    return files


def front_matter(article: Article, registry: Registry) -> dict[str, object]:
    """The page's metadata, every field with its evidence, in a fixed key order."""
    doc = article.document
    return {
        "id": article.id,
        "title": article.title.value,
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
    }


def _speaker_evidence(speaker) -> str:
    how = "transcript turn" if speaker.how == "turn" else "speech attributed"
    who = speaker.person or "not in the registry"
    return f"{who}: {how} {speaker.name!r} on line {speaker.line}"


def render_front_matter(data: dict[str, object]) -> str:
    """YAML front matter between --- lines, written by yaml.safe_dump so it always reads back."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return f"---\n{text}---\n"


def render_article(article: Article, registry: Registry) -> str:
    """One article page: front matter, metadata with evidence, the escaped text, provenance."""
    doc = article.document
    lines = [render_front_matter(front_matter(article, registry)), f"# {escape_markdown(article.title.value)}", ""]
    if article.title.method == "derived":
        lines += ['!!! note "Title supplied by the archive"', f"    The source has no headline; this title is {escape_markdown(article.title.evidence)}.", ""]
    if doc.truncated:
        lines += ['!!! warning "Text may be incomplete"', "    The text ends mid-sentence: the page was probably cut off when it was collected.", ""]
    lines += _metadata_table(article, registry)
    lines += ["", "## Text", ""]
    lines += [_render_block(block) for block in doc.blocks]
    lines += _provenance(article)
    return "\n".join(lines).rstrip() + "\n"


def _metadata_table(article: Article, registry: Registry) -> list[str]:
    people = {p.id: p for p in registry.people}
    topics = {t.id: t for t in registry.topics}
    sources = {s.id: s for s in registry.sources}
    date = article.date.published
    if article.date.event:
        date += f"; event {article.date.event}"
    if article.date.republished:
        date += f"; republished {article.date.republished}"
    speakers = ", ".join(
        people[s.person].name if s.person else f"{s.name} (not in the registry)" for s in article.speakers
    ) or "none found"
    source = sources[article.source.value].name if article.source.value in sources else "unknown"
    if article.republisher:
        source += f"; republished by {sources[article.republisher.value].name}"
    rows = [
        ("Date", date, article.date.evidence),
        ("Source", source, article.source.evidence + (f"; {article.republisher.evidence}" if article.republisher else "")),
        ("Speakers", speakers, "; ".join(_speaker_evidence(s) for s in article.speakers) or "no attributed speech found"),
        ("Topics", ", ".join(topics[t.topic].name for t in article.topics) or "none", "; ".join(f"{topics[t.topic].name}: " + ", ".join(f"“{k}” ×{n}" for k, n in t.matches) for t in article.topics) or "no topic keyword found"),
        ("Language", article.language.value, article.language.evidence),
    ]
    # data-search-exclude keeps the evidence out of search snippets; the text is what readers search.
    out = ['<div class="archive-meta" markdown data-search-exclude>', "", "| Field | Value | How it was found |", "| --- | --- | --- |"]
    out += [f"| {name} | {escape_markdown(value)} | {escape_markdown(evidence)} |" for name, value, evidence in rows]
    return out + ["", "</div>"]


def _render_block(block: Block) -> str:
    text = escape_markdown(block.text)
    if block.kind == "heading":
        return f"### {text}\n"
    if block.kind == "turn":
        role = " .turn--question" if fold(block.label) in NON_PERSON_LABELS else ""
        return f"**{escape_markdown(block.label)}:** {text}\n{{: .turn{role} }}\n"
    return f"{text}\n"


def _provenance(article: Article) -> list[str]:
    doc = article.document
    raw = doc.text.raw
    out = [
        "## Provenance",
        "",
        # Kept out of the search index: removed boilerplate would otherwise match searches.
        '<div class="archive-provenance" markdown data-search-exclude>',
        "",
        f"- Seed file: `{raw.name}` ({doc.text.encoding}, {article.words} words)",
        f"- SHA-256 of the seed: `{doc.text.sha256}`",
    ]
    if doc.removed:
        out += ["", "Lines removed as site boilerplate:", "", "| Line | Rule | Text |", "| --- | --- | --- |"]
        out += [f"| {r.line} | {r.rule} | {escape_markdown(r.text)} |" for r in doc.removed]
    return out + ["", "</div>"]


def render_article_list(archive: Archive) -> str:
    """Every article by date, newest first, grouped by year; uncertain dates grouped last."""
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
    for group, articles in groups.items():
        lines += ["", f"## {group}", "", "| Date | Title | Source | Speakers |", "| --- | --- | --- | --- |"]
        for a in articles:
            speakers = ", ".join(people[s.person] for s in a.speakers if s.person) or "—"
            lines.append(
                f"| {escape_markdown(a.date.published)} | [{escape_markdown(a.title.value)}]({ARTICLES_DIR}/{a.id}.md) "
                f"| {escape_markdown(sources.get(a.source.value, 'unknown'))} | {escape_markdown(speakers)} |"
            )
    return "\n".join(lines) + "\n"


def _year_group(value: str) -> str:
    bounds = edtf_bounds(value)
    if bounds is None:
        return "Date unknown"
    low, high = bounds
    return str(low.year) if low.year == high.year else "Date uncertain"


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
        f"The archive holds **{len(articles)} articles** ({span}) from **{len(sources)} identified sources**, "
        f"with **{len(speakers)} people** speaking or quoted, on **{len(topic_counts)} topics**.",
        "",
        "**Topics:** " + (", ".join(f"{escape_markdown(topic_names[t])} ({n})" for t, n in sorted(topic_counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "none yet"),
        "",
        "**Newest articles:**",
        "",
    ]
    lines += [
        f"- {escape_markdown(a.date.published)}: [{escape_markdown(a.title.value)}](archive/{ARTICLES_DIR}/{a.id}.md)"
        for a in articles[:newest]
    ]
    lines += ["", "[All articles by date](archive/index.md)"]
    return "\n".join(lines) + "\n"
