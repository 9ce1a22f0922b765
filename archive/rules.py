"""Rule tables for reading seeds: boilerplate lines, abbreviations and transcript labels."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LineRule:
    """A line that is site furniture, not article text, whatever its position: `pattern` matches all of it."""

    name: str
    pattern: re.Pattern[str]
    why: str


@dataclass(frozen=True, slots=True)
class PositionalRule:
    """A line dropped for where it sits, or for what no pattern can test; structure.py applies it."""

    name: str
    max_words: int
    why: str


# The letters of the scripts written without spaces or case: kana, CJK ideographs, hangul.
CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"


def _phrases(*phrases: str) -> str:
    """A pattern for any of `phrases`, with the arrows and bullets sites put around link text."""
    decoration = r"[\s»›→←↑•·|>]*"
    return decoration + "(?:" + "|".join(re.escape(p) for p in phrases) + ")" + decoration


def _rule(name: str, pattern: str, why: str) -> LineRule:
    """A line rule whose pattern is matched case-insensitively against a whole line."""
    return LineRule(name, re.compile(pattern, re.IGNORECASE), why)


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?:\s(?:[A-Z]{2,4}|UTC[+-]\d{1,2}))?"
_NUMERIC_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO_MONTH = r"\d{4}-(?:0[1-9]|1[0-2])(?![\d-])"  # a month only, as a store stamps some pages
_BULLETS = r"[\s•·|–—-]*"
# A day as Unix `date` and some content systems write it: "Tue Jul 7 00:57:51 EST 2009", "26-Mar-2010 16:58".
_CTIME = rf"(?:mon|tue|wed|thu|fri|sat|sun)\s{_MONTH}\s{{1,2}}\d{{1,2}}\s\d{{2}}:\d{{2}}:\d{{2}}\s(?:[A-Z]{{2,5}}\s)?\d{{4}}"
_DAY_MON_YEAR = rf"\d{{1,2}}-{_MONTH}-\d{{4}}(?:\s{_CLOCK})?"

PHOTO_CREDIT = "photo-credit"  # the line rule a photo caption sits next to

LINE_RULES: tuple[LineRule, ...] = (
    _rule(
        "navigation",
        _phrases(
            "skip to content", "skip to main content", "skip navigation", "all news", "back to top",
            "to top", "menu", "main menu", "home", "search", "close", "load more", "next article",
            "previous article", "next", "previous", "related", "related articles", "related news",
            "related stories", "see also", "latest news", "more news", "top stories", "print",
            "print version", "tags", "subscribe", "show more", "see more", "view more", "search form",
            "zum inhalt springen", "aller au contenu", "saltar al contenido", "ir al contenido", "vai al contenuto",
            "pular para o conteúdo", "перейти к содержанию", "içeriğe geç", "go to home page", "go to homepage",
            "back to home page", "off the wire", "advanced search",
        )
        + r"|press\s.?enter.?\sto skip to (?:main )?content|içeriğe geçmek için\s.?enter.?\s?a basın",
        "site navigation links carried over by the scraper, skip links in any language",
    ),
    _rule(
        "edition-switch",
        _phrases(
            "leer en español", "ver en español", "versión en español", "lire en français",
            "version française", "read in russian", "read in english", "read in spanish",
            "read in french", "read in german", "read in chinese", "read in arabic",
            "english version", "russian version", "spanish version", "auf deutsch lesen",
            "deutsche version", "читать на русском", "русская версия", "english", "русский",
            "español", "français", "deutsch",
        ),
        "a link to the same page in another language edition",
    ),
    _rule(
        "share-follow",
        r"(?:share|tweet|email)(?:\s(?:this(?:\s(?:article|story|page))?|on|via)\b.{0,40})?"
        r"|follow us(?:\son\ssocial(?:\smedia)?)?"
        r"|(?:read|subscribe|follow|join|find)\b(?!-).{0,60}"
        r"\b(?:telegram|twitter|facebook|vk|vkontakte|youtube|instagram|whatsapp|newsletter|rss)\b.{0,100}",
        "share buttons and calls to subscribe or follow the outlet elsewhere",
    ),
    _rule(
        PHOTO_CREDIT,
        r"(?:photo|photos|image|images|picture|pic|photo credit|photographer|credit|credits|фото)\s?:\s?.{1,100}"
        r"|photo\s(?:by|via|courtesy\sof)\s.{1,100}"
        r"|[^:]{1,100}\s(?:photo|фото|foto)\s?:\s?[^:]{1,60}"  # a caption closed by its credit: "Мария Захарова Фото: МИД РФ"
        r"|(?:©|\(c\)\s).{0,100}"
        r"|copyright\s(?:©\s?)?\d{4}.{0,100}"
        r"|[^()]{1,300}\((?:©|photo:|photo by|ap photo)[^()]{1,100}\)"
        r"|[^()]{1,600}\([^()]{0,40}\bphotos?\s?(?:/|:|by\b)[^()]{1,100}\)",  # "... (U.S. Air Force photo/Jane Doe)"
        "who took or owns the picture, alone or closing the picture's caption: page furniture, not what was said",
    ),
    _rule(
        "timestamp",
        rf"{_BULLETS}(?:(?:updated|published|posted|last updated)(?:\son)?:?\s)?"
        rf"(?:{_ISO}|{_CTIME}|{_DAY_MON_YEAR}|{_CLOCK},?\s{_NUMERIC_DATE}|{_NUMERIC_DATE}(?:,?\s{_CLOCK})?|{_CLOCK}){_BULLETS}",
        "a bare publication or update time; the date stage reads it from the removed lines",
    ),
    _rule(
        "dateline",
        r"(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3},\s)?"
        r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s)?"
        rf"(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{1,2}}\s{_MONTH},?\s\d{{4}})"
        rf"(?:,?\s{_CLOCK})?",
        "a place-and-date line above the body; the date stage reads it from the removed lines",
    ),
    _rule(
        "labelled-date",
        rf"(?:date|published|posted)\s?:?\s(?:{_ISO}|{_ISO_MONTH})\b.*",
        "the page's date as its metadata gives it, often run together with its menu; the date stage reads it",
    ),
    _rule(
        "site-furniture",
        _phrases(
            "view settings", "font size:", "site colours:", "site colors:", "images", "settings", "you are here",
            "edit post", "advertisement", "live broadcast", "live", "×", "✕", "your browser doesn’t support html5",
            "your browser doesn't support html5", "select important", "озвучить текст", "on", "off", "link copied",
            "additional links", "full text", "breaking news", "accessibility links", "top of page", "license photo",
            "get the news faster.", "support us", "enjoying ad-free content?", "here's how you know",
            "here’s how you know", "listen to this article", "listen", "comments", "share this",
            "subscriber only", "subscribers only", "for subscribers", "premium", "for immediate release",
            "immediate release", "printable banner", "printable version", "printer-friendly version", "more info ok",
            "you are viewing:", "you are viewing",
        )
        + r"|view all \(\d+\)|\d+ of \d+|\d+ min(?:ute)? read|\d{1,3}"
        r"|(?:category|categories|filed under|section)\s?:\s?[^.!?]{1,60}"  # "Category: News"
        r"|(?=[\w.-]*\d{4})[\w-]+_[\w.-]+",  # an image's file name standing for it: "48162366697_5ced4bdfb7_o"
        "menus, buttons, counters, labels and image names of the page around the article",
    ),
    _rule(
        "site-banner",
        r"(?:an )?official (?:web ?)?site of .{3,80}|welcome to (?:the )?[^.!?,;:]{3,40}|official websites use \.gov"
        r"|(?:an? )?\.gov website belongs to .{5,80}|secure \.gov websites use https|a lock .{0,20} means you.ve safely connected .{5,200}"
        r"|.{0,60}\blogo\b.{0,60}|.{0,80}\bwe have disabled all ads\b.{0,80}|this commitment costs us .{5,80}"
        r"|our journalism is banned in .{3,200}"
        r"|this is historical material\b.{0,200}|.{0,100}\bno longer (?:being )?updated\b.{0,200}"
        r"|you (?:have accessed|are viewing) .{0,80}\b(?:historical|archived?)\b.{0,300}"
        r"|.{0,100}\barchived? (?:site|website|pages?|content)\b.{0,60}\bnot updated\b.{0,300}"
        r"|.{0,60}\breleased online from .{5,40} to .{5,40}|for current information,? (?:please )?(?:go to|visit)\b.{0,100}"
        r"|.{0,80}\b(?:google play|app store|itunes)\b.{0,80}"
        r"|.{0,80}\b(?:we|(?:this|our) (?:web)?site) uses? cookies\b.{0,300}"
        r"|in order to (?:ensure|provide|offer|improve) (?:you )?the (?:highest|best) quality of our services\b.{0,300}"  # a cookie banner
        r"|(?:get |all )?the latest news\b.{0,160}"
        r"|[-|]\s(?-i:[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){1,3})",  # the site's name a page title ends with, left on a line: "- Sputnik International"
        "the site's banner, name, logo, blurb, appeal or notice of what kind of site it is (an archive): not the article",
    ),
    _rule(
        "press-contact",
        r"(?:media|press)\s+(?:contacts?|inquiries|enquiries)\b.{0,200}",
        "a press office's contact line, who to call for more: not the article",
    ),
    _rule(
        "breadcrumb",
        r"home(?:\s?[>»/|›]\s?\S.{0,200}|(?-i:[A-Z])\S*(?:\s\S+){0,20})"
        r"|(?:首页|главная|accueil|startseite|inicio|strona główna)\s?[>»/|›]\s?\S.{0,200}",  # "首页 > 国内新闻 > 正文"
        "the trail of sections above the article, \"Home > News > ...\" or run together, \"HomeNewsNews Releases\": the headline is below it",
    ),
    _rule(
        "markup",
        r"<\?xml[^<>]{0,200}\?>|(?:</?(?:div|span|p|section|article|header|footer|nav|aside|main|amp-[\w-]+)\b[^<>]{0,300}>\s*)+",
        "an XML declaration or layout tags alone on a line (\"<?xml version=\"1.0\"?>\", \"<div class=...>\"), left by the scraper; "
        "any other markup stays, as text",
    ),
    _rule(
        "bare-url",
        r"(?:https?://|www\.)\S+",
        "a link with no words around it is a leftover share button or embed",
    ),
)

ABOVE_HEADLINE = PositionalRule(
    "above-headline",
    0,
    "a line above the headline is the page around the article: its menus, site name and section",
)
BYLINE_BLOCK = PositionalRule(
    "byline-block",
    12,
    "a line between headline and text naming the genre, the author, the speaker's office, the place or the time",
)
# A date or a time as a byline writes it, with the year: cut out to see what else a dated line says.
DATE_OR_TIME = re.compile(
    rf"(?i)\b(?:{_MONTH}\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?|{_MONTH},?\s\d{{4}}|{_NUMERIC_DATE}|{_ISO}|{_CLOCK})"
)
# Words that name a press office's genre: a dated line with one of them and more words is a headline.
GENRE_WORDS: frozenset[str] = frozenset(
    "briefing briefings remarks statement statements interview speech address conference readout transcript communique"
    # The same in French, German, Spanish and Russian: "Extrait du point de presse (8 novembre 2019)"
    " presse déclaration discours entretien conférence communiqué rede erklärung pressekonferenz declaración discurso"
    " comunicado entrevista брифинг заявление выступление интервью".split()
)
# A line of the byline block: "By Richard Solash", "Posted Feb 5, 2011 9:07 AM CST", "REYKJAVIK, ICELAND",
# "ANTONY J. BLINKEN, SECRETARY OF STATE", "June 16, 2021, Geneva", "Vienna, Austria, posted at 19:36 CET".
BYLINE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?i)(?:by|written by|reporting by|posted by|from)\s.{1,120}"),
    re.compile(r"(?i)(?:published|posted|updated|last updated|released|issued)\b.{0,80}"),
    re.compile(rf"(?i).{{0,60}}\b(?:{_MONTH}\s\d{{1,2}}\b|\d{{1,2}}\s{_MONTH}|{_NUMERIC_DATE}|{_ISO}|{_CLOCK}).{{0,60}}"),
    re.compile(rf"[^a-zß-öø-ÿа-яё{CJK_LETTERS}]{{2,100}}"),  # upper case throughout (no lower-case Latin, Cyrillic, or caseless CJK): the genre, a name and office, a place
    re.compile(r"(?i)\(?as (?:prepared|delivered)(?: for delivery)?\)?"),
    # A desk's credit instead of a writer's name: "FP Report", "Staff Report", "News Desk".
    re.compile(r"(?:[A-Z]{1,6}|[Ss]taff|[Nn]ews|[Ww]eb|[Oo]nline)\s(?:[Rr]eport|[Dd]esk|[Rr]eporter|[Cc]orrespondent)"),
)
# Small words a byline's office or venue line may hold in lower case: "Bureau of Arms Control", "Remarks at the Meeting".
BYLINE_SMALL_WORDS: frozenset[str] = frozenset({"of", "the", "for", "and", "on", "at", "in", "to", "&"})
PULL_QUOTE = PositionalRule(
    "pull-quote",
    4,
    "a quotation set apart from the text and signed on the line below (\"– Jane Doe\"): the site's quotation box, not the article",
)
# The signature below a pull quote: a dash and a name of up to four words.
PULL_QUOTE_SIGNATURE = re.compile(r"[–—―-]\s?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}")
# How a news photo's caption ends, with the day it was taken: ", Tuesday, Feb. 21, 2023." A headline never does.
CAPTION_ENDING = re.compile(
    rf"(?i),\s(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s{_MONTH}\s\d{{1,2}},\s\d{{4}}\.(?:\s\([^()]{{1,80}}\))?$"
)

SITE_TITLE = PositionalRule(
    "site-title",
    12,
    "the site's name after its acronym, the page's title: \"NATO - North Atlantic Treaty Organization\"",
)
CONTENTS = PositionalRule(
    "contents",
    0,
    "a table of contents and its numbered items below the headline: what the page holds, not its text",
)
CONTENTS_HEADING = re.compile(r"(?i)(?:table of contents|contents|in this issue)")
CONTENTS_ITEM = re.compile(r"\d{1,3}\.\s+\S.*")
# The page's date as its metadata gives it, run together with the text's first sentence: "date 2018-02-05 The following ...".
# The page's stamp glued to its first line, a day's or only a month's ("date 2023-02 GENF (dpa-AFX) - ...").
GLUED_DATE = re.compile(rf"(?i)\s*(?:date|published|posted)\s?:?\s(?:{_ISO}|{_ISO_MONTH})\s+(?P<rest>\S.*)")

PHOTO_CAPTION = PositionalRule(
    "photo-caption",
    60,
    "a line without terminal punctuation right before or after a photo credit describes the photo",
)
IMAGE_LABEL = PositionalRule(
    "image-label",
    3,
    "a one-to-three-word line without punctuation between headline and lead is the lead image's label",
)

# Compared as written: "No." before a number is an abbreviation, "no." ending a reply is not.
ABBREVIATIONS: frozenset[str] = frozenset({
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Mt.", "Ft.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.",
    "Sgt.", "Adm.", "Cmdr.", "Gov.", "Sen.", "Rep.", "Rev.", "Hon.", "Amb.", "Jr.", "Sr.", "No.", "Nos.",
    "Vol.", "Vols.", "Art.", "Fig.", "Sec.", "Ch.", "Ltd.", "Inc.", "Co.", "Corp.", "Bros.", "vs.", "cf.",
    "al.", "approx.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    "U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "U.S.S.R.", "D.C.", "Ph.D.", "e.g.", "i.e.", "a.m.", "p.m.",
})

# Transcript labels that name a role, not a person; compare with `label.casefold()`.
NON_PERSON_LABELS: frozenset[str] = frozenset({
    "question", "questions", "q", "answer", "a", "moderator", "participant", "participants",
    "audience member", "member of the audience", "audience", "interpreter", "translator", "host",
    "presenter", "journalist", "correspondent", "reporter", "remark", "reply", "response", "operator",
    "staff", "announcer", "narrator", "voice", "voices", "unidentified speaker", "off-mic", "crosstalk",
    "briefer", "briefers", "speaker", "speakers",
    # The French press office's answers ("Q :", "R :"), and a page's contact and section labels ("E-Mail:", "Details:").
    "r", "e-mail", "email", "tel", "tel.", "phone", "fax", "web", "website", "twitter", "facebook", "telegram",
    "instagram", "youtube", "quote", "details", "source", "note", "update", "video", "photo",
    "aussender", "redaktion", "department", "full debate", "special",
})

# Words of a news outlet's name: a turn label holding one names who asks ("Example Daily:", "Riverton TV:"), not a person.
MEDIA_LABEL_WORDS: frozenset[str] = frozenset(
    {"daily", "tv", "news", "agency", "television", "radio", "newspaper", "times", "journal", "media", "network", "channel", "broadcasting"}
)

# "Word:" at a line start that introduces page metadata, never a speaker; compare with casefold().
NON_TURN_LABELS: frozenset[str] = frozenset({
    "photo", "photos", "image", "picture", "credit", "caption", "source", "sources", "note",
    "editor's note", "editor’s note", "update", "updated", "published", "posted", "tags", "tag",
    "read more", "read also", "see also", "related", "watch", "video", "listen", "date", "time",
    "location", "venue", "place", "subject", "topic", "topics", "category", "keywords", "contact",
    "email", "phone", "tel", "fax", "website", "attachment", "copyright", "summary", "background",
    "who", "what", "where", "when", "why", "how",  # a media advisory's fields
})

# Words that open a sentence addressed to someone, never a speaker label: "To Under Secretary Shannon: Every day, ...".
NOT_LABEL_START: frozenset[str] = frozenset(
    {"to", "for", "from", "with", "in", "on", "at", "by", "and", "but", "or", "if", "when", "after", "before", "during", "since", "dear", "about"}
)

# Titles that may precede a name in a speaker label ("SECRETARY KERRY", "MS PSAKI"); case-insensitive.
TITLE_WORDS: tuple[str, ...] = (
    "Secretary", "Minister", "Foreign Minister", "Prime Minister", "Deputy Foreign Minister",
    "Ambassador", "President", "Vice President", "Mr", "Ms", "Mrs", "Dr", "Prof", "Sir", "Madam",
    "Spokesperson", "Spokesman", "Spokeswoman", "Deputy", "Under Secretary", "Assistant Secretary",
    "Press Secretary", "State Secretary", "Senator", "Representative", "Congressman", "Congresswoman",
    "Chairman", "Chairwoman", "Chair", "Director", "General", "Admiral", "Colonel", "Governor", "Mayor",
    "Chancellor", "Commissioner", "High Representative", "Envoy", "Special Envoy", "Acting", "King",
    "Queen", "Prince", "Sheikh", "Secretary of State", "Minister of Foreign Affairs", "Foreign Secretary",
    "Secretary General", "Secretary-General", "Under-Secretary-General", "Assistant Secretary-General", "Director General", "Director-General", "Permanent Representative",
    "Defence Minister", "Defense Minister", "Defense Secretary", "National Security Adviser",
    "Chief", "Cabinet Secretary", "Columnist", "Professor",
)

# Lower-case parts of names, so "Ursula von der Leyen:" still reads as a speaker label.
NAME_PARTICLES: frozenset[str] = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "la", "le",
    "al", "el", "bin", "ibn", "ben", "zu", "ter", "ten", "y",
})
