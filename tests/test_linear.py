"""The security review's hostile inputs, at the sizes it measured, each read correctly.

Each took seconds to minutes before its stage was made linear and takes well under a second now,
so a return of the slow code shows here as a hang; bench/hostile_parse.py prints the figures.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from archive.anchor import Anchor, locate_quote
from archive.registry import load_registry
from archive.model import Annotations, Article, Block, Location, RawSeed, SpeakerFinding, Statement
from archive.pipeline import build_archive, parse_article
from archive.seeds import decode_seed, read_seeds
from archive.sentences import split_sentences
from archive.structure import parse_document
from archive.validate import validate_annotations

from conftest import ANNOTATIONS, SEEDS, TODAY

REGISTRY, _ = load_registry(ANNOTATIONS)
ARTICLES = build_archive(read_seeds(SEEDS)[0], REGISTRY, TODAY)[0].articles
NEAR_MISS = "We do not want NATO to take responsibility for the security of the entire Eurasian continent"


def seed(body: str) -> RawSeed:
    """A seed with a headline and `body` below it, from line 3."""
    return RawSeed("seeds/x.txt", "x.txt", f"Headline Here\n\n{body}\n".encode())


def parsed(body: str) -> Article:
    article, _ = parse_article(seed(body), REGISTRY, TODAY)
    assert article is not None
    return article


def statement(ident: str, quote: str, line: int, prefix: str | None = None, article: str = "002_3a7575835685a05e") -> Statement:
    return Statement(ident, article, quote, prefix, None, "sergey-lavrov", None, (), None, (), Location("annotations/statements/s.yml", line - 2), line)


def test_a_line_of_sentences_run_together_gets_its_spaces() -> None:
    article = parsed("word.Word" * 5_000)  # 45 KB: 8.4 s
    assert [block.text for block in article.document.blocks] == ["word. Word" * 5_000]


def test_a_line_of_labels_run_together_gets_its_spaces() -> None:
    article = parsed("A:" * 20_000)  # 40 KB: 37 s
    assert [block.text for block in article.document.blocks] == ["A: " * 19_999 + "A:"]


def test_a_run_of_full_stops_is_left_as_it_is() -> None:
    # Found with the review's shapes: each regex retried a run from each of its stops, 23 s for 20 KB.
    article = parsed("So" + "." * 20_000 + "And so on.Then")
    assert [block.text for block in article.document.blocks] == ["So" + "." * 20_000 + "And so on. Then"]
    assert split_sentences("So" + "." * 20_000 + " And so on. Then") == ("So" + "." * 20_000 + " And so on.", "Then")


@pytest.mark.parametrize(
    "lines",
    [
        ["and the talks went"] * 20_000,  # 400 KB: 71 s
        ["and the talks went (on)"] * 20_000,  # each line ends like a note, and is read back to its opening
        ["(and the talks went"] + ["and on"] * 20_000 + ["and on)"],  # a note may open 20,000 lines up
    ],
)
def test_hard_wrapped_lines_are_joined_into_one_paragraph(lines: list[str]) -> None:
    text, _ = decode_seed(seed("\n".join(lines)))
    assert text is not None
    document, _ = parse_document(text)
    assert [(block.kind, block.line, block.text) for block in document.blocks] == [("paragraph", 3, " ".join(lines))]


def test_a_photo_credit_on_every_other_line_takes_its_caption() -> None:
    text, _ = decode_seed(seed("\n".join(["Photo: MFA", "The minister at the talks"] * 10_000)))
    assert text is not None
    document, _ = parse_document(text)
    assert [removal.rule for removal in document.removed] == ["photo-credit", "photo-caption"] * 10_000
    assert document.blocks == ()


def test_a_quote_with_a_prefix_is_found_among_many_occurrences() -> None:
    blocks = (Block("paragraph", "word " * 60_000 + "unique word" + " word" * 60_000, 3),)  # 600 KB: 35 s
    assert locate_quote(blocks, "word", "unique", None) == (Anchor(0, 300_007, 300_011, 3),)
    assert locate_quote(blocks, "word", None, "unique") == (Anchor(0, 299_995, 299_999, 3),)


def test_a_prefix_found_before_none_of_many_occurrences_lists_a_few() -> None:
    small = parsed("The talks went on.")
    block = Block("paragraph", "word " * 60_000 + "word", 3)
    article = replace(small, document=replace(small.document, blocks=(block,)))
    (problem,) = validate_annotations(Annotations(statements=(statement("s", "word", 9, "nothing", "x"),)), (article,), REGISTRY)
    assert problem.message == "\n".join([
        "prefix does not match the text before the quote in article 'x'",
        "  before it on line 3: nothing: the quote starts the paragraph",
        '  before it on line 3: "word"',
        '  before it on line 3: "word word"',  # as long as the prefix, from a word's start
        "  and 59998 more",
    ])


def test_every_near_miss_quote_is_not_found_on_its_line() -> None:
    # As many statements as a 1 MB statements file holds: 23 s when each got a closest text.
    statements = tuple(statement(f"near-{i:05d}", f"{NEAR_MISS} {i}", 4 * i + 3) for i in range(10_000))
    problems = validate_annotations(Annotations(statements=statements), ARTICLES, REGISTRY)
    assert [(p.location.line, p.message.split("\n")[0]) for p in problems] == [
        (4 * i + 3, "quote not found in article '002_3a7575835685a05e'") for i in range(10_000)
    ]
    searched = sum("closest text: " in p.message for p in problems)
    assert 100 < searched < 10_000
    assert all("closest text: " in p.message for p in problems[:searched])
    assert all("closest text not computed: the quotes above used up" in p.message for p in problems[searched:])


def test_a_quote_too_long_to_search_is_not_searched() -> None:
    (problem,) = validate_annotations(Annotations(statements=(statement("long", NEAR_MISS * 20_000, 3),)), ARTICLES, REGISTRY)
    assert problem.message.endswith("closest text not computed: finding it would take longer than the second a check allows; the article or the quote is very long")


# Extraction and dates: found after structure and anchoring were linear, at the sizes measured then.
@pytest.mark.parametrize("size", [100_000, 200_000])
def test_many_attributions_on_one_line_name_the_speaker_as_written(size: int) -> None:
    article = parsed("said Sergey Lavrov " * (size // 19))  # was 31.6 s at 100 KB, 195 s at 200 KB
    assert [(s.person, s.name) for s in article.speakers] == [("sergey-lavrov", "Sergey Lavrov")]


def test_a_name_after_text_that_folds_longer_is_cut_where_it_is_written() -> None:
    article = parsed("Die Straße und ﬁne: " * 2000 + "said Sergey Lavrov.")
    assert [(s.person, s.name) for s in article.speakers] == [("sergey-lavrov", "Sergey Lavrov")]


@pytest.mark.parametrize("unit", ["February 6, 2026 ", "12/10/2019 "])
def test_many_dates_on_one_line_are_each_read_once(unit: str) -> None:
    count = 100_000 // len(unit)
    article = parsed(unit * count)  # was 4.9 s and 11.7 s at 100 KB
    # Dates in running text are not the article's date, only a day it was written on or after.
    assert article.date.published in ("2026-02-06/..", "2019-12-10/..") and article.date.method == "past-date"


def test_many_deadlines_on_one_line_are_each_listed_once() -> None:
    unit = "until February 6, 2026 "
    count = 100_000 // len(unit)
    article = parsed(unit * count)
    # Deadlines are no date of the article; the evidence lists eight and counts the rest.
    assert article.date.published == "unknown" and article.date.evidence.endswith(f"and {count - 8} more.")


def test_many_date_lines_and_dates_in_prose() -> None:
    article = parsed("2026-02-06\nOn February 6, 2026 he said.\n" * 2000)  # was 2 s at 100 KB, growing fourfold a doubling
    assert article.date.published == "2026-02-06"


@pytest.mark.parametrize("unit", ["Moscow ", "Minister "])
def test_long_runs_of_place_or_title_words_are_no_speaker(unit: str) -> None:
    article = parsed(unit * (200_000 // len(unit)) + "said so.")
    assert [s for s in article.speakers if s.person is None and unit.strip() in s.name] == []


def test_many_iso_timestamp_lines_make_one_page_date_and_updates() -> None:
    article = parsed("2026-02-06T10:00\n" * 10_000)  # each used to look back at every stamp before it
    assert article.date.published == "2026-02-06" and article.date.method == "iso-timestamp"
    assert article.date.evidence.count(", a repeat") == 9_999


def test_a_line_of_hyphenated_initials_is_no_dateline() -> None:
    # Found profiling other shapes: a hyphen could part the place's words or sit in one, 0.35 s for 60 characters.
    assert parsed("A.-" * 30_000 + "x").date.published == "unknown"
    article = parsed("A.-" * 30_000 + ", February 19, 2021. /TASS/. Lavrov spoke.")
    assert (article.date.published, article.date.method) == ("2021-02-19", "dateline")


def test_a_word_of_hyphenated_capitals_does_not_hide_the_speaker() -> None:
    # Found profiling other shapes: each capital in the word started a run that read to the word's end, 40 KB: 15 s.
    article = parsed("A-" * 20_000 + " said Ivan Petrov.")
    assert article.speakers == (SpeakerFinding(None, "Ivan Petrov", 3, "attribution"),)


def test_a_date_line_for_each_of_many_days_gives_them_all() -> None:
    # Found profiling other shapes: every date line's value was compared with every other, 63 KB: 17.7 s.
    days = [datetime.date(2000, 1, 1) + datetime.timedelta(days=i) for i in range(4_000)]
    article = parsed("\n".join(f"{day:%B} {day.day}, {day.year}" for day in days))
    assert article.date.published == "[" + ",".join(map(str, days)) + "]"
    assert article.date.evidence.endswith("They disagree and nothing says which is the publication date, so any of them may be.")


def test_many_label_lines_above_the_text_are_looked_past_once_each() -> None:
    # Found reviewing the headline search: each line not yet the headline copied every line below it, 40,000 lines: 2 s.
    text, _ = decode_seed(RawSeed("seeds/x.txt", "x.txt", ("Word:\n" * 40_000 + "The end came on a day nobody expected, they said.\n").encode()))
    document, _ = parse_document(text)
    assert document.headline is None and document.blocks[-1].text == "The end came on a day nobody expected, they said."
