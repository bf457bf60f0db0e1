"""Sentences and tokens: spaCy's blank English tokenizer, with hyphenated words kept whole."""

from __future__ import annotations

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


# A closing quote or bracket left at the start of a sentence belongs to the one before.
_LEADING_CLOSERS = set("\"'”’»)]")


@cache
def _punct_chars() -> frozenset[str]:
    """The characters that end a sentence for the pipeline's sentencizer."""
    return frozenset(nlp().get_pipe("sentencizer").punct_chars)


def _raw_sentences(text: str) -> list[list[tuple[str, int, int]]]:
    """(text, start, end) of each non-space token, per sentence; a line break always ends one.

    What spaCy's rule-based sentencizer (``Sentencizer.predict``) finds in each paragraph
    (line) tokenized alone, in one pass of the tokenizer over the whole text and read from its
    arrays: running the pipe, or the tokenizer line by line, made a Token object per token or
    a Doc per line, and cost more than tokenizing. The tokenizer splits at whitespace first,
    so the lines' words are tokenized as they would be alone; the whitespace token holding a
    line break stands for the break. The rule: the first token of a line starts a sentence;
    after a sentence-final character, the next token that is neither punctuation nor such a
    character starts one (spaces too, though they are then left out).
    """
    doc = nlp().tokenizer(text)
    if not len(doc):
        return []
    # One list per attribute: a row-wise .tolist() makes a small list per token.
    idxs, lengths, puncts, spaces = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE]).T.tolist()
    punct_chars = _punct_chars()
    sents: list[list[tuple[str, int, int]]] = []
    line_start = True  # the next token opens a line
    seen_period = False
    for idx, length, is_punct, is_space in zip(idxs, lengths, puncts, spaces, strict=True):
        end = idx + length
        tok_text = text[idx:end]
        if is_space and "\n" in tok_text:
            line_start = True
            continue
        in_punct_chars = tok_text in punct_chars
        if line_start or (seen_period and not is_punct and not in_punct_chars):
            sents.append([])
            seen_period = line_start and in_punct_chars
            line_start = False
        elif in_punct_chars:
            seen_period = True
        if not is_space:
            sents[-1].append((tok_text, idx, end))
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
    for raw in _raw_sentences(text):
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
