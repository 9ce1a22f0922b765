"""Metadata a seed's text can tell: title, source, speakers, topics, language (pure)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from archive.date_text import without_dateline
from archive.memo import by_identity
from archive.model import (
    Block,
    Document,
    Finding,
    Person,
    Problem,
    Registry,
    SpeakerFinding,
    Term,
    Topic,
    TopicFinding,
    warning,
)
from archive.rules import BYLINE_BLOCK, NAME_PARTICLES, NON_PERSON_LABELS, TITLE_WORDS
from archive.structure import split_sentences, turn_label

# Verbs that attribute words to a person ("Lavrov said", "said Lavrov").
SPEECH_VERBS = (
    "said", "says", "told", "added", "adds", "stressed", "stresses", "emphasized", "emphasised",
    "emphasizes", "noted", "notes", "warned", "warns", "explained", "explains", "stated", "states",
    "asserted", "argued", "argues", "declared", "remarked", "recalled", "continued", "pointed out",
    "underlined", "underscored", "insisted", "reiterated", "commented", "replied", "answered",
    "claimed", "announced", "urged", "condemned", "slammed", "affirmed", "acknowledged",
    "admitted", "wrote", "tweeted", "observed", "suggested", "confirmed", "denied", "criticized",
    "criticised", "believes", "thinks", "asked", "expressed", "proposed", "addressed", "called it", "calling it", "made the remarks",
    "informed", "assured", "vowed",
    "released the following statement", "issued the following statement", "released a statement", "issued a statement",
)
# Nouns that introduce someone's words ("statements from X", "remarks attributed to X").
SPEECH_NOUNS = ("statement", "statements", "remarks", "comments", "words", "interview", "message", "announcement", "briefing", "speech", "address")
# Words that show a capitalised run is an organisation or place, not a person.
NOT_PERSON_WORDS = frozenset(
    """ministry committee office department council agency government kremlin embassy
    commission organization organisation alliance union nations parliament duma senate
    service services press center centre news agency times post journal house court
    federation republic kingdom states army forces navy staff directorate secretariat
    moscow washington kiev kyiv beijing london paris berlin vienna geneva russia ukraine
    china america europe european russian american ukrainian chinese british french
    western nato osce un eu the a this that these those his her their our its
    ministers leaders members officials diplomats delegations g7 g20 arms control security affairs
    as i i've i'm i'd i'll we we've you he she it they but and so if when""".split()
)
# After a name that follows a speech verb, words that make it the subject of what is said: "says Trump has".
CLAUSE_AFTER = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|should|must|could|can|may|might|yet|did|does|do|not)\b")
# Words that, between a speech verb and a name, show the name is not the speaker
# ("said that Putin signed").
CLAUSE_WORDS = frozenset("that whether if how what when why because which who while as".split())

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


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every name and alias of the registry, folded, mapped to person ids."""

    ids: dict[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def build(cls, people: tuple[Person, ...]) -> NameIndex:
        ids = {fold(name): p.id for p in people for name in (p.name, *p.aliases) if matchable(name)}
        names = sorted(ids, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None
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


_VERBS = "|".join(sorted(map(re.escape, SPEECH_VERBS), key=len, reverse=True))
# Verbs that may come before their speaker ("said Lavrov", "quoted Ryabkov as saying"); "told X" names the listener instead.
INVERTED_VERBS = "said|says|added|adds|noted|stressed|explained|continued|recalled|wrote|stated|emphasized|emphasised|quoted"
# Words that may stand between such a verb and the name: titles and roles ("said Deputy Foreign Minister X").
ROLE_WORDS = frozenset(
    """foreign minister deputy spokeswoman spokesman spokesperson envoy ambassador high representative permanent
    secretary general chief head president prime state press official officials director chairman
    chairperson chair senior former top diplomat russia's russian us u.s. of for to
    under assistant arms control international security affairs political and ministry department""".split()
)
# After a name: optional ", role clause," then optional adverbs, then a speech verb.
VERB_AFTER_REACH = 240  # characters after a name it reads: a role clause of 160, the adverbs and the verb
# The role clause may hold an abbreviation's stops: ", the U.S. Permanent Representative to the Conference,".
VERB_AFTER = re.compile(rf"^(?:\s*\([^()]{{1,30}}\))?(?:,(?:[^.;:]|\b[a-z]\.(?:[a-z]\.)+){{1,160}}?,)?\s+(?:(?:has|had|have|also|further|then|later|previously|once again|again)\s+)*(?:{_VERBS})\b")
# Before a name: an inverted speech verb, "according to", or "statements from", then the words between.
# ("statements on the treaty made by Under Secretary X": the noun may stand a few words before "made by").
VERB_BEFORE = re.compile(
    rf"\b(?:(?:{INVERTED_VERBS})|according to|attributed to|(?:{'|'.join(SPEECH_NOUNS)}) (?:from|by|of|attributed to)"
    rf"|(?:{'|'.join(SPEECH_NOUNS)})(?:\s+[^\s.;]+){{0,8}}?\s+made by)\b((?:\s+[^\s]+){{0,14}}?)\s*$"
)
# A possessive statement heading: "Sergey Lavrov's statement and answers...", "Rosemary DiCarlo’s Briefing".
POSSESSIVE = re.compile(rf"^['’]s\s+(?:(?:opening|closing|video|written|joint)\s+)?(?:{'|'.join(SPEECH_NOUNS)}|speech|address|article|briefing)\b")
# A name heading its own remarks: "Chairman Anders Fogh Rasmussen Opening Remarks".
REMARKS_AFTER = re.compile(r"^,?\s+(?:(?:opening|closing|introductory|keynote|press|video)\s+)?(?:remarks|statement|speech|address)\b")
# A statement issued for an official by their spokesperson is theirs: "issued today by the Spokesperson for UN
# Secretary-General Ban Ki-moon".
STATEMENT_FOR = re.compile(r"\bstatement\b[^.;]{0,60}\bby the spokes(?:wo)?(?:man|person) for\s+(?:\S+\s+){0,5}$")
# Words before a name that make someone else the speaker: "a spokeswoman for President Dmitry Medvedev noted".
ON_BEHALF = re.compile(r"\b(?:spokes(?:wo)?man|spokesperson|aide|adviser|advisor|assistant|office|press secretary)\s+(?:for|to|of)\s+(?:\S+\s+){0,5}$")
_PARTICLES = "|".join(sorted(NAME_PARTICLES))
# Middle initials belong to the run ("Daryl G. Kimball"). The run starts at the first capital of a word that
# can start one ("ex-President Barack Obama"). A start further into the same word reaches the same word end and fails the same way, and trying each in turn
# made a word like "A-A-A-…" quadratic; the atomic group goes past them.
CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’-])(?>[\w'’-]*?\b(?=[A-Z][\w'’-]))(?P<run>[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)*(?:(?:{_PARTICLES})\s+)*[A-Z][\w'’-]+)+)"
)


# The possessive ending a word of a capitalised run, where the owner's name ends.
POSSESSIVE_WORD = re.compile(r"['’]s(?!\w)")
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
    written = _as_written(sentence.text, sentence.folded)
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


def extract_speakers(
    document: Document, registry: Registry, sentences: tuple[NamedSentence, ...] | None = None
) -> tuple[tuple[SpeakerFinding, ...], tuple[str, ...], tuple[Problem, ...]]:
    """People who speak or are quoted, people merely named, and suggestions for unknown names.

    `sentences` are named_sentences(document, registry), found here when not given.
    """
    index = name_index(registry.people)
    found: list[SpeakerFinding] = list(turn_speakers(document, registry))
    mentioned: set[str] = set()
    # A line that opens with a registry person and a colon gives their words, as a turn or a headline
    # does ("President of Russia Vladimir Putin: Colleagues,", "Lavrov: We are ready to talk").
    lines = [(document.headline.number, document.headline.text)] if document.headline else []
    lines += [(block.line, block.text) for block in document.blocks if block.kind != "turn"]
    for line, text in lines:
        label = turn_label(text)
        if label and (person := label_person(label[0], index)):
            found.append(SpeakerFinding(person, label[0], line, "label"))
    # A registry person in the byline block is the one who speaks: "by NATO Secretary General Anders Fogh Rasmussen".
    for removal in document.removed:
        if removal.rule == BYLINE_BLOCK.name:
            folded = fold(removal.text)
            written = _as_written(removal.text, folded)
            found += [SpeakerFinding(person, written(start, end), removal.line, "byline") for start, end, person in index.find(folded)]
    people = {p.id: p for p in registry.people}
    for sentence in named_sentences(document, registry) if sentences is None else sentences:
        line, folded = sentence.line, sentence.folded
        written = _as_written(sentence.text, folded)
        attributed = [_attributed(folded, start, end, role_words(people[person])) for start, end, person in sentence.names]
        for at, (start, end, person) in enumerate(sentence.names):
            mentioned.add(person)
            if attributed[at] or _joined_to_attributed(folded, sentence.names, attributed, at):
                found.append(SpeakerFinding(person, written(start, end), line, "attribution"))
        # In a headline in title case ("Russia Says U.S. Must End ...") every word looks like a name.
        if not (document.headline and line == document.headline.number and _title_case(sentence.text)):
            found.extend(
                SpeakerFinding(None, name, line, "attribution") for name in _unknown_attributed(sentence.text, index)
            )
    found += _signer(document, index)
    speakers = _first_per_person(found)
    speaking = {s.person for s in speakers if s.person}
    problems = tuple(
        warning(document.text.raw.path, s.line, f"'{s.name}' speaks or is quoted but is not in annotations/people.yml; add them (with name variants) so the page can link them")
        for s in speakers
        if s.person is None
    )
    return speakers, tuple(sorted(mentioned - speaking)), problems


def _joined_to_attributed(folded: str, names: tuple[tuple[int, int, str], ...], attributed: list[bool], at: int) -> bool:
    """Whether a name is joined by "and" to a name next to it that is attributed speech: "the Joint Statement by
    President Medvedev and President Obama", "Lavrov and his counterpart Wang Yi said"."""
    before = at > 0 and attributed[at - 1] and _joins(folded[names[at - 1][1] : names[at][0]])
    after = at + 1 < len(names) and attributed[at + 1] and _joins(folded[names[at][1] : names[at + 1][0]])
    return before or after


