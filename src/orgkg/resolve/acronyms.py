"""Does a short form abbreviate a long name? ("EAEU" / "Eurasian Economic Union").

A stricter cousin of Schwartz & Hearst's matching (PSB 2003): every content word of the
name gives its initial, in order, and may give a few more letters from inside it
("Eur-a-sian" gives the A of EAEU, "South-e-ast" the E of ASEAN); function words may
give their initial or nothing ("Commonwealth of Independent States" is CIS). Requiring
every content word stops "EU" from abbreviating "Eurasian Economic Union".
"""

from __future__ import annotations

import re
from functools import lru_cache

FUNCTION_WORDS = frozenset(
    "of the and for on in at to with between among de du des la le et y del los las".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MAX_INNER = 2  # letters a word may give beyond its initial


def is_acronym(text: str) -> bool:
    """An all-capitals short form of 2-8 letters ("EAEU", "OSCE")."""
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=65536)
def abbreviates(short: str, name: str) -> bool:
    """True if ``short`` (an acronym) is a plausible abbreviation of ``name``."""
    acr = short.replace(".", "").replace("&", "").lower()
    words = [w.lower() for w in _WORD.findall(name.replace("-", ""))]  # "Co-operation": one word
    if not acr or len(words) < 2 or not any(w not in FUNCTION_WORDS for w in words):
        return False
    return _match(acr, 0, tuple(words), 0)


def _match(acr: str, i: int, words: tuple[str, ...], j: int) -> bool:
    if j == len(words):
        return i == len(acr)
    w = words[j]
    if w in FUNCTION_WORDS and _match(acr, i, words, j + 1):
        return True
    if i >= len(acr) or acr[i] != w[0]:
        return False
    return _inner(acr, i + 1, words, j, w, 1, 0)


def _inner(acr: str, i: int, words: tuple[str, ...], j: int, w: str, pos: int, used: int) -> bool:
    # after the initial, a word may give up to MAX_INNER more letters, in order
    if _match(acr, i, words, j + 1):
        return True
    if used >= MAX_INNER or i >= len(acr):
        return False
    k = w.find(acr[i], pos)
    while k != -1:
        if _inner(acr, i + 1, words, j, w, k + 1, used + 1):
            return True
        k = w.find(acr[i], k + 1)
    return False
