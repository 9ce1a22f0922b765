"""Which outlet wrote a seed: markers it prints, else the office of the official it records."""

from __future__ import annotations

import datetime
import re

import pytest

from archive.model import RawSeed, Registry, Source, SourceMarker
from archive.outlets import extract_source, find_markers
from archive.pipeline import parse_article
from archive.registry import load_registry, registry_from_files
from archive.seeds import decode_seed

from conftest import ANNOTATIONS

TODAY = datetime.date(2026, 12, 1)

PEOPLE = """\
people:
  - id: pat-spokes
    name: Pat Spokes
    aliases: [Mr Spokes, Spokes]
    roles:
      - {title: Spokesperson of the Ministry, from: 2015-01-01, to: 2018-12-31}
      - {title: Press Secretary of the Palace, from: 2021-01-01}
  - id: kim-guest
    name: Kim Guest
    aliases: [MS GUEST]
    roles:
      - {title: Minister of the Island, from: 2010-01-01}
"""
SOURCES = """\
sources:
  - id: ministry
    name: The Ministry
    kind: ministry
    offices: [Spokesperson of the Ministry]
    markers:
      - text: Ministry Online Newsroom
  - id: palace
    name: The Palace
    kind: ministry
    offices: [Press Secretary of the Palace]
"""


def registry_of(people: str = PEOPLE, sources: str = SOURCES) -> tuple[Registry, tuple]:
    files = {"annotations/people.yml": people.encode(), "annotations/sources.yml": sources.encode(), "annotations/topics.yml": b"topics: []\n"}
    return registry_from_files(files)


def parsed(text: str, registry: Registry):
    raw = RawSeed("seeds/x.txt", "x.txt", text.encode())
    article, _ = parse_article(raw, registry, TODAY)
    assert article is not None
    return article


@pytest.fixture(scope="module")
def real_registry() -> Registry:
    registry, problems = load_registry(ANNOTATIONS)
    assert [p for p in problems if p.severity == "error"] == []
    return registry


def seed_text(*lines: str):
    text, _ = decode_seed(RawSeed("seeds/x.txt", "x.txt", "\n".join(lines).encode()))
    return text


def test_source_markers_find_origin_and_republisher(real_registry):
    text = seed_text("MOSCOW, February 19. /TASS/. Text.", "read more in our Telegram-channel https://t.me/The_International_Affairs")
    source, republisher, problems = extract_source(text, real_registry)
    assert (source.value, source.method) == ("tass", "marker")
    assert "'/TASS/' on line 1" in source.evidence
    assert republisher is not None and republisher.value == "international-affairs"
    assert problems == ()


def sources(*markers: tuple[str, str]) -> Registry:
    """A registry of one source per (id, pattern) marker."""
    return Registry(sources=tuple(Source(ident, ident, "other", "", "", (SourceMarker(pattern, "origin"),), None) for ident, pattern in markers))


def test_every_line_every_marker_counts_in_line_then_registry_order():
    text = seed_text("Report by A (and B).", "A again, then B.")
    registry = sources(("b", r"\bB\b"), ("a", re.escape("A")))
    source, _, problems = extract_source(text, registry)
    assert source.value == "a" and "marker 'A' on line 1" in source.evidence
    assert [p.location.line for p in problems] == [1, 2] and all("names source 'b' too" in p.message for p in problems)
    assert [(hit.line, hit.source) for hit in find_markers(text, registry)] == [(1, "b"), (1, "a"), (2, "b"), (2, "a")]


def test_no_marker_means_unknown_source(real_registry):
    source, republisher, _ = extract_source(seed_text("Lavrov said things."), real_registry)
    assert (source.value, republisher) == ("unknown", None)


BRIEFING = (
    "Daily Briefing",
    "MR SPOKES: Good afternoon. I have two items today.",
    "QUESTION: What about the treaty?",
    "MR SPOKES: We will see. The talks go on.",
    "MS GUEST: Thank you for having me.",
)


def test_a_transcript_with_no_marker_is_from_the_outlet_of_its_principal_speakers_office():
    registry, problems = registry_of()
    assert problems == ()
    article = parsed("\n".join((*BRIEFING[:1], "March 3, 2016", *BRIEFING[1:])), registry)
    assert (article.source.value, article.source.method) == ("ministry", "office")
    assert "Pat Spokes (2 transcript turns), Spokesperson of the Ministry" in article.source.evidence
    assert "annotations/sources.yml line 2" in article.source.evidence


