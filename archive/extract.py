"""Metadata a seed's text can tell: title, the registry's names and titles in it, transcript turns, topics, language (pure)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from archive.declension import name_forms
from archive.date_text import without_dateline
from archive.memo import by_identity
from archive.model import (
    Block,
    Document,
    Finding,
    Person,
    Registry,
    Source,
    SpeakerFinding,
    Term,
    Topic,
    TopicFinding,
)
from archive.rules import CJK_LETTERS, GLUED_DATE, MEDIA_LABEL_WORDS, NON_PERSON_LABELS, TITLE_WORDS
from archive.sentences import split_sentences

STOPWORDS = {
    "en": "the of and to in is that for on with as was by it he said at from this be are have".split(),
    "ru": "и в не на что с по это как он к из о но за от для то все так".split(),
    "es": "el la de que y en los del se las por un una con para es al lo como".split(),
    "fr": "le la de et les des en du un une est que pour dans qui sur pas au".split(),
    "de": "der die und das den zu mit von ist des sich nicht ein eine auf dem im für".split(),
}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching: 'Sinirlioğlu' -> 'sinirlioglu'."""
    return _fold_short(text) if len(text) < 256 else _fold(text)


def _fold(text: str) -> str:
    return _without_marks(unicodedata.normalize("NFKD", text.replace("ı", "i").replace("’", "'"))).casefold()


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _without_marks(decomposed: str) -> str:
    """Decomposed text without its combining marks; only runs of non-ASCII characters can hold one, so only they are read."""
    return _NON_ASCII.sub(lambda run: "".join(c for c in run.group() if not unicodedata.combining(c)), decomposed)


# Names, words and sentences recur across articles; whole texts do not, and would only fill the cache.
_fold_short = functools.lru_cache(maxsize=1 << 16)(_fold)


def matchable(text: str) -> bool:
    """Whether text keeps a letter or digit once folded: one that does not (a lone accent, a dash) matches anywhere."""
    return any(c.isalnum() for c in fold(text))


def strip_accents(text: str) -> str:
    """Remove diacritics but keep case, for case-sensitive keyword matching."""
    return _without_marks(unicodedata.normalize("NFKD", text.replace("’", "'")))


def body_text(document: Document) -> str:
    """The article's text as one string: headline and blocks, one per line."""
    parts = [document.headline.text] if document.headline else []
    parts.extend(block.text for block in document.blocks)
    return "\n".join(parts)


def count_words(document: Document) -> int:
    """Words in headline and body."""
    return len(WORD.findall(body_text(document)))


def extract_title(document: Document) -> Finding:
    """The headline, or a short title derived from the lead when the seed has none."""
    if document.headline is not None:
        glued = GLUED_DATE.fullmatch(document.headline.text)
        if glued:  # a store's stamp glued before the headline is the page's date, not its title
            return Finding(glued.group("rest"), "headline", f"headline on line {document.headline.number} of the seed, after its date stamp")
        return Finding(document.headline.text, "headline", f"headline on line {document.headline.number} of the seed")
    lead = next((b for b in document.blocks if b.kind != "heading" and b.text.strip()), None)
    if lead is None:
        return Finding(f"Untitled ({document.text.raw.id})", "unknown", "the seed has no headline and no text")
    return Finding(derive_title(lead.text), "derived", f"the seed has no headline; derived from the first sentence of the lead (line {lead.line})")


def derive_title(lead: str, max_words: int = 14) -> str:
    """A headline-length title from a lead paragraph past its dateline: its first sentence, cut at a clause break."""
    sentence = split_sentences(without_dateline(lead))[0].strip()
    words = sentence.split()
    if len(words) > max_words:
        clause = re.split(r"[,;:–—]\s", sentence)[0].split()
        words = clause if 4 <= len(clause) <= max_words else words[:max_words] + ["…"]
    return " ".join(words).rstrip(".,;: ")


