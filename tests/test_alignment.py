"""archive/alignment.py: report passages, the monotonic path, and alignment of a report with its record."""

from __future__ import annotations

import numpy as np
import pytest

from archive.alignment import (
    Passage, align, align_matrix, in_order, monotonic_path, quoted_spans, record_passages, report_passages, similarity_matrix,
    verbatim, with_clauses,
)
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


def passage(text: str, kind: str = "paraphrase") -> Passage:
    return Passage(0, 0, len(text), text, kind, None)


def test_a_capitalised_verb_is_no_attribution_and_reporting_verbs_open_passages(registry: Registry) -> None:
    text = ("Talks resume\n\nGENEVA, May 4. Delegates of the United States and Canada met in the old town hall on Monday.\n\n"
            "The envoy also referenced the long dispute over fishing quotas in the northern waters.\n")
    texts = [p.text for p in report_passages(article(text, "903_report", registry), name_index(registry.people))]
    assert not any("town hall" in t for t in texts)  # "States" of "the United States" says nothing
    assert any("fishing quotas" in t for t in texts)


def test_a_short_quotation_is_a_fragment_of_its_sentence_which_is_the_passage(registry: Registry) -> None:
    text = ("Envoy on the talks\n\nOSLO, May 4. The envoy likened the round of talks to a long sea voyage with "
            '"the occasional heavy storm," he said on Monday.\n')
    found = report_passages(article(text, "904_report", registry), name_index(registry.people))
    assert [p.kind for p in found] == ["paraphrase"]
    assert "sea voyage" in found[0].text and "heavy storm" in found[0].text


def test_quoted_words_found_in_the_record_raise_a_pair_and_missing_ones_lower_it() -> None:
    report = [passage('The envoy admitted the sides had "rough patches" in their long friendship.')]
    record = [passage("We have had some rough patches, I admit.", "record"),
              passage("Our long friendship has had some difficult patches.", "record"),
              passage("The weather was fine.", "record")]
    plain = [passage("The envoy admitted the sides had rough patches in their long friendship.")]
    quoted, unquoted = similarity_matrix(report, record)[0], similarity_matrix(plain, record)[0]
    assert quoted[0, 0] > unquoted[0, 0] and quoted[0, 1] < unquoted[0, 1]
    assert verbatim(report, record).tolist() == [[True, False, False]]


def test_a_pair_whose_quoted_words_are_all_in_the_record_is_an_anchor_out_of_order() -> None:
    matrix = np.array([[0.1, 0.1, 0.35], [0.9, 0.1, 0.1], [0.1, 0.8, 0.1]])
    assert 0 not in align_matrix(matrix)  # weak, and ahead of the anchors behind it
    sure = np.zeros(matrix.shape, dtype=bool)
    sure[0, 2] = True
    assert align_matrix(matrix, sure)[0] == (2, False)


def test_transliterations_of_one_name_are_one_word() -> None:
    matrix, _ = similarity_matrix([passage("Minister Sergei Shoigu inspected the northern fleet today")],
                                  [passage("I thank Sergey Shoygu for inspecting the fleet.", "record")])
    shared_all = similarity_matrix([passage("Minister Sergey Shoygu inspected the northern fleet today")],
                                   [passage("I thank Sergey Shoygu for inspecting the fleet.", "record")])[0]
    assert matrix[0, 0] == pytest.approx(shared_all[0, 0])


def test_outside_the_turns_a_sentence_naming_the_speaker_is_the_pages_own(registry: Registry) -> None:
    text = ("Press conference\n\nSergey Lavrov held a press conference after the talks in Vienna on May 4.\n\n"
            "Question: What did you discuss?\n\nSergey Lavrov: We had a long and useful discussion about the future of the organisation.\n")
    found = record_passages(article(text, "905_record", registry), name_index(registry.people))
    voice = {p.text[:12]: p.speaker for p in found}
    assert voice["Sergey Lavro"] == "?" and voice["We had a lon"] == "sergey-lavrov"


def test_a_verb_of_the_act_alone_opens_no_passage(registry: Registry) -> None:
    text = ("Envoys meet\n\nOSLO, May 4. Later in the day the two envoys addressed reporters at the old harbour "
            "building on the western side of town.\n")
    assert report_passages(article(text, "906_report", registry), name_index(registry.people)) == []


def test_an_attribution_mid_sentence_is_cut_and_two_reported_clauses_are_two_passages(registry: Registry) -> None:
    text = ("Envoy on the talks\n\nOSLO, May 4. The envoy spoke to the press after the first round, where he said the "
            "fishing fleets would return to the northern grounds and that both sides would meet again in the autumn.\n")
    texts = [p.text for p in report_passages(article(text, "907_report", registry), name_index(registry.people))]
    assert texts == ["the fishing fleets would return to the northern grounds", "both sides would meet again in the autumn."]


def test_a_long_record_sentence_is_also_compared_clause_by_clause() -> None:
    long = passage("As for the fishing fleets of both countries, which have waited a long time in port, they will return "
                   "to the northern grounds next week, and the inspectors will follow them there.", "record")
    found = with_clauses([long, passage("The weather was fine.", "record")])
    assert [p.text for p in found[1:-1]] == ["As for the fishing fleets of both countries",
                                             "which have waited a long time in port",
                                             "they will return to the northern grounds next week",
                                             "and the inspectors will follow them there."]
    assert found[0] == long and found[-1].text == "The weather was fine."
    assert all(long.text[p.start:p.end] == p.text for p in found[:-1])
    report = [passage("The fishing fleets will return to the northern grounds soon")]
    clauses = similarity_matrix(report, found, [long, found[-1]])[0]
    assert clauses[0].argmax() == 3  # the clause it renders, not the whole sentence