def test_the_date_picks_the_office_held_then():
    registry, _ = registry_of()
    assert parsed("\n".join((*BRIEFING[:1], "March 3, 2023", *BRIEFING[1:])), registry).source.value == "palace"


def test_an_undated_record_of_someone_whose_offices_two_outlets_publish_stays_unknown():
    registry, _ = registry_of()
    article = parsed("\n".join(BRIEFING), registry)
    assert article.date.published == "unknown" and article.source.value == "unknown"


def test_an_office_no_outlet_publishes_or_a_tie_in_turns_gives_no_outlet():
    registry, _ = registry_of()
    assert parsed("\n".join(("Talks", "MS GUEST: Welcome. We begin.", "MS GUEST: We end.", "MR SPOKES: Thanks.")), registry).source.value == "unknown"
    tie = ("Talks", "March 3, 2016", "MS GUEST: Welcome. We begin.", "MR SPOKES: Thanks. We agree.")
    assert parsed("\n".join(tie), registry).source.value == "unknown"


def test_a_news_report_quoting_an_official_is_not_their_outlets():
    registry, _ = registry_of()
    article = parsed("\n".join(("Talks stall", "March 3, 2016", "The talks stalled, Pat Spokes said on Thursday. Nothing more was agreed.")), registry)
    assert [s.person for s in article.speakers] == ["pat-spokes"] and article.source.value == "unknown"


def test_a_marker_names_the_outlet_before_any_office_and_its_line_is_never_the_headline():
    registry, _ = registry_of()
    article = parsed("\n".join(("Ministry Online Newsroom", "Treaty talks resume", "March 3, 2023", *BRIEFING[1:])), registry)
    assert (article.source.value, article.source.method) == ("ministry", "marker")
    assert article.title.value == "Treaty talks resume"
    assert [(r.line, r.rule) for r in article.document.removed][:1] == [(1, "above-headline")]


def test_offices_must_be_role_titles_and_belong_to_one_outlet():
    duplicated = SOURCES + "  - id: copy\n    name: Copy\n    kind: ministry\n    offices: [Spokesperson of the Ministry, Spokesman of the Palace]\n"
    _, problems = registry_of(sources=duplicated)
    messages = [(p.severity, p.location.line, p.message) for p in problems]
    assert ("error", 15, "office 'Spokesperson of the Ministry' of source 'copy' is an office of source 'ministry' too (line 5); keep it in one") in messages
    assert any(s == "warning" and line == 15 and "'Spokesman of the Palace'" in m and "did you mean `Press Secretary of the Palace`" in m for s, line, m in messages)


def test_the_title_a_page_gives_its_speaker_picks_the_office_when_the_date_cannot():
    registry, _ = registry_of()
    lines = ("Daily Briefing", "PRESS SECRETARY SPOKES: Good afternoon. I have two items.", "QUESTION: And?", "PRESS SECRETARY SPOKES: No more.")
    article = parsed("\n".join(lines), registry)
    assert article.date.published == "unknown" and (article.source.value, article.source.method) == ("palace", "office")


def test_a_marker_that_is_only_part_of_its_line_leaves_the_line_free_to_be_the_headline():
    sources = SOURCES.replace("Ministry Online Newsroom", "Statement by the Ministry")
    registry, _ = registry_of(sources=sources)
    article = parsed("\n".join(("Statement by the Ministry on the treaty", "March 3, 2016", "The treaty stands. We keep it.")), registry)
    assert article.title.value == "Statement by the Ministry on the treaty" and article.source.value == "ministry"


def test_a_news_headline_quoting_an_official_is_not_their_outlets_record():
    registry, _ = registry_of()
    article = parsed("\n".join(("Pat Spokes: We are ready to talk", "March 3, 2016", "The spokesman said the talks would go on. Nothing more was agreed.")), registry)
    assert [s.person for s in article.speakers] == ["pat-spokes"] and article.source.value == "unknown"


def test_a_credit_line_names_the_writer_before_the_furniture_of_the_site_that_carries_it(real_registry):
    text = seed_text('"primaryCenter": "Carnegie Endowment for International Peace",', "Source: Foreign Affairs", "Ten years ago the treaty was signed.")
    source, _, problems = extract_source(text, real_registry)
    assert (source.value, source.evidence) == ("foreign-affairs", "credit line 'Source: Foreign Affairs' on line 2")
    assert [p.location.line for p in problems] == [1]
    for byline, outlet in (("By REUTERS", "reuters"), ("  • By Al Jazeera", "al-jazeera"), ("By The New York Times.", "new-york-times")):
        assert extract_source(seed_text("Talks resume", byline, "The talks resumed."), real_registry)[0].value == outlet


