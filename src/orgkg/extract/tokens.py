"""Sentences and tokens: spaCy's blank English tokenizer, with hyphenated words kept whole."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH


class Tok:
    """A token: its text and character offsets into the article text (read-only by convention).

    A plain slotted class rather than a frozen dataclass: an article makes thousands and
    the derived attributes are computed once, here.
    """

    __slots__ = ("text", "start", "end", "i", "lower", "cap", "acronym")

    def __init__(self, text: str, start: int, end: int, i: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.i = i  # index within its sentence
        # lower-case form; starts with a capital letter; an acronym ("EEC", "G20", "U.S.")
        self.lower, self.cap, self.acronym = _word_forms(text)

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end}, {self.i})"


@lru_cache(maxsize=1 << 16)  # bounded: memory stays flat over a long batch
def _word_forms(text: str) -> tuple[str, bool, bool]:
    """What a Tok derives from its text, computed once per word rather than per token."""
    return text.lower(), text[:1].isupper(), _is_acronym(text)


def _is_acronym(text: str) -> bool:
    t = text.replace(".", "").replace("-", "").replace("&", "")
    if len(t) < 2:
        return False
    if t.isupper() and t.isalpha():
        return True
    return (
        t[0].isupper()
        and t.isalnum()
        and sum(c.isupper() for c in t) >= 2
        and not any(c.islower() for c in t[1:3])
    )


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its text, offsets and tokens."""

    text: str
    start: int
    end: int
    toks: tuple[Tok, ...]
    index: int  # position in the article


@cache
def nlp() -> spacy.language.Language:
    """A blank English pipeline with a rule-based sentencizer (no model, no download)."""
    pipe = spacy.blank("en")
    pipe.add_pipe("sentencizer")
    return pipe


_PARA = re.compile(r"[^\n]+")
# A closing quote or bracket left at the start of a sentence belongs to the one before.
_LEADING_CLOSERS = set("\"'”’»)]")


@cache
def _punct_chars() -> frozenset[str]:
    """The characters that end a sentence for the pipeline's sentencizer."""
    return frozenset(nlp().get_pipe("sentencizer").punct_chars)


def _sentence_starts(texts: list[str], is_punct: list[int]) -> list[bool]:
    """spaCy's rule-based sentencizer (``Sentencizer.predict``), on plain lists.

    Running the pipe component itself makes a Token object per token, which cost more than
    tokenizing; this is the same rule: after a sentence-final character, the next token that
    is neither punctuation nor such a character starts a sentence. The first token always does.
    """
    starts = [False] * len(texts)
    if texts:
        starts[0] = True
    punct_chars = _punct_chars()
    seen_period = False
    for i, text in enumerate(texts):
        in_punct_chars = text in punct_chars
        if seen_period and not is_punct[i] and not in_punct_chars:
            starts[i] = True
            seen_period = False
        elif in_punct_chars:
            seen_period = True
    return starts


def _spans(doc, text: str, offset: int) -> list[list[tuple[str, int, int]]]:
    """(text, start, end) of each non-space token, per sentence, read from spaCy's arrays
    rather than its Token objects (a third of the extraction time went into making those).

    ``text`` is the doc's text: ``Doc.text`` would rebuild it from Token objects.
    """
    if not len(doc):
        return []
    # One list per attribute: a row-wise .tolist() makes a small list per token, and cost
    # more than the tokenizer.
    idxs, lengths, puncts, spaces = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE]).T.tolist()
    texts = [text[idx : idx + length] for idx, length in zip(idxs, lengths, strict=True)]
    starts = _sentence_starts(texts, puncts)
    sents: list[list[tuple[str, int, int]]] = []
    for idx, tok_text, sent_start, is_space in zip(idxs, texts, starts, spaces, strict=True):
        if sent_start or not sents:
            sents.append([])
        if is_space:
            continue
        sents[-1].append((tok_text, idx + offset, idx + len(tok_text) + offset))
    return sents


def merge_tokens(tokens, offset: int = 0) -> list[tuple[str, int, int]]:
    """Tokens, with infix hyphens ("Anti-Terrorist") and plural possessives joined.

    ``tokens`` is a spaCy Doc/Span (its offsets shifted by ``offset``) or a list of
    (text, start, end) triples already in article offsets.
    """
    if not isinstance(tokens, list):
        tokens = [(t.text, t.idx + offset, t.idx + len(t.text) + offset) for t in tokens if not t.is_space]
    out: list[tuple[str, int, int]] = []
    for text, start, end in tokens:
        if out:
            prev_text, prev_start, prev_end = out[-1]
            glued = prev_end == start
            if glued and (text == "-" or prev_text.endswith("-")) and (prev_text != "-" or len(out) > 1):
                out[-1] = (prev_text + text, prev_start, end)
                continue
            if glued and text in ("'", "’") and prev_text.endswith("s") and prev_text[:1].isupper():
                out[-1] = (prev_text + text, prev_start, end)
                continue
        out.append((text, start, end))
    return out


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences (paragraph breaks always end one) with tokens."""
    out: list[Sentence] = []
    paras = [p for p in _PARA.finditer(text) if p.group().strip()]
    # The tokenizer alone: sentence starts are found by _sentence_starts, on arrays.
    tokenizer = nlp().tokenizer
    for para in paras:
        para_text = para.group()
        for raw in _spans(tokenizer(para_text), para_text, para.start()):
            toks = merge_tokens(raw)
            if not toks:
                continue
            # A closing quote split off by the sentencizer goes back to the previous sentence.
            if out and toks and toks[0][0] in _LEADING_CLOSERS and len(toks) == 1:
                continue
            s0, s1 = toks[0][1], toks[-1][2]
            out.append(
                Sentence(
                    text=text[s0:s1],
                    start=s0,
                    end=s1,
                    toks=tuple([Tok(x, s, e, i) for i, (x, s, e) in enumerate(toks)]),
                    index=len(out),
                )
            )
    return out
