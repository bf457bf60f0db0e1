"""Turn command-line inputs (files, directories, stdin) into a stream of articles.

What is read, by suffix (case-insensitive):

* ``.txt``, ``.md``, ``.text``, ``.markdown``: the text format (see ``text.py``);
* ``.html``, ``.htm``, ``.xhtml``: web pages, through trafilatura;
* ``.jsonl``, ``.ndjson``: one article per line;
* ``-``: standard input, in the text format.

Decisions:

* Directories are walked recursively in sorted name order. Hidden entries (".git",
  ".DS_Store") and ``__pycache__`` are passed over silently.
* Other files met in a directory (``*.gold.json``, ``*.py``) are
  ``Skipped(path, "not an article file (.json)")``, yielded only with
  ``verbose_skips`` so a corpus folder does not drown the output.
* Text files named like project documentation (README, ATTRIBUTION, LICENSE,
  GUIDELINES, CHANGELOG, ...) met in a directory are not articles either: corpus
  folders carry them (the Re-DocRED folder has README.md and ATTRIBUTION.md), and
  reading them would put licence holders and file names into the graph. Named
  explicitly on the command line, they are read like any article.
* A file named explicitly with an unknown suffix is always reported as Skipped; one
  with no suffix at all is read as text.
* Files that should be articles but cannot be read (empty, binary, not UTF-8,
  permission denied) are always Skipped with the reason, never an exception.
* A path that does not exist raises ``InputError`` at once, before anything is read,
  so the command line can stop with exit status 2.
* The same file reached twice (named and inside a named folder) is read once.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from orgkg.model import Article, Skipped

from .html import read_html_article
from .jsonl import read_jsonl
from .slug import slugify
from .text import decode_text, read_text_article

__all__ = ["InputError", "read_inputs"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DOC_STEMS = frozenset(
    "readme attribution license licence copying notice authors contributors changelog changes "
    "history contributing code_of_conduct security guidelines todo".split()
)
# These also mark a documentation file as the first part of a name: README-DocRED-data.md.
_DOC_PREFIX = re.compile(r"(?i)(?:readme|attribution|licen[cs]e|changelog|contributing)(?:[-_. ]|$)")
_SNIFF = 8192  # bytes looked at for NUL bytes before a JSON Lines file is streamed


class InputError(Exception):
    """An input path that cannot be used at all (it does not exist)."""


def read_inputs(inputs: Iterable[str | Path], *, verbose_skips: bool = False) -> Iterator[Article | Skipped]:
    """Read every input and yield its ``Article``s and ``Skipped`` records, one at a time.

    ``inputs`` are files, directories (read recursively, sorted) or ``"-"`` for stdin.
    Ids are unique within the call (``-2``, ``-3`` appended on collision). Raises
    ``InputError`` at once if a path does not exist. With ``verbose_skips``, files in
    directories that are not articles are reported as Skipped too.
    """
    items: list[str | Path] = []
    for raw in inputs:
        if str(raw) == "-":
            items.append("-")
            continue
        path = Path(raw)
        if not os.path.lexists(path):
            raise InputError(f"{raw}: no such file or directory")
        items.append(path)
    return _read_all(items, verbose_skips)


def _read_all(items: list[str | Path], verbose: bool) -> Iterator[Article | Skipped]:
    used: set[str] = set()
    seen: set[str] = set()
    for item in items:
        if isinstance(item, str):
            stream: Iterator[Article | Skipped] = _read_stdin()
        elif item.is_dir():
            stream = _read_dir(item, verbose, seen)
        else:
            stream = _read_file(item, explicit=True, verbose=verbose, seen=seen)
        for got in stream:
            if isinstance(got, Article):
                got = replace(got, id=_unique(got.id, used))
            yield got


def _unique(base: str, used: set[str]) -> str:
    aid, n = base, 1
    while aid in used:
        n += 1
        aid = f"{base}-{n}"
    used.add(aid)
    return aid


def _read_stdin() -> Iterator[Article | Skipped]:
    buffer = getattr(sys.stdin, "buffer", None)
    try:
        if buffer is not None:
            text = decode_text(buffer.read())
        else:  # a text stream put in place of stdin (tests, embedding)
            text = sys.stdin.read()
            if not text.strip():
                raise ValueError("empty input")
    except ValueError as e:
        yield Skipped("stdin", "empty input" if str(e) == "empty file" else str(e))
        return
    article = read_text_article(text, id="stdin", source="stdin")
    yield replace(article, id=slugify(article.title or "") or "stdin")


def _read_dir(root: Path, verbose: bool, seen: set[str]) -> Iterator[Article | Skipped]:
    visited: set[str] = set()

    def walk(d: Path) -> Iterator[Article | Skipped]:
        real = os.path.realpath(d)
        if real in visited:
            return  # a symlink loop
        visited.add(real)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except PermissionError:
            yield Skipped(str(d), "permission denied")
            return
        except OSError as e:
            yield Skipped(str(d), f"cannot read the folder ({e.strerror or e})")
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name == "__pycache__":
                continue
            path = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                yield from walk(path)
            elif is_file:
                yield from _read_file(path, explicit=False, verbose=verbose, seen=seen)
            elif entry.is_symlink():
                yield Skipped(str(path), "broken symbolic link")
            elif verbose:
                yield Skipped(str(path), "not an article file (not a regular file)")

    yield from walk(root)


def _read_file(path: Path, *, explicit: bool, verbose: bool, seen: set[str]) -> Iterator[Article | Skipped]:
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    source = str(path)
    suffix = path.suffix.lower()
    kind = (
        "jsonl"
        if suffix in JSONL_SUFFIXES
        else "html"
        if suffix in HTML_SUFFIXES
        else "text"
        if suffix in TEXT_SUFFIXES or (explicit and not suffix)
        else None
    )
    if kind == "text" and not explicit and (path.stem.lower() in DOC_STEMS or _DOC_PREFIX.match(path.stem)):
        if verbose:
            yield Skipped(source, f"not an article file ({path.name} is documentation)")
        return
    if kind is None:
        if explicit or verbose:
            yield Skipped(source, f"not an article file ({suffix or 'no extension'})")
        return

    if kind == "jsonl":
        yield from _read_jsonl_file(path)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Skipped(source, _os_reason(e))
        return
    stem_id = slugify(path.stem)
    try:
        if kind == "html":
            if not data.strip():
                raise ValueError("empty file")
            if b"\x00" in data[:_SNIFF]:
                raise ValueError("binary file")
            article = read_html_article(data, id=stem_id, source=source)
        else:
            article = read_text_article(decode_text(data), id=stem_id, source=source)
    except ValueError as e:
        yield Skipped(source, str(e))
        return
    if not article.id:
        article = replace(article, id=slugify(article.title or "") or "article")
    yield article


def _read_jsonl_file(path: Path) -> Iterator[Article | Skipped]:
    source = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
    except OSError as e:
        yield Skipped(source, _os_reason(e))
        return
    if not head.strip() and len(head) < _SNIFF:
        yield Skipped(source, "empty file")
        return
    if b"\x00" in head:
        yield Skipped(source, "binary file")
        return
    try:
        yield from read_jsonl(path)
    except OSError as e:
        yield Skipped(source, _os_reason(e))


def _os_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, FileNotFoundError):
        return "no longer exists"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({e.strerror or e})"
