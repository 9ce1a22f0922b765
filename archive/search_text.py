"""How search reads text, in the index and in queries alike: folding, words, stop words, stems (pure).

docs/assets/search/engine.js does the same in the browser, so a query finds the same terms there:

1. **Fold**: Unicode NFKD, nonspacing marks (category Mn) dropped, lowercase, then `FOLDS`
   (letters with no decomposition, ß, final sigma, curly quotes and apostrophes).
   Sinirlioğlu and Sinirlioglu, Müller and Muller, Wałęsa and Walesa read the same.
2. **Words**: apostrophes dropped (Lavrov's -> lavrovs), then every run of letters and digits
   (categories L and N) is a word, numbered from 0 in reading order.
3. **Stop words** are lunr's English list, the same in lunr.py and lunr.js.
4. **Stems** are lunr.js's Porter stemmer, ported here rule for rule. lunr.py has its own
   Porter stemmer, which differs from lunr.js's on words ending in -y: it stems "day" to
   "dai", "sergey" to "sergei" and "try" to "try" where lunr.js keeps "day", "sergey" and makes
   "tri" (45 of the 3,067 words of the first seeds). A browser stemming with lunr.js would miss
   those words, so the index uses lunr.js's rules; tests/test_search_browser.py runs both on a
   word list. (lunr's tokenizer and trimmer are not used: lunr.js's trimmer strips every
   non-ASCII letter from a word's ends, which would empty Cyrillic words.)
"""

from __future__ import annotations

import functools
import re
import unicodedata

from lunr.stop_word_filter import WORDS as STOP_WORDS

# Applied after lowercasing. Letters that NFKD leaves whole, so that readers who type them
# without the stroke or ligature still find them; quotes and apostrophes in their straight form.
FOLDS = {
    "ß": "ss", "ς": "σ", "æ": "ae", "œ": "oe", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "þ": "th", "ð": "d",
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "ʼ": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
}
_FOLD_TABLE = str.maketrans(FOLDS)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Python's \w without "_" is exactly Unicode's letters and digits (L and N): checked for every code point.
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Text as search compares it: 'Sinirlioğlu’s' -> "sinirlioglu's"."""
    decomposed = unicodedata.normalize("NFKD", text)
    unmarked = _NON_ASCII.sub(_drop_marks, decomposed)
    return unmarked.lower().translate(_FOLD_TABLE)


def _drop_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if unicodedata.category(c) != "Mn")


def words(folded: str) -> list[str]:
    """The words of folded text in order; a word's index in the list is its position."""
    return _WORD.findall(folded.replace("'", ""))


def is_stop_word(word: str) -> bool:
    """Whether lunr leaves the word out of its index as too common to search ('the', 'of', 'said')."""
    return word in STOP_WORDS


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """lunr.js's Porter stem of a folded word: 'negotiations' -> 'negoti'."""
    if word.isascii() or max(word) <= "\uffff":
        return _porter(word)
    # lunr.js reads a word as UTF-16 code units; so does this, for the rare word beyond the BMP.
    units = word.encode("utf-16-le", "surrogatepass")
    halves = "".join(chr(int.from_bytes(units[i:i + 2], "little")) for i in range(0, len(units), 2))
    return _porter(halves).encode("utf-16-le", "surrogatepass").decode("utf-16-le")


_C, _V = "[^aeiou]", "[aeiouy]"
_CS, _VS = _C + "[^aeiouy]*", _V + "[aeiou]*"
_MGR0 = re.compile(f"^({_CS})?{_VS}{_CS}")
_MEQ1 = re.compile(f"^({_CS})?{_VS}{_CS}({_VS})?$")
_MGR1 = re.compile(f"^({_CS})?{_VS}{_CS}{_VS}{_CS}")
_S_V = re.compile(f"^({_CS})?{_V}")
_STEP_1A = re.compile(r"^(.+?)(ss|i)es$")
_STEP_1A_2 = re.compile(r"^(.+?)([^s])s$")
_STEP_1B = re.compile(r"^(.+?)eed$")
_STEP_1B_2 = re.compile(r"^(.+?)(ed|ing)$")
_LAST = re.compile(r".$")
_AT_BL_IZ = re.compile(r"(at|bl|iz)$")
_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_SHORT = re.compile(f"^{_CS}{_V}[^aeiouwxy]$")
_STEP_1C = re.compile(r"^(.+?[^aeiou])y$")
_STEP_2_ENDINGS = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble", "alli": "al",
    "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al",
    "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP_2 = re.compile(r"^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$")
_STEP_3_ENDINGS = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP_3 = re.compile(r"^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_STEP_4_2 = re.compile(r"^(.+?)(s|t)(ion)$")
_STEP_5 = re.compile(r"^(.+?)e$")
_LL = re.compile(r"ll$")


def _porter(w: str) -> str:
    """lunr.js's porterStemmer (lib/stemmer.js, 2.3.9), step by step; its comments name the steps."""
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]
    if _STEP_1A.search(w):
        w = _STEP_1A.sub(r"\1\2", w, count=1)
    elif _STEP_1A_2.search(w):
        w = _STEP_1A_2.sub(r"\1\2", w, count=1)
    if fp := _STEP_1B.search(w):
        if _MGR0.search(fp[1]):
            w = _LAST.sub("", w, count=1)
    elif fp := _STEP_1B_2.search(w):
        if _S_V.search(fp[1]):
            w = fp[1]
            if _AT_BL_IZ.search(w):
                w += "e"
            elif _DOUBLE.search(w):
                w = _LAST.sub("", w, count=1)
            elif _SHORT.search(w):
                w += "e"
    if fp := _STEP_1C.search(w):
        w = fp[1] + "i"
    if (fp := _STEP_2.search(w)) and _MGR0.search(fp[1]):
        w = fp[1] + _STEP_2_ENDINGS[fp[2]]
    if (fp := _STEP_3.search(w)) and _MGR0.search(fp[1]):
        w = fp[1] + _STEP_3_ENDINGS[fp[2]]
    if fp := _STEP_4.search(w):
        if _MGR1.search(fp[1]):
            w = fp[1]
    elif fp := _STEP_4_2.search(w):
        if _MGR1.search(fp[1] + fp[2]):
            w = fp[1] + fp[2]
    if fp := _STEP_5.search(w):
        if _MGR1.search(fp[1]) or (_MEQ1.search(fp[1]) and not _SHORT.search(fp[1])):
            w = fp[1]
    if _LL.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w, count=1)
    if first == "y":
        w = "y" + w[1:]
    return w
