"""Who speaks or is quoted in a seed: turn labels, "X said", bylines and signatures, read against the registry (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable

from archive.extract import (
    FOLDED_TITLES,
    FOLDED_TITLE_TOKENS,
    FUNCTION_WORDS,
    NameIndex,
    NamedSentence,
    as_written,
    fold,
    is_role_label,
    label_person,
    name_index,
    named_sentences,
    role_words,
    strip_titles,
    turn_speakers,
)
from archive.model import Document, Problem, Registry, SpeakerFinding, warning
from archive.rules import BYLINE_BLOCK, NAME_PARTICLES
from archive.speech_words import (
    ACCORDING_TO,
    CHINESE_VERBS,
    CJK_TITLES,
    JAPANESE_VERBS,
    CLAUSE_FINAL_VERBS,
    INVERTED_VERBS,
    OTHER_ADVERBS,
    OTHER_SPEECH_VERBS,
    PARTICIPLES_BEFORE,
    PASSIVE_BY,
    ROLE_WORDS,
    SPEECH_ACT_NOUNS,
    SPEECH_ACT_VERBS,
    SPEECH_NOUN_JOINS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from archive.turns import turn_label

# Words that show a capitalised run is an organisation or place, not a person.
NOT_PERSON_WORDS = frozenset(
    """ministry committee office department council agency government kremlin embassy
    commission organization organisation alliance union nations parliament duma senate
    service services press center centre news agency times post journal house court
    federation republic kingdom states army forces navy staff directorate secretariat
    moscow washington kiev kyiv beijing london paris berlin vienna geneva russia ukraine
    china america europe european russian american ukrainian chinese british french
    german italian spanish polish japanese indian turkish iranian israeli canadian korean
    australian dutch swedish finnish norwegian belarusian georgian pentagon
    concept strategy doctrine review report act resolution declaration agreement charter treaty communique
    western nato osce un eu the a this that these those his her their our its la le les el der die das
    france germany deutschland russland to for from with
    asuntos exteriores estados unidos ministerio gobierno rusia alianza naciones unidas
    aliantei alianta nord-atlantice statele unite rusiei ministerul msz
    ministers leaders members officials diplomats delegations g7 g20 arms control security affairs
    as i i've i'm i'd i'll we we've you he she it they but and so if when""".split()
)
# After a name that follows a speech verb, words that make it the subject of what is said: "says Trump has".
CLAUSE_AFTER = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|should|must|could|can|may|might|yet|did|does|do|not)\b")
# Words that, between a speech verb and a name, show the name is not the speaker
# ("said that Putin signed").
CLAUSE_WORDS = frozenset("that whether if how what when why because which who while as".split())




def _alternatives(words: tuple[str, ...]) -> str:
    """The words folded, longest first, as a regular expression's alternatives."""
    return "|".join(sorted({re.escape(fold(w)) for w in words}, key=len, reverse=True))


