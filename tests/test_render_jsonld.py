"""An article's JSON-LD: only terms schema.org defines, where they apply; a date only when the day is known."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archive.annotations import load_annotations
from archive.model import Archive
from archive.pipeline import build_archive
from archive.registry import load_registry
from archive.render.common import Context
from archive.render.jsonld import article_jsonld
from archive.seeds import read_seeds
from conftest import ANNOTATIONS, PINNED, SEEDS, TODAY
from schema_vocabulary import vocabulary

WIRE, TRANSCRIPT = PINNED["000"], PINNED["002"]


@pytest.fixture(scope="module")
def archive() -> Archive:
    """The real seeds and annotations, built in memory."""
    registry, _ = load_registry(ANNOTATIONS)
    annotations, _ = load_annotations(ANNOTATIONS)
    seeds, _ = read_seeds(SEEDS)
    built, problems = build_archive(seeds, registry, TODAY, annotations)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return built


def test_every_article_uses_only_schema_org_terms_where_they_apply(archive: Archive) -> None:
    for site_url in ("", "https://user.github.io/archive/"):
        context = Context.of(archive, site_url)
        for article in archive.articles:
            assert vocabulary().problems(article_jsonld(article, context)) == [], article.id


def test_the_check_finds_terms_schema_org_does_not_define_or_defines_elsewhere() -> None:
    wrong = {
        "@type": "NewsArticle",
        "headline": "x",
        "speaker": "y",
        "creator": {"@type": "Place", "name": "Vienna"},
        "hasPart": [{"@type": "Quote", "text": "z"}],
        "numberOfEmployees": 3,
    }
    assert vocabulary().problems(wrong) == [
        "$.speaker: not a schema.org property",
        "$.creator: a Place is not a value of creator (it takes ['Organization', 'Person'])",
        "$.hasPart[0]: @type 'Quote' is not a schema.org type",
        "$.numberOfEmployees: not a property of NewsArticle (it is for ['BusinessAudience', 'Organization'])",
    ]


def test_a_news_story_a_ministry_record_and_an_unknown_outlet(archive: Archive) -> None:
    context = Context.of(archive)
    articles = {a.id: a for a in archive.articles}
    wire, record = article_jsonld(articles[WIRE], context), article_jsonld(articles[TRANSCRIPT], context)
    assert (wire["@type"], record["@type"]) == ("NewsArticle", "Report")
    assert record["publisher"] == {"@type": "Organization", "name": "Ministry of Foreign Affairs of the Russian Federation", "url": "https://mid.ru/en/"}
    assert {"@type": "Person", "name": "Maria Zakharova"} in record["mentions"]
    quotations = record["hasPart"]
    assert [q["identifier"] for q in quotations] == [s.statement.id for s in context.statements_in(TRANSCRIPT)]
    assert all(q["@type"] == "Quotation" and q["creator"]["@type"] == "Person" and q["text"] for q in quotations)
    unknown = replace(articles[WIRE], source=replace(articles[WIRE].source, value="unknown"))
    assert article_jsonld(unknown, context)["@type"] == "Article" and "publisher" not in article_jsonld(unknown, context)


@pytest.mark.parametrize(("date", "published"), [
    ("2026-02-06", "2026-02-06"), ("2026-02", None), ("2026", None), ("2026-02-06?", None), ("2026-02-06~", None),
    ("2026-02-05/2026-02-06", None), ("[2026-02-05,2026-02-06]", None), ("unknown", None),
])
def test_date_published_only_when_the_day_is_known(archive: Archive, date: str, published: str | None) -> None:
    article = next(a for a in archive.articles if a.id == WIRE)
    dated = replace(article, date=replace(article.date, published=date))
    assert article_jsonld(dated, Context.of(archive)).get("datePublished") == published


def test_addresses_are_given_only_when_the_site_url_is_known(archive: Archive) -> None:
    article = next(a for a in archive.articles if a.id == TRANSCRIPT)
    assert "url" not in article_jsonld(article, Context.of(archive))
    data = article_jsonld(article, Context.of(archive, "https://user.github.io/archive/"))
    assert data["url"] == f"https://user.github.io/archive/archive/articles/{TRANSCRIPT}.html"
    first = data["hasPart"][0]
    assert first["url"] == f"{data['url']}#quote-{first['identifier']}"
