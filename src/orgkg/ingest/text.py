"""The plain-text article format, and turning raw bytes into text safely.

The format is the corpus's: a headline line, a date line, a blank line, the body::

    EEC and ASEAN Secretariat agree to build a steady dialogue

    2018-11-15

    Chairman of the Board of the Eurasian Economic Commission ...

The reader is lenient: blank lines may or may not separate the three parts, the date
line may be missing or say "Undated" (the Re-DocRED files), and a Markdown "# " before
the headline is dropped.
"""

from __future__ import annotations

import datetime as dt
import re

from orgkg.extract.dates import parse_date_line
from orgkg.model import Article

__all__ = ["decode_text", "read_text_article", "normalise_newlines"]

# A headline longer than this is taken for a body paragraph of a file without one.
MAX_HEADLINE = 300
_UNDATED = re.compile(r"(?i)\s*(?:undated|no date|n\.\s?d\.|date unknown)\s*")
_MD_HEADING = re.compile(r"#{1,6}\s+")


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn \\r\\n and lone \\r into \\n."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes) -> str:
    """UTF-8 bytes as text; raises ``ValueError`` with a reason for the user otherwise.

    The reasons: "empty file", "binary file" (NUL bytes), and
    "not UTF-8 text (byte 0xff at offset 12)".
    """
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data:
        raise ValueError("binary file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        offset = e.start + (3 if bom else 0)
        raise ValueError(f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {offset})") from None
    return text


def _date_line(line: str) -> tuple[bool, dt.date | None]:
    """Is ``line`` an article's date line, and which date does it give?"""
    if _UNDATED.fullmatch(line):
        return True, None
    date = parse_date_line(line)
    return date is not None, date


def assemble(title: str | None, body: str) -> str:
    """The ``Article.text`` for a headline and a body: headline, blank line, body."""
    if title and body:
        return f"{title}\n\n{body}"
    return title or body


def strip_blank_lines(text: str) -> str:
    """``text`` without its leading and trailing blank lines (inner ones are kept)."""
    lines = text.split("\n")
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    if start == end:
        return ""
    return "\n".join(lines[start:end]).rstrip()


def read_text_article(text: str, *, id: str, source: str) -> Article:
    """Parse one article in the text format (headline, date line, blank line, body).

    ``Article.text`` is the headline, a blank line and the body with its own lines and
    paragraphs as they were (BOM dropped, newlines normalised), so evidence offsets point
    into it. Raises ``ValueError`` if ``text`` holds nothing but whitespace.
    """
    lines = normalise_newlines(text).split("\n")
    i, n = 0, len(lines)
    while i < n and not lines[i].strip():
        i += 1
    if i == n:
        raise ValueError("empty text")

    title: str | None = None
    date: dt.date | None = None
    first = lines[i].strip()
    is_date, date = _date_line(first)
    if is_date:
        i += 1  # a date line with no headline above it
    elif len(first) <= MAX_HEADLINE:
        title = _MD_HEADING.sub("", first, count=1).strip() or None
        i += 1
        j = i
        while j < n and not lines[j].strip():
            j += 1
        if j < n:
            is_date, date = _date_line(lines[j].strip())
            if is_date:
                i = j + 1
    body = strip_blank_lines("\n".join(lines[i:]))
    return Article(id=id, text=assemble(title, body), title=title, date=date, source=source)
