"""An article's page: every block of the text anchored as p-N, a transcript turn kept together across its paragraphs."""

from __future__ import annotations

import markdown
from selectolax.lexbor import LexborHTMLParser

from archive.model import Block, RawSeed, Registry
from archive.pipeline import build_archive
from archive.render.article import block_anchor, render_article, turn_speakers
from archive.render.common import Context
from conftest import TODAY

TRANSCRIPT = """Press briefing on the talks

MR PRICE: Good afternoon. I have two things to say today.

The first thing is this one {: #p-1 .evil onclick=x }

Questions about the schedule

QUESTION: What about the talks?

MR PRICE: They went on. They will resume.

They resume next week, {: onclick="alert(1)" }
"""


def test_a_turn_runs_from_its_label_to_the_next_turn_or_heading() -> None:
    blocks = (
        Block("paragraph", "Opening words.", 1),
        Block("turn", "Good afternoon.", 3, "MR PRICE"),
        Block("paragraph", "A second paragraph.", 5, "MR PRICE"),
        Block("turn", "A question?", 7, "QUESTION"),
        Block("turn", "An answer.", 9, "MR PRICE"),
        Block("heading", "Next subject", 11),
        Block("paragraph", "After the heading.", 13, "MR PRICE"),  # structure carries the label on; a heading ends the turn
    )
    assert turn_speakers(blocks) == ("", "MR PRICE", "MR PRICE", "QUESTION", "MR PRICE", "", "")


def test_the_anchor_is_the_blocks_place_counted_from_one() -> None:
    assert [block_anchor(i) for i in range(3)] == ["p-1", "p-2", "p-3"]


def page(converter: markdown.Markdown, seed_text: str) -> tuple[LexborHTMLParser, tuple[Block, ...]]:
    """The HTML MkDocs would make of the seed's page (front matter left out), and the seed's blocks."""
    archive, _ = build_archive((RawSeed("seeds/900_t.txt", "900_t.txt", seed_text.encode()),), Registry(), TODAY)
    [article] = archive.articles
    text = render_article(article, Context.of(archive))
    body = text[text.index("\n---\n", 4) + 5:]
    return LexborHTMLParser(converter.reset().convert(body)), article.document.blocks


def test_every_block_has_its_anchor_in_order_and_text_cannot_set_attributes(markdown_converter: markdown.Markdown) -> None:
    tree, blocks = page(markdown_converter, TRANSCRIPT)
    anchored = [node for node in tree.css("[id]") if node.attributes["id"].startswith("p-")]
    assert [n.attributes["id"] for n in anchored] == [block_anchor(i) for i in range(len(blocks))]
    assert [n.tag for n in anchored] == ["h3" if b.kind == "heading" else "p" for b in blocks]
    assert "{: #p-1 .evil onclick=x }" in anchored[1].text() and '{: onclick="alert(1)" }' in anchored[-1].text()
    assert [n for n in tree.css("*") if "onclick" in n.attributes or "evil" in (n.attributes.get("class") or "")] == []


def test_later_paragraphs_of_a_turn_are_marked_and_name_their_speaker(markdown_converter: markdown.Markdown) -> None:
    tree, _ = page(markdown_converter, TRANSCRIPT)
    classes = {n.attributes["id"]: n.attributes.get("class") for n in tree.css("[id^='p-']")}
    assert classes == {
        "p-1": "turn",
        "p-2": "turn turn--cont",
        "p-3": None,  # the heading ends the turn
        "p-4": "turn turn--question",
        "p-5": "turn",
        "p-6": "turn turn--cont",
    }
    assert [n.text() for n in tree.css(".turn--cont .turn__again")] == ["MR PRICE:", "MR PRICE:"]
    assert tree.css_first("#p-1 strong").text() == "MR PRICE:"
