"""Web pages: main text, title, date and URL pulled out with trafilatura, offline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from orgkg.extract.dates import parse_date_line
from orgkg.model import Article

from .text import assemble, normalise_newlines, strip_blank_lines

__all__ = ["read_html_article"]


def _extract(data: bytes) -> Any:
    # trafilatura takes a third of a second to import: only pay for it when a page comes.
    from trafilatura import bare_extraction

    return bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_date_line(value)


def read_html_article(data: bytes, *, id: str, source: str) -> Article:
    """The article in an HTML page (bytes: trafilatura finds the encoding itself).

    The body's paragraphs are separated by blank lines, as in the text format. Raises
    ``ValueError`` with a reason when the page holds no article text.
    """
    doc = _extract(data)
    body = normalise_newlines(getattr(doc, "text", None) or "") if doc is not None else ""
    if not body.strip():
        raise ValueError("no article text found in the page")
    title = " ".join((getattr(doc, "title", None) or "").split()) or None
    lines = [ln.strip() for ln in body.split("\n")]
    lines = [ln for ln in lines if ln]
    if title and lines and lines[0] == title:
        lines.pop(0)  # the page's <h1> repeats the title
    date = _iso_date(getattr(doc, "date", None))
    if lines and (first_date := parse_date_line(lines[0])) is not None:
        # A date line at the top of the text, as in the text format.
        date = date or first_date
        lines.pop(0)
    text = assemble(title, strip_blank_lines("\n\n".join(lines)))
    if not text:
        raise ValueError("no article text found in the page")
    url = getattr(doc, "url", None) or None
    return Article(id=id, text=text, title=title, date=date, url=url, source=source)
