"""An article's schema.org description, for the JSON-LD script in its page's <head> (pure).

Only terms schema.org defines: tests/test_render_jsonld.py checks every @type and property against
the vocabulary in tests/vendor/schemaorg/. The page's front matter carries it as `jsonld`, and
overrides/main.html prints it with Jinja's `tojson`, which writes `<`, `>`, `&` and `'` as \\u
escapes, so no text in it can end the script element.
"""

from __future__ import annotations

from archive.edtf import date_parts
from archive.markup import one_line
from archive.model import Article, LinkedStatement
from archive.render.cite import NEWS_KINDS, REPORT_KINDS
from archive.render.common import Context, known_language, page_url


def article_jsonld(article: Article, context: Context) -> dict[str, object]:
    """A NewsArticle, a Report for an office's own record, or an Article, with its publisher, people and quotations."""
    source = context.sources.get(article.source.value)
    kind = source.kind if source else ""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if kind in NEWS_KINDS else "Report" if kind in REPORT_KINDS else "Article",
        "identifier": article.id,
        "headline": one_line(article.title.value),
    }
    if context.site_url:
        data["url"] = page_url(context, article.id)
    parts = date_parts(article.date.published)
    if parts and len(parts) == 3:  # a day, known: never the first day of a month, a range or a guess
        data["datePublished"] = article.date.published
    if known_language(article):
        data["inLanguage"] = known_language(article)
    if source:
        data["publisher"] = {"@type": "Organization", "name": one_line(source.name)} | ({"url": source.home} if source.home else {})
    people = sorted({s.person for s in article.speakers if s.person} | set(article.mentioned))
    if people:
        data["mentions"] = [_person(p, context) for p in people]
    quotations = [_quotation(linked, context) for linked in context.statements_in(article.id)]
    if quotations:
        data["hasPart"] = quotations
    return data


def _person(person_id: str, context: Context) -> dict[str, object]:
    return {"@type": "Person", "name": one_line(context.person(person_id))}


def _quotation(linked: LinkedStatement, context: Context) -> dict[str, object]:
    statement = linked.statement
    quotation: dict[str, object] = {
        "@type": "Quotation",
        "identifier": statement.id,
        "text": one_line(statement.quote),
        "creator": _person(statement.speaker, context),
    }
    if context.site_url:
        quotation["url"] = page_url(context, statement.article, f"quote-{statement.id}")
    return quotation
