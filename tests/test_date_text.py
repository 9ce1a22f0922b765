"""Dates as the text writes them: date lines, datelines, stamps and their parts, a news day, a file photo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive import date_text
from archive.dates import extract_date

from conftest import BODY, TODAY, extract_lines, text_document


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dates"


def test_iso_stamps_first_is_published_later_are_updates():
    found = extract_lines("Headline", "2024-03-04T09:15+0000", BODY, "2024-03-05T10:00Z")
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
    found = extract_lines("Headline", written, BODY)
    assert (found.published, found.method) == ("2026-02-06", "written-date")
    assert f'"{written}" (line 2)' in found.evidence


def test_written_date_in_a_sentence_is_not_a_date_line():
    found = extract_lines("Headline", "Talks began on February 6, 2026, in Geneva.")
    # Not the text's date: only a day it tells as past, which it was written on or after.
    assert (found.published, found.method) == ("2026-02-06/..", "past-date")
    assert "latest past day the text tells" in found.evidence and "(line 2)" in found.evidence


def test_us_numeric_date_in_state_department_header():
    text = (FIXTURES / "state-department-2019.txt").read_text(encoding="utf-8")
    found = extract_date(text_document(text), TODAY)
    assert (found.published, found.method) == ("2019-12-10", "numeric-us")
    assert '"12/10/2019" (line 6)' in found.evidence
    assert "month/day/year" in found.evidence


def test_numeric_date_read_as_day_first_only_when_first_number_is_over_12():
    found = extract_lines("Washington, DC", "13/10/2019", BODY)
    assert (found.published, found.method) == ("2019-10-13", "numeric-dmy")
    assert "over 12" in found.evidence and "(line 2)" in found.evidence


def test_european_dotted_date_line():
    found = extract_lines("Headline", "07.02.2026", BODY)
    assert (found.published, found.method) == ("2026-02-07", "dotted-date")
    assert "day.month.year" in found.evidence and "(line 2)" in found.evidence


def test_russian_dateline_with_year():
    found = extract_lines("Headline", "MOSCOW, February 19, 2021. /TASS/. Lavrov spoke to reporters.")
    assert (found.published, found.method) == ("2021-02-19", "dateline")
    assert '"MOSCOW, February 19, 2021. /TASS/." (line 2)' in found.evidence


def test_a_hyphenated_place_opens_a_dateline():
    found = extract_lines("WINSTON-SALEM, N.C., Feb. 6, 2026 — Lavrov spoke to reporters.")
    assert (found.published, found.method) == ("2026-02-06", "dateline")


def test_yesterday_without_a_reporting_verb_is_not_the_event():
    found = extract_lines("Moscow, February 6, 2026", "Yesterday and today, I held talks with the OSCE.")
    assert (found.published, found.event) == ("2026-02-06", None)


def test_date_near_the_top_is_not_a_footer_despite_a_telegram_line():
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(5)]
    found = extract_lines("Follow us on Telegram", "February 6, 2026", *body)
    assert (found.published, found.republished) == ("2026-02-06", None)


def test_impossible_date_is_not_a_date():
    found = extract_lines("Headline", "Moscow, February 30, 2026", BODY)
    assert found.published == "unknown"
    assert '"Moscow, February 30, 2026" (line 2) is not a real date' in found.evidence


# The dateline pattern as first written, when a hyphen could also part the words of its place.
FIRST_DATELINE = re.compile(date_text._DATELINES[0].pattern.replace("(?:[ /][A-ZÀ-ÞА-ЯЁ]", "(?:[ /-][A-ZÀ-ÞА-ЯЁ]", 1))


PLACES = st.lists(st.sampled_from(["A", "BC", "MOSCOW", "МОСКВА", "É", "-", " ", "/", ".", "'", "x"]), max_size=10).map("".join)


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

    assert FIRST_DATELINE.pattern != date_text._DATELINES[0].pattern
    assert read(date_text._DATELINES[0]) == read(FIRST_DATELINE)


@pytest.mark.parametrize(("line", "published"), [
    ("MAY 19, 2021", "2021-05-19"),  # an upper-case date line in a byline block
    ("13 March 201913:25", "2019-03-13"),  # the time run together with the year
    ("27.01.2021 - Press release", "2021-01-27"),  # the genre beside the date
    ("date 2017-01-17 FinancialGovernment SolutionsLegalReuters News Agency Risk Management Tax", "2017-01-17"),
    ("by The Desk February 28, 2023 6:36 PM 2 min read", "2023-02-28"),  # a byline's date
    ("For immediate release: March 26, 2010", "2010-03-26"),  # a press release's label
    ("Volume 654: debated on Monday 4 February 2019", "2019-02-04"),  # a parliament's record
    ("This question was answered on 19th May 2020", "2020-05-19"),
    ("July 11, 2020 (EIRNS)—In Beijing, the spokesman spoke.", "2020-07-11"),  # a dateline with no place
    ("Forum for Security Co-operation N°990, Vienna, 20 October 2021.", "2021-10-20"),  # a title's place and day, a stop after
    (" date 2023-02 GENF (dpa-AFX) - Die Ministerin hat gesprochen.", "2023-02"),  # a store's stamp of a month only
    ("8 novembre 2019", "2019-11-08"),  # months in other languages, after their day
    ("08 декабря 2025 в 21:00", "2025-12-08"),
    ("5. Februar 2026", "2026-02-05"),
    ("5 de febrero de 2026", "2026-02-05"),
    ("04-02-2026 | 10:49", "2026-02-04"),  # dashes: day, month, year
    ("2018年10月22日17:43 | 来源:人民网-国际频道", "2018-10-22"),  # Chinese, its source label beside it
    ("Berlin, 21.10.18 – Außenminister Heiko Maas sagte heute zur Ankündigung der USA", "2018-10-21"),  # a two-digit year
])
def test_house_styles_of_date_lines(line: str, published: str) -> None:
    found = extract_lines("Headline", line, BODY)
    assert found.published == published, found.evidence


def test_a_year_and_month_unlabelled_are_no_stamp():
    assert extract_lines("Headline", "Budget 2010-11", BODY).published == "unknown"


def test_a_month_of_another_language_needs_its_day():
    assert extract_lines("Headline", "Mars 2020 Mission", BODY).published == "unknown"
    found = extract_lines("МОСКВА, 25 сентября. /ТАСС/. Переговоры продолжатся, заявил министр.", BODY)
    assert found.published == "XXXX-09-25" and 'Dateline "МОСКВА, 25 сентября. /ТАСС/."' in found.evidence, found.evidence


def test_an_embedded_posts_signature_dates_the_post_not_the_page():
    found = extract_lines("New York, 1 April 2023 (TDI): The envoy spoke.", "— United Nations (@UN) March 31, 2023", BODY)
    assert found.published == "2023-04-01", found.evidence


def test_a_posting_stamp_with_its_time_is_the_page_date_not_the_record_day_of_its_title():
    found = extract_lines("30 November 201717:29", "Statement by the Head of Delegation, Vienna, November 29, 2017", BODY)
    assert found.published == "2017-11-30", found.evidence
    # A title's place and day ending in a sentence's stop is no record line.
    assert extract_lines("Headline", "The ministers met in the city of talks, Vienna, 20 October 2021.", BODY).published == "2021-10-20/.."


def test_a_weekday_dates_a_dateline_after_the_verb_or_before_it():
    said = extract_lines("MOSCOW, October 20. /TASS/. The talks go on, the spokesperson said at a briefing Thursday.", BODY)
    assert "makes October 20 a Thursday" in said.evidence
    before = extract_lines("UNITED NATIONS, Jan. 22 (Xinhua) -- The chief on Friday welcomed the decision.", BODY)
    assert "makes January 22 a Friday" in before.evidence


def test_may_in_capitals_inside_a_sentence_is_no_date_line():
    assert extract_lines("Headline", "We MAY 19 times say so.", BODY).published == "unknown"


def test_a_date_in_lower_case_is_read():
    found = extract_lines("Brussels, wednesday, 4 december 2013", "Ministers met. They may meet again.")
    assert found.published == "2013-12-04"


def test_a_text_with_no_date_of_its_own_is_dated_to_the_day_of_its_news():
    found = extract_lines(
        "Treaty ratified",
        "FILE - The presidents at the summit on April 8 in Prague. (Photo by A. Photographer/Getty Images)",
        "After months of debate, the Senate on December 22 ratified the treaty, signed in April 2010.",
        "The vote was 71 to 26.",
    )
    assert (found.published, found.method) == ("[" + ",".join(f"{year}-12-22" for year in range(2010, 2026)) + "]", "news-day")
    assert 'The text has no date of its own; "on December 22" (line 3), the day the text reports its news on, gives no year.' in found.evidence
    # A day it tells in passing, later on, is no news day.
    assert extract_lines("Treaty ratified", *["The vote was 71 to 26."] * 5, "They first met on March 3.").published == "unknown"


def test_a_date_and_time_ending_a_long_line_is_a_timestamp():
    found = extract_lines("Talks likely " + "with tags, " * 20 + "BY A. WRITER December 10, 2019 at 05:42AM", "The talks went on.")
    assert (found.published, found.method) == ("2019-12-10", "written-date")
    assert "a date and a time ending a line: a timestamp" in found.evidence
    assert extract_lines("They met on December 10, 2019 at the Kremlin and talked.").published == "2019-12-10/.."


def test_a_file_photos_date_bounds_an_undated_text_from_below():
    found = extract_lines("Talks delayed", "FILE - The minister attends talks in Moscow, Tuesday, March 15, 2022. (Pool Photo via AP, File)", "Russia says the talks are delayed.")
    assert (found.published, found.method) == ("2022-03-15/..", "file-photo")


def test_a_dateline_may_write_the_day_before_the_month():
    found = extract_lines("Headline", "WARSAW/VIENNA, 31 March 2022 - The chair regretted the decision.")
    assert (found.published, found.method) == ("2022-03-31", "dateline")
    assert extract_lines("MOSCOW, 5 February - Lavrov spoke to reporters.").published == "XXXX-02-05"


def test_a_day_still_ahead_is_no_news_day():
    found = extract_lines("Talks expected", "The two are scheduled to meet on December 4 in Basel.", "The treaty is set to expire on February 5th.")
    assert found.published == "unknown"
    assert extract_lines("Talks held", "They will meet on December 4, and met on December 3 in Basel.").published == "XXXX-12-03"


def test_a_day_the_text_writes_as_still_to_come_bounds_an_undated_text_from_above():
    found = extract_lines("Talks stall", "As February 5, 2026 approaches, the two may find themselves without a treaty.", BODY)
    assert (found.published, found.method) == ("../2026-02-04", "ahead")
    assert '"As February 5, 2026" (line 2) is still to come' in found.evidence
    assert extract_lines("Talks stall", "The treaty expired on February 5, 2026, and nothing replaced it.").published == "2026-02-05/.."


def test_a_day_the_text_calls_tomorrow_dates_it_to_the_day_before():
    lines = ("Treaty expires", "Caption of a photo, April 20, 2022.", *["The talks went on."] * 5, "The drift crosses a threshold tomorrow, February 5, with the expiry.")
    found = extract_lines(*lines)
    assert (found.published, found.method) == ("[" + ",".join(f"{year}-02-04" for year in range(2023, 2027)) + "]", "news-day")
    assert '"tomorrow, February 5" (line 8), a day the text calls tomorrow: it was written the day before' in found.evidence
    assert extract_lines("Treaty expires", "The council meets today, 4 March, in Vienna.").published == "XXXX-03-04"
    # The day before a month's first depends on a year the text does not give.
    assert extract_lines("Treaty expires", "The council meets tomorrow, March 1, in Vienna.").published == "unknown"


@pytest.mark.parametrize(("line", "published"), [
    ("Tue Jul 7 00:57:51 EST 2009", "2009-07-07"),  # as Unix `date` writes it
    ("Last updated: 26-Mar-2010 16:58", "../2010-03-26"),  # an update stamp, day-month-year with the month's name
])
def test_system_style_stamps_are_read(line: str, published: str) -> None:
    assert extract_lines("Headline", line, BODY).published == published


def test_the_place_and_day_closing_a_records_title_date_it():
    found = extract_lines("Briefing by the Ministry's Spokesperson, Moscow, November 22, 2018", "Table of contents", BODY)
    assert (found.published, found.method) == ("2018-11-22", "written-date")
    assert "the place and day closing a record's title" in found.evidence
    # A sentence that ends so is the text, not a title.
    assert extract_lines("Headline", "The talks were held, Moscow, November 22, 2018.", BODY).published == "2018-11-22/.."


def test_a_wire_dateline_with_its_credit_in_capitals_dates_a_story_a_carrying_site_stamped_overnight():
    found = extract_lines("Presidents sign declaration", "Tue Jul 7 00:57:51 EST 2009", "MOSCOW, July 6 AFP - The presidents signed a declaration.")
    assert (found.published, found.method) == ("2009-07-06", "dateline")


def test_a_day_still_to_come_and_the_latest_past_day_bound_an_undated_text_both_ways():
    found = extract_lines("Talks stall", "Russia suspended the treaty in February 2023.", "It expires on February 5, 2026.", BODY)
    assert (found.published, found.method) == ("2023-02/2026-02-04", "ahead")
    assert '"in February 2023" (line 2), so it was published no earlier' in found.evidence


def test_an_analysis_reports_no_news_day():
    lines = ("Why the talks stall", "Analysis | World Politics", "The envoy stated on June 19 that talks would go on.", BODY)
    assert extract_lines(*lines).published == "unknown"
    assert extract_lines(*(line for line in lines if "Analysis" not in line)).published == "XXXX-06-19"
