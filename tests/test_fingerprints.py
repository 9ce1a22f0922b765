"""archive/fingerprints.py: shingles that ignore case, accents and quote styles; exact and estimated similarity."""

from __future__ import annotations

from archive.fingerprints import SAMPLE, containment, fingerprint, jaccard, shingle_hashes, text_words

STORY = ("Russia is ready to discuss security issues with the United States within the framework of strategic "
         "stability dialogue, the minister said on Friday after talks with his Swiss counterpart in Moscow.")


def test_case_accents_and_quote_styles_do_not_change_the_shingles() -> None:
    plain = fingerprint('He met Sinirlioglu and said "we are ready" to talk.')
    styled = fingerprint("HE MET Sinirlioğlu and said “we are ready” to talk.")
    assert plain.shingles.tolist() == styled.shingles.tolist()
    assert text_words("Sinirlioğlu’s “talks”") == ["sinirlioglus", "talks"]


def test_a_copy_resembles_whole_and_a_part_is_contained() -> None:
    copy = fingerprint("Menu Home Subscribe\n" + STORY + "\nShare this article")
    part = fingerprint(STORY.split(",")[0])
    other = fingerprint("The weather in Vienna was cold and grey for the whole of the week, with snow on Sunday.")
    story = fingerprint(STORY)
    assert jaccard(story, copy) > 0.8 and jaccard(story, other) == 0.0
    assert containment(story, part) == 1.0 and jaccard(story, part) < 0.6
    assert abs(story.signature.jaccard(copy.signature) - jaccard(story, copy)) < 0.15  # MinHash estimates it


def test_a_text_shorter_than_a_shingle_hashes_its_words_and_an_empty_one_nothing() -> None:
    assert len(shingle_hashes(["new", "start"])) == 2
    assert fingerprint("").size == 0 and fingerprint("").sample.size == 0


def test_the_sample_is_the_same_shingles_in_every_text_that_has_them() -> None:
    story, longer = fingerprint(STORY), fingerprint(STORY + " He added that Moscow would wait for a reply.")
    assert all(h % SAMPLE == 0 for h in story.sample.tolist())
    assert set(story.sample.tolist()) <= set(longer.sample.tolist())
    assert fingerprint(STORY).signature.hashvalues.tolist() == story.signature.hashvalues.tolist()