_CJK = re.compile(f"[{CJK_LETTERS}]")


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every name and alias of the registry, folded (a Russian one in each case), mapped to person ids."""

    ids: dict[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def build(cls, people: tuple[Person, ...]) -> NameIndex:
        ids = {form: p.id for p in people for name in (p.name, *p.aliases) if matchable(name) for form in name_forms(fold(name))}
        names = sorted(ids, key=len, reverse=True)
        # Chinese and Japanese write no spaces between words: their names stand anywhere ("俄罗斯总统普京22日表示").
        spaced = "|".join(re.escape(n) for n in names if not _CJK.search(n))
        unspaced = "|".join(re.escape(n) for n in names if _CJK.search(n))
        alternatives = []
        if spaced:
            alternatives.append(rf"(?<![\w-])(?:{spaced})(?![\w-])")
        if unspaced:
            alternatives.append(f"(?:{unspaced})")
        pattern = re.compile("|".join(alternatives)) if alternatives else None
        return cls(ids, pattern)

    def find(self, folded: str) -> list[tuple[int, int, str]]:
        """(start, end, person id) of every name in a folded text, longest names first."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.ids[m.group(0)]) for m in self.pattern.finditer(folded)]


@by_identity(maxsize=8)
def name_index(people: tuple[Person, ...]) -> NameIndex:
    """The registry's name index, built once per registry rather than once per article."""
    return NameIndex.build(people)


TITLE_SEQUENCES = sorted((fold(t).split() for t in TITLE_WORDS), key=len, reverse=True)
# The same sequences by their first and by their last word, longest first, so a word is tried only against the titles it can start or end.
TITLES_BY_FIRST: dict[str, list[list[str]]] = {}
TITLES_BY_LAST: dict[str, list[list[str]]] = {}
for _title in TITLE_SEQUENCES:
    TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)
    TITLES_BY_LAST.setdefault(_title[-1], []).append(_title)
FOLDED_TITLES = frozenset(fold(t) for t in TITLE_WORDS)
FOLDED_ROLE_LABELS = frozenset(fold(x) for x in NON_PERSON_LABELS)
FOLDED_TITLE_TOKENS = frozenset(word for title in TITLE_SEQUENCES for word in title)


@dataclass(frozen=True, slots=True)
class NamedSentence:
    """A sentence of the headline or a block, folded, with the registry names in it as (start, end, person id) of the fold."""

    line: int
    text: str
    folded: str
    names: tuple[tuple[int, int, str], ...]


def named_sentences(document: Document, registry: Registry) -> tuple[NamedSentence, ...]:
    """Every sentence of the headline and the blocks, in reading order, with the registry names found in it.

    Finding names is the costly part of reading speakers and titles; both read this one pass.
    """
    index = name_index(registry.people)
    texts = ([(document.headline.number, document.headline.text)] if document.headline else []) + [
        (b.line, b.text) for b in document.blocks
    ]
    found = []
    for line, text in texts:
        for sentence in split_sentences(text):
            folded = fold(sentence)
            found.append(NamedSentence(line, sentence, folded, tuple(index.find(folded))))
    surnames = _surnames_named(found, registry)
    return tuple(_with_surnames(sentence, surnames) for sentence in found) if surnames else tuple(found)


def _surnames_named(sentences: list[NamedSentence], registry: Registry) -> dict[str, str]:
    """The folded surname of each registry person a text names in full, when no other person it names shares it.

    A surname too common to be a registry alias ("Clinton", "Wang", "Price") names the person the text
    has already called by their whole name: "Secretary of State Hillary Clinton ... Clinton called it".
    """
    people = {p.id: p for p in registry.people}
    named = {person for sentence in sentences for _, _, person in sentence.names}
    by_surname: dict[str, set[str]] = {}
    for person in named:
        words = fold(people[person].name).split()
        if len(words) > 1:
            by_surname.setdefault(words[-1], set()).add(person)
    ids = name_index(registry.people).ids
    return {surname: next(iter(owners)) for surname, owners in by_surname.items() if len(owners) == 1 and surname not in ids}


def _with_surnames(sentence: NamedSentence, surnames: dict[str, str]) -> NamedSentence:
    """The sentence with its bare surnames of people named in full added, each standing alone, not after a capitalised word.

    "Bill Clinton" and "President Clinton" are left out: a capitalised word before the surname may make it another person's.
    """
    taken = [(start, end) for start, end, _ in sentence.names]
    written = as_written(sentence.text, sentence.folded)
    added = []
    for match in re.finditer(r"(?<![\w'-])[^\W\d_]+(?![\w-])", sentence.folded):
        surname = match.group(0)
        if surname not in surnames or any(start < match.end() and match.start() < end for start, end in taken):
            continue
        before = written(0, match.start()).split()
        if before and before[-1][:1].isupper():
            continue
        added.append((match.start(), match.end(), surnames[surname]))
    return replace(sentence, names=tuple(sorted(sentence.names + tuple(added)))) if added else sentence


