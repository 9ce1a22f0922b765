"""Speaker labels of transcript turns, on made-up lines."""

from __future__ import annotations

import pytest

from archive.turns import speaks, turn_label


@pytest.mark.parametrize(("line", "label"), [
    ("MR DOE: Good afternoon.", "MR DOE"),
    ("Minister of Maps Jane Doe: Thank you.", "Minister of Maps Jane Doe"),
    ("To Under Secretary Roe: Every day we ask how to help.", None),  # words addressed to someone
    ("For the record: the talks went on.", None),
    ("Dear Colleagues: welcome.", None),
])
def test_a_turn_label_is_a_speaker_never_the_opening_of_an_address(line: str, label: str | None) -> None:
    turn = turn_label(line)
    assert (turn[0] if turn else None) == label


@pytest.mark.parametrize(("turn", "speaking"), [
    (("MR DOE", "The talks went on."), True),  # two words: a speaker's label
    (("DOE", "Thank you all for coming."), True),
    (("DOE", "We will go on talking."), True),
    (("RIVERTON", "The ministry opened a review of its maps today."), False),  # a dateline's place
])
def test_a_lone_upper_case_label_speaks_only_as_a_speaker_would(turn: tuple[str, str], speaking: bool) -> None:
    assert speaks(turn) is speaking


def test_a_speech_may_open_by_addressing_the_chair_before_the_audience() -> None:
    from archive.turns import GREETING

    assert GREETING.match("Mr President, ladies and gentlemen,")
    assert not GREETING.match("Mr Doe, the minister, said talks would go on.")
