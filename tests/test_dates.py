"""Tests for archive.dates: every date style, the five real seeds, extreme dates."""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive import date_text, dates
from archive.dates import extract_date
from archive.yearless import MAX_LISTED_YEARS
from archive.edtf import is_valid_edtf
from archive.model import DateFinding, Document, Line, Location, RawSeed, Registry, Removal, Role, SeedText, Term
from archive.pipeline import parse_article

TODAY = datetime.date(2026, 11, 29)
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dates"


def document(text: str, name: str = "fixture.txt", removed: tuple[int, ...] = ()) -> Document:
    """A Document holding every line of `text`, numbered from 1; `removed` lists boilerplate line numbers."""
    data = text.encode("utf-8")
    lines = tuple(Line(number, line) for number, line in enumerate(text.split("\n"), start=1))
    seed = SeedText(RawSeed(f"tests/{name}", name, data), "utf-8", hashlib.sha256(data).hexdigest(), lines)
    removals = tuple(Removal(line.number, line.text, "test") for line in lines if line.number in removed)
    return Document(seed, None, (), removals)


def extract(*lines: str, removed: tuple[int, ...] = ()) -> DateFinding:
    """The date finding for a text given line by line, so a test's line numbers are the argument positions."""
    return extract_date(document("\n".join(lines), removed=removed), TODAY)


def seed(prefix: str) -> DateFinding:
    """The date finding for the real seed whose file name starts with `prefix`."""
    path = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    return extract_date(document(path.read_text(encoding="utf-8"), path.name), TODAY)


BODY = "Russia is ready to talk, the minister said."


def test_iso_stamps_first_is_published_later_are_updates():
    found = extract("Headline", "2024-03-04T09:15+0000", BODY, "2024-03-05T10:00Z")
    assert (found.published, found.event, found.method) == ("2024-03-04", None, "iso-timestamp")
    assert "(line 2) is the first ISO timestamp" in found.evidence
    assert "updates" in found.evidence and "(line 4)" in found.evidence


@pytest.mark.parametrize(
    "written",
    [
        "February 6, 2026",
        "6 February 2026",
        "Feb. 6, 2026",
        "Feb 6 2026",
        "Friday, February 6th, 2026",
        "Moscow, 6 Feb 2026",
        "Published: February 6, 2026",
    ],
)
def test_written_date_lines(written):
    found = extract("Headline", written, BODY)
    assert (found.published, found.method) == ("2026-02-06", "written-date")
    assert f'"{written}" (line 2)' in found.evidence


def test_written_date_in_a_sentence_is_not_a_date_line():
    found = extract("Headline", "Talks began on February 6, 2026, in Geneva.")
    assert found.published == "unknown"
    assert "running text" in found.evidence and "(line 2)" in found.evidence


def test_us_numeric_date_in_state_department_header():
    text = (FIXTURES / "state-department-2019.txt").read_text(encoding="utf-8")
    found = extract_date(document(text), TODAY)
    assert (found.published, found.method) == ("2019-12-10", "numeric-us")
    assert '"12/10/2019" (line 6)' in found.evidence
    assert "month/day/year" in found.evidence


def test_numeric_date_read_as_day_first_only_when_first_number_is_over_12():
    found = extract("Washington, DC", "13/10/2019", BODY)
    assert (found.published, found.method) == ("2019-10-13", "numeric-dmy")
    assert "over 12" in found.evidence and "(line 2)" in found.evidence


def test_european_dotted_date_line():
    found = extract("Headline", "07.02.2026", BODY)
    assert (found.published, found.method) == ("2026-02-07", "dotted-date")
    assert "day.month.year" in found.evidence and "(line 2)" in found.evidence


def test_russian_dateline_with_year():
    found = extract("Headline", "MOSCOW, February 19, 2021. /TASS/. Lavrov spoke to reporters.")
    assert (found.published, found.method) == ("2021-02-19", "dateline")
    assert '"MOSCOW, February 19, 2021. /TASS/." (line 2)' in found.evidence


def test_a_hyphenated_place_opens_a_dateline():
    found = extract("WINSTON-SALEM, N.C., Feb. 6, 2026 — Lavrov spoke to reporters.")
    assert (found.published, found.method) == ("2026-02-06", "dateline")


def test_reuters_dateline_without_year_or_weekday_leaves_the_year_unspecified():
    found = extract("MOSCOW, Feb 19 (Reuters) - Lavrov spoke to reporters.")
    assert (found.published, found.method) == ("XXXX-02-19", "dateline")
    assert is_valid_edtf(found.published)
    assert "(line 1) gives no year" in found.evidence