def _joins(between: str) -> bool:
    """Whether the words between two names are "and" and at most a few titles: " and US President "."""
    words = between.split()
    return bool(words) and words[0] == "and" and len(words) <= 6 and all(w in ROLE_WORDS or w in FOLDED_TITLE_TOKENS for w in words[1:])


# A statement's signature, its last line: "Jane Doe, Spokesperson for the Secretary-General".
SIGNATURE = re.compile(r"(?P<name>[^\W\d_][^,]{2,60}),\s+[^.!?]{3,160}")


def _signer(document: Document, index: NameIndex) -> list[SpeakerFinding]:
    """The registry person who signs the text in its last line, name and office and no sentence: the words are theirs."""
    last = document.blocks[-1] if document.blocks else None
    signed = SIGNATURE.fullmatch(last.text) if last is not None and last.kind != "turn" else None
    person = label_person(signed["name"], index) if signed else None
    return [SpeakerFinding(person, signed["name"], last.line, "signature")] if signed and last and person else []


def _title_case(sentence: str) -> bool:
    """Whether most words of four or more start with a capital, as headlines in title case do."""
    words = sentence.split()
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def is_role_label(label: str) -> bool:
    """Whether a transcript label names a role ("QUESTION", "Moderator") rather than a person."""
    return fold(label).strip() in FOLDED_ROLE_LABELS