_VERBS = _alternatives(SPEECH_VERBS + SPEECH_ACT_VERBS + OTHER_SPEECH_VERBS)
_INVERTED = _alternatives(INVERTED_VERBS)
_INVERTED_WORDS = frozenset(fold(w).split()[0] for w in INVERTED_VERBS)
# Inverting verbs of the languages that put the subject after a fronted phrase (German, Russian): "sagte Lawrow".
_INVERTING = frozenset(fold(w) for w in INVERTED_VERBS if " " not in w and w not in SPEECH_VERBS and not w.startswith("a "))
_NOUNS = _alternatives(SPEECH_NOUNS)
_ROLE_WORDS = frozenset(fold(w) for w in ROLE_WORDS)
_BETWEEN_ADVERBS = frozenset(fold(w) for w in OTHER_ADVERBS)  # "сообщил ранее пресс-секретарь X"
# After a name: optional ", role clause," then optional adverbs, then a speech verb.
VERB_AFTER_REACH = 240  # characters after a name it reads: a role clause of 160, the adverbs and the verb
# The role clause may hold an abbreviation's stops: ", the U.S. Permanent Representative to the Conference,".
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december"
# Also a time between the name and the verb: "Guterres on Friday welcomed", "Ryabkov last week told", "on July 20".
_ADVERBS = (
    rf"(?:(?:has|had|have|also|further|then|later|previously|once again|again|today|yesterday|repeatedly|recently|just|earlier|reportedly|publicly|{_alternatives(OTHER_ADVERBS)}|"
    rf"(?:on|last|this|earlier on|late on) (?:{_DAYS})|on (?:{_MONTHS})\.? \d{{1,2}}|(?:last|this|earlier this|late last) (?:week|month|year|morning|evening))\s+)*"
)
# After a name: a US legislator's party and state (", D-Mass.,"), a role clause, then adverbs and the verb.
VERB_AFTER = re.compile(
    rf"^(?:\s*\([^()]{{1,30}}\))?(?:,\s[dri]-[a-z.]{{2,12}},)?(?:,(?:[^.;:]|\b[a-z]\.(?:[a-z]\.)+){{1,160}}?,)?"
    rf"\s+{_ADVERBS}(?:{_VERBS})\b"
)
# A name set off by commas straight before the verb: "your assistant, Jane Doe, said that".
APPOSITIVE_VERB = re.compile(rf"^,\s+{_ADVERBS}(?:{_VERBS})\b")
# Before a name: an inverted speech verb, "according to", or "statements from", then the words between.
# ("statements on the treaty made by Under Secretary X", "Speech and answers to questions ... by Minister X": the noun
# may stand a few words before "by" or "par").
VERB_BEFORE = re.compile(
    rf"\b(?:(?:{_INVERTED})|{_alternatives(ACCORDING_TO)}|{_alternatives(PARTICIPLES_BEFORE)}|{_alternatives(PASSIVE_BY)}|(?:{_NOUNS}) (?:{_alternatives(SPEECH_NOUN_JOINS)})"
    rf"|(?:{_NOUNS})(?:\s+[^\s.;]+){{0,8}}?\s+(?:made by|by|par))\b((?:\s+[^\s]+){{0,14}}?)\s*$"
)
# The speaker who opens a sentence its last verb gives words to, in Turkish or a German perfect (speech_words):
# the name followed by a comma or by the auxiliary, and that verb at the sentence's end.
SUBJECT_AFTER = re.compile(r"^(?:,|\s+(?:hat|hatte|habe|haben|hatten)\b)")
FINAL_VERB = re.compile(rf"\b(?:{_alternatives(CLAUSE_FINAL_VERBS)})[.!]?[\"'»”]?\s*$")
SUBJECT_WORDS = 8  # at most this many words before a name that opens its sentence
# A possessive statement heading: "Sergey Lavrov's statement and answers...", "Rosemary DiCarlo’s Briefing".
# ("Guterres’ remarks": a name ending in s may take the apostrophe alone.)
POSSESSIVE = re.compile(
    rf"^['’]s?\s+(?:(?:opening|closing|video|written|joint)\s+)?(?:{_NOUNS}|article)\b"
    rf"|^['’]s?\s+(?:[a-z]+\s+)?(?:{_alternatives(SPEECH_ACT_NOUNS)})\b"
)
# A name opening their quoted words after a colon: "Secretary of State John Kerry: \"Today marks ...", or their words
# after a colon when only a few words (roles) stand before the name: "The Secretary of State ..., William Hague: The House ...".
QUOTE_AFTER = re.compile(r"^:\s*[\"“«]")
COLON_AFTER = re.compile(r":\s+[A-ZÀ-ÞА-ЯЁ\"“«]")
COLON_WORDS = 12  # at most this many words before a name its colon gives words to
# A relative clause that gives the name words: "Zakharova, who had said that", "Pope Francis, who calls it immoral".
WHO_AFTER = re.compile(rf"^,\s+who\s+{_ADVERBS}(?:{_VERBS}|calls)\b")
# A name, then its clause, then "saying": "Peskov did not confirm or deny the date, saying" (the name the
# clause's subject: "criticised Trump, saying" is the critic's).
SAYING_AFTER = re.compile(r"^[^.;:\"“”«»]{0,80},\s+saying\b")
# After a Chinese or Japanese name: an office, a bracket ("(写真)"), a day, then a Chinese verb, or Japanese "は" and,
# before the sentence ends, "と" and a verb.
_CJK_BETWEEN = rf"(?:{_alternatives(CJK_TITLES)})?(?:\([^()]{{0,10}}\)|（[^（）]{{0,10}}）)?(?:\d{{1,2}}日)?"
CJK_VERB_AFTER = re.compile(
    rf"^{_CJK_BETWEEN}(?:{_alternatives(CHINESE_VERBS)})|^{_CJK_BETWEEN}は[^。]{{0,300}}?[とに](?:{_alternatives(JAPANESE_VERBS)})"
)
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
_CAPITAL = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻŠŽČŘĎŤŇĽĹŐŰА-ЯЁ"  # "Éric Chevallier", "Siergiej Ławrow", "Дмитрий Песков"
CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’-])(?>[\w'’-]*?\b(?=[{_CAPITAL}][\w'’-]))(?P<run>[{_CAPITAL}][\w'’-]+(?:\s+(?:[{_CAPITAL}]\.\s+)*(?:(?:{_PARTICLES})\s+)*[{_CAPITAL}][\w'’-]+)+)"
)


