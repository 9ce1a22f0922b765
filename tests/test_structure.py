"""Splitting decoded seeds into headline, blocks and removed boilerplate."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archive.model import WARNING, Document, Line, Problem, RawSeed
from archive.rules import ABBREVIATIONS, LINE_RULES, NON_PERSON_LABELS, TITLE_WORDS
from archive.seeds import decode_seed, read_seeds
from archive import sentences, structure, turns
from archive.sentences import repair_sentences, split_sentences
from archive.structure import parse_document

from conftest import PINNED

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seeds"


def parse_raw(raw: RawSeed) -> tuple[Document, tuple[Problem, ...]]:
    """Decode and parse one seed that must decode to text."""
    text, _ = decode_seed(raw)
    assert text is not None
    return parse_document(text)


def parse(text: str) -> Document:
    """Parse a seed given as a string, expecting no problems."""
    document, problems = parse_raw(RawSeed("x/t.txt", "t.txt", text.encode()))
    assert problems == ()
    return document


def kinds(document: Document) -> list[tuple[str, int, str]]:
    """(kind, line, label) of every block."""
    return [(b.kind, b.line, b.label) for b in document.blocks]


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[Document, tuple[Problem, ...]]]:
    """The pinned real seeds, parsed, keyed by their number."""
    return {number: parse_raw(raw) for raw in read_seeds(ROOT / "seeds")[0] for number, ident in PINNED.items() if raw.id == ident}


@pytest.fixture(scope="module")
def fixtures() -> dict[str, tuple[Document, tuple[Problem, ...]]]:
    """The fixture seeds that decode to text, parsed, keyed by file name without extension."""
    parsed = {}
    for raw in read_seeds(FIXTURES, "fixtures")[0]:
        text, _ = decode_seed(raw)
        if text is not None:
            parsed[raw.id] = parse_document(text)
    return parsed


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Lavrov added.Swiss Foreign Minister", "Lavrov added. Swiss Foreign Minister"),
        ('in Ukraine."We observe', 'in Ukraine. "We observe'),
        ('"It was fair," he said."Now it is not."Then he left.', '"It was fair," he said. "Now it is not." Then he left.'),
        ("he said “No.”Then", "he said “No.” Then"),
        ("the end.“Next", "the end. “Next"),
        ("Really?Yes!No", "Really? Yes! No"),
        ("(as noted.)The talks", "(as noted.) The talks"),
        ("Question:In your remarks", "Question: In your remarks"),
        ("Maria Zakharova:Since they", "Maria Zakharova: Since they"),
        ('He said:"We will', 'He said: "We will'),
        ("Moscow.Кремль", "Moscow. Кремль"),
        ("Mr.Smith", "Mr. Smith"),
        ("the U.S.Navy", "the U.S. Navy"),
        ("the U.S.A. and U.K. agreed", "the U.S.A. and U.K. agreed"),
        ("J.R.R. Tolkien and Ph.D. students", "J.R.R. Tolkien and Ph.D. students"),
        ("e.g.fine and i.e.also", "e.g.fine and i.e.also"),
        ("grew 3.5 percent, not 3.5Bn", "grew 3.5 percent, not 3.5Bn"),
        ("see t.me/The_International_Affairs now", "see t.me/The_International_Affairs now"),
        ("visit www.State.gov or State.Gov.uk", "visit www.State.gov or State.Gov.uk"),
        ("write to Press.Office@Mid.ru today", "write to Press.Office@Mid.ru today"),
        ("https://example.org/News.Html", "https://example.org/News.Html"),
        ("the continent...Together", "the continent...Together"),
        ("the continent … Together", "the continent … Together"),
        ("at 10:30 and Matthew 5:9", "at 10:30 and Matthew 5:9"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ('France.".', 'France.".'),
    ],
)
def test_repair_sentences(before: str, after: str) -> None:
    assert repair_sentences(before) == after


@given(st.text(alphabet='aZé. !?:"“”’()@/w1Ж\n…', max_size=40))
def test_repair_only_inserts_spaces_and_is_stable(text: str) -> None:
    repaired = repair_sentences(text)
    assert repaired.replace(" ", "") == text.replace(" ", "")
    assert repair_sentences(repaired) == repaired


def straightforward_repair(text: str) -> str:
    """repair_sentences as first written: each stop and colon looks afresh at the whole text."""

    def in_link(position: int) -> bool:
        start = text.rfind(" ", 0, position) + 1
        end = text.find(" ", position)
        return bool(sentences._LINK.search(text[start : end if end >= 0 else len(text)]))

    def after_stop(m: re.Match[str]) -> str:
        stop, close, opening = m["stop"], m["close"], m["open"]
        if (
            not text[m.end()].isupper()
            or stop.count(".") > 1
            or (not close and not opening and stop == "." and sentences._INITIAL.match(text, m.end()))
            or in_link(m.start())
        ):
            return m[0]
        if close.endswith('"') and text.count('"', 0, m.end("close") - 1) % 2 == 0:
            close, opening = close[:-1], '"' + opening
        return f"{stop}{close} {opening}"

    def after_colon(m: re.Match[str]) -> str:
        return m[0] if not text[m.end()].isupper() or in_link(m.start()) else f": {m['open']}"

    text = re.sub(r"(?P<stop>[.!?]+)(?P<close>[\"”’»)\]]*)(?P<open>[\"“‘«]?)(?=\w)", after_stop, text)
    return re.sub(r"(?<=[^\W\d_]):(?P<open>[\"“«]?)(?=\w)", after_colon, text)


def straightforward_split(text: str) -> tuple[str, ...]:
    """split_sentences as first written: each break slices the text before and after it."""
    sentences, start = [], 0
    for m in re.finditer(r"(?P<stop>[.!?…]+)[\"”’»)\]]*\s+", text):
        stop = m["stop"]
        token = text[: m.end("stop")].rsplit(None, 1)[-1].lstrip("\"“‘«(")
        abbreviation = "…" in stop or stop.count(".") > 1 or (
            stop == "." and (token in ABBREVIATIONS or bool(re.fullmatch(r"[^\W\d_]\.", token)))
        )
        if not text[m.end() :].lstrip("\"“‘«(")[:1].isupper() or abbreviation:
            continue
        sentences.append(text[start : m.end()].strip())
        start = m.end()
    sentences.append(text[start:].strip())
    return tuple(s for s in sentences if s)


SENTENCE_PIECES = st.sampled_from(
    ["He", "he", "said.", "Mr.", "U.S.", "J.", "e.g.", "...", "…", "3.5", "Really?Yes!", "A:", "Question:In", '"No."',
     '."', '"', "“Yes.”", "(Then", ")", "»", "added.Swiss", 'end."Next', "www.x.com", "www.State.gov", ".Gov", "a@b.Ru", "t.me/The", "://", "Ж", "é"]
)
SEPARATORS = st.sampled_from([" ", " ", "", "  ", "\n"])


@settings(max_examples=500)
@given(st.lists(st.tuples(SENTENCE_PIECES, SEPARATORS), max_size=16).map(lambda pairs: "".join(a + b for a, b in pairs)))
def test_repair_and_split_give_what_the_straightforward_versions_give(text: str) -> None:
    assert repair_sentences(text) == straightforward_repair(text)
    assert split_sentences(text) == straightforward_split(text)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two? Three! Four", ("One.", "Two?", "Three!", "Four")),
        ("Mr. Cassis met Mr Lavrov. Then they spoke.", ("Mr. Cassis met Mr Lavrov.", "Then they spoke.")),
        ("John F. Kennedy spoke in the U.S. Senate.", ("John F. Kennedy spoke in the U.S. Senate.",)),
        ('He said "no." Then "yes." Fine', ('He said "no."', 'Then "yes."', "Fine")),
        ("A pause ... Then more. the lower case", ("A pause ... Then more. the lower case",)),
        ("Up 3.5 percent. No. 5 was", ("Up 3.5 percent.", "No. 5 was")),
    ],
)
def test_split_sentences(text: str, sentences: tuple[str, ...]) -> None:
    assert split_sentences(text) == sentences


def straightforward_paragraphs(body: list[Line]) -> list[Line]:
    """Paragraph joining as first written: each line is glued onto the whole paragraph, which is read again."""
    paragraphs: list[Line] = []
    last = 0
    last_line = ""
    for line in body:
        previous = paragraphs[-1].text if paragraphs else ""
        ended = structure._ends_sentence(previous) or previous.endswith(":")
        wrapped = len(last_line) <= structure.WRAP_WIDTH
        continues = not ended and (
            line.text[0].islower()
            or (len(previous.split()) > structure.HEADING_MAX_WORDS and wrapped and turns.turn_label(line.text) is None)
        )
        if paragraphs and line.number == last + 1 and continues:
            glue = "" if previous.endswith("-") else " "
            paragraphs[-1] = Line(paragraphs[-1].number, previous + glue + line.text)
        elif paragraphs and structure._is_bare_label(previous) and turns.turn_label(line.text) is None:
            paragraphs[-1] = Line(paragraphs[-1].number, f"{previous} {line.text}")
        else:
            paragraphs.append(line)
        last = line.number
        last_line = line.text
    return paragraphs


LINE_WORDS = st.sampled_from(["a", "B", "x”", "(said.)", "(s", "t.)", ")", "(", "re-", "end.", "Q:", "»", "c", "Member of the"])


@settings(max_examples=200)
@given(st.lists(st.tuples(st.lists(LINE_WORDS, min_size=1, max_size=12).map(" ".join), st.booleans()), max_size=20))
@example([("a b c d e f g h i j k x”", False), ("(said.)", False), ("z", False)])  # a final note is not a sentence end
@example([("a a a a a a a a a re-", False), ("c", False), ("B", False)])  # "re-c" is one word, so ten in all
def test_joined_paragraphs_are_what_the_straightforward_joining_gives(lines: list[tuple[str, bool]]) -> None:
    numbers = itertools.accumulate(2 if after_a_gap else 1 for _, after_a_gap in lines)
    body = [Line(number, text) for number, (text, _) in zip(numbers, lines)]
    assert structure._paragraphs(body) == straightforward_paragraphs(body)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Skip to content", "navigation"),
        ("All news", "navigation"),
        ("Back to top ↑", "navigation"),
        ("MENU", "navigation"),
        ("Leer en Español", "edition-switch"),
        ("Lire en français", "edition-switch"),
        ("Read in Russian", "edition-switch"),
        ("Читать на русском", "edition-switch"),
        ("Share this article", "share-follow"),
        ("Follow us on Twitter", "share-follow"),
        ("Subscribe to our newsletter", "share-follow"),
        ("read more in our Telegram-channel https://t.me/The_International_Affairs", "share-follow"),
        ("Photo: MFA", "photo-credit"),
        ("Photo: Maria Zakharova/Telegram", "photo-credit"),
        ("Image: Reuters", "photo-credit"),
        ("Credit: AP", "photo-credit"),
        ("© Sputnik / Press service", "photo-credit"),
        ("2026-02-06T12:03+0000", "timestamp"),
        ("2026-02-06", "timestamp"),
        ("15:45 07.02.2026 •", "timestamp"),
        ("12/10/2019 10:00 AM", "timestamp"),
        ("Updated: 07.02.2026, 16:10", "timestamp"),
        ("Moscow, February 6, 2026", "dateline"),
        ("February 19, 2021", "dateline"),
        ("6 Feb 2026", "dateline"),
        ("https://t.me/The_International_Affairs", "bare-url"),
        ("Zum Inhalt springen", "navigation"),  # skip links in other languages
        ("Aller au contenu", "navigation"),
        ('Press "Enter" to skip to content', "navigation"),
        ("Show more", "navigation"),
        ("Search form", "navigation"),
        ("Follow us on social media", "share-follow"),
        ("Photographer: Jane Doe/Getty Images", "photo-credit"),
        ("Two ministers at a lectern (© Jane Doe/AP Images)", "photo-credit"),  # a caption closed by its credit
        ("Mon Mar 2 09:15:00 CET 2015", "timestamp"),  # as Unix `date` writes it
        ("Last updated: 04-Feb-2011 10:03", "timestamp"),
        ("Subscribers only", "site-furniture"),
        ("For Immediate Release", "site-furniture"),
        ("IMG_20190304_1234.jpg", "site-furniture"),  # an image's file name
        ("This is historical material. The site is no longer updated.", "site-banner"),
        ("This archive is no longer being updated; see our new site.", "site-banner"),
        ("Get the latest news from the region, live coverage and analysis.", "site-banner"),
        ("- Example Daily News", "site-banner"),  # the site's name a page title ends with
        ("| Example Times", "site-banner"),
        (".gov website belongs to an official agency of the Example Republic.", "site-banner"),  # its "A" lost
        ("You have accessed part of a historical collection; links may not work.", "site-banner"),
        ("Note: Archived content on this page is not updated after the term ended.", "site-banner"),
        ("Material released online from March 1, 2001 to March 1, 2005.", "site-banner"),
        ("For current information, visit the new site", "site-banner"),
        ("GET OUR APP: App Store and Google Play", "site-banner"),
        ("This site uses cookies to help us serve you better.", "site-banner"),
        ("printable banner", "site-furniture"),
        ("Immediate Release", "site-furniture"),
        ("Two sailors on a deck at dawn (U.S. Navy photo/Jane Doe)", "photo-credit"),  # a caption closed by its credit
        ("Home > News > Statements", "breadcrumb"),
        ("HomeNewsPress Releases", "breadcrumb"),  # run together
        ("Category: News", "site-furniture"),
        ("Go to home page", "navigation"),
        ('<?xml version="1.0"?>', "markup"),  # a raw record's tags left on their lines
        ('<div class="wpcnt">', "markup"),
        ("</p>    <p>", "markup"),
        ("首页 > 国内新闻 > 正文", "breadcrumb"),
        ("Off the wire", "navigation"),
        ("In order to ensure the highest quality of our services, we use cookies.", "site-banner"),
        ("Мария Захарова Фото: МИД РФ", "photo-credit"),  # a caption closed by its credit
    ],
)
def test_line_rules_match_boilerplate(line: str, rule: str) -> None:
    assert next(r.name for r in LINE_RULES if r.pattern.fullmatch(line)) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Russia in turn informed Washington in August of its decision to ban US on-site inspections.",
        "Follow-up talks were announced on Telegram by the ministry.",
        "Photographs of the talks were released on Friday.",
        "Moscow, February 6, 2026, was a busy day for the ministry.",
        "Format of multilateral talks",
        "Home is where the treaty is, Lavrov joked.",
        "The meeting was productive. I trust our discussions will not prove futile.",
        "MOSCOW, February 19. /TASS/. Russia has invited the United States to talks.",
        "- the talks went on",  # a list item, not a site's name
        "— Vladimir Putin",  # a quotation's attribution
        "New_START",  # an underscore but no number: no file name
        "The ministers were photographed at the lectern (in Geneva).",
        "The archive of the talks was not updated after 2010.",
        "Home secretaries met in Geneva.",
        "The cookies at the reception were Swiss.",
        "Category: the treaty's limits were kept. Both sides agreed.",  # a sentence after the label
        "<i>New START</i> expires in February, and talks have not begun.",  # words beyond a tag's few
    ],
)
def test_line_rules_leave_article_text_alone(line: str) -> None:
    assert [r.name for r in LINE_RULES if r.pattern.fullmatch(line)] == []


def test_rule_tables_are_well_formed() -> None:
    names = [rule.name for rule in LINE_RULES]
    assert len(names) == len(set(names))
    assert all(rule.why and "\n" not in rule.why for rule in LINE_RULES)
    assert all(a.endswith(".") for a in ABBREVIATIONS)
    assert all(label == label.casefold() for label in NON_PERSON_LABELS)
    assert len(TITLE_WORDS) == len(set(TITLE_WORDS))


def test_real_seeds_removed_lines(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    removed = {key: [(r.line, r.rule) for r in document.removed] for key, (document, _) in seeds.items()}
    assert removed == {
        "000": [(5, "timestamp"), (7, "timestamp"), (9, "timestamp")],
        "001": [(1, "navigation"), (5, "image-label"), (7, "edition-switch")],
        "002": [
            (1, "photo-credit"),
            (3, "dateline"),
            (67, "photo-caption"),
            (68, "photo-credit"),
            (69, "share-follow"),
            (71, "timestamp"),
        ],
        "003": [(1, "navigation")],
        "004": [],
    }
    document, _ = seeds["002"]
    assert document.removed[2].text.startswith("Russian Foreign Minister Sergey Lavrov received a music box")


def test_real_seeds_headlines(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    headlines = {key: document.headline for key, (document, _) in seeds.items()}
    assert {key: h and (h.number, h.text) for key, h in headlines.items()} == {
        "000": (1, "Lavrov: Russia Ready for Strategic Stability Talks With US"),
        "001": (3, "Russian Foreign Minister Lavrov: Freezing of Strategic Dialogue with US Multiplies Risks"),
        "002": (
            2,
            "Foreign Minister Sergey Lavrov’s statement and answers to media questions following talks with "
            "OSCE Chairperson-in-Office and Head of the Federal Department of Foreign Affairs of the Swiss "
            "Confederation Ignazio Cassis, and OSCE Secretary General Feridun Sinirlioglu.",
        ),
        "003": (3, "Russia invites US to discuss all strategic stability issues - Lavrov"),
        "004": None,
    }


def test_real_seeds_parse_without_problems(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    assert {key: problems for key, (_, problems) in seeds.items()} == dict.fromkeys(seeds, ())
    assert not any(document.truncated for document, _ in seeds.values())


def test_real_seeds_contain_no_boilerplate(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    for document, _ in seeds.values():
        for block in document.blocks:
            for furniture in ("Skip to content", "Telegram-channel", "All news", "Photo:", "Leer en", "+0000"):
                assert furniture not in block.text


def test_every_block_starts_on_its_seed_line(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    for document, _ in seeds.values():
        lines = {line.number: line.text for line in document.text.lines}
        for block in document.blocks:
            start = re.sub(r"\s", "", block.text)[:30]
            assert start in re.sub(r"\s", "", lines[block.line]), (block.line, block.text[:40])


def test_seed_000_run_together_sentences_are_repaired(
    seeds: dict[str, tuple[Document, tuple[Problem, ...]]],
) -> None:
    document, _ = seeds["000"]
    assert kinds(document) == [("paragraph", 3, ""), ("paragraph", 11, "")]
    text = document.blocks[1].text
    assert "Lavrov added. Swiss Foreign Minister" in text
    assert 'situation in Ukraine. "We observe complete stagnation' in text
    assert 'hospitalization. "This terrorist act' in text
    assert "Eurasian continent ... Together with China" in text
    assert "added.Swiss" not in text and re.search(r"[a-z][.!?][A-Z\"]", text) is None


def test_seed_002_is_a_transcript(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    document, _ = seeds["002"]
    turns = [(b.line, b.label) for b in document.blocks if b.kind == "turn"]
    assert turns == [
        (30, "Question"),
        (31, "Sergey Lavrov"),
        (32, "Question"),
        (33, "Maria Zakharova"),
        (34, "Question"),
        (35, "Sergey Lavrov"),
        (41, "Question"),
        (42, "Sergey Lavrov"),
        (44, "Question"),
        (45, "Sergey Lavrov"),
    ]
    by_line = {b.line: b for b in document.blocks}
    assert by_line[30].text.startswith("In your opening remarks, you spoke")
    assert by_line[31].text == "I have spent ten minutes trying to answer this question. Did I fail?"
    assert by_line[33].text == "Since they are not attending the news conference …"
    # the statement before the questions has no speaker label; the answer's later paragraphs keep theirs
    assert {b.label for b in document.blocks if b.line < 30} == {""}
    assert [(b.kind, b.label) for b in document.blocks if 36 <= b.line <= 40] == [("paragraph", "Sergey Lavrov")] * 5
    assert (by_line[66].kind, by_line[66].label) == ("paragraph", "Sergey Lavrov")
    assert document.blocks[0].line == 4 and document.blocks[-1].line == 66
    assert "heading" not in {b.kind for b in document.blocks}


def test_seed_003_has_a_subheading(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    document, _ = seeds["003"]
    headings = [(b.line, b.text) for b in document.blocks if b.kind == "heading"]
    assert headings == [(19, "Format of multilateral talks")]
    assert document.blocks[-1].text.endswith('the United Kingdom and France.".')
    assert document.blocks[0].text.startswith("MOSCOW, February 19. /TASS/. Russia has invited")


def test_seed_004_has_no_headline_and_six_paragraphs(
    seeds: dict[str, tuple[Document, tuple[Problem, ...]]],
) -> None:
    document, _ = seeds["004"]
    assert kinds(document) == [("paragraph", n, "") for n in range(1, 7)]
    assert document.blocks[0].text.startswith("Russia signals willingness to keep talking")
    assert document.blocks[-1].text.endswith("(Source: TASS)")


def test_seed_001_and_000_are_not_transcripts(seeds: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    for key in ("000", "001", "003", "004"):
        document, _ = seeds[key]
        assert {b.kind for b in document.blocks} <= {"paragraph", "heading"}
        assert {b.label for b in document.blocks} == {""}


def test_us_transcript_with_upper_case_labels(fixtures: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    document, problems = fixtures["us_transcript"]
    assert problems == ()
    assert document.headline is not None
    assert document.headline.text == "Remarks With Swiss Foreign Minister Before Their Meeting"
    assert [(r.line, r.rule) for r in document.removed] == [(2, "timestamp")]
    assert kinds(document) == [
        ("turn", 3, "SECRETARY KERRY"),
        ("paragraph", 4, "SECRETARY KERRY"),
        ("turn", 5, "MODERATOR"),
        ("turn", 6, "QUESTION"),
        ("turn", 7, "UNDER SECRETARY NULAND"),
        ("turn", 8, "MS PSAKI"),
    ]
    assert document.blocks[3].text == "Mr. Secretary, will the talks with Russia resume?"
    assert document.blocks[4].text == "Let me take that one. The U.S. position has not changed."


def test_hard_wrapped_lines_are_joined(fixtures: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    document, problems = fixtures["hard_wrapped"]
    assert problems == ()
    assert kinds(document) == [("paragraph", 3, ""), ("paragraph", 9, "")]
    assert document.blocks[0].text == (
        "Russian Foreign Minister Sergey Lavrov said on Monday that the dialogue on strategic stability "
        "with the United States remained frozen, and that the freezing multiplies the risks for everyone, "
        "according to the ministry in Moscow. He called it a well-known position."
    )


def test_short_lines_join_only_when_the_next_starts_lower_case() -> None:
    document = parse("Headline Here\n\nThe talks, he said,\nwere useful.\nA lead.\nBackground\nThe body.\nThe end.\n")
    assert [(b.kind, b.line, b.text) for b in document.blocks] == [
        ("paragraph", 3, "The talks, he said, were useful."),
        ("paragraph", 5, "A lead."),
        ("heading", 6, "Background"),
        ("paragraph", 7, "The body."),
        ("paragraph", 8, "The end."),
    ]
    lead_in = parse("Headline Here\nAfter the long talks in Moscow on Friday the minister told the press:\nWe will talk.\n")
    assert kinds(lead_in) == [("paragraph", 2, ""), ("paragraph", 3, "")]


def test_page_cut_off_mid_sentence(fixtures: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    document, problems = fixtures["cut_off"]
    assert document.truncated
    assert [(p.location.path, p.location.line, p.severity, p.message) for p in problems] == [
        ("fixtures/cut_off.txt", 5, WARNING, "text ends mid-sentence; the page may have been cut off when scraped")
    ]


def test_title_only_seed_keeps_its_headline_and_warns(
    fixtures: dict[str, tuple[Document, tuple[Problem, ...]]],
) -> None:
    document, problems = fixtures["title_only"]
    assert document.headline is not None and document.headline.text == "Lavrov Says Arms Talks Will Resume"
    assert document.blocks == () and not document.truncated
    assert [(p.location.line, p.severity) for p in problems] == [(1, WARNING)]
    assert "no body text" in problems[0].message


def test_markup_survives_as_text(fixtures: dict[str, tuple[Document, tuple[Problem, ...]]]) -> None:
    document, problems = fixtures["markup"]
    assert problems == ()
    body = "\n".join(b.text for b in document.blocks)
    for raw in (
        "A paragraph with <script>alert(1)</script> inside it.",
        "<img src=x onerror=alert(1)>",
        "# Not a heading, just a hash at the start of a line.",
        "1. Not a list item, just a number at the start of a line.",
        "Stars *bold* and _under_ and `code` and [x](javascript:alert(1)) stay as text.",
    ):
        assert raw in body.split("\n")
    assert [b.line for b in document.blocks] == [3, 4, 5, 6, 7]


def test_fixtures_decoded_with_odd_bytes_still_parse(
    fixtures: dict[str, tuple[Document, tuple[Problem, ...]]],
) -> None:
    assert fixtures["cp1252"][0].blocks[0].text == "The minister ordered a café and spoke of “quoted” words."
    assert fixtures["bom_crlf"][0].headline is not None
    assert fixtures["bom_crlf"][0].headline.text == "Talks Resume in Geneva"
    assert fixtures["controls"][0].blocks[0].text == "A NUL byte and a bell in the text."


def test_multi_sentence_first_line_is_a_lead_not_a_headline() -> None:
    document = parse("Russia signals it will talk. The stance emerged on Monday.\nLavrov said more.\n")
    assert document.headline is None
    assert kinds(document) == [("paragraph", 1, ""), ("paragraph", 2, "")]


def test_a_chinese_line_of_sentences_is_a_lead_and_a_short_one_the_headline() -> None:
    document = parse("美宣布将退出《中导条约》 外交部回应\n\n华春莹表示,该条约是重要的军控条约。该条约对于缓和国际关系发挥了重要作用,中方反对美方退约。\n")
    assert document.headline is not None and document.headline.number == 1
    lead = parse("华春莹表示,该条约是重要的军控条约。该条约对于缓和国际关系发挥了重要作用,中方反对美方退约。\n\n中方的立场是明确的。\n")
    assert lead.headline is None


def test_a_date_stamp_glued_to_a_lead_the_store_cut_off_leaves_the_lead_as_text() -> None:
    for lead, opening in (
        (" date 2026-02-11 【モスクワ共同】ロシアの外相は11日、条約について「当面は順守する」と述べた。下院での説明で言及した。大統領は昨年9月、条約が", "【モスクワ共"),
        (" date 2026-02-11 MOSCOW: The minister said on Monday that talks would go on. He added that the", "MOSCOW"),
    ):
        document, problems = parse_raw(RawSeed("x/t.txt", "t.txt", f"{lead}\n".encode()))
        assert [b.text[: len(opening)] for b in document.blocks] == [opening]
        assert [p.message for p in problems] == ["text ends mid-sentence; the page may have been cut off when scraped"]


def test_unpunctuated_question_headline_may_have_two_sentences() -> None:
    document = parse("What Next for New START? Lavrov Explains\n\nThe minister spoke on Friday.\n")
    assert document.headline is not None and document.headline.number == 1


def test_overlong_first_line_is_not_a_headline() -> None:
    first = " ".join(["word"] * 41)
    assert parse(f"{first}\n\nMore text follows.\n").headline is None
    assert parse(f"{' '.join(['word'] * 40)}\n\nMore text follows.\n").headline is not None


def test_single_sentence_seed_is_a_paragraph_not_a_headline() -> None:
    document = parse("Lavrov said the talks will resume.\n")
    assert document.headline is None
    assert kinds(document) == [("paragraph", 1, "")]


def test_one_label_line_is_not_a_transcript() -> None:
    document = parse("Headline Here\n\nLavrov: We are ready to talk.\n\nThe talks are planned for March.\n")
    assert kinds(document) == [("paragraph", 3, ""), ("paragraph", 5, "")]


def test_transcript_turn_on_the_first_line_is_not_a_headline() -> None:
    document = parse("QUESTION: Will the talks resume?\nMR PRICE: They will.\nQUESTION: When?\n")
    assert document.headline is None
    assert kinds(document) == [("turn", 1, "QUESTION"), ("turn", 2, "MR PRICE"), ("turn", 3, "QUESTION")]
    interview = parse("Sergey Lavrov: Russia Ready for Talks\nQuestion: Are you?\nSergey Lavrov: Yes.\n")
    assert interview.headline is not None and interview.headline.number == 1
    assert kinds(interview) == [("turn", 2, "Question"), ("turn", 3, "Sergey Lavrov")]


def test_label_shapes() -> None:
    document = parse(
        "Ursula von der Leyen: We agree.\n"
        "Audience member: A question.\n"
        "Mr. Smith: An answer.\n"
        "Note: this line is not a turn.\n"
        "Russia and the United States agreed: the talks go on.\n"
        "Sergey Lavrov:\n"
        "The label stood on its own line.\n"
    )
    assert kinds(document) == [
        ("turn", 1, "Ursula von der Leyen"),
        ("turn", 2, "Audience member"),
        ("turn", 3, "Mr. Smith"),
        ("paragraph", 4, "Mr. Smith"),
        ("paragraph", 5, "Mr. Smith"),
        ("turn", 6, "Sergey Lavrov"),
    ]
    assert document.blocks[-1].text == "The label stood on its own line."


def test_heading_only_between_paragraphs() -> None:
    document = parse(
        "Headline Here\n\nA lead paragraph.\n\nBackground\n\nA body paragraph.\n\nSaid the minister, adding:\n\n"
        "Another paragraph.\n"
    )
    assert kinds(document) == [
        ("paragraph", 3, ""),
        ("heading", 5, ""),
        ("paragraph", 7, ""),
        ("paragraph", 9, ""),
        ("paragraph", 11, ""),
    ]


def test_image_label_needs_a_headline_above_and_text_below() -> None:
    assert [r.rule for r in parse("Headline Here\nLavrov Rusia\nThe lead.\n").removed] == ["image-label"]
    assert parse("Headline Here\nLavrov, Rusia\nThe lead.\n").removed == ()
    assert parse("One sentence. Two sentences.\nLavrov Rusia\nThe lead.\n").removed == ()


def test_a_name_above_its_office_is_the_byline_not_an_image_label() -> None:
    document = parse("Headline Here\nJane Doe\nUnder Secretary, Bureau of Maps\nRiverton, Example\nAs prepared\nThe lead.\n")
    assert [(r.line, r.rule) for r in document.removed] == [(2, "byline-block"), (3, "byline-block"), (4, "byline-block"), (5, "byline-block")]


def test_a_lone_title_case_line_below_the_headline_stays_text() -> None:
    assert parse("Headline Here\nJane Doe, Riverton\nThe lead.\n").removed == ()


def test_a_credit_closing_its_own_caption_leaves_the_lines_beside_it_alone() -> None:
    document = parse("Three ships sail out of the harbour at dawn on a test (U.S. Navy photo/Jane Doe)\nShips Sail Out\nThe lead.\n")
    assert document.headline is not None and document.headline.text == "Ships Sail Out"
    assert [(r.line, r.rule) for r in document.removed] == [(1, "photo-credit")]


def test_the_headline_is_below_the_trail_of_sections() -> None:
    document = parse("Legal Notes\nHomeNewsPress Releases\nMinistry Opens a Review of Its Maps\nThe review began today.\n")
    assert document.headline is not None and document.headline.number == 3


def test_a_numbered_menu_item_or_a_news_photos_caption_is_no_headline() -> None:
    assert parse("1. Contents\n2. Choose from many languages\nMinisters Meet in Riverton\nThe lead.\n").headline.number == 3
    caption = parse("A minister waves as she leaves the talks in Riverton, Example, Monday, March 2, 2020.\n12:00 GMT, March 3, 2020\nRIVERTON (Example Wire) — The talks ended.\n")
    assert caption.headline is None


def test_the_pages_date_glued_before_a_headline_leaves_the_line_the_headline() -> None:
    document = parse(" date 2020-03-03 Minister Doe’s Visit to the Talks in Riverton on Maps and Rivers\n\nThe talks ended.\n")
    assert document.headline is not None and document.headline.text == "date 2020-03-03 Minister Doe’s Visit to the Talks in Riverton on Maps and Rivers"
    assert parse(" date 2020-03-03 Ministry of Maps\nMaps Talks End in Riverton\nThe talks ended.\n").headline.number == 2


def test_a_signed_pull_quote_above_the_headline_is_the_sites_quotation_box() -> None:
    document = parse("“Maps unite us all, and rivers too.”\n– Jane Doe\nMaps Talks End in Riverton\nThe talks ended.\n")
    assert [(r.line, r.rule) for r in document.removed] == [(1, "pull-quote"), (2, "pull-quote")]
    assert document.headline is not None and document.headline.number == 3


def test_a_lone_upper_case_place_opening_the_lead_is_a_dateline_not_a_turn() -> None:
    assert [b.kind for b in parse("RIVERTON: The ministry opened a review of its maps today.\n").blocks] == ["paragraph"]
    assert [b.kind for b in parse("DOE: Thank you all for coming.\n").blocks] == ["turn"]


def test_words_addressed_to_someone_are_no_turn() -> None:
    document = parse("MINISTER JANE DOE: Good afternoon.\n\nTo Under Secretary Roe: Every day we ask how to help.\n\nMINISTER JANE DOE: Thank you.\n")
    assert [b.kind for b in document.blocks] == ["turn", "paragraph", "turn"]


def test_photo_caption_next_to_a_credit() -> None:
    document = parse(
        "Headline Here\nThe lead.\nLavrov and Cassis at the talks in Moscow\nPhoto: MFA\nThe talks ended.\n"
    )
    assert [(r.line, r.rule) for r in document.removed] == [(3, "photo-caption"), (4, "photo-credit")]
    # a credit above the headline does not make the headline its caption
    top = parse("Photo: MFA\nLavrov Meets Cassis\nThe lead.\n")
    assert top.headline is not None and top.headline.number == 2
    assert [(r.line, r.rule) for r in top.removed] == [(1, "photo-credit")]
    punctuated = parse("Headline Here\nThe lead.\nA sentence above the credit.\nImage: MFA\nThe end.\n")
    assert [(r.line, r.rule) for r in punctuated.removed] == [(4, "photo-credit")]


@pytest.mark.parametrize(
    ("ending", "truncated"),
    [
        ("the end.", False),
        ('the end."', False),
        ('the end.".', False),
        ("the end?)", False),
        ("the end. (Source: TASS)", False),
        ("the end.- Bernama", False),
        ("the end. -- AP", False),
        ("the end.” — Agence France-Presse", False),
        ("the end - and then", True),
        ("the end. - five words are not a name", True),
        ("the end (Wire) — The talks", True),
        ("the end", True),
        ("the end,", True),
        ("the end (TASS)", True),
        ("the end...", True),
        ("the end …", True),
    ],
)
def test_truncation(ending: str, truncated: bool) -> None:
    document, problems = parse_raw(RawSeed("x/t.txt", "t.txt", f"Headline Here\n\nA lead.\n\nAnd {ending}\n".encode()))
    assert document.truncated is truncated
    assert [p.location.line for p in problems] == ([5] if truncated else [])


def test_all_boilerplate_seed_warns() -> None:
    document, problems = parse_raw(RawSeed("x/t.txt", "t.txt", b"Skip to content\n2026-02-06T12:03+0000\n"))
    assert document.headline is None and document.blocks == ()
    assert [r.rule for r in document.removed] == ["navigation", "timestamp"]
    assert [p.message for p in problems] == ["no text left after removing boilerplate"]


def test_parsing_is_deterministic() -> None:
    for raw in read_seeds(ROOT / "seeds")[0]:
        assert parse_raw(raw) == parse_raw(raw)


def headline_of(text: str) -> str | None:
    document, _ = parse_raw(RawSeed("x/t.txt", "t.txt", text.encode()))
    return document.headline.text if document.headline else None


LEAD = "Talks between the two presidents took place in Geneva on Wednesday, and lasted for four hours."


@pytest.mark.parametrize("furniture", [
    "View settings\nFont size:\nSite colours:\nOfficial website of the President of Russia\nДокумент /",  # a state site's bar
    "An official website of the United States Government Here's how you know\nOfficial websites use .gov",
    "Welcome to the United Nations",
    "• Commentary\n• Research\nAcme logoAcme lettermark logo",  # a menu of bullets and a logo's alt text
    "Skip to main content\nAdvertisement\nLive broadcast",
    "×\nEnjoying ad-free content?\nSupport us",
    "New York\n29 March 2022",  # a place above the date
    "13 March 201913:25",  # the date run together with the time
    "You are here",
])
def test_the_headline_is_found_below_the_pages_furniture(furniture: str) -> None:
    document, _ = parse_raw(RawSeed("x/t.txt", "t.txt", f"{furniture}\nRussian-US talks\n{LEAD}\n".encode()))
    assert document.headline is not None and document.headline.text == "Russian-US talks"
    assert {r.rule for r in document.removed} <= {"site-furniture", "site-banner", "above-headline", "navigation", "dateline", "timestamp"}
    assert [b.text for b in document.blocks] == [LEAD]


@pytest.mark.parametrize("opening", [
    "MODERATOR: Good morning, everyone. Thanks for joining.\nMR. KIRBY: Thanks. Let me start with Ukraine.",
    "WASHINGTON — President Obama and President Medvedev signed the treaty on Thursday.",
    "MOSCOW (AP) — Russia said Wednesday it would study the proposals.",
    "Via Teleconference\n11:07 A.M. EST\nMODERATOR: Good morning, everyone.\nMR. KIRBY: Thanks, everybody.",
])
def test_a_page_that_opens_with_its_text_has_no_headline(opening: str) -> None:
    assert headline_of(f"Skip to content\n{opening}\n") is None


def test_a_byline_block_below_the_headline_is_set_aside_not_made_a_heading() -> None:
    document = parse(
        "Secretary Blinken at a Joint Press Availability\nREMARKS\nANTONY J. BLINKEN, SECRETARY OF STATE\n"
        "REYKJAVIK, ICELAND\nMAY 18, 2021\nMODERATOR: Secretary of State of the United States and the minister.\n"
        "FOREIGN MINISTER THORDARSON: Good morning, everyone.\n"
    )
    assert document.headline.text == "Secretary Blinken at a Joint Press Availability"
    assert [(r.line, r.rule) for r in document.removed] == [(2, "byline-block"), (3, "byline-block"), (4, "byline-block"), (5, "dateline")]
    assert [(b.kind, b.label) for b in document.blocks] == [("turn", "MODERATOR"), ("turn", "FOREIGN MINISTER THORDARSON")]


def test_a_byline_and_its_date_below_the_headline_are_set_aside() -> None:
    document = parse(f"Putin signs law suspending treaty\nby The Desk February 28, 2023 6:36 PM 2 min read\nBy Jane Roe\n{LEAD}\n")
    assert [r.rule for r in document.removed] == ["byline-block", "byline-block"]
    assert [b.text for b in document.blocks] == [LEAD]


@pytest.mark.parametrize(("page", "headline"), [
    ("News Feed\nNATO chief criticizes Russia's withdrawal from the treaty", "NATO chief criticizes Russia's withdrawal from the treaty"),  # a section's name
    ("Daily Press Briefing - March 17, 2014\nJen Psaki\nDeputy Spokesperson\nWashington, DC", "Daily Press Briefing - March 17, 2014"),
    ("Treaty talks resume -- Chinese FM-Xinhua\nTreaty talks resume -- Chinese FM", "Treaty talks resume -- Chinese FM"),  # <title> above the headline
    ("US Will Continue Talks With Russia on Resumption of New START Inspections - State Dept.", "US Will Continue Talks With Russia on Resumption of New START Inspections - State Dept."),
])
def test_the_headline_past_sections_names_and_page_titles(page: str, headline: str) -> None:
    assert headline_of(f"{page}\n{LEAD}\n") == headline


@pytest.mark.parametrize("opening", [
    "Jen Psaki\nDeputy Spokesperson",  # a name above an office is a byline
    "Russian Foreign Minister Sergei Lavrov has indicated the Kremlin is interested in the cuts proposed by Obama.",  # a standfirst
    "Press Briefing, 27.01.2021",  # a genre and a date are a date line, not a headline
])
def test_no_headline_in_bylines_and_standfirsts(opening: str) -> None:
    assert headline_of(f"{opening}\n{LEAD}\n") is None


@pytest.mark.parametrize(("page", "headline"), [
    ("... So that you may be kept informed\nTreaty talks resume in Geneva", "Treaty talks resume in Geneva"),  # a tagline's fragment
    ("World News\nVideo\nWorld News\nTreaty talks resume in Geneva", "Treaty talks resume in Geneva"),  # a rail's section printed twice
])
def test_no_headline_in_fragments_and_repeated_section_names(page: str, headline: str) -> None:
    assert headline_of(f"{page}\n{LEAD}\n") == headline


def test_an_outlets_marker_line_that_is_a_dated_record_title_is_the_headline() -> None:
    text, _ = decode_seed(RawSeed("x/t.txt", "t.txt", f"12:17\nBriefing by the Spokesperson, Moscow, May 3, 2018\n{LEAD}\n".encode()))
    assert parse_document(text, furniture=frozenset({2}))[0].headline.text == "Briefing by the Spokesperson, Moscow, May 3, 2018"
    # A marker line naming a genre but no date stays furniture: "Press Briefing Room".
    text, _ = decode_seed(RawSeed("x/t.txt", "t.txt", f"The Press Briefing Room\nTreaty talks resume\n{LEAD}\n".encode()))
    assert parse_document(text, furniture=frozenset({1}))[0].headline.text == "Treaty talks resume"


def test_one_turn_in_capitals_opening_with_a_greeting_is_a_turn() -> None:
    document = parse("Press Statements\nPRESIDENT OF RUTHENIA ANA POE: Ladies and gentlemen, colleagues,\nWe have just completed our talks.\n")
    assert kinds(document)[0] == ("turn", 2, "PRESIDENT OF RUTHENIA ANA POE")


def test_a_media_advisorys_fields_and_a_briefers_line_are_no_speakers_turns() -> None:
    document = parse("Ministers to meet\nWHO: The two ministers.\nWHAT: A press availability.\nWHERE: Room 116.\n")
    assert [b.kind for b in document.blocks] == ["paragraph"] * 3
    assert turns.turn_label("Briefer: Alex Quill, Assistant Secretary") == ("Briefer", "Alex Quill, Assistant Secretary")
    assert "briefer" in NON_PERSON_LABELS


@pytest.mark.parametrize("line", ["OSCE - Organization for Security and Co-operation in Europe", "UNODA | United Nations Office for Disarmament Affairs"])
def test_a_sites_name_after_its_acronym_is_furniture(line: str) -> None:
    document = parse(f"{line}\nTreaty talks resume\n{LEAD}\n")
    assert (document.headline.text, document.removed[0].rule) == ("Treaty talks resume", "site-title")
    # Initials that do not spell the acronym: no site's name.
    assert structure._site_title("NATO - Allies Meet in Brussels") == ""


def test_a_table_of_contents_below_the_headline_is_set_aside() -> None:
    document = parse(f"Briefing by the Spokesperson\nTable of contents\n1. Foreign Minister's visit\n2. Comments by the Ruritanian minister on talks\n{LEAD}\n")
    assert [(r.line, r.rule) for r in document.removed] == [(2, "contents"), (3, "contents"), (4, "contents")]
    assert [b.text for b in document.blocks] == [LEAD]


def test_the_pages_date_glued_to_its_first_sentence_leaves_the_sentence_as_text() -> None:
    sentence = "The following statement was issued today by the Spokesperson for the Secretary-General of the Union:"
    document, _ = parse_raw(RawSeed("x/t.txt", "t.txt", f" date 2018-02-05 {sentence}\n{LEAD}\n".encode()))
    assert [b.text for b in document.blocks] == [sentence, LEAD] and document.removed == ()
    # Glued to menu words, the whole line is the date's furniture.
    glued = "date 2017-01-17 Financial SolutionsLegal Reuters News Agency Risk Management Tax & Accounting Blog"
    document, _ = parse_raw(RawSeed("x/t.txt", "t.txt", f"{glued}\n{LEAD}\n".encode()))
    assert [(r.line, r.rule) for r in document.removed] == [(1, "labelled-date")]
    # A dateline's place before a lead that reports speech is not a speaker's label.
    document, _ = parse_raw(RawSeed("x/t.txt", "t.txt", f"GENEVA: Talks on arms control resumed on Monday, the minister said on Tuesday.\n{LEAD}\n".encode()))
    assert [b.kind for b in document.blocks] == ["paragraph", "paragraph"]
    # Glued to a dateline's lead or a speaker's turn, what follows the date is text.
    for label in ("MOSCOW:", "LAVROV:"):
        document, _ = parse_raw(RawSeed("x/t.txt", "t.txt", f"date 2021-10-08 {label} {sentence}\n{LEAD}\n".encode()))
        assert [b.text for b in document.blocks][0].endswith(sentence) and document.removed == ()


def test_a_line_of_furniture_is_neither_headline_nor_text() -> None:
    text, _ = decode_seed(RawSeed("x/t.txt", "t.txt", f"News you can use. Stay tuned for more.\nRussian-US talks\n{LEAD}\n".encode()))
    assert parse_document(text)[0].headline is None
    assert parse_document(text, furniture=frozenset({1}))[0].headline.text == "Russian-US talks"


def test_a_long_line_by_whom_below_the_headline_is_the_byline() -> None:
    document = parse(
        "Opening remarks\n"
        "by NATO Secretary General Anders Fogh Rasmussen at the meeting of the NATO-Russia Council at Foreign Affairs Ministers level, Brussels\n"
        f"{LEAD}\n"
    )
    assert [(r.line, r.rule) for r in document.removed] == [(2, "byline-block")]
    assert [b.text for b in document.blocks] == [LEAD]


def test_a_long_unpunctuated_line_is_a_paragraph_of_its_own_not_a_wrapped_one() -> None:
    standfirst = "Replying to questions about renewing the treaty, the spokesman said that they still expect Russia to return to the deal"
    document = parse(f"Price expects Russia back\n{standfirst}\n{LEAD}\n")
    assert [b.text for b in document.blocks] == [standfirst, LEAD]


@pytest.mark.parametrize("name", ["Daily Briefing", "Department Press Briefing", "Joint Statement"])
def test_a_records_short_name_above_its_date_is_the_headline_not_a_place(name: str) -> None:
    assert headline_of(f"{name}\nMarch 3, 2016\nMR SPOKES: Good afternoon. I have two items today.\n") == name


@pytest.mark.parametrize("opening", ["Thank you, Mr Chair.", "Good afternoon, everyone.", "Ladies and gentlemen,", "Thanks, everybody."])
def test_a_speech_that_opens_with_its_address_has_no_headline(opening: str) -> None:
    assert headline_of(f"{opening}\nSince the invasion the UK has pledged to use this forum to support Ukraine.\n") is None


def test_a_press_contact_line_is_furniture_never_the_headline() -> None:
    document = parse("Media Contact 202-226-8467\nWashington, DC – The committee chairman said the treaty matters.\n")
    assert document.headline is None and [(r.line, r.rule) for r in document.removed] == [(1, "press-contact")]


def test_a_caption_the_page_prints_again_does_not_hide_the_headline_below_it() -> None:
    caption = "Missile systems in a convoy ahead of the parade, April 20, 2022."
    text = f"{caption}\nexplainers\nThe last guardrail falls this week\n{caption}\n{LEAD}\n"
    assert headline_of(text) == "The last guardrail falls this week"
    # Printed once, the same sentence is where the text starts.
    assert headline_of(f"{caption}\nexplainers\nThe last guardrail falls this week\n{LEAD}\n") is None


def test_a_short_lead_in_glued_to_the_pages_date_is_the_texts_first_paragraph() -> None:
    document = parse(" date 2020-03-03 The following statement by the Minister of Maps was issued today:\n\nWe welcome the talks.\n")
    assert [b.text for b in document.blocks] == ["The following statement by the Minister of Maps was issued today:", "We welcome the talks."]


def test_text_hard_wrapped_every_few_words_has_no_headline() -> None:
    document = parse("Jane\nDoe and her guest made statements and answered\nquestions from the press.\nThe talks were\nheld in a calm mood.\n")
    assert document.headline is None
    assert parse("Maps Talks Go On in Riverton Today\nby Jane Doe\nThe talks went on.\n").headline.number == 1


def test_one_turn_an_office_opens_with_an_address_to_the_audience_is_a_turn() -> None:
    document = parse("Talks in Riverton\n\nMinister of Maps Jane Doe: Mr Chairman, ladies and gentlemen,\n\nThe talks were useful.\n")
    assert [(b.kind, b.label) for b in document.blocks] == [("turn", "Minister of Maps Jane Doe"), ("paragraph", "Minister of Maps Jane Doe")]
    assert [b.kind for b in parse("Talks in Riverton\n\nMinister of Maps Jane Doe: talks go on\n\nThe talks were useful.\n").blocks] == ["paragraph", "paragraph"]
