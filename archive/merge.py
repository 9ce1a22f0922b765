"""The linked archive: corrections applied, events attached, quotes anchored, links shown both ways (pure)."""

from __future__ import annotations

from dataclasses import replace

from archive.anchor import resolve_anchors
from archive.model import (
    Annotations,
    Archive,
    Article,
    Correction,
    DateFinding,
    Finding,
    LinkedStatement,
    LinkView,
    Registry,
    SpeakerFinding,
    TopicFinding,
)

# How a link written on A reads from B's side.
INVERSE = {
    "same-statement": "same-statement",
    "contradicts": "contradicts",
    "context": "context",
    "repeats": "repeated-by",
    "updates": "updated-by",
    "responds-to": "responded-to-by",
}


def apply_correction(article: Article, correction: Correction) -> Article:
    """The article with every corrected field replaced; the evidence keeps what the text alone said."""
    where = correction.location.path
    lines = dict(correction.field_lines)

    def cite(field: str) -> str:
        return f"{where}:{lines[field]}" if field in lines else where

    changes: dict[str, object] = {"correction": correction}
    if correction.title:
        changes["title"] = Finding(correction.title, "correction", f"corrected in {cite('title')}; the text gave {article.title.value!r} ({article.title.method})")
    if correction.date or correction.event_date:
        old = article.date
        published = correction.date or old.published
        evidence = f"{correction.date_evidence} (corrected in {cite('date')}; the text alone gave {old.published}: {old.evidence})" if correction.date else old.evidence
        changes["date"] = DateFinding(published, correction.event_date or old.event, "correction" if correction.date else old.method, evidence, old.republished)
    if correction.source:
        old = article.source
        changes["source"] = Finding(correction.source, "correction", f"{correction.source_evidence} (corrected in {cite('source')}; the text alone gave {old.value}: {old.evidence})")
    if correction.republisher:
        changes["republisher"] = Finding(correction.republisher, "correction", f"given in {cite('republisher')}")
    if correction.language:
        changes["language"] = Finding(correction.language, "correction", f"given in {cite('language')}; detected {article.language.value}")
    if correction.speakers_add or correction.speakers_remove:
        kept = [s for s in article.speakers if s.person not in correction.speakers_remove]
        known = {s.person for s in kept}
        added = [SpeakerFinding(p, p, lines.get("speakers", 0), "correction") for p in correction.speakers_add if p not in known]
        changes["speakers"] = tuple(kept + added)
        changes["mentioned"] = tuple(m for m in article.mentioned if m not in correction.speakers_add)
    if correction.topics_add or correction.topics_remove:
        kept_topics = [t for t in article.topics if t.topic not in correction.topics_remove]
        have = {t.topic for t in kept_topics}
        added_topics = [TopicFinding(t, ()) for t in correction.topics_add if t not in have]
        changes["topics"] = tuple(sorted(kept_topics + added_topics, key=lambda t: t.topic))
    return replace(article, **changes)


def link_statements(annotations: Annotations, articles: tuple[Article, ...]) -> tuple[LinkedStatement, ...]:
    """Statements whose quote occurs exactly once, each with its links and backlinks, in file order."""
    views: dict[str, list[LinkView]] = {s.id: [] for s in annotations.statements}
    for statement in annotations.statements:
        for link in statement.links:
            if link.target not in views or link.target == statement.id or link.type not in INVERSE:
                continue  # validation reports these; the page shows only links that make sense
            views[statement.id].append(LinkView(link.target, link.type, link.note, True, link.location))
            views[link.target].append(LinkView(statement.id, INVERSE[link.type], link.note, False, link.location))
    # Only statements whose quote occurs exactly once: validation reports the rest, and the
    # page shows no highlight rather than a wrong one.
    anchors = resolve_anchors(annotations, articles)
    linked = []
    for statement in annotations.statements:
        anchor = anchors.get(statement.id)
        if anchor is None:
            continue
        links = tuple(_dedupe(sorted(views[statement.id], key=lambda v: (v.other, v.relation, not v.written_here))))
        linked.append(LinkedStatement(statement, anchor.block, anchor.start, anchor.end, links))
    return tuple(linked)


def _dedupe(views: list[LinkView]) -> list[LinkView]:
    """A link written from both sides shows once, as written here."""
    seen: set[tuple[str, str]] = set()
    out = []
    for view in views:
        if (view.other, view.relation) not in seen:
            seen.add((view.other, view.relation))
            out.append(view)
    return out


def merge_archive(articles: tuple[Article, ...], registry: Registry, annotations: Annotations) -> Archive:
    """The archive the site is rendered from: corrected articles, events and linked statements."""
    corrections = {c.article: c for c in annotations.corrections}
    corrected = tuple(apply_correction(a, corrections[a.id]) if a.id in corrections else a for a in articles)
    return Archive(corrected, registry, tuple(sorted(annotations.events, key=lambda e: e.id)), link_statements(annotations, corrected))
