"""Readers: the text format on the real corpus, HTML, JSON Lines, folders, stdin, errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import pytest

from orgkg.ingest import InputError, read_inputs, read_text_article, slugify
from orgkg.model import Article, Skipped

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
DEV = CORPUS / "dev"
REDOCRED = CORPUS / "external" / "re-docred" / "gold"
FIXTURES = REPO / "tests" / "fixtures"

needs_corpus = pytest.mark.skipif(not DEV.is_dir(), reason="shared corpus not found beside the repo")


def articles(items: list) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def skipped(items: list) -> dict[str, str]:
    return {Path(s.source).name: s.reason for s in items if isinstance(s, Skipped)}


# --- the dev corpus -----------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("path", sorted(DEV.glob("*.txt")) if DEV.is_dir() else [], ids=lambda p: p.stem)
def test_dev_article_date_line_gives_gold_published(path: Path) -> None:
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.date == dt.date.fromisoformat(gold["published"])
    headline = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    assert article.title == headline
    assert article.id == path.stem
    assert article.source == str(path)
    # The date line is gone; the body follows the headline after one blank line.
    assert article.text.startswith(headline + "\n\n")
    assert article.body_start == len(headline) + 2
    assert not article.text[article.body_start :].startswith(("\n", " "))


@needs_corpus
def test_dev_folder_reads_every_article_and_hides_gold_files_unless_verbose() -> None:
    quiet = list(read_inputs([DEV]))
    assert all(isinstance(a, Article) for a in quiet)
    assert [a.id for a in quiet] == sorted(p.stem for p in DEV.glob("*.txt"))
    loud = list(read_inputs([DEV], verbose_skips=True))
    reasons = skipped(loud)
    assert len(reasons) == len(quiet)
    assert set(reasons.values()) == {"not an article file (.json)"}


@needs_corpus
def test_redocred_files_are_undated_and_keep_their_first_paragraph() -> None:
    path = REDOCRED / "redocred-dev001-ross-alger.txt"
    [article] = list(read_inputs([path]))
    assert article.date is None
    assert article.title == "Ross Alger"
    assert article.text.startswith("Ross Alger\n\nRoss Patterson Alger (August 20, 1920")
    assert "Undated" not in article.text


# --- the text format ----------------------------------------------------------------


def test_text_format_offsets_point_into_headline_blank_body() -> None:
    raw = "\ufeffHeadline here\r\n\r\n16/02/2022 12:40\r\n\r\nFirst paragraph.\r\n\r\nSecond one.\r\n\r\n"
    a = read_text_article(raw, id="x", source="s")
    assert a.text == "Headline here\n\nFirst paragraph.\n\nSecond one."
    assert a.title == "Headline here"
    assert a.date == dt.date(2022, 2, 16)
    assert a.text[a.body_start :].startswith("First paragraph.")


@pytest.mark.parametrize(
    ("raw", "title", "date", "body"),
    [
        # no blank lines between the parts
        ("Head\n2018-11-15\nBody.", "Head", dt.date(2018, 11, 15), "Body."),
        # extra blank lines
        (
            "\n\nHead\n\n\n\nNUR-SULTAN. KAZINFORM date 2019-12-05\n\n\nBody.\n",
            "Head",
            dt.date(2019, 12, 5),
            "Body.",
        ),
        # no date line: the next line is body
        ("Head\n\nBy Azernews\n\nBody.", "Head", None, "By Azernews\n\nBody."),
        # "Undated" marks a date line with no date (Re-DocRED)
        ("Ross Alger\nUndated\n\nRoss Patterson Alger was", "Ross Alger", None, "Ross Patterson Alger was"),
        # a Markdown heading
        ("# Head\n\nMarch 29, 2019\n\nBody.", "Head", dt.date(2019, 3, 29), "Body."),
        # a date line and no headline
        ("2018-11-15\n\nBody.", None, dt.date(2018, 11, 15), "Body."),
        # a body line that holds a date is not a date line
        ("Head\n\nA memo was signed on 5 May 2019.", "Head", None, "A memo was signed on 5 May 2019."),
        # headline only
        ("Just a headline\n", "Just a headline", None, ""),
        # inner lines and indentation of the body are kept exactly
        (
            "Head\n\n9 June 2017\n\nline one\n  indented\n\n\npara",
            "Head",
            dt.date(2017, 6, 9),
            "line one\n  indented\n\n\npara",
        ),
    ],
)
def test_text_format_is_lenient(raw: str, title: str | None, date: dt.date | None, body: str) -> None:
    a = read_text_article(raw, id="x", source="s")
    assert a.title == title
    assert a.date == date
    expected = f"{title}\n\n{body}" if title and body else (title or body)
    assert a.text == expected


def test_text_format_rejects_empty_text() -> None:
    with pytest.raises(ValueError):
        read_text_article(" \n\n", id="x", source="s")


# --- HTML -----------------------------------------------------------------------------


def test_html_page_gives_main_text_title_date_url() -> None:
    path = FIXTURES / "article.htm"
    [a] = list(read_inputs([path]))
    assert isinstance(a, Article)
    assert a.id == "article"
    assert a.title == "EEC and ASEAN Secretariat agree to build a steady dialogue"
    assert a.date == dt.date(2018, 11, 15)
    assert a.url == "https://news.example.org/2018/11/eec-asean-dialogue"
    assert a.text.startswith(a.title + "\n\nChairman of the Board of the Eurasian Economic Commission")
    assert "\n\nThe parties agreed" in a.text  # paragraphs separated by blank lines
    assert "Home" not in a.text and "Copyright" not in a.text  # boilerplate dropped
    assert a.text.count(a.title) == 1  # the <h1> is not repeated in the body


def test_html_without_text_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    [s] = list(read_inputs([page]))
    assert isinstance(s, Skipped)
    assert s.reason == "no article text found in the page"


# --- JSON Lines -------------------------------------------------------------------------


def test_jsonl_bad_line_is_one_skip_and_the_rest_are_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"id": "First One", "title": "EEC meets ASEAN", "date": "2018-11-15", "text": "Body one."}
        ),
        '{"text": "broken',
        "",
        json.dumps({"text": "Body three.", "url": "https://x.example/3", "date": "16/02/2022 12:40"}),
        json.dumps({"title": "No text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "Same title", "text": "Same title\n\nBody seven."}),
        json.dumps({"text": "Body eight.", "date": "sometime"}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"text": "caf\xe9"}\n')
    got = list(read_inputs([path]))
    arts = articles(got)
    assert [a.id for a in arts] == ["first-one", "feed-4", "same-title"]
    first = arts[0]
    assert first.text == "EEC meets ASEAN\n\nBody one."
    assert first.title == "EEC meets ASEAN"
    assert first.date == dt.date(2018, 11, 15)
    assert first.source == f"{path}:1"
    assert arts[1].text == "Body three." and arts[1].title is None
    assert arts[1].url == "https://x.example/3" and arts[1].date == dt.date(2022, 2, 16)
    assert arts[2].text == "Same title\n\nBody seven."  # the title is not doubled
    skips = {s.source: s.reason for s in got if isinstance(s, Skipped)}
    assert skips[f"{path}:2"].startswith("invalid JSON")
    assert skips[f"{path}:5"] == 'no "text"'
    assert skips[f"{path}:6"] == "not a JSON object"
    assert skips[f"{path}:8"] == "cannot read \"date\": 'sometime'"
    assert skips[f"{path}:9"] == "not UTF-8 text (byte 0xe9 at offset 13)"
    assert len(skips) == 5


# --- folders, bad files, ids --------------------------------------------------------------


def test_folder_with_bad_files(tmp_path: Path) -> None:
    (tmp_path / "b-good.txt").write_text("Head B\n\n2018-11-15\n\nBody B.", encoding="utf-8")
    (tmp_path / "a-good.md").write_text("Head A\n\nBody A.", encoding="utf-8")
    (tmp_path / "b-good.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00junk")
    (tmp_path / "latin1.txt").write_bytes("Head\n\nCaf\xe9 au lait".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nBody.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text("Head C\n\nBody C.", encoding="utf-8")

    quiet = list(read_inputs([tmp_path]))
    assert [a.id for a in articles(quiet)] == ["a-good", "b-good", "c"]  # sorted, recursive
    assert skipped(quiet) == {
        "binary.txt": "binary file",
        "latin1.txt": "not UTF-8 text (byte 0xe9 at offset 9)",
        "empty.txt": "empty file",
        "blank.md": "empty file",
    }
    loud = skipped(read_inputs([tmp_path], verbose_skips=True))
    assert loud["b-good.gold.json"] == "not an article file (.json)"
    assert loud["README.md"] == "not an article file (README.md is documentation)"
    assert ".hidden.txt" not in loud
    # Named on its own, a README is an article.
    [readme] = list(read_inputs([tmp_path / "README.md"]))
    assert isinstance(readme, Article) and readme.title == "About this folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Head\n\nBody.", encoding="utf-8")
    path.chmod(0)
    try:
        assert skipped(read_inputs([tmp_path])) == {"locked.txt": "permission denied"}
    finally:
        path.chmod(0o644)


def test_unreadable_file_is_skipped_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Head\n\nBody.", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert skipped(read_inputs([path])) == {"locked.txt": "permission denied"}


def test_explicit_file_of_other_kind_is_always_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text("{}", encoding="utf-8")
    assert skipped(read_inputs([path])) == {"x.gold.json": "not an article file (.json)"}


def test_ids_are_unique_within_a_batch(tmp_path: Path) -> None:
    for d in ("one", "two", "three"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "Same Name.txt").write_text(f"Head {d}\n\nBody.", encoding="utf-8")
    ids = [a.id for a in articles(read_inputs([tmp_path]))]
    assert ids == ["same-name", "same-name-2", "same-name-3"]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Head\n\nBody.", encoding="utf-8")
    assert len(list(read_inputs([path, tmp_path]))) == 1


def test_read_inputs_streams(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Head A\n\nBody.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Head B\n\nBody.", encoding="utf-8")
    stream = read_inputs([tmp_path])
    assert next(iter(stream)).id == "a"
    (tmp_path / "b.txt").unlink()  # read lazily: gone before its turn
    assert [s.reason for s in stream] == ["no longer exists"]


# --- stdin and missing paths ----------------------------------------------------------------


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"ASEAN, OECD ink MoU\n\n09 Feb 2022\n\nJakarta: today."))
    [a] = list(read_inputs(["-"]))
    assert isinstance(a, Article)
    assert (a.id, a.title, a.date, a.source) == (
        "asean-oecd-ink-mou",
        "ASEAN, OECD ink MoU",
        dt.date(2022, 2, 9),
        "stdin",
    )
    assert a.text == "ASEAN, OECD ink MoU\n\nJakarta: today."


def test_stdin_text_stream_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Head\n\nBody."))
    assert articles(read_inputs(["-"]))[0].text == "Head\n\nBody."
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b""))
    assert list(read_inputs(["-"])) == [Skipped("stdin", "empty input")]


def test_missing_path_raises_input_error_before_reading(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Head\n\nBody.", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_inputs([tmp_path, tmp_path / "nope.txt"])
    assert str(err.value) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert "\n" not in str(err.value)


# --- slugs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("EEC and ASEAN Secretariat agree", "eec-and-asean-secretariat-agree"),
        ("Björn von der Esch", "bjorn-von-der-esch"),
        ("Straße, Æsir & Łódź", "strasse-aesir-lodz"),
        ("  --Hello__World!!  ", "hello-world"),
        ("Организация", ""),
        ("a" * 50 + " " + "b" * 50, "a" * 50),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
