"""Quote alignment: which passage of a record each quotation and paraphrase of a report renders (pure).

A report's passages are its quotations (the words inside quotation marks, split at sentences and
ellipses) and its reported speech (a sentence with a speech verb, its attribution cut off). The
record's are its sentences, with the speaker of the transcript turn each is in. Two passages are
compared by the content words they share, weighed by how rare each is in the record, so that a
translation that changes most words still shares the names, numbers and terms that carry the
point. Reports follow their record's order most of the time, as parallel texts do, so the
passages are aligned the way sentence aligners align parallel texts (Gale–Church, Vecalign):
one monotonic path through the similarity matrix by dynamic programming, where each aligned
pair gains its similarity less a threshold and any passage may stay unaligned. A passage the path
leaves out is still aligned out of order when it resembles one record passage far more than the
threshold asks: reports do move an answer up to their lead.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from archive.extract import NameIndex, is_role_label, label_person
from archive.extract import fold as fold_name
from archive.model import Article
from archive.search_text import fold, is_stop_word, stem, words
from archive.sentences import split_sentences
from archive.speech_words import SPEECH_VERBS

THRESHOLD = 0.3  # similarity an aligned pair must pass
OUT_OF_ORDER = 0.5  # similarity a pair off the monotonic path must pass
MIN_WORDS = 5  # shorter passages say too little to align
OTHER_VOICE = 0.3  # weight of a record passage in another speaker's turn (a question, an interpreter)
LONG = 25  # words of a record sentence long enough that a report may render only one of its clauses
CLAUSE = 6  # fewest words of a clause compared on its own
KEY = 6  # letters of a stem compared: "ukrainization" and "ukrainisation" are one word

_OPENERS = "“«„"
_CLOSERS = "”»"
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_CLAUSE_BREAK = re.compile(r"[,;:–—]\s+")
_GLUED = re.compile(r"(?<=[a-z][.!?])(?=[A-Z])")  # "Lavrov added.Swiss Foreign Minister": a scrape lost the space
# Verbs that report what someone said without being attributions the speaker finder needs: "referenced the case",
# "compared relations to a hockey game", "as he calls them", "quoted the chief detailing".
REPORTING_VERBS = ("referenced", "referred to", "compared", "described", "mentioned", "cautioned", "calls", "quoted")
# Speech verbs that report the act, not words: "addressed reporters at the embassy" renders no sentence.
ACT_ONLY = ("addressed", "made the remarks")
_VERB = "|".join(sorted(map(re.escape, [v for v in SPEECH_VERBS + REPORTING_VERBS if v not in ACT_ONLY]), key=len, reverse=True))
_TRAILING = re.compile(rf",\s*(?!and\b|but\b)[^,\"“”]{{0,80}}?\b(?:{_VERB})\b[^,\"“”]{{0,60}}[.!?]?$")
_LEADING = re.compile(rf"^[^,\"“”]{{0,120}}?\b(?:{_VERB})\b(?:\s+on\s+\w+)?(?:,)?\s+(?:that\s+)?(?=\w)")
_FRAGMENT = re.compile(r"[“\"«‘]([^“”\"«»‘’]{2,80})[”\"»’]")  # a few words in quotation marks inside a sentence
_SPEECH = re.compile(rf"\b(?:{_VERB})\b|(?i:according to)")  # verbs in lower case: "the United States" states nothing
# "…, where he said …": the attribution ends a clause of the report's own, mid-sentence.
_MIDDLE = re.compile(rf"^[^\"“”]{{0,160}}?,\s+(?:where|when|while|as|and)\s+(?:he|she|they|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)"
                     rf"\s+(?:also\s+)?(?:{_VERB})\b\s+(?:that\s+)?(?=\w)")
_AND_THAT = re.compile(r",?\s+and\s+that\s+")  # "said X and that Y" reports two things
_ACCORDING = re.compile(r"^according to [^,]{1,80},\s*|,?\s*according to [^,]{1,80}[.!?]?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of one block's text: the words a statement would quote."""

    block: int
    start: int
    end: int
    text: str
    kind: str  # "quote" | "paraphrase" | "record"
    speaker: str | None  # registry id of who speaks, where the article says


@dataclass(frozen=True, slots=True)
class Aligned:
    """A report passage, the record passage it renders, and why."""

    report: Passage
    record: Passage
    similarity: float
    in_order: bool
    shared: tuple[str, ...]  # the shared words that weigh most, as the report writes them


