"""Two renderings of one statement compared word by word: what the record and a report share, and where they differ (pure)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# A word (letters and digits, with inner apostrophes: "People’s", "don't") or one punctuation mark,
# with the whitespace that follows it, so the tokens joined give back the text.
TOKEN = re.compile(r"\s*(?:\w+(?:['’]\w+)*|[^\w\s])\s*|\s+")
WORD = re.compile(r"\w")
# Typography that translations and outlets vary without changing the words: curly or straight
# quotes, apostrophes, and dashes of any length compare as the same character.
SAME_MARK = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
})


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the two texts: "equal" (same words), "replace", "delete" (only the record's) or "insert" (only the report's)."""

    op: str
    record: str
    report: str


@dataclass(frozen=True, slots=True)
class Wording:
    """The record's and the report's text as segments, and the share of their words they have in common (0 to 1)."""

    segments: tuple[Segment, ...]
    similarity: float


def tokenize(text: str) -> tuple[str, ...]:
    """The text's words and punctuation marks, each with the whitespace after it; joined, they are the text."""
    return tuple(match.group(0) for match in TOKEN.finditer(text))


def comparison_key(token: str) -> str:
    """What a token is compared by: its word or mark, without case, spacing or quote and dash typography."""
    return token.strip().casefold().translate(SAME_MARK)


def compare_wording(record: str, report: str) -> Wording:
    """The record's and the report's text, segment by segment, as difflib matches their words, and the share of words in common."""
    left, right = tokenize(record), tokenize(report)
    matcher = difflib.SequenceMatcher(None, [comparison_key(t) for t in left], [comparison_key(t) for t in right], autojunk=False)
    opcodes = _absorb_short_matches(matcher.get_opcodes(), left, right)
    segments = tuple(Segment(op, "".join(left[i1:i2]), "".join(right[j1:j2])) for op, i1, i2, j1, j2 in opcodes)
    # Every word the two share counts, also one shown inside a change.
    shared = sum(_words(left[i:i + size]) for i, _, size in matcher.get_matching_blocks())
    total = _words(left) + _words(right)
    return Wording(segments, 2 * shared / total if total else 1.0)


def _absorb_short_matches(opcodes: list[tuple[str, int, int, int, int]], left: tuple[str, ...], right: tuple[str, ...]) -> list[tuple[str, int, int, int, int]]:
    """The opcodes with each match of one word or none, between changes at least as long, made part of one change.

    Two free translations share many a "to" and "the"; marking around each of them would cut a
    reworded phrase into pieces. Longer matches ("with our American") always stay unmarked.
    """
    def size(code: tuple[str, int, int, int, int]) -> int:
        return max(_words(left[code[1]:code[2]]), _words(right[code[3]:code[4]]))

    def absorbed(k: int) -> bool:
        if opcodes[k][0] != "equal" or not 0 < k < len(opcodes) - 1:
            return False
        return size(opcodes[k]) <= min(1, size(opcodes[k - 1]), size(opcodes[k + 1]))

    out: list[tuple[str, int, int, int, int]] = []
    for k, code in enumerate(opcodes):
        if out and out[-1][0] != "equal" and (code[0] != "equal" or absorbed(k)):
            out[-1] = ("replace", out[-1][1], code[2], out[-1][3], code[4])
        else:
            out.append(code)
    return out


def _words(tokens: tuple[str, ...]) -> int:
    """How many of the tokens are words rather than punctuation."""
    return sum(1 for token in tokens if WORD.search(token))