# The possessive ending a word of a capitalised run, where the owner's name ends.
POSSESSIVE_WORD = re.compile(r"['’]s(?!\w)")

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
            written = as_written(removal.text, folded)
            found += [SpeakerFinding(person, written(start, end), removal.line, "byline") for start, end, person in index.find(folded)]
    people = {p.id: p for p in registry.people}
    for sentence in named_sentences(document, registry) if sentences is None else sentences:
        line, folded = sentence.line, sentence.folded
        written = as_written(sentence.text, folded)
        attributed = [
            _attributed(folded, start, end, role_words(people[person])) or _colon_speaks(folded, start, end, written)
            for start, end, person in sentence.names
        ]
        for at, (start, end, person) in enumerate(sentence.names):
            if at + 1 < len(sentence.names) and _speaker_after_verb(folded[end : sentence.names[at + 1][0]]):
                attributed[at] = False
            mentioned.add(person)
            if attributed[at] or _joined_to_attributed(folded, sentence.names, attributed, at):
                found.append(SpeakerFinding(person, written(start, end), line, "attribution"))
        # In a headline in title case ("Russia Says U.S. Must End ...") every word looks like a name.
        if not (document.headline and line == document.headline.number and _title_case(sentence.text)):
            found.extend(
                SpeakerFinding(None, name, line, "attribution") for name in _unknown_attributed(sentence.text, index)
            )
    found += _signer(document, index)
    found += _self_introduced(document, index)
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
    return bool(words) and words[0] == "and" and len(words) <= 6 and all(w in _ROLE_WORDS or w in FOLDED_TITLE_TOKENS for w in words[1:])


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



def _attributed(folded: str, start: int, end: int, qualifiers: frozenset[str] = frozenset()) -> bool:
    """True when the name at folded[start:end] is the subject or object of a speech verb.

    Between a verb before the name and the name stand only role words, or words of the person's
    own offices (`qualifiers`): "said State Department spokeswoman X", "Speech by NATO Secretary General X".
    """
    if STATEMENT_FOR.search(folded[max(0, start - 160):start]):
        return True
    if ON_BEHALF.search(folded[max(0, start - 80):start]):
        return False
    after = folded[end : end + VERB_AFTER_REACH]
    if VERB_AFTER.match(after) or POSSESSIVE.match(after) or REMARKS_AFTER.match(after) or QUOTE_AFTER.match(after) or WHO_AFTER.match(after) or CJK_VERB_AFTER.match(after):
        return True
    if SUBJECT_AFTER.match(after) and len(folded[:start].split()) <= SUBJECT_WORDS and FINAL_VERB.search(folded, end):
        return True
    if SAYING_AFTER.match(after) and _opens_clause(folded, start, qualifiers):
        return True
    if folded[max(0, start - 2) : start] == ", " and APPOSITIVE_VERB.match(folded[end : end + 80]):
        return True
    # The verb nearest the name decides: "Zhao said on Friday, commenting on a statement by ... Zakharova".
    window = folded[max(0, start - 160) : start]
    before = VERB_BEFORE.search(window)
    while before is not None:
        between = before.group(1).split()
        if all(_role_word(w.strip(","), qualifiers) or w in _BETWEEN_ADVERBS for w in between):
            # "Kremlin says Trump yet to respond": the name opens the clause the verb reports, it does not speak;
            # after a noun ("the statement by X was issued today") it is the speaker whatever follows.
            verb = before.group(0).split()[0] in _INVERTED_WORDS
            return not (verb and CLAUSE_AFTER.match(folded[end : end + 20]))
        # An appositive: "statements from Russia's envoy in Vienna, Mikhail Ulyanov, reiterate ..."
        appositive = before.group(1).rstrip().endswith(",") and folded[end:end + 1] == ","
        if appositive and not {w.strip(",") for w in between} & CLAUSE_WORDS:
            return True
        before = VERB_BEFORE.search(window, before.start() + 1)
    return False


