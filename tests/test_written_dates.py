"""Dates as lines write them, read to year, month and day: English, other languages' months, CJK, numbers."""

from __future__ import annotations

import pytest

from archive.model import Line
from archive.written_dates import read_hits


@pytest.mark.parametrize(("text", "value"), [
    ("Moscow, February 6, 2026", "2026-02-06"),
    ("le 8 novembre 2019 à Paris", "2019-11-08"),
    ("am 5. Februar 2026", "2026-02-05"),
    ("el 5 de febrero de 2026", "2026-02-05"),
    ("08 декабря 2025 в 21:00", "2025-12-08"),
    ("2018年10月22日17:43", "2018-10-22"),
    ("2026년 2월 3일", "2026-02-03"),
    ("04-02-2026 | 10:49", "2026-02-04"),  # dashes: the European order
    ("27.01.2021 - Press release", "2021-01-27"),
])
def test_a_date_is_read_in_the_languages_and_forms_of_the_archive(text: str, value: str) -> None:
    assert [hit.value for hit in read_hits(Line(1, text))] == [value]


def test_a_month_name_of_another_language_is_read_only_after_its_day() -> None:
    assert [hit.value for hit in read_hits(Line(1, "Mars 2020 mission"))] == ["2020"]  # the year alone
