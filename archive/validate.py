"""Cross-file checks of the curated layer: references, quotes, dates and links against the articles and registry (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from archive.anchor import Anchor, closest_passage, collapse, end_before, locate_quote, start_after
from archive.edtf import edtf_bounds
from archive.extract import NameIndex, fold, is_role_label, label_person, name_index
from archive.model import (
    Annotations,
    Article,
    Block,
    Correction,
    Event,
    Link,
    Location,
    Problem,
    Registry,
    Statement,
    error,
    warning,
)
from archive.yamlio import closest

SYMMETRIC = ("same-statement", "contradicts", "context")
_LISTED = 3  # continuation lines a message shows before "and N more"
_LINES = 10  # line numbers a message lists before "and N more"
# Searching for the closest text of missing quotes stops after about a second's work a run, so that no
# number of them makes the check slow. The nanoseconds are estimated from what a search reads: rapidfuzz
# takes some 25 a character of the article for each 64 characters of the quote, and looking for the
# quote in the other articles some 2 a character of them all.
_SEARCH_NS = 1_000_000_000


def validate_annotations(annotations: Annotations, articles: tuple[Article, ...], registry: Registry) -> tuple[Problem, ...]:
    """Every reference, quote, date and link in the parsed annotations, checked against the articles and registry."""
    by_id = {article.id: article for article in articles}
    corrected = {correction.article: correction for correction in annotations.corrections if correction.date}
    published = {article.id: article.date.published for article in articles}
    published.update({ident: correction.date for ident, correction in corrected.items() if correction.date and ident in by_id})
    problems = [
        *(problem for correction in annotations.corrections for problem in _check_correction(correction, by_id, registry)),
        *(problem for event in annotations.events for problem in _check_event(event, by_id, published, corrected)),
        *(problem for statement in annotations.statements for problem in _check_statement(statement, by_id, published, registry)),
        *_check_quotes(annotations.statements, by_id, name_index(registry.people)),
        *_check_links(annotations.statements),
        *_check_link_dates(annotations.statements, published),
    ]
    return tuple(sorted(problems, key=Problem.sort_key))


def _unknown(kind: str, name: str, choices: Iterable[str], context: str = "", home: str = "") -> str:
    """"unknown person 'x' ...; did you mean 'y'?", or where to add it when nothing is close."""
    known = sorted(choices)
    matches = [choice for choice in known if len(name) >= 3 and choice.startswith(name)][:3] or closest(name, known)
    if matches:
        return f"unknown {kind} '{name}'{context}; did you mean " + " or ".join(f"'{match}'" for match in matches) + "?"
    return f"unknown {kind} '{name}'{context}" + (f"; add it to {home} first" if home else "")


def _check_correction(correction: Correction, by_id: Mapping[str, Article], registry: Registry) -> list[Problem]:
    """A correction's article, sources, people and topics must exist."""
    path = correction.location.path
    lines = dict(correction.field_lines)
    problems = []
    if correction.article not in by_id:
        problems.append(error(path, 0, _unknown("article", correction.article, by_id, " in the file name")))
    sources = {source.id for source in registry.sources}
    for key in ("source", "republisher"):
        value = getattr(correction, key)
        if value is not None and value not in sources:
            problems.append(error(path, lines[key], _unknown("source", value, sources, "", "sources.yml")))
    people = {person.id for person in registry.people}
    topics = {topic.id for topic in registry.topics}
    changes = (
        ("speakers.add", correction.speakers_add, "person", people, "people.yml"),
        ("speakers.remove", correction.speakers_remove, "person", people, "people.yml"),
        ("topics.add", correction.topics_add, "topic", topics, "topics.yml"),
        ("topics.remove", correction.topics_remove, "topic", topics, "topics.yml"),
    )
    for key, ids, kind, known, home in changes:
        problems += [error(path, lines[key], _unknown(kind, ident, known, "", home)) for ident in ids if ident not in known]
    return problems


