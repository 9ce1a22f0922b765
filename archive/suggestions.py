"""Curator suggestions: duplicate stories as events, and report passages with the record passage they render (pure).

`suggest` reads every seed's text once (archive/fingerprints.py), proposes pairs without
comparing all of them (archive/duplicates.py), parses only the articles those pairs and the
curated events hold, and aligns each report with its record (archive/alignment.py). What is
already curated is marked so, not proposed again. `render_yaml` and `render_json` write the
result; the YAML is annotation files that pass `check` as they are.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

import numpy as np
import yaml

from archive.alignment import THRESHOLD, Aligned, Passage, align
from archive.anchor import collapse, locate_quote
from archive.duplicates import COPY, REWRITE, Evidence, candidate_pairs, evidence, judge, text_figures, text_score
from archive.edtf import edtf_bounds
from archive.extract import name_index
from archive.fingerprints import Fingerprint, fingerprints_of, jaccard, split_fingerprints
from archive.model import Annotations, Article, RawSeed, Registry
from archive.pipeline import over_seeds, parse_article, parse_articles
from archive.seeds import decode_seed

MIN_SCORE = 0.5  # default: the lowest score a suggestion is shown with
RECORD_KINDS = frozenset({"ministry", "international-organization"})  # outlets whose pages are an event's own record
_CHUNK = 512  # seeds a worker fingerprints per round trip


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a suggestion: an article and its passage (a duplicate's title)."""

    article: str
    text: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed link with its score and evidence; `curated` when the annotations already make it."""

    kind: str  # "duplicate" | "quote"
    score: float
    curated: bool
    evidence: dict
    a: Side
    b: Side


@dataclass(frozen=True, slots=True)
class Proposal:
    """An annotation file the suggestions make: its path under annotations/, a comment heading it and its data."""

    path: str
    comment: str
    body: dict
    score: float

    def text(self) -> str:
        """The file as YAML (made only when asked for: JSON output never needs it)."""
        heading = "".join(f"# {line}\n" for line in self.comment.splitlines())
        return heading + yaml.safe_dump(self.body, sort_keys=False, allow_unicode=True, width=100)


def _seed_texts(seeds: Sequence[RawSeed]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    texts = []
    for raw in seeds:
        try:  # words are all a fingerprint reads: tidying lines would change none of them
            texts.append(raw.data.decode("utf-8"))
        except UnicodeDecodeError:
            text, _ = decode_seed(raw)
            texts.append("\n".join(line.text for line in text.lines) if text else "")
    return fingerprints_of(texts)


def fingerprints(seeds: Sequence[RawSeed], jobs: int = 1) -> list[Fingerprint]:
    """Every seed's fingerprint, in seed order; in worker processes with jobs > 1."""
    chunks = [seeds[i:i + _CHUNK] for i in range(0, len(seeds), _CHUNK)]
    if jobs <= 1 or len(chunks) < 4:
        return [fp for chunk in chunks for fp in split_fingerprints(*_seed_texts(chunk))]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [fp for packed in pool.map(_seed_texts, chunks) for fp in split_fingerprints(*packed)]


def people(article: Article) -> frozenset[str]:
    """Registry people an article has speak or names."""
    return frozenset(s.person for s in article.speakers if s.person) | frozenset(article.mentioned)


@dataclass(frozen=True, slots=True)
class Digest:
    """What judging a pair and proposing an event need of a parsed article: small enough to pass between processes."""

    id: str
    title: str
    date: str
    source: str
    people: frozenset[str]
    turns: int  # transcript turns


def digest(raw: RawSeed, registry: Registry, today: datetime.date) -> Digest | None:
    """A seed parsed as the build parses it, summed up; None if it has no text."""
    article, _ = parse_article(raw, registry, today, whole=False)
    if article is None:
        return None
    turns = sum(1 for block in article.document.blocks if block.kind == "turn")
    return Digest(article.id, article.title.value, article.date.published, article.source.value, people(article), turns)