def test_yearless_dateline_restricted_by_the_latest_year_mentioned():
    found = extract("MOSCOW, February 19. /TASS/. Lavrov spoke.", "Much has changed since 2019.")
    # 2019 or later (what has changed since 2019 may have by February 19 of it), and not after today.
    assert found.published == "[" + ",".join(f"{year}-02-19" for year in range(2019, 2027)) + "]"
    assert is_valid_edtf(found.published)
    assert "since 2019" in found.evidence and "(line 2)" in found.evidence and "of 2019 or later" in found.evidence


def test_yearless_dateline_with_weekday_gives_the_years_that_fit():
    found = extract(
        "MOSCOW, February 19 (Reuters) - Lavrov said on Friday that talks were possible.",
        "Nothing has been the same since 2010.",
    )
    assert (found.published, found.method) == ("[2010-02-19,2016-02-19,2021-02-19]", "dateline+weekday")
    assert "2010, 2016 and 2021" in found.evidence and "(line 1)" in found.evidence and "(line 2)" in found.evidence


def test_yearless_dateline_with_a_single_possible_year_is_marked_uncertain():
    found = extract("MOSCOW, February 19. /TASS/. Lavrov spoke.", "Much has changed since March 2025.")
    assert (found.published, found.method) == ("2026-02-19?", "dateline")


def test_deadline_year_does_not_bound_a_yearless_dateline():
    found = extract(
        "MOSCOW, February 19. /TASS/. Lavrov said on Friday that talks were possible.",
        "Much has changed since 2010.",
        "The treaty was extended until February 5, 2026.",
    )
    assert found.published == "[2010-02-19,2016-02-19,2021-02-19]"


def test_yearless_dateline_candidates_are_not_after_today():
    # 4 December 2026 is a Friday, but it is after TODAY (2026-11-29).
    found = extract("MOSCOW, December 4. /TASS/. Lavrov said on Friday that talks were possible.", "As in 2019.")
    assert (found.published, found.method) == ("2020-12-04?", "dateline+weekday")


def test_yearless_dateline_with_weekday_and_a_single_fitting_year_is_marked_uncertain():
    found = extract("MOSCOW, February 19. /TASS/. Lavrov said on Friday that talks were possible.", "As in 2020.")
    assert (found.published, found.method) == ("2021-02-19?", "dateline+weekday")
    assert "only in 2021" in found.evidence


def test_republisher_footer_is_never_the_published_date():
    found = extract(
        "Headline",
        "Moscow, February 6, 2026",
        BODY,
        "read more in our Telegram-channel https://t.me/example",
        "",
        "15:45 07.02.2026 •",
    )
    assert (found.published, found.republished) == ("2026-02-06", "2026-02-07")
    assert "(line 6)" in found.evidence and "(line 4)" in found.evidence and "republication" in found.evidence


def test_footer_alone_leaves_published_unknown():
    found = extract("Headline", BODY, "Read more on Telegram", "07.02.2026")
    assert (found.published, found.republished) == ("unknown", "2026-02-07")


def test_footer_is_read_even_when_structure_removed_it():
    found = extract("Headline", "February 6, 2026", BODY, "Read more on Telegram", "07.02.2026", removed=(4, 5))
    assert (found.published, found.republished) == ("2026-02-06", "2026-02-07")


def test_crawl_stamp_goes_to_republished():
    found = extract("Headline", "Published: 1 March 2024", BODY, "Retrieved 3 March 2024")
    assert (found.published, found.republished) == ("2024-03-01", "2024-03-03")
    assert '"Retrieved 3 March 2024" (line 4) is a crawl stamp' in found.evidence


def test_relative_yesterday_before_a_known_date_is_the_event():
    found = extract("Headline", "March 4, 2024", "Lavrov said yesterday that talks were possible.")
    assert (found.published, found.event) == ("2024-03-04", "2024-03-03")
    assert "(line 3)" in found.evidence


def test_today_fits_the_publication_date():
    found = extract("Headline", "March 4, 2024", "Lavrov said today that talks were possible.")
    assert (found.published, found.event) == ("2024-03-04", None)
    assert "(line 3) fits" in found.evidence


def test_relative_day_in_removed_boilerplate_is_not_the_event():
    found = extract("Headline", "March 4, 2024", BODY, "Most read: Lavrov said on Monday he was ready.", removed=(4,))
    assert (found.published, found.event) == ("2024-03-04", None)