def _strip_titles(name: str) -> str:
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
    return " ".join(words[first:])


def label_person(label: str, index: NameIndex) -> str | None:
    """The registry id of the person a transcript label names ("SECRETARY KERRY", "Sergey Lavrov"), or None."""
    found = index.ids.get(fold(_strip_titles(label))) or index.ids.get(fold(label))
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
        written = _as_written(sentence.text, sentence.folded)
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
    found = [_speaker_from_label(block, index) for block in document.blocks if block.kind == "turn" and not is_role_label(block.label)]
    surnames = {s.name for s in found if s.person is None and len(s.name.split()) == 1}
    full = {surname: name for surname in surnames if (name := _full_name(surname, document))}
    return tuple(replace(s, name=full[s.name]) if s.person is None and s.name in full else s for s in found)


def _speaker_from_label(block: Block, index: NameIndex) -> SpeakerFinding:
    name = _strip_titles(block.label)
    written = name.title() if name.isupper() else name
    return SpeakerFinding(label_person(block.label, index), written, block.line, "turn")


def _full_name(surname: str, document: Document) -> str | None:
    """The first full name the text gives that ends in a turn label's bare surname ("Briefer: Philip J. Crowley"
    for "MR. CROWLEY"), titles left out; None when it gives none."""
    pattern = re.compile(rf"(?<![\w'’.-])(?:[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)*)+{re.escape(surname)}(?![\w'’-])")
    for block in document.blocks:
        for match in pattern.finditer(block.text):
            name = _strip_titles(match.group(0))
            if len(name.split()) > 1:
                return name
    return None