def digests(seeds: Sequence[RawSeed], registry: Registry, today: datetime.date, jobs: int = 1) -> list[Digest | None]:
    """Every seed's digest, in seed order; in worker processes with jobs > 1."""
    return over_seeds(partial(digest, registry=registry, today=today), seeds, jobs)


def record_outlets(registry: Registry) -> frozenset[str]:
    """The outlets whose pages are an event's own record: ministries and international bodies."""
    return frozenset(s.id for s in registry.sources if s.kind in RECORD_KINDS)


def is_record(article: Digest, records: frozenset[str]) -> bool:
    """Whether an article is an event's own record: a transcript of turns, or from one of `records` (see record_outlets)."""
    return article.turns >= 2 or article.source in records


@dataclass(frozen=True, slots=True)
class Judged:
    """A candidate pair of articles with its evidence and score."""

    a: Digest
    b: Digest
    evidence: Evidence
    score: float
    curated: bool


def suggest(
    seeds: Sequence[RawSeed],
    registry: Registry,
    annotations: Annotations,
    today: datetime.date,
    kinds: frozenset[str] = frozenset({"duplicate", "quote"}),
    min_score: float = MIN_SCORE,
    jobs: int = 1,
) -> tuple[list[Suggestion], list[Proposal]]:
    """Every suggestion (curated ones too, marked) at or above min_score, and the annotation files the new ones make."""
    prints = fingerprints(seeds, jobs)
    ids = [raw.name.removesuffix(".txt") for raw in seeds]
    index = {ident: i for i, ident in enumerate(ids)}
    event_of = {entry.article: event.id for event in annotations.events for entry in event.articles}
    figures = {}
    for i, j in candidate_pairs(prints):  # only pairs whose texts could score enough are worth parsing
        found = text_figures(prints[i], prints[j])
        if text_score(found) >= min_score or (ids[i] in event_of and event_of[ids[i]] == event_of.get(ids[j])):
            figures[i, j] = found
    pairs = sorted(figures)
    needed = sorted({i for pair in pairs for i in pair} | {index[a] for a in event_of if a in index})
    articles = {i: found for i, found in zip(needed, digests(tuple(seeds[i] for i in needed), registry, today, jobs)) if found}
    judged = []
    for i, j in pairs:
        if i not in articles or j not in articles:
            continue
        a, b = articles[i], articles[j]
        found = evidence(figures[i, j], a.date, b.date, a.people, b.people)
        curated = a.id in event_of and event_of.get(a.id) == event_of.get(b.id)
        score = judge(found)
        if score >= min_score or curated:
            judged.append(Judged(a, b, found, score, curated))
    suggestions: list[Suggestion] = []
    proposals: list[Proposal] = []
    if "duplicate" in kinds:
        suggestions += [_duplicate(pair) for pair in judged]
    groups = _groups([p for p in judged if not p.curated], event_of)
    pairs_of = {frozenset((p.a.id, p.b.id)): p for p in judged}
    records, event_ids = record_outlets(registry), {e.id for e in annotations.events}
    events = [_event(group, pairs_of, records, event_ids) for group in groups]
    if "duplicate" in kinds:
        proposals += [proposal for proposal, _ in events]
    if "quote" in kinds:
        couples = [couple for _, found in events for couple in found]
        couples += _curated_couples(annotations, {a.id for a in articles.values()})
        aligned_ids = sorted({a for record, report, _ in couples for a in (record, report)})
        parsed = parse_articles(tuple(seeds[index[a]] for a in aligned_ids), registry, today, jobs)
        by_id = {article.id: article for article, _ in parsed if article is not None}  # whole, for the few aligned
        couples = [c for c in couples if c[0] in by_id and c[1] in by_id]
        people_index = name_index(registry.people)
        taken = {s.id for s in annotations.statements}
        links = {frozenset((l.source, l.target)) for s in annotations.statements for l in s.links if l.type == "same-statement"}
        records_of: dict[tuple[str, str], set[str]] = {}
        for record, report, event_id in couples:
            if jaccard(prints[index[record]], prints[index[report]]) < COPY:  # a copy of the record renders it word for word
                records_of.setdefault((event_id, report), set()).add(record)
        for (event_id, report), held in sorted(records_of.items()):
            best: dict[tuple[int, int], tuple[Aligned, str]] = {}
            for record in sorted(held):  # each report passage goes with the record that renders it best
                for pair in align(by_id[report], by_id[record], people_index):
                    key = (pair.report.block, pair.report.start)
                    if key not in best or pair.similarity > best[key][0].similarity:
                        best[key] = (pair, record)
            quotes = [(pair, by_id[record], _quote(pair, by_id[report], by_id[record], annotations, links)) for pair, record in best.values()]
            suggestions += [q for _, _, q in quotes if q.score >= min_score or q.curated]
            new = [(pair, record) for pair, record, q in quotes if not q.curated and q.score >= min_score]
            proposal = _statements(event_id, new, by_id[report], annotations, taken)
            if proposal:
                proposals.append(proposal)
    suggestions.sort(key=lambda s: (s.kind, -s.score, s.a.article, s.b.article, s.a.text, s.b.text))
    return suggestions, sorted(proposals, key=lambda p: p.path)


