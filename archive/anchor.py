"""Quote anchoring: where a statement's exact words sit in an article's paragraphs, or the closest passage (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from archive.model import Annotations, Article, Block

_WORD = re.compile(r"\S+")
_EDGE = "\"'“”‘’«»()[],;:"
_REACH = 2  # words the closest passage may grow or shrink by at each end, around rapidfuzz's window
_WINDOW = 256  # characters before rapidfuzz's window first read for words; widened as needed


@dataclass(frozen=True, slots=True)
class Anchor:
    """An exact occurrence of a quote: offsets into `blocks[block].text` and that block's seed line."""

    block: int
    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class Closest:
    """The passage most like a quote that was not found, cut at word boundaries, with its seed line."""

    text: str
    line: int
    similarity: int  # percent, rounded down, so only identical text says 100


def collapse(text: str) -> str:
    """Runs of whitespace as single spaces, without leading or trailing space, as Block.text is written."""
    return " ".join(text.split())


def locate_quote(blocks: tuple[Block, ...], quote: str, prefix: str | None, suffix: str | None) -> tuple[Anchor, ...]:
    """Every occurrence of `quote` within one block that fits `prefix`/`suffix` (none for a blank quote)."""
    wanted = collapse(quote)
    if not wanted:
        return ()
    before = collapse(prefix or "")
    after = collapse(suffix or "")
    every: list[Anchor] = []
    for index, block in enumerate(blocks):
        start = block.text.find(wanted)
        while start != -1:
            every.append(Anchor(index, start, start + len(wanted), block.line))
            start = block.text.find(wanted, start + 1)
    return tuple(anchor for anchor in every if _fits(blocks[anchor.block].text, anchor, before, after))


def _fits(text: str, anchor: Anchor, before: str, after: str) -> bool:
    """Whether the text before the occurrence ends with `before` and the text after it starts with `after`, spaces aside."""
    # In place: slicing off the text before or after each of many occurrences took quadratic time.
    return text.endswith(before, 0, end_before(text, anchor.start)) and text.startswith(after, start_after(text, anchor.end))


def end_before(text: str, position: int) -> int:
    """Where text[:position].rstrip() would end, found without copying the text."""
    while position and text[position - 1].isspace():
        position -= 1
    return position


def start_after(text: str, position: int) -> int:
    """Where text[position:].lstrip() would start, found without copying the text."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def closest_passage(blocks: tuple[Block, ...], quote: str) -> Closest | None:
    """The passage most like a quote that occurs nowhere: the best partial match in any block, cut to whole words."""
    wanted = collapse(quote)
    indexes = [index for index, block in enumerate(blocks) if block.text and not block.text.isspace()]
    if not wanted or not indexes:
        return None
    # One call scores every block (a call per block cost most of the search) and keeps the first of equally good ones.
    _, _, best = process.extractOne(wanted, [blocks[index].text for index in indexes], scorer=fuzz.partial_ratio)
    block = blocks[indexes[best]]
    alignment = fuzz.partial_ratio_alignment(wanted, block.text)
    words, first, last = _words_around(block.text, alignment.dest_start, alignment.dest_end)
    spans = [
        block.text[words[i][0] : words[j][1]]
        for i in range(max(0, first - _REACH), min(len(words), first + _REACH + 1))
        for j in range(max(i, last - _REACH), min(len(words), last + _REACH + 1))
    ]
    # Punctuation at either end is offered both ways, so "continent;" is shown as "continent" when that fits better.
    candidates = [trimmed for span in spans for trimmed in (span, span.strip(_EDGE + " ")) if trimmed]
    text = max(candidates, key=lambda candidate: fuzz.ratio(wanted, candidate))
    return Closest(text, block.line, int(fuzz.ratio(wanted, text)))


def _words_around(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int, int]:
    """Spans of the words near text[start:end], and which of them are the first and the last it touches.

    Only a window around it is read, widened until it holds _REACH words before the first: reading
    every word of a long block for each quote cost more than rapidfuzz's search of it.
    """
    width = _WINDOW
    while True:
        low = max(0, start - width)
        words: list[tuple[int, int]] = []
        beyond = 0  # words starting at or after `end`
        for match in _WORD.finditer(text, low):
            if match.start() == low and low > 0 and not text[low - 1].isspace():
                continue  # a word the window cuts
            words.append(match.span())
            beyond += match.start() >= end
            if beyond > _REACH:
                break
        first = next((i for i, (_, stop) in enumerate(words) if stop > start), len(words) - 1)
        if first >= _REACH or low == 0:
            break
        width *= 4
    last = max(first, next((i for i, (begin, _) in enumerate(words) if begin >= end), len(words)) - 1)
    return words, first, last


def resolve_anchors(annotations: Annotations, articles: tuple[Article, ...]) -> dict[str, Anchor]:
    """Statement id -> its anchor, for every statement whose quote occurs exactly once in its article."""
    by_id = {article.id: article for article in articles}
    anchors: dict[str, Anchor] = {}
    for statement in annotations.statements:
        article = by_id.get(statement.article)
        if article is None:
            continue
        found = locate_quote(article.document.blocks, statement.quote, statement.prefix, statement.suffix)
        if len(found) == 1:
            anchors[statement.id] = found[0]
    return anchors