def _speaker_after_verb(between: str) -> bool:
    """Whether the words between two names are a verb that inverts its subject, and roles: "Clinton sagte Lawrow",
    "..., kritisierte Außenministerin Baerbock". The second name speaks there, not the first."""
    words = between.split()
    return bool(words) and words[0] in _INVERTING and all(_role_word(w, frozenset()) for w in words[1:])


def _colon_speaks(folded: str, start: int, end: int, written: Callable[[int, int], str]) -> bool:
    """Whether a registry name, after at most a few words, opens a sentence after a colon: "..., William Hague: The House ...".

    Only for registry names (a colon follows many a capitalised label: "Begin text:", "Photo credit:"), and not before a
    lower-case phrase, a headline's subject ("Obama and Medvedev: a new START").
    """
    return len(folded[:start].split()) <= COLON_WORDS and '"' not in folded[:start] and bool(COLON_AFTER.match(written(end, min(len(folded), end + 4))))


def _opens_clause(folded: str, start: int, qualifiers: frozenset[str]) -> bool:
    """Whether only roles and offices stand between the clause's start (the sentence's or a comma's) and a name."""
    clause = re.split(r"[,;:]", folded[max(0, start - 160) : start])[-1].split()
    return all(_role_word(w, qualifiers) or w in NOT_PERSON_WORDS for w in clause)


def _role_word(word: str, qualifiers: frozenset[str]) -> bool:
    """Whether a word before a name is a role's or an office's ("un", "dr.", "secretary-general"), each part of a hyphenated one."""
    parts = [part for part in word.split("-") if part] or [word]
    return all(part in _ROLE_WORDS or part.rstrip(".") in _ROLE_WORDS or part in qualifiers for part in parts)


def _after_last_title(name: str) -> str:
    """A name without the words up to its last title: "GOP Conference Chairman Lamar Alexander" -> "Lamar Alexander"."""
    words = name.split()
    for at in range(len(words) - 3, -1, -1):
        if fold(words[at]).rstrip(".").split("-")[0] in FOLDED_TITLE_TOKENS - FUNCTION_WORDS:
            return " ".join(words[at + 1 :])
    return name


# A moderator or host naming themselves: "MODERATOR: Good afternoon. I’m Jane Doe, the Director of ...".
SELF_INTRODUCED = re.compile(r"\b(?:I['’]m|I am|[Mm]y name is)\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)*[A-Z][\w'’-]+){1,3})")


def _self_introduced(document: Document, index: NameIndex) -> list[SpeakerFinding]:
    """The speakers of turns a role's label opens ("MODERATOR:") who give their own name in it, once a label."""
    found, labels = [], set()
    for block in document.blocks:
        if block.kind != "turn" or not is_role_label(block.label) or block.label in labels:
            continue
        introduced = SELF_INTRODUCED.search(block.text)
        if introduced:
            labels.add(block.label)
            found.append(SpeakerFinding(label_person(introduced["name"], index), introduced["name"], block.line, "turn"))
    return found


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
        name = _after_last_title(strip_titles(_trim_organisation_words(written)))
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
