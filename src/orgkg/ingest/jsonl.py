"""JSON Lines: one article per line, ``{"text": ..., "title": ..., "date": ..., "url": ..., "id": ...}``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from orgkg.extract.dates import parse_date_line
from orgkg.model import Article, Skipped

from .slug import slugify
from .text import assemble, normalise_newlines, strip_blank_lines

__all__ = ["read_jsonl"]


class _BadLine(ValueError):
    pass


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _BadLine(f'"date" is not a string: {value!r}')
    try:
        return dt.date.fromisoformat(value[:10])  # also "2022-02-16T10:00:00Z"
    except ValueError:
        pass
    got = parse_date_line(value)
    if got is None:
        raise _BadLine(f'cannot read "date": {value!r}')
    return got


def _optional_str(rec: dict[str, object], key: str) -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine(f'"{key}" is not a string')
    return value.strip() or None


def _article(line: str, *, fallback_id: str, source: str) -> Article:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        raise _BadLine(f"invalid JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(rec, dict):
        raise _BadLine("not a JSON object")
    body = rec.get("text")
    if not isinstance(body, str) or not body.strip():
        raise _BadLine('no "text"')
    title = _optional_str(rec, "title")
    title = " ".join(title.split()) if title else None
    url = _optional_str(rec, "url")
    raw_id = rec.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        raise _BadLine('"id" is not a string or a number')
    body = strip_blank_lines(normalise_newlines(body))
    if title and body.startswith(title) and body[len(title) : len(title) + 1] in ("", "\n"):
        body = strip_blank_lines(body[len(title) :])  # the text repeats the title
    aid = slugify(str(raw_id)) if raw_id is not None else ""
    aid = aid or (slugify(title) if title else "") or fallback_id
    return Article(
        id=aid, text=assemble(title, body), title=title, date=_date(rec.get("date")), url=url, source=source
    )


def read_jsonl(path: Path) -> Iterator[Article | Skipped]:
    """Articles from a JSON Lines file, read line by line; each bad line is one ``Skipped``.

    ``id`` comes from the record's ``id``, else its title, else ``FILE-STEM-LINE``.
    Blank lines are ignored. Raises ``OSError`` if the file cannot be opened.
    """
    stem = slugify(path.stem) or "jsonl"
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            source = f"{path}:{lineno}"
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield Skipped(source, f"not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start})")
                continue
            try:
                yield _article(line, fallback_id=f"{stem}-{lineno}", source=source)
            except _BadLine as e:
                yield Skipped(source, str(e))
