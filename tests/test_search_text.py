"""How search reads text: folding, words, stop words and lunr.js's stems."""

from __future__ import annotations

import pytest

from archive.search_text import fold, is_stop_word, stem, words


@pytest.mark.parametrize(("written", "typed"), [
    ("Sinirlioğlu", "Sinirlioglu"),
    ("Müller", "Muller"),
    ("Wałęsa", "Walesa"),
    ("Straße", "strasse"),
    ("Kalın", "Kalin"),
    ("Lavrov’s", "Lavrov's"),
    ("“New START”", '"new start"'),
    ("ＮＡＴＯ", "nato"),  # full-width letters
    ("ΟΔΟΣ", "οδοσ"),  # final sigma
])
def test_folding_makes_spellings_equal(written, typed):
    assert fold(written) == fold(typed)


def test_words_drop_apostrophes_and_split_on_everything_else():
    assert words(fold("Lavrov’s U.S.-Russia talks (2021–2026)")) == ["lavrovs", "u", "s", "russia", "talks", "2021", "2026"]
    assert words(fold("Сергей Лавров: «Нет»")) == ["сергеи", "лавров", "нет"]
    assert words(fold("<img src=x onerror=alert(1)>")) == ["img", "src", "x", "onerror", "alert", "1"]
    assert words(fold("!!! *** ---")) == []


def test_stop_words_are_lunrs():
    assert all(is_stop_word(w) for w in ("the", "of", "said", "would"))
    assert not any(is_stop_word(w) for w in ("new", "start", "nato", "constructor"))


@pytest.mark.parametrize(("word", "stemmed"), [
    ("negotiations", "negoti"),
    ("negotiating", "negoti"),
    ("treaties", "treati"),
    ("hoping", "hope"),
    ("stability", "stabil"),
    ("yesterday", "yesterday"),
    # Where lunr.py's Porter stemmer would say "dai", "sergei" and "try": the index follows lunr.js.
    ("day", "day"),
    ("sergey", "sergey"),
    ("try", "tri"),
    ("лавров", "лавров"),
    ("ab", "ab"),
])
def test_stems_are_lunr_js_stems(word, stemmed):
    assert stem(word) == stemmed


def test_a_word_beyond_the_bmp_is_stemmed_as_utf16_code_units():
    # As lunr.js sees them (checked with node): two code points but three units, long enough to stem;
    # and a surrogate pair is not one consonant, so no "e" is added after it.
    assert stem("\U00020000s") == "\U00020000"
    assert stem("ha\U00020000ing") == "ha\U00020000"
