"""Sentences and tokens: the array-based sentence split must agree with spaCy's sentencizer."""

from __future__ import annotations

import pytest

from orgkg.extract.tokens import _sentence_starts, _spans, nlp, sentences

TEXTS = [
    "The Council met in Minsk. It adopted 12 documents!",
    'He said: "We agree." Then the talks ended... Did they? Yes!!',
    "The U.S. and the U.K. signed it on Jan. 5. Mr. Smith (the chairman) spoke.",
    "Anti-Terrorist Centre of the CIS — Mikhail Petrov, its head.’ Next sentence.",
    "ASTANA. KAZINFORM - Prime Minister Bakytzhan Sagintayev met \u00abthe delegation\u00bb.",
    "Ends with a quote.” “Starts with one.",
    "no punctuation at all",
    "   ",
    "。Chinese full stop。Another",
]


def _spacy_starts(text: str) -> list[bool]:
    doc = nlp()(text)
    return [bool(t.is_sent_start) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_starts_agree_with_spacy_sentencizer(text):
    doc = nlp().tokenizer(text)
    texts = [t.text for t in doc]
    assert _sentence_starts(texts, [t.is_punct for t in doc]) == _spacy_starts(text)


@pytest.mark.parametrize("text", TEXTS)
def test_spans_agree_with_spacy_sents(text):
    doc = nlp()(text)
    expected = [
        [(t.text, t.idx + 7, t.idx + len(t.text) + 7) for t in sent if not t.is_space] for sent in doc.sents
    ]
    assert _spans(nlp().tokenizer(text), text, 7) == expected


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
