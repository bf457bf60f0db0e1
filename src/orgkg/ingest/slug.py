"""Readable ASCII identifiers for articles."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not split into an ASCII base and a combining mark.
_SPECIAL = str.maketrans(
    {"æ": "ae", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "œ": "oe", "ı": "i", "ŋ": "n"}
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII, lower-case, hyphen-separated form of ``text`` ("Björn's Café" -> "bjorn-s-cafe").

    Letters without an ASCII form (Cyrillic, CJK) are dropped, so the result may be
    empty; callers supply their own fallback. Longer slugs are cut at a hyphen.
    """
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug.rfind("-", 0, max_length + 1)
        slug = slug[: cut if cut > 0 else max_length].strip("-")
    return slug