def is_role_label(label: str) -> bool:
    """Whether a transcript label names a role ("QUESTION", "Moderator") rather than a person."""
    return fold(label).strip() in FOLDED_ROLE_LABELS


def strip_titles(name: str) -> str:
    """'SECRETARY KERRY' -> 'KERRY', 'Foreign Minister Sergey Lavrov' -> 'Sergey Lavrov'."""
    words = name.split()
    folded = [fold(w).rstrip(".") for w in words]
    first = 0  # words before it are titles; an index rather than slices keeps a run of titles linear
    stripped = True
    while stripped and len(words) - first > 1:
        stripped = False
        for title in TITLES_BY_FIRST.get(folded[first], ()):
            end = first + len(title)
            if len(words) > end and folded[first:end] == title:
                first = end
                stripped = True
                break
        # A title's own "of" and the word it governs: "SECRETARY OF DEFENSE JANE DOE", "President of Russia Vladimir Putin".
        if stripped and folded[first] in ("of", "for"):
            governed = first + 1 + (folded[first + 1 : first + 2] == ["the"])
            if len(words) > governed + 2:
                first = governed + 1
    return " ".join(words[first:])


def label_person(label: str, index: NameIndex) -> str | None:
    """The registry id of the person a transcript label names ("SECRETARY KERRY", "Sergey Lavrov"), or None."""
    found = index.ids.get(fold(strip_titles(label))) or index.ids.get(fold(label))
    if found is None:  # "President of Russia Vladimir Putin": the one registry name inside the label
        named = {person for _, _, person in index.find(fold(label))}
        found = named.pop() if len(named) == 1 else None
    return found


# Titles of courtesy say nothing of an office.
COURTESY_TITLES = frozenset({"mr", "ms", "mrs", "dr", "prof", "sir", "madam"})
# A word before a title that puts the office outside the article's time ("former Secretary Kerry").
NOT_NOW = frozenset({"former", "ex", "then", "late", "future", "incoming", "designate", "would-be", "next"})
# Words that make a lesser office of the same name: "Secretary Blinken" is not the Deputy Secretary.
RANK_WORDS = frozenset({"deputy", "vice", "under", "assistant", "associate", "acting"})
_TITLE_WORD = re.compile(r"[^\W\d_]+")


def extract_terms(
    document: Document, registry: Registry, sentences: tuple[NamedSentence, ...] | None = None
) -> tuple[Term, ...]:
    """Titles written right before a registry person's name, in the text or a turn label, each with the roles of theirs it fits.

    "Secretary Blinken" fits Antony Blinken's "Secretary of State": every word of the title is a word
    of the role's. A title that fits none of the person's roles gives no term; one after "former" is
    a term of the roles the person has left (the text is later than their end).
    `sentences` are named_sentences(document, registry), found here when not given.
    """
    index = name_index(registry.people)
    people = {p.id: p for p in registry.people}
    by_line: dict[int, list[NamedSentence]] = {}
    for sentence in named_sentences(document, registry) if sentences is None else sentences:
        by_line.setdefault(sentence.line, []).append(sentence)
    # Reading order: the headline, then each block, a turn's label before its text; a label is read once.
    read = list(by_line.get(document.headline.number, [])) if document.headline else []
    labels: set[str] = set()
    for block in document.blocks:
        if block.kind == "turn" and block.label not in labels:
            labels.add(block.label)
            folded = fold(block.label)
            read.append(NamedSentence(block.line, block.label, folded, tuple(index.find(folded))))
        read += by_line.get(block.line, [])
    terms: dict[tuple[str, str], Term] = {}
    for sentence in read:
        written = as_written(sentence.text, sentence.folded)
        for start, end, person in sentence.names:
            found = _title_before(sentence.folded, start, role_words(people[person]))
            if found is None:
                continue
            title_start, former = found
            title = title_words(sentence.folded[title_start:start])
            roles = tuple(r for r in people[person].roles if fits_title(title, r.title) and (r.end or not former))
            if roles:
                quote = written(title_start, end)
                terms.setdefault((person, fold(quote)), Term(person, quote, sentence.line, roles, former))
    return tuple(terms.values())


