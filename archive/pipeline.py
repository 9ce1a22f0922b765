"""The stages joined: seeds and registry in, a linked Archive and every problem out (pure)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from typing import TypeVar

from archive.dates import extract_date
from archive.edtf import sort_key
from archive.extract import (
    count_words,
    detect_language,
    extract_terms,
    extract_title,
    extract_topics,
    named_sentences,
)
from archive.merge import merge_archive
from archive.outlets import extract_source, find_markers, furniture_lines, name_lines, source_from_office
from archive.model import Annotations, Archive, Article, Finding, Problem, RawSeed, Registry
from archive.needs import needs_warnings
from archive.seeds import decode_seed
from archive.speakers import extract_speakers
from archive.structure import parse_document
from archive.validate import validate_annotations

T = TypeVar("T")  # what a function of one seed gives


def parse_article(raw: RawSeed, registry: Registry, today: datetime.date, whole: bool = True) -> tuple[Article | None, tuple[Problem, ...]]:
    """One seed -> an Article with every field and its evidence, or None when it has no text.

    With whole=False its topics, language and word count are left empty: what telling duplicate
    stories apart does not read, and a quarter of the work.
    """
    text, problems = decode_seed(raw)
    if text is None:
        return None, problems
    markers = find_markers(text, registry)
    document, structure_problems = parse_document(text, furniture=furniture_lines(text, markers) | name_lines(text, registry))
    source, republisher, source_problems = extract_source(text, registry, markers)
    sentences = named_sentences(document, registry)
    speakers, mentioned, speaker_problems = extract_speakers(document, registry, sentences)
    terms = extract_terms(document, registry, sentences)
    date = extract_date(document, today, terms)
    if source.value == "unknown":
        source = source_from_office(document, speakers, terms, date.published, registry, today) or source
    article = Article(
        id=raw.id,
        document=document,
        title=extract_title(document),
        date=date,
        source=source,
        republisher=republisher,
        speakers=speakers,
        mentioned=mentioned,
        topics=extract_topics(document, registry) if whole else (),
        language=detect_language(document) if whole else Finding("", "skipped", ""),
        words=count_words(document) if whole else 0,
    )
    return article, problems + structure_problems + source_problems + speaker_problems


def parse_articles(
    seeds: tuple[RawSeed, ...], registry: Registry, today: datetime.date, jobs: int = 1
) -> list[tuple[Article | None, tuple[Problem, ...]]]:
    """Every seed parsed, in seed order; with jobs > 1 in worker processes, which parsing being pure allows."""
    return over_seeds(partial(parse_article, registry=registry, today=today), seeds, jobs)


def over_seeds(work: Callable[[RawSeed], T], seeds: Sequence[RawSeed], jobs: int = 1) -> list[T]:
    """A pure function of one seed applied to every seed, in seed order; with jobs > 1 in worker processes
    once there are enough seeds to be worth starting them."""
    if jobs <= 1 or len(seeds) < 4 * PARSE_CHUNK:
        return [work(raw) for raw in seeds]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(work, seeds, chunksize=PARSE_CHUNK))


PARSE_CHUNK = 64  # seeds a worker parses per round trip: large enough to amortise pickling


def newest_first(date: str) -> tuple[int, int, int]:
    """Sort key: latest possible day first, then earliest; unknown dates last."""
    unknown, earliest, latest, _ = sort_key(date)
    return (unknown, -latest, -earliest)


def build_archive(
    seeds: tuple[RawSeed, ...],
    registry: Registry,
    today: datetime.date,
    annotations: Annotations = Annotations(),
    jobs: int = 1,
) -> tuple[Archive, tuple[Problem, ...]]:
    """Every seed parsed, curated annotations checked and merged; articles newest first, unknown dates last."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for article, found in parse_articles(seeds, registry, today, jobs):
        problems.extend(found)
        if article is not None:
            articles.append(article)
    archive = merge_archive(tuple(articles), registry, annotations)
    problems.extend(validate_annotations(annotations, archive.articles, registry))
    problems.extend(problem for article in archive.articles for problem in needs_warnings(article))
    ordered = tuple(sorted(archive.articles, key=lambda a: newest_first(a.date.published) + (a.id,)))
    return replace(archive, articles=ordered), tuple(problems)
