"""Sentences and tokens: the one-pass split must agree with spaCy's sentencizer run line by line."""

from __future__ import annotations

import re

import pytest

from orgkg.extract.tokens import _raw_sentences, nlp, sentences

TEXTS = [
    "The Council met in Minsk. It adopted 12 documents!",
    'He said: "We agree." Then the talks ended... Did they? Yes!!',
    "The U.S. and the U.K. signed it on Jan. 5. Mr. Smith (the chairman) spoke.",
    "Anti-Terrorist Centre of the CIS — Mikhail Petrov, its head.’ Next sentence.",
    "ASTANA. KAZINFORM - Prime Minister Bakytzhan Sagintayev met \u00abthe delegation\u00bb.",
    "Ends with a quote.” “Starts with one.",
    "no punctuation at all",
    "   ",
    "",
    "。Chinese full stop。Another",
    'Headline\n\nBody starts. Second.\nNext line without stop\n  indented line.  Two spaces.  "Quoted"',
    "Line ends with a stop.\n. Next line opens with one.\r\nWindows line.\t\n\tTabbed.",
    "A.\u2028B. C\x85D.\n\n\n",
]


def _reference(text: str) -> list[list[tuple[str, int, int]]]:
    """The split as spaCy's blank pipeline with the sentencizer makes it, one line at a time."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        doc = nlp()(line.group())
        off = line.start()
        out += [
            [(t.text, t.idx + off, t.idx + len(t.text) + off) for t in s if not t.is_space] for s in doc.sents
        ]
    return [s for s in out if s]


@pytest.mark.parametrize("text", TEXTS)
def test_raw_sentences_agree_with_spacy_sentencizer_line_by_line(text):
    assert [s for s in _raw_sentences(text) if s] == _reference(text)


def test_sentences_offsets_point_into_text():
    text = "Headline here\n\nThe Board met. It approved the plan.\nA new paragraph."
    sents = sentences(text)
    assert [s.text for s in sents] == [
        "Headline here",
        "The Board met.",
        "It approved the plan.",
        "A new paragraph.",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text
        for t in s.toks:
            assert text[t.start : t.end] == t.text