def title_words(written: str) -> set[str]:
    """The words of a title as written, folded, less courtesies and gender: "Spokeswoman" -> {"spokesperson"}."""
    return {_plain(w) for w in _TITLE_WORD.findall(fold(written))} - COURTESY_TITLES


def fits_title(words: set[str], title: str) -> bool:
    """Whether every word of a written title is in a role's title, and the role is no lesser rank the written one leaves out."""
    of_title = {_plain(w) for w in _TITLE_WORD.findall(fold(title))}
    return bool(words) and words <= of_title and not (of_title & RANK_WORDS) - words


def _plain(word: str) -> str:
    """A title word with its gender left out: "spokesman" and "spokeswoman" are a "spokesperson"."""
    return GENDERED_TITLE_WORDS.get(word, word)


GENDERED_TITLE_WORDS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairwoman": "chairman", "chairperson": "chairman"}
# Words of a role title too common to be part of a written title: "talks with the Secretary" is no "the Secretary".
FUNCTION_WORDS = frozenset({"the", "of", "for", "and", "to", "a", "an", "in", "on"})


@by_identity(maxsize=1 << 12)
def role_words(person: Person) -> frozenset[str]:
    """The words of a person's role titles, less function words: those that may qualify a title ("State Department spokesman")."""
    return frozenset(w for role in person.roles for w in _TITLE_WORD.findall(fold(role.title))) - FUNCTION_WORDS


def _title_before(folded: str, name_start: int, qualifiers: frozenset[str] = frozenset()) -> tuple[int, bool] | None:
    """Where the run of titles ending right before a name begins, and whether it is a former one
    ("former US President Joe Biden": "former" within two words before it); None when no title is there.

    Words of `qualifiers` just before the titles belong to the run: the "State Department" of "State
    Department spokesman Ned Price", the "White House" of "White House Spokesperson Jen Psaki", which
    then fits only the person's offices that have those words.
    """
    offset = max(0, name_start - 80)
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", folded[offset:name_start])]
    first = len(words)
    stripped = True
    while stripped and first:
        stripped = False
        for title in TITLES_BY_LAST.get(words[first - 1][1].rstrip("."), ()):
            begin = first - len(title)
            if begin >= 0 and [w.rstrip(".") for _, w in words[begin:first]] == title:
                first = begin
                stripped = True
                break
    if first == len(words):
        return None
    while first and words[first - 1][1] in qualifiers:
        first -= 1
    before = {word.rstrip("-") for _, word in words[max(0, first - 2) : first]}
    if before & (NOT_NOW - {"former", "ex"}):
        return None  # "the late", "incoming": no term to bound by
    return offset + words[first][0], bool(before & {"former", "ex"})


def turn_speakers(document: Document, registry: Registry) -> tuple[SpeakerFinding, ...]:
    """The speaker of each transcript turn a person's label opens (not a role's, "QUESTION"), in order, one a turn."""
    index = name_index(registry.people)
    outlets = _outlet_names(registry.sources)
    found = [
        _speaker_from_label(block, index)
        for block in document.blocks
        if block.kind == "turn" and not is_role_label(block.label) and not _names_outlet(block.label, outlets)
    ]
    surnames = {s.name for s in found if s.person is None and len(s.name.split()) == 1}
    full = {surname: name for surname in surnames if (name := _full_name(surname, document))}
    return tuple(replace(s, name=full[s.name]) if s.person is None and s.name in full else s for s in found)


@by_identity(maxsize=8)
def _outlet_names(sources: tuple[Source, ...]) -> frozenset[str]:
    """Registered outlets' names, folded, with and without a bracketed gloss: "cgtn (china global television network)", "cgtn"."""
    return frozenset(name for source in sources for name in (fold(source.name), fold(re.sub(r"\s*\(.*\)$", "", source.name))))


def _names_outlet(label: str, outlets: frozenset[str]) -> bool:
    """Whether a turn label names a news outlet, as a press conference labels a question by who asks it ("Example Daily:")."""
    folded = fold(label)
    return folded in outlets or folded.removeprefix("the ") in outlets or bool(set(folded.split()) & MEDIA_LABEL_WORDS)


