""""Cite this" for an article and for each of its statements: plain text, BibTeX and CSL-JSON (pure)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from archive.edtf import edtf_bounds
from archive.markup import escape_markdown, one_line
from archive.model import Article, LinkedStatement, Source
from archive.render.common import ARCHIVE_NAME, Context, date_range, date_words, known_language, page_url

# Outlet kinds whose texts are news stories, and those whose texts are an office's own record.
NEWS_KINDS = frozenset({"wire", "agency", "state-media", "newspaper", "broadcaster", "magazine"})
REPORT_KINDS = frozenset({"ministry", "international-organization", "think-tank"})
CSL_TYPES = {"news": "article-newspaper", "magazine": "article-magazine", "report": "report", "other": "article", "statement": "speech"}
# BibTeX's special characters, each as TeX writes it inside a field value;
# `<` and `>` too: TeX's default font encoding prints them as other glyphs, and the page's source must
# hold no `<` from data, even in a code block, where MkDocs's anchor check would read it as HTML.
BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}"}
BIBTEX_SPECIALS = re.compile("|".join(re.escape(c) for c in BIBTEX_SPECIAL))
# A url field is read as written: whatever could end the field or break the address is percent-encoded.
URL_SAFE = ":/?#[]@!$&'()*+,;=%~._-"


@dataclass(frozen=True, slots=True)
class Citation:
    """What every format of a citation names: the work, where and when it appeared, where the archive keeps it."""

    key: str  # the BibTeX key and CSL id: the article's or statement's id
    kind: str  # "news" | "magazine" | "report" | "other" | "statement"
    title: str  # the article's title, or the statement's words
    outlet: str  # "" when unknown
    date: str  # EDTF
    language: str  # "" when unknown
    page: str  # the archive's page (or passage), absolute when the site's URL is known
    original: str = ""  # the article's own address, when curated
    speaker: str = ""  # a statement's speaker
    container: str = ""  # a statement's article title
    container_date: str = ""  # a statement's article date, when it is not the statement's


def article_citation(article: Article, context: Context) -> Citation:
    """The citation of an article page."""
    source = context.sources.get(article.source.value)
    return Citation(
        key=article.id,
        kind=_kind(source),
        title=one_line(article.title.value),
        outlet=one_line(source.name) if source else "",
        date=article.date.published,
        language=known_language(article),
        page=page_url(context, article.id),
        original=one_line(article.correction.url) if article.correction and article.correction.url else "",
    )


def _kind(source: Source | None) -> str:
    if source is None or source.kind not in NEWS_KINDS | REPORT_KINDS:
        return "other"
    return "report" if source.kind in REPORT_KINDS else "magazine" if source.kind == "magazine" else "news"


def statement_citation(linked: LinkedStatement, context: Context) -> Citation:
    """The citation of a statement: the speaker's words, in the article that reports them."""
    statement = linked.statement
    article = context.articles[statement.article]
    reported_in = article_citation(article, context)
    date = context.statement_date(statement)
    return Citation(
        key=statement.id,
        kind="statement",
        title=one_line(statement.quote),
        outlet=reported_in.outlet,
        date=date,
        language=reported_in.language,
        page=page_url(context, article.id, f"quote-{statement.id}"),
        speaker=one_line(context.person(statement.speaker)),
        container=reported_in.title,
        container_date="" if date == article.date.published else article.date.published,
    )


def plain_citation(citation: Citation) -> str:
    """One line in the archive's house style."""
    outlet = citation.outlet or "outlet unknown"
    if citation.kind == "statement":
        where = f"In “{citation.container}”, {outlet}" + (f", {date_words(citation.container_date)}" if citation.container_date else "")
        return f"“{citation.title}” — {citation.speaker}, {_ended(date_words(citation.date))} {_ended(where)} {ARCHIVE_NAME}, statement {citation.key}: {citation.page}"
    original = f"{_ended(citation.original)} " if citation.original else ""
    return f"“{citation.title}”, {outlet}, {_ended(date_words(citation.date))} {original}{ARCHIVE_NAME}, article {citation.key}: {citation.page}"


def _ended(text: str) -> str:
    """The text with a full stop after it, unless it has one ("n.d.")."""
    return text if text.endswith(".") else text + "."