def test_a_credit_line_naming_no_registered_outlet_names_none(real_registry):
    for line in ("By Richard Solash", "Source: Getty", "By Reuters staff in Moscow"):
        assert extract_source(seed_text("Talks resume", line, "The talks resumed."), real_registry)[0].value == "unknown"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("In progress at UNHQ", "un-press"),
        ("9012th Meeting (AM)", "un-press"),
        ("SC/15011", "un-press"),
        ("EEAS Press Team", "eeas"),
        ("Nato-Russia Council", "nato"),
        ("You are viewing ARCHIVED CONTENT released online from January 20, 2009 to January 20, 2017.", "us-department-of-state"),
        ("Talks must go on: UK statement to the OSCE", "gov-uk"),
        ("MOSCOW, March 3 – RIA Novosti. The talks resumed.", "ria-novosti"),
        ("Try Rev and save time transcribing, captioning, and subtitling.", "rev"),
    ],
)
def test_an_outlets_furniture_names_it(real_registry, line, outlet):
    assert extract_source(seed_text("Talks resume", line, "The talks resumed."), real_registry)[0].value == outlet


def test_an_outlets_furniture_above_the_headline_is_never_the_headline(real_registry):
    article = parsed("\n".join(("In progress at UNHQ", "", "9012th Meeting (AM)", "SC/15011", "", "Council Extends Mission Mandate", "", "The Council met today.")), real_registry)
    assert (article.title.value, article.source.value) == ("Council Extends Mission Mandate", "un-press")


def test_a_tie_in_turns_between_officials_of_one_outlet_is_that_outlets_record():
    deputy = PEOPLE + "  - id: lee-deputy\n    name: Lee Deputy\n    aliases: [MR DEPUTY]\n    roles:\n      - {title: Spokesperson of the Ministry, from: 2012-01-01, to: 2016-12-31}\n"
    registry, problems = registry_of(people=deputy)
    assert problems == ()
    article = parsed("\n".join(("Talks", "March 3, 2016", "MR SPOKES: Welcome. We begin.", "MR DEPUTY: Thanks. We agree.")), registry)
    assert (article.source.value, article.source.method) == ("ministry", "office")
    assert "Pat Spokes (1 transcript turn)" in article.source.evidence


def test_a_records_headline_names_whose_record_it_is():
    registry, _ = registry_of()
    lines = ("Remarks by Press Secretary Pat Spokes on the Treaty", "East Room", "THE SECRETARY: Good afternoon. We have news.")
    article = parsed("\n".join(lines), registry)
    assert (article.source.value, article.source.method) == ("palace", "office")
    assert "named after 'by' in the headline, line 1" in article.source.evidence
    # A news headline about someone's statement is no record of theirs.
    assert parsed("\n".join(("Pat Spokes criticised over statement by the minister", "Nothing more was agreed.")), registry).source.value == "unknown"


def test_a_records_headline_naming_only_an_office_is_the_outlet_of_that_office():
    registry, _ = registry_of()
    article = parsed("\n".join(("Statement by the Press Secretary on the treaty", "The Palace deplores the announcement.")), registry)
    assert (article.source.value, article.source.method) == ("palace", "office")
    assert "a record of the Press Secretary, the title of one office only, Press Secretary of the Palace" in article.source.evidence
    # A title two outlets' offices share says nothing of which.
    shared = SOURCES.replace("offices: [Press Secretary of the Palace]", "offices: [Press Secretary of the Palace, Spokesperson of the Palace]")
    registry, _ = registry_of(sources=shared)
    assert parsed("\n".join(("Statement by the Spokesperson on the treaty", "The treaty stands.")), registry).source.value == "unknown"