def _speaker_from_label(block: Block, index: NameIndex) -> SpeakerFinding:
    name = strip_titles(block.label)
    written = name.title() if name.isupper() else name
    return SpeakerFinding(label_person(block.label, index), written, block.line, "turn")


def _full_name(surname: str, document: Document) -> str | None:
    """The first full name the text gives that ends in a turn label's bare surname ("Briefer: Philip J. Crowley"
    for "MR. CROWLEY"), titles left out; None when it gives none."""
    pattern = re.compile(rf"(?<![\w'’.-])(?:[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)*)+{re.escape(surname)}(?![\w'’-])")
    for block in document.blocks:
        for match in pattern.finditer(block.text):
            name = strip_titles(match.group(0))
            if len(name.split()) > 1:
                return name
    return None


def as_written(sentence: str, folded: str) -> Callable[[int, int], str]:
    """A function from a span of the folded sentence to the same words as the sentence writes them.

    Folding keeps lengths for most scripts, so a span is the same in both; where it does not
    ("ß" folds to "ss"), each character's folded length maps the span back, computed once a sentence.
    """
    if len(folded) == len(sentence):
        return lambda start, end: sentence[start:end]
    starts = list(itertools.accumulate((len(_fold(c)) for c in sentence), initial=0))
    return lambda start, end: sentence[bisect.bisect_right(starts, start) - 1 : bisect.bisect_left(starts, end)]


def extract_topics(document: Document, registry: Registry) -> tuple[TopicFinding, ...]:
    """Topics whose keywords occur in the text, with the phrases and their counts."""
    text = strip_accents(body_text(document))
    haystacks = {True: text, False: fold(text)}
    found = []
    for topic, keyword_sets in zip(registry.topics, _topic_keywords(registry.topics)):
        counts: Counter[str] = Counter()
        for case_sensitive, keyword_of in keyword_sets:
            haystack = haystacks[case_sensitive]
            # Most topics are not in a given text at all: a plain search spares compiling and running their pattern.
            if any(key in haystack for key in keyword_of):
                counts.update(keyword_of[m.group(0)] for m in _keyword_pattern(tuple(keyword_of)).finditer(haystack))
        if counts:
            found.append(TopicFinding(topic.id, tuple((k, counts[k]) for k in topic.keywords if counts[k])))
    return tuple(found)


@by_identity(maxsize=8)
def _topic_keywords(topics: tuple[Topic, ...]) -> tuple[tuple[tuple[bool, dict[str, str]], ...], ...]:
    """Per topic, its case-sensitive keywords and the rest, each as the text matched -> the keyword.

    A keyword with a capital letter matches case-sensitively ("New START" is not "a new start").
    """
    found = []
    for topic in topics:
        keyword_sets = []
        for case_sensitive in (True, False):
            keyword_of = {
                (strip_accents(k) if case_sensitive else fold(k)): k
                for k in topic.keywords
                if (k != k.lower()) == case_sensitive and matchable(k)
            }
            if keyword_of:
                keyword_sets.append((case_sensitive, keyword_of))
        found.append(tuple(keyword_sets))
    return tuple(found)


@functools.lru_cache(maxsize=1 << 12)
def _keyword_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    """One topic's keywords as whole words, longest first: where they overlap ("strategic stability dialogue"), the longest counts."""
    alternatives = "|".join(map(re.escape, sorted(keys, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def detect_language(document: Document) -> Finding:
    """The language by share of common function words; 'und' when too little text to tell."""
    words = [fold(w) for w in WORD.findall(body_text(document))]
    if len(words) < 20:
        return Finding("und", "unknown", f"only {len(words)} words: too little text to tell")
    counts = Counter(words)
    shares = {lang: sum(counts[w] for w in stop) / len(words) for lang, stop in STOPWORDS.items()}
    best = max(sorted(shares), key=shares.__getitem__)
    if shares[best] < 0.08:
        return Finding("und", "unknown", f"no language's common words reach 8% of the text (best: {best} {shares[best]:.0%})")
    return Finding(best, "stopwords", f"common {best} words make up {shares[best]:.0%} of {len(words)} words")