def _duplicate(pair: Judged) -> Suggestion:
    first, second = sorted((pair.a, pair.b), key=lambda a: (_earliest(a.date), a.id))
    found = pair.evidence
    shown = {"jaccard": found.jaccard, "containment": found.containment, "date_gap_days": found.date_gap,
             "shared_people": list(found.shared_people), "dates": [second.date, first.date]}
    return Suggestion("duplicate", pair.score, pair.curated, shown, Side(second.id, second.title), Side(first.id, first.title))


def _earliest(date: str) -> int:
    bounds = edtf_bounds(date)
    return bounds[0].toordinal() if bounds else 10**9


def _groups(pairs: list[Judged], event_of: dict[str, str]) -> list[list[Digest]]:
    """Connected articles, each group sorted by id; a group whose articles one curated event already holds is left out."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    articles = {}
    for pair in pairs:
        articles[pair.a.id], articles[pair.b.id] = pair.a, pair.b
        parent[root(pair.a.id)] = root(pair.b.id)
    groups: dict[str, list[Digest]] = {}
    for ident in sorted(articles):
        groups.setdefault(root(ident), []).append(articles[ident])
    return sorted(groups.values(), key=lambda g: g[0].id)


def _event(group: list[Digest], pairs_of: dict[frozenset[str], Judged], record_sources: frozenset[str],
           taken: set[str]) -> tuple[Proposal, list[tuple[str, str, str]]]:
    """An event file for a group of duplicate articles, and its (record, report, event id) couples for alignment;
    its id is added to `taken`, the event ids in use."""
    ordered = sorted(group, key=lambda a: (_earliest(a.date), a.id))
    records = [a for a in ordered if is_record(a, record_sources)]
    record = max(records, key=lambda a: (a.turns >= 2, -_earliest(a.date))) if records else None
    similarity = {key: pairs_of[key].evidence for key in (frozenset((a.id, b.id)) for a in group for b in group if a.id < b.id) if key in pairs_of}
    first = record or ordered[0]
    date = first.date if edtf_bounds(first.date) else ordered[0].date
    if edtf_bounds(date) is None or any(edtf_bounds(a.date) and edtf_bounds(a.date)[1] < edtf_bounds(date)[0] for a in group):
        date = min((a.date for a in group if edtf_bounds(a.date)), key=_earliest, default=date)
    ident = _unique(f"{re.sub('[^0-9-]', '', str(date))[:10] or 'undated'}-{_slug(first.title)}", taken)
    entries, couples = [], []
    for article in ([record] if record else []) + [a for a in ordered if a is not record]:
        if article is record:
            role = "primary-record"
        else:
            before = [similarity.get(frozenset((article.id, o.id))) for o in ordered[:ordered.index(article)]]
            best = max((e.jaccard for e in before if e), default=0.0)
            role = "republication" if best >= COPY else "rewrite" if best >= REWRITE and article is not ordered[0] else "report"
            if record:
                couples.append((record.id, article.id, ident))
        entries.append({"article": article.id, "role": role})
    scores = [pairs_of[key].score for key in similarity]
    body = {"title": first.title, "date": date, "articles": entries}
    comment = "\n".join(["Suggested by `build_archive.py suggest`: check the roles, give it a short title, then keep.",
                         "Evidence:", *_evidence_lines(ordered, similarity)])
    return Proposal(f"events/{ident}.yml", comment, body, max(scores, default=0.0)), couples


def _evidence_lines(group: list[Digest], similarity: dict[frozenset[str], Evidence]) -> list[str]:
    """What ties the articles together, a pair a line, for the comment above a proposed event."""
    lines = []
    for a, b in ((a, b) for a in group for b in group if a.id < b.id):
        found = similarity.get(frozenset((a.id, b.id)))
        if found:
            gap = "unknown" if found.date_gap is None else f"{found.date_gap} day(s)"
            people = ", ".join(found.shared_people) or "none"
            lines.append(f"  {a.id} ({a.source}, {a.date}) ~ {b.id} ({b.source}, {b.date}): Jaccard {found.jaccard}, "
                         f"containment {found.containment}, date gap {gap}, people both name: {people}")
    return lines


def _ascii_words(text: str) -> list[str]:
    """The words of a text in lower-case ASCII, as ids are written."""
    return re.findall(r"[a-z0-9]+", collapse(text).lower().encode("ascii", "ignore").decode())


def _slug(title: str) -> str:
    return "-".join(_ascii_words(title)[:6]) or "event"


def _unique(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 … if taken; the id returned is taken from then on."""
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def _curated_couples(annotations: Annotations, by_id: set[str]) -> list[tuple[str, str, str]]:
    """(record, other article, event id) for each curated event's primary records and each of its other articles."""
    couples = []
    for event in annotations.events:
        held = [e.article for e in event.articles if e.article in by_id]
        records = [e.article for e in event.articles if e.role == "primary-record" and e.article in by_id]
        couples += [(record, other, event.id) for record in records for other in held if other not in records]
    return couples


