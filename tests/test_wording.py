"""Two renderings of one statement compared word by word, on real translation variants."""

from __future__ import annotations

from archive.wording import Segment, compare_wording, tokenize

# Lavrov, 6 February 2026: the ministry's transcript and a wire's own translation of the same sentence.
RECORD = "We remain prepared to discuss this matter with our American counterparts"
REPORT = "We will, of course, be ready to talk about this topic with our American colleagues"


def test_tokens_are_words_and_marks_and_give_back_the_text() -> None:
    assert tokenize("We will, of course, be the People’s “friends”.") == (
        "We ", "will", ", ", "of ", "course", ", ", "be ", "the ", "People’s ", "“", "friends", "”", ".",
    )
    for text in (RECORD, REPORT, "  spaced   out  ", "", "«Да», — сказал он."):
        assert "".join(tokenize(text)) == text


def test_a_reworded_phrase_is_one_change_and_shared_words_stay_unmarked() -> None:
    wording = compare_wording(RECORD, REPORT)
    assert wording.segments == (
        Segment("equal", "We ", "We "),
        # "to" and "this" are in both, but marking around each would cut the phrase into pieces.
        Segment("replace", "remain prepared to discuss this matter ", "will, of course, be ready to talk about this topic "),
        Segment("equal", "with our American ", "with our American "),
        Segment("replace", "counterparts", "colleagues"),
    )


def test_the_segments_give_back_both_texts() -> None:
    wording = compare_wording(RECORD, REPORT)
    assert "".join(s.record for s in wording.segments) == RECORD
    assert "".join(s.report for s in wording.segments) == REPORT


def test_similarity_is_the_share_of_words_in_common() -> None:
    # In common: we, to, this, with, our, American (6 of 11 and of 15 words): 2 * 6 / 26.
    assert compare_wording(RECORD, REPORT).similarity == 12 / 26
    assert compare_wording(RECORD, RECORD).similarity == 1.0
    assert compare_wording("Russia is ready", "Moscow waits").similarity == 0.0
    assert compare_wording("", "").similarity == 1.0


def test_case_quotes_and_dashes_do_not_count_as_differences() -> None:
    record = "Together with the People’s Republic – “indivisible” security"
    report = "together with the people's republic - \"Indivisible\" Security"
    assert [s.op for s in compare_wording(record, report).segments] == ["equal"]
    assert compare_wording(record, report).similarity == 1.0


def test_words_only_one_side_has_are_a_delete_or_an_insert() -> None:
    cut = compare_wording("the entire Eurasian continent; yet this is the aim", "the entire Eurasian continent")
    assert cut.segments == (
        Segment("equal", "the entire Eurasian continent", "the entire Eurasian continent"),
        Segment("delete", "; yet this is the aim", ""),
    )
    added = compare_wording("We will be ready", "We will, of course, be ready")
    assert [s for s in added.segments if s.op != "equal"] == [Segment("insert", "", ", of course, ")]


def test_a_longer_shared_phrase_is_never_absorbed() -> None:
    wording = compare_wording("Russia is ready to discuss security issues", "Moscow was prepared to discuss all issues")
    assert Segment("equal", "to discuss ", "to discuss ") in wording.segments