def _check_event(
    event: Event, by_id: Mapping[str, Article], published: Mapping[str, str], corrected: Mapping[str, Correction]
) -> list[Problem]:
    """An event's articles must exist and be published no earlier than the event can have begun."""
    path = event.location.path
    problems = []
    if len(event.articles) == 1:
        problems.append(warning(path, event.location.line, f"event '{event.id}' lists only one article; add the other articles that cover it"))
    began = edtf_bounds(event.date) if event.date else None
    for entry in event.articles:
        if entry.article not in by_id:
            problems.append(error(path, entry.location.line, _unknown("article", entry.article, by_id)))
            continue
        out = edtf_bounds(published[entry.article])
        if began is None or out is None or out[1] >= began[0]:
            continue
        if entry.article in corrected:
            kind, where = "corrected", corrected[entry.article].location.path
        else:
            kind, where = "extracted", str(PurePosixPath(path).parent.parent / "articles" / f"{entry.article}.yml")
        message = (
            f"article '{entry.article}' was published by {out[1]} (its {kind} date is '{published[entry.article]}'), "
            f"before event '{event.id}' ('{event.date}') began; check the event's date, or correct the article's in {where}"
        )
        problems.append(error(path, entry.location.line, message))
    return problems


def _check_statement(
    statement: Statement, by_id: Mapping[str, Article], published: Mapping[str, str], registry: Registry
) -> list[Problem]:
    """A statement's article, speaker and topics must exist, its date fit the article's."""
    path, line = statement.location.path, statement.location.line
    line_of = dict(statement.field_lines)
    problems = []
    article = by_id.get(statement.article)
    if statement.article and article is None:
        message = _unknown("article", statement.article, by_id, f" in statement '{statement.id}'")
        problems.append(error(path, line_of.get("article", line), message))
    people = {person.id for person in registry.people}
    if statement.speaker and statement.speaker not in people:
        context = f" as speaker of statement '{statement.id}'"
        problems.append(error(path, line_of.get("speaker", line), _unknown("person", statement.speaker, people, context, "people.yml")))
    topics = {topic.id for topic in registry.topics}
    for topic in statement.topics:
        if topic not in topics:
            message = _unknown("topic", topic, topics, f" in statement '{statement.id}'", "topics.yml")
            problems.append(error(path, line_of.get(f"topic:{topic}", line), message))
    if article is None:
        return problems
    said = edtf_bounds(statement.date) if statement.date else None
    out = edtf_bounds(published[article.id])
    if said is not None and out is not None and said[0] > out[1]:
        message = (
            f"statement '{statement.id}' is dated '{statement.date}', after article '{article.id}' was published "
            f"(by {out[1]}: its date is '{published[article.id]}'); check both dates"
        )
        problems.append(warning(path, line_of.get("date", line), message))
    return problems