def _content(text: str) -> list[tuple[str, str]]:
    """(comparison key, word as written) of each content word: not a stop word, three letters or a digit."""
    found = []
    for word in words(fold(text)):
        if is_stop_word(word) or (len(word) < 3 and not word.isdigit()):
            continue
        found.append((stem(word).replace("y", "i")[:KEY], word))  # transliterations: Sergey/Sergei, Shoygu/Shoigu
    return found


def _spans(text: str, pieces: list[str], offset: int) -> list[tuple[int, int]]:
    """Where each piece lies in text, in order, from offset."""
    spans, position = [], offset
    for piece in pieces:
        start = text.find(piece, position)
        if start < 0:
            continue
        spans.append((start, start + len(piece)))
        position = start + len(piece)
    return spans


def record_passages(article: Article, names: NameIndex) -> list[Passage]:
    """Every sentence of the record's paragraphs and turns, with who speaks it: its turn's person, "?" for a
    question or moderator, else the first registry person the article has speak (its headline's, often)."""
    first = min((s for s in article.speakers if s.person), key=lambda s: s.line, default=None)
    only = first.person if first else None
    found = []
    for index, block in enumerate(article.document.blocks):
        if block.kind == "heading":
            continue
        if not block.label:
            voice = only
        else:
            voice = "?" if is_role_label(block.label) else label_person(block.label, names)
        for start, end in _spans(block.text, _sentences(block.text), 0):
            sentence = block.text[start:end]
            # Outside the turns, a sentence naming the speaker is the page's own ("X held a press conference ...").
            said = "?" if not block.label and only and only in _people(sentence, names) else voice
            found.append(Passage(index, start, end, sentence, "record", said))
    return found


def _sentences(text: str) -> list[str]:
    """Sentences, also where a scrape glued two together."""
    return [part.strip() for sentence in split_sentences(text) for part in _GLUED.split(sentence) if part.strip()]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in a paragraph, inside its marks. A quotation that opens and does not
    close runs to the paragraph's end, and one that closes without opening began at its start: news style
    opens each paragraph of a long quotation and closes only the last."""
    spans, opened, first = [], None, True
    for i, c in enumerate(text):
        if c not in _OPENERS + _CLOSERS + '"':
            continue
        before = text[i - 1:i]
        opener = c in _OPENERS or (c == '"' and (not before or before.isspace() or before in "([—–-"))
        if opener and opened is None:
            opened = i + 1
        elif not opener and opened is not None:
            spans.append((opened, i))
            opened = None
        elif not opener and first:
            spans.append((0, i))
        first = False
    if opened is not None:
        spans.append((opened, len(text)))
    return [(a, b) for a, b in spans if b - a >= 20]


def report_passages(article: Article, names: NameIndex) -> list[Passage]:
    """The report's quotations and its reported speech, each split at sentences and ellipses, in text order."""
    found = []
    for index, block in enumerate(article.document.blocks):
        if block.kind == "heading":
            continue
        text = block.text
        # A quotation too short to align ("the occasional collision") is a fragment: its sentence is the passage.
        quoted = [(a, b) for a, b in quoted_spans(text) if len(words(fold(text[a:b]))) >= MIN_WORDS]
        outside, last = [], 0  # who a quotation is attributed to is named outside the quotation marks
        for start, end in quoted:
            outside.append(text[last:start])
            last = end
        speaker = _named(" ".join(outside + [text[last:]]), names)
        for start, end in quoted:
            for a, b in _pieces(text, start, end):
                found.append(Passage(index, a, b, text[a:b], "quote", speaker))
        for start, end in _spans(text, _sentences(text), 0):
            if any(s < end and start < e for s, e in quoted):
                continue
            sentence = text[start:end]
            if not _SPEECH.search(sentence):
                continue
            kept = _cut_attribution(text, start, end)
            attribution = text[start:kept[0]] + " " + text[kept[1]:end]  # "Lavrov said", ", the minister added"
            for part in _split_joined(text, *kept):
                for a, b in _pieces(text, *part):
                    found.append(Passage(index, a, b, text[a:b], "paraphrase", _named(attribution, names)))
    found = [p for p in found if len(words(fold(p.text))) >= MIN_WORDS]
    return sorted(found, key=lambda p: (p.block, p.start))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of text split at its sentences and ellipses, each piece without trailing commas and the like."""
    pieces = [s for part in _ELLIPSIS.split(text[start:end]) for s in _sentences(part)]
    found = []
    for a, b in _spans(text, pieces, start):
        piece = text[a:b].rstrip(",;: ")
        if piece:
            found.append((a, a + len(piece)))
    return found


def _split_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A reported sentence split where it joins two reported clauses ("… and that …")."""
    spans, position = [], start
    for match in _AND_THAT.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    return spans + [(position, end)]


