"""A decoded seed split into headline, body blocks and removed boilerplate (pure)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter

from archive.model import Block, Document, Line, Problem, Removal, SeedText, warning
from archive.rules import (
    ABBREVIATIONS,
    ABOVE_HEADLINE,
    BYLINE_BLOCK,
    BYLINE_PATTERNS,
    BYLINE_SMALL_WORDS,
    CAPTION_ENDING,
    CJK_LETTERS,
    CONTENTS,
    CONTENTS_HEADING,
    CONTENTS_ITEM,
    DATE_OR_TIME,
    GLUED_DATE,
    GENRE_WORDS,
    IMAGE_LABEL,
    LINE_RULES,
    PHOTO_CAPTION,
    PHOTO_CREDIT,
    PULL_QUOTE,
    PULL_QUOTE_SIGNATURE,
    SITE_TITLE,
)
from archive.sentences import OPENERS, repair_sentences, split_sentences
from archive.turns import GREETING, LABEL_WORD, OFFICE_WORDS, TITLE_TOKENS, speaks, turn_label

HEADLINE_MAX_WORDS = 40
HEADING_MAX_WORDS = 10
MIN_TURNS = 2  # one "Lavrov: ..." line is a news headline, not a transcript
WRAP_WIDTH = 100  # hard-wrapped text breaks its lines at 80 characters or so; a longer line is a paragraph
LEAD_MIN_WORDS = 12  # a line of sentences this long is the text's first paragraph, not a headline
SECTION_MAX_WORDS = 3  # a line this short that the page prints twice is a section's name, not the headline

_CLOSERS = "\"'”’»)]"
_ELLIPSES = ("...", "…")
_CJK = re.compile(f"[{CJK_LETTERS}]")
_CJK_STOP = re.compile(r"[。！？]")
_STOP_WITHIN = re.compile(r"[.!?]\s")  # a sentence's end inside a line

# A lead that opens with its dateline: "MOSCOW (AP) —", "WASHINGTON, D.C. -", "MOSCOW, February 22. /TASS/."
_LEAD_DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*(?:,\s[^,]{1,40})?\s?(?:\([^)]{1,30}\)\s?)?[-–—]{1,2}\s\w")
_BY_WHOM = re.compile(r"(?:by|remarks by|statement by|speech by|address by)\s+\S+(?:\s+\S+){0,29}", re.IGNORECASE)
_MENU = re.compile(r"(?:^|\s)[•|](?:\s|$)|^[•|]")
# After the last sentence: a note in brackets ("(Source: TASS)") or a wire's sign-off ("it added.- Bernama",
# "-- AP"): a dash, then a name of at most four words.
# (A sign-off follows a sentence's own stop and does not end with one: "(Wire) — The talks ended." is text.)
_TRAILING_NOTE = re.compile(
    r"(?<=[.!?\"”’»)\]])\s+\([^()]*\)$"
    # Words of at most 40 characters: unbounded, each stop of a long run of "A.-A.-" read to the run's end.
    r"|(?<=[.!?\"”’»])\s*[-–—]{1,2}\s*[^\W\d_][\w&.'-]{0,40}(?:\s[^\W\d_][\w&.'-]{0,40}){0,3}(?<![.!?])$"
)


def parse_document(text: SeedText, furniture: frozenset[int] = frozenset()) -> tuple[Document, tuple[Problem, ...]]:
    """Headline, body blocks and removed boilerplate of a decoded seed, with warnings.

    `furniture` are numbers of lines known to be site furniture (an outlet's marker): never the headline.
    """
    lines = [_unglued(line) for line in text.lines if line.text]
    removed = {
        line.number: rule for line in lines if (rule := _line_rule(line.text) or _site_title(line.text)) and not _glued_headline(line.text)
    }
    kept = [line for line in lines if line.number not in removed]
    removed |= dict.fromkeys(_captions(lines, removed, kept), PHOTO_CAPTION.name)
    removed |= dict.fromkeys(_pull_quotes([line for line in kept if line.number not in removed]), PULL_QUOTE.name)
    kept = [line for line in kept if line.number not in removed]

    below = {line.number: after.text for line, after in zip(lines, lines[1:])}
    # The trail of sections above the article ends the page's menus: the headline is below it.
    crumbs = [line.number for line in lines if removed.get(line.number) == "breadcrumb"]
    start = next((index for index, line in enumerate(kept) if crumbs and line.number > crumbs[0]), 0)
    at = _headline_index(kept, below, furniture, start)
    if at is None and start:
        at = _headline_index(kept, below, furniture)
    headline = None if at is None else Line(kept[at].number, repair_sentences(kept[at].text))
    removed |= dict.fromkeys((line.number for line in kept[: at or 0]), ABOVE_HEADLINE.name)
    body = kept[at + 1 :] if at is not None else kept
    # A name above its office ("Rose Gottemoeller" / "Assistant Secretary, Bureau of ...") is the byline's, not an image's label.
    if headline and len(body) > 1 and _is_image_label(body[0].text) and not _contents(body) and not _is_credit_line(body[1].text):
        removed[body[0].number] = IMAGE_LABEL.name
        body = body[1:]
    if headline:
        block = _byline_block(body)
        removed |= dict.fromkeys((line.number for line in block), BYLINE_BLOCK.name)
        body = body[len(block) :]
        contents = _contents(body)
        removed |= dict.fromkeys((line.number for line in contents), CONTENTS.name)
        body = body[len(contents) :]
    blocks = _blocks(_paragraphs(body))
    truncated = bool(blocks) and _cut_off(blocks[-1].text)

    path = text.raw.path
    problems: list[Problem] = []
    if not kept:
        problems.append(warning(path, 0, "no text left after removing boilerplate"))
    elif headline and not blocks:
        problems.append(
            warning(path, headline.number, "headline but no body text; the page may not have been scraped fully")
        )
    if truncated:
        problems.append(
            warning(path, blocks[-1].line, "text ends mid-sentence; the page may have been cut off when scraped")
        )
    removals = tuple(
        Removal(line.number, line.text, removed[line.number]) for line in lines if line.number in removed
    )
    return Document(text, headline, blocks, removals, truncated), tuple(problems)


def _glued_headline(text: str) -> bool:
    """Whether a line is the page's date glued before a headline, no sentence ("date 2022-01-11 Deputy Secretary X's
    Participation in ..."): as a headline line with junk glued on, the whole line is the headline, as written."""
    glued = GLUED_DATE.fullmatch(text)
    rest = glued.group("rest") if glued else ""
    words = rest.split()
    lower = sum(word[0].islower() for word in words)
    return len(words) >= 6 and 2 <= lower < len(words) - 2 and rest[0].isupper() and ":" not in rest and not _ends_sentence(rest)


def _pull_quotes(kept: list[Line]) -> list[int]:
    """Line numbers of quotations set apart and signed below ("“It will take all of us ...” / – Jane Doe"), with their signature."""
    found = []
    for above, line in zip(kept, kept[1:]):
        if PULL_QUOTE_SIGNATURE.fullmatch(line.text.strip()) and above.text.lstrip().startswith(tuple(OPENERS)):
            found += [above.number, line.number]
    return found


def _unglued(line: Line) -> Line:
    """A line without the page's date glued before its text's first sentence; the date stage reads the date from the seed's line.

    Also before a label ("MOSCOW: It would take ...", "LAVROV: We are ready ..."): a dateline's lead or a
    speaker's turn is text, and removing the line with the date would lose it.
    """
    glued = GLUED_DATE.fullmatch(line.text)
    rest = glued.group("rest") if glued else ""
    words = _word_count(rest)
    # A sentence, or a shorter one introducing what follows: "The following statement by the Minister was issued today:".
    # A lead the store cut off still holds a sentence's end within it; CJK text has no capitals to open with.
    ends = _ends_sentence(rest) or bool(_STOP_WITHIN.search(rest)) or bool(_CJK_STOP.search(rest))
    sentence = (words >= LEAD_MIN_WORDS and ends or words >= HEADING_MAX_WORDS and rest.endswith(":")) and not rest[0].islower()
    return Line(line.number, rest) if sentence else line


_ACRONYM_TITLE = re.compile(r"(?P<acronym>[A-Z]{2,8})\s[-–—|:]\s(?P<name>[A-Z][\w'’-]*(?:\s[\w'’-]+){1,10})")


def site_title(text: str) -> tuple[str, str] | None:
    """The acronym and the name it stands for when a line is a site's title, "OSCE - Organization for Security and Co-operation in Europe"."""
    titled = _ACRONYM_TITLE.fullmatch(text)
    if titled is None:
        return None
    initials = "".join(word[0] for part in titled["name"].split() for word in part.split("-") if word[:1].isupper())
    return (titled["acronym"], titled["name"]) if initials == titled["acronym"] else None


def _site_title(text: str) -> str:
    """SITE_TITLE's name when a line is a site's title (site_title), else ""."""
    return SITE_TITLE.name if site_title(text) else ""


def _contents(body: list[Line]) -> list[Line]:
    """A "Table of contents" line first in the body and the numbered items right below it, or nothing."""
    if not body or not CONTENTS_HEADING.fullmatch(body[0].text.strip()):
        return []
    items = list(itertools.takewhile(lambda line: CONTENTS_ITEM.fullmatch(line.text), body[1:]))
    return [body[0], *items] if items else []


def _line_rule(text: str) -> str:
    """The name of the first line rule that matches all of `text`, or ""."""
    return next((rule.name for rule in LINE_RULES if rule.pattern.fullmatch(text)), "")


def _captions(lines: list[Line], removed: dict[int, str], kept: list[Line]) -> list[int]:
    """Line numbers of captions: kept lines without terminal punctuation next to a photo credit."""
    numbers = [line.number for line in kept]
    captions = []
    # A credit closing its own caption ("An unarmed missile launches ... (U.S. Air Force photo/Jane Doe)") has no caption beside it.
    credits = (line for line in lines if removed.get(line.number) == PHOTO_CREDIT and len(line.text.split("(")[0].split()) < 8)
    for credit in credits:
        after = bisect_left(numbers, credit.number)  # the first kept line below the credit
        for line in kept[max(0, after - 1) : after] + kept[after : after + 1]:
            if (
                line is not kept[0]  # the first line is the headline's place, whatever precedes it
                and not _ends_sentence(line.text)
                and len(line.text.split()) <= PHOTO_CAPTION.max_words
            ):
                captions.append(line.number)
    return captions


def _headline_index(kept: list[Line], below: dict[int, str], furniture: frozenset[int], start: int = 0) -> int | None:
    """Where the headline is: the first line above the text that reads as one, past the page's furniture.

    A line that says when, where or by whom, a label ending in a colon, a menu of bullets or bars, or a
    word or two standing alone is not a headline; the text's first paragraph, a dateline lead or a
    transcript's first turn ends the search, unless the page prints that line again (a caption).
    """
    seen = Counter(line.text.strip() for line in kept)
    for index, line in enumerate(kept):
        if index < start:
            continue
        text, after = repair_sentences(line.text), below.get(line.number, "")
        if line.number in furniture and not (DATE_OR_TIME.search(text) and _dated_headline(text)):
            continue  # an outlet's marker, unless it is a record's title with its date: "Briefing by ..., Moscow, November 22, 2018"
        if len(text.split()) <= SECTION_MAX_WORDS and seen[line.text.strip()] > 1:
            continue  # a section's name the page's rails print again ("News Feed"): a headline is longer
        if _opens_text(text, kept, index, after):
            if seen[line.text.strip()] > 1:
                continue  # a sentence the page prints again, an image's caption and alt text: not where the text starts
            return None
        if _reads_as_headline(text, kept, index, after):
            following = kept[index + 1].text.strip() if index + 1 < len(kept) else ""
            # The page's <title>, the headline with the site's name glued on, above the headline itself.
            if len(following) >= 20 and text.startswith(following) and len(following) < len(text) and kept[index + 1].number not in furniture:
                return index + 1
            return index
    return None


def _opens_text(text: str, kept: list[Line], index: int, below: str = "") -> bool:
    """Whether a line is the text itself: a paragraph of sentences, a dateline lead, or a transcript's first turn.

    Chinese and Japanese write no spaces: two of their characters count as a word, and an ideographic full stop
    before the line's end parts two sentences.
    """
    words = _word_count(text)
    return (
        words > HEADLINE_MAX_WORDS
        or bool(_CJK_STOP.search(text.rstrip().rstrip(_CLOSERS)[:-1]))
        or (words >= LEAD_MIN_WORDS and len(split_sentences(text)) > 1)
        # A standfirst's one sentence, unless a date or byline below makes it the headline over them.
        or (words >= LEAD_MIN_WORDS and _lead_sentence(text) and not _is_byline(below))
        or (_ends_sentence(text) and len(split_sentences(text)) > 1)
        or bool(_LEAD_DATELINE.match(text))
        or bool(GREETING.match(text))
        or _opens_transcript(kept, index)
        or _wrapped(text, kept, index)
    )


def _wrapped(text: str, kept: list[Line], index: int) -> bool:
    """Whether a line of four words or more runs on into the next line, which goes on in lower case: text
    hard-wrapped every few words ("Putin and Donald Trump made press statements and answered" / "journalists’
    questions."), where no line is a headline."""
    following = kept[index + 1].text.lstrip() if index + 1 < len(kept) else ""
    return (
        len(text.split()) >= 4
        and following[:1].islower()
        and not _ends_sentence(text)
        and not text.rstrip().endswith(":")
        and not _is_byline(following)
        and kept[index + 1].number == kept[index].number + 1
    )


def _lead_sentence(text: str) -> bool:
    """One sentence ending in a full stop, in sentence case: a standfirst or lead, not a headline ("... - State Dept.")."""
    words = text.split()
    last = _TRAILING_NOTE.sub("", text).rstrip(_CLOSERS)
    capitalised = sum(word[0].isupper() for word in words)
    return last.endswith(".") and not last.endswith("..") and words[-1] not in ABBREVIATIONS and capitalised < 0.7 * len(words)


def _reads_as_headline(text: str, kept: list[Line], index: int, below: str) -> bool:
    """A line short enough, with some words in lower case, that is no byline, label or fragment
    ("... So that You may be kept informed"); one sentence at most."""
    alphabetic = LABEL_WORD.findall(text)
    if len(alphabetic) < 2 or text.rstrip().endswith(":") or text.lstrip().startswith(_ELLIPSES) or _MENU.search(text) or (_is_byline(text) and not _dated_headline(text)):
        return False
    if _is_office(text):
        return False
    if CONTENTS_ITEM.fullmatch(text.strip()) or CAPTION_ENDING.search(text):
        return False  # a numbered menu item ("6. Choose from 30 Languages"), a news photo's caption
    if len(alphabetic) <= 3 and all(word[0].isupper() for word in alphabetic):
        # A place or venue above the date ("Via Teleconference"), a name above an office ("Jen Psaki"), but
        # not a record's name ("Daily Briefing", "Department Press Briefing"), whose date it is.
        if (_is_byline(below) or _is_office(below)) and not any(word.casefold() in GENRE_WORDS for word in alphabetic):
            return False
        following = kept[index + 1].text if index + 1 < len(kept) else ""
        if (
            len(alphabetic) == 2
            and len(LABEL_WORD.findall(following)) >= 5
            and following[:1].isupper()
            and not following.rstrip().endswith((".", ",", ";", ":", "!", "?"))
            and not _is_byline(following)
            and not _opens_text(following, kept, index + 1)
        ):
            return False  # a section's name above the headline: "News Feed", "Nato-Russia Council"
    # Headlines rarely end with a full stop; one that does must be a single sentence with text below
    # it, or it is the lead paragraph of an article without a headline.
    return not (_ends_sentence(text) and (index == len(kept) - 1 or len(split_sentences(text)) > 1))


def _dated_headline(text: str) -> bool:
    """A headline that carries its date: "Daily Press Briefing - March 17, 2014", three words or more and one of a genre."""
    words = [word.casefold() for word in LABEL_WORD.findall(DATE_OR_TIME.sub(" ", text))]
    return len(words) >= 3 and any(word in GENRE_WORDS for word in words)


def _is_office(text: str) -> bool:
    """A line that is an office only, in title case: "Deputy Spokesperson", "Secretary of State"."""
    words = LABEL_WORD.findall(text)
    return (
        0 < len(words) <= 6
        and all(word[0].isupper() or word in OFFICE_WORDS for word in words)
        and any(word.casefold() in TITLE_TOKENS for word in words if word not in OFFICE_WORDS)
        and not any(word.isupper() and len(word) > 1 and "." not in word or word.casefold() in GENRE_WORDS for word in words)
        and not DATE_OR_TIME.search(text)
    )


def _is_byline(text: str) -> bool:
    """Whether a line says who wrote or speaks, where or when, as the lines around a headline do."""
    return len(text.split()) <= BYLINE_BLOCK.max_words and any(p.fullmatch(text) for p in BYLINE_PATTERNS)


def _byline_block(body: list[Line]) -> list[Line]:
    """The byline lines right below the headline, up to the first line that is not one."""
    block = []
    for number, line in enumerate(body[:-1]):  # the last line is the text, whatever it looks like
        # Right below the headline, a longer line may say by whom and where: "by NATO Secretary General
        # Anders Fogh Rasmussen at the meeting of the NATO-Russia Council at Foreign Affairs Ministers level, Brussels".
        by_whom = number == 0 and _BY_WHOM.fullmatch(line.text) is not None and not _ends_sentence(line.text)
        # A name, office or venue line belongs to the block when another line of the block follows it.
        following = body[number + 1].text
        credit = _is_credit_line(line.text) and (_is_byline(following) or _is_credit_line(following))
        if not (by_whom or _is_byline(line.text) or credit):
            break
        block.append(line)
    return block


def _is_credit_line(text: str) -> bool:
    """A short line in title case with no stop, as a byline block names a speaker, their office and the venue:
    "Rose Gottemoeller", "Assistant Secretary, Bureau of Arms Control, Verification and Compliance", "Vilnius, Lithuania"."""
    words = text.split()
    return (
        0 < len(words) <= BYLINE_BLOCK.max_words
        and not text.rstrip().endswith((".", "!", "?", "…", ":", ";"))
        and all(word[0].isupper() or word[0].isdigit() or word in BYLINE_SMALL_WORDS for word in words)
        and turn_label(text) is None
    )


def _opens_transcript(kept: list[Line], index: int) -> bool:
    """Whether kept[index] is a transcript's first turn rather than a "Lavrov: ..." headline."""
    # Both look alike; a turn ends like a sentence and more turns follow, a headline rarely does either.
    first = kept[index].text
    return (
        turn_label(first) is not None
        and _ends_sentence(first)
        and any(turn_label(line.text) is not None for line in itertools.islice(kept, index + 1, None))
    )


def _is_image_label(text: str) -> bool:
    """A few words with no punctuation at all, as alt text and image labels are."""
    words = text.split()
    return len(words) <= IMAGE_LABEL.max_words and all(word.isalnum() for word in words)


def _paragraphs(body: list[Line]) -> list[Line]:
    """Body lines as paragraphs, numbered by their first line, with hard-wrapped lines joined."""
    paragraphs: list[_Paragraph] = []
    last = 0  # number of the last file line in paragraphs[-1]
    for line in body:
        current = paragraphs[-1] if paragraphs else None
        if current and line.number == last + 1 and _continues(current, line.text):
            current.add("" if current.last.endswith("-") else " ", line.text)
        elif current and _is_bare_label(current.text()) and turn_label(line.text) is None:
            current.add(" ", line.text)
        else:
            paragraphs.append(_Paragraph(line))
        last = line.number
    return [Line(paragraph.number, paragraph.text()) for paragraph in paragraphs]


class _Paragraph:
    """A paragraph being joined from hard-wrapped lines, kept in pieces so that a join costs only its line.

    Joining into one string and reading all of it at every line took time quadratic in the line count.
    """

    def __init__(self, line: Line) -> None:
        self.number = line.number
        self.pieces = [line.text]  # the lines, each after the first with its glue in front
        self.words = len(line.text.split())
        self.paren = -1  # index of the last piece but the final one holding a parenthesis

    @property
    def last(self) -> str:
        return self.pieces[-1]

    def add(self, glue: str, text: str) -> None:
        """Join the next line with `glue`: a space, or nothing after a hyphen."""
        if "(" in self.last or ")" in self.last:
            self.paren = len(self.pieces) - 1
        self.pieces.append(glue + text)
        self.words += len(text.split()) - (not glue)  # a hyphenated word joined without a space counts once

    def ends_sentence(self) -> bool:
        """_ends_sentence of the whole text, from its end: the last line, or back to where a final "(note)" may open."""
        if not self.last.endswith(")"):
            return _ends_sentence(self.last)
        final = self.last[:-1]
        paren = len(self.pieces) - 1 if "(" in final or ")" in final else self.paren
        if paren < 0:
            return _ends_sentence(self.last)
        # The piece before the one with the last parenthesis holds what a note's opening follows.
        return _ends_sentence("".join(self.pieces[max(0, paren - 1) :]))

    def text(self) -> str:
        return "".join(self.pieces)


def _continues(paragraph: _Paragraph, text: str) -> bool:
    """Whether `text` continues the hard-wrapped sentence of the paragraph just above it."""
    if paragraph.ends_sentence() or paragraph.last.endswith(":"):
        return False
    # A long unpunctuated line cannot be a heading, so a capital below it is a name, not a new start;
    # unless the line is longer than text is wrapped at: then it is a whole paragraph (a standfirst).
    return text[0].islower() or (
        paragraph.words > HEADING_MAX_WORDS and len(paragraph.last.lstrip()) <= WRAP_WIDTH and turn_label(text) is None
    )


def _is_bare_label(text: str) -> bool:
    """A line holding only a speaker label and its colon, the turn's text following below."""
    turn = turn_label(text)
    return turn is not None and not turn[1]


def _blocks(paragraphs: list[Line]) -> tuple[Block, ...]:
    """Paragraphs classified as paragraphs, headings and turns, each turn's label carried forward."""
    turns = [turn_label(p.text) for p in paragraphs]
    # One turn is enough when its label is in capitals, as transcripts write them ("MR PRICE: Good afternoon.",
    # "PRESIDENT OF RUSSIA DMITRY MEDVEDEV: Ladies and gentlemen, colleagues,"), or an office opens it and the words
    # address an audience ("President of Russia Jane Doe: Mr President, ladies and gentlemen,"), as no headline does.
    capitals = any(
        turn
        and (
            turn[0].isupper() and len(turn[0]) > 2 and (_ends_sentence(turn[1]) or GREETING.match(turn[1])) and speaks(turn)
            or turn[0].split()[0].casefold() in TITLE_TOKENS and bool(GREETING.match(turn[1]))
        )
        for turn in turns
    )
    if sum(turn is not None for turn in turns) < MIN_TURNS and not capitals:
        turns = [None] * len(paragraphs)
    blocks: list[Block] = []
    label = ""
    for index, (paragraph, turn) in enumerate(zip(paragraphs, turns)):
        if turn is not None:
            label = turn[0]
            blocks.append(Block("turn", repair_sentences(turn[1]), paragraph.number, label))
        elif 0 < index < len(paragraphs) - 1 and _is_heading(paragraph.text):
            blocks.append(Block("heading", repair_sentences(paragraph.text), paragraph.number))
        else:
            blocks.append(Block("paragraph", repair_sentences(paragraph.text), paragraph.number, label))
    return tuple(blocks)


def _is_heading(text: str) -> bool:
    """A short line that does not end like a sentence or a clause and does not start mid-sentence."""
    return (
        len(text.split()) <= HEADING_MAX_WORDS
        and not text[0].islower()
        and not text.rstrip(_CLOSERS).endswith((".", "!", "?", "…", ":", ";", ","))
    )


def _word_count(text: str) -> int:
    """Words of a text, two Chinese, Japanese or Korean characters counting as one (they write no spaces)."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _ends_sentence(text: str) -> bool:
    """Whether text ends with terminal punctuation, allowing closing quotes and a final "(Source: X)"."""
    return _TRAILING_NOTE.sub("", text).rstrip(_CLOSERS).endswith((".", "!", "?", "…", "。", "！", "？"))


def _cut_off(text: str) -> bool:
    """Whether the last paragraph stops mid-sentence."""
    # A final ellipsis counts as cut off: sites and scrapers shorten pages that way far more often
    # than a speaker trails off at the very end.
    return not _ends_sentence(text) or _TRAILING_NOTE.sub("", text).rstrip(_CLOSERS).endswith(_ELLIPSES)
