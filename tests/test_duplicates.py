"""archive/duplicates.py: both channels propose the right pairs, and judge() weighs text, dates and people."""

from __future__ import annotations

import random

from archive.duplicates import MAX_SHARED, Evidence, candidate_pairs, containing_pairs, date_gap, judge, resembling_pairs
from archive.fingerprints import fingerprint

WORDS = ("treaty missile talks minister warheads moscow washington geneva dialogue inspections verification "
         "launchers bombers submarines delegation proposal extension limits deployed strategic").split()


def prose(seed: int, sentences: int = 12) -> list[str]:
    """Sentences of random words: texts that share nothing but chance."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) + str(rng.randint(0, 99)) for _ in range(12)) + "." for _ in range(sentences)]


def test_lsh_pairs_a_light_rewrite_and_the_sample_index_a_heavier_one_and_neither_unrelated_texts() -> None:
    story = prose(1)
    light = story[:10] + prose(2, 2)  # a sixth of the sentences changed: Jaccard about 0.7
    heavy = story[:8] + prose(3, 4)  # a third changed: Jaccard about 0.5, under LSH's threshold or near it
    texts = [" ".join(story), " ".join(light), " ".join(heavy)] + [" ".join(prose(10 + i)) for i in range(20)]
    prints = [fingerprint(t) for t in texts]
    assert {(0, 1)} <= resembling_pairs(prints) <= {(0, 1), (0, 2), (1, 2)}
    assert {(0, 1), (0, 2), (1, 2)} == set(candidate_pairs(prints))


def test_the_sample_index_pairs_a_report_inside_its_record() -> None:
    record = prose(3, 40)
    report = record[5:9] + prose(4, 6)  # four of the record's forty sentences, among its own
    texts = [" ".join(record), " ".join(report)] + [" ".join(prose(20 + i, 20)) for i in range(10)]
    prints = [fingerprint(t) for t in texts]
    assert (0, 1) not in resembling_pairs(prints)
    assert containing_pairs(prints) == {(0, 1)} and candidate_pairs(prints) == [(0, 1)]


def test_a_passage_more_texts_share_than_max_shared_proposes_no_pair() -> None:
    boilerplate = " ".join(prose(5, 6))
    texts = [boilerplate + " " + " ".join(prose(100 + i, 30)) for i in range(MAX_SHARED + 1)]
    assert containing_pairs([fingerprint(t) for t in texts]) == set()


def test_date_gap_is_zero_when_dates_can_be_one_day_and_none_when_unknown() -> None:
    assert date_gap("2026-02-06", "2026-02") == 0
    assert date_gap("2026-02-06", "2026-02-09") == 3 and date_gap("2026-02-09", "2026-02-06") == 3
    assert date_gap("2026-02-06", "unknown") is None


def test_judge_weighs_a_reports_containment_by_its_dates_and_people_and_a_copy_by_its_text() -> None:
    report = Evidence(0.03, 0.2, 0, ("sergey-lavrov", "antony-blinken"))
    assert judge(report) == 1.0
    assert judge(Evidence(0.03, 0.2, 40, report.shared_people)) < 0.5  # a month apart: another event
    assert judge(Evidence(0.03, 0.2, None, ("jens-stoltenberg",))) < 0.5  # one person, no date: a repeated line
    assert 0.5 <= judge(Evidence(0.03, 0.2, 0, ("jens-stoltenberg",))) < judge(report)
    assert judge(Evidence(0.95, 1.0, None, ())) == 1.0  # a copy whose date the text does not give
    assert judge(Evidence(0.95, 1.0, 30, ())) < 0.5
    assert judge(Evidence(0.02, 0.03, 0, ("sergey-lavrov",))) < 0.5