def bibtex_citation(citation: Citation) -> str:
    """A BibTeX entry, @article for news and @misc for the rest; `date` (biblatex) only for a known date or interval."""
    entry = "article" if citation.kind in ("news", "magazine") else "misc"
    known = date_range(citation.date)
    fields = [
        ("author", _bibtex_name(citation.speaker) if citation.speaker else ""),
        ("title", _bibtex(citation.title)),
        ("journal" if entry == "article" else "howpublished", _bibtex(_published_in(citation))),
        ("date", "/".join(_iso(parts) for parts in known) if known else ""),
        ("year", str(known[0][0]) if known and known[0][0] == known[-1][0] else ""),
        ("language", _bibtex(citation.language)),
        ("url", quote(citation.page, safe=URL_SAFE)),
        ("note", _bibtex(_note(citation, dated=known is not None))),
    ]
    return "\n".join([f"@{entry}{{{citation.key},"] + [f"  {name} = {{{value}}}," for name, value in fields if value] + ["}"])


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def _published_in(citation: Citation) -> str:
    if citation.kind != "statement":
        return citation.outlet
    return f"quoted in “{citation.container}”" + (f", {citation.outlet}" if citation.outlet else "")


def _note(citation: Citation, dated: bool) -> str:
    parts = [f"{ARCHIVE_NAME}, {'statement' if citation.kind == 'statement' else 'article'} {citation.key}"]
    if not dated:
        parts.append(f"date: {date_words(citation.date)}")
    if citation.original:
        parts.append(f"originally at {citation.original}")
    return "; ".join(parts)


def _bibtex(text: str) -> str:
    """Text as a BibTeX field value: BibTeX's special characters as TeX writes them."""
    return BIBTEX_SPECIALS.sub(lambda m: BIBTEX_SPECIAL[m.group(0)], one_line(text))


def _bibtex_name(name: str) -> str:
    """A person's name as one author: braced whole when BibTeX would read its "and" or comma as name syntax."""
    escaped = _bibtex(name)
    return f"{{{escaped}}}" if re.search(r",|\band\b", escaped, re.IGNORECASE) else escaped


def csl_item(citation: Citation) -> dict[str, object]:
    """A CSL-JSON item; `issued` has date-parts only for a known date or interval, else says the date in words."""
    item: dict[str, object] = {"id": citation.key, "type": CSL_TYPES[citation.kind], "title": citation.title}
    if citation.speaker:
        item["author"] = [{"literal": citation.speaker}]
    if citation.kind == "statement":
        item["container-title"] = citation.container
    if citation.outlet:
        item["container-title" if citation.kind in ("news", "magazine") else "publisher"] = citation.outlet
    known = date_range(citation.date)
    if known:
        item["issued"] = {"date-parts": [list(parts) for parts in known]}
    elif edtf_bounds(citation.date) is not None:
        item["issued"] = {"literal": date_words(citation.date)}
    if citation.language:
        item["language"] = citation.language
    item |= {"URL": citation.page, "archive": ARCHIVE_NAME, "archive_location": citation.key}
    if citation.original:
        item["note"] = f"Originally at {citation.original}"
    return item


def csl_json(item: dict[str, object]) -> str:
    """CSL-JSON of one item (a list of one, as CSL-JSON files are), a line for each variable; `<`, `>`, `&` as \\u escapes."""
    variables = ",\n".join(f"    {_json(name)}: {_json(value)}" for name, value in item.items())
    return f"[\n  {{\n{variables}\n  }}\n]"


def _json(value: object) -> str:
    # The same JSON: these characters occur only inside strings, where an escape stands for each.
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_cite_block(citation: Citation, what: str) -> list[str]:
    """A collapsed "Cite this" block: the plain text as running text, BibTeX and CSL-JSON as code blocks.

    No character of data reaches the page's source as `<`: MkDocs reads the whole source as HTML
    to check anchors, and an unclosed `<!--` or `<script>` in it would hide every anchor after it.
    """
    out = [f'??? quote archive-cite "Cite this {what}"', "    **Plain text**", "", f"    {escape_markdown(plain_citation(citation))}", ""]
    for label, text in (("BibTeX", bibtex_citation(citation)), ("CSL-JSON", csl_json(csl_item(citation)))):
        out += [f"    **{label}**", ""] + [f"        {line}" for line in text.splitlines()] + [""]
    return out
