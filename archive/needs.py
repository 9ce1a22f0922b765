"""What each article still needs from a curator, after extraction and corrections: warnings with YAML to paste (pure)."""

from __future__ import annotations

from archive.model import Article, Problem, warning

CORRECTIONS = "annotations/articles"
# A new correction file's first line, so an editor checks it against its schema as it is typed.
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/article.schema.json"


def curation_needs(article: Article) -> tuple[str, ...]:
    """The fields a curator still has to supply: "date", "source", "speakers" (unregistered ones), "topics"."""
    needs = []
    if article.date.published == "unknown":
        needs.append("date")
    if article.source.value == "unknown":
        needs.append("source")
    if any(speaker.person is None for speaker in article.speakers):
        needs.append("speakers")
    if not article.topics:
        needs.append("topics")
    return tuple(needs)


def needs_warnings(article: Article) -> tuple[Problem, ...]:
    """A warning for each need of an article but unregistered speakers (extraction warns about each where it is met)."""
    path = article.document.text.raw.path
    correction = f"{CORRECTIONS}/{article.id}.yml"
    # Where to write, then the schema line a new file starts with: the snippet below it follows that line.
    into = f"{correction} (a new file starts with its schema line):\n  {SCHEMA_LINE}\n"
    messages = {
        "date": (
            f"no publication date found in the text; if you know it, write it in {into}"
            "  date: 'YYYY-MM-DD'  # or 'YYYY-MM', 'YYYY', an interval 'a/b', '?' if unsure\n"
            "  date_evidence: how it is known (the page's own date, its URL, an archived copy)"
        ),
        "source": (
            "no marker of a known outlet in the text; register the outlet in annotations/sources.yml:\n"
            "  - id: outlet-id\n"
            "    name: Outlet Name\n"
            "    kind: newspaper  # wire, ministry, state-media, broadcaster, magazine, think-tank, ...\n"
            "    home: https://outlet.example\n"
            "    markers:\n"
            "      - text: a credit line, dateline or banner only this outlet prints\n"
            f"  or, if the text itself never names it, write in {into}"
            "  source: outlet-id\n"
            "  source_evidence: how it is known (the page's URL, an archived copy)"
        ),
        "topics": (
            "no topic found; add a keyword that names it to annotations/topics.yml, "
            f"or give the topics in {into}"
            "  topics:\n"
            "    add: [topic-id]"
        ),
    }
    return tuple(warning(path, 0, messages[need]) for need in curation_needs(article) if need in messages)


def needs_summary(articles: tuple[Article, ...]) -> str:
    """One line per article that still needs something, for the end of `check`; "" when none does."""
    lines = [f"  {article.id}: {', '.join(needs)}" for article in sorted(articles, key=lambda a: a.id) if (needs := curation_needs(article))]
    if not lines:
        return ""
    return "\n".join([f"{len(lines)} article(s) still need curating:", *lines])