def _cut_attribution(text: str, start: int, end: int) -> tuple[int, int]:
    """A reported sentence without its attribution: '…, Lavrov said on Friday.' and 'Lavrov said that …' cut off."""
    trailing = _TRAILING.search(text[start:end])
    if trailing and trailing.start() > 20:
        end = start + trailing.start()
    leading = _LEADING.match(text[start:end]) or _MIDDLE.match(text[start:end])
    if leading and end - start - leading.end() > 20:
        start += leading.end()
    according = _ACCORDING.search(text[start:end])
    if according and end - start - len(according.group()) > 20:
        if according.start() == 0:
            start += according.end()
        else:
            end = start + according.start()
    return start, end


def _people(text: str, names: NameIndex) -> set[str]:
    """The registry people a text names."""
    return {person for _, _, person in names.find(fold_name(text))}  # the index holds names as extract folds them


def _named(text: str, names: NameIndex) -> str | None:
    """The one registry person a passage's context names, if exactly one."""
    people = _people(text, names)
    return people.pop() if len(people) == 1 else None


def _fragment_keys(passage: Passage) -> set[str]:
    """The content words a paraphrase puts in quotation marks ("faced 'challenging moments'"): the speaker's own words."""
    if passage.kind != "paraphrase":
        return set()
    return {k for fragment in _FRAGMENT.findall(passage.text) for k, _ in _content(fragment)}


def _fragment_factor(fragment: set[str], record_keys: set[str]) -> float:
    """How a quoted fragment scales a similarity: one word found ("constructive") is too common to raise it."""
    found = len(fragment & record_keys) / len(fragment)
    return min(0.5 + found, 1.0) if len(fragment) < 2 else 0.5 + found ** 2


def verbatim(report: list[Passage], record: list[Passage]) -> np.ndarray:
    """Which pairs' record passage has every word of two or more that the report passage puts in quotation marks."""
    record_keys = [set(k for k, _ in _content(p.text)) for p in record]
    found = np.zeros((len(report), len(record)), dtype=bool)
    for i, passage in enumerate(report):
        fragment = _fragment_keys(passage)
        if len(fragment) >= 2:
            found[i] = [fragment <= keys for keys in record_keys]
    return found


def with_clauses(record: list[Passage]) -> list[Passage]:
    """The record's sentences, each long one followed by its clauses (of CLAUSE words or more, a shorter one joined
    to the next): a report often renders one clause of a long sentence, and the rest of it only dilutes the match."""
    found = []
    for passage in record:
        found.append(passage)
        if len(words(fold(passage.text))) < LONG:
            continue
        parts, position = [], 0
        for match in _CLAUSE_BREAK.finditer(passage.text):
            if parts and len(words(fold(passage.text[parts[-1][0]:parts[-1][1]]))) < CLAUSE:
                parts[-1] = (parts[-1][0], match.start())
            else:
                parts.append((position, match.start()))
            position = match.end()
        parts.append((position, len(passage.text)))
        if len(parts) > 1:
            found += [Passage(passage.block, passage.start + a, passage.start + b, passage.text[a:b], "record", passage.speaker)
                      for a, b in parts if len(words(fold(passage.text[a:b]))) >= CLAUSE]
    return found


def similarity_matrix(report: list[Passage], record: list[Passage], sentences: list[Passage] | None = None
                      ) -> tuple[np.ndarray, list[dict[str, float]]]:
    """Cosine similarity of weighted content words, report passages by record passages; weights log(N/df) over the
    record's sentences (`sentences`; by default the record passages themselves).

    A paraphrase's quoted fragment claims the record's very words: the similarity is scaled from half, where
    the record passage has none of them, to one and a half, where it has all of two or more (three quarters for half)."""
    record_keys = [set(k for k, _ in _content(p.text)) for p in record]
    counted = record if sentences is None else sentences
    df = Counter(k for p in counted for k in {k for k, _ in _content(p.text)})
    n = len(counted) + 1
    weight = {k: math.log(n / c) + 0.5 for k, c in df.items()}
    matrix = np.zeros((len(report), len(record)))
    report_keys = [set(k for k, _ in _content(p.text)) for p in report]
    record_norms = [math.sqrt(sum(weight[k] ** 2 for k in keys)) for keys in record_keys]
    unseen = math.log(n) + 0.5
    for i, keys in enumerate(report_keys):
        norm = math.sqrt(sum(weight.get(k, unseen) ** 2 for k in keys))
        if not norm:
            continue
        for j, other in enumerate(record_keys):
            shared = keys & other
            if shared and record_norms[j]:
                matrix[i, j] = sum(weight[k] ** 2 for k in shared) / (norm * record_norms[j])
        fragment = _fragment_keys(report[i])
        if fragment:
            matrix[i] *= [_fragment_factor(fragment, other) for other in record_keys]
    return matrix, [weight]