def _overlaps(quote: str, passage: str) -> bool:
    """Whether a curated quote and a suggested passage cover mostly the same words."""
    a, b = collapse(quote).lower(), collapse(passage).lower()
    if a in b or b in a:
        return True
    first, second = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return len(first & second) >= 0.6 * min(len(first), len(second)) if first and second else False


def quote_score(similarity: float) -> float:
    """An aligned pair's similarity on the duplicates' scale: the alignment threshold scores 0.5, twice it 1."""
    return round(min(1.0, similarity / (2 * THRESHOLD)), 3)


def _quote(pair: Aligned, report: Article, record: Article, annotations: Annotations, links: set[frozenset[str]]) -> Suggestion:
    """A quote suggestion; curated when a same-statement link in `links` (statement id pairs) joins statements on both passages."""
    statements = annotations.statements
    reported = [s.id for s in statements if s.article == report.id and _overlaps(s.quote, pair.report.text)]
    recorded = {s.id for s in statements if s.article == record.id and _overlaps(s.quote, pair.record.text)}
    curated = any(frozenset((x, y)) in links for x in reported for y in recorded)
    shown = {"similarity": pair.similarity, "in_order": pair.in_order, "shared_words": list(pair.shared),
             "passage": pair.report.kind, "speaker": pair.record.speaker}
    return Suggestion("quote", quote_score(pair.similarity), curated, shown, Side(report.id, pair.report.text), Side(record.id, pair.record.text))


