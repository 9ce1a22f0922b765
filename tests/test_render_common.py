"""What every page family shares: front matter that reads back, dates in words, page addresses."""

from __future__ import annotations

import pytest
import yaml

from archive.model import Archive, Registry
from archive.render.common import Context, date_range, date_words, page_url, render_front_matter


def test_front_matter_reads_back():
    data = {"id": "x", "title": "Lavrov: \"quotes\" & colons: --- yes", "date": "2026-02-06", "n": None, "list": ["a: b", "#c"]}
    text = render_front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n")
    assert yaml.safe_load(text.strip("-\n")) == data


@pytest.mark.parametrize(("value", "words"), [
    ("2026-02-06", "6 February 2026"),
    ("2021-02", "February 2021"),
    ("2021", "2021"),
    ("2022-12-05/2022-12-11", "between 5 December 2022 and 11 December 2022"),
    ("2026-02-06?", "6 February 2026 (uncertain)"),
    ("2021-02~", "about February 2021"),
    ("2026-02-06%", "about 6 February 2026 (uncertain)"),
    ("2021-XX", "between 1 January 2021 and 31 December 2021"),
    ("[2026-02-05,2026-02-06]", "between 5 February 2026 and 6 February 2026"),
    ("../2021", "on or before 31 December 2021"),
    ("2021/..", "on or after 1 January 2021"),
    ("unknown", "n.d."),
    ("2021-02-30", "n.d."),
])
def test_a_date_in_words_says_how_much_is_known(value: str, words: str) -> None:
    assert date_words(value) == words


def test_only_plain_dates_and_intervals_of_them_are_known() -> None:
    assert date_range("2026-02-06") == ((2026, 2, 6),)
    assert date_range("2021-02/2021-03") == ((2021, 2), (2021, 3))
    assert [date_range(v) for v in ("2026-02-06?", "2021-XX", "[2021,2022]", "2021/..", "2022/2021", "unknown")] == [None] * 6


def test_page_addresses_are_relative_to_the_site_root_unless_its_url_is_known() -> None:
    archive = Archive(articles=(), registry=Registry())
    assert page_url(Context.of(archive), "a_1", "quote-x") == "archive/articles/a_1.html#quote-x"
    assert page_url(Context.of(archive, "https://user.github.io/archive/"), "a_1") == "https://user.github.io/archive/archive/articles/a_1.html"
