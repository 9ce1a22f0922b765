"""The case forms of a Russian name, so that "по словам Пескова" and "Путину" find the registry's Песков and Путин (pure).

Russian declines names: a text quotes "Дмитрий Песков" but reports "по словам Дмитрия Пескова". The
registry writes each name once, in the nominative; these are the regular forms of the other cases.
Words are folded as `archive.extract.fold` folds them ("й" is "и"), and a word of another script
is left as it is.
"""

from __future__ import annotations

import itertools
import re

_CYRILLIC = re.compile(r"[а-яё]")
# The endings each kind of word takes in the genitive, dative, instrumental and prepositional
# (and the accusative where it differs), after the nominative's ending is taken off.
_ADJECTIVE = ("ии", "ого", "ому", "им", "ом")  # Зеленский, -ого, -ому
_SOFT = ("и", "я", "ю", "ем", "е")  # Сергей, Дмитрий: -я, -ю, -ем
_IYA = ("я", "и", "ю", "еи")  # Мария: -и, -ю, -ей
_SURNAME_A = ("а", "ои", "у")  # Захарова: -ой, -у
_A = ("а", "ы", "е", "у", "ои")  # Анна
_YA = ("я", "и", "е", "ю", "еи")
_CONSONANT = ("", "а", "у", "ом", "ым", "е")  # Песков, Путин, Владимир
_FEMININE_SURNAMES = ("ова", "ева", "ина", "ына")


def word_forms(word: str) -> tuple[str, ...]:
    """The folded word in each case: "песков" -> ("песков", "пескова", "пескову", ...)."""
    if not _CYRILLIC.search(word):
        return (word,)
    for ending, stem, endings in (
        (("скии", "цкии"), 2, _ADJECTIVE),
        (("ии", "еи", "аи"), 1, _SOFT),
        (("ия",), 1, _IYA),
        (_FEMININE_SURNAMES, 1, _SURNAME_A),
        (("а",), 1, _A),
        (("я",), 1, _YA),
    ):
        if word.endswith(ending):
            return tuple(dict.fromkeys(word[:-stem] + e for e in endings))
    if word[-1] in "бвгджзклмнпрстфхцчшщ":
        return tuple(word + e for e in _CONSONANT)
    return (word,)  # Шойгу and other words that do not decline


def name_forms(folded: str) -> tuple[str, ...]:
    """A folded name in each case, word by word; the name itself first. A name of another script has only itself."""
    words = folded.split(" ")
    if not _CYRILLIC.search(folded):
        return (folded,)
    forms = [" ".join(combination) for combination in itertools.product(*(word_forms(w) for w in words))]
    return tuple(dict.fromkeys([folded, *forms]))