def _statements(event_id: str, new: list[tuple[Aligned, Article]], report: Article,
                annotations: Annotations, taken: set[str]) -> Proposal | None:
    """A statements file: each record passage once, each report passage linked to it as the same statement."""
    existing = {s.id: s for s in annotations.statements}
    entries: list[dict] = []
    made: dict[tuple[str, int, int], str] = {}
    for pair, record in sorted(new, key=lambda n: (n[0].report.block, n[0].report.start)):
        day = record.date.published if re.fullmatch(r"\d{4}-\d{2}-\d{2}", record.date.published) else None
        speaker = pair.record.speaker
        if not speaker or speaker == "?":
            continue
        reported = _anchored(report, pair.report)
        recorded = _anchored(record, pair.record)
        if reported is None or recorded is None:
            continue
        key = (record.id, pair.record.block, pair.record.start)
        target = made.get(key) or next((s.id for s in existing.values() if s.article == record.id
                                        and _overlaps(s.quote, pair.record.text)), None)
        if target is None:
            target = _new_id(speaker, day, pair.record.text, "record", taken)
            entries.append(_statement(target, record.id, recorded, speaker, day))
            made[key] = target
        ident = _new_id(speaker, day, pair.report.text, "report", taken)
        shared = ", ".join(pair.shared)
        note = (f"Suggested (similarity {pair.similarity}, {'in' if pair.in_order else 'out of'} order; shared: {shared}). "
                "Say how the wording differs.")
        entries.append(_statement(ident, report.id, reported, speaker, day) | {"links": [{"to": target, "type": "same-statement", "note": note}]})
    if not any("links" in e for e in entries):
        return None
    held = ", ".join(sorted({record.id for _, record in new}))
    return Proposal(f"statements/suggested-{report.id}.yml",
                    f"Suggested by `build_archive.py suggest` for event {event_id}: report {report.id}, record {held}.",
                    {"statements": entries}, max(quote_score(pair.similarity) for pair, _ in new))


def _anchored(article: Article, passage: Passage) -> tuple[str, str | None] | None:
    """The passage as a quote, with a prefix when it occurs more than once in its article; None if it cannot be told apart."""
    blocks = article.document.blocks
    quote = passage.text.strip()
    if len(locate_quote(blocks, quote, None, None)) == 1:
        return quote, None
    before = blocks[passage.block].text[:passage.start].rstrip()
    prefix = before[-40:].lstrip() if before else ""
    if prefix and len(locate_quote(blocks, quote, prefix, None)) == 1:
        return quote, prefix
    return None


def _statement(ident: str, article: str, anchored: tuple[str, str | None], speaker: str, day: str | None) -> dict:
    quote, prefix = anchored
    entry = {"id": ident, "article": article, "quote": quote}
    if prefix:
        entry["prefix"] = prefix
    entry["speaker"] = speaker
    if day:
        entry["date"] = day
    return entry


def _new_id(speaker: str, day: str | None, text: str, side: str, taken: set[str]) -> str:
    words = [w for w in _ascii_words(text) if len(w) > 3][:4]
    return _unique("-".join([speaker.rsplit("-", 1)[-1], day or "undated", *words, side]), taken)


def render_json(suggestions: list[Suggestion], show_curated: bool) -> list[dict]:
    """The suggestions as JSON objects: kind, score, curated, evidence, a and b."""
    return [{"kind": s.kind, "score": s.score, "curated": s.curated, "evidence": s.evidence,
             "a": {"article": s.a.article, "text": s.a.text}, "b": {"article": s.b.article, "text": s.b.text}}
            for s in suggestions if show_curated or not s.curated]


def render_yaml(proposals: list[Proposal], suggestions: list[Suggestion], show_curated: bool) -> str:
    """Every proposed annotation file as a YAML document headed by its path; curated suggestions as comments with --all."""
    parts = [f"--- # annotations/{p.path} (score {p.score})\n{p.text()}" for p in proposals]
    if show_curated:
        curated = [s for s in suggestions if s.curated]
        parts += [f"# curated {s.kind} ({s.score}): {s.a.article} “{_short(s.a.text)}” = {s.b.article} “{_short(s.b.text)}”\n" for s in curated]
    return "".join(parts)


def _short(text: str, width: int = 60) -> str:
    text = collapse(text)
    return text if len(text) <= width else text[:width - 1] + "…"

