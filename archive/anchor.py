"""Quote anchoring: where a statement's exact words sit in an article's paragraphs, or the closest passage (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from archive.model import Annotations, Article, Block

_WORD = re.compile(r"\S+")
_EDGE = "\"'“”‘’«»()[],;:"
_REACH = 2  # words the closest passage may grow or shrink by at each end, around rapidfuzz's window


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


def locate_quote(
    blocks: tuple[Block, ...], quote: str, prefix: str | None, suffix: str | None
) -> tuple[tuple[Anchor, ...], Closest | None]:
    """Every occurrence of `quote` within one block that fits `prefix`/`suffix`, and the closest passage if it occurs nowhere.

    An empty result with no Closest means the quote does occur, but not next to that prefix or suffix.
    """
    wanted = collapse(quote)
    if not wanted:
        return (), None
    before = collapse(prefix or "")
    after = collapse(suffix or "")
    every: list[Anchor] = []
    for index, block in enumerate(blocks):
        start = block.text.find(wanted)
        while start != -1:
            every.append(Anchor(index, start, start + len(wanted), block.line))
            start = block.text.find(wanted, start + 1)
    if not every:
        return (), _closest(blocks, wanted)
    fitting = tuple(
        anchor
        for anchor in every
        if blocks[anchor.block].text[: anchor.start].rstrip().endswith(before)
        and blocks[anchor.block].text[anchor.end :].lstrip().startswith(after)
    )
    return fitting, None


def _closest(blocks: tuple[Block, ...], quote: str) -> Closest | None:
    """The block with the best partial match, and in it the run of whole words most like the quote."""
    best = max(
        ((fuzz.partial_ratio_alignment(quote, block.text), index) for index, block in enumerate(blocks) if block.text.strip()),
        key=lambda pair: (pair[0].score, -pair[1]),
        default=None,
    )
    if best is None:
        return None
    alignment, index = best
    block = blocks[index]
    words = [match.span() for match in _WORD.finditer(block.text)]
    first = next((i for i, (_, end) in enumerate(words) if end > alignment.dest_start), len(words) - 1)
    last = max(first, next((i for i, (start, _) in enumerate(words) if start >= alignment.dest_end), len(words)) - 1)
    spans = [
        block.text[words[i][0] : words[j][1]]
        for i in range(max(0, first - _REACH), min(len(words), first + _REACH + 1))
        for j in range(max(i, last - _REACH), min(len(words), last + _REACH + 1))
    ]
    # Punctuation at either end is offered both ways, so "continent;" is shown as "continent" when that fits better.
    candidates = [trimmed for span in spans for trimmed in (span, span.strip(_EDGE + " ")) if trimmed]
    text = max(candidates, key=lambda candidate: fuzz.ratio(quote, candidate))
    return Closest(text, block.line, int(fuzz.ratio(quote, text)))


def resolve_anchors(annotations: Annotations, articles: tuple[Article, ...]) -> dict[str, Anchor]:
    """Statement id -> its anchor, for every statement whose quote occurs exactly once in its article."""
    by_id = {article.id: article for article in articles}
    anchors: dict[str, Anchor] = {}
    for statement in annotations.statements:
        article = by_id.get(statement.article)
        if article is None:
            continue
        found, _ = locate_quote(article.document.blocks, statement.quote, statement.prefix, statement.suffix)
        if len(found) == 1:
            anchors[statement.id] = found[0]
    return anchors
