"""Speaker labels of transcript turns: "MR PRICE:", "President of Russia Vladimir Putin:", "Question:" (pure)."""

from __future__ import annotations

import re

from archive.rules import NAME_PARTICLES, NON_PERSON_LABELS, NON_TURN_LABELS, NOT_LABEL_START, TITLE_WORDS

LABEL_MAX_WORDS = 5
TITLED_LABEL_MAX_WORDS = 10  # "President of the United States of America Joseph Biden"
# Small words an office may hold before the name: "President of the United States of America Joseph Biden".
OFFICE_WORDS = frozenset({"of", "the", "for", "and", "on"})
TITLE_TOKENS = frozenset(word.casefold() for title in TITLE_WORDS for word in title.split())
_TURN = re.compile(r"(?P<label>[^\W\d_][^:]{0,80}?)\s*:(?!//)\s*(?P<text>.*)")
LABEL_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")

# A speech's opening address: "Thank you, Mr Chair.", "Good afternoon, everyone.", "Mr President, ladies and gentlemen,".
GREETING = re.compile(
    r"(?:(?:mr|madam|mister)\.?\s+[\w-]+,\s+)?"
    r"(?:thank you|thanks|good (?:morning|afternoon|evening)|ladies and gentlemen|excellencies|dear (?:colleagues|friends))\b"
    r"[^.!?]{0,60}[.!,]$",
    re.IGNORECASE,
)
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:I|I['’]m|me|my|we|We|us|our|Our|you|You|your|Your)\b")


def speaks(turn: tuple[str, str]) -> bool:
    """Whether a lone upper-case label opens a speaker's words: a label of two words or more ("MR PRICE"), or one word
    before a greeting or words in the first or second person ("GRAHAM: Thank you"), not a dateline's place ("VIENNA: In view of ...")."""
    label, said = turn
    return len(label.split()) > 1 or bool(GREETING.match(said)) or bool(_FIRST_OR_SECOND_PERSON.search(said))


def turn_label(text: str) -> tuple[str, str] | None:
    """(label, text after the colon) when a line starts with a speaker label ("MR PRICE: ..."), else None."""
    m = _TURN.fullmatch(text)
    if m is None or not _is_label(m["label"]):
        return None
    return m["label"], m["text"]


def _is_label(label: str) -> bool:
    """1-5 capitalised or upper-case words (titles and name particles allowed), or a role like "Question"."""
    folded = label.casefold()
    if folded in NON_TURN_LABELS or folded.split(maxsplit=1)[0] in NOT_LABEL_START:
        return False
    if folded in NON_PERSON_LABELS:
        return True
    words = label.split()
    # An office may come before the name, with its own small words: "President of Russia Vladimir Putin".
    titled = words[0].casefold() in TITLE_TOKENS and words[-1][0].isupper()
    return (
        1 <= len(words) <= (TITLED_LABEL_MAX_WORDS if titled else LABEL_MAX_WORDS)
        and all(_is_label_word(word) or (titled and word in OFFICE_WORDS) for word in words)
        and not all(word in NAME_PARTICLES for word in words)
    )


def _is_label_word(word: str) -> bool:
    """A capitalised or upper-case name word, a title, or a lower-case name particle like "von"."""
    if word in NAME_PARTICLES or word.casefold().rstrip(".") in TITLE_TOKENS:
        return True
    return word[0].isupper() and bool(LABEL_WORD.fullmatch(word))
