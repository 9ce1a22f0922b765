"""archive/alignment.py: report passages, the monotonic path, and alignment of a report with its record."""

from __future__ import annotations

import numpy as np
import pytest

from archive.alignment import align, align_matrix, in_order, monotonic_path, quoted_spans, report_passages
from archive.extract import name_index
from archive.model import Location, Person, RawSeed, Registry
from archive.pipeline import parse_article
from archive.registry import load_registry

from conftest import ANNOTATIONS, TODAY

RECORD = """Foreign Minister Sergey Lavrov's answers to media questions, Moscow, March 3, 2026

Question: Will Russia extend the moratorium on deploying intermediate-range missiles in Europe?

Sergey Lavrov: The moratorium no longer exists, because the Americans have deployed such systems in Germany. We warned them many times. Our military will decide where and when to respond.

Sergey Lavrov: As for the New START Treaty, we proposed to keep observing its central limits for one more year. Washington has not replied, and we can draw only one conclusion from that silence.

Question: What about the talks on Ukraine in Geneva?

Sergey Lavrov: Geneva was a useful round. The delegations agreed to meet again after consultations with their capitals.
"""

REPORT = """Lavrov: Moscow no longer bound by missile moratorium

MOSCOW, March 3. Russia no longer observes its moratorium on intermediate-range missiles because US systems have been deployed in Germany, Foreign Minister Sergey Lavrov said on Tuesday.

"Our military will determine where and when to answer," the minister told reporters.

Lavrov recalled that Moscow had offered to keep to the New START Treaty's central limits for another year, and said Washington had never answered that offer.

The weather in Moscow was cold.
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ANNOTATIONS)[0]


def article(text: str, name: str, registry: Registry):
    found, _ = parse_article(RawSeed(f"seeds/{name}.txt", f"{name}.txt", text.encode()), registry, TODAY)
    assert found is not None
    return found


def test_the_path_follows_the_diagonal_skips_weak_pairs_and_never_goes_back() -> None:
    matrix = np.array([[0.9, 0.1, 0.1], [0.1, 0.1, 0.8], [0.1, 0.7, 0.1], [0.1, 0.2, 0.6]])
    # Row 2 prefers column 1, behind row 1's column 2: the path keeps the better of the two orders.
    assert monotonic_path(matrix) == [(0, 0), (1, 2), (3, 2)]
    assert monotonic_path(np.full((2, 2), 0.2)) == []
    assert monotonic_path(np.array([[0.6], [0.7]])) == [(0, 0), (1, 0)]  # two passages may render one
    assert monotonic_path(np.zeros((0, 3))) == []


def test_report_passages_are_quotations_and_reported_speech_without_attribution(registry: Registry) -> None:
    passages = report_passages(article(REPORT, "900_report", registry), name_index(registry.people))
    texts = [(p.kind, p.text) for p in passages]
    assert ("quote", "Our military will determine where and when to answer") in texts
    assert ("paraphrase", "Russia no longer observes its moratorium on intermediate-range missiles because US systems "
            "have been deployed in Germany") in texts
    assert not any("weather" in text for _, text in texts)  # no speech verb, no quotation: not a passage


def test_each_report_passage_finds_the_record_sentence_it_renders_and_never_a_question(registry: Registry) -> None:
    names = name_index(registry.people)
    found = align(article(REPORT, "900_report", registry), article(RECORD, "901_record", registry), names)
    def rendered(opening: str) -> str:
        return next(p.record.text for p in found if p.report.text.startswith(opening))

    assert rendered("Russia no longer observes").startswith("The moratorium no longer exists")
    assert rendered("Our military will determine").startswith("Our military will decide")
    assert rendered("Moscow had offered").startswith("As for the New START Treaty")
    assert all(not p.record.text.startswith(("Will Russia", "What about")) for p in found)
    assert all(p.record.speaker == "sergey-lavrov" and p.shared for p in found)


def test_quotations_are_found_inside_their_marks_even_across_paragraphs() -> None:
    text = 'He said: “We will not mirror what Russia does,” and left. Then "we do not want a new arms race" he added.'
    assert [text[a:b] for a, b in quoted_spans(text)] == ["We will not mirror what Russia does,", "we do not want a new arms race"]
    opening = '"Ministers have agreed today that NATO will respond should Russia fail to comply.'
    closing = 'NATO will remain measured and defensive in everything that we do," Stoltenberg said.'
    assert [opening[a:b] for a, b in quoted_spans(opening)] == [opening[1:]]
    assert [closing[a:b] for a, b in quoted_spans(closing)] == ["NATO will remain measured and defensive in everything that we do,"]
    assert quoted_spans("The “INF” treaty and the so-called \"New START\".") == []  # a quoted name is no quotation


def test_strong_pairs_hold_out_of_order_and_weak_ones_only_between_their_anchors() -> None:
    assert in_order([0, 5, 2, 3, 9]) == [True, False, True, True, True]
    matrix = np.array([
        [0.1, 0.1, 0.1, 0.9],  # the report's lead renders the record's last sentence: an anchor out of order
        [0.8, 0.1, 0.1, 0.1],
        [0.1, 0.1, 0.4, 0.1],  # weak, and between its anchors (rows 1 and 3): kept
        [0.1, 0.1, 0.1, 0.7],
        [0.4, 0.1, 0.1, 0.1],  # weak, and behind the anchor before it: dropped
    ])
    assert align_matrix(matrix) == {0: (3, False), 1: (0, True), 2: (2, True), 3: (3, True)}


def test_a_name_the_registry_writes_with_a_letter_folding_keeps_is_still_its_speaker() -> None:
    # "ø" has no decomposition: the name index keeps it, so passages must be folded as the index is.
    here = Location("annotations/people.yml", 1)
    registry = Registry(people=(Person("jonas-gahr-store", "Jonas Gahr Støre", (), (), here),))
    text = ("Norway backs talks\n\nOSLO, March 3. Prime Minister Jonas Gahr Støre said the talks on arms control "
            "must resume before the end of the year.\n")
    passages = report_passages(article(text, "902_report", registry), name_index(registry.people))
    assert [(p.kind, p.speaker) for p in passages] == [("paraphrase", "jonas-gahr-store")]
