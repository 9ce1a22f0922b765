"""The security review's hostile inputs, at the sizes it measured, each read correctly.

Each took seconds to minutes before its stage was made linear and takes well under a second now,
so a return of the slow code shows here as a hang.
"""

from __future__ import annotations

import pytest

from archive.annotations import load_registry
from archive.model import Article, RawSeed
from archive.pipeline import parse_article
from archive.seeds import decode_seed
from archive.structure import parse_document, split_sentences

from conftest import ANNOTATIONS, TODAY

REGISTRY, _ = load_registry(ANNOTATIONS)


def seed(body: str) -> RawSeed:
    """A seed with a headline and `body` below it, from line 3."""
    return RawSeed("seeds/x.txt", "x.txt", f"Headline Here\n\n{body}\n".encode())


def parsed(body: str) -> Article:
    article, _ = parse_article(seed(body), REGISTRY, TODAY)
    assert article is not None
    return article


def test_a_line_of_sentences_run_together_gets_its_spaces() -> None:
    article = parsed("word.Word" * 5_000)  # 45 KB: 8.4 s
    assert [block.text for block in article.document.blocks] == ["word. Word" * 5_000]


def test_a_line_of_labels_run_together_gets_its_spaces() -> None:
    article = parsed("A:" * 20_000)  # 40 KB: 37 s
    assert [block.text for block in article.document.blocks] == ["A: " * 19_999 + "A:"]


def test_a_run_of_full_stops_is_left_as_it_is() -> None:
    # Found with the review's shapes: each regex retried a run from each of its stops, 23 s for 20 KB.
    article = parsed("So" + "." * 20_000 + "And so on.Then")
    assert [block.text for block in article.document.blocks] == ["So" + "." * 20_000 + "And so on. Then"]
    assert split_sentences("So" + "." * 20_000 + " And so on. Then") == ("So" + "." * 20_000 + " And so on.", "Then")


@pytest.mark.parametrize(
    "lines",
    [
        ["and the talks went"] * 20_000,  # 400 KB: 71 s
        ["and the talks went (on)"] * 20_000,  # each line ends like a note, and is read back to its opening
        ["(and the talks went"] + ["and on"] * 20_000 + ["and on)"],  # a note may open 20,000 lines up
    ],
)
def test_hard_wrapped_lines_are_joined_into_one_paragraph(lines: list[str]) -> None:
    text, _ = decode_seed(seed("\n".join(lines)))
    assert text is not None
    document, _ = parse_document(text)
    assert [(block.kind, block.line, block.text) for block in document.blocks] == [("paragraph", 3, " ".join(lines))]


def test_a_photo_credit_on_every_other_line_takes_its_caption() -> None:
    text, _ = decode_seed(seed("\n".join(["Photo: MFA", "The minister at the talks"] * 10_000)))
    assert text is not None
    document, _ = parse_document(text)
    assert [removal.rule for removal in document.removed] == ["photo-credit", "photo-caption"] * 10_000
    assert document.blocks == ()
