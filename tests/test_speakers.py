"""Who speaks or is quoted: the attribution rules of speakers.py, on small made-up texts and a small registry."""

from __future__ import annotations

import pytest

from archive.extract import strip_titles
from archive.model import RawSeed, Registry
from archive.registry import registry_from_files
from archive.seeds import decode_seed
from archive.speakers import extract_speakers
from archive.structure import parse_document

PEOPLE = b"""\
people:
  - id: jane-doe
    name: Jane Doe
    aliases: [Jane Q. Doe, Doe]
    roles:
      - {title: Secretary-General of the Union, from: 2015-01-01}
  - id: pat-roe
    name: Pat Roe
    aliases: [Roe]
    roles:
      - {title: Spokesperson of the Ministry, from: 2015-01-01}
"""
SOURCES = b"""\
sources:
  - id: daily
    name: The Example Daily
    kind: newspaper
  - id: wire
    name: EXW (Example Wire)
    kind: wire
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    registry, problems = registry_from_files({"annotations/people.yml": PEOPLE, "annotations/sources.yml": SOURCES, "annotations/topics.yml": b"topics: []\n"})
    assert problems == ()
    return registry


def speakers(text: str, registry: Registry) -> list[str]:
    document, _ = parse_document(decode_seed(RawSeed("seeds/x.txt", "x.txt", text.encode()))[0])
    return [s.person or s.name for s in extract_speakers(document, registry)[0]]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Her aide, Pat Roe, said that the talks would go on.", "pat-roe"),  # set off by commas straight before the verb
    ("Senate leader John Smith, R-Ind., said the vote would be close.", "John Smith"),  # party and state
    ("Jane Doe today reiterated her call for restraint.", "jane-doe"),
    ("Jane Doe made clear that the talks would go on.", "jane-doe"),
    ("Jane Doe called on both sides to return to the table.", "jane-doe"),
    ("Ministry spokesperson Pat Roe provided the following:", "pat-roe"),
    ("The plan was welcomed, said Dr. Lee Park, Chair of Maps at the university.", "Lee Park"),
    ("The following statement by UN Secretary-General Jane Doe was issued today:", "jane-doe"),
    ("Union Conference Chairman Lee Park (Ind.) announced his support.", "Lee Park"),  # titles within the capitalised run
    ("German Chancellor Lee Park said Berlin would keep talking.", "Lee Park"),
    ("Columnist Lee Park wrote in 2011 on the treaty.", "Lee Park"),
    ("Chief Cabinet Secretary Lee Park said Tuesday that the move was worrying.", "Lee Park"),
    ("Two years ago, Jane Doe spoke about her vision of open maps.", "jane-doe"),
])
def test_a_speaker_is_read_from_how_the_text_attributes_words(registry: Registry, sentence: str, speaker: str) -> None:
    assert speakers(f"Talks go on\n{sentence}\n", registry) == [speaker]


def test_a_name_between_commas_is_no_speaker_when_not_set_off_before(registry: Registry) -> None:
    assert speakers("Talks go on\nAfter the troops shelled the Riverton Plant, warns of a disaster and asks for help.\n", registry) == []


def test_a_document_that_says_something_is_no_speaker(registry: Registry) -> None:
    assert speakers("Talks go on\nThe newly adopted Union Maps Strategy emphasizes our common defence.\n", registry) == []


def test_a_moderator_naming_themselves_is_a_speaker(registry: Registry) -> None:
    text = "Briefing on Maps\nMODERATOR: Good afternoon. I’m Lee Park, the Director of the Center.\nMR ROE: Thank you, Lee. Maps matter.\n"
    assert speakers(text, registry) == ["Lee Park", "pat-roe"]


def test_a_turn_label_naming_an_outlet_asks_for_it_and_is_no_speaker(registry: Registry) -> None:
    text = "Regular Briefing\nThe Example Daily: What is the plan?\nPat Roe: The plan is clear.\nRiverton TV: And the date?\nPat Roe: Soon.\n"
    assert speakers(text, registry) == ["pat-roe"]


@pytest.mark.parametrize(("label", "name"), [
    ("DEPUTY SECRETARY OF DEFENSE JANE Q. DOE", "JANE Q. DOE"),  # a title's own "of" and the word it governs
    ("President of the Union Jane Doe", "Jane Doe"),
    ("Secretary of State Roe", "Roe"),
])
def test_titles_and_the_words_they_govern_are_stripped_from_a_label(label: str, name: str) -> None:
    assert strip_titles(label) == name