def test_yesterday_without_a_reporting_verb_is_not_the_event():
    found = extract("Moscow, February 6, 2026", "Yesterday and today, I held talks with the OSCE.")
    assert (found.published, found.event) == ("2026-02-06", None)


def test_weekday_before_a_known_date_is_that_day():
    found = extract("Headline", "Wednesday, February 11, 2026", "Lavrov warned on Monday that risks multiply.")
    assert (found.published, found.event) == ("2026-02-11", "2026-02-09")
    assert '"warned on Monday" (line 3)' in found.evidence


def test_last_month_day_with_a_known_date():
    found = extract("Cairo, March 3, 2023", "Talks resumed last November 29 in Egypt.")
    assert (found.published, found.event) == ("2023-03-03", "2022-11-29")
    assert '"last November 29" (line 2)' in found.evidence


def test_last_month_day_with_only_the_year_known():
    found = extract("Published: 2023", "Talks resumed last November 29 in Egypt.")
    assert (found.published, found.event) == ("2023", "[2022-11-29,2023-11-29]")


def test_last_month_day_without_a_year_is_unknown():
    found = extract("Headline", "Talks resumed last November 29 in Egypt.")
    assert (found.published, found.event, found.method) == ("unknown", None, "unknown")
    assert '"last November 29" (line 2) has no year' in found.evidence


def test_month_only_evidence_gives_the_month():
    found = extract("Headline", "Published: February 2021", BODY)
    assert (found.published, found.method) == ("2021-02", "written-date")


def test_year_only_evidence_gives_the_year():
    found = extract("Headline", "Published: 2021", BODY, "Talks have stalled since 2019.")
    assert (found.published, found.method) == ("2021", "written-date")
    assert "(line 2)" in found.evidence


def test_date_near_the_top_is_not_a_footer_despite_a_telegram_line():
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(5)]
    found = extract("Follow us on Telegram", "February 6, 2026", *body)
    assert (found.published, found.republished) == ("2026-02-06", None)


def test_impossible_date_is_not_a_date():
    found = extract("Headline", "Moscow, February 30, 2026", BODY)
    assert found.published == "unknown"
    assert '"Moscow, February 30, 2026" (line 2) is not a real date' in found.evidence


def test_date_after_today_is_not_the_publication_date():
    found = extract("Headline", "December 5, 2026", BODY)
    assert found.published == "unknown"
    assert "(line 2) is after today" in found.evidence


def test_disagreeing_date_lines_give_a_set():
    found = extract("February 6, 2026", BODY, "February 7, 2026")
    assert found.published == "[2026-02-06,2026-02-07]"
    assert "(line 1)" in found.evidence and "(line 3)" in found.evidence and "disagree" in found.evidence


def test_page_date_with_earlier_transcript_date_makes_that_the_event():
    found = extract("2026-02-07T09:00+0000", "Moscow, February 6, 2026", BODY)
    assert (found.published, found.event) == ("2026-02-07", "2026-02-06")
    assert "(line 2)" in found.evidence


def test_seed_000_iso_stamps_and_friday():
    found = seed("000")
    assert (found.published, found.event, found.method) == ("2026-02-06", None, "iso-timestamp")
    assert found.republished is None
    for line in ("(line 5)", "(line 7)", "(line 9)", "(line 3)"):
        assert line in found.evidence
    assert "Friday" in found.evidence and "updates" in found.evidence


def test_seed_001_relative_dates_without_a_year_are_unknown():
    found = seed("001")
    assert (found.published, found.event, found.method) == ("unknown", None, "unknown")
    assert '"warned on Monday" (line 9)' in found.evidence
    assert '"last November 29" (line 29)' in found.evidence
    assert '"until February 5, 2026" (line 13) is a deadline' in found.evidence


def test_seed_002_transcript_date_and_republisher_footer():
    found = seed("002")
    assert (found.published, found.event, found.method, found.republished) == (
        "2026-02-06",
        None,
        "written-date",
        "2026-02-07",
    )
    assert '"Moscow, February 6, 2026" (line 3)' in found.evidence
    assert '"15:45 07.02.2026 •" (line 71)' in found.evidence and "(line 69)" in found.evidence


def test_seed_003_yearless_dateline_resolved_by_weekday():
    found = seed("003")
    assert (found.published, found.event, found.method) == ("[2010-02-19,2016-02-19,2021-02-19]", None, "dateline+weekday")
    assert '"MOSCOW, February 19. /TASS/." (line 5)' in found.evidence
    assert '"since 2010" (line 11)' in found.evidence and "2010, 2016 and 2021" in found.evidence


