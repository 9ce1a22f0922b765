"""A day written without its year: the years the rest of the text, a weekday and titles with terms leave it."""

from __future__ import annotations

import datetime

from archive.dates import extract_date
from archive.edtf import is_valid_edtf
from archive.model import DateFinding, Location, Role, Term

from conftest import TODAY, extract_lines, text_document


def test_reuters_dateline_without_year_or_weekday_leaves_the_year_unspecified():
    found = extract_lines("MOSCOW, Feb 19 (Reuters) - Lavrov spoke to reporters.")
    assert (found.published, found.method) == ("XXXX-02-19", "dateline")
    assert is_valid_edtf(found.published)
    assert "(line 1) gives no year" in found.evidence


def test_yearless_dateline_restricted_by_the_latest_year_mentioned():
    found = extract_lines("MOSCOW, February 19. /TASS/. Lavrov spoke.", "Much has changed since 2019.")
    # 2019 or later (what has changed since 2019 may have by February 19 of it), and not after today.
    assert found.published == "[" + ",".join(f"{year}-02-19" for year in range(2019, 2027)) + "]"
    assert is_valid_edtf(found.published)
    assert "since 2019" in found.evidence and "(line 2)" in found.evidence and "of 2019 or later" in found.evidence


def test_yearless_dateline_with_weekday_gives_the_years_that_fit():
    found = extract_lines(
        "MOSCOW, February 19 (Reuters) - Lavrov said on Friday that talks were possible.",
        "Nothing has been the same since 2010.",
    )
    assert (found.published, found.method) == ("[2010-02-19,2016-02-19,2021-02-19]", "dateline+weekday")
    assert "2010, 2016 and 2021" in found.evidence and "(line 1)" in found.evidence and "(line 2)" in found.evidence


def test_yearless_dateline_with_a_single_possible_year_is_marked_uncertain():
    found = extract_lines("MOSCOW, February 19. /TASS/. Lavrov spoke.", "Much has changed since March 2025.")
    assert (found.published, found.method) == ("2026-02-19?", "dateline")


def test_deadline_year_does_not_bound_a_yearless_dateline():
    found = extract_lines(
        "MOSCOW, February 19. /TASS/. Lavrov said on Friday that talks were possible.",
        "Much has changed since 2010.",
        "The treaty was extended until February 5, 2026.",
    )
    assert found.published == "[2010-02-19,2016-02-19,2021-02-19]"


def test_yearless_dateline_candidates_are_not_after_today():
    # 4 December 2026 is a Friday, but it is after TODAY (2026-11-29).
    found = extract_lines("MOSCOW, December 4. /TASS/. Lavrov said on Friday that talks were possible.", "As in 2019.")
    assert (found.published, found.method) == ("2020-12-04?", "dateline+weekday")


def test_yearless_dateline_with_weekday_and_a_single_fitting_year_is_marked_uncertain():
    found = extract_lines("MOSCOW, February 19. /TASS/. Lavrov said on Friday that talks were possible.", "As in 2020.")
    assert (found.published, found.method) == ("2021-02-19?", "dateline+weekday")
    assert "only in 2021" in found.evidence


def test_a_dateline_day_no_year_up_to_today_has_is_of_unknown_year():
    found = extract_date(text_document("MOSCOW, February 29. /TASS/. Lavrov said things."), datetime.date(3, 3, 1))
    assert found.published == "XXXX-02-29" and "No year from 0001 to today (0003-03-01) has a February 29" in found.evidence


def term(quote: str, line: int, *spans: tuple[str | None, str | None]) -> Term:
    here = Location("annotations/people.yml", 9)
    return Term("someone", quote, line, tuple(Role("Secretary of State", start, end, here) for start, end in spans))


def with_terms(*terms: Term, lines: tuple[str, ...]) -> DateFinding:
    return extract_date(text_document("\n".join(lines)), TODAY, terms)


BLINKEN = term("Secretary Blinken", 3, ("2021-01-26", "2025-01-20"))


YEARLESS = ("Headline", "", "WASHINGTON, May 19. /TASS/. Secretary Blinken met the minister.")


def test_a_title_bounds_a_yearless_dateline_to_the_years_of_its_term():
    found = with_terms(BLINKEN, lines=YEARLESS)
    assert (found.published, found.method) == ("[2021-05-19,2022-05-19,2023-05-19,2024-05-19]", "dateline+term")
    assert '"Secretary Blinken" (line 3) is a title held from 2021-01-26 to 2025-01-20 (annotations/people.yml:9)' in found.evidence
    # Without the term the same text leaves every year up to today.
    assert extract_lines(*YEARLESS).published == "XXXX-05-19"


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


def test_a_day_written_as_still_ahead_bounds_a_yearless_dateline_from_above():
    found = extract_lines("MOSCOW, November 11. /TASS/. Lavrov said.", "The treaty can be extended before it expires on February 5, 2026.", "It was signed in 2010.")
    assert found.published == "[" + ",".join(f"{year}-11-11" for year in range(2010, 2026)) + "]"
    assert '"expires on February 5, 2026" (line 2) is still ahead, so November 11 is of 2025 or later' not in found.evidence
    assert "is still ahead, so November 11 is of 2025 or earlier" in found.evidence


def test_a_former_title_bounds_a_yearless_dateline_to_after_its_term():
    former = Term("someone", "Secretary Blinken", 3, BLINKEN.roles, former=True)
    found = with_terms(former, lines=("Headline", "", "MOSCOW, November 11. /TASS/. Former Secretary Blinken said it in 2020."))
    assert (found.published, found.method) == ("[2025-11-11,2026-11-11]", "dateline+term")
    assert "and the text is from after it" in found.evidence