@pytest.mark.parametrize(("line", "outlet"), [
    ("MOSCOW, September 3 (RIA Novosti) - The talks resumed.", "ria-novosti"),
    ("Moscow [Russia] August 22 (ANI/Sputnik): The talks resumed.", "sputnik"),  # a wire relaying another's copy
    ("MOSCOW, July 6 AFP - The talks resumed.", "afp"),  # the bracketed short name of "Agence France-Presse (AFP)"
    ("GENEVA (Xinhua) - The talks resumed.", "xinhua"),
])
def test_a_datelines_credit_names_the_wire_that_wrote_the_story(real_registry, line, outlet):
    source, _, _ = extract_source(seed_text("Talks resume", line), real_registry)
    assert (source.value, source.evidence.startswith("credit line")) == (outlet, True)


@pytest.mark.parametrize("line", ["MOSCOW, July 6 (Getty) - The talks resumed.", "Talks in Geneva (Xinhua) were long."])
def test_a_dateline_crediting_no_registered_outlet_or_no_dateline_names_none(real_registry, line):
    assert extract_source(seed_text("Talks resume", line), real_registry)[0].value == "unknown"


def test_of_two_sides_with_as_many_turns_the_record_is_the_hosts_not_the_guests_the_headline_names():
    registry, _ = registry_of()
    lines = ("Press Statements following Meeting with Minister of the Island Kim Guest", "March 3, 2023", "MS GUEST: Thank you. We agree.", "MR SPOKES: Welcome. We begin.")
    article = parsed("\n".join(lines), registry)
    assert (article.source.value, article.source.method) == ("palace", "office")
    # A headline that names neither as met with leaves the tie open.
    lines = ("Press Statements on the Treaty", "March 3, 2023", "MS GUEST: Thank you. We agree.", "MR SPOKES: Welcome. We begin.")
    assert parsed("\n".join(lines), registry).source.value == "unknown"


def test_a_marker_of_how_a_line_begins_finds_it_behind_a_glued_page_date():
    registry = sources(("ministry", r"^The following statement by the Minister\b"))
    text = seed_text("Talks resume", " date 2020-03-03 The following statement by the Minister of Maps was issued today:", "We welcome the talks.")
    assert [(hit.line, hit.source) for hit in find_markers(text, registry)] == [(2, "ministry")]


def test_a_lead_saying_an_outlet_released_the_text_names_it():
    registry, _ = registry_of()
    text = seed_text("Talks resume", "Riverton (Example Wire) The Ministry released the following statement:", "We welcome the talks.")
    source, _, _ = extract_source(text, registry)
    assert (source.value, source.evidence) == ("ministry", "credit line 'The Ministry released the following' on line 2")
    assert extract_source(seed_text("Talks resume", "The Museum released the following statement:", "Hello."), registry)[0].value == "unknown"


def test_a_credit_by_the_sites_address_run_together_with_its_editor_names_the_outlet():
    registry, _ = registry_from_files({
        "annotations/people.yml": b"people: []\n",
        "annotations/sources.yml": b"sources:\n  - id: wire\n    name: Example Wire\n    kind: wire\n    home: https://www.examplewire.com\n",
        "annotations/topics.yml": b"topics: []\n",
    })
    text = seed_text("Talks resume", "来源:EXAMPLEWIRE.COM责任编辑:Jane Doe", "The talks resumed.")
    assert extract_source(text, registry)[0].value == "wire"


def test_a_line_that_is_only_an_outlets_name_is_never_the_headline():
    registry, _ = registry_of()
    article = parsed("The Ministry\n\nMaps Talks End in Riverton\n\nThe talks ended today in Riverton.\n", registry)
    assert article.title.value == "Maps Talks End in Riverton"


def test_an_official_in_the_byline_block_whom_the_headline_names_too_makes_it_their_outlets_record():
    registry, _ = registry_of()
    text = "Remarks of Spokesperson Pat Spokes at the Maps Forum\n\nPat Spokes\nSpokesperson, Office of Maps\nRiverton\nJune 2, 2016\n\nThank you for coming today. Maps matter to all of us.\n"
    assert parsed(text, registry).source.value == "ministry"


def test_a_sites_title_naming_a_registered_outlet_is_its_furniture():
    registry, _ = registry_from_files({
        "annotations/people.yml": b"people: []\n",
        "annotations/sources.yml": b"sources:\n  - id: exo\n    name: EXO\n    kind: international-organization\n",
        "annotations/topics.yml": b"topics: []\n",
    })
    assert extract_source(seed_text("EXO - Example Xeno Organization", "Talks resume", "The talks resumed."), registry)[0].value == "exo"
    assert extract_source(seed_text("EXO - Talks With Riverton Resume", "The talks resumed."), registry)[0].value == "unknown"