def test_seed_004_months_without_a_year_are_unknown():
    found = seed("004")
    assert (found.published, found.event, found.method) == ("unknown", None, "unknown")
    assert '"In late February" (line 3)' in found.evidence and '"in November" (line 4)' in found.evidence


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_dates_are_valid_edtf_or_unknown(prefix):
    found = seed(prefix)
    for value in (found.published, found.event, found.republished):
        assert value in (None, "unknown") or is_valid_edtf(value), value


PIECES = (
    "MOSCOW, ", "February 29", "February 30", " 19", ". /TASS/. ", "said on Friday", "yesterday",
    "last November 29", "2026-02-06T12:03+0000", "07.02.2026", "12/10/2019", "13/13/2019",
    "Read more on Telegram", "\n", "Published: ", "2021", "since 1999", "until ", "Retrieved 3 March 2024",
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20), st.dates(datetime.date(1990, 1, 1), datetime.date(2090, 1, 1)))
def test_any_text_gives_valid_edtf_and_evidence(pieces, today):
    found = extract_date(document("".join(pieces)), today)
    for value in (found.published, found.event, found.republished):
        assert value in (None, "unknown") or is_valid_edtf(value), value
    assert found.evidence


def test_yesterday_from_the_first_day_there_is_counts_back_no_further():
    raw = RawSeed("seeds/x.txt", "x.txt", b"0001-01-01\nLavrov said yesterday that talks matter.\n")
    article, _ = parse_article(raw, Registry(), TODAY)
    assert (article.date.published, article.date.event) == ("0001-01-01", None)


def test_a_dateline_day_no_year_up_to_today_has_is_of_unknown_year():
    found = extract_date(document("MOSCOW, February 29. /TASS/. Lavrov said things."), datetime.date(3, 3, 1))
    assert found.published == "XXXX-02-29" and "No year from 0001 to today (0003-03-01) has a February 29" in found.evidence


EXTREME_PIECES = (
    "0001-01-01", "0001-01-06", "0004-02-29", "9999-12-31", "9999-12-25T23:59:00Z", "1 January 0001", "December 31, 9999",
    "31.12.9999", "12/31/9999", "Published: 0001", "Updated: 9999-12-31", "Retrieved 1 January 0001", "MOSCOW, February 29. /TASS/. ",
    "MOSCOW, January 1. /TASS/. ", "KYIV, December 31 (Reuters) - ", "Lavrov said yesterday", "Lavrov said today",
    "Lavrov said on Monday", "On Sunday, Lavrov said", "last February 29", "last December 31", "last January 1", " in 0002",
    "\n", ". ", " ",
)
EXTREME_DAYS = st.sampled_from([datetime.date.min, datetime.date(1, 1, 6), datetime.date(4, 2, 28), datetime.date(8, 3, 1), datetime.date.max]) | st.dates()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EXTREME_PIECES), max_size=16), EXTREME_DAYS)
def test_seeds_of_extreme_dates_and_relative_cues_parse_to_valid_dates(pieces, today):
    raw = RawSeed("seeds/x.txt", "x.txt", "".join(pieces).encode())
    article, _ = parse_article(raw, Registry(), today)
    if article is not None:
        for value in (article.date.published, article.date.event, article.date.republished):
            assert value in (None, "unknown") or is_valid_edtf(value), value
        # At most MAX_LISTED_YEARS days of eleven characters, their commas and brackets, and a qualifier.
        assert article.date.evidence and len(article.date.published) <= 12 * MAX_LISTED_YEARS + 2


# The dateline pattern as first written, when a hyphen could also part the words of its place.
FIRST_DATELINE = re.compile(date_text._DATELINE.pattern.replace("(?:[ /][A-Z]", "(?:[ /-][A-Z]", 1))
PLACES = st.lists(st.sampled_from(["A", "BC", "MOSCOW", "-", " ", "/", ".", "'", "x"]), max_size=10).map("".join)
AFTER_PLACES = st.sampled_from([
    ", February 19. /TASS/.", ", Feb 19 (Reuters) - ", ", Ukraine, Feb. 6, 2026 — ", ", N.C., February 6, 2026", ", February 19",
    ",February 19", ", Feb", "",
])


