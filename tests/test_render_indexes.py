"""The people, topic and source pages and the timeline, on a small corpus written here: who appears where, and dates placed honestly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from archive.annotations import load_annotations
from archive.pipeline import build_archive
from archive.registry import load_registry
from archive.render import render_site
from archive.render.common import Context
from archive.render.timeline import timeline_entries
from archive.seeds import read_seeds
from conftest import TODAY

SEEDS = {
    "100_talks.txt": "Talks will resume, minister says\n\nMOSCOW, March 3, 2025. Wire One reported that Anna Alpha said arms control talks "
                     "would resume soon. \"We are ready to talk about arms control,\" Anna Alpha said. Boris Beta was in the room.\n",
    "101_later.txt": "A second round of talks\n\nMOSCOW, July 9, 2025. Wire One reported that the second round of arms control "
                     "talks opened. \"The talks went well,\" Anna Alpha said.\n",
    "102_spring.txt": "Spring talks on arms control\n\nWire One reported that Anna Alpha met her counterparts. \"Spring is for talks,\" Anna Alpha said.\n",
    "103_june.txt": "June talks on arms control\n\nWire One reported that arms control talks went on in June.\n",
    "104_winter.txt": "Winter talks on arms control\n\nWire One reported that arms control talks went on over the winter.\n",
    "105_undated.txt": "Talks with no date\n\nWire One reported that arms control talks went on, some day.\n",
}
CORRECTED = {"102_spring": "2024-03/2024-05", "103_june": "2024-06-01/2024-06-20", "104_winter": "2023-11/2024-02"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Context:
    root = tmp_path_factory.mktemp("indexes")
    seeds, annotations = root / "seeds", root / "annotations"
    seeds.mkdir()
    for folder in ("articles", "events", "statements"):
        (annotations / folder).mkdir(parents=True)
    for name, text in SEEDS.items():
        (seeds / name).write_text(text, encoding="utf-8")

    def dump(path: Path, data: object) -> None:
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    dump(annotations / "people.yml", {"people": [
        {"id": "anna-alpha", "name": "Anna Alpha", "aliases": ["Alpha"], "roles": [{"title": "Minister of Tests", "from": "2020-01-01"}]},
        {"id": "boris-beta", "name": "Boris Beta", "aliases": ["Beta"]},
        {"id": "carl-gamma", "name": "Carl Gamma"},
    ]})
    dump(annotations / "topics.yml", {"topics": [
        {"id": "arms-control", "name": "Arms control", "keywords": ["arms control"]},
        {"id": "fishing", "name": "Fishing", "keywords": ["fishing rod"]},
    ]})
    dump(annotations / "sources.yml", {"sources": [
        {"id": "wire-one", "name": "Wire One", "kind": "wire", "country": "NO", "home": "https://wire.example/", "markers": [{"text": "Wire One reported"}]},
        {"id": "idle-paper", "name": "Idle Paper", "kind": "newspaper", "markers": [{"text": "Idle Paper reports"}]},
    ]})
    for article, date in CORRECTED.items():
        dump(annotations / "articles" / f"{article}.yml", {"date": date, "date_evidence": "Given for the test."})
    dump(annotations / "events" / "2025-03-03-talks.yml", {"title": "Talks in Moscow", "date": "2025-03-03", "articles": [
        {"article": "100_talks", "role": "report"}]})
    dump(annotations / "statements" / "alpha.yml", {"statements": [
        {"id": "alpha-ready", "article": "100_talks", "quote": "We are ready to talk about arms control", "speaker": "anna-alpha"},
        {"id": "alpha-spring", "article": "102_spring", "quote": "Spring is for talks", "speaker": "anna-alpha"},
        {"id": "alpha-went-well", "article": "101_later", "quote": "The talks went well", "speaker": "anna-alpha"},
    ]})
    registry, problems = load_registry(annotations)
    assert [p.format() for p in problems if p.severity == "error"] == []
    curated, problems = load_annotations(annotations)
    assert [p.format() for p in problems if p.severity == "error"] == []
    archive, problems = build_archive(read_seeds(seeds)[0], registry, TODAY, curated)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return Context.of(archive)


@pytest.fixture(scope="module")
def pages(corpus) -> dict[str, str]:
    return render_site(corpus.archive)


def links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", markdown)


def section(markdown: str, heading: str) -> str:
    """The Markdown under `## heading`, up to the next heading of that level."""
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_only_people_topics_and_outlets_that_appear_get_pages(pages):
    assert {p for p in pages if p.startswith(("people/", "topics/", "sources/"))} == {
        "people/index.md", "people/anna-alpha.md", "people/boris-beta.md",
        "topics/index.md", "topics/arms-control.md", "sources/index.md", "sources/wire-one.md"}


def test_a_persons_statements_come_in_date_order_with_links_to_their_quotes(pages, corpus):
    person = pages["people/anna-alpha.md"]
    assert "Minister of Tests (from 2020-01-01)" in person and "Also written: Alpha" in person
    statements = section(person, "Statements")
    # 2024-03/2024-05 before 2025-03-03 before 2025-07-09, whatever order they were curated in.
    assert links(statements) == ["../articles/102_spring.md#quote-alpha-spring", "../articles/100_talks.md#quote-alpha-ready",
                                 "../articles/101_later.md#quote-alpha-went-well"]
    assert "“We are ready to talk about arms control”" in statements
    speaks = {a.id for a in corpus.archive.articles if any(s.person == "anna-alpha" for s in a.speakers)}
    assert speaks and {Path(t).stem for t in links(section(person, "Articles they speak in"))} == speaks


def test_someone_only_named_is_listed_as_mentioned(pages):
    person = pages["people/boris-beta.md"]
    assert links(section(person, "Only mentioned in")) == ["../articles/100_talks.md"]
    assert "None anchored yet." in section(person, "Statements")
    row = next(line for line in pages["people/index.md"].splitlines() if "boris-beta.md" in line)
    assert row.endswith("| 0 | 0 | 1 |")


def test_an_outlet_page_gives_its_facts_its_articles_and_the_events_it_covered(pages, corpus):
    source = pages["sources/wire-one.md"]
    assert "**Kind:** wire · **Country:** NO · **Home page:** <a href=\"https://wire.example/\">" in source
    assert links(section(source, "Events it covered")) == ["../events/2025-03-03-talks.md"]
    assert section(source, "Events it covered").rstrip().endswith(": report")
    listed = [Path(t).stem for t in links(section(source, "Articles, newest first"))]
    assert listed == [a.id for a in corpus.archive.articles]  # all six, in the archive's order (newest first)
    assert "1 outlet with articles in the archive, of the 2 outlets the registry knows." in pages["sources/index.md"]


def test_a_topic_page_lists_its_statements_and_articles(pages):
    topic = pages["topics/arms-control.md"]
    assert "Found by: “arms control”" in topic
    assert len(links(section(topic, "Statements"))) == 3  # no curated topics: each takes its article's


def test_the_timeline_places_a_date_where_all_its_days_fall(pages):
    index, y2024, y2025 = pages["timeline/index.md"], pages["timeline/2024.md"], pages["timeline/2025.md"]
    # A range across years is on the first page, never in the year of its first day.
    assert "2023-11/2024-02 (from 2023-11-01 to 2024-02-29)" in section(index, "Dates spanning years")
    assert "104_winter" not in y2024 and not any(p.startswith("timeline/2023") for p in pages)
    # Within one month: in that month, shown as its range.
    assert "from 2024-06-01 to 2024-06-20 · Article: [June talks" in section(y2024, "June 2024")
    # Within one year across months: "sometime in" the year, not in March.
    assert "Spring talks" in section(y2024, "Sometime in 2024") and "## March 2024" not in y2024
    # A known day: under its month, as a day.
    assert "- 3 Mar · Article: [Talks will resume" in section(y2025, "March 2025")
    assert "1 article or statement has no date the text supports" in index


def test_every_dated_entry_is_on_exactly_one_timeline_page(pages, corpus):
    entries, undated = timeline_entries(corpus)
    timeline = "\n".join(text for path, text in pages.items() if path.startswith("timeline/"))
    assert undated == 1 and len(entries) == len(corpus.archive.articles) - 1 + len(corpus.archive.statements)
    for entry in entries:
        assert timeline.count(entry.text) == 1, entry


def test_the_picture_is_written_and_shown_on_the_timeline_and_the_home_page(pages):
    assert pages["chart.svg"].lstrip().startswith("<?xml")
    assert "](../chart.svg)" in pages["timeline/index.md"] and "](archive/chart.svg)" in pages["_overview.md"]
    caption = re.search(r"<figcaption>(.*)</figcaption>", pages["timeline/index.md"]).group(1)
    assert caption.startswith("6 articles from 2023 to 2025")


@pytest.mark.browser
@pytest.mark.parametrize("where", ["http", "file"])
def test_the_reading_room_in_chromium(explore_site, browser, where):
    """Each new page family reached from the home page's links, the picture loaded, a statement opening at its quote."""
    from playwright.sync_api import expect

    from conftest import serving, site_page

    with serving(explore_site) as http_base:
        base = http_base if where == "http" else explore_site.as_uri() + "/"
        with site_page(browser, base, []) as page:
            page.goto(base + "index.html")
            for name, heading in (("People", "People"), ("Topics", "Topics"), ("Sources", "Sources"), ("Timeline", "Timeline")):
                page.goto(base + "index.html")
                page.locator("article").get_by_role("link", name=name, exact=True).first.click()
                # Retried until the new page is there: read at once, the heading could be caught half-parsed ('').
                expect(page.locator("article h1").first).to_have_text(re.compile(rf"^\s*{heading}\s*¶?\s*$"))
            page.goto(base + "archive/timeline/index.html")
            image = page.locator("figure.archive-chart img")
            image.wait_for()
            assert image.evaluate("img => img.complete && img.naturalWidth > 0")
            assert page.locator("figure.archive-chart figcaption").text_content().strip()
            page.goto(base + "archive/people/sergey-lavrov.html")
            page.locator("article li a[href*='#quote-']").first.click()
            page.wait_for_url("**/archive/articles/*.html#quote-*")
            assert page.locator("mark.quote:target").is_visible()


def test_an_article_page_links_its_speakers_outlet_and_topics_to_their_pages(pages, corpus):
    article = pages["articles/100_talks.md"]
    row = {line.split(" | ")[0].lstrip("| "): line for line in article.splitlines() if line.startswith("| ")}
    assert "](../people/anna-alpha.md)" in row["Speakers"] and "](../sources/wire-one.md)" in row["Source"]
    assert "](../topics/arms-control.md)" in row["Topics"]
    for target in re.findall(r"\]\(\.\./((?:people|sources|topics)/[^)]+)\)", article):
        assert target in pages, target  # every such link has its page