def _check_quotes(statements: tuple[Statement, ...], by_id: Mapping[str, Article], names: NameIndex) -> list[Problem]:
    """Every quote must occur once in its article, in its speaker's turn; for those that occur nowhere, the closest text while time allows."""
    problems = []
    missing = []
    for statement in statements:
        article = by_id.get(statement.article)
        if article is None or not statement.quote:
            continue
        found = _check_quote(statement, article, names)
        if found is None:
            missing.append((statement, article))
        else:
            problems += found
    if not missing:
        return problems
    chars = {ident: sum(len(block.text) for block in article.document.blocks) for ident, article in by_id.items()}
    corpus = sum(chars.values())
    left = _SEARCH_NS
    for statement, article in sorted(missing, key=lambda pair: (pair[0].location.path, pair[0].quote_line)):
        cost = 25 * chars[article.id] * (len(collapse(statement.quote)) // 64 + 1) + 2 * corpus
        if cost <= left:
            left -= cost
            message = _not_found(statement.quote, article, by_id)
        else:
            if cost > _SEARCH_NS:
                why = "finding it would take longer than the second a check allows; the article or the quote is very long"
            else:
                why = "the quotes above used up the second a check allows for finding closest text; fix them and check again"
                left = 0  # and the quotes below go without too, so that those with a closest text are all above
            message = f"quote not found in article '{article.id}'\n  closest text not computed: {why}"
        problems.append(error(statement.location.path, statement.quote_line, message))
    return problems


def _check_quote(statement: Statement, article: Article, names: NameIndex) -> list[Problem] | None:
    """The quote must occur exactly once in its article, beside its prefix and suffix if given; None if it occurs nowhere."""
    path, line = statement.location.path, statement.quote_line
    blocks = article.document.blocks
    name = f"article '{article.id}'"
    found = locate_quote(blocks, statement.quote, statement.prefix, statement.suffix)
    if len(found) == 1:
        return _check_turn(statement, blocks[found[0].block], names)
    if found:
        given = [key for key in ("prefix", "suffix") if getattr(statement, key) is not None]
        if given:
            advice = f" even with its {' and '.join(given)}, on {_lines(found)}; make the {' or '.join(given)} longer"
        else:
            advice = f", on {_lines(found)}; add a `prefix` or `suffix` to pick one"
        return [error(path, line, f"quote occurs {len(found)} times in {name}{advice}")]
    every = locate_quote(blocks, statement.quote, None, None)
    if not every:
        return None
    before = locate_quote(blocks, statement.quote, statement.prefix, None)
    after = locate_quote(blocks, statement.quote, None, statement.suffix)
    if not before:
        shown = [f"before it on line {anchor.line}: {_before(blocks[anchor.block], anchor, statement.prefix or '')}" for anchor in every[:_LISTED]]
        return [error(path, line, f"prefix does not match the text before the quote in {name}{_indented(shown, len(every))}")]
    if not after:
        shown = [f"after it on line {anchor.line}: {_after(blocks[anchor.block], anchor, statement.suffix or '')}" for anchor in every[:_LISTED]]
        return [error(path, line, f"suffix does not match the text after the quote in {name}{_indented(shown, len(every))}")]
    message = f"prefix and suffix fit different occurrences of the quote in {name}: the prefix on {_lines(before)}, the suffix on {_lines(after)}"
    return [error(path, line, message)]


def _check_turn(statement: Statement, block: Block, names: NameIndex) -> list[Problem]:
    """A quote in a transcript turn is its speaker's, unless the turn names the statement's speaker (who is quoted in it)."""
    if not block.label or not statement.speaker:
        return []
    person = label_person(block.label, names)
    named = {ident for _, _, ident in names.find(fold(block.text))}
    if person == statement.speaker or statement.speaker in named:
        return []
    if person is not None:
        whose = f"the turn of '{person}'"
    elif is_role_label(block.label):
        whose = f"a turn labelled '{block.label}'"
    else:
        whose = f"the turn of '{block.label}', who is not in annotations/people.yml"
    message = (
        f"quote lies in {whose} (line {block.line}), but statement '{statement.id}' gives speaker "
        f"'{statement.speaker}'; correct the speaker, or pick the passage where they speak"
    )
    return [warning(statement.location.path, dict(statement.field_lines).get("speaker", statement.quote_line), message)]


def _not_found(quote: str, article: Article, by_id: Mapping[str, Article]) -> str:
    """Why a quote is not in its article (it has no text, the quote spans paragraphs, or the closest text), and where it is instead."""
    wanted = collapse(quote)
    blocks = article.document.blocks
    near = closest_passage(blocks, wanted)
    if near is None:
        return f"quote not found in article '{article.id}': the article has no text"
    spans = [(first.line, second.line) for first, second in zip(blocks, blocks[1:]) if wanted in f"{first.text} {second.text}"]
    if spans:
        first, second = spans[0]
        return (
            f"quote runs across two paragraphs of article '{article.id}' (lines {first} and {second}); "
            "a quote must lie within one paragraph: split it into two statements"
        )
    message = f"quote not found in article '{article.id}'\n  closest text: \"{near.text}\" (line {near.line}, {near.similarity}% similar)"
    elsewhere = []
    for other in by_id.values():
        block = next((block for block in other.document.blocks if wanted in block.text), None)
        if other.id != article.id and block is not None:
            elsewhere.append(f"the exact quote is in article '{other.id}' (line {block.line})")
    return message + _indented(elsewhere)


def _indented(lines: list[str], total: int | None = None) -> str:
    """Continuation lines of a message, at most a few, then how many more of `total` (default: all the lines)."""
    total = len(lines) if total is None else total
    shown = lines[:_LISTED] + ([f"and {total - _LISTED} more"] if total > _LISTED else [])
    return "".join(f"\n  {line}" for line in shown)


def _lines(anchors: tuple[Anchor, ...]) -> str:
    """"line 9", "lines 9 and 15", "line 15 (twice)": where the occurrences are."""
    counts = Counter(anchor.line for anchor in anchors)
    parts = [str(line) if times == 1 else f"{line} ({'twice' if times == 2 else f'{times} times'})" for line, times in counts.items()]
    if len(parts) > _LINES:
        parts = parts[:_LINES] + [f"{len(parts) - _LINES} more"]
    if len(parts) == 1:
        return f"line {parts[0]}"
    return "lines " + ", ".join(parts[:-1]) + " and " + parts[-1]


def _before(block: Block, anchor: Anchor, prefix: str) -> str:
    """The paragraph's text just before an occurrence, as long as the prefix, from a word's start."""
    text = block.text
    end = end_before(text, anchor.start)
    if not end:
        return "nothing: the quote starts the paragraph"
    cut = max(0, end - len(collapse(prefix)))
    while cut > 0 and not text[cut - 1].isspace():
        cut -= 1
    return f'"{text[cut:end]}"'


def _after(block: Block, anchor: Anchor, suffix: str) -> str:
    """The paragraph's text just after an occurrence, as long as the suffix, to a word's end."""
    text = block.text
    start = start_after(text, anchor.end)
    if start == len(text):
        return "nothing: the quote ends the paragraph"
    cut = min(len(text), start + len(collapse(suffix)))
    while cut < len(text) and not text[cut].isspace():
        cut += 1
    return f'"{text[start:cut]}"'


def _at(location: Location, path: str) -> str:
    """Where another link is: its line in the same file, else path and line."""
    return f"line {location.line}" if location.path == path else str(location)


# Relations that run from the later statement to the earlier one: "A repeats B" means B was said first.
LATER_TO_EARLIER = {"repeats": "repeats", "updates": "updates", "responds-to": "responds to"}


def _check_link_dates(statements: tuple[Statement, ...], published: Mapping[str, str]) -> list[Problem]:
    """A link that runs from the later statement to the earlier one must not point to a statement certainly said after."""
    by_id = {statement.id: statement for statement in statements}
    problems = []
    for statement in statements:
        for link in statement.links:
            target = by_id.get(link.target)
            if link.type not in LATER_TO_EARLIER or target is None:
                continue
            source_date = statement.date or published.get(statement.article, "unknown")
            target_date = target.date or published.get(target.article, "unknown")
            source_bounds, target_bounds = edtf_bounds(source_date), edtf_bounds(target_date)
            if source_bounds is None or target_bounds is None or source_bounds[1] >= target_bounds[0]:
                continue  # unknown, overlapping or in order: nothing certain against the link
            message = (
                f"statement '{statement.id}' ({source_date}) {LATER_TO_EARLIER[link.type]} '{target.id}' ({target_date}), "
                f"which was said after it; `{link.type}` runs from the later statement to the earlier one: "
                f"write the link on '{target.id}' (to: {statement.id}), or check the dates"
            )
            problems.append(error(link.location.path, link.location.line, message))
    return problems


def _check_links(statements: tuple[Statement, ...]) -> list[Problem]:
    """Links must point to another existing statement, once, and agree with any link written back."""
    ids = {statement.id for statement in statements}
    problems = []
    written: dict[tuple[str, str], Link] = {}
    for statement in statements:
        for link in statement.links:
            path, line = link.location.path, link.location.line
            if link.target == statement.id:
                problems.append(error(path, line, f"statement '{statement.id}' links to itself; link it to another statement"))
                continue
            if link.target not in ids:
                problems.append(error(path, line, _unknown("statement", link.target, ids)))
                continue
            first = written.setdefault((statement.id, link.target), link)
            if first is link:
                continue
            if first.type == link.type:
                message = f"duplicate link from statement '{statement.id}' to '{link.target}' (first on {_at(first.location, path)}); remove one"
            else:
                message = (
                    f"statement '{statement.id}' already links to '{link.target}' as `{first.type}` "
                    f"({_at(first.location, path)}); keep one type"
                )
            problems.append(error(path, line, message))
    for (source, target), link in written.items():
        back = written.get((target, source))
        if back is None or source > target or not link.type or not back.type:
            continue
        earlier, later = sorted((link, back), key=lambda each: (each.location.path, each.location.line))
        path, line = later.location.path, later.location.line
        where = _at(earlier.location, path)
        if later.type != earlier.type:
            message = (
                f"inconsistent links between statements '{source}' and '{target}': `{later.type}` here, "
                f"`{earlier.type}` on {where}; write the link once, with one type"
            )
            problems.append(error(path, line, message))
        elif later.type == "repeats":
            message = (
                f"inconsistent links: '{later.source}' repeats '{later.target}' and '{earlier.source}' repeats "
                f"'{earlier.target}' ({where}); keep the link on the statement that came later"
            )
            problems.append(error(path, line, message))
        elif later.type in SYMMETRIC:
            message = (
                f"`{later.type}` link between statements '{source}' and '{target}' is also written on {where}; "
                "write it once: the other statement shows it as a backlink"
            )
            problems.append(warning(path, line, message))
    return problems