@settings(max_examples=500)
@given(st.tuples(PLACES, AFTER_PLACES, st.sampled_from(["", "x", " Lavrov", "."])).map("".join))
def test_a_dateline_is_read_as_the_pattern_first_written_reads_it(line):
    def read(pattern):
        match = pattern.match(line)
        return match and (match.span(), match.groupdict())

    assert FIRST_DATELINE.pattern != date_text._DATELINE.pattern
    assert read(date_text._DATELINE) == read(FIRST_DATELINE)

def straightforward_precise(records: list[date_text.Stamp]) -> list[str]:
    """The records' most precise values as first written: each compared with every other by its bounds."""
    values = list(dict.fromkeys(s.hit.value for s in records))
    return [
        vague
        for vague in values
        if not any(
            other != vague
            and date_text.bounds(vague)[0] <= date_text.bounds(other)[0]
            and date_text.bounds(other)[1] <= date_text.bounds(vague)[1]
            for other in values
        )
    ]


RECORDED_DAYS = st.tuples(st.sampled_from([1, 2020, 2021, 9999]), st.none() | st.integers(1, 12), st.none() | st.integers(1, 31))


@given(st.lists(RECORDED_DAYS, max_size=12))
def test_the_most_precise_records_are_those_the_code_first_written_keeps(days):
    hits = [date_text.Hit(line, 0, 1, "x", "written-date", year, month, day if month else None) for line, (year, month, day) in enumerate(days)]
    records = [date_text.Stamp(hit, "x", "record", "a date line") for hit in hits if hit.value]
    assert dates._precise(records) == straightforward_precise(records)


def term(quote: str, line: int, *spans: tuple[str | None, str | None]) -> Term:
    here = Location("annotations/people.yml", 9)
    return Term("someone", quote, line, tuple(Role("Secretary of State", start, end, here) for start, end in spans))


def with_terms(*terms: Term, lines: tuple[str, ...]) -> DateFinding:
    return extract_date(document("\n".join(lines)), TODAY, terms)


BLINKEN = term("Secretary Blinken", 3, ("2021-01-26", "2025-01-20"))
YEARLESS = ("Headline", "", "WASHINGTON, May 19. /TASS/. Secretary Blinken met the minister.")


def test_a_title_bounds_a_yearless_dateline_to_the_years_of_its_term():
    found = with_terms(BLINKEN, lines=YEARLESS)
    assert (found.published, found.method) == ("[2021-05-19,2022-05-19,2023-05-19,2024-05-19]", "dateline+term")
    assert '"Secretary Blinken" (line 3) is a title held from 2021-01-26 to 2025-01-20 (annotations/people.yml:9)' in found.evidence
    # Without the term the same text leaves every year up to today.
    assert extract(*YEARLESS).published == "XXXX-05-19"


def test_a_term_and_a_weekday_together_leave_one_probable_year():
    found = with_terms(BLINKEN, lines=YEARLESS[:2] + ("WASHINGTON, May 19. /TASS/. Secretary Blinken said on Wednesday he met the minister.",))
    assert (found.published, found.method) == ("2021-05-19?", "dateline+term+weekday")


def test_a_term_held_twice_allows_both_and_not_the_years_between():
    twice = term("President X", 3, ("2000-05-07", "2008-05-07"), ("2012-05-07", "2014-12-31"))
    found = with_terms(twice, lines=("Headline", "", "MOSCOW, May 1. /TASS/. President X said. It happened in 2006."))
    assert found.published == "[2006-05-01,2007-05-01,2008-05-01,2013-05-01,2014-05-01]"
    # Too many years to list are summed up as unspecified digits over the first and last.
    again = term("President X", 3, ("1900-05-07", "2008-05-07"), ("2012-05-07", None))
    assert with_terms(again, lines=("Headline", "", "MOSCOW, May 1. /TASS/. President X said. It happened in 1906.")).published == "XXXX-05-01"


def test_titles_that_contradict_each_other_are_set_aside():
    kerry = term("Secretary Kerry", 4, ("2013-02-01", "2017-01-20"))
    found = with_terms(BLINKEN, kerry, lines=YEARLESS + ("Secretary Kerry spoke.",))
    assert (found.published, found.method) == ("XXXX-05-19", "dateline")
    assert "no year from 2021 to 2026 fits them all, so they are set aside" in found.evidence


def test_a_term_over_all_the_years_left_says_nothing():
    lavrov = term("Foreign Minister Lavrov", 3, ("2004-03-09", None))
    found = with_terms(lavrov, lines=("Headline", "", "MOSCOW, May 19. /TASS/. Foreign Minister Lavrov said it in 2020."))
    assert (found.published, found.method) == ("[" + ",".join(f"{year}-05-19" for year in range(2020, 2027)) + "]", "dateline")
    assert "Titles" not in found.evidence


