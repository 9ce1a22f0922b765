"""Tests for archive/anchor.py: exact quote anchoring, the closest passage, and anchors for the renderer."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from archive.anchor import Anchor, Closest, _words_around, closest_passage, collapse, locate_quote, resolve_anchors
from archive.annotations import load_annotations
from archive.model import Annotations, Block, Location, Statement
from archive.pipeline import build_archive
from archive.registry import load_registry
from archive.seeds import read_seeds

ROOT = Path(__file__).parent.parent
TODAY = datetime.date(2026, 11, 29)
BLOCKS = (
    Block("paragraph", "He said “no”. Then he said “no” again.", 3),
    Block("heading", "Strategic stability", 5),
    Block("paragraph", "We do not want NATO to assume responsibility for the security of the entire Eurasian continent; yet this is it.", 7),
)


@pytest.fixture(scope="module")
def articles():
    registry, _ = load_registry(ROOT / "annotations")
    archive, _ = build_archive(read_seeds(ROOT / "seeds")[0], registry, TODAY)
    return archive.articles


def statement(ident: str, article: str, quote: str, prefix: str | None = None, suffix: str | None = None) -> Statement:
    return Statement(ident, article, quote, prefix, suffix, "sergey-lavrov", None, (), None, (), Location("s.yml", 1), 2)


def test_an_exact_quote_gives_its_offsets_and_seed_line() -> None:
    assert locate_quote(BLOCKS, "Strategic stability", None, None) == (Anchor(1, 0, 19, 5),)
    (anchor,) = locate_quote(BLOCKS, "the entire Eurasian continent", None, None)
    assert anchor.line == 7
    assert BLOCKS[anchor.block].text[anchor.start : anchor.end] == "the entire Eurasian continent"


def test_whitespace_in_the_quote_is_collapsed() -> None:
    assert locate_quote(BLOCKS, "  We do not\n  want   NATO\t", None, None) == (Anchor(2, 0, 19, 7),)


def test_every_occurrence_is_found_and_prefix_or_suffix_picks_one() -> None:
    assert locate_quote(BLOCKS, "he said “no”", None, None) == (Anchor(0, 19, 31, 3),)
    assert locate_quote(BLOCKS, "said “no”", None, None) == (Anchor(0, 3, 12, 3), Anchor(0, 22, 31, 3))
    assert locate_quote(BLOCKS, "said “no”", "Then he", None) == (Anchor(0, 22, 31, 3),)
    assert locate_quote(BLOCKS, "said “no”", None, ". Then") == (Anchor(0, 3, 12, 3),)
    assert locate_quote(BLOCKS, "said “no”", "He", "again.") == ()
    assert locate_quote(BLOCKS, "said “no”", "  Then\nhe ", "  again") == (Anchor(0, 22, 31, 3),)


def test_overlapping_occurrences_are_all_counted() -> None:
    assert locate_quote((Block("paragraph", "aaaa", 1),), "aa", None, None) == (
        Anchor(0, 0, 2, 1), Anchor(0, 1, 3, 1), Anchor(0, 2, 4, 1),
    )


def test_found_but_not_beside_its_prefix_gives_nothing() -> None:
    assert locate_quote(BLOCKS, "Strategic stability", "Nuclear", None) == ()


def test_a_quote_must_lie_within_one_block() -> None:
    assert locate_quote(BLOCKS, "again. Strategic stability", None, None) == ()
    assert closest_passage(BLOCKS, "again. Strategic stability") is not None


def test_case_and_quote_characters_must_match_and_the_closest_text_shows_the_right_ones() -> None:
    assert locate_quote(BLOCKS, 'Then he said "no" again.', None, None) == ()
    assert closest_passage(BLOCKS, 'Then he said "no" again.') == Closest("Then he said “no” again.", 3, 91)
    assert locate_quote(BLOCKS, "strategic stability", None, None) == ()
    assert closest_passage(BLOCKS, "strategic stability") == Closest("Strategic stability", 5, 94)


def test_the_closest_passage_is_cut_at_word_boundaries_without_stray_punctuation() -> None:
    closest = closest_passage(BLOCKS, "We do not want NATO to take responsibility for the security of the entire Eurasian continent")
    assert closest == Closest(
        "We do not want NATO to assume responsibility for the security of the entire Eurasian continent", 7, 96
    )


def test_empty_quote_or_no_text_gives_nothing() -> None:
    assert locate_quote(BLOCKS, " \n ", None, None) == ()
    assert closest_passage(BLOCKS, " \n ") is None
    assert locate_quote((), "x", None, None) == ()
    assert closest_passage((), "x") is None
    assert closest_passage((Block("paragraph", "", 1), Block("paragraph", " ", 2)), "x") is None


def test_a_real_sentence_and_a_one_word_change(articles) -> None:
    blocks = {article.id: article for article in articles}["002_3a7575835685a05e"].document.blocks
    real = "Together with the People’s Republic of China and other members of the SCO and BRICS"
    (anchor,) = locate_quote(blocks, real, None, None)
    assert anchor.line == 15 and blocks[anchor.block].text[anchor.start : anchor.end] == real
    assert locate_quote(blocks, real.replace("members", "partners"), None, None) == ()
    assert closest_passage(blocks, real.replace("members", "partners")) == Closest(real, 15, 94)


def test_resolve_anchors_keeps_only_statements_found_exactly_once(articles) -> None:
    annotations = Annotations(statements=(
        statement("once", "002_3a7575835685a05e", "equal and indivisible security", "The Organisation is based on the principle of"),
        statement("twice", "002_3a7575835685a05e", "equal and indivisible security"),
        statement("missing", "002_3a7575835685a05e", "not in the text at all"),
        statement("no-article", "999_x", "equal and indivisible security"),
        statement("wire", "000_958310810f9c2547", "We do not want NATO"),
    ))
    anchors = resolve_anchors(annotations, articles)
    assert sorted(anchors) == ["once", "wire"]
    assert anchors["once"].line == 10 and anchors["wire"] == Anchor(1, 1, 20, 11)


def test_every_statement_in_the_good_fixtures_gets_an_anchor(articles) -> None:
    annotations, _ = load_annotations(ROOT / "tests" / "fixtures" / "curation" / "good")
    by_id = {article.id: article for article in articles}
    anchors = resolve_anchors(annotations, articles)
    assert sorted(anchors) == sorted(s.id for s in annotations.statements)
    for s in annotations.statements:
        anchor = anchors[s.id]
        block = by_id[s.article].document.blocks[anchor.block]
        assert block.text[anchor.start : anchor.end] == collapse(s.quote) and anchor.line == block.line


WORDS = st.lists(st.sampled_from(["We", "do", "not", "want", "NATO", "“no”", "no", "security", "Eurasian", ",", ";", "the"]), min_size=1, max_size=12)
TEXTS = st.lists(WORDS.map(" ".join), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.data())
def test_any_piece_of_a_block_is_found_where_it_is(texts: list[str], data: st.DataObject) -> None:
    blocks = tuple(Block("paragraph", text, 2 * index + 1) for index, text in enumerate(texts))
    index = data.draw(st.integers(0, len(blocks) - 1))
    text = blocks[index].text
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    found = locate_quote(blocks, quote, None, None)
    if not quote.strip():
        assert found == ()
        return
    assert found
    assert any(anchor.block == index and anchor.start <= start + (len(quote) - len(quote.lstrip())) for anchor in found)
    assert all(blocks[a.block].text[a.start : a.end] == collapse(quote) and a.line == blocks[a.block].line for a in found)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.text(max_size=60), st.none() | st.text(max_size=8), st.none() | st.text(max_size=8))
def test_any_quote_gives_anchors_or_else_a_closest_passage_of_whole_words(
    texts: list[str], quote: str, prefix: str | None, suffix: str | None
) -> None:
    blocks = tuple(Block("paragraph", text, index + 1) for index, text in enumerate(texts))
    found = locate_quote(blocks, quote, prefix, suffix)
    assert all(blocks[a.block].text[a.start : a.end] == collapse(quote) for a in found)
    if not collapse(quote) or locate_quote(blocks, quote, None, None):
        return
    closest = closest_passage(blocks, quote)
    assert closest is not None and not found and 0 <= closest.similarity < 100
    block = next(block for block in blocks if block.line == closest.line)
    assert closest.text and closest.text in block.text
    start = block.text.index(closest.text)
    assert start == 0 or block.text[start - 1] == " " or not block.text[start - 1].isalnum()


def straightforward_locate(blocks: tuple[Block, ...], quote: str, prefix: str | None, suffix: str | None) -> tuple[Anchor, ...]:
    """locate_quote as first written, slicing the text around each occurrence."""
    wanted, before, after = collapse(quote), collapse(prefix or ""), collapse(suffix or "")
    every = [
        Anchor(index, start, start + len(wanted), block.line)
        for index, block in enumerate(blocks)
        for start in range(len(block.text))
        if wanted and block.text.startswith(wanted, start)
    ]
    return tuple(
        a for a in every
        if blocks[a.block].text[: a.start].rstrip().endswith(before) and blocks[a.block].text[a.end :].lstrip().startswith(after)
    )


def straightforward_closest(blocks: tuple[Block, ...], quote: str) -> Closest | None:
    """closest_passage as first written: rapidfuzz on every block in turn, then every word of the best one."""
    wanted = collapse(quote)
    scored = [(fuzz.partial_ratio_alignment(wanted, block.text), index) for index, block in enumerate(blocks) if block.text.strip()]
    if not wanted or not scored:
        return None
    alignment, index = max(scored, key=lambda pair: (pair[0].score, -pair[1]))
    block = blocks[index]
    words = [match.span() for match in re.finditer(r"\S+", block.text)]
    first = next((i for i, (_, end) in enumerate(words) if end > alignment.dest_start), len(words) - 1)
    last = max(first, next((i for i, (start, _) in enumerate(words) if start >= alignment.dest_end), len(words)) - 1)
    spans = [
        block.text[words[i][0] : words[j][1]]
        for i in range(max(0, first - 2), min(len(words), first + 3))
        for j in range(max(i, last - 2), min(len(words), last + 3))
    ]
    candidates = [trimmed for span in spans for trimmed in (span, span.strip("\"'“”‘’«»()[],;: ")) if trimmed]
    text = max(candidates, key=lambda candidate: fuzz.ratio(wanted, candidate))
    return Closest(text, block.line, int(fuzz.ratio(wanted, text)))


LONG_WORDS = st.lists(st.sampled_from(["We", "do", "not", "want", "NATO", "“no”", "no", "security", ";", "x" * 90, "y" * 300]), max_size=80)
SPACES = st.sampled_from([" ", "  ", "\n", " \t"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LONG_WORDS.map(" ".join), min_size=1, max_size=4), LONG_WORDS, st.none() | WORDS.map(" ".join), st.none() | WORDS.map(" ".join), SPACES)
def test_locate_and_closest_give_what_the_straightforward_versions_give(
    texts: list[str], words: list[str], prefix: str | None, suffix: str | None, space: str
) -> None:
    blocks = tuple(Block("paragraph", text, index + 1) for index, text in enumerate(texts))
    quote = " ".join(words[len(words) // 3 :])
    spaced = tuple(Block(b.kind, b.text.replace(" ", space), b.line) for b in blocks)  # prefix and suffix ignore any whitespace
    assert locate_quote(spaced, quote, prefix, suffix) == straightforward_locate(spaced, quote, prefix, suffix)
    assert closest_passage(blocks, quote) == straightforward_closest(blocks, quote)


@settings(max_examples=500, deadline=None)
@given(LONG_WORDS, SPACES, st.data())
def test_the_words_around_a_passage_are_those_reading_every_word_finds(words: list[str], space: str, data: st.DataObject) -> None:
    text = space.join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    every = [match.span() for match in re.finditer(r"\S+", text)]
    if not every:
        return
    first = next((i for i, (_, stop) in enumerate(every) if stop > start), len(every) - 1)
    last = max(first, next((i for i, (begin, _) in enumerate(every) if begin >= end), len(every)) - 1)
    near, near_first, near_last = _words_around(text, start, end)
    assert near[near_first] == every[first] and near[near_last] == every[last]
    assert near[max(0, near_first - 2) : near_last + 3] == every[max(0, first - 2) : last + 3]
