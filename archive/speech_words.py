"""The words that attribute speech to a person, in the languages the archive's outlets write (data only).

English comes first, and its `SPEECH_VERBS` are what the suggestions' alignment reads too; German, French,
Spanish, Russian and Turkish follow, because ministries, wires and newspapers quote the same
officials in them. Speakers are found in folded text (`archive.extract.fold`: lower case, no
accents, "й" as "и"), so every word here is folded where it is used; write them as the
language spells them.
"""

from __future__ import annotations

# Verbs that attribute words to a person ("Lavrov said", "said Lavrov").
SPEECH_VERBS = (
    "said", "says", "told", "added", "adds", "stressed", "stresses", "emphasized", "emphasised",
    "emphasizes", "noted", "notes", "warned", "warns", "explained", "explains", "stated", "states",
    "asserted", "argued", "argues", "declared", "remarked", "recalled", "continued", "pointed out",
    "underlined", "underscored", "insisted", "reiterated", "commented", "replied", "answered",
    "claimed", "announced", "urged", "condemned", "slammed", "affirmed", "acknowledged",
    "admitted", "wrote", "tweeted", "observed", "suggested", "confirmed", "denied", "criticized",
    "criticised", "believes", "thinks", "asked", "expressed", "proposed", "addressed", "called it", "calling it", "made the remarks",
    "informed", "assured", "vowed", "made clear", "called on", "called for", "provided the following",
    "spoke about", "spoke of",
    "released the following statement", "issued the following statement", "released a statement", "issued a statement",
)
# Verbs of acts that report someone's words without quoting them ("Guterres welcomed", "Putin invited"): a speaker's,
# but too loose to open a quoted passage for the suggestions' alignment.
SPEECH_ACT_VERBS = (
    "spoke", "welcomed", "welcomes", "highlighted", "highlights", "claims", "called", "reproached",
    "described",
    "made it clear",
    # A conversation: the one who holds it speaks ("Sherman spoke today with Schmid").
    "talked with", "talked to", "held talks with",
    "had a telephone conversation with", "had a phone conversation with", "had a phone call with",
)
# The same after a speaker in the other languages: "Baerbock sagte", "Lavrov a déclaré", "Песков заявил".
OTHER_SPEECH_VERBS = (
    # German
    "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "warnte", "warnt", "forderte", "fordert",
    "kritisierte", "kritisiert", "bekräftigte", "unterstrich", "schrieb", "teilte mit", "meinte", "bestätigte",
    "kündigte an", "mahnte", "sprach",
    # French
    "a déclaré", "a dit", "a affirmé", "a souligné", "a annoncé", "a indiqué", "a estimé", "a ajouté",
    "a expliqué", "a précisé", "a averti", "a rappelé", "a jugé", "a assuré", "a insisté", "a salué",
    "a appelé", "a proposé", "a réaffirmé", "a exprimé", "déclare", "affirme", "estime", "souligne",
    # Spanish
    "dijo", "afirmó", "declaró", "señaló", "aseguró", "indicó", "explicó", "añadió", "subrayó",
    "advirtió", "manifestó", "expresó", "sostuvo", "destacó", "anunció", "reiteró", "ha dicho", "ha afirmado",
    "ha declarado", "ha reiterado", "ha asegurado", "ha manifestado", "ha recordado", "ha señalado", "ha subrayado",
    "ha advertido", "ha explicado", "ha indicado", "ha insistido", "ha destacado", "ha defendido",
    # Italian and Polish
    "ha detto", "ha dichiarato", "ha affermato", "ha sottolineato", "ha spiegato", "ha aggiunto",
    "powiedział", "powiedziała", "przekazał", "przekazała", "oświadczył", "oświadczyła", "stwierdził", "stwierdziła",
    "podkreślił", "podkreśliła", "dodał", "dodała", "zapowiedział", "oskarżył",
    # Romanian
    "a declarat", "a spus", "a precizat", "a afirmat", "a subliniat", "a adăugat", "a anunțat", "a transmis",
    # Turkish, where the speaker opens the sentence and is set off by a comma or followed at once
    "yaptığı açıklamada",
    # Russian, a man's and a woman's past tense and the present
    "заявил", "заявила", "сказал", "сказала", "сообщил", "сообщила", "отметил", "отметила",
    "подчеркнул", "подчеркнула", "добавил", "добавила", "рассказал", "рассказала", "пояснил", "пояснила",
    "напомнил", "напомнила", "предложил", "предложила", "призвал", "призвала", "заверил", "заверила",
    "указал", "указала", "ответил", "ответила", "выразил", "выразила", "написал", "написала",
    "высказался", "высказалась", "прокомментировал", "прокомментировала", "констатировал", "констатировала",
    "описал", "описала", "объявил", "объявила", "объявлял", "объявляла", "заявлял", "заявляла",
    "считает", "заявляет", "говорит", "отмечает", "подчеркивает",
    "сделал заявление", "сделала заявление", "сделал ряд заявлений", "сделала ряд заявлений",
)
# Words between a speaker and the verb that change nothing ("Путин также заявил", "Lavrov a également déclaré").
OTHER_ADVERBS = ("также", "ранее", "вновь", "уже", "сегодня", "накануне", "неоднократно", "auch", "bereits", "zudem", "également")
# Verbs that may come before their speaker ("said Lavrov", "quoted Ryabkov as saying"); "told X" names the listener instead.
INVERTED_VERBS = (
    "said", "says", "added", "adds", "noted", "stressed", "explained", "continued", "recalled", "wrote", "stated",
    "emphasized", "emphasised", "quoted",
    # German, French, Spanish, Russian: "kritisierte Baerbock", "a déclaré le porte-parole ..., X", "dijo X", "напомнил Путин"
    "sagte", "erklärte", "betonte", "warnte", "forderte", "kritisierte", "bekräftigte", "unterstrich", "schrieb", "meinte",
    "kündigte",
    "a déclaré", "a dit", "a affirmé", "a souligné", "a indiqué", "a ajouté", "a expliqué", "a précisé", "a estimé",
    "a assuré", "a rappelé", "déclare",
    "dijo", "afirmó", "declaró", "señaló", "aseguró", "indicó", "explicó", "añadió", "subrayó",
    "a declarat", "a spus", "a precizat", "a afirmat", "a subliniat",
    "ha detto", "ha dichiarato", "powiedział", "powiedziała", "przekazał", "przekazała", "oświadczył", "oświadczyła",
    "stwierdził", "podkreślił", "dodał",
    "заявил", "заявила", "сказал", "сказала", "сообщил", "сообщила", "отметил", "отметила", "подчеркнул",
    "подчеркнула", "добавил", "добавила", "рассказал", "рассказала", "пояснил", "пояснила", "напомнил", "напомнила",
    "написал", "написала", "высказал", "высказала", "цитирует",
    # Arabic, which puts the verb first: "وقالت زاخاروفا", "وذكرت زاخاروفا"
    "قال", "قالت", "وقال", "وقالت", "ذكر", "ذكرت", "وذكر", "وذكرت", "أكد", "أكدت", "وأكد", "وأكدت", "أضاف", "أضافت",
    "صرح", "صرحت",
)
# Words before a speaker that make a passive's agent of them: "the moratorium announced by X", "la propuesta presentada por X".
PASSIVE_BY = (
    "announced by", "proposed by", "put forward by", "anunciada por", "anunciado por", "presentada por", "propuesta por",
    "annoncée par", "proposée par", "formulée par", "angekündigt von", "vorgeschlagen von",
)
# Words before a speaker that give them the words around: "according to X", "selon X", "по словам Пескова".
ACCORDING_TO = (
    "according to", "attributed to", "attributable to", "selon", "d'après", "laut", "según", "secondo", "по словам",
    "по мнению", "według",
)
# Turkish puts a participle straight before its speaker: "açıklama yapan Lavrov" (Lavrov, who made a statement).
PARTICIPLES_BEFORE = (
    "açıklama yapan", "ifade eden", "konuşan", "belirten", "söyleyen", "değerlendiren", "kaydeden", "vurgulayan",
)
# Verbs that end the sentence of the speaker who opens it, in Turkish and in a German perfect:
# "Sergey Lavrov, ... ilerleme kaydedildiğini söyledi.", "Baerbock hat Putin zur Rückkehr aufgerufen."
CLAUSE_FINAL_VERBS = (
    "söyledi", "dedi", "belirtti", "kaydetti", "açıkladı", "vurguladı", "bildirdi", "ifade etti", "dile getirdi",
    "uyardı", "aktardı", "savundu", "önerdi", "önermişti", "duyurdu", "duyurmuştu", "açıklamıştı", "söylemişti",
    "belirtmişti", "ifade etmişti",
    "gesagt", "erklärt", "betont", "gefordert", "gewarnt", "aufgerufen", "kritisiert", "angekündigt", "bekräftigt",
    "bezeichnet", "bestätigt",
)
# Nouns that introduce someone's words ("statements from X", "remarks attributed to X", "l'annonce faite par X").
SPEECH_NOUNS = (
    "statement", "statements", "remarks", "comments", "words", "interview", "message", "announcement", "briefing",
    "speech", "address", "news conference", "press conference", "déclaration", "annonce", "propos", "discours",
    "erklärung", "äußerungen", "ankündigung", "aussage", "worte", "declaración", "declaraciones", "dichiarazioni",
    "parole", "заявление", "слова",
)
# The words that join such a noun to its speaker: "statements from X", "die Ankündigung von X", "les propos de X".
SPEECH_NOUN_JOINS = ("from", "by", "of", "attributed to", "von", "de", "du", "del", "di", "della")
# Nouns of a speech act a possessive gives its speaker: "Trump's call for", "President Obama's strong belief".
# A proposal, an offer or an invitation is an act, not words (the labels' reading since round 7).
SPEECH_ACT_NOUNS = (
    "call for", "call upon", "call on", "calls for", "belief", "warning", "warnings", "appeal",
    "claim", "claims", "pledge", "request", "demand", "demands", "letter", "tweet", "reply",
    "response", "answer", "assurances", "criticism", "suggestion", "words", "comment", "reiteration", "news conference",
    "press conference",
)
# Words that may stand between such a verb and the name: titles and roles (a hyphenated word's parts each) ("said Deputy Foreign Minister X",
# "a déclaré le porte-parole du ministère des Affaires étrangères, X", "рассказал пресс-секретарь главы государства X").
ROLE_WORDS = frozenset(
    """foreign minister deputy spokeswoman spokesman spokesperson envoy ambassador high representative permanent
    secretary general chief head president prime state press official officials director executive chairman
    chairperson chair senior former top diplomat russia's russian us u.s. un u.n. eu nato osce of for to
    mr ms mrs dr prof counterpart colleague his her
    under assistant arms control international security affairs political and ministry department
    der die des den außenminister außenministerin bundesaußenminister bundeskanzler kanzler präsident präsidenten
    russische russischen kremlsprecher kreml-sprecher sprecher sprecherin minister ministerin generalsekretär
    le la les l' du de des porte parole vice ministre ministère affaires étrangères président chef diplomatie russe
    américain secrétaire général vice-ministre adjoint ambassadeur représentant m. mme
    kremlchef el los del portavoz ministro canciller presidente ruso estadounidense exteriores asuntos secretario
    vicecanciller viceministro jefe portavoce ministero degli esteri
    szef wiceszef rosyjskiego msz minister spraw zagranicznych rosji rzecznik prezydent
    пресс секретарь президента главы государства российского лидера министр иностранных дел рф россии глава мид
    мида замглавы заместитель замминистра официальный представитель посол постпред господин госпожа генсек
    генеральный секретарь кремля президент премьер-министр журналистам председатель российский министерства ведомства""".split()
)
# Chinese and Japanese, which write no spaces: the words that may stand between a speaker and the verb (an office,
# a day), and the verbs. Chinese puts the verb after the speaker ("普京22日表示"); Japanese ends the sentence with it
# after the speaker's "は" ("ラブロフ外相は11日、…と述べた").
CJK_TITLES = ("总统", "總統", "外长", "外長", "副外长", "发言人", "發言人", "大統領", "外相", "外務次官", "報道官", "氏", "首相", "国務長官", "事務総長")
CHINESE_VERBS = ("表示", "说", "說", "称", "稱", "指出", "强调", "強調", "宣布", "宣佈", "回答", "警告", "呼吁", "呼籲")
JAPANESE_VERBS = ("述べた", "語った", "強調した", "表明した", "明らかにした", "指摘した", "発表した")