def _attributed(folded: str, start: int, end: int, qualifiers: frozenset[str] = frozenset()) -> bool:
    """True when the name at folded[start:end] is the subject or object of a speech verb.

    Between a verb before the name and the name stand only role words, or words of the person's
    own offices (`qualifiers`): "said State Department spokeswoman X", "Speech by NATO Secretary General X".
    """
    if STATEMENT_FOR.search(folded[max(0, start - 160):start]):
        return True
    if ON_BEHALF.search(folded[max(0, start - 80):start]):
        return False
    if VERB_AFTER.match(folded[end:end + VERB_AFTER_REACH]) or POSSESSIVE.match(folded[end:end + 40]) or REMARKS_AFTER.match(folded[end:end + 40]):
        return True
    before = VERB_BEFORE.search(folded[max(0, start - 160):start])
    if before is None:
        return False
    between = before.group(1).split()
    if all(w.strip(",") in ROLE_WORDS or w.strip(",") in qualifiers for w in between):
        # "Kremlin says Trump yet to respond": the name opens the clause the verb reports, it does not speak.
        return not CLAUSE_AFTER.match(folded[end : end + 20])
    # An appositive: "statements from Russia's envoy in Vienna, Mikhail Ulyanov, reiterate ..."
    appositive = before.group(1).rstrip().endswith(",") and folded[end:end + 1] == ","
    return appositive and not {w.strip(",") for w in between} & CLAUSE_WORDS


def _as_written(sentence: str, folded: str) -> Callable[[int, int], str]:
    """A function from a span of the folded sentence to the same words as the sentence writes them.

    Folding keeps lengths for most scripts, so a span is the same in both; where it does not
    ("ß" folds to "ss"), each character's folded length maps the span back, computed once a sentence.
    """
    if len(folded) == len(sentence):
        return lambda start, end: sentence[start:end]
    starts = list(itertools.accumulate((len(_fold(c)) for c in sentence), initial=0))
    return lambda start, end: sentence[bisect.bisect_right(starts, start) - 1 : bisect.bisect_left(starts, end)]


def _unknown_attributed(sentence: str, index: NameIndex) -> list[str]:
    """Capitalised names of two or more words attributed speech but unknown to the registry."""
    names = []
    folded = fold(sentence)
    titles = FOLDED_TITLES
    for run in CAPITALISED_RUN.finditer(sentence):
        # A possessive ends the name: "Rosemary DiCarlo’s Briefing" is DiCarlo's.
        owner = POSSESSIVE_WORD.search(run.group("run"))
        written = run.group("run")[: owner.start()] if owner else run.group("run")
        end = run.start("run") + len(written)
        name = _strip_titles(_trim_organisation_words(written))
        words = name.split()
        if len(words) < 2 or any(fold(w) in NOT_PERSON_WORDS for w in words) or fold(words[-1]) in titles:
            continue
        if index.find(fold(name)) or not _attributed(folded, end - len(name), end):
            continue
        names.append(name)
    return names


def _trim_organisation_words(run: str) -> str:
    """Drop leading words that are organisations or places: 'Russian Committee spokeswoman X'."""
    words = run.split()
    first = 0
    while first < len(words) and (fold(words[first]) in NOT_PERSON_WORDS or words[first].endswith(("'s", "’s"))):
        first += 1
    return " ".join(words[first:])


def _first_per_person(found: list[SpeakerFinding]) -> tuple[SpeakerFinding, ...]:
    """One finding per person (the earliest), ordered by first appearance."""
    seen: dict[str, SpeakerFinding] = {}
    for finding in sorted(found, key=lambda f: (f.line, f.how != "turn")):
        key = finding.person or "?" + fold(finding.name)
        seen.setdefault(key, finding)
    return tuple(seen.values())


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
