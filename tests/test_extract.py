"""Title, source, speakers, topics and language from small documents and from the real registry."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archive.registry import load_registry
from archive import speakers
from archive.extract import (
    as_written,
    derive_title,
    detect_language,
    extract_terms,
    extract_title,
    extract_topics,
    fold,
)
from archive.seeds import decode_seed
from archive.speakers import extract_speakers
from archive.structure import parse_document
from archive.model import Block, Document, Line, Location, Person, RawSeed, Registry, Role, SeedText

from conftest import ANNOTATIONS


@pytest.fixture(scope="module")
def registry():
    registry, problems = load_registry(ANNOTATIONS)
    assert [p for p in problems if p.severity == "error"] == []
    return registry


def document(*paragraphs: str, headline: str | None = None, turns: tuple[tuple[str, str], ...] = ()) -> Document:
    """A Document whose lines are the headline, then one paragraph a line, then transcript turns."""
    texts = ([headline] if headline else []) + list(paragraphs) + [f"{label}: {text}" for label, text in turns]
    lines = tuple(Line(n, t) for n, t in enumerate(texts, start=1))
    raw = RawSeed("seeds/x.txt", "x.txt", "\n".join(texts).encode())
    start = 2 if headline else 1
    blocks = tuple(Block("paragraph", t, n) for n, t in enumerate(paragraphs, start=start))
    blocks += tuple(
        Block("turn", text, n, label) for n, (label, text) in enumerate(turns, start=start + len(paragraphs))
    )
    seed = SeedText(raw, "utf-8", hashlib.sha256(raw.data).hexdigest(), lines)
    return Document(seed, lines[0] if headline else None, blocks, ())


def speaker_names(doc, registry):
    speakers, mentioned, problems = extract_speakers(doc, registry)
    return [s.person or f"?{s.name}" for s in speakers], list(mentioned), problems


def test_fold_merges_diacritics_and_case():
    assert fold("Sinirlioğlu") == fold("SINIRLIOGLU") == "sinirlioglu"
    assert fold("Volker Türk") == "volker turk"


def test_headline_is_the_title():
    title = extract_title(document("Text.", headline="Lavrov: Russia Ready for Talks"))
    assert (title.value, title.method) == ("Lavrov: Russia Ready for Talks", "headline")
    assert "line 1" in title.evidence


def test_a_date_stamp_glued_before_the_headline_is_no_part_of_the_title():
    title = extract_title(document("Text.", headline=" date 2025-11-26 Russia's Strategic Move on New START Treaty"))
    assert (title.value, title.method) == ("Russia's Strategic Move on New START Treaty", "headline")
    assert "after its date stamp" in title.evidence


def test_title_is_derived_from_lead_when_there_is_no_headline():
    lead = ("Russia signals willingness to keep talking with Western powers on arms control, but only if the "
            "United States and its allies drop what Moscow calls anti-Russian policy. This stance emerged later.")
    title = extract_title(document(lead))
    assert title.method == "derived"
    assert title.value == "Russia signals willingness to keep talking with Western powers on arms control"
    assert "line 1" in title.evidence


@pytest.mark.parametrize(
    "lead",
    [
        "date 2021-10-08 MOSCOW: Talks on arms control will resume in Geneva next week, the minister said.",
        "GENEVA, March 3 (Reuters) - Talks on arms control will resume in Geneva next week, the minister said.",
        "VIENNA, 3 March 2022 - Talks on arms control will resume in Geneva next week, the minister said.",
        "Talks on arms control will resume in Geneva next week, the minister said.",
    ],
)
def test_a_derived_title_starts_past_the_leads_dateline(lead):
    assert derive_title(lead) == "Talks on arms control will resume in Geneva next week, the minister said"


def test_derived_title_of_a_long_sentence_without_clause_break_is_cut_with_an_ellipsis():
    title = derive_title(" ".join(f"word{i}" for i in range(30)) + ".")
    assert title.endswith("…") and len(title.split()) == 15


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian Foreign Minister Sergey Lavrov said on Friday.", ["sergey-lavrov"]),
        ("Russia is ready, Lavrov said.", ["sergey-lavrov"]),
        ("\u201cIt is clear,\u201d said Sergei Lavrov.", ["sergey-lavrov"]),
        ("According to Lavrov, the plan was submitted.", ["sergey-lavrov"]),
        ("Deputy Foreign Minister Sergey Riabkov explained this decision.", ["sergey-ryabkov"]),
        ("Sergey Ryabkov, speaking in Geneva, stressed the risks.", ["sergey-ryabkov"]),
        ("Other statements from Russia's envoy in Vienna, Mikhail Ulyanov, reiterate the position.", ["mikhail-ulyanov"]),
        ("Feridun Sinirlioglu told reporters the talks went well.", ["feridun-sinirlioglu"]),
    ],
)
def test_attributed_speech_names_the_speaker(sentence, expected, registry):
    assert speaker_names(document(sentence), registry)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov said that Putin signed a law suspending the treaty.",
        "President Vladimir Putin signed a law suspending Russia's participation.",
        "Talks with Ignazio Cassis and Feridun Sinirlioglu were held in Moscow.",
    ],
)
def test_people_merely_named_are_mentioned_not_speakers(sentence, registry):
    speakers, mentioned, _ = speaker_names(document(sentence), registry)
    assert "vladimir-putin" not in speakers and "ignazio-cassis" not in speakers
    assert set(mentioned) & {"vladimir-putin", "ignazio-cassis", "feridun-sinirlioglu"}


def test_name_variants_merge_into_one_person(registry):
    doc = document("Sergey Riabkov said one thing.", "Ryabkov added another.", "Sergei Ryabkov noted a third.")
    assert speaker_names(doc, registry)[0] == ["sergey-ryabkov"]


def test_unknown_person_is_kept_and_suggested(registry):
    doc = document("Earlier, committee spokeswoman Anna Kowalczyk said the case was opened.")
    speakers, _, problems = speaker_names(doc, registry)
    assert speakers == ["?Anna Kowalczyk"]
    assert [p.format() for p in problems] == [
        "seeds/x.txt:1: warning: 'Anna Kowalczyk' speaks or is quoted but is not in annotations/people.yml; "
        "add them (with name variants) so the page can link them"
    ]


def test_organisations_are_not_taken_for_people(registry):
    doc = document("The Russian Foreign Ministry said the talks were over.", "The White House said nothing.")
    assert speaker_names(doc, registry)[0] == []


def test_transcript_turns_name_speakers_and_skip_roles(registry):
    doc = document("Opening remarks.", turns=(("QUESTION", "Will you go?"), ("Sergey Lavrov", "No."), ("MODERATOR", "Next."), ("MS ZAKHAROVA", "Thanks.")))
    assert speaker_names(doc, registry)[0] == ["sergey-lavrov", "maria-zakharova"]


def test_unknown_turn_label_is_an_unregistered_speaker(registry):
    doc = document(turns=(("SECRETARY QUIMBLEWORTH", "Thank you."), ("QUESTION", "Sir?")))  # a name no registry will hold
    speakers, _, problems = speaker_names(doc, registry)
    assert speakers == ["?Quimbleworth"] and len(problems) == 1


def test_topic_keywords_with_capitals_match_case_sensitively(registry):
    found = extract_topics(document("It was a new start for both.", "The New START treaty expired; New START matters."), registry)
    new_start = [t for t in found if t.topic == "new-start"]
    assert new_start and dict(new_start[0].matches) == {"New START": 2}


def test_lower_case_keywords_match_in_any_case(registry):
    found = {t.topic: dict(t.matches) for t in extract_topics(document("Strategic Stability is key to strategic stability."), registry)}
    assert found["strategic-stability"] == {"strategic stability": 2}


def test_language_by_common_words():
    english = document("The minister said that the talks with the United States are on hold and it is for them to act.")
    assert detect_language(english).value == "en"
    russian = document("Министр сказал, что это не так и что на переговорах с ними все было по плану, как и ожидалось для всех.")
    assert detect_language(russian).value == "ru"
    assert detect_language(document("Too short.")).value == "und"


def test_overlapping_keywords_count_the_longest(registry):
    found = {t.topic: dict(t.matches) for t in extract_topics(document("The strategic stability dialogue and strategic stability."), registry)}
    assert found["strategic-stability"] == {"strategic stability": 1, "strategic stability dialogue": 1}


@given(st.text(max_size=40), st.sampled_from(["Lavrov", "Sergey Lavrov", "Zakharova"]))
def test_a_name_found_in_the_folded_sentence_is_cut_from_the_sentenceas_written(before: str, name: str) -> None:
    sentence = f"{before} {name} said"
    folded = fold(sentence)
    start = folded.rindex(fold(name))
    assert as_written(sentence, folded)(start, start + len(fold(name))) == name


# The capitalised-run pattern as first written (with middle initials and accented and Cyrillic capitals since),
# tried from every word boundary.
_UP = speakers._CAPITAL
FIRST_CAPITALISED_RUN = re.compile(rf"\b[{_UP}][\w'’-]+(?:\s+(?:[{_UP}]\.\s+)*(?:(?:{speakers._PARTICLES})\s+)*[{_UP}][\w'’-]+)+")
RUN_PIECES = st.sampled_from(["A", "Ab", "x", "É", "Дм", "ж", "1", "_", "-", "'", "’", " ", "  ", "\n", ".", "de", "von", "ex", "President", "O'Brien"])


@settings(max_examples=1000)
@given(st.lists(RUN_PIECES, max_size=16).map("".join))
@example("Ab A. Ab")  # a middle initial
def test_capitalised_runs_are_those_the_pattern_first_written_finds(text):
    runs = [(m.start("run"), m.end(), m.group("run")) for m in speakers.CAPITALISED_RUN.finditer(text)]
    assert runs == [(m.start(), m.end(), m.group(0)) for m in FIRST_CAPITALISED_RUN.finditer(text)]


def _person(ident: str, name: str, *roles: tuple[str, str | None, str | None]) -> Person:
    here = Location("annotations/people.yml", 1)
    return Person(ident, name, (name.split()[-1],), tuple(Role(title, start, end, here) for title, start, end in roles), here)


TERMS_REGISTRY = Registry(people=(
    _person("antony-blinken", "Antony Blinken", ("Deputy Secretary of State", "2015", "2017"), ("Secretary of State", "2021-01-26", "2025-01-20")),
    _person("sergey-lavrov", "Sergey Lavrov", ("Minister of Foreign Affairs of the Russian Federation", "2004-03-09", None)),
    _person("vladimir-putin", "Vladimir Putin", ("President of Russia", "2000-05-07", "2008-05-07"), ("Prime Minister of Russia", "2008-05-08", "2012-05-07"), ("President of Russia", "2012-05-07", None)),
))


def terms(*paragraphs: str, turns: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str, list[str]]]:
    return [(t.person, t.quote, [r.title for r in t.roles]) for t in extract_terms(document(*paragraphs, turns=turns), TERMS_REGISTRY)]


def test_a_title_before_a_name_is_a_term_of_the_role_it_fits() -> None:
    assert terms("Secretary Blinken met Russian Foreign Minister Sergey Lavrov.") == [
        ("antony-blinken", "Secretary Blinken", ["Secretary of State"]),
        ("sergey-lavrov", "Russian Foreign Minister Sergey Lavrov", ["Minister of Foreign Affairs of the Russian Federation"]),
    ]
    # A title held twice gives both terms; an upper-case turn label is a title too.
    assert terms("President Putin spoke.") == [("vladimir-putin", "President Putin", ["President of Russia", "President of Russia"])]
    assert terms(turns=(("SECRETARY BLINKEN", "Thank you."),)) == [("antony-blinken", "SECRETARY BLINKEN", ["Secretary of State"])]


@pytest.mark.parametrize("text", [
    "Mr Lavrov spoke.",  # courtesy, not an office
    "Lavrov spoke.",  # no title at all
    "Deputy Prime Minister Lavrov spoke.",  # a title the registry does not give him
    "Acting Secretary Blinken spoke.",  # an acting term the registry does not know
])
def test_no_term_without_a_current_title_the_registry_gives(text: str) -> None:
    assert terms(text) == []


def test_a_former_title_is_a_term_of_the_offices_left() -> None:
    found = extract_terms(document("Former Secretary Blinken spoke, as did the late President Putin."), TERMS_REGISTRY)
    assert [(t.person, t.quote, [r.title for r in t.roles], t.former) for t in found] == [
        ("antony-blinken", "Secretary Blinken", ["Secretary of State"], True),
    ]


def test_a_lesser_office_of_the_same_name_is_not_fitted_by_the_bare_title() -> None:
    assert terms("Deputy Secretary Blinken spoke.") == [("antony-blinken", "Deputy Secretary Blinken", ["Deputy Secretary of State"])]


def test_the_words_of_an_office_before_a_title_qualify_it_and_gender_leaves_it_the_same() -> None:
    registry = Registry(people=(
        _person("pat-psaki", "Pat Psaki", ("Spokesperson for the United States Department of State", "2013", "2015"), ("White House Press Secretary", "2021", "2022")),
    ))
    found = lambda text: [(t.quote, [r.title for r in t.roles]) for t in extract_terms(document(text), registry)]  # noqa: E731
    assert found("State Department spokeswoman Pat Psaki said so.") == [
        ("State Department spokeswoman Pat Psaki", ["Spokesperson for the United States Department of State"])
    ]
    # "White House" is no word of the State Department's office, so the spokesperson's title fits none of hers.
    assert found("White House Spokesperson Pat Psaki said so.") == []
    # A word of no office of hers ends the run: "the" and "with" stay out of the title.
    assert found("He spoke with the State Department spokesman Pat Psaki.")[0][0] == "State Department spokesman Pat Psaki"


SPEAKERS_REGISTRY = Registry(people=(
    _person("vladimir-putin", "Vladimir Putin"),
    _person("joe-biden", "Joseph Biden"),
    _person("anders-fogh-rasmussen", "Anders Fogh Rasmussen"),
    _person("dmitry-medvedev", "Dmitry Medvedev"),
    _person("hillary-clinton", "Hillary Clinton"),
    _person("wang-yi", "Wang Yi"),
    _person("ban-ki-moon", "Ban Ki-moon"),
    _person("andrea-thompson", "Andrea Thompson"),
    _person("sergey-lavrov", "Sergey Lavrov"),
    Person("ned-price", "Ned Price", ("Mr Price",), (), Location("annotations/people.yml", 1)),
))


def found_speakers(text: str, registry: Registry = SPEAKERS_REGISTRY) -> list[tuple[str | None, str, str]]:
    document, _ = parse_document(decode_seed(RawSeed("seeds/x.txt", "x.txt", text.encode()))[0])
    speakers, _, _ = extract_speakers(document, registry)
    return [(s.person, s.name, s.how) for s in speakers]


def test_a_turn_label_with_an_office_before_the_name_is_the_person() -> None:
    text = (
        "Russian-US talks\nTalks took place in Geneva, and lasted for a long time with many questions.\n"
        "President of Russia Vladimir Putin: Mr President, thank you.\n"
        "President of the United States of America Joseph Biden:Thank you.\n"
    )
    assert [p for p, _, how in found_speakers(text)] == ["vladimir-putin", "joe-biden"]


def test_one_turn_in_capitals_is_a_turn() -> None:
    assert found_speakers("Department Press Briefing\nMR PRICE: Good afternoon. A couple of items at the top.\n") == [
        ("ned-price", "Price", "turn")
    ]


def test_a_registry_person_in_the_byline_block_is_the_speaker() -> None:
    text = "Opening remarks\nby NATO Secretary General Anders Fogh Rasmussen at the meeting, Brussels\nLadies and Gentlemen, welcome to this meeting of the Council today.\n"
    assert found_speakers(text) == [("anders-fogh-rasmussen", "Anders Fogh Rasmussen", "byline")]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Wang Yi, Chinese foreign minister and director of the Office of the Foreign Affairs Commission of the Central Committee, said here Monday that all is well.", "wang-yi"),
    ("New START is a cornerstone, and Clinton called it a milestone in the partnership.", "hillary-clinton"),
    ("The EU deplores the announcement by President Putin to suspend the treaty.", "vladimir-putin"),
    ("The following statement was issued today by the Spokesperson for UN Secretary-General Ban Ki-moon:", "ban-ki-moon"),
    ("NATO-Russia Council Chairman Anders Fogh Rasmussen Opening Remarks 2013-04-23", "anders-fogh-rasmussen"),
    ("We note statements on the treaty made by US Under Secretary of State for Arms Control and International Security Andrea Thompson at a conference.", "andrea-thompson"),
    ("Sergey Lavrov’s statement and answers to media questions", "sergey-lavrov"),
    ("In a separate statement, Chief Pentagon Spokesman Ned Price expressed support for the plan.", "ned-price"),
    ("Vladimir Putin has proposed a year-long extension of the treaty.", "vladimir-putin"),
    ("When President Joseph Biden addressed the nation today, he said that talks would go on.", "joe-biden"),
    ("RIA news agency quoted deputy foreign minister Sergey Lavrov as saying on Tuesday that talks would begin.", "sergey-lavrov"),
    ("Foreign Affairs Council: Press remarks by High Representative Ban Ki-moon after the meeting", "ban-ki-moon"),
])
def test_more_ways_of_reporting_speech(sentence: str, speaker: str) -> None:
    assert [p for p, _, _ in found_speakers(f"Headline here\n{sentence}\n")] == [speaker]


def test_a_spokeswoman_for_a_person_speaks_for_them_and_the_person_is_no_speaker() -> None:
    assert found_speakers("Headline here\nA spokeswoman for Russian President Dmitry Medvedev noted that the amendments need study.\n") == []


def test_a_title_case_headline_suggests_no_unknown_names() -> None:
    assert found_speakers("Russia Says U.S. Must End 'Hostility' for Nuclear Talks\nRussia said Wednesday it would study the proposals.\n") == []


def test_a_line_opening_with_a_person_and_a_colon_gives_their_words(registry) -> None:
    doc = document("President of Russia Vladimir Putin: Colleagues, good afternoon.", headline="Lavrov: We are ready to talk")
    assert speaker_names(doc, registry)[0] == ["sergey-lavrov", "vladimir-putin"]
    # A headline whose colon follows a sentence only names people: "... with Trump on nuclear weapons: Lavrov".
    doc = document("The talks went on.", headline="Russia expects dialogue with Trump on nuclear weapons: Lavrov")
    assert speaker_names(doc, registry)[0] == []


def test_plural_bodies_are_no_unknown_speakers(registry) -> None:
    doc = document("I would also recall the G7 Foreign Ministers statement last week on the sham elections.")
    assert speaker_names(doc, registry)[0] == []


def test_a_long_role_clause_between_a_name_and_its_verb_still_attributes() -> None:
    clause = "Chinese foreign minister and director of the Office of the Foreign Affairs Commission of the Communist Party of China Central Committee"
    assert [p for p, _, _ in found_speakers(f"Headline here\nMOSCOW, Sept. 18 (Xinhua) -- Wang Yi, {clause}, said here Monday that all is well.\n")] == ["wang-yi"]


def test_a_bare_surname_names_the_person_the_text_named_in_full() -> None:
    here = Location("annotations/people.yml", 1)
    registry = Registry(people=(Person("hillary-clinton", "Hillary Clinton", (), (), here), Person("sergey-lavrov", "Sergey Lavrov", (), (), here)))

    def speakers(text: str) -> list[str | None]:
        document, _ = parse_document(decode_seed(RawSeed("seeds/x.txt", "x.txt", text.encode()))[0])
        return [s.person for s in extract_speakers(document, registry)[0]]

    assert speakers("Papers exchanged\nHillary Clinton met Sergey Lavrov in Munich.\nClinton called it a milestone.\n") == ["hillary-clinton"]
    # Not when the text never names her in full, nor after a capitalised word that may make it another Clinton.
    assert speakers("Papers exchanged\nThe ministers met in Munich.\nClinton called it a milestone.\n") == []
    assert speakers("Papers exchanged\nHillary Clinton met Sergey Lavrov.\nPresident Clinton called it a milestone.\n") == []


def test_an_unregistered_speaker_owns_the_briefing_her_possessive_names() -> None:
    found = found_speakers("Welcome to the United Nations\nUnder-Secretary-General Rosemary DiCarlo’s Briefing to the Council on threats to peace and security\nMadam President, thank you.\n")
    assert found == [(None, "Rosemary DiCarlo", "attribution")]
    assert found_speakers("Headline here\nThe minister welcomed Rosemary DiCarlo's statement on the talks.\n") == [(None, "Rosemary DiCarlo", "attribution")]


ROLES_REGISTRY = Registry(people=(
    _person("pat-doe", "Pat Doe", ("Secretary General of NATO", "2014", None)),
    _person("kim-roe", "Kim Roe", ("Spokesperson for the United States Department of State", "2017", "2019")),
    _person("ana-poe", "Ana Poe", ("President of Ruritania", "2008", "2012")),
    _person("lee-moe", "Lee Moe", ("President of the United States", "2009", "2017")),
    _person("sam-coe", "Sam Coe", ("Spokesperson for the Secretary-General of the United Nations", "2014", None)),
))


def role_speakers(text: str) -> list[tuple[str | None, str, str]]:
    return found_speakers(text, ROLES_REGISTRY)


@pytest.mark.parametrize(("sentence", "speaker"), [
    # Words of the person's own office may stand between the verb and the name.
    ("Speech by NATO Secretary General Pat Doe at the conference", "pat-doe"),
    ("The talks will go on, said State Department spokeswoman Kim Roe.", "kim-roe"),
    ("Briefing by Ministry Spokesperson Kim Roe, Moscow, May 3, 2018", "kim-roe"),
    # A role clause with an abbreviation's stops.
    ("Pat Doe, the U.S. Permanent Representative to the Conference, also stated on June 19 that talks go on.", "pat-doe"),
    ("Kim Roe has informed her counterpart that any deal must include others.", "kim-roe"),
])
def test_speech_reported_past_office_words_abbreviations_and_more_verbs(sentence: str, speaker: str) -> None:
    assert [p for p, _, _ in role_speakers(f"Headline here\n{sentence}\n")] == [speaker]


def test_a_name_joined_by_and_to_an_attributed_one_shares_the_attribution() -> None:
    found = role_speakers("Headline here\nThe ministers welcome the Joint Statement by President Ana Poe and President Lee Moe on the talks.\n")
    assert [p for p, _, _ in found] == ["ana-poe", "lee-moe"]
    # Not when other words stand between them: "Ana Poe" is attributed, "Lee Moe" only met.
    found = role_speakers("Headline here\nThe statement by President Ana Poe came after she met Lee Moe in May.\n")
    assert [p for p, _, _ in found] == ["ana-poe"]


def test_a_name_after_says_that_opens_the_reported_clause_does_not_speak() -> None:
    assert role_speakers("Headline here\nThe ministry says Lee Moe has yet to respond to the proposal.\n") == []
    assert role_speakers("Headline here\nThe ministry says Lee Moe yet to respond to the proposal.\n") == []
    assert [p for p, _, _ in role_speakers("Headline here\n“We will respond,” says Lee Moe.\n")] == ["lee-moe"]


def test_middle_initials_belong_to_an_unregistered_name() -> None:
    assert role_speakers("Headline here\n“Talks must resume,” says Jane Q. Public, director of the association.\n") == [(None, "Jane Q. Public", "attribution")]


def test_pronouns_and_conjunctions_open_no_name() -> None:
    assert role_speakers("Headline here\nAs I've said in the past, I think that the relationship has been allowed to drift.\n") == []


def test_the_registry_person_who_signs_a_statement_in_its_last_line_speaks() -> None:
    text = "Statement attributable to the Spokesperson\nThe Secretary-General welcomes the joint statement.\nSam Coe, Spokesman for the Secretary-General\n"
    assert role_speakers(text) == [("sam-coe", "Sam Coe", "signature")]
    # A last line that is a sentence is no signature.
    assert role_speakers("Statement\nThe Secretary-General welcomes it.\nSam Coe, as ever, reads it too.\n") == []


def test_an_unregistered_turn_label_is_named_in_full_when_the_text_gives_the_full_name() -> None:
    text = (
        "Daily Press Briefing\nBriefer: Alex J. Quill, Assistant Secretary, Bureau of Public Affairs\n"
        "MR. QUILL: Good afternoon.\nQUESTION: Any news?\nMR. QUILL: None today.\n"
    )
    assert role_speakers(text) == [(None, "Alex J. Quill", "turn")]