def monotonic_path(matrix: np.ndarray, threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """The (report, record) pairs of the best path whose record indices never go back, each pair gaining its similarity less threshold.

    best[i, j] is the most a path through report passages 0..i can gain using record passages
    0..j: either it does not use j, or it aligns i with j after a path through 0..i-1 that used
    passages up to j (so two report passages may render one record passage).
    """
    rows, cols = matrix.shape
    if not rows or not cols:
        return []
    gain = np.maximum(matrix - threshold, 0.0)
    best = np.zeros((rows + 1, cols))
    for i in range(rows):
        best[i + 1] = np.maximum.accumulate(best[i] + gain[i])
    pairs, i, j = [], rows, cols - 1
    while i > 0 and j >= 0:
        if j > 0 and best[i, j] == best[i, j - 1]:
            j -= 1
        elif gain[i - 1, j] > 0 and best[i, j] == best[i - 1, j] + gain[i - 1, j]:
            pairs.append((i - 1, j))
            i -= 1
        else:
            i -= 1
    return sorted(pairs)


def in_order(columns: list[int]) -> list[bool]:
    """Which of a sequence of record positions lie on its longest non-decreasing run (patience sorting)."""
    tails: list[int] = []  # tails[k]: index of the smallest last value of a run of length k + 1
    back = [-1] * len(columns)
    for i, c in enumerate(columns):
        k = bisect.bisect_right([columns[t] for t in tails], c)
        back[i] = tails[k - 1] if k else -1
        tails[k:k + 1] = [i]
    keep = [False] * len(columns)
    i = tails[-1] if tails else -1
    while i >= 0:
        keep[i], i = True, back[i]
    return keep


def align_matrix(matrix: np.ndarray, sure: np.ndarray | None = None) -> dict[int, tuple[int, bool]]:
    """Report passage -> (record passage, in order). A passage whose best match passes OUT_OF_ORDER, or passes
    THRESHOLD with its quoted words all there (`sure`), is an anchor wherever it lies; the others pass THRESHOLD
    only on the monotonic path between their neighbouring anchors, as sentence aligners fill the gaps between sure pairs."""
    rows, cols = matrix.shape
    if not rows or not cols:
        return {}
    best = matrix.argmax(axis=1)
    anchors = {i: int(best[i]) for i in range(rows)
               if matrix[i, best[i]] >= OUT_OF_ORDER or (sure is not None and sure[i, best[i]] and matrix[i, best[i]] >= THRESHOLD)}
    order = dict(zip(anchors, in_order(list(anchors.values()))))
    found = {i: (j, order[i]) for i, j in anchors.items()}
    steady = [i for i in anchors if order[i]]
    weak = [i for i in range(rows) if i not in anchors]
    windowed = np.zeros((len(weak), cols))
    for row, i in enumerate(weak):
        low = max((anchors[a] for a in steady if a < i), default=0)
        high = min((anchors[a] for a in steady if a > i), default=cols - 1)
        windowed[row, low:high + 1] = matrix[i, low:high + 1]
    for row, j in monotonic_path(windowed):
        found[weak[row]] = (j, True)
    return found


def align(report_article: Article, record_article: Article, names: NameIndex) -> list[Aligned]:
    """Each report passage that renders a record passage, with the record passage and the evidence."""
    report, sentences = report_passages(report_article, names), record_passages(record_article, names)
    record = with_clauses(sentences)
    matrix, (weight,) = similarity_matrix(report, record, sentences)
    for j, passage in enumerate(record):
        if passage.speaker == "?":
            matrix[:, j] *= OTHER_VOICE
    for i, passage in enumerate(report):
        for j, other in enumerate(record):
            if passage.speaker and other.speaker and other.speaker not in ("?", passage.speaker):
                matrix[i, j] *= OTHER_VOICE
    found = []
    for i, (j, ordered) in sorted(align_matrix(matrix, verbatim(report, record)).items()):
        passage, other = report[i], record[j]
        written = dict(_content(passage.text))
        shared = set(written) & {k for k, _ in _content(other.text)}
        top = sorted(shared, key=lambda k: (-weight.get(k, 0), k))[:6]
        speaker = other.speaker if other.speaker not in (None, "?") else passage.speaker
        found.append(Aligned(passage, Passage(other.block, other.start, other.end, other.text, "record", speaker),
                             round(float(matrix[i, j]), 3), ordered, tuple(written[k] for k in top)))
    return found
