"""Publication, event and republication dates put together: the five real seeds, extreme dates, any text."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive import date_text, dates
from archive.dates import extract_date
from archive.yearless import MAX_LISTED_YEARS
from archive.edtf import is_valid_edtf
from archive.model import DateFinding, RawSeed, Registry
from archive.pipeline import parse_article

from conftest import BODY, ROOT, TODAY, extract_lines, text_document


def seed(prefix: str) -> DateFinding:
    """The date finding for the real seed whose file name starts with `prefix`."""
    path = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    return extract_date(text_document(path.read_text(encoding="utf-8"), path.name), TODAY)


def test_republisher_footer_is_never_the_published_date():
    found = extract_lines(
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
    found = extract_lines("Headline", BODY, "Read more on Telegram", "07.02.2026")
    assert (found.published, found.republished) == ("unknown", "2026-02-07")


def test_footer_is_read_even_when_structure_removed_it():
    found = extract_lines("Headline", "February 6, 2026", BODY, "Read more on Telegram", "07.02.2026", removed=(4, 5))
    assert (found.published, found.republished) == ("2026-02-06", "2026-02-07")


def test_crawl_stamp_goes_to_republished():
    found = extract_lines("Headline", "Published: 1 March 2024", BODY, "Retrieved 3 March 2024")
    assert (found.published, found.republished) == ("2024-03-01", "2024-03-03")
    assert '"Retrieved 3 March 2024" (line 4) is a crawl stamp' in found.evidence


def test_relative_yesterday_before_a_known_date_is_the_event():
    found = extract_lines("Headline", "March 4, 2024", "Lavrov said yesterday that talks were possible.")
    assert (found.published, found.event) == ("2024-03-04", "2024-03-03")
    assert "(line 3)" in found.evidence


def test_today_fits_the_publication_date():
    found = extract_lines("Headline", "March 4, 2024", "Lavrov said today that talks were possible.")
    assert (found.published, found.event) == ("2024-03-04", None)
    assert "(line 3) fits" in found.evidence


def test_relative_day_in_removed_boilerplate_is_not_the_event():
    found = extract_lines("Headline", "March 4, 2024", BODY, "Most read: Lavrov said on Monday he was ready.", removed=(4,))
    assert (found.published, found.event) == ("2024-03-04", None)


def test_weekday_before_a_known_date_is_that_day():
    found = extract_lines("Headline", "Wednesday, February 11, 2026", "Lavrov warned on Monday that risks multiply.")
    assert (found.published, found.event) == ("2026-02-11", "2026-02-09")
    assert '"warned on Monday" (line 3)' in found.evidence


def test_last_month_day_with_a_known_date():
    found = extract_lines("Cairo, March 3, 2023", "Talks resumed last November 29 in Egypt.")
    assert (found.published, found.event) == ("2023-03-03", "2022-11-29")
    assert '"last November 29" (line 2)' in found.evidence


def test_last_month_day_with_only_the_year_known():
    found = extract_lines("Published: 2023", "Talks resumed last November 29 in Egypt.")
    assert (found.published, found.event) == ("2023", "[2022-11-29,2023-11-29]")


def test_last_month_day_without_a_year_is_unknown():
    found = extract_lines("Headline", "Talks resumed last November 29 in Egypt.")
    assert (found.published, found.event, found.method) == ("unknown", None, "unknown")
    assert '"last November 29" (line 2) has no year' in found.evidence


def test_month_only_evidence_gives_the_month():
    found = extract_lines("Headline", "Published: February 2021", BODY)
    assert (found.published, found.method) == ("2021-02", "written-date")


def test_year_only_evidence_gives_the_year():
    found = extract_lines("Headline", "Published: 2021", BODY, "Talks have stalled since 2019.")
    assert (found.published, found.method) == ("2021", "written-date")
    assert "(line 2)" in found.evidence


def test_date_after_today_is_not_the_publication_date():
    found = extract_lines("Headline", "December 5, 2026", BODY)
    assert found.published == "unknown"
    assert "(line 2) is after today" in found.evidence


def test_disagreeing_date_lines_give_a_set():
    found = extract_lines("February 6, 2026", BODY, "February 7, 2026")
    assert found.published == "[2026-02-06,2026-02-07]"
    assert "(line 1)" in found.evidence and "(line 3)" in found.evidence and "disagree" in found.evidence


def test_page_date_with_earlier_transcript_date_makes_that_the_event():
    found = extract_lines("2026-02-07T09:00+0000", "Moscow, February 6, 2026", BODY)
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
    found = extract_date(text_document("".join(pieces)), today)
    for value in (found.published, found.event, found.republished):
        assert value in (None, "unknown") or is_valid_edtf(value), value
    assert found.evidence


def test_yesterday_from_the_first_day_there_is_counts_back_no_further():
    raw = RawSeed("seeds/x.txt", "x.txt", b"0001-01-01\nLavrov said yesterday that talks matter.\n")
    article, _ = parse_article(raw, Registry(), TODAY)
    assert (article.date.published, article.date.event) == ("0001-01-01", None)


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


def test_an_update_stamp_alone_bounds_publication_from_above_and_a_past_day_from_below():
    assert extract_lines("The talks went on.", "They will go on.", "Last update: 13 Mar 2022").published == "../2022-03-13"
    found = extract_lines("Updated: April 8, 2010 at 3:04 PM", "The presidents signed the treaty in Prague on April 8, 2010.")
    assert (found.published, found.method) == ("2010-04-08", "update")
    assert "published on or before it" in found.evidence and '"on April 8, 2010" (line 2)' in found.evidence
    assert extract_lines("Updated: April 9, 2010", "They signed it on April 8, 2010.").published == "2010-04-08/2010-04-09"


def test_a_datelines_day_a_day_before_the_pages_stamp_is_the_wire_storys_date():
    found = extract_lines("Headline", "2023-09-19 08:42:30", "MOSCOW, Sept. 18 (Xinhua) -- The minister said here Monday that talks matter.")
    assert (found.published, found.event, found.method) == ("2023-09-18", None, "dateline")
    assert "a day before the page's stamp is the story's own" in found.evidence
    # Two days before, it is the event's day, the stamp the page's.
    assert extract_lines("Headline", "2023-09-20 08:42:30", "MOSCOW, Sept. 18 (Xinhua) -- The minister said so.").event == "2023-09-18"


def parsed_date(text: str) -> DateFinding:
    """The date finding for a seed given as a string, parsed into headline and blocks as the build does."""
    from archive.seeds import decode_seed
    from archive.structure import parse_document

    decoded, _ = decode_seed(RawSeed("seeds/x.txt", "x.txt", text.encode()))
    assert decoded is not None
    return extract_date(parse_document(decoded)[0], TODAY)


def test_of_date_lines_that_disagree_the_first_below_the_headline_is_the_pages():
    found = parsed_date("Maps Talks to Go On\nMarch 3, 2020\n\nDaily Press Briefing\n\nMonday, March 2, 2020\n\nThe talks will go on, the minister said.\n")
    assert (found.published, found.event) == ("2020-03-03", "2020-03-02")
    boxed = parsed_date("“Maps unite us.”\n– Jane Doe\nMarch 9, 2024\nRemarks on Maps\nJane Doe\nMinister, Office of Maps\nMay 4, 2011\n\nThank you all for coming today.\n")
    assert boxed.published == "2011-05-04"


def test_a_page_date_line_outweighs_the_scraped_metadata_glued_above_it():
    found = parsed_date(" date 2015-04-10 Ministry of Maps\nMinistry Opens a Review of Its Maps\nApril 17, 2017\nThe review began today, the minister said.\n")
    assert found.published == "2017-04-17" and "metadata" in found.evidence


def test_a_records_headline_gives_its_day():
    found = parsed_date("Spokesperson Jane Doe's Regular Press Conference on July 17, 2020\n\nQuestion: What is the plan?\n\nJane Doe: The plan is clear.\n")
    assert (found.published, found.method) == ("2020-07-17", "headline")
    assert parsed_date("Talks Set for July 17, 2020\n\nThe talks will go on, the minister said.\n").published != "2020-07-17"


def test_a_press_offices_headline_in_another_language_gives_its_day():
    found = parsed_date("Maîtrise des armements - Extrait du point de presse (8 novembre 2019)\n\nLa France rappelle son attachement.\n")
    assert (found.published, found.method) == ("2019-11-08", "headline"), found.evidence


def test_a_yearless_dateline_takes_the_year_of_an_update_stamp_days_after_it():
    found = parsed_date("Maps Talks Go On\n\nEXW | Updated: Jan 28, 2021 06:35 IST\n\nRiverton [Example], January 27 (EXW): The talks went on, the minister said.\n")
    assert (found.published, found.method) == ("2021-01-27", "dateline+update")


def test_a_day_the_text_tells_as_past_bounds_an_undated_text_from_below():
    found = parsed_date("On March 2, 2017, in one of my first acts, I ordered a review of our maps. It is done.\n")
    assert (found.published, found.method) == ("2017-03-02/..", "past-date")


def test_the_day_closing_a_pages_title_after_its_bars_is_its_date():
    found = extract_lines(" Maps Talks Go On | News | EXW | 01.02.2019", BODY)
    assert found.published == "2019-02-01"


def test_a_date_line_wrapped_after_its_day_is_read_with_the_year_below():
    found = extract_lines("Maps talks", "July 16,", "2018", "18:35", BODY)
    assert (found.published, found.method) == ("2018-07-16", "written-date")


def test_a_weekday_written_with_its_day_dates_the_news_and_narrows_its_years():
    found = extract_lines("Talks start", "The envoy, in office since 2019, arrived in Riverton on Monday (June 22) for talks, the ministry said.")
    assert (found.published, found.method) == ("[2020-06-22,2026-06-22]", "news-day+weekday")
