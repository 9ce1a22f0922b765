"""The timeline picture: dates placed honestly, the text alternative, escaped labels, the same bytes in any process."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

from archive.chart import (
    MOST_TOPIC_ROWS,
    Span,
    chart_summary,
    count_timeline,
    coverage,
    render_chart,
)
from archive.model import (
    Archive,
    Article,
    DateFinding,
    Document,
    Finding,
    LinkedStatement,
    Location,
    RawSeed,
    Registry,
    SeedText,
    Statement,
    Topic,
    TopicFinding,
)

from conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & ]]> $x$ \x01"


def article(ident: str, date: str, topics: tuple[str, ...] = ()) -> Article:
    """An article with only what the picture reads: an id, a published date and topics."""
    raw = RawSeed(f"seeds/{ident}.txt", f"{ident}.txt", b"")
    found = Finding("-", "test", "")
    return Article(ident, Document(SeedText(raw, "utf-8", "", ()), None, (), ()), found, DateFinding(date, None, "test", ""),
                   found, None, (), (), tuple(TopicFinding(t, ()) for t in topics), found, 0)


def statement(ident: str, article_id: str, date: str | None) -> LinkedStatement:
    quote = Statement(ident, article_id, "quote", None, None, "someone", date, (), None, (), Location("s.yml", 1), 1)
    return LinkedStatement(quote, 0, 0, 5, ())


def archive_of(articles: list[Article], statements: list[LinkedStatement] = (), topics: dict[str, str] | None = None) -> Archive:
    names = topics or {}
    registry = Registry(topics=tuple(Topic(t, name, (), Location("topics.yml", 1)) for t, name in names.items()))
    return Archive(tuple(articles), registry, (), tuple(statements))


def sample_archive() -> Archive:
    """Dated, uncertain, open-ended and undated articles, statements with and without their own date, two topics."""
    return archive_of(
        [
            article("a", "2026-02-06", ("nato", "osce")),
            article("b", "2026-02-06?", ("nato",)),
            article("c", "2023-02/2026-02-06", ("osce",)),
            article("d", "[2021-05-19,2022-05-19]"),
            article("e", "2022-12-05/2022-12-11", ("nato",)),
            article("f", "unknown"),
            article("g", "2021/.."),
        ],
        [statement("s1", "a", None), statement("s2", "a", "2026-02-05"), statement("s3", "c", "2024")],
        {"nato": "NATO", "osce": "OSCE"},
    )


def month(year: int, number: int) -> int:
    return year * 12 + number - 1


def test_a_range_is_a_span_over_every_month_it_allows_not_its_first_day():
    timeline = count_timeline(sample_archive())
    assert timeline.unit == "month"
    assert timeline.articles.counts == ((month(2022, 12), 1), (month(2026, 2), 2))
    assert timeline.articles.spans == (
        Span(month(2021, 5), month(2022, 5), 1),
        Span(month(2023, 2), month(2026, 2), 1),
    )
    assert (timeline.articles.undated, timeline.articles.open_ended) == (1, 1)
    # The axis covers whole years, from the earliest possible day to the latest.
    assert (timeline.first, timeline.last) == (month(2021, 1), month(2026, 12))


def test_a_statement_without_a_date_takes_its_article_s():
    statements = count_timeline(sample_archive()).statements
    assert statements.counts == ((month(2026, 2), 2),)
    assert statements.spans == (Span(month(2024, 1), month(2024, 12), 1),)


def test_topics_are_rows_most_articles_first_named_from_the_registry():
    rows = count_timeline(sample_archive()).topics
    assert [(row.label, row.total) for row in rows] == [("NATO", 3), ("OSCE", 2)]
    assert rows[1].spans == (Span(month(2023, 2), month(2026, 2), 1),)


def test_past_the_most_rows_the_smaller_topics_share_one_counting_each_article_once():
    ids = [f"t{i:02d}" for i in range(MOST_TOPIC_ROWS + 2)]
    articles = [article(f"a{i}", "2025-01-01", tuple(ids[: len(ids) - i])) for i in range(len(ids))]
    rows = count_timeline(archive_of(articles)).topics
    assert len(rows) == MOST_TOPIC_ROWS
    assert rows[-1].label == "3 other topics"
    assert rows[-1].total == 3  # the articles carrying t07, t08 or t09, each once


def test_the_unit_grows_with_the_years_covered():
    def unit(*dates: str) -> str:
        return count_timeline(archive_of([article(str(i), d) for i, d in enumerate(dates)])).unit

    assert unit("2021-01-01", "2026-12-31") == "month"
    assert unit("2010-01-01", "2026-12-31") == "quarter"
    assert unit("1950", "2026-12-31") == "year"
    decades = archive_of([article("a", "1950"), article("b", "1960/1975"), article("c", "2026-12-31")])
    ET.fromstring(render_chart(decades).encode("utf-8"))  # years labelled by decade, spans a decade and more wide
    assert count_timeline(archive_of([article("q", "2024-05"), article("r", "2010")])).articles.counts[-1] == (2024 * 4 + 1, 1)


def test_the_text_alternative_says_what_the_picture_shows_and_what_it_cannot():
    alt, _ = chart_summary(sample_archive())
    assert alt == (
        "7 articles from 2021 to 2026; most in February 2026 (2); 2 with uncertain dates shown as spans; "
        "1 with an open-ended date, not drawn; 1 undated; 3 statements."
    )
    assert chart_summary(archive_of([]))[0] == "No articles yet."
    one = archive_of([article("a", "2026-02-06")])
    assert chart_summary(one)[0] == "1 article in 2026; most in February 2026 (1); 0 statements."
    even = archive_of([article("a", "2026-02-06"), article("b", "2025-03")])
    assert chart_summary(even)[0] == "2 articles from 2025 to 2026; at most 1 a month; 0 statements."


def test_the_year_table_counts_only_dates_sure_of_their_year():
    _, table = chart_summary(sample_archive())
    assert table == (
        "| Year | Articles | Statements |\n"
        "| --- | ---: | ---: |\n"
        "| 2022 | 1 | 0 |\n"
        "| 2024 | 0 | 1 |\n"
        "| 2026 | 2 | 2 |\n"
        "| spanning years | 2 | 0 |\n"
        "| open-ended | 1 | 0 |\n"
        "| undated | 1 | 0 |\n"
    )


def test_spans_stack_each_as_a_bar_over_its_whole_range():
    assert coverage((Span(3, 5, 2), Span(5, 6, 1))) == ((3, 2), (4, 2), (5, 3), (6, 1))


def test_the_svg_has_a_title_and_desc_and_no_metadata_of_the_moment():
    svg = render_chart(sample_archive())
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.get("role") == "img"
    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]
    assert root.find(f"{SVG}title").text == "Articles and statements by month"
    assert root.find(f"{SVG}desc").text.startswith("7 articles from 2021 to 2026;")
    assert "metadata" not in svg and "Matplotlib v" not in svg and "dc:date" not in svg


def test_an_annotation_s_topic_name_reaches_the_svg_as_text_never_markup():
    hostile = archive_of([article("a", "2026-02-06", ("x",))], topics={"x": HOSTILE})
    svg = render_chart(hostile)
    root = ET.fromstring(svg.encode("utf-8"))  # raises on markup that broke the document, or a control character
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1].lower() == "script"]
    assert "<script" not in svg and "]]>" not in svg
    assert "<script>alert(1)</script> & ]]> $x$ (1)" in root.find(f"{SVG}desc").text  # the name itself, read back


def render_sample() -> str:
    """What the determinism test renders in each process."""
    return render_chart(sample_archive())


def test_two_processes_render_the_same_bytes():
    code = "import sys; sys.path[:0] = sys.argv[1:]; import test_chart; sys.stdout.buffer.write(test_chart.render_sample().encode())"
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": seed}
        done = subprocess.run([sys.executable, "-c", code, str(ROOT), str(ROOT / "tests")], env=env, capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr.decode()
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].decode() == render_sample()


def test_a_thousand_articles_stay_a_small_picture():
    articles = [article(f"a{i:04d}", f"{2021 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", (f"t{i % 9}", f"t{i % 4}")) for i in range(1000)]
    articles += [article(f"u{i}", f"{2021 + i % 5}/{2022 + i % 5}") for i in range(50)]
    svg = render_chart(archive_of(articles))
    assert len(svg.encode("utf-8")) < 100_000
