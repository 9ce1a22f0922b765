"""The case forms of Russian names the registry writes once, in the nominative."""

from __future__ import annotations

import pytest

from archive.declension import name_forms, word_forms
from archive.extract import fold, name_index
from archive.model import Location, Person


@pytest.mark.parametrize(("nominative", "other"), [
    ("Песков", "Пескова"),  # по словам Пескова
    ("Путин", "Путину"),
    ("Путин", "Путиным"),
    ("Сергей", "Сергея"),
    ("Дмитрий", "Дмитрием"),
    ("Захарова", "Захаровой"),
    ("Мария", "Марии"),
    ("Зеленский", "Зеленского"),
])
def test_a_russian_word_has_its_case_forms(nominative: str, other: str) -> None:
    assert fold(other) in word_forms(fold(nominative))


def test_a_word_that_does_not_decline_or_is_not_cyrillic_is_itself() -> None:
    assert word_forms(fold("Шойгу")) == (fold("Шойгу"),)
    assert name_forms("sergey lavrov") == ("sergey lavrov",)


def test_the_index_finds_a_registry_name_in_another_case_and_not_a_longer_word() -> None:
    person = Person("dmitry-peskov", "Dmitry Peskov", ("Дмитрий Песков", "Песков"), (), Location("annotations/people.yml", 1))
    index = name_index((person,))
    assert [p for _, _, p in index.find(fold("по словам Дмитрия Пескова, переговоры идут"))] == ["dmitry-peskov"]
    assert [p for _, _, p in index.find(fold("заявил Пескову"))] == ["dmitry-peskov"]
    assert index.find(fold("песковский район")) == []