@pytest.mark.parametrize(("line", "published"), [
    ("MAY 19, 2021", "2021-05-19"),  # an upper-case date line in a byline block
    ("13 March 201913:25", "2019-03-13"),  # the time run together with the year
    ("27.01.2021 - Press release", "2021-01-27"),  # the genre beside the date
    ("date 2017-01-17 FinancialGovernment SolutionsLegalReuters News Agency Risk Management Tax", "2017-01-17"),
    ("by The Desk February 28, 2023 6:36 PM 2 min read", "2023-02-28"),  # a byline's date
])
def test_house_styles_of_date_lines(line: str, published: str) -> None:
    found = extract("Headline", line, BODY)
    assert found.published == published, found.evidence


def test_may_in_capitals_inside_a_sentence_is_no_date_line():
    assert extract("Headline", "We MAY 19 times say so.", BODY).published == "unknown"


def test_a_day_written_as_still_ahead_bounds_a_yearless_dateline_from_above():
    found = extract("MOSCOW, November 11. /TASS/. Lavrov said.", "The treaty can be extended before it expires on February 5, 2026.", "It was signed in 2010.")
    assert found.published == "[" + ",".join(f"{year}-11-11" for year in range(2010, 2026)) + "]"
    assert '"expires on February 5, 2026" (line 2) is still ahead, so November 11 is of 2025 or later' not in found.evidence
    assert "is still ahead, so November 11 is of 2025 or earlier" in found.evidence


def test_a_date_in_lower_case_is_read():
    found = extract("Brussels, wednesday, 4 december 2013", "Ministers met. They may meet again.")
    assert found.published == "2013-12-04"


def test_an_update_stamp_alone_bounds_publication_from_above_and_a_past_day_from_below():
    assert extract("The talks went on.", "They will go on.", "Last update: 13 Mar 2022").published == "../2022-03-13"
    found = extract("Updated: April 8, 2010 at 3:04 PM", "The presidents signed the treaty in Prague on April 8, 2010.")
    assert (found.published, found.method) == ("2010-04-08", "update")
    assert "published on or before it" in found.evidence and '"on April 8, 2010" (line 2)' in found.evidence
    assert extract("Updated: April 9, 2010", "They signed it on April 8, 2010.").published == "2010-04-08/2010-04-09"


def test_a_former_title_bounds_a_yearless_dateline_to_after_its_term():
    former = Term("someone", "Secretary Blinken", 3, BLINKEN.roles, former=True)
    found = with_terms(former, lines=("Headline", "", "MOSCOW, November 11. /TASS/. Former Secretary Blinken said it in 2020."))
    assert (found.published, found.method) == ("[2025-11-11,2026-11-11]", "dateline+term")
    assert "and the text is from after it" in found.evidence


def test_a_text_with_no_date_of_its_own_is_dated_to_the_day_of_its_news():
    found = extract(
        "Treaty ratified",
        "FILE - The presidents at the summit on April 8 in Prague. (Photo by A. Photographer/Getty Images)",
        "After months of debate, the Senate on December 22 ratified the treaty, signed in April 2010.",
        "The vote was 71 to 26.",
    )
    assert (found.published, found.method) == ("[" + ",".join(f"{year}-12-22" for year in range(2010, 2026)) + "]", "news-day")
    assert 'The text has no date of its own; "on December 22" (line 3), the day the text reports its news on, gives no year.' in found.evidence
    # A day it tells in passing, later on, is no news day.
    assert extract("Treaty ratified", *["The vote was 71 to 26."] * 5, "They first met on March 3.").published == "unknown"


def test_a_date_and_time_ending_a_long_line_is_a_timestamp():
    found = extract("Talks likely " + "with tags, " * 20 + "BY A. WRITER December 10, 2019 at 05:42AM", "The talks went on.")
    assert (found.published, found.method) == ("2019-12-10", "written-date")
    assert "a date and a time ending a line: a timestamp" in found.evidence
    assert extract("They met on December 10, 2019 at the Kremlin and talked.").published == "unknown"


def test_a_file_photos_date_bounds_an_undated_text_from_below():
    found = extract("Talks delayed", "FILE - The minister attends talks in Moscow, Tuesday, March 15, 2022. (Pool Photo via AP, File)", "Russia says the talks are delayed.")
    assert (found.published, found.method) == ("2022-03-15/..", "file-photo")
