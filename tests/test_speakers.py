"""Who speaks or is quoted: the attribution rules of speakers.py, on small made-up texts and a small registry."""

from __future__ import annotations

import pytest

from archive.extract import strip_titles
from archive.model import RawSeed, Registry
from archive.registry import registry_from_files
from archive.seeds import decode_seed
from archive.speakers import extract_speakers
from archive.structure import parse_document

PEOPLE = """\
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
  - id: ivan-petrov
    name: Ivan Petrov
    aliases: [Petrov, Iwan Petrow, Petrow, Иван Петров, Петров, بيتروف, 彼得罗夫, ペトロフ]
    roles:
      - {title: Spokesperson of the Ministry, from: 2015-01-01}
""".encode()
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


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Jane Doe on Friday welcomed the decision.", "jane-doe"),  # a day between the name and the verb
    ("Pat Roe last week told reporters that talks would go on.", "pat-roe"),
    ("Jane Doe spoke today with Secretary General Pat Roe to discuss the maps.", "jane-doe"),  # who holds a conversation
    ("The Ministry regrets Jane Doe's call for new talks.", "jane-doe"),  # a possessive speech act
    ("Spokesperson Pat Roe did not confirm the date, saying it would be announced in due time.", "pat-roe"),
    ("The following is attributable to Spokesperson Pat Roe: the talks go on.", "pat-roe"),
    ("Washington - Secretary General Jane Doe: \"Today marks five years of the maps.\"", "jane-doe"),
    ("Zhao Lijian said on Friday, commenting on a statement by Ministry Spokesperson Pat Roe, who had said so.", "Zhao Lijian"),
    # German, French, Spanish, Russian and Turkish
    ("Die Karten seien wichtig, sagte Sprecher Iwan Petrow am Montag.", "ivan-petrov"),
    ("Petrow hat die Union zur Rückkehr zu den Gesprächen aufgerufen.", "ivan-petrov"),
    ("« Nous soutenons les cartes », a déclaré le porte-parole du ministère, Éric Chevallier.", "Éric Chevallier"),
    ("Según el portavoz Ivan Petrov, las conversaciones siguen.", "ivan-petrov"),
    ("Об этом рассказал пресс-секретарь министерства Иван Петров.", "ivan-petrov"),
    ("По словам Петрова, переговоры продолжатся.", "ivan-petrov"),  # a Russian name in another case
    ("Petrov, haritaların önemli olduğunu söyledi.", "ivan-petrov"),
    ("Açıklama yapan Petrov, görüşmelerin süreceğini belirtti.", "ivan-petrov"),
    ("The Spokesperson of the Ministry, Pat Roe: The House may welcome a report.", "pat-roe"),  # a name and a colon
    ("To Lee Park, who calls the maps immoral.", "Lee Park"),  # a relative clause
    ("Following are Secretary-General Jane Doe’ remarks to the Council:", "jane-doe"),  # the apostrophe alone
    ("The moratorium announced by Ivan Petrov will stand, he said.", "ivan-petrov"),  # a passive's agent
    ("Speech and answers to questions from the mass media by Spokesperson Pat Roe during the visit", "pat-roe"),
    ("Bei einem Besuch von Jane Doe sagte Petrow, die Karten seien wichtig.", "ivan-petrov"),  # German inversion
    ("Stoltenberg nu, a declarat Petrov într-un interviu.", "ivan-petrov"),  # Romanian
    ("Kwestia jest rozważana - przekazał rzecznik Iwan Petrow.", "ivan-petrov"),  # Polish
    ("وقالت بيتروف في حديث لقناة روسيا اليوم إن المحادثات مستمرة", "ivan-petrov"),  # Arabic, the verb first
    ("俄罗斯外交部发言人彼得罗夫22日表示,谈判将继续。", "ivan-petrov"),  # Chinese: no spaces, the verb after the name
    ("ロシアのペトロフ報道官は3日、「交渉は続く」と述べた。", "ivan-petrov"),  # Japanese: "は", then "と述べた"
    ("The front Jane Doe described as united is far away.", "jane-doe"),
    ("Er verwies auf die Ankündigung von Sprecher Iwan Petrow, die Tests wieder aufzunehmen.", "ivan-petrov"),
])
def test_a_speaker_is_read_in_other_house_styles_and_languages(registry: Registry, sentence: str, speaker: str) -> None:
    assert speaker in speakers(f"Talks go on\n{sentence}\n", registry)


@pytest.mark.parametrize("sentence", [
    "The Ministry remains engaged following Jane Doe's call with Pat Roe over the weekend.",  # a call is an event
    "Talks with Jane Doe and Pat Roe were held in Riverton.",
    "From the Strategic Arms Limitation Talks to New Maps, control improved.",
    "Lee Park, however, criticised Union leader Jane Doe, saying the plan is reckless.",  # the critic says it
    "La France a salué l'accord conclu entre les deux pays.",  # a country is no person
    "Jane Doe and Pat Roe: a new chapter of the maps (11 images)",  # a headline's subjects before a colon
    "Bei einem Besuch von Jane Doe sagte Petrow, die Karten seien wichtig.",  # the visitor is no speaker
])
def test_an_event_or_an_object_is_no_speaker(registry: Registry, sentence: str) -> None:
    found = speakers(f"Talks go on\n{sentence}\n", registry)
    assert "jane-doe" not in found and "pat-roe" not in found and "La France" not in found and "New Maps" not in found


def test_who_holds_a_conversation_speaks_and_the_other_side_is_only_named(registry: Registry) -> None:
    assert speakers("Talks go on\nJane Doe spoke with Pat Roe on Tuesday about the maps.\n", registry) == ["jane-doe"]


@pytest.mark.parametrize("label", ["R", "E-Mail", "Twitter", "Details", "Quote"])
def test_a_contact_or_answer_label_is_no_speaker(registry: Registry, label: str) -> None:
    assert speakers(f"Talks go on\nQ: What is the plan?\n{label}: The plan is clear, and it is kept.\n", registry) == []


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
