"""Sentences of a paragraph: the spaces a scraper lost put back, and the text split at its stops (pure)."""

from __future__ import annotations

import re
from functools import partial

from archive.rules import ABBREVIATIONS

OPENERS = "\"“‘«"

# The lookbehind starts a match only at the first stop of a run ("..."), where a match begins anyway;
# without it a long run of stops is retried from each of its characters, in time quadratic in its length.
_STOP_RUN_TOGETHER = re.compile(r"(?<![.!?])(?P<stop>[.!?]+)(?P<close>[\"”’»)\]]*)(?P<open>[\"“‘«]?)(?=\w)")
_COLON_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_]):(?P<open>[\"“«]?)(?=\w)")
_INITIAL = re.compile(r"[^\W\d_]\.")
_LINK = re.compile(
    r"://|(?:^|\W)www\.|@"
    r"|\.(?:com|org|net|gov|edu|int|mil|info|io|me|ru|su|by|ua|uk|eu|ch|de|fr|es|it|cn|us|ca|au|tv)\b"
)
# A break's match starts with the token its stop ends, for _no_break, so no match searches back for it;
# it starts only at a token's start and its stop at the first of a run, for the reason above.
_BREAK = re.compile(r"(?<!\S)(?P<token>\S*?)(?<![.!?…])(?P<stop>[.!?…]+)[\"”’»)\]]*\s+")
_OPENING = re.compile(f"[{re.escape(OPENERS)}(]*")


def repair_sentences(text: str) -> str:
    """Put back the space a scraper lost between sentences ("added.Swiss") and after a label ("Question:In")."""
    text = _STOP_RUN_TOGETHER.sub(partial(_space_after_stop, _Scan(text)), text)
    return _COLON_RUN_TOGETHER.sub(partial(_space_after_colon, _Scan(text)), text)


class _Scan:
    """What a repair needs to know about positions in one text, asked for in increasing order.

    Each answer carries on from the last, so a text is read once however many stops it has: asking
    afresh from the start each time made one long line take time quadratic in its length.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.counted = 0  # straight quotes are counted up to here
        self.quotes = 0
        self.searched = 0  # links are known up to here
        self.link = (0, 0)  # start and end of the last token found to hold a link

    def quotes_before(self, position: int) -> int:
        """How many straight double quotes stand before `position`."""
        self.quotes += self.text.count('"', self.counted, position)
        self.counted = position
        return self.quotes

    def in_link(self, position: int) -> bool:
        """Whether `position` lies in a URL, domain or e-mail address (a space-delimited token), where dots are not stops."""
        text = self.text
        while self.link[1] <= position and self.searched < len(text):
            found = _LINK.search(text, self.searched)
            if found is None:
                self.searched = len(text)
                break
            # The match may begin with the space before its token ("(?:^|\W)www\."); its last character never does.
            last = found.end() - 1
            end = text.find(" ", last)
            self.link = (text.rfind(" ", self.searched, last) + 1, end if end >= 0 else len(text))
            self.searched = self.link[1]
        return self.link[0] <= position < self.link[1]


def _space_after_stop(scan: _Scan, m: re.Match[str]) -> str:
    """The stop and its quotes with a space where the next sentence begins, or the match unchanged."""
    text, stop, close, opening = m.string, m["stop"], m["close"], m["open"]
    if (
        not text[m.end()].isupper()
        or stop.count(".") > 1  # an ellipsis, not a sentence end
        or (not close and not opening and stop == "." and _INITIAL.match(text, m.end()))  # U.S.A., J.R.R.
        or scan.in_link(m.start())
    ):
        return m[0]
    # A straight quote is ambiguous: after an even number of them it opens the next sentence.
    if close.endswith('"') and scan.quotes_before(m.end("close") - 1) % 2 == 0:
        close, opening = close[:-1], '"' + opening
    return f"{stop}{close} {opening}"


def _space_after_colon(scan: _Scan, m: re.Match[str]) -> str:
    """': ' before an upper-case word glued to a label, except inside links."""
    if not m.string[m.end()].isupper() or scan.in_link(m.start()):
        return m[0]
    return f": {m['open']}"


def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences of a paragraph, not breaking after abbreviations, initials or ellipses."""
    sentences: list[str] = []
    start = 0
    for m in _BREAK.finditer(text):
        following = _OPENING.match(text, m.end()).end()
        if not text[following : following + 1].isupper() or _no_break(m):
            continue
        sentences.append(text[start : m.end()].strip())
        start = m.end()
    sentences.append(text[start:].strip())
    return tuple(s for s in sentences if s)


def _no_break(m: re.Match[str]) -> bool:
    """Whether the stop in a `_BREAK` match belongs to an abbreviation, an initial or an ellipsis."""
    stop = m["stop"]
    if "…" in stop or stop.count(".") > 1:
        return True
    if stop != ".":
        return False
    token = (m["token"] + stop).lstrip(OPENERS + "(")
    return token in ABBREVIATIONS or bool(re.fullmatch(r"[^\W\d_]\.", token))
